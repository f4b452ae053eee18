// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/array.hpp>
#include <actfn/functions/prelu.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("prelu: forward and derivative as leaky_relu", "[prelu]", float, double) {
  using T = TestType;
  for (T alpha : {T(0.25), T(3), T(-0.5)}) {
    const actfn::prelu<T> f(alpha);
    const support::real a = alpha;
    support::check_finite_differences<T>(f, [a](support::real x) { return x > 0 ? x : a * x; },
                                         {0});
    CHECK(f(T(-2)) == T(-2) * alpha);
    CHECK(f.derivative(T(0)) == alpha);
    for (T x : support::accuracy_sample<T>()) {
      const support::real expected = x > 0 ? support::real(x) : a * x;
      REQUIRE(support::ulp_error(f(x), expected) <=
              actfn::descriptor<actfn::prelu<T>>::forward_rounding_ulp);
    }
  }
  CHECK(actfn::prelu<T>{}.alpha() == T(0.25));
}

TEMPLATE_TEST_CASE("prelu: df/dalpha matches finite differences in alpha", "[prelu]", float,
                   double) {
  using T = TestType;
  std::mt19937 random(3);
  std::uniform_real_distribution<T> uniform(T(-8), T(8));
  const T alpha = T(0.25), h = T(1) / 1024;
  for (int i = 0; i < 10000; ++i) {
    const T x = uniform(random);
    // f is linear in alpha, so the central difference is exact up to rounding.
    const support::real difference =
        (support::real(actfn::prelu<T>(alpha + h)(x)) - actfn::prelu<T>(alpha - h)(x)) / (2 * h);
    REQUIRE(std::fabs(support::real(actfn::prelu<T>(alpha).alpha_derivative(x)) - difference) <=
            std::ldexp(support::real(std::fabs(x)), -std::numeric_limits<T>::digits + 12));
  }
  const actfn::prelu<T> f;
  CHECK(support::same(f.alpha_derivative(T(0)), T(0)));
  CHECK(f.alpha_derivative(T(2)) == T(0));
  CHECK(f.alpha_derivative(T(-2)) == T(-2));
  CHECK(std::isnan(f.alpha_derivative(std::numeric_limits<T>::quiet_NaN())));
}

TEMPLATE_TEST_CASE("prelu: backward accumulates dalpha", "[prelu][array]", float, double) {
  using T = TestType;
  std::mt19937 random(5);
  std::uniform_real_distribution<T> uniform(T(-4), T(4));
  for (std::size_t n : {0u, 1u, 17u, 1000u, 4099u}) {
    std::vector<T> x(n), dy(n), dx(n);
    for (std::size_t i = 0; i < n; ++i) {
      x[i] = uniform(random);
      dy[i] = uniform(random);
    }
    const actfn::prelu<T> f(T(0.3));
    T dalpha = T(1.5);  // accumulates onto what is there
    actfn::backward(f, x.data(), dy.data(), dx.data(), n, &dalpha);
    support::real expected = 1.5L, magnitude = 1.5L;
    for (std::size_t i = 0; i < n; ++i) {
      expected += support::real(dy[i]) * std::min(support::real(x[i]), support::real(0));
      magnitude += std::fabs(support::real(dy[i]) * x[i]);
      REQUIRE(dx[i] == dy[i] * f.derivative(x[i]));
    }
    // Summation in T over batch-wide partial sums.
    CHECK(std::fabs(dalpha - expected) <=
          magnitude * std::ldexp(support::real(n + 16), -std::numeric_limits<T>::digits));
  }
}

TEMPLATE_TEST_CASE("prelu: dalpha that overflows is infinite, not NaN", "[prelu][array]", float,
                   double) {
  using T = TestType;
  // The compensated sum's corrections of an infinite term are inf - inf.
  const T huge = std::numeric_limits<T>::max() / 2;
  const std::vector<T> x = {-huge, -huge, T(-1)}, dy = {huge, huge, T(1)};
  std::vector<T> dx(3);
  T dalpha = 0;
  actfn::backward(actfn::prelu<T>{}, x.data(), dy.data(), dx.data(), 3, &dalpha);
  CHECK(dalpha == -std::numeric_limits<T>::infinity());
}

