// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Every public entry point, instantiated for float and double. CMake builds
// this twice: with -fno-exceptions (no_exceptions.cmake runs it and checks
// that bad input ends it with the message), and with -Wconversion -Wshadow
// -Werror in the build's standard (CI: C++17 and C++20), for users who enable
// those warnings.
//   every_entry_point valid    runs everything on valid input, exits 0
//   every_entry_point default  passes bad input: the default handler aborts
//   every_entry_point handler  passes bad input to an installed handler
#include <actfn/actfn.hpp>
#include <actfn/eigen.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

#include "../support/every_kernel.hpp"

namespace {

template <class T>
void run_everything() {
  const support::every_kernel<T> kernels;
  auto outputs = kernels.make_outputs();
  kernels.run_all(outputs);

  using matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
  const matrix x = matrix::Random(6, 4), dy = matrix::Random(6, 4);
  matrix out(6, 4);
  const actfn::gelu_erf<T> gelu;
  actfn::eigen::forward_into(gelu, x, out);
  actfn::eigen::derivative_into(gelu, x, out);
  actfn::eigen::backward_into(gelu, x, dy, out);
  out = actfn::eigen::forward(gelu, x) + actfn::eigen::derivative(gelu, x) +
        actfn::eigen::backward(gelu, x, dy);
  out = actfn::eigen::softmax(x, actfn::eigen::each::row) +
        actfn::eigen::log_softmax(x, actfn::eigen::each::column);
  const actfn::softmax<T> softmax;
  out = actfn::eigen::backward(softmax, actfn::eigen::forward(softmax, x, actfn::eigen::each::row),
                               dy, actfn::eigen::each::row);
  const actfn::maxout<T> maxout(2);
  const matrix y = actfn::eigen::forward(maxout, x);
  out = actfn::eigen::backward(maxout, x, y);
  // A gated function through its calls and Eigen's; 16-bit buffers.
  const actfn::swiglu<T> swiglu;
  const matrix pairs = matrix::Random(6, 8);
  out =
      actfn::eigen::forward(swiglu, pairs) + actfn::eigen::backward(swiglu, pairs, dy).leftCols(4);
  std::vector<T> row(8, T(0.5)), row_y(4), row_dy(4, T(1)), row_dx(8);
  swiglu.forward(row, row_y);
  swiglu.backward(row, row_dy, row_dx, actfn::accumulate);
  if constexpr (std::is_same<T, float>::value) {
    std::vector<actfn::bfloat16> b(8, actfn::bfloat16(0.5f)), b_out(8),
        b_dy(8, actfn::bfloat16(1.0f));
    std::vector<actfn::float16> h(8, actfn::float16(0.5f)), h_out(8);
    actfn::forward(gelu, b, b_out);
    actfn::derivative(gelu, h, h_out);
    actfn::backward(gelu, b, b_dy, b_out, actfn::accumulate);
    actfn::backward_from_output(actfn::sigmoid<float>{}, b, b_dy, b_out);
    softmax.forward(h.data(), h_out.data(), 2, 4);
    softmax.backward(b.data(), b_dy.data(), b_out.data(), 2, 4, actfn::beta(0.5f));
    swiglu.forward(b.data(), b_out.data(), 2, 2);
    swiglu.backward(b.data(), b_dy.data(), b_out.data(), 2, 2);
    if (!(static_cast<float>(b_out[0]) == static_cast<float>(b_out[0]))) std::exit(2);
  }
  // An activation chosen at run time, in both tiers, through the array and
  // Eigen calls.
  const auto chosen = actfn::activation<T>::parse("elu(alpha=0.5)");
  actfn::eigen::forward_into(chosen, x, out);
  actfn::eigen::backward_into(chosen, x, dy, out, actfn::accumulate);
  const actfn::activation<T, actfn::fast> fast_choice(actfn::activation_kind::sigmoid);
  std::vector<T> values(7, T(0.5)), results(7), gradients(7, T(1));
  actfn::forward(fast_choice, values, results);
  actfn::backward_from_output(fast_choice, results, gradients, values, actfn::beta(T(0)));
  if (chosen.to_string() != "elu(alpha=0.5)" || !(values[0] > 0)) std::exit(2);
  const T scalar = actfn::selu<T>{}(T(0.5)) + actfn::tanh<T>{}.derivative(T(0.5)) + chosen(T(1));
  if (!(scalar > 0) || !(out.allFinite())) std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  const char* mode = argc > 1 ? argv[1] : "valid";
  if (std::strcmp(mode, "valid") == 0) {
    run_everything<float>();
    run_everything<double>();
    std::puts("every entry point ran");
    return 0;
  }
  if (std::strcmp(mode, "handler") == 0) {
    actfn::set_error_handler([](const char* message) {
      std::printf("handled: %s\n", message);
      std::fflush(stdout);
      std::_Exit(3);
    });
  }
  std::vector<float> x(10), y(10);
  actfn::maxout<float>(3).forward(x.data(), y.data(), x.size());
  std::puts("bad input went unnoticed");
  return 0;
}
