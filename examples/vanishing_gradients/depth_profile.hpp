// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// One forward and backward pass through a deep, narrow-enough-to-be-quick
// fully connected network: how the gradient and the activations change with
// depth, per activation and its customary initialisation (Glorot & Bengio
// 2010; He et al. 2015; Klambauer et al. 2017).
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "../support/network.hpp"

namespace examples {

struct depth_settings {
  Eigen::Index layers = 30, width = 256, batch = 256;
  std::uint64_t seed = 1;
};

// Per hidden layer l = 0 (first) ... layers - 1 (last).
struct depth_profile {
  std::string activation;
  initialisation init;
  std::vector<double> gradient_norm;  // Frobenius norm of d loss / d W_l
  std::vector<double> mean, deviation;  // of h_l over the batch and the units
};

// Inputs drawn from the standard normal, random labels of 10 classes, and a
// cross-entropy loss on a linear read-out of the last hidden layer; biases
// start at zero, so only the weights' scale and the activation shape the
// signal.
inline depth_profile measure_depth_profile(std::string const& activation,
                                           depth_settings const& settings) {
  std::vector<Eigen::Index> widths(static_cast<std::size_t>(settings.layers) + 1, settings.width);
  widths.push_back(10);
  const initialisation init = customary_initialisation(activation);
  network<float> net(activation, widths, settings.seed, init);

  random_source random(settings.seed + 1);
  const matrix<float> x = matrix<float>::NullaryExpr(settings.width, settings.batch, [&] {
    return static_cast<float>(random.normal());
  });
  std::vector<int> labels(static_cast<std::size_t>(settings.batch));
  for (int& label : labels) label = static_cast<int>(random.below(10));
  net.loss_and_gradients(x, labels);

  depth_profile profile{activation, init, {}, {}, {}};
  for (std::size_t l = 0; l < net.hidden_layers(); ++l) {
    const Eigen::ArrayXd h = net.activations(l).cast<double>().reshaped().array();
    const double mean = h.mean();
    profile.gradient_norm.push_back(net.weights_gradient(l).cast<double>().norm());
    profile.mean.push_back(mean);
    profile.deviation.push_back(std::sqrt((h - mean).square().mean()));
  }
  return profile;
}

}  // namespace examples
