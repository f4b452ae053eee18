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
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <type_traits>

// GCC 12 warns -Wuninitialized inside its own AVX-512 intrinsics whenever
// they are inlined (GCC bug 105593, fixed in GCC 13): silence it for the
// intrinsic headers that xsimd brings in, and only for them.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <xsimd/xsimd.hpp>
#pragma GCC diagnostic pop
#else
#include <xsimd/xsimd.hpp>
#endif

#if defined(__FMA__) || defined(__AVX512F__) || defined(__aarch64__) || \
    defined(__ARM_FEATURE_FMA) || defined(_M_ARM64)
#define ACTFN_HAS_FMA 1
#else
#define ACTFN_HAS_FMA 0
#endif

namespace actfn {
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

// x as it was rounded, hidden from the optimizer: with -ffp-contract=fast,
// clang fuses a product into a later addition even across inlined functions,
// which would skip the product's rounding that two-word arithmetic accounts
// for. An empty asm that takes and gives back the register costs nothing.
template <class V>
inline V as_rounded(V const& x) {
#if defined(__GNUC__) && (defined(__SSE2__) || defined(__aarch64__))
#if defined(__aarch64__)
#define ACTFN_VECTOR_REGISTER "+w"
#else
#define ACTFN_VECTOR_REGISTER "+v"
#endif
  if constexpr (std::is_arithmetic<V>::value) {
    V copy = x;
    __asm__("" : ACTFN_VECTOR_REGISTER(copy));
    return copy;
  } else {
    typename V::register_type copy = x;
    __asm__("" : ACTFN_VECTOR_REGISTER(copy));
    return V(copy);
  }
#undef ACTFN_VECTOR_REGISTER
#else
  return x;
#endif
}

// a * b + c: rounded once where the target has FMA, twice where it does not
// (the x86-64 baseline, x86-64-v2), the same on scalars and batches either
// way. For steps whose error bound allows both (Horner's rule, sums of terms
// of one sign); a step that relies on the product being exact uses the
// error-free operations below instead.
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
// xsimd before 11 has no AVX-512 fma kernel and falls back to an unfused
// a*b + c, which would break the bit-identity with std::fma: use the fused
// instruction directly there.
template <class T, class A>
inline xsimd::batch<T, A> multiply_add(xsimd::batch<T, A> const& a, xsimd::batch<T, A> const& b,
                                       xsimd::batch<T, A> const& c) {
#if defined(__AVX512F__)
  if constexpr (std::is_base_of<xsimd::avx512f, A>::value) {
    if constexpr (std::is_same<T, float>::value) {
      return _mm512_fmadd_ps(a, b, c);
    } else {
      return _mm512_fmadd_pd(a, b, c);
    }
  }
#endif
  return xsimd::fma(a, b, c);
}

// a / b, IEEE's correctly rounded quotient on every lane type: xsimd 8's
// neon64 float division is NEON's reciprocal estimate refined twice, an ULP
// off at times (so SIMD and scalar lanes would differ); AArch64 has the
// instruction, so it is used directly there.
template <class T, if_scalar<T> = 0>
inline T quotient(T a, T b) {
  return a / b;
}
template <class T, class A>
inline xsimd::batch<T, A> quotient(xsimd::batch<T, A> const& a, xsimd::batch<T, A> const& b) {
#if defined(__aarch64__)
  if constexpr (std::is_same<T, float>::value && std::is_base_of<xsimd::neon64, A>::value) {
    return vdivq_f32(a, b);
  }
#endif
  return a / b;
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
#if defined(__AVX512F__)
  if constexpr (!std::is_floating_point<V>::value) {
    if constexpr (std::is_base_of<xsimd::avx512f, typename V::arch_type>::value) {
      if constexpr (std::is_same<scalar_of_t<V>, float>::value) {
        return _mm512_scalef_ps(v, n);
      } else {
        return _mm512_scalef_pd(v, n);
      }
    }
  }
#endif
  using T = scalar_of_t<V>;
  const V lowest(T(std::numeric_limits<T>::min_exponent - 1));   // -126, -1022
  const V highest(T(std::numeric_limits<T>::max_exponent - 1));  // 127, 1023
  const V below = n + V(T(std::numeric_limits<T>::digits + 1));
  const V first = detail::select(n < lowest, detail::select(below < lowest, lowest, below),
                                 detail::select(n > highest, highest, n));
  return (v * detail::pow2(first)) * detail::pow2(n - first);
}

// 2^n, at compile time.
template <class T>
constexpr T power_of_2(int n) {
  T result = 1;
  for (; n > 0; --n) result *= 2;
  for (; n < 0; ++n) result /= 2;
  return result;
}

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
#if defined(__AVX__)
  if constexpr (std::is_base_of<xsimd::avx, A>::value) {
    const __m256 a_lanes = a, b_lanes = b, high_lanes = high;
    const auto half = [&](auto upper) {
      const auto widen = [](__m256 v) {
        return _mm256_cvtps_pd(decltype(upper)::value ? _mm256_extractf128_ps(v, 1)
                                                      : _mm256_castps256_ps128(v));
      };
      return _mm256_cvtpd_ps(
          _mm256_sub_pd(_mm256_mul_pd(widen(a_lanes), widen(b_lanes)), widen(high_lanes)));
    };
    return _mm256_insertf128_ps(_mm256_castps128_ps256(half(std::false_type{})),
                                half(std::true_type{}), 1);
  } else
#endif
#if defined(__SSE2__)
  if constexpr (std::is_base_of<xsimd::sse2, A>::value) {
    const __m128 a_lanes = a, b_lanes = b, high_lanes = high;
    const auto widen_low = [](__m128 v) { return _mm_cvtps_pd(v); };
    const auto widen_high = [](__m128 v) { return _mm_cvtps_pd(_mm_movehl_ps(v, v)); };
    const __m128d low = _mm_sub_pd(_mm_mul_pd(widen_low(a_lanes), widen_low(b_lanes)),
                                   widen_low(high_lanes));
    const __m128d upper = _mm_sub_pd(_mm_mul_pd(widen_high(a_lanes), widen_high(b_lanes)),
                                     widen_high(high_lanes));
    return _mm_movelh_ps(_mm_cvtpd_ps(low), _mm_cvtpd_ps(upper));
  } else
#endif
  {
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
  using narrow = xsimd::batch<float, A>;
  using wide = xsimd::batch<double, A>;
#if defined(__AVX512F__)
  if constexpr (std::is_base_of<xsimd::avx512f, A>::value) {
    const __m512 v = x;
    const __m256 low_half = _mm512_castps512_ps256(v);
    const __m256 high_half = _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1));
    const __m256 low = _mm512_cvtpd_ps(kernel(wide(_mm512_cvtps_pd(low_half))));
    const __m256 high = _mm512_cvtpd_ps(kernel(wide(_mm512_cvtps_pd(high_half))));
    return narrow(_mm512_castpd_ps(_mm512_insertf64x4(_mm512_castpd256_pd512(_mm256_castps_pd(low)),
                                                      _mm256_castps_pd(high), 1)));
  }
