// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Two-word (error-free) arithmetic on the lane operations of lanes.hpp: a
// value as high + low, and the sums and products whose rounding error is
// kept exactly (two_sum, two_product, minus_product), on every target, with
// FMA or without. What the accurate kernels build their last ULP from.
#pragma once

#include "actfn/detail/namespace.hpp"

#include <cmath>
#include <limits>

#include "actfn/detail/lanes.hpp"

ACTFN_NAMESPACE_BEGIN
namespace detail {

// Error-free products. With FMA the rounding error of a * b is one fused
// step; without it, float lanes take the product in double, and double
// lanes Dekker's product: Veltkamp's split of each factor into halves of at
// most ceil(digits / 2) bits, whose four products are exact. Exact for every
// a * b whose low word is not below the subnormal range, as with FMA.
template <class V>
struct double_word {
  V high;
  V low;
};

#if !ACTFN_HAS_FMA
// Veltkamp's split: v = high + low, high with the upper ceil(digits / 2)
// bits of v (rounded), low the rest, both exact (no FMA, so nothing can be
// contracted here), for |v| <= limit, where splitter * v cannot overflow.
template <class T>
struct veltkamp {
  static constexpr int half = (std::numeric_limits<T>::digits + 1) / 2;
  static constexpr T splitter = power_of_2<T>(half) + 1;
  // 2^114 (float), 2^995 (double), and the scaling that brings any finite
  // value below it and back.
  static constexpr T limit = power_of_2<T>(std::numeric_limits<T>::max_exponent - half - 2);
  static constexpr T down = power_of_2<T>(-(half + 2));
  static constexpr T up = power_of_2<T>(half + 2);
};
template <class V>
inline double_word<V> veltkamp_split(V const& v) {
  const V big = V(veltkamp<scalar_of_t<V>>::splitter) * v;
  const V high = big - (big - v);
  return {high, v - high};
}

// The low word of a * b = high + low, without FMA: Dekker's product. A
// factor beyond veltkamp::limit is scaled down by a power of 2 first, and the
// low word scaled back up (both exact; when both factors are that large,
// a * b has overflowed and high is infinite).
template <class V>
inline V dekker_low_word(V const& a, V const& b, V const& high) {
  using split = veltkamp<scalar_of_t<V>>;
  const auto a_large = detail::abs(a) > V(split::limit);
  const auto b_large = detail::abs(b) > V(split::limit);
  const V a_scale = detail::select(a_large, V(split::down), V(1));
  const V b_scale = detail::select(b_large, V(split::down), V(1));
  const double_word<V> a_split = detail::veltkamp_split(a * a_scale);
  const double_word<V> b_split = detail::veltkamp_split(b * b_scale);
  const V scaled_high = high * a_scale * b_scale;
  const V scaled_low = ((a_split.high * b_split.high - scaled_high) + a_split.high * b_split.low +
                        a_split.low * b_split.high) +
                       a_split.low * b_split.low;
  return scaled_low * detail::select(detail::either(a_large, b_large), V(split::up), V(1));
}

// For float lanes the product in double is exact (24 + 24 bits), and so is
// its difference with the float high; rounding that to float gives the
// FMA's low word bit for bit (subnormal and infinite ones included), in
// fewer instructions than Dekker's split and with no scaling near overflow.
// Scalars, SSE and AVX batches; other float batches use Dekker's.
inline float low_word_in_double(float a, float b, float high) {
  const double exact = static_cast<double>(a) * static_cast<double>(b);
  return static_cast<float>(exact - static_cast<double>(high));
}
template <class A>
inline xsimd::batch<float, A> low_word_in_double(xsimd::batch<float, A> const& a,
                                                 xsimd::batch<float, A> const& b,
                                                 xsimd::batch<float, A> const& high) {
  if constexpr (native::widens_in_registers<A>) {
    const auto a_halves = native::widen(a), b_halves = native::widen(b);
    const auto high_halves = native::widen(high);
    return native::narrow(a_halves[0] * b_halves[0] - high_halves[0],
                          a_halves[1] * b_halves[1] - high_halves[1]);
  } else {
    return detail::dekker_low_word(a, b, high);
  }
}
template <class A>
inline xsimd::batch<double, A> low_word_in_double(xsimd::batch<double, A> const& a,
                                                  xsimd::batch<double, A> const& b,
                                                  xsimd::batch<double, A> const& high) {
  return detail::dekker_low_word(a, b, high);
}
inline double low_word_in_double(double a, double b, double high) {
  return detail::dekker_low_word(a, b, high);
}
#endif

// a * b = high + low exactly: the FMA's rounding error where the target has
// one; elsewhere the product in double for float lanes, Dekker's for double.
template <class V>
inline double_word<V> two_product(V const& a, V const& b) {
  const V high = detail::as_rounded(a * b);
#if ACTFN_HAS_FMA
  return {high, detail::multiply_add(a, b, detail::negate(high))};
#else
  return {high, detail::low_word_in_double(a, b, high)};
#endif
}

// c - a * b with the product exact: rounded once with FMA; without it,
// (c - high) - low from two_product, exact in its first step where
// c / 2 <= a * b <= 2c (Sterbenz), so within an ULP of the exact value and
// exact where that is representable, as a division's residual
// n - q * d is for a quotient q of n / d.
template <class V>
inline V minus_product(V const& c, V const& a, V const& b) {
#if ACTFN_HAS_FMA
  return detail::multiply_add(detail::negate(a), b, c);
#else
  const double_word<V> product = detail::two_product(a, b);
  return (c - product.high) - product.low;
#endif
}

// a + b = high + low exactly, for |a| >= |b| (or a = 0) (Dekker's fast two-sum).
template <class V>
inline double_word<V> fast_two_sum(V const& a, V const& b) {
  const V high = a + b;
  return {high, b - (high - a)};
}

// a + b = high + low exactly, for any order of magnitudes (Knuth's two-sum).
template <class V>
inline double_word<V> two_sum(V const& a, V const& b) {
  const V high = a + b;
  const V b_part = high - a;
  return {high, (a - (high - b_part)) + (b - b_part)};
}

// a * b + c = high + low, for |a * b| <= |c| or c = 0: high is a * b + c
// rounded once (twice without FMA), low its rounding error to the product's
// own precision (the error of a * b + c rounded once with FMA, exact without:
// the product is split by two_product and the sum by fast_two_sum).
template <class V>
inline double_word<V> two_word_multiply_add(V const& a, V const& b, V const& c) {
#if ACTFN_HAS_FMA
  const V high = detail::multiply_add(a, b, c);
  // c - high is exact (Sterbenz) while |a * b| <= |c|.
  return {high, detail::multiply_add(a, b, c - high)};
#else
  const double_word<V> product = detail::two_product(a, b);
  const double_word<V> sum = detail::fast_two_sum(c, product.high);
  return {sum.high, sum.low + product.low};
#endif
}

// a * b + c rounded once: the fused step where the target has FMA;
// elsewhere the exact product and sum in two words, added (within
// 2^-digits of an ULP more). For the steps whose error bound counts on one
// rounding.
template <class V>
inline V fused_multiply_add(V const& a, V const& b, V const& c) {
#if ACTFN_HAS_FMA
  return detail::multiply_add(a, b, c);
#else
  const double_word<V> product = detail::two_product(a, b);
  const double_word<V> sum = detail::two_sum(product.high, c);
  // An infinite (or NaN) sum keeps its value: its low words are NaN.
  return detail::select(detail::abs(sum.high) == V(std::numeric_limits<scalar_of_t<V>>::infinity()),
                        sum.high, sum.high + (sum.low + product.low));
#endif
}

// A compensated sum in each lane of V (Ogita, Rump and Oishi's Sum2 and
// Dot2): every addition's rounding error is captured exactly by two_sum and
// added up separately, so the total is as good as one computed in twice the
// precision and rounded: within about 1 ULP of the exact sum plus n^2 eps^2 of
// the sum of magnitudes, for terms in any order and of any size (plain
// summation drifts by up to n ULP; Kahan's loses terms larger than the sum so
// far). No product is left for the compiler to contract.
template <class V>
class compensated_sum {
 public:
  void add(V const& term) {
    const double_word<V> next = detail::two_sum(sum_, term);
    sum_ = next.high;
    correction_ = correction_ + next.low;
  }
  // Adds high + low, a term carried as two words.
  void add(double_word<V> const& term) {
    add(term.high);
    correction_ = correction_ + term.low;
  }
  // Adds a * b, exactly split into two terms by two_product.
  void add_product(V const& a, V const& b) { add(detail::two_product(a, b)); }
  // The lanes' totals are sum() + correction().
  V sum() const { return sum_; }
  V correction() const { return correction_; }

 private:
  V sum_ = V(0);
  V correction_ = V(0);
};

}  // namespace detail
ACTFN_NAMESPACE_END
