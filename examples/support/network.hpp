// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// A fully connected network for the examples: dense layers (Eigen matrix
// products) with an actfn activation after each hidden layer and log_softmax
// with cross-entropy at the output. Every activation's forward and backward
// pass is actfn's; nothing here differentiates an activation by hand.
//
// Data are column-major matrices with one example per column, so a column of
// pre-activations is contiguous: the array kernels, per-channel PReLU (a
// channel per unit) and maxout (contiguous groups of k pieces) run straight
// on the matrices' storage.
#pragma once

#include <actfn/activation.hpp>
#include <actfn/eigen.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "random.hpp"

namespace examples {

template <class T>
using matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
template <class T>
using vector = Eigen::Matrix<T, Eigen::Dynamic, 1>;

// The activations the examples compare, by the names of actfn's functors.
inline const std::vector<std::string>& activation_names() {
  static const std::vector<std::string> names = {"sigmoid", "tanh",     "relu",      "leaky_relu",
                                                 "prelu",   "elu",      "selu",      "gelu_erf",
                                                 "gelu_tanh", "maxout"};
  return names;
}

// Weight initialisations: normal with mean 0 and the standard deviation
// below, for a layer of fan_in inputs and fan_out outputs.
enum class initialisation {
  glorot,  // sqrt(2 / (fan_in + fan_out)): Glorot & Bengio 2010, for sigmoid and tanh
  he,      // sqrt(2 / fan_in): He et al. 2015, for the ReLU family, ELU and GELU
  lecun,   // sqrt(1 / fan_in): LeCun et al. 1998, with SELU (Klambauer et al. 2017)
};

inline const char* name_of(initialisation init) {
  return init == initialisation::glorot ? "Glorot" : init == initialisation::he ? "He" : "LeCun";
}

inline double standard_deviation(initialisation init, Eigen::Index fan_in, Eigen::Index fan_out) {
  const auto in = static_cast<double>(fan_in), out = static_cast<double>(fan_out);
  switch (init) {
    case initialisation::glorot: return std::sqrt(2.0 / (in + out));
    case initialisation::he: return std::sqrt(2.0 / in);
    case initialisation::lecun: break;
  }
  return std::sqrt(1.0 / in);
}

// The customary initialisation for each activation.
inline initialisation customary_initialisation(std::string const& activation) {
  if (activation == "sigmoid" || activation == "tanh") return initialisation::glorot;
  if (activation == "selu") return initialisation::lecun;
  return initialisation::he;
}

// A trainable tensor and its gradient, for the optimiser.
template <class T>
struct parameter {
  T* value;
  T* gradient;
  Eigen::Index size;
};

// One hidden layer's activation: from the pre-activations z (pieces_per_unit
// rows per unit) to the activations h, and back.
template <class T>
class activation_layer {
 public:
  virtual ~activation_layer() = default;
  virtual Eigen::Index pieces_per_unit() const { return 1; }
  virtual void forward(matrix<T> const& z, matrix<T>& h) = 0;
  // dz from dh; z and h are what forward saw and gave.
  virtual void backward(matrix<T> const& z, matrix<T> const& dh, matrix<T>& dz) = 0;
  virtual std::vector<parameter<T>> parameters() { return {}; }
};

// Any elementwise function of actfn's list, chosen at run time
// (actfn::activation), through actfn's Eigen adapters: one choice of kernel
// per call.
template <class T>
class elementwise final : public activation_layer<T> {
 public:
  explicit elementwise(actfn::activation<T> f) : f_(std::move(f)) {}
  void forward(matrix<T> const& z, matrix<T>& h) override {
    h.resize(z.rows(), z.cols());
    actfn::eigen::forward_into(f_, z, h);
  }
  void backward(matrix<T> const& z, matrix<T> const& dh, matrix<T>& dz) override {
    dz.resize(z.rows(), z.cols());
    actfn::eigen::backward_into(f_, z, dh, dz);
  }

 private:
  actfn::activation<T> f_;
};

// PReLU with a learned slope per unit (He et al. 2015), initially 0.25: a
// [batch, units, 1] tensor for actfn's per-channel kernels.
template <class T>
class per_unit_prelu final : public activation_layer<T> {
 public:
  explicit per_unit_prelu(Eigen::Index units)
      : alpha_(vector<T>::Constant(units, T(0.25))), dalpha_(vector<T>::Zero(units)) {}
  void forward(matrix<T> const& z, matrix<T>& h) override {
    h.resize(z.rows(), z.cols());
    actfn::prelu_forward(alpha_.data(), z.data(), h.data(), layout(z));
  }
  void backward(matrix<T> const& z, matrix<T> const& dh, matrix<T>& dz) override {
    dz.resize(z.rows(), z.cols());
    dalpha_.setZero();  // prelu_backward accumulates
    actfn::prelu_backward(alpha_.data(), z.data(), dh.data(), dz.data(), dalpha_.data(),
                          layout(z));
  }
  std::vector<parameter<T>> parameters() override {
    return {{alpha_.data(), dalpha_.data(), alpha_.size()}};
  }

