// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <type_traits>
#include <utility>

#include "actfn/backward_mode.hpp"
#include "actfn/descriptor.hpp"
#include "actfn/detail/batch_loop.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/fp_environment.hpp"
#include "actfn/functions/leaky_relu.hpp"

ACTFN_NAMESPACE_BEGIN
namespace detail {

// df/dalpha = min(x, 0), 0 at x = 0, NaN at NaN.
template <class V>
inline V prelu_alpha_derivative(V const& x) {
  return detail::select(x > V(0), V(0), x);
}

// dx[i] = dy[i] * f'(x[i]) over n elements with one slope, and
// *dalpha += sum(dy[i] * min(x[i], 0)), summed with compensation; beta as in
// store_gradient.
template <class T>
inline void prelu_backward_run(T alpha, const T* x, const T* dy, T* dx, std::size_t n, T* dalpha,
                               T beta) {
  using batch = xsimd::batch<T>;
  compensated_sum<batch> sum;
  detail::store_gradient(
      n, dx, beta,
      [alpha, &sum](batch const& v, batch const& g) {
        sum.add_product(g, detail::prelu_alpha_derivative(v));
        return detail::leaky_derivative(v, alpha);
      },
      dy, x, dy);
  const double_word<T> total = detail::total(sum);
  *dalpha += total.high + total.low;
}

}  // namespace detail

// Parametric ReLU (He et al. 2015): leaky ReLU whose slope alpha is learned.
//   f(x)      = x if x > 0, else alpha*x
//   f'(x)     = 1 if x > 0, else alpha
//   df/dalpha = min(x, 0) (so 0 at x = 0)
//   alpha: any finite value, default 0.25. NaN gives NaN for all three.
// actfn::backward(prelu, x, dy, dx, n, &dalpha) also accumulates
// sum(dy * min(x, 0)) into dalpha (see below). For one slope per
// channel, see prelu_forward and prelu_backward below.
template <class T, class Precision = accurate>
class prelu {
 public:
  using value_type = T;
  using precision = Precision;

  explicit prelu(T alpha = T(0.25)) : alpha_(detail::require_finite(alpha, "prelu", "alpha")) {}

