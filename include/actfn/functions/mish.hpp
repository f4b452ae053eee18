// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>
#include <limits>
#include <type_traits>

#include "actfn/descriptor.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/detail/vector_math.hpp"

ACTFN_NAMESPACE_BEGIN
namespace detail {

// f'(x) has its only zero at x0 = -1.192431214515495212137588340421 (mpmath);
// on [window_low, window_high] f' is (x - x0) * P(x - x0_hi), P fitted to
// f'(x) / (x - x0) (our Chebyshev fit, 2^-24.3 / 2^-52.3 relative). Outside
// the window the direct formula cancels at most a factor 2.
template <class T>
struct mish_constants;

template <>
struct mish_constants<float> {
  static constexpr float window_low = -1.75f;
  static constexpr float window_high = -0.6875f;
  static constexpr float derivative_zero_hi = -0x1.31432cp+0f;  // -1.1924312114715576
  static constexpr float derivative_zero_lo = -0x1.a25b08p-29f;  // -3.0439375464652585e-09
  static constexpr float derivative_near_zero[] = {
      -0x1.4aa908p-15f,  // -3.941777686122805e-05
      0x1.c7c922p-13f,   // 0.00021733554603997618
      0x1.022f76p-10f,   // 0.0009848991176113486
      0x1.209fdap-10f,   // 0.001101014786399901
      -0x1.b85864p-9f,   // -0.0033595678396523
      -0x1.033a1ap-6f,   // -0.01582195796072483
      -0x1.4c2288p-6f,   // -0.0202719047665596
      0x1.574f22p-5f,    // 0.04190785065293312
      0x1.a34a26p-3f,    // 0.2047312706708908
      0x1.115accp-2f,    // 0.2669479250907898
  };
};

template <>
struct mish_constants<double> {
  static constexpr double window_low = -1.75;
  static constexpr double window_high = -0.6875;
  static constexpr double derivative_zero_hi = -0x1.31432c0d12d84p+0;  // -1.1924312145154952
  static constexpr double derivative_zero_lo = -0x1.bf319154da21p-55;  // -4.8484829848031044e-17
  static constexpr double derivative_near_zero[] = {
      -0x1.bec4d41e452c5p-25,  // -5.2010740813278385e-08
      -0x1.37c0bb6e5808bp-23,  // -1.4517123809576156e-07
      0x1.669eee8bf46d5p-26,   // 2.087447951977098e-08
      0x1.201ef626c6bbap-20,   // 1.0733341555049903e-06
      0x1.86af29f82af9dp-19,   // 2.910824374499243e-06
      0x1.f9e6b93f41b1ep-21,   // 9.423145356520358e-07
      -0x1.223d803182cf2p-16,  // -1.7299666245346305e-05
      -0x1.d4538a04363f5p-15,  // -5.582884844707723e-05
      -0x1.5fff869544eccp-15,  // -4.196144906578949e-05
      0x1.0a79547452b8p-12,    // 0.0002541293572632594
      0x1.0379917455728p-10,   // 0.0009898180988634018
      0x1.1e5e184bb6dbep-10,   // 0.0010924055413202706
      -0x1.b87ddfb4d6766p-9,   // -0.0033606849269007142
      -0x1.03369d4ac9d52p-6,   // -0.015821126561744343
      -0x1.4c222fe64d754p-6,   // -0.02027182271668633
      0x1.574f121a868edp-5,    // 0.041907821043609995
      0x1.a34a251d8ad7cp-3,    // 0.2047312640801059
      0x1.115acb42500bbp-2,    // 0.2669479140495345
  };
};

}  // namespace detail

