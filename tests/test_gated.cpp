// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/functions/gated.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iostream>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include <actfn/functions.hpp>

#include "catch.hpp"
#include "support/accuracy.hpp"
#include "support/checks.hpp"
#include "support/reference.hpp"

namespace {

using support::real;

// The activation's reference (relu's is exact, so reference.hpp has none).
template <class T, class P>
reference::functions reference_of(actfn::relu<T, P> const&) {
  return {[](real x) { return x > 0 ? x : real(0); },
          [](real x) { return x > 0 ? real(1) : 0; },
          {},
          {}};
}
template <class F>
reference::functions reference_of(F const& f) {
  return reference::of(f);
}

// The activation's bounds in ULP (0 where it is exact).
template <class F>
constexpr actfn::accuracy_bounds bounds_of() {
  if constexpr (actfn::has_accuracy_bounds_v<F>) {
    return actfn::descriptor<F>::accuracy;
  } else {
    return {0, 0, 0, 0};
  }
}

// One rounding of a product: half an ULP, and an ULP for db without FMA
// (its product and sum are two roundings there).
constexpr real product_rounding = 0.5;
constexpr real gradient_rounding = ACTFN_HAS_FMA ? 0.5 : 1;

// Rows of [a | b]: b over the activations' whole range (a sample of every
// binade, and uniform points where they bend), a random magnitudes of both
// signs, from 2^-30 to 2^30 (so that products neither overflow nor lose
// their bits to the subnormal range, where the bound is absolute).
template <class T>
struct gated_sample {
  std::size_t rows = 0, half = 0;
  std::vector<T> x, dy;
};
template <class T>
gated_sample<T> sample(std::size_t half) {
  std::vector<T> b = support::finite_range_sample<T>(20000 / support::sample_divisor(),
                                                     60000 / support::sample_divisor());
  gated_sample<T> s;
  s.half = half;
  s.rows = (b.size() + half - 1) / half;
  b.resize(s.rows * half, T(0.5));
  std::mt19937_64 random(2026121);
  std::uniform_real_distribution<double> exponent(-30, 30);
  const auto magnitude = [&] {
    const T m = T(std::exp2(exponent(random)));
    return random() % 2 ? m : -m;
  };
  s.x.resize(s.rows * 2 * half);
  s.dy.resize(s.rows * half);
  for (std::size_t r = 0; r < s.rows; ++r) {
    for (std::size_t j = 0; j < half; ++j) {
      s.x[r * 2 * half + j] = magnitude();
      s.x[r * 2 * half + half + j] = b[r * half + j];
      s.dy[r * half + j] = magnitude();
    }
  }
  return s;
}

struct gated_errors {
  real forward = 0, da = 0, db = 0;                 // in ULP of the result
  real forward_over = 0, da_over = 0, db_over = 0;  // error / stated bound, max
};

// The errors of y, da and db against the reference, and against the bound
// gated.hpp states: |a| * bound * ulp(f(b)) + rounding * ulp(y), and for db
// |dy a| * (the absolute bound near a zero of f', or bound * ulp(f'(b))) +
// rounding * ulp(db) (+ half the smallest subnormal where db is tiny).
template <class G>
gated_errors measure(G const& g, gated_sample<typename G::value_type> const& s) {
  using T = typename G::value_type;
  using F = typename G::activation_type;
  constexpr actfn::accuracy_bounds bounds = bounds_of<F>();
  const reference::functions ref = reference_of(g.activation());
  std::vector<T> y(s.rows * s.half), dx(s.rows * 2 * s.half);
  g.forward(s.x.data(), y.data(), s.rows, s.half);
  g.backward(s.x.data(), s.dy.data(), dx.data(), s.rows, s.half);
  gated_errors e;
  // worst: the error in ULP where f(b) (or f'(b)) is a normal number (below,
  // its own ULP is a larger share of it, which the bound allows for); over:
  // the error over the bound. A reference beyond T's range must have given
  // that infinity.
  const auto record = [](real& worst, real& over, T got, real expected, real allowed, real factor) {
    if (std::fabs(expected) > real(std::numeric_limits<T>::max())) {
      over = std::max(over, got == static_cast<T>(expected) ? real(0) : real(INFINITY));
      return;
    }
    if (std::fabs(factor) >= real(std::numeric_limits<T>::min()) || factor == 0) {
      worst = std::max(worst, support::ulp_error(got, expected));
    }
    const real absolute = std::fabs(real(got) - expected);
    const real ratio = allowed > 0 ? absolute / allowed : (absolute > 0 ? real(INFINITY) : 0);
    over = std::max(over, ratio);
  };
  for (std::size_t r = 0; r < s.rows; ++r) {
    for (std::size_t j = 0; j < s.half; ++j) {
      const real a = s.x[r * 2 * s.half + j], b = s.x[r * 2 * s.half + s.half + j];
      const real dy = s.dy[r * s.half + j];
      const real value = ref.value(b), slope = ref.slope(b);
      const real expected_y = a * value, expected_db = dy * a * slope;
      const real ulp_value = support::ulp<T>(value);
      record(e.forward, e.forward_over, y[r * s.half + j], expected_y,
             std::fabs(a) * bounds.forward_ulp * ulp_value +
                 product_rounding * support::ulp<T>(expected_y),
             value);
      record(e.da, e.da_over, dx[r * 2 * s.half + j], dy * value,
             std::fabs(dy) * bounds.forward_ulp * ulp_value +
                 product_rounding * support::ulp<T>(dy * value),
             value);
      const bool near_zero = std::any_of(
          ref.slope_zeros.begin(), ref.slope_zeros.end(),
          [b](real zero) { return std::fabs(b - zero) <= real(1e-3) * std::fabs(zero); });
      const real slope_error = near_zero ? support::absolute_bound_near_zero<T>()
                                         : bounds.derivative_ulp * support::ulp<T>(slope);
      // dy * a's low word times f'(b) rounds in the subnormal range (to
      // half the smallest subnormal) where db is below 2^digits times the
      // smallest normal number.
      const real subnormal =
          std::fabs(expected_db) <
                  std::ldexp(real(std::numeric_limits<T>::min()), std::numeric_limits<T>::digits)
              ? real(std::numeric_limits<T>::denorm_min()) / 2
              : 0;
      real db_worst = 0;
      record(near_zero ? db_worst : e.db, e.db_over, dx[r * 2 * s.half + s.half + j], expected_db,
             std::fabs(dy * a) * slope_error + gradient_rounding * support::ulp<T>(expected_db) +
                 subnormal,
             slope);
    }
  }
  return e;
}

template <class List, class Visit>
void for_each_gated(Visit&& visit) {
  actfn::for_each_tested_functor<List>(visit);
}

}  // namespace

