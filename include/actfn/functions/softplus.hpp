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

// log(1 + e^z) and sigmoid(z) for a two-word z = high + low, both from
// e = e^-|z| in [0, 1] (never overflows), carried as two words:
// log(1 + e^z) = max(z, 0) + log1p(e), and sigmoid(z) = e / (1 + e) for
// z < 0, 1 / (1 + e) otherwise, one corrected division. Neither cancels.
// z.high = +inf leaves a NaN low word in value(): callers choose the limit.
template <class V>
class softplus_parts {
 public:
  explicit softplus_parts(double_word<V> const& z)
      : z_(z),
        negative_(z.high < V(0)),
        exponential_(detail::select(negative_, z.high, detail::negate(z.high)),
                     detail::select(negative_, z.low, detail::negate(z.low))),
        e_(exponential_.times_as_two_words(V(1))) {}

  // log(1 + e^z) as two words.
  double_word<V> value() const {
    const V log_term = detail::log1p_unit_interval(e_.high, e_.low);
    const double_word<V> sum =
        detail::two_sum(detail::select(negative_, V(0), z_.high), log_term);
    return {sum.high, sum.low + detail::select(negative_, V(0), z_.low)};
  }

  // m e^-|z|, rounded once even where it is subnormal.
  V exponential_times(V const& m) const { return exponential_.times(m); }

  V sigmoid() const {
    const double_word<V> numerator{detail::select(negative_, e_.high, V(1)),
                                   detail::select(negative_, e_.low, V(0))};
    return detail::divide(numerator, one_plus_e());
  }

  // m sigmoid'(z) = m e / (1 + e)^2: the quotient first, then e applied
  // inside the exponential, so a subnormal result rounds once.
  V sigmoid_derivative_times(V const& m) const {
    return exponential_.times(detail::divide(m, detail::square(one_plus_e())));
  }

 private:
  double_word<V> one_plus_e() const {
    double_word<V> sum = detail::fast_two_sum(V(1), e_.high);
    sum.low = sum.low + e_.low;
    return sum;
  }

  double_word<V> z_;
  decltype(V() < V()) negative_;
  exponential<V> exponential_;
  double_word<V> e_;
};

}  // namespace detail

// Softplus, PyTorch's form (Dugas et al. 2001).
//   f(x)  = log(1 + e^(beta x)) / beta, and x where beta x > threshold
//   f'(x) = sigmoid(beta x), and 1 where beta x > threshold
//   f''(x) = beta sigmoid'(beta x), and 0 where beta x > threshold
//   beta > 0 and finite, default 1; threshold: any value but NaN, default 20
//   (+inf never switches to the line). range (0, inf); f(-inf) = 0,
//   f(+inf) = +inf, f'(-inf) = 0, f'(+inf) = 1; NaN gives NaN.
//   Max error against a long double reference of this definition (the
//   switch included) over the whole finite range (beta in {1, 2, 0.3} with
//   threshold 20, and beta 1 with +inf): f within 2 ULP, f' within 1.5 ULP,
//   f'' within 2 ULP.
//   The bounds hold for beta >= 2^-20; below that f may be 0 where it is a
//   subnormal number.
// z = beta x is carried as an exact two-word product, so beta != 1 costs no
// accuracy (log(1 + e^z) for z = -80 would amplify z's rounding 80 times):
// f = (max(z, 0) + log1p(e^-|z|)) / beta with the sum in two words and one
// corrected division, f' = sigmoid(z) from the same exponential. Far below 0
// (z < -20 in float, -40 in double), where log1p(e^z) = e^z within 2^-28
// (2^-57) relative, f = e^z (1/beta) rounded once, so that a subnormal e^z
// is not rounded before the division.
template <class T, class Precision = accurate>
class softplus {
 public:
  using value_type = T;
  using precision = Precision;

  explicit softplus(T beta = T(1), T threshold = T(20))
      : beta_(detail::require_finite(beta, "softplus", "beta")),
        reciprocal_(T(1) / beta_),
        threshold_(threshold) {
    if (!(beta_ > T(0))) detail::fail("softplus", "beta must be positive, got ", beta_);
    if (threshold_ != threshold_) detail::fail("softplus", "threshold must not be NaN");
  }

  T beta() const { return beta_; }
  T threshold() const { return threshold_; }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    const detail::double_word<V> z = detail::two_product(V(beta_), x);
    const detail::softplus_parts<V> parts(z);
    const V curve = detail::select(
        z.high < V(tail_start), parts.exponential_times(V(reciprocal_)),
        detail::divide(parts.value(), detail::double_word<V>{V(beta_), V(0)}));
    return detail::select(linear(z.high), x, curve);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    const detail::double_word<V> z = detail::two_product(V(beta_), x);
    return detail::select(linear(z.high), V(1), detail::softplus_parts<V>(z).sigmoid());
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V second_derivative(V const& x) const {
    const detail::double_word<V> z = detail::two_product(V(beta_), x);
    return detail::select(linear(z.high), V(0),
                          detail::softplus_parts<V>(z).sigmoid_derivative_times(V(beta_)));
  }

  // f'(x) from y = f(x): sigmoid(beta x) = 1 - e^(-beta y), as
  // |expm1(-beta y)|: no cancellation, so within 1.5 ULP of f' at the x that y
  // stands for, and relative everywhere; 1 where beta y > threshold (off by at
  // most e^-threshold just above it, where the curve's y and the line's
  // overlap).
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    // A y < 0, which no x gives, is taken as 0.
    const V beta_y = detail::clamp_below(V(beta_) * y, V(0));
    return detail::select(beta_y > V(threshold_), V(1),
                          detail::abs(detail::expm1_nonpositive(detail::negate(beta_y))));
  }

 private:
  // Above the threshold, and where beta x overflowed (f tends to x there).
  template <class V>
  auto linear(V const& z) const {
    return detail::either(z > V(threshold_), z == V(std::numeric_limits<T>::infinity()));
  }

  static constexpr T tail_start = std::is_same<T, float>::value ? T(-20) : T(-40);
  T beta_;
  T reciprocal_;
  T threshold_;
};

template <class T, class Precision>
struct descriptor<softplus<T, Precision>> {
  static constexpr const char* name = "softplus";
  static constexpr summary formulas{"log(1 + e^(βx))/β; x where βx > threshold (PyTorch)",
                                    "σ(βx); 1 where βx > threshold",
                                    "f(−inf) = 0; threshold = inf never switches", "(beta > 0)"};
  static constexpr std::array<const char*, 2> parameters{{"beta", "threshold"}};
  static constexpr std::array<std::array<double, 2>, 4> tested{
      {{1, 20}, {2, 20}, {0.3, 20}, {1, std::numeric_limits<double>::infinity()}}};
  static std::array<double, 2> values(softplus<T, Precision> const& f) {
    return {{double(f.beta()), double(f.threshold())}};
  }
  static constexpr accuracy_bounds accuracy{2, 1.5, 2, 1.5};
  static constexpr int eigen_cost = 40;
};

ACTFN_NAMESPACE_END