  T alpha() const { return alpha_; }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V operator()(V const& x) const {
    return detail::leaky_forward(x, alpha_);
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative(V const& x) const {
    return detail::leaky_derivative(x, alpha_);
  }

  // f'(x) from y = f(x), for alpha >= 0 (0 is relu), where y > 0 exactly
  // where x > 0; exact. A negative alpha maps x < 0 to y > 0: an error.
  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V derivative_from_output(V const& y) const {
    return derivative(y);
  }
  // f' is a function of y only where a negative y has one x: alpha >= 0.
  bool output_determines_derivative() const { return !(alpha_ < T(0)); }
  void require_derivative_from_output() const {
    detail::require_nonnegative_alpha_for_output(alpha_, "prelu");
  }

  template <class V, detail::enable_for_lanes_of<V, T> = 0>
  V alpha_derivative(V const& x) const {
    return detail::prelu_alpha_derivative(x);
  }

 private:
  T alpha_;
};

// The shape of a tensor laid out [outer, channels, inner], row-major: NCHW has
// outer = N and inner = H*W, NC has inner = 1, NHWC has outer = N*H*W and
// inner = 1.
struct channel_layout {
  std::size_t outer;
  std::size_t channels;
  std::size_t inner;
};

namespace detail {

// The element count of a layout, checked not to overflow size_t.
inline std::size_t element_count(channel_layout const& layout, const char* function) {
  const std::size_t most = std::numeric_limits<std::size_t>::max();
  const std::size_t plane = layout.channels * layout.inner;
  if ((layout.inner != 0 && layout.channels > most / layout.inner) ||
      (plane != 0 && layout.outer > most / plane)) {
    detail::fail(function, "outer * channels * inner = ", layout.outer, " * ", layout.channels,
                 " * ", layout.inner, " overflows size_t");
  }
  return layout.outer * plane;
}

// Checks a per-channel call's sizes, slopes and buffers; returns the element
// count.
template <class T>
std::size_t require_channels(channel_layout const& layout, const T* alpha, const char* function,
                             std::initializer_list<named_buffer> buffers) {
  const std::size_t n = detail::element_count(layout, function);
  detail::require_buffer(alpha, layout.channels, function, "alpha");
  for (std::size_t c = 0; c < layout.channels; ++c) {
    if (!std::isfinite(alpha[c])) {
      detail::fail(function, "alpha[", c, "] must be finite, got ", alpha[c]);
    }
  }
  detail::require_buffers(n, function, buffers);
  return n;
}

// The range overloads' sizes: alpha holds one slope per channel, and every
// tensor outer * channels * inner elements.
struct named_size {
  std::size_t size;
  const char* name;
};
inline void require_layout_sizes(channel_layout const& layout, std::size_t alphas,
                                 const char* function, std::initializer_list<named_size> tensors) {
  if (alphas != layout.channels) {
    detail::fail(function, "alpha.size() = ", alphas,
                 " differs from layout.channels = ", layout.channels);
  }
  const std::size_t n = detail::element_count(layout, function);
  for (named_size const& tensor : tensors) {
    if (tensor.size != n) {
      detail::fail(function, tensor.name, ".size() = ", tensor.size,
                   " differs from outer * channels * inner = ", n);
    }
  }
}

}  // namespace detail

// Per-channel PReLU forward: y = prelu(alpha[c])(x) for every element of
// channel c. In place (y == x) is fine; each element gets the same bits as
// the scalar functor prelu<T>(alpha[c]).
template <class T>
void prelu_forward(const T* alpha, const T* x, T* y, channel_layout const& layout) {
  detail::require_channels(layout, alpha, "prelu_forward", {{x, "x"}, {y, "y"}});
  const detail::kernel_environment environment;
  using batch = xsimd::batch<T>;
  const std::size_t plane = layout.channels * layout.inner;
  for (std::size_t o = 0; o < layout.outer; ++o) {
    const T* x_plane = x + o * plane;
    T* y_plane = y + o * plane;
    if (layout.inner == 1) {  // the slopes vary along the row: load them too
      detail::transform(
          layout.channels, y_plane,
          [](batch const& v, batch const& a) { return detail::leaky_forward(v, a); }, x_plane,
          alpha);
      continue;
    }
    for (std::size_t c = 0; c < layout.channels; ++c) {
      const T a = alpha[c];
      detail::transform(
          layout.inner, y_plane + c * layout.inner,
          [a](batch const& v) { return detail::leaky_forward(v, a); }, x_plane + c * layout.inner);
    }
  }
}

// Per-channel PReLU backward: dx = dy * f'(x) with channel c's slope, and
// dalpha[c] += sum of dy * min(x, 0) over channel c's outer and inner
// positions (accumulated onto what dalpha holds). In place (dx == dy) is fine.
// The sums are in T: compensated within each run of inner elements, plain
// across the outer positions. mode (optional): actfn::accumulate or
// actfn::beta(b) for dx, as for actfn::backward (dy * f'(x) + b * dx).
template <class T>
void prelu_backward(const T* alpha, const T* x, const T* dy, T* dx, T* dalpha,
                    channel_layout const& layout) {
  prelu_backward(alpha, x, dy, dx, dalpha, layout, beta(T(0)));
}
template <class T, class Mode, detail::enable_for_mode<Mode, T> = 0>
void prelu_backward(const T* alpha, const T* x, const T* dy, T* dx, T* dalpha,
                    channel_layout const& layout, Mode mode) {
  const T b = detail::beta_of<T>(mode, "prelu_backward");
  detail::require_channels(layout, alpha, "prelu_backward", {{x, "x"}, {dy, "dy"}, {dx, "dx"}});
  detail::require_buffer(dalpha, layout.channels, "prelu_backward", "dalpha");
  const detail::kernel_environment environment;
  using batch = xsimd::batch<T>;
  const std::size_t plane = layout.channels * layout.inner;
  for (std::size_t o = 0; o < layout.outer; ++o) {
    const T* x_plane = x + o * plane;
    const T* dy_plane = dy + o * plane;
    T* dx_plane = dx + o * plane;
    if (layout.inner == 1) {
      // dalpha first: dx may overwrite dy.
      detail::transform(
          layout.channels, dalpha,
          [](batch const& d, batch const& v, batch const& g) {
            return detail::multiply_add(g, detail::prelu_alpha_derivative(v), d);
          },
          dalpha, x_plane, dy_plane);
      detail::store_gradient(
          layout.channels, dx_plane, b,
          [](batch const& v, batch const& a) { return detail::leaky_derivative(v, a); }, dy_plane,
          x_plane, alpha);
      continue;
    }
    for (std::size_t c = 0; c < layout.channels; ++c) {
      const std::size_t offset = c * layout.inner;
      detail::prelu_backward_run(alpha[c], x_plane + offset, dy_plane + offset, dx_plane + offset,
                                 layout.inner, dalpha + c, b);
    }
  }
}

// The same over ranges (anything with data() and size()), which must hold
// layout.channels slopes and outer * channels * inner elements each.
template <class Alphas, class In, class Out,
          class T = std::remove_const_t<detail::range_element_t<In>>,
          detail::enable_for_ranges_of<T, Alphas, In, Out> = 0>
void prelu_forward(Alphas const& alpha, In const& x, Out&& y, channel_layout const& layout) {
  detail::require_layout_sizes(layout, std::size(alpha), "prelu_forward",
                               {{std::size(x), "x"}, {std::size(y), "y"}});
  prelu_forward(std::data(alpha), std::data(x), std::data(y), layout);
}
template <class Alphas, class In, class Grad, class GradOut, class AlphaGrad,
          class T = std::remove_const_t<detail::range_element_t<In>>,
          detail::enable_for_ranges_of<T, Alphas, In, Grad, GradOut, AlphaGrad> = 0>
void prelu_backward(Alphas const& alpha, In const& x, Grad const& dy, GradOut&& dx,
                    AlphaGrad&& dalpha, channel_layout const& layout) {
  prelu_backward(alpha, x, dy, dx, dalpha, layout, beta(T(0)));
}
template <class Alphas, class In, class Grad, class GradOut, class AlphaGrad, class Mode,
          class T = std::remove_const_t<detail::range_element_t<In>>,
          detail::enable_for_ranges_of<T, Alphas, In, Grad, GradOut, AlphaGrad> = 0,
          detail::enable_for_mode<Mode, T> = 0>
void prelu_backward(Alphas const& alpha, In const& x, Grad const& dy, GradOut&& dx,
                    AlphaGrad&& dalpha, channel_layout const& layout, Mode mode) {
  detail::require_layout_sizes(layout, std::size(alpha), "prelu_backward",
                               {{std::size(x), "x"}, {std::size(dy), "dy"}, {std::size(dx), "dx"}});
  if (std::size(dalpha) != layout.channels) {
    detail::fail("prelu_backward", "dalpha.size() = ", std::size(dalpha),
                 " differs from layout.channels = ", layout.channels);
  }
  prelu_backward(std::data(alpha), std::data(x), std::data(dy), std::data(dx), std::data(dalpha),
                 layout, mode);
}

// Per-channel PReLU as one object, so that generic code reaches it through
// the free calls it makes for every function: actfn::forward(f, x, y) and
// actfn::backward(f, x, dy, dx, dalpha[, mode]) (pointers or ranges) run
// prelu_forward and prelu_backward with f's slopes and layout. The slopes are
// viewed, not copied (a training loop updates them in place): alpha must
// hold layout.channels values while f is used; they are checked (not null,
// finite) at each call.
template <class T, class Precision = accurate>
class channel_prelu {
 public:
  using value_type = T;
  using precision = Precision;

