// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// long double references for every activation, written for accuracy rather
// than speed: stable forms only (no 1 - y^2, no e^x - 1, no 1 + tanh).
#pragma once

#include <cmath>

namespace reference {

using real = long double;

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
inline two_long_doubles product(real beta, real x) {
  const real hi = beta * x;
  return {hi, std::fma(beta, x, -hi)};
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

}  // namespace reference
