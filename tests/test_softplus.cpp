// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/softplus.hpp>

#include <limits>
#include <stdexcept>
#include <utility>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("softplus: derivative matches finite differences", "[softplus]", float,
                   double) {
  using T = TestType;
  const T inf = std::numeric_limits<T>::infinity();
  for (T beta : {T(1), T(2), T(0.3)}) {
    const support::real b = beta;
    // No threshold: the switch is a jump of f (tiny) that a difference
    // quotient across it would see.
    support::check_finite_differences<T>(
        actfn::softplus<T>(beta, inf),
        [b](support::real x) { return reference::softplus(x, b, std::numeric_limits<reference::real>::infinity()); });
  }
}

TEMPLATE_TEST_CASE("softplus: the threshold switch, special values, every path; invalid "
                   "parameters",
                   "[softplus][errors]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const T nan = limits::quiet_NaN(), inf = limits::infinity();
  // f(0) = log 2 / beta; above the threshold (beta x > 20) f = x, f' = 1;
  // at it, still the curve.
  const T log2 = T(0.693147180559945309417232121458L);
  support::check_exact_points<T>(actfn::softplus<T>{}, {{T(0), log2, T(0.5)},
                                                        {-T(0), log2, T(0.5)},
                                                        {T(20.5), T(20.5), T(1)},
                                                        {limits::max(), limits::max(), T(1)},
                                                        {inf, inf, T(1)},
                                                        {-inf, T(0), T(0)},
                                                        {-limits::max(), T(0), T(0)},
                                                        {nan, nan, nan}});
  support::check_exact_points<T>(actfn::softplus<T>(T(2), T(1)),
                                 {{T(0.75), T(0.75), T(1)}, {T(0), log2 / 2, T(0.5)}});
  // At the threshold, still the curve.
  const actfn::softplus<T> low_threshold(T(2), T(1));
  CHECK(support::ulp_error(low_threshold(T(0.5)), reference::softplus(0.5L, 2, 1)) <= 1);
  CHECK(support::ulp_error(low_threshold.derivative(T(0.5)), reference::sigmoid(1)) <= 1);
  // No threshold: beta x overflows to inf, f tends to x.
  support::check_exact_points<T>(actfn::softplus<T>(T(4), inf),
                                 {{limits::max(), limits::max(), T(1)}, {inf, inf, T(1)}});
  CHECK_THROWS_WITH(actfn::softplus<T>(T(0)), "actfn::softplus: beta must be positive, got 0");
  CHECK_THROWS_WITH(actfn::softplus<T>(T(-1)), "actfn::softplus: beta must be positive, got -1");
  CHECK_THROWS_WITH(actfn::softplus<T>(inf), "actfn::softplus: beta must be finite, got inf");
  CHECK_THROWS_WITH(actfn::softplus<T>(T(1), nan), "actfn::softplus: threshold must not be NaN");
}

TEMPLATE_TEST_CASE("softplus: second derivative", "[softplus]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  for (T beta : {T(1), T(2), T(0.3)}) {
    const support::real b = beta;
    const actfn::softplus<T> f(beta);
    support::check_second_derivative_accuracy<T>(
        "softplus(beta=" + actfn::detail::describe(beta) + ")", f,
        [b](support::real x) { return reference::softplus_second_derivative(x, b, 20); },
        support::accuracy_of<actfn::softplus<T>>.second_derivative_ulp);
    support::check_second_derivative_differences<T>(
        f, [b](support::real x) { return reference::softplus_derivative(x, b, 20); },
        {20 / b});
    // beta/4 at 0; 0 on the line above the threshold and at both ends.
    support::check_exact_second_derivatives<T>(
        f, {{T(0), beta / 4}, {T(21) / beta, T(0)}, {limits::infinity(), T(0)},
            {-limits::infinity(), T(0)}, {limits::quiet_NaN(), limits::quiet_NaN()}});
  }
}
