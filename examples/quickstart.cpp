// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Prints every activation's value and derivative at a few points (every
// functor of actfn's list, with its default parameters), then runs one
// forward and backward pass over a buffer with the array API, and the same
// with an activation chosen at run time by name.
#include <actfn/actfn.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

template <class F>
void show(F const& f) {
  std::printf("%-12s", actfn::descriptor<F>::name);
  for (double x : {-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0}) {
    std::printf(" % 9.5f/% 8.5f", f(x), f.derivative(x));
  }
  std::printf("\n");
}

int main() try {
  std::printf("%-12s", "f(x)/f'(x)");
  for (double x : {-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0}) std::printf("  x = % 4.1f        ", x);
  std::printf("\n");
  // A functor per activation: actfn::sigmoid<double>{}, actfn::elu<double>(0.5), ...
  actfn::for_each_type(actfn::elementwise_functions<double>{}, [](auto function) {
    using F = typename decltype(function)::type;
    show(actfn::make_functor<F>(actfn::descriptor<F>::tested[0]));
  });

  // The array API: any length, any alignment, in place allowed.
  std::vector<float> x = {-2.0f, -0.5f, 0.0f, 0.5f, 2.0f}, y(x.size()), dy(x.size(), 1.0f),
                     dx(x.size());
  const actfn::gelu_erf<float> gelu;
  actfn::forward(gelu, x, y);
  actfn::backward(gelu, x, dy, dx);
  std::printf("\ngelu_erf over a float buffer (forward, then backward with dy = 1):\n");
  for (std::size_t i = 0; i < x.size(); ++i) {
    std::printf("  x = % .2f  y = % .7f  dx = % .7f\n", x[i], y[i], dx[i]);
  }

  // An activation named at run time, as a configuration file names it: the
  // array calls run its functor's kernel, chosen once per call.
  const std::string configured = "elu(alpha=0.5)";  // from a file, say
  const auto chosen = actfn::activation<float>::parse(configured);
  actfn::forward(chosen, x, y);
  actfn::backward(chosen, x, dy, dx);
  std::printf("\n%s over the same buffer:\n", chosen.to_string().c_str());
  for (std::size_t i = 0; i < x.size(); ++i) {
    std::printf("  x = % .2f  y = % .7f  dx = % .7f\n", x[i], y[i], dx[i]);
  }
} catch (std::exception const& error) {  // a name parse() does not know, say
  std::fprintf(stderr, "%s\n", error.what());
  return 1;
}
