// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/step.hpp>

#include <limits>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("step: values, kink and special values", "[step]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::step<T> f;
  CHECK(f(T(0)) == T(1));
  CHECK(f(-T(0)) == T(1));
  CHECK(f(limits::denorm_min()) == T(1));
  CHECK(f(-limits::denorm_min()) == T(0));
  CHECK(f(T(-3)) == T(0));
  CHECK(f(limits::infinity()) == T(1));
  CHECK(f(-limits::infinity()) == T(0));
  CHECK(support::same(f.derivative(T(2)), T(0)));
  CHECK(support::same(f.derivative(-limits::infinity()), T(0)));
  CHECK(std::isnan(f(limits::quiet_NaN())));
  CHECK(std::isnan(f.derivative(limits::quiet_NaN())));
}
