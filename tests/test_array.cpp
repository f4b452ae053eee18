// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/array.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>
#if __cplusplus >= 202002L
#include <span>
#endif

#include "catch.hpp"
#include "support/all_functions.hpp"
#include "support/checks.hpp"

namespace {

// Inputs that reach every branch: special values, subnormals, the bends of
// the smooth functions, and the saturated tails.
template <class T>
std::vector<T> mixed_inputs(std::size_t n, unsigned seed) {
  using limits = std::numeric_limits<T>;
  const T specials[] = {
      T(0),          -T(0),          limits::infinity(),   -limits::infinity(), limits::quiet_NaN(),
      limits::max(), -limits::max(), limits::denorm_min(), -limits::min(),      T(-0.75),
      T(1e-6),       T(-40)};
  std::mt19937 random(seed);
  std::uniform_real_distribution<T> bend(T(-6), T(6)), tail(T(-120), T(120));
  std::vector<T> xs(n);
  for (std::size_t i = 0; i < n; ++i) {
    switch (random() % 4) {
      case 0:
        xs[i] = specials[random() % (sizeof specials / sizeof specials[0])];
        break;
      case 1:
        xs[i] = tail(random);
        break;
      default:
        xs[i] = bend(random);
        break;
    }
  }
  return xs;
}

// Runs forward, derivative and backward over n elements starting `offset`
// elements into the buffers (so every misalignment is reached), in place or
// not, and requires every element to equal the scalar functor's bits.
template <class T, class F>
void check_against_scalar(F const& f, std::size_t n, std::size_t offset, bool in_place) {
  const std::vector<T> x = mixed_inputs<T>(n + offset, unsigned(n * 31 + offset));
  const std::vector<T> dy = mixed_inputs<T>(n + offset, unsigned(n * 17 + offset + 1));
  std::vector<T> out(n + offset, T(12345));
  std::vector<T> work = in_place ? x : out;

  actfn::forward(f, in_place ? work.data() + offset : x.data() + offset, work.data() + offset, n);
  for (std::size_t i = 0; i < n; ++i) REQUIRE(support::same(work[offset + i], f(x[offset + i])));

  work = in_place ? x : out;
  actfn::derivative(f, in_place ? work.data() + offset : x.data() + offset, work.data() + offset,
                    n);
  for (std::size_t i = 0; i < n; ++i) {
    REQUIRE(support::same(work[offset + i], f.derivative(x[offset + i])));
  }

  work = in_place ? dy : out;  // in place: dx overwrites dy
  actfn::backward(f, x.data() + offset, in_place ? work.data() + offset : dy.data() + offset,
                  work.data() + offset, n);
  for (std::size_t i = 0; i < n; ++i) {
    REQUIRE(support::same(work[offset + i], T(dy[offset + i] * f.derivative(x[offset + i]))));
  }
  // Nothing outside [offset, offset + n) is written.
  if (!in_place) {
    for (std::size_t i = 0; i < offset; ++i) REQUIRE(work[i] == T(12345));
  }

  // Both in one pass; in place, y overwrites x.
  work = in_place ? x : out;
  std::vector<T> slopes(out.size(), T(12345));
  actfn::forward_and_derivative(f, in_place ? work.data() + offset : x.data() + offset,
                                work.data() + offset, slopes.data() + offset, n);
  for (std::size_t i = 0; i < n; ++i) {
    REQUIRE(support::same(work[offset + i], f(x[offset + i])));
    REQUIRE(support::same(slopes[offset + i], f.derivative(x[offset + i])));
  }
  for (std::size_t i = 0; i < offset; ++i) REQUIRE(slopes[i] == T(12345));
  for (std::size_t i = offset + n; i < slopes.size(); ++i) REQUIRE(slopes[i] == T(12345));

  if constexpr (actfn::has_second_derivative_v<F>) {
    work = in_place ? x : out;
    actfn::second_derivative(f, in_place ? work.data() + offset : x.data() + offset,
                             work.data() + offset, n);
    for (std::size_t i = 0; i < n; ++i) {
      REQUIRE(support::same(work[offset + i], f.second_derivative(x[offset + i])));
    }
  }

  // From the output; in place, dx overwrites dy.
  if constexpr (actfn::has_derivative_from_output_v<F>) {
    std::vector<T> y(x.size());
    actfn::forward(f, x, y);
    work = in_place ? dy : out;
    try {
      actfn::backward_from_output(f, y.data() + offset,
                                  in_place ? work.data() + offset : dy.data() + offset,
                                  work.data() + offset, n);
    } catch (std::invalid_argument const&) {
      return;  // a parameter that rules it out (leaky_relu with alpha < 0), tested on its own
    }
    for (std::size_t i = 0; i < n; ++i) {
      REQUIRE(support::same(work[offset + i],
                            T(dy[offset + i] * f.derivative_from_output(y[offset + i]))));
    }
  }
}

}  // namespace

