// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>

#include "actfn/descriptor.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/detail/lanes.hpp"

ACTFN_NAMESPACE_BEGIN

// Hard tanh: x clamped to [min, max].
//   f(x)  = min if x <= min, max if x >= max, else x
//   f'(x) = 1 if min < x < max, else 0 (0 at both kinks, as PyTorch's
//           hardtanh_backward)
//   min <= max, both finite; defaults -1 and 1. Exact. NaN gives NaN for
//   both. Where min is 0, f(-0) = +0 (min), as relu gives.
template <class T, class Precision = accurate>
class hard_tanh {
 public:
  using value_type = T;
  using precision = Precision;

  explicit hard_tanh(T min = T(-1), T max = T(1)) : hard_tanh(min, max, "hard_tanh") {}

  T min() const { return min_; }
  T max() const { return max_; }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    return detail::select(x <= V(min_), V(min_), detail::select(x >= V(max_), V(max_), x));
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    return detail::keep_nan(
        x, detail::select(detail::both(x > V(min_), x < V(max_)), V(1), V(0)));
  }

  // f'(x) from y = f(x): min < y < max exactly where min < x < max; exact.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    return derivative(y);
  }

 protected:
  hard_tanh(T min, T max, const char* function)
      : min_(detail::require_finite(min, function, "min")),
        max_(detail::require_finite(max, function, "max")) {
    if (!(min_ <= max_)) detail::fail(function, "min = ", min_, " is greater than max = ", max_);
  }

 private:
  T min_, max_;
};

// ReLU6 (Howard et al. 2017): hard_tanh with min = 0 and max = 6.
//   f(x)  = min(max(0, x), 6); f(-0) = +0
//   f'(x) = 1 if 0 < x < 6, else 0
template <class T, class Precision = accurate>
class relu6 : public hard_tanh<T, Precision> {
 public:
  relu6() : hard_tanh<T, Precision>(T(0), T(6), "relu6") {}
};

template <class T, class Precision>
struct descriptor<hard_tanh<T, Precision>> {
  static constexpr const char* name = "hard_tanh";
  static constexpr summary formulas{"clamp(x, min, max)", "1 if min < x < max, else 0",
                                    "f' = 0 at both kinks", ""};
  static constexpr std::array<const char*, 2> parameters{{"min", "max"}};
  static constexpr std::array<std::array<double, 2>, 2> tested{{{-1, 1}, {-0.5, 2.25}}};
  static std::array<double, 2> values(hard_tanh<T, Precision> const& f) {
    return {{double(f.min()), double(f.max())}};
  }
  static constexpr int eigen_cost = 3;
};

template <class T, class Precision>
struct descriptor<relu6<T, Precision>> : descriptor_without_parameters<relu6<T, Precision>> {
  static constexpr const char* name = "relu6";
  static constexpr summary formulas{"clamp(x, 0, 6)", "1 if 0 < x < 6, else 0",
                                    "f(−0) = +0, f' = 0 at 0 and 6", ""};
  static constexpr int eigen_cost = 3;
};

ACTFN_NAMESPACE_END
