// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Gated activations, fused: each row of x holds 2 * half values, a (the
// first half) and b (the second, PyTorch's glu(dim=-1) order), and y = a *
// f(b) for an elementwise f. The gated feed-forward layers of transformers:
// GLU (Dauphin et al. 2017, f = sigmoid), and ReGLU, GeGLU and SwiGLU
// (Shazeer 2020; SwiGLU in LLaMA and Mistral, GeGLU in T5 v1.1 and Gemma).
#pragma once

#include "actfn/detail/namespace.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>

#include "actfn/array.hpp"
#include "actfn/backward_mode.hpp"
#include "actfn/descriptor.hpp"
#include "actfn/detail/batch_loop.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/fp_environment.hpp"
#include "actfn/functions/gelu_erf.hpp"
#include "actfn/functions/gelu_tanh.hpp"
#include "actfn/functions/relu.hpp"
#include "actfn/functions/sigmoid.hpp"
#include "actfn/functions/silu.hpp"
#include "actfn/storage_types.hpp"

ACTFN_NAMESPACE_BEGIN

template <class Activation>
class gated;

namespace detail {

// The name error messages give gated<Activation>: its descriptor's where it
// is one of the list's, "gated" otherwise.
template <class G, class = void>
struct gated_name {
  static constexpr const char* value = "gated";
};
template <class G>
struct gated_name<G, std::void_t<decltype(descriptor<G>::name)>> {
  static constexpr const char* value = descriptor<G>::name;
};

// y[i] = a[i] * f(b[i]) for i < n: f's result rounded once more.
template <class F, class T>
void gated_forward(F const& f, const T* a, const T* b, T* y, std::size_t n) {
  detail::transform(
      n, y, [&f](auto const& va, auto const& vb) { return va * f(vb); }, a, b);
}

// (dy * a) * s + addend with dy * a carried exactly as two words: one
// rounding of the product with FMA (two without), whatever the magnitudes.
// Where dy * a overflows its low word is not a number; the one-word product
// stands.
template <class V>
inline V times_exact_product(V const& dy, V const& a, V const& s, V const& addend) {
  using T = scalar_of_t<V>;
  const double_word<V> p = detail::two_product(dy, a);
  const V low =
      detail::select(detail::abs(p.high) == V(std::numeric_limits<T>::infinity()), V(0), p.low);
  return detail::multiply_add(p.high, s, detail::multiply_add(low, s, addend));
}

// da[i] = dy[i] * f(b[i]) and db[i] = dy[i] * a[i] * f'(b[i]), plus beta
// times what da and db hold where beta != 0, in one pass: f and f' of the
// same batch, inlined together, so that what they share is computed once.
template <class F, class T, std::enable_if_t<std::is_floating_point<T>::value, int> = 0>
void gated_backward(F const& f, const T* a, const T* b, const T* dy, T* da, T* db, std::size_t n,
                    T beta) {
  using batch = xsimd::batch<T>;
  if (beta == T(0)) {
    detail::for_each_batch(
        n, T(0),
        [&f, da, db](std::size_t i, std::size_t count, batch const& g, batch const& va,
                     batch const& vb) {
          detail::store_lanes(g * f(vb), da + i, count);
          detail::store_lanes(detail::times_exact_product(g, va, f.derivative(vb), batch(0)),
                              db + i, count);
        },
        dy, a, b);
    return;
  }
  const batch scale(beta);
  detail::for_each_batch(
      n, T(0),
      [&f, &scale, da, db](std::size_t i, std::size_t count, batch const& g, batch const& va,
                           batch const& vb, batch const& old_da, batch const& old_db) {
        detail::store_lanes(detail::multiply_add(g, f(vb), scale * old_da), da + i, count);
        detail::store_lanes(detail::times_exact_product(g, va, f.derivative(vb), scale * old_db),
                            db + i, count);
      },
      dy, a, b, static_cast<const T*>(da), static_cast<const T*>(db));
}

// The same over 16-bit storage buffers: a chunk at a time widened to float,
// the float loop above, its gradients rounded once to S.
template <class F, class S, std::enable_if_t<is_storage_type_v<S>, int> = 0>
void gated_backward(F const& f, const S* a, const S* b, const S* dy, S* da, S* db, std::size_t n,
                    float beta) {
  alignas(64) float wide[5][storage_chunk];
  for (std::size_t i = 0; i < n; i += storage_chunk) {
    const std::size_t m = std::min(storage_chunk, n - i);
    detail::widen(a + i, wide[0], m);
    detail::widen(b + i, wide[1], m);
    detail::widen(dy + i, wide[2], m);
    if (beta != 0) {
      detail::widen(da + i, wide[3], m);
      detail::widen(db + i, wide[4], m);
    }
    detail::gated_backward(f, wide[0], wide[1], wide[2], wide[3], wide[4], m, beta);
    detail::narrow(wide[3], da + i, m);
    detail::narrow(wide[4], db + i, m);
  }
}

// x_stride >= 2 * half (and 2 * half fits), where an x row holds a and b.
inline std::size_t require_gated_width(std::size_t half, std::size_t stride, const char* function,
                                       const char* name) {
  if (half > std::numeric_limits<std::size_t>::max() / 2) {
    detail::fail(function, "half = ", half, " overflows 2 * half");
  }
  if (stride < 2 * half) {
    detail::fail(function, name, "_stride = ", stride, " is less than 2 * half = ", 2 * half);
  }
  return 2 * half;
}

}  // namespace detail

