// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Everything: the elementwise functors and the array API, softmax and
// log_softmax, maxout, the gated functions (the list of them all:
// functions.hpp), the 16-bit storage types, error handling and the
// floating-point environment.
#pragma once

#include "actfn/activation.hpp"
#include "actfn/array.hpp"
#include "actfn/backward_mode.hpp"
#include "actfn/errors.hpp"
#include "actfn/fp_environment.hpp"
#include "actfn/functions.hpp"
#include "actfn/storage_types.hpp"
#include "actfn/version.hpp"
