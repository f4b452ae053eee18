// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// ACTFN_NAMESPACE_BEGIN / ACTFN_NAMESPACE_END open and close namespace actfn
// in every header. Where actfn::dispatch compiles its kernels for one target
// (dispatch/kernels.cpp, built with ACTFN_DISPATCH_TARGET=<target> and that
// target's flags), everything inside also goes into the inline namespace
// actfn::target_<target>: the same templates compiled with other flags in
// the program (its own header-only calls) or for another target share their
// mangled names otherwise, and the linker would keep one copy for all (an
// SSE2 machine would run AVX-512 code). A named namespace rather than an
// unnamed one, so that a check can tell each target's code by its name
// (tests/dispatch/check_symbols.cmake). Everywhere else actfn's names are as
// written.
#pragma once

#ifdef ACTFN_DISPATCH_TARGET
#define ACTFN_DETAIL_CONCATENATE(a, b) a##b
#define ACTFN_DETAIL_TARGET_NAMESPACE(target) ACTFN_DETAIL_CONCATENATE(target_, target)
#define ACTFN_NAMESPACE_BEGIN \
  namespace actfn {           \
  inline namespace ACTFN_DETAIL_TARGET_NAMESPACE(ACTFN_DISPATCH_TARGET) {
#define ACTFN_NAMESPACE_END \
  }                         \
  }
#else
#define ACTFN_NAMESPACE_BEGIN namespace actfn {
#define ACTFN_NAMESPACE_END }
#endif
