// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The list of every activation: what the tests, the bench, the examples,
// the README's tables and Eigen's cost model read, so that adding a function
// means writing its header (functor and descriptor, see descriptor.hpp),
// adding it here, and writing its reference and its test.
#pragma once

#include "actfn/detail/namespace.hpp"

#include <cstddef>
#include <type_traits>
#include <utility>

#include "actfn/descriptor.hpp"
#include "actfn/functions/celu.hpp"
#include "actfn/functions/elu.hpp"
#include "actfn/functions/gated.hpp"
#include "actfn/functions/gelu_erf.hpp"
#include "actfn/functions/gelu_tanh.hpp"
#include "actfn/functions/hard_sigmoid.hpp"
#include "actfn/functions/hard_swish.hpp"
#include "actfn/functions/hard_tanh.hpp"
#include "actfn/functions/leaky_relu.hpp"
#include "actfn/functions/linear.hpp"
#include "actfn/functions/log_sigmoid.hpp"
#include "actfn/functions/maxout.hpp"
#include "actfn/functions/mish.hpp"
#include "actfn/functions/prelu.hpp"
#include "actfn/functions/relu.hpp"
#include "actfn/functions/selu.hpp"
#include "actfn/functions/sigmoid.hpp"
#include "actfn/functions/silu.hpp"
#include "actfn/functions/softmax.hpp"
#include "actfn/functions/softplus.hpp"
#include "actfn/functions/softsign.hpp"
#include "actfn/functions/squareplus.hpp"
#include "actfn/functions/step.hpp"
#include "actfn/functions/tanh.hpp"
#include "actfn/functions/threshold.hpp"

// X(name) for each elementwise functor actfn::name<T, Precision>, in the order of the
// README's table. A macro so that code that must name each one (Eigen's
// functor_traits specialisations) reads this list too; everything else uses
// actfn::elementwise_functions<T>.
// clang-format off
#define ACTFN_ELEMENTWISE_FUNCTIONS(X)                                                 \
  X(step) X(linear) X(sigmoid) X(tanh) X(relu) X(leaky_relu) X(prelu) X(elu) X(selu)  \
  X(celu) X(gelu_erf) X(gelu_tanh) X(silu) X(softplus) X(log_sigmoid) X(mish)          \
  X(softsign) X(squareplus) X(hard_sigmoid) X(hard_swish) X(hard_tanh) X(relu6)        \
  X(threshold)
// clang-format on

ACTFN_NAMESPACE_BEGIN

template <class... Types>
struct type_list {
  static constexpr std::size_t size = sizeof...(Types);
};

// A value that stands for the type T, for visitors: visit(type_tag<F>{}).
template <class T>
struct type_tag {
  using type = T;
};

namespace detail {
template <class First, class... Rest>
type_list<Rest...> drop_first(type_list<First, Rest...>);
#define ACTFN_DETAIL_FUNCTOR_OF_T(name) , name<T, Precision>
template <class T, class Precision>
using elementwise_list =
    decltype(drop_first(type_list<void ACTFN_ELEMENTWISE_FUNCTIONS(ACTFN_DETAIL_FUNCTOR_OF_T)>{}));
#undef ACTFN_DETAIL_FUNCTOR_OF_T
}  // namespace detail

// The functors of one value (forward, derivative, backward and the array
// API), the gated functions (a * f(b) over rows of [a | b]), and the
// structured ones: the functions of a row or a group, with their own calls
// (softmax, log_softmax, maxout and the gated ones), in one precision tier
// (precision.hpp).
template <class T, class Precision = accurate>
using elementwise_functions = detail::elementwise_list<T, Precision>;
template <class T, class Precision = accurate>
using gated_functions = type_list<glu<T, Precision>, reglu<T, Precision>, geglu<T, Precision>,
                                  geglu_tanh<T, Precision>, swiglu<T, Precision>>;

namespace detail {
template <class... Lists>
struct join {
  using type = type_list<>;
};
template <class... A>
struct join<type_list<A...>> {
  using type = type_list<A...>;
};
template <class... A, class... B, class... Rest>
struct join<type_list<A...>, type_list<B...>, Rest...> : join<type_list<A..., B...>, Rest...> {};

template <class List>
struct own_kernels;
template <class... F>
struct own_kernels<type_list<F...>>
    : join<std::conditional_t<runs_own_kernel_v<F>, type_list<F>, type_list<>>...> {};
}  // namespace detail

template <class T, class Precision = accurate>
using structured_functions = typename detail::join<
    type_list<softmax<T, Precision>, log_softmax<T, Precision>, maxout<T, Precision>>,
    gated_functions<T, Precision>>::type;

// Every elementwise kernel once: the accurate functors, then the fast ones
// that run a kernel of their own (runs_own_kernel_v), for the tests and the
// bench, which need not look at a shared kernel twice.
template <class T>
using elementwise_kernels =
    typename detail::own_kernels<typename detail::join<elementwise_functions<T, accurate>,
                                                       elementwise_functions<T, fast>>::type>::type;

// visit(type_tag<F>{}) for each F of the list, in order.
template <class... Types, class Visit>
void for_each_type(type_list<Types...>, Visit&& visit) {
  (visit(type_tag<Types>{}), ...);
}

// visit(f) for each functor of the list with each of its descriptor's tested
// parameter sets (the defaults first).
template <class List, class Visit>
void for_each_tested_functor(Visit&& visit) {
  for_each_type(List{}, [&visit](auto tag) {
    using F = typename decltype(tag)::type;
    for (auto const& values : descriptor<F>::tested) visit(make_functor<F>(values));
  });
}

ACTFN_NAMESPACE_END
