// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// How a backward pass treats what dx holds, for every backward in actfn (the
// elementwise array and Eigen APIs, per-channel PReLU, softmax, log_softmax,
// maxout): dx = (the vector-Jacobian product) + beta * dx, as BLAS's beta.
// actfn::accumulate is beta = 1 (frameworks sum the gradients of a tensor
// used twice); actfn::beta(b) any finite b (a non-finite one throws
// std::invalid_argument before anything is written); beta = 0, the default,
// overwrites dx without reading it, so garbage or NaN in dx does not matter.
// Each header says how the sum rounds.
#pragma once

#include "actfn/detail/namespace.hpp"

#include <type_traits>

#include "actfn/detail/errors.hpp"

ACTFN_NAMESPACE_BEGIN

template <class T>
struct output_beta {
  T value;
};
template <class T>
constexpr output_beta<T> beta(T value) {
  return {value};
}
struct accumulate_t {
  explicit constexpr accumulate_t() = default;
};
inline constexpr accumulate_t accumulate{};

namespace detail {

// Restricts the overloads' mode to actfn::accumulate and actfn::beta(b) (so
// that a count after three C arrays picks the pointer overload).
template <class Mode, class T>
using enable_for_mode = std::enable_if_t<
    std::is_same<Mode, output_beta<T>>::value || std::is_same<Mode, accumulate_t>::value, int>;

// The mode's beta, checked finite (function names the entry point).
template <class T>
T beta_of(output_beta<T> mode, const char* function) {
  detail::require_finite(mode.value, function, "beta");
  return mode.value;
}
template <class T>
T beta_of(accumulate_t, const char*) {
  return T(1);
}

}  // namespace detail
ACTFN_NAMESPACE_END
