// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The few operations every activation is written in, for a lane type V that is
// either a scalar T or an xsimd::batch<T, A>. Each operation has exactly one
// meaning for both, so a formula written once gives the same bits in a SIMD
// lane and in a scalar call:
// - select, min/max keep NaN the same way (a comparison with NaN is false);
// - multiply_add is fused on both when the target has FMA, and plain a*b + c
//   on both when it does not (xsimd's batch fma is unfused there, so std::fma
//   may not be used); no result may depend on which: the steps that need an
//   exact product (two_product, minus_product, two_word_multiply_add) say so
//   in their names and are exact on every target;
// - pow2 is exact, so how it is built may differ.
// The parts that differ by architecture are in native.hpp; the two-word
// (error-free) arithmetic built on these is in double_word.hpp.
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <type_traits>

#include "actfn/detail/native.hpp"

ACTFN_NAMESPACE_BEGIN
namespace detail {

// scalar_of<V>::type is the element type of a lane type.
template <class V>
struct scalar_of {
  using type = V;
};
template <class T, class A>
struct scalar_of<xsimd::batch<T, A>> {
  using type = T;
};
template <class V>
using scalar_of_t = typename scalar_of<V>::type;

// Restricts a member template to V = T or V = xsimd::batch<T, A>.
template <class V, class T>
using enable_for_lanes_of =
    std::enable_if_t<std::is_floating_point<T>::value && std::is_same<scalar_of_t<V>, T>::value,
                     int>;

// The element type of a range (anything with data() and size()), const or
// not as data() gives it.
template <class Range>
using range_element_t = std::remove_pointer_t<decltype(std::data(std::declval<Range&>()))>;

// Enables a range overload where every range holds T (const or not), so that
// a mismatch is a compile error naming the overload, not a conversion. Every
// range overload in actfn is constrained by it.
template <class T, class... Ranges>
using enable_for_ranges_of = std::enable_if_t<
    std::conjunction<std::is_same<std::remove_const_t<range_element_t<Ranges>>, T>...>::value, int>;

// The scalar overloads take only float and double, so that a batch never
// matches them by deduction.
template <class T>
using if_scalar = std::enable_if_t<std::is_floating_point<T>::value, int>;

template <class T, if_scalar<T> = 0>
inline T select(bool condition, T if_true, T if_false) {
  return condition ? if_true : if_false;
}
template <class T, class A>
inline xsimd::batch<T, A> select(xsimd::batch_bool<T, A> const& condition,
                                 xsimd::batch<T, A> const& if_true,
                                 xsimd::batch<T, A> const& if_false) {
  return xsimd::select(condition, if_true, if_false);
}

inline bool both(bool a, bool b) { return a && b; }
template <class T, class A>
inline xsimd::batch_bool<T, A> both(xsimd::batch_bool<T, A> const& a,
                                    xsimd::batch_bool<T, A> const& b) {
  return a & b;
}

inline bool either(bool a, bool b) { return a || b; }
template <class T, class A>
inline xsimd::batch_bool<T, A> either(xsimd::batch_bool<T, A> const& a,
                                      xsimd::batch_bool<T, A> const& b) {
  return a | b;
}

using native::as_rounded;

// a * b + c: rounded once where the target has FMA, twice where it does not
// (the x86-64 baseline, x86-64-v2), the same on scalars and batches either
// way. For steps whose error bound allows both (Horner's rule, sums of terms
// of one sign); a step that relies on the product being exact uses the
// error-free operations of double_word.hpp instead.
template <class T, if_scalar<T> = 0>
inline T multiply_add(T a, T b, T c) {
#if ACTFN_HAS_FMA
  return std::fma(a, b, c);
#else
  // as_rounded: clang contracts a * b + c even when it folds constants, which
  // the batches' step never is.
  return detail::as_rounded(a * b) + c;
#endif
}
template <class T, class A>
inline xsimd::batch<T, A> multiply_add(xsimd::batch<T, A> const& a, xsimd::batch<T, A> const& b,
                                       xsimd::batch<T, A> const& c) {
  return native::fma(a, b, c);
}

// a / b, IEEE's correctly rounded quotient on every lane type (native.hpp
// says where xsimd's is not).
template <class T, if_scalar<T> = 0>
inline T quotient(T a, T b) {
  return a / b;
}
template <class T, class A>
inline xsimd::batch<T, A> quotient(xsimd::batch<T, A> const& a, xsimd::batch<T, A> const& b) {
  return native::divide(a, b);
}

template <class T, if_scalar<T> = 0>
inline T abs(T x) {
  return std::fabs(x);
}
template <class T, class A>
inline xsimd::batch<T, A> abs(xsimd::batch<T, A> const& x) {
  return xsimd::abs(x);
}

// The correctly rounded square root (IEEE's, on every target).
template <class T, if_scalar<T> = 0>
inline T square_root(T x) {
  return std::sqrt(x);
}
template <class T, class A>
inline xsimd::batch<T, A> square_root(xsimd::batch<T, A> const& x) {
  return xsimd::sqrt(x);
}

// -x, flipping the sign bit as IEEE negation does (xsimd 8 computes a batch's
// -x as 0 - x, which turns -(+0) into +0 where the scalar gives -0).
template <class T, if_scalar<T> = 0>
inline T negate(T x) {
  return -x;
}
template <class T, class A>
inline xsimd::batch<T, A> negate(xsimd::batch<T, A> const& x) {
  return x ^ xsimd::batch<T, A>(T(-0.0));
}

// |magnitude| with the sign bit of sign (keeps the sign of zeros and NaNs).
template <class T, if_scalar<T> = 0>
inline T copy_sign(T magnitude, T sign) {
  return std::copysign(magnitude, sign);
}
template <class T, class A>
inline xsimd::batch<T, A> copy_sign(xsimd::batch<T, A> const& magnitude,
                                    xsimd::batch<T, A> const& sign) {
  return xsimd::copysign(magnitude, sign);
}

// -|x|, by setting the sign bit (one operation where negate(abs(x)) is two).
template <class T, if_scalar<T> = 0>
inline T negative_abs(T x) {
  return -std::fabs(x);
}
template <class T, class A>
inline xsimd::batch<T, A> negative_abs(xsimd::batch<T, A> const& x) {
  return x | xsimd::batch<T, A>(T(-0.0));
}

// Not x != x: xsimd 8's AVX-512 != is an ordered comparison, false for NaN.
template <class T, if_scalar<T> = 0>
inline bool is_nan(T x) {
  return std::isnan(x);
}
template <class T, class A>
inline xsimd::batch_bool<T, A> is_nan(xsimd::batch<T, A> const& x) {
  return xsimd::isnan(x);
}

// Clamps that let NaN through (a comparison with NaN is false).
template <class V>
inline V clamp_below(V const& x, V const& lowest) {
  return detail::select(x < lowest, lowest, x);
}
template <class V>
inline V clamp_above(V const& x, V const& highest) {
  return detail::select(x > highest, highest, x);
}

// value where x is a number, NaN where x is NaN: for results that do not
// otherwise depend on x arithmetically (constants, piecewise constants).
template <class V>
inline V keep_nan(V const& x, V const& value) {
  return detail::select(detail::is_nan(x), x, value);
}

// 2^n for an integer-valued n in the normal exponent range: adding
// 1.5 * 2^mantissa_bits + bias puts n + bias in the low mantissa bits, and the
// shift moves them into the exponent field. No float-to-int conversion, so a
// NaN n gives some finite scale, never undefined behaviour (callers multiply
// the scale by a NaN anyway).
template <class T>
struct float_bits {
  using unsigned_type = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;
  static constexpr int mantissa_bits = std::numeric_limits<T>::digits - 1;
  static constexpr T exponent_bias = T(std::numeric_limits<T>::max_exponent - 1);
};

template <class T, if_scalar<T> = 0>
inline T pow2(T n) {
  using bits = float_bits<T>;
  const T biased = n + (T(1.5) * T(typename bits::unsigned_type(1) << bits::mantissa_bits) +
                        bits::exponent_bias);
  typename bits::unsigned_type word;
  std::memcpy(&word, &biased, sizeof word);
  word <<= bits::mantissa_bits;
  T result;
  std::memcpy(&result, &word, sizeof result);
  return result;
}
template <class T, class A>
inline xsimd::batch<T, A> pow2(xsimd::batch<T, A> const& n) {
  using bits = float_bits<T>;
  using word_type = typename bits::unsigned_type;
  const xsimd::batch<T, A> biased =
      n + xsimd::batch<T, A>(T(1.5) * T(word_type(1) << bits::mantissa_bits) + bits::exponent_bias);
#if XSIMD_VERSION_MAJOR >= 11
  return xsimd::bitwise_cast<T>(xsimd::bitwise_cast<word_type>(biased) << bits::mantissa_bits);
#else
  using word_batch = xsimd::batch<word_type, A>;
  return xsimd::bitwise_cast<xsimd::batch<T, A>>(xsimd::bitwise_cast<word_batch>(biased)
                                                 << bits::mantissa_bits);
#endif
}

// An integer within 1/2 + ulp(a * b) of a * b (the nearest, ties to even,
// where the target fuses), for |a * b| < 2^(digits - 2): adding
// 1.5 * 2^(digits - 1) rounds away the fraction. Written as one multiply_add
// so that a compiler contracting a * b + magic cannot make scalar and SIMD
// lanes differ.
template <class V>
inline V nearest_integer_of_product(V const& a, V const& b) {
  using T = scalar_of_t<V>;
  const V magic(T(1.5) * std::ldexp(T(1), std::numeric_limits<T>::digits - 1));
  return detail::multiply_add(a, b, magic) - magic;
}

// v * 2^n for an integer-valued n with |n| < 2 * (max_exponent - 1), rounded
// once, as std::ldexp does: exact unless the result is subnormal, 0 or
// infinite. AVX-512's vscalef does it in one instruction. Elsewhere, two
// multiplications by normal powers of 2 of which only the second may round:
// for n in the normal exponent range the second factor is 1; above it the
// first is 2^max and exact; below it the first, 2^(n + digits + 1), leaves
// every v * 2^n that does not round to 0 normal (halves of n would round
// twice when v * 2^(n/2) is already subnormal).
template <class V>
inline V scale_by_power_of_2(V const& v, V const& n) {
  if constexpr (native::has_scale<V>) {
    return native::scale(v, n);
  } else {
    using T = scalar_of_t<V>;
    const V lowest(T(std::numeric_limits<T>::min_exponent - 1));   // -126, -1022
    const V highest(T(std::numeric_limits<T>::max_exponent - 1));  // 127, 1023
    const V below = n + V(T(std::numeric_limits<T>::digits + 1));
    const V first = detail::select(n < lowest, detail::select(below < lowest, lowest, below),
                                   detail::select(n > highest, highest, n));
    return (v * detail::pow2(first)) * detail::pow2(n - first);
  }
}

// 2^n, at compile time.
template <class T>
constexpr T power_of_2(int n) {
  T result = 1;
  for (; n > 0; --n) result *= 2;
  for (; n < 0; ++n) result /= 2;
  return result;
}

// kernel(x) evaluated in double precision and rounded once to float, lane by
// lane, for float functions whose float evaluation cannot reach their error
// bound: a double kernel accurate to 2^-40 gives float results within
// 0.5 + 2^-16 ULP. kernel takes a double or a batch of doubles; double lanes
// go straight to it, so one call serves both types.
template <class Kernel>
inline double in_double_precision(double x, Kernel&& kernel) {
  return kernel(x);
}
template <class A, class Kernel>
inline xsimd::batch<double, A> in_double_precision(xsimd::batch<double, A> const& x,
                                                   Kernel&& kernel) {
  return kernel(x);
}
template <class Kernel>
inline float in_double_precision(float x, Kernel&& kernel) {
  return static_cast<float>(kernel(static_cast<double>(x)));
}
template <class A, class Kernel>
inline xsimd::batch<float, A> in_double_precision(xsimd::batch<float, A> const& x,
                                                  Kernel&& kernel) {
  const std::array<xsimd::batch<double, A>, 2> halves = native::widen(x);
  return native::narrow(kernel(halves[0]), kernel(halves[1]));
}

// Horner's scheme, highest coefficient first, one multiply_add per
// coefficient.
template <class V, class T, std::size_t N>
inline V horner(V const& x, const T (&coefficients)[N]) {
  V sum(coefficients[0]);
  for (std::size_t i = 1; i < N; ++i) sum = detail::multiply_add(sum, x, V(coefficients[i]));
  return sum;
}

}  // namespace detail
ACTFN_NAMESPACE_END
