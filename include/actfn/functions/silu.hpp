// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>
#include <limits>
#include <type_traits>

#include "actfn/descriptor.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/detail/vector_math.hpp"

ACTFN_NAMESPACE_BEGIN
namespace detail {

// The zero z0 = -1 - W(1/e) of 1 + z + e^z, where silu's derivative changes
// sign (at x = z0 / beta), and e^z0 = W(1/e) = -(1 + z0), each as two words.
// From mpmath (50 digits): z0 = -1.278464542761073795109358739022980155439.
template <class T>
struct silu_constants;
template <>
struct silu_constants<float> {
  static constexpr float zero_hi = -0x1.474974p+0f;  // -1.27846456
  static constexpr float zero_lo = 0x1.bdf6fap-27f;  // 1.29792825e-08
  static constexpr float exp_zero = 0x1.1d25d0p-2f;      // 0.278464556
  static constexpr float exp_zero_lo = -0x1.bdf6fap-27f;  // -1.29792825e-08
};
template <>
struct silu_constants<double> {
  static constexpr double zero_hi = -0x1.474973c84120bp+0;   // -1.2784645427610737
  static constexpr double zero_lo = -0x1.f8d74bc9ac154p-54;  // -1.0946994183093437e-16
  static constexpr double exp_zero = 0x1.1d25cf210482ep-2;      // 0.27846454276107380
  static constexpr double exp_zero_lo = -0x1.ca2d0d94faaecp-60;  // -1.5523606315812798e-18
};

}  // namespace detail

// SiLU, or Swish (Elfwing et al. 2017; Ramachandran et al. 2017).
//   f(x)  = x * sigmoid(beta x)
//   f'(x) = sigmoid(z) (1 + z sigmoid(-z)), z = beta x
//   f''(x) = beta sigmoid'(z) (2 + z (1 - 2 sigmoid(z))), zeros at
//           z = +-2.3993572805154677
//   beta: any finite value, default 1 (beta = 1.702 makes it a GELU
//   approximation). The bounds below hold for beta = 0 and |beta| >= 2^-10;
//   with a smaller |beta|, f may be 0 where its true value is a subnormal
//   number (x beyond 2^20, beta x below -120 in float, -760 in double).
//   f(-inf) = -0 and f(+inf) = +inf for beta > 0; NaN gives NaN.
//   f' has one zero, at x = z0 / beta, z0 = -1.2784645427610738.
//   Max error against a long double reference over the whole finite range
//   (beta in {1, 1.702, 0.5}): f within 2 ULP, f' within 4.5 ULP; within
//   1e-3 relative of that zero, f' within 2^-24 (float) / 2^-53 (double)
//   absolute, and the relative bound holds again just outside that. f''
//   within 0.51 ULP in float, and in double within 3 ULP of its scale (see
//   second_derivative).
// z = beta x is carried as an exact two-word product, so beta != 1 costs no
// accuracy. f is sigmoid's quotient with x folded into the numerator
// (x e^z / (1 + e^z) for z < 0, the product rounded once even when
// subnormal; x / (1 + e^-z) otherwise). For z < 0, f' = e^z M / (1 + e^z)^2
// with M = 1 + z + e^z, which cancels at z0. Writing z = z0 + w turns M into
// w + e^z0 expm1(w), two terms of one sign, so one exponential of w gives M
// to an ULP or two right up to the zero, and e^z = e^z0 e^w as well. For
// z >= 0, f' = (1 + e (1 + z)) / (1 + e)^2 with e = e^-z: no cancellation.
template <class T, class Precision = accurate>
class silu {
 public:
  using value_type = T;
  using precision = Precision;

  explicit silu(T beta = T(1)) : beta_(detail::require_finite(beta, "silu", "beta")) {}

  T beta() const { return beta_; }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    const detail::double_word<V> z = detail::two_product(V(beta_), x);
    const auto negative = z.high < V(0);
    // e = e^-|z|, from the two-word -|z|.
    const detail::exponential<V> e(detail::select(negative, z.high, detail::negate(z.high)),
                                   detail::select(negative, z.low, detail::negate(z.low)));
    // Where e^-|z| is below the exponential's range, x e^z is below half the
    // smallest subnormal (|x| <= 2^10 |z| for |beta| >= 2^-10): 0 makes it so.
    const V factor = detail::select(z.high < V(lowest), V(0), x);
    const V numerator = detail::select(negative, e.times(factor), x);
    // sigmoid > 0, so f has x's sign (-0 included).
    const V value =
        detail::copy_sign(detail::divide(numerator, detail::fast_two_sum(V(1), e.value())), x);
    // Infinite x: 0 where z = -inf, x where z = +inf or beta = 0 (z is NaN).
    return detail::select(detail::abs(x) == V(infinity),
                          detail::select(negative, detail::copy_sign(V(0), x), x), value);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    using constants = detail::silu_constants<T>;
    const detail::double_word<V> z = detail::two_product(V(beta_), x);
    const auto negative = z.high < V(0);
    // w = z - z0 (exact next to z0, by Sterbenz), for z < 0; -z for z >= 0.
    const detail::double_word<V> shifted = detail::two_sum(z.high, V(-constants::zero_hi));
    const V w_low = shifted.low + (z.low - V(constants::zero_lo));
    const detail::exponential<V> e(
        detail::select(negative, shifted.high, detail::negate(z.high)),
        detail::select(negative, w_low, detail::negate(z.low)));