 private:
  static actfn::channel_layout layout(matrix<T> const& z) {
    return {static_cast<std::size_t>(z.cols()), static_cast<std::size_t>(z.rows()), 1};
  }
  vector<T> alpha_, dalpha_;
};

// Maxout (Goodfellow et al. 2013): each unit is the largest of k pieces, the
// k consecutive rows of a column of z. The backward pass routes each
// gradient to the piece that won, from the argmax that forward kept.
template <class T>
class maxout_units final : public activation_layer<T> {
 public:
  explicit maxout_units(Eigen::Index k) : f_(static_cast<std::size_t>(k)), k_(k) {}
  Eigen::Index pieces_per_unit() const override { return k_; }
  void forward(matrix<T> const& z, matrix<T>& h) override {
    h.resize(z.rows() / k_, z.cols());
    winners_.resize(static_cast<std::size_t>(h.size()));
    f_.forward(z.data(), h.data(), winners_.data(), static_cast<std::size_t>(z.size()));
  }
  void backward(matrix<T> const& z, matrix<T> const& dh, matrix<T>& dz) override {
    dz.resize(z.rows(), z.cols());
    f_.backward(winners_.data(), dh.data(), dz.data(), static_cast<std::size_t>(z.size()));
  }

 private:
  actfn::maxout<T> f_;
  Eigen::Index k_;
  std::vector<std::size_t> winners_;
};

// The activation layer `activation` names, for a layer of `units` outputs:
// PReLU with a slope learned per unit ("prelu"), maxout of 2 pieces
// ("maxout"), or any function of actfn's list with its parameters
// ("elu(alpha=0.5)", see actfn::activation::parse, which reports an unknown
// name with the known ones).
template <class T>
std::unique_ptr<activation_layer<T>> make_activation(std::string const& activation,
                                                     Eigen::Index units) {
  if (activation == "prelu") return std::make_unique<per_unit_prelu<T>>(units);
  if (activation == "maxout") return std::make_unique<maxout_units<T>>(2);
  return std::make_unique<elementwise<T>>(actfn::activation<T>::parse(activation));
}

// widths = {inputs, hidden..., classes}. Hidden layer l computes
// h_l = f(W_l h_{l-1} + b_l); the output layer gives log-probabilities
// log_softmax(W h + b) over each column.
template <class T>
class network {
 public:
  network(std::string const& activation, std::vector<Eigen::Index> const& widths,
          std::uint64_t seed, initialisation init) {
    if (widths.size() < 2) throw std::invalid_argument("a network needs at least two widths");
    random_source random(seed);
    for (std::size_t l = 0; l + 1 < widths.size(); ++l) {
      const bool hidden = l + 2 < widths.size();
      layer next;
      if (hidden) next.activation = make_activation<T>(activation, widths[l + 1]);
      const Eigen::Index pieces = hidden ? next.activation->pieces_per_unit() : 1;
      const Eigen::Index outputs = pieces * widths[l + 1];
      // Glorot and He count a maxout unit's k pieces as k outputs.
      const double deviation =
          hidden ? standard_deviation(init, widths[l], outputs)
                 : standard_deviation(initialisation::glorot, widths[l], outputs);
      next.weights = matrix<T>::NullaryExpr(outputs, widths[l], [&] {
        return static_cast<T>(deviation * random.normal());
      });
      next.bias = vector<T>::Zero(outputs);
      next.weights_gradient = matrix<T>::Zero(outputs, widths[l]);
      next.bias_gradient = vector<T>::Zero(outputs);
      layers_.push_back(std::move(next));
    }
  }

  std::size_t hidden_layers() const { return layers_.size() - 1; }

