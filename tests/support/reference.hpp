// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// long double references for every activation, written for accuracy rather
// than speed: stable forms only (no 1 - y^2, no e^x - 1, no 1 + tanh).
#pragma once

#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include <actfn/actfn.hpp>

namespace reference {

using real = long double;
// 11 bits beyond double's 53 at least: x87's 64 (x86-64) or IEEE quad's 113
// (AArch64 Linux). A target whose long double is double cannot measure
// double kernels in ULP.
static_assert(std::numeric_limits<real>::digits >= 64,
              "the references need a long double of at least 64 significand bits");

constexpr real sqrt2 = 1.414213562373095048801688724209698079L;
constexpr real sqrt_2pi = 2.506628274631000502415765284811045253L;
constexpr real sqrt_2_over_pi = 0.797884560802865355879892119868763737L;
constexpr real selu_lambda = 1.0507009873554804934193349852946L;
constexpr real selu_alpha = 1.6732632423543772848170429916717L;

inline real sigmoid(real x) {
  if (x >= 0) return 1 / (1 + std::exp(-x));
  const real e = std::exp(x);
  return e / (1 + e);
}
inline real sigmoid_derivative(real x) {
  const real e = std::exp(-std::fabs(x));
  return e / ((1 + e) * (1 + e));
}

inline real tanh(real x) { return std::tanh(x); }
inline real tanh_derivative(real x) {
  const real e = std::exp(-2 * std::fabs(x));
  return 4 * e / ((1 + e) * (1 + e));
}

inline real elu(real x, real alpha) { return x > 0 ? x : alpha * std::expm1(x); }
inline real elu_derivative(real x, real alpha) { return x > 0 ? 1 : alpha * std::exp(x); }

inline real selu(real x) { return selu_lambda * elu(x, selu_alpha); }
inline real selu_derivative(real x) { return selu_lambda * elu_derivative(x, selu_alpha); }

// The only zeros of the GELU derivatives.
constexpr real gelu_erf_derivative_zero = -0.751791524693564457457904946780L;
constexpr real gelu_tanh_derivative_zero = -0.752461422071016258487954443289L;

inline real gelu_erf(real x) { return x / 2 * std::erfc(-x / sqrt2); }
inline real gelu_erf_derivative(real x) {
  return std::erfc(-x / sqrt2) / 2 + x * std::exp(-x * x / 2) / sqrt_2pi;
}

// 2u = 2 sqrt(2/pi) (x + 0.044715 x^3); (1 + tanh u)/2 = sigmoid(2u).
inline real gelu_tanh_exponent(real x) { return 2 * sqrt_2_over_pi * (x + 0.044715L * x * x * x); }
inline real gelu_tanh(real x) { return x * sigmoid(gelu_tanh_exponent(x)); }
inline real gelu_tanh_derivative(real x) {
  const real v = gelu_tanh_exponent(x);
  const real dv = 2 * sqrt_2_over_pi * (1 + 3 * 0.044715L * x * x);
  return sigmoid(v) + x * sigmoid_derivative(v) * dv;
}

inline real softsign(real x) { return x / (1 + std::fabs(x)); }
inline real softsign_derivative(real x) {
  const real q = 1 / (1 + std::fabs(x));
  return q * q;
}

// squareplus with x + s taken apart where it cancels (x < 0).
inline real squareplus(real x, real b) {
  const real s = std::sqrt(x * x + b);
  return x >= 0 ? (x + s) / 2 : b / (2 * (s - x));
}
inline real squareplus_derivative(real x, real b) {
  const real s = std::sqrt(x * x + b);
  return x >= 0 ? (1 + x / s) / 2 : b / (2 * s * (s - x));
}

// hard_sigmoid as the line through its kinks low and low + width.
inline real hard_sigmoid(real x, real low, real width) {
  return x <= low ? 0 : x >= low + width ? 1 : (x - low) / width;
}

inline real hard_swish(real x) { return x <= -3 ? 0 : x >= 3 ? x : x * (x + 3) / 6; }
inline real hard_swish_derivative(real x) { return x < -3 ? 0 : x > 3 ? 1 : (2 * x + 3) / 6; }

inline real celu(real x, real alpha) { return x > 0 ? x : alpha * std::expm1(x / alpha); }
inline real celu_derivative(real x, real alpha) { return x > 0 ? 1 : std::exp(x / alpha); }

// silu's derivative is zero where 1 + z + e^z = 0, z = beta x: at
// z0 = silu_zero_hi + silu_zero_lo (two long doubles, from mpmath), and
// e^z0 = -(1 + z0).
constexpr real silu_zero_hi = -1.278464542761073795143836L;
constexpr real silu_zero_lo = 3.44775901015735302482377e-20L;
constexpr real silu_exp_zero = 0.2784645427610737951093587390229801554L;

// z = beta x as hi + lo (the product of two doubles needs 106 bits).
struct two_long_doubles {
  real hi, lo;
};
// Dekker's exact product with Veltkamp's split into halves of
// ceil(digits / 2) bits (std::fma on long double is a slow software
// routine); exact for the products of two float or double values (no
// overflow in the split).
inline const real splitter = std::ldexp(real(1), (std::numeric_limits<real>::digits + 1) / 2) + 1;
inline real upper_half(real v) {
  const real big = v * splitter;
  return big - (big - v);
}
inline two_long_doubles product(real beta, real x) {
  const real hi = beta * x;
  if (!std::isfinite(hi)) return {hi, 0};
  const real beta_hi = upper_half(beta), beta_lo = beta - beta_hi;
  const real x_hi = upper_half(x), x_lo = x - x_hi;
  return {hi, ((beta_hi * x_hi - hi) + beta_hi * x_lo + beta_lo * x_hi) + beta_lo * x_lo};
}

// x sigmoid(z), with sigmoid(hi + lo) = sigmoid(hi) (1 + sigmoid(-hi) lo) to
// first order in lo.
inline real silu(real x, real beta) {
  const two_long_doubles z = product(beta, x);
  return x * sigmoid(z.hi) * (1 + sigmoid(-z.hi) * z.lo);
}
// For z < 0, e^z M / (1 + e^z)^2 with M = 1 + z + e^z written as
// w + e^z0 expm1(w), w = z - z0, so that nothing cancels next to z0.
inline real silu_derivative(real x, real beta) {
  const two_long_doubles z = product(beta, x);
  if (z.hi >= 0) {
    const real e = std::exp(-(z.hi + z.lo));
    return (1 + e * (1 + z.hi + z.lo)) / ((1 + e) * (1 + e));
  }
  const real w = ((z.hi - silu_zero_hi) + z.lo) - silu_zero_lo;
  const real e = silu_exp_zero * std::exp(w);
  const real m = w + silu_exp_zero * std::expm1(w);
  return e * m / ((1 + e) * (1 + e));
}

// log(1 + e^z) for any z without overflow.
inline real log1p_exp(real z) { return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z)); }

