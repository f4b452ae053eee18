// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Draws every activation and its derivative over x in [-5, 5]: activations.svg
// (one panel per function) and activations.csv (the sampled values, a column
// per function and derivative). softmax is drawn for a 2-vector (d, 0) as a
// function of the logit difference d, maxout for the two lines 0.8x + 0.5 and
// -0.6x. All derivatives come from actfn (softmax's and maxout's from their
// backward passes), none from a formula written here.
//
//   plot_activations [--out DIR] [--samples 401]
#include <actfn/actfn.hpp>

#include <cstdio>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/options.hpp"
#include "../support/svg_chart.hpp"

namespace {

struct curve {
  std::string name;   // the functor's name, and the CSV column
  std::string title;  // the panel's title
  std::vector<float> value, slope;
  std::vector<examples::svg::line> extra;  // drawn first, behind f and f'
};

template <class Function>
curve elementwise(std::string name, std::string title, Function const& f,
                  std::vector<float> const& x) {
  curve c{std::move(name), std::move(title), std::vector<float>(x.size()),
          std::vector<float>(x.size()), {}};
  actfn::forward(f, x, c.value);
  actfn::derivative(f, x, c.slope);
  return c;
}

// p = softmax((d, 0))[0] = sigmoid(d); dp/dd is the first entry of the
// backward pass with upstream gradient (1, 0).
curve softmax_of_two(std::vector<float> const& x) {
  curve c{"softmax", "softmax((d, 0))[0]", {}, {}, {}};
  const actfn::softmax<float> softmax;
  for (float d : x) {
    const float logits[2] = {d, 0.0f}, upstream[2] = {1.0f, 0.0f};
    float p[2], dlogits[2];
    softmax.forward(logits, p, 2);
    softmax.backward(p, upstream, dlogits, 1, 2);
    c.value.push_back(p[0]);
    c.slope.push_back(dlogits[0]);
  }
  return c;
}

// max(0.8x + 0.5, -0.6x); f' = sum over pieces of (d f / d piece) * its slope.
curve maxout_of_two_lines(std::vector<float> const& x) {
  curve c{"maxout", "maxout of 0.8x + 0.5, -0.6x", {}, {}, {}};
  const float slopes[2] = {0.8f, -0.6f}, offsets[2] = {0.5f, 0.0f};
  const actfn::maxout<float> maxout(2);
  examples::svg::line first{"pieces", {}, {}, "#bbbbbb", true}, second{"", {}, {}, "#bbbbbb", true};
  for (float v : x) {
    const float pieces[2] = {slopes[0] * v + offsets[0], slopes[1] * v + offsets[1]};
    const float upstream = 1.0f;
    float unit, dpieces[2];
    maxout.forward(pieces, &unit, 2);
    maxout.backward(pieces, &upstream, dpieces, 2);
    c.value.push_back(unit);
    c.slope.push_back(dpieces[0] * slopes[0] + dpieces[1] * slopes[1]);
    first.x.push_back(v);
    first.y.push_back(pieces[0]);
    second.x.push_back(v);
    second.y.push_back(pieces[1]);
  }
  c.extra = {first, second};
  return c;
}

}  // namespace

int main(int argc, char** argv) try {
  const examples::options options(argc, argv, {{"out", "."}, {"samples", "401"}});
  const long samples = options.number("samples");
  if (samples < 2) throw std::invalid_argument("--samples must be at least 2");
  std::vector<float> x(static_cast<std::size_t>(samples));
  for (std::size_t i = 0; i < x.size(); ++i)
    x[i] = -5.0f + 10.0f * static_cast<float>(i) / static_cast<float>(samples - 1);

  // Every functor of actfn's list with its default parameters, then softmax
  // and maxout.
  std::vector<curve> curves;
  actfn::for_each_type(actfn::elementwise_functions<float>{}, [&](auto function) {
    using F = typename decltype(function)::type;
    const F f = actfn::make_functor<F>(actfn::descriptor<F>::tested[0]);
    curves.push_back(elementwise(actfn::descriptor<F>::name, actfn::describe(f), f, x));
  });
  curves.push_back(softmax_of_two(x));
  curves.push_back(maxout_of_two_lines(x));

  examples::svg::figure figure{"actfn: activations f (solid) and their derivatives f' (dashed)",
                               {}, 4, 300, 230, true};
  const std::vector<double> xs(x.begin(), x.end());
  for (curve const& c : curves) {
    examples::svg::panel p{c.title, c.name == "softmax" ? "d" : "x", "f, f'", c.extra, false};
    p.lines.push_back({"f", xs, {c.value.begin(), c.value.end()}, "#4e79a7", false});
    p.lines.push_back({"f'", xs, {c.slope.begin(), c.slope.end()}, "#e15759", true});
    figure.panels.push_back(std::move(p));
  }
  const std::string out = options.text("out");
  examples::svg::write_file(figure, out + "/activations.svg");

  std::ofstream csv(out + "/activations.csv");
  csv << "x";
  for (curve const& c : curves) csv << ',' << c.name << ',' << c.name << "_derivative";
  csv << '\n';
  char buffer[64];
  for (std::size_t i = 0; i < x.size(); ++i) {
    std::snprintf(buffer, sizeof buffer, "%.9g", static_cast<double>(x[i]));
    csv << buffer;
    for (curve const& c : curves) {
      std::snprintf(buffer, sizeof buffer, ",%.9g,%.9g", static_cast<double>(c.value[i]),
                    static_cast<double>(c.slope[i]));
      csv << buffer;
    }
    csv << '\n';
  }
  csv.close();
  if (!csv) throw std::runtime_error("cannot write " + out + "/activations.csv");
  std::printf("wrote %s/activations.svg and %s/activations.csv (%zu samples of %zu functions)\n",
              out.c_str(), out.c_str(), x.size(), curves.size());
} catch (std::exception const& e) {
  std::fprintf(stderr, "plot_activations: %s\n", e.what());
  return 1;
}
