// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The lane primitives mean the same on scalars and on batches of every
// architecture xsimd was built for, including where xsimd itself differs:
// xsimd 8's AVX-512 fma is unfused, its != is ordered, and its -x is 0 - x;
// and the error-free steps are exact with FMA and without.
#include <actfn/detail/double_word.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <type_traits>

#include "catch.hpp"
#include "support/checks.hpp"

namespace {

template <class T>
using batch = xsimd::batch<T>;

}  // namespace

TEMPLATE_TEST_CASE("simd: multiply_add is fused exactly where the target has FMA", "[simd]",
                   float, double) {
  using T = TestType;
  // (1 + eps) * (1 - eps) = 1 - eps^2: only a fused step keeps the -eps^2.
  const T eps = std::numeric_limits<T>::epsilon();
  const T a = 1 + eps, b = 1 - eps;
  const T scalar = actfn::detail::multiply_add(a, b, T(-1));
  const T lane = actfn::detail::multiply_add(batch<T>(a), batch<T>(b), batch<T>(T(-1))).get(0);
  CHECK(scalar == (ACTFN_HAS_FMA ? -eps * eps : T(0)));
  CHECK(support::same(lane, scalar));
}

// The error-free steps are exact on every target, FMA or not, scalar and SIMD
// alike; libm's std::fma (correctly rounded, in software where the target has
// no FMA) is the reference.
TEMPLATE_TEST_CASE("simd: two_product, minus_product and two_word_multiply_add are exact",
                   "[simd]", float, double) {
  using T = TestType;
  std::mt19937_64 random(17);
  std::uniform_real_distribution<T> mantissa(T(1), T(2));
  // Products from 2^-80 to 2^80: their low words are normal numbers.
  std::uniform_int_distribution<int> exponent(-40, 40);
  const auto draw = [&] {
    const T v = std::ldexp(mantissa(random), exponent(random));
    return (random() & 1) ? v : -v;
  };
  // Huge factors (split after scaling) with small ones, zeros and infinities.
  const T max = std::numeric_limits<T>::max(), inf = std::numeric_limits<T>::infinity();
  for (T huge : {max, -max, max / 3, std::ldexp(T(1.75), std::numeric_limits<T>::max_exponent - 20)}) {
    for (T small : {T(0.5), T(-0.75), T(1) / 3, T(1)}) {
      CAPTURE(huge, small);
      for (const auto& product :
           {actfn::detail::two_product(huge, small), actfn::detail::two_product(small, huge)}) {
        REQUIRE(product.high == huge * small);
        REQUIRE(product.low == std::fma(huge, small, -product.high));
      }
    }
  }
  CHECK(actfn::detail::two_product(T(0), T(3)).low == 0);
  CHECK(actfn::detail::two_product(inf, T(3)).high == inf);
  for (int i = 0; i < 100000; ++i) {
    const T a = draw(), b = draw();
    CAPTURE(a, b);
    const auto scalar = actfn::detail::two_product(a, b);
    const auto lanes = actfn::detail::two_product(batch<T>(a), batch<T>(b));
    REQUIRE(scalar.high == a * b);
    REQUIRE(scalar.low == std::fma(a, b, -scalar.high));
    REQUIRE(lanes.high.get(0) == scalar.high);
    REQUIRE(lanes.low.get(0) == scalar.low);

    // A division's residual n - q d, q = n / d rounded: exact.
    const T n = a, d = b, q = n / d;
    const T residual = actfn::detail::minus_product(n, q, d);
    REQUIRE(residual == std::fma(-q, d, n));
    REQUIRE(actfn::detail::minus_product(batch<T>(n), batch<T>(q), batch<T>(d)).get(0) ==
            residual);
    // Any c - a b: within an ULP of the correctly rounded value.
    const T c = draw();
    const T fused = std::fma(-a, b, c);
    const T unfused = actfn::detail::minus_product(c, a, b);
    if (fused != unfused) {
      REQUIRE(std::fabs(fused - unfused) <= std::fabs(fused) * 2 * std::numeric_limits<T>::epsilon());
    }

    // a b + c with |a b| <= |c| / 2 (so that c - high is exact): high + low
    // is the exact sum to the product's precision (2^-2p relative).
    const T big = std::fabs(a * b) <= std::fabs(c) / 2 ? c : std::copysign(4 * std::fabs(a * b), c);
    const auto sum = actfn::detail::two_word_multiply_add(a, b, big);
    const auto sum_lanes = actfn::detail::two_word_multiply_add(batch<T>(a), batch<T>(b),
                                                                batch<T>(big));
    REQUIRE(sum.high == (ACTFN_HAS_FMA ? std::fma(a, b, big) : a * b + big));
    const T error_of_high = std::fma(a, b, big - sum.high);  // big - high is exact (Sterbenz)
    REQUIRE(std::fabs(sum.low - error_of_high) <=
            std::fabs(sum.high) * std::ldexp(T(1), -2 * std::numeric_limits<T>::digits + 1));
    REQUIRE(sum_lanes.high.get(0) == sum.high);
    REQUIRE(sum_lanes.low.get(0) == sum.low);
  }
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
