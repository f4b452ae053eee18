// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The textbook facts that examples/vanishing_gradients shows, at its default
// size (30 layers of width 256, batch 256).
#include <algorithm>
#include <string>

#include "../catch.hpp"
#include "vanishing_gradients/depth_profile.hpp"

namespace {

double first_over_last(examples::depth_profile const& profile) {
  return profile.gradient_norm.front() / profile.gradient_norm.back();
}

bool self_normalised(examples::depth_profile const& profile) {
  for (std::size_t l = 0; l < profile.mean.size(); ++l)
    if (!(std::abs(profile.mean[l]) <= 0.1 && profile.deviation[l] >= 0.8 &&
          profile.deviation[l] <= 1.2))
      return false;
  return true;
}

}  // namespace

TEST_CASE("sigmoid with Glorot init: the first layer's gradient vanishes", "[vanishing_gradients]") {
  const auto profile = examples::measure_depth_profile("sigmoid", {});
  REQUIRE(profile.gradient_norm.size() == 30);
  CHECK(profile.init == examples::initialisation::glorot);
  // Orders of magnitude: at least a thousand times below the last layer's
  // (this seed: about 1e-19).
  CHECK(first_over_last(profile) < 1e-3);
  // ... and shrinking all the way down.
  for (std::size_t l = 1; l < 30; ++l)
    CHECK(profile.gradient_norm[l - 1] < profile.gradient_norm[l]);
}

TEST_CASE("relu with He init and tanh with Glorot init keep the gradient", "[vanishing_gradients]") {
  for (std::string activation : {"relu", "tanh"}) {
    INFO(activation);
    const double ratio = first_over_last(examples::measure_depth_profile(activation, {}));
    CHECK(ratio > 0.05);  // this seed: 0.21 (relu), 1.09 (tanh)
    CHECK(ratio < 20);
  }
}

TEST_CASE("selu with LeCun init keeps mean 0 and deviation 1 through 30 layers",
          "[vanishing_gradients]") {
  const auto profile = examples::measure_depth_profile("selu", {});
  CHECK(profile.init == examples::initialisation::lecun);
  for (std::size_t l = 0; l < 30; ++l) {
    INFO("layer " << l + 1);
    CHECK(std::abs(profile.mean[l]) <= 0.1);
    CHECK(profile.deviation[l] >= 0.8);
    CHECK(profile.deviation[l] <= 1.2);
  }
  CHECK(self_normalised(profile));
  // The same check fails where it should: relu's mean is positive, tanh's
  // deviation decays with Glorot's scale.
  CHECK_FALSE(self_normalised(examples::measure_depth_profile("relu", {})));
  CHECK_FALSE(self_normalised(examples::measure_depth_profile("tanh", {})));
}
