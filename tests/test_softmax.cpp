// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/softmax.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/checks.hpp"

namespace {

using support::real;

// The row lengths and logit scales of the issue: around the batch widths and
// one long row.
const std::size_t lengths[] = {1, 2, 3, 15, 16, 17, 1000};
const double scales[] = {1, 100};

template <class T>
std::vector<T> random_row(std::size_t cols, double scale, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> uniform(-scale, scale);
  std::vector<T> x(cols);
  for (T& v : x) v = static_cast<T>(uniform(random));
  return x;
}

// softmax (logarithms = false) or log_softmax of x in long double, with the
// sum as 1 + the terms of all but the first maximum, so that log(sum) is
// log1p of them: log(sum) would round to 0 when they are below 2^-64.
template <class X>
std::vector<real> exact(std::vector<X> const& x, bool logarithms) {
  const std::size_t largest = std::size_t(std::max_element(x.begin(), x.end()) - x.begin());
  const real m = x[largest];
  real rest = 0;
  for (std::size_t j = 0; j < x.size(); ++j) {
    if (j != largest) rest += std::exp(real(x[j]) - m);
  }
  std::vector<real> y(x.size());
  for (std::size_t j = 0; j < x.size(); ++j) {
    y[j] = logarithms ? (real(x[j]) - m) - std::log1p(rest) : std::exp(real(x[j]) - m) / (1 + rest);
  }
  return y;
}

template <class T, class F>
std::vector<T> forward(F const& f, std::vector<T> const& x) {
  std::vector<T> y(x.size());
  f.forward(x, y);
  return y;
}

// The test cases that cover both tiers take softmax<T, Precision> as their
// type; these give its value type, its log_softmax and its bound in ULP (the
// ones in softmax.hpp).
template <class Softmax>
using value_of = typename Softmax::value_type;
template <class Softmax>
using log_softmax_of = actfn::log_softmax<value_of<Softmax>, typename Softmax::precision>;
template <class Softmax>
constexpr real bound_of = actfn::is_fast_v<typename Softmax::precision> ? 4 : 2;

#define BOTH_TIERS                                                                         \
  (actfn::softmax<float>), (actfn::softmax<float, actfn::fast>), (actfn::softmax<double>), \
      (actfn::softmax<double, actfn::fast>)

template <class T>
bool same_bits(std::vector<T> const& a, std::vector<T> const& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](T u, T v) { return support::same(u, v); });
}

}  // namespace

TEMPLATE_TEST_CASE("softmax: accuracy against long double", "[softmax]", BOTH_TIERS) {
  using T = value_of<TestType>;
  const TestType softmax;
  const log_softmax_of<TestType> log_softmax;
  real worst_softmax = 0, worst_log = 0, worst_sum = 0;
  unsigned seed = 1;
  for (double scale : scales) {
    for (std::size_t cols : lengths) {
      for (int repeat = 0; repeat < 100; ++repeat) {
        const std::vector<T> x = random_row<T>(cols, scale, seed++);
        const std::vector<T> y = forward(softmax, x), log_y = forward(log_softmax, x);
        const std::vector<real> expected = exact(x, false);
        const std::vector<real> expected_log = exact(x, true);
        real sum = 0;
        for (std::size_t j = 0; j < cols; ++j) {
          worst_softmax = std::max(worst_softmax, support::ulp_error(y[j], expected[j]));
          worst_log = std::max(worst_log, support::ulp_error(log_y[j], expected_log[j]));
          sum += y[j];
        }
        worst_sum = std::max(worst_sum, std::fabs(sum - 1));
      }
    }
  }
  const std::string type = support::type_name<T>();
  std::cout << "accuracy softmax<" << type << ", " << TestType::precision::name << ">: max "
            << double(worst_softmax) << " ULP; log_softmax: max " << double(worst_log)
            << " ULP; rows sum to 1 within "
            << double(worst_sum / std::numeric_limits<T>::epsilon()) << " epsilon\n";
  // The bounds in softmax.hpp.
  CHECK(worst_softmax <= bound_of<TestType>);
  CHECK(worst_log <= bound_of<TestType>);
  CHECK(worst_sum <= (bound_of<TestType> + 1) * real(std::numeric_limits<T>::epsilon()));
}

