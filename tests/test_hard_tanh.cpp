// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/hard_tanh.hpp>

#include <limits>
#include <stdexcept>
#include <string>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("hard_tanh and relu6: exact over the finite range", "[hard_tanh]", float,
                   double) {
  using T = TestType;
  const auto check = [](actfn::hard_tanh<T> const& f, T min, T max) {
    CHECK(f.min() == min);
    CHECK(f.max() == max);
    for (T x : support::accuracy_sample<T>()) {
      REQUIRE(f(x) == (x <= min ? min : x >= max ? max : x));
      REQUIRE(f.derivative(x) == (x > min && x < max ? T(1) : T(0)));
    }
  };
  check(actfn::hard_tanh<T>{}, T(-1), T(1));
  check(actfn::hard_tanh<T>(T(-0.5), T(2.25)), T(-0.5), T(2.25));
  check(actfn::relu6<T>{}, T(0), T(6));
}

TEMPLATE_TEST_CASE("hard_tanh and relu6: kinks and special values, every path", "[hard_tanh]",
                   float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const T nan = limits::quiet_NaN(), inf = limits::infinity();
  // 0 at both kinks, as PyTorch's hardtanh_backward.
  support::check_exact_points<T>(actfn::hard_tanh<T>{}, {{T(-1), T(-1), T(0)},
                                                         {T(1), T(1), T(0)},
                                                         {T(0.5), T(0.5), T(1)},
                                                         {-T(0), -T(0), T(1)},
                                                         {-inf, T(-1), T(0)},
                                                         {inf, T(1), T(0)},
                                                         {nan, nan, nan}});
  // relu6(-0) = +0, as relu gives.
  support::check_exact_points<T>(actfn::relu6<T>{}, {{-T(0), T(0), T(0)},
                                                     {T(0), T(0), T(0)},
                                                     {T(6), T(6), T(0)},
                                                     {T(5.5), T(5.5), T(1)},
                                                     {T(-2), T(0), T(0)},
                                                     {limits::denorm_min(), limits::denorm_min(), T(1)},
                                                     {nan, nan, nan}});
}

TEMPLATE_TEST_CASE("hard_tanh: derivative matches finite differences", "[hard_tanh]", float,
                   double) {
  using T = TestType;
  support::check_finite_differences<T>(
      actfn::hard_tanh<T>(T(-2), T(3)),
      [](support::real x) -> support::real { return x <= -2 ? -2 : x >= 3 ? 3 : x; }, {-2, 3});
}

TEMPLATE_TEST_CASE("hard_tanh: invalid bounds", "[hard_tanh][errors]", float, double) {
  using T = TestType;
  CHECK_THROWS_WITH(actfn::hard_tanh<T>(T(2), T(1)),
                    "actfn::hard_tanh: min = 2 is greater than max = 1");
  CHECK_THROWS_WITH(actfn::hard_tanh<T>(std::numeric_limits<T>::quiet_NaN(), T(1)),
                    "actfn::hard_tanh: min must be finite, got nan");
  CHECK_THROWS_WITH(actfn::hard_tanh<T>(T(0), std::numeric_limits<T>::infinity()),
                    "actfn::hard_tanh: max must be finite, got inf");
  CHECK_NOTHROW(actfn::hard_tanh<T>(T(1), T(1)));  // a constant
}