// Mish (Misra 2019).
//   f(x)  = x * tanh(softplus(x)), softplus(x) = log(1 + e^x)
//   f'(x) = tanh(sp) + x * sigmoid(x) * (1 - tanh^2(sp)), sp = softplus(x)
//   f''(x) = sigmoid(x) (1 - tanh^2(sp)) (2 + x (1 - sigmoid(x) - 2 sigmoid(x) tanh(sp))),
//           zeros at x = -2.2563763963607931 and 1.4905711794854285
//   range [-0.3088, inf); f(-inf) = -0, f(+inf) = +inf, f'(-inf) = 0,
//   f'(+inf) = 1; NaN gives NaN. f' has one zero, at x0 = -1.1924312145.
//   Max error against a long double reference over the whole finite range:
//   f within 2.5 ULP, f' within 4 ULP; within 1e-3 relative of x0, f' within
//   2^-24 (float) / 2^-53 (double) absolute. f'' within 0.51 ULP in float,
//   and in double within 7 ULP of its scale (see second_derivative).
// No logarithm: with u = e^-|x|, tanh(softplus(x)) is n / (n + 2),
// n = u (u + 2), for x < 0 and (1 + 2u) / (1 + 2u + 2u^2) for x >= 0, ratios
// of sums of positive terms. For x < 0 the numerator x u (u + 2) is rounded
// once inside the exponential, so f keeps its accuracy where it is
// subnormal. f' over the common denominator is
//   x < 0:  u ((u + 2)(n + 2) + 4x (1 + u)) / (n + 2)^2,
//   x >= 0: ((1 + 2u)(1 + 2u + 2u^2) + 4x u^2 (1 + u)) / (1 + 2u + 2u^2)^2,
// where only the first sum cancels, near x0; on a window around x0 a fitted
// polynomial takes over (see mish_constants).
template <class T, class Precision = accurate>
class mish {
 public:
  using value_type = T;
  using precision = Precision;

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    const auto negative = x < V(0);
    const detail::exponential<V> e(detail::negative_abs(x), detail::argument_sign::nonpositive);
    const detail::double_word<V> u = e.times_as_two_words(V(1));
    // x < 0: x u (u + 2) / (u (u + 2) + 2), the numerator in two words:
    // x (u + 2) exactly, then times e^x, rounded once even where f is
    // subnormal. Where e^x is below the exponential's range, f is below half
    // the smallest subnormal: 0.
    detail::double_word<V> u_plus_2 = detail::fast_two_sum(V(2), u.high);
    u_plus_2.low = u_plus_2.low + u.low;
    detail::double_word<V> factor = detail::two_product(x, u_plus_2.high);
    factor.high = detail::select(x < V(lowest), V(0), factor.high);
    factor.low = detail::select(x < V(lowest), V(0), detail::multiply_add(x, u_plus_2.low, factor.low));
    detail::double_word<V> numerator_below = e.times_as_two_words(factor.high);
    numerator_below.low = numerator_below.low + e.times(factor.low);
    const detail::double_word<V> denominator_below =
        detail::fast_two_sum(V(2), detail::multiply_add(u.high, u.high, u.high + u.high));
    // x >= 0: x (1 + 2u) / (1 + 2u + 2u^2), 1 + 2u exact in two words.
    detail::double_word<V> one_plus_2u = detail::fast_two_sum(V(1), u.high + u.high);
    one_plus_2u.low = detail::multiply_add(V(2), u.low, one_plus_2u.low);
    detail::double_word<V> numerator_above = detail::two_product(x, one_plus_2u.high);
    numerator_above.low = detail::multiply_add(x, one_plus_2u.low, numerator_above.low);
    const V two_u = u.high + u.high;
    const detail::double_word<V> denominator_above =
        detail::fast_two_sum(V(1), detail::multiply_add(two_u, u.high, two_u));

    const V value = detail::divide(
        detail::double_word<V>{
            detail::select(negative, numerator_below.high, numerator_above.high),
            detail::select(negative, numerator_below.low, numerator_above.low)},
        detail::double_word<V>{
            detail::select(negative, denominator_below.high, denominator_above.high),
            detail::select(negative, denominator_below.low, denominator_above.low)});
    // tanh(softplus) > 0, so f has x's sign (-0 included); infinite x: the
    // limits -0 and +inf.
    return detail::select(detail::abs(x) == V(infinity),
                          detail::select(negative, V(-0.0), x), detail::copy_sign(value, x));
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    const auto negative = x < V(0);
    const detail::exponential<V> e(detail::negative_abs(x), detail::argument_sign::nonpositive);
    const detail::double_word<V> u = e.times_as_two_words(V(1));
    // x < 0: u P / (n + 2)^2, P = (u + 2)(n + 2) + 4x (1 + u) in powers of u:
    // 4 (1 + x) + u (6 + 4x + u (4 + u)), with 4 (1 + x) exact near the zero
    // and u's low word added through dP/du. The factor u is applied inside
    // the exponential (f' is subnormal for x < -88 in float).
    const V four_x = V(4) * x;
    const V linear_term = V(6) + four_x;
    const V p = detail::multiply_add(u.high, detail::multiply_add(u.high, V(4) + u.high, linear_term),
                            V(4) * (V(1) + x)) +
                u.low * detail::multiply_add(u.high, V(8), linear_term);
    const V numerator_below = e.times(detail::select(x < V(lowest), V(0), p));
    const detail::double_word<V> n = detail::two_word_multiply_add(u.high, u.high, u.high + u.high);
    detail::double_word<V> n_plus_2 = detail::fast_two_sum(V(2), n.high);
    n_plus_2.low = n_plus_2.low + n.low;
    // x >= 0: Q / d^2, d = 1 + 2u + 2u^2, Q = (1 + 2u) d + 4x u^2 (1 + u)
    // = 1 + u (4 + u (6 + 4x + u (4 + 4x))), all terms positive (x is
    // clamped where u = 0 so that 4x stays finite).
    const V four_x_above = V(4) * detail::clamp_above(x, V(1024));
    const V q = detail::multiply_add(
        u.high,
        detail::multiply_add(u.high, detail::multiply_add(u.high, V(4) + four_x_above, V(6) + four_x_above), V(4)),
        V(1));
    const V two_u = u.high + u.high;
    const detail::double_word<V> d = detail::fast_two_sum(V(1), detail::multiply_add(two_u, u.high, two_u));

