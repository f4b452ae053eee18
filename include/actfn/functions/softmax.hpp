// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// softmax and log_softmax over one vector or over every row of a row-major
// matrix, with the backward pass (vector-Jacobian product) from the output
// and the Jacobian of one row.
#pragma once

#include "actfn/detail/namespace.hpp"

#include <cmath>
#include <cstddef>
#include <iterator>
#include <limits>
#include <type_traits>
#include <utility>
#include <vector>

#include "actfn/backward_mode.hpp"
#include "actfn/descriptor.hpp"
#include "actfn/detail/batch_loop.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/detail/vector_math.hpp"
#include "actfn/fp_environment.hpp"
#include "actfn/storage_types.hpp"

ACTFN_NAMESPACE_BEGIN

// What softmax and log_softmax give for a row whose entries are all -inf (a
// fully masked row), where the function is undefined. The choice names the
// probabilities; log_softmax gives their logarithms.
enum class masked_row {
  nan,      // NaN everywhere (the default: nothing in the row was valid)
  zeros,    // softmax 0, log_softmax -inf
  uniform,  // softmax 1/cols, log_softmax -log(cols)
};

namespace detail {

enum class softmax_kind { probabilities, logarithms };

// x - m = high + low exactly (Knuth's two-sum), so that e^(x - m) does not
// inherit the rounding of x - m: for x - m = -80 in float that rounding alone
// would be 64 ULP of the result. The two-sum's low part is NaN where one of
// its steps overflows: for x = -inf, and for x - m within a factor 2 of the
// largest finite value (x = 0.43 * DBL_MAX with m = DBL_MAX, say). It is 0
// there: at -inf the difference is exact, and at the edge of the range it is
// below half an ULP of x - m, so y_j (log_softmax; softmax gives 0) stays
// within 1 ULP.
template <class V>
inline double_word<V> difference_from_max(V const& x, V const& row_max) {
  const double_word<V> d = detail::two_sum(x, detail::negate(row_max));
  return {d.high, detail::select(detail::is_nan(d.low), V(0), d.low)};
}

// The largest element of a row, ignoring NaN (a comparison with NaN is
// false); -inf for a row of only NaN and -inf.
template <class T>
inline T row_max(const T* x, std::size_t cols) {
  using batch = xsimd::batch<T>;
  const T negative_infinity = -std::numeric_limits<T>::infinity();
  batch best(negative_infinity);
  detail::for_each_batch(
      cols, negative_infinity,
      [&best](std::size_t, std::size_t, batch const& v) {
        best = detail::select(v > best, v, best);
      },
      x);
  T result = negative_infinity;
  for (T lane : detail::lanes_of(best)) result = lane > result ? lane : result;
  return result;
}

// Rows whose maximum is not finite, in scalar code (they are rare and their
// results are exact): NaN anywhere makes the row NaN; +inf entries share the
// mass equally and the others get 0; a row of -inf follows `masked`.
template <softmax_kind kind, class T>
void special_row(const T* x, T* y, std::size_t cols, T row_max, masked_row masked) {
  constexpr bool logarithms = kind == softmax_kind::logarithms;
  const T nan = std::numeric_limits<T>::quiet_NaN();
  const T infinity = std::numeric_limits<T>::infinity();
  bool has_nan = false;
  std::size_t infinities = 0;
  for (std::size_t j = 0; j < cols; ++j) {
    has_nan = has_nan || std::isnan(x[j]);
    infinities += x[j] == infinity;
  }
  // Probability 1/count, and probability 0, or their logarithms.
  const auto share = [](std::size_t count) {
    return logarithms ? T(0) - std::log(T(count)) : T(1) / T(count);
  };
  const T nothing = logarithms ? -infinity : T(0);
  for (std::size_t j = 0; j < cols; ++j) {
    if (has_nan || (row_max < 0 && masked == masked_row::nan)) {
      y[j] = nan;
    } else if (row_max > 0) {
      y[j] = x[j] == infinity ? share(infinities) : nothing;
    } else {
      y[j] = masked == masked_row::zeros ? nothing : share(cols);
    }
  }
}

// log s = log1p((count - 1) + rest) for a row's sum s of count maxima's 1s
// (maxima: their count in each lane) and rest, once per row, in double: a
// float row gets log s correctly rounded or nearly.
template <class T, class A>
inline T log_of_row_sum(xsimd::batch<T, A> const& maxima, double_word<T> const& rest) {
  T count = 0;  // exact: an integer below 2^digits
  for (T lanes : detail::lanes_of(maxima)) count += lanes;
  return T(std::log1p(static_cast<double>(count - T(1)) +
                      (static_cast<double>(rest.high) + static_cast<double>(rest.low))));
}

// The fast tier's forward pass over a row with a finite maximum m: e^(x - m)
// in one word (its argument still the exact two-word difference: rounding
// x - m would cost 64 ULP at x - m = -80 in float), added up compensated and
// stored in y (softmax), then y times one residual-corrected reciprocal of
// the sum; or
// (x - m) - log s with x - m rounded (log_softmax: both terms are <= 0, so the
// two roundings cost at most an ULP), log s from the terms below the maximum
// summed apart, as the accurate tier does (added to the maxima's 1s, the
// rest's corrections would be rounded at its own magnitude once per term:
// 5.8 ULP at the maximum of a row where it is 1e-23).
template <softmax_kind kind, class T>
void fast_forward_row(const T* x, T* y, std::size_t cols, T m) {
  using batch = xsimd::batch<T>;
  const batch row_max(m);
  compensated_sum<batch> sum;
  batch maxima(T(0));
  detail::for_each_batch(
      cols, -std::numeric_limits<T>::infinity(),
      [&sum, &maxima, &row_max, y](std::size_t i, std::size_t count, batch const& v) {
        const double_word<batch> d = detail::difference_from_max(v, row_max);
        const batch e = one_word_exponential<batch>(d.high, d.low).value();
        if (kind == softmax_kind::probabilities) {
          sum.add(e);
          detail::store_lanes(e, y + i, count);
          return;
        }
        const auto at_maximum = v == row_max;  // never a padding lane: -inf < m
        maxima = maxima + detail::select(at_maximum, batch(1), batch(0));
        sum.add(detail::select(at_maximum, batch(0), e));
      },
      x);
  const double_word<T> s = detail::total(sum);  // softmax: s; log_softmax: rest
  if (kind == softmax_kind::probabilities) {
    const batch scale(detail::divide(T(1), s));  // 1 / s, residual-corrected
    detail::transform(
        cols, y, [&scale](batch const& e) { return e * scale; }, static_cast<const T*>(y));
  } else {
    const batch log_sum(detail::log_of_row_sum(maxima, s));
    detail::transform(
        cols, y, [&row_max, &log_sum](batch const& v) { return (v - row_max) - log_sum; }, x);
  }
}

// One row's forward pass; see softmax below for the passes it makes.
template <softmax_kind kind, class Precision, class T>
void forward_row(const T* x, T* y, std::size_t cols, masked_row masked) {
  using batch = xsimd::batch<T>;
  if (cols == 0) return;
  const T m = detail::row_max(x, cols);
  if (!std::isfinite(m)) return detail::special_row<kind>(x, y, cols, m, masked);
  if constexpr (is_fast_v<Precision>) return detail::fast_forward_row<kind>(x, y, cols, m);
  const batch row_max(m);
  const T negative_infinity = -std::numeric_limits<T>::infinity();

  // Pass 2: the sum s of e^(x - m), whose terms are all in [0, 1] and one of
  // which is exactly 1. softmax divides by s, compensated. log_softmax needs
  // s - 1 to its last bits (log1p passes its relative error on to the row's
  // maximum when the others add up to less than 1), so it sums the terms
  // below the maximum apart, as two words, and counts the maxima (whose
  // terms are exactly 1): s - 1 = (count - 1) + rest, with rest accurate
  // however small it is next to count.
  compensated_sum<batch> sum;
  batch maxima(T(0));
  detail::for_each_batch(
      cols, negative_infinity,
      [&sum, &maxima, &row_max](std::size_t, std::size_t, batch const& v) {
        const double_word<batch> d = detail::difference_from_max(v, row_max);
        const exponential<batch> e(d.high, d.low);
        if (kind == softmax_kind::probabilities) {
          sum.add(e.value());
          return;
        }
        const auto at_maximum = v == row_max;  // never a padding lane: -inf < m
        maxima = maxima + detail::select(at_maximum, batch(1), batch(0));
        const double_word<batch> term = e.times_as_two_words(batch(1));
        sum.add({detail::select(at_maximum, batch(0), term.high),
                 detail::select(at_maximum, batch(0), term.low)});
      },
      x);
  const double_word<T> s = detail::total(sum);  // softmax: s; log_softmax: rest

  // Pass 3.
  if (kind == softmax_kind::probabilities) {
    // e^(x - m) again, as two words, over the two-word sum: one residual-
    // corrected division, so y is e^(x - m)'s polynomial error and one
    // rounding away from the exact quotient (a stored, rounded e would add
    // its own rounding and the sum's).
    const double_word<batch> divisor{batch(s.high), batch(s.low)};
    detail::transform(
        cols, y,
        [&row_max, &divisor](batch const& v) {
          const double_word<batch> d = detail::difference_from_max(v, row_max);
          return detail::divide(exponential<batch>(d.high, d.low).times_as_two_words(batch(1)),
                                divisor);
        },
        x);
  } else {
    // (x - m) - log s, as (high - log s) + low: every term is <= 0, so
    // nothing cancels.
    const batch log_sum(detail::log_of_row_sum(maxima, s));
    detail::transform(
        cols, y,
        [&row_max, &log_sum](batch const& v) {
          const double_word<batch> d = detail::difference_from_max(v, row_max);
          return (d.high - log_sum) + d.low;
        },
        x);
  }
}

// One row's vector-Jacobian product from the output y, plus beta * dx where
// beta != 0 (see store_with_beta).
template <softmax_kind kind, class T>
void backward_row(const T* y, const T* dy, T* dx, std::size_t cols, T beta) {
  using batch = xsimd::batch<T>;
  compensated_sum<batch> sum;
  if (kind == softmax_kind::probabilities) {
    // dx = y * (dy - <dy, y>)
    detail::for_each_batch(
        cols, T(0),
        [&sum](std::size_t, std::size_t, batch const& p, batch const& g) { sum.add_product(p, g); },
        y, dy);
    const batch dot(detail::total(sum).high);
    detail::store_with_beta(
        cols, dx, beta, [&dot](batch const& p, batch const& g) { return p * (g - dot); }, y, dy);
  } else {
    // dx = dy - e^y * sum(dy), the product exact and the difference rounded
    // once (twice without FMA; explicit, so contraction cannot change it).
    detail::for_each_batch(
        cols, T(0), [&sum](std::size_t, std::size_t, batch const& g) { sum.add(g); }, dy);
    const batch total_gradient(detail::total(sum).high);
    detail::store_with_beta(
        cols, dx, beta,
        [&total_gradient](batch const& log_p, batch const& g) {
          return detail::minus_product(g, detail::exp(log_p), total_gradient);
        },
        y, dy);
  }
}

// The names that error messages give the entry points.
enum class softmax_operation { forward, backward, jacobian };
constexpr const char* name_of(softmax_kind kind, softmax_operation operation) {
  const bool logarithms = kind == softmax_kind::logarithms;
  switch (operation) {
    case softmax_operation::forward:
      return logarithms ? "log_softmax::forward" : "softmax::forward";
    case softmax_operation::backward:
      return logarithms ? "log_softmax::backward" : "softmax::backward";
    default:
      return logarithms ? "log_softmax::jacobian" : "softmax::jacobian";
  }
}

// What softmax and log_softmax share: the row loops, their checks, and the
// overloads by pointer and by range.
template <class T, softmax_kind kind, class Precision>
class row_normalizer {
  template <class S>
  using enable_for_storage =
      std::enable_if_t<is_storage_type_v<S> && std::is_same<T, float>::value, int>;

