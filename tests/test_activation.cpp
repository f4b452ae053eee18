// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// actfn::activation (activation.hpp): every functor of the list, in both
// tiers, with each of its tested parameter sets, reached by name, by kind
// and by value, printed and parsed back to itself, and giving through every
// array call exactly the bits of the functor it holds; and every malformed
// name reported with what is accepted, with nothing written.
#include <actfn/activation.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "support/checks.hpp"

namespace {

// 1000 values in [-30, 30] and an odd tail (1003 is not a multiple of any
// batch width), with NaN, infinities, signed zeros and subnormals.
template <class T>
std::vector<T> inputs() {
  std::vector<T> x = {std::numeric_limits<T>::quiet_NaN(),
                      std::numeric_limits<T>::infinity(),
                      -std::numeric_limits<T>::infinity(),
                      T(0),
                      -T(0),
                      std::numeric_limits<T>::denorm_min(),
                      -std::numeric_limits<T>::min()};
  std::mt19937 random(2026);
  std::uniform_real_distribution<double> uniform(-30, 30);
  while (x.size() < 1003) x.push_back(static_cast<T>(uniform(random)));
  return x;
}

void check_contains(std::string const& text, std::string const& part) {
  INFO(text);
  CHECK(text.find(part) != std::string::npos);
}

template <class T>
void check_same_bits(std::vector<T> const& got, std::vector<T> const& expected) {
  REQUIRE(got.size() == expected.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i < got.size(); ++i)
    differing += support::same(got[i], expected[i]) ? 0 : 1;
  CHECK(differing == 0);
}

// Every array call through a against the same call on f, the functor it holds.
template <class T, class Precision, class F>
void check_calls(actfn::activation<T, Precision> const& a, F const& f) {
  const std::vector<T> x = inputs<T>();
  const std::size_t n = x.size();
  std::vector<T> dy(n);
  for (std::size_t i = 0; i < n; ++i) dy[i] = T(0.5) + T(i % 7);
  // Each call's outputs, or its error (backward_from_output refuses a
  // negative alpha, say): the same either way.
  const auto run = [&](auto const& g) {
    std::vector<std::vector<T>> out(8, std::vector<T>(n, T(3)));
    std::string error;
    actfn::forward(g, x.data(), out[0].data(), n);
    actfn::derivative(g, x.data(), out[1].data(), n);
    actfn::forward_and_derivative(g, x.data(), out[2].data(), out[3].data(), n);
    actfn::backward(g, x.data(), dy.data(), out[4].data(), n);
    actfn::backward(g, x.data(), dy.data(), out[5].data(), n, actfn::accumulate);
    if constexpr (actfn::has_second_derivative_v<F>) {
      actfn::second_derivative(g, x.data(), out[6].data(), n);
    }
    if constexpr (actfn::has_derivative_from_output_v<F>) {
      try {
        actfn::backward_from_output(g, out[0].data(), dy.data(), out[7].data(), n);
      } catch (std::invalid_argument const& e) {
        error = e.what();
      }
    }
    return std::make_pair(out, error);
  };
  const auto [through_activation, activation_error] = run(a);
  const auto [through_functor, functor_error] = run(f);
  for (std::size_t call = 0; call < through_activation.size(); ++call) {
    INFO("array call " << call);
    check_same_bits(through_activation[call], through_functor[call]);
  }
  CHECK(activation_error == functor_error);
  // The range overloads reach the same kernel.
  std::vector<T> y(n);
  actfn::forward(a, x, y);
  check_same_bits(y, through_functor[0]);

  std::size_t differing = 0;
  for (T v : x) {
    differing += support::same(a(v), f(v)) ? 0 : 1;
    differing += support::same(a.derivative(v), f.derivative(v)) ? 0 : 1;
  }
  CHECK(differing == 0);
  CHECK(a.has_second_derivative() == actfn::has_second_derivative_v<F>);
  CHECK(a.has_derivative_from_output() == actfn::has_derivative_from_output_v<F>);
}

template <class T, class Precision>
void check_every_functor() {
  using activation = actfn::activation<T, Precision>;
  actfn::for_each_tested_functor<actfn::elementwise_functions<T, Precision>>([](auto const& f) {
    using F = std::decay_t<decltype(f)>;
    using D = actfn::descriptor<F>;
    const activation a = f;
    INFO(a.to_string());
    CHECK(std::string(a.name()) == D::name);
    CHECK(a.to_string() == actfn::describe(f));

    // parse(to_string()) gives the same activation, and so do the kind with
    // the named values.
    const activation parsed = activation::parse(a.to_string());
    CHECK(parsed == a);
    CHECK(parsed.kind() == a.kind());
    std::vector<actfn::parameter_value> named;
    const auto values = D::values(f);
    for (std::size_t p = 0; p < values.size(); ++p) named.emplace_back(D::parameters[p], values[p]);
    CHECK(activation(a.kind(), named) == a);
    check_calls(parsed, f);
  });
}

}  // namespace

// Both tiers in float; double's accurate tier (the dispatch is the same code
// for every type and tier, and the fast tier's double kernels are the float
// ones' templates: this keeps the test's build time down).
TEST_CASE("activation: every functor by name, by kind and by value, with its bits",
          "[activation]") {
  check_every_functor<float, actfn::accurate>();
  check_every_functor<float, actfn::fast>();
  check_every_functor<double, actfn::accurate>();
}

