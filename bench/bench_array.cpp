// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Per-element time of actfn's array kernels against a plain std:: loop and the
// equivalent Eigen array expression, measured in the same run: every function
// of the list (actfn/functions.hpp) with its default parameters, forward, backward and
// forward_and_derivative (and the last as two calls, forward then derivative), float and double, n
// = 4096, 65536 and 16,777,216; actfn's backward with accumulate, backward_from_output and
// second_derivative (against derivative, the row above it); float's forward and backward through
// actfn::activation (the kernel chosen at run time); and a plain copy of the same bytes as the
// memory baseline.
#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>

#include "support.hpp"

#include <unsupported/Eigen/SpecialFunctions>

namespace bench {
namespace {

// One function's actfn entries: forward, backward, forward_and_derivative
// (and as two calls), the backward modes and second_derivative.
template <class T, class F>
void add_actfn(std::string const& name, F f) {
  const char* library = actfn::is_fast_v<typename F::precision> ? "fast" : "actfn";
  const auto register_one = [&](std::string const& direction, auto body) {
    register_sizes<T>(name + "/" + direction, library, body);
  };
  register_one("forward", [f](buffers<T>& d, std::size_t n) {
    actfn::forward(f, d.x.data(), d.out.data(), n);
  });
  register_one("backward", [f](buffers<T>& d, std::size_t n) {
    actfn::backward(f, d.x.data(), d.dy.data(), d.out.data(), n);
  });
  // f and f' into out and dy: fused, and as two calls.
  register_one("forward_and_derivative", [f](buffers<T>& d, std::size_t n) {
    actfn::forward_and_derivative(f, d.x.data(), d.out.data(), d.dy.data(), n);
  });
  register_one("forward_then_derivative", [f](buffers<T>& d, std::size_t n) {
    actfn::forward(f, d.x.data(), d.out.data(), n);
    actfn::derivative(f, d.x.data(), d.dy.data(), n);
  });
  // The backward modes: adding into out, and from the output (x's values
  // stand in for y: the kernels have no value-dependent branch).
  register_one("backward_accumulate", [f](buffers<T>& d, std::size_t n) {
    actfn::backward(f, d.x.data(), d.dy.data(), d.out.data(), n, actfn::accumulate);
  });
  if constexpr (actfn::has_derivative_from_output_v<F>) {
    register_one("backward_from_output", [f](buffers<T>& d, std::size_t n) {
      actfn::backward_from_output(f, d.x.data(), d.dy.data(), d.out.data(), n);
    });
  }
  if constexpr (actfn::has_second_derivative_v<F>) {
    register_one("derivative", [f](buffers<T>& d, std::size_t n) {
      actfn::derivative(f, d.x.data(), d.out.data(), n);
    });
    register_one("second_derivative", [f](buffers<T>& d, std::size_t n) {
      actfn::second_derivative(f, d.x.data(), d.out.data(), n);
    });
  }
}

// The same function written as a user would without actfn, with the
// functor's default parameters: a std:: loop and an Eigen array expression
// (the Eigen lambdas return expressions, evaluated straight into the output).
template <class T, class Scalar, class ScalarDerivative, class Eigen, class EigenDerivative>
void add_peers(std::string const& name, Scalar scalar, ScalarDerivative scalar_derivative,
               Eigen eigen, EigenDerivative eigen_derivative) {
  const auto register_one = [&](std::string const& direction, std::string const& library,
                                auto body) {
    register_sizes<T>(name + "/" + direction, library, body);
  };
  register_one("forward", "std", [scalar](buffers<T>& d, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) d.out[i] = scalar(d.x[i]);
  });
  register_one("forward", "eigen", [eigen](buffers<T>& d, std::size_t) { d.out = eigen(d.x); });
  register_one("backward", "std", [scalar_derivative](buffers<T>& d, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) d.out[i] = d.dy[i] * scalar_derivative(d.x[i]);
  });
  register_one("backward", "eigen", [eigen_derivative](buffers<T>& d, std::size_t) {
    d.out = d.dy * eigen_derivative(d.x);
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

// The peers of the function the list names `name` (none for relu6).
template <class T>
void add_peers_of(std::string const& name) {
  using A = array<T>;
  const T sqrt1_2 = T(0.70710678118654752440), inv_sqrt_2pi = T(0.39894228040143267794);
  const T c = T(0.79788456080286535588), k = T(0.044715);
  if (name == "step") add_peers<T>(
      "step", [](T x) { return x >= 0 ? T(1) : T(0); }, [](T) { return T(0); },
      [](A const& x) { return (x >= 0).template cast<T>(); },
      [](A const& x) { return A::Zero(x.size()); });
  if (name == "linear") add_peers<T>(
      "linear", [](T x) { return T(1) * x + T(0); }, [](T) { return T(1); },
      [](A const& x) { return (T(1) * x + T(0)); },
      [](A const& x) { return A::Constant(x.size(), T(1)); });
  if (name == "sigmoid") add_peers<T>(
      "sigmoid", [](T x) { return T(1) / (T(1) + std::exp(-x)); },
      [](T x) {
        const T s = T(1) / (T(1) + std::exp(-x));
        return s * (T(1) - s);
      },
      [](A const& x) { return x.logistic(); },
      [](A const& x) { return x.logistic() * (T(1) - x.logistic()); });
  if (name == "tanh") add_peers<T>(
      "tanh", [](T x) { return std::tanh(x); },
      [](T x) {
        const T t = std::tanh(x);
        return T(1) - t * t;
      },
      [](A const& x) { return x.tanh(); }, [](A const& x) { return (T(1) - x.tanh().square()); });
  if (name == "relu") add_peers<T>(
      "relu", [](T x) { return std::max(x, T(0)); },
      [](T x) { return x > 0 ? T(1) : T(0); }, [](A const& x) { return x.max(T(0)); },
      [](A const& x) { return (x > 0).template cast<T>(); });
  if (name == "leaky_relu") add_peers<T>(
      "leaky_relu", [](T x) { return x > 0 ? x : T(0.01) * x; },
      [](T x) { return x > 0 ? T(1) : T(0.01); },
      [](A const& x) { return (x > 0).select(x, T(0.01) * x); },
      [](A const& x) { return (x > 0).select(A::Ones(x.size()), T(0.01)); });
  if (name == "prelu") add_peers<T>(
      "prelu", [](T x) { return x > 0 ? x : T(0.25) * x; },
      [](T x) { return x > 0 ? T(1) : T(0.25); },
      [](A const& x) { return (x > 0).select(x, T(0.25) * x); },
      [](A const& x) { return (x > 0).select(A::Ones(x.size()), T(0.25)); });
  if (name == "elu") add_peers<T>(
      "elu", [](T x) { return x > 0 ? x : std::expm1(x); },
      [](T x) { return x > 0 ? T(1) : std::exp(x); },
      [](A const& x) { return (x > 0).select(x, x.expm1()); },
      [](A const& x) { return (x > 0).select(A::Ones(x.size()), x.exp()); });
  const T l = actfn::selu<T>::lambda, la = actfn::selu<T>::lambda_alpha;
  if (name == "selu") add_peers<T>(
      "selu", [l, la](T x) { return x > 0 ? l * x : la * std::expm1(x); },
      [l, la](T x) { return x > 0 ? l : la * std::exp(x); },
      [l, la](A const& x) { return (x > 0).select(l * x, la * x.expm1()); },
      [l, la](A const& x) { return (x > 0).select(A::Constant(x.size(), l), la * x.exp()); });
  if (name == "gelu_erf") add_peers<T>(
      "gelu_erf",
      [sqrt1_2](T x) { return T(0.5) * x * std::erfc(-x * sqrt1_2); },
      [=](T x) {
        return T(0.5) * std::erfc(-x * sqrt1_2) + x * inv_sqrt_2pi * std::exp(T(-0.5) * x * x);
      },
      [sqrt1_2](A const& x) { return (T(0.5) * x * (T(1) + (x * sqrt1_2).erf())); },
      [=](A const& x) {
        return (T(0.5) * (T(1) + (x * sqrt1_2).erf()) +
                x * inv_sqrt_2pi * (T(-0.5) * x.square()).exp());
      });
  if (name == "gelu_tanh") add_peers<T>(
      "gelu_tanh",
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
  if (name == "celu") add_peers<T>(
      "celu", [](T x) { return x > 0 ? x : std::expm1(x); },
      [](T x) { return x > 0 ? T(1) : std::exp(x); },
      [](A const& x) { return (x > 0).select(x, x.expm1()); },
      [](A const& x) { return (x > 0).select(A::Ones(x.size()), x.exp()); });
  if (name == "silu") add_peers<T>(
      "silu", [](T x) { return x / (T(1) + std::exp(-x)); },
      [](T x) {
        const T s = T(1) / (T(1) + std::exp(-x));
        return s * (T(1) + x * (T(1) - s));
      },
      [](A const& x) { return x * x.logistic(); },
      [](A const& x) { return x.logistic() * (T(1) + x * (T(1) - x.logistic())); });
  if (name == "softplus") add_peers<T>(
      "softplus",
      [](T x) { return x > T(20) ? x : std::log1p(std::exp(x)); },
      [](T x) { return x > T(20) ? T(1) : T(1) / (T(1) + std::exp(-x)); },
      [](A const& x) { return (x > T(20)).select(x, x.exp().log1p()); },
      [](A const& x) { return (x > T(20)).select(A::Ones(x.size()), x.logistic()); });
  if (name == "log_sigmoid") add_peers<T>(
      "log_sigmoid",
      [](T x) { return std::min(x, T(0)) - std::log1p(std::exp(-std::fabs(x))); },
      [](T x) { return T(1) / (T(1) + std::exp(x)); },
      [](A const& x) { return x.min(T(0)) - (-x.abs()).exp().log1p(); },
      [](A const& x) { return (-x).logistic(); });
  if (name == "mish") add_peers<T>(
      "mish", [](T x) { return x * std::tanh(std::log1p(std::exp(x))); },
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
  if (name == "softsign") add_peers<T>(
      "softsign", [](T x) { return x / (T(1) + std::fabs(x)); },
      [](T x) {
        const T d = T(1) + std::fabs(x);
        return T(1) / (d * d);
      },
      [](A const& x) { return x / (T(1) + x.abs()); },
      [](A const& x) { return (T(1) + x.abs()).square().inverse(); });
  if (name == "hard_sigmoid") add_peers<T>(
      "hard_sigmoid",
      [](T x) { return std::min(std::max(x + T(3), T(0)), T(6)) / T(6); },
      [](T x) { return x > T(-3) && x < T(3) ? T(1) / T(6) : T(0); },
      [](A const& x) { return (x + T(3)).max(T(0)).min(T(6)) / T(6); },
      [](A const& x) { return (x > T(-3) && x < T(3)).select(A::Constant(x.size(), T(1) / T(6)), T(0)); });
  if (name == "hard_swish") add_peers<T>(
      "hard_swish",
      [](T x) { return x * std::min(std::max(x + T(3), T(0)), T(6)) / T(6); },
      [](T x) { return x < T(-3) ? T(0) : x <= T(3) ? x / T(3) + T(0.5) : T(1); },
      [](A const& x) { return x * (x + T(3)).max(T(0)).min(T(6)) / T(6); },
      [](A const& x) {
        return (x < T(-3)).select(A::Zero(x.size()), (x <= T(3)).select(x / T(3) + T(0.5), T(1)));
      });
  if (name == "hard_tanh") add_peers<T>(
      "hard_tanh", [](T x) { return std::min(std::max(x, T(-1)), T(1)); },
      [](T x) { return x > T(-1) && x < T(1) ? T(1) : T(0); },
      [](A const& x) { return x.max(T(-1)).min(T(1)); },
      [](A const& x) { return (x > T(-1) && x < T(1)).template cast<T>(); });
  if (name == "threshold") add_peers<T>(
      "threshold", [](T x) { return x > T(0.5) ? x : T(-3); },
      [](T x) { return x > T(0.5) ? T(1) : T(0); },
      [](A const& x) { return (x > T(0.5)).select(x, T(-3)); },
      [](A const& x) { return (x > T(0.5)).template cast<T>(); });
}

// Every kernel of the list with its default parameters (its descriptor's
// first tested set): the accurate tier with its peers, then the fast tier's
// own kernels.
template <class T>
void add_all() {
  add_copy<T>();
  actfn::for_each_type(actfn::elementwise_kernels<T>{}, [](auto tag) {
    using F = typename decltype(tag)::type;
    const std::string name = actfn::descriptor<F>::name;
    const F f = actfn::make_functor<F>(actfn::descriptor<F>::tested[0]);
    add_actfn<T>(name, f);
    if constexpr (!actfn::is_fast_v<typename F::precision>) {
      add_peers_of<T>(name);
      // The same kernel chosen at run time (actfn::activation), and
      // through actfn::dispatch (the kernels of the best target, compiled
      // apart from this program's -march), float only.
      if constexpr (std::is_same<T, float>::value) {
        const actfn::activation<T> a = f;
        register_sizes<T>(name + "/forward", "activation", [a](buffers<T>& d, std::size_t n) {
          actfn::forward(a, d.x.data(), d.out.data(), n);
        });
        register_sizes<T>(name + "/backward", "activation", [a](buffers<T>& d, std::size_t n) {
          actfn::backward(a, d.x.data(), d.dy.data(), d.out.data(), n);
        });
        register_sizes<T>(name + "/forward", "dispatch", [f](buffers<T>& d, std::size_t n) {
          actfn::dispatch::forward(f, d.x.data(), d.out.data(), n);
        });
        register_sizes<T>(name + "/backward", "dispatch", [f](buffers<T>& d, std::size_t n) {
          actfn::dispatch::backward(f, d.x.data(), d.dy.data(), d.out.data(), n);
        });
      }
    }
  });
}

}  // namespace

void register_array() {
  add_all<float>();
  add_all<double>();
}

}  // namespace bench
