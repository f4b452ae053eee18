// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The array API: forward, derivative and backward of any actfn functor over
// contiguous buffers, by pointer and length or by range (anything with data()
// and size(): std::vector, std::array, std::span...).
//
// Every element gets exactly the bits the scalar functor gives for it, whatever
// n, position or alignment (see detail/batch_loop.hpp). In place is allowed
// (y == x, dx == dy or dx == x); partially overlapping buffers are not.
#pragma once

#include <cstddef>
#include <iterator>
#include <type_traits>
#include <utility>

#include "actfn/detail/batch_loop.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/detail/simd.hpp"
#include "actfn/fp_environment.hpp"
#include "actfn/functions/prelu.hpp"

namespace actfn {
namespace detail {

template <class Range>
using range_element_t = std::remove_pointer_t<decltype(std::data(std::declval<Range&>()))>;

// Enables the range overloads for ranges of F's value type, so that a
// mismatch is a compile error naming the overload, not a conversion.
template <class F, class... Ranges>
using enable_for_ranges_of =
    std::enable_if_t<std::conjunction<std::is_same<std::remove_const_t<range_element_t<Ranges>>,
                                                   typename F::value_type>...>::value,
                     int>;

}  // namespace detail

// y[i] = f(x[i])
template <class F>
void forward(F const& f, typename F::value_type const* x, typename F::value_type* y,
             std::size_t n) {
  detail::require_buffers(n, "forward", {{x, "x"}, {y, "y"}});
  const detail::kernel_environment environment;
  detail::transform(
      n, y, [&f](auto const& v) { return f(v); }, x);
}

// d[i] = f'(x[i])
template <class F>
void derivative(F const& f, typename F::value_type const* x, typename F::value_type* d,
                std::size_t n) {
  detail::require_buffers(n, "derivative", {{x, "x"}, {d, "d"}});
  const detail::kernel_environment environment;
  detail::transform(
      n, d, [&f](auto const& v) { return f.derivative(v); }, x);
}

// y[i] = f(x[i]) and d[i] = f'(x[i]) in one pass over x: the functor's
// forward and derivative run on the same batch, inlined together, so the
// compiler computes what they share (sigmoid's and tanh's exponential, say)
// once. Each element gets the bits of forward and derivative. y or d may be
// x; y and d must differ.
template <class F>
void forward_and_derivative(F const& f, typename F::value_type const* x,
                            typename F::value_type* y, typename F::value_type* d, std::size_t n) {
  detail::require_buffers(n, "forward_and_derivative", {{x, "x"}, {y, "y"}, {d, "d"}});
  if (y == d && n > 0) detail::fail("forward_and_derivative", "y and d are the same buffer");
  const detail::kernel_environment environment;
  detail::for_each_batch(
      n, typename F::value_type(0),
      [&f, y, d](std::size_t i, std::size_t count, auto const& v) {
        detail::store_lanes(f(v), y + i, count);
        detail::store_lanes(f.derivative(v), d + i, count);
      },
      x);
}

// dx[i] = dy[i] * f'(x[i]): the vector-Jacobian product of an elementwise f.
template <class F>
void backward(F const& f, typename F::value_type const* x, typename F::value_type const* dy,
              typename F::value_type* dx, std::size_t n) {
  detail::require_buffers(n, "backward", {{x, "x"}, {dy, "dy"}, {dx, "dx"}});
  const detail::kernel_environment environment;
  detail::transform(
      n, dx, [&f](auto const& v, auto const& g) { return g * f.derivative(v); }, x, dy);
}

// How a backward pass treats what dx holds: dx[i] = dy[i] * f'(x[i]) + beta * dx[i],
// as BLAS's beta. actfn::accumulate is beta = 1 (frameworks sum the gradients
// of a tensor used twice); actfn::beta(b) any finite b; beta = 0 overwrites
// dx without reading it, so garbage or NaN in dx does not matter.
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

// dx[i] = fma(dy[i], f'(x[i]), beta * dx[i]): one rounding where beta = 1.
template <class F>
void backward(F const& f, typename F::value_type const* x, typename F::value_type const* dy,
              typename F::value_type* dx, std::size_t n, output_beta<typename F::value_type> mode) {
  using T = typename F::value_type;
  detail::require_finite(mode.value, "backward", "beta");
  if (mode.value == T(0)) return backward(f, x, dy, dx, n);
  detail::require_buffers(n, "backward", {{x, "x"}, {dy, "dy"}, {dx, "dx"}});
  const detail::kernel_environment environment;
  const T b = mode.value;
  detail::transform(
      n, dx,
      [&f, b](auto const& v, auto const& g, auto const& old) {
        using V = std::decay_t<decltype(v)>;
        return detail::fma(g, f.derivative(v), V(b) * old);
      },
      x, dy, static_cast<const T*>(dx));
}

template <class F>
void backward(F const& f, typename F::value_type const* x, typename F::value_type const* dy,
              typename F::value_type* dx, std::size_t n, accumulate_t) {
  backward(f, x, dy, dx, n, beta(typename F::value_type(1)));
}

// PReLU's backward also accumulates the gradient of its parameter:
// *dalpha += sum(dy[i] * min(x[i], 0)), with a compensated sum in T (good to
// about an ULP of the sum of magnitudes whatever n).
template <class T>
void backward(prelu<T> const& f, T const* x, T const* dy, T* dx, std::size_t n, T* dalpha) {
  detail::require_buffers(n, "backward", {{x, "x"}, {dy, "dy"}, {dx, "dx"}});
  if (dalpha == nullptr) detail::fail("backward", "dalpha is null");
  const detail::kernel_environment environment;
  detail::prelu_backward_run(f.alpha(), x, dy, dx, n, dalpha);
}

template <class F, class In, class Out, detail::enable_for_ranges_of<F, In, Out> = 0>
void forward(F const& f, In const& xs, Out&& ys) {
  detail::require_same_size(std::size(xs), std::size(ys), "forward", "xs", "ys");
  forward(f, std::data(xs), std::data(ys), std::size(xs));
}

template <class F, class In, class Out, detail::enable_for_ranges_of<F, In, Out> = 0>
void derivative(F const& f, In const& xs, Out&& ds) {
  detail::require_same_size(std::size(xs), std::size(ds), "derivative", "xs", "ds");
  derivative(f, std::data(xs), std::data(ds), std::size(xs));
}

template <class F, class In, class Out, class Slopes,
          detail::enable_for_ranges_of<F, In, Out, Slopes> = 0>
void forward_and_derivative(F const& f, In const& xs, Out&& ys, Slopes&& ds) {
  detail::require_same_size(std::size(xs), std::size(ys), "forward_and_derivative", "xs", "ys");
  detail::require_same_size(std::size(xs), std::size(ds), "forward_and_derivative", "xs", "ds");
  forward_and_derivative(f, std::data(xs), std::data(ys), std::data(ds), std::size(xs));
}

template <class F, class In, class Grad, class Out,
          detail::enable_for_ranges_of<F, In, Grad, Out> = 0>
void backward(F const& f, In const& xs, Grad const& dys, Out&& dxs) {
  detail::require_same_size(std::size(xs), std::size(dys), "backward", "xs", "dys");
  detail::require_same_size(std::size(xs), std::size(dxs), "backward", "xs", "dxs");
  backward(f, std::data(xs), std::data(dys), std::data(dxs), std::size(xs));
}

// mode: actfn::accumulate or actfn::beta(b).
template <class F, class In, class Grad, class Out, class Mode,
          detail::enable_for_ranges_of<F, In, Grad, Out> = 0>
void backward(F const& f, In const& xs, Grad const& dys, Out&& dxs, Mode mode) {
  detail::require_same_size(std::size(xs), std::size(dys), "backward", "xs", "dys");
  detail::require_same_size(std::size(xs), std::size(dxs), "backward", "xs", "dxs");
  backward(f, std::data(xs), std::data(dys), std::data(dxs), std::size(xs), mode);
}

}  // namespace actfn
