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

#include "actfn/detail/namespace.hpp"

#include <cstddef>
#include <iterator>
#include <type_traits>
#include <utility>

#include "actfn/backward_mode.hpp"
#include "actfn/detail/batch_loop.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/fp_environment.hpp"
#include "actfn/storage_types.hpp"

ACTFN_NAMESPACE_BEGIN
namespace detail {

// Whether F is an elementwise functor (an operator() on its value type):
// the overloads below take only those, so that softmax's and maxout's own
// free calls (in their headers) are never ambiguous with them.
template <class F, class = void>
struct is_elementwise : std::false_type {};
template <class F>
struct is_elementwise<F, std::void_t<decltype(std::declval<F const&>()(
                             std::declval<typename F::value_type const&>()))>> : std::true_type {};

// Elements (of ranges) an elementwise F takes: its value type, or, where
// that is float, one 16-bit storage type.
template <bool Elementwise, class F, class... Elements>
struct takes_elements : std::false_type {};
template <class F, class... Elements>
struct takes_elements<true, F, Elements...>
    : std::bool_constant<
          std::conjunction<std::is_same<Elements, typename F::value_type>...>::value ||
          (std::is_same<typename F::value_type, float>::value &&
           (std::conjunction<std::is_same<Elements, bfloat16>...>::value ||
            std::conjunction<std::is_same<Elements, float16>...>::value))> {};

// Enables an overload for an elementwise F and, for the range overloads,
// ranges of F's value type (or of one storage type, for a float F). The
// ranges' elements are named here, so that a pointer is no range (a
// substitution failure, not an error).
template <class F, class... Ranges>
using enable_for_elementwise =
    std::enable_if_t<takes_elements<is_elementwise<F>::value, F,
                                    std::remove_const_t<range_element_t<Ranges>>...>::value,
                     int>;

// Enables the overloads over buffers of the 16-bit storage type S for an
// elementwise F of float.
template <class F>
struct computes_in_float : std::is_same<typename F::value_type, float> {};
template <class F, class S>
using enable_for_storage =
    std::enable_if_t<std::conjunction<is_elementwise<F>, computes_in_float<F>,
                                      std::bool_constant<is_storage_type_v<S>>>::value,
                     int>;

}  // namespace detail

// y[i] = f(x[i])
template <class F, detail::enable_for_elementwise<F> = 0>
void forward(F const& f, typename F::value_type const* x, typename F::value_type* y,
             std::size_t n) {
  detail::require_buffers(n, "forward", {{x, "x"}, {y, "y"}});
  const detail::kernel_environment environment;
  detail::transform(
      n, y, [&f](auto const& v) { return f(v); }, x);
}

// d[i] = f'(x[i])
template <class F, detail::enable_for_elementwise<F> = 0>
void derivative(F const& f, typename F::value_type const* x, typename F::value_type* d,
                std::size_t n) {
  detail::require_buffers(n, "derivative", {{x, "x"}, {d, "d"}});
  const detail::kernel_environment environment;
  detail::transform(
      n, d, [&f](auto const& v) { return f.derivative(v); }, x);
}

// Whether F has a second derivative (a second_derivative member): the smooth
// functions sigmoid, tanh, softplus, log_sigmoid, elu, selu, celu, gelu_erf,
// gelu_tanh, silu and mish (elu and selu with their derivative's convention
// at 0). Not the piecewise linear ones, nor softsign (f'' jumps at 0).
template <class F, class = void>
struct has_second_derivative : std::false_type {};
template <class F>
struct has_second_derivative<F, std::void_t<decltype(std::declval<F const&>().second_derivative(
                                    std::declval<typename F::value_type>()))>> : std::true_type {};
template <class F>
inline constexpr bool has_second_derivative_v = has_second_derivative<F>::value;

