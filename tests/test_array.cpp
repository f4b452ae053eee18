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

// dx = fma(dy, f'(x), beta * dx) for every function, beta = 1 (accumulate), a
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
        const T expected = std::fma(dy[i], f.derivative(x[i]), b * previous[i]);
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
    REQUIRE(support::same(both[i], std::fma(dy[i], f.derivative(x[i]), dy[i])));
  CHECK_THROWS_WITH(actfn::backward(f, x, dy, both, actfn::beta(std::numeric_limits<T>::infinity())),
                    "actfn::backward: beta must be finite, got inf");
  CHECK_THROWS_WITH(actfn::backward(f, x.data(), dy.data(), nullptr, n, actfn::accumulate),
                    "actfn::backward: dx is null but n = " + std::to_string(n));
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
  CHECK(ds == std::vector<T>(5, T(7)));
  CHECK(ys == std::vector<T>(4, T(7)));
  // n = 0 with null buffers is a valid empty call.
  CHECK_NOTHROW(actfn::forward(f, nullptr, nullptr, 0));
  CHECK_NOTHROW(actfn::backward(f, nullptr, nullptr, nullptr, 0));
}
