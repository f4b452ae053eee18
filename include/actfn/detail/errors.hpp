// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The checks every public entry point makes, and how a failed one is reported
// (see actfn/errors.hpp). On success they compare and return; the message is
// built only when one fails.
#pragma once

#include "actfn/detail/namespace.hpp"

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "actfn/errors.hpp"

ACTFN_NAMESPACE_BEGIN
namespace detail {

// value with max_digits10 significant digits, as a stream prints it ("%g"):
// by std::to_chars where the library has it, which keeps the kernels free of
// the streams' code (dispatch/kernels.cpp, tests/dispatch/check_symbols.cmake).
template <class T>
inline std::string describe(T value) {
#if defined(__cpp_lib_to_chars)
  char text[64];
  const auto printed = std::to_chars(text, text + sizeof text, value, std::chars_format::general,
                                     std::numeric_limits<T>::max_digits10);
  return std::string(text, printed.ptr);
#else
  std::ostringstream text;
  text.precision(std::numeric_limits<T>::max_digits10);
  text << value;
  return text.str();
#endif
}

inline void append(std::string& message, const char* part) { message += part; }
inline void append(std::string& message, std::string const& part) { message += part; }
template <class Number, std::enable_if_t<std::is_arithmetic<Number>::value, int> = 0>
inline void append(std::string& message, Number part) {
  if constexpr (std::is_floating_point<Number>::value) {
    message += detail::describe(part);
  } else {
    message += std::to_string(part);
  }
}

// Reports "actfn::<function>: <parts...>" as actfn/errors.hpp describes.
template <class... Parts>
[[noreturn]] void fail(const char* function, Parts const&... parts) {
  std::string message = std::string("actfn::") + function + ": ";
  (detail::append(message, parts), ...);
  if (error_handler handler = installed_error_handler.load()) handler(message.c_str());
#ifdef ACTFN_NO_EXCEPTIONS
  std::fprintf(stderr, "%s\n", message.c_str());
  std::abort();
#else
  throw std::invalid_argument(message);
#endif
}

template <class T>
inline T require_finite(T value, const char* function, const char* parameter) {
  if (!std::isfinite(value)) detail::fail(function, parameter, " must be finite, got ", value);
  return value;
}

// backward_from_output's rule for the functors whose negative side is alpha
// times something (leaky_relu, prelu, elu): a negative alpha maps x < 0 to
// y > 0, where f' differs, so f' is not a function of y.
template <class T>
inline void require_nonnegative_alpha_for_output(T alpha, const char* functor) {
  if (alpha < T(0)) {
    detail::fail("backward_from_output", functor, "'s alpha = ", alpha,
                 " is negative, so f' is not a function of f(x)");
  }
}

inline void require_buffer(const void* pointer, std::size_t n, const char* function,
                           const char* buffer) {
  if (pointer == nullptr && n > 0) detail::fail(function, buffer, " is null but n = ", n);
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
    detail::fail(function, second, ".size() = ", actual, " differs from ", first,
                 ".size() = ", expected);
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
  const std::size_t most = std::numeric_limits<std::size_t>::max();
  if (buffer.stride < cols) {
    detail::fail(function, buffer.name, "_stride = ", buffer.stride, " is less than cols = ", cols);
  }
  if (rows > 1 && (buffer.stride > (most - cols) / (rows - 1))) {
    detail::fail(function, "rows = ", rows, " rows of ", buffer.name, "_stride = ", buffer.stride,
                 " overflow size_t");
  }
  const std::size_t count = rows * cols;  // no overflow: bounded by the extent
  if (buffer.pointer == nullptr && count > 0) {
    detail::fail(function, buffer.name, " is null but rows * cols = ", rows, " * ", cols);
  }
  return count;
}

}  // namespace detail
ACTFN_NAMESPACE_END
