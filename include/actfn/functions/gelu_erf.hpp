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

// |x| is clamped to largest_magnitude, beyond which f and f' have reached
// their limits (x, 1) or underflowed to 0; erfcx's range covers it.
// f'(x) has its only zero at x0 = -0.751791524693564457457904946780; on
// [window_low, window_high] around it f' is (x - x0) * P(x - x0_hi), P fitted
// to f'(x) / (x - x0) (our Chebyshev fit), so f' keeps its relative accuracy
// right up to the zero. Outside the window the direct formula cancels at most
// a factor 2.
struct gelu_erf_constants {
  static constexpr double largest_magnitude = 39.0;
  static constexpr double inv_sqrt2 = 0x1.6a09e667f3bcdp-1;         // 0.7071067811865476
  static constexpr double inv_sqrt2_lo = -0x1.bdd3413b26456p-55;    // -4.833646656726457e-17
  static constexpr double inv_sqrt_2pi = 0x1.9884533d43651p-2;      // 0.3989422804014327
  static constexpr double inv_sqrt_2pi_lo = -0x1.cbc0d30ebfd15p-56;  // -2.49232720227773e-17
  static constexpr double sqrt2_hi = 0x1.6a09e667f3bcdp+0;      // 1.4142135623730951
  static constexpr double sqrt2_lo = -0x1.bdd3413b26456p-54;     // -9.667293313452913e-17
  static constexpr double window_low = -1.25;
  static constexpr double window_high = -0.4375;
  // |x| <= small_magnitude: Phi(x) = 1/2 + x * R(x^2) and
  // f'(x) = 1/2 + x * S(x^2), fitted on x^2 in [0, 0.4375^2] (ours), so that
  // f = x (1/2 + x R) has no cancellation where x - x Phi(-x) would lose a bit.
  static constexpr double small_magnitude = 0.4375;
  static constexpr double phi_odd[] = {
      0x1.586474ec43a5p-38,    // 4.894110490766609e-12
      -0x1.f098fbd542788p-34,  // -1.1291321986102967e-10
      0x1.3877d5165e615p-29,   // 2.2735046164987367e-09
      -0x1.622268087c49cp-25,  // -4.122667013665635e-08
      0x1.658a2173fff1fp-21,   // 6.659693512211834e-07
      -0x1.3ce8fac15a48cp-17,  // -9.444656259476632e-06
      0x1.e42b0d5216f76p-14,   // 0.00011543468761615418
      -0x1.37403f6ba11p-10,    // -0.0011873282154804543
      0x1.46d04297691dap-7,    // 0.009973557010035817
      -0x1.1058377e2ceep-4,    // -0.06649038006690544
      0x1.9884533d43651p-2,    // 0.3989422804014327
  };
  static constexpr double derivative_odd[] = {
      0x1.d7a9ad46f766dp-34,   // 1.0724370446278854e-10
      -0x1.3651f686e9586p-29,  // -2.257876388855669e-09
      0x1.5f867b8bf4226p-25,   // 4.092293356928768e-08
      -0x1.622266ea0451ep-21,  // -6.596266903820951e-07
      0x1.38d8dd4334d96p-17,   // 9.323570913022724e-06
      -0x1.db5d782201a19p-14,  // -0.00011333587511339788
      0x1.2e9ae8534e563p-10,   // 0.0011543468761615265
      -0x1.37403f6ba11p-7,     // -0.009498625723843634
      0x1.ea3863e31dac7p-5,    // 0.0598413420602149
      -0x1.1058377e2ceep-2,    // -0.26596152026762176
      0x1.9884533d43651p-1,    // 0.7978845608028654
  };
  static constexpr double derivative_zero_hi = -0x1.80ead197f00b4p-1;  // -0.7517915246935645
  static constexpr double derivative_zero_lo = 0x1.13e74c58cada8p-56;  // 1.4956759177009883e-17
  static constexpr double derivative_near_zero[] = {
      -0x1.00e3dfed169afp-25,  // -2.99059478090523e-08
      0x1.eb53f93fd97ebp-31,   // 8.937204656726111e-10
      0x1.3170dd879b49dp-21,   // 5.68927974021371e-07
      0x1.cfa41ef36726dp-22,   // 4.3179942040854824e-07
      -0x1.03fe274a745a2p-17,  // -7.748388857561573e-06
      -0x1.784964a2cc762p-17,  // -1.1214217300190437e-05
      0x1.69610b8729cb2p-14,   // 8.615948728395403e-05
      0x1.86c861f18f1f2p-13,   // 0.00018633973336247518
      -0x1.8680f75999418p-11,  // -0.0007448268399455919
      -0x1.258a6d842bc4dp-9,   // -0.0022395380675202304
      0x1.297b9d700ba6bp-8,    // 0.004539228379185726
      0x1.3e346def4122ap-6,    // 0.019421679838176477
      -0x1.e4088244f92d2p-7,   // -0.01477152214824554
      -0x1.d2fa4c17c7e7bp-4,   // -0.11400823329722158
      -0x1.2a2ef9bb865aap-6,   // -0.018199676398671073
      0x1.8d9a941de3ac5p-2,    // 0.388284982990552
      0x1.b9d98fa5a3215p-2,    // 0.4314939923140469
  };
};

