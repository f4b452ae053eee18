// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors
#pragma once

#include "actfn/detail/namespace.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <type_traits>
#include <utility>

#include "actfn/descriptor.hpp"
#include "actfn/backward_mode.hpp"
#include "actfn/detail/batch_loop.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/detail/double_word.hpp"
#include "actfn/fp_environment.hpp"

ACTFN_NAMESPACE_BEGIN

// How maxout's n = units * k inputs form the units groups of k pieces.
enum class maxout_grouping {
  contiguous,  // group i = x[i*k], ..., x[i*k + k - 1] (Goodfellow et al. 2013)
  strided,     // group i = x[i], x[i + units], ..., x[i + (k - 1)*units]
};

namespace detail {

// One step of the running maximum of a group: piece v at position j against
// the best so far. The first maximum wins ties; the first NaN wins over
// everything and stays (so NaN in a group gives NaN, its gradient going to
// the NaN).
template <class V>
struct group_maximum {
  V best;
  V index;  // of the best piece within its group, as a value of the lane type
  void consider(V const& v, V const& j) {
    const auto keep = detail::is_nan(best);
    index = detail::select(keep, index, detail::select(v <= best, index, j));
    best = detail::select(keep, best, detail::select(v <= best, best, v));
  }
};

}  // namespace detail

// Maxout (Goodfellow et al. 2013): the maximum of each group of k pieces.
//   y_i   = max_j x[piece(i, j)], j = 0 .. k - 1 (see maxout_grouping)
//   dx    = dy_i at the group's first maximum, 0 at its other pieces
//           (b * dx + that with actfn::accumulate or actfn::beta(b) as
//           the last argument of backward; b = 0, the default, never reads dx)
//   1 <= k <= 2^24 (float) / 2^53 (double); n inputs give n / k outputs, and
//   n must be a multiple of k.
//   Exact (a maximum rounds nothing). NaN in a group gives NaN, and the
//   gradient goes to the first NaN; -inf and +inf are ordinary values.
//   argmax holds, for each group, the position in x of its winning piece, so
//   backward(argmax, dy, dx, n) can route the gradient without x.
//   The strided grouping runs a batch of groups at a time; the contiguous one
//   runs the same step in scalar code, with k = 2, 3, 4 as constants the
//   compiler can vectorise.
template <class T, class Precision = accurate>
class maxout {
 public:
  using value_type = T;
  using precision = Precision;

  explicit maxout(std::size_t k, maxout_grouping grouping = maxout_grouping::contiguous)
      : k_(k), grouping_(grouping) {
    // Positions within a group are tracked as values of T, exact up to 2^digits.
    const std::size_t most = std::size_t(1) << std::numeric_limits<T>::digits;
    if (k == 0 || k > most) {
      detail::fail("maxout", "k must be in [1, ", most, "], got ", k);
    }
  }

  std::size_t k() const { return k_; }
  maxout_grouping grouping() const { return grouping_; }

  // y[i] = max of group i, i < n / k.
  void forward(const T* x, T* y, std::size_t n) const {
    const std::size_t units = require(n, "maxout::forward", {{x, "x"}, {y, "y"}});
    const detail::kernel_environment environment;
    run(x, units, [y](std::size_t i, std::size_t count, auto const& group, auto const&) {
      store(group.best, y + i, count);
    });
  }

  // Also argmax[i] = the position in x of group i's maximum.
  void forward(const T* x, T* y, std::size_t* argmax, std::size_t n) const {
    const std::size_t units =
        require(n, "maxout::forward", {{x, "x"}, {y, "y"}, {argmax, "argmax"}});
    const detail::kernel_environment environment;
    run(x, units,
        [y, argmax](std::size_t i, std::size_t count, auto const& group, auto const& piece) {
          store(group.best, y + i, count);
          const auto index = index_lanes(group.index);
          for (std::size_t lane = 0; lane < count; ++lane) {
            argmax[i + lane] = piece(static_cast<std::size_t>(index[lane])) + lane;
          }
        });
  }