// The accuracy table's rows: every gated function of the list, both tiers,
// each tested parameter set.
TEMPLATE_TEST_CASE("gated: a * f(b) and its gradients within f's bound plus one rounding",
                   "[gated]", float, double) {
  using T = TestType;
  const gated_sample<T> s = sample<T>(1000);
  const auto check = [&s](auto const& g) {
    using G = std::decay_t<decltype(g)>;
    const gated_errors e = measure(g, s);
    const std::string what = actfn::describe(g) +
                             (actfn::is_fast_v<typename G::precision> ? " [fast] " : " ") +
                             support::type_name<T>();
    std::cout.precision(3);
    std::cout << "accuracy " << what << ": y " << double(e.forward) << " ULP, da " << double(e.da)
              << ", db " << double(e.db) << " (of the bound: " << double(e.forward_over) << ", "
              << double(e.da_over) << ", " << double(e.db_over) << ")\n";
    INFO(what);
    CHECK(e.forward_over <= 1);
    CHECK(e.da_over <= 1);
    CHECK(e.db_over <= 1);
  };
  actfn::for_each_tested_functor<actfn::gated_functions<T, actfn::accurate>>(check);
  actfn::for_each_tested_functor<actfn::gated_functions<T, actfn::fast>>(check);
}

// The gradient of L = sum(w * y) by central differences in double, for a
// and b, against backward; points away from relu's kink.
TEST_CASE("gated: both halves' gradients match finite differences", "[gated]") {
  using T = double;
  const std::size_t rows = 3, half = 17;
  std::mt19937_64 random(7);
  std::uniform_real_distribution<T> values(-4, 4);
  std::vector<T> x(rows * 2 * half), w(rows * half);
  for (T& v : x) {
    v = values(random);
    if (std::fabs(v) < 0.01) v = 0.5;
  }
  for (T& v : w) v = values(random);
  actfn::for_each_tested_functor<actfn::gated_functions<T>>([&](auto const& g) {
    INFO(actfn::describe(g));
    std::vector<T> dx(x.size()), y(rows * half);
    g.backward(x.data(), w.data(), dx.data(), rows, half);
    const auto loss = [&](std::vector<T> const& at) {
      g.forward(at.data(), y.data(), rows, half);
      real sum = 0;
      for (std::size_t i = 0; i < y.size(); ++i) sum += real(w[i]) * y[i];
      return sum;
    };
    std::vector<T> moved = x;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const T step = 1e-6 * std::max(T(1), std::fabs(x[i]));
      moved[i] = x[i] + step;
      const real up = loss(moved);
      moved[i] = x[i] - step;
      const real down = loss(moved);
      moved[i] = x[i];
      const real difference = (up - down) / (2 * real(step));
      INFO("x[" << i << "] = " << x[i] << (i % (2 * half) < half ? " (a)" : " (b)"));
      CHECK(std::fabs(difference - dx[i]) <= 1e-7 * std::max(real(1), std::fabs(difference)));
    }
  });
}

