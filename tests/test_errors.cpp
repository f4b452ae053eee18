// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Every check of the README's table of checks, with the message it gives; a
// failed check writes nothing. Then the error handler.
#include <actfn/actfn.hpp>
#include <actfn/eigen.hpp>
#include <actfn/errors.hpp>

#include <cstddef>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "catch.hpp"

namespace {

struct bad_call {
  const char* check;
  std::function<void()> call;
  std::string message;
};

struct custom_error {
  std::string message;
};

}  // namespace

TEST_CASE("every check fails with its message and writes nothing", "[errors]") {
  using T = float;
  const T nan = std::numeric_limits<T>::quiet_NaN();
  const T inf = std::numeric_limits<T>::infinity();
  const std::size_t huge = std::numeric_limits<std::size_t>::max() / 2;
  const T sentinel = T(7);
  std::vector<T> x(12, T(1)), dy(12, T(1)), out(12, sentinel), four(4, sentinel);
  std::vector<T> alpha(3, T(0.25)), dalpha(3, sentinel);
  std::vector<std::size_t> argmax(6, 0);
  const T* no_input = nullptr;
  T* no_output = nullptr;
  const actfn::sigmoid<T> f;
  const actfn::maxout<T> maxout3(3), strided2(2, actfn::maxout_grouping::strided);
  const actfn::softmax<T> softmax;
  const actfn::log_softmax<T> log_softmax;
  Eigen::MatrixXf m23(2, 3), m32(3, 2);
  m23.setOnes();
  m32.setOnes();

  const std::vector<bad_call> calls = {
      // Parameters of the functors.
      {"parameter finite", [&] { (void)actfn::linear<T>(nan); },
       "actfn::linear: a must be finite, got nan"},
      {"parameter finite", [&] { (void)actfn::linear<T>(T(1), -inf); },
       "actfn::linear: b must be finite, got -inf"},
      {"parameter finite", [&] { (void)actfn::leaky_relu<T>(inf); },
       "actfn::leaky_relu: alpha must be finite, got inf"},
      {"parameter finite", [&] { (void)actfn::prelu<T>(nan); },
       "actfn::prelu: alpha must be finite, got nan"},
      {"parameter finite", [&] { (void)actfn::elu<T>(-inf); },
       "actfn::elu: alpha must be finite, got -inf"},
      {"k in range", [&] { (void)actfn::maxout<T>(0); },
       "actfn::maxout: k must be in [1, 16777216], got 0"},
      {"k in range", [&] { (void)actfn::maxout<T>((std::size_t(1) << 24) + 1); },
       "actfn::maxout: k must be in [1, 16777216], got 16777217"},
      // Elementwise array API.
      {"null buffer", [&] { actfn::forward(f, no_input, out.data(), 3); },
       "actfn::forward: x is null but n = 3"},
      {"null buffer", [&] { actfn::derivative(f, x.data(), no_output, 2); },
       "actfn::derivative: d is null but n = 2"},
      {"null buffer", [&] { actfn::backward(f, x.data(), no_input, out.data(), 1); },
       "actfn::backward: dy is null but n = 1"},
      {"size mismatch", [&] { actfn::forward(f, x, four); },
       "actfn::forward: ys.size() = 4 differs from xs.size() = 12"},
      {"size mismatch", [&] { actfn::backward(f, x, four, out); },
       "actfn::backward: dys.size() = 4 differs from xs.size() = 12"},
      {"null dalpha",
       [&] { actfn::backward(actfn::prelu<T>{}, x.data(), dy.data(), out.data(), 12, no_output); },
       "actfn::backward: dalpha is null"},
      // Per-channel PReLU.
      {"layout overflow",
       [&] {
         actfn::prelu_forward(alpha.data(), x.data(), out.data(), {3, 3, huge});
       },
       "actfn::prelu_forward: outer * channels * inner = 3 * 3 * " + std::to_string(huge) +
           " overflows size_t"},
      {"slope finite",
       [&] {
         std::vector<T> bad = {T(1), nan, T(2)};
         actfn::prelu_forward(bad.data(), x.data(), out.data(), {1, 3, 4});
       },
       "actfn::prelu_forward: alpha[1] must be finite, got nan"},
      {"null buffer",
       [&] {
         actfn::prelu_forward(no_input, x.data(), out.data(), {1, 3, 4});
       },
       "actfn::prelu_forward: alpha is null but n = 3"},
      {"null buffer",
       [&] {
         actfn::prelu_backward(alpha.data(), x.data(), dy.data(), out.data(), no_output, {1, 3, 4});
       },
       "actfn::prelu_backward: dalpha is null but n = 3"},
      {"channel count",
       [&] {
         actfn::prelu_forward(four, x, out, {1, 3, 4});
       },
       "actfn::prelu_forward: alpha.size() = 4 differs from layout.channels = 3"},
      {"tensor size",
       [&] {
         actfn::prelu_forward(alpha, x, out, {2, 3, 4});
       },
       "actfn::prelu_forward: x.size() = 12 differs from outer * channels * inner = 24"},
      {"tensor size",
       [&] {
         actfn::prelu_backward(alpha, x, four, out, dalpha, {1, 3, 4});
       },
       "actfn::prelu_backward: dy.size() = 4 differs from outer * channels * inner = 12"},
      {"channel count",
       [&] {
         actfn::prelu_backward(alpha, x, dy, out, four, {1, 3, 4});
       },
       "actfn::prelu_backward: dalpha.size() = 4 differs from layout.channels = 3"},
      // softmax and log_softmax.
      {"stride < cols", [&] { softmax.forward(x.data(), 3, out.data(), 4, 3, 4); },
       "actfn::softmax::forward: x_stride = 3 is less than cols = 4"},
      {"stride < cols",
       [&] { log_softmax.backward(x.data(), 4, dy.data(), 4, out.data(), 2, 3, 4); },
       "actfn::log_softmax::backward: dx_stride = 2 is less than cols = 4"},
      {"extent overflow", [&] { softmax.forward(x.data(), huge, out.data(), huge, 3, 4); },
       "actfn::softmax::forward: rows = 3 rows of x_stride = " + std::to_string(huge) +
           " overflow size_t"},
      {"null buffer", [&] { log_softmax.forward(no_input, out.data(), 3, 4); },
       "actfn::log_softmax::forward: x is null but rows * cols = 3 * 4"},
      {"null buffer", [&] { softmax.jacobian(x.data(), no_output, 3); },
       "actfn::softmax::jacobian: jacobian is null but rows * cols = 3 * 3"},
      {"size mismatch", [&] { softmax.forward(x, four); },
       "actfn::softmax::forward: ys.size() = 4 differs from xs.size() = 12"},
      {"size mismatch", [&] { log_softmax.backward(x, dy, four); },
       "actfn::log_softmax::backward: dxs.size() = 4 differs from ys.size() = 12"},
      // maxout.
      {"k divides n", [&] { maxout3.forward(x.data(), out.data(), 10); },
       "actfn::maxout::forward: n = 10 is not a multiple of k = 3"},
      {"null buffer", [&] { maxout3.backward(x.data(), no_input, out.data(), 12); },
       "actfn::maxout::backward: dy is null but n = 12"},
      {"output size", [&] { maxout3.forward(x, out); },
       "actfn::maxout::forward: ys.size() = 12 differs from xs.size() / k = 4"},
      {"argmax in group",
       [&] {
         argmax = {0, 1, 2, 3, 4, 7};  // group 5 of strided k = 2 over 12 is {5, 11}
         strided2.backward(argmax.data(), dy.data(), out.data(), 12);
       },
       "actfn::maxout::backward: argmax[5] = 7 is not a position of group 5"},
      // Eigen.
      {"shape mismatch", [&] { actfn::eigen::forward_into(f, m23, m32); },
       "actfn::eigen::forward_into: out is 3x2 but x is 2x3"},
      {"shape mismatch", [&] { actfn::eigen::backward(f, m23, m32); },
       "actfn::eigen::backward_into: dy is 3x2 but x is 2x3"},
      {"k divides length", [&] { actfn::eigen::forward(actfn::maxout<float>(2), m32); },
       "actfn::eigen::forward: maxout's k = 2 does not divide x's rows = 3"},
  };
  for (bad_call const& bad : calls) {
    INFO(bad.check);
    CHECK_THROWS_WITH(bad.call(), bad.message);
  }
  CHECK(out == std::vector<T>(12, sentinel));
  CHECK(four == std::vector<T>(4, sentinel));
  CHECK(dalpha == std::vector<T>(3, sentinel));
}

TEST_CASE("the error handler sees the message first", "[errors]") {
  using T = double;
  // A handler that throws an exception of its own replaces std::invalid_argument.
  const actfn::error_handler throwing = [](const char* message) { throw custom_error{message}; };
  CHECK(actfn::set_error_handler(throwing) == nullptr);
  try {
    (void)actfn::elu<T>(std::numeric_limits<T>::infinity());
    FAIL("no error");
  } catch (custom_error const& error) {
    CHECK(error.message == "actfn::elu: alpha must be finite, got inf");
  }
  // One that returns: actfn throws std::invalid_argument after it.
  static std::string logged;
  const actfn::error_handler logging = [](const char* message) { logged = message; };
  CHECK(actfn::set_error_handler(logging) == throwing);
  CHECK_THROWS_AS(actfn::maxout<T>(0), std::invalid_argument);
  CHECK(logged == "actfn::maxout: k must be in [1, 9007199254740992], got 0");
  // nullptr restores the default.
  CHECK(actfn::set_error_handler(nullptr) == logging);
  CHECK_THROWS_WITH(actfn::prelu<T>(std::numeric_limits<T>::quiet_NaN()),
                    "actfn::prelu: alpha must be finite, got nan");
}
