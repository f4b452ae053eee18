// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The gated functions of the list (glu, reglu, geglu, geglu_tanh, swiglu),
// forward and backward, float, rows x half = 16 x 4096 and 1024 x 4096 (x
// holds rows x 2 half), in ns per output element (per a, b pair), in the same
// run as:
//   composed  the three-op composition with actfn's own kernels, as a
//             framework runs it: f(b) into a buffer, then a * f(b) (backward:
//             f(b) and f'(b) into buffers, then da = dy * f(b) and
//             db = dy * a * f'(b)), each op a pass over memory;
//   eigen     the same composition in Eigen's own functions (its erf,
//             tanh, logistic), f(b) and f'(b) into the same buffers;
//   alone     f alone over b (actfn::forward, actfn::backward), the cost
//             the fused call adds to.
#include <string>

#include "support.hpp"

#include <unsupported/Eigen/SpecialFunctions>

namespace bench {
namespace {

using matrix = Eigen::Array<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using view = Eigen::Map<matrix, 0, Eigen::OuterStride<>>;
using const_view = Eigen::Map<const matrix, 0, Eigen::OuterStride<>>;

constexpr float sqrt1_2 = 0.70710678118654752440f, inv_sqrt_2pi = 0.39894228040143267794f;
constexpr float c = 0.79788456080286535588f, k = 0.044715f;

// Eigen's forms of f and f' (for the composition in Eigen), each written
// into a buffer the bench allocated once (a framework's activation tensor).
using form = void (*)(const_view const& b, view out);
struct eigen_forms {
  form value;
  form slope;
};
template <class G>
eigen_forms eigen_forms_of() {
  const std::string name = actfn::descriptor<G>::name;
  if (name == "glu") {
    return {[](const_view const& b, view out) { out = b.logistic(); },
            [](const_view const& b, view out) { out = b.logistic() * (1.f - b.logistic()); }};
  }
  if (name == "reglu") {
    return {[](const_view const& b, view out) { out = b.max(0.f); },
            [](const_view const& b, view out) { out = (b > 0.f).cast<float>(); }};
  }
  if (name == "geglu") {
    return {[](const_view const& b, view out) { out = 0.5f * b * (1.f + (b * sqrt1_2).erf()); },
            [](const_view const& b, view out) {
              out = 0.5f * (1.f + (b * sqrt1_2).erf()) +
                    b * inv_sqrt_2pi * (-0.5f * b.square()).exp();
            }};
  }
  if (name == "geglu_tanh") {
    return {[](const_view const& b, view out) {
              out = 0.5f * b * (1.f + (c * (b + k * b.cube())).tanh());
            },
            [](const_view const& b, view out) {
              out = 0.5f * (1.f + (c * (b + k * b.cube())).tanh()) +
                    0.5f * b * (1.f - (c * (b + k * b.cube())).tanh().square()) * c *
                        (1.f + 3.f * k * b.square());
            }};
  }
  return {
      [](const_view const& b, view out) { out = b * b.logistic(); },
      [](const_view const& b, view out) { out = b.logistic() * (1.f + b * (1.f - b.logistic())); }};
}

// The fast tier of an activation.
template <class F>
struct fast_tier_of;
template <template <class, class> class F, class T, class Precision>
struct fast_tier_of<F<T, Precision>> {
  using type = F<T, actfn::fast>;
};

// Registers name at rows x half = 16 x 4096 and 1024 x 4096: body(x, dy, out,
// scratch, rows, half) with x rows x 2 half, dy rows x half, out rows x 2 half,
// scratch 2 x rows x half; the time is per output element.
template <class Body>
void register_rows(std::string const& name, Body body) {
  benchmark::RegisterBenchmark(name.c_str(),
                               [body](benchmark::State& state) {
                                 const auto rows = static_cast<std::size_t>(state.range(0));
                                 const auto half = static_cast<std::size_t>(state.range(1));
                                 buffers<float> in(2 * rows * half), scratch(2 * rows * half);
                                 for (auto _ : state) {
                                   body(in.x.data(), in.dy.data(), in.out.data(),
                                        scratch.out.data(), rows, half);
                                   benchmark::DoNotOptimize(in.out.data());
                                   benchmark::ClobberMemory();
                                 }
                                 state.counters["elements"] = static_cast<double>(rows * half);
                                 state.counters["rows"] = static_cast<double>(rows);
                                 state.counters["cols"] = static_cast<double>(half);
                               })
      ->Args({16, 4096})
      ->Args({1024, 4096})
      ->Unit(benchmark::kMicrosecond);
}

template <class G>
void add_gated() {
  using Fast = actfn::gated<typename fast_tier_of<typename G::activation_type>::type>;
  const std::string name = actfn::descriptor<G>::name;
  const std::string forward = name + "/forward/float/", backward = name + "/backward/float/";
  const G g;
  const auto f = g.activation();
  register_rows(forward + "actfn",
                [g](const float* x, const float*, float* y, float*, std::size_t rows,
                    std::size_t half) { g.forward(x, y, rows, half); });
  if constexpr (actfn::runs_own_kernel_v<Fast>) {
    register_rows(forward + "fast",
                  [](const float* x, const float*, float* y, float*, std::size_t rows,
                     std::size_t half) { Fast{}.forward(x, y, rows, half); });
  }
  register_rows(backward + "actfn",
                [g](const float* x, const float* dy, float* dx, float*, std::size_t rows,
                    std::size_t half) { g.backward(x, dy, dx, rows, half); });
  if constexpr (actfn::runs_own_kernel_v<Fast>) {
    register_rows(backward + "fast",
                  [](const float* x, const float* dy, float* dx, float*, std::size_t rows,
                     std::size_t half) { Fast{}.backward(x, dy, dx, rows, half); });
  }

  // The composition: per row, the ops over b, a and the buffers in turn.
  register_rows(forward + "composed", [f](const float* x, const float*, float* y, float* t,
                                          std::size_t rows, std::size_t half) {
    for (std::size_t r = 0; r < rows; ++r)
      actfn::forward(f, x + r * 2 * half + half, t + r * half, half);
    for (std::size_t r = 0; r < rows; ++r) {
      const float* a = x + r * 2 * half;
      for (std::size_t j = 0; j < half; ++j) y[r * half + j] = a[j] * t[r * half + j];
    }
  });
  register_rows(backward + "composed", [f](const float* x, const float* dy, float* dx, float* t,
                                           std::size_t rows, std::size_t half) {
    float* slope = t + rows * half;
    for (std::size_t r = 0; r < rows; ++r) {
      actfn::forward(f, x + r * 2 * half + half, t + r * half, half);
      actfn::derivative(f, x + r * 2 * half + half, slope + r * half, half);
    }
    for (std::size_t r = 0; r < rows; ++r) {
      const float* a = x + r * 2 * half;
      const float* g_r = dy + r * half;
      float* da = dx + r * 2 * half;
      for (std::size_t j = 0; j < half; ++j) da[j] = g_r[j] * t[r * half + j];
      for (std::size_t j = 0; j < half; ++j) da[half + j] = g_r[j] * a[j] * slope[r * half + j];
    }
  });
  const eigen_forms forms = eigen_forms_of<G>();
  register_rows(forward + "eigen", [forms](const float* x, const float*, float* y, float* t,
                                           std::size_t rows, std::size_t half) {
    const Eigen::Index r = Eigen::Index(rows), h = Eigen::Index(half);
    const const_view a(x, r, h, Eigen::OuterStride<>(2 * h));
    const const_view b(x + h, r, h, Eigen::OuterStride<>(2 * h));
    view value(t, r, h, Eigen::OuterStride<>(h));
    forms.value(b, value);
    view(y, r, h, Eigen::OuterStride<>(h)) = a * value;
  });
  register_rows(backward + "eigen", [forms](const float* x, const float* dy, float* dx, float* t,
                                            std::size_t rows, std::size_t half) {
    const Eigen::Index r = Eigen::Index(rows), h = Eigen::Index(half);
    const const_view a(x, r, h, Eigen::OuterStride<>(2 * h));
    const const_view b(x + h, r, h, Eigen::OuterStride<>(2 * h));
    const const_view g(dy, r, h, Eigen::OuterStride<>(h));
    view value(t, r, h, Eigen::OuterStride<>(h)), slope(t + r * h, r, h, Eigen::OuterStride<>(h));
    forms.value(b, value);
    forms.slope(b, slope);
    view(dx, r, h, Eigen::OuterStride<>(2 * h)) = g * value;
    view(dx + h, r, h, Eigen::OuterStride<>(2 * h)) = g * a * slope;
  });
  // f alone over the same number of elements (b's half of x as one buffer).
  register_rows(forward + "alone",
                [f](const float* x, const float*, float* y, float*, std::size_t rows,
                    std::size_t half) { actfn::forward(f, x, y, rows * half); });
  register_rows(backward + "alone",
                [f](const float* x, const float* dy, float* dx, float*, std::size_t rows,
                    std::size_t half) { actfn::backward(f, x, dy, dx, rows * half); });
}

}  // namespace

void register_gated() {
  actfn::for_each_type(actfn::gated_functions<float>{},
                       [](auto tag) { add_gated<typename decltype(tag)::type>(); });
}

}  // namespace bench