// a * f(b) over rows of [a | b], for any elementwise functor f (its value
// type and precision tier are the gated function's); glu, reglu, geglu,
// geglu_tanh and swiglu below are the named ones.
//   forward(x, y, rows, half): x is rows x (2 half), row-major, and y gets
//   rows x half: y = a * f(b), in one pass. f(b) is rounded once more in the
//   product: |y - a f(b)| <= |a| * (f's bound) * ulp(f(b)) + ulp(y) / 2, with
//   f's bound its header's (0 for relu, which is exact).
//   backward(x, dy, dx, rows, half): dx is rows x (2 half): da = dy * f(b)
//   in dx's first half, db = dy * a * f'(b) in its second, in one pass; da
//   is rounded as y is, and db with dy * a carried exactly: |db - dy a f'(b)|
//   <= |dy a| * (f''s bound) * ulp(f'(b)) + ulp(db) / 2 (an ULP without FMA;
//   half the smallest subnormal more where |db| < 2^digits * the smallest
//   normal number, whose low word's product is subnormal; within 1e-3
//   relative of a zero of f', |dy a| times f''s absolute bound there instead
//   of the first term). Measured (float and double, both tiers, b over the
//   whole finite range, a and dy from 2^-30 to 2^30): y and da within 3.5
//   ULP, db within 5.4 with FMA and 7.4 without (x86-64 baseline), where
//   f(b) and f'(b) are normal numbers; every
//   element within the bounds above (test_gated.cpp). Mode (optional, last): actfn::accumulate or
//   actfn::beta(b'), dx = b' * dx + the gradient, one multiply_add more (as
//   every backward: backward_mode.hpp).
//   Strided: forward(x, x_stride, y, y_stride, rows, half) and
//   backward(x, x_stride, dy, dy_stride, dx, dx_stride, rows, half[, mode]),
//   rows that many elements apart (x_stride, dx_stride >= 2 half; y_stride,
//   dy_stride >= half). Ranges: one row, forward(xs, ys) with xs.size() =
//   2 ys.size(), backward(xs, dys, dxs[, mode]).
//   Special values: IEEE products of f's values: NaN in a or b gives NaN; 0
//   times an infinite f(b) (relu's, the GELUs' at +inf) and an infinite a
//   times f(b) = 0 give NaN; db is +-inf where dy * a overflows (as an
//   unfused dy * a * f'(b) is); half = 0 or rows = 0 is a no-op.
//   In place: y may be x with y_stride = x_stride (y over a), dx may be x
//   with dx_stride = x_stride (each element is read before it is written);
//   no other overlap.
template <class Activation>
class gated {
 public:
  using activation_type = Activation;
  using value_type = typename Activation::value_type;
  using precision = typename Activation::precision;

 private:
  // Storage types for a gated function of float; ranges of value_type or
  // of one storage type.
  template <class S>
  using enable_for_storage =
      std::enable_if_t<is_storage_type_v<S> && std::is_same<value_type, float>::value, int>;
  template <class... Ranges>
  using enable_for_ranges = std::enable_if_t<
      detail::takes_elements<true, Activation,
                             std::remove_const_t<detail::range_element_t<Ranges>>...>::value,
      int>;

 public:
  gated() = default;
  explicit gated(Activation const& f) : f_(f) {}
  // The activation's own parameters: swiglu<float>(1.5f) is SiLU with beta 1.5.
  template <class... Parameters,
            std::enable_if_t<(sizeof...(Parameters) > 0) &&
                                 std::is_constructible<Activation, Parameters...>::value,
                             int> = 0>
  explicit gated(Parameters... parameters) : f_(parameters...) {}