// The fast tier's float kernel (our fits, mpmath): erfcx(t) = (1 - w)/2 P(w)
// = 2 P(w) / (t + 2) with w = (t - 2) / (t + 2), P of degree 10 fitted on
// t in [0, 10.5] (2^-25.4 relative with the coefficients rounded; the shift
// 2 keeps P's sensitivity to w's rounding at 0.63, where 4 made it 1.8); and
// f'(x) / (x - x0) on the window around f''s zero, degree 8 (2^-24.3
// rounded).
struct gelu_erf_fast_float_constants {
  // Beyond, g = a Phi(-a) has underflowed (f = x or -0) and t stays in the fit.
  static constexpr float largest_magnitude = 14.75f;
  static constexpr float inv_sqrt2 = 0x1.6a09e6p-1f;     // 0.70710677
  static constexpr float inv_sqrt2_lo = 0x1.9fcef4p-27f;  // 1.2101617e-08
  static constexpr float inv_sqrt_2pi = 0x1.988454p-2f;  // 0.3989423
  static constexpr float inv_sqrt_pi = 0x1.20dd76p-1f;   // 0.5641896
  static constexpr float erfcx_shift = 2.0f;
  static constexpr float erfcx_polynomial[] = {
      0x1.124f38p-15f,   // 3.270023444201797e-05
      0x1.5fa402p-16f,   // 2.0959416360710748e-05
      -0x1.3425bep-12f,  // -0.0002938722900580615
      -0x1.b0d712p-12f,  // -0.0004127885040361434
      0x1.9129dep-10f,   // 0.0015303174732252955
      0x1.a8384ep-9f,    // 0.0032365412916988134
      -0x1.60580cp-7f,   // -0.010752683505415916
      -0x1.2a8706p-6f,   // -0.01822066865861416
      0x1.1e2dd8p-3f,    // 0.1397358775138855
      -0x1.5fd388p-2f,   // -0.34358036518096924
      0x1.058672p-1f,    // 0.5107913613319397
  };
  static constexpr float window_low = -1.25f;
  static constexpr float window_high = -0.4375f;
  static constexpr float derivative_zero_hi = -0x1.80ead2p-1f;  // -0.75179154
  static constexpr float derivative_zero_lo = 0x1.a03fd4p-27f;  // 1.211445e-08
  static constexpr float derivative_near_zero[] = {
      -0x1.b3cd6ep-11f,  // -0.0008312272257171571
      -0x1.2286c8p-9f,   // -0.0022165412083268166
      0x1.2acf52p-8f,    // 0.0045594763942062855
      0x1.3e3512p-6f,    // 0.019421832635998726
      -0x1.e41434p-7f,   // -0.014772916212677956
      -0x1.d2fa6p-4f,    // -0.11400830745697021
      -0x1.2a2ed4p-6f,   // -0.01819964125752449
      0x1.8d9a94p-2f,    // 0.38828498125076294
      0x1.b9d99p-2f,     // 0.43149399757385254
  };
};

}  // namespace detail

