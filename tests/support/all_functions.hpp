// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Every elementwise functor of actfn's list with each parameter set its
// descriptor says is tested, for checks that apply to all of them alike.
#pragma once

#include <string>

#include <actfn/actfn.hpp>

namespace support {

// visit(name, f), the name as actfn::describe gives it.
template <class T, class Visit>
void for_each_function(Visit&& visit) {
  actfn::for_each_tested_functor<actfn::elementwise_functions<T>>(
      [&visit](auto const& f) { visit(actfn::describe(f), f); });
}

}  // namespace support