#endif
#if defined(__AVX__)
  if constexpr (std::is_base_of<xsimd::avx, A>::value) {
    const __m256 v = x;
    const __m128 low = _mm256_cvtpd_ps(kernel(wide(_mm256_cvtps_pd(_mm256_castps256_ps128(v)))));
    const __m128 high = _mm256_cvtpd_ps(kernel(wide(_mm256_cvtps_pd(_mm256_extractf128_ps(v, 1)))));
    return narrow(_mm256_insertf128_ps(_mm256_castps128_ps256(low), high, 1));
  }
#endif
  alignas(A::alignment()) float narrow_lanes[narrow::size];
  alignas(A::alignment()) double wide_lanes[narrow::size];
  x.store_aligned(narrow_lanes);
  for (std::size_t i = 0; i < narrow::size; ++i) wide_lanes[i] = narrow_lanes[i];
  for (std::size_t i = 0; i < narrow::size; i += wide::size) {
    kernel(wide::load_aligned(wide_lanes + i)).store_aligned(wide_lanes + i);
  }
  for (std::size_t i = 0; i < narrow::size; ++i) {
    narrow_lanes[i] = static_cast<float>(wide_lanes[i]);
  }
  return narrow::load_aligned(narrow_lanes);
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
}  // namespace actfn