 public:
  using value_type = T;
  using precision = Precision;

  explicit row_normalizer(masked_row masked = masked_row::nan) : masked_(masked) {}

  masked_row masked() const { return masked_; }

  // One vector of n elements.
  void forward(const T* x, T* y, std::size_t n) const { forward(x, n, y, n, 1, n); }
  // Every row of a contiguous row-major rows x cols matrix.
  void forward(const T* x, T* y, std::size_t rows, std::size_t cols) const {
    forward(x, cols, y, cols, rows, cols);
  }
  // Every row, with rows x_stride and y_stride elements apart (>= cols).
  void forward(const T* x, std::size_t x_stride, T* y, std::size_t y_stride, std::size_t rows,
               std::size_t cols) const {
    const char* function = name_of(kind, softmax_operation::forward);
    detail::require_rows(rows, cols, function, {x, x_stride, "x"});
    detail::require_rows(rows, cols, function, {y, y_stride, "y"});
    const detail::kernel_environment environment;
    for (std::size_t r = 0; r < rows; ++r) {
      detail::forward_row<kind, Precision>(x + r * x_stride, y + r * y_stride, cols, masked_);
    }
  }

  // mode (optional, last): actfn::accumulate or actfn::beta(b).
  void backward(const T* y, const T* dy, T* dx, std::size_t n) const {
    backward(y, n, dy, n, dx, n, 1, n);
  }
  template <class Mode, detail::enable_for_mode<Mode, T> = 0>
  void backward(const T* y, const T* dy, T* dx, std::size_t n, Mode mode) const {
    backward(y, n, dy, n, dx, n, 1, n, mode);
  }
  void backward(const T* y, const T* dy, T* dx, std::size_t rows, std::size_t cols) const {
    backward(y, cols, dy, cols, dx, cols, rows, cols);
  }
  template <class Mode, detail::enable_for_mode<Mode, T> = 0>
  void backward(const T* y, const T* dy, T* dx, std::size_t rows, std::size_t cols,
                Mode mode) const {
    backward(y, cols, dy, cols, dx, cols, rows, cols, mode);
  }
  void backward(const T* y, std::size_t y_stride, const T* dy, std::size_t dy_stride, T* dx,
                std::size_t dx_stride, std::size_t rows, std::size_t cols) const {
    backward(y, y_stride, dy, dy_stride, dx, dx_stride, rows, cols, beta(T(0)));
  }
  template <class Mode, detail::enable_for_mode<Mode, T> = 0>
  void backward(const T* y, std::size_t y_stride, const T* dy, std::size_t dy_stride, T* dx,
                std::size_t dx_stride, std::size_t rows, std::size_t cols, Mode mode) const {
    const char* function = name_of(kind, softmax_operation::backward);
    const T b = detail::beta_of<T>(mode, function);
    detail::require_rows(rows, cols, function, {y, y_stride, "y"});
    detail::require_rows(rows, cols, function, {dy, dy_stride, "dy"});
    detail::require_rows(rows, cols, function, {dx, dx_stride, "dx"});
    const detail::kernel_environment environment;
    for (std::size_t r = 0; r < rows; ++r) {
      detail::backward_row<kind>(y + r * y_stride, dy + r * dy_stride, dx + r * dx_stride, cols, b);
    }
  }