TEMPLATE_TEST_CASE("softmax: shift invariance", "[softmax]", BOTH_TIERS) {
  using T = value_of<TestType>;
  // Logits on a grid of 2^-10 in [-100, 100]: adding 64 is exact, so
  // x + 64 - max is the same number as x - max and the results are the same bits.
  std::mt19937 random(11);
  std::uniform_int_distribution<int> grid(-100 * 1024, 100 * 1024);
  for (std::size_t cols : lengths) {
    std::vector<T> x(cols), shifted(cols);
    for (std::size_t j = 0; j < cols; ++j) {
      x[j] = T(grid(random)) / 1024;
      shifted[j] = x[j] + T(64);
    }
    CHECK(same_bits(forward(TestType{}, x), forward(TestType{}, shifted)));
    CHECK(same_bits(forward(log_softmax_of<TestType>{}, x),
                    forward(log_softmax_of<TestType>{}, shifted)));
  }
}

// dx = J^T dy, with J the finite-difference Jacobian of the long double
// reference at x: J[i][j] = (f_i(x + h e_j) - f_i(x - h e_j)) / 2h.
template <class T>
std::vector<real> finite_difference_vjp(std::vector<T> const& x, std::vector<T> const& dy,
                                        bool logarithms, real h) {
  std::vector<real> shifted(x.begin(), x.end()), dx(x.size());
  for (std::size_t j = 0; j < x.size(); ++j) {
    shifted[j] = real(x[j]) + h;
    const std::vector<real> above = exact(shifted, logarithms);
    shifted[j] = real(x[j]) - h;
    const std::vector<real> below = exact(shifted, logarithms);
    shifted[j] = x[j];
    real sum = 0;
    for (std::size_t i = 0; i < x.size(); ++i) sum += dy[i] * (above[i] - below[i]) / (2 * h);
    dx[j] = sum;
  }
  return dx;
}

TEMPLATE_TEST_CASE("softmax: backward against a finite-difference Jacobian", "[softmax]", float,
                   double) {
  using T = TestType;
  const real epsilon = std::numeric_limits<T>::epsilon();
  // h = 2^-14: truncation error about 2^-28 of the scale below, and
  // long double rounding noise about 2^-64 / h = 2^-50 of sum |dy_i y_i|.
  const real h = std::ldexp(real(1), -14);
  unsigned seed = 100;
  for (double scale : scales) {
    for (std::size_t cols : lengths) {
      const std::vector<T> x = random_row<T>(cols, scale, seed++);
      const std::vector<T> dy = random_row<T>(cols, 1, seed++);
      for (bool logarithms : {false, true}) {
        INFO("cols = " << cols << ", scale = " << scale << (logarithms ? ", log_softmax" : ""));
        std::vector<T> y(cols), dx(cols);
        if (logarithms) {
          actfn::log_softmax<T>{}.forward(x, y);
          actfn::log_softmax<T>{}.backward(y, dy, dx);
        } else {
          actfn::softmax<T>{}.forward(x, y);
          actfn::softmax<T>{}.backward(y, dy, dx);
        }
        const std::vector<real> p = exact(x, false);
        const std::vector<real> expected = finite_difference_vjp(x, dy, logarithms, h);
        real weighted = 0, total = 0;  // sum |dy_i p_i|, sum |dy_i|
        for (std::size_t i = 0; i < cols; ++i) {
          weighted += std::fabs(dy[i] * p[i]);
          total += std::fabs(real(dy[i]));
        }
        for (std::size_t j = 0; j < cols; ++j) {
          // The magnitude the rounding errors scale with.
          const real magnitude = logarithms ? std::fabs(real(dy[j])) + p[j] * total
                                            : p[j] * (std::fabs(real(dy[j])) + weighted);
          const real tolerance = (16 * epsilon + std::ldexp(real(1), -26)) * magnitude +
                                 std::ldexp(real(1), -48) * (logarithms ? total : weighted) +
                                 std::numeric_limits<T>::denorm_min();
          INFO("j = " << j << ": dx " << double(dx[j]) << ", finite differences "
                      << double(expected[j]));
          REQUIRE(std::fabs(dx[j] - expected[j]) <= tolerance);
        }
      }
    }
  }
}