// Each element's bits are the scalar functor's: y = a * f(b), da = dy *
// f(b), db as gated.hpp's product, whatever the row length, stride or tail.
TEMPLATE_TEST_CASE("gated: every element gets the scalar functor's bits", "[gated]", float,
                   double) {
  using T = TestType;
  for (std::size_t half : {1u, 3u, 8u, 17u, 64u}) {
    const std::size_t rows = 5, x_stride = 2 * half + 3, y_stride = half + 1;
    std::mt19937_64 random(half);
    std::uniform_real_distribution<T> values(-12, 12);
    std::vector<T> x(rows * x_stride), dy(rows * y_stride);
    for (T& v : x) v = values(random);
    for (T& v : dy) v = values(random);
    actfn::for_each_tested_functor<actfn::gated_functions<T>>([&](auto const& g) {
      INFO(actfn::describe(g) << ", half = " << half);
      const auto& f = g.activation();
      std::vector<T> y(rows * y_stride, T(-7)), dx(rows * x_stride, T(-7));
      g.forward(x.data(), x_stride, y.data(), y_stride, rows, half);
      g.backward(x.data(), x_stride, dy.data(), y_stride, dx.data(), x_stride, rows, half);
      std::size_t wrong = 0;
      for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t j = 0; j < half; ++j) {
          const T a = x[r * x_stride + j], b = x[r * x_stride + half + j];
          const T g_j = dy[r * y_stride + j];
          wrong += !support::same(y[r * y_stride + j], a * f(b));
          wrong += !support::same(dx[r * x_stride + j], g_j * f(b));
          wrong += !support::same(dx[r * x_stride + half + j], actfn::detail::times_exact_product(
                                                                   g_j, a, f.derivative(b), T(0)));
        }
        // The padding between rows is not written.
        wrong += y[r * y_stride + half] != T(-7);
        for (std::size_t j = 2 * half; j < x_stride; ++j) wrong += dx[r * x_stride + j] != T(-7);
      }
      CHECK(wrong == 0);
    });
  }
}

