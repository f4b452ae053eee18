// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Built without -march: actfn::dispatch runs the best target this CPU runs,
// and the lowest one gives the bits of this program's own header-only
// kernels (compiled for the same baseline). The README's snippet ("Every CPU
// from one binary") is the block marked below.
#include <actfn/actfn.hpp>
#include <actfn/dispatch.hpp>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

int main() {
  const std::size_t n = 1000, rows = 10, cols = 100;
  std::vector<float> x_values(n), y_values(n), dy_values(n, 0.5f), dx_values(n), p_values(n);
  for (std::size_t i = 0; i < n; ++i) x_values[i] = -20.0f + 0.04f * static_cast<float>(i);
  const float* x = x_values.data();
  const float* dy = dy_values.data();
  const float* logits = x;
  float* y = y_values.data();
  float* dx = dx_values.data();
  float* p = p_values.data();

  // The README's snippet:
  actfn::dispatch::forward(actfn::gelu_tanh<float>(), x, y, n);  // AVX-512 kernels here
  actfn::dispatch::backward(actfn::activation<float>::parse("elu(alpha=0.5)"), x, dy, dx, n);
  actfn::dispatch::forward(actfn::softmax<float, actfn::fast>(), logits, p, rows, cols);
  std::puts(actfn::dispatch::active_arch());  // "avx512", "avx2+fma", "sse2", "neon", "baseline"
  // (select_arch comes below.)

  const std::vector<std::string> available = actfn::dispatch::available_archs();
  bool ok = !available.empty() && actfn::dispatch::active_arch() == available.front();
  std::printf("actfn::dispatch runs %s (this CPU runs:", actfn::dispatch::active_arch());
  for (std::string const& name : available) std::printf(" %s", name.c_str());
  std::printf(")\n");
  // The best target agrees with this program's header-only kernels within
  // their bounds; each row of p sums to 1; elu' is 1 for x > 0.
  std::vector<float> header(n);
  actfn::forward(actfn::gelu_tanh<float>(), x, header.data(), n);
  for (std::size_t i = 0; i < n; ++i) {
    ok = ok && std::abs(y[i] - header[i]) <= 1e-5f * (1.0f + std::abs(header[i]));
    ok = ok && (x[i] <= 0 || dx[i] == 0.5f);
  }
  for (std::size_t r = 0; r < rows; ++r) {
    float sum = 0;
    for (std::size_t j = 0; j < cols; ++j) sum += p[r * cols + j];
    ok = ok && std::abs(sum - 1.0f) < 1e-5f;
  }

  actfn::dispatch::select_arch(available.back());  // sse2 on x86-64
  actfn::dispatch::forward(actfn::gelu_tanh<float>(), x, y, n);
  const bool same_bits = std::memcmp(y, header.data(), n * sizeof(float)) == 0;
  std::printf("%s gives this program's header-only bits: %s\n", actfn::dispatch::active_arch(),
              same_bits ? "yes" : "NO");
  ok = ok && same_bits;
  std::printf("actfn dispatch consumer: %s\n", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
