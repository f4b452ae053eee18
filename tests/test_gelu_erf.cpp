// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/gelu_erf.hpp>

#include <limits>

#include "catch.hpp"
#include "support/checks.hpp"
#include "support/reference.hpp"

// The only zero of gelu_erf'(x).
static constexpr support::real derivative_zero = reference::gelu_erf_derivative_zero;

TEMPLATE_TEST_CASE("gelu_erf: accuracy over the finite range", "[gelu_erf]", float, double) {
  support::check_accuracy<TestType>("gelu_erf", actfn::gelu_erf<TestType>{}, reference::gelu_erf,
                                    reference::gelu_erf_derivative,
                                    support::contract::gelu_erf<TestType>, {derivative_zero});
}

TEMPLATE_TEST_CASE("gelu_erf: derivative matches finite differences", "[gelu_erf]", float, double) {
  support::check_finite_differences<TestType>(actfn::gelu_erf<TestType>{}, reference::gelu_erf);
}

TEMPLATE_TEST_CASE("gelu_erf: derivative near its zero", "[gelu_erf]", float, double) {
  using T = TestType;
  support::check_derivative_beside_zero<T>(actfn::gelu_erf<T>{}, reference::gelu_erf_derivative,
                                           derivative_zero,
                                           support::contract::gelu_erf<T>.derivative_ulp);
}

TEMPLATE_TEST_CASE("gelu_erf: tails and special values", "[gelu_erf]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::gelu_erf<T> f;
  // No early underflow: gelu_erf(-10) = -7.6198530241605260659733432515993e-23.
  CHECK(f(T(-10)) < T(-7.6e-23));
  CHECK(support::ulp_error(f(T(-10)), reference::gelu_erf(-10)) <= 4);
  CHECK(support::same(f(T(0)), T(0)));
  CHECK(f.derivative(T(0)) == T(0.5));
  CHECK(f(limits::infinity()) == limits::infinity());
  CHECK(f(-limits::infinity()) == T(0));
  CHECK(f(limits::max()) == limits::max());
  CHECK(f(-limits::max()) == T(0));
  CHECK(f.derivative(limits::infinity()) == T(1));
  CHECK(f.derivative(-limits::infinity()) == T(0));
  CHECK(std::isnan(f(limits::quiet_NaN())));
  CHECK(std::isnan(f.derivative(limits::quiet_NaN())));
}
