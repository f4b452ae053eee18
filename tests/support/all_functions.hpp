// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Every elementwise kernel of actfn's list (both precision tiers, a kernel
// they share once), with each parameter set its descriptor says is tested,
// for checks that apply to all of them alike.
#pragma once

#include <string>

#include <actfn/actfn.hpp>

namespace support {

// The functors visited: the list, or where a program only needs every entry
// point compiled once (the no_exceptions program: the library has one
// throwing statement, in detail/errors.hpp), one functor of each kind:
// smooth with f'' and f' from y, piecewise with a parameter, smooth without.
#ifdef ACTFN_TEST_ONE_FUNCTOR_OF_EACH_KIND
template <class T>
using tested_functions = actfn::type_list<actfn::sigmoid<T>, actfn::leaky_relu<T>, actfn::silu<T>,
                                          actfn::sigmoid<T, actfn::fast>>;
#else
template <class T>
using tested_functions = actfn::elementwise_kernels<T>;
#endif

// f as actfn::describe gives it, and " [fast]" for the fast tier.
template <class F>
std::string name_of(F const& f) {
  return actfn::describe(f) +
         (actfn::is_fast_v<typename F::precision> ? std::string(" [fast]") : std::string());
}

// visit(name, f), the name as name_of gives it.
template <class T, class Visit>
void for_each_function(Visit&& visit) {
  actfn::for_each_tested_functor<tested_functions<T>>(
      [&visit](auto const& f) { visit(name_of(f), f); });
}

}  // namespace support
