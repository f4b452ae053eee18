// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Vector math shared by the activations, written once for scalars and
// xsimd batches (lanes.hpp, double_word.hpp): exp with a two-word argument
// and a late-applied factor, expm1 on x <= 0, log1p on [0, 1] and the scaled
// complementary error function. Coefficients are our own Chebyshev fits
// (mpmath, 60 digits), rounded to the type; hex is the value, the decimal
// beside it is for reading.
#pragma once

#include "actfn/detail/namespace.hpp"

#include "actfn/detail/double_word.hpp"

ACTFN_NAMESPACE_BEGIN
namespace detail {

template <class T>
struct math_constants;

template <>
struct math_constants<float> {
  // ln2 = ln2_hi + ln2_lo, ln2_hi with 15 significant bits, so that n * ln2_hi
  // is exact for every |n| <= 2^9 (the reduction's n) without FMA.
  static constexpr float ln2_hi = 0x1.62e4p-1f;       // 0.693145751953125
  static constexpr float ln2_lo = 0x1.7f7d1cp-20f;   // 1.428606765330187e-06
  static constexpr float log2e = 0x1.715476p+0f;    // 1.4426950216293335
  // Below exp_lowest, m * e^x rounds to 0 for every |m| < 2^20; above
  // exp_highest, e^x overflows.
  static constexpr float exp_lowest = -120.0f;
  static constexpr float exp_highest = 89.0f;
  // (e^r - 1 - r) / r^2 on [-ln2/2, ln2/2], degree 5: 2^-26.7 relative.
  static constexpr float expm1_tail[] = {
      0x1.a124e4p-13f,  // 0.00019890980911441147
      0x1.6d4316p-10f,  // 0.0013933641603216529
      0x1.1110ep-7f,    // 0.00833331048488617
      0x1.5554eap-5f,   // 0.04166646674275398
      0x1.555556p-3f,   // 0.1666666716337204
      0x1p-1f,          // 0.5
  };
  static constexpr float sqrt2 = 0x1.6a09e6p+0f;  // 1.41421353816986084
  // (2 atanh(s) - 2s) / s^3 as a polynomial in s^2, s^2 in [0, (3 - 2 sqrt2)^2],
  // degree 3: 2^-24.8 relative.
  static constexpr float log1p_tail[] = {
      0x1.ddced8p-3f,  // 0.2333046793937683
      0x1.245c44p-2f,  // 0.2855082154273987
      0x1.9999ecp-2f,  // 0.4000012278556824
      0x1.555556p-1f,  // 0.6666666865348816
  };
};

template <>
struct math_constants<double> {
  // ln2_hi with 42 significant bits: n * ln2_hi is exact for |n| <= 2^11.
  static constexpr double ln2_hi = 0x1.62e42fefa38p-1;     // 0.6931471805598903
  static constexpr double ln2_lo = 0x1.ef35793c7673p-45;   // 5.497923018708371e-14
  static constexpr double log2e = 0x1.71547652b82fep+0;    // 1.4426950408889634
  static constexpr double exp_lowest = -760.0;
  static constexpr double exp_highest = 710.0;
  // (e^r - 1 - r) / r^2 on [-ln2/2, ln2/2], degree 10: 2^-57.5 relative.
  static constexpr double expm1_tail[] = {
      0x1.1f72fc730b4ffp-29,  // 2.0914679376583935e-09
      0x1.af4ddd84882fep-26,  // 2.510520637395701e-08
      0x1.27e4db67b4303p-22,  // 2.7557273661348637e-07
      0x1.71de02375656cp-19,  // 2.7557255425746435e-06
      0x1.a01a01a6d7808p-16,  // 2.4801587325533363e-05
      0x1.a01a01abe62ddp-13,  // 0.00019841269874800493
      0x1.6c16c16c162d6p-10,  // 0.0013888888888883752
      0x1.11111111100dfp-7,   // 0.008333333333326141
      0x1.5555555555556p-5,   // 0.04166666666666667
      0x1.5555555555557p-3,   // 0.1666666666666667
      0x1p-1,                 // 0.5
  };
  static constexpr double sqrt2 = 0x1.6a09e667f3bcdp+0;  // 1.4142135623730951
  // (2 atanh(s) - 2s) / s^3 as a polynomial in s^2, s^2 in [0, (3 - 2 sqrt2)^2],
  // degree 6: 2^-50.9 relative (below 2^-57 of the logarithm).
  static constexpr double log1p_tail[] = {
      0x1.2b584aae78a57p-3,  // 0.14616449685043406
      0x1.39fe606542ddep-3,  // 0.15331721600556042
      0x1.7462b4ab2ef6bp-3,  // 0.18182889125261723
      0x1.c71c62e5800a1p-3,  // 0.2222221113479508
      0x1.2492492df148dp-2,  // 0.28571428625975487
      0x1.99999999952e2p-2,  // 0.39999999999899505
      0x1.5555555555558p-1,  // 0.666666666666667
  };
  // (1 + 2z) * erfcx(z) as a polynomial in t = (z - 3) / (z + 3), z in
  // [0, 29], degree 24: 2^-58.8 relative (Chebyshev); the two lowest
  // coefficients carry a low word each, so that with the others rounded the
  // polynomial is within 2^-56.2.
  static constexpr double erfcx_shift = 3.0;
  static constexpr double erfcx_highest = 29.0;
  static constexpr double erfcx_polynomial[] = {
      0x1.4b5727fddff3ep-31,   // 6.0270477474640139e-10
      0x1.ca036bee9395dp-32,   // 4.1656072940959121e-10
      -0x1.078cc958b6a3ep-27,  // -7.6703129832264537e-09
      -0x1.7e1412757e2f5p-27,  // -1.1119945168650193e-08
      0x1.5fdbb553e400fp-25,   // 4.0961689733794433e-08
      0x1.a5a8af103d0cbp-24,   // 9.8175118038424864e-08
      -0x1.2fbb21119169bp-23,  // -1.4143575603942135e-07
      -0x1.492c27bf45116p-21,  // -6.131315259138899e-07
      0x1.7f8e95e2205c9p-22,   // 3.5721526903822534e-07
      0x1.d1c745436bf86p-19,   // 3.4703195141635484e-06
      -0x1.88ed8e6c6b51cp-21,  // -7.3188534837278675e-07
      -0x1.5137ceed37dc7p-16,  // -2.0099759173384539e-05
      0x1.4c2a5b6c14cc6p-18,   // 4.9496510251156809e-06
      0x1.065a182c9ad38p-13,   // 0.00012509914940337665
      -0x1.b91284d45132p-14,   // -0.00010515984042054312
      -0x1.98db4fbad2523p-11,  // -0.00077983223977998552
      0x1.ef1bdd64bf416p-10,   // 0.0018886903646369072
      0x1.4b884e3b1fda1p-9,    // 0.0025293918129702529
      -0x1.8574c40beb2b4p-6,   // -0.023770514919010124
      0x1.17ca2877f528fp-4,    // 0.068308027344139641
      -0x1.e88b803a48fe1p-4,   // -0.11927366341529889
      0x1.098366a5b45e5p-3,    // 0.12964515870275686
      -0x1.85a15c58aa5ddp-5,   // -0.047562294353450808
  };
  // The coefficients of t and 1, as two words.
  static constexpr double erfcx_linear_hi = -0x1.15c084bb9e8f1p-3;  // -0.13562110612458114
  static constexpr double erfcx_linear_lo = -0x1.956d92a03e613p-58;
  static constexpr double erfcx_constant_hi = 0x1.40c522d7e4987p+0;  // 1.2530080582697296
  static constexpr double erfcx_constant_lo = 0x1.9861d7aa7193fp-55;
};

// Which arguments an exponential is built for: any (clamped on both sides)
// or only x <= 0 (-inf included), which saves the upper clamp.
enum class argument_sign { any, nonpositive };

// x clamped to [exp_lowest, exp_highest] (only below for x <= 0), which
// keeps n in the range scale_by_power_of_2 takes and turns -inf into an exact
// 0; NaN passes.
template <class V>
inline V clamped_exponent(V const& x, argument_sign sign) {
  using C = math_constants<scalar_of_t<V>>;
  const V above_lowest = detail::clamp_below(x, V(C::exp_lowest));
  return sign == argument_sign::any ? detail::clamp_above(above_lowest, V(C::exp_highest))
                                    : above_lowest;
}

// e^(high + low) = 2^n * e^r, kept apart so that a caller's factor m is
// applied before the power of two: m * e^x then rounds once even when it is
// subnormal, instead of rounding e^x first and multiplying the error by m.
// r = high - n*ln2_hi is exact on every target (n*ln2_hi fits in the type,
// and the difference by Cody and Waite's argument); low and the low part of
// ln2 come after, and e^r - 1 is carried as two words. The clamp to [exp_lowest, exp_highest] keeps n in the range
// scale_by_power_of_2 takes and turns -inf into an exact 0.
template <class V>
class exponential {
 public:
  explicit exponential(V const& x, argument_sign sign = argument_sign::any) {
    reduce(detail::clamped_exponent(x, sign), nullptr);
  }
  exponential(V const& high, V const& low) {
    const V x = detail::clamped_exponent(high, argument_sign::any);
    // Where high was clamped, low belongs to another argument (and can be
    // as large as high's ULP, 2^971 in double): drop it.
    const V kept_low = detail::select(x == high, low, V(0));
    reduce(x, &kept_low);
  }

