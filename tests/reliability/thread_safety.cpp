// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Functors are immutable and kernels keep no hidden state: every kernel, run
// from several threads at once on the same functors and inputs, gives each
// thread the bits of a single-threaded run. CI also runs this program under
// -fsanitize=thread, which reports any data race.
#include <cstddef>
#include <thread>
#include <vector>

#include "../catch.hpp"
#include "../support/every_kernel.hpp"

TEMPLATE_TEST_CASE("every kernel from four threads at once", "[threads]", float, double) {
  using T = TestType;
  const support::every_kernel<T> kernels;
  auto expected = kernels.make_outputs();
  kernels.run_all(expected);

  constexpr std::size_t threads = 4, rounds = 3;
  std::vector<std::vector<std::vector<T>>> results(threads, kernels.make_outputs());
  std::vector<std::thread> workers;
  for (std::size_t t = 0; t < threads; ++t) {
    // Each thread starts at another kernel, so different kernels overlap.
    workers.emplace_back([&kernels, &results, t] {
      for (std::size_t round = 0; round < rounds; ++round) {
        for (std::size_t i = 0; i < kernels.count(); ++i) {
          kernels.run((i + t * 7) % kernels.count(), results[t]);
        }
      }
    });
  }
  for (std::thread& worker : workers) worker.join();

  for (std::size_t t = 0; t < threads; ++t) {
    for (std::size_t k = 0; k < kernels.count(); ++k) {
      std::size_t differences = 0;
      for (std::size_t i = 0; i < expected[k].size(); ++i) {
        differences += !support::same_bits(expected[k][i], results[t][k][i]);
      }
      INFO("thread " << t << ", " << kernels.name(k));
      CHECK(differences == 0);
    }
  }
}

TEST_CASE("the error handler is shared by all threads", "[threads]") {
  // Installed by one thread, seen by another; swapping it back is atomic.
  const actfn::error_handler quiet = [](const char*) {};
  const actfn::error_handler previous = actfn::set_error_handler(quiet);
  actfn::error_handler seen = nullptr;
  std::thread([&seen] { seen = actfn::set_error_handler(nullptr); }).join();
  CHECK(seen == quiet);
  CHECK(actfn::set_error_handler(previous) == nullptr);
}
