// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>

#include "actfn/descriptor.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/detail/lanes.hpp"

ACTFN_NAMESPACE_BEGIN
namespace detail {

// x for x > 0, alpha*x otherwise; shared by leaky_relu and prelu. alpha is a
// scalar, or a lane type value (one slope per lane, for per-channel PReLU).
template <class V, class Alpha>
inline V leaky_forward(V const& x, Alpha const& alpha) {
  return detail::select(x > V(0), x, V(alpha) * x);
}

template <class V, class Alpha>
inline V leaky_derivative(V const& x, Alpha const& alpha) {
  return detail::keep_nan(x, detail::select(x > V(0), V(1), V(alpha)));
}

}  // namespace detail

// Leaky ReLU.
//   f(x)  = x if x > 0, else alpha*x (correctly rounded: one product)
//   f'(x) = 1 if x > 0, else alpha (so f'(0) = alpha)
//   alpha: any finite value, default 0.01 (negative and > 1 are allowed).
//   NaN gives NaN for both; f(-inf) = -inf for alpha > 0.
template <class T, class Precision = accurate>
class leaky_relu {
 public:
  using value_type = T;
  using precision = Precision;

  explicit leaky_relu(T alpha = T(0.01))
      : alpha_(detail::require_finite(alpha, "leaky_relu", "alpha")) {}

  T alpha() const { return alpha_; }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    return detail::leaky_forward(x, alpha_);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    return detail::leaky_derivative(x, alpha_);
  }

  // f'(x) from y = f(x), for alpha >= 0 (0 is relu), where y > 0 exactly
  // where x > 0; exact. A negative alpha maps x < 0 to y > 0: an error.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    return derivative(y);
  }
  // f' is a function of y only where a negative y has one x: alpha >= 0.
  bool output_determines_derivative() const { return !(alpha_ < T(0)); }
  void require_derivative_from_output() const {
    detail::require_nonnegative_alpha_for_output(alpha_, "leaky_relu");
  }

 private:
  T alpha_;
};

template <class T, class Precision>
struct descriptor<leaky_relu<T, Precision>> {
  static constexpr const char* name = "leaky_relu";
  static constexpr summary formulas{"x if x > 0, else α·x", "1 if x > 0, else α", "f'(0) = α", ""};
  static constexpr double forward_rounding_ulp = 0.5;
  static constexpr std::array<const char*, 1> parameters{{"alpha"}};
  static constexpr std::array<std::array<double, 1>, 2> tested{{{0.01}, {-0.3}}};
  static std::array<double, 1> values(leaky_relu<T, Precision> const& f) {
    return {{double(f.alpha())}};
  }
  static constexpr int eigen_cost = 3;
};

ACTFN_NAMESPACE_END
