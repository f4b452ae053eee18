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

TEMPLATE_TEST_CASE("prelu: invalid input", "[prelu][errors]", float, double) {
  using T = TestType;
  CHECK_THROWS_AS(actfn::prelu<T>(std::numeric_limits<T>::infinity()), std::invalid_argument);
  std::vector<T> x(4, T(1)), dy(4, T(1)), dx(4);
  CHECK_THROWS_WITH(actfn::backward(actfn::prelu<T>{}, x.data(), dy.data(), dx.data(), 4,
                                    static_cast<T*>(nullptr)),
                    "actfn::backward: dalpha is null");
}
