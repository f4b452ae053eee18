// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// libFuzzer target over the public array, softmax, maxout, gated and PReLU
// entry points. The input chooses the type, the function and its parameters (NaN,
// inf, 0, negative and huge ones included), sizes, each buffer's start (any
// element offset, so SIMD loads are misaligned), in place or not, and row
// strides. Every output is checked against the scalar functor (bit for bit)
// or a naive long double reference (within the header's bound), bad input
// must throw std::invalid_argument and write nothing, inputs must come back
// unchanged, and guard elements around every buffer must stay untouched. Any
// failure aborts with a message, which libFuzzer reports as a crash.
#include <actfn/actfn.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <typeinfo>
#include <vector>

#include "../support/accuracy.hpp"

namespace {

using real = long double;

[[noreturn]] void failure(const char* what, std::size_t index = 0, double got = 0,
                          double expected = 0) {
  std::fprintf(stderr, "fuzz_kernels: %s [%zu]: got %.17g, expected %.17g\n", what, index, got,
               expected);
  std::abort();
}

// The fuzz input read front to back; past its end every read gives zeros.
class fuzz_input {
 public:
  fuzz_input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::uint8_t byte() {
    if (size_ == 0) return 0;
    --size_;
    return *data_++;
  }
  bool flag() { return (byte() & 1) != 0; }
  // A number in [0, bound).
  std::size_t below(std::size_t bound) {
    const std::size_t wide = std::size_t(byte()) << 8 | byte();
    return bound == 0 ? 0 : wide % bound;
  }
  // Any bit pattern, a special value, or an ordinary one in [-128, 128).
  template <class T>
  T value() {
    static const T specials[] = {std::numeric_limits<T>::quiet_NaN(),
                                 std::numeric_limits<T>::infinity(),
                                 -std::numeric_limits<T>::infinity(),
                                 T(0),
                                 T(-0.0),
                                 std::numeric_limits<T>::min(),
                                 -std::numeric_limits<T>::denorm_min(),
                                 std::numeric_limits<T>::max(),
                                 std::numeric_limits<T>::lowest(),
                                 T(1),
                                 T(-1),
                                 std::numeric_limits<T>::epsilon()};
    switch (byte() % 4) {
      case 0: {
        std::uint64_t bits = 0;
        for (std::size_t i = 0; i < sizeof(T); ++i) bits = bits << 8 | byte();
        T v;
        std::memcpy(&v, &bits, sizeof v);
        return v;
      }
      case 1:
        return specials[byte() % std::size(specials)];
      default:
        return T(static_cast<std::int16_t>(std::uint16_t(byte()) << 8 | byte())) / T(256);
    }
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
};

template <class T>
bool same_bits(T a, T b) {
  return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

// n elements starting `offset` elements into a block whose guard elements
// on both sides hold a pattern that no kernel may overwrite.
template <class T>
class guarded_buffer {
 public:
  static constexpr std::size_t guard = 24;
  static constexpr unsigned char pattern = 0xA5;

  guarded_buffer(std::size_t n, std::size_t offset)
      : storage_(guard + offset + n + guard), offset_(offset), n_(n) {
    std::memset(storage_.data(), pattern, storage_.size() * sizeof(T));
  }
  T* data() { return storage_.data() + guard + offset_; }
  const T* data() const { return storage_.data() + guard + offset_; }
  std::size_t size() const { return n_; }
  T& operator[](std::size_t i) { return data()[i]; }
  T operator[](std::size_t i) const { return data()[i]; }
  std::vector<T> contents() const { return std::vector<T>(data(), data() + n_); }

  void fill(fuzz_input& in) {
    for (std::size_t i = 0; i < n_; ++i) data()[i] = in.value<T>();
  }
  void check_guards(const char* name) const {
    const auto* bytes = reinterpret_cast<const unsigned char*>(storage_.data());
    const std::size_t begin = (guard + offset_) * sizeof(T), end = begin + n_ * sizeof(T);
    for (std::size_t b = 0; b < storage_.size() * sizeof(T); ++b) {
      if ((b < begin || b >= end) && bytes[b] != pattern) failure(name, b);
    }
  }

 private:
  std::vector<T> storage_;
  std::size_t offset_, n_;
};

template <class T>
void require_unchanged(guarded_buffer<T> const& buffer, std::vector<T> const& before,
                       const char* what) {
  buffer.check_guards(what);
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (!same_bits(buffer[i], before[i])) failure(what, i, double(buffer[i]), double(before[i]));
  }
}

template <class Call>
void require_invalid_argument(Call&& call, const char* what) {
  try {
    call();
  } catch (std::invalid_argument const&) {
    return;
  }
  failure(what);
}

// The beta of a row function's or per-channel backward: 0 (overwrite) half
// the time, else any value (NaN and infinities must throw).
template <class T>
T fuzzed_beta(fuzz_input& in) {
  return in.flag() ? in.value<T>() : T(0);
}

// What such a backward must leave in dx: the plain product where beta = 0
// (dx never read), else multiply_add(beta, the old dx, product).
template <class T>
T plus_beta_times(T product, T beta, T old) {
  return beta == T(0) ? product : actfn::detail::multiply_add(beta, old, product);
}

// |actual - expected| <= tolerance, or both NaN, or both the same infinity;
// a reference that overflows T must have rounded to infinity or T's largest.
template <class T>
void require_close(T actual, real expected, real tolerance, const char* what, std::size_t i) {
  if (std::isnan(expected) || std::isnan(actual)) {
    if (std::isnan(expected) && std::isnan(actual)) return;
    failure(what, i, double(actual), double(expected));
  }
  if (std::fabs(expected) > real(std::numeric_limits<T>::max())) {
    if (std::fabs(real(actual)) >= real(std::numeric_limits<T>::max()) &&
        std::signbit(actual) == std::signbit(expected)) {
      return;
    }
    failure(what, i, double(actual), double(expected));
  }
  if (!(std::fabs(real(actual) - expected) <= tolerance)) {
    failure(what, i, double(actual), double(expected));
  }
}

template <class T>
constexpr real epsilon = real(std::numeric_limits<T>::epsilon());
template <class T>
constexpr real tiniest = real(std::numeric_limits<T>::denorm_min());

// ---- Elementwise functors through the array API -------------------------

// Whether F's constructor takes these values (it must throw otherwise):
// finite values, and what each constructor asks of them beyond that.
template <class F, std::size_t N>
bool parameters_valid(std::array<double, N> const& values) {
  using T = typename F::value_type;
  std::array<T, N> v{};
  for (std::size_t i = 0; i < N; ++i) v[i] = static_cast<T>(values[i]);
  if constexpr (std::is_same<F, actfn::softplus<T>>::value) {
    return std::isfinite(v[0]) && v[0] > 0 && !std::isnan(v[1]);  // any threshold but NaN
  } else {
    for (T value : v) {
      if (!std::isfinite(value)) return false;
    }
    if constexpr (std::is_same<F, actfn::hard_sigmoid<T>>::value) {
      const T width = T(1) / v[0], low = -v[1] * width;
      const T high = low + width;  // rounded as the constructor rounds it
      return v[0] > 0 && std::isfinite(width) && std::isfinite(high);
    } else if constexpr (std::is_same<F, actfn::hard_tanh<T>>::value) {
      return v[0] <= v[1];
    } else if constexpr (std::is_same<F, actfn::celu<T>>::value) {
      return v[0] > 0;
    } else if constexpr (std::is_same<F, actfn::squareplus<T>>::value) {
      return v[0] > 0 && v[0] <= std::numeric_limits<T>::max() / 2;
    }
    return true;
  }
}

// Calls visit(functor) with the kernel of the list (either tier) the input
// names, its parameters read from the input; invalid parameters must make
// the constructor throw instead.
template <class T, class Visit>
void with_functor(fuzz_input& in, Visit&& visit) {
  using list = actfn::elementwise_kernels<T>;
  const std::size_t chosen = in.byte() % list::size;
  std::size_t index = 0;
  actfn::for_each_type(list{}, [&](auto tag) {
    if (index++ != chosen) return;
    using F = typename decltype(tag)::type;
    std::array<double, actfn::descriptor<F>::parameters.size()> values{};
    for (double& value : values) value = static_cast<double>(in.value<T>());
    if (parameters_valid<F>(values)) return visit(actfn::make_functor<F>(values));
    require_invalid_argument([&] { (void)actfn::make_functor<F>(values); },
                             "invalid parameters accepted");
  });
}

template <class T>
void fuzz_elementwise(fuzz_input& in) {
  const std::size_t n = in.below(300);
  // forward, derivative, backward, backward with beta, backward_from_output
  // (x's values taken as outputs y), second_derivative (derivative where the
  // functor has none)
  const int operation = in.byte() % 6;
  const int aliasing = in.byte() % 3;  // separate; out = x; out = dy (backward)
  guarded_buffer<T> x(n, in.below(16)), dy(n, in.below(16)), out(n, in.below(16));
  x.fill(in);
  dy.fill(in);
  out.fill(in);
  const T b = operation == 3 ? in.value<T>() : T(0);
  const bool null_input = n > 0 && in.byte() == 0xFF;
  with_functor<T>(in, [&](auto const& f) {
    using F = std::decay_t<decltype(f)>;
    const std::vector<T> x0 = x.contents(), dy0 = dy.contents(), out0 = out.contents();
    const bool gradient = operation >= 2 && operation <= 4;
    T* target = aliasing == 1 ? x.data() : aliasing == 2 && gradient ? dy.data() : out.data();
    const std::vector<T> old = aliasing == 1 ? x0 : aliasing == 2 && gradient ? dy0 : out0;
    if (null_input) {
      const std::vector<T> before = out.contents();
      require_invalid_argument([&] { actfn::forward(f, nullptr, out.data(), n); }, "null x");
      require_invalid_argument([&] { actfn::backward(f, x.data(), nullptr, out.data(), n); },
                               "null dy");
      return require_unchanged(out, before, "written after a failed check");
    }
    if (operation == 3 && !std::isfinite(b)) {
      const std::vector<T> before = out.contents();
      require_invalid_argument(
          [&] { actfn::backward(f, x.data(), dy.data(), out.data(), n, actfn::beta(b)); },
          "non-finite beta accepted");
      return require_unchanged(out, before, "written after a failed check");
    }
    // The slope each element must get: f'(x), or f' from y = x.
    const auto slope = [&](T v) {
      if constexpr (actfn::has_derivative_from_output_v<F>) {
        if (operation == 4) return f.derivative_from_output(v);
      }
      return f.derivative(v);
    };
    // f'', where the functor has one.
    const auto curvature = [&](T v) {
      if constexpr (actfn::has_second_derivative_v<F>) return f.second_derivative(v);
      return f.derivative(v);
    };
    if (operation == 5) {
      if constexpr (actfn::has_second_derivative_v<F>) {
        actfn::second_derivative(f, x.data(), target, n);
      } else {
        actfn::derivative(f, x.data(), target, n);
      }
    }
    if (operation == 0) actfn::forward(f, x.data(), target, n);
    if (operation == 1) actfn::derivative(f, x.data(), target, n);
    if (operation == 2) actfn::backward(f, x.data(), dy.data(), target, n);
    if (operation == 3) actfn::backward(f, x.data(), dy.data(), target, n, actfn::beta(b));
    if (operation == 4) {
      if constexpr (actfn::has_derivative_from_output_v<F>) {
        try {
          actfn::backward_from_output(f, x.data(), dy.data(), target, n);
        } catch (std::invalid_argument const&) {  // e.g. leaky_relu's alpha < 0
          require_unchanged(x, x0, "written after a failed check");
          require_unchanged(dy, dy0, "written after a failed check");
          return require_unchanged(out, out0, "written after a failed check");
        }
      } else {
        actfn::backward(f, x.data(), dy.data(), target, n);
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      const T expected = operation == 0   ? f(x0[i])
                         : operation == 1 ? f.derivative(x0[i])
                         : operation == 5 ? curvature(x0[i])
                         : operation == 3 && b != T(0)
                             ? actfn::detail::multiply_add(dy0[i], f.derivative(x0[i]), b * old[i])
                             : dy0[i] * slope(x0[i]);
      if (!same_bits(target[i], expected)) {
        std::fprintf(stderr, "operation %d of %s at x = %a (dy = %a)\n", operation,
                     typeid(f).name(), double(x0[i]), double(dy0[i]));
        failure("elementwise differs from the scalar functor", i, double(target[i]),
                double(expected));
      }
    }
    x.check_guards("x guard");
    dy.check_guards("dy guard");
    out.check_guards("out guard");
    if (target != x.data()) require_unchanged(x, x0, "x changed");
    if (target != dy.data()) require_unchanged(dy, dy0, "dy changed");
  });
}

// sum of dy * min(x, 0) in long double, and the sum of the terms' magnitudes;
// both finite for any float or double inputs unless one is infinite or NaN.
template <class T>
struct alpha_gradient {
  real sum = 0, magnitude = 0;
  void add(T x, T g) {
    const real term = real(g) * (x > 0 ? real(0) : real(x));
    sum += term;
    magnitude += std::fabs(term);
  }
  // The compensated sum is within a few ULP of the magnitudes; plain sums
  // across `plain_terms` runs add one rounding each. When the magnitudes
  // overflow T, an intermediate may overflow too: only no-crash is checked.
  void check(T start, T actual, std::size_t plain_terms, const char* what,
             std::size_t index) const {
    const real expected = real(start) + sum;
    const real total = std::fabs(real(start)) + magnitude;
    if (std::isnan(total) || total > real(std::numeric_limits<T>::max())) return;
    const real tolerance = (4 + real(plain_terms)) * epsilon<T> * total + 8 * tiniest<T>;
    require_close(actual, expected, tolerance, what, index);
  }
};

template <class T>
void fuzz_prelu_scalar_slope(fuzz_input& in) {
  const std::size_t n = in.below(300);
  const T alpha = in.value<T>();
  guarded_buffer<T> x(n, in.below(16)), dy(n, in.below(16)), dx(n, in.below(16));
  guarded_buffer<T> dalpha(1, in.below(16));
  x.fill(in);
  dy.fill(in);
  dalpha.fill(in);
  if (!std::isfinite(alpha)) {
    return require_invalid_argument([&] { (void)actfn::prelu<T>(alpha); }, "prelu alpha");
  }
  const actfn::prelu<T> f(alpha);
  const T start = dalpha[0];
  actfn::backward(f, x.data(), dy.data(), dx.data(), n, dalpha.data());
  alpha_gradient<T> reference;
  for (std::size_t i = 0; i < n; ++i) {
    const T expected = dy[i] * f.derivative(x[i]);
    if (!same_bits(dx[i], expected)) failure("prelu dx", i, double(dx[i]), double(expected));
    reference.add(x[i], dy[i]);
  }
  reference.check(start, dalpha[0], 1, "prelu dalpha", 0);
  dx.check_guards("dx guard");
  dalpha.check_guards("dalpha guard");
}

template <class T>
void fuzz_prelu_channels(fuzz_input& in) {
  const actfn::channel_layout layout{in.below(5), in.below(9), in.below(20)};
  const std::size_t n = layout.outer * layout.channels * layout.inner;
  const bool backward = in.flag(), in_place = in.flag();
  guarded_buffer<T> alpha(layout.channels, in.below(16)), x(n, in.below(16)), dy(n, in.below(16));
  guarded_buffer<T> out(n, in.below(16)), dalpha(layout.channels, in.below(16));
  alpha.fill(in);
  x.fill(in);
  dy.fill(in);
  out.fill(in);
  dalpha.fill(in);
  const T b = backward ? fuzzed_beta<T>(in) : T(0);
  const std::vector<T> x0 = x.contents(), dy0 = dy.contents(), dalpha0 = dalpha.contents();
  T* target = in_place ? (backward ? dy.data() : x.data()) : out.data();
  const std::vector<T> old = in_place ? (backward ? dy0 : x0) : out.contents();
  const bool finite = std::all_of(alpha.data(), alpha.data() + layout.channels,
                                  [](T a) { return std::isfinite(a); });
  if (!finite || !std::isfinite(b)) {
    const std::vector<T> before = out.contents();
    require_invalid_argument(
        [&] {
          if (backward) {
            actfn::prelu_backward(alpha.data(), x.data(), dy.data(), out.data(), dalpha.data(),
                                  layout, actfn::beta(b));
          } else {
            actfn::prelu_forward(alpha.data(), x.data(), out.data(), layout);
          }
        },
        "alpha[c] or beta");
    require_unchanged(dalpha, dalpha0, "written after a failed check");
    return require_unchanged(out, before, "written after a failed check");
  }
  if (backward) {
    actfn::prelu_backward(alpha.data(), x.data(), dy.data(), target, dalpha.data(), layout,
                          actfn::beta(b));
  } else {
    actfn::prelu_forward(alpha.data(), x.data(), target, layout);
  }
  for (std::size_t c = 0; c < layout.channels; ++c) {
    const actfn::prelu<T> f(alpha[c]);
    alpha_gradient<T> reference;
    for (std::size_t o = 0; o < layout.outer; ++o) {
      for (std::size_t i = 0; i < layout.inner; ++i) {
        const std::size_t at = (o * layout.channels + c) * layout.inner + i;
        // The elementwise backward's rule: multiply_add(dy, f'(x), b * dx) where b != 0.
        const T expected = !backward   ? f(x0[at])
                           : b == T(0) ? dy0[at] * f.derivative(x0[at])
                                       : actfn::detail::multiply_add(dy0[at], f.derivative(x0[at]), b * old[at]);
        if (!same_bits(target[at], expected)) {
          failure("per-channel prelu differs from the scalar functor", at, double(target[at]),
                  double(expected));
        }
        reference.add(x0[at], dy0[at]);
      }
    }
    if (backward) reference.check(dalpha0[c], dalpha[c], layout.outer, "dalpha[c]", c);
  }
  for (auto* buffer : {&alpha, &x, &dy, &out, &dalpha}) buffer->check_guards("prelu guard");
  if (!backward) require_unchanged(dalpha, dalpha0, "dalpha changed by forward");
}

// ---- softmax and log_softmax ----------------------------------------------

// bound: the tier's bound in ULP (softmax.hpp: 2 accurate, 4 fast).
template <class T>
void check_softmax_row(const T* x, const T* y, std::size_t cols, bool logarithms, int bound) {
  bool has_nan = false;
  real m = -std::numeric_limits<real>::infinity();
  std::size_t infinities = 0;
  for (std::size_t j = 0; j < cols; ++j) {
    has_nan = has_nan || std::isnan(x[j]);
    m = std::max(m, real(x[j]));
    infinities += x[j] == std::numeric_limits<T>::infinity();
  }
  // sum = 1 + rest, the 1 from one of the maxima; log(sum) as log1p(rest),
  // since 1 + rest rounds away what matters when rest is tiny.
  real rest = 0;
  if (std::isfinite(m)) {
    bool counted_one = false;
    for (std::size_t j = 0; j < cols; ++j) {
      if (!counted_one && real(x[j]) == m) {
        counted_one = true;
        continue;
      }
      rest += std::exp(real(x[j]) - m);
    }
  }
  const real sum = 1 + rest;
  for (std::size_t j = 0; j < cols; ++j) {
    real expected;
    if (has_nan || m == -std::numeric_limits<real>::infinity()) {
      expected = std::numeric_limits<real>::quiet_NaN();  // the default masked_row::nan
    } else if (std::isinf(m)) {
      const real p = x[j] == std::numeric_limits<T>::infinity() ? 1 / real(infinities) : 0;
      expected = logarithms ? std::log(p) : p;
    } else {
      expected = logarithms ? (real(x[j]) - m) - std::log1p(rest) : std::exp(real(x[j]) - m) / sum;
    }
    // The header's bound, plus cols subnormals for terms of the sum that
    // underflow; the special rows' 1/count and -log(count) are rounded once.
    const bool special = has_nan || !std::isfinite(m);
    const real tolerance = special ? support::ulp<T>(expected)
                                   : bound * support::ulp<T>(expected) + real(cols) * tiniest<T>;
    if (std::isinf(expected) && y[j] == static_cast<T>(expected)) continue;
    require_close(y[j], expected, tolerance, logarithms ? "log_softmax" : "softmax", j);
  }
}

template <class T>
void check_softmax_backward_row(const T* y, const T* dy, const T* dx, std::size_t cols,
                                bool logarithms) {
  real dot = 0, dot_magnitude = 0, gradient = 0, gradient_magnitude = 0;
  for (std::size_t j = 0; j < cols; ++j) {
    dot += real(dy[j]) * y[j];
    dot_magnitude += std::fabs(real(dy[j]) * y[j]);
    gradient += dy[j];
    gradient_magnitude += std::fabs(real(dy[j]));
  }
  const real largest = real(std::numeric_limits<T>::max());
  // Where any intermediate may leave T's range, only no-crash is checked;
  // else the headers' bound, 2 epsilon of the scale, plus what underflow in
  // the products can lose.
  if (!(dot_magnitude <= largest / 16) || !(gradient_magnitude <= largest / 16)) return;
  for (std::size_t j = 0; j < cols; ++j) {
    real expected, scale, intermediate;
    if (logarithms) {
      const real e = std::exp(real(y[j]));
      expected = dy[j] - e * gradient;
      scale = std::fabs(real(dy[j])) + e * gradient_magnitude;
      intermediate = e;
    } else {
      expected = y[j] * (dy[j] - dot);
      scale = std::fabs(real(y[j])) * (std::fabs(real(dy[j])) + dot_magnitude);
      intermediate = std::fabs(real(dy[j])) + dot_magnitude;
    }
    if (!(scale <= largest / 16) || !(intermediate <= largest / 16) || std::isnan(expected)) {
      continue;
    }
    const real tolerance = 2 * epsilon<T> * scale * (1 + epsilon<T> * real(cols)) +
                           (real(cols) + 2) * tiniest<T> * (1 + std::fabs(real(y[j]))) +
                           (logarithms ? gradient_magnitude * tiniest<T> : 0);
    require_close(dx[j], expected, tolerance,
                  logarithms ? "log_softmax backward" : "softmax backward", j);
  }
}

template <class T>
void fuzz_softmax(fuzz_input& in) {
  const bool logarithms = in.flag(), backward = in.flag(), in_place = in.flag();
  const std::size_t rows = in.below(6), cols = in.below(70);
  // Strides from cols - 2 (invalid unless cols < 2) to cols + 5.
  const std::size_t x_stride = cols + in.below(8) - std::min<std::size_t>(cols, 2);
  const std::size_t y_stride =
      in_place ? x_stride : cols + in.below(8) - std::min<std::size_t>(cols, 2);
  const std::size_t dy_stride = cols + in.below(6);
  const auto extent = [rows, cols](std::size_t stride) {
    return rows == 0 ? 0 : (rows - 1) * stride + cols;
  };
  guarded_buffer<T> x(extent(std::max(x_stride, cols)), in.below(16));
  guarded_buffer<T> y(extent(std::max(y_stride, cols)), in.below(16));
  guarded_buffer<T> dy(extent(dy_stride), in.below(16));
  x.fill(in);
  dy.fill(in);
  y.fill(in);
  const T b = backward ? fuzzed_beta<T>(in) : T(0);
  const std::vector<T> x0 = x.contents(), dy0 = dy.contents(), y0 = y.contents();
  T* target = in_place ? x.data() : y.data();
  const std::size_t target_stride = in_place ? x_stride : y_stride;
  const std::vector<T>& old = in_place ? x0 : y0;
  const auto run = [&] {
    if (!backward) {
      if (logarithms) {
        actfn::log_softmax<T>{}.forward(x.data(), x_stride, target, target_stride, rows, cols);
      } else {
        actfn::softmax<T>{}.forward(x.data(), x_stride, target, target_stride, rows, cols);
      }
    } else if (logarithms) {  // x serves as the forward's output y here
      actfn::log_softmax<T>{}.backward(x.data(), x_stride, dy.data(), dy_stride, target,
                                       target_stride, rows, cols, actfn::beta(b));
    } else {
      actfn::softmax<T>{}.backward(x.data(), x_stride, dy.data(), dy_stride, target, target_stride,
                                   rows, cols, actfn::beta(b));
    }
  };
  if (x_stride < cols || target_stride < cols || !std::isfinite(b)) {
    require_invalid_argument(run, "stride < cols or non-finite beta accepted");
    require_unchanged(x, x0, "written after a failed check");
    return require_unchanged(y, y0, "written after a failed check");
  }
  run();
  // With beta != 0 the product alone, from a plain backward of the same rows.
  std::vector<T> product;
  if (backward && b != T(0)) {
    product.assign(extent(target_stride), T(0));
    if (logarithms) {
      actfn::log_softmax<T>{}.backward(x0.data(), x_stride, dy0.data(), dy_stride, product.data(),
                                       target_stride, rows, cols);
    } else {
      actfn::softmax<T>{}.backward(x0.data(), x_stride, dy0.data(), dy_stride, product.data(),
                                   target_stride, rows, cols);
    }
  }
  for (std::size_t r = 0; r < rows; ++r) {
    const T* x_row = x0.data() + r * x_stride;
    const T* out_row = target + r * target_stride;
    if (backward && b != T(0)) {
      const std::size_t first = r * target_stride;
      for (std::size_t at = first; at < first + cols; ++at) {
        const T expected = plus_beta_times(product[at], b, old[at]);
        if (!same_bits(target[at], expected)) {
          failure("softmax backward with beta", at, double(target[at]), double(expected));
        }
      }
      out_row = product.data() + first;
    }
    if (backward) {
      check_softmax_backward_row(x_row, dy0.data() + r * dy_stride, out_row, cols, logarithms);
    } else {
      check_softmax_row(x_row, out_row, cols, logarithms, 2);
    }
    // Between rows (stride > cols) nothing may change.
    if (r + 1 < rows) {
      for (std::size_t at = r * target_stride + cols; at < (r + 1) * target_stride; ++at) {
        if (!same_bits(target[at], old[at])) failure("written between rows", at);
      }
    }
  }
  x.check_guards("x guard");
  y.check_guards("y guard");
  dy.check_guards("dy guard");
  require_unchanged(dy, dy0, "dy changed");
  if (!in_place) require_unchanged(x, x0, "x changed");
  if (backward) return;

  // The fast tier's forward kernel on the same rows, packed.
  std::vector<T> fast(rows * cols);
  if (logarithms) {
    actfn::log_softmax<T, actfn::fast>{}.forward(x0.data(), x_stride, fast.data(), cols, rows,
                                                 cols);
  } else {
    actfn::softmax<T, actfn::fast>{}.forward(x0.data(), x_stride, fast.data(), cols, rows, cols);
  }
  for (std::size_t r = 0; r < rows; ++r) {
    check_softmax_row(x0.data() + r * x_stride, fast.data() + r * cols, cols, logarithms, 4);
  }
}

template <class T>
void fuzz_jacobian(fuzz_input& in) {
  const bool logarithms = in.flag();
  const std::size_t n = in.below(24);
  guarded_buffer<T> y(n, in.below(16)), jacobian(n * n, in.below(16));
  y.fill(in);
  if (logarithms) {
    actfn::log_softmax<T>{}.jacobian(y.data(), jacobian.data(), n);
  } else {
    actfn::softmax<T>{}.jacobian(y.data(), jacobian.data(), n);
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      const T got = jacobian[i * n + j];
      if (logarithms) {  // delta_ij - e^(y_j), from actfn's exp: within 2 ULP
        const real e = std::exp(real(y[j]));
        const real expected = (i == j ? 1 : 0) - e;
        const real tolerance = 2 * support::ulp<T>(e) + (i == j ? epsilon<T> : 0);
        if (std::isinf(expected) && got == static_cast<T>(expected)) continue;
        require_close(got, expected, tolerance, "log_softmax jacobian", i * n + j);
      } else {  // y_i (delta_ij - y_j), rounded once
        const T expected = i == j ? actfn::detail::fused_multiply_add(-y[i], y[i], y[i]) : y[i] * (T(0) - y[j]);
        if (!same_bits(got, expected)) {
          failure("softmax jacobian", i * n + j, double(got), double(expected));
        }
      }
    }
  }
  y.check_guards("y guard");
  jacobian.check_guards("jacobian guard");
}

// ---- maxout ---------------------------------------------------------------

template <class T>
void fuzz_maxout(fuzz_input& in) {
  const std::size_t k = 1 + in.below(6), n = in.below(240);
  const auto grouping =
      in.flag() ? actfn::maxout_grouping::strided : actfn::maxout_grouping::contiguous;
  const actfn::maxout<T> f(k, grouping);
  guarded_buffer<T> x(n, in.below(16)), dy(n / k, in.below(16)), y(n / k, in.below(16));
  guarded_buffer<T> dx(n, in.below(16)), dx_from_argmax(n, in.below(16));
  guarded_buffer<std::size_t> argmax(n / k, in.below(16));
  x.fill(in);
  dy.fill(in);
  dx.fill(in);
  dx_from_argmax.fill(in);
  const T b = fuzzed_beta<T>(in);
  if (n % k != 0) {
    const std::vector<T> before = y.contents();
    require_invalid_argument([&] { f.forward(x.data(), y.data(), n); }, "k does not divide n");
    return require_unchanged(y, before, "written after a failed check");
  }
  const std::size_t units = n / k;
  f.forward(x.data(), y.data(), argmax.data(), n);
  const std::vector<T> dx_old = dx.contents();
  if (!std::isfinite(b)) {
    require_invalid_argument([&] { f.backward(x.data(), dy.data(), dx.data(), n, actfn::beta(b)); },
                             "non-finite beta accepted");
    return require_unchanged(dx, dx_old, "written after a failed check");
  }
  f.backward(x.data(), dy.data(), dx.data(), n, actfn::beta(b));
  const auto piece = [&](std::size_t i, std::size_t j) {
    return grouping == actfn::maxout_grouping::strided ? j * units + i : i * k + j;
  };
  std::vector<T> expected_dx(n, T(0));
  for (std::size_t i = 0; i < units; ++i) {
    // The first maximum wins ties; the first NaN wins outright.
    std::size_t best = piece(i, 0);
    for (std::size_t j = 1; j < k && !std::isnan(x[best]); ++j) {
      const std::size_t p = piece(i, j);
      if (std::isnan(x[p]) || x[p] > x[best]) best = p;
    }
    if (!same_bits(y[i], x[best])) failure("maxout y", i, double(y[i]), double(x[best]));
    if (argmax[i] != best) failure("maxout argmax", i, double(argmax[i]), double(best));
    expected_dx[best] = dy[i];
  }
  for (std::size_t p = 0; p < n; ++p) {
    const T expected = plus_beta_times(expected_dx[p], b, dx_old[p]);
    if (!same_bits(dx[p], expected)) failure("maxout dx", p, double(dx[p]), double(expected));
  }
  // Backward from the positions, sometimes one moved out of its group.
  const bool corrupt = units > 0 && in.byte() % 4 == 0;
  if (corrupt) argmax[in.below(units)] = in.below(n + 4);
  bool valid = true;
  for (std::size_t i = 0; i < units; ++i) {
    bool in_group = false;
    for (std::size_t j = 0; j < k; ++j) in_group = in_group || argmax[i] == piece(i, j);
    valid = valid && in_group;
  }
  const std::vector<T> before = dx_from_argmax.contents();
  if (!valid) {
    require_invalid_argument(
        [&] { f.backward(argmax.data(), dy.data(), dx_from_argmax.data(), n, actfn::beta(b)); },
        "argmax outside its group accepted");
    require_unchanged(dx_from_argmax, before, "written after a failed check");
  } else {
    f.backward(argmax.data(), dy.data(), dx_from_argmax.data(), n, actfn::beta(b));
    std::vector<T> routed(n, T(0));
    for (std::size_t i = 0; i < units; ++i) routed[argmax[i]] = dy[i];
    for (std::size_t p = 0; p < n; ++p) {
      if (!same_bits(dx_from_argmax[p], plus_beta_times(routed[p], b, before[p]))) {
        failure("maxout dx from argmax", p);
      }
    }
  }
  x.check_guards("x guard");
  y.check_guards("y guard");
  dx.check_guards("dx guard");
  dx_from_argmax.check_guards("dx guard");
  argmax.check_guards("argmax guard");
}

// ---- gated functions ------------------------------------------------------

// One gated function of the list (either tier) over fuzzed rows and strides
// (some too short, which must throw and write nothing), forward and
// backward with a fuzzed beta: every element bit for bit the scalar
// functor's (gated.hpp's product for db). Float rows also go through
// bfloat16 or float16 buffers: the float call on the widened rows, rounded.
template <class T>
void fuzz_gated(fuzz_input& in) {
  using list = typename actfn::detail::join<actfn::gated_functions<T, actfn::accurate>,
                                            actfn::gated_functions<T, actfn::fast>>::type;
  const std::size_t chosen = in.byte() % list::size;
  std::size_t index = 0;
  actfn::for_each_type(list{}, [&](auto tag) {
    if (index++ != chosen) return;
    using G = typename decltype(tag)::type;
    // swiglu's beta, when the input's is valid (finite).
    const T parameter = in.flag() ? in.value<T>() : T(1);
    G g;
    if constexpr (actfn::descriptor<G>::parameters.size() == 1) {
      if (!std::isfinite(parameter)) {
        return require_invalid_argument([&] { (void)G{parameter}; }, "invalid beta accepted");
      }
      g = G(parameter);
    }
    const std::size_t rows = in.below(5), half = in.below(40);
    const std::size_t x_stride = 2 * half + in.below(6) - std::min<std::size_t>(2 * half, 1);
    const std::size_t y_stride = half + in.below(6) - std::min<std::size_t>(half, 1);
    const std::size_t dx_stride = 2 * half + in.below(6) - std::min<std::size_t>(2 * half, 1);
    const auto extent = [rows](std::size_t stride, std::size_t cols) {
      return rows == 0 ? 0 : (rows - 1) * std::max(stride, cols) + cols;
    };
    guarded_buffer<T> x(extent(x_stride, 2 * half), in.below(16));
    guarded_buffer<T> y(extent(y_stride, half), in.below(16));
    guarded_buffer<T> dy(extent(y_stride, half), in.below(16));
    guarded_buffer<T> dx(extent(dx_stride, 2 * half), in.below(16));
    x.fill(in);
    y.fill(in);
    dy.fill(in);
    dx.fill(in);
    const T b = fuzzed_beta<T>(in);
    const std::vector<T> y0 = y.contents(), dx0 = dx.contents();
    // Strides are checked whatever rows is (as softmax's are).
    const bool valid_forward = x_stride >= 2 * half && y_stride >= half;
    const bool valid_backward = valid_forward && dx_stride >= 2 * half;
    if (!valid_forward) {
      require_invalid_argument(
          [&] { g.forward(x.data(), x_stride, y.data(), y_stride, rows, half); }, "short stride");
      require_unchanged(y, y0, "written after a failed check");
    } else {
      g.forward(x.data(), x_stride, y.data(), y_stride, rows, half);
    }
    if (!valid_backward || !std::isfinite(b)) {
      require_invalid_argument(
          [&] {
            g.backward(x.data(), x_stride, dy.data(), y_stride, dx.data(), dx_stride, rows, half,
                       actfn::beta(b));
          },
          "short stride or non-finite beta");
      require_unchanged(dx, dx0, "written after a failed check");
    } else {
      g.backward(x.data(), x_stride, dy.data(), y_stride, dx.data(), dx_stride, rows, half,
                 actfn::beta(b));
    }
    auto const& f = g.activation();
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t j = 0; j < half; ++j) {
        const T a = x[r * x_stride + j], v = x[r * x_stride + half + j],
                grad = dy[r * y_stride + j];
        if (valid_forward && !same_bits(y[r * y_stride + j], a * f(v))) {
          failure("gated y", r * y_stride + j, double(y[r * y_stride + j]), double(a * f(v)));
        }
        if (!valid_backward || !std::isfinite(b)) continue;
        const std::size_t at = r * dx_stride + j;
        // As every elementwise backward: multiply_add(dy, f(b), beta * old).
        const T da = b == T(0) ? grad * f(v)
                               : actfn::detail::multiply_add(grad, f(v), b * dx0[at]);
        const T db = actfn::detail::times_exact_product(grad, a, f.derivative(v),
                                                        b == T(0) ? T(0) : b * dx0[at + half]);
        if (!same_bits(dx[at], da)) failure("gated da", at, double(dx[at]), double(da));
        if (!same_bits(dx[at + half], db))
          failure("gated db", at + half, double(dx[at + half]), double(db));
      }
    }
    x.check_guards("x guard");
    y.check_guards("y guard");
    dy.check_guards("dy guard");
    dx.check_guards("dx guard");

    // 16-bit rows: the float call on the widened rows, rounded once.
    if constexpr (std::is_same<T, float>::value) {
      if (!valid_forward || rows == 0) return;
      const auto through = [&](auto storage) {
        using S = decltype(storage);
        const std::size_t n = rows * 2 * half;
        std::vector<S> x16(n), y16(rows * half);
        std::vector<float> wide(n), expected(rows * half);
        for (std::size_t i = 0; i < n; ++i) {
          x16[i] = S(x[(i / (2 * half)) * x_stride + i % (2 * half)]);
          wide[i] = static_cast<float>(x16[i]);
        }
        g.forward(x16.data(), y16.data(), rows, half);
        g.forward(wide.data(), expected.data(), rows, half);
        for (std::size_t i = 0; i < y16.size(); ++i) {
          const S rounded(expected[i]);
          const bool both_nan = std::isnan(expected[i]) && std::isnan(static_cast<float>(y16[i]));
          if (!both_nan && rounded.bits() != y16[i].bits()) {
            failure("gated 16-bit y", i, double(static_cast<float>(y16[i])), double(expected[i]));
          }
        }
      };
      if (in.flag()) {
        through(actfn::bfloat16{});
      } else {
        through(actfn::float16{});
      }
    }
  });
}

template <class T>
void fuzz(fuzz_input& in) {
  switch (in.byte() % 7) {
    case 0:
      return fuzz_elementwise<T>(in);
    case 1:
      return fuzz_prelu_scalar_slope<T>(in);
    case 2:
      return fuzz_prelu_channels<T>(in);
    case 3:
      return fuzz_softmax<T>(in);
    case 4:
      return fuzz_jacobian<T>(in);
    case 5:
      return fuzz_gated<T>(in);
    default:
      return fuzz_maxout<T>(in);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz_input in(data, size);
  if (in.flag()) {
    fuzz<double>(in);
  } else {
    fuzz<float>(in);
  }
  return 0;
}