  channel_prelu(const T* alpha, channel_layout const& layout) : alpha_(alpha), layout_(layout) {}

  const T* alpha() const { return alpha_; }
  channel_layout const& layout() const { return layout_; }

  void forward(const T* x, T* y) const { prelu_forward(alpha_, x, y, layout_); }
  template <class In, class Out, detail::enable_for_ranges_of<T, In, Out> = 0>
  void forward(In const& xs, Out&& ys) const {
    detail::require_layout_sizes(layout_, layout_.channels, "prelu_forward",
                                 {{std::size(xs), "xs"}, {std::size(ys), "ys"}});
    forward(std::data(xs), std::data(ys));
  }

  void backward(const T* x, const T* dy, T* dx, T* dalpha) const {
    prelu_backward(alpha_, x, dy, dx, dalpha, layout_);
  }
  template <class Mode, detail::enable_for_mode<Mode, T> = 0>
  void backward(const T* x, const T* dy, T* dx, T* dalpha, Mode mode) const {
    prelu_backward(alpha_, x, dy, dx, dalpha, layout_, mode);
  }
  template <class In, class Grad, class GradOut, class AlphaGrad,
            detail::enable_for_ranges_of<T, In, Grad, GradOut, AlphaGrad> = 0>
  void backward(In const& xs, Grad const& dys, GradOut&& dxs, AlphaGrad&& dalphas) const {
    backward(xs, dys, dxs, dalphas, beta(T(0)));
  }
  template <class In, class Grad, class GradOut, class AlphaGrad, class Mode,
            detail::enable_for_ranges_of<T, In, Grad, GradOut, AlphaGrad> = 0,
            detail::enable_for_mode<Mode, T> = 0>
  void backward(In const& xs, Grad const& dys, GradOut&& dxs, AlphaGrad&& dalphas,
                Mode mode) const {
    detail::require_layout_sizes(
        layout_, layout_.channels, "prelu_backward",
        {{std::size(xs), "xs"}, {std::size(dys), "dys"}, {std::size(dxs), "dxs"}});
    if (std::size(dalphas) != layout_.channels) {
      detail::fail("prelu_backward", "dalphas.size() = ", std::size(dalphas),
                   " differs from layout.channels = ", layout_.channels);
    }
    backward(std::data(xs), std::data(dys), std::data(dxs), std::data(dalphas), mode);
  }

