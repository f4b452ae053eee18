// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// actfn/functions.hpp's list against what it stands for: every header of
// include/actfn/functions names a function of the list (CMake passes their
// names), names are unique, and each descriptor agrees with its functor.
#include <actfn/actfn.hpp>

#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>

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
