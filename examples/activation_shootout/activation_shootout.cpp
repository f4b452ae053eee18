// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The activation shoot-out: a 64-128-128-10 MLP (softmax output,
// cross-entropy, Adam, fixed seed and hyper-parameters) trained once per
// activation on the UCI optical handwritten digits, 20 % held out for
// testing. Prints a line per epoch and a summary table; draws the training
// loss and the test accuracy per epoch in shootout.svg.
//
//   activation_shootout [--data FILE] [--out DIR] [--epochs 30] [--batch 32] [--seed 2026]
//                       [--activations sigmoid,tanh,elu(alpha=0.5),...]
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "../support/options.hpp"
#include "../support/svg_chart.hpp"
#include "shootout.hpp"

namespace {

std::string default_activations() {
  std::string list;
  for (std::string const& name : examples::activation_names())
    list += (list.empty() ? "" : ",") + name;
  return list;
}

// The names of a comma-separated list; commas between parentheses belong to
// a name's parameters ("elu(alpha=0.5),hard_tanh(min=-2, max=2)").
std::vector<std::string> split(std::string const& list) {
  std::vector<std::string> names(1);
  int depth = 0;
  for (char c : list) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (c == ',' && depth == 0) {
      names.emplace_back();
    } else {
      names.back() += c;
    }
  }
  return names;
}

}  // namespace

int main(int argc, char** argv) try {
  const examples::options options(argc, argv,
                                  {{"data", ACTFN_EXAMPLES_DATA_DIR "/digits.csv"},
                                   {"out", "."},
                                   {"epochs", "30"},
                                   {"batch", "32"},
                                   {"seed", "2026"},
                                   {"activations", default_activations()}});
  examples::training_settings settings;
  settings.epochs = static_cast<int>(options.number("epochs"));
  settings.batch = options.number("batch");
  settings.seed = static_cast<std::uint64_t>(options.number("seed"));
  if (settings.epochs < 1 || settings.batch < 1)
    throw std::invalid_argument("--epochs and --batch must be at least 1");
  const std::vector<std::string> activations = split(options.text("activations"));
  for (std::string const& name : activations) examples::make_activation<float>(name, 1);

  const examples::digits all = examples::load_digits(options.text("data"));
  const examples::train_test data = examples::hold_out(all, 0.2, settings.seed);
  std::printf("UCI digits: %zu training and %zu test images; MLP 64-128-128-10, Adam "
              "(learning rate %g), batch %ld, %d epochs, seed %lu\n",
              data.train.labels.size(), data.test.labels.size(),
              static_cast<double>(settings.learning_rate), static_cast<long>(settings.batch),
              settings.epochs, static_cast<unsigned long>(settings.seed));

  std::vector<examples::training_run> runs;
  for (std::string const& activation : activations) {
    std::printf("\n%s (%s initialisation)\n%6s %12s %14s\n", activation.c_str(),
                examples::name_of(examples::customary_initialisation(activation)), "epoch",
                "train loss", "test accuracy");
    runs.push_back(examples::train(activation, data, settings,
                                   [](int epoch, examples::epoch_result const& result) {
                                     std::printf("%6d %12.4f %13.2f%%\n", epoch,
                                                 result.train_loss, 100 * result.test_accuracy);
                                     std::fflush(stdout);
                                   }));
  }

  std::printf("\n%-11s %-7s %12s %12s %14s %9s\n", "activation", "init", "train loss",
              "test acc.", "best (epoch)", "time (s)");
  examples::svg::panel losses{"Training loss", "epoch", "cross-entropy", {}, true};
  examples::svg::panel accuracies{"Test accuracy", "epoch", "accuracy (%)", {}, false};
  for (examples::training_run const& run : runs) {
    std::size_t best = 0;
    examples::svg::line loss{run.activation, {0}, {run.initial_loss}, "", false};
    examples::svg::line accuracy{run.activation, {}, {}, "", false};
    for (std::size_t e = 0; e < run.epochs.size(); ++e) {
      if (run.epochs[e].test_accuracy > run.epochs[best].test_accuracy) best = e;
      loss.x.push_back(static_cast<double>(e + 1));
      loss.y.push_back(run.epochs[e].train_loss);
      accuracy.x.push_back(static_cast<double>(e + 1));
      accuracy.y.push_back(100 * run.epochs[e].test_accuracy);
    }
    std::printf("%-11s %-7s %12.4f %11.2f%% %9.2f%% (%2zu) %9.2f\n", run.activation.c_str(),
                examples::name_of(examples::customary_initialisation(run.activation)),
                run.epochs.back().train_loss, 100 * run.epochs.back().test_accuracy,
                100 * run.epochs[best].test_accuracy, best + 1, run.seconds);
    losses.lines.push_back(loss);
    accuracies.lines.push_back(accuracy);
  }

  const examples::svg::figure figure{"Activation shoot-out: MLP 64-128-128-10 on the UCI digits",
                                     {losses, accuracies}, 2, 400, 300, true};
  const std::string path = options.text("out") + "/shootout.svg";
  examples::svg::write_file(figure, path);
  std::printf("\nwrote %s\n", path.c_str());
} catch (std::exception const& e) {
  std::fprintf(stderr, "activation_shootout: %s\n", e.what());
  return 1;
}
