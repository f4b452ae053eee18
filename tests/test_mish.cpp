// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/mish.hpp>

#include <limits>
#include <type_traits>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("mish: relative accuracy of f' right beside its zero", "[mish]", float, double) {
  using T = TestType;
  support::check_derivative_beside_zero<T>(actfn::mish<T>{}, reference::mish_derivative,
                                           reference::mish_derivative_zero,
                                           support::accuracy_of<actfn::mish<T>>.derivative_ulp);
}

TEMPLATE_TEST_CASE("mish: derivative matches finite differences", "[mish]", float, double) {
  using T = TestType;
  support::check_finite_differences<T>(actfn::mish<T>{}, reference::mish);
}

TEMPLATE_TEST_CASE("mish: special values, every path", "[mish]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const T nan = limits::quiet_NaN(), inf = limits::infinity();
  // f'(0) = tanh(log 2) = 3/5.
  support::check_exact_points<T>(actfn::mish<T>{}, {{T(0), T(0), T(0.6)},
                                                    {-T(0), -T(0), T(0.6)},
                                                    {inf, inf, T(1)},
                                                    {limits::max(), limits::max(), T(1)},
                                                    {-inf, -T(0), T(0)},
                                                    {-limits::max(), -T(0), T(0)},
                                                    {nan, nan, nan}});
  // Where f is subnormal it keeps its accuracy (x e^x rounded once).
  const actfn::mish<T> f;
  const T deep = std::is_same<T, float>::value ? T(-95) : T(-720);
  CHECK(support::ulp_error(f(deep), reference::mish(deep)) <= support::accuracy_of<actfn::mish<T>>.forward_ulp);
  CHECK(support::ulp_error(f.derivative(deep), reference::mish_derivative(deep)) <=
        support::accuracy_of<actfn::mish<T>>.derivative_ulp);
}

TEMPLATE_TEST_CASE("mish: second derivative", "[mish]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::mish<T> f;
  // float: relative everywhere; double: in ULP of the terms' scale.
  support::check_second_derivative_accuracy<T>(
      "mish", f, reference::mish_second_derivative,
      [](support::real x) {
        return std::is_same<T, float>::value ? 0 : reference::mish_second_derivative_scale(x);
      },
      support::accuracy_of<actfn::mish<T>>.second_derivative_ulp);
  support::check_second_derivative_differences<T>(f, reference::mish_derivative);
  support::check_exact_second_derivatives<T>(
      f, {{T(0), T(0.64)}, {limits::infinity(), -T(0)}, {-limits::infinity(), -T(0)},
          {limits::quiet_NaN(), limits::quiet_NaN()}});
}
