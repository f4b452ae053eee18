// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>

#include "actfn/descriptor.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/detail/lanes.hpp"

ACTFN_NAMESPACE_BEGIN

// Threshold (PyTorch's nn.Threshold).
//   f(x)  = x if x > threshold, else value
//   f'(x) = 1 if x > threshold, else 0 (0 at the threshold)
//   threshold and value: any finite values (no defaults, as in PyTorch).
//   Exact. NaN gives NaN for both.
template <class T, class Precision = accurate>
class threshold {
 public:
  using value_type = T;
  using precision = Precision;

  threshold(T limit, T value)
      : threshold_(detail::require_finite(limit, "threshold", "threshold")),
        value_(detail::require_finite(value, "threshold", "value")) {}

  T limit() const { return threshold_; }  // the threshold (a member cannot share the class's name)
  T value() const { return value_; }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    return detail::select(x <= V(threshold_), V(value_), x);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    return detail::keep_nan(x, detail::select(x > V(threshold_), V(1), V(0)));
  }

  // f'(x) from y = f(x), for value <= threshold, where y > threshold
  // exactly where x > threshold; exact. A larger value is an error.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    return derivative(y);
  }
  // f' is a function of y only where no y = value above the threshold
  // could also be an x that passed through.
  bool output_determines_derivative() const { return !(value_ > threshold_); }
  void require_derivative_from_output() const {
    if (!output_determines_derivative()) {
      detail::fail("backward_from_output", "threshold's value = ", value_,
                   " is above its threshold = ", threshold_, ", so f' is not a function of f(x)");
    }
  }

 private:
  T threshold_, value_;
};

template <class T, class Precision>
struct descriptor<threshold<T, Precision>> {
  static constexpr const char* name = "threshold";
  static constexpr summary formulas{"x if x > threshold, else value", "1 if x > threshold, else 0",
                                    "f(threshold) = value, f' = 0 there", ""};
  static constexpr std::array<const char*, 2> parameters{{"threshold", "value"}};
  static constexpr std::array<std::array<double, 2>, 1> tested{{{0.5, -3}}};
  static std::array<double, 2> values(threshold<T, Precision> const& f) {
    return {{double(f.limit()), double(f.value())}};
  }
  static constexpr int eigen_cost = 2;
};

ACTFN_NAMESPACE_END
