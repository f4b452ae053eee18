// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>

#include "actfn/descriptor.hpp"
#include "actfn/detail/lanes.hpp"

ACTFN_NAMESPACE_BEGIN

// Heaviside step.
//   f(x)  = 1 if x >= 0 (so f(-0) = 1), else 0
//   f'(x) = 0 (the impulse at 0 is not representable; 0 is what training uses)
//   range {0, 1}; NaN gives NaN for both; exact.
template <class T, class Precision = accurate>
class step {
 public:
  using value_type = T;
  using precision = Precision;

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    return detail::keep_nan(x, detail::select(x >= V(0), V(1), V(0)));
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    return detail::keep_nan(x, V(0));
  }

  // f'(x) from y = f(x): 0 (NaN for NaN); exact.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    return derivative(y);
  }
};

template <class T, class Precision>
struct descriptor<step<T, Precision>> : descriptor_without_parameters<step<T, Precision>> {
  static constexpr const char* name = "step";
  static constexpr summary formulas{"1 if x ≥ 0, else 0", "0", "f(−0) = 1", ""};
  static constexpr int eigen_cost = 2;
};

ACTFN_NAMESPACE_END
