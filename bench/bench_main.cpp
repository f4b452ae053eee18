// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Runs every benchmark (or those --benchmark_filter selects), then prints the
// table in ns per element.
#include "support.hpp"

int main(int argc, char** argv) {
  bench::register_array();
  bench::register_softmax();
  bench::register_maxout();
  bench::register_gated();
  bench::register_storage();
  bench::register_fp_environment();
  bench::register_peers();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  bench::table_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
}
