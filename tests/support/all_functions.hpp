// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Every elementwise functor with each parameter set the tests use, for checks
// that apply to all of them alike.
#pragma once

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
  visit("gelu_erf", actfn::gelu_erf<T>{});
  visit("gelu_tanh", actfn::gelu_tanh<T>{});
}

}  // namespace support