  Activation const& activation() const { return f_; }

  void forward(const value_type* x, value_type* y, std::size_t rows, std::size_t half) const {
    forward_rows(x, 2 * half, y, half, rows, half);
  }
  void forward(const value_type* x, std::size_t x_stride, value_type* y, std::size_t y_stride,
               std::size_t rows, std::size_t half) const {
    forward_rows(x, x_stride, y, y_stride, rows, half);
  }
  // mode (optional, last): actfn::accumulate or actfn::beta(b).
  template <class Mode = output_beta<value_type>, detail::enable_for_mode<Mode, value_type> = 0>
  void backward(const value_type* x, const value_type* dy, value_type* dx, std::size_t rows,
                std::size_t half, Mode mode = Mode{}) const {
    backward_rows(x, 2 * half, dy, half, dx, 2 * half, rows, half, mode);
  }
  template <class Mode = output_beta<value_type>, detail::enable_for_mode<Mode, value_type> = 0>
  void backward(const value_type* x, std::size_t x_stride, const value_type* dy,
                std::size_t dy_stride, value_type* dx, std::size_t dx_stride, std::size_t rows,
                std::size_t half, Mode mode = Mode{}) const {
    backward_rows(x, x_stride, dy, dy_stride, dx, dx_stride, rows, half, mode);
  }

  // The same over 16-bit storage buffers (storage_types.hpp), for a gated
  // function of float: computed in float, each result rounded once to S.
  template <class S, enable_for_storage<S> = 0>
  void forward(const S* x, S* y, std::size_t rows, std::size_t half) const {
    forward_rows(x, 2 * half, y, half, rows, half);
  }
  template <class S, enable_for_storage<S> = 0>
  void forward(const S* x, std::size_t x_stride, S* y, std::size_t y_stride, std::size_t rows,
               std::size_t half) const {
    forward_rows(x, x_stride, y, y_stride, rows, half);
  }
  template <class S, class Mode = output_beta<float>, enable_for_storage<S> = 0,
            detail::enable_for_mode<Mode, float> = 0>
  void backward(const S* x, const S* dy, S* dx, std::size_t rows, std::size_t half,
                Mode mode = Mode{}) const {
    backward_rows(x, 2 * half, dy, half, dx, 2 * half, rows, half, mode);
  }
  template <class S, class Mode = output_beta<float>, enable_for_storage<S> = 0,
            detail::enable_for_mode<Mode, float> = 0>
  void backward(const S* x, std::size_t x_stride, const S* dy, std::size_t dy_stride, S* dx,
                std::size_t dx_stride, std::size_t rows, std::size_t half,
                Mode mode = Mode{}) const {
    backward_rows(x, x_stride, dy, dy_stride, dx, dx_stride, rows, half, mode);
  }

  // Ranges (anything with data() and size()) of value_type or of a storage
  // type: one row.
  template <class In, class Out, enable_for_ranges<In, Out> = 0>
  void forward(In const& xs, Out&& ys) const {
    const std::size_t half =
        require_one_row(std::size(xs), std::size(ys), name(forward_call), "ys");
    forward(std::data(xs), std::data(ys), 1, half);
  }
  template <class In, class Grad, class GradOut, class Mode = output_beta<value_type>,
            enable_for_ranges<In, Grad, GradOut> = 0, detail::enable_for_mode<Mode, value_type> = 0>
  void backward(In const& xs, Grad const& dys, GradOut&& dxs, Mode mode = Mode{}) const {
    const char* function = name(backward_call);
    const std::size_t half = require_one_row(std::size(xs), std::size(dys), function, "dys");
    detail::require_same_size(std::size(xs), std::size(dxs), function, "xs", "dxs");
    backward(std::data(xs), std::data(dys), std::data(dxs), 1, half, mode);
  }

