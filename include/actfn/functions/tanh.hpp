// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>

#include "actfn/descriptor.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/detail/vector_math.hpp"

ACTFN_NAMESPACE_BEGIN

// Hyperbolic tangent.
//   f(x)  = tanh x
//   f'(x) = 1 - tanh^2 x = sech^2 x
//   f''(x) = -2 tanh x sech^2 x = -sign(x) 8 e (1 - e) / (1 + e)^3, e = e^-2|x|
//   range [-1, 1]; odd (f(-0) = -0); f(+-inf) = +-1, f'(+-inf) = 0; NaN gives NaN.
//   Max error against a long double reference over the whole finite range:
//   f within 2 ULP, f' within 4 ULP, f'' within 3 ULP.
// Both from e = e^-2|x| in [0, 1], which never overflows. f from
// u = e - 1 = expm1(-2|x|) in [-1, 0], carried as an exact two-word value:
// tanh|x| = -u / (2 + u), where 2 + u is in [1, 2] and nothing cancels; the
// quotient is corrected by its residual. f' as 4e / (1 + e)^2, never as
// 1 - tanh^2, which cancels to 0 for |x| > 9 (float); the factor 4 is applied
// inside the exponential so that a subnormal result is rounded once, and
// 1 + e and its square are carried as two words. f'' is sigmoid's form
// with e^-2|x| and the factor 8, 1 - e = -expm1(-2|x|) (no cancellation at 0).
// Fast tier (precision.hpp): the same formulas in one word (u within 1.5 ULP,
// plain quotients, nothing carried), so the tails keep their relative
// accuracy as before: f within 4 ULP, f' within 8 (2.5 and 4 seen over every
// 16th float); f'' and f' from y are the accurate tier's.
template <class T, class Precision = accurate>
class tanh {
 public:
  using value_type = T;
  using precision = Precision;

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    if constexpr (is_fast_v<Precision>) {
      const V u = one_word_exponential_of_minus_twice_abs(x).minus_one();
      return detail::copy_sign(detail::quotient(detail::negate(u), V(2) + u), x);
    }
    const detail::double_word<V> u = exponential_of_minus_twice_abs(x).minus_one();
    detail::double_word<V> two_plus_u = detail::fast_two_sum(V(2), u.high);
    two_plus_u.low = two_plus_u.low + u.low;
    const detail::double_word<V> minus_u{detail::negate(u.high), detail::negate(u.low)};
    return detail::copy_sign(detail::divide(minus_u, two_plus_u), x);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    if constexpr (is_fast_v<Precision>) {
      const detail::one_word_exponential<V> e = one_word_exponential_of_minus_twice_abs(x);
      const V one_plus_e = V(1) + e.value();
      return detail::quotient(e.times(V(4)), one_plus_e * one_plus_e);
    }
    const detail::exponential<V> e = exponential_of_minus_twice_abs(x);
    return detail::divide(e.times(V(4)), detail::square(detail::fast_two_sum(V(1), e.value())));
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V second_derivative(V const& x) const {
    const detail::exponential<V> e = exponential_of_minus_twice_abs(x);
    const V eight_times_one_minus_e = V(-8) * e.minus_one().high;
    return detail::copy_sign(detail::times_over_cube_of_one_plus(e, eight_times_one_minus_e),
                             detail::negate(x));
  }

  // f'(x) from y = f(x): 1 - y^2 with y^2 exact: within 1.5 ULP of f' at
  // the x that y stands for. y holds x only to its own precision, so for
  // |y| > 1/2 this is absolute accuracy, and 0 where y rounded to +-1 (|x| > 9
  // in float).
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    return detail::minus_product(V(1), y, y);
  }

 private:
  template <class V>
  static detail::exponential<V> exponential_of_minus_twice_abs(V const& x) {
    return detail::exponential<V>(V(2) * detail::negative_abs(x),
                                  detail::argument_sign::nonpositive);
  }
  template <class V>
  static detail::one_word_exponential<V> one_word_exponential_of_minus_twice_abs(V const& x) {
    return detail::one_word_exponential<V>(V(2) * detail::negative_abs(x),
                                           detail::argument_sign::nonpositive);
  }
};

template <class T, class Precision>
struct descriptor<tanh<T, Precision>> : descriptor_without_parameters<tanh<T, Precision>> {
  static constexpr const char* name = "tanh";
  static constexpr summary formulas{"tanh x", "1 − tanh²x, as 4e/(1+e)², e = e^−2|x|",
                                    "odd, f(−0) = −0", ""};
  static constexpr bool fast_kernel = true;
  static constexpr accuracy_bounds accuracy =
      bounds_of_tier<Precision>({2, 4, 3, 1.5}, {4, 8, 3, 1.5});
  static constexpr int eigen_cost = 25;
};

ACTFN_NAMESPACE_END
