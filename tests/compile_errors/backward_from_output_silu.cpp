// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Must not compile: silu's derivative is not a function of its output (silu
// is not one-to-one), and backward_from_output says so in its static_assert.
#include <actfn/actfn.hpp>

int main() {
  float y[4] = {}, dy[4] = {}, dx[4];
  actfn::backward_from_output(actfn::silu<float>{}, y, dy, dx, 4);
}
