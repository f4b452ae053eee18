// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>

#include "actfn/descriptor.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/functions/elu.hpp"

ACTFN_NAMESPACE_BEGIN

// Scaled exponential linear unit (Klambauer et al. 2017), the self-normalising
// ELU with the paper's fixed constants.
//   f(x)  = lambda * (x if x > 0, else alpha * (e^x - 1))
//   f'(x) = lambda if x > 0, else lambda * alpha * e^x (so f'(0) = lambda*alpha)
//   f''(x) = 0 if x > 0, else lambda * alpha * e^x (the same convention at 0)
//   lambda = 1.0507009873554804934193349852946,
//   alpha  = 1.6732632423543772848170429916717; lambda and lambda*alpha are
//   each rounded once to T. f(-inf) = -lambda*alpha; NaN gives NaN.
//   lambda * x for x > 0 is x + (lambda - 1) * x rounded once, off the exact
//   product only by the rounding of lambda - 1 (2^-28 relative in float): so
//   it is within 0.5 ULP plus that and overflows where lambda * x does.
//   Max error against a long double reference over the whole finite range:
//   f within 2 ULP, f' and f'' within 1.5 ULP.
template <class T, class Precision = accurate>
class selu {
 public:
  using value_type = T;
  using precision = Precision;

  static constexpr T lambda = T(1.0507009873554804934193349852946L);
  static constexpr T alpha = T(1.6732632423543772848170429916717L);
  static constexpr T lambda_minus_1 = T(0.0507009873554804934193349852946L);
  static constexpr T lambda_alpha =
      T(1.0507009873554804934193349852946L * 1.6732632423543772848170429916717L);

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    return detail::elu_forward(x, detail::multiply_add(x, V(lambda_minus_1), x), lambda_alpha);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    return detail::elu_derivative(x, lambda, lambda_alpha);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V second_derivative(V const& x) const {
    return detail::elu_derivative(x, T(0), lambda_alpha);
  }

  // f'(x) from y = f(x): lambda where y > 0, else y + lambda alpha
  // (= lambda alpha e^x): within 1.5 ULP of f' at the x that y stands for
  // (absolute accuracy as y nears -lambda alpha, as elu's).
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    return detail::select(y > V(0), V(lambda), y + V(lambda_alpha));
  }
};

template <class T, class Precision>
struct descriptor<selu<T, Precision>> : descriptor_without_parameters<selu<T, Precision>> {
  static constexpr const char* name = "selu";
  static constexpr summary formulas{
      "λ·elu_α(x), λ = 1.0507009873554804934, α = 1.6732632423543772848", "λ if x > 0, else λα·e^x",
      "f'(0) = λα", ""};
  static constexpr accuracy_bounds accuracy{2, 1.5, 1.5, 1.5};
  static constexpr int eigen_cost = 20;
};

ACTFN_NAMESPACE_END
