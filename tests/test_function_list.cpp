// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// actfn/functions.hpp's list against what it stands for: every header of
// include/actfn/functions names a function of the list (CMake passes their
// names), names are unique, and each descriptor agrees with its functor.
#include <actfn/actfn.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "catch.hpp"

namespace {

template <class List>
std::set<std::string> names_of() {
  std::set<std::string> names;
  actfn::for_each_type(List{}, [&names](auto tag) {
    using F = typename decltype(tag)::type;
    const bool unique = names.insert(actfn::descriptor<F>::name).second;
    INFO(actfn::descriptor<F>::name);
    CHECK(unique);
  });
  return names;
}

// The headers that hold a family of the list's functions (gated.hpp: glu,
// reglu, ...) name it in their descriptors.
template <class F, class = void>
struct family_of {
  static constexpr const char* name = nullptr;
};
template <class F>
struct family_of<F, std::void_t<decltype(actfn::descriptor<F>::family)>> {
  static constexpr const char* name = actfn::descriptor<F>::family;
};

template <class List>
std::set<std::string> families_of() {
  std::set<std::string> families;
  actfn::for_each_type(List{}, [&families](auto tag) {
    using F = typename decltype(tag)::type;
    if (family_of<F>::name != nullptr) families.insert(family_of<F>::name);
  });
  return families;
}

std::set<std::string> split(std::string const& text) {
  std::set<std::string> parts;
  std::istringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) parts.insert(part);
  return parts;
}

}  // namespace

TEST_CASE("function list: every header under functions/ is in the list, and tested",
          "[function_list]") {
  std::set<std::string> names = names_of<actfn::elementwise_functions<float>>();
  const std::set<std::string> structured = names_of<actfn::structured_functions<float>>();
  names.insert(structured.begin(), structured.end());
  const std::set<std::string> families = families_of<actfn::structured_functions<float>>();
  names.insert(families.begin(), families.end());
  const std::set<std::string> headers = split(ACTFN_FUNCTION_HEADERS);
  const std::set<std::string> tests = split(ACTFN_KERNEL_TESTS);
  for (std::string const& header : headers) {
    INFO("include/actfn/functions/" << header << ".hpp");
    CHECK(names.count(header) == 1);
    CHECK(tests.count(header) == 1);  // tests/test_<header>.cpp
  }
  CHECK(headers.size() >= 20);
}

TEMPLATE_TEST_CASE("function list: each descriptor agrees with its functor", "[function_list]",
                   float, double) {
  using T = TestType;
  actfn::for_each_type(actfn::elementwise_functions<T>{}, [](auto tag) {
    using F = typename decltype(tag)::type;
    using D = actfn::descriptor<F>;
    INFO(D::name);
    static_assert(std::is_same<typename F::value_type, T>::value, "the list's value type");
    // The first tested set is the defaults, where the functor has them.
    if constexpr (std::is_default_constructible<F>::value) {
      CHECK(actfn::describe(F{}) == actfn::describe(actfn::make_functor<F>(D::tested[0])));
    }
    for (auto const& values : D::tested) {
      // values reads back what the constructor took, compared in T (g++ 12's
      // SLP vectoriser may fold the two-value float -> double round trip
      // read[i] holds back into the double it started from).
      const auto read = D::values(actfn::make_functor<F>(values));
      for (std::size_t i = 0; i < values.size(); ++i) {
        CHECK(static_cast<T>(read[i]) == static_cast<T>(values[i]));
      }
    }
    CHECK(D::eigen_cost > 0);
    if constexpr (actfn::has_accuracy_bounds_v<F>) {
      CHECK(D::accuracy.forward_ulp > 0);
      CHECK(D::accuracy.derivative_ulp > 0);
      CHECK((D::accuracy.second_derivative_ulp > 0) == actfn::has_second_derivative_v<F>);
      CHECK((D::accuracy.from_output_ulp > 0) == actfn::has_derivative_from_output_v<F>);
    } else {
      // A function with f'' is smooth: it states bounds against a reference.
      CHECK_FALSE(actfn::has_second_derivative_v<F>);
    }
  });
}

TEST_CASE("function list: describe names the parameters", "[function_list]") {
  CHECK(actfn::describe(actfn::silu<float>(1.702f)) == "silu(beta=1.702)");
  CHECK(actfn::describe(actfn::softplus<double>(0.3, std::numeric_limits<double>::infinity())) ==
        "softplus(beta=0.3, threshold=inf)");
  CHECK(actfn::describe(actfn::relu6<float>{}) == "relu6");
  CHECK(actfn::describe(actfn::softplus<float>{}) == "softplus(beta=1, threshold=20)");
  CHECK(actfn::describe(actfn::linear<double>(-2.5, 1e-30)) == "linear(a=-2.5, b=1e-30)");
  CHECK(actfn::describe(actfn::hard_sigmoid<float>{}) == "hard_sigmoid(slope=0.16666667, offset=0.5)");
}

// One calling convention: generic code that holds any function of the list
// calls actfn::forward on it, and the backward its kind has.
template <class F, class X, class Y>
void forward_any(F const& f, X const& x, Y& y) {
  actfn::forward(f, x, y);
}