TEMPLATE_TEST_CASE("softmax: backward accuracy at the given output", "[softmax]", float, double) {
  using T = TestType;
  // The exact vector-Jacobian product at the T-valued y that backward is
  // given, against the bounds in the header: softmax 2 epsilon of
  // y_j (|dy_j| + sum |dy_k y_k|), log_softmax 2 epsilon of
  // |dy_j| + e^y_j sum |dy_k|.
  const real epsilon = std::numeric_limits<T>::epsilon();
  real worst_softmax = 0, worst_log = 0;
  unsigned seed = 200;
  for (double scale : scales) {
    for (std::size_t cols : lengths) {
      for (int repeat = 0; repeat < 10; ++repeat) {
        const std::vector<T> x = random_row<T>(cols, scale, seed++);
        const std::vector<T> dy = random_row<T>(cols, 1, seed++);
        std::vector<T> y = forward(actfn::softmax<T>{}, x), dx(cols);
        actfn::softmax<T>{}.backward(y, dy, dx);
        real dot = 0, weighted = 0, total = 0;
        for (std::size_t k = 0; k < cols; ++k) {
          dot += real(dy[k]) * y[k];
          weighted += std::fabs(real(dy[k]) * y[k]);
          total += std::fabs(real(dy[k]));
        }
        for (std::size_t j = 0; j < cols; ++j) {
          const real scale_j = y[j] * (std::fabs(real(dy[j])) + weighted);
          // Less half the smallest subnormal, which a result may round to.
          const real error = std::fabs(dx[j] - y[j] * (dy[j] - dot)) -
                             real(std::numeric_limits<T>::denorm_min()) / 2;
          if (error > 0) worst_softmax = std::max(worst_softmax, error / (scale_j * epsilon));
        }
        y = forward(actfn::log_softmax<T>{}, x);
        actfn::log_softmax<T>{}.backward(y, dy, dx);
        real sum = 0;
        for (T g : dy) sum += g;
        for (std::size_t j = 0; j < cols; ++j) {
          const real e = std::exp(real(y[j]));
          const real scale_j = std::fabs(real(dy[j])) + e * total;
          worst_log =
              std::max(worst_log, std::fabs(dx[j] - (dy[j] - e * sum)) / (scale_j * epsilon));
        }
      }
    }
  }
  std::cout << "softmax<" << support::type_name<T>() << "> backward: max error "
            << double(worst_softmax) << " epsilon of the scale; log_softmax: " << double(worst_log)
            << "\n";
  CHECK(worst_softmax <= 2);
  CHECK(worst_log <= 2);
}

TEMPLATE_TEST_CASE("softmax: jacobian", "[softmax]", float, double) {
  using T = TestType;
  for (std::size_t cols : {1u, 5u, 17u}) {
    const std::vector<T> x = random_row<T>(cols, 3, unsigned(cols));
    std::vector<T> y(cols), log_y(cols), jacobian(cols * cols), log_jacobian(cols * cols);
    actfn::softmax<T>{}.forward(x, y);
    actfn::softmax<T>{}.jacobian(y.data(), jacobian.data(), cols);
    actfn::log_softmax<T>{}.forward(x, log_y);
    actfn::log_softmax<T>{}.jacobian(log_y.data(), log_jacobian.data(), cols);
    for (std::size_t i = 0; i < cols; ++i) {
      for (std::size_t j = 0; j < cols; ++j) {
        const real delta = i == j ? 1 : 0;
        // One rounding from the given y (without FMA the diagonal's is within
        // 2^-digits of an ULP more).
        CHECK(support::ulp_error(jacobian[i * cols + j], real(y[i]) * (delta - real(y[j]))) <=
              0.5 + std::ldexp(real(1), -std::numeric_limits<T>::digits));
        CHECK(std::fabs(log_jacobian[i * cols + j] - (delta - std::exp(real(log_y[j])))) <=
              2 * std::numeric_limits<T>::epsilon());
      }
    }
  }
}

