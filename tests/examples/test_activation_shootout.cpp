// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// examples/activation_shootout: the data load, the network's gradients
// against finite differences, and a short training run that must learn.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "../catch.hpp"
#include "activation_shootout/shootout.hpp"

namespace {

const std::string digits_csv = ACTFN_EXAMPLES_DATA_DIR "/digits.csv";

examples::train_test const& digits_split() {
  static const examples::train_test data =
      examples::hold_out(examples::load_digits(digits_csv), 0.2, 2026);
  return data;
}

}  // namespace

TEST_CASE("the digits: 1797 images of 64 pixels in [0, 1], ten classes", "[activation_shootout]") {
  const examples::digits all = examples::load_digits(digits_csv);
  REQUIRE(all.images.rows() == 64);
  REQUIRE(all.images.cols() == 1797);
  REQUIRE(all.labels.size() == 1797);
  CHECK(all.images.minCoeff() == 0.0f);
  CHECK(all.images.maxCoeff() == 1.0f);
  std::vector<int> count(10);
  for (int label : all.labels) ++count.at(static_cast<std::size_t>(label));
  for (int c : count) CHECK((c >= 174 && c <= 183));  // the UCI test set's class sizes
  // The first image is a 0 (its first row of pixels: 0 0 5 13 9 1 0 0).
  CHECK(all.labels[0] == 0);
  CHECK(all.images(2, 0) == 5.0f / 16);
  CHECK(all.images(3, 0) == 13.0f / 16);

  const examples::train_test& split = digits_split();
  CHECK(split.test.labels.size() == 359);
  CHECK(split.train.labels.size() == 1438);
}

TEST_CASE("the digits loader names the file and line of bad data", "[activation_shootout]") {
  const std::string path = "activation_shootout_bad_digits.csv";
  std::string good_row;
  for (int i = 0; i < 64; ++i) good_row += "1,";
  {
    std::ofstream out(path);
    out << good_row << "3\n" << good_row << "12\n";
  }
  CHECK_THROWS_WITH(examples::load_digits(path), path + ":2: the digit 12 is not in 0..9");
  {
    std::ofstream out(path);
    out << good_row << "3\n1,2,3\n";
  }
  CHECK_THROWS_WITH(examples::load_digits(path),
                    path + ":2: expected 64 pixels and a digit, got 3 values");
  {
    std::ofstream out(path);
    out << "1,x," << good_row << "\n";
  }
  CHECK_THROWS_WITH(examples::load_digits(path),
                    path + ":1: \"x\" is not a whole number in [0, 16]");
  CHECK_THROWS_WITH(examples::load_digits("no/such/file.csv"),
                    "cannot open no/such/file.csv (--data names the CSV file)");
  std::remove(path.c_str());
}

// Every parameter's gradient against central differences of the loss, in
// double precision, on a small network: proves the backward wiring (dense
// layers, actfn's backward passes, log_softmax's backward, PReLU's slopes).
TEST_CASE("the network's gradients match finite differences", "[activation_shootout]") {
  // Parameters of 12-9-7-10: 12·9 + 9 + 9·7 + 7 + 7·10 + 10 = 267; PReLU adds
  // 9 + 7 slopes, maxout's k = 2 doubles the hidden layers' rows.
  const std::pair<const char*, std::size_t> cases[] = {
      {"sigmoid", 267}, {"selu", 267}, {"gelu_erf", 267}, {"prelu", 283}, {"maxout", 454}};
  for (auto const& [activation, parameters] : cases) {
    INFO(activation);
    examples::network<double> net(activation, {12, 9, 7, 10}, 7, examples::initialisation::he);
    examples::random_source random(11);
    const examples::matrix<double> x =
        examples::matrix<double>::NullaryExpr(12, 5, [&] { return random.normal(); });
    const std::vector<int> labels = {3, 0, 9, 3, 7};
    net.loss_and_gradients(x, labels);

    double worst = 0;  // the largest |analytic - numeric| / allowed
    std::size_t checked = 0;
    for (examples::parameter<double> p : net.parameters()) {
      for (Eigen::Index i = 0; i < p.size; ++i) {
        const double analytic = p.gradient[i], saved = p.value[i];
        const double h = 1e-6 * std::max(1.0, std::abs(saved));
        p.value[i] = saved + h;
        const double up = net.loss(x, labels);
        p.value[i] = saved - h;
        const double down = net.loss(x, labels);
        p.value[i] = saved;
        const double numeric = (up - down) / (2 * h);
        // Allowed: the differences' rounding (about 1e-16 * loss / h = 3e-10)
        // and truncation (h^2 relative) with a wide margin; a wiring mistake
        // is off by the size of the gradient.
        const double allowed = 1e-8 + 1e-6 * std::abs(numeric);
        worst = std::max(worst, std::abs(analytic - numeric) / allowed);
        ++checked;
      }
    }
    CHECK(checked == parameters);
    CHECK(worst <= 1);
    WARN(activation << ": largest difference / allowed = " << worst);
  }
}

TEST_CASE("a short shoot-out learns: relu reaches 90 % test accuracy, every loss decreases",
          "[activation_shootout]") {
  examples::training_settings settings;
  settings.epochs = 3;
  for (std::string const& activation : examples::activation_names()) {
    INFO(activation);
    const examples::training_run run = examples::train(activation, digits_split(), settings);
    REQUIRE(run.epochs.size() == 3);
    CHECK(run.epochs[0].train_loss < run.initial_loss);
    CHECK(run.epochs[1].train_loss < run.epochs[0].train_loss);
    CHECK(run.epochs[2].train_loss < run.epochs[1].train_loss);
    if (activation == "relu") CHECK(run.epochs[2].test_accuracy >= 0.90);
  }
}