TEMPLATE_TEST_CASE("array API equals the scalar functor bit for bit", "[array]", float, double) {
  using T = TestType;
  constexpr std::size_t width = xsimd::batch<T>::size;
  support::for_each_function<T>([](std::string const& name, auto const& f) {
    INFO(name);
    for (bool in_place : {false, true}) {
      for (std::size_t offset = 0; offset < width; ++offset) {
        for (std::size_t n = 0; n <= 70; ++n) check_against_scalar<T>(f, n, offset, in_place);
        for (std::size_t n : {1000u, 4099u}) check_against_scalar<T>(f, n, offset, in_place);
      }
    }
  });
}

// dx = multiply_add(dy, f'(x), beta * dx) for every function, beta = 1 (accumulate), a
// fractional and a negative beta, in place over dy; beta = 0 never reads dx.
TEMPLATE_TEST_CASE("array API: backward with beta accumulates into dx", "[array]", float, double) {
  using T = TestType;
  const std::size_t n = 3 * xsimd::batch<T>::size + 5;
  std::vector<T> x(n), dy(n), previous(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = T(-4) + T(8) * T(i) / T(n);
    dy[i] = T(1.5) - T(i % 7) / T(3);
    previous[i] = T(i % 5) - T(2.25);
  }
  support::for_each_function<T>([&](std::string const& name, auto const& f) {
    INFO(name);
    for (T b : {T(1), T(0.5), T(-2)}) {
      std::vector<T> dx = previous;
      if (b == T(1)) {
        actfn::backward(f, x, dy, dx, actfn::accumulate);
      } else {
        actfn::backward(f, x, dy, dx, actfn::beta(b));
      }
      for (std::size_t i = 0; i < n; ++i) {
        const T expected = actfn::detail::multiply_add(dy[i], f.derivative(x[i]), b * previous[i]);
        REQUIRE(support::same(dx[i], expected));
      }
    }
    std::vector<T> garbage(n, std::numeric_limits<T>::quiet_NaN()), overwritten(n);
    actfn::backward(f, x, dy, garbage, actfn::beta(T(0)));
    actfn::backward(f, x, dy, overwritten);
    for (std::size_t i = 0; i < n; ++i) REQUIRE(support::same(garbage[i], overwritten[i]));
  });
  // In place over dy: dy's values are also the previous gradient.
  const actfn::sigmoid<T> f;
  std::vector<T> both = dy;
  actfn::backward(f, x.data(), both.data(), both.data(), n, actfn::accumulate);
  for (std::size_t i = 0; i < n; ++i)
    REQUIRE(support::same(both[i], actfn::detail::multiply_add(dy[i], f.derivative(x[i]), dy[i])));
  CHECK_THROWS_WITH(actfn::backward(f, x, dy, both, actfn::beta(std::numeric_limits<T>::infinity())),
                    "actfn::backward: beta must be finite, got inf");
  CHECK_THROWS_WITH(actfn::backward(f, x.data(), dy.data(), nullptr, n, actfn::accumulate),
                    "actfn::backward: dx is null but n = " + std::to_string(n));
}

