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
namespace detail {

// positive_part if x > 0, else scale_alpha * expm1(x); shared by elu
// (positive_part = x) and selu (lambda * x), with scale_alpha = scale * alpha
// rounded once. The negative side uses expm1, never e^x - 1, which cancels
// near 0. Zeros keep their sign (f(-0) = -0).
template <class V>
inline V elu_forward(V const& x, V const& positive_part, scalar_of_t<V> scale_alpha) {
  const V negative_part =
      V(scale_alpha) * detail::expm1_nonpositive(detail::select(x > V(0), V(0), x));
  return detail::select(x < V(0), negative_part, positive_part);
}

// scale if x > 0, else scale_alpha * e^x (so f'(0) = scale_alpha), with the
// factor applied inside the exponential so a subnormal result rounds once.
template <class V>
inline V elu_derivative(V const& x, scalar_of_t<V> scale, scalar_of_t<V> scale_alpha) {
  const V negative_part = exponential<V>(detail::select(x > V(0), V(0), x)).times(V(scale_alpha));
  return detail::select(x > V(0), V(scale), negative_part);
}

}  // namespace detail

// Exponential linear unit (Clevert et al. 2015).
//   f(x)  = x if x > 0, else alpha * (e^x - 1)
//   f'(x) = 1 if x > 0, else alpha * e^x (so f'(0) = alpha)
//   f''(x) = 0 if x > 0, else alpha * e^x (the same convention at 0)
//   alpha: any finite value, default 1. f(-inf) = -alpha; NaN gives NaN.
//   Max error against a long double reference over the whole finite range
//   (alpha in {1, 0.5, 2.5}): f within 2 ULP, f' and f'' within 1.5 ULP.
template <class T, class Precision = accurate>
class elu {
 public:
  using value_type = T;
  using precision = Precision;

  explicit elu(T alpha = T(1)) : alpha_(detail::require_finite(alpha, "elu", "alpha")) {}

  T alpha() const { return alpha_; }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    return detail::elu_forward(x, x, alpha_);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    return detail::elu_derivative(x, T(1), alpha_);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V second_derivative(V const& x) const {
    return detail::elu_derivative(x, T(0), alpha_);
  }

  // f'(x) from y = f(x), for alpha >= 0: 1 where y > 0, else y + alpha
  // (= alpha e^x): within 1.5 ULP of f' at the x that y stands for (absolute
  // accuracy as y nears -alpha, where y holds e^x only to its own precision).
  // A negative alpha maps x < 0 to y > 0: an error.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    return detail::select(y > V(0), V(1), y + V(alpha_));
  }
  // f' is a function of y only where a negative y has one x: alpha >= 0.
  bool output_determines_derivative() const { return !(alpha_ < T(0)); }
  void require_derivative_from_output() const {
    detail::require_nonnegative_alpha_for_output(alpha_, "elu");
  }

 private:
  T alpha_;
};

template <class T, class Precision>
struct descriptor<elu<T, Precision>> {
  static constexpr const char* name = "elu";
  static constexpr summary formulas{"x if x > 0, else α·expm1(x)", "1 if x > 0, else α·e^x",
                                    "f'(0) = α, f(−inf) = −α", ""};
  static constexpr std::array<const char*, 1> parameters{{"alpha"}};
  static constexpr std::array<std::array<double, 1>, 3> tested{{{1}, {0.5}, {2.5}}};
  static std::array<double, 1> values(elu<T, Precision> const& f) { return {{double(f.alpha())}}; }
  static constexpr accuracy_bounds accuracy{2, 1.5, 1.5, 1.5};
  static constexpr int eigen_cost = 20;
};

ACTFN_NAMESPACE_END