TEMPLATE_TEST_CASE("gated: backward modes, in place, ranges", "[gated]", float, double) {
  using T = TestType;
  const std::size_t rows = 4, half = 11;
  std::mt19937_64 random(11);
  std::uniform_real_distribution<T> values(-6, 6);
  std::vector<T> x(rows * 2 * half), dy(rows * half), old(rows * 2 * half);
  for (T& v : x) v = values(random);
  for (T& v : dy) v = values(random);
  for (T& v : old) v = values(random);
  actfn::for_each_tested_functor<actfn::gated_functions<T>>([&](auto const& g) {
    INFO(actfn::describe(g));
    std::vector<T> gradient(x.size()), accumulated = old, scaled = old;
    g.backward(x.data(), dy.data(), gradient.data(), rows, half);
    actfn::backward(g, x.data(), dy.data(), accumulated.data(), rows, half, actfn::accumulate);
    g.backward(x.data(), dy.data(), scaled.data(), rows, half, actfn::beta(T(-0.5)));
    for (std::size_t i = 0; i < x.size(); ++i) {
      // One multiply_add more than the gradient: within an ULP of the sum of
      // magnitudes of gradient's own rounding and the old value's share.
      const T eps = std::numeric_limits<T>::epsilon();
      const T scale_1 = std::fabs(gradient[i]) + std::fabs(old[i]);
      CHECK(std::fabs(accumulated[i] - (gradient[i] + old[i])) <= 2 * eps * scale_1);
      const T scale_2 = std::fabs(gradient[i]) + std::fabs(old[i] / 2);
      CHECK(std::fabs(scaled[i] - (gradient[i] - old[i] / 2)) <= 2 * eps * scale_2);
    }
    // beta = 0 never reads dx.
    std::vector<T> garbage(x.size(), std::numeric_limits<T>::quiet_NaN());
    g.backward(x.data(), dy.data(), garbage.data(), rows, half, actfn::beta(T(0)));
    CHECK(std::memcmp(garbage.data(), gradient.data(), x.size() * sizeof(T)) == 0);

    // In place: y over a, dx over x.
    std::vector<T> y(rows * half), in_place = x;
    g.forward(x.data(), y.data(), rows, half);
    g.forward(in_place.data(), 2 * half, in_place.data(), 2 * half, rows, half);
    bool same = true;
    for (std::size_t r = 0; r < rows; ++r) {
      same = same && std::memcmp(in_place.data() + r * 2 * half, y.data() + r * half,
                                 half * sizeof(T)) == 0;
    }
    CHECK(same);
    in_place = x;
    g.backward(in_place.data(), dy.data(), in_place.data(), rows, half);
    CHECK(std::memcmp(in_place.data(), gradient.data(), x.size() * sizeof(T)) == 0);

    // One row as ranges, through the free calls too.
    const std::vector<T> row(x.begin(), x.begin() + 2 * half),
        row_dy(dy.begin(), dy.begin() + half);
    std::vector<T> row_y(half), row_dx(2 * half, T(1));
    actfn::forward(g, row, row_y);
    CHECK(std::memcmp(row_y.data(), y.data(), half * sizeof(T)) == 0);
    g.backward(row, row_dy, row_dx, actfn::beta(T(0)));
    CHECK(std::memcmp(row_dx.data(), gradient.data(), 2 * half * sizeof(T)) == 0);
  });
}

