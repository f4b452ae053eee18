// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// What the benchmarks share: buffers touched before timing, the timed loop
// that records the element count, and the reporter that ends a run with a
// table in ns per element (medians when run with --benchmark_repetitions).
// Benchmark names are function/direction/type/library; a run's "rows" and
// "cols" counters, where present, name its shape in the table.
#pragma once

#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

// actfn first: it brings in the intrinsic headers under its guard against GCC
// 12's false -Wuninitialized in them (GCC bug 105593), which Eigen's AVX-512
// code would otherwise trigger.
#include <actfn/actfn.hpp>
#include <actfn/dispatch.hpp>

#include <benchmark/benchmark.h>
#include <Eigen/Core>

namespace bench {

template <class T>
using array = Eigen::Array<T, Eigen::Dynamic, 1>;

template <class T>
struct buffers {
  // Every buffer is written before timing starts, so that the first touch of
  // its pages (which dominates a single iteration at n = 2^24) is not timed.
  // x is uniform in [low, high], dy in [-6, 6].
  explicit buffers(std::size_t n, T low = T(-6), T high = T(6))
      : x(n), dy(n), out(array<T>::Zero(n)) {
    std::mt19937 random(42);
    std::uniform_real_distribution<T> uniform_x(low, high), uniform_dy(T(-6), T(6));
    for (std::size_t i = 0; i < n; ++i) {
      x[i] = uniform_x(random);
      dy[i] = uniform_dy(random);
    }
  }
  array<T> x, dy, out;
};

// Times `body` over n elements and records the element count for the table.
template <class T, class Body>
void run(benchmark::State& state, std::size_t n, Body const& body, T low = T(-6), T high = T(6)) {
  buffers<T> data(n, low, high);
  for (auto _ : state) {
    body(data, n);
    benchmark::DoNotOptimize(data.out.data());
    benchmark::ClobberMemory();
  }
  state.counters["elements"] = static_cast<double>(n);
}

// Registers "<name>/<float|double>/<library>" at n = 4096, 65536 and 2^24;
// body(buffers, n) is the timed work.
template <class T, class Body>
void register_sizes(std::string const& name, std::string const& library, Body body) {
  const std::string type = sizeof(T) == 4 ? "float" : "double";
  benchmark::RegisterBenchmark((name + "/" + type + "/" + library).c_str(),
                               [body](benchmark::State& state) {
                                 run<T>(state, static_cast<std::size_t>(state.range(0)), body);
                               })
      ->Arg(4096)
      ->Arg(65536)
      ->Arg(16777216)
      ->Unit(benchmark::kMicrosecond);
}

// Registers name (function/direction/type/library) at rows x cols = 512x128,
// 64x4096 and 4096x4096; body(buffers, rows, cols) is the timed work.
template <class T, class Body>
void register_shapes(std::string const& name, Body body) {
  benchmark::RegisterBenchmark(name.c_str(),
                               [body](benchmark::State& state) {
                                 const auto rows = static_cast<std::size_t>(state.range(0));
                                 const auto cols = static_cast<std::size_t>(state.range(1));
                                 run<T>(state, rows * cols,
                                        [&](buffers<T>& d, std::size_t) { body(d, rows, cols); });
                                 state.counters["rows"] = static_cast<double>(rows);
                                 state.counters["cols"] = static_cast<double>(cols);
                               })
      ->Args({512, 128})
      ->Args({64, 4096})
      ->Args({4096, 4096})
      ->Unit(benchmark::kMicrosecond);
}

// The reporter Google Benchmark's flags ask for (--benchmark_format=console,
// json or csv, --benchmark_counters_tabular, --benchmark_color; with
// --benchmark_out the file's reporter too), which it passes every run to,
// collecting each run's time per element for the table it prints at the end:
// below the console output, or on stderr where stdout is JSON or CSV.
class table_reporter : public benchmark::BenchmarkReporter {
 public:
  table_reporter() : display_(benchmark::CreateDefaultDisplayReporter()) {}