    const V slope = detail::divide(
        detail::select(negative, numerator_below, q),
        detail::square(detail::double_word<V>{detail::select(negative, n_plus_2.high, d.high),
                                              detail::select(negative, n_plus_2.low, d.low)}));
    const V near_root = detail::near_root_of_derivative<detail::mish_constants<T>>(x, slope);
    return detail::select(detail::abs(x) == V(infinity), detail::select(negative, V(0), V(1)),
                          near_root);
  }

  // In double for float lanes (so float f'' is rounded once, relative
  // everywhere): over the common denominator, with u = e^-|x|,
  //   f'' = 4 u^k (2 q (1 + u) + x r) / q^3,
  //   x < 0:  k = 1, q = 2 + u (2 + u),   r = 2 + u (2 - u (3 + 2u)),
  //   x >= 0: k = 2, q = 1 + 2u (1 + u), r = -(2 + u (3 - 2u (1 + u))).
  // The bracket cancels at the zeros, so in double f'' is within
  // 7 ULP of the scale 4 u^k (2 q (1 + u) + |x r|) / q^3.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V second_derivative(V const& x) const {
    return detail::in_double_precision(x, [](auto const& wide) { return curvature(wide); });
  }

 private:
  template <class V>
  static V curvature(V const& x) {
    const auto negative = x < V(0);
    const detail::exponential<V> e(detail::negative_abs(x), detail::argument_sign::nonpositive);
    const V u = e.value();
    const V q = detail::select(negative, detail::multiply_add(u, V(2) + u, V(2)),
                               detail::multiply_add(u + u, V(1) + u, V(1)));
    const V r_below =
        detail::multiply_add(u, detail::multiply_add(detail::negate(u), detail::multiply_add(V(2), u, V(3)), V(2)), V(2));
    const V r_above = detail::multiply_add(u, detail::multiply_add(V(-2) * u, V(1) + u, V(3)), V(2));
    const V r = detail::select(negative, r_below, detail::negate(r_above));
    // x is clamped where u = 0, so that x r stays finite.
    const V bracket = detail::multiply_add(detail::clamp_above(detail::clamp_below(x, V(-1024)), V(1024)), r,
                                  detail::multiply_add(q + q, u, q + q));
    const V factor = detail::select(negative, V(4), V(4) * u);
    // The power of u applied inside the exponential: a subnormal f'' rounds once.
    const V value = e.times(detail::quotient(factor * bracket, q * q * q));
    // Infinite x: the limit, -0 on both sides (f'' tends to 0 from below).
    return detail::select(detail::abs(x) == V(std::numeric_limits<double>::infinity()), V(-0.0),
                          value);
  }

  static constexpr T infinity = std::numeric_limits<T>::infinity();
  static constexpr T lowest = detail::math_constants<T>::exp_lowest;
};

template <class T, class Precision>
struct descriptor<mish<T, Precision>> : descriptor_without_parameters<mish<T, Precision>> {
  static constexpr bool in_float = std::is_same<T, float>::value;
  static constexpr const char* name = "mish";
  static constexpr summary formulas{"x·tanh(softplus(x))",
                                    "tanh(sp) + x·σ(x)·sech²(sp), sp = softplus(x)",
                                    "f(−inf) = −0, f' = 0 at x = −1.19243", ""};
  static constexpr accuracy_bounds accuracy{2.5, 4, in_float ? 0.51 : 7, 0};
  static constexpr int eigen_cost = 40;
};

ACTFN_NAMESPACE_END
