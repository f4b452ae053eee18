// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/softsign.hpp>

#include <limits>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("softsign: derivative matches finite differences", "[softsign]", float,
                   double) {
  support::check_finite_differences<TestType>(actfn::softsign<TestType>{}, reference::softsign);
}

TEMPLATE_TEST_CASE("softsign: special values, every path", "[softsign]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const T nan = limits::quiet_NaN(), inf = limits::infinity();
  support::check_exact_points<T>(actfn::softsign<T>{}, {{T(0), T(0), T(1)},
                                                        {-T(0), -T(0), T(1)},
                                                        {T(1), T(0.5), T(0.25)},
                                                        {T(-3), T(-0.75), T(0.0625)},
                                                        {limits::max(), T(1), T(0)},
                                                        {inf, T(1), T(0)},
                                                        {-inf, T(-1), T(0)},
                                                        {nan, nan, nan}});
  // f' = 1/x^2 stays a normal number where (1 + |x|)^2 would overflow.
  const T big = std::ldexp(T(1), limits::max_exponent / 2 + 1);
  CHECK(actfn::softsign<T>{}.derivative(big) == std::ldexp(T(1), -2 * (limits::max_exponent / 2 + 1)));
}