// The smooth ones are held to their bound in test_contracts.cpp.
TEMPLATE_TEST_CASE("backward_from_output: the piecewise-linear functors give backward's bits",
                   "[array]", float, double) {
  using T = TestType;
  const std::vector<T> x = mixed_inputs<T>(4096, 99), dy = mixed_inputs<T>(4096, 98);
  support::for_each_function<T>([&](std::string const& name, auto const& f) {
    using F = std::decay_t<decltype(f)>;
    if constexpr (actfn::has_derivative_from_output_v<F> && !actfn::has_accuracy_bounds_v<F>) {
      if (!actfn::derivative_from_output_defined(f)) return;  // tested below
      INFO(name);
      std::vector<T> y(x.size()), from_x(x.size()), from_y(x.size());
      actfn::forward(f, x, y);
      actfn::backward(f, x, dy, from_x);
      actfn::backward_from_output(f, y, dy, from_y);
      for (std::size_t i = 0; i < x.size(); ++i) {
        INFO("x = " << double(x[i]) << ", y = " << double(y[i]));
        REQUIRE(support::same(from_y[i], from_x[i]));
      }
    }
  });
}

TEMPLATE_TEST_CASE("backward_from_output: accumulate, and bad input", "[array][errors]", float,
                   double) {
  using T = TestType;
  const actfn::tanh<T> f;
  std::vector<T> y{T(-0.5), T(0), T(0.25)}, dy{T(2), T(3), T(-1)}, dx{T(1), T(1), T(1)};
  actfn::backward_from_output(f, y, dy, dx, actfn::accumulate);
  for (std::size_t i = 0; i < y.size(); ++i) {
    CHECK(support::same(dx[i], actfn::detail::multiply_add(dy[i], f.derivative_from_output(y[i]), T(1))));
  }
  const T nan = std::numeric_limits<T>::quiet_NaN();
  CHECK_THROWS_WITH(actfn::backward_from_output(f, y, dy, dx, actfn::beta(nan)),
                    "actfn::backward_from_output: beta must be finite, got nan");
  std::vector<T> short_dx(2);
  CHECK_THROWS_WITH(actfn::backward_from_output(f, y, dy, short_dx),
                    "actfn::backward_from_output: dxs.size() = 2 differs from ys.size() = 3");
  CHECK_THROWS_WITH(actfn::backward_from_output(f, y.data(), nullptr, dx.data(), 3),
                    "actfn::backward_from_output: dy is null but n = 3");
  // Parameters that make f' not a function of y, which generic code can ask
  // about first.
  CHECK_FALSE(actfn::derivative_from_output_defined(actfn::leaky_relu<T>(T(-0.5))));
  CHECK(actfn::derivative_from_output_defined(actfn::leaky_relu<T>(T(0))));
  CHECK_FALSE(actfn::derivative_from_output_defined(actfn::threshold<T>(T(1), T(2))));
  CHECK(actfn::derivative_from_output_defined(actfn::threshold<T>(T(1), T(1))));
  CHECK(actfn::derivative_from_output_defined(actfn::sigmoid<T>{}));
  CHECK_FALSE(actfn::derivative_from_output_defined(actfn::silu<T>{}));
  CHECK_THROWS_WITH(actfn::backward_from_output(actfn::leaky_relu<T>(T(-0.5)), y, dy, dx),
                    "actfn::backward_from_output: leaky_relu's alpha = -0.5 is negative, so f' is "
                    "not a function of f(x)");
  CHECK_THROWS_WITH(actfn::backward_from_output(actfn::prelu<T>(T(-2)), y, dy, dx),
                    "actfn::backward_from_output: prelu's alpha = -2 is negative, so f' is not a "
                    "function of f(x)");
  CHECK_THROWS_WITH(actfn::backward_from_output(actfn::elu<T>(T(-1)), y, dy, dx),
                    "actfn::backward_from_output: elu's alpha = -1 is negative, so f' is not a "
                    "function of f(x)");
  CHECK_THROWS_WITH(actfn::backward_from_output(actfn::threshold<T>(T(1), T(2)), y, dy, dx),
                    "actfn::backward_from_output: threshold's value = 2 is above its threshold = "
                    "1, so f' is not a function of f(x)");
  // Limits and NaN, through the SIMD body and the tail.
  const T inf = std::numeric_limits<T>::infinity();
  const auto from_output = [](auto const& g, std::vector<T> ys) {
    std::vector<T> ones(ys.size(), T(1)), out(ys.size());
    actfn::backward_from_output(g, ys, ones, out);
    return out;
  };
  const auto same_all = [](std::vector<T> const& a, std::vector<T> const& b) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!support::same(a[i], b[i])) return false;
    }
    return true;
  };
  CHECK(same_all(from_output(actfn::sigmoid<T>{}, {T(0), T(1), T(0.5), nan}),
                 {T(0), T(0), T(0.25), nan}));
  CHECK(same_all(from_output(actfn::tanh<T>{}, {T(-1), T(1), T(0), nan}), {T(0), T(0), T(1), nan}));
  CHECK(same_all(from_output(actfn::softplus<T>{}, {T(0), inf, T(25), nan}),
                 {T(0), T(1), T(1), nan}));
  CHECK(same_all(from_output(actfn::log_sigmoid<T>{}, {-T(0), -inf, nan}), {T(0), T(1), nan}));
  CHECK(same_all(from_output(actfn::elu<T>(T(2)), {T(-2), T(0), T(3), nan}),
                 {T(0), T(2), T(1), nan}));
  CHECK(same_all(from_output(actfn::softsign<T>{}, {T(-1), T(0), T(1), nan}),
                 {T(0), T(1), T(0), nan}));
  // alpha = 0 is relu, and fine.
  CHECK_NOTHROW(actfn::backward_from_output(actfn::leaky_relu<T>(T(0)), y, dy, dx));
  // Which functors qualify is a property of the type.
  STATIC_REQUIRE(actfn::has_derivative_from_output_v<actfn::sigmoid<T>>);
  STATIC_REQUIRE(actfn::has_derivative_from_output_v<actfn::relu6<T>>);
  STATIC_REQUIRE_FALSE(actfn::has_derivative_from_output_v<actfn::silu<T>>);
  STATIC_REQUIRE_FALSE(actfn::has_derivative_from_output_v<actfn::gelu_erf<T>>);
  STATIC_REQUIRE_FALSE(actfn::has_derivative_from_output_v<actfn::mish<T>>);
  STATIC_REQUIRE_FALSE(actfn::has_derivative_from_output_v<actfn::hard_swish<T>>);
}

