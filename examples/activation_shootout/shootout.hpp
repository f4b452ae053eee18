// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The activation shoot-out: the same MLP, trained the same way, once per
// activation, on the UCI optical handwritten digits (examples/data).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/network.hpp"

namespace examples {

// Images as columns of 64 pixels scaled from 0..16 to [0, 1], and their digits.
struct digits {
  matrix<float> images;
  std::vector<int> labels;
};

// Reads the CSV of examples/data: one image per line, 64 pixel counts in
// 0..16 and the digit.
inline digits load_digits(std::string const& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path + " (--data names the CSV file)");
  std::vector<float> pixels;
  digits data;
  std::string line;
  for (long number = 1; std::getline(in, line); ++number) {
    std::istringstream fields(line);
    std::vector<int> values;
    for (std::string field; std::getline(fields, field, ',');) {
      std::size_t used = 0;
      int value = -1;
      try {
        value = std::stoi(field, &used);
      } catch (std::exception const&) {
        used = 0;
      }
      if (used != field.size() || value < 0 || value > 16)
        throw std::runtime_error(path + ":" + std::to_string(number) + ": \"" + field +
                                 "\" is not a whole number in [0, 16]");
      values.push_back(value);
    }
    const std::string where = path + ":" + std::to_string(number) + ": ";
    if (values.size() != 65)
      throw std::runtime_error(where + "expected 64 pixels and a digit, got " +
                               std::to_string(values.size()) + " values");
    if (values.back() > 9)
      throw std::runtime_error(where + "the digit " + std::to_string(values.back()) +
                               " is not in 0..9");
    for (std::size_t i = 0; i < 64; ++i) pixels.push_back(static_cast<float>(values[i]) / 16.0f);
    data.labels.push_back(values.back());
  }
  if (data.labels.empty()) throw std::runtime_error(path + " holds no images");
  data.images = Eigen::Map<const matrix<float>>(pixels.data(), 64,
                                                static_cast<Eigen::Index>(data.labels.size()));
  return data;
}

// The images at the given positions, in that order.
inline digits select(digits const& data, std::vector<std::size_t> const& positions) {
  digits chosen{matrix<float>(data.images.rows(), static_cast<Eigen::Index>(positions.size())), {}};
  for (std::size_t i = 0; i < positions.size(); ++i) {
    chosen.images.col(static_cast<Eigen::Index>(i)) =
        data.images.col(static_cast<Eigen::Index>(positions[i]));
    chosen.labels.push_back(data.labels[positions[i]]);
  }
  return chosen;
}

struct train_test {
  digits train, test;
};

// A random test_fraction of the images is held out for testing.
inline train_test hold_out(digits const& data, double test_fraction, std::uint64_t seed) {
  std::vector<std::size_t> order(data.labels.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  random_source(seed).shuffle(order);
  const auto tests = static_cast<std::size_t>(test_fraction * static_cast<double>(order.size()));
  return {select(data, {order.begin() + static_cast<std::ptrdiff_t>(tests), order.end()}),
          select(data, {order.begin(), order.begin() + static_cast<std::ptrdiff_t>(tests)})};
}

struct training_settings {
  std::vector<Eigen::Index> hidden = {128, 128};
  int epochs = 30;
  Eigen::Index batch = 32;
  float learning_rate = 1e-3f;
  std::uint64_t seed = 2026;  // the weights' and the batches' order
};

struct epoch_result {
  double train_loss;     // mean cross-entropy over the training set, after the epoch
  double test_accuracy;  // fraction of test images classified right
};

struct training_run {
  std::string activation;
  double initial_loss;  // before the first step
  std::vector<epoch_result> epochs;
  double seconds;
};

// Fraction of the columns whose most probable class is the label.
inline double accuracy(matrix<float> const& log_probabilities, std::vector<int> const& labels) {
  std::size_t right = 0;
  for (Eigen::Index j = 0; j < log_probabilities.cols(); ++j) {
    Eigen::Index best;
    log_probabilities.col(j).maxCoeff(&best);
    right += best == labels[static_cast<std::size_t>(j)];
  }
  return static_cast<double>(right) / static_cast<double>(labels.size());
}

// Trains a fresh network with Adam on mini-batches (the same order for every
// activation) and calls after_epoch(epoch number from 1, its result).
inline training_run train(std::string const& activation, train_test const& data,
                          training_settings const& settings,
                          std::function<void(int, epoch_result const&)> const& after_epoch = {}) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<Eigen::Index> widths = {data.train.images.rows()};
  widths.insert(widths.end(), settings.hidden.begin(), settings.hidden.end());
  widths.push_back(10);
  network<float> net(activation, widths, settings.seed, customary_initialisation(activation));
  adam<float> optimiser(net.parameters(), settings.learning_rate);
  random_source batches(settings.seed + 1);

  training_run run{activation, net.loss(data.train.images, data.train.labels), {}, 0.0};
  std::vector<std::size_t> order(data.train.labels.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int epoch = 1; epoch <= settings.epochs; ++epoch) {
    batches.shuffle(order);
    for (std::size_t first = 0; first < order.size();
         first += static_cast<std::size_t>(settings.batch)) {
      const std::size_t last =
          std::min(order.size(), first + static_cast<std::size_t>(settings.batch));
      const digits batch = select(data.train, {order.begin() + static_cast<std::ptrdiff_t>(first),
                                               order.begin() + static_cast<std::ptrdiff_t>(last)});
      net.loss_and_gradients(batch.images, batch.labels);
      optimiser.step();
    }
    const epoch_result result{net.loss(data.train.images, data.train.labels),
                              accuracy(net.forward(data.test.images), data.test.labels)};
    run.epochs.push_back(result);
    if (after_epoch) after_epoch(epoch, result);
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return run;
}

}  // namespace examples
