// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// actfn::dispatch (dispatch.hpp): the target it chooses, the choice forced
// to each target this CPU runs, and every kernel against the header-only
// one. Where this program's own flags are one of dispatch's targets (no
// -march: sse2; x86-64-v3: avx2+fma; an AVX-512 -march: avx512; AArch64:
// neon), that target's results are the header-only kernels' bits; the other
// targets agree within a few ULP (their own bounds are the kernel tests'
// business, in CI's build for each target).
#include <actfn/dispatch.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "catch.hpp"
#include "support/checks.hpp"

namespace {

// The dispatch target compiled with this program's flags, if any.
constexpr const char* this_programs_target() {
#if defined(__AVX512F__) && defined(__AVX512CD__) && defined(__AVX512DQ__) && \
    defined(__AVX512BW__) && defined(__FMA__)
  return "avx512";
#elif defined(__AVX2__) && defined(__FMA__) && !defined(__AVX512F__)
  return "avx2+fma";
#elif (defined(__x86_64__) || defined(_M_X64)) && !defined(__SSE3__) && !defined(__AVX__)
  return "sse2";
#elif defined(__aarch64__)
  return "neon";
#else
  return "";
#endif
}

// Restores the best target when a test leaves.
struct best_target_afterwards {
  ~best_target_afterwards() { actfn::dispatch::select_arch("best"); }
};

// Inputs with every special value, tiny and huge magnitudes and a spread over
// [-40, 40]; an odd count, so that every kernel runs its SIMD body and tail.
template <class T>
std::vector<T> inputs() {
  using limits = std::numeric_limits<T>;
  std::vector<T> x{
      limits::quiet_NaN(),  limits::infinity(), -limits::infinity(), T(0),           T(-0.0),
      limits::denorm_min(), -limits::min(),     limits::max(),       -limits::max(), T(1)};
  std::mt19937 random(2026);
  std::uniform_real_distribution<T> spread(T(-40), T(40));
  for (int i = 0; i < 600; ++i) x.push_back(spread(random));
  for (int e = -60; e <= 60; e += 3) {
    x.push_back(std::ldexp(T(1.37), e));
    x.push_back(-std::ldexp(T(1.37), e));
  }
  return x;
}

template <class T>
std::vector<T> gradients(std::size_t n) {
  std::mt19937 random(7);
  std::uniform_real_distribution<T> unit(T(-1), T(1));
  std::vector<T> dy(n);
  for (T& v : dy) v = unit(random);
  return dy;
}

// Within 16 ULP, or 2^-digits absolute (derivatives beside their zeros).
template <class T>
bool close(T a, T b) {
  if (support::same(a, b)) return true;
  if (!std::isfinite(a) || !std::isfinite(b)) return false;
  const T scale = std::max(std::abs(a), std::abs(b));
  const T ulp = std::nextafter(scale, std::numeric_limits<T>::infinity()) - scale;
  return std::abs(a - b) <= 16 * ulp ||
         std::abs(a - b) <= std::ldexp(T(1), -std::numeric_limits<T>::digits);
}

template <class T>
void check_results(std::string const& what, std::vector<T> const& expected,
                   std::vector<T> const& actual, bool bit_exact) {
  std::size_t differing = 0, first = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const bool agree =
        bit_exact ? support::same(expected[i], actual[i]) : close(expected[i], actual[i]);
    if (!agree && differing++ == 0) first = i;
  }
  INFO(what << (bit_exact ? ": bit for bit" : ": within 16 ULP"));
  if (differing > 0)
    INFO("first at " << first << ": " << expected[first] << " vs " << actual[first]);
  CHECK(differing == 0);
}