// Gaussian error linear unit, exact (erf) form (Hendrycks & Gimpel 2016).
//   f(x)  = x * Phi(x) = x/2 * erfc(-x/sqrt2)
//   f'(x) = Phi(x) + x * phi(x), phi(x) = e^(-x^2/2) / sqrt(2 pi)
//   f''(x) = phi(x) (2 - x^2), zero at +-sqrt2
//   range [-0.17, inf); f(-inf) = -0, f(+inf) = inf, f'(-inf) = 0,
//   f'(+inf) = 1; NaN gives NaN. Nothing underflows early: f(-10) is
//   -7.62e-23, not 0, in float.
//   Max error against a long double reference over the whole finite range:
//   double: f within 2 ULP, f' within 4 ULP, f'' within 4 ULP;
//   float: f, f' and f'' within 0.51 ULP (computed in double, rounded once);
//   (absolute 2^-24 / 2^-53 within 1e-3 relative of x0).
// With a = |x|, Phi(-a) = e^(-a^2/2) * erfcx(a/sqrt2) / 2. a^2 is split
// exactly into two words, because erfc amplifies the error of its
// argument's square by a^2; for double results a/sqrt2, erfcx and the
// factor a * erfcx / 2 are two words too (float results, rounded from
// double, need none of that and skip it), and the factor is applied inside
// the exponential with one rounding, so a subnormal result rounds once. Then
//   f = -a * Phi(-a) for x < 0, x - a * Phi(-a) for x >= 0 (no cancellation),
//   f' = e^(-a^2/2) * (erfcx/2 - a/sqrt(2 pi)) for x < 0, 1 minus that for x >= 0.
// A float kernel built the same way stays near 4 ULP (the rounding of a/sqrt2,
// of Horner's steps in erfcx, of its divisions and of the products add up),
// so float lanes go through the double kernel with one-word erfcx. f'' takes 2 - x^2 as
// (sqrt2 - |x|)(sqrt2 + |x|) with sqrt2 in two words, so the first factor is
// exact near the zeros and f'' keeps its relative accuracy through them.
// Fast tier, float (precision.hpp): the same decomposition in float, with
// e^(-a^2/2) in one word (a^2 still in two) and erfcx from the fit above
// (gelu_erf_fast_float_constants): f within 4 ULP and f' within 8 (3.51 and
// 4.53 seen over every float; 3.66 and 4.91 over every 16th without FMA), tails
// kept (f(-10) = -7.6e-23). The fast tier's double runs the accurate kernel;
// f'' is the accurate tier's in both.
template <class T, class Precision = accurate>
class gelu_erf {
  using C = detail::gelu_erf_constants;
  using F = detail::gelu_erf_fast_float_constants;
  // The fast tier's own kernel is for float; its double lanes would need
  // the accurate tier's two-word erfcx to stay within 4 ULP, so double runs
  // the accurate kernel in both tiers.
  static constexpr bool fast_float = is_fast_v<Precision> && std::is_same<T, float>::value;
  static_assert(C::largest_magnitude * C::inv_sqrt2 <=
                    detail::math_constants<double>::erfcx_highest,
                "the clamp must keep erfcx's argument inside its fitted range");