  // The same over 16-bit storage buffers (storage_types.hpp), for T =
  // float: each row widened to float, the float row's results rounded once
  // to S. mode as above, with a float beta.
  template <class S, enable_for_storage<S> = 0>
  void forward(const S* x, S* y, std::size_t n) const {
    forward(x, n, y, n, 1, n);
  }
  template <class S, enable_for_storage<S> = 0>
  void forward(const S* x, S* y, std::size_t rows, std::size_t cols) const {
    forward(x, cols, y, cols, rows, cols);
  }
  template <class S, enable_for_storage<S> = 0>
  void forward(const S* x, std::size_t x_stride, S* y, std::size_t y_stride, std::size_t rows,
               std::size_t cols) const {
    const char* function = name_of(kind, softmax_operation::forward);
    detail::require_rows(rows, cols, function, {x, x_stride, "x"});
    detail::require_rows(rows, cols, function, {y, y_stride, "y"});
    const detail::kernel_environment environment;
    std::vector<float> row(cols);
    for (std::size_t r = 0; r < rows; ++r) {
      detail::widen(x + r * x_stride, row.data(), cols);
      detail::forward_row<kind, Precision>(row.data(), row.data(), cols, masked_);
      detail::narrow(row.data(), y + r * y_stride, cols);
    }
  }
  template <class S, class Mode = output_beta<float>, enable_for_storage<S> = 0,
            detail::enable_for_mode<Mode, float> = 0>
  void backward(const S* y, const S* dy, S* dx, std::size_t n, Mode mode = Mode{}) const {
    backward(y, n, dy, n, dx, n, 1, n, mode);
  }
  template <class S, class Mode = output_beta<float>, enable_for_storage<S> = 0,
            detail::enable_for_mode<Mode, float> = 0>
  void backward(const S* y, const S* dy, S* dx, std::size_t rows, std::size_t cols,
                Mode mode = Mode{}) const {
    backward(y, cols, dy, cols, dx, cols, rows, cols, mode);
  }
  template <class S, class Mode = output_beta<float>, enable_for_storage<S> = 0,
            detail::enable_for_mode<Mode, float> = 0>
  void backward(const S* y, std::size_t y_stride, const S* dy, std::size_t dy_stride, S* dx,
                std::size_t dx_stride, std::size_t rows, std::size_t cols,
                Mode mode = Mode{}) const {
    const char* function = name_of(kind, softmax_operation::backward);
    const float b = detail::beta_of<float>(mode, function);
    detail::require_rows(rows, cols, function, {y, y_stride, "y"});
    detail::require_rows(rows, cols, function, {dy, dy_stride, "dy"});
    detail::require_rows(rows, cols, function, {dx, dx_stride, "dx"});
    const detail::kernel_environment environment;
    std::vector<float> rows_in_float(3 * cols);
    float* const y_row = rows_in_float.data();
    float* const dy_row = y_row + cols;
    float* const dx_row = dy_row + cols;
    for (std::size_t r = 0; r < rows; ++r) {
      detail::widen(y + r * y_stride, y_row, cols);
      detail::widen(dy + r * dy_stride, dy_row, cols);
      if (b != 0) detail::widen(dx + r * dx_stride, dx_row, cols);
      detail::backward_row<kind>(y_row, dy_row, dx_row, cols, b);
      detail::narrow(dx_row, dx + r * dx_stride, cols);
    }
  }