TEMPLATE_TEST_CASE("array API: which functors have a second derivative", "[array]", float,
                   double) {
  using T = TestType;
  STATIC_REQUIRE(actfn::has_second_derivative_v<actfn::sigmoid<T>>);
  STATIC_REQUIRE(actfn::has_second_derivative_v<actfn::gelu_erf<T>>);
  STATIC_REQUIRE(actfn::has_second_derivative_v<actfn::mish<T>>);
  STATIC_REQUIRE(actfn::has_second_derivative_v<actfn::elu<T>>);
  STATIC_REQUIRE_FALSE(actfn::has_second_derivative_v<actfn::relu<T>>);
  STATIC_REQUIRE_FALSE(actfn::has_second_derivative_v<actfn::softsign<T>>);
  STATIC_REQUIRE_FALSE(actfn::has_second_derivative_v<actfn::hard_swish<T>>);
  STATIC_REQUIRE_FALSE(actfn::has_second_derivative_v<actfn::linear<T>>);
}

// Outputs of streaming_threshold_bytes and more take the streaming-store
// loop: same bits with the output aligned, one element off and one short of a
// batch, in place or not.
TEMPLATE_TEST_CASE("array API: large buffers stream with the same bits", "[array]", float, double) {
  using T = TestType;
  const std::size_t n = actfn::detail::streaming_threshold_bytes / sizeof(T) + 37;
  const actfn::sigmoid<T> f;
  for (std::size_t offset : {std::size_t(0), std::size_t(1), xsimd::batch<T>::size - 1}) {
    INFO(offset);
    for (bool in_place : {false, true}) check_against_scalar<T>(f, n, offset, in_place);
  }
}

