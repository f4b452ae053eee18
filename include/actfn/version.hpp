// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// actfn's version, for #if: ACTFN_VERSION is major * 10000 + minor * 100 +
// patch (0.1.0 is 100). CMake reads the project's version from these lines,
// so the package's actfnConfigVersion.cmake and actfn.pc say the same.
#pragma once

#define ACTFN_VERSION_MAJOR 0
#define ACTFN_VERSION_MINOR 1
#define ACTFN_VERSION_PATCH 0
#define ACTFN_VERSION \
  (ACTFN_VERSION_MAJOR * 10000 + ACTFN_VERSION_MINOR * 100 + ACTFN_VERSION_PATCH)
