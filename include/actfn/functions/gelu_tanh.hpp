// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>
#include <type_traits>

#include "actfn/descriptor.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/detail/vector_math.hpp"

ACTFN_NAMESPACE_BEGIN
namespace detail {

template <class T>
struct gelu_tanh_constants;

// a = 2*sqrt(2/pi) and b = a * 0.044715 as two words each (the exponent
// 2u = a x + b x^3 reaches -142 in float before f underflows, so a relative
// error of 2^-24 in a or b would cost 8 ULP); 3b as two words too, for the
// derivative's k = a + 3b x^2.
// |x| is clamped to largest_magnitude, beyond which f and f' have reached
// their limits (x, 1) or underflowed to 0. f'(x) has its only zero at
// x0 = -0.752461422071016258487954443289; on [window_low, window_high] f' is
// (x - x0) * P(x - x0_hi), P fitted to f'(x) / (x - x0) (our Chebyshev fit).
template <>
struct gelu_tanh_constants<float> {
  static constexpr float largest_magnitude = 12.0f;
  static constexpr float a_hi = 0x1.988454p+0f;         // 1.5957691669464111
  static constexpr float a_lo = -0x1.857936p-25f;       // -4.534068054340423e-08
  static constexpr float b_hi = 0x1.2444f2p-4f;         // 0.07135481387376785
  static constexpr float b_lo = 0x1.49b16ap-29f;        // 2.3988324659995897e-09
  static constexpr float three_b = 0x1.b6676cp-3f;      // 0.21406444907188416
  static constexpr float three_b_lo = -0x1.175e2p-32f;  // -2.540834209696641e-10
  static constexpr float window_low = -1.25f;
  static constexpr float window_high = -0.4375f;
  static constexpr float derivative_zero_hi = -0x1.8142ap-1f;   // -0.7524614334106445
  static constexpr float derivative_zero_lo = 0x1.85a06cp-27f;  // 1.1339627903339533e-08
  static constexpr float derivative_near_zero[] = {
      -0x1.10b152p-10f,  // -0.001040239934809506
      -0x1.390834p-9f,   // -0.0023882449604570866
      0x1.5a8c06p-8f,    // 0.005287887062877417
      0x1.4278f4p-6f,    // 0.019682157784700394
      -0x1.10524ap-6f,   // -0.01662118174135685
      -0x1.d2b78ap-4f,   // -0.11394456773996353
      -0x1.0295e6p-6f,   // -0.015782808884978294
      0x1.8cd1a2p-2f,    // 0.38751843571662903
      0x1.b8baccp-2f,    // 0.4304000735282898
  };
};

template <>
struct gelu_tanh_constants<double> {
  static constexpr double largest_magnitude = 25.0;
  static constexpr double a_hi = 0x1.9884533d43651p+0;         // 1.5957691216057308
  static constexpr double a_lo = -0x1.cbc0d30ebfd15p-54;       // -9.96930880911092e-17
  static constexpr double b_hi = 0x1.2444f2a4d8b4bp-4;         // 0.07135481627260025
  static constexpr double b_lo = -0x1.6c843a29d1c7p-61;        // -6.175149918155315e-19
  static constexpr double three_b = 0x1.b6676bf7450fp-3;       // 0.21406444881780073
  static constexpr double three_b_lo = 0x1.bba7351828aabp-57;  // 1.2025242832367862e-17
  static constexpr double window_low = -1.25;
  static constexpr double window_high = -0.4375;
  static constexpr double derivative_zero_hi = -0x1.81429f9e97e4dp-1;  // -0.7524614220710163
  static constexpr double derivative_zero_lo = 0x1.4f523ed77dbdcp-55;  // 3.635560509207687e-17
  static constexpr double derivative_near_zero[] = {
      -0x1.073c72e28aecp-21,   // -4.903154969307559e-07
      -0x1.0209f77dcf0ep-20,   // -9.612699324998547e-07
      0x1.4a2605ddd3e18p-19,   // 2.459798209487678e-06
      0x1.8d3f706bc840fp-18,   // 5.919453638176578e-06
      -0x1.0baceb8462aa9p-16,  // -1.5954701227320154e-05
      -0x1.253d4106e4966p-15,  // -3.495684546019305e-05
      0x1.04939214dbebap-13,   // 0.00012425253285241138
      0x1.14bf8e343722fp-12,   // 0.0002639277111151942
      -0x1.e63f29872cb95p-11,  // -0.0009274420307491144
      -0x1.3d8d641e47aap-9,    // -0.002422731849164819
      0x1.58c9ed7144beep-8,    // 0.005261059254979534
      0x1.427996dc29c5cp-6,    // 0.01968230945990644
      -0x1.104a83edc0c1ap-6,   // -0.016619328343051
      -0x1.d2b77346470ddp-4,   // -0.11394448308095968
      -0x1.029615edb077dp-6,   // -0.01578285352184804
      0x1.8cd1a2b2fff33p-2,    // 0.38751844613578895
      0x1.b8bacd2c96b91p-2,    // 0.4304000910248585
  };
};

}  // namespace detail

