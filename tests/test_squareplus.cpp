// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/squareplus.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("squareplus: derivative matches finite differences", "[squareplus]", float,
                   double) {
  using T = TestType;
  for (T b : {T(4), T(0.25), T(100)}) {
    const support::real exact_b = b;
    support::check_finite_differences<T>(actfn::squareplus<T>(b), [exact_b](support::real x) {
      return reference::squareplus(x, exact_b);
    });
  }
}

TEMPLATE_TEST_CASE("squareplus: special values, every path", "[squareplus]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const T nan = limits::quiet_NaN(), inf = limits::infinity();
  // b = 4: f(0) = 1, f(+-1.5) = (+-1.5 + 2.5)/2, f' = (1 +- 0.6)/2.
  support::check_exact_points<T>(actfn::squareplus<T>{}, {{T(0), T(1), T(0.5)},
                                                          {-T(0), T(1), T(0.5)},
                                                          {T(1.5), T(2), T(0.8)},
                                                          {T(-1.5), T(0.5), T(0.2)},
                                                          {inf, inf, T(1)},
                                                          {-inf, T(0), T(0)},
                                                          {nan, nan, nan}});
}

TEMPLATE_TEST_CASE("squareplus: no overflow or cancellation at the ends of the range",
                   "[squareplus]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  for (T b : {T(4), T(0.25), limits::max() / 2}) {
    const actfn::squareplus<T> f(b);
    const support::real exact_b = b;
    // Either side of the scaling threshold, and the largest values.
    for (int exponent : {limits::max_exponent / 2 - 3, limits::max_exponent / 2 - 2,
                         limits::max_exponent / 2 - 1, limits::max_exponent - 1}) {
      for (T sign : {T(1), T(-1)}) {
        for (T mantissa : {T(1), T(1.5), T(2) - limits::epsilon()}) {
          const T x = sign * std::ldexp(mantissa, exponent);
          INFO("b = " << b << ", x = " << x);
          CHECK(support::ulp_error(f(x), reference::squareplus(x, exact_b)) <=
                actfn::descriptor<actfn::squareplus<T>>::accuracy.forward_ulp);
          CHECK(support::ulp_error(f.derivative(x), reference::squareplus_derivative(x, exact_b)) <=
                actfn::descriptor<actfn::squareplus<T>>::accuracy.derivative_ulp);
        }
      }
    }
  }
}

TEMPLATE_TEST_CASE("squareplus: b must be positive and finite", "[squareplus]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  for (T b : {T(0), T(-1), limits::infinity(), limits::quiet_NaN(), limits::max()}) {
    INFO("b = " << b);
    CHECK_THROWS_AS(actfn::squareplus<T>(b), std::invalid_argument);
  }
  CHECK(actfn::squareplus<T>{}.b() == T(4));
}
