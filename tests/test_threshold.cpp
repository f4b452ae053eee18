// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/threshold.hpp>

#include <limits>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("threshold: exact over the finite range", "[threshold]", float, double) {
  using T = TestType;
  for (auto [limit, value] : {std::pair<T, T>{T(0.5), T(-3)}, {T(-2), T(0)}, {T(0), T(20)}}) {
    const actfn::threshold<T> f(limit, value);
    CHECK(f.limit() == limit);
    CHECK(f.value() == value);
    for (T x : support::accuracy_sample<T>()) {
      REQUIRE(support::same(f(x), x > limit ? x : value));
      REQUIRE(f.derivative(x) == (x > limit ? T(1) : T(0)));
    }
  }
}

TEMPLATE_TEST_CASE("threshold: the threshold itself and special values, every path",
                   "[threshold]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const T nan = limits::quiet_NaN(), inf = limits::infinity();
  // At the threshold: value, slope 0 (PyTorch: x <= threshold gives value).
  support::check_exact_points<T>(actfn::threshold<T>(T(1), T(-7)), {{T(1), T(-7), T(0)},
                                                                    {T(1.5), T(1.5), T(1)},
                                                                    {-inf, T(-7), T(0)},
                                                                    {inf, inf, T(1)},
                                                                    {nan, nan, nan}});
  support::check_finite_differences<T>(
      actfn::threshold<T>(T(0.25), T(2)),
      [](support::real x) -> support::real { return x > 0.25L ? x : 2; }, {0.25L});
  CHECK_THROWS_WITH(actfn::threshold<T>(nan, T(0)),
                    "actfn::threshold: threshold must be finite, got nan");
  CHECK_THROWS_WITH(actfn::threshold<T>(T(0), -inf),
                    "actfn::threshold: value must be finite, got -inf");
}
