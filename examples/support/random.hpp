// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Random numbers that are the same with every standard library: the examples'
// weights, data splits and batches depend only on the seed. std::mt19937_64's
// output is fixed by the standard; std::normal_distribution's is not.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace examples {

class random_source {
 public:
  explicit random_source(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, 1), from the top 53 bits of one draw.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1p-53; }

  // Standard normal, by the Box-Muller transform (two values per pair of draws).
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double radius = std::sqrt(-2.0 * std::log(1.0 - uniform()));  // 1 - u is in (0, 1]
    const double angle = 6.283185307179586477 * uniform();
    spare_ = radius * std::sin(angle);
    has_spare_ = true;
    return radius * std::cos(angle);
  }

  // Uniform in {0, ..., n - 1}, n > 0 (its bias, at most n / 2^64, does not
  // matter here).
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }

  // Fisher-Yates, so the order depends only on the seed.
  template <class T>
  void shuffle(std::vector<T>& values) {
    for (std::size_t i = values.size(); i > 1; --i) std::swap(values[i - 1], values[below(i)]);
  }

 private:
  std::mt19937_64 engine_;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace examples
