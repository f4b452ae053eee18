// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The vanishing-gradient demonstration: one forward and backward pass through
// a 30-layer, 256-wide network per activation. Prints, per layer, the norm of
// the loss's gradient with respect to the layer's weights and the mean and
// standard deviation of its activations; draws the gradient norms (log scale)
// and the deviations in gradients.svg.
//
//   vanishing_gradients [--out DIR] [--layers 30] [--width 256] [--batch 256] [--seed 1]
#include <cstdint>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/options.hpp"
#include "../support/svg_chart.hpp"
#include "depth_profile.hpp"

int main(int argc, char** argv) try {
  const examples::options options(
      argc, argv,
      {{"out", "."}, {"layers", "30"}, {"width", "256"}, {"batch", "256"}, {"seed", "1"}});
  examples::depth_settings settings;
  settings.layers = options.number("layers");
  settings.width = options.number("width");
  settings.batch = options.number("batch");
  settings.seed = static_cast<std::uint64_t>(options.number("seed"));
  if (settings.layers < 1 || settings.width < 1 || settings.batch < 1)
    throw std::invalid_argument("--layers, --width and --batch must be at least 1");

  const std::vector<std::string> activations = {"sigmoid", "tanh", "relu",    "leaky_relu",
                                                "elu",     "selu", "gelu_erf"};
  examples::svg::panel gradients{"Gradient norm per layer", "layer (1 = input side)",
                                 "||dLoss/dW||", {}, true};
  examples::svg::panel deviations{"Standard deviation of the activations", "layer",
                                  "std of h", {}, true};
  std::printf("%ld layers of width %ld, batch %ld, inputs ~ N(0, 1), cross-entropy of random "
              "labels\n",
              static_cast<long>(settings.layers), static_cast<long>(settings.width),
              static_cast<long>(settings.batch));
  for (std::string const& activation : activations) {
    const examples::depth_profile profile = examples::measure_depth_profile(activation, settings);
    std::printf("\n%s, %s initialisation\n%5s %14s %10s %10s\n", activation.c_str(),
                examples::name_of(profile.init), "layer", "||dL/dW||", "mean", "std");
    std::vector<double> layer;
    for (std::size_t l = 0; l < profile.gradient_norm.size(); ++l) {
      std::printf("%5zu %14.4e %10.4f %10.4f\n", l + 1, profile.gradient_norm[l], profile.mean[l],
                  profile.deviation[l]);
      layer.push_back(static_cast<double>(l + 1));
    }
    std::printf("first / last layer gradient norm: %.3e\n",
                profile.gradient_norm.front() / profile.gradient_norm.back());
    const std::string label = activation + " (" + examples::name_of(profile.init) + ")";
    gradients.lines.push_back({label, layer, profile.gradient_norm, "", false});
    deviations.lines.push_back({label, layer, profile.deviation, "", false});
  }

  examples::svg::figure figure{"Vanishing gradients: " + std::to_string(settings.layers) +
                                   " layers of width " + std::to_string(settings.width),
                               {gradients, deviations}, 2, 400, 300, true};
  const std::string path = options.text("out") + "/gradients.svg";
  examples::svg::write_file(figure, path);
  std::printf("\nwrote %s\n", path.c_str());
} catch (std::exception const& e) {
  std::fprintf(stderr, "vanishing_gradients: %s\n", e.what());
  return 1;
}
