// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// ACTFN_NAMESPACE_BEGIN / ACTFN_NAMESPACE_END open and close namespace actfn
// in every header. Where actfn::dispatch compiles its kernels for one target
// (dispatch/kernels.cpp, built with ACTFN_DISPATCH_TARGET and that target's
// flags), everything inside also goes into an unnamed inline namespace: the
// kernels compiled there for AVX-512 get internal linkage, so the linker can
// never keep them for the program's own header-only calls or for another
// target's kernels, which share their mangled names (an SSE2 machine would
// run AVX-512 code). Everywhere else actfn's names are as written.
#pragma once

#ifdef ACTFN_DISPATCH_TARGET
#define ACTFN_NAMESPACE_BEGIN \
  namespace actfn {           \
  inline namespace {
#define ACTFN_NAMESPACE_END \
  }                         \
  }
#else
#define ACTFN_NAMESPACE_BEGIN namespace actfn {
#define ACTFN_NAMESPACE_END }
#endif
