// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/errors.hpp"
#include "actfn/detail/simd.hpp"
#include "actfn/functions/leaky_relu.hpp"

namespace actfn {

// Parametric ReLU (He et al. 2015): leaky ReLU whose slope alpha is learned.
//   f(x)      = x if x > 0, else alpha*x
//   f'(x)     = 1 if x > 0, else alpha
//   df/dalpha = min(x, 0) (so 0 at x = 0)
//   alpha: any finite value, default 0.25. NaN gives NaN for all three.
// actfn::backward(prelu, x, dy, dx, n, &dalpha) also accumulates
// sum(dy * min(x, 0)) into dalpha (see actfn/array.hpp).
template <class T>
class prelu {
 public:
  using value_type = T;

  explicit prelu(T alpha = T(0.25)) : alpha_(detail::require_finite(alpha, "prelu", "alpha")) {}

  T alpha() const { return alpha_; }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    return detail::leaky_forward(x, alpha_);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    return detail::leaky_derivative(x, alpha_);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V alpha_derivative(V const& x) const {
    return detail::select(x > V(0), V(0), x);
  }

 private:
  T alpha_;
};

}  // namespace actfn
