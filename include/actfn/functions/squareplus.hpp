// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>
#include <limits>

#include "actfn/descriptor.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/detail/vector_math.hpp"

ACTFN_NAMESPACE_BEGIN

// Squareplus (So 2021, arXiv:2112.11687; jax.nn.squareplus): softplus's
// shape from a square root, no exponential.
//   f(x)  = (x + s) / 2, s = sqrt(x^2 + b)
//   f'(x) = (1 + x / s) / 2 = f(x) / s
//   b: positive, at most half the largest finite value; default 4.
//   f(0) = sqrt(b)/2, f(-inf) = +0, f(+inf) = +inf, f'(-inf) = 0,
//   f'(+inf) = 1; f(-0) = f(+0); NaN gives NaN.
//   Max error against a long double reference over the whole finite range
//   (b in {4, 1, 0.25}): f and f' within 1 ULP.
// x + s cancels for x < 0: there f = (b/2) / (s + |x|) and
// f' = (b/2) / (s (s + |x|)), sums of one sign. s is carried as two words
// (the square root of the exact x^2 + b, corrected by its residual), so each
// quotient is rounded about once. Where x^2 could overflow (|x| beyond
// 2^(max_exponent/2 - 2)) x and b are scaled by powers of 2 first.
template <class T, class Precision = accurate>
class squareplus {
 public:
  using value_type = T;
  using precision = Precision;

  explicit squareplus(T b = T(4))
      : b_(detail::require_finite(b, "squareplus", "b")), b_scaled_(b_ * down * down) {
    if (!(b_ > T(0) && b_ <= std::numeric_limits<T>::max() / 2)) {
      detail::fail("squareplus", "b must be positive and at most half the largest value, got ", b_);
    }
  }

  T b() const { return b_; }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    const scaled<V> v(x, b_, b_scaled_);
    // x >= 0: (x + s) / 2; x < 0: (b/2) / (s + |x|), in the scaled units
    // (b/2 times down, so that a large b cannot overflow the quotient).
    const detail::double_word<V> sum = detail::two_sum(v.x, v.s.high);
    const V positive = (sum.high + (sum.low + v.s.low)) * (V(0.5) / v.down);
    const V negative = detail::divide(V(b_ / 2) * v.down, v.s_plus_magnitude());
    const V finite = detail::select(x < V(0), negative, positive);
    return detail::select(detail::abs(x) == V(infinity), detail::select(x > V(0), x, V(0)), finite);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    const scaled<V> v(x, b_, b_scaled_);
    // x >= 0: (x + s) / (2s); x < 0: (b/2) / (s (s + |x|)), whose scaled
    // form is down^2 too small: (b/2) down / (s (s + |x|)) cannot overflow,
    // and only a subnormal result is rounded again by the second down.
    const detail::double_word<V> sum = detail::two_sum(v.x, v.s.high);
    const V positive = detail::divide(
        detail::double_word<V>{sum.high * V(0.5), (sum.low + v.s.low) * V(0.5)}, v.s);
    const V negative =
        detail::divide(V(b_ / 2) * v.down, detail::product(v.s, v.s_plus_magnitude())) * v.down;
    const V finite = detail::select(x < V(0), negative, positive);
    return detail::select(detail::abs(x) == V(infinity), detail::select(x > V(0), V(1), V(0)),
                          finite);
  }

 private:
  static constexpr T infinity = std::numeric_limits<T>::infinity();
  static constexpr int half_range = std::numeric_limits<T>::max_exponent / 2;
  // Beyond `large`, x^2 + b could overflow: x is scaled by `down` (into
  // (2^-4, 2^(half_range - 2)]) and b by down^2.
  static constexpr T large = detail::power_of_2<T>(half_range - 2);
  static constexpr T down = detail::power_of_2<T>(-half_range - 2);

  // x and b scaled by down and down^2 where |x| > large (by 1 elsewhere),
  // and s = sqrt(x^2 + b) in the same units, as two words.
  template <class V>
  struct scaled {
    V down, x, b;
    detail::double_word<V> s;

    scaled(V const& x_in, T b_in, T b_scaled)
        : down(detail::select(detail::abs(x_in) > V(large), V(squareplus::down), V(1))),
          x(x_in * down),
          b(detail::select(down == V(1), V(b_in), V(b_scaled))) {
      // x^2 + b exactly as two words, then its square root corrected by the
      // residual (x^2 + b) - r^2, exact for a correctly rounded r.
      const detail::double_word<V> square = detail::two_product(x, x);
      const detail::double_word<V> sum = detail::two_sum(square.high, b);
      const detail::double_word<V> radicand = detail::fast_two_sum(sum.high, sum.low + square.low);
      const V root = detail::square_root(radicand.high);
      const V residual = detail::minus_product(radicand.high, root, root) + radicand.low;
      s = {root, residual / (root + root)};
    }

    // s + |x| as two words (both positive: no cancellation).
    detail::double_word<V> s_plus_magnitude() const {
      const detail::double_word<V> sum = detail::two_sum(s.high, detail::abs(x));
      return detail::fast_two_sum(sum.high, sum.low + s.low);
    }
  };

  T b_;
  T b_scaled_;
};

template <class T, class Precision>
struct descriptor<squareplus<T, Precision>> {
  static constexpr const char* name = "squareplus";
  static constexpr summary formulas{"(x + √(x² + b))/2 (So 2021; JAX)", "(1 + x/√(x² + b))/2",
                                    "f(0) = √b/2, f(−inf) = 0", "(> 0)"};
  static constexpr std::array<const char*, 1> parameters{{"b"}};
  static constexpr std::array<std::array<double, 1>, 3> tested{{{4}, {1}, {0.25}}};
  static std::array<double, 1> values(squareplus<T, Precision> const& f) {
    return {{double(f.b())}};
  }
  static constexpr accuracy_bounds accuracy{1, 1, 0, 0};
  static constexpr int eigen_cost = 20;
};

ACTFN_NAMESPACE_END
