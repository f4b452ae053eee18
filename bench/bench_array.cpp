// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Per-element time of actfn's array kernels against a plain std:: loop and the
// equivalent Eigen array expression, measured in the same run: every function,
// forward, backward and forward_and_derivative (and the last as two calls,
// forward then derivative), float and double, n = 4096, 65536 and 16,777,216;
// actfn's backward with accumulate, backward_from_output and second_derivative
// (against derivative, the row above it); and a plain copy
// of the same bytes as the memory baseline.
#include <algorithm>
#include <cmath>
#include <string>

#include "support.hpp"

#include <unsupported/Eigen/SpecialFunctions>

namespace bench {
namespace {

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

// One function's entries: actfn forward/backward, std:: loop, Eigen. The Eigen
// lambdas return expressions, evaluated straight into the output buffer.
template <class T, class F, class Scalar, class ScalarDerivative, class Eigen,
          class EigenDerivative>
void add(std::string const& name, F f, Scalar scalar, ScalarDerivative scalar_derivative,
         Eigen eigen, EigenDerivative eigen_derivative) {
  const auto register_one = [&](std::string const& direction, std::string const& library,
                                auto body) {
    register_sizes<T>(name + "/" + direction, library, body);
  };
  register_one("forward", "actfn", [f](buffers<T>& d, std::size_t n) {
    actfn::forward(f, d.x.data(), d.out.data(), n);
  });
  register_one("forward", "std", [scalar](buffers<T>& d, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) d.out[i] = scalar(d.x[i]);
  });
  register_one("forward", "eigen", [eigen](buffers<T>& d, std::size_t) { d.out = eigen(d.x); });
  register_one("backward", "actfn", [f](buffers<T>& d, std::size_t n) {
    actfn::backward(f, d.x.data(), d.dy.data(), d.out.data(), n);
  });
  register_one("backward", "std", [scalar_derivative](buffers<T>& d, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) d.out[i] = d.dy[i] * scalar_derivative(d.x[i]);
  });
  register_one("backward", "eigen", [eigen_derivative](buffers<T>& d, std::size_t) {
    d.out = d.dy * eigen_derivative(d.x);
  });
  // f and f' into out and dy: fused, and (actfn only) as two calls.
  register_one("forward_and_derivative", "actfn", [f](buffers<T>& d, std::size_t n) {
    actfn::forward_and_derivative(f, d.x.data(), d.out.data(), d.dy.data(), n);
  });
  register_one("forward_and_derivative", "std",
               [scalar, scalar_derivative](buffers<T>& d, std::size_t n) {
                 for (std::size_t i = 0; i < n; ++i) {
                   d.out[i] = scalar(d.x[i]);
                   d.dy[i] = scalar_derivative(d.x[i]);
                 }
               });
  register_one("forward_and_derivative", "eigen",
               [eigen, eigen_derivative](buffers<T>& d, std::size_t) {
                 d.out = eigen(d.x);
                 d.dy = eigen_derivative(d.x);
               });
  register_one("forward_then_derivative", "actfn", [f](buffers<T>& d, std::size_t n) {
    actfn::forward(f, d.x.data(), d.out.data(), n);
    actfn::derivative(f, d.x.data(), d.dy.data(), n);
  });
  // The backward modes (actfn only): adding into out, and from the output
  // (x's values stand in for y: the kernels have no value-dependent branch).
  register_one("backward_accumulate", "actfn", [f](buffers<T>& d, std::size_t n) {
    actfn::backward(f, d.x.data(), d.dy.data(), d.out.data(), n, actfn::accumulate);
  });
  if constexpr (actfn::has_derivative_from_output_v<F>) {
    register_one("backward_from_output", "actfn", [f](buffers<T>& d, std::size_t n) {
      actfn::backward_from_output(f, d.x.data(), d.dy.data(), d.out.data(), n);
    });
  }
  if constexpr (actfn::has_second_derivative_v<F>) {
    register_one("derivative", "actfn", [f](buffers<T>& d, std::size_t n) {
      actfn::derivative(f, d.x.data(), d.out.data(), n);
    });
    register_one("second_derivative", "actfn", [f](buffers<T>& d, std::size_t n) {
      actfn::second_derivative(f, d.x.data(), d.out.data(), n);
    });
  }
}

// The memory baselines, as "std" entries of a "copy" row: forward copies x to
// out (the bytes every forward moves), backward writes x * dy (the bytes every
// backward moves).
template <class T>
void add_copy() {
  register_sizes<T>("copy/forward", "std", [](buffers<T>& d, std::size_t n) {
    std::copy(d.x.data(), d.x.data() + n, d.out.data());
  });
  register_sizes<T>("copy/backward", "std", [](buffers<T>& d, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) d.out[i] = d.x[i] * d.dy[i];
  });
}

