// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// One target's kernels for actfn::dispatch (dispatch.hpp): every kernel of
// the array API, as the header-only calls run it, compiled once per target
// by cmake/actfnDispatch.cmake with ACTFN_DISPATCH_TARGET=<target> and the
// target's flags (-mavx2 -mfma, ...). actfn itself is in the namespace
// actfn::target_<target> here (actfn/detail/namespace.hpp); the table is what
// the rest of the program calls.
#ifndef ACTFN_DISPATCH_TARGET
#error "compiled by cmake/actfnDispatch.cmake, once per target, with ACTFN_DISPATCH_TARGET set"
#endif

#include <algorithm>
#include <array>
#include <cstddef>

#include "actfn/dispatch.hpp"

namespace actfn::dispatch::detail {
namespace {

// F from the parameters' values as choose() read them (exact: T to double
// and back).
template <class F>
F rebuild(double const* parameters) {
  std::array<double, ::actfn::descriptor<F>::parameters.size()> values{};
  std::copy_n(parameters, values.size(), values.begin());
  return ::actfn::make_functor<F>(values);
}

template <class F, class T = typename F::value_type>
void forward(double const* parameters, T const* x, T* y, std::size_t n) {
  ::actfn::forward(rebuild<F>(parameters), x, y, n);
}
template <class F, class T = typename F::value_type>
void derivative(double const* parameters, T const* x, T* d, std::size_t n) {
  ::actfn::derivative(rebuild<F>(parameters), x, d, n);
}
template <class F, class T = typename F::value_type>
void backward(double const* parameters, T const* x, T const* dy, T* dx, std::size_t n, T beta) {
  ::actfn::backward(rebuild<F>(parameters), x, dy, dx, n, ::actfn::beta(beta));
}
template <class F, class T = typename F::value_type>
void backward_from_output(double const* parameters, T const* y, T const* dy, T* dx, std::size_t n,
                          T beta) {
  ::actfn::backward_from_output(rebuild<F>(parameters), y, dy, dx, n, ::actfn::beta(beta));
}
template <class F>
constexpr typename elementwise_kernels<typename F::value_type>::gradient from_output() {
  if constexpr (::actfn::has_derivative_from_output_v<F>) {
    return &backward_from_output<F>;
  } else {
    return nullptr;
  }
}

// The functor whose kernel serves Tiered: itself where its tier runs a kernel
// of its own, else the accurate tier's (descriptor.hpp), compiled once.
template <class Tiered, class Accurate>
using serving = std::conditional_t<::actfn::runs_own_kernel_v<Tiered>, Tiered, Accurate>;

template <class T, class... Tiered, class... Accurate>
constexpr elementwise_kernels<T> elementwise(::actfn::type_list<Tiered...>,
                                             ::actfn::type_list<Accurate...>) {
  return {{{&forward<serving<Tiered, Accurate>>...}},
          {{&derivative<serving<Tiered, Accurate>>...}},
          {{&backward<serving<Tiered, Accurate>>...}},
          {{from_output<serving<Tiered, Accurate>>()...}}};
}

template <class S, class T = typename S::value_type>
void forward_rows(int masked, T const* x, std::size_t x_stride, T* y, std::size_t y_stride,
                  std::size_t rows, std::size_t cols) {
  S(static_cast<::actfn::masked_row>(masked)).forward(x, x_stride, y, y_stride, rows, cols);
}
template <class S, class T = typename S::value_type>
void backward_rows(T const* y, std::size_t y_stride, T const* dy, std::size_t dy_stride, T* dx,
                   std::size_t dx_stride, std::size_t rows, std::size_t cols, T beta) {
  S().backward(y, y_stride, dy, dy_stride, dx, dx_stride, rows, cols, ::actfn::beta(beta));
}

// One backward kernel serves both tiers (softmax.hpp).
template <template <class, class> class S, class T, class Precision>
constexpr row_kernels<T> rows() {
  return {&forward_rows<S<T, Precision>>, &backward_rows<S<T, ::actfn::accurate>>};
}

template <class T>
constexpr typed_kernels<T> typed() {
  using ::actfn::accurate;
  using ::actfn::fast;
  constexpr ::actfn::elementwise_functions<T, accurate> accurate_list{};
  return {{{elementwise<T>(accurate_list, accurate_list),
            elementwise<T>(::actfn::elementwise_functions<T, fast>{}, accurate_list)}},
          {{rows<::actfn::softmax, T, accurate>(), rows<::actfn::softmax, T, fast>()}},
          {{rows<::actfn::log_softmax, T, accurate>(), rows<::actfn::log_softmax, T, fast>()}}};
}

constexpr kernel_table table{typed<float>(), typed<double>()};

}  // namespace

#define ACTFN_DETAIL_TABLE_OF(target) ACTFN_DETAIL_CONCATENATE(kernels_for_, target)
kernel_table const& ACTFN_DETAIL_TABLE_OF(ACTFN_DISPATCH_TARGET)() { return table; }

}  // namespace actfn::dispatch::detail
