// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// A program of the core API only (<actfn/actfn.hpp>, no Eigen), as a project
// without Eigen builds it: a functor, the array API, an activation chosen by
// name, softmax.
#include <actfn/actfn.hpp>

#include <cstdio>
#include <vector>

int main() {
  const std::vector<float> x = {-2.0f, 0.0f, 3.0f};
  std::vector<float> y(x.size()), dy(x.size(), 1.0f), dx(x.size()), p(x.size());
  actfn::forward(actfn::gelu_erf<float>{}, x, y);
  const auto elu = actfn::activation<float>::parse("elu(alpha=0.5)");
  actfn::backward(elu, x, dy, dx);
  actfn::softmax<float>{}.forward(x.data(), p.data(), x.size());
  const bool ok = y[1] == 0.0f && y[2] > 2.99f && dx[2] == 1.0f && dx[0] > 0.06f &&
                  p[2] > p[1] && p[1] > p[0];
  std::printf("actfn core consumer (actfn %d.%d.%d, no Eigen): %s\n", ACTFN_VERSION_MAJOR,
              ACTFN_VERSION_MINOR, ACTFN_VERSION_PATCH, ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