// PyTorch's softplus: x where beta x > threshold (beta x as the type rounds
// it: z.hi), else log(1 + e^z) / beta with z = hi + lo to first order in lo
// (lo is 0 for float and for beta = 1: the term is skipped, for speed).
inline real softplus(real x, real beta, real threshold) {
  const two_long_doubles z = product(beta, x);
  if (z.hi > threshold) return x;
  const real value = log1p_exp(z.hi);
  return (z.lo == 0 ? value : value + sigmoid(z.hi) * z.lo) / beta;
}
inline real softplus_derivative(real x, real beta, real threshold) {
  const two_long_doubles z = product(beta, x);
  if (z.hi > threshold) return 1;
  const real slope = sigmoid(z.hi);
  return z.lo == 0 ? slope : slope + sigmoid_derivative(z.hi) * z.lo;
}

inline real log_sigmoid(real x) { return -log1p_exp(-x); }
inline real log_sigmoid_derivative(real x) { return sigmoid(-x); }

// mish from its definition; f' = tanh(sp) + x sigmoid(x) sech^2(sp).
constexpr real mish_derivative_zero = -1.192431214515495212137588340421L;
inline real mish(real x) { return x * std::tanh(log1p_exp(x)); }
inline real mish_derivative(real x) {
  const real sp = log1p_exp(x);
  const real sech = 1 / std::cosh(sp);
  return std::tanh(sp) + x * sigmoid(x) * sech * sech;
}