  // The n x n Jacobian of one row, row-major: J[i][j] = dy_i / dx_j, from
  // the output y.
  void jacobian(const T* y, T* jacobian, std::size_t n) const {
    const char* function = name_of(kind, softmax_operation::jacobian);
    detail::require_rows(1, n, function, {y, n, "y"});
    detail::require_rows(n, n, function, {jacobian, n, "jacobian"});
    const detail::kernel_environment environment;
    using batch = xsimd::batch<T>;
    for (std::size_t i = 0; i < n; ++i) {
      T* row = jacobian + i * n;
      const batch y_i(y[i]);
      if (kind == softmax_kind::probabilities) {
        // y_i * (delta_ij - y_j): one rounding (on the diagonal, a fused
        // y_i - y_i^2).
        detail::transform(
            n, row, [&y_i](batch const& y_j) { return y_i * (batch(0) - y_j); }, y);
        row[i] = detail::fused_multiply_add(-y[i], y[i], y[i]);
      } else {
        // delta_ij - e^(y_j)
        detail::transform(
            n, row, [](batch const& y_j) { return detail::negate(detail::exp(y_j)); }, y);
        row[i] = T(1) - detail::exp(y[i]);
      }
    }
  }

  // Ranges (anything with data() and size()): one vector.
  template <class In, class Out, detail::enable_for_ranges_of<T, In, Out> = 0>
  void forward(In const& xs, Out&& ys) const {
    const char* function = name_of(kind, softmax_operation::forward);
    detail::require_same_size(std::size(xs), std::size(ys), function, "xs", "ys");
    forward(std::data(xs), std::data(ys), std::size(xs));
  }
  template <class Out, class Grad, class GradOut,
            detail::enable_for_ranges_of<T, Out, Grad, GradOut> = 0>
  void backward(Out const& ys, Grad const& dys, GradOut&& dxs) const {
    backward(ys, dys, dxs, beta(T(0)));
  }
  template <class Out, class Grad, class GradOut, class Mode,
            detail::enable_for_ranges_of<T, Out, Grad, GradOut> = 0,
            detail::enable_for_mode<Mode, T> = 0>
  void backward(Out const& ys, Grad const& dys, GradOut&& dxs, Mode mode) const {
    const char* function = name_of(kind, softmax_operation::backward);
    detail::require_same_size(std::size(ys), std::size(dys), function, "ys", "dys");
    detail::require_same_size(std::size(ys), std::size(dxs), function, "ys", "dxs");
    backward(std::data(ys), std::data(dys), std::data(dxs), std::size(ys), mode);
  }