TEMPLATE_TEST_CASE("prelu: invalid input", "[prelu][errors]", float, double) {
  using T = TestType;
  CHECK_THROWS_AS(actfn::prelu<T>(std::numeric_limits<T>::infinity()), std::invalid_argument);
  std::vector<T> x(4, T(1)), dy(4, T(1)), dx(4);
  CHECK_THROWS_WITH(actfn::backward(actfn::prelu<T>{}, x.data(), dy.data(), dx.data(), 4,
                                    static_cast<T*>(nullptr)),
                    "actfn::backward: dalpha is null");
  T dalpha = 0;
  CHECK_THROWS_WITH(actfn::backward(actfn::prelu<T>{}, x.data(), dy.data(), dx.data(), 4, &dalpha,
                                    actfn::beta(std::numeric_limits<T>::infinity())),
                    "actfn::backward: beta must be finite, got inf");
  const actfn::channel_layout layout{1, 1, 4};
  std::vector<T> one_alpha{T(0.25)}, one_dalpha{T(0)};
  CHECK_THROWS_WITH(actfn::prelu_backward(one_alpha, x, dy, dx, one_dalpha, layout,
                                          actfn::beta(-std::numeric_limits<T>::infinity())),
                    "actfn::prelu_backward: beta must be finite, got -inf");
  CHECK(dalpha == T(0));
  CHECK(one_dalpha[0] == T(0));
}

// backward(prelu, ..., dalpha, mode): dx as the plain backward with the mode,
// dalpha as without one.
TEMPLATE_TEST_CASE("prelu: backward with dalpha and beta", "[prelu]", float, double) {
  using T = TestType;
  const std::size_t n = 3 * xsimd::batch<T>::size + 3;
  std::vector<T> x(n), dy(n), previous(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = T(-3) + T(6) * T(i) / T(n);
    dy[i] = T(1.25) - T(i % 5) / T(2);
    previous[i] = T(i % 3) - T(0.75);
  }
  const actfn::prelu<T> f(T(0.2));
  T plain_dalpha = T(0.5);
  std::vector<T> plain(n);
  actfn::backward(f, x.data(), dy.data(), plain.data(), n, &plain_dalpha);
  for (T b : {T(1), T(-2)}) {
    T dalpha = T(0.5);
    std::vector<T> dx = previous, expected = previous;
    if (b == T(1)) {
      actfn::backward(f, x.data(), dy.data(), dx.data(), n, &dalpha, actfn::accumulate);
    } else {
      actfn::backward(f, x.data(), dy.data(), dx.data(), n, &dalpha, actfn::beta(b));
    }
    actfn::backward(f, x, dy, expected, actfn::beta(b));
    for (std::size_t i = 0; i < n; ++i) REQUIRE(support::same(dx[i], expected[i]));
    CHECK(dalpha == plain_dalpha);
  }
}