  // m * e^x, with one rounding of m * e^r and one of the scaling; exact 0
  // below exp_lowest for |m| < 2^20.
  V times(V const& m) const {
    return detail::scale_by_power_of_2(detail::fused_multiply_add(m, e_r_minus_1_.high, m), n_);
  }

  // m * e^x for a two-word m = high + low, rounded once before the scaling.
  V times(double_word<V> const& m) const {
    const double_word<V> sum = detail::two_word_multiply_add(m.high, e_r_minus_1_.high, m.high);
    const V low = detail::multiply_add(
        m.high, e_r_minus_1_.low,
        detail::multiply_add(m.low, V(1) + e_r_minus_1_.high, sum.low));
    return detail::scale_by_power_of_2(sum.high + low, n_);
  }

  V value() const { return detail::scale_by_power_of_2(V(1) + e_r_minus_1_.high, n_); }

  // m * e^x as two words: the rounding error of m + m * (e^r - 1) and the
  // low word of e^r - 1 are kept in the low word. Exact scaling, so only for
  // normal results.
  double_word<V> times_as_two_words(V const& m) const {
    const double_word<V> sum = detail::two_word_multiply_add(m, e_r_minus_1_.high, m);
    const V low = detail::multiply_add(m, e_r_minus_1_.low, sum.low);
    return {detail::scale_by_power_of_2(sum.high, n_), detail::scale_by_power_of_2(low, n_)};
  }

