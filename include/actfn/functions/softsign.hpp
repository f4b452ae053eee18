// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>
#include <cstdint>
#include <limits>

#include "actfn/descriptor.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/detail/vector_math.hpp"

ACTFN_NAMESPACE_BEGIN

// Softsign (Elliott 1993; Glorot & Bengio 2010).
//   f(x)  = x / (1 + |x|)
//   f'(x) = 1 / (1 + |x|)^2
//   range (-1, 1); odd (f(-0) = -0); f(+-inf) = +-1, f'(+-inf) = 0; NaN gives NaN.
//   Max error against a long double reference over the whole finite range:
//   f within 1 ULP, f' within 1.5 ULP.
// 1 + |x| is an exact two-word sum d, so f is one corrected division |x| / d.
// f' squares q = 1/d with q's residual 1 - q d folded in, never 1/d^2, which
// overflows to 0 while the true value is still a normal number. |x| is first
// clamped to 2^(digits + 2), beyond which f rounds to 1 (keeping the
// reciprocal of d normal), and to the largest finite value for f', so that
// inf gives 0, not inf * 0.
template <class T, class Precision = accurate>
class softsign {
 public:
  using value_type = T;
  using precision = Precision;

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    const V magnitude = detail::clamp_above(detail::abs(x), V(saturation));
    const V quotient = detail::divide(magnitude, detail::two_sum(V(1), magnitude));
    return detail::copy_sign(quotient, x);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    const V magnitude = detail::clamp_above(detail::abs(x), V(std::numeric_limits<T>::max()));
    const detail::double_word<V> d = detail::two_sum(V(1), magnitude);
    const V q = detail::divide(V(1), d);
    // 1/d = q (1 + residual) to first order, so 1/d^2 = q^2 + 2 q^2 residual.
    const V residual = detail::multiply_add(detail::negate(q), d.low,
                                            detail::minus_product(V(1), q, d.high));
    return detail::multiply_add(q, q, V(2) * (q * q) * residual);
  }

  // f'(x) from y = f(x): (1 - |y|)^2, 1 - |y| exact in two words:
  // within 1.5 ULP of f' at the x that y stands for (absolute accuracy for
  // |y| > 1/2, where y holds x only to its own precision).
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    const detail::double_word<V> square =
        detail::square(detail::fast_two_sum(V(1), detail::negate(detail::abs(y))));
    return square.high + square.low;
  }

 private:
  static constexpr T saturation = T(std::uint64_t(1) << (std::numeric_limits<T>::digits + 2));
};

template <class T, class Precision>
struct descriptor<softsign<T, Precision>> : descriptor_without_parameters<softsign<T, Precision>> {
  static constexpr const char* name = "softsign";
  static constexpr summary formulas{"x / (1 + |x|)", "1 / (1 + |x|)²", "odd, f(±inf) = ±1", ""};
  static constexpr accuracy_bounds accuracy{1, 1.5, 0, 1.5};
  static constexpr int eigen_cost = 12;
};

ACTFN_NAMESPACE_END
