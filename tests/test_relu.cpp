// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/relu.hpp>

#include <limits>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("relu: values, kink and special values", "[relu]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::relu<T> f;
  CHECK(f(T(2.5)) == T(2.5));
  CHECK(support::same(f(T(-2.5)), T(0)));
  CHECK(support::same(f(-T(0)), T(0)));  // max(0, -0) is +0
  CHECK(f.derivative(T(0)) == T(0));     // "1 if x > 0, else 0"
  CHECK(f.derivative(limits::denorm_min()) == T(1));
  CHECK(f(limits::max()) == limits::max());
  CHECK(f(limits::infinity()) == limits::infinity());
  CHECK(support::same(f(-limits::infinity()), T(0)));
  CHECK(std::isnan(f(limits::quiet_NaN())));
  CHECK(std::isnan(f.derivative(limits::quiet_NaN())));
}

TEMPLATE_TEST_CASE("relu: derivative matches finite differences", "[relu]", float, double) {
  support::check_finite_differences<TestType>(actfn::relu<TestType>{},
                                              [](support::real x) { return x > 0 ? x : 0; }, {0});
}
