// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>

#include "actfn/descriptor.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/detail/vector_math.hpp"

ACTFN_NAMESPACE_BEGIN

// Hard swish (Howard et al. 2019, MobileNetV3): x * hard_sigmoid(x).
//   f(x)  = 0 if x <= -3, x if x >= 3, else x (x + 3) / 6
//   f'(x) = 0 if x < -3, 1 if x > 3, else (2x + 3) / 6, so f'(-3) = -1/2 and
//           f'(3) = 3/2, as PyTorch's hardswish_backward (its scalar and CUDA
//           kernels; its vectorised CPU kernel gives 1 at x = 3)
//   f(-inf) = 0 (+0 for every x <= -3), f(+inf) = +inf; NaN gives NaN.
//   Max error: f and f' within 1 ULP. x + 3 and 2x + 3 are exact two-word
//   sums and x (x + 3) an exact two-word product, so each result is one
//   corrected division by 6 (f is exactly 0 at x = -3 and x = 0, and f' at
//   x = -3/2).
template <class T, class Precision = accurate>
class hard_swish {
 public:
  using value_type = T;
  using precision = Precision;

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    const detail::double_word<V> x_plus_3 = detail::two_sum(x, V(3));
    detail::double_word<V> product = detail::two_product(x, x_plus_3.high);
    product.low = detail::multiply_add(x, x_plus_3.low, product.low);
    const V middle = detail::divide(product, six<V>());
    return detail::select(x <= V(-3), V(0), detail::select(x >= V(3), x, middle));
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    const V middle = detail::divide(detail::two_sum(x + x, V(3)), six<V>());
    return detail::select(x < V(-3), V(0), detail::select(x > V(3), V(1), middle));
  }

 private:
  template <class V>
  static detail::double_word<V> six() {
    return {V(6), V(0)};
  }
};

template <class T, class Precision>
struct descriptor<hard_swish<T, Precision>>
    : descriptor_without_parameters<hard_swish<T, Precision>> {
  static constexpr const char* name = "hard_swish";
  static constexpr summary formulas{"x·clamp(x + 3, 0, 6)/6",
                                    "0 if x < −3, 1 if x > 3, else (2x + 3)/6",
                                    "f'(−3) = −½, f'(3) = 3/2 (PyTorch)", ""};
  static constexpr accuracy_bounds accuracy{1, 1, 0, 0};
  static constexpr int eigen_cost = 14;
};

ACTFN_NAMESPACE_END
