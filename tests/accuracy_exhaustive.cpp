// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Every finite float (both signs, subnormals included; infinities and NaN
// have their exact checks in the per-function tests, and the long double
// references give NaN for some limits) through every smooth activation's
// forward and derivative, against the long double reference, with the bounds
// of tests/support/contracts.hpp. Prints a table of the maximum error per
// function and fails if a bound is broken. About an hour on two cores: not
// part of the default ctest run.
//
//   accuracy_exhaustive [--fast] [--step N] [name ...]
// --fast checks the fast tier (precision.hpp) instead of the accurate one;
// --step N checks every N-th pattern (a quick look); names (sigmoid, tanh,
// elu(alpha=1), selu, gelu_erf, gelu_tanh, ...) restrict the functions.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/contracts.hpp"

namespace {

struct sweep_result {
  support::error_report forward;
  support::error_report derivative;
};

void merge(support::error_report& into, support::error_report const& from) {
  if (from.max_ulp > into.max_ulp || std::isnan(from.max_ulp)) {
    into.max_ulp = from.max_ulp;
    into.at = from.at;
  }
  into.max_absolute_near_zero = std::max(into.max_absolute_near_zero, from.max_absolute_near_zero);
}

// Patterns first, first + step, ... below 2^32, split between the threads in
// chunks.
template <class F, class Forward, class Derivative>
sweep_result sweep(F const& f, Forward const& forward, Derivative const& derivative,
                   std::vector<support::real> const& zeros, std::uint64_t step) {
  const std::uint64_t patterns = std::uint64_t(1) << 32;
  const std::uint64_t chunk = std::uint64_t(1) << 16;  // patterns per chunk, before the step
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  sweep_result total;
  std::mutex lock;
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      sweep_result mine;
      std::vector<float> xs, values;
      for (std::uint64_t begin = std::uint64_t(t) * chunk * step; begin < patterns;
           begin += std::uint64_t(threads) * chunk * step) {
        xs.clear();
        for (std::uint64_t bits = begin; bits < std::min(patterns, begin + chunk * step);
             bits += step) {
          const float x = support::from_bits<float>(bits);
          if (std::isfinite(x)) xs.push_back(x);
        }
        values.resize(xs.size());
        actfn::forward(f, xs, values);
        merge(mine.forward, support::measure(xs, values, forward));
        actfn::derivative(f, xs, values);
        merge(mine.derivative, support::measure(xs, values, derivative, zeros));
      }
      const std::lock_guard<std::mutex> hold(lock);
      merge(total.forward, mine.forward);
      merge(total.derivative, mine.derivative);
    });
  }
  for (std::thread& worker : workers) worker.join();
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t step = 1;
  bool fast = false;
  std::vector<std::string> names;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--fast") {
      fast = true;
    } else if (argument == "--step" && i + 1 < argc) {
      step = std::max<std::uint64_t>(1, std::strtoull(argv[++i], nullptr, 10));
    } else {
      names.push_back(argument);
    }
  }
  std::printf(
      "float, %s tier, every %llu-th of the 2^32 bit patterns; max error in ULP against long "
      "double\n",
      fast ? "fast" : "accurate", static_cast<unsigned long long>(step));
  std::printf("%-32s %12s %14s %6s %12s %14s %6s %12s\n", "function", "forward", "at x", "bound",
              "derivative", "at x", "bound", "|abs| @ zero");
  bool within = true;
  const auto check = [&](std::string const& name, auto const& f, reference::functions const& exact,
                         support::bounds const& limit) {
    // "silu" selects every silu(beta=...), "silu(beta=1)" one of them.
    const auto selected = [&name](std::string const& wanted) {
      return name == wanted || name.rfind(wanted + "(", 0) == 0 || name.rfind(wanted + " ", 0) == 0;
    };
    if (!names.empty() && std::none_of(names.begin(), names.end(), selected)) return;
    const sweep_result result = sweep(f, exact.value, exact.slope, exact.slope_zeros, step);
    const bool ok =
        result.forward.max_ulp <= limit.forward_ulp &&
        result.derivative.max_ulp <= limit.derivative_ulp &&
        result.derivative.max_absolute_near_zero <= support::absolute_bound_near_zero<float>();
    within = within && ok;
    std::printf("%-32s %12.3f %14.7g %6.3g %12.3f %14.7g %6.3g %12.3g%s\n", name.c_str(),
                double(result.forward.max_ulp), double(result.forward.at),
                double(limit.forward_ulp), double(result.derivative.max_ulp),
                double(result.derivative.at), double(limit.derivative_ulp),
                double(result.derivative.max_absolute_near_zero), ok ? "" : "  BOUND BROKEN");
    std::fflush(stdout);
  };
  if (fast) {
    support::for_each_contract<float, actfn::fast>(check);
  } else {
    support::for_each_contract<float, actfn::accurate>(check);
  }
  return within ? 0 : 1;
}