TEST_CASE("activation: the kinds and names follow the list", "[activation]") {
  std::size_t i = 0;
  actfn::for_each_type(actfn::elementwise_functions<float>{}, [&i](auto tag) {
    using F = typename decltype(tag)::type;
    const auto kind = static_cast<actfn::activation_kind>(i);
    CHECK(std::string(actfn::activation_names[i]) == actfn::descriptor<F>::name);
    CHECK(std::string(actfn::name_of(kind)) == actfn::descriptor<F>::name);
    ++i;
  });
  CHECK(i == actfn::activation_names.size());
  CHECK(actfn::name_of(actfn::activation_kind::gelu_tanh) == std::string("gelu_tanh"));
}

TEST_CASE("activation: parameters left out take the functor's defaults", "[activation]") {
  using activation = actfn::activation<float>;
  CHECK(activation() == activation(actfn::linear<float>()));
  CHECK(activation::parse("elu") == activation(actfn::elu<float>()));
  CHECK(activation::parse("elu()") == activation(actfn::elu<float>()));
  CHECK(activation(actfn::activation_kind::softplus, {{"threshold", 10}}) ==
        activation(actfn::softplus<float>(1, 10)));
  CHECK(activation::parse("  hard_tanh ( max = 2.5 ,min=-0.5 ) ").to_string() ==
        "hard_tanh(min=-0.5, max=2.5)");
  CHECK(activation::parse("leaky_relu(alpha=0.1)") != activation::parse("leaky_relu(alpha=0.2)"));
  CHECK(activation::parse("relu") != activation::parse("relu6"));
  // The values are T's: 0.1 in float prints as float's shortest decimal.
  CHECK(activation::parse("elu(alpha=0.1000000001)").to_string() == "elu(alpha=0.1)");
  CHECK(actfn::activation<double, actfn::fast>::parse("gelu_erf").to_string() == "gelu_erf");
}

TEST_CASE("activation: a malformed name is reported with what is accepted", "[activation]") {
  using activation = actfn::activation<float>;
  const auto message = [](auto&& make) {
    try {
      make();
    } catch (std::invalid_argument const& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  const auto parse_error = [&](const char* text) {
    return message([text] { activation::parse(text); });
  };
  check_contains(parse_error("gelu_tahn"),
                 "unknown activation 'gelu_tahn'; did you mean 'gelu_tanh'? known: step, "
                 "linear, sigmoid");
  check_contains(parse_error("GELU_TANH"), "did you mean 'gelu_tanh'?");
  check_contains(parse_error("swish"), "unknown activation 'swish'; known: step,");
  check_contains(parse_error(""), "unknown activation ''");
  check_contains(parse_error("elu(alhpa=2)"),
                 "elu has no parameter 'alhpa'; did you mean 'alpha'? its parameters: alpha");
  check_contains(parse_error("sigmoid(alpha=1)"),
                 "sigmoid has no parameter 'alpha'; it takes none");
  check_contains(parse_error("threshold(value=1)"),
                 "threshold needs threshold, value; threshold is missing");
  check_contains(parse_error("elu(alpha=1, alpha=2)"), "elu: alpha is given twice");
  check_contains(parse_error("elu(alpha=x)"),
                 "'alpha=x' in 'elu(alpha=x)' is not parameter=number");
  check_contains(parse_error("elu(alpha)"), "is not parameter=number");
  check_contains(parse_error("elu(alpha=nan)"), "is not parameter=number");
  check_contains(parse_error("elu(alpha=1"), "has no closing ')'");
  check_contains(parse_error("elu(alpha=1) x"), "has no closing ')'");
  check_contains(parse_error("elu(alpha=1,)"), "ends its parameters with ','");
  // The functor's own checks: the values it was given.
  check_contains(parse_error("elu(alpha=inf)"), "actfn::elu: alpha must be finite, got inf");
  check_contains(parse_error("hard_tanh(min=2, max=1)"), "min = 2 is greater than max = 1");
  check_contains(message([] {
                   activation(actfn::activation_kind::elu, {{"beta", 1}});
                 }),
                 "actfn::activation: elu has no parameter 'beta'");
  check_contains(message([] { activation(static_cast<actfn::activation_kind>(99)); }),
                 "activation_kind 99 is not one of the");
}

TEST_CASE("activation: a call the held functor lacks is reported, nothing written",
          "[activation]") {
  std::vector<float> x = {1, 2}, dy = {1, 1}, out = {7, 7};
  const auto relu = actfn::activation<float>::parse("relu");
  CHECK_THROWS_WITH(actfn::second_derivative(relu, x.data(), out.data(), 2),
                    "actfn::second_derivative: relu has no second derivative");
  const auto gelu = actfn::activation<float>::parse("gelu_erf");
  CHECK_THROWS_WITH(actfn::backward_from_output(gelu, x.data(), dy.data(), out.data(), 2),
                    "actfn::backward_from_output: gelu_erf has no derivative from its output; "
                    "take backward from x");
  // The functor's own argument checks still run.
  CHECK_THROWS_WITH(actfn::forward(gelu, nullptr, out.data(), 2),
                    "actfn::forward: x is null but n = 2");
  CHECK(out == std::vector<float>{7, 7});
}
