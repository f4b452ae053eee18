// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/silu.hpp>

#include <limits>
#include <stdexcept>
#include <type_traits>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("silu: relative accuracy of f' right beside its zero", "[silu]", float, double) {
  using T = TestType;
  for (T beta : {T(1), T(1.702)}) {
    const support::real b = beta;
    support::check_derivative_beside_zero<T>(
        actfn::silu<T>(beta), [b](support::real x) { return reference::silu_derivative(x, b); },
        (reference::silu_zero_hi + reference::silu_zero_lo) / b,
        support::accuracy_of<actfn::silu<T>>.derivative_ulp);
  }
}

TEMPLATE_TEST_CASE("silu: derivative matches finite differences", "[silu]", float, double) {
  using T = TestType;
  for (T beta : {T(1), T(1.702), T(0.5), T(-2)}) {
    const support::real b = beta;
    support::check_finite_differences<T>(actfn::silu<T>(beta),
                                         [b](support::real x) { return reference::silu(x, b); });
  }
}

TEMPLATE_TEST_CASE("silu: special values, every path; invalid beta", "[silu][errors]", float,
                   double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const T nan = limits::quiet_NaN(), inf = limits::infinity();
  support::check_exact_points<T>(actfn::silu<T>{}, {{T(0), T(0), T(0.5)},
                                                    {-T(0), -T(0), T(0.5)},
                                                    {inf, inf, T(1)},
                                                    {-inf, -T(0), T(0)},
                                                    {limits::max(), limits::max(), T(1)},
                                                    {nan, nan, nan}});
  // beta < 0 mirrors the limits; beta = 0 is x / 2.
  support::check_exact_points<T>(actfn::silu<T>(T(-1)), {{inf, T(0), T(0)}, {-inf, -inf, T(1)}});
  support::check_exact_points<T>(actfn::silu<T>(T(0)), {{T(3), T(1.5), T(0.5)}});
  CHECK_THROWS_WITH(actfn::silu<T>(nan), "actfn::silu: beta must be finite, got nan");
}

TEMPLATE_TEST_CASE("silu: second derivative", "[silu]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  for (T beta : {T(1), T(1.702), T(0.5)}) {
    const support::real b = beta;
    const actfn::silu<T> f(beta);
    support::check_second_derivative_accuracy<T>(
        "silu(beta=" + actfn::detail::describe(beta) + ")", f,
        [b](support::real x) { return reference::silu_second_derivative(x, b); },
        [b](support::real x) {  // float: relative everywhere
          return std::is_same<T, float>::value ? 0 : reference::silu_second_derivative_scale(x, b);
        },
        support::accuracy_of<actfn::silu<T>>.second_derivative_ulp);
    support::check_second_derivative_differences<T>(
        f, [b](support::real x) { return reference::silu_derivative(x, b); });
    // beta/2 at 0; -0 at both ends (f'' tends to 0 from below).
    support::check_exact_second_derivatives<T>(
        f, {{T(0), beta / 2}, {limits::infinity(), -T(0)}, {-limits::infinity(), -T(0)},
            {limits::quiet_NaN(), limits::quiet_NaN()}});
  }
  // beta = 0: f = x/2, f'' = 0 everywhere, infinities included.
  support::check_exact_second_derivatives<T>(
      actfn::silu<T>(T(0)),
      {{T(3), T(0)}, {limits::infinity(), -T(0)}, {-limits::infinity(), -T(0)}});
}