TEMPLATE_TEST_CASE("gated: special values", "[gated]", float, double) {
  using T = TestType;
  using limits = std::numeric_limits<T>;
  const T inf = limits::infinity(), nan = limits::quiet_NaN();
  // Rows of [a | b], half = 1: y = a * f(b) as IEEE multiplies it.
  const auto one = [](auto const& g, T a, T b) {
    const T x[2] = {a, b};
    T y = T(-7);
    g.forward(x, &y, 1, 1);
    return y;
  };
  const actfn::glu<T> glu;
  const actfn::reglu<T> reglu;
  const actfn::geglu<T> geglu;
  const actfn::swiglu<T> swiglu;
  CHECK(one(glu, T(3), T(0)) == T(1.5));
  CHECK(one(glu, T(2), inf) == T(2));
  CHECK(support::same(one(glu, T(2), -inf), T(0)));
  CHECK(support::same(one(glu, -T(2), -inf), -T(0)));
  CHECK(std::isnan(one(glu, inf, -inf)));  // inf * 0
  CHECK(std::isnan(one(glu, nan, T(1))));
  CHECK(std::isnan(one(glu, T(1), nan)));
  CHECK(one(reglu, T(-3), T(2)) == T(-6));
  CHECK(support::same(one(reglu, T(3), T(-2)), T(0)));
  CHECK(std::isnan(one(reglu, T(0), inf)));  // 0 * inf
  CHECK(one(geglu, T(1), inf) == inf);
  CHECK(support::same(one(geglu, T(1), -inf), -T(0)));
  CHECK(one(swiglu, T(-1), inf) == -inf);
  CHECK(one(actfn::geglu_tanh<T>{}, limits::max(), T(4)) == inf);  // overflows as the product does

  // db with dy * a exact, rounded once, near the top and the bottom of the
  // range; where dy * a overflows, db is infinite.
  const T x[2] = {limits::max() / 4, T(-1)};
  T dy = T(2), dx[2];
  swiglu.backward(x, &dy, dx, 1, 1);
  const T slope = swiglu.activation().derivative(T(-1));
  CHECK(dx[1] == (limits::max() / 2) * slope);
  dy = T(8);
  swiglu.backward(x, &dy, dx, 1, 1);
  CHECK(dx[1] == inf);
  const T tiny[2] = {limits::min() * 4, T(0.5)};
  const T small_dy = T(1) / 64;
  glu.backward(tiny, &small_dy, dx, 1, 1);
  CHECK(dx[1] == (limits::min() / 16) * glu.activation().derivative(T(0.5)));

  // Nothing to do.
  glu.forward(static_cast<const T*>(nullptr), static_cast<T*>(nullptr), 0, 5);
  glu.forward(static_cast<const T*>(nullptr), static_cast<T*>(nullptr), 5, 0);
  glu.backward(static_cast<const T*>(nullptr), nullptr, nullptr, 0, 3, actfn::accumulate);
}

TEST_CASE("gated: bad arguments throw, naming them, before anything is written", "[gated]") {
  const actfn::swiglu<float> f;
  std::vector<float> x(8, 1.f), y(4, -7.f), dy(4, 1.f), dx(8, -7.f);
  const auto message = [](auto&& call) {
    try {
      call();
    } catch (std::invalid_argument const& e) {
      return std::string(e.what());
    }
    return std::string("no exception");
  };
  CHECK(message([&] { f.forward(x.data(), 3, y.data(), 2, 2, 2); }) ==
        "actfn::swiglu::forward: x_stride = 3 is less than 2 * half = 4");
  CHECK(message([&] { f.forward(x.data(), 4, y.data(), 1, 2, 2); }) ==
        "actfn::swiglu::forward: y_stride = 1 is less than cols = 2");
  CHECK(message([&] { f.forward(nullptr, y.data(), 2, 2); }) ==
        "actfn::swiglu::forward: x is null but rows * cols = 2 * 4");
  CHECK(message([&] {
          f.backward(x.data(), dy.data(), dx.data(), 2, 2, actfn::beta(NAN));
        }).find("actfn::swiglu::backward: beta") == 0);
  CHECK(message([&] { f.backward(x.data(), 4, dy.data(), 2, dx.data(), 3, 2, 2); }) ==
        "actfn::swiglu::backward: dx_stride = 3 is less than 2 * half = 4");
  CHECK(message([&] {
          f.forward(x.data(), y.data(), 1, std::size_t(-1) / 2 + 1);
        }).find("overflows 2 * half") != std::string::npos);
  CHECK(message([&] { f.forward(x, std::vector<float>(3)); }) ==
        "actfn::swiglu::forward: xs holds 8 values, not twice ys' 3");
  CHECK(message([&] { f.backward(x, dy, std::vector<float>(7)); }).find("dxs") !=
        std::string::npos);
  CHECK(y == std::vector<float>(4, -7.f));
  CHECK(dx == std::vector<float>(8, -7.f));
  CHECK(message([&] { actfn::glu<double>{}.forward(nullptr, nullptr, 0, 3); }) == "no exception");
  // The generic gated<F>: any elementwise functor, named "gated".
  const actfn::gated<actfn::mish<float>> gated_mish;
  CHECK(message([&] { gated_mish.forward(x.data(), 1, y.data(), 2, 2, 2); }) ==
        "actfn::gated::forward: x_stride = 1 is less than 2 * half = 4");
  gated_mish.forward(x.data(), y.data(), 2, 2);
  CHECK(y[0] == 1.f * actfn::mish<float>{}(1.f));
}