  // e^x - 1 = high + low, for x <= 0, to the polynomial's error and the
  // rounding of r: (s - 1) + s * (e^r - 1) with s = 2^n. s - 1 is exact as a
  // two-word sum, s * (e^r - 1) is exact and so is the rounding error of
  // e^r - 1 (recovered like high's: its difference with r is exact by
  // Sterbenz), so nothing cancels and high is rounded once.
  double_word<V> minus_one() const {
    const V s = detail::scale_by_power_of_2(V(1), n_);
    const double_word<V> s_minus_1 = detail::fast_two_sum(V(-1), s);
    // |s (e^r - 1)| <= |s - 1| for n <= -1, and s - 1 = 0 for n = 0.
    const double_word<V> sum = detail::two_word_multiply_add(s, e_r_minus_1_.high, s_minus_1.high);
    return {sum.high, detail::multiply_add(s, e_r_minus_1_.low, sum.low + s_minus_1.low)};
  }

 private:
  using constants = math_constants<scalar_of_t<V>>;

  void reduce(V const& x, V const* low) {
    n_ = detail::nearest_integer_of_product(x, V(constants::log2e));
    // Exact whether or not the step is fused: n * ln2_hi is exact.
    V r = detail::multiply_add(n_, V(-constants::ln2_hi), x);
    if (low != nullptr) r = r + *low;
    r = detail::multiply_add(n_, V(-constants::ln2_lo), r);
    // e^r - 1 = r + r^2 P(r), the addition's rounding error kept
    // (|r^2 P(r)| <= |r| on the reduced range).
    e_r_minus_1_ = detail::two_word_multiply_add(r * r, detail::horner(r, constants::expm1_tail), r);
  }

