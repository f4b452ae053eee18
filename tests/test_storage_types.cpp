// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// actfn::bfloat16 and actfn::float16 buffers: every one of the 65,536 inputs
// of each format through every elementwise kernel (forward and derivative),
// checked two ways: against the float call rounded once by this test's own
// rounding (long double arithmetic, no bit tricks), which checks the
// conversions and the chunked loop bit for bit; and, where the function has
// a reference, against the correctly rounded 16-bit value, counting the
// results that are its neighbour because the float result sits within its
// error bound of the rounding boundary between them. Then softmax, log_softmax
// and the gated functions over 16-bit rows, and the conversions themselves.
#include <actfn/functions.hpp>
#include <actfn/storage_types.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iostream>
#include <limits>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "catch.hpp"
#include "support/accuracy.hpp"
#include "support/checks.hpp"
#include "support/reference.hpp"

namespace {

using support::real;

// A 16-bit format: significand digits, smallest normal exponent, largest
// finite value.
struct format {
  const char* name;
  int digits;
  int min_exponent;  // of the smallest normal number, 2^min_exponent
  real largest;
};
template <class S>
format format_of() {
  if constexpr (std::is_same<S, actfn::bfloat16>::value) {
    return {"bfloat16", 8, -126, std::ldexp(real(255), 120)};
  } else {
    return {"float16", 11, -14, real(65504)};
  }
}

// v rounded to nearest even in the format, overflowing to +-inf.
real round_to(format const& f, real v) {
  if (std::isnan(v) || std::isinf(v) || v == 0) return v;
  const int exponent = std::max(std::ilogb(v), f.min_exponent);
  const real rounded =
      std::ldexp(std::nearbyint(std::ldexp(v, f.digits - 1 - exponent)), exponent - f.digits + 1);
  if (std::fabs(rounded) > f.largest)
    return std::copysign(std::numeric_limits<real>::infinity(), v);
  return rounded == 0 ? std::copysign(real(0), v) : rounded;
}

// The 16-bit values in order: adjacent values differ by 1 (both zeros 0).
int order_of(std::uint16_t bits) {
  const int magnitude = bits & 0x7fff;
  return bits & 0x8000 ? -magnitude : magnitude;
}

template <class S>
std::vector<S> every_value() {
  std::vector<S> values;
  for (std::uint32_t bits = 0; bits < 65536; bits += std::uint32_t(support::sample_divisor())) {
    values.push_back(S::from_bits_of(static_cast<std::uint16_t>(bits)));
  }
  return values;
}

template <class S>
bool same_value(S got, real expected) {
  const float value = static_cast<float>(got);
  if (std::isnan(expected)) return std::isnan(value);
  return real(value) == expected && std::signbit(value) == std::signbit(expected);
}

template <class F>
reference::functions reference_or_none(F const& f) {
  if constexpr (actfn::has_accuracy_bounds_v<F>) {
    return reference::of(f);
  } else {
    static_cast<void>(f);
    return {};
  }
}

struct sweep_result {
  std::size_t inputs = 0, wrong_bits = 0, checked = 0, neighbours = 0, wrong = 0;
};

// One operation (forward or derivative) of f over every value of S.
template <class S, class F, class Call, class Scalar>
sweep_result sweep(F const& f, Call const& call, Scalar const& scalar,
                   std::function<real(real)> const& exact, double bound,
                   std::vector<real> const& zeros) {
  const format fmt = format_of<S>();
  const std::vector<S> x = every_value<S>();
  std::vector<S> y(x.size());
  call(f, x.data(), y.data(), x.size());
  sweep_result result;
  result.inputs = x.size();
  for (std::size_t i = 0; i < x.size(); ++i) {
    const float input = static_cast<float>(x[i]);
    // The float call's result, rounded once by this test.
    const real float_result = scalar(input);
    if (!same_value(y[i], round_to(fmt, float_result))) {
      if (++result.wrong_bits <= 5) {
        UNSCOPED_INFO(fmt.name << " input " << input << ": got " << static_cast<float>(y[i])
                               << ", the float result " << double(float_result) << " rounds to "
                               << double(round_to(fmt, float_result)));
      }
    }
    // The reference at finite inputs (each function's own test holds its
    // limits); a zero's sign is the reference formula's, not the function's.
    if (!exact || !std::isfinite(input)) continue;
    const real reference = exact(input);
    const real correct = round_to(fmt, reference);
    ++result.checked;
    if (same_value(y[i], correct) || (correct == 0 && static_cast<float>(y[i]) == 0)) continue;
    // A neighbour, with the rounding boundary between it and the correctly
    // rounded value within the float result's bound of the exact one.
    const real got = static_cast<float>(y[i]);
    const S correct_bits(static_cast<float>(correct));
    const bool adjacent = std::abs(order_of(y[i].bits()) - order_of(correct_bits.bits())) == 1;
    const real boundary = (got + correct) / 2;
    const bool near_zero = std::any_of(zeros.begin(), zeros.end(), [input](real zero) {
      return std::fabs(input - zero) <= real(1e-3) * std::fabs(zero);
    });
    const real allowed = real(bound) * support::ulp<float>(reference) +
                         (near_zero ? support::absolute_bound_near_zero<float>() : 0);
    if (adjacent && std::isfinite(got) && std::fabs(reference - boundary) <= allowed) {
      ++result.neighbours;
    } else if (++result.wrong <= 5) {
      UNSCOPED_INFO(fmt.name << " input " << input << ": got " << double(got)
                             << ", correctly rounded " << double(correct) << ", exact "
                             << double(reference));
    }
  }
  return result;
}

}  // namespace

