// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/gelu_tanh.hpp>

#include <limits>
#include <type_traits>

#include "catch.hpp"
#include "support/checks.hpp"
#include "support/reference.hpp"

// The only zero of gelu_tanh'(x).
static constexpr support::real derivative_zero = reference::gelu_tanh_derivative_zero;

// Both precision tiers.
TEMPLATE_TEST_CASE("gelu_tanh: derivative matches finite differences", "[gelu_tanh]",
                   (actfn::gelu_tanh<float>), (actfn::gelu_tanh<double>),
                   (actfn::gelu_tanh<float, actfn::fast>),
                   (actfn::gelu_tanh<double, actfn::fast>)) {
  support::check_finite_differences<typename TestType::value_type>(TestType{},
                                                                   reference::gelu_tanh);
}

TEMPLATE_TEST_CASE("gelu_tanh: derivative near its zero", "[gelu_tanh]", (actfn::gelu_tanh<float>),
                   (actfn::gelu_tanh<double>), (actfn::gelu_tanh<float, actfn::fast>),
                   (actfn::gelu_tanh<double, actfn::fast>)) {
  using T = typename TestType::value_type;
  support::check_derivative_beside_zero<T>(TestType{}, reference::gelu_tanh_derivative,
                                           derivative_zero,
                                           support::accuracy_of<TestType>.derivative_ulp);
}

TEMPLATE_TEST_CASE("gelu_tanh: tails and special values", "[gelu_tanh]", (actfn::gelu_tanh<float>),
                   (actfn::gelu_tanh<double>), (actfn::gelu_tanh<float, actfn::fast>),
                   (actfn::gelu_tanh<double, actfn::fast>)) {
  using T = typename TestType::value_type;
  using limits = std::numeric_limits<T>;
  const TestType f;
  // 1 + tanh(u) would cancel to 0 here.
  CHECK(f(T(-10)) < T(0));
  CHECK(support::ulp_error(f(T(-10)), reference::gelu_tanh(-10)) <= 4);
  CHECK(support::same(f(T(0)), T(0)));
  if constexpr (actfn::is_fast_v<typename TestType::precision>) {
    CHECK(support::ulp_error(f.derivative(T(0)), 0.5) <=
          support::accuracy_of<TestType>.derivative_ulp);
  } else {
    CHECK(f.derivative(T(0)) == T(0.5));
  }
  CHECK(f(limits::infinity()) == limits::infinity());
  CHECK(f(-limits::infinity()) == T(0));
  CHECK(f(limits::max()) == limits::max());
  CHECK(f(-limits::max()) == T(0));
  CHECK(f.derivative(limits::infinity()) == T(1));
  CHECK(f.derivative(-limits::infinity()) == T(0));
  CHECK(std::isnan(f(limits::quiet_NaN())));
  CHECK(std::isnan(f.derivative(limits::quiet_NaN())));
}

TEMPLATE_TEST_CASE("gelu_tanh: second derivative", "[gelu_tanh]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::gelu_tanh<T> f;
  // float: relative everywhere; double: in ULP of the terms' scale.
  support::check_second_derivative_accuracy<T>(
      "gelu_tanh", f, reference::gelu_tanh_second_derivative,
      [](support::real x) {
        return std::is_same<T, float>::value ? 0 : reference::gelu_tanh_second_derivative_scale(x);
      },
      support::accuracy_of<actfn::gelu_tanh<T>>.second_derivative_ulp);
  support::check_second_derivative_differences<T>(f, reference::gelu_tanh_derivative);
  support::check_exact_second_derivatives<T>(
      f, {{limits::infinity(), -T(0)}, {-limits::infinity(), -T(0)}, {T(30), -T(0)},
          {limits::quiet_NaN(), limits::quiet_NaN()}});
}
