// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The checks every smooth or piecewise activation gets: accuracy against the
// long double reference over a sample of the whole finite range, and the
// derivative against central finite differences of that reference.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <actfn/array.hpp>

#include "../catch.hpp"
#include "accuracy.hpp"
#include "contracts.hpp"

namespace support {

// The samples below divided by ACTFN_TEST_SAMPLE_DIVISOR (a power of 2 up to
// 1024; 1 when unset): for a target whose long double arithmetic is
// emulated (AArch64's IEEE quad, run under qemu in CI), where the full
// samples would take hours, and for targets that share their code path with
// one tested on the full sample (CI's x86-64-v2 and v3). Every binade is
// still covered.
inline std::size_t sample_divisor() {
  static const std::size_t divisor = [] {
    const char* text = std::getenv("ACTFN_TEST_SAMPLE_DIVISOR");
    const long value = text == nullptr ? 1 : std::strtol(text, nullptr, 10);
    if (value < 1 || value > 1024 || (value & (value - 1)) != 0) {
      throw std::invalid_argument("ACTFN_TEST_SAMPLE_DIVISOR must be a power of 2 from 1 to 1024");
    }
    if (value > 1) std::cout << "samples divided by " << value << "\n";
    return static_cast<std::size_t>(value);
  }();
  return divisor;
}

// Sample sizes: float takes one bit pattern in every run of 255 (2^23 of each
// sign, a stratified sample of 2^24 of the 2^32 patterns) plus 2^18 uniform
// points; double takes 2^20 random patterns of each sign plus 2^18 uniform
// points.
template <class T>
std::vector<T> const& accuracy_sample() {
  static const std::vector<T> xs = finite_range_sample<T>(
      (sizeof(T) == 4 ? (1u << 23) : (1u << 20)) / sample_divisor(), (1u << 18) / sample_divisor());
  return xs;
}

// Forward and derivative of f (through the array API) against the references,
// within the bounds in ULP; within 1e-3 relative of a derivative zero in
// `zeros`, the derivative is held to absolute_bound_near_zero<T>() instead.
template <class T, class F, class Forward, class Derivative>
void check_accuracy(std::string const& name, F const& f, Forward const& forward,
                    Derivative const& derivative, bounds const& limit,
                    std::vector<real> const& zeros = {}) {
  std::vector<T> const& xs = accuracy_sample<T>();
  std::vector<T> values(xs.size());
  const std::string what = name + "<" + type_name<T>() + ">";

  actfn::forward(f, xs, values);
  const error_report forward_report = measure(xs, values, forward);
  print(what + " forward", forward_report);
  CHECK(forward_report.max_ulp <= limit.forward_ulp);

  actfn::derivative(f, xs, values);
  const error_report derivative_report = measure(xs, values, derivative, zeros);
  print(what + " derivative", derivative_report);
  CHECK(derivative_report.max_ulp <= limit.derivative_ulp);
  CHECK(derivative_report.max_absolute_near_zero <= absolute_bound_near_zero<T>());
}

// slope(x) against (F(x + h) - F(x - h)) / 2h computed in long double
// from a reference F, at 10,000 random x of magnitude 1e-4 to 30, with
// h = 2^-24 / max(1, |x|) rounded down to a power of 2 (so x +- h is exact
// in long double, and the truncation error h^2 F'''/6 stays negligible even
// in the Gaussian tails) and x within 4h of a kink skipped. The tolerance
// is 2^-16 (float) or 2^-40 (double) relative, plus the difference's own
// rounding noise 2^-62 (1 + x^2) m / h (the references round their
// arguments, and the Gaussian tails amplify that by x^2), plus T's smallest
// subnormal (a slope that underflows in T is 0). m is |F(x)|; where F is a
// derivative whose terms cancel at its zero, their rounding is that of the
// terms, about |x F'(x)|, and terms_cancel adds that.
template <class T, class Slope, class Forward>
void check_slope_against_differences(Slope const& slope, Forward const& forward,
                                     std::vector<real> const& kinks, bool terms_cancel) {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> log_magnitude(std::log(1e-4), std::log(30.0));
  const real relative = std::ldexp(real(1), sizeof(T) == 4 ? -16 : -40);
  int checked = 0;
  while (checked < 10000) {
    const double magnitude = std::exp(log_magnitude(random));
    const T x = static_cast<T>((random() & 1) ? magnitude : -magnitude);
    const real scale = std::max(real(1), std::fabs(real(x)));
    const real h = std::ldexp(real(1), -24 - std::ilogb(scale) - 1);
    if (std::any_of(kinks.begin(), kinks.end(),
                    [&](real kink) { return std::fabs(real(x) - kink) <= 4 * h; })) {
      continue;
    }
    const real difference = (forward(real(x) + h) - forward(real(x) - h)) / (2 * h);
    const real analytic = slope(x);
    const real noise_magnitude =
        std::fabs(forward(real(x))) + (terms_cancel ? std::fabs(real(x) * difference) : 0);
    const real tolerance = relative * std::fabs(difference) +
                           std::ldexp((1 + real(x) * x) * noise_magnitude, -62) / h +
                           std::numeric_limits<T>::denorm_min();
    if (!(std::fabs(analytic - difference) <= tolerance)) {
      INFO("x = " << double(x) << ": slope " << double(analytic) << ", finite difference "
                  << double(difference));
      REQUIRE(std::fabs(analytic - difference) <= tolerance);
    }
    ++checked;
  }
}

// f.derivative against the central differences of the reference forward.
template <class T, class F, class Forward>
void check_finite_differences(F const& f, Forward const& forward,
                              std::vector<real> const& kinks = {}) {
  check_slope_against_differences<T>([&f](T x) { return f.derivative(x); }, forward, kinks,
                                     false);
}

// f.second_derivative against the central differences of the reference
// derivative, as check_finite_differences.
template <class T, class F, class Derivative>
void check_second_derivative_differences(F const& f, Derivative const& derivative,
                                         std::vector<real> const& kinks = {}) {
  check_slope_against_differences<T>([&f](T x) { return f.second_derivative(x); }, derivative,
                                     kinks, true);
}

// A smaller sample of the same kind for the second derivatives, whose
// references cost several long double exponentials each: 2^19 float
// patterns of each sign (one in about every 4080) or 2^17 random double
// patterns of each sign, plus 2^16 uniform points in [-20, 20].
template <class T>
std::vector<T> const& second_derivative_sample() {
  static const std::vector<T> xs = finite_range_sample<T>(
      (sizeof(T) == 4 ? (1u << 19) : (1u << 17)) / sample_divisor(), (1u << 16) / sample_divisor());
  return xs;
}

// f.second_derivative (through the array API) against the reference over
// second_derivative_sample, in ULP of max(|f''|, scale(x)): scale is |f''| itself
// where nothing cancels, and where f'' is a sum of terms that cancel at its
// zeros, the sum of their magnitudes (the header says which).
template <class T, class F, class Second, class Scale>
void check_second_derivative_accuracy(std::string const& name, F const& f, Second const& second,
                                      Scale const& scale, real bound_ulp) {
  std::vector<T> const& xs = second_derivative_sample<T>();
  std::vector<T> values(xs.size());
  actfn::second_derivative(f, xs, values);
  error_report report;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const real expected = second(xs[i]);
    const real error =
        ulp_error(values[i], expected) * ulp<T>(expected) /
        ulp<T>(std::max(std::fabs(expected), std::fabs(scale(xs[i]))));
    if (error > report.max_ulp || std::isnan(error)) {
      report.max_ulp = error;
      report.at = xs[i];
    }
  }
  print(name + "<" + type_name<T>() + "> second derivative", report);
  CHECK(report.max_ulp <= bound_ulp);
}
template <class T, class F, class Second>
void check_second_derivative_accuracy(std::string const& name, F const& f, Second const& second,
                                      real bound_ulp) {
  check_second_derivative_accuracy<T>(name, f, second, [](real) { return real(0); }, bound_ulp);
}

