// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>

#include "actfn/descriptor.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/detail/vector_math.hpp"

ACTFN_NAMESPACE_BEGIN

// Continuously differentiable ELU (Barron 2017).
//   f(x)  = x if x > 0, else alpha * (e^(x/alpha) - 1)
//   f'(x) = 1 if x > 0, else e^(x/alpha) (so f'(0) = 1 from both sides)
//   f''(x) = 0 if x > 0, else e^(x/alpha) / alpha (f''(0) = 1/alpha)
//   alpha > 0 and finite, default 1 (alpha = 1 is elu). f(-inf) = -alpha,
//   f'(-inf) = 0; zeros keep their sign; NaN gives NaN.
//   Max error against a long double reference over the whole finite range
//   (alpha in {1, 0.5, 3}): f within 1.5 ULP, f' within 1.5 ULP, f'' within
//   2 ULP.
// u = x / alpha is carried as two words (the quotient and its exact
// residual, divided by alpha), so the division costs no accuracy; f takes
// alpha times the two-word expm1(u), f' the exponential of u.
template <class T, class Precision = accurate>
class celu {
 public:
  using value_type = T;
  using precision = Precision;

  explicit celu(T alpha = T(1)) : alpha_(detail::require_finite(alpha, "celu", "alpha")) {
    if (!(alpha_ > T(0))) detail::fail("celu", "alpha must be positive, got ", alpha_);
  }

  T alpha() const { return alpha_; }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    const detail::double_word<V> e_minus_1 = exponential_of_quotient(x).minus_one();
    const V negative_part =
        detail::fused_multiply_add(V(alpha_), e_minus_1.high, V(alpha_) * e_minus_1.low);
    return detail::select(x < V(0), negative_part, x);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    return detail::select(x > V(0), V(1), exponential_of_quotient(x).value());
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V second_derivative(V const& x) const {
    return detail::select(x > V(0), V(0), exponential_of_quotient(x).times(detail::quotient(V(1), V(alpha_))));
  }

  // f'(x) from y = f(x): 1 where y > 0, else (y + alpha) / alpha
  // (= e^(x/alpha)): within 1.5 ULP of f' at the x that y stands for
  // (absolute accuracy as y nears -alpha, as elu's).
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    return detail::select(y > V(0), V(1), detail::quotient(y + V(alpha_), V(alpha_)));
  }

 private:
  // e^(x/alpha) for x <= 0 (positive x are replaced by 0; their lanes are
  // discarded).
  template <class V>
  detail::exponential<V> exponential_of_quotient(V const& x) const {
    const V nonpositive = detail::select(x > V(0), V(0), x);
    const V quotient = detail::quotient(nonpositive, V(alpha_));
    const V residual =
        detail::quotient(detail::minus_product(nonpositive, quotient, V(alpha_)), V(alpha_));
    // -inf / alpha = -inf leaves a NaN residual: the exponential drops the
    // low word of a clamped argument.
    return detail::exponential<V>(quotient, residual);
  }

  T alpha_;
};

template <class T, class Precision>
struct descriptor<celu<T, Precision>> {
  static constexpr const char* name = "celu";
  static constexpr summary formulas{"x if x > 0, else α·expm1(x/α)", "1 if x > 0, else e^(x/α)",
                                    "f'(0) = 1, f(−inf) = −α", "(> 0)"};
  static constexpr std::array<const char*, 1> parameters{{"alpha"}};
  static constexpr std::array<std::array<double, 1>, 3> tested{{{1}, {0.5}, {3}}};
  static std::array<double, 1> values(celu<T, Precision> const& f) { return {{double(f.alpha())}}; }
  static constexpr accuracy_bounds accuracy{1.5, 1.5, 2, 1.5};
  static constexpr int eigen_cost = 22;
};

ACTFN_NAMESPACE_END
