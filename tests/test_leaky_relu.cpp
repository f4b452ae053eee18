// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/leaky_relu.hpp>

#include <limits>
#include <stdexcept>
#include <string>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("leaky_relu: correctly rounded over the finite range", "[leaky_relu]", float,
                   double) {
  using T = TestType;
  for (T alpha : {T(0.01), T(0.2), T(1.5), T(-0.3)}) {
    const actfn::leaky_relu<T> f(alpha);
    for (T x : support::accuracy_sample<T>()) {
      const support::real expected = x > 0 ? support::real(x) : support::real(alpha) * x;
      REQUIRE(support::ulp_error(f(x), expected) <=
              actfn::descriptor<actfn::leaky_relu<T>>::forward_rounding_ulp);
      REQUIRE(f.derivative(x) == (x > 0 ? T(1) : alpha));
    }
  }
  CHECK(actfn::leaky_relu<T>{}.alpha() == T(0.01));
}

TEMPLATE_TEST_CASE("leaky_relu: derivative matches finite differences", "[leaky_relu]", float,
                   double) {
  using T = TestType;
  for (T alpha : {T(0.01), T(0.2), T(1.5), T(-0.3)}) {
    const support::real a = alpha;
    support::check_finite_differences<T>(actfn::leaky_relu<T>(alpha),
                                         [a](support::real x) { return x > 0 ? x : a * x; }, {0});
  }
}

TEMPLATE_TEST_CASE("leaky_relu: kink, special values, invalid alpha", "[leaky_relu][errors]", float,
                   double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::leaky_relu<T> f(T(0.5));
  CHECK(support::same(f(T(0)), T(0)));
  CHECK(f.derivative(T(0)) == T(0.5));  // "1 if x > 0, else alpha"
  CHECK(f(-limits::infinity()) == -limits::infinity());
  CHECK(std::isnan(f(limits::quiet_NaN())));
  CHECK(std::isnan(f.derivative(limits::quiet_NaN())));
  try {
    actfn::leaky_relu<T>{limits::quiet_NaN()};
    FAIL("no exception");
  } catch (std::invalid_argument const& error) {
    CHECK(std::string(error.what()) == "actfn::leaky_relu: alpha must be finite, got nan");
  }
}
