// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/simd.hpp"
#include "actfn/detail/vector_math.hpp"

namespace actfn {

// Hyperbolic tangent.
//   f(x)  = tanh x
//   f'(x) = 1 - tanh^2 x = sech^2 x
//   range [-1, 1]; odd (f(-0) = -0); f(+-inf) = +-1, f'(+-inf) = 0; NaN gives NaN.
//   Max error against a long double reference over the whole finite range:
//   f within 3 ULP, f' within 4 ULP.
// f from u = expm1(-2|x|) in (-1, 0]: tanh|x| = -u / (2 + u), no cancellation
// anywhere (2 + u is in (1, 2]) and nothing to overflow. f' as
// 4e / (1 + e)^2 with e = e^-2|x|, never as 1 - tanh^2, which cancels to 0 for
// |x| > 9 (float); the factor 4 is applied inside the exponential so that a
// subnormal result is rounded once.
template <class T>
class tanh {
 public:
  using value_type = T;

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    const V u = detail::expm1_nonpositive(V(-2) * detail::abs(x));
    return detail::copy_sign(detail::negate(u) / (V(2) + u), x);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    const detail::exponential<V> e(V(-2) * detail::abs(x));
    const V one_plus_e = V(1) + e.value();
    return e.times(V(4)) / (one_plus_e * one_plus_e);
  }
};

}  // namespace actfn
