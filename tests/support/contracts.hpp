// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The accuracy contract of every smooth activation, as its header states it:
// the functor, its long double reference and derivative, the bounds in ULP,
// and the zeros of the derivative (within 1e-3 relative of which an absolute
// bound applies instead). The per-function tests check these bounds on a
// sample; accuracy_exhaustive checks them on every float.
#pragma once

#include <string>
#include <type_traits>
#include <vector>

#include <actfn/actfn.hpp>

#include "accuracy.hpp"
#include "reference.hpp"

namespace support {

struct bounds {
  real forward_ulp;
  real derivative_ulp;
};

namespace contract {
constexpr bounds sigmoid{2, 4};
constexpr bounds tanh{2, 4};
constexpr bounds elu{2, 1.5};
constexpr bounds selu{2, 1.5};
// float gelu_erf is the double kernel rounded once.
template <class T>
constexpr bounds gelu_erf = std::is_same<T, float>::value ? bounds{0.51, 0.51} : bounds{2, 4};
constexpr bounds gelu_tanh{2, 4};
constexpr bounds softsign{1, 1.5};
constexpr bounds hard_swish{1, 1};
constexpr bounds silu{2, 4.5};
constexpr bounds celu{1.5, 1.5};
constexpr bounds softplus{2, 1.5};
constexpr bounds log_sigmoid{1.5, 1};
constexpr bounds mish{2.5, 4};
// Every derivative_from_output, against f' at the x that y stands for.
constexpr real derivative_from_output = 1.5;
// Every second_derivative; for gelu_tanh, silu and mish in double, in ULP of
// the scale of f'' (the sum of its terms' magnitudes) where that exceeds |f''|.
// The float kernels of gelu_erf, gelu_tanh, silu and mish are their double
// kernels rounded once (relative everywhere).
namespace second_derivative {
constexpr real sigmoid = 3;
constexpr real tanh = 3;
constexpr real softplus = 2;
constexpr real log_sigmoid = 2;
constexpr real elu = 1.5;
constexpr real selu = 1.5;
constexpr real celu = 2;
template <class T>
constexpr real gelu_erf = std::is_same<T, float>::value ? 0.51 : 4;
template <class T>
constexpr real gelu_tanh = std::is_same<T, float>::value ? 0.51 : 7;
template <class T>
constexpr real silu = std::is_same<T, float>::value ? 0.51 : 3;
template <class T>
constexpr real mish = std::is_same<T, float>::value ? 0.51 : 7;
}  // namespace second_derivative
}  // namespace contract

// visit(name, functor, reference, reference derivative, bounds, derivative zeros)
// for each smooth activation and parameter set the contracts cover.
template <class T, class Visit>
void for_each_contract(Visit&& visit) {
  using reference::real;
  visit("sigmoid", actfn::sigmoid<T>{}, reference::sigmoid, reference::sigmoid_derivative,
        contract::sigmoid, std::vector<real>{});
  visit("tanh", actfn::tanh<T>{}, reference::tanh, reference::tanh_derivative, contract::tanh,
        std::vector<real>{});
  for (T alpha : {T(1), T(0.5), T(2.5)}) {
    const real a = alpha;
    visit(
        "elu(alpha=" + actfn::detail::describe(alpha) + ")", actfn::elu<T>(alpha),
        [a](real x) { return reference::elu(x, a); },
        [a](real x) { return reference::elu_derivative(x, a); }, contract::elu,
        std::vector<real>{});
  }
  visit("selu", actfn::selu<T>{}, reference::selu, reference::selu_derivative, contract::selu,
        std::vector<real>{});
  for (T alpha : {T(1), T(3)}) {
    const real a = alpha;
    visit(
        "celu(alpha=" + actfn::detail::describe(alpha) + ")", actfn::celu<T>(alpha),
        [a](real x) { return reference::celu(x, a); },
        [a](real x) { return reference::celu_derivative(x, a); }, contract::celu,
        std::vector<real>{});
  }
  visit("gelu_erf", actfn::gelu_erf<T>{}, reference::gelu_erf, reference::gelu_erf_derivative,
        contract::gelu_erf<T>, std::vector<real>{reference::gelu_erf_derivative_zero});
  visit("gelu_tanh", actfn::gelu_tanh<T>{}, reference::gelu_tanh, reference::gelu_tanh_derivative,
        contract::gelu_tanh, std::vector<real>{reference::gelu_tanh_derivative_zero});
  visit("softsign", actfn::softsign<T>{}, reference::softsign, reference::softsign_derivative,
        contract::softsign, std::vector<real>{});
  for (T beta : {T(1), T(1.702)}) {
    const real b = beta;
    visit(
        "silu(beta=" + actfn::detail::describe(beta) + ")", actfn::silu<T>(beta),
        [b](real x) { return reference::silu(x, b); },
        [b](real x) { return reference::silu_derivative(x, b); }, contract::silu,
        std::vector<real>{(reference::silu_zero_hi + reference::silu_zero_lo) / b});
  }
  for (T beta : {T(1), T(2)}) {
    const real b = beta;
    visit(
        "softplus(beta=" + actfn::detail::describe(beta) + ")", actfn::softplus<T>(beta),
        [b](real x) { return reference::softplus(x, b, 20); },
        [b](real x) { return reference::softplus_derivative(x, b, 20); }, contract::softplus,
        std::vector<real>{});
  }
  visit("log_sigmoid", actfn::log_sigmoid<T>{}, reference::log_sigmoid,
        reference::log_sigmoid_derivative, contract::log_sigmoid, std::vector<real>{});
  visit("mish", actfn::mish<T>{}, reference::mish, reference::mish_derivative, contract::mish,
        std::vector<real>{reference::mish_derivative_zero});
}

}  // namespace support