  V n_;
  double_word<V> e_r_minus_1_;
};

// The fast tier's exponential (precision.hpp): the same reduction and
// polynomial as `exponential`, with e^r - 1 = r + r^2 P(r) rounded to one
// word, and nothing else carried: e^x within 1 ULP (the polynomial's 2^-26.7
// or 2^-57.5, the rounding of r's low part, and two roundings of under half
// an ULP each); a subnormal result still rounds once, in the scaling.
template <class V>
class one_word_exponential {
 public:
  explicit one_word_exponential(V const& x, argument_sign sign = argument_sign::any) {
    reduce(detail::clamped_exponent(x, sign), nullptr);
  }
  // e^(high + low), for an argument whose rounding would cost more than the
  // tier's bound (|x| up to 100 and more in the GELU tails); low is dropped
  // where high is clamped, as `exponential` does.
  one_word_exponential(V const& high, V const& low) {
    const V x = detail::clamped_exponent(high, argument_sign::any);
    const V kept_low = detail::select(x == high, low, V(0));
    reduce(x, &kept_low);
  }

  V value() const { return detail::scale_by_power_of_2(V(1) + e_r_minus_1_, n_); }

  // m * e^x, rounded once before the scaling.
  V times(V const& m) const {
    return detail::scale_by_power_of_2(detail::multiply_add(m, e_r_minus_1_, m), n_);
  }

  // e^x - 1 for x <= 0: (s - 1) + s (e^r - 1), s = 2^n, rounded once, with
  // s - 1 exact where it matters (n > -digits) and |s (e^r - 1)| <= |s - 1|
  // for n <= -1: nothing cancels, so within 1.5 ULP.
  V minus_one() const {
    const V s = detail::scale_by_power_of_2(V(1), n_);
    return detail::multiply_add(s, e_r_minus_1_, s - V(1));
  }

 private:
  using constants = math_constants<scalar_of_t<V>>;

  void reduce(V const& x, V const* low) {
    n_ = detail::nearest_integer_of_product(x, V(constants::log2e));
    // x - n ln2_hi is exact; the low words are added up first, so that r
    // is rounded once.
    const V r_high = detail::multiply_add(n_, V(-constants::ln2_hi), x);
    const V r = low == nullptr ? detail::multiply_add(n_, V(-constants::ln2_lo), r_high)
                               : r_high + detail::multiply_add(n_, V(-constants::ln2_lo), *low);
    e_r_minus_1_ = detail::multiply_add(r * r, detail::horner(r, constants::expm1_tail), r);
  }

