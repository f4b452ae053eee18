// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/maxout.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/checks.hpp"

namespace {

// Values from a small set, so that groups often hold ties, with some NaN and
// infinities.
template <class T>
std::vector<T> tied_values(std::size_t n, unsigned seed, bool with_nan) {
  using limits = std::numeric_limits<T>;
  std::mt19937 random(seed);
  std::vector<T> x(n);
  for (T& v : x) {
    const unsigned pick = random() % 40;
    if (pick == 0) {
      v = with_nan ? limits::quiet_NaN() : T(0.5);
    } else if (pick == 1) {
      v = limits::infinity();
    } else if (pick == 2) {
      v = -limits::infinity();
    } else {
      v = T(int(random() % 7) - 3) / 2;
    }
  }
  return x;
}

// The position of group i's winner by the rule: the first NaN, else the first
// maximum.
template <class T>
std::size_t naive_argmax(std::vector<T> const& x, std::size_t i, std::size_t k,
                         actfn::maxout_grouping grouping) {
  const std::size_t units = x.size() / k;
  const auto at = [&](std::size_t j) {
    return grouping == actfn::maxout_grouping::strided ? j * units + i : i * k + j;
  };
  std::size_t best = at(0);
  for (std::size_t j = 0; j < k; ++j) {
    if (std::isnan(x[at(j)])) return at(j);
  }
  for (std::size_t j = 1; j < k; ++j) {
    if (x[at(j)] > x[best]) best = at(j);
  }
  return best;
}

}  // namespace

TEMPLATE_TEST_CASE("maxout: against a naive loop, both groupings, both backward forms", "[maxout]",
                   float, double) {
  using T = TestType;
  for (auto grouping : {actfn::maxout_grouping::contiguous, actfn::maxout_grouping::strided}) {
    for (std::size_t k : {1u, 2u, 3u, 4u, 5u}) {
      for (std::size_t units : {0u, 1u, 7u, 16u, 17u, 33u, 1000u}) {
        INFO("k = " << k << ", units = " << units
                    << ", strided = " << (grouping == actfn::maxout_grouping::strided));
        const actfn::maxout<T> f(k, grouping);
        const std::size_t n = units * k;
        const std::vector<T> x = tied_values<T>(n, unsigned(n + k), true);
        const std::vector<T> dy = tied_values<T>(units, unsigned(n + 1), false);
        std::vector<T> y(units, T(-9)), y_again(units), dx(n, T(-9)), dx_from_indices(n, T(-9));
        std::vector<std::size_t> argmax(units);
        f.forward(x.data(), y.data(), n);
        f.forward(x.data(), y_again.data(), argmax.data(), n);
        f.backward(x.data(), dy.data(), dx.data(), n);
        f.backward(argmax.data(), dy.data(), dx_from_indices.data(), n);
        std::vector<T> expected_dx(n, T(0));
        for (std::size_t i = 0; i < units; ++i) {
          const std::size_t winner = naive_argmax(x, i, k, grouping);
          REQUIRE(support::same(y[i], x[winner]));
          REQUIRE(support::same(y_again[i], x[winner]));
          REQUIRE(argmax[i] == winner);
          expected_dx[winner] = dy[i];
        }
        for (std::size_t p = 0; p < n; ++p) {
          REQUIRE(support::same(dx[p], expected_dx[p]));
          REQUIRE(support::same(dx_from_indices[p], expected_dx[p]));
        }
      }
    }
  }
}

// backward with a mode: fma(b, dx, routed gradient) at every piece, from x
// and from argmax alike; b = 0 never reads dx.
TEMPLATE_TEST_CASE("maxout: backward with beta adds onto dx", "[maxout]", float, double) {
  using T = TestType;
  for (auto grouping : {actfn::maxout_grouping::contiguous, actfn::maxout_grouping::strided}) {
    for (std::size_t k : {1u, 2u, 3u, 5u}) {
      for (std::size_t units : {1u, 17u, 100u}) {
        INFO("k = " << k << ", units = " << units
                    << ", strided = " << (grouping == actfn::maxout_grouping::strided));
        const actfn::maxout<T> f(k, grouping);
        const std::size_t n = units * k;
        const std::vector<T> x = tied_values<T>(n, unsigned(n + k), true);
        const std::vector<T> dy = tied_values<T>(units, unsigned(n + 2), false);
        const std::vector<T> previous = tied_values<T>(n, unsigned(n + 3), false);
        std::vector<T> y(units), routed(n);
        std::vector<std::size_t> argmax(units);
        f.forward(x.data(), y.data(), argmax.data(), n);
        f.backward(x, dy, routed);
        for (T b : {T(1), T(0.5), T(-2)}) {
          INFO("beta = " << b);
          std::vector<T> from_x = previous, from_indices = previous;
          if (b == T(1)) {
            f.backward(x, dy, from_x, actfn::accumulate);
          } else {
            f.backward(x.data(), dy.data(), from_x.data(), n, actfn::beta(b));
          }
          f.backward(argmax.data(), dy.data(), from_indices.data(), n, actfn::beta(b));
          for (std::size_t p = 0; p < n; ++p) {
            const T expected = actfn::detail::multiply_add(b, previous[p], routed[p]);
            REQUIRE(support::same(from_x[p], expected));
            REQUIRE(support::same(from_indices[p], expected));
          }
        }
        std::vector<T> garbage(n, std::numeric_limits<T>::quiet_NaN()), garbage_indices = garbage;
        f.backward(x, dy, garbage, actfn::beta(T(0)));
        f.backward(argmax.data(), dy.data(), garbage_indices.data(), n, actfn::beta(T(0)));
        for (std::size_t p = 0; p < n; ++p) {
          REQUIRE(support::same(garbage[p], routed[p]));
          REQUIRE(support::same(garbage_indices[p], routed[p]));
        }
      }
    }
  }
  const actfn::maxout<T> f(2);
  std::vector<T> x{T(1), T(2)}, dy{T(3)}, dx{T(4), T(5)};
  const T nan = std::numeric_limits<T>::quiet_NaN();
  CHECK_THROWS_WITH(f.backward(x, dy, dx, actfn::beta(nan)),
                    "actfn::maxout::backward: beta must be finite, got nan");
  CHECK(dx == std::vector<T>{T(4), T(5)});
}