// Just outside the window of the absolute bound around a derivative's zero
// (1.1e-3 and 1e-2 relative, both sides), the relative bound holds again.
template <class T, class F, class Derivative>
void check_derivative_beside_zero(F const& f, Derivative const& derivative, real zero,
                                  real derivative_ulp) {
  for (real offset : {real(1.1e-3), real(-1.1e-3), real(1e-2), real(-1e-2)}) {
    const T x = static_cast<T>(zero * (1 + offset));
    INFO("x = " << double(x));
    CHECK(ulp_error(f.derivative(x), derivative(x)) <= derivative_ulp);
  }
}

// Bit-exact equality that counts any NaN as equal to any NaN.
template <class T>
bool same(T a, T b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return a == b && std::signbit(a) == std::signbit(b);
}

// A point where f and f' must give exactly these bits (NaN: any NaN).
template <class T>
struct exact_point {
  T x, value, slope;
};

// Each point through the scalar functor, and through the array API both in
// the SIMD body (the first element of a buffer of two full batches and one
// more) and in its tail (the last element): kink conventions hold on every
// path.
template <class T, class F>
void check_exact_points(F const& f, std::vector<exact_point<T>> const& points) {
  const std::size_t n = 2 * xsimd::batch<T>::size + 1;
  for (exact_point<T> const& p : points) {
    INFO("x = " << double(p.x));
    std::vector<T> x(n, T(0.5)), y(n), d(n);
    x.front() = p.x;
    x.back() = p.x;
    actfn::forward(f, x, y);
    actfn::derivative(f, x, d);
    CHECK(same(f(p.x), p.value));
    CHECK(same(y.front(), p.value));
    CHECK(same(y.back(), p.value));
    CHECK(same(f.derivative(p.x), p.slope));
    CHECK(same(d.front(), p.slope));
    CHECK(same(d.back(), p.slope));
  }
}

// Points where f'' must give exactly these bits (NaN: any NaN), through the
// scalar functor and the array API's SIMD body and tail, as check_exact_points.
template <class T, class F>
void check_exact_second_derivatives(F const& f, std::vector<std::pair<T, T>> const& points) {
  const std::size_t n = 2 * xsimd::batch<T>::size + 1;
  for (auto const& [x0, expected] : points) {
    INFO("x = " << double(x0));
    std::vector<T> x(n, T(0.5)), d2(n);
    x.front() = x0;
    x.back() = x0;
    actfn::second_derivative(f, x, d2);
    CHECK(same(f.second_derivative(x0), expected));
    CHECK(same(d2.front(), expected));
    CHECK(same(d2.back(), expected));
  }
}

}  // namespace support