// d2[i] = f''(x[i]). A functor without a second derivative is a compile error.
template <class F, detail::enable_for_elementwise<F> = 0>
void second_derivative(F const& f, typename F::value_type const* x, typename F::value_type* d2,
                       std::size_t n) {
  static_assert(has_second_derivative_v<F>,
                "actfn::second_derivative: this functor has no second derivative (see "
                "actfn::has_second_derivative)");
  if constexpr (has_second_derivative_v<F>) {
    detail::require_buffers(n, "second_derivative", {{x, "x"}, {d2, "d2"}});
    const detail::kernel_environment environment;
    detail::transform(
        n, d2, [&f](auto const& v) { return f.second_derivative(v); }, x);
  }
}

// y[i] = f(x[i]) and d[i] = f'(x[i]) in one pass over x: the functor's
// forward and derivative run on the same batch, inlined together, so the
// compiler computes what they share (sigmoid's and tanh's exponential, say)
// once. Each element gets the bits of forward and derivative. y or d may be
// x; y and d must differ.
template <class F, detail::enable_for_elementwise<F> = 0>
void forward_and_derivative(F const& f, typename F::value_type const* x, typename F::value_type* y,
                            typename F::value_type* d, std::size_t n) {
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

namespace detail {

// The one loop of backward and backward_from_output (see store_gradient).
template <class T, class Slope>
void backward_run(Slope const& slope, T const* in, T const* dy, T* dx, std::size_t n,
                  computed_in_t<T> beta) {
  const kernel_environment environment;
  detail::store_gradient(n, dx, beta, slope, dy, in);
}

}  // namespace detail

// dx[i] = dy[i] * f'(x[i]): the vector-Jacobian product of an elementwise f;
// mode (optional): actfn::accumulate or actfn::beta(b) (backward_mode.hpp),
// dx[i] = dy[i] * f'(x[i]) + b * dx[i], one rounding where b = 1 and the
// target has FMA (two without).
template <class F, detail::enable_for_elementwise<F> = 0>
void backward(F const& f, typename F::value_type const* x, typename F::value_type const* dy,
              typename F::value_type* dx, std::size_t n) {
  backward(f, x, dy, dx, n, beta(typename F::value_type(0)));
}
template <class F, class Mode, detail::enable_for_mode<Mode, typename F::value_type> = 0,
          detail::enable_for_elementwise<F> = 0>
void backward(F const& f, typename F::value_type const* x, typename F::value_type const* dy,
              typename F::value_type* dx, std::size_t n, Mode mode) {
  using T = typename F::value_type;
  const T b = detail::beta_of<T>(mode, "backward");
  detail::require_buffers(n, "backward", {{x, "x"}, {dy, "dy"}, {dx, "dx"}});
  detail::backward_run([&f](auto const& v) { return f.derivative(v); }, x, dy, dx, n, b);
}

// Whether F gives f'(x) from y = f(x) alone (a derivative_from_output member):
// sigmoid, tanh, relu, leaky_relu, prelu, elu, selu, celu, softplus,
// log_sigmoid, softsign, hard_sigmoid, hard_tanh, relu6, threshold, linear,
// step. Not silu, mish, the GELUs or hard_swish, which are not one-to-one.
template <class F, class = void>
struct has_derivative_from_output : std::false_type {};
template <class F>
struct has_derivative_from_output<
    F, std::void_t<decltype(std::declval<F const&>().derivative_from_output(
           std::declval<typename F::value_type>()))>> : std::true_type {};
template <class F>
inline constexpr bool has_derivative_from_output_v = has_derivative_from_output<F>::value;

namespace detail {
// Functors whose parameters decide (leaky_relu's alpha >= 0, ...) check them.
template <class F, class = void>
struct checks_derivative_from_output : std::false_type {};
template <class F>
struct checks_derivative_from_output<
    F, std::void_t<decltype(std::declval<F const&>().require_derivative_from_output())>>
    : std::true_type {};
}  // namespace detail

// Whether backward_from_output takes f: F has derivative_from_output, and
// f's parameters keep f' a function of y (leaky_relu, prelu and elu with
// alpha >= 0, threshold with value <= threshold), so that generic code can
// choose it without catching the exception it would throw.
template <class F>
bool derivative_from_output_defined(F const& f) {
  if constexpr (!has_derivative_from_output_v<F>) {
    static_cast<void>(f);
    return false;
  } else if constexpr (detail::checks_derivative_from_output<F>::value) {
    return f.output_determines_derivative();
  } else {
    return true;
  }
}

// dx[i] = dy[i] * f'(x[i]) computed from y[i] = f(x[i]), so that a caller can
// run forward in place and drop x. Each functor's header gives the accuracy
// of its derivative_from_output. A functor without one is a compile error;
// a parameter that makes f' not a function of y (leaky_relu's alpha < 0,
// say) throws std::invalid_argument. mode as for backward.
template <class F, detail::enable_for_elementwise<F> = 0>
void backward_from_output(F const& f, typename F::value_type const* y,
                          typename F::value_type const* dy, typename F::value_type* dx,
                          std::size_t n) {
  backward_from_output(f, y, dy, dx, n, beta(typename F::value_type(0)));
}
namespace detail {
// backward_from_output's checks and loop, for buffers of F's value type or,
// for a float F, of a storage type (E).
template <class F, class E, class Mode>
void backward_from_output_run(F const& f, const E* y, const E* dy, E* dx, std::size_t n,
                              Mode mode) {
  static_assert(has_derivative_from_output_v<F>,
                "actfn::backward_from_output: this functor's derivative is not a function of "
                "its output (see actfn::has_derivative_from_output); use actfn::backward with x");
  if constexpr (has_derivative_from_output_v<F>) {
    if constexpr (checks_derivative_from_output<F>::value) f.require_derivative_from_output();
    const auto b = beta_of<computed_in_t<E>>(mode, "backward_from_output");
    require_buffers(n, "backward_from_output", {{y, "y"}, {dy, "dy"}, {dx, "dx"}});
    backward_run([&f](auto const& v) { return f.derivative_from_output(v); }, y, dy, dx, n, b);
  }
}
}  // namespace detail

template <class F, class Mode, detail::enable_for_mode<Mode, typename F::value_type> = 0,
          detail::enable_for_elementwise<F> = 0>
void backward_from_output(F const& f, typename F::value_type const* y,
                          typename F::value_type const* dy, typename F::value_type* dx,
                          std::size_t n, Mode mode) {
  detail::backward_from_output_run(f, y, dy, dx, n, mode);
}

// The same calls over buffers of 16-bit storage types (storage_types.hpp)
// for a functor of float: x (and dy, and dx where beta != 0) widened to
// float, f's float kernel, each result rounded once to the buffer's type
// (to nearest even). Each element gets the float call's bits for its widened
// inputs, rounded. mode: actfn::accumulate or actfn::beta(b) with a float b.
template <class F, class S, detail::enable_for_storage<F, S> = 0>
void forward(F const& f, const S* x, S* y, std::size_t n) {
  detail::require_buffers(n, "forward", {{x, "x"}, {y, "y"}});
  const detail::kernel_environment environment;
  detail::transform(
      n, y, [&f](auto const& v) { return f(v); }, x);
}
template <class F, class S, detail::enable_for_storage<F, S> = 0>
void derivative(F const& f, const S* x, S* d, std::size_t n) {
  detail::require_buffers(n, "derivative", {{x, "x"}, {d, "d"}});
  const detail::kernel_environment environment;
  detail::transform(
      n, d, [&f](auto const& v) { return f.derivative(v); }, x);
}
template <class F, class S, class Mode = output_beta<float>,
          detail::enable_for_mode<Mode, float> = 0, detail::enable_for_storage<F, S> = 0>
void backward(F const& f, const S* x, const S* dy, S* dx, std::size_t n, Mode mode = Mode{}) {
  const float b = detail::beta_of<float>(mode, "backward");
  detail::require_buffers(n, "backward", {{x, "x"}, {dy, "dy"}, {dx, "dx"}});
  detail::backward_run([&f](auto const& v) { return f.derivative(v); }, x, dy, dx, n, b);
}
template <class F, class S, class Mode = output_beta<float>,
          detail::enable_for_mode<Mode, float> = 0, detail::enable_for_storage<F, S> = 0>
void backward_from_output(F const& f, const S* y, const S* dy, S* dx, std::size_t n,
                          Mode mode = Mode{}) {
  detail::backward_from_output_run(f, y, dy, dx, n, mode);
}

template <class F, class In, class Out, detail::enable_for_elementwise<F, In, Out> = 0>
void forward(F const& f, In const& xs, Out&& ys) {
  detail::require_same_size(std::size(xs), std::size(ys), "forward", "xs", "ys");
  forward(f, std::data(xs), std::data(ys), std::size(xs));
}

template <class F, class In, class Out, detail::enable_for_elementwise<F, In, Out> = 0>
void derivative(F const& f, In const& xs, Out&& ds) {
  detail::require_same_size(std::size(xs), std::size(ds), "derivative", "xs", "ds");
  derivative(f, std::data(xs), std::data(ds), std::size(xs));
}

template <class F, class In, class Out, detail::enable_for_elementwise<F, In, Out> = 0>
void second_derivative(F const& f, In const& xs, Out&& d2s) {
  detail::require_same_size(std::size(xs), std::size(d2s), "second_derivative", "xs", "d2s");
  second_derivative(f, std::data(xs), std::data(d2s), std::size(xs));
}

template <class F, class In, class Out, class Slopes,
          detail::enable_for_elementwise<F, In, Out, Slopes> = 0>
void forward_and_derivative(F const& f, In const& xs, Out&& ys, Slopes&& ds) {
  detail::require_same_size(std::size(xs), std::size(ys), "forward_and_derivative", "xs", "ys");
  detail::require_same_size(std::size(xs), std::size(ds), "forward_and_derivative", "xs", "ds");
  forward_and_derivative(f, std::data(xs), std::data(ys), std::data(ds), std::size(xs));
}

template <class F, class In, class Grad, class Out,
          detail::enable_for_elementwise<F, In, Grad, Out> = 0>
void backward(F const& f, In const& xs, Grad const& dys, Out&& dxs) {
  backward(f, xs, dys, dxs, beta(typename F::value_type(0)));
}

// mode: actfn::accumulate or actfn::beta(b).
template <class F, class In, class Grad, class Out, class Mode,
          detail::enable_for_elementwise<F, In, Grad, Out> = 0,
          detail::enable_for_mode<Mode, typename F::value_type> = 0>
void backward(F const& f, In const& xs, Grad const& dys, Out&& dxs, Mode mode) {
  detail::require_same_size(std::size(xs), std::size(dys), "backward", "xs", "dys");
  detail::require_same_size(std::size(xs), std::size(dxs), "backward", "xs", "dxs");
  backward(f, std::data(xs), std::data(dys), std::data(dxs), std::size(xs), mode);
}

template <class F, class Out, class Grad, class GradOut,
          detail::enable_for_elementwise<F, Out, Grad, GradOut> = 0>
void backward_from_output(F const& f, Out const& ys, Grad const& dys, GradOut&& dxs) {
  backward_from_output(f, ys, dys, dxs, beta(typename F::value_type(0)));
}
template <class F, class Out, class Grad, class GradOut, class Mode,
          detail::enable_for_elementwise<F, Out, Grad, GradOut> = 0,
          detail::enable_for_mode<Mode, typename F::value_type> = 0>
void backward_from_output(F const& f, Out const& ys, Grad const& dys, GradOut&& dxs, Mode mode) {
  detail::require_same_size(std::size(ys), std::size(dys), "backward_from_output", "ys", "dys");
  detail::require_same_size(std::size(ys), std::size(dxs), "backward_from_output", "ys", "dxs");
  backward_from_output(f, std::data(ys), std::data(dys), std::data(dxs), std::size(ys), mode);
}

ACTFN_NAMESPACE_END