TEMPLATE_TEST_CASE("storage types: every 16-bit input through every elementwise kernel",
                   "[storage_types]", actfn::bfloat16, actfn::float16) {
  using S = TestType;
  const format fmt = format_of<S>();
  sweep_result total;
  actfn::for_each_tested_functor<actfn::elementwise_kernels<float>>([&](auto const& f) {
    using F = std::decay_t<decltype(f)>;
    const reference::functions ref = reference_or_none(f);
    double forward_bound = 0, derivative_bound = 0;
    if constexpr (actfn::has_accuracy_bounds_v<F>) {
      forward_bound = actfn::descriptor<F>::accuracy.forward_ulp;
      derivative_bound = actfn::descriptor<F>::accuracy.derivative_ulp;
    }
    const std::string what = actfn::describe(f) +
                             (actfn::is_fast_v<typename F::precision> ? " [fast]" : "") + " " +
                             fmt.name;
    INFO(what);
    const sweep_result forward = sweep<S>(
        f, [](F const& g, const S* x, S* y, std::size_t n) { actfn::forward(g, x, y, n); },
        [&f](float v) { return real(f(v)); }, ref.value, forward_bound, {});
    const sweep_result derivative = sweep<S>(
        f, [](F const& g, const S* x, S* d, std::size_t n) { actfn::derivative(g, x, d, n); },
        [&f](float v) { return real(f.derivative(v)); }, ref.slope, derivative_bound,
        ref.slope_zeros);
    CHECK(forward.wrong_bits == 0);
    CHECK(derivative.wrong_bits == 0);
    CHECK(forward.wrong == 0);
    CHECK(derivative.wrong == 0);
    if (forward.checked > 0) {
      std::cout << "storage " << what << ": " << forward.inputs
                << " inputs; f correctly rounded but " << forward.neighbours << ", f' but "
                << derivative.neighbours
                << " (neighbours within the float bound of a rounding boundary)\n";
    }
    total.inputs += forward.inputs + derivative.inputs;
    total.neighbours += forward.neighbours + derivative.neighbours;
    total.checked += forward.checked + derivative.checked;
  });
  std::cout << "storage " << fmt.name << ": " << total.inputs << " results, " << total.checked
            << " against a reference, " << total.neighbours
            << " a neighbour of the correctly rounded value\n";
  CHECK(total.inputs >= 2 * 30 * (65536 / support::sample_divisor()));
}

