// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// softmax and log_softmax of each row, forward and backward (and actfn's
// backward with accumulate), float and double, at rows x cols = 512x128, 64x4096 and 4096x4096,
// against a plain std:: loop and the same computation as Eigen expressions, in the same run.
// Backward takes the x buffer as y (its time does not depend on the values).
#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>

#include "support.hpp"

namespace bench {
namespace {

template <class T>
using columns_of = Eigen::Map<Eigen::Array<T, Eigen::Dynamic, Eigen::Dynamic>>;

// softmax (logarithms = false) or log_softmax of each row, scalar code.
template <class T>
void std_forward(const T* x, T* y, std::size_t rows, std::size_t cols, bool logarithms) {
  for (std::size_t r = 0; r < rows; ++r) {
    const T* in = x + r * cols;
    T* out = y + r * cols;
    const T m = *std::max_element(in, in + cols);
    T sum = 0;
    for (std::size_t j = 0; j < cols; ++j) {
      const T e = std::exp(in[j] - m);
      if (!logarithms) out[j] = e;
      sum += e;
    }
    const T log_sum = std::log(sum);
    for (std::size_t j = 0; j < cols; ++j) {
      out[j] = logarithms ? in[j] - m - log_sum : out[j] / sum;
    }
  }
}

template <class T>
void std_backward(const T* y, const T* dy, T* dx, std::size_t rows, std::size_t cols,
                  bool logarithms) {
  for (std::size_t r = 0; r < rows; ++r) {
    const T* p = y + r * cols;
    const T* g = dy + r * cols;
    T* out = dx + r * cols;
    T sum = 0;
    for (std::size_t j = 0; j < cols; ++j) sum += logarithms ? g[j] : g[j] * p[j];
    for (std::size_t j = 0; j < cols; ++j) {
      out[j] = logarithms ? g[j] - std::exp(p[j]) * sum : p[j] * (g[j] - sum);
    }
  }
}

// F: softmax or log_softmax, whose fast tier has a forward kernel of its own
// (the backward is one kernel).
template <class T, template <class, class> class F>
void add_function(std::string const& function, bool logarithms) {
  const std::string type = sizeof(T) == 4 ? "float" : "double";
  const std::string forward = function + "/forward/" + type + "/";
  const std::string backward = function + "/backward/" + type + "/";
  const F<T, actfn::accurate> f;
  register_shapes<T>(forward + "actfn", [f](buffers<T>& d, std::size_t rows, std::size_t cols) {
    f.forward(d.x.data(), d.out.data(), rows, cols);
  });
  register_shapes<T>(forward + "fast", [](buffers<T>& d, std::size_t rows, std::size_t cols) {
    F<T, actfn::fast>{}.forward(d.x.data(), d.out.data(), rows, cols);
  });
  if constexpr (std::is_same<T, float>::value) {
    register_shapes<T>(forward + "dispatch",
                       [f](buffers<T>& d, std::size_t rows, std::size_t cols) {
                         actfn::dispatch::forward(f, d.x.data(), d.out.data(), rows, cols);
                       });
  }
  register_shapes<T>(forward + "std",
                     [logarithms](buffers<T>& d, std::size_t rows, std::size_t cols) {
                       std_forward(d.x.data(), d.out.data(), rows, cols, logarithms);
                     });
  // Eigen sees each row of x as a column of a column-major array (its default
  // layout), so its reductions and broadcasts run along contiguous memory.
  register_shapes<T>(forward + "eigen", [logarithms](buffers<T>& d, std::size_t rows,
                                                     std::size_t cols) {
    const Eigen::Index r = Eigen::Index(rows), c = Eigen::Index(cols);
    columns_of<T> x(d.x.data(), c, r), y(d.out.data(), c, r);
    const Eigen::Array<T, 1, Eigen::Dynamic> m = x.colwise().maxCoeff();
    if (logarithms) {
      const Eigen::Array<T, 1, Eigen::Dynamic> log_sum =
          (x.rowwise() - m).exp().colwise().sum().log();
      y = x.rowwise() - (m + log_sum);
    } else {
      y = (x.rowwise() - m).exp();
      const Eigen::Array<T, 1, Eigen::Dynamic> sum = y.colwise().sum();
      y.rowwise() /= sum;
    }
  });
  register_shapes<T>(backward + "actfn", [f](buffers<T>& d, std::size_t rows, std::size_t cols) {
    f.backward(d.x.data(), d.dy.data(), d.out.data(), rows, cols);
  });
  // Adding into dx (actfn only): the cost of reading dx as well.
  register_shapes<T>(function + "/backward_accumulate/" + type + "/actfn",
                     [f](buffers<T>& d, std::size_t rows, std::size_t cols) {
                       f.backward(d.x.data(), d.dy.data(), d.out.data(), rows, cols,
                                  actfn::accumulate);
                     });
  register_shapes<T>(backward + "std",
                     [logarithms](buffers<T>& d, std::size_t rows, std::size_t cols) {
                       std_backward(d.x.data(), d.dy.data(), d.out.data(), rows, cols, logarithms);
                     });
  register_shapes<T>(
      backward + "eigen", [logarithms](buffers<T>& d, std::size_t rows, std::size_t cols) {
        const Eigen::Index r = Eigen::Index(rows), c = Eigen::Index(cols);
        columns_of<T> y(d.x.data(), c, r), dy(d.dy.data(), c, r), dx(d.out.data(), c, r);
        if (logarithms) {
          const Eigen::Array<T, 1, Eigen::Dynamic> sum = dy.colwise().sum();
          dx = dy - (y.exp().rowwise() * sum);
        } else {
          const Eigen::Array<T, 1, Eigen::Dynamic> dot = (y * dy).colwise().sum();
          dx = y * (dy.rowwise() - dot);
        }
      });
}

}  // namespace

void register_softmax() {
  add_function<float, actfn::softmax>("softmax", false);
  add_function<float, actfn::log_softmax>("log_softmax", true);
  add_function<double, actfn::softmax>("softmax", false);
  add_function<double, actfn::log_softmax>("log_softmax", true);
}

}  // namespace bench
