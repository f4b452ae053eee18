// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/tanh.hpp>

#include <cmath>
#include <limits>

#include "catch.hpp"
#include "support/checks.hpp"
#include "support/reference.hpp"

// Both precision tiers.
TEMPLATE_TEST_CASE("tanh: derivative matches finite differences", "[tanh]", (actfn::tanh<float>),
                   (actfn::tanh<double>), (actfn::tanh<float, actfn::fast>),
                   (actfn::tanh<double, actfn::fast>)) {
  support::check_finite_differences<typename TestType::value_type>(TestType{}, reference::tanh);
}

TEMPLATE_TEST_CASE("tanh: special values", "[tanh]", (actfn::tanh<float>), (actfn::tanh<double>),
                   (actfn::tanh<float, actfn::fast>), (actfn::tanh<double, actfn::fast>)) {
  using T = typename TestType::value_type;
  using limits = std::numeric_limits<T>;
  const TestType f;
  CHECK(support::same(f(T(0)), T(0)));
  CHECK(support::same(f(-T(0)), -T(0)));
  CHECK(f.derivative(T(0)) == T(1));
  CHECK(support::same(f(limits::infinity()), T(1)));
  CHECK(support::same(f(-limits::infinity()), T(-1)));
  CHECK(support::same(f(limits::max()), T(1)));
  CHECK(support::same(f(-limits::max()), T(-1)));
  CHECK(support::same(f.derivative(limits::infinity()), T(0)));
  CHECK(support::same(f.derivative(-limits::infinity()), T(0)));
  CHECK(support::same(f(limits::denorm_min()), limits::denorm_min()));
  CHECK(support::same(f(-limits::denorm_min()), -limits::denorm_min()));
  CHECK(std::isnan(f(limits::quiet_NaN())));
  CHECK(std::isnan(f.derivative(limits::quiet_NaN())));
  // 1 - tanh^2 would cancel to 0 here; sech^2 keeps the value.
  CHECK(support::ulp_error(f.derivative(T(12)), reference::tanh_derivative(12)) <= 8);
}

TEMPLATE_TEST_CASE("tanh: second derivative", "[tanh]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::tanh<T> f;
  support::check_second_derivative_accuracy<T>("tanh", f, reference::tanh_second_derivative,
                                               support::accuracy_of<actfn::tanh<T>>.second_derivative_ulp);
  support::check_second_derivative_differences<T>(f, reference::tanh_derivative);
  support::check_exact_second_derivatives<T>(
      f, {{T(0), -T(0)}, {-T(0), T(0)}, {limits::infinity(), -T(0)}, {-limits::infinity(), T(0)},
          {limits::quiet_NaN(), limits::quiet_NaN()}});
}
