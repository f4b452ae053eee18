// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/elu.hpp>

#include <limits>
#include <stdexcept>
#include <string>

#include "catch.hpp"
#include "support/checks.hpp"
#include "support/reference.hpp"

TEMPLATE_TEST_CASE("elu: derivative matches finite differences", "[elu]", float, double) {
  using T = TestType;
  for (T alpha : {T(1), T(0.5), T(2.5), T(-0.75)}) {
    const support::real a = alpha;
    support::check_finite_differences<T>(
        actfn::elu<T>(alpha), [a](support::real x) { return reference::elu(x, a); }, {0});
  }
}

TEMPLATE_TEST_CASE("elu: kink convention and special values", "[elu]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::elu<T> f(T(2));
  CHECK(support::same(f(T(0)), T(0)));
  CHECK(support::same(f(-T(0)), -T(0)));
  CHECK(f.derivative(T(0)) == T(2));  // "1 if x > 0, else alpha e^x"
  CHECK(f.derivative(limits::min()) == T(1));
  CHECK(f(-limits::infinity()) == T(-2));
  CHECK(f(-limits::max()) == T(-2));
  CHECK(f(limits::infinity()) == limits::infinity());
  CHECK(support::same(f.derivative(-limits::infinity()), T(0)));
  CHECK(f.derivative(limits::infinity()) == T(1));
  CHECK(std::isnan(f(limits::quiet_NaN())));
  CHECK(std::isnan(f.derivative(limits::quiet_NaN())));
  // expm1, not e^x - 1: relative accuracy near 0.
  CHECK(support::ulp_error(f(T(-1e-6)), reference::elu(T(-1e-6), 2)) <= 4);
}

TEMPLATE_TEST_CASE("elu: invalid alpha", "[elu][errors]", float, double) {
  using T = TestType;
  CHECK_THROWS_AS(actfn::elu<T>(std::numeric_limits<T>::quiet_NaN()), std::invalid_argument);
  try {
    actfn::elu<T>{std::numeric_limits<T>::infinity()};
    FAIL("no exception");
  } catch (std::invalid_argument const& error) {
    CHECK(std::string(error.what()) == "actfn::elu: alpha must be finite, got inf");
  }
}

TEMPLATE_TEST_CASE("elu: second derivative", "[elu]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  for (T alpha : {T(1), T(0.5), T(2.5), T(-0.75)}) {
    const support::real a = alpha;
    const actfn::elu<T> f(alpha);
    support::check_second_derivative_accuracy<T>(
        "elu(alpha=" + actfn::detail::describe(alpha) + ")", f,
        [a](support::real x) { return reference::elu_second_derivative(x, a); },
        support::accuracy_of<actfn::elu<T>>.second_derivative_ulp);
    support::check_second_derivative_differences<T>(
        f, [a](support::real x) { return reference::elu_derivative(x, a); }, {0});
    // The derivative's convention at 0: alpha e^0.
    support::check_exact_second_derivatives<T>(
        f, {{T(0), alpha}, {limits::min(), T(0)}, {limits::infinity(), T(0)},
            {-limits::infinity(), alpha * T(0)}, {limits::quiet_NaN(), limits::quiet_NaN()}});
  }
}
