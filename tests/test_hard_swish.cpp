// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/hard_swish.hpp>

#include <limits>

#include "catch.hpp"
#include "support/checks.hpp"

TEMPLATE_TEST_CASE("hard_swish: kinks (PyTorch's f'(-3) = -1/2, f'(3) = 3/2), every path",
                   "[hard_swish]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const T nan = limits::quiet_NaN(), inf = limits::infinity();
  support::check_exact_points<T>(actfn::hard_swish<T>{}, {{T(-3), T(0), T(-0.5)},
                                                          {T(3), T(3), T(1.5)},
                                                          {T(-3.5), T(0), T(0)},
                                                          {T(3.5), T(3.5), T(1)},
                                                          {T(0), T(0), T(0.5)},
                                                          {T(-1.5), T(-0.375), T(0)},
                                                          {-inf, T(0), T(0)},
                                                          {inf, inf, T(1)},
                                                          {nan, nan, nan}});
  support::check_finite_differences<T>(actfn::hard_swish<T>{}, reference::hard_swish, {-3, 3});
}
