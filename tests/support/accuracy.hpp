// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Error measurement against a long double reference: ULP of the tested type,
// samples of the whole finite range, and the report each accuracy test prints.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <actfn/array.hpp>

namespace support {

using real = long double;

// Spacing of T around |r| (the subnormal spacing below the normal range).
template <class T>
real ulp(real r) {
  int exponent = 0;
  std::frexp(r, &exponent);
  exponent = std::max(exponent, std::numeric_limits<T>::min_exponent);
  return std::ldexp(real(1), exponent - std::numeric_limits<T>::digits);
}

// |actual - reference| in ULP of T; 0 when both are the same NaN class or
// infinity, and infinite when only one of them is NaN or infinite. A
// reference beyond T's range must have rounded to that infinity.
template <class T>
real ulp_error(T actual, real reference) {
  if (std::isnan(actual) || std::isnan(reference)) {
    return std::isnan(actual) && std::isnan(reference) ? 0 : std::numeric_limits<real>::infinity();
  }
  if (std::fabs(reference) > real(std::numeric_limits<T>::max())) {
    return actual == static_cast<T>(reference) ? 0 : std::numeric_limits<real>::infinity();
  }
  if (std::isinf(actual)) return std::numeric_limits<real>::infinity();
  return std::fabs(real(actual) - reference) / ulp<T>(reference);
}

template <class T>
T from_bits(std::uint64_t bits) {
  T value;
  if constexpr (sizeof(T) == 4) {
    const auto narrow = static_cast<std::uint32_t>(bits);
    std::memcpy(&value, &narrow, sizeof value);
  } else {
    std::memcpy(&value, &bits, sizeof value);
  }
  return value;
}

// A sample of the finite range of T, both signs: every k-th bit pattern (float)
// or random bit patterns (double), so every binade from the subnormals to the
// largest finite value is covered evenly; plus uniform points in
// [-uniform_bound, uniform_bound], where the activations bend.
template <class T>
std::vector<T> finite_range_sample(std::size_t patterns, std::size_t uniform,
                                   T uniform_bound = T(20)) {
  std::vector<T> xs;
  xs.reserve(2 * patterns + uniform);
  std::mt19937_64 random(20261122);
  const std::uint64_t largest = sizeof(T) == 4 ? 0x7f7fffffULL : 0x7fefffffffffffffULL;
  const std::uint64_t sign = sizeof(T) == 4 ? 0x80000000ULL : 0x8000000000000000ULL;
  for (std::size_t i = 0; i < patterns; ++i) {
    const std::uint64_t bits = sizeof(T) == 4
                                   ? (largest / patterns) * i + random() % (largest / patterns)
                                   : random() % (largest + 1);
    xs.push_back(from_bits<T>(bits));
    xs.push_back(from_bits<T>(bits | sign));
  }
  std::uniform_real_distribution<T> near(-uniform_bound, uniform_bound);
  for (std::size_t i = 0; i < uniform; ++i) xs.push_back(near(random));
  return xs;
}

struct error_report {
  real max_ulp = 0;
  real at = 0;
  real max_absolute_near_zero = 0;  // inside the windows around derivative zeros
};

// Measures values (computed by actfn) against reference over xs. Inside
// 1e-3 relative of a zero in `zeros`, the absolute error is recorded instead.
template <class T, class Reference>
error_report measure(std::vector<T> const& xs, std::vector<T> const& values,
                     Reference const& reference, std::vector<real> const& zeros = {}) {
  error_report report;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const real x = xs[i];
    const real expected = reference(x);
    const bool near_zero = std::any_of(zeros.begin(), zeros.end(), [x](real zero) {
      return std::fabs(x - zero) <= real(1e-3) * std::fabs(zero);
    });
    if (near_zero) {
      report.max_absolute_near_zero =
          std::max(report.max_absolute_near_zero, std::fabs(real(values[i]) - expected));
      continue;
    }
    const real error = ulp_error(values[i], expected);
    if (error > report.max_ulp || std::isnan(error)) {
      report.max_ulp = error;
      report.at = x;
    }
  }
  return report;
}

template <class T>
const char* type_name() {
  return sizeof(T) == 4 ? "float" : "double";
}

inline void print(std::string const& what, error_report const& report) {
  std::cout.precision(3);
  std::cout << "accuracy " << what << ": max " << std::fixed << double(report.max_ulp)
            << " ULP at x = " << std::defaultfloat << double(report.at);
  if (report.max_absolute_near_zero > 0) {
    std::cout << "; near the derivative's zero max absolute error "
              << double(report.max_absolute_near_zero);
  }
  std::cout << '\n';
}

// Absolute bound that applies within 1e-3 relative of a derivative's zero.
template <class T>
real absolute_bound_near_zero() {
  return std::ldexp(real(1), -(std::numeric_limits<T>::digits));
}

}  // namespace support
