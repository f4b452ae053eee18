// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// What actfn does with bad input (null buffers, sizes that do not match,
// parameters out of range): it reports a message that names the function, the
// argument and the values involved, such as
//   actfn::maxout::forward: n = 10 is not a multiple of k = 3
// and writes nothing. How it reports:
//   - an installed error handler (set_error_handler) is called first with the
//     message; it may log, throw an exception of its own, or end the program;
//   - if it returns (or none is installed), a build with exceptions throws
//     std::invalid_argument(message), and a build without (-fno-exceptions,
//     or ACTFN_NO_EXCEPTIONS defined) prints the message and a newline to
//     stderr and calls std::abort().
// Checks cost a comparison or two per call and allocate nothing unless they
// fail; the message is built only then.
#pragma once

#include "actfn/detail/namespace.hpp"

#include <atomic>

#if !defined(ACTFN_NO_EXCEPTIONS) && \
    !(defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND))
#define ACTFN_NO_EXCEPTIONS
#endif

ACTFN_NAMESPACE_BEGIN

// Called with the message of a failed check (see above). It must not return
// into actfn: if it does, actfn throws, or without exceptions aborts.
using error_handler = void (*)(const char* message);

namespace detail {
inline std::atomic<error_handler> installed_error_handler{nullptr};
}  // namespace detail

// Installs handler for every thread (nullptr restores the default) and
// returns the one it replaces.
inline error_handler set_error_handler(error_handler handler) noexcept {
  return detail::installed_error_handler.exchange(handler);
}

ACTFN_NAMESPACE_END
