// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// actfn and the floating-point environment (on x86, the MXCSR register).
//
// The array kernels (forward, derivative, backward, softmax, log_softmax,
// maxout, per-channel PReLU, and the Eigen functions built on them) give the
// same bits whatever rounding mode and exception masks the caller has set:
// they run in round-to-nearest with every exception masked, so an unmasked
// exception never traps inside them (their padding lanes and the untaken side
// of a select may overflow or compare NaN), and they restore the caller's
// environment on return. The status flags they leave say nothing about the
// results: those padding lanes and selects may raise any of them, and none
// that the caller had raised is cleared. Only flush-to-zero (FTZ) and
// denormals-are-zero (DAZ) are kept as the caller set them: with DAZ a
// subnormal input is read as a zero of its sign, with FTZ a subnormal result
// or intermediate is written as zero, so results at or near the subnormal
// range may differ: those below 2^(digits + 2) times the smallest normal
// number (2^-100 for float, 2^-968 for double), where the low word of a
// two-word intermediate can be subnormal. Every other result keeps its bits.
// The error bounds in the headers hold without FTZ/DAZ. A scalar or SIMD
// batch call of a functor runs in the caller's environment as it is; its
// bounds assume round-to-nearest.
//
// On targets other than x86 this header changes nothing: kernels run in the
// caller's environment, and scoped_flush_to_zero is a no-op.
#pragma once

#include "actfn/detail/namespace.hpp"

#if defined(__SSE__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 1)
#include <xmmintrin.h>
#define ACTFN_HAS_MXCSR 1
#else
#define ACTFN_HAS_MXCSR 0
#endif

ACTFN_NAMESPACE_BEGIN
namespace detail {

#if ACTFN_HAS_MXCSR
constexpr unsigned mxcsr_flush_to_zero = 0x8000;
constexpr unsigned mxcsr_denormals_are_zero = 0x0040;
constexpr unsigned mxcsr_all_exceptions_masked = 0x1f80;  // round to nearest: bits 13-14 clear

constexpr unsigned mxcsr_status_flags = 0x003f;

// For the scope of an array kernel: round to nearest, exceptions masked, FTZ
// and DAZ as the caller has them; the caller's MXCSR back on exit. Writing
// MXCSR costs about 100 ns a call on the machine the bench ran on (relu over
// 4096 floats went from 0.17 to 0.27 us), so the usual environment, which
// needs no change, is only read.
class kernel_environment {
 public:
  kernel_environment() noexcept : caller_(_mm_getcsr()) {
    const unsigned wanted =
        (caller_ & (mxcsr_flush_to_zero | mxcsr_denormals_are_zero)) | mxcsr_all_exceptions_masked;
    switched_ = (caller_ & ~mxcsr_status_flags) != wanted;
    if (switched_) _mm_setcsr(wanted);
  }
  ~kernel_environment() {
    if (switched_) _mm_setcsr(caller_);
  }
  kernel_environment(kernel_environment const&) = delete;
  kernel_environment& operator=(kernel_environment const&) = delete;

 private:
  unsigned caller_;
  bool switched_;
};
#else
class kernel_environment {
 public:
  kernel_environment() noexcept {}
  kernel_environment(kernel_environment const&) = delete;
  kernel_environment& operator=(kernel_environment const&) = delete;
};
#endif

}  // namespace detail

// Opt-in, for a scope: subnormal results are flushed to zero and subnormal
// inputs read as zero (FTZ and DAZ on x86), as most deep-learning frameworks
// run. Operations whose inputs or results are subnormal cost up to about a
// hundred cycles each on x86 without it (bench_fp_environment measures it on
// inputs that give subnormal results). The previous FTZ and DAZ bits come back
// when the scope ends; the setting belongs to the thread that made it. A
// no-op where `supported` is false.
class scoped_flush_to_zero {
 public:
  static constexpr bool supported = ACTFN_HAS_MXCSR != 0;

#if ACTFN_HAS_MXCSR
  scoped_flush_to_zero() noexcept : previous_(_mm_getcsr() & bits) {
    _mm_setcsr(_mm_getcsr() | bits);
  }
  ~scoped_flush_to_zero() { _mm_setcsr((_mm_getcsr() & ~bits) | previous_); }
#else
  scoped_flush_to_zero() noexcept {}
#endif
  scoped_flush_to_zero(scoped_flush_to_zero const&) = delete;
  scoped_flush_to_zero& operator=(scoped_flush_to_zero const&) = delete;

 private:
#if ACTFN_HAS_MXCSR
  static constexpr unsigned bits = detail::mxcsr_flush_to_zero | detail::mxcsr_denormals_are_zero;
  unsigned previous_;
#endif
};

ACTFN_NAMESPACE_END