// Every entry point of f through dispatch and through the header.
template <class F>
void compare_elementwise(std::string const& target, F const& f, bool bit_exact) {
  using T = typename F::value_type;
  const std::vector<T> x = inputs<T>();
  const std::size_t n = x.size();
  const std::vector<T> dy = gradients<T>(n);
  const std::string name = target + ": " + actfn::describe(f) +
                           (actfn::is_fast_v<typename F::precision> ? " [fast]" : "");
  std::vector<T> expected(n), actual(n);
  const auto compare = [&](std::string const& entry, auto const& header, auto const& dispatched) {
    std::fill(expected.begin(), expected.end(), T(0.25));
    std::fill(actual.begin(), actual.end(), T(0.25));
    header(expected.data());
    dispatched(actual.data());
    check_results(name + " " + entry, expected, actual, bit_exact);
  };
  compare(
      "forward", [&](T* out) { actfn::forward(f, x.data(), out, n); },
      [&](T* out) { actfn::dispatch::forward(f, x.data(), out, n); });
  compare(
      "derivative", [&](T* out) { actfn::derivative(f, x.data(), out, n); },
      [&](T* out) { actfn::dispatch::derivative(f, x.data(), out, n); });
  compare(
      "backward", [&](T* out) { actfn::backward(f, x.data(), dy.data(), out, n); },
      [&](T* out) { actfn::dispatch::backward(f, x.data(), dy.data(), out, n); });
  compare(
      "backward, accumulate",
      [&](T* out) { actfn::backward(f, x.data(), dy.data(), out, n, actfn::accumulate); },
      [&](T* out) {
        actfn::dispatch::backward(f, x.data(), dy.data(), out, n, actfn::accumulate);
      });
  if constexpr (actfn::has_derivative_from_output_v<F>) {
    if (actfn::derivative_from_output_defined(f)) {
      std::vector<T> y(n);
      actfn::forward(f, x.data(), y.data(), n);
      compare(
          "backward_from_output",
          [&](T* out) { actfn::backward_from_output(f, y.data(), dy.data(), out, n); },
          [&](T* out) { actfn::dispatch::backward_from_output(f, y.data(), dy.data(), out, n); });
      compare(
          "backward_from_output, beta",
          [&](T* out) {
            actfn::backward_from_output(f, y.data(), dy.data(), out, n, actfn::beta(T(-0.5)));
          },
          [&](T* out) {
            actfn::dispatch::backward_from_output(f, y.data(), dy.data(), out, n,
                                                  actfn::beta(T(-0.5)));
          });
    }
  }
  // The same function held by an activation takes the same kernel.
  const actfn::activation<T, typename F::precision> a(f);
  std::vector<T> through_activation(n);
  actfn::dispatch::forward(a, x.data(), through_activation.data(), n);
  actfn::dispatch::forward(f, x.data(), actual.data(), n);
  check_results(name + " forward as an activation", actual, through_activation, true);
}

// softmax or log_softmax S, strided rows (with a masked row) and one vector.
template <class S>
void compare_rows(std::string const& target, const char* function, S const& s, bool bit_exact) {
  using T = typename S::value_type;
  const std::size_t rows = 5, cols = 37, stride = 40;
  std::vector<T> x = inputs<T>();
  x.resize(rows * stride);
  for (std::size_t j = 0; j < cols; ++j) x[stride + j] = -std::numeric_limits<T>::infinity();
  const std::vector<T> dy = gradients<T>(rows * stride);
  std::vector<T> expected(rows * stride, T(0.5)), actual(rows * stride, T(0.5));
  s.forward(x.data(), stride, expected.data(), stride, rows, cols);
  actfn::dispatch::forward(s, x.data(), stride, actual.data(), stride, rows, cols);
  const std::string name =
      target + ": " + function + (actfn::is_fast_v<typename S::precision> ? " [fast]" : "");
  check_results(name + " forward, strided rows", expected, actual, bit_exact);

  const std::vector<T> y = expected;  // the rows' outputs
  std::vector<T> dx_expected(rows * stride, T(0.25)), dx_actual(rows * stride, T(0.25));
  s.backward(y.data(), stride, dy.data(), stride, dx_expected.data(), stride, rows, cols,
             actfn::accumulate);
  actfn::dispatch::backward(s, y.data(), stride, dy.data(), stride, dx_actual.data(), stride, rows,
                            cols, actfn::accumulate);
  check_results(name + " backward, strided rows, accumulate", dx_expected, dx_actual, bit_exact);

  std::vector<T> one_expected(cols), one_actual(cols);
  s.forward(x.data() + 2 * stride, one_expected.data(), cols);
  actfn::dispatch::forward(s, x.data() + 2 * stride, one_actual.data(), cols);
  check_results(name + " forward, one vector", one_expected, one_actual, bit_exact);
  s.backward(y.data(), dy.data(), dx_expected.data(), 2, cols);
  actfn::dispatch::backward(s, y.data(), dy.data(), dx_actual.data(), 2, cols);
  check_results(name + " backward, rows", dx_expected, dx_actual, bit_exact);
}

template <class T, class Precision>
void compare_everything(std::string const& target, bool bit_exact) {
  actfn::for_each_tested_functor<actfn::elementwise_functions<T, Precision>>(
      [&](auto const& f) { compare_elementwise(target, f, bit_exact); });
  for (auto masked : {actfn::masked_row::nan, actfn::masked_row::uniform}) {
    compare_rows(target, "softmax", actfn::softmax<T, Precision>(masked), bit_exact);
    compare_rows(target, "log_softmax", actfn::log_softmax<T, Precision>(masked), bit_exact);
  }
}

