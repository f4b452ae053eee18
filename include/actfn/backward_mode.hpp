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

#include <cstddef>
#include <type_traits>

#include "actfn/detail/batch_loop.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/detail/simd.hpp"

namespace actfn {

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

// The elementwise backward's store: dx[i] = dy[i] * slope(in[i]...), or
// dy[i] * slope(in[i]...) + beta * dx[i] where beta != 0 (one multiply_add:
// rounded once where beta = 1 and the target has FMA). slope runs once per
// element either way.
template <class T, class Slope, class... Inputs>
void store_gradient(std::size_t n, T* dx, T beta, Slope&& slope, const T* dy, const Inputs*... in) {
  if (beta == T(0)) {
    detail::transform(
        n, dx, [&slope](auto const& g, auto const&... v) { return g * slope(v...); }, dy, in...);
    return;
  }
  detail::transform(
      n, dx,
      [&slope, beta](auto const& old, auto const& g, auto const&... v) {
        using V = std::decay_t<decltype(g)>;
        return detail::multiply_add(g, slope(v...), V(beta) * old);
      },
      static_cast<const T*>(dx), dy, in...);
}

// The row functions' store (softmax, log_softmax): out[i] = value(in[i]...),
// or beta * out[i] + value(in[i]...) where beta != 0 (one multiply_add, so
// that contraction cannot change it: one rounding more with FMA, two without).
template <class T, class Value, class... Inputs>
void store_with_beta(std::size_t n, T* out, T beta, Value&& value, const Inputs*... in) {
  if (beta == T(0)) {
    detail::transform(n, out, value, in...);
    return;
  }
  detail::transform(
      n, out,
      [&value, beta](auto const& old, auto const&... v) {
        using V = std::decay_t<decltype(old)>;
        return detail::multiply_add(V(beta), old, value(v...));
      },
      static_cast<const T*>(out), in...);
}

}  // namespace detail
}  // namespace actfn
