// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// How actfn reports bad input: std::invalid_argument whose message names the
// function, the argument and the values involved.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

namespace actfn {
namespace detail {

template <class T>
inline std::string describe(T value) {
  std::ostringstream text;
  text.precision(std::numeric_limits<T>::max_digits10);
  text << value;
  return text.str();
}

[[noreturn]] inline void fail(std::string const& message) { throw std::invalid_argument(message); }

template <class T>
inline T require_finite(T value, const char* function, const char* parameter) {
  if (!std::isfinite(value)) {
    detail::fail(std::string("actfn::") + function + ": " + parameter + " must be finite, got " +
                 detail::describe(value));
  }
  return value;
}

inline void require_buffer(const void* pointer, std::size_t n, const char* function,
                           const char* buffer) {
  if (pointer == nullptr && n > 0) {
    detail::fail(std::string("actfn::") + function + ": " + buffer +
                 " is null but n = " + std::to_string(n));
  }
}

inline void require_same_size(std::size_t expected, std::size_t actual, const char* function,
                              const char* first, const char* second) {
  if (expected != actual) {
    detail::fail(std::string("actfn::") + function + ": " + second +
                 ".size() = " + std::to_string(actual) + " differs from " + first +
                 ".size() = " + std::to_string(expected));
  }
}

}  // namespace detail
}  // namespace actfn