// Backward (both modes) and backward_from_output: the float call on the
// widened buffers, rounded once.
TEMPLATE_TEST_CASE("storage types: backward and backward_from_output round the float call once",
                   "[storage_types]", actfn::bfloat16, actfn::float16) {
  using S = TestType;
  const std::size_t n = 1000;
  std::mt19937 random(5);
  std::uniform_real_distribution<float> values(-8, 8);
  std::vector<S> x(n), dy(n), old(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = S(values(random));
    dy[i] = S(values(random));
    old[i] = S(values(random));
  }
  const auto widened = [](std::vector<S> const& v) {
    std::vector<float> w(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) w[i] = static_cast<float>(v[i]);
    return w;
  };
  const std::vector<float> xf = widened(x), dyf = widened(dy), oldf = widened(old);
  const auto same_as = [](std::vector<S> const& got, std::vector<float> const& expected) {
    for (std::size_t i = 0; i < got.size(); ++i) {
      if (got[i].bits() != S(expected[i]).bits()) return false;
    }
    return true;
  };
  actfn::for_each_tested_functor<actfn::elementwise_kernels<float>>([&](auto const& f) {
    using F = std::decay_t<decltype(f)>;
    INFO(actfn::describe(f));
    std::vector<S> dx = old;
    std::vector<float> dxf = oldf;
    actfn::backward(f, x.data(), dy.data(), dx.data(), n);
    actfn::backward(f, xf.data(), dyf.data(), dxf.data(), n);
    CHECK(same_as(dx, dxf));
    dx = old;
    dxf = oldf;
    actfn::backward(f, x, dy, dx, actfn::accumulate);
    actfn::backward(f, xf, dyf, dxf, actfn::accumulate);
    CHECK(same_as(dx, dxf));
    if constexpr (actfn::has_derivative_from_output_v<F>) {
      if (actfn::derivative_from_output_defined(f)) {
        std::vector<S> y(n);
        actfn::forward(f, x, y);
        const std::vector<float> yf = widened(y);
        dx = old;
        dxf = oldf;
        actfn::backward_from_output(f, y.data(), dy.data(), dx.data(), n, actfn::beta(0.5f));
        actfn::backward_from_output(f, yf.data(), dyf.data(), dxf.data(), n, actfn::beta(0.5f));
        CHECK(same_as(dx, dxf));
      }
    }
  });
}

