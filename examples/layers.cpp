// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The activations that act on groups of values: softmax and log_softmax over
// rows, maxout, per-channel PReLU, and the same through Eigen.
#include <actfn/eigen.hpp>

#include <cstdio>
#include <vector>

int main() {
  // softmax of each row of a 2 x 4 matrix, and its backward pass from the output.
  const std::vector<float> logits = {1.0f, 2.0f, 3.0f, 4.0f, -1.0f, 0.0f, -1.0f, 0.0f};
  std::vector<float> p(8), dp = {0, 0, 0, 1, 1, 0, 0, 0}, dlogits(8);
  const actfn::softmax<float> softmax;
  softmax.forward(logits.data(), p.data(), 2, 4);
  softmax.backward(p.data(), dp.data(), dlogits.data(), 2, 4);
  std::printf("softmax rows:\n");
  for (std::size_t r = 0; r < 2; ++r) {
    std::printf("  p  = %.6f %.6f %.6f %.6f\n", p[r * 4], p[r * 4 + 1], p[r * 4 + 2], p[r * 4 + 3]);
    std::printf("  dx = % .6f % .6f % .6f % .6f\n", dlogits[r * 4], dlogits[r * 4 + 1],
                dlogits[r * 4 + 2], dlogits[r * 4 + 3]);
  }

  // maxout with k = 2: 8 inputs give 4 outputs and where each came from.
  const std::vector<float> pieces = {0.5f, -1.0f, 2.0f, 3.0f, -4.0f, -5.0f, 7.0f, 7.0f};
  std::vector<float> units(4);
  std::vector<std::size_t> argmax(4);
  actfn::maxout<float>(2).forward(pieces.data(), units.data(), argmax.data(), pieces.size());
  std::printf("\nmaxout(k = 2): ");
  for (std::size_t i = 0; i < 4; ++i) std::printf("%.1f (x[%zu])  ", units[i], argmax[i]);
  std::printf("\n");

  // PReLU with one slope per channel, on a [batch = 1, channels = 2, pixels = 3] tensor.
  const std::vector<float> alpha = {0.1f, 0.5f}, image = {-1, 2, -3, -1, 2, -3};
  std::vector<float> activated(6);
  actfn::prelu_forward(alpha.data(), image.data(), activated.data(),
                       actfn::channel_layout{1, 2, 3});
  std::printf("\nper-channel prelu: ");
  for (float v : activated) std::printf("% .2f ", v);
  std::printf("\n");

  // Eigen: the same functions on matrices, and softmax along columns.
  Eigen::MatrixXf X(3, 2);
  X << 1, -1, 2, 0, 3, 1;
  const Eigen::MatrixXf Y = actfn::eigen::forward(actfn::gelu_erf<float>{}, X);
  const Eigen::MatrixXf P = actfn::eigen::softmax(X, actfn::eigen::each::column);
  const Eigen::MatrixXf E = X.unaryExpr(actfn::sigmoid<float>{});
  std::printf("\nEigen: gelu_erf(X) =\n");
  for (Eigen::Index i = 0; i < 3; ++i) std::printf("  % .6f % .6f\n", Y(i, 0), Y(i, 1));
  std::printf("softmax of each column (sums %.6f, %.6f), sigmoid(X(0, 0)) = %.6f\n", P.col(0).sum(),
              P.col(1).sum(), E(0, 0));
}