  // Log-probabilities of each class (rows) for each example (columns).
  matrix<T> const& forward(matrix<T> const& x) {
    matrix<T> const* input = &x;
    for (layer& l : layers_) {
      l.input = input;
      l.z.noalias() = l.weights * *input;
      l.z.colwise() += l.bias;
      if (l.activation) {
        l.activation->forward(l.z, l.h);
        input = &l.h;
      }
    }
    layer& out = layers_.back();
    out.h.resize(out.z.rows(), out.z.cols());
    actfn::eigen::forward_into(log_probability_, out.z, actfn::eigen::each::column, out.h);
    return out.h;
  }

  // Mean cross-entropy of the labels (one per column of x).
  T loss(matrix<T> const& x, std::vector<int> const& labels) {
    matrix<T> const& log_p = forward(x);
    T total = 0;
    for (Eigen::Index j = 0; j < log_p.cols(); ++j) total -= log_p(labels[std::size_t(j)], j);
    return total / static_cast<T>(log_p.cols());
  }

  // The loss, and the gradient of the loss with respect to every parameter.
  T loss_and_gradients(matrix<T> const& x, std::vector<int> const& labels) {
    const T value = loss(x, labels);
    layer& out = layers_.back();
    // d loss / d log_p is -1/batch at each example's label, 0 elsewhere.
    matrix<T> upstream = matrix<T>::Zero(out.h.rows(), out.h.cols());
    for (Eigen::Index j = 0; j < upstream.cols(); ++j)
      upstream(labels[std::size_t(j)], j) = T(-1) / static_cast<T>(upstream.cols());
    matrix<T> dz(out.z.rows(), out.z.cols()), dh;
    actfn::eigen::backward_into(log_probability_, out.h, upstream, actfn::eigen::each::column, dz);
    for (std::size_t l = layers_.size(); l-- > 0;) {
      layer& current = layers_[l];
      if (current.activation) current.activation->backward(current.z, dh, dz);
      current.weights_gradient.noalias() = dz * current.input->transpose();
      current.bias_gradient = dz.rowwise().sum();
      if (l > 0) dh.noalias() = current.weights.transpose() * dz;
    }
    return value;
  }

  // Every trainable tensor: weights and biases of each layer, PReLU's slopes.
  std::vector<parameter<T>> parameters() {
    std::vector<parameter<T>> all;
    for (layer& l : layers_) {
      all.push_back({l.weights.data(), l.weights_gradient.data(), l.weights.size()});
      all.push_back({l.bias.data(), l.bias_gradient.data(), l.bias.size()});
      if (l.activation)
        for (parameter<T> p : l.activation->parameters()) all.push_back(p);
    }
    return all;
  }

  // After forward: hidden layer l's activations; after loss_and_gradients:
  // the gradient of the loss with respect to its weights.
  matrix<T> const& activations(std::size_t l) const { return layers_[l].h; }
  matrix<T> const& weights_gradient(std::size_t l) const { return layers_[l].weights_gradient; }

 private:
  struct layer {
    matrix<T> weights, weights_gradient;
    vector<T> bias, bias_gradient;
    std::unique_ptr<activation_layer<T>> activation;  // none at the output
    matrix<T> const* input = nullptr;                 // what forward multiplied
    matrix<T> z, h;
  };

  std::vector<layer> layers_;
  actfn::log_softmax<T> log_probability_;
};

// Adam (Kingma & Ba 2015) over a network's parameters.
template <class T>
class adam {
 public:
  explicit adam(std::vector<parameter<T>> parameters, T learning_rate = T(1e-3))
      : parameters_(std::move(parameters)), learning_rate_(learning_rate) {
    for (parameter<T> const& p : parameters_) {
      first_.push_back(vector<T>::Zero(p.size));
      second_.push_back(vector<T>::Zero(p.size));
    }
  }

  void step() {
    ++steps_;
    const T beta1 = T(0.9), beta2 = T(0.999), epsilon = T(1e-8);
    const T correction1 = 1 - std::pow(beta1, T(steps_)), correction2 = 1 - std::pow(beta2, T(steps_));
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
      Eigen::Map<vector<T>> value(parameters_[i].value, parameters_[i].size);
      Eigen::Map<const vector<T>> gradient(parameters_[i].gradient, parameters_[i].size);
      first_[i] = beta1 * first_[i] + (1 - beta1) * gradient;
      second_[i] = beta2 * second_[i] + (1 - beta2) * gradient.cwiseAbs2();
      value.array() -= learning_rate_ * (first_[i].array() / correction1) /
                       ((second_[i].array() / correction2).sqrt() + epsilon);
    }
  }

 private:
  std::vector<parameter<T>> parameters_;
  std::vector<vector<T>> first_, second_;
  T learning_rate_;
  int steps_ = 0;
};

}  // namespace examples
