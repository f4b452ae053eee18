// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Every elementwise functor of actfn's list with each parameter set its
// descriptor says is tested, for checks that apply to all of them alike.
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
using tested_functions = actfn::type_list<actfn::sigmoid<T>, actfn::leaky_relu<T>, actfn::silu<T>>;
#else
template <class T>
using tested_functions = actfn::elementwise_functions<T>;
#endif

// visit(name, f), the name as actfn::describe gives it.
template <class T, class Visit>
void for_each_function(Visit&& visit) {
  actfn::for_each_tested_functor<tested_functions<T>>(
      [&visit](auto const& f) { visit(actfn::describe(f), f); });
}

}  // namespace support