  V n_;
  V e_r_minus_1_;
};

template <class V>
inline V exp(V const& x) {
  return exponential<V>(x).value();
}

// e^x - 1 for x <= 0 (-inf gives -1), rounded once.
template <class V>
inline V expm1_nonpositive(V const& x) {
  return exponential<V>(x, argument_sign::nonpositive).minus_one().high;
}

// numerator / (high + low), to about half an ULP beyond the numerator's own
// error: the quotient through a reciprocal, corrected once by its residual
// numerator - quotient * denominator (minus_product: exact, or within an ULP
// of the residual, on every target; the tiny quotient * low term is rounded). The two-word numerator form adds its low word to
// the residual.
template <class V>
inline V divide(V const& numerator, double_word<V> const& denominator) {
  const V reciprocal = detail::quotient(V(1), denominator.high);
  const V quotient = numerator * reciprocal;
  const V residual =
      detail::multiply_add(detail::negate(quotient), denominator.low,
                           detail::minus_product(numerator, quotient, denominator.high));
  return detail::multiply_add(residual, reciprocal, quotient);
}
template <class V>
inline V divide(double_word<V> const& numerator, double_word<V> const& denominator) {
  const V reciprocal = detail::quotient(V(1), denominator.high);
  const V quotient = numerator.high * reciprocal;
  const V residual = detail::multiply_add(
      detail::negate(quotient), denominator.low,
      detail::minus_product(numerator.high, quotient, denominator.high) + numerator.low);
  return detail::multiply_add(residual, reciprocal, quotient);
}

// (high + low)^2 as two words, for |low| <= ulp(high): the square of high
// split exactly, plus the cross term.
template <class V>
inline double_word<V> square(double_word<V> const& v) {
  const double_word<V> high = detail::two_product(v.high, v.high);
  return {high.high, high.low + (v.high + v.high) * v.low};
}

// a * b as two words, for |a.low| <= ulp(a.high) and |b.low| <= ulp(b.high):
// the product of the high words split exactly, plus the cross terms.
template <class V>
inline double_word<V> product(double_word<V> const& a, double_word<V> const& b) {
  const double_word<V> high = detail::two_product(a.high, b.high);
  return {high.high, high.low + detail::multiply_add(a.high, b.low, a.low * b.high)};
}

// e n / (1 + e)^3 for e = e^x <= 1, the shape of the logistic family's second
// derivatives: n over the two-word cube of 1 + e, one corrected division,
// then e applied inside the exponential, so a subnormal result rounds once.
template <class V>
inline V times_over_cube_of_one_plus(exponential<V> const& e, V const& n) {
  const double_word<V> one_plus_e = detail::fast_two_sum(V(1), e.value());
  return e.times(detail::divide(n, detail::product(detail::square(one_plus_e), one_plus_e)));
}

// log(1 + v + v_low) for v in [0, 1] and |v_low| <= ulp(v), within an ULP.
// 1 + v = 2^k (1 + f) with 1 + f in [sqrt2/2, sqrt2], f and its low word
// exact without ever rounding 1 + v: f = v for v <= sqrt2 - 1, else
// f = (v - 1) / 2 (a two-word difference). Then
// log(1 + f) = f - f^2/2 + s (f^2/2 + s^2 P(s^2)) with s = f / (2 + f), the
// identity 2 atanh(s) = 2s + s^3 P(s^2) rearranged (as fdlibm does) so that
// s, rounded, only enters a term below f^3/6; the low word adds
// low / (1 + f).
template <class V>
inline V log1p_unit_interval(V const& v, V const& v_low) {
  using C = math_constants<scalar_of_t<V>>;
  const auto halve = v > V(C::sqrt2 - 1);
  const double_word<V> v_minus_1 = detail::two_sum(v, V(-1));
  const V f = detail::select(halve, V(0.5) * v_minus_1.high, v);
  const V f_low = detail::select(halve, V(0.5) * (v_minus_1.low + v_low), v_low);
  const V correction = detail::quotient(f_low, V(1) + f);
  const V s = detail::quotient(f, V(2) + f);
  const V s_squared = s * s;
  const V half_f_squared = V(0.5) * f * f;
  const V tail = detail::multiply_add(s_squared, detail::horner(s_squared, C::log1p_tail), half_f_squared);
  const V k_ln2_lo = detail::select(halve, V(C::ln2_lo), V(0));
  const V k_ln2_hi = detail::select(halve, V(C::ln2_hi), V(0));
  return k_ln2_hi + (f - (half_f_squared - detail::multiply_add(s, tail, k_ln2_lo + correction)));
}

// The quotient numerator / denominator as two words: divide()'s result and
// its residual times the reciprocal (one division in all).
template <class V>
inline double_word<V> divide_as_two_words(double_word<V> const& numerator,
                                          double_word<V> const& denominator) {
  const auto residual_of = [&](V const& q) {
    return detail::multiply_add(
        detail::negate(q), denominator.low,
        detail::minus_product(numerator.high, q, denominator.high) + numerator.low);
  };
  const V reciprocal = detail::quotient(V(1), denominator.high);
  const V first = numerator.high * reciprocal;
  const V quotient = detail::multiply_add(residual_of(first), reciprocal, first);
  return {quotient, residual_of(quotient) * reciprocal};
}

// erfcx(z) for z in [0, erfcx_highest], in one word: the same polynomial
// with every step rounded (2^-52 relative), for results that are rounded to
// float afterwards (gelu_erf's float lanes), where the two-word form below
// would buy nothing.
template <class V>
inline V erfcx_nonnegative(V const& z) {
  using C = math_constants<scalar_of_t<V>>;
  const V t = detail::quotient(z - V(C::erfcx_shift), z + V(C::erfcx_shift));
  const V linear =
      detail::multiply_add(detail::horner(t, C::erfcx_polynomial), t, V(C::erfcx_linear_hi));
  const V value = detail::multiply_add(linear, t, V(C::erfcx_constant_hi));
  return detail::quotient(value, detail::multiply_add(z, V(2), V(1)));
}

// erfcx(z) = e^(z^2) * erfc(z) for z = high + low in [0, erfcx_highest], as
// two words: P(t) / (1 + 2z) with t = (z - K) / (z + K):
// the map sends [0, inf) to [-1, 1), where (1 + 2z) * erfcx(z) is smooth
// and tends to 2/sqrt(pi) (Shepherd & Laframboise's variable; the
// coefficients are ours). t, the last two Horner steps, 1 + 2z and the
// quotient are carried as two words, so that only the polynomial's fit and
// the rounding of its higher terms (below 2^-56 together) remain.
template <class V>
inline double_word<V> erfcx_nonnegative(double_word<V> const& z) {
  using C = math_constants<scalar_of_t<V>>;
  double_word<V> numerator = detail::two_sum(z.high, V(-C::erfcx_shift));
  numerator.low = numerator.low + z.low;
  double_word<V> denominator = detail::two_sum(z.high, V(C::erfcx_shift));
  denominator.low = denominator.low + z.low;
  const double_word<V> t = detail::divide_as_two_words(numerator, denominator);

  const V higher = detail::horner(t.high, C::erfcx_polynomial);
  // linear = c1 + t * higher, constant = c0 + t * linear, as two words
  // (|c0| > |t * linear|, and the low words' products are below 2^-53).
  const double_word<V> t_higher = detail::two_product(t.high, higher);
  double_word<V> linear = detail::two_sum(V(C::erfcx_linear_hi), t_higher.high);
  linear.low = linear.low + (t_higher.low + detail::multiply_add(t.low, higher,
                                                                V(C::erfcx_linear_lo)));
  const double_word<V> t_linear = detail::two_product(t.high, linear.high);
  double_word<V> value = detail::fast_two_sum(V(C::erfcx_constant_hi), t_linear.high);
  value.low = value.low + (t_linear.low + detail::multiply_add(
                                              t.high, linear.low,
                                              detail::multiply_add(t.low, linear.high,
                                                                   V(C::erfcx_constant_lo))));

  double_word<V> one_plus_2z = detail::two_sum(V(1), z.high + z.high);
  one_plus_2z.low = one_plus_2z.low + (z.low + z.low);
  return detail::divide_as_two_words(value, one_plus_2z);
}

// f'(x) on [C::window_low, C::window_high] around its root x0 =
// C::derivative_zero_hi + C::derivative_zero_lo, as (x - x0) * P(x - zero_hi)
// with P = C::derivative_near_zero (x - zero_hi is exact there, by Sterbenz):
// relative accuracy right up to the root, where a difference of two terms
// would cancel. `elsewhere` outside the window.
template <class C, class V>
inline V near_root_of_derivative(V const& x, V const& elsewhere) {
  const V offset = x - V(C::derivative_zero_hi);
  const V near_root =
      (offset - V(C::derivative_zero_lo)) * detail::horner(offset, C::derivative_near_zero);
  return detail::select(detail::both(x >= V(C::window_low), x <= V(C::window_high)), near_root,
                        elsewhere);
}

}  // namespace detail
ACTFN_NAMESPACE_END