// Second derivatives. Where f'' is a sum of terms that cancel at its zeros
// (gelu_tanh, silu, mish), the *_second_derivative_scale gives the sum of
// their magnitudes, the scale a kernel's rounding errors are measured
// against there.
// sqrt(2) - sqrt2 for the target's long double (x87's or quad's): the
// residual of the square, (2 - sqrt2^2) / (2 sqrt2), with the square exact.
inline const real sqrt2_lo = [] {
  const two_long_doubles square = product(sqrt2, sqrt2);
  return ((2 - square.hi) - square.lo) / (2 * sqrt2);
}();

inline real sigmoid_second_derivative(real x) { return -sigmoid_derivative(x) * std::tanh(x / 2); }
inline real tanh_second_derivative(real x) { return -2 * std::tanh(x) * tanh_derivative(x); }
inline real elu_second_derivative(real x, real alpha) { return x > 0 ? 0 : alpha * std::exp(x); }
inline real selu_second_derivative(real x) {
  return selu_lambda * elu_second_derivative(x, selu_alpha);
}
inline real celu_second_derivative(real x, real alpha) {
  return x > 0 ? 0 : std::exp(x / alpha) / alpha;
}
inline real log_sigmoid_second_derivative(real x) { return -sigmoid_derivative(x); }
// beta sigmoid'(z), z = hi + lo to first order in lo.
inline real softplus_second_derivative(real x, real beta, real threshold) {
  const two_long_doubles z = product(beta, x);
  if (z.hi > threshold) return 0;
  return beta * (sigmoid_derivative(z.hi) + sigmoid_second_derivative(z.hi) * z.lo);
}

// phi(x) (2 - x^2): x^2 in two words (e^(-x^2/2) to first order in the low
// word), 2 - x^2 = (sqrt2 - |x|)(sqrt2 + |x|) with sqrt2 in two words, exact
// next to the zeros.
inline real gelu_erf_second_derivative(real x) {
  const two_long_doubles square = product(x, x);
  const real a = std::fabs(x);
  return std::exp(-square.hi / 2) * (1 - square.lo / 2) / sqrt_2pi *
         (((sqrt2 - a) + sqrt2_lo) * (sqrt2 + a));
}

// sigmoid'(v) (2a + 12b x^2 - x tanh(v/2) k^2), k = dv/dx = a + 3b x^2.
inline real gelu_tanh_curvature(real x, bool scale) {
  const real v = gelu_tanh_exponent(x);
  const real k = 2 * sqrt_2_over_pi * (1 + 3 * 0.044715L * x * x);
  const real even = 4 * sqrt_2_over_pi * (1 + 6 * 0.044715L * x * x);
  const real odd = x * std::tanh(v / 2) * k * k;
  return sigmoid_derivative(v) * (scale ? even + std::fabs(odd) : even - odd);
}
inline real gelu_tanh_second_derivative(real x) { return gelu_tanh_curvature(x, false); }
inline real gelu_tanh_second_derivative_scale(real x) { return gelu_tanh_curvature(x, true); }

// beta sigmoid'(z) (2 - z tanh(z/2)), from e = e^-|z| with z = hi + lo:
// e^-|hi| (1 -+ lo), and |z| (1 - e) with lo's part added separately.
inline real silu_curvature(real x, real beta, bool scale) {
  const two_long_doubles z = product(beta, x);
  const real magnitude_lo = z.hi < 0 ? -z.lo : z.lo;  // |z| = |hi| + magnitude_lo
  const real e = std::exp(-std::fabs(z.hi)) * (1 - magnitude_lo);
  const real one_minus_e = -std::expm1(-std::fabs(z.hi)) + e * magnitude_lo;
  const real odd = (std::fabs(z.hi) + magnitude_lo) * one_minus_e / (1 + e);  // z tanh(z/2)
  return beta * e / ((1 + e) * (1 + e)) * (scale ? 2 + odd : 2 - odd);
}
inline real silu_second_derivative(real x, real beta) { return silu_curvature(x, beta, false); }
inline real silu_second_derivative_scale(real x, real beta) {
  return silu_curvature(x, beta, true);
}