 private:
  masked_row masked_;
};

}  // namespace detail

// Softmax of each row: y_j = e^(x_j) / sum_k e^(x_k).
//   Computed as e^(x_j - m) / sum_k e^(x_k - m) with m the row's maximum, so
//   nothing overflows; x_j - m is carried as an exact two-word difference and
//   the sum is compensated, and e^(x - m) / sum is divided as two words by two
//   words, so each y_j is within 2 ULP of the exact softmax of the given x
//   (float and double), and a row sums to 1 within 3 epsilon (tested on rows
//   of 1 to 1000 logits in [-1, 1] and [-100, 100]).
//   Passes over a row: 3 (max; sum of e^(x - m); e^(x - m) again, divided).
//   softmax<T, actfn::fast>: e^(x - m) in one word (of the same exact
//   difference), stored in y and added up compensated, then y times one
//   reciprocal of the sum: each y_j within 4 ULP (2.27 measured, float and
//   double, same test set), rows sum to 1 within 5 epsilon; the same special
//   values. Passes: 3 (max; e^(x - m) stored, and summed; y scaled).
//   backward(y, dy, dx): dx = y * (dy - <dy, y>), 2 passes, from the output
//   alone; the dot product is compensated, so dx_j is within 2 epsilon of
//   y_j * (|dy_j| + sum_k |dy_k y_k|) of the exact product at the given y.
//   backward(..., mode), mode actfn::accumulate or actfn::beta(b): dx =
//   b * dx + that product as rounded above, one more rounding (two without
//   FMA; b = 0 never reads dx); log_softmax the same. One backward kernel
//   serves both tiers (it is 2 passes of a few operations already).
//   jacobian(y, J, n): J = diag(y) - y y^T, each entry rounded once (the
//   diagonal y - y^2 without FMA: within 2^-digits of an ULP more).
//   Special values: -inf entries give exactly 0; a row with +inf entries gives
//   1/count to each of them and 0 elsewhere; a row of only -inf follows
//   masked_row (NaN by default); NaN anywhere makes the row NaN; cols = 0 is a
//   no-op; a row of one finite or +inf value gives exactly 1.
//   Layout: row-major, rows x_stride / y_stride elements apart (>= cols);
//   y may be x (in place, same stride); dx may be dy or y.
template <class T, class Precision = accurate>
class softmax : public detail::row_normalizer<T, detail::softmax_kind::probabilities, Precision> {
  using base = detail::row_normalizer<T, detail::softmax_kind::probabilities, Precision>;