 private:
  template <class E>
  void forward_rows(const E* x, std::size_t x_stride, E* y, std::size_t y_stride, std::size_t rows,
                    std::size_t half) const {
    const char* function = name(forward_call);
    const std::size_t width = detail::require_gated_width(half, x_stride, function, "x");
    detail::require_rows(rows, width, function, {x, x_stride, "x"});
    detail::require_rows(rows, half, function, {y, y_stride, "y"});
    const detail::kernel_environment environment;
    for (std::size_t r = 0; r < rows; ++r) {
      const E* a = x + r * x_stride;
      detail::gated_forward(f_, a, a + half, y + r * y_stride, half);
    }
  }
  template <class E, class Mode>
  void backward_rows(const E* x, std::size_t x_stride, const E* dy, std::size_t dy_stride, E* dx,
                     std::size_t dx_stride, std::size_t rows, std::size_t half, Mode mode) const {
    const char* function = name(backward_call);
    const value_type b = detail::beta_of<value_type>(mode, function);
    const std::size_t width = detail::require_gated_width(half, x_stride, function, "x");
    detail::require_gated_width(half, dx_stride, function, "dx");
    detail::require_rows(rows, width, function, {x, x_stride, "x"});
    detail::require_rows(rows, half, function, {dy, dy_stride, "dy"});
    detail::require_rows(rows, width, function, {dx, dx_stride, "dx"});
    const detail::kernel_environment environment;
    for (std::size_t r = 0; r < rows; ++r) {
      const E* a = x + r * x_stride;
      E* da = dx + r * dx_stride;
      detail::gated_backward(f_, a, a + half, dy + r * dy_stride, da, da + half, half, b);
    }
  }

  enum call { forward_call, backward_call };
  static const char* name(call which) {
    // "glu::forward", built once per function.
    static const std::string names[2] = {
        std::string(detail::gated_name<gated>::value) + "::forward",
        std::string(detail::gated_name<gated>::value) + "::backward"};
    return names[which].c_str();
  }
  // A range of 2 half values and one of half: half.
  static std::size_t require_one_row(std::size_t inputs, std::size_t outputs, const char* function,
                                     const char* output) {
    if (inputs != 2 * outputs) {
      detail::fail(function, "xs holds ", inputs, " values, not twice ", output, "' ", outputs);
    }
    return outputs;
  }

  Activation f_{};
};

// The gated functions of the list, each a * f(b) with f the named functor
// (its bound: sigmoid's, gelu_erf's, ... in its header).
template <class T, class Precision = accurate>
using glu = gated<sigmoid<T, Precision>>;  // a * sigmoid(b)
template <class T, class Precision = accurate>
using reglu = gated<relu<T, Precision>>;  // a * max(0, b), exact but for the product's rounding
template <class T, class Precision = accurate>
using geglu = gated<gelu_erf<T, Precision>>;  // a * gelu(b), erf form
template <class T, class Precision = accurate>
using geglu_tanh = gated<gelu_tanh<T, Precision>>;  // a * gelu(b), tanh form
template <class T, class Precision = accurate>
using swiglu = gated<silu<T, Precision>>;  // a * b sigmoid(beta b), beta = 1 by default

// The free calls that generic code makes for a function of the list.
template <class Activation, class... Arguments>
auto forward(gated<Activation> const& f, Arguments&&... arguments)
    -> decltype(f.forward(std::forward<Arguments>(arguments)...)) {
  f.forward(std::forward<Arguments>(arguments)...);
}
template <class Activation, class... Arguments>
auto backward(gated<Activation> const& f, Arguments&&... arguments)
    -> decltype(f.backward(std::forward<Arguments>(arguments)...)) {
  f.backward(std::forward<Arguments>(arguments)...);
}

// Each gated function's descriptor: its name and its activation's, and the
// activation's parameters (swiglu's beta), tested sets and fast kernel.
#define ACTFN_DETAIL_GATED_DESCRIPTOR(function, functor)                                       \
  template <class T, class Precision>                                                          \
  struct descriptor<gated<functor<T, Precision>>> {                                            \
    using inner = descriptor<functor<T, Precision>>;                                           \
    static constexpr const char* name = #function;                                             \
    static constexpr const char* family = "gated";                                             \
    static constexpr const char* activation_name = #functor;                                   \
    static constexpr auto parameters = inner::parameters;                                      \
    static constexpr auto tested = inner::tested;                                              \
    static auto values(gated<functor<T, Precision>> const& f) {                                \
      return inner::values(f.activation());                                                    \
    }                                                                                          \
    static constexpr bool fast_kernel = detail::has_fast_kernel<functor<T, Precision>>::value; \
  };
ACTFN_DETAIL_GATED_DESCRIPTOR(glu, sigmoid)
ACTFN_DETAIL_GATED_DESCRIPTOR(reglu, relu)
ACTFN_DETAIL_GATED_DESCRIPTOR(geglu, gelu_erf)
ACTFN_DETAIL_GATED_DESCRIPTOR(geglu_tanh, gelu_tanh)
ACTFN_DETAIL_GATED_DESCRIPTOR(swiglu, silu)
#undef ACTFN_DETAIL_GATED_DESCRIPTOR

ACTFN_NAMESPACE_END