    // z < 0: M = w + e^z0 expm1(w), e^z = e^z0 e^w, numerator e^z M.
    const detail::double_word<V> expm1_w = e.minus_one();
    // Where w was clamped (z < -120 in float, -760 in double) f' is below
    // half the smallest subnormal; |M| < 2^19 keeps e^w M rounding to 0 there.
    const V m = detail::clamp_below(
        detail::fused_multiply_add(V(constants::exp_zero), expm1_w.high, shifted.high) +
            detail::multiply_add(V(constants::exp_zero), expm1_w.low, w_low),
        V(-0x1p19));
    const V e_z = e.times(V(constants::exp_zero));
    const V numerator_below = e.times(
        detail::fused_multiply_add(V(constants::exp_zero), m, V(constants::exp_zero_lo) * m));
    // z >= 0: e = e^-z, numerator 1 + e (1 + z).
    const V e_minus_z = e.value();
    const V numerator_above = detail::multiply_add(e_minus_z, V(1) + z.high, V(1));

    const V exp_term = detail::select(negative, e_z, e_minus_z);
    const V numerator = detail::select(negative, numerator_below, numerator_above);
    const V slope =
        detail::divide(numerator, detail::square(detail::fast_two_sum(V(1), exp_term)));
    // Infinite z: the limits 0 (z = -inf) and 1 (z = +inf); infinite x with
    // beta = 0: 1/2. NaN stays NaN.
    const V limit = detail::select(negative, V(0), detail::select(z.high > V(0), V(1), V(0.5)));
    return detail::select(detail::abs(x) == V(infinity), limit,
                          detail::select(detail::abs(z.high) == V(infinity), limit, slope));
  }

  // In double for float lanes (so float f'' is rounded once, relative
  // everywhere): with e = e^-|z| (z in two words),
  //   f'' = beta e (2 (1 + e) - |z| (1 - e)) / (1 + e)^3,
  // 1 - e = -expm1(-|z|). The bracket cancels at the zeros, so in double f''
  // is within 3 ULP of the scale beta e (2 (1 + e) + |z| (1 - e)) / (1 + e)^3.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V second_derivative(V const& x) const {
    const double beta = beta_;
    return detail::in_double_precision(x,
                                       [beta](auto const& wide) { return curvature(wide, beta); });
  }

 private:
  template <class V>
  static V curvature(V const& x, double beta) {
    const detail::double_word<V> z = detail::two_product(V(beta), x);
    const auto negative = z.high < V(0);
    // |z| beyond 1024 only scales a 0: clamped, so that the bracket stays finite.
    const V magnitude = detail::clamp_above(detail::abs(z.high), V(1024));
    const detail::exponential<V> e(detail::negate(magnitude),
                                   detail::select(negative, z.low, detail::negate(z.low)));
    const V one_minus_e = detail::negate(e.minus_one().high);
    const V n = detail::fused_multiply_add(detail::negate(magnitude), one_minus_e,
                                           detail::multiply_add(V(2), e.value(), V(2)));
    // Infinite x: the limit, 0 with the sign of -beta (beta = 0 makes z NaN
    // there; f = x/2 has f'' = 0 too).
    return detail::select(detail::abs(x) == V(std::numeric_limits<double>::infinity()),
                          V(-0.0) * V(beta), V(beta) * detail::times_over_cube_of_one_plus(e, n));
  }

  static constexpr T infinity = std::numeric_limits<T>::infinity();
  static constexpr T lowest = detail::math_constants<T>::exp_lowest;
  T beta_;
};

template <class T, class Precision>
struct descriptor<silu<T, Precision>> {
  static constexpr bool in_float = std::is_same<T, float>::value;
  static constexpr const char* name = "silu";
  static constexpr summary formulas{"x·σ(βx) (Swish)", "σ(z)(1 + z·σ(−z)), z = βx",
                                    "f(−inf) = −0, f' = 0 at z = −1.27846", ""};
  static constexpr std::array<const char*, 1> parameters{{"beta"}};
  static constexpr std::array<std::array<double, 1>, 3> tested{{{1}, {1.702}, {0.5}}};
  static std::array<double, 1> values(silu<T, Precision> const& f) { return {{double(f.beta())}}; }
  static constexpr accuracy_bounds accuracy{2, 4.5, in_float ? 0.51 : 3, 0};
  static constexpr int eigen_cost = 30;
};

ACTFN_NAMESPACE_END