TEMPLATE_TEST_CASE("array API: range overloads", "[array]", float, double) {
  using T = TestType;
  const actfn::tanh<T> f;
  const std::vector<T> xs = {T(-1), T(0), T(0.5)};
  std::vector<T> ys(3), ds(3), dxs(3);
  actfn::forward(f, xs, ys);
  actfn::derivative(f, xs, ds);
  actfn::backward(f, xs, ys, dxs);
  std::vector<T> fused_ys(3), fused_ds(3);
  actfn::forward_and_derivative(f, xs, fused_ys, fused_ds);
  CHECK(fused_ys == ys);
  CHECK(fused_ds == ds);
  std::vector<T> d2s(3);
  actfn::second_derivative(f, xs, d2s);
  for (std::size_t i = 0; i < 3; ++i) CHECK(d2s[i] == f.second_derivative(xs[i]));
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(ys[i] == f(xs[i]));
    CHECK(ds[i] == f.derivative(xs[i]));
    CHECK(dxs[i] == ys[i] * f.derivative(xs[i]));
  }
  std::array<T, 3> fixed{};
  actfn::forward(f, xs, fixed);
  CHECK(fixed[2] == ys[2]);
#if __cplusplus >= 202002L
  std::span<T> view(ys);
  actfn::forward(f, std::span<const T>(xs), view);
  CHECK(view[0] == f(xs[0]));
#endif
}

TEMPLATE_TEST_CASE("array API: bad input throws and writes nothing", "[array][errors]", float,
                   double) {
  using T = TestType;
  const actfn::sigmoid<T> f;
  std::vector<T> xs(5, T(1)), ys(4, T(7));
  try {
    actfn::forward(f, xs, ys);
    FAIL("no exception");
  } catch (std::invalid_argument const& error) {
    CHECK(std::string(error.what()) == "actfn::forward: ys.size() = 4 differs from xs.size() = 5");
  }
  CHECK(ys == std::vector<T>(4, T(7)));
  CHECK_THROWS_WITH(actfn::derivative(f, xs, ys),
                    "actfn::derivative: ds.size() = 4 differs from xs.size() = 5");
  CHECK_THROWS_WITH(actfn::backward(f, xs, xs, ys),
                    "actfn::backward: dxs.size() = 4 differs from xs.size() = 5");
  CHECK_THROWS_WITH(actfn::backward(f, xs, ys, xs),
                    "actfn::backward: dys.size() = 4 differs from xs.size() = 5");
  CHECK_THROWS_WITH(actfn::forward(f, nullptr, ys.data(), 3),
                    "actfn::forward: x is null but n = 3");
  CHECK_THROWS_WITH(actfn::derivative(f, xs.data(), nullptr, 2),
                    "actfn::derivative: d is null but n = 2");
  CHECK_THROWS_WITH(actfn::backward(f, xs.data(), nullptr, ys.data(), 1),
                    "actfn::backward: dy is null but n = 1");
  std::vector<T> ds(5, T(7));
  CHECK_THROWS_WITH(actfn::forward_and_derivative(f, xs, ys, ds),
                    "actfn::forward_and_derivative: ys.size() = 4 differs from xs.size() = 5");
  CHECK_THROWS_WITH(actfn::forward_and_derivative(f, xs, ds, ys),
                    "actfn::forward_and_derivative: ds.size() = 4 differs from xs.size() = 5");
  CHECK_THROWS_WITH(actfn::forward_and_derivative(f, xs.data(), ds.data(), nullptr, 5),
                    "actfn::forward_and_derivative: d is null but n = 5");
  CHECK_THROWS_WITH(actfn::forward_and_derivative(f, xs.data(), ds.data(), ds.data(), 5),
                    "actfn::forward_and_derivative: y and d are the same buffer");
  CHECK_THROWS_WITH(actfn::second_derivative(f, xs, ys),
                    "actfn::second_derivative: d2s.size() = 4 differs from xs.size() = 5");
  CHECK_THROWS_WITH(actfn::second_derivative(f, xs.data(), nullptr, 5),
                    "actfn::second_derivative: d2 is null but n = 5");
  CHECK(ds == std::vector<T>(5, T(7)));
  CHECK(ys == std::vector<T>(4, T(7)));
  // n = 0 with null buffers is a valid empty call.
  CHECK_NOTHROW(actfn::forward(f, nullptr, nullptr, 0));
  CHECK_NOTHROW(actfn::backward(f, nullptr, nullptr, nullptr, 0));
}