  // dx (n values) = dy[i] at each group's maximum, 0 elsewhere. mode
  // (optional, last): actfn::accumulate or actfn::beta(b), dx = b * dx +
  // that, one multiply_add (b = 0 never reads dx).
  void backward(const T* x, const T* dy, T* dx, std::size_t n) const {
    backward(x, dy, dx, n, beta(T(0)));
  }
  template <class Mode, detail::enable_for_mode<Mode, T> = 0>
  void backward(const T* x, const T* dy, T* dx, std::size_t n, Mode mode) const {
    const T b = detail::beta_of<T>(mode, "maxout::backward");
    const std::size_t units = require(n, "maxout::backward", {{x, "x"}, {dy, "dy"}, {dx, "dx"}});
    const detail::kernel_environment environment;
    // Two loops, so that the plain one stays a pure store the compiler can
    // vectorise across the contiguous groups.
    const auto route = [dy, dx](auto const& add) {
      return [dy, dx, &add](std::size_t i, std::size_t count, auto const& group,
                            auto const& piece) {
        using V = std::decay_t<decltype(group.best)>;
        const V gradient = load<V>(dy + i, count);
        for (std::size_t j = 0; j < piece.k; ++j) {
          T* out = dx + piece(j);
          const V routed = detail::select(group.index == V(static_cast<T>(j)), gradient, V(T(0)));
          store(add(routed, out, count), out, count);
        }
      };
    };
    if (b == T(0)) {
      run(x, units, route([](auto const& routed, T*, std::size_t) { return routed; }));
    } else {
      run(x, units, route([b](auto const& routed, T* out, std::size_t count) {
            using V = std::decay_t<decltype(routed)>;
            return detail::multiply_add(V(b), load<V>(out, count), routed);
          }));
    }
  }

  // The same from the argmax of forward: dx[argmax[i]] = dy[i], 0 elsewhere
  // (+ b * dx with a mode, the same bits as the x-based form). Every
  // argmax[i] must be a position of group i (checked before writing).
  void backward(const std::size_t* argmax, const T* dy, T* dx, std::size_t n) const {
    backward(argmax, dy, dx, n, beta(T(0)));
  }
  template <class Mode, detail::enable_for_mode<Mode, T> = 0>
  void backward(const std::size_t* argmax, const T* dy, T* dx, std::size_t n, Mode mode) const {
    const T b = detail::beta_of<T>(mode, "maxout::backward");
    const std::size_t units =
        require(n, "maxout::backward", {{argmax, "argmax"}, {dy, "dy"}, {dx, "dx"}});
    const detail::kernel_environment environment;
    for (std::size_t i = 0; i < units; ++i) {
      const std::size_t p = argmax[i];
      const bool in_group =
          grouping_ == maxout_grouping::strided ? p < n && p % units == i : p / k_ == i;
      if (!in_group) {
        detail::fail("maxout::backward", "argmax[", i, "] = ", p, " is not a position of group ",
                     i);
      }
    }
    if (b == T(0)) {
      std::fill(dx, dx + n, T(0));
      for (std::size_t i = 0; i < units; ++i) dx[argmax[i]] = dy[i];
      return;
    }
    // The same sums as the x-based backward: routed gradient + b * dx.
    for (std::size_t i = 0; i < units; ++i) {
      const piece_of_group<std::size_t> piece{k_, i, units, grouping_ == maxout_grouping::strided};
      for (std::size_t j = 0; j < k_; ++j) {
        T& out = dx[piece(j)];
        out = detail::multiply_add(b, out, piece(j) == argmax[i] ? dy[i] : T(0));
      }
    }
  }

  // Ranges (anything with data() and size()).
  template <class In, class Out, detail::enable_for_ranges_of<T, In, Out> = 0>
  void forward(In const& xs, Out&& ys) const {
    require_output_size(std::size(xs), std::size(ys), "maxout::forward", "ys");
    forward(std::data(xs), std::data(ys), std::size(xs));
  }
  template <class In, class Grad, class GradOut,
            detail::enable_for_ranges_of<T, In, Grad, GradOut> = 0>
  void backward(In const& xs, Grad const& dys, GradOut&& dxs) const {
    backward(xs, dys, dxs, beta(T(0)));
  }
  template <class In, class Grad, class GradOut, class Mode,
            detail::enable_for_ranges_of<T, In, Grad, GradOut> = 0,
            detail::enable_for_mode<Mode, T> = 0>
  void backward(In const& xs, Grad const& dys, GradOut&& dxs, Mode mode) const {
    require_output_size(std::size(xs), std::size(dys), "maxout::backward", "dys");
    detail::require_same_size(std::size(xs), std::size(dxs), "maxout::backward", "xs", "dxs");
    backward(std::data(xs), std::data(dys), std::data(dxs), std::size(xs), mode);
  }

