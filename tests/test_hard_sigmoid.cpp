// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/hard_sigmoid.hpp>

#include <limits>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("hard_sigmoid: within 1 ULP of the line through its kinks", "[hard_sigmoid]",
                   float, double) {
  using T = TestType;
  // PyTorch's, Keras 2's, and parameters whose kinks are not exact in T.
  for (auto [slope, offset] : {std::pair<T, T>{T(1) / T(6), T(0.5)}, {T(0.2), T(0.5)},
                               {T(0.3), T(0.1)}, {T(4), T(-1.5)}}) {
    const actfn::hard_sigmoid<T> f(slope, offset);
    const T width = T(1) / slope, low = -offset * width;
    double worst = 0;
    for (T x : support::accuracy_sample<T>()) {
      const double error = support::ulp_error(f(x), reference::hard_sigmoid(x, low, width));
      worst = std::max(worst, error);
      REQUIRE(error <= actfn::descriptor<actfn::hard_sigmoid<T>>::forward_rounding_ulp);
      REQUIRE(f.derivative(x) == (x > low && x < T(low + width) ? slope : T(0)));
    }
    WARN("hard_sigmoid(" << double(slope) << ", " << double(offset) << ") max error " << worst
                         << " ULP");
  }
}

TEMPLATE_TEST_CASE("hard_sigmoid: kinks at -3 and 3 (PyTorch) and -2.5 and 2.5 (Keras), every path",
                   "[hard_sigmoid]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const T nan = limits::quiet_NaN(), inf = limits::infinity(), sixth = T(1) / T(6);
  support::check_exact_points<T>(actfn::hard_sigmoid<T>{}, {{T(-3), T(0), T(0)},
                                                            {T(3), T(1), T(0)},
                                                            {T(0), T(0.5), sixth},
                                                            {T(-1.5), T(0.25), sixth},
                                                            {-inf, T(0), T(0)},
                                                            {inf, T(1), T(0)},
                                                            {nan, nan, nan}});
  support::check_exact_points<T>(actfn::hard_sigmoid<T>(T(0.2), T(0.5)),
                                 {{T(-2.5), T(0), T(0)}, {T(2.5), T(1), T(0)}, {T(0), T(0.5), T(0.2)}});
  // Just inside the lower kink x - low is exact, so f is correctly rounded.
  const T x = std::nextafter(T(-3), T(0));
  CHECK(actfn::hard_sigmoid<T>{}(x) == static_cast<T>((reference::real(x) + 3) / 6));
}

TEMPLATE_TEST_CASE("hard_sigmoid: derivative matches finite differences, invalid parameters",
                   "[hard_sigmoid][errors]", float, double) {
  using T = TestType;
  support::check_finite_differences<T>(
      actfn::hard_sigmoid<T>{}, [](support::real x) { return reference::hard_sigmoid(x, -3, 6); },
      {-3, 3});
  CHECK_THROWS_WITH(actfn::hard_sigmoid<T>(T(0), T(0.5)),
                    "actfn::hard_sigmoid: slope = 0 and offset = 0.5 must give a positive slope "
                    "and finite kinks");
  CHECK_THROWS_WITH(actfn::hard_sigmoid<T>(T(-0.5), T(0.5)),
                    "actfn::hard_sigmoid: slope = -0.5 and offset = 0.5 must give a positive "
                    "slope and finite kinks");
  CHECK_THROWS_WITH(actfn::hard_sigmoid<T>(std::numeric_limits<T>::quiet_NaN(), T(0.5)),
                    "actfn::hard_sigmoid: slope must be finite, got nan");
  CHECK_THROWS_AS(actfn::hard_sigmoid<T>(std::numeric_limits<T>::denorm_min(), T(0.5)),
                  std::invalid_argument);  // width 1/slope overflows
}
