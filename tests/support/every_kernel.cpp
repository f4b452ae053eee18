// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// every_kernel's inputs and kernels, instantiated once for float and double:
// the programs that run every kernel link this instead of compiling it again.
#include "every_kernel.hpp"

namespace support {

template <class T>
every_kernel<T>::every_kernel(subnormals inputs)
    : x_(rows * cols), dy_(rows * cols), alpha_(channels) {
  std::mt19937 random(12345);
  std::uniform_real_distribution<T> logits(T(-30), T(30));
  for (T& v : x_) v = logits(random);
  for (T& v : dy_) v = logits(random) / T(30);
  for (T& v : alpha_) v = logits(random) / T(60);
  const T specials[] = {std::numeric_limits<T>::quiet_NaN(),
                        std::numeric_limits<T>::infinity(),
                        -std::numeric_limits<T>::infinity(),
                        T(0),
                        T(-0.0),
                        std::numeric_limits<T>::denorm_min(),
                        -std::numeric_limits<T>::min() / T(3)};
  // Specials in the first row only, so that the last rows are all finite.
  for (std::size_t i = 0; i < std::size(specials); ++i) x_[7 * i + 3] = specials[i];
  if (inputs == subnormals::as_zero) {
    for (T& v : x_) v = std::fpclassify(v) == FP_SUBNORMAL ? std::copysign(T(0), v) : v;
  }
  add_kernels();
}

template <class T>
void every_kernel<T>::add_kernels() {
  const std::size_t n = x_.size();
  const T* x = x_.data();
  const T* dy = dy_.data();
  const T* alpha = alpha_.data();
  for_each_function<T>([&](std::string const& name, auto const& f) {
    add(name + " forward", n, [f, x, n](T* out) { actfn::forward(f, x, out, n); });
    add(name + " derivative", n, [f, x, n](T* out) { actfn::derivative(f, x, out, n); });
    add(name + " backward", n, [f, x, dy, n](T* out) { actfn::backward(f, x, dy, out, n); });
    add(name + " forward_and_derivative", 2 * n,
        [f, x, n](T* out) { actfn::forward_and_derivative(f, x, out, out + n, n); });
    add(name + " backward with beta", n, [f, x, dy, n](T* out) {
      std::fill(out, out + n, T(0.25));
      actfn::backward(f, x, dy, out, n, actfn::beta(T(-0.5)));
    });
    using F = std::decay_t<decltype(f)>;
    if constexpr (actfn::has_second_derivative_v<F>) {
      add(name + " second_derivative", n,
          [f, x, n](T* out) { actfn::second_derivative(f, x, out, n); });
    }
    // From the output (y = x's forward, first in the buffer), where the
    // parameters allow it (not leaky_relu's negative slope).
    if constexpr (actfn::has_derivative_from_output_v<F>) {
      if (actfn::derivative_from_output_defined(f)) {
        add(name + " backward_from_output", 2 * n, [f, x, dy, n](T* out) {
          actfn::forward(f, x, out, n);
          actfn::backward_from_output(f, out, dy, out + n, n);
        });
      }
    }
  });
  // Outputs that hold several results keep the last elements for the rest.
  add("prelu backward with dalpha", n + 1, [x, dy, n](T* out) {
    out[n] = T(0.5);
    actfn::backward(actfn::prelu<T>(T(0.1)), x, dy, out, n, out + n);
  });
  add("prelu backward with dalpha and beta", n + 1, [x, dy, n](T* out) {
    std::fill(out, out + n + 1, T(0.5));
    actfn::backward(actfn::prelu<T>(T(0.1)), x, dy, out, n, out + n, actfn::beta(T(-0.5)));
  });
  for (actfn::channel_layout layout : {actfn::channel_layout{n / channels / 4, channels, 4},
                                       actfn::channel_layout{n / channels, channels, 1}}) {
    const std::string shape = " [" + std::to_string(layout.outer) + ", " +
                              std::to_string(layout.channels) + ", " +
                              std::to_string(layout.inner) + "]";
    add("prelu_forward" + shape, n,
        [x, alpha, layout](T* out) { actfn::prelu_forward(alpha, x, out, layout); });
    add("prelu_backward" + shape, n + channels, [x, dy, alpha, layout, n](T* out) {
      std::fill(out + n, out + n + channels, T(0));
      actfn::prelu_backward(alpha, x, dy, out, out + n, layout);
    });
    add("prelu_backward accumulate" + shape, n + channels, [x, dy, alpha, layout, n](T* out) {
      std::fill(out, out + n + channels, T(0.25));
      actfn::prelu_backward(alpha, x, dy, out, out + n, layout, actfn::accumulate);
    });
  }
  add("softmax forward", n, [x](T* out) { actfn::softmax<T>{}.forward(x, out, rows, cols); });
  add("softmax backward", n,
      [x, dy](T* out) { actfn::softmax<T>{}.backward(x, dy, out, rows, cols); });
  add("softmax backward with beta", n, [x, dy, n](T* out) {
    std::fill(out, out + n, T(0.25));
    actfn::softmax<T>{}.backward(x, dy, out, rows, cols, actfn::beta(T(-0.5)));
  });
  add("softmax jacobian", cols * cols,
      [x](T* out) { actfn::softmax<T>{}.jacobian(x + (rows - 1) * cols, out, cols); });
  add("log_softmax forward (strided)", n,
      [x](T* out) { actfn::log_softmax<T>{}.forward(x, cols, out, cols, rows, cols - 7); });
  add("log_softmax backward", n,
      [x, dy](T* out) { actfn::log_softmax<T>{}.backward(x, dy, out, rows, cols); });
  add("log_softmax backward accumulate", n, [x, dy, n](T* out) {
    std::fill(out, out + n, T(0.25));
    actfn::log_softmax<T>{}.backward(x, dy, out, rows, cols, actfn::accumulate);
  });
  add("log_softmax jacobian", cols * cols,
      [x](T* out) { actfn::log_softmax<T>{}.jacobian(x + (rows - 1) * cols, out, cols); });
  for (auto grouping : {actfn::maxout_grouping::contiguous, actfn::maxout_grouping::strided}) {
    for (std::size_t k : {2u, 3u, 5u}) {
      const actfn::maxout<T> f(k, grouping);
      const std::string name = "maxout k = " + std::to_string(k) +
                               (grouping == actfn::maxout_grouping::strided ? " strided" : "");
      const std::size_t units = n / k;
      add(name + " forward", units, [f, x, n](T* out) { f.forward(x, out, n); });
      add(name + " backward", n, [f, x, dy, n](T* out) { f.backward(x, dy, out, n); });
      add(name + " backward with beta", n, [f, x, dy, n](T* out) {
        std::fill(out, out + n, T(0.25));
        f.backward(x, dy, out, n, actfn::beta(T(-0.5)));
      });
      // Positions and the gradient routed by them: forward with argmax
      // writes units outputs and units positions (stored as T, exact
      // below 2^24), then backward from the positions writes n and
      // accumulates onto them once more.
      add(name + " argmax forward, backward, accumulate", 2 * units + n,
          [f, x, dy, n, units](T* out) {
            std::array<std::size_t, rows * cols> positions;
            f.forward(x, out, positions.data(), n);
            for (std::size_t i = 0; i < units; ++i) out[units + i] = T(positions[i]);
            f.backward(positions.data(), dy, out + 2 * units, n);
            f.backward(positions.data(), dy, out + 2 * units, n, actfn::accumulate);
          });
    }
  }
}

template class every_kernel<float>;
template class every_kernel<double>;

}  // namespace support