  bool ReportContext(Context const& context) override {
    display_->SetOutputStream(&GetOutputStream());
    display_->SetErrorStream(&GetErrorStream());
    return display_->ReportContext(context);
  }
  void ReportRuns(std::vector<Run> const& runs) override {
    display_->ReportRuns(runs);
    for (Run const& run : runs) {
      if (run.error_occurred) continue;
      const bool is_median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if (run.run_type == Run::RT_Aggregate && !is_median) continue;
      const auto elements = run.counters.find("elements");
      if (elements == run.counters.end()) continue;
      const double ns = run.GetAdjustedRealTime() * 1e3 / elements->second;  // unit: us
      std::string name = run.run_name.function_name;  // function/direction/type/library
      const std::size_t cut = name.rfind('/');
      const auto rows = run.counters.find("rows"), cols = run.counters.find("cols");
      const std::string size =
          cols == run.counters.end()
              ? std::to_string(long(elements->second))
              : std::to_string(long(rows->second)) + "x" + std::to_string(long(cols->second));
      const std::string key = name.substr(0, cut) + "/" + size;
      const std::string library = name.substr(cut + 1);
      // A median replaces the single runs it summarises.
      if (is_median || !times_[key].count(library + "*")) {
        times_[key][library] = ns;
        if (is_median) times_[key][library + "*"] = ns;
      }
    }
  }
  void Finalize() override {
    display_->Finalize();
    table_ = dynamic_cast<benchmark::ConsoleReporter*>(display_) != nullptr ? stdout : stderr;
    // actfn's two tiers, then the peers, and each tier's time over the best
    // peer's (the fast tier's column is empty where it runs the accurate
    // kernel, and the ratio then is the accurate one's).
    static constexpr const char* peers[] = {"std", "eigen", "onednn", "xnnpack"};
    std::fprintf(table_, "\n%-40s %9s %9s %9s %9s %9s %9s %8s %8s %8s\n", "ns per element",
                 "accurate", "fast", "std", "Eigen", "oneDNN", "XNNPACK", "best", "acc/best",
                 "fast/best");
    bool flush_to_zero_rows = false;
    for (auto const& [key, by_library] : times_) {
      if (by_library.count("ftz")) {
        flush_to_zero_rows = true;
        continue;
      }
      const double accurate = time_of(by_library, "actfn"), fast = time_of(by_library, "fast");
      std::fprintf(table_, "%-40s %9.3f %9.3f", key.c_str(), accurate, fast);
      double best = std::nan("");
      std::string best_name = "-";
      for (const char* peer : peers) {
        const double t = time_of(by_library, peer);
        std::fprintf(table_, " %9.3f", t);
        if (t < best || (std::isnan(best) && !std::isnan(t))) {
          best = t;
          best_name = peer;
        }
      }
      const double fast_or_accurate = std::isnan(fast) ? accurate : fast;
      std::fprintf(table_, " %8s %8.2f %8.2f\n", best_name.c_str(), accurate / best,
                   fast_or_accurate / best);
    }
    // The same kernel another way, beside actfn's: under scoped_flush_to_zero
    // (bench_fp_environment), through actfn::activation and through
    // actfn::dispatch (bench_array, bench_softmax); the gated functions
    // against their composition from actfn's kernels and against f alone
    // (bench_gated); float's kernels over 16-bit buffers (bench_storage).
    if (flush_to_zero_rows) print_variant("ftz", "FTZ/DAZ", "actfn/FTZ");
    print_variant("activation", "activation", "actfn/act.");
    print_variant("dispatch", "dispatch", "actfn/disp.");
    print_variant("composed", "composed", "actfn/comp.");
    print_variant("alone", "f alone", "actfn/alone");
    print_variant("bf16", "bfloat16", "actfn/bf16");
    print_variant("fp16", "float16", "actfn/fp16");
  }

 private:
  void print_variant(const char* library, const char* column, const char* ratio) const {
    bool header = false;
    for (auto const& [key, by_library] : times_) {
      if (!by_library.count(library)) continue;
      if (!header)
        std::fprintf(table_, "\n%-40s %10s %10s %11s\n", "ns per element", "actfn", column, ratio);
      header = true;
      const double a = time_of(by_library, "actfn"), v = time_of(by_library, library);
      std::fprintf(table_, "%-40s %10.3f %10.3f %11.2f\n", key.c_str(), a, v, a / v);
    }
  }

  // A filter may have left out some libraries: their columns stay empty.
  static double time_of(std::map<std::string, double> const& by_library, const char* library) {
    const auto found = by_library.find(library);
    return found == by_library.end() ? std::nan("") : found->second;
  }

  benchmark::BenchmarkReporter* display_;  // Google Benchmark's, which keeps it
  std::FILE* table_ = stdout;
  std::map<std::string, std::map<std::string, double>> times_;
};

// Registration of each header's benchmarks, called by main.
void register_array();
void register_softmax();
void register_maxout();
void register_gated();
void register_storage();
void register_fp_environment();
void register_peers();

}  // namespace bench