// Gaussian error linear unit, tanh approximation (Hendrycks & Gimpel 2016;
// PyTorch's approximate='tanh').
//   f(x)  = x/2 * (1 + tanh(u)), u = sqrt(2/pi) * (x + 0.044715 x^3)
//   f'(x) = exact derivative of that:
//           s + x * s * (1 - s) * (a + 3b x^2), s = sigmoid(2u)
//   f''(x) = s (1 - s) (2a + 12b x^2 + x (1 - 2s) (a + 3b x^2)^2), even, with
//           zeros at +-1.4185040087908284
//   range [-0.17, inf); f(-inf) = -0, f(+inf) = inf, f'(-inf) = 0,
//   f'(+inf) = 1; NaN gives NaN. Nothing underflows early.
//   Max error against a long double reference over the whole finite range:
//   f within 2 ULP, f' within 4 ULP
//   (absolute 2^-24 / 2^-53 within 1e-3 relative of x0); f'' within 0.51 ULP
//   in float, and in double within 7 ULP of its scale (see second_derivative).
// (1 + tanh u)/2 = sigmoid(2u), so with m = |x| and e = e^(-(a m + b m^3)):
//   f  = x - g for x >= 0,  -g for x < 0,  g = m e / (1 + e) <= x/2
//   f' = ((1 + e) + m k e) / (1 + e)^2 for x >= 0,
//        e ((1 + e) - m k) / (1 + e)^2 for x < 0, k = a + 3b m^2,
// with the exponent, 1 + e, its square, k and the numerators carried as two
// words, factors applied inside the exponential (one rounding for subnormal
// results), and each quotient corrected by its residual.
// Fast tier (precision.hpp): the exponent still in two words (it reaches 142
// in float, where one word would cost 8 ULP), the rest in one, plain
// quotients: f within 4 ULP, f' within 8 (2.66 and 7.35 over every float);
// f'' is the accurate tier's.
template <class T, class Precision = accurate>
class gelu_tanh {
 public:
  using value_type = T;
  using precision = Precision;

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    using C = detail::gelu_tanh_constants<T>;
    const V m = detail::clamp_above(detail::abs(x), V(C::largest_magnitude));
    if constexpr (is_fast_v<Precision>) {
      const auto e = exponent<C, detail::one_word_exponential<V>>(m);
      const V g = detail::quotient(e.times(m), V(1) + e.value());  // m e / (1 + e)
      return detail::select(x < V(0), detail::negate(g), x - g);
    } else {
      const auto e = exponent<C, detail::exponential<V>>(m);
      const detail::double_word<V> one_plus_e = detail::fast_two_sum(V(1), e.value());
      const V g = detail::divide(e.times_as_two_words(m), one_plus_e);  // m e / (1 + e)
      return detail::select(x < V(0), detail::negate(g), x - g);
    }
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    using C = detail::gelu_tanh_constants<T>;
    const V m = detail::clamp_above(detail::abs(x), V(C::largest_magnitude));
    if constexpr (is_fast_v<Precision>) {
      // Outside the window around the root, (1 + e) - m k loses at most a
      // factor 2 to cancellation: one word will do.
      const auto e = exponent<C, detail::one_word_exponential<V>>(m);
      const V value = e.value();
      const V one_plus_e = V(1) + value;
      const V m_k = m * detail::multiply_add(V(C::three_b), m * m, V(C::a_hi));
      const V numerator = detail::select(x < V(0), e.times(one_plus_e - m_k),
                                         detail::multiply_add(m_k, value, one_plus_e));
      return detail::near_root_of_derivative<C>(
          x, detail::quotient(numerator, one_plus_e * one_plus_e));
    } else {
      const auto e = exponent<C, detail::exponential<V>>(m);
      const V value = e.value();
      const detail::double_word<V> one_plus_e = detail::fast_two_sum(V(1), value);
      // k = a + 3b m^2 as two words (the low word is exact while 3b m^2 <= a,
      // which covers the x < 0 side where (1 + e) - m k cancels).
      const detail::double_word<V> m_squared = detail::two_product(m, m);
      const detail::double_word<V> three_b_m_squared_plus_a =
          detail::two_word_multiply_add(V(C::three_b), m_squared.high, V(C::a_hi));
      const V k = three_b_m_squared_plus_a.high;
      const V k_low =
          three_b_m_squared_plus_a.low +
          detail::multiply_add(V(C::three_b), m_squared.low,
                               detail::multiply_add(V(C::three_b_lo), m_squared.high, V(C::a_lo)));
      const V negative_side = detail::multiply_add(
          detail::negate(m), k_low, detail::minus_product(one_plus_e.high, m, k) + one_plus_e.low);
      const V positive_side = detail::multiply_add(m * k, value, one_plus_e.high) + one_plus_e.low;
      const detail::double_word<V> scaled_negative_side = e.times_as_two_words(negative_side);
      const auto negative = x < V(0);
      const detail::double_word<V> numerator{
          detail::select(negative, scaled_negative_side.high, positive_side),
          detail::select(negative, scaled_negative_side.low, V(0))};
      return detail::near_root_of_derivative<C>(
          x, detail::divide(numerator, detail::square(one_plus_e)));
    }
  }

  // In double for float lanes (so float f'' is rounded once, relative
  // everywhere): with m = |x|, e = e^-(a m + b m^3) and k = a + 3b m^2,
  //   f'' = e ((2a + 12b m^2)(1 + e) - m k^2 (1 - e)) / (1 + e)^3,
  // 1 - e = -expm1 from the same exponential. The bracket cancels at the
  // zeros, so in double f'' is within 7 ULP of the scale
  // e ((2a + 12b m^2)(1 + e) + m k^2 (1 - e)) / (1 + e)^3.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V second_derivative(V const& x) const {
    return detail::in_double_precision(x, [](auto const& wide) { return curvature(wide); });
  }

 private:
  template <class V>
  static V curvature(V const& x) {
    using C = detail::gelu_tanh_constants<double>;
    const V m = detail::clamp_above(detail::abs(x), V(C::largest_magnitude));
    const auto e = exponent<C, detail::exponential<V>>(m);
    const V m_squared = m * m;
    const V k = detail::multiply_add(V(C::three_b), m_squared, V(C::a_hi));
    const V even_term = detail::multiply_add(V(4 * C::three_b), m_squared, V(2 * C::a_hi));
    const V one_minus_e = detail::negate(e.minus_one().high);
    const V n = detail::multiply_add(detail::negate(m * k) * k, one_minus_e,
                            detail::multiply_add(even_term, e.value(), even_term));
    return detail::times_over_cube_of_one_plus(e, n);
  }

  // e^-(a m + b m^3) for m >= 0, the sum carried as two words (in both
  // tiers: the exponent reaches 142, where one word would cost 8 ULP).
  template <class C, class Exponential, class V>
  static Exponential exponent(V const& m) {
    const detail::double_word<V> square = detail::two_product(m, m);
    const detail::double_word<V> cube = detail::two_product(m, square.high);
    const V cube_low = detail::multiply_add(m, square.low, cube.low);
    const detail::double_word<V> b_cube = detail::two_product(V(C::b_hi), cube.high);
    const V b_cube_low =
        detail::multiply_add(V(C::b_hi), cube_low, detail::multiply_add(V(C::b_lo), cube.high, b_cube.low));
    const detail::double_word<V> a_m = detail::two_product(V(C::a_hi), m);
    const V a_m_low = detail::multiply_add(V(C::a_lo), m, a_m.low);
    const detail::double_word<V> sum = detail::two_sum(a_m.high, b_cube.high);
    const V low = sum.low + (a_m_low + b_cube_low);
    return Exponential(detail::negate(sum.high), detail::negate(low));
  }
};

template <class T, class Precision>
struct descriptor<gelu_tanh<T, Precision>>
    : descriptor_without_parameters<gelu_tanh<T, Precision>> {
  static constexpr bool in_float = std::is_same<T, float>::value;
  static constexpr const char* name = "gelu_tanh";
  static constexpr summary formulas{"½x·(1 + tanh(√(2/π)(x + 0.044715x³)))", "its exact derivative",
                                    "f(−inf) = 0", ""};
  static constexpr bool fast_kernel = true;
  static constexpr accuracy_bounds accuracy =
      bounds_of_tier<Precision>({2, 4, in_float ? 0.51 : 7, 0}, {4, 8, in_float ? 0.51 : 7, 0});
  static constexpr int eigen_cost = 45;
};

ACTFN_NAMESPACE_END