 public:
  using value_type = T;
  using precision = Precision;

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    if constexpr (fast_float) {
      const V a = detail::clamp_above(detail::abs(x), V(F::largest_magnitude));
      const V g =
          gaussian_tail<detail::one_word_exponential<V>>(a).times(times_half_erfcx_fast(a, a));
      return detail::select(x < V(0), detail::negate(g), x - g);
    } else {
      return detail::in_double_precision(x, [](auto const& wide) { return value<T>(wide); });
    }
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    if constexpr (fast_float) {
      const V a = detail::clamp_above(detail::abs(x), V(F::largest_magnitude));
      // erfcx / 2 - a / sqrt(2 pi), the product exact (it cancels near x0,
      // where the window takes over).
      const V tail = gaussian_tail<detail::one_word_exponential<V>>(a).times(
          detail::minus_product(times_half_erfcx_fast(V(1), a), a, V(F::inv_sqrt_2pi)));
      return detail::near_root_of_derivative<F>(x, detail::select(x < V(0), tail, V(1) - tail));
    } else {
      return detail::in_double_precision(x, [](auto const& wide) { return slope<T>(wide); });
    }
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V second_derivative(V const& x) const {
    return detail::in_double_precision(x, [](auto const& wide) { return curvature(wide); });
  }

 private:
  // f, f' and f'' for double lanes, for results of type Result: a float
  // result takes erfcx in one word (2^-52, far below its half ULP), a double
  // one in two.
  template <class Result, class V>
  static V value(V const& x) {
    const V a = detail::clamp_above(detail::abs(x), V(C::largest_magnitude));
    V a_phi_minus_a;
    if constexpr (std::is_same<Result, float>::value) {
      a_phi_minus_a =
          gaussian_tail<detail::exponential<V>>(a).times(a * (V(0.5) * erfcx_of_scaled(a)));
    } else {
      // a * erfcx / 2 as two words, applied with one rounding.
      const detail::double_word<V> h = half_erfcx(a);
      detail::double_word<V> a_h = detail::two_product(a, h.high);
      a_h.low = detail::multiply_add(a, h.low, a_h.low);
      a_phi_minus_a = gaussian_tail<detail::exponential<V>>(a).times(a_h);
    }
    const V general = detail::select(x < V(0), detail::negate(a_phi_minus_a), x - a_phi_minus_a);
    const V small = x * detail::multiply_add(x, detail::horner(x * x, C::phi_odd), V(0.5));
    return detail::select(a <= V(C::small_magnitude), small, general);
  }

  template <class Result, class V>
  static V slope(V const& x) {
    const V a = detail::clamp_above(detail::abs(x), V(C::largest_magnitude));
    // erfcx / 2 - a / sqrt(2 pi), which cancels near x0: the product exact,
    // and for a double result the difference in two words.
    V tail;
    if constexpr (std::is_same<Result, float>::value) {
      const V h = V(0.5) * erfcx_of_scaled(a);
      tail = gaussian_tail<detail::exponential<V>>(a).times(
          detail::minus_product(h, a, V(C::inv_sqrt_2pi)));
    } else {
      const detail::double_word<V> h = half_erfcx(a);
      const detail::double_word<V> a_c = detail::two_product(a, V(C::inv_sqrt_2pi));
      detail::double_word<V> m = detail::two_sum(h.high, detail::negate(a_c.high));
      m.low = m.low + (h.low - detail::multiply_add(a, V(C::inv_sqrt_2pi_lo), a_c.low));
      tail = gaussian_tail<detail::exponential<V>>(a).times(m);
    }
    const V large = detail::select(x < V(0), tail, V(1) - tail);
    const V small = detail::multiply_add(x, detail::horner(x * x, C::derivative_odd), V(0.5));
    const V direct = detail::select(a <= V(C::small_magnitude), small, large);
    return detail::near_root_of_derivative<C>(x, direct);
  }

