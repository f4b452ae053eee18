// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Catch2 v2 (one header) or v3 (split headers), whichever is installed.
#pragma once

#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_template_test_macros.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#else
#include <catch2/catch.hpp>
#endif