 public:
  using base::base;
};

// Log-softmax of each row: y_j = x_j - log sum_k e^(x_k).
//   Computed as (x_j - m) - log1p(s - 1), s = sum_k e^(x_k - m) with m the row's
//   maximum (never as log(softmax), which underflows to -inf); both terms are
//   <= 0, so nothing cancels: each y_j is within 2 ULP of the exact value
//   (float and double, same test set as softmax). Terms e^(x_k - m) below the
//   subnormal range round to 0 in the sum, so where y_j itself is subnormal
//   (the maximum of a row whose other entries are all 87 (float) or 708
//   (double) or more below it) it is also within cols / 2 of the smallest
//   subnormal (the fuzzer checks 2 ULP + cols times the smallest subnormal).
//   Passes over a row: 3 (max; sum of e^(x - m); the result).
//   log_softmax<T, actfn::fast>: the sum of one-word e^(x - m), and
//   (x - m) - log s with x - m rounded: within 4 ULP (1.49 measured), the
//   same special values and subnormal caveat. backward: one kernel for both
//   tiers, as softmax's.
//   backward(y, dy, dx): dx = dy - e^y * sum(dy), 2 passes, from the output
//   alone, within 2 epsilon of |dy_j| + e^(y_j) sum_k |dy_k| of the exact
//   product at the given y (plus sum_k |dy_k| times the smallest subnormal,
//   which only shows where e^(y_j) is itself subnormal). jacobian(y, J, n): J = I - 1 e^(y)^T.
//   Special values: as softmax, in logarithms: -inf entries give -inf, +inf
//   entries -log(count), masked rows log of the masked_row choice, NaN rows
//   NaN; a row of one finite or +inf value gives exactly 0.
template <class T, class Precision = accurate>
class log_softmax : public detail::row_normalizer<T, detail::softmax_kind::logarithms, Precision> {
  using base = detail::row_normalizer<T, detail::softmax_kind::logarithms, Precision>;

