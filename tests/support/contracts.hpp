// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The accuracy contract of every smooth activation: its descriptor's bounds
// (actfn::descriptor<F>::accuracy, the numbers its header states) for each
// parameter set the descriptor lists, against the long double references
// (reference::of). The contracts test checks them on a sample;
// accuracy_exhaustive checks them on every float.
#pragma once

#include <string>
#include <type_traits>

#include <actfn/actfn.hpp>

#include "accuracy.hpp"
#include "all_functions.hpp"
#include "reference.hpp"

namespace support {

struct bounds {
  real forward_ulp;
  real derivative_ulp;
};

template <class F>
constexpr actfn::accuracy_bounds accuracy_of = actfn::descriptor<F>::accuracy;

// visit(name, f, reference functions, bounds) for each smooth functor of the
// list in the tier that runs its own kernel (actfn::runs_own_kernel_v), and
// each of its tested parameter sets.
template <class T, class Precision, class Visit>
void for_each_contract(Visit&& visit) {
  using list = actfn::elementwise_functions<T, Precision>;
  actfn::for_each_tested_functor<list>([&visit](auto const& f) {
    using F = std::decay_t<decltype(f)>;
    if constexpr (actfn::has_accuracy_bounds_v<F> && actfn::runs_own_kernel_v<F>) {
      visit(name_of(f), f, reference::of(f),
            bounds{accuracy_of<F>.forward_ulp, accuracy_of<F>.derivative_ulp});
    }
  });
}

}  // namespace support