namespace {

// The per-channel calls against a naive loop over [outer, channels, inner].
template <class T>
void check_per_channel(actfn::channel_layout const& layout, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<T> uniform(T(-4), T(4));
  const std::size_t n = layout.outer * layout.channels * layout.inner;
  std::vector<T> alpha(layout.channels), x(n), dy(n), y(n), dx(n);
  for (T& a : alpha) a = uniform(random) / 4;
  for (T& v : x) v = (random() % 10 == 0) ? T(0) : uniform(random);
  for (T& v : dy) v = uniform(random);
  std::vector<T> dalpha(layout.channels, T(0.5));  // accumulates onto what is there
  actfn::prelu_forward(alpha.data(), x.data(), y.data(), layout);
  actfn::prelu_backward(alpha.data(), x.data(), dy.data(), dx.data(), dalpha.data(), layout);
  std::vector<support::real> expected(layout.channels, 0.5L), magnitude(layout.channels, 0.5L);
  for (std::size_t o = 0; o < layout.outer; ++o) {
    for (std::size_t c = 0; c < layout.channels; ++c) {
      const actfn::prelu<T> f(alpha[c]);
      for (std::size_t i = 0; i < layout.inner; ++i) {
        const std::size_t p = (o * layout.channels + c) * layout.inner + i;
        REQUIRE(support::same(y[p], f(x[p])));
        REQUIRE(support::same(dx[p], T(dy[p] * f.derivative(x[p]))));
        expected[c] += support::real(dy[p]) * std::min(support::real(x[p]), support::real(0));
        magnitude[c] += std::fabs(support::real(dy[p]) * x[p]);
      }
    }
  }
  for (std::size_t c = 0; c < layout.channels; ++c) {
    // Plain summation in T across the outer positions.
    CHECK(std::fabs(dalpha[c] - expected[c]) <=
          magnitude[c] *
              std::ldexp(support::real(layout.outer + 2), -std::numeric_limits<T>::digits));
  }
  // In place gives the same bits.
  std::vector<T> y_in_place = x, dx_in_place = dy, dalpha_again(layout.channels, T(0.5));
  actfn::prelu_forward(alpha.data(), y_in_place.data(), y_in_place.data(), layout);
  actfn::prelu_backward(alpha.data(), x.data(), dx_in_place.data(), dx_in_place.data(),
                        dalpha_again.data(), layout);
  for (std::size_t p = 0; p < n; ++p) {
    REQUIRE(support::same(y_in_place[p], y[p]));
    REQUIRE(support::same(dx_in_place[p], dx[p]));
  }
  CHECK(dalpha_again == dalpha);
  // With a mode, dx = fma(dy, f'(x), b * dx) as the elementwise backward's;
  // dalpha as without one.
  for (T b : {T(1), T(-0.5)}) {
    std::vector<T> dx_beta = y, dalpha_beta(layout.channels, T(0.5));
    if (b == T(1)) {
      actfn::prelu_backward(alpha, x, dy, dx_beta, dalpha_beta, layout, actfn::accumulate);
    } else {
      actfn::prelu_backward(alpha.data(), x.data(), dy.data(), dx_beta.data(), dalpha_beta.data(),
                            layout, actfn::beta(b));
    }
    for (std::size_t p = 0; p < n; ++p) {
      const actfn::prelu<T> f(alpha[(p / layout.inner) % layout.channels]);
      REQUIRE(support::same(dx_beta[p], actfn::detail::multiply_add(dy[p], f.derivative(x[p]), b * y[p])));
    }
    CHECK(dalpha_beta == dalpha);
  }
}

}  // namespace

TEMPLATE_TEST_CASE("prelu: per channel against a naive loop", "[prelu]", float, double) {
  using T = TestType;
  check_per_channel<T>({2, 3, 35}, 1);    // NCHW, inner not a multiple of the width
  check_per_channel<T>({4, 5, 64}, 2);    // NCHW
  check_per_channel<T>({7, 37, 1}, 3);    // NC: the slopes vary along each row
  check_per_channel<T>({300, 16, 1}, 4);  // NC, many outer positions
  check_per_channel<T>({0, 4, 9}, 5);     // empty
  check_per_channel<T>({1, 1, 1}, 6);
}

TEMPLATE_TEST_CASE(
    "prelu: channel_prelu answers the free calls with prelu_forward's and "
    "prelu_backward's bits",
    "[prelu]", float, double) {
  using T = TestType;
  const actfn::channel_layout layout{2, 3, 5};
  const std::size_t n = 30;
  std::vector<T> alpha{T(0.25), T(-0.5), T(2)}, x(n), dy(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = T(int(i % 7) - 3) / T(2);
    dy[i] = T(int(i % 5) - 2) / T(4);
  }
  const actfn::channel_prelu<T> f(alpha.data(), layout);
  std::vector<T> y(n), expected_y(n), dx(n, T(1)), expected_dx(n, T(1));
  std::vector<T> dalpha(3, T(0.5)), expected_dalpha(3, T(0.5));
  actfn::forward(f, x, y);
  actfn::prelu_forward(alpha.data(), x.data(), expected_y.data(), layout);
  CHECK(y == expected_y);
  actfn::backward(f, x.data(), dy.data(), dx.data(), dalpha.data(), actfn::accumulate);
  actfn::prelu_backward(alpha, x, dy, expected_dx, expected_dalpha, layout, actfn::accumulate);
  CHECK(dx == expected_dx);
  CHECK(dalpha == expected_dalpha);
  actfn::backward(f, x, dy, dx, dalpha);
  actfn::prelu_backward(alpha, x, dy, expected_dx, expected_dalpha, layout);
  CHECK(dx == expected_dx);
  CHECK(dalpha == expected_dalpha);
  // The view sees the slopes as they are at each call.
  alpha[1] = T(0.75);
  actfn::forward(f, x.data(), y.data());
  actfn::prelu_forward(alpha.data(), x.data(), expected_y.data(), layout);
  CHECK(y == expected_y);
  std::vector<T> short_y(n - 1), short_dalpha(2);
  CHECK_THROWS_WITH(actfn::forward(f, x, short_y),
                    "actfn::prelu_forward: ys.size() = 29 differs from outer * channels * inner "
                    "= 30");
  CHECK_THROWS_WITH(actfn::backward(f, x, dy, dx, short_dalpha),
                    "actfn::prelu_backward: dalphas.size() = 2 differs from layout.channels = 3");
  alpha[0] = std::numeric_limits<T>::infinity();
  CHECK_THROWS_WITH(actfn::forward(f, x, y),
                    "actfn::prelu_forward: alpha[0] must be finite, got inf");
}

