// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// How actfn reports bad input: std::invalid_argument whose message names the
// function, the argument and the values involved.
#pragma once

#include <cmath>
#include <cstddef>
#include <initializer_list>
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

// The pointer-and-length overloads check their buffers the same way.
struct named_buffer {
  const void* pointer;
  const char* name;
};
inline void require_buffers(std::size_t n, const char* function,
                            std::initializer_list<named_buffer> buffers) {
  for (named_buffer const& buffer : buffers)
    require_buffer(buffer.pointer, n, function, buffer.name);
}

inline void require_same_size(std::size_t expected, std::size_t actual, const char* function,
                              const char* first, const char* second) {
  if (expected != actual) {
    detail::fail(std::string("actfn::") + function + ": " + second +
                 ".size() = " + std::to_string(actual) + " differs from " + first +
                 ".size() = " + std::to_string(expected));
  }
}

// A row-major block of rows x cols elements whose rows start stride elements
// apart: stride >= cols, the block's extent (rows - 1) * stride + cols fits in
// size_t, and the pointer is not null unless the block is empty. Returns
// rows * cols.
struct strided_rows {
  const void* pointer;
  std::size_t stride;
  const char* name;
};
inline std::size_t require_rows(std::size_t rows, std::size_t cols, const char* function,
                                strided_rows const& buffer) {
  const std::string prefix = std::string("actfn::") + function + ": ";
  const std::size_t most = std::numeric_limits<std::size_t>::max();
  if (buffer.stride < cols) {
    detail::fail(prefix + buffer.name + "_stride = " + std::to_string(buffer.stride) +
                 " is less than cols = " + std::to_string(cols));
  }
  if (rows > 1 && (buffer.stride > (most - cols) / (rows - 1))) {
    detail::fail(prefix + "rows = " + std::to_string(rows) + " rows of " + buffer.name +
                 "_stride = " + std::to_string(buffer.stride) + " overflow size_t");
  }
  const std::size_t count = rows * cols;  // no overflow: bounded by the extent
  if (buffer.pointer == nullptr && count > 0) {
    detail::fail(prefix + buffer.name + " is null but rows * cols = " + std::to_string(rows) +
                 " * " + std::to_string(cols));
  }
  return count;
}

}  // namespace detail
}  // namespace actfn
