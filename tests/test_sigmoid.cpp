// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/sigmoid.hpp>

#include <limits>

#include "catch.hpp"
#include "support/checks.hpp"
#include "support/reference.hpp"

// Both precision tiers.
TEMPLATE_TEST_CASE("sigmoid: derivative matches finite differences", "[sigmoid]",
                   (actfn::sigmoid<float>), (actfn::sigmoid<double>),
                   (actfn::sigmoid<float, actfn::fast>), (actfn::sigmoid<double, actfn::fast>)) {
  support::check_finite_differences<typename TestType::value_type>(TestType{}, reference::sigmoid);
}

TEMPLATE_TEST_CASE("sigmoid: special values", "[sigmoid]", (actfn::sigmoid<float>),
                   (actfn::sigmoid<double>), (actfn::sigmoid<float, actfn::fast>),
                   (actfn::sigmoid<double, actfn::fast>)) {
  using T = typename TestType::value_type;
  using limits = std::numeric_limits<T>;
  const TestType f;
  CHECK(f(T(0)) == T(0.5));
  CHECK(f(-T(0)) == T(0.5));
  CHECK(f.derivative(T(0)) == T(0.25));
  CHECK(support::same(f(limits::infinity()), T(1)));
  CHECK(support::same(f(-limits::infinity()), T(0)));
  CHECK(support::same(f.derivative(limits::infinity()), T(0)));
  CHECK(support::same(f.derivative(-limits::infinity()), T(0)));
  CHECK(support::same(f(limits::max()), T(1)));
  CHECK(support::same(f(-limits::max()), T(0)));
  CHECK(f(limits::denorm_min()) == T(0.5));
  CHECK(std::isnan(f(limits::quiet_NaN())));
  CHECK(std::isnan(f.derivative(limits::quiet_NaN())));
  // The tail keeps its relative accuracy where f(x)(1 - f(x)) would give 0.
  CHECK(f.derivative(T(30)) > T(0));
  CHECK(support::ulp_error(f.derivative(T(30)), reference::sigmoid_derivative(30)) <= 8);
}

TEMPLATE_TEST_CASE("sigmoid: second derivative", "[sigmoid]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::sigmoid<T> f;
  support::check_second_derivative_accuracy<T>("sigmoid", f, reference::sigmoid_second_derivative,
                                               support::accuracy_of<actfn::sigmoid<T>>.second_derivative_ulp);
  support::check_second_derivative_differences<T>(f, reference::sigmoid_derivative);
  // Odd: -0 at +0; the limits 0 with their sides' signs; NaN stays NaN.
  support::check_exact_second_derivatives<T>(
      f, {{T(0), -T(0)}, {-T(0), T(0)}, {limits::infinity(), -T(0)}, {-limits::infinity(), T(0)},
          {limits::quiet_NaN(), limits::quiet_NaN()}});
}