TEMPLATE_TEST_CASE("prelu: per-channel dalpha matches finite differences in alpha", "[prelu]",
                   float, double) {
  using T = TestType;
  for (actfn::channel_layout layout :
       {actfn::channel_layout{3, 4, 10}, actfn::channel_layout{6, 4, 1}}) {
    std::mt19937 random(8);
    std::uniform_real_distribution<T> uniform(T(-2), T(2));
    const std::size_t n = layout.outer * layout.channels * layout.inner;
    std::vector<T> alpha(layout.channels), x(n), dy(n), y(n), dx(n), dalpha(layout.channels);
    for (T& a : alpha) a = uniform(random) / 4;
    for (T& v : x) v = uniform(random);
    for (T& v : dy) v = uniform(random);
    actfn::prelu_backward(alpha.data(), x.data(), dy.data(), dx.data(), dalpha.data(), layout);
    // L(alpha) = sum dy * y; f is linear in alpha, so the central difference
    // in long double is exact up to rounding of the forward values.
    const T h = T(1) / 64;
    for (std::size_t c = 0; c < layout.channels; ++c) {
      support::real difference = 0, magnitude = 0;
      for (T sign : {T(1), T(-1)}) {
        std::vector<T> shifted = alpha;
        shifted[c] += sign * h;
        actfn::prelu_forward(shifted.data(), x.data(), y.data(), layout);
        for (std::size_t p = 0; p < n; ++p) {
          difference += sign * support::real(dy[p]) * y[p] / (2 * h);
          magnitude += std::fabs(support::real(dy[p]) * y[p]) / (2 * h);
        }
      }
      CHECK(std::fabs(dalpha[c] - difference) <=
            magnitude * std::ldexp(support::real(4), -std::numeric_limits<T>::digits));
    }
  }
}

TEMPLATE_TEST_CASE("prelu: per-channel invalid input", "[prelu][errors]", float, double) {
  using T = TestType;
  std::vector<T> alpha = {T(0.1), T(0.2)}, x(8, T(1)), y(8, T(7)), dalpha(2, T(0));
  const actfn::channel_layout layout{2, 2, 2};
  alpha[1] = std::numeric_limits<T>::quiet_NaN();
  CHECK_THROWS_WITH(actfn::prelu_forward(alpha.data(), x.data(), y.data(), layout),
                    "actfn::prelu_forward: alpha[1] must be finite, got nan");
  alpha[1] = T(0.2);
  CHECK_THROWS_WITH(
      actfn::prelu_forward(static_cast<const T*>(nullptr), x.data(), y.data(), layout),
      "actfn::prelu_forward: alpha is null but n = 2");
  CHECK_THROWS_WITH(actfn::prelu_backward(alpha.data(), x.data(), x.data(), y.data(),
                                          static_cast<T*>(nullptr), layout),
                    "actfn::prelu_backward: dalpha is null but n = 2");
  CHECK_THROWS_WITH(actfn::prelu_forward(alpha.data(), x.data(), static_cast<T*>(nullptr), layout),
                    "actfn::prelu_forward: y is null but n = 8");
  const std::size_t huge = std::numeric_limits<std::size_t>::max() / 2;
  CHECK_THROWS_WITH(actfn::prelu_forward(alpha.data(), x.data(), y.data(), {3, 2, huge}),
                    "actfn::prelu_forward: outer * channels * inner = 3 * 2 * " +
                        std::to_string(huge) + " overflows size_t");
  CHECK(y == std::vector<T>(8, T(7)));
}
