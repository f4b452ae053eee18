// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>
#include <limits>

#include "actfn/descriptor.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/functions/softplus.hpp"

ACTFN_NAMESPACE_BEGIN

// Log of the logistic sigmoid.
//   f(x)  = log(sigmoid(x)) = -log(1 + e^-x)
//   f'(x) = sigmoid(-x) = 1 - sigmoid(x)
//   f''(x) = -sigmoid'(x) = -e / (1 + e)^2, e = e^-|x|
//   range (-inf, 0); f(-inf) = -inf, f(+inf) = -0, f'(-inf) = 1,
//   f'(+inf) = 0; NaN gives NaN.
//   Max error against a long double reference over the whole finite range:
//   f within 1.5 ULP, f' within 1 ULP, f'' within 2 ULP.
// softplus's kernel at -x (no threshold): f = min(x, 0) - log1p(e^-|x|),
// a sum of two terms of one sign, so it stays accurate where
// log(sigmoid(x)) would round sigmoid to 1 (x > 17 in float) or to 0
// (x < -104).
template <class T, class Precision = accurate>
class log_sigmoid {
 public:
  using value_type = T;
  using precision = Precision;

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    const detail::double_word<V> value = parts(x).value();
    return detail::select(x == V(-std::numeric_limits<T>::infinity()), x,
                          detail::negate(value.high + value.low));
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    return parts(x).sigmoid();
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V second_derivative(V const& x) const {
    return parts(x).sigmoid_derivative_times(V(-1));
  }

  // f'(x) from y = f(x): sigmoid(-x) = 1 - e^y, as -expm1(y): no
  // cancellation, within 1.5 ULP of f' at the x that y stands for, and
  // relative everywhere.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    // -expm1(y) as |expm1(y)| (+0 at y = -0); a y > 0, which no x gives,
    // is taken as 0.
    return detail::abs(detail::expm1_nonpositive(detail::clamp_above(y, V(0))));
  }

 private:
  template <class V>
  static detail::softplus_parts<V> parts(V const& x) {
    return detail::softplus_parts<V>({detail::negate(x), V(0)});
  }
};

template <class T, class Precision>
struct descriptor<log_sigmoid<T, Precision>>
    : descriptor_without_parameters<log_sigmoid<T, Precision>> {
  static constexpr const char* name = "log_sigmoid";
  static constexpr summary formulas{"−log(1 + e^−x)", "σ(−x)", "f(+inf) = −0, f(−inf) = −inf", ""};
  static constexpr accuracy_bounds accuracy{1.5, 1, 2, 1.5};
  static constexpr int eigen_cost = 40;
};

ACTFN_NAMESPACE_END