 private:
  const T* alpha_;
  channel_layout layout_;
};

template <class T, class Precision, class... Arguments>
auto forward(channel_prelu<T, Precision> const& f, Arguments&&... arguments)
    -> decltype(f.forward(std::forward<Arguments>(arguments)...)) {
  f.forward(std::forward<Arguments>(arguments)...);
}
template <class T, class Precision, class... Arguments>
auto backward(channel_prelu<T, Precision> const& f, Arguments&&... arguments)
    -> decltype(f.backward(std::forward<Arguments>(arguments)...)) {
  f.backward(std::forward<Arguments>(arguments)...);
}

// PReLU's backward also accumulates the gradient of its parameter:
// *dalpha += sum(dy[i] * min(x[i], 0)), with a compensated sum in T (good to
// about an ULP of the sum of magnitudes whatever n). mode (optional) is dx's,
// as for backward; dalpha is always added to.
template <class T, class Precision>
void backward(prelu<T, Precision> const& f, T const* x, T const* dy, T* dx, std::size_t n,
              T* dalpha) {
  backward(f, x, dy, dx, n, dalpha, beta(T(0)));
}
template <class T, class Precision, class Mode, detail::enable_for_mode<Mode, T> = 0>
void backward(prelu<T, Precision> const& f, T const* x, T const* dy, T* dx, std::size_t n,
              T* dalpha, Mode mode) {
  const T b = detail::beta_of<T>(mode, "backward");
  detail::require_buffers(n, "backward", {{x, "x"}, {dy, "dy"}, {dx, "dx"}});
  if (dalpha == nullptr) detail::fail("backward", "dalpha is null");
  const detail::kernel_environment environment;
  detail::prelu_backward_run(f.alpha(), x, dy, dx, n, dalpha, b);
}

template <class T, class Precision>
struct descriptor<prelu<T, Precision>> {
  static constexpr const char* name = "prelu";
  static constexpr summary formulas{"as leaky_relu", "as leaky_relu; ∂f/∂α = min(x, 0)",
                                    "f'(0) = α", ""};
  static constexpr double forward_rounding_ulp = 0.5;
  static constexpr std::array<const char*, 1> parameters{{"alpha"}};
  static constexpr std::array<std::array<double, 1>, 1> tested{{{0.25}}};
  static std::array<double, 1> values(prelu<T, Precision> const& f) {
    return {{double(f.alpha())}};
  }
  static constexpr int eigen_cost = 3;
};

ACTFN_NAMESPACE_END
