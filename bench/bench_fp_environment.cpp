// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// What actfn::scoped_flush_to_zero buys: kernels whose results (and some
// intermediates) are subnormal, timed as the caller's environment has them
// (library "actfn") and inside a scoped_flush_to_zero ("ftz"), at n = 65536;
// and the same kernels on ordinary inputs, where the guard should change
// nothing.
#include <string>

#include "support.hpp"

namespace bench {
namespace {

template <class T, class F>
void add(std::string const& name, F f, T low, T high) {
  const std::string type = sizeof(T) == 4 ? "float" : "double";
  for (const bool flush : {false, true}) {
    for (const std::string direction : {"forward", "backward"}) {
      const std::string full =
          name + "/" + direction + "/" + type + "/" + (flush ? "ftz" : "actfn");
      benchmark::RegisterBenchmark(full.c_str(), [=](benchmark::State& state) {
        const auto body = [f, direction](buffers<T>& d, std::size_t n) {
          if (direction == "forward") {
            actfn::forward(f, d.x.data(), d.out.data(), n);
          } else {
            actfn::backward(f, d.x.data(), d.dy.data(), d.out.data(), n);
          }
        };
        if (flush) {
          const actfn::scoped_flush_to_zero guard;
          run<T>(state, 65536, body, low, high);
        } else {
          run<T>(state, 65536, body, low, high);
        }
      })->Unit(benchmark::kMicrosecond);
    }
  }
}

}  // namespace

void register_fp_environment() {
  // sigma(x) and sigma'(x) are subnormal for x in [-103, -88] (float) and
  // [-744, -709] (double); so is elu'(x) = e^x (its backward), while
  // elu(x) = expm1(x) is about -1 there but has subnormal intermediates.
  add<float>("subnormal_sigmoid", actfn::sigmoid<float>{}, -103.0f, -88.0f);
  add<double>("subnormal_sigmoid", actfn::sigmoid<double>{}, -744.0, -709.0);
  add<float>("subnormal_elu", actfn::elu<float>{}, -103.0f, -88.0f);
  add<double>("subnormal_elu", actfn::elu<double>{}, -744.0, -709.0);
  add<float>("ordinary_sigmoid", actfn::sigmoid<float>{}, -6.0f, 6.0f);
  add<double>("ordinary_sigmoid", actfn::sigmoid<double>{}, -6.0, 6.0);
}

}  // namespace bench