TEMPLATE_TEST_CASE("softmax: special values", "[softmax]", BOTH_TIERS) {
  using T = value_of<TestType>;
  using Softmax = TestType;
  using LogSoftmax = log_softmax_of<TestType>;
  using limits = std::numeric_limits<T>;
  const T inf = limits::infinity(), nan = limits::quiet_NaN();
  const Softmax softmax;
  const LogSoftmax log_softmax;
  using row = std::vector<T>;

  // -inf entries get exactly 0 (log: -inf); the rest is the softmax of the others.
  CHECK(same_bits(forward(softmax, row{-inf, T(0), -inf, T(0)}), row{0, 0.5, 0, 0.5}));
  CHECK(same_bits(forward(log_softmax, row{-inf, T(0), -inf, T(0)}),
                  row{-inf, -std::log(T(2)), -inf, -std::log(T(2))}));
  // +inf entries share the mass.
  CHECK(same_bits(forward(softmax, row{inf, T(1), inf, -inf, inf, T(-3)}),
                  row{T(1) / 3, 0, T(1) / 3, 0, T(1) / 3, 0}));
  CHECK(same_bits(forward(log_softmax, row{T(5), inf}), row{-inf, 0}));
  // NaN anywhere makes the row NaN, whatever else it holds.
  for (row x : {row{T(1), nan, T(2)}, row{nan, inf}, row{-inf, nan}, row{nan}}) {
    for (T v : forward(softmax, x)) CHECK(std::isnan(v));
    for (T v : forward(log_softmax, x)) CHECK(std::isnan(v));
  }
  // A row of only -inf: NaN by default, or the chosen row.
  const row masked(4, -inf);
  for (T v : forward(softmax, masked)) CHECK(std::isnan(v));
  for (T v : forward(log_softmax, masked)) CHECK(std::isnan(v));
  CHECK(same_bits(forward(Softmax(actfn::masked_row::zeros), masked), row(4, T(0))));
  CHECK(same_bits(forward(LogSoftmax(actfn::masked_row::zeros), masked), row(4, -inf)));
  CHECK(same_bits(forward(Softmax(actfn::masked_row::uniform), masked), row(4, T(0.25))));
  CHECK(
      same_bits(forward(LogSoftmax(actfn::masked_row::uniform), masked), row(4, -std::log(T(4)))));
  CHECK(Softmax(actfn::masked_row::uniform).masked() == actfn::masked_row::uniform);
  // One element: exactly 1 (log: 0) for any finite or +inf value.
  for (T v : {T(0), T(-1e30), limits::max(), -limits::max(), limits::denorm_min(), inf}) {
    CHECK(forward(softmax, row{v}) == row{1});
    CHECK(forward(log_softmax, row{v}) == row{0});
  }
  // Huge logits do not overflow; an empty row is a no-op.
  CHECK(same_bits(forward(softmax, row{limits::max(), limits::max()}), row{0.5, 0.5}));
  CHECK(same_bits(forward(softmax, row{-limits::max(), limits::max()}), row{0, 1}));
  CHECK_NOTHROW(softmax.forward(static_cast<const T*>(nullptr), nullptr, 0));
  CHECK_NOTHROW(softmax.backward(static_cast<const T*>(nullptr), nullptr, nullptr, 7, 0));
}

// Rows the fuzzer found (tests/fuzz): each failed before its fix.
TEMPLATE_TEST_CASE("softmax: rows at the edges of the range", "[softmax]", BOTH_TIERS) {
  using T = value_of<TestType>;
  using limits = std::numeric_limits<T>;
  // With m = max, x - m overflows inside the two-sum for some x near
  // 0.43 * max (the fuzzer's was 0x1.b65285e5fe74bp+1022 in double): the
  // whole row came out NaN.
  for (int k = 0; k <= 64; ++k) {
    const T near = limits::max() * (T(0.3) + T(k) / T(320));
    const std::vector<T> x = {limits::max(), near, T(0), -limits::max()};
    std::vector<T> y(x.size());
    CAPTURE(near);
    TestType{}.forward(x, y);
    CHECK(y == std::vector<T>{T(1), T(0), T(0), T(0)});
    log_softmax_of<TestType>{}.forward(x, y);
    CHECK(y[0] == T(0));
    CHECK(support::ulp_error(y[1], real(x[1]) - real(x[0])) <= 1);
    CHECK(y[2] == -limits::max());
    CHECK(y[3] == -limits::infinity());
  }

  // A maximum far above the rest: log_softmax at the maximum is -log1p(rest)
  // with rest ~ 1e-23 (double; 1e-16 in float), held to the bound (it was
  // 3.15 ULP off in double when the corrections holding rest were added
  // plainly).
  std::vector<T> dominated(68, T(0));
  dominated[14] = T(62.9921875);
  dominated[6] = T(10.5390625);
  dominated[3] = limits::min();
  std::vector<T> log_p(dominated.size());
  log_softmax_of<TestType>{}.forward(dominated, log_p);
  real rest = 0;
  for (std::size_t j = 0; j < dominated.size(); ++j) {
    if (j != 14) rest += std::exp(real(dominated[j]) - real(dominated[14]));
  }
  CHECK(support::ulp_error(log_p[14], -std::log1p(rest)) <= bound_of<TestType>);
}

