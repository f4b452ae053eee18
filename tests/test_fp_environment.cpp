// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#include <actfn/fp_environment.hpp>

#include <cfenv>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "catch.hpp"
#include "support/every_kernel.hpp"

namespace {

// Elements of outputs that differ in bits from expected, leaving out those
// where both are below `smallest` in magnitude.
template <class T>
std::size_t differences(std::vector<std::vector<T>> const& expected,
                        std::vector<std::vector<T>> const& outputs,
                        support::every_kernel<T> const& kernels, T smallest = T(0)) {
  std::size_t count = 0;
  for (std::size_t k = 0; k < expected.size(); ++k) {
    for (std::size_t i = 0; i < expected[k].size(); ++i) {
      const T e = expected[k][i];
      if (std::fabs(e) < smallest && std::fabs(outputs[k][i]) < smallest) continue;
      if (!support::same_bits(e, outputs[k][i])) {
        if (count++ < 5) {
          UNSCOPED_INFO(kernels.name(k) << " [" << i << "]: " << e << " became " << outputs[k][i]);
        }
      }
    }
  }
  return count;
}

}  // namespace

TEMPLATE_TEST_CASE("kernels give the same bits in every rounding mode", "[fp_environment]", float,
                   double) {
  using T = TestType;
  const support::every_kernel<T> kernels;
  auto expected = kernels.make_outputs();
  kernels.run_all(expected);
  for (int mode : {FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO}) {
    auto outputs = kernels.make_outputs();
    REQUIRE(std::fesetround(mode) == 0);
    kernels.run_all(outputs);
    const int after = std::fegetround();
    std::fesetround(FE_TONEAREST);
    CHECK(after == mode);  // the caller's mode is back
    CHECK(differences(expected, outputs, kernels) == 0);
  }
}

TEMPLATE_TEST_CASE("kernels never clear a status flag the caller has", "[fp_environment]", float,
                   double) {
  using T = TestType;
  const support::every_kernel<T> kernels;
  auto outputs = kernels.make_outputs();
  for (int mode : {FE_TONEAREST, FE_UPWARD}) {  // the usual environment, and one switched from
    std::feclearexcept(FE_ALL_EXCEPT);
    std::feraiseexcept(FE_INEXACT | FE_UNDERFLOW);
    std::fesetround(mode);
    kernels.run_all(outputs);
    const int raised = std::fetestexcept(FE_ALL_EXCEPT);
    std::fesetround(FE_TONEAREST);
    CHECK((raised & (FE_INEXACT | FE_UNDERFLOW)) == (FE_INEXACT | FE_UNDERFLOW));
  }
  std::feclearexcept(FE_ALL_EXCEPT);
}

#if ACTFN_HAS_MXCSR && defined(__GLIBC__)
TEMPLATE_TEST_CASE("kernels do not trap when the caller unmasks exceptions", "[fp_environment]",
                   float, double) {
  using T = TestType;
  const support::every_kernel<T> kernels;
  auto expected = kernels.make_outputs();
  kernels.run_all(expected);
  auto outputs = kernels.make_outputs();
  // A trap would end this program with SIGFPE.
  const int traps = FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW;
  std::feclearexcept(FE_ALL_EXCEPT);
  REQUIRE(feenableexcept(traps) != -1);
  kernels.run_all(outputs);
  const int enabled = fedisableexcept(traps);
  CHECK(enabled == traps);  // still unmasked after the kernels
  CHECK(differences(expected, outputs, kernels) == 0);
}
#endif

#if ACTFN_HAS_MXCSR
TEMPLATE_TEST_CASE("flush to zero changes only results near the subnormal range",
                   "[fp_environment]", float, double) {
  using T = TestType;
  // DAZ reads subnormal inputs as zeros: the reference run gets zeros there.
  using inputs = typename support::every_kernel<T>::subnormals;
  const support::every_kernel<T> kernels, reference(inputs::as_zero);
  auto expected = reference.make_outputs();
  reference.run_all(expected);
  auto outputs = kernels.make_outputs();
  {
    const actfn::scoped_flush_to_zero flush;
    kernels.run_all(outputs);
  }
  // The bound that fp_environment.hpp documents: where the low word of a
  // two-word intermediate can be subnormal.
  const T smallest = std::ldexp(std::numeric_limits<T>::min(), std::numeric_limits<T>::digits + 2);
  CHECK(differences(expected, outputs, kernels, smallest) == 0);
}

TEST_CASE("scoped_flush_to_zero flushes in its scope and restores after", "[fp_environment]") {
  STATIC_REQUIRE(actfn::scoped_flush_to_zero::supported);
  const actfn::sigmoid<float> sigmoid;
  const std::vector<float> x = {-100.0f, -90.0f, 1.0f};  // sigma(-100) = 3.7e-44: subnormal
  std::vector<float> y(3);
  const unsigned before = _mm_getcsr();
  actfn::forward(sigmoid, x, y);
  CHECK(y[0] > 0);
  CHECK(std::fpclassify(y[0]) == FP_SUBNORMAL);
  {
    const actfn::scoped_flush_to_zero flush;
    CHECK((_mm_getcsr() & 0x8040u) == 0x8040u);
    { const actfn::scoped_flush_to_zero nested; }
    CHECK((_mm_getcsr() & 0x8040u) == 0x8040u);  // the inner scope restored "on"
    actfn::forward(sigmoid, x, y);
    CHECK(y[0] == 0);
    CHECK(y[2] == sigmoid(1.0f));
    // DAZ: a subnormal input is read as zero.
    const std::vector<float> subnormal = {std::numeric_limits<float>::denorm_min()};
    std::vector<float> slope(1);
    actfn::derivative(actfn::relu<float>{}, subnormal, slope);
    CHECK(slope[0] == 0);
  }
  CHECK((_mm_getcsr() & ~0x3fu) == (before & ~0x3fu));  // control bits; flags may differ
  actfn::forward(sigmoid, x, y);
  CHECK(std::fpclassify(y[0]) == FP_SUBNORMAL);
}
#endif
