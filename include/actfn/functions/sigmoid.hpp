// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/simd.hpp"
#include "actfn/detail/vector_math.hpp"

namespace actfn {

// Logistic sigmoid.
//   f(x)  = 1 / (1 + e^-x)
//   f'(x) = f(x) * f(-x)
//   range [0, 1]; f(-inf) = 0, f(+inf) = 1, f'(+-inf) = 0; NaN gives NaN.
//   Max error against a long double reference over the whole finite range:
//   f within 3 ULP, f' within 4 ULP.
// Both come from e = e^-|x|, which never overflows: f = e/(1+e) for x < 0 and
// 1/(1+e) for x >= 0, and f' = e/(1+e)^2 for every x. So neither side loses
// relative accuracy, and f' keeps it into the subnormal tail where
// f(x)*(1 - f(x)) would give 0 (x > 17 in float).
template <class T>
class sigmoid {
 public:
  using value_type = T;

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    const V e = detail::exp(detail::negate(detail::abs(x)));
    return detail::select(x < V(0), e, V(1)) / (V(1) + e);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    const V e = detail::exp(detail::negate(detail::abs(x)));
    const V one_plus_e = V(1) + e;
    return e / (one_plus_e * one_plus_e);
  }
};

}  // namespace actfn