  template <class V>
  static V curvature(V const& x) {
    const V a = detail::clamp_above(detail::abs(x), V(C::largest_magnitude));
    const detail::double_word<V> root_minus_a = detail::two_sum(V(C::sqrt2_hi), detail::negate(a));
    const V difference = root_minus_a.high + (root_minus_a.low + V(C::sqrt2_lo));
    return gaussian_tail<detail::exponential<V>>(a).times(V(C::inv_sqrt_2pi) * difference *
                                                          (V(C::sqrt2_hi) + a));
  }

  // e^(-a^2/2) with a^2 carried as two words (in both tiers: the exponent
  // reaches 108 in float).
  template <class Exponential, class V>
  static Exponential gaussian_tail(V const& a) {
    const detail::double_word<V> square = detail::two_product(a, a);
    return Exponential(V(-0.5) * square.high, V(-0.5) * square.low);
  }

  // The fast tier's float form of m h(t), h(t) = erfcx(t) / 2, t = a/sqrt2:
  // m P(w) / s at the t' = s - 2 that s = t + 2 stands for (w = (s - 4) / s,
  // both differences exact), the product m P kept in two words and the
  // quotient corrected by its residual, then moved to t by the first-order
  // term (t - t') m h'(t'), h' = 2t h - 1/sqrt(pi), with t - t' exact: s keeps
  // only 23 bits of a small t, which would cost h 2 ULP.
  template <class V>
  static V times_half_erfcx_fast(V const& m, V const& a) {
    // t in two words (its rounding would cost h up to an ULP for large t,
    // where h falls like 1/t); the low word only enters t - t'.
    const detail::double_word<V> t_exact = detail::two_product(a, V(F::inv_sqrt2));
    const V t = t_exact.high;
    const V s = t + V(F::erfcx_shift);
    const V t_minus_t_prime =
        (t - (s - V(F::erfcx_shift))) + detail::multiply_add(a, V(F::inv_sqrt2_lo), t_exact.low);
    const V w = detail::quotient(s - V(2 * F::erfcx_shift), s);
    const V m_h = detail::divide(detail::two_product(m, detail::horner(w, F::erfcx_polynomial)),
                                 detail::double_word<V>{s, V(0)});
    return detail::multiply_add(
        t_minus_t_prime, detail::multiply_add(t + t, m_h, detail::negate(m) * V(F::inv_sqrt_pi)),
        m_h);
  }

  // erfcx(a/sqrt2) / 2 = Phi(-a) * e^(a^2/2), as two words (a/sqrt2 too:
  // erfcx passes its argument's relative error on whole for large a).
  template <class V>
  static detail::double_word<V> half_erfcx(V const& a) {
    detail::double_word<V> z = detail::two_product(a, V(C::inv_sqrt2));
    z.low = detail::multiply_add(a, V(C::inv_sqrt2_lo), z.low);
    const detail::double_word<V> erfcx = detail::erfcx_nonnegative(z);
    return {V(0.5) * erfcx.high, V(0.5) * erfcx.low};
  }
  // erfcx(a/sqrt2) in one word.
  template <class V>
  static V erfcx_of_scaled(V const& a) {
    return detail::erfcx_nonnegative(a * V(C::inv_sqrt2));
  }
};

template <class T, class Precision>
struct descriptor<gelu_erf<T, Precision>> : descriptor_without_parameters<gelu_erf<T, Precision>> {
  static constexpr bool in_float = std::is_same<T, float>::value;
  static constexpr const char* name = "gelu_erf";
  static constexpr summary formulas{"x·Φ(x) = ½x·erfc(−x/√2)", "Φ(x) + x·φ(x)", "f(−inf) = 0", ""};
  static constexpr bool fast_kernel = in_float;
  static constexpr accuracy_bounds accuracy =
      bounds_of_tier<Precision>({in_float ? 0.51 : 2, in_float ? 0.51 : 4, in_float ? 0.51 : 4, 0},
                                {in_float ? 4 : 2, in_float ? 8 : 4, in_float ? 0.51 : 4, 0});
  static constexpr int eigen_cost = 60;
};

ACTFN_NAMESPACE_END