TEMPLATE_TEST_CASE("softmax: strided rows and in place give the same bits", "[softmax]",
                   BOTH_TIERS) {
  using T = value_of<TestType>;
  const std::size_t rows = 5, cols = 37, x_stride = 41, y_stride = 40;
  const std::vector<T> x = random_row<T>(rows * x_stride, 20, 9);
  const std::vector<T> dy = random_row<T>(rows * cols, 1, 10);
  for (bool logarithms : {false, true}) {
    const TestType softmax;
    const log_softmax_of<TestType> log_softmax;
    const auto run_forward = [&](auto&&... arguments) {
      logarithms ? log_softmax.forward(arguments...) : softmax.forward(arguments...);
    };
    const auto run_backward = [&](auto&&... arguments) {
      logarithms ? log_softmax.backward(arguments...) : softmax.backward(arguments...);
    };
    std::vector<T> y(rows * y_stride, T(-7)), dx(rows * cols), in_place = x;
    run_forward(x.data(), x_stride, y.data(), y_stride, rows, cols);
    run_forward(in_place.data(), x_stride, in_place.data(), x_stride, rows, cols);
    std::vector<T> packed_y(rows * cols);
    for (std::size_t r = 0; r < rows; ++r) {
      const std::vector<T> row(x.begin() + r * x_stride, x.begin() + r * x_stride + cols);
      std::vector<T> row_y(cols);
      run_forward(row.data(), row_y.data(), cols);
      for (std::size_t j = 0; j < cols; ++j) {
        REQUIRE(support::same(y[r * y_stride + j], row_y[j]));
        REQUIRE(support::same(in_place[r * x_stride + j], row_y[j]));
        packed_y[r * cols + j] = row_y[j];
      }
      for (std::size_t j = cols; j < y_stride; ++j) REQUIRE(y[r * y_stride + j] == T(-7));
    }
    // Backward: strided y against packed rows, and in place over dy.
    run_backward(packed_y.data(), dy.data(), dx.data(), rows, cols);
    std::vector<T> dx_strided(rows * y_stride), gradient_in_place = dy;
    run_backward(y.data(), y_stride, dy.data(), cols, dx_strided.data(), y_stride, rows, cols);
    run_backward(packed_y.data(), gradient_in_place.data(), gradient_in_place.data(), rows, cols);
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t j = 0; j < cols; ++j) {
        REQUIRE(support::same(dx_strided[r * y_stride + j], dx[r * cols + j]));
        REQUIRE(support::same(gradient_in_place[r * cols + j], dx[r * cols + j]));
      }
    }
  }
}