// Rows: softmax and log_softmax (both tiers), and every gated function, over
// 16-bit rows (b through every finite value of the format for the gated
// ones), against the float call on the widened rows, rounded once.
TEMPLATE_TEST_CASE("storage types: softmax, log_softmax and gated rows", "[storage_types]",
                   actfn::bfloat16, actfn::float16) {
  using S = TestType;
  std::vector<S> finite;
  for (S v : every_value<S>()) {
    if (std::isfinite(static_cast<float>(v))) finite.push_back(v);
  }
  const std::size_t half = 97, rows = finite.size() / half;
  std::mt19937 random(9);
  std::uniform_real_distribution<float> values(-4, 4);
  std::vector<S> x(rows * 2 * half), dy(rows * half), old(rows * 2 * half);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t j = 0; j < half; ++j) {
      x[r * 2 * half + j] = S(values(random));
      x[r * 2 * half + half + j] = finite[r * half + j];
      dy[r * half + j] = S(values(random));
    }
  }
  for (S& v : old) v = S(values(random));
  const auto widened = [](std::vector<S> const& v) {
    std::vector<float> w(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) w[i] = static_cast<float>(v[i]);
    return w;
  };
  const auto same_as = [](std::vector<S> const& got, std::vector<float> const& expected) {
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < got.size(); ++i) {
      const bool both_nan = std::isnan(static_cast<float>(got[i])) && std::isnan(expected[i]);
      wrong += !both_nan && got[i].bits() != S(expected[i]).bits();
    }
    return wrong == 0;
  };
  const std::vector<float> xf = widened(x), dyf = widened(dy), oldf = widened(old);
  actfn::for_each_tested_functor<actfn::gated_functions<float>>([&](auto const& g) {
    INFO(actfn::describe(g));
    std::vector<S> y(rows * half), dx = old;
    std::vector<float> yf(rows * half), dxf = oldf;
    g.forward(x.data(), y.data(), rows, half);
    g.forward(xf.data(), yf.data(), rows, half);
    CHECK(same_as(y, yf));
    g.backward(x.data(), dy.data(), dx.data(), rows, half, actfn::accumulate);
    g.backward(xf.data(), dyf.data(), dxf.data(), rows, half, actfn::accumulate);
    CHECK(same_as(dx, dxf));
  });

  // softmax rows of 2 half: the a values and some of the format's range.
  const auto check_rows = [&](auto const& f) {
    INFO(actfn::descriptor<std::decay_t<decltype(f)>>::name);
    std::vector<S> y(x.size()), dx = old;
    std::vector<float> yf(x.size()), dxf = oldf;
    f.forward(x.data(), y.data(), rows, 2 * half);
    f.forward(xf.data(), yf.data(), rows, 2 * half);
    CHECK(same_as(y, yf));
    const std::vector<float> y_widened = widened(y);
    f.backward(y.data(), x.data(), dx.data(), rows, 2 * half, actfn::beta(-0.25f));
    f.backward(y_widened.data(), xf.data(), dxf.data(), rows, 2 * half, actfn::beta(-0.25f));
    CHECK(same_as(dx, dxf));
  };
  check_rows(actfn::softmax<float>{});
  check_rows(actfn::log_softmax<float>{});
  check_rows(actfn::softmax<float, actfn::fast>{});
  check_rows(actfn::log_softmax<float, actfn::fast>{});
}