TEMPLATE_TEST_CASE("maxout: backward matches finite differences away from ties", "[maxout]", float,
                   double) {
  using T = TestType;
  std::mt19937 random(4);
  std::uniform_real_distribution<T> uniform(T(-3), T(3));
  for (auto grouping : {actfn::maxout_grouping::contiguous, actfn::maxout_grouping::strided}) {
    const std::size_t k = 3, units = 20, n = units * k;
    const actfn::maxout<T> f(k, grouping);
    std::vector<T> x(n), y(units), dy(units), dx(n);
    for (T& v : x) v = uniform(random);
    for (T& v : dy) v = uniform(random);
    f.forward(x, y);
    f.backward(x, dy, dx);
    // d(sum dy . y)/dx_p by central differences; h is far below the gap
    // between pieces, which is at least 2^-10 here or the point is skipped.
    const T h = T(1) / 4096;
    for (std::size_t p = 0; p < n; ++p) {
      std::vector<T> sorted(x);
      bool tied = false;
      for (std::size_t q = 0; q < n; ++q) {
        tied = tied || (q != p && std::fabs(x[q] - x[p]) < T(1) / 1024);
      }
      if (tied) continue;
      std::vector<T> above(x), below(x), y_above(units), y_below(units);
      above[p] += h;
      below[p] -= h;
      f.forward(above, y_above);
      f.forward(below, y_below);
      support::real difference = 0;
      for (std::size_t i = 0; i < units; ++i) {
        difference += support::real(dy[i]) * (support::real(y_above[i]) - y_below[i]) / (2 * h);
      }
      REQUIRE(std::fabs(dx[p] - difference) <= std::fabs(difference) * 1e-5 + 1e-30);
    }
  }
}

TEMPLATE_TEST_CASE("maxout: special values", "[maxout]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const T nan = limits::quiet_NaN(), inf = limits::infinity();
  const actfn::maxout<T> f(3);
  const std::vector<T> x = {T(1), nan, T(5), -inf, -inf, -inf, T(2), T(2), inf};
  std::vector<T> y(3), dx(9);
  std::vector<std::size_t> argmax(3);
  f.forward(x.data(), y.data(), argmax.data(), 9);
  CHECK(std::isnan(y[0]));
  CHECK(y[1] == -inf);
  CHECK(y[2] == inf);
  CHECK(argmax == std::vector<std::size_t>{1, 3, 8});
  f.backward(x, std::vector<T>{T(10), T(20), T(30)}, dx);
  CHECK(dx == std::vector<T>{0, 10, 0, 20, 0, 0, 0, 0, 30});
  CHECK(f.k() == 3);
  CHECK(f.grouping() == actfn::maxout_grouping::contiguous);
}

TEMPLATE_TEST_CASE("maxout: invalid input", "[maxout][errors]", float, double) {
  using T = TestType;
  CHECK_THROWS_WITH(actfn::maxout<T>(0),
                    Catch::Matchers::StartsWith("actfn::maxout: k must be in [1, "));
  const actfn::maxout<T> f(3, actfn::maxout_grouping::strided);
  std::vector<T> x(10, T(1)), y(4, T(7)), dx(10, T(7));
  CHECK_THROWS_WITH(f.forward(x.data(), y.data(), 10),
                    "actfn::maxout::forward: n = 10 is not a multiple of k = 3");
  CHECK_THROWS_WITH(f.forward(x, y), "actfn::maxout::forward: n = 10 is not a multiple of k = 3");
  x.resize(9);
  CHECK_THROWS_WITH(f.forward(x, y),
                    "actfn::maxout::forward: ys.size() = 4 differs from xs.size() / k = 3");
  CHECK_THROWS_WITH(f.forward(x.data(), nullptr, 9), "actfn::maxout::forward: y is null but n = 9");
  CHECK_THROWS_WITH(f.forward(x.data(), y.data(), static_cast<std::size_t*>(nullptr), 9),
                    "actfn::maxout::forward: argmax is null but n = 9");
  // An index outside its group is refused before dx is touched.
  const std::vector<std::size_t> wrong = {0, 1, 4};
  CHECK_THROWS_WITH(f.backward(wrong.data(), y.data(), dx.data(), 9),
                    "actfn::maxout::backward: argmax[2] = 4 is not a position of group 2");
  CHECK(dx == std::vector<T>(10, T(7)));
}