// sigmoid(x) sech^2(sp) (2 + x (sigmoid(-x) - 2 sigmoid(x) tanh(sp))), sp = softplus(x).
inline real mish_curvature(real x, bool scale) {
  const real sp = log1p_exp(x);
  const real sech = 1 / std::cosh(sp);
  const real s = sigmoid(x);
  const real odd = x * (sigmoid(-x) - 2 * s * std::tanh(sp));
  return s * sech * sech * (scale ? 2 + std::fabs(odd) : 2 + odd);
}
inline real mish_second_derivative(real x) { return mish_curvature(x, false); }
inline real mish_second_derivative_scale(real x) { return mish_curvature(x, true); }

// What the tests hold each smooth functor to (its descriptor's accuracy):
// f and f' for the functor's parameters, the zeros of f' (within 1e-3
// relative of which f' is held to an absolute bound), and f' as a function
// of y = f(x) where the functor computes it from its output (the exact f' at
// the x that y stands for). One overload of `of` per functor whose
// descriptor states an accuracy; a missing one is a compile error in
// test_contracts.cpp.
struct functions {
  std::function<real(real)> value;
  std::function<real(real)> slope;
  std::vector<real> slope_zeros;
  std::function<real(real)> slope_from_output;
};

template <class T, class P>
functions of(actfn::sigmoid<T, P> const&) {
  return {sigmoid, sigmoid_derivative, {}, [](real y) { return y * (1 - y); }};
}
template <class T, class P>
functions of(actfn::tanh<T, P> const&) {
  return {tanh, tanh_derivative, {}, [](real y) { return (1 - y) * (1 + y); }};
}
template <class T, class P>
functions of(actfn::elu<T, P> const& f) {
  const real a = f.alpha();
  return {[a](real x) { return elu(x, a); }, [a](real x) { return elu_derivative(x, a); }, {},
          [a](real y) { return y > 0 ? 1 : y + a; }};
}
// selu's y carries lambda and lambda alpha as T rounds them.
template <class T, class P>
functions of(actfn::selu<T, P> const&) {
  return {selu, selu_derivative, {}, [](real y) {
            return y > 0 ? real(actfn::selu<T, P>::lambda)
                         : y + real(actfn::selu<T, P>::lambda_alpha);
          }};
}
template <class T, class P>
functions of(actfn::celu<T, P> const& f) {
  const real a = f.alpha();
  return {[a](real x) { return celu(x, a); }, [a](real x) { return celu_derivative(x, a); }, {},
          [a](real y) { return y > 0 ? 1 : (y + a) / a; }};
}
template <class T, class P>
functions of(actfn::gelu_erf<T, P> const&) {
  return {gelu_erf, gelu_erf_derivative, {gelu_erf_derivative_zero}, {}};
}
template <class T, class P>
functions of(actfn::gelu_tanh<T, P> const&) {
  return {gelu_tanh, gelu_tanh_derivative, {gelu_tanh_derivative_zero}, {}};
}
template <class T, class P>
functions of(actfn::silu<T, P> const& f) {
  const real b = f.beta();
  return {[b](real x) { return silu(x, b); }, [b](real x) { return silu_derivative(x, b); },
          {(silu_zero_hi + silu_zero_lo) / b}, {}};
}
template <class T, class P>
functions of(actfn::softplus<T, P> const& f) {
  const real b = f.beta(), t = f.threshold();
  return {[b, t](real x) { return softplus(x, b, t); },
          [b, t](real x) { return softplus_derivative(x, b, t); }, {},
          [b, t](real y) { return b * y > t ? 1 : -std::expm1(-b * y); }};
}
template <class T, class P>
functions of(actfn::log_sigmoid<T, P> const&) {
  return {log_sigmoid, log_sigmoid_derivative, {}, [](real y) { return -std::expm1(y); }};
}
template <class T, class P>
functions of(actfn::mish<T, P> const&) {
  return {mish, mish_derivative, {mish_derivative_zero}, {}};
}
template <class T, class P>
functions of(actfn::softsign<T, P> const&) {
  return {softsign, softsign_derivative, {},
          [](real y) { return (1 - std::fabs(y)) * (1 - std::fabs(y)); }};
}
template <class T, class P>
functions of(actfn::squareplus<T, P> const& f) {
  const real b = f.b();
  return {[b](real x) { return squareplus(x, b); },
          [b](real x) { return squareplus_derivative(x, b); }, {}, {}};
}
template <class T, class P>
functions of(actfn::hard_swish<T, P> const&) {
  return {hard_swish, hard_swish_derivative, {}, {}};
}

}  // namespace reference
