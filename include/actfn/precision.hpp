// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The two precision tiers every functor takes as its second template
// argument: actfn::sigmoid<float> is actfn::sigmoid<float, actfn::accurate>.
//
//   accurate: the bounds each header states first (2 ULP for f, 4 for f',
//             most of them 1 or less), two-word steps where they buy the
//             last ULP.
//   fast:     f within 4 ULP and f' within 8 ULP over the whole finite
//             range, softmax's elements within 4 ULP: still no cancellation
//             in the tails (sigmoid'(20), gelu_erf(-10) keep their relative
//             accuracy), the same special values, and scalar and SIMD still
//             give the same bits; one word where the accurate tier carries
//             two.
//
// Where a function is exact, or its accurate kernel is already as cheap as a
// fast one would be, both tiers run the same code (the header says which).
#pragma once

#include "actfn/detail/namespace.hpp"

#include <type_traits>

ACTFN_NAMESPACE_BEGIN

struct accurate {
  static constexpr const char* name = "accurate";
};
struct fast {
  static constexpr const char* name = "fast";
};

template <class Precision>
inline constexpr bool is_precision_v =
    std::is_same_v<Precision, accurate> || std::is_same_v<Precision, fast>;

template <class Precision>
inline constexpr bool is_fast_v = std::is_same_v<Precision, fast>;

ACTFN_NAMESPACE_END