TEST_CASE("storage types: conversions", "[storage_types]") {
  using actfn::bfloat16;
  using actfn::float16;
  const float inf = std::numeric_limits<float>::infinity();
  // Exact values, ties to even, the edges of the ranges.
  CHECK(float(bfloat16(1.0f)) == 1.0f);
  CHECK(bfloat16(1.0f + 0x1p-8f).bits() == bfloat16(1.0f).bits());  // tie, to even
  CHECK(float(bfloat16(1.0f + 0x1p-8f + 0x1p-20f)) == 1.0f + 0x1p-7f);
  CHECK(float(bfloat16(std::numeric_limits<float>::max())) == inf);
  CHECK(float(bfloat16(std::numeric_limits<float>::denorm_min())) ==
        std::numeric_limits<float>::denorm_min() * 0);  // 2^-149 ties down to 0
  CHECK(float(bfloat16(0x1p-133f)) == 0x1p-133f);       // bfloat16's smallest subnormal
  CHECK(std::signbit(float(bfloat16(-0.0f))));
  CHECK(std::isnan(float(bfloat16(std::numeric_limits<float>::quiet_NaN()))));
  CHECK(std::isnan(float(bfloat16(std::numeric_limits<float>::signaling_NaN()))));
  CHECK(float(float16(65504.0f)) == 65504.0f);
  CHECK(float(float16(65519.0f)) == 65504.0f);
  CHECK(float(float16(65520.0f)) == inf);
  CHECK(float(float16(-1e10f)) == -inf);
  CHECK(float(float16(0x1p-24f)) == 0x1p-24f);
  CHECK(float(float16(0x1p-25f)) == 0.0f);  // tie, to even (0)
  CHECK(float(float16(0x1p-25f + 0x1p-40f)) == 0x1p-24f);
  CHECK(float(float16(0x3p-25f)) == 0x1p-23f);         // tie, to even (2)
  CHECK(float(float16(0x1.ff4p-15f)) == 0x1.ffp-15f);  // 1022.5 * 2^-24: a tie, to even
  CHECK(float(float16(0x1.ffcp-15f)) == 0x1p-14f);     // 1023.5 * 2^-24: up into the normals
  CHECK(std::isnan(float(float16(std::numeric_limits<float>::quiet_NaN()))));
  CHECK(std::signbit(float(float16(-0.0f))));
  // Every 16-bit value reads back from its float, and the SIMD loops agree
  // with the scalar conversions on every value.
  std::vector<bfloat16> b(65536), b_back(65536);
  std::vector<float16> h(65536), h_back(65536);
  std::vector<float> wide(65536);
  for (std::uint32_t i = 0; i < 65536; ++i) {
    b[i] = bfloat16::from_bits_of(std::uint16_t(i));
    h[i] = float16::from_bits_of(std::uint16_t(i));
  }
  std::size_t wrong = 0;
  actfn::detail::widen(b.data(), wide.data(), 65536);
  actfn::detail::narrow(wide.data(), b_back.data(), 65536);
  for (std::uint32_t i = 0; i < 65536; ++i) {
    const float scalar = float(b[i]);
    wrong += std::memcmp(&scalar, &wide[i], 4) != 0;
    const bool nan = std::isnan(scalar);
    wrong += nan ? !std::isnan(float(b_back[i])) : b_back[i].bits() != i;
    wrong += b_back[i].bits() != bfloat16(wide[i]).bits();
  }
  actfn::detail::widen(h.data(), wide.data(), 65536);
  actfn::detail::narrow(wide.data(), h_back.data(), 65536);
  for (std::uint32_t i = 0; i < 65536; ++i) {
    const float scalar = float(h[i]);
    const bool nan = std::isnan(scalar);
    wrong += nan ? !std::isnan(wide[i]) : std::memcmp(&scalar, &wide[i], 4) != 0;
    wrong += nan ? !std::isnan(float(h_back[i])) : h_back[i].bits() != i;
  }
  CHECK(wrong == 0);
  // Narrowing agrees with the scalar conversion on floats around every
  // rounding boundary: the float16 and bfloat16 midpoints and their
  // neighbours, in SIMD and scalar code.
  std::vector<float> around;
  for (std::uint32_t bits = 0; bits < 0x7f800000u; bits += 0x1000u) {
    for (std::uint32_t d : {0x0fffu, 0x1000u, 0x1001u, 0x7fffu, 0x8000u, 0x8001u}) {
      const std::uint32_t u = bits + d;
      float v;
      std::memcpy(&v, &u, 4);
      around.push_back(v);
      around.push_back(-v);
    }
  }
  std::vector<bfloat16> b_out(around.size());
  std::vector<float16> h_out(around.size());
  actfn::detail::narrow(around.data(), b_out.data(), around.size());
  actfn::detail::narrow(around.data(), h_out.data(), around.size());
  const format bf = format_of<bfloat16>(), hf = format_of<float16>();
  wrong = 0;
  for (std::size_t i = 0; i < around.size(); ++i) {
    const std::size_t before = wrong;
    wrong += !same_value(b_out[i], round_to(bf, around[i]));
    wrong += !same_value(h_out[i], round_to(hf, around[i]));
    wrong += b_out[i].bits() != bfloat16(around[i]).bits();
    wrong += h_out[i].bits() != float16(around[i]).bits();
    if (wrong != before && wrong < 5) {
      std::cout << "conversion of " << around[i] << ": bfloat16 " << float(b_out[i]) << " / "
                << float(bfloat16(around[i])) << ", float16 " << float(h_out[i]) << " / "
                << float(float16(around[i])) << ", exact " << double(round_to(bf, around[i]))
                << " / " << double(round_to(hf, around[i])) << "\n";
    }
  }
  CHECK(wrong == 0);
}
