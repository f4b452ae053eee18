// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>

#include "actfn/descriptor.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/detail/double_word.hpp"

ACTFN_NAMESPACE_BEGIN

// Affine map (the identity by default).
//   f(x)  = a*x + b rounded once: correctly rounded (0.5 ULP) where the
//           target has FMA, and within 2^-digits of an ULP more elsewhere
//           (the exact product and sum in two words, then added)
//   f'(x) = a
//   a, b: any finite values (std::invalid_argument otherwise).
//   NaN gives NaN for both; +-inf gives the limit of a*x + b (NaN when a = 0).
template <class T, class Precision = accurate>
class linear {
 public:
  using value_type = T;
  using precision = Precision;

  explicit linear(T a = T(1), T b = T(0))
      : a_(detail::require_finite(a, "linear", "a")),
        b_(detail::require_finite(b, "linear", "b")) {}

  T a() const { return a_; }
  T b() const { return b_; }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    return detail::fused_multiply_add(V(a_), x, V(b_));
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    return detail::keep_nan(x, V(a_));
  }

  // f'(x) from y = f(x): a (NaN for NaN); exact.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    return derivative(y);
  }

 private:
  T a_;
  T b_;
};

template <class T, class Precision>
struct descriptor<linear<T, Precision>> {
  static constexpr const char* name = "linear";
  static constexpr summary formulas{"a·x + b (fused)", "a", "", ""};
  static constexpr double forward_rounding_ulp = 0.5;
  static constexpr std::array<const char*, 2> parameters{{"a", "b"}};
  static constexpr std::array<std::array<double, 2>, 2> tested{{{1, 0}, {-2.5, 0.75}}};
  static std::array<double, 2> values(linear<T, Precision> const& f) {
    return {{double(f.a()), double(f.b())}};
  }
  static constexpr int eigen_cost = 1;
};

ACTFN_NAMESPACE_END
