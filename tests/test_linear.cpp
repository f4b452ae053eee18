// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/linear.hpp>

#include <limits>
#include <stdexcept>
#include <string>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("linear: a*x + b rounded once", "[linear]", float, double) {
  using T = TestType;
  const actfn::linear<T> f(T(-2.5), T(0.75));
  // Correctly rounded with FMA; without it, within 2^-digits of an ULP more.
  const support::real rounding = actfn::descriptor<actfn::linear<T>>::forward_rounding_ulp;
  const support::real bound =
      ACTFN_HAS_FMA ? rounding : rounding + std::ldexp(support::real(1), -std::numeric_limits<T>::digits);
  for (T x : support::accuracy_sample<T>()) {
    const support::real expected = support::real(-2.5) * x + support::real(0.75);
    REQUIRE(support::ulp_error(f(x), expected) <= bound);
    REQUIRE(f.derivative(x) == T(-2.5));
  }
  CHECK(actfn::linear<T>{}(T(3)) == T(3));
  CHECK(actfn::linear<T>{}.derivative(T(3)) == T(1));
}

TEMPLATE_TEST_CASE("linear: derivative matches finite differences", "[linear]", float, double) {
  using T = TestType;
  support::check_finite_differences<T>(actfn::linear<T>(T(-2.5), T(0.75)), [](support::real x) {
    return support::real(-2.5) * x + support::real(0.75);
  });
}

TEMPLATE_TEST_CASE("linear: special values and invalid parameters", "[linear][errors]", float,
                   double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::linear<T> f(T(2), T(1));
  CHECK(f(limits::infinity()) == limits::infinity());
  CHECK(f(-limits::infinity()) == -limits::infinity());
  CHECK(f.derivative(limits::infinity()) == T(2));
  CHECK(std::isnan(f(limits::quiet_NaN())));
  CHECK(std::isnan(f.derivative(limits::quiet_NaN())));
  CHECK_THROWS_AS(actfn::linear<T>(limits::quiet_NaN()), std::invalid_argument);
  try {
    actfn::linear<T>(T(1), -limits::infinity());
    FAIL("no exception");
  } catch (std::invalid_argument const& error) {
    CHECK(std::string(error.what()) == "actfn::linear: b must be finite, got -inf");
  }
}
