// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Every elementwise functor with each parameter set the tests use, for checks
// that apply to all of them alike.
#pragma once

#include <limits>
#include <string>
#include <utility>

#include <actfn/actfn.hpp>

namespace support {

template <class T, class Visit>
void for_each_function(Visit&& visit) {
  visit("step", actfn::step<T>{});
  visit("linear", actfn::linear<T>{});
  visit("linear(-2.5, 0.75)", actfn::linear<T>(T(-2.5), T(0.75)));
  visit("sigmoid", actfn::sigmoid<T>{});
  visit("tanh", actfn::tanh<T>{});
  visit("relu", actfn::relu<T>{});
  visit("leaky_relu", actfn::leaky_relu<T>{});
  visit("leaky_relu(-0.3)", actfn::leaky_relu<T>(T(-0.3)));
  visit("prelu", actfn::prelu<T>{});
  visit("elu", actfn::elu<T>{});
  visit("elu(2.5)", actfn::elu<T>(T(2.5)));
  visit("selu", actfn::selu<T>{});
  visit("celu", actfn::celu<T>{});
  visit("celu(3)", actfn::celu<T>(T(3)));
  visit("gelu_erf", actfn::gelu_erf<T>{});
  visit("gelu_tanh", actfn::gelu_tanh<T>{});
  visit("silu", actfn::silu<T>{});
  visit("silu(1.702)", actfn::silu<T>(T(1.702)));
  visit("softplus", actfn::softplus<T>{});
  visit("softplus(0.3, inf)", actfn::softplus<T>(T(0.3), std::numeric_limits<T>::infinity()));
  visit("log_sigmoid", actfn::log_sigmoid<T>{});
  visit("mish", actfn::mish<T>{});
  visit("softsign", actfn::softsign<T>{});
  visit("hard_sigmoid", actfn::hard_sigmoid<T>{});
  visit("hard_sigmoid(0.2, 0.5)", actfn::hard_sigmoid<T>(T(0.2), T(0.5)));
  visit("hard_swish", actfn::hard_swish<T>{});
  visit("hard_tanh", actfn::hard_tanh<T>{});
  visit("hard_tanh(-0.5, 2.25)", actfn::hard_tanh<T>(T(-0.5), T(2.25)));
  visit("relu6", actfn::relu6<T>{});
  visit("threshold(0.5, -3)", actfn::threshold<T>(T(0.5), T(-3)));
}

}  // namespace support
