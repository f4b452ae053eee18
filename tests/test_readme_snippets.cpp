// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The README's snippets, run: the text between "// snippet NAME" and
// "// end snippet NAME" is what the README's block "snippet NAME" shows
// (readme_tables writes it there and its --check fails when they differ);
// the checks after each snippet hold it to what its comments say.
#include <actfn/actfn.hpp>

#include <cmath>
#include <cstddef>
#include <vector>

#include "catch.hpp"

TEST_CASE("README snippet: gated activations", "[readme_snippets]") {
  // clang-format off
  // snippet gated
  // Two rows of [a | b], half = 3: a SwiGLU feed-forward layer's activation.
  const std::size_t rows = 2, half = 3;
  const std::vector<float> x = {1, 2, 3,   -1, 0, 1,
                                4, 5, 6,   2, -2, 0.5f};
  std::vector<float> y(rows * half), dy(rows * half, 1.0f), dx(rows * 2 * half);

  const actfn::swiglu<float> swiglu;  // glu, reglu, geglu, geglu_tanh: the same calls
  swiglu.forward(x.data(), y.data(), rows, half);               // y = a * silu(b), one pass
  swiglu.backward(x.data(), dy.data(), dx.data(), rows, half);  // dx = [da | db], one pass
  swiglu.backward(x.data(), dy.data(), dx.data(), rows, half, actfn::accumulate);  // dx += ...
  // y[0] = 1 * silu(-1) = -0.2689; actfn::swiglu<float>(1.702f) is SiLU with beta 1.702
  // end snippet gated
  // clang-format on
  const actfn::silu<float> silu;
  CHECK(y[0] == 1.0f * silu(-1.0f));
  CHECK(std::fabs(y[0] + 0.2689414f) < 1e-6f);
  CHECK(y[5] == 6.0f * silu(0.5f));
  // accumulate doubled the gradient (one rounding each, exact doubling).
  CHECK(dx[0] == 2 * silu(-1.0f));
  CHECK(dx[3] == 2 * (1.0f * silu.derivative(-1.0f)));
}

TEST_CASE("README snippet: 16-bit buffers", "[readme_snippets]") {
  // snippet storage
  std::vector<actfn::bfloat16> x, y(4);  // or actfn::float16 (IEEE half)
  for (float v : {-1.5f, -0.5f, 0.5f, 1.5f}) x.push_back(actfn::bfloat16(v));

  actfn::forward(actfn::gelu_erf<float>{}, x, y);  // in float, each result rounded once
  const float first = static_cast<float>(y[0]);    // -0.1001 (bfloat16 of gelu(-1.5) = -0.10021)

  std::vector<actfn::bfloat16> dy(4, actfn::bfloat16(1.0f)), dx(4);
  actfn::backward(actfn::gelu_erf<float>{}, x, dy, dx, actfn::beta(0.0f));
  actfn::softmax<float>{}.forward(x.data(), y.data(), 1, 4);  // rows too: softmax, gated
  // end snippet storage
  CHECK(first == static_cast<float>(actfn::bfloat16(actfn::gelu_erf<float>{}(-1.5f))));
  CHECK(std::fabs(first + 0.1001f) < 5e-4f);
  float sum = 0;
  for (actfn::bfloat16 v : y) sum += static_cast<float>(v);
  CHECK(std::fabs(sum - 1.0f) < 0.01f);
  CHECK(static_cast<float>(dx[3]) ==
        static_cast<float>(actfn::bfloat16(actfn::gelu_erf<float>{}.derivative(1.5f))));
}
