// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// One binary, the best kernels on every CPU: actfn::dispatch runs the array
// API's kernels compiled for each target of the architecture (x86-64: sse2,
// avx2+fma, avx512; AArch64: neon; elsewhere the compiler's baseline) and
// chooses, once, the best one the CPU runs. A program built without -march
// (as distributions build them) then runs AVX-512 kernels where there are
// any, with the bits of the header-only kernels compiled for that target.
//
//   #include <actfn/dispatch.hpp>                  // link actfn::dispatch (CMake)
//   actfn::dispatch::forward(actfn::gelu_tanh<float>(), x, y, n);
//   actfn::dispatch::backward(actfn::activation<float>::parse("elu(alpha=0.5)"), x, dy, dx, n);
//   actfn::softmax<float> softmax;
//   actfn::dispatch::forward(softmax, logits, probabilities, rows, cols);
//   std::puts(actfn::dispatch::active_arch());     // "avx512", "avx2+fma", "sse2", "neon"
//
// The calls mirror the array API (array.hpp, and softmax's and log_softmax's
// members), for every functor of functions.hpp and for actfn::activation, in
// float and double and both precision tiers, with the same checks and
// errors: forward, derivative, backward and backward_from_output (mode
// optional, actfn::accumulate or actfn::beta(b)), and softmax's and
// log_softmax's forward and backward over a vector, rows or strided rows.
// One choice per call, an indirect call of the target's kernel for that
// function: the same cost as the header-only call beyond a few nanoseconds.
//
// The target: the best that the CPU and the operating system run (AVX-512 F,
// CD, DQ and BW; AVX2 and FMA); or the one named by the environment variable
// ACTFN_DISPATCH_ARCH when the program first calls a kernel; or the one
// select_arch(name) names from then on (to test a fallback; "best" goes back).
//
// Building: the kernels are compiled by the build that links actfn::dispatch
// (CMake: find_package(actfn) or add_subdirectory, cmake/actfnDispatch.cmake),
// each target's translation unit (actfn/dispatch/kernels.cpp) with that
// target's flags, so the package stays header-only. Inside those units actfn
// lives in an unnamed namespace (actfn/detail/namespace.hpp), so that their
// code never replaces the program's own header-only kernels at link time.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "actfn/activation.hpp"
#include "actfn/array.hpp"
#include "actfn/backward_mode.hpp"
#include "actfn/functions.hpp"

