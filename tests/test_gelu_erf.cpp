// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/gelu_erf.hpp>

#include <limits>
#include <random>
#include <vector>

#include "catch.hpp"
#include "support/checks.hpp"
#include "support/reference.hpp"

// The only zero of gelu_erf'(x).
static constexpr support::real derivative_zero = reference::gelu_erf_derivative_zero;

// Densely where the function does its work: 2^22 evenly spread points of
// [-40, 40] (40 is the clamp), one random double in each step, and the
// points where an earlier kernel was off (4.66 ULP at x = -2.1950096).
TEST_CASE("gelu_erf: double, a dense sample of [-40, 40]", "[gelu_erf]") {
  const std::size_t count = (std::size_t(1) << 22) / support::sample_divisor();
  std::vector<double> xs{-0x1.18f6131250e4ep+1, 0x1.18f6131250e4ep+1};
  std::mt19937_64 random(2026);
  std::uniform_real_distribution<double> within(0, 1);
  const double step = 80.0 / double(count);
  for (std::size_t i = 0; i < count; ++i) xs.push_back(-40 + step * (double(i) + within(random)));
  const actfn::gelu_erf<double> f;
  std::vector<double> values(xs.size());
  actfn::forward(f, xs, values);
  const support::error_report forward = support::measure(xs, values, reference::gelu_erf);
  support::print("gelu_erf<double> forward, dense", forward);
  CHECK(forward.max_ulp <= support::accuracy_of<actfn::gelu_erf<double>>.forward_ulp);
  actfn::derivative(f, xs, values);
  const support::error_report derivative =
      support::measure(xs, values, reference::gelu_erf_derivative, {derivative_zero});
  support::print("gelu_erf<double> derivative, dense", derivative);
  CHECK(derivative.max_ulp <= support::accuracy_of<actfn::gelu_erf<double>>.derivative_ulp);
  CHECK(derivative.max_absolute_near_zero <= support::absolute_bound_near_zero<double>());
}

// Both precision tiers.
TEMPLATE_TEST_CASE("gelu_erf: derivative matches finite differences", "[gelu_erf]",
                   (actfn::gelu_erf<float>), (actfn::gelu_erf<double>),
                   (actfn::gelu_erf<float, actfn::fast>), (actfn::gelu_erf<double, actfn::fast>)) {
  support::check_finite_differences<typename TestType::value_type>(TestType{}, reference::gelu_erf);
}

TEMPLATE_TEST_CASE("gelu_erf: derivative near its zero", "[gelu_erf]", (actfn::gelu_erf<float>),
                   (actfn::gelu_erf<double>), (actfn::gelu_erf<float, actfn::fast>),
                   (actfn::gelu_erf<double, actfn::fast>)) {
  using T = typename TestType::value_type;
  support::check_derivative_beside_zero<T>(TestType{}, reference::gelu_erf_derivative,
                                           derivative_zero,
                                           support::accuracy_of<TestType>.derivative_ulp);
}

TEMPLATE_TEST_CASE("gelu_erf: tails and special values", "[gelu_erf]", (actfn::gelu_erf<float>),
                   (actfn::gelu_erf<double>), (actfn::gelu_erf<float, actfn::fast>),
                   (actfn::gelu_erf<double, actfn::fast>)) {
  using T = typename TestType::value_type;
  using limits = std::numeric_limits<T>;
  const TestType f;
  // No early underflow: gelu_erf(-10) = -7.6198530241605260659733432515993e-23.
  CHECK(f(T(-10)) < T(-7.6e-23));
  CHECK(support::ulp_error(f(T(-10)), reference::gelu_erf(-10)) <= 4);
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

TEMPLATE_TEST_CASE("gelu_erf: second derivative", "[gelu_erf]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const actfn::gelu_erf<T> f;
  support::check_second_derivative_accuracy<T>("gelu_erf", f,
                                               reference::gelu_erf_second_derivative,
                                               support::accuracy_of<actfn::gelu_erf<T>>.second_derivative_ulp);
  support::check_second_derivative_differences<T>(f, reference::gelu_erf_derivative);
  // Relative accuracy right at the zeros +-sqrt2 (the nearest T on both sides).
  const T root = static_cast<T>(reference::sqrt2);
  for (T x : {root, std::nextafter(root, T(0)), std::nextafter(root, T(2)), -root}) {
    INFO("x = " << double(x));
    CHECK(support::ulp_error(f.second_derivative(x), reference::gelu_erf_second_derivative(x)) <=
          support::accuracy_of<actfn::gelu_erf<T>>.second_derivative_ulp);
  }
  support::check_exact_second_derivatives<T>(
      f, {{limits::infinity(), -T(0)}, {-limits::infinity(), -T(0)}, {T(40), -T(0)},
          {limits::quiet_NaN(), limits::quiet_NaN()}});
}
