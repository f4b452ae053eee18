// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The lane primitives mean the same on scalars and on batches of every
// architecture xsimd was built for, including where xsimd itself differs:
// xsimd 8's AVX-512 fma is unfused, its != is ordered, and its -x is 0 - x.
#include <actfn/detail/simd.hpp>

#include <cmath>
#include <limits>
#include <type_traits>

#include "catch.hpp"
#include "support/checks.hpp"

namespace {

template <class T>
using batch = xsimd::batch<T>;

}  // namespace

TEMPLATE_TEST_CASE("simd: fma is fused on scalars and batches alike", "[simd]", float, double) {
  using T = TestType;
  // (1 + eps) * (1 - eps) = 1 - eps^2: only a fused step keeps the -eps^2.
  const T eps = std::numeric_limits<T>::epsilon();
  const T a = 1 + eps, b = 1 - eps;
  const T scalar = actfn::detail::fma(a, b, T(-1));
  const T lane = actfn::detail::fma(batch<T>(a), batch<T>(b), batch<T>(T(-1))).get(0);
  CHECK(scalar == -eps * eps);
  CHECK(lane == scalar);
  const auto product = actfn::detail::two_product(batch<T>(a), batch<T>(b));
  CHECK(product.high.get(0) == T(1));
  CHECK(product.low.get(0) == -eps * eps);
}

TEMPLATE_TEST_CASE("simd: negate and is_nan follow IEEE on batches", "[simd]", float, double) {
  using T = TestType;
  const T nan = std::numeric_limits<T>::quiet_NaN();
  CHECK(std::signbit(actfn::detail::negate(batch<T>(T(0))).get(0)));
  CHECK(!std::signbit(actfn::detail::negate(batch<T>(-T(0))).get(0)));
  CHECK(actfn::detail::negate(batch<T>(T(2.5))).get(0) == T(-2.5));
  CHECK(std::signbit(actfn::detail::negate(T(0))));
  CHECK(actfn::detail::is_nan(batch<T>(nan)).get(0));
  CHECK(!actfn::detail::is_nan(batch<T>(std::numeric_limits<T>::infinity())).get(0));
  CHECK(actfn::detail::is_nan(nan));
  CHECK(std::isnan(actfn::detail::keep_nan(batch<T>(nan), batch<T>(T(1))).get(0)));
}

TEMPLATE_TEST_CASE("simd: pow2 is exact over the normal range", "[simd]", float, double) {
  using T = TestType;
  for (int n = std::numeric_limits<T>::min_exponent - 1; n < std::numeric_limits<T>::max_exponent;
       ++n) {
    const T expected = std::ldexp(T(1), n);
    REQUIRE(actfn::detail::pow2(T(n)) == expected);
    REQUIRE(actfn::detail::pow2(batch<T>(T(n))).get(0) == expected);
  }
}

// The scalar path (two exact halves) and the batch path (vscalef on AVX-512)
// both round v * 2^n once, as std::ldexp does, subnormal and overflowing
// results included.
TEMPLATE_TEST_CASE("simd: scale_by_power_of_2 rounds once, like ldexp", "[simd]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  // From below the subnormal range (results that round to 0) to overflow.
  const int lowest = limits::min_exponent - limits::digits - 3;
  // Also factors near the bottom of the normal range (where halving n used to
  // round twice: found by the fuzzer), subnormal ones and large ones.
  for (T v : {T(1), T(-1.75), T(1) + limits::epsilon(), T(1.5) - limits::epsilon(),
              T(3) * limits::epsilon() + T(1.25), limits::min() * T(1.08203125),
              -limits::min() * (T(3) + limits::epsilon() * 8), limits::denorm_min() * T(5),
              limits::max() * T(0.75)}) {
    for (int n = lowest; n <= limits::max_exponent + 2; ++n) {
      CAPTURE(v, n);
      const T expected = std::ldexp(v, n);
      REQUIRE(support::same(actfn::detail::scale_by_power_of_2(v, T(n)), expected));
      REQUIRE(support::same(actfn::detail::scale_by_power_of_2(batch<T>(v), batch<T>(T(n))).get(0),
                            expected));
    }
  }
}

TEST_CASE("simd: in_double_precision rounds each lane's double result once", "[simd]") {
  // For x = 2^24 + 2k, (x + 1) - x is exactly 1 in double and 0 or 2 in float
  // (x + 1 is a float tie), so a lane computed in float shows; x / 3 makes
  // every lane's result different, so a lane that took another's shows.
  const auto kernel = [](auto const& x) {
    using V = std::decay_t<decltype(x)>;
    return ((x + V(1)) - x) * x / V(3);
  };
  float lanes[batch<float>::size];
  for (float first = 0x1p24f; first < 0x1p24f + 4096; first += 2 * batch<float>::size) {
    for (std::size_t i = 0; i < batch<float>::size; ++i) lanes[i] = first + 2 * float(i);
    const batch<float> result =
        actfn::detail::in_double_precision(batch<float>::load_unaligned(lanes), kernel);
    for (std::size_t i = 0; i < batch<float>::size; ++i) {
      CAPTURE(lanes[i]);
      const float expected = static_cast<float>(static_cast<double>(lanes[i]) / 3);
      REQUIRE(support::same(result.get(i), expected));
      REQUIRE(support::same(actfn::detail::in_double_precision(lanes[i], kernel), expected));
    }
  }
}