 private:
  // Checks the buffers and that k divides n; returns the number of groups.
  std::size_t require(std::size_t n, const char* function,
                      std::initializer_list<detail::named_buffer> buffers) const {
    if (n % k_ != 0) detail::fail(function, "n = ", n, " is not a multiple of k = ", k_);
    detail::require_buffers(n, function, buffers);
    return n / k_;
  }

  void require_output_size(std::size_t n, std::size_t outputs, const char* function,
                           const char* name) const {
    if (n % k_ == 0 && outputs != n / k_) {
      detail::fail(function, name, ".size() = ", outputs, " differs from xs.size() / k = ", n / k_);
    }
  }

  // Where piece j of group i is in x (for the strided grouping, the batch of
  // groups from i on); K is std::size_t, or a std::integral_constant for the
  // small k that the contiguous loop specialises.
  template <class K>
  struct piece_of_group {
    K k;
    std::size_t group;
    std::size_t units;
    bool strided;
    std::size_t operator()(std::size_t j) const {
      return strided ? j * units + group : group * k + j;
    }
  };

  // Calls visit(i, count, group_maximum, piece_of_group) for groups i .. i +
  // count - 1: a batch of groups at a time for the strided grouping; one group
  // (count = 1, scalar lanes) at a time for the contiguous one, where a
  // compile-time k of 2, 3 or 4 lets the compiler vectorise across groups.
  template <class Visit>
  void run(const T* x, std::size_t units, Visit&& visit) const {
    if (grouping_ == maxout_grouping::strided) {
      using batch = xsimd::batch<T>;
      for (std::size_t i = 0; i < units; i += batch::size) {
        const std::size_t count = std::min(batch::size, units - i);
        detail::group_maximum<batch> group{load<batch>(x + i, count), batch(T(0))};
        for (std::size_t j = 1; j < k_; ++j) {
          group.consider(load<batch>(x + j * units + i, count), batch(static_cast<T>(j)));
        }
        visit(i, count, group, piece_of_group<std::size_t>{k_, i, units, true});
      }
      return;
    }
    const auto contiguous = [&](auto k) {
      for (std::size_t i = 0; i < units; ++i) {
        const T* pieces = x + i * k;
        detail::group_maximum<T> group{pieces[0], T(0)};
        for (std::size_t j = 1; j < k; ++j) group.consider(pieces[j], static_cast<T>(j));
        visit(i, 1, group, piece_of_group<decltype(k)>{k, i, units, false});
      }
    };
    switch (k_) {
      case 2:
        return contiguous(std::integral_constant<std::size_t, 2>{});
      case 3:
        return contiguous(std::integral_constant<std::size_t, 3>{});
      case 4:
        return contiguous(std::integral_constant<std::size_t, 4>{});
      default:
        return contiguous(k_);
    }
  }

  // count elements at source as V: a batch, or the one scalar.
  template <class V>
  static V load(const T* source, std::size_t count) {
    if constexpr (std::is_same<V, T>::value) {
      return *source;
    } else {
      return detail::load_lanes(source, count, T(0));
    }
  }
  static void store(xsimd::batch<T> const& v, T* out, std::size_t count) {
    detail::store_lanes(v, out, count);
  }
  static void store(T v, T* out, std::size_t) { *out = v; }
  static std::array<T, xsimd::batch<T>::size> index_lanes(xsimd::batch<T> const& v) {
    return detail::lanes_of(v);
  }
  static std::array<T, 1> index_lanes(T v) { return {v}; }

  std::size_t k_;
  maxout_grouping grouping_;
};

// The free calls that generic code makes for any function of the list
// (array.hpp has the elementwise ones): actfn::forward(f, ...) and
// actfn::backward(f, ...), with the members' arguments ((x, y, n),
// (x, y, argmax, n), (x or argmax, dy, dx, n), ranges, a mode last).
template <class T, class Precision, class... Arguments>
auto forward(maxout<T, Precision> const& f, Arguments&&... arguments)
    -> decltype(f.forward(std::forward<Arguments>(arguments)...)) {
  f.forward(std::forward<Arguments>(arguments)...);
}
template <class T, class Precision, class... Arguments>
auto backward(maxout<T, Precision> const& f, Arguments&&... arguments)
    -> decltype(f.backward(std::forward<Arguments>(arguments)...)) {
  f.backward(std::forward<Arguments>(arguments)...);
}

template <class T, class Precision>
struct descriptor<maxout<T, Precision>> {
  static constexpr const char* name = "maxout";
};

ACTFN_NAMESPACE_END
