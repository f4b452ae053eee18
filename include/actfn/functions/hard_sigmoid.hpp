// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>
#include <cmath>

#include "actfn/descriptor.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/detail/vector_math.hpp"

ACTFN_NAMESPACE_BEGIN

// Hard sigmoid: a line through (0, offset) of the given slope, clamped to [0, 1].
//   f(x)  = clamp(slope*x + offset, 0, 1), as the line through its kinks:
//           0 if x <= low, 1 if x >= high, else (x - low) / width, with
//           width = 1/slope, low = -offset/slope and high = low + width, each
//           rounded to T
//   f'(x) = slope if low < x < high, else 0 (0 at both kinks, as PyTorch's
//           hardsigmoid_backward)
//   slope > 0 and offset finite; defaults 1/6 and 1/2 (PyTorch's, kinks at
//   -3 and 3); slope = 0.2 is Keras 2's (kinks at -2.5 and 2.5). For both,
//   width and low are exact (6 and -3; 5 and -2.5), so the kinks sit exactly
//   where the formula puts them. NaN gives NaN for both.
//   Max error: f within 1 ULP (x - low is an exact two-word difference,
//   divided by width with one residual correction); f' exact (the slope).
template <class T, class Precision = accurate>
class hard_sigmoid {
 public:
  using value_type = T;
  using precision = Precision;

  explicit hard_sigmoid(T slope = T(1) / T(6), T offset = T(0.5))
      : slope_(detail::require_finite(slope, "hard_sigmoid", "slope")),
        offset_(detail::require_finite(offset, "hard_sigmoid", "offset")),
        width_(T(1) / slope_),
        low_(-offset_ * width_),
        high_(low_ + width_) {
    if (!(slope_ > T(0)) || !std::isfinite(width_) || !std::isfinite(high_))
      detail::fail("hard_sigmoid", "slope = ", slope_, " and offset = ", offset_,
                   " must give a positive slope and finite kinks");
  }

  T slope() const { return slope_; }
  T offset() const { return offset_; }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    // Far from the kinks the two-word difference may hold inf - inf: the
    // selects discard it.
    const V line =
        detail::divide(detail::two_sum(x, V(-low_)), detail::double_word<V>{V(width_), V(0)});
    return detail::select(x <= V(low_), V(0),
                          detail::select(x >= V(high_), V(1), detail::clamp_above(line, V(1))));
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    return detail::keep_nan(
        x, detail::select(detail::both(x > V(low_), x < V(high_)), V(slope_), V(0)));
  }

  // f'(x) from y = f(x): slope where 0 < y < 1, else 0; exact but
  // within an ULP of a kink, where f may already round to 0 or 1.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    return detail::keep_nan(
        y, detail::select(detail::both(y > V(0), y < V(1)), V(slope_), V(0)));
  }

 private:
  T slope_, offset_, width_, low_, high_;
};

template <class T, class Precision>
struct descriptor<hard_sigmoid<T, Precision>> {
  static constexpr const char* name = "hard_sigmoid";
  static constexpr summary formulas{
      "clamp(slope·x + offset, 0, 1)", "slope between the kinks, else 0",
      "kinks at −3 and 3 (exactly: the line through them), f' = 0 at both",
      "(1/6 and 1/2 as PyTorch; Keras 2: 0.2, 0.5)"};
  static constexpr double forward_rounding_ulp = 1;
  static constexpr std::array<const char*, 2> parameters{{"slope", "offset"}};
  static constexpr std::array<std::array<double, 2>, 2> tested{{{1.0 / 6, 0.5}, {0.2, 0.5}}};
  static std::array<double, 2> values(hard_sigmoid<T, Precision> const& f) {
    return {{double(f.slope()), double(f.offset())}};
  }
  static constexpr int eigen_cost = 5;
};

ACTFN_NAMESPACE_END