namespace actfn::dispatch {

// The target whose kernels run: "avx512", "avx2+fma", "sse2", "neon" or
// "baseline".
const char* active_arch();

// The targets this build compiled that this CPU runs, best first.
std::vector<std::string> available_archs();

// From now on run the kernels of `name`, one of available_archs(), or of the
// best target ("best"); anything else throws std::invalid_argument listing
// them. Calls already running finish on the kernels they started with.
void select_arch(std::string_view name);

namespace detail {

// What crosses from the program to a target's kernels: pointers, sizes and
// numbers only, since each target has its own copy of actfn's types.
inline constexpr std::size_t function_count = ::actfn::elementwise_functions<float>::size;
inline constexpr std::size_t max_parameters = 4;

template <class T>
struct elementwise_kernels {
  // in -> out: forward, derivative
  using map = void (*)(double const* parameters, T const* in, T* out, std::size_t n);
  // dx = dy * f'(in) + beta * dx: backward (in = x), backward_from_output (in = y)
  using gradient = void (*)(double const* parameters, T const* in, T const* dy, T* dx,
                            std::size_t n, T beta);
  std::array<map, function_count> forward, derivative;
  std::array<gradient, function_count> backward, backward_from_output;  // null: not defined
};

template <class T>
struct row_kernels {
  using forward_rows = void (*)(int masked, T const* x, std::size_t x_stride, T* y,
                                std::size_t y_stride, std::size_t rows, std::size_t cols);
  using backward_rows = void (*)(T const* y, std::size_t y_stride, T const* dy,
                                 std::size_t dy_stride, T* dx, std::size_t dx_stride,
                                 std::size_t rows, std::size_t cols, T beta);
  forward_rows forward;
  backward_rows backward;
};

// One value type's kernels of one target; [0] the accurate tier, [1] the fast one.
template <class T>
struct typed_kernels {
  std::array<elementwise_kernels<T>, 2> elementwise;
  std::array<row_kernels<T>, 2> softmax, log_softmax;
};

struct kernel_table {
  typed_kernels<float> for_float;
  typed_kernels<double> for_double;
};

// The chosen target's table (dispatch/select.cpp).
kernel_table const& active_table();

template <class T>
typed_kernels<T> const& active_kernels() {
  static_assert(std::is_same_v<T, float> || std::is_same_v<T, double>,
                "actfn::dispatch runs float and double");
  if constexpr (std::is_same_v<T, float>) {
    return active_table().for_float;
  } else {
    return active_table().for_double;
  }
}

template <class Precision>
constexpr std::size_t tier_of = ::actfn::is_fast_v<Precision> ? 1 : 0;

template <class F, class List>
struct position_in;
template <class F, class... Listed>
struct position_in<F, ::actfn::type_list<Listed...>> {
  static constexpr bool listed = (std::is_same_v<F, Listed> || ...);
  static constexpr std::size_t value = [] {
    constexpr bool matches[] = {std::is_same_v<F, Listed>...};
    std::size_t i = 0;
    while (i < sizeof...(Listed) && !matches[i]) ++i;
    return i;
  }();
};

template <class F>
struct is_activation : std::false_type {};
template <class T, class Precision>
struct is_activation<::actfn::activation<T, Precision>> : std::true_type {};

// f's function, by its place in the list, with its parameters' values.
template <class T>
struct chosen_function {
  elementwise_kernels<T> const& kernels;
  std::size_t function;
  std::array<double, max_parameters> parameters;
};

template <class F>
chosen_function<typename F::value_type> choose(F const& f) {
  using T = typename F::value_type;
  using Precision = typename F::precision;
  if constexpr (is_activation<F>::value) {
    return f.visit([](auto const& held) { return detail::choose(held); });
  } else {
    using position = position_in<F, ::actfn::elementwise_functions<T, Precision>>;
    static_assert(position::listed,
                  "actfn::dispatch runs the functors of actfn/functions.hpp and actfn::activation");
    const auto values = ::actfn::descriptor<F>::values(f);
    static_assert(values.size() <= max_parameters, "raise max_parameters");
    std::array<double, max_parameters> parameters{};
    for (std::size_t i = 0; i < values.size(); ++i) parameters[i] = values[i];
    return {active_kernels<T>().elementwise[tier_of<Precision>], position::value, parameters};
  }
}

template <class T, ::actfn::detail::softmax_kind kind, class Precision>
row_kernels<T> const& rows_of() {
  auto const& kernels = active_kernels<T>();
  return kind == ::actfn::detail::softmax_kind::probabilities
             ? kernels.softmax[tier_of<Precision>]
             : kernels.log_softmax[tier_of<Precision>];
}

}  // namespace detail

// The elementwise array API (array.hpp): f is a functor of functions.hpp or
// an actfn::activation.
template <class F>
using value_t = typename F::value_type;

template <class F, ::actfn::detail::enable_for_elementwise<F> = 0>
void forward(F const& f, value_t<F> const* x, value_t<F>* y, std::size_t n) {
  const auto chosen = detail::choose(f);
  chosen.kernels.forward[chosen.function](chosen.parameters.data(), x, y, n);
}

template <class F, ::actfn::detail::enable_for_elementwise<F> = 0>
void derivative(F const& f, value_t<F> const* x, value_t<F>* d, std::size_t n) {
  const auto chosen = detail::choose(f);
  chosen.kernels.derivative[chosen.function](chosen.parameters.data(), x, d, n);
}

template <class F, class Mode, ::actfn::detail::enable_for_mode<Mode, value_t<F>> = 0,
          ::actfn::detail::enable_for_elementwise<F> = 0>
void backward(F const& f, value_t<F> const* x, value_t<F> const* dy, value_t<F>* dx, std::size_t n,
              Mode mode) {
  const value_t<F> b = ::actfn::detail::beta_of<value_t<F>>(mode, "backward");
  const auto chosen = detail::choose(f);
  chosen.kernels.backward[chosen.function](chosen.parameters.data(), x, dy, dx, n, b);
}
template <class F, ::actfn::detail::enable_for_elementwise<F> = 0>
void backward(F const& f, value_t<F> const* x, value_t<F> const* dy, value_t<F>* dx,
              std::size_t n) {
  dispatch::backward(f, x, dy, dx, n, ::actfn::beta(value_t<F>(0)));
}

template <class F, class Mode, ::actfn::detail::enable_for_mode<Mode, value_t<F>> = 0,
          ::actfn::detail::enable_for_elementwise<F> = 0>
void backward_from_output(F const& f, value_t<F> const* y, value_t<F> const* dy, value_t<F>* dx,
                          std::size_t n, Mode mode) {
  static_assert(detail::is_activation<F>::value || ::actfn::has_derivative_from_output_v<F>,
                "actfn::backward_from_output: this functor's derivative is not a function of "
                "its output; take backward from x");
  const value_t<F> b = ::actfn::detail::beta_of<value_t<F>>(mode, "backward_from_output");
  const auto chosen = detail::choose(f);
  const auto kernel = chosen.kernels.backward_from_output[chosen.function];
  if constexpr (detail::is_activation<F>::value) {
    if (kernel == nullptr) {
      ::actfn::detail::fail("backward_from_output", f.to_string(),
                            " has no derivative from its output; take backward from x");
    }
  }
  kernel(chosen.parameters.data(), y, dy, dx, n, b);
}
template <class F, ::actfn::detail::enable_for_elementwise<F> = 0>
void backward_from_output(F const& f, value_t<F> const* y, value_t<F> const* dy, value_t<F>* dx,
                          std::size_t n) {
  dispatch::backward_from_output(f, y, dy, dx, n, ::actfn::beta(value_t<F>(0)));
}

// softmax's and log_softmax's members (functions/softmax.hpp) as calls:
// forward(s, x, y, n), forward(s, x, y, rows, cols),
// forward(s, x, x_stride, y, y_stride, rows, cols), and backward(s, y, dy,
// dx, ...) in the same three shapes, mode optional.
template <class T, ::actfn::detail::softmax_kind kind, class Precision>
using rows_value_t = typename ::actfn::detail::row_normalizer<T, kind, Precision>::value_type;

template <class T, ::actfn::detail::softmax_kind kind, class Precision>
void forward(::actfn::detail::row_normalizer<T, kind, Precision> const& s,
             rows_value_t<T, kind, Precision> const* x, std::size_t x_stride,
             rows_value_t<T, kind, Precision>* y, std::size_t y_stride, std::size_t rows,
             std::size_t cols) {
  detail::rows_of<T, kind, Precision>().forward(static_cast<int>(s.masked()), x, x_stride, y,
                                                y_stride, rows, cols);
}
template <class T, ::actfn::detail::softmax_kind kind, class Precision>
void forward(::actfn::detail::row_normalizer<T, kind, Precision> const& s,
             rows_value_t<T, kind, Precision> const* x, rows_value_t<T, kind, Precision>* y,
             std::size_t rows, std::size_t cols) {
  dispatch::forward(s, x, cols, y, cols, rows, cols);
}
template <class T, ::actfn::detail::softmax_kind kind, class Precision>
void forward(::actfn::detail::row_normalizer<T, kind, Precision> const& s,
             rows_value_t<T, kind, Precision> const* x, rows_value_t<T, kind, Precision>* y,
             std::size_t n) {
  dispatch::forward(s, x, n, y, n, 1, n);
}

template <class T, ::actfn::detail::softmax_kind kind, class Precision, class Mode,
          ::actfn::detail::enable_for_mode<Mode, T> = 0>
void backward(::actfn::detail::row_normalizer<T, kind, Precision> const&,
              rows_value_t<T, kind, Precision> const* y, std::size_t y_stride,
              rows_value_t<T, kind, Precision> const* dy, std::size_t dy_stride,
              rows_value_t<T, kind, Precision>* dx, std::size_t dx_stride, std::size_t rows,
              std::size_t cols, Mode mode) {
  const T b = ::actfn::detail::beta_of<T>(
      mode, ::actfn::detail::name_of(kind, ::actfn::detail::softmax_operation::backward));
  detail::rows_of<T, kind, Precision>().backward(y, y_stride, dy, dy_stride, dx, dx_stride, rows,
                                                 cols, b);
}
template <class T, ::actfn::detail::softmax_kind kind, class Precision>
void backward(::actfn::detail::row_normalizer<T, kind, Precision> const& s,
              rows_value_t<T, kind, Precision> const* y, std::size_t y_stride,
              rows_value_t<T, kind, Precision> const* dy, std::size_t dy_stride,
              rows_value_t<T, kind, Precision>* dx, std::size_t dx_stride, std::size_t rows,
              std::size_t cols) {
  dispatch::backward(s, y, y_stride, dy, dy_stride, dx, dx_stride, rows, cols, ::actfn::beta(T(0)));
}
template <class T, ::actfn::detail::softmax_kind kind, class Precision, class Mode,
          ::actfn::detail::enable_for_mode<Mode, T> = 0>
void backward(::actfn::detail::row_normalizer<T, kind, Precision> const& s,
              rows_value_t<T, kind, Precision> const* y, rows_value_t<T, kind, Precision> const* dy,
              rows_value_t<T, kind, Precision>* dx, std::size_t rows, std::size_t cols, Mode mode) {
  dispatch::backward(s, y, cols, dy, cols, dx, cols, rows, cols, mode);
}
template <class T, ::actfn::detail::softmax_kind kind, class Precision>
void backward(::actfn::detail::row_normalizer<T, kind, Precision> const& s,
              rows_value_t<T, kind, Precision> const* y, rows_value_t<T, kind, Precision> const* dy,
              rows_value_t<T, kind, Precision>* dx, std::size_t rows, std::size_t cols) {
  dispatch::backward(s, y, cols, dy, cols, dx, cols, rows, cols, ::actfn::beta(T(0)));
}
template <class T, ::actfn::detail::softmax_kind kind, class Precision, class Mode,
          ::actfn::detail::enable_for_mode<Mode, T> = 0>
void backward(::actfn::detail::row_normalizer<T, kind, Precision> const& s,
              rows_value_t<T, kind, Precision> const* y, rows_value_t<T, kind, Precision> const* dy,
              rows_value_t<T, kind, Precision>* dx, std::size_t n, Mode mode) {
  dispatch::backward(s, y, n, dy, n, dx, n, 1, n, mode);
}
template <class T, ::actfn::detail::softmax_kind kind, class Precision>
void backward(::actfn::detail::row_normalizer<T, kind, Precision> const& s,
              rows_value_t<T, kind, Precision> const* y, rows_value_t<T, kind, Precision> const* dy,
              rows_value_t<T, kind, Precision>* dx, std::size_t n) {
  dispatch::backward(s, y, n, dy, n, dx, n, 1, n, ::actfn::beta(T(0)));
}

}  // namespace actfn::dispatch