TEMPLATE_TEST_CASE("function list: the structured functions answer the free calls",
                   "[function_list]", float, double) {
  using T = TestType;
  const std::vector<T> x{T(-1.5), T(0.25), T(3), T(-0.5), T(2), T(2), T(-7), T(0.125)};
  const std::vector<T> dy{T(0.5), T(-1), T(0.25), T(2), T(-0.75), T(1), T(0.5), T(-2)};
  const std::size_t n = x.size();
  const auto same = [](std::vector<T> const& a, std::vector<T> const& b) {
    return std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
  };

  // An elementwise functor and a row function through the same generic call.
  std::vector<T> y(n), expected(n);
  forward_any(actfn::sigmoid<T>{}, x, y);
  actfn::forward(actfn::sigmoid<T>{}, x.data(), expected.data(), n);
  CHECK(same(y, expected));
  forward_any(actfn::softmax<T>{}, x, y);
  actfn::softmax<T>{}.forward(x.data(), expected.data(), n);
  CHECK(same(y, expected));

  const auto check_row_function = [&](auto const& f) {
    INFO(actfn::descriptor<std::decay_t<decltype(f)>>::name);
    std::vector<T> free_y(n), member_y(n), free_dx(n, T(1)), member_dx(n, T(1));
    actfn::forward(f, x.data(), free_y.data(), std::size_t(2), n / 2);
    f.forward(x.data(), member_y.data(), std::size_t(2), n / 2);
    CHECK(same(free_y, member_y));
    actfn::backward_from_output(f, free_y, dy, free_dx, actfn::accumulate);
    f.backward(member_y, dy, member_dx, actfn::accumulate);
    CHECK(same(free_dx, member_dx));
    actfn::backward_from_output(f, free_y.data(), dy.data(), free_dx.data(), n);
    f.backward(member_y.data(), dy.data(), member_dx.data(), n);
    CHECK(same(free_dx, member_dx));
  };
  check_row_function(actfn::softmax<T>{});
  check_row_function(actfn::log_softmax<T>{});

  const actfn::maxout<T> f(2);
  std::vector<T> free_y(n / 2), member_y(n / 2), free_dx(n, T(1)), member_dx(n, T(1));
  std::vector<std::size_t> argmax(n / 2);
  actfn::forward(f, x, free_y);
  f.forward(x, member_y);
  CHECK(same(free_y, member_y));
  actfn::forward(f, x.data(), free_y.data(), argmax.data(), n);
  CHECK(same(free_y, member_y));
  const std::vector<T> dy_units(dy.begin(), dy.begin() + n / 2);
  actfn::backward(f, x.data(), dy_units.data(), free_dx.data(), n, actfn::beta(T(0.5)));
  f.backward(x.data(), dy_units.data(), member_dx.data(), n, actfn::beta(T(0.5)));
  CHECK(same(free_dx, member_dx));
  actfn::backward(f, argmax.data(), dy_units.data(), free_dx.data(), n);
  f.backward(x, dy_units, member_dx);
  CHECK(same(free_dx, member_dx));
}

namespace {
template <template <class, class> class Functor, class T>
Functor<T, actfn::accurate> accurate_tier_of(Functor<T, actfn::fast> const&);
}  // namespace

// Every functor takes the precision tier; where the fast tier has no kernel
// of its own (actfn::runs_own_kernel_v), it gives the accurate tier's bits.
TEMPLATE_TEST_CASE("function list: the fast tier, where it shares a kernel, is the accurate one",
                   "[function_list]", float, double) {
  using T = TestType;
  std::vector<T> x;
  for (int i = -400; i <= 400; ++i) x.push_back(T(i) / T(16));
  x.push_back(std::numeric_limits<T>::infinity());
  x.push_back(-std::numeric_limits<T>::quiet_NaN());
  const std::size_t n = x.size();
  // The same bits, or NaN in both (a NaN's sign is not part of the contract,
  // and the compiler may order a commutative operation's operands either way).
  const auto same = [&x](std::vector<T> const& a, std::vector<T> const& b) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      const bool both_nan = std::isnan(a[i]) && std::isnan(b[i]);
      if (!both_nan && std::memcmp(&a[i], &b[i], sizeof(T)) != 0) {
        UNSCOPED_INFO("at x = " << x[i] << ": " << a[i] << " and " << b[i]);
        return false;
      }
    }
    return true;
  };
  std::size_t own_kernels = 0;
  actfn::for_each_tested_functor<actfn::elementwise_functions<T, actfn::fast>>([&](auto const& f) {
    using F = std::decay_t<decltype(f)>;
    static_assert(std::is_same<typename F::precision, actfn::fast>::value, "the list's tier");
    INFO(actfn::describe(f));
    using Accurate = decltype(accurate_tier_of(f));
    CHECK(actfn::describe(f) ==
          actfn::describe(actfn::make_functor<Accurate>(actfn::descriptor<F>::values(f))));
    if constexpr (actfn::runs_own_kernel_v<F>) {
      ++own_kernels;
    } else {
      const Accurate accurate = actfn::make_functor<Accurate>(actfn::descriptor<F>::values(f));
      std::vector<T> a(n), b(n);
      actfn::forward(f, x, a);
      actfn::forward(accurate, x, b);
      CHECK(same(a, b));
      actfn::derivative(f, x, a);
      actfn::derivative(accurate, x, b);
      CHECK(same(a, b));
    }
  });
  CHECK(own_kernels >= 2);  // sigmoid, tanh

  // Of the structured functions, softmax and log_softmax have a fast kernel
  // (test_softmax checks it); maxout, exact, runs one kernel in both tiers.
  static_assert(actfn::runs_own_kernel_v<actfn::softmax<T, actfn::fast>> &&
                    actfn::runs_own_kernel_v<actfn::log_softmax<T, actfn::fast>>,
                "softmax's fast kernel");
  static_assert(!actfn::runs_own_kernel_v<actfn::maxout<T, actfn::fast>>, "maxout's one kernel");
  std::vector<T> a(n), b(n);
  actfn::forward(actfn::maxout<T, actfn::fast>(2), x.data(), a.data(), n - 1);
  actfn::forward(actfn::maxout<T>(2), x.data(), b.data(), n - 1);
  CHECK(same(a, b));
}
