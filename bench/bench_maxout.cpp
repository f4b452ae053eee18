// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// maxout at k = 2 and 4, both groupings, forward and backward (from x; and
// actfn's backward with accumulate), float, n = 65536 and 16,777,216 inputs, against a plain std::
// loop and Eigen expressions (a column- or row-wise maximum of the k x units view; for backward a
// select against the replicated maximum, which routes the gradient to every tied piece rather than
// the first), in the same run. Times are per input element.
#include <algorithm>
#include <string>

#include "support.hpp"

namespace bench {
namespace {

using matrix_view = Eigen::Map<Eigen::Array<float, Eigen::Dynamic, Eigen::Dynamic>>;

template <class Body>
void add_sizes(std::string const& name, Body body) {
  benchmark::RegisterBenchmark(name.c_str(),
                               [body](benchmark::State& state) {
                                 run<float>(state, static_cast<std::size_t>(state.range(0)), body);
                               })
      ->Arg(65536)
      ->Arg(16777216)
      ->Unit(benchmark::kMicrosecond);
}

void add_maxout(Eigen::Index k, actfn::maxout_grouping grouping) {
  const bool strided = grouping == actfn::maxout_grouping::strided;
  const std::string name = "maxout_k" + std::to_string(k) + (strided ? "_strided" : "") + "/";
  const actfn::maxout<float> f(static_cast<std::size_t>(k), grouping);
  // Piece j of group i.
  const auto at = [k, strided](std::size_t i, std::size_t j, std::size_t units) {
    return strided ? j * units + i : i * std::size_t(k) + j;
  };
  add_sizes(name + "forward/float/actfn",
            [f](buffers<float>& d, std::size_t n) { f.forward(d.x.data(), d.out.data(), n); });
  add_sizes(name + "forward/float/std", [k, at](buffers<float>& d, std::size_t n) {
    const std::size_t units = n / std::size_t(k);
    for (std::size_t i = 0; i < units; ++i) {
      float best = d.x[Eigen::Index(at(i, 0, units))];
      for (std::size_t j = 1; j < std::size_t(k); ++j) {
        best = std::max(best, d.x[Eigen::Index(at(i, j, units))]);
      }
      d.out[Eigen::Index(i)] = best;
    }
  });
  add_sizes(name + "forward/float/eigen", [k, strided](buffers<float>& d, std::size_t n) {
    const Eigen::Index units = Eigen::Index(n) / k;
    if (strided) {
      Eigen::Map<Eigen::ArrayXf>(d.out.data(), units) =
          matrix_view(d.x.data(), units, k).rowwise().maxCoeff();
    } else {
      Eigen::Map<Eigen::ArrayXXf>(d.out.data(), 1, units) =
          matrix_view(d.x.data(), k, units).colwise().maxCoeff();
    }
  });
  add_sizes(name + "backward/float/actfn", [f](buffers<float>& d, std::size_t n) {
    f.backward(d.x.data(), d.dy.data(), d.out.data(), n);
  });
  add_sizes(name + "backward_accumulate/float/actfn", [f](buffers<float>& d, std::size_t n) {
    f.backward(d.x.data(), d.dy.data(), d.out.data(), n, actfn::accumulate);
  });
  add_sizes(name + "backward/float/std", [k, at](buffers<float>& d, std::size_t n) {
    const std::size_t units = n / std::size_t(k);
    for (std::size_t i = 0; i < units; ++i) {
      std::size_t best = at(i, 0, units);
      d.out[Eigen::Index(best)] = 0;
      for (std::size_t j = 1; j < std::size_t(k); ++j) {
        const std::size_t p = at(i, j, units);
        d.out[Eigen::Index(p)] = 0;
        if (d.x[Eigen::Index(p)] > d.x[Eigen::Index(best)]) best = p;
      }
      d.out[Eigen::Index(best)] = d.dy[Eigen::Index(i)];
    }
  });
  add_sizes(name + "backward/float/eigen", [k, strided](buffers<float>& d, std::size_t n) {
    const Eigen::Index units = Eigen::Index(n) / k;
    if (strided) {
      const matrix_view x(d.x.data(), units, k);
      const Eigen::ArrayXf best = x.rowwise().maxCoeff();
      const Eigen::Map<Eigen::ArrayXf> dy(d.dy.data(), units);
      matrix_view(d.out.data(), units, k) =
          (x == best.replicate(1, k)).select(dy.replicate(1, k), 0.0f);
    } else {
      const matrix_view x(d.x.data(), k, units);
      const Eigen::ArrayXXf best = x.colwise().maxCoeff();
      const Eigen::Map<Eigen::ArrayXXf> dy(d.dy.data(), 1, units);
      matrix_view(d.out.data(), k, units) =
          (x == best.replicate(k, 1)).select(dy.replicate(k, 1), 0.0f);
    }
  });
}

}  // namespace

void register_maxout() {
  for (Eigen::Index k : {2, 4}) {
    add_maxout(k, actfn::maxout_grouping::contiguous);
    add_maxout(k, actfn::maxout_grouping::strided);
  }
}

}  // namespace bench
