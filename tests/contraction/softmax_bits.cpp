// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Prints every bit of softmax and log_softmax forward and backward on fixed
// rows. Built twice, with -ffp-contract=off and =fast: the two outputs must be
// the same, so that no a * b - c the compiler may fuse changes a result.
#include <actfn/functions/softmax.hpp>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

template <class T>
void print_bits(std::vector<T> const& values) {
  for (T v : values) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof v);
    std::printf("%llx\n", static_cast<unsigned long long>(bits));
  }
}

template <class T, class F>
void run(F const& f) {
  std::mt19937 random(1);
  for (double scale : {1.0, 100.0}) {
    for (std::size_t cols : {1u, 3u, 17u, 1000u}) {
      std::uniform_real_distribution<double> uniform(-scale, scale);
      std::vector<T> x(cols), dy(cols), y(cols), dx(cols);
      for (std::size_t j = 0; j < cols; ++j) {
        // Generated in integers: the inputs must not depend on the flag either.
        x[j] = T(std::int64_t(random() % 200001) - 100000) * T(scale) / T(100000);
        dy[j] = T(std::int64_t(random() % 2001) - 1000) / T(1000);
      }
      f.forward(x, y);
      f.backward(y, dy, dx);
      print_bits(y);
      print_bits(dx);
    }
  }
}

int main() {
  run<float>(actfn::softmax<float>{});
  run<float>(actfn::log_softmax<float>{});
  run<double>(actfn::softmax<double>{});
  run<double>(actfn::log_softmax<double>{});
}
