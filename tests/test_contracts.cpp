// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The contract of every smooth function of the list, registered as one test
// per function, type and precision tier (where the tiers' kernels differ), tagged with the
// function's name (so that its ctest entry runs it) and [contracts]: for every parameter set its
// descriptor lists, f and f' within the descriptor's bounds over a sample of the whole finite range
// (support::accuracy_sample), and f' from the output within its bound of the exact f' at the x that
// y stands for (what y does not hold of x, no formula can restore: sigmoid's y is 1 for every x >
// 17 in float).
#include <actfn/actfn.hpp>

#include <deque>
#include <string>
#include <type_traits>
#include <vector>

#include "catch.hpp"
#include "support/checks.hpp"

namespace {

template <class F>
void check_derivative_from_output(F const& f, std::string const& name) {
  using T = typename F::value_type;
  std::vector<T> x;
  std::vector<T> const& sample = support::accuracy_sample<T>();
  for (std::size_t i = 0; i < sample.size(); i += 61) x.push_back(sample[i]);
  std::vector<T> y(x.size()), ones(x.size(), T(1)), d(x.size());
  actfn::forward(f, x, y);
  actfn::backward_from_output(f, y, ones, d);
  const support::error_report report = support::measure(y, d, reference::of(f).slope_from_output);
  support::print(name + "<" + support::type_name<T>() + "> derivative from output", report);
  CHECK(report.max_ulp <= actfn::descriptor<F>::accuracy.from_output_ulp);
}

template <class F>
void check_contract() {
  using T = typename F::value_type;
  for (auto const& values : actfn::descriptor<F>::tested) {
    const F f = actfn::make_functor<F>(values);
    const std::string name = support::name_of(f);
    INFO(name);
    const reference::functions exact = reference::of(f);
    const support::bounds limit{support::accuracy_of<F>.forward_ulp,
                                support::accuracy_of<F>.derivative_ulp};
    support::check_accuracy<T>(name, f, exact.value, exact.slope, limit, exact.slope_zeros);
    if constexpr (actfn::has_derivative_from_output_v<F>) check_derivative_from_output(f, name);
  }
}

// Catch2 keeps references to the names and tags: they live here.
std::deque<std::string>& registered_strings() {
  static std::deque<std::string> strings;
  return strings;
}

template <class T, class Precision>
bool register_contracts() {
  actfn::for_each_type(actfn::elementwise_functions<T, Precision>{}, [](auto tag) {
    using F = typename decltype(tag)::type;
    if constexpr (actfn::has_accuracy_bounds_v<F> && actfn::runs_own_kernel_v<F>) {
      const std::string function = actfn::descriptor<F>::name;
      std::string const& name =
          registered_strings().emplace_back(function + ": the contract over the finite range - " +
                                            support::type_name<T>() + ", " + Precision::name);
      std::string const& tags = registered_strings().emplace_back("[" + function + "][contracts]");
      REGISTER_TEST_CASE(check_contract<F>, name, tags);
    }
  });
  return true;
}

template <class T>
bool register_both_tiers() {
  return register_contracts<T, actfn::accurate>() && register_contracts<T, actfn::fast>();
}

const bool registered = register_both_tiers<float>() && register_both_tiers<double>();

}  // namespace
