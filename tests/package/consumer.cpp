// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// A user of an installed or vendored actfn: exits 0 when the library works,
// for its own functors and for one written here, outside the library, to the
// concept the README describes ("Your own functor").
#include <actfn/actfn.hpp>
#include <actfn/eigen.hpp>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include <xsimd/xsimd.hpp>

namespace {

// The bent identity, f(x) = (sqrt(x^2 + 1) - 1) / 2 + x: one definition for
// scalars and xsimd batches (xsimd's functions take both).
template <class T>
struct bent_identity {
  using value_type = T;
  template <class V>
  V operator()(V const& x) const {
    return (xsimd::sqrt(x * x + V(1)) - V(1)) / V(2) + x;
  }
  template <class V>
  V derivative(V const& x) const {
    return x / (V(2) * xsimd::sqrt(x * x + V(1))) + V(1);
  }
  template <class V>
  V second_derivative(V const& x) const {
    const V r = xsimd::sqrt(x * x + V(1));
    return V(1) / (V(2) * r * r * r);
  }
};

// A line through 0 with slope 3: its derivative is a function of its output.
template <class T>
struct triple {
  using value_type = T;
  template <class V>
  V operator()(V const& x) const {
    return V(3) * x;
  }
  template <class V>
  V derivative(V const&) const {
    return V(3);
  }
  template <class V>
  V derivative_from_output(V const&) const {
    return V(3);
  }
};

bool same(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0; }

int failures = 0;
void check(bool ok, const char* what) {
  if (!ok) {
    std::printf("actfn consumer: %s: WRONG\n", what);
    ++failures;
  }
}

}  // namespace

int main() {
  const std::vector<float> x = {-2.0f, 0.0f, 3.0f};
  std::vector<float> y(x.size());
  actfn::forward(actfn::sigmoid<float>{}, x, y);
  check(y[1] == 0.5f && y[0] > 0.119f && y[0] < 0.12f && y[2] > 0.952f, "sigmoid(-2, 0, 3)");
  std::printf("actfn consumer: sigmoid(-2, 0, 3) = %g %g %g\n", y[0], y[1], y[2]);

  // The user's functor through every entry point: a length with SIMD batches
  // and a tail, each element the scalar functor's bits.
  const bent_identity<float> bent;
  std::vector<float> xs(37), out(37), d(37), dy(37, 0.5f), dx(37);
  for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = -4.0f + 0.25f * float(i);
  actfn::forward(bent, xs, out);
  actfn::derivative(bent, xs, d);
  actfn::backward(bent, xs, dy, dx);
  bool all_same = true;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    all_same = all_same && same(out[i], bent(xs[i])) && same(d[i], bent.derivative(xs[i])) &&
               same(dx[i], 0.5f * bent.derivative(xs[i]));
  }
  check(all_same, "bent_identity: forward, derivative, backward = the scalar functor");
  check(std::fabs(bent(1.0f) - 1.20710678f) < 1e-6f, "bent_identity(1)");
  actfn::second_derivative(bent, xs, d);
  check(same(d[16], 0.5f), "bent_identity''(0) = 1/2");
  actfn::backward(bent, xs, dy, dx, actfn::accumulate);
  check(same(dx[0], 2.0f * (0.5f * bent.derivative(xs[0]))), "backward, accumulate");

  const triple<float> three;
  actfn::forward(three, xs, out);
  actfn::backward_from_output(three, out, dy, dx);
  check(dx[5] == 1.5f, "triple: backward_from_output");

  // Eigen: the adapters, and inside Eigen's own expressions.
  const Eigen::MatrixXf m = Eigen::MatrixXf::Random(5, 4);
  const Eigen::MatrixXf through_actfn = actfn::eigen::forward(bent, m);
  const Eigen::MatrixXf through_eigen = m.unaryExpr(bent);
  check(through_actfn == through_eigen, "Eigen: forward = unaryExpr");
  check(actfn::eigen::derivative(bent, m)(2, 3) == bent.derivative(m(2, 3)), "Eigen: derivative");

  // The headers' version, and the package's where the build says it.
#define ACTFN_CONSUMER_TEXT(x) #x
#define ACTFN_CONSUMER_VERSION(major, minor, patch) \
  ACTFN_CONSUMER_TEXT(major) "." ACTFN_CONSUMER_TEXT(minor) "." ACTFN_CONSUMER_TEXT(patch)
  const char* version =
      ACTFN_CONSUMER_VERSION(ACTFN_VERSION_MAJOR, ACTFN_VERSION_MINOR, ACTFN_VERSION_PATCH);
  check(ACTFN_VERSION ==
            ACTFN_VERSION_MAJOR * 10000 + ACTFN_VERSION_MINOR * 100 + ACTFN_VERSION_PATCH,
        "ACTFN_VERSION");
#ifdef ACTFN_PACKAGE_VERSION
  check(std::strcmp(version, ACTFN_PACKAGE_VERSION) == 0, "the package's version = the macros'");
#endif
  std::printf("actfn consumer: actfn %s\n", version);

  std::printf("actfn consumer: %s\n", failures == 0 ? "ok" : "FAILED");
  return failures == 0 ? 0 : 1;
}