template <class T>
void add_all() {
  add_copy<T>();
  using A = array<T>;
  const T sqrt1_2 = T(0.70710678118654752440), inv_sqrt_2pi = T(0.39894228040143267794);
  const T c = T(0.79788456080286535588), k = T(0.044715);
  add<T>(
      "step", actfn::step<T>{}, [](T x) { return x >= 0 ? T(1) : T(0); }, [](T) { return T(0); },
      [](A const& x) { return (x >= 0).template cast<T>(); },
      [](A const& x) { return A::Zero(x.size()); });
  add<T>(
      "linear", actfn::linear<T>(T(2), T(1)), [](T x) { return T(2) * x + T(1); },
      [](T) { return T(2); }, [](A const& x) { return (T(2) * x + T(1)); },
      [](A const& x) { return A::Constant(x.size(), T(2)); });
  add<T>(
      "sigmoid", actfn::sigmoid<T>{}, [](T x) { return T(1) / (T(1) + std::exp(-x)); },
      [](T x) {
        const T s = T(1) / (T(1) + std::exp(-x));
        return s * (T(1) - s);
      },
      [](A const& x) { return x.logistic(); },
      [](A const& x) { return x.logistic() * (T(1) - x.logistic()); });
  add<T>(
      "tanh", actfn::tanh<T>{}, [](T x) { return std::tanh(x); },
      [](T x) {
        const T t = std::tanh(x);
        return T(1) - t * t;
      },
      [](A const& x) { return x.tanh(); }, [](A const& x) { return (T(1) - x.tanh().square()); });
  add<T>(
      "relu", actfn::relu<T>{}, [](T x) { return std::max(x, T(0)); },
      [](T x) { return x > 0 ? T(1) : T(0); }, [](A const& x) { return x.max(T(0)); },
      [](A const& x) { return (x > 0).template cast<T>(); });
  add<T>(
      "leaky_relu", actfn::leaky_relu<T>{}, [](T x) { return x > 0 ? x : T(0.01) * x; },
      [](T x) { return x > 0 ? T(1) : T(0.01); },
      [](A const& x) { return (x > 0).select(x, T(0.01) * x); },
      [](A const& x) { return (x > 0).select(A::Ones(x.size()), T(0.01)); });
  add<T>(
      "prelu", actfn::prelu<T>{}, [](T x) { return x > 0 ? x : T(0.25) * x; },
      [](T x) { return x > 0 ? T(1) : T(0.25); },
      [](A const& x) { return (x > 0).select(x, T(0.25) * x); },
      [](A const& x) { return (x > 0).select(A::Ones(x.size()), T(0.25)); });
  add<T>(
      "elu", actfn::elu<T>{}, [](T x) { return x > 0 ? x : std::expm1(x); },
      [](T x) { return x > 0 ? T(1) : std::exp(x); },
      [](A const& x) { return (x > 0).select(x, x.expm1()); },
      [](A const& x) { return (x > 0).select(A::Ones(x.size()), x.exp()); });
  const T l = actfn::selu<T>::lambda, la = actfn::selu<T>::lambda_alpha;
  add<T>(
      "selu", actfn::selu<T>{}, [l, la](T x) { return x > 0 ? l * x : la * std::expm1(x); },
      [l, la](T x) { return x > 0 ? l : la * std::exp(x); },
      [l, la](A const& x) { return (x > 0).select(l * x, la * x.expm1()); },
      [l, la](A const& x) { return (x > 0).select(A::Constant(x.size(), l), la * x.exp()); });
  add<T>(
      "gelu_erf", actfn::gelu_erf<T>{},
      [sqrt1_2](T x) { return T(0.5) * x * std::erfc(-x * sqrt1_2); },
      [=](T x) {
        return T(0.5) * std::erfc(-x * sqrt1_2) + x * inv_sqrt_2pi * std::exp(T(-0.5) * x * x);
      },
      [sqrt1_2](A const& x) { return (T(0.5) * x * (T(1) + (x * sqrt1_2).erf())); },
      [=](A const& x) {
        return (T(0.5) * (T(1) + (x * sqrt1_2).erf()) +
                x * inv_sqrt_2pi * (T(-0.5) * x.square()).exp());
      });
  add<T>(
      "gelu_tanh", actfn::gelu_tanh<T>{},
      [=](T x) { return T(0.5) * x * (T(1) + std::tanh(c * (x + k * x * x * x))); },
      [=](T x) {
        const T t = std::tanh(c * (x + k * x * x * x));
        return T(0.5) * (T(1) + t) + T(0.5) * x * (T(1) - t * t) * c * (T(1) + T(3) * k * x * x);
      },
      [=](A const& x) { return (T(0.5) * x * (T(1) + (c * (x + k * x.cube())).tanh())); },
      [=](A const& x) {
        return T(0.5) * (T(1) + (c * (x + k * x.cube())).tanh()) +
               T(0.5) * x * (T(1) - (c * (x + k * x.cube())).tanh().square()) * c *
                   (T(1) + T(3) * k * x.square());
      });
  add<T>(
      "celu", actfn::celu<T>(T(2)), [](T x) { return x > 0 ? x : T(2) * std::expm1(x / T(2)); },
      [](T x) { return x > 0 ? T(1) : std::exp(x / T(2)); },
      [](A const& x) { return (x > 0).select(x, T(2) * (x / T(2)).expm1()); },
      [](A const& x) { return (x > 0).select(A::Ones(x.size()), (x / T(2)).exp()); });
  add<T>(
      "silu", actfn::silu<T>{}, [](T x) { return x / (T(1) + std::exp(-x)); },
      [](T x) {
        const T s = T(1) / (T(1) + std::exp(-x));
        return s * (T(1) + x * (T(1) - s));
      },
      [](A const& x) { return x * x.logistic(); },
      [](A const& x) { return x.logistic() * (T(1) + x * (T(1) - x.logistic())); });
  add<T>(
      "softplus", actfn::softplus<T>{},
      [](T x) { return x > T(20) ? x : std::log1p(std::exp(x)); },
      [](T x) { return x > T(20) ? T(1) : T(1) / (T(1) + std::exp(-x)); },
      [](A const& x) { return (x > T(20)).select(x, x.exp().log1p()); },
      [](A const& x) { return (x > T(20)).select(A::Ones(x.size()), x.logistic()); });
  add<T>(
      "log_sigmoid", actfn::log_sigmoid<T>{},
      [](T x) { return std::min(x, T(0)) - std::log1p(std::exp(-std::fabs(x))); },
      [](T x) { return T(1) / (T(1) + std::exp(x)); },
      [](A const& x) { return x.min(T(0)) - (-x.abs()).exp().log1p(); },
      [](A const& x) { return (-x).logistic(); });
  add<T>(
      "mish", actfn::mish<T>{}, [](T x) { return x * std::tanh(std::log1p(std::exp(x))); },
      [](T x) {
        const T t = std::tanh(std::log1p(std::exp(x)));
        return t + x * (T(1) - t * t) / (T(1) + std::exp(-x));
      },
      [](A const& x) { return x * x.exp().log1p().tanh(); },
      // Returns an array, not an expression: the expression would refer to
      // the local t after it is gone (a crash at n = 2^24 and in double).
      [](A const& x) -> A {
        const A t = x.exp().log1p().tanh();
        return t + x * (T(1) - t.square()) * x.logistic();
      });
  add<T>(
      "softsign", actfn::softsign<T>{}, [](T x) { return x / (T(1) + std::fabs(x)); },
      [](T x) {
        const T d = T(1) + std::fabs(x);
        return T(1) / (d * d);
      },
      [](A const& x) { return x / (T(1) + x.abs()); },
      [](A const& x) { return (T(1) + x.abs()).square().inverse(); });
  add<T>(
      "hard_sigmoid", actfn::hard_sigmoid<T>{},
      [](T x) { return std::min(std::max(x + T(3), T(0)), T(6)) / T(6); },
      [](T x) { return x > T(-3) && x < T(3) ? T(1) / T(6) : T(0); },
      [](A const& x) { return (x + T(3)).max(T(0)).min(T(6)) / T(6); },
      [](A const& x) { return (x > T(-3) && x < T(3)).select(A::Constant(x.size(), T(1) / T(6)), T(0)); });
  add<T>(
      "hard_swish", actfn::hard_swish<T>{},
      [](T x) { return x * std::min(std::max(x + T(3), T(0)), T(6)) / T(6); },
      [](T x) { return x < T(-3) ? T(0) : x <= T(3) ? x / T(3) + T(0.5) : T(1); },
      [](A const& x) { return x * (x + T(3)).max(T(0)).min(T(6)) / T(6); },
      [](A const& x) {
        return (x < T(-3)).select(A::Zero(x.size()), (x <= T(3)).select(x / T(3) + T(0.5), T(1)));
      });
  add<T>(
      "hard_tanh", actfn::hard_tanh<T>{}, [](T x) { return std::min(std::max(x, T(-1)), T(1)); },
      [](T x) { return x > T(-1) && x < T(1) ? T(1) : T(0); },
      [](A const& x) { return x.max(T(-1)).min(T(1)); },
      [](A const& x) { return (x > T(-1) && x < T(1)).template cast<T>(); });
  add<T>(
      "threshold", actfn::threshold<T>(T(0.5), T(-1)), [](T x) { return x > T(0.5) ? x : T(-1); },
      [](T x) { return x > T(0.5) ? T(1) : T(0); },
      [](A const& x) { return (x > T(0.5)).select(x, T(-1)); },
      [](A const& x) { return (x > T(0.5)).template cast<T>(); });
}
}  // namespace

void register_array() {
  add_all<float>();
  add_all<double>();
}

}  // namespace bench