// backward with a mode: fma(b, dx, the plain backward's product), in every
// form (one row, rows, strided rows, range), for b = 1 (accumulate), a
// fraction and a negative b; b = 0 never reads dx; in place over dy the
// gradient is also the previous dx.
TEMPLATE_TEST_CASE("softmax: backward with beta adds onto dx", "[softmax]", float, double) {
  using T = TestType;
  const std::size_t rows = 3, cols = 19, stride = 23;
  const std::vector<T> dy = random_row<T>(rows * stride, 1, 12);
  const std::vector<T> previous = random_row<T>(rows * stride, 3, 13);
  for (bool logarithms : {false, true}) {
    INFO("log_softmax: " << logarithms);
    const actfn::softmax<T> softmax;
    const actfn::log_softmax<T> log_softmax;
    const auto run_backward = [&](auto&&... arguments) {
      logarithms ? log_softmax.backward(arguments...) : softmax.backward(arguments...);
    };
    const std::vector<T> x = random_row<T>(rows * stride, 5, 11);
    std::vector<T> y(rows * stride);
    logarithms ? log_softmax.forward(x.data(), stride, y.data(), stride, rows, cols)
               : softmax.forward(x.data(), stride, y.data(), stride, rows, cols);
    std::vector<T> product(rows * stride);
    run_backward(y.data(), stride, dy.data(), stride, product.data(), stride, rows, cols);
    const auto expect = [&](std::vector<T> const& dx, T b, std::size_t row_count) {
      for (std::size_t r = 0; r < row_count; ++r) {
        for (std::size_t j = 0; j < cols; ++j) {
          const std::size_t i = r * stride + j;
          REQUIRE(support::same(dx[i], actfn::detail::multiply_add(b, previous[i], product[i])));
        }
      }
    };
    for (T b : {T(1), T(0.5), T(-2)}) {
      INFO("beta = " << b);
      const auto mode = actfn::beta(b);
      std::vector<T> strided = previous, one_row = previous;
      if (b == T(1)) {
        run_backward(y.data(), stride, dy.data(), stride, strided.data(), stride, rows, cols,
                     actfn::accumulate);
      } else {
        run_backward(y.data(), stride, dy.data(), stride, strided.data(), stride, rows, cols, mode);
      }
      expect(strided, b, rows);
      run_backward(y.data(), dy.data(), one_row.data(), cols, mode);
      expect(one_row, b, 1);
      const std::vector<T> y_row(y.begin(), y.begin() + cols),
          dy_row(dy.begin(), dy.begin() + cols);
      std::vector<T> dx_row(previous.begin(), previous.begin() + cols);
      run_backward(y_row, dy_row, dx_row, mode);
      expect(dx_row, b, 1);
    }
    // Contiguous rows, b = 0 over NaN, and in place over dy.
    std::vector<T> packed_y(rows * cols), packed_dy(rows * cols), packed(rows * cols);
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t j = 0; j < cols; ++j) {
        packed_y[r * cols + j] = y[r * stride + j];
        packed_dy[r * cols + j] = dy[r * stride + j];
        packed[r * cols + j] = product[r * stride + j];
      }
    }
    std::vector<T> garbage(rows * cols, std::numeric_limits<T>::quiet_NaN());
    run_backward(packed_y.data(), packed_dy.data(), garbage.data(), rows, cols, actfn::beta(T(0)));
    std::vector<T> both = packed_dy;
    run_backward(packed_y.data(), both.data(), both.data(), rows, cols, actfn::accumulate);
    for (std::size_t i = 0; i < rows * cols; ++i) {
      REQUIRE(support::same(garbage[i], packed[i]));
      REQUIRE(support::same(both[i], actfn::detail::multiply_add(T(1), packed_dy[i], packed[i])));
    }
    // A non-finite beta throws before anything is written.
    std::vector<T> untouched = previous;
    const T infinity = std::numeric_limits<T>::infinity();
    CHECK_THROWS_WITH(
        run_backward(y.data(), dy.data(), untouched.data(), cols, actfn::beta(infinity)),
        std::string(logarithms ? "actfn::log_softmax" : "actfn::softmax") +
            "::backward: beta must be finite, got inf");
    CHECK(untouched == previous);
  }
}

TEMPLATE_TEST_CASE("softmax: invalid input", "[softmax][errors]", float, double) {
  using T = TestType;
  const actfn::softmax<T> softmax;
  std::vector<T> x(12, T(1)), y(12, T(7));
  CHECK_THROWS_WITH(softmax.forward(x.data(), 3, y.data(), 4, 3, 4),
                    "actfn::softmax::forward: x_stride = 3 is less than cols = 4");
  CHECK_THROWS_WITH(actfn::log_softmax<T>{}.backward(y.data(), 4, x.data(), 4, y.data(), 2, 3, 4),
                    "actfn::log_softmax::backward: dx_stride = 2 is less than cols = 4");
  CHECK_THROWS_WITH(softmax.forward(static_cast<const T*>(nullptr), y.data(), 3, 4),
                    "actfn::softmax::forward: x is null but rows * cols = 3 * 4");
  const std::size_t huge = std::numeric_limits<std::size_t>::max() / 2;
  CHECK_THROWS_WITH(softmax.forward(x.data(), huge, y.data(), huge, 3, 4),
                    "actfn::softmax::forward: rows = 3 rows of x_stride = " + std::to_string(huge) +
                        " overflow size_t");
  std::vector<T> short_y(11);
  CHECK_THROWS_WITH(softmax.forward(x, short_y),
                    "actfn::softmax::forward: ys.size() = 11 differs from xs.size() = 12");
  CHECK_THROWS_WITH(softmax.jacobian(y.data(), nullptr, 3),
                    "actfn::softmax::jacobian: jacobian is null but rows * cols = 3 * 3");
  CHECK(y == std::vector<T>(12, T(7)));
}