// What call throws.
template <class Call>
std::string message_of(Call const& call) {
  try {
    call();
  } catch (std::invalid_argument const& error) {
    return error.what();
  }
  return "(nothing thrown)";
}

}  // namespace

TEST_CASE("dispatch: runs the best target this CPU runs, unless told otherwise", "[dispatch]") {
  const std::vector<std::string> available = actfn::dispatch::available_archs();
  REQUIRE(!available.empty());
  const std::string active = actfn::dispatch::active_arch();
  CHECK(std::find(available.begin(), available.end(), active) != available.end());
  // ACTFN_DISPATCH_ARCH chooses the first call's target (ctest's
  // dispatch_from_environment sets it).
  const char* forced = std::getenv("ACTFN_DISPATCH_ARCH");
  if (forced == nullptr || *forced == '\0') {
    CHECK(active == available.front());
  } else {
    CHECK(active == forced);
  }
  // Whatever runs, the lowest target runs everywhere.
#if defined(__x86_64__) || defined(_M_X64)
  CHECK(available.back() == "sse2");
#elif defined(__aarch64__)
  CHECK(available == std::vector<std::string>{"neon"});
#endif
  // The program's own target runs here, since the program does.
  if (*this_programs_target() != '\0') {
    CHECK(std::find(available.begin(), available.end(), this_programs_target()) != available.end());
  }
}

TEMPLATE_TEST_CASE("dispatch: every kernel on every target this CPU runs", "[dispatch]", float,
                   double) {
  using T = TestType;
  best_target_afterwards restore;
  for (std::string const& target : actfn::dispatch::available_archs()) {
    actfn::dispatch::select_arch(target);
    REQUIRE(actfn::dispatch::active_arch() == target);
    const bool bit_exact = target == this_programs_target();
    compare_everything<T, actfn::accurate>(target, bit_exact);
    compare_everything<T, actfn::fast>(target, bit_exact);
  }
  if (*this_programs_target() == '\0') {
    WARN("no dispatch target has this program's flags: nothing compared bit for bit");
  }
}

TEST_CASE("dispatch: bad input and bad targets", "[dispatch]") {
  best_target_afterwards restore;
  std::vector<float> x(8, 0.5f), y(8);
  // The header-only kernels' checks and messages.
  CHECK_THROWS_WITH(actfn::dispatch::forward(actfn::sigmoid<float>(), nullptr, y.data(), 8),
                    "actfn::forward: x is null but n = 8");
  CHECK_THAT(message_of([&] {
               actfn::dispatch::backward(actfn::relu<float>(), x.data(), x.data(), y.data(), 8,
                                         actfn::beta(std::numeric_limits<float>::infinity()));
             }),
             Catch::Matchers::StartsWith("actfn::backward: beta must be finite"));
  CHECK_THAT(message_of([&] {
               actfn::dispatch::backward_from_output(actfn::leaky_relu<float>(-0.5f), x.data(),
                                                     x.data(), y.data(), 8);
             }),
             Catch::Matchers::StartsWith("actfn::backward_from_output: leaky_relu's alpha = -0.5"));
  actfn::softmax<double> softmax;
  std::vector<double> rows(12);
  CHECK_THROWS_WITH(actfn::dispatch::forward(softmax, rows.data(), 3, rows.data(), 4, 3, 4),
                    "actfn::softmax::forward: x_stride = 3 is less than cols = 4");
  // An activation without f' from y names itself.
  const auto silu = actfn::activation<float>::parse("silu");
  CHECK_THROWS_WITH(
      actfn::dispatch::backward_from_output(silu, x.data(), x.data(), y.data(), 8),
      "actfn::backward_from_output: silu(beta=1) has no derivative from its output; take "
      "backward from x");
  // An unknown target: the message lists what runs; nothing changes.
  const std::string before = actfn::dispatch::active_arch();
  CHECK_THAT(message_of([] { actfn::dispatch::select_arch("avx1024"); }),
             Catch::Matchers::StartsWith(
                 "actfn::dispatch::select_arch: unknown target 'avx1024'; this CPU runs: best, " +
                 actfn::dispatch::available_archs().front()));
  CHECK(actfn::dispatch::active_arch() == before);
  actfn::dispatch::select_arch("best");
  CHECK(actfn::dispatch::active_arch() == actfn::dispatch::available_archs().front());
}
