// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/celu.hpp>

#include <limits>
#include <stdexcept>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("celu: derivative matches finite differences", "[celu]", float, double) {
  using T = TestType;
  for (T alpha : {T(1), T(0.5), T(3)}) {
    const support::real a = alpha;
    support::check_finite_differences<T>(actfn::celu<T>(alpha),
                                         [a](support::real x) { return reference::celu(x, a); });
  }
}

TEMPLATE_TEST_CASE("celu: special values, every path; invalid alpha", "[celu][errors]", float,
                   double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const T nan = limits::quiet_NaN(), inf = limits::infinity();
  // f'(0) = 1 from both sides (the C^1 point of the construction).
  support::check_exact_points<T>(actfn::celu<T>(T(2)), {{T(0), T(0), T(1)},
                                                        {-T(0), -T(0), T(1)},
                                                        {-inf, T(-2), T(0)},
                                                        {-limits::max(), T(-2), T(0)},
                                                        {inf, inf, T(1)},
                                                        {nan, nan, nan}});
  // alpha = 1 is elu.
  const actfn::celu<T> celu;
  for (T x : {T(-0.3), T(-2), T(-20)}) CHECK(support::ulp_error(celu(x), reference::elu(x, 1)) <= 1.5);
  CHECK_THROWS_WITH(actfn::celu<T>(T(0)), "actfn::celu: alpha must be positive, got 0");
  CHECK_THROWS_WITH(actfn::celu<T>(T(-1)), "actfn::celu: alpha must be positive, got -1");
  CHECK_THROWS_WITH(actfn::celu<T>(inf), "actfn::celu: alpha must be finite, got inf");
}

TEMPLATE_TEST_CASE("celu: second derivative", "[celu]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  for (T alpha : {T(1), T(0.5), T(3)}) {
    const support::real a = alpha;
    const actfn::celu<T> f(alpha);
    support::check_second_derivative_accuracy<T>(
        "celu(alpha=" + actfn::detail::describe(alpha) + ")", f,
        [a](support::real x) { return reference::celu_second_derivative(x, a); },
        support::accuracy_of<actfn::celu<T>>.second_derivative_ulp);
    support::check_second_derivative_differences<T>(
        f, [a](support::real x) { return reference::celu_derivative(x, a); }, {0});
    support::check_exact_second_derivatives<T>(
        f, {{limits::min(), T(0)}, {limits::infinity(), T(0)}, {-limits::infinity(), T(0)},
            {limits::quiet_NaN(), limits::quiet_NaN()}});
  }
}
