// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// A user of an installed or vendored actfn: exits 0 when the library works.
#include <actfn/actfn.hpp>

#include <cstdio>
#include <vector>

int main() {
  const std::vector<float> x = {-2.0f, 0.0f, 3.0f};
  std::vector<float> y(x.size());
  actfn::forward(actfn::sigmoid<float>{}, x, y);
  const bool ok = y[1] == 0.5f && y[0] > 0.119f && y[0] < 0.12f && y[2] > 0.952f;
  std::printf("actfn consumer: sigmoid(-2, 0, 3) = %g %g %g: %s\n", y[0], y[1], y[2],
              ok ? "ok" : "WRONG");
  return ok ? 0 : 1;
}
