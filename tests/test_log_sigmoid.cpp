// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/log_sigmoid.hpp>

#include <cmath>
#include <limits>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("log_sigmoid: derivative matches finite differences", "[log_sigmoid]", float,
                   double) {
  using T = TestType;
  support::check_finite_differences<T>(actfn::log_sigmoid<T>{}, reference::log_sigmoid);
}

TEMPLATE_TEST_CASE("log_sigmoid: special values, every path; stable where log(sigmoid) is not",
                   "[log_sigmoid]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const T nan = limits::quiet_NaN(), inf = limits::infinity();
  const T log2 = T(0.693147180559945309417232121458L);
  support::check_exact_points<T>(actfn::log_sigmoid<T>{}, {{T(0), -log2, T(0.5)},
                                                           {-T(0), -log2, T(0.5)},
                                                           {inf, -T(0), T(0)},
                                                           {limits::max(), -T(0), T(0)},
                                                           {-inf, -inf, T(1)},
                                                           {-limits::max(), -limits::max(), T(1)},
                                                           {nan, nan, nan}});
  // Where sigmoid rounds to 1 (log gives 0) or to 0 (log gives -inf).
  const actfn::log_sigmoid<T> f;
  for (T x : {T(30), T(-120), T(-2000)}) {
    CHECK(support::ulp_error(f(x), reference::log_sigmoid(x)) <= 1);
  }
  CHECK(f(T(30)) < T(0));
  CHECK(std::isfinite(f(T(-120))));
}

TEMPLATE_TEST_CASE("log_sigmoid: second derivative", "[log_sigmoid]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::log_sigmoid<T> f;
  support::check_second_derivative_accuracy<T>("log_sigmoid", f,
                                               reference::log_sigmoid_second_derivative,
                                               support::accuracy_of<actfn::log_sigmoid<T>>.second_derivative_ulp);
  support::check_second_derivative_differences<T>(f, reference::log_sigmoid_derivative);
  support::check_exact_second_derivatives<T>(
      f, {{T(0), T(-0.25)}, {limits::infinity(), -T(0)}, {-limits::infinity(), -T(0)},
          {limits::quiet_NaN(), limits::quiet_NaN()}});
}
