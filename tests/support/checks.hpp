// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The checks every smooth or piecewise activation gets: accuracy against the
// long double reference over a sample of the whole finite range, and the
// derivative against central finite differences of that reference.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <actfn/array.hpp>

#include "../catch.hpp"
#include "accuracy.hpp"
#include "contracts.hpp"

namespace support {

// Sample sizes: float takes one bit pattern in every run of 255 (2^23 of each
// sign, a stratified sample of 2^24 of the 2^32 patterns) plus 2^18 uniform
// points; double takes 2^20 random patterns of each sign plus 2^18 uniform
// points.
template <class T>
std::vector<T> const& accuracy_sample() {
  static const std::vector<T> xs =
      finite_range_sample<T>(sizeof(T) == 4 ? (1u << 23) : (1u << 20), 1u << 18);
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

// f.derivative(x) against (F(x + h) - F(x - h)) / 2h computed in long double
// from the reference forward F, at 10,000 random x of magnitude 1e-4 to 30,
// with h = 2^-24 / max(1, |x|) rounded down to a power of 2 (so x +- h is exact
// in long double, and the truncation error h^2 f'''/6 stays negligible even in
// the Gaussian tails) and x within 4h of a kink skipped. The tolerance
// is 2^-16 (float) or 2^-40 (double) relative, plus the difference's own
// rounding noise 2^-62 (1 + x^2) |F(x)| / h (the references round their
// arguments, and the Gaussian tails amplify that by x^2), plus T's smallest subnormal (a derivative
// that underflows in T is 0).
template <class T, class F, class Forward>
void check_finite_differences(F const& f, Forward const& forward,
                              std::vector<real> const& kinks = {}) {
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
    const real analytic = f.derivative(x);
    const real tolerance = relative * std::fabs(difference) +
                           std::ldexp((1 + real(x) * x) * std::fabs(forward(real(x))), -62) / h +
                           std::numeric_limits<T>::denorm_min();
    if (!(std::fabs(analytic - difference) <= tolerance)) {
      INFO("x = " << double(x) << ": derivative " << double(analytic) << ", finite difference "
                  << double(difference));
      REQUIRE(std::fabs(analytic - difference) <= tolerance);
    }
    ++checked;
  }
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

}  // namespace support
