// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>

#include "actfn/descriptor.hpp"
#include "actfn/detail/lanes.hpp"

ACTFN_NAMESPACE_BEGIN

// Rectified linear unit.
//   f(x)  = max(0, x); f(-0) = +0
//   f'(x) = 1 if x > 0, else 0 (so f'(0) = 0, as in PyTorch)
//   range [0, inf); NaN gives NaN for both; exact.
template <class T, class Precision = accurate>
class relu {
 public:
  using value_type = T;
  using precision = Precision;

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    return detail::select(x <= V(0), V(0), x);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    return detail::keep_nan(x, detail::select(x > V(0), V(1), V(0)));
  }

  // f'(x) from y = f(x): y > 0 exactly where x > 0; exact.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    return derivative(y);
  }
};

template <class T, class Precision>
struct descriptor<relu<T, Precision>> : descriptor_without_parameters<relu<T, Precision>> {
  static constexpr const char* name = "relu";
  static constexpr summary formulas{"max(0, x)", "1 if x > 0, else 0", "f(−0) = +0, f'(0) = 0", ""};
  static constexpr int eigen_cost = 2;
};

ACTFN_NAMESPACE_END
