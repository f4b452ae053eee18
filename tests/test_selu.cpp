// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/selu.hpp>

#include <limits>

#include "catch.hpp"
#include "support/checks.hpp"
#include "support/reference.hpp"

TEMPLATE_TEST_CASE("selu: derivative matches finite differences", "[selu]", float, double) {
  support::check_finite_differences<TestType>(actfn::selu<TestType>{}, reference::selu, {0});
}

TEMPLATE_TEST_CASE("selu: constants are correctly rounded", "[selu]", float, double) {
  using T = TestType;
  CHECK(actfn::selu<T>::lambda == static_cast<T>(reference::selu_lambda));
  CHECK(actfn::selu<T>::alpha == static_cast<T>(reference::selu_alpha));
  // lambda * alpha = 1.75809934084737685994021752...
  CHECK(actfn::selu<T>::lambda_alpha == static_cast<T>(1.7580993408473768599402175208123L));
}

TEMPLATE_TEST_CASE("selu: kink convention and special values", "[selu]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::selu<T> f;
  CHECK(support::same(f(T(0)), T(0)));
  CHECK(support::same(f(-T(0)), -T(0)));
  CHECK(f.derivative(T(0)) == actfn::selu<T>::lambda_alpha);
  CHECK(f.derivative(T(1)) == actfn::selu<T>::lambda);
  CHECK(f(-limits::infinity()) == -actfn::selu<T>::lambda_alpha);
  CHECK(f(limits::infinity()) == limits::infinity());
  // lambda * x overflows where the exact product does, not before.
  for (T x : {T(limits::max() / reference::selu_lambda), T(limits::max() / T(1.0507))}) {
    CAPTURE(x);
    CHECK(support::ulp_error(f(x), reference::selu(x)) <= 1);
  }
  CHECK(support::same(f.derivative(-limits::infinity()), T(0)));
  CHECK(std::isnan(f(limits::quiet_NaN())));
  CHECK(std::isnan(f.derivative(limits::quiet_NaN())));
}

TEMPLATE_TEST_CASE("selu: second derivative", "[selu]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::selu<T> f;
  support::check_second_derivative_accuracy<T>("selu", f, reference::selu_second_derivative,
                                               support::accuracy_of<actfn::selu<T>>.second_derivative_ulp);
  support::check_second_derivative_differences<T>(f, reference::selu_derivative, {0});
  support::check_exact_second_derivatives<T>(
      f, {{T(0), actfn::selu<T>::lambda_alpha}, {limits::min(), T(0)}, {limits::infinity(), T(0)},
          {-limits::infinity(), T(0)}, {limits::quiet_NaN(), limits::quiet_NaN()}});
}
