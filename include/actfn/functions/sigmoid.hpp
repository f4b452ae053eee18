// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>

#include "actfn/descriptor.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/detail/vector_math.hpp"

ACTFN_NAMESPACE_BEGIN

// Logistic sigmoid.
//   f(x)  = 1 / (1 + e^-x)
//   f'(x) = f(x) * f(-x)
//   f''(x) = f'(x) * (1 - 2 f(x)) = -sign(x) e (1 - e) / (1 + e)^3, e = e^-|x|
//   range [0, 1]; f(-inf) = 0, f(+inf) = 1, f'(+-inf) = 0; NaN gives NaN.
//   Max error against a long double reference over the whole finite range:
//   f within 2 ULP, f' within 4 ULP, f'' within 3 ULP.
// Both come from e = e^-|x| in [0, 1], which never overflows: f = e/(1+e) for
// x < 0 and 1/(1+e) for x >= 0, and f' = e/(1+e)^2 for every x. So neither
// side cancels, and f' keeps its relative accuracy into the subnormal tail
// where f(x)*(1 - f(x)) would give 0 (x > 17 in float). 1 + e and its powers
// are carried as two words, and each quotient is corrected by its residual.
// f'' takes 1 - e = -expm1(-|x|) from the same exponential: no cancellation
// at 0, where f'' ~ -x/8.
// Fast tier (precision.hpp): the same formulas in one word (e within 1 ULP,
// plain quotients, nothing carried), so the tails keep their relative
// accuracy as before: f within 4 ULP, f' within 8 (2.5 and 4 seen over every
// 16th float); f'' and f' from y are the accurate tier's.
template <class T, class Precision = accurate>
class sigmoid {
 public:
  using value_type = T;
  using precision = Precision;

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    if constexpr (is_fast_v<Precision>) {
      const V e = one_word_exponential_of_minus_abs(x).value();
      return detail::quotient(detail::select(x < V(0), e, V(1)), V(1) + e);
    } else {
      const V e = exponential_of_minus_abs(x).value();
      return detail::divide(detail::select(x < V(0), e, V(1)), detail::fast_two_sum(V(1), e));
    }
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    if constexpr (is_fast_v<Precision>) {
      const V e = one_word_exponential_of_minus_abs(x).value();
      const V one_plus_e = V(1) + e;
      return detail::quotient(e, one_plus_e * one_plus_e);
    } else {
      const V e = exponential_of_minus_abs(x).value();
      return detail::divide(e, detail::square(detail::fast_two_sum(V(1), e)));
    }
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V second_derivative(V const& x) const {
    const detail::exponential<V> e = exponential_of_minus_abs(x);
    const V one_minus_e = detail::negate(e.minus_one().high);
    return detail::copy_sign(detail::times_over_cube_of_one_plus(e, one_minus_e),
                             detail::negate(x));
  }

  // f'(x) from y = f(x): y - y^2 with y^2 exact: within 1.5 ULP of f' at
  // the x that y stands for. y holds x only to its own precision, so for x > 0
  // this is absolute accuracy (2^-24 / 2^-53), and 0 where y rounded to 1
  // (x >= 17.33 in float): keep x (actfn::backward) where that tail matters.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    return detail::minus_product(y, y, y);
  }

 private:
  template <class V>
  static detail::exponential<V> exponential_of_minus_abs(V const& x) {
    return detail::exponential<V>(detail::negative_abs(x), detail::argument_sign::nonpositive);
  }
  template <class V>
  static detail::one_word_exponential<V> one_word_exponential_of_minus_abs(V const& x) {
    return detail::one_word_exponential<V>(detail::negative_abs(x),
                                           detail::argument_sign::nonpositive);
  }
};

template <class T, class Precision>
struct descriptor<sigmoid<T, Precision>> : descriptor_without_parameters<sigmoid<T, Precision>> {
  static constexpr const char* name = "sigmoid";
  static constexpr summary formulas{"1/(1+e^−x)", "σ(x)·σ(−x)", "f(±inf) = 1, 0", ""};
  static constexpr bool fast_kernel = true;
  static constexpr accuracy_bounds accuracy =
      bounds_of_tier<Precision>({2, 4, 3, 1.5}, {4, 8, 3, 1.5});
  static constexpr int eigen_cost = 25;
};

ACTFN_NAMESPACE_END
