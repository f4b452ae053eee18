// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Must not compile: relu is piecewise linear, has no second_derivative, and
// actfn::second_derivative says so in its static_assert.
#include <actfn/actfn.hpp>

int main() {
  float x[4] = {}, d2[4];
  actfn::second_derivative(actfn::relu<float>{}, x, d2, 4);
}