 public:
  using base::base;
};

// The free calls that generic code makes for any function of the list
// (array.hpp has the elementwise ones): actfn::forward(f, ...) and
// actfn::backward_from_output(f, ...), which is softmax's backward (it
// needs only y), with the members' arguments: (x, y, n), (x, y, rows, cols),
// strides, ranges, and a mode last for the backward.
template <class T, class Precision, class... Arguments>
auto forward(softmax<T, Precision> const& f, Arguments&&... arguments)
    -> decltype(f.forward(std::forward<Arguments>(arguments)...)) {
  f.forward(std::forward<Arguments>(arguments)...);
}
template <class T, class Precision, class... Arguments>
auto forward(log_softmax<T, Precision> const& f, Arguments&&... arguments)
    -> decltype(f.forward(std::forward<Arguments>(arguments)...)) {
  f.forward(std::forward<Arguments>(arguments)...);
}
template <class T, class Precision, class... Arguments>
auto backward_from_output(softmax<T, Precision> const& f, Arguments&&... arguments)
    -> decltype(f.backward(std::forward<Arguments>(arguments)...)) {
  f.backward(std::forward<Arguments>(arguments)...);
}
template <class T, class Precision, class... Arguments>
auto backward_from_output(log_softmax<T, Precision> const& f, Arguments&&... arguments)
    -> decltype(f.backward(std::forward<Arguments>(arguments)...)) {
  f.backward(std::forward<Arguments>(arguments)...);
}

template <class T, class Precision>
struct descriptor<softmax<T, Precision>> {
  static constexpr const char* name = "softmax";
  static constexpr bool fast_kernel = true;
};

template <class T, class Precision>
struct descriptor<log_softmax<T, Precision>> {
  static constexpr const char* name = "log_softmax";
  static constexpr bool fast_kernel = true;
};

ACTFN_NAMESPACE_END
