// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Every elementwise function (accurate tier) over bfloat16 and float16
// buffers, forward and backward, at n = 65536 and 2^24: the variant rows
// "bf16" and "fp16" beside the float rows of bench_array ("actfn"), in the
// same run, ns per element. The inputs are the float buffers' values,
// rounded to the format.
#include <string>
#include <vector>

#include "support.hpp"

namespace bench {
namespace {

template <class S, class Body>
void register_storage(std::string const& name, Body body) {
  benchmark::RegisterBenchmark(name.c_str(),
                               [body](benchmark::State& state) {
                                 const auto n = static_cast<std::size_t>(state.range(0));
                                 const buffers<float> data(n);
                                 std::vector<S> x(n), dy(n), out(n);
                                 for (std::size_t i = 0; i < n; ++i) {
                                   x[i] = S(data.x[Eigen::Index(i)]);
                                   dy[i] = S(data.dy[Eigen::Index(i)]);
                                 }
                                 for (auto _ : state) {
                                   body(x.data(), dy.data(), out.data(), n);
                                   benchmark::DoNotOptimize(out.data());
                                   benchmark::ClobberMemory();
                                 }
                                 state.counters["elements"] = static_cast<double>(n);
                               })
      ->Arg(65536)
      ->Arg(16777216)
      ->Unit(benchmark::kMicrosecond);
}

template <class S, class F>
void add_storage(F const& f, const char* library) {
  const std::string name = actfn::descriptor<F>::name;
  register_storage<S>(
      name + "/forward/float/" + library,
      [f](const S* x, const S*, S* y, std::size_t n) { actfn::forward(f, x, y, n); });
  register_storage<S>(
      name + "/backward/float/" + library,
      [f](const S* x, const S* dy, S* dx, std::size_t n) { actfn::backward(f, x, dy, dx, n); });
}

}  // namespace

void register_storage() {
  actfn::for_each_type(actfn::elementwise_functions<float>{}, [](auto tag) {
    using F = typename decltype(tag)::type;
    const F f = actfn::make_functor<F>(actfn::descriptor<F>::tested[0]);
    add_storage<actfn::bfloat16>(f, "bf16");
    add_storage<actfn::float16>(f, "fp16");
  });
}

}  // namespace bench
