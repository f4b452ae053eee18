// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The one loop over contiguous buffers that every array kernel shares: full
// batches are loaded from memory, and the last n % width elements go through
// the same batch code from a padded copy, so an element's result depends
// neither on n, on its position, nor on alignment.
#pragma once

#include "actfn/detail/namespace.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "actfn/detail/double_word.hpp"
#include "actfn/storage_types.hpp"

ACTFN_NAMESPACE_BEGIN
namespace detail {

// The count (<= width) elements at source as a batch; lanes past count hold
// `padding`.
template <class T>
inline xsimd::batch<T> load_lanes(const T* source, std::size_t count, T padding) {
  using batch = xsimd::batch<T>;
  if (count == batch::size) return batch::load_unaligned(source);
  std::array<T, batch::size> copy;
  copy.fill(padding);
  std::copy(source, source + count, copy.begin());
  return batch::load_unaligned(copy.data());
}

// Calls body(offset, count, batch(in + offset)...) for every run of width
// elements in [0, n); the last run may be shorter (count < width), and its
// batches are loaded from copies whose missing lanes hold `padding`. Reductions
// choose a padding that leaves them unchanged (-inf for a max, say).
template <class T, class Body, class... Inputs>
inline void for_each_batch(std::size_t n, T padding, Body&& body, const Inputs*... in) {
  using batch = xsimd::batch<T>;
  constexpr std::size_t width = batch::size;
  std::size_t i = 0;
  for (; i + width <= n; i += width) body(i, width, batch::load_unaligned(in + i)...);
  if (i < n) body(i, n - i, detail::load_lanes(in + i, n - i, padding)...);
}

// Stores the first count lanes of v at out.
template <class T, class A>
inline void store_lanes(xsimd::batch<T, A> const& v, T* out, std::size_t count) {
  if (count == xsimd::batch<T, A>::size) {
    v.store_unaligned(out);
    return;
  }
  std::array<T, xsimd::batch<T, A>::size> lanes;
  v.store_unaligned(lanes.data());
  std::copy(lanes.begin(), lanes.begin() + count, out);
}

// Outputs at least this large are written with non-temporal stores, which
// skip the cache and the read of each line before it is written (the bench's
// n = 2^24 rows against its copy row show the effect); an output this large
// would have been evicted before anyone read it anyway.
constexpr std::size_t streaming_threshold_bytes = std::size_t(16) << 20;

// Stores v at out, which must be aligned to the batch, bypassing the cache
// where the architecture has a streaming store. Callers finish with
// finish_streaming().
template <class T, class A>
inline void store_streaming(xsimd::batch<T, A> const& v, T* out) {
#if defined(__AVX512F__)
  if constexpr (std::is_base_of<xsimd::avx512f, A>::value) {
    if constexpr (std::is_same<T, float>::value) {
      return _mm512_stream_ps(out, v);
    } else {
      return _mm512_stream_pd(out, v);
    }
  }
#endif
#if defined(__AVX__)
  if constexpr (std::is_base_of<xsimd::avx, A>::value) {
    if constexpr (std::is_same<T, float>::value) {
      return _mm256_stream_ps(out, v);
    } else {
      return _mm256_stream_pd(out, v);
    }
  }
#endif
  v.store_aligned(out);
}

// Orders the streaming stores before any later store (x86 streaming stores
// are weakly ordered), so that another thread that sees a later write sees
// them too.
inline void finish_streaming() {
#if defined(__SSE__) || defined(_M_X64)
  _mm_sfence();
#endif
}

// out[i] = kernel(in[i]...) for i < n, out's lines cached.
template <class T, class Kernel, class... Inputs>
inline void transform_cached(std::size_t n, T* out, Kernel&& kernel, const Inputs*... in) {
  detail::for_each_batch(
      n, T(0),
      [out, &kernel](std::size_t i, std::size_t count, auto const&... v) {
        detail::store_lanes(kernel(v...), out + i, count);
      },
      in...);
}

// out[i] = kernel(in[i]...) for i < n. In place (out equal to an input) is fine.
// Large outputs are streamed (see streaming_threshold_bytes): the elements
// before out's first batch-aligned address and after its last full batch go
// through the cached loop, the rest straight to memory. Each element's bits
// are the same either way.
template <class T, class Kernel, class... Inputs,
          std::enable_if_t<std::is_floating_point<T>::value, int> = 0>
inline void transform(std::size_t n, T* out, Kernel&& kernel, const Inputs*... in) {
  using batch = xsimd::batch<T>;
  if (n * sizeof(T) < streaming_threshold_bytes) {
    detail::transform_cached(n, out, kernel, in...);
    return;
  }
  constexpr std::size_t alignment = batch::size * sizeof(T);
  const std::size_t misaligned = reinterpret_cast<std::uintptr_t>(out) % alignment;
  const std::size_t head = misaligned == 0 ? 0 : (alignment - misaligned) / sizeof(T);
  detail::transform_cached(head, out, kernel, in...);
  std::size_t i = head;
  for (; i + batch::size <= n; i += batch::size) {
    detail::store_streaming(kernel(batch::load_unaligned(in + i)...), out + i);
  }
  detail::transform_cached(n - i, out + i, kernel, (in + i)...);
  detail::finish_streaming();
}

// The type a buffer's elements are computed in: float for the 16-bit
// storage types (storage_types.hpp), the type itself otherwise.
template <class T>
struct computed_in {
  using type = T;
};
template <>
struct computed_in<bfloat16> {
  using type = float;
};
template <>
struct computed_in<float16> {
  using type = float;
};
template <class T>
using computed_in_t = typename computed_in<T>::type;

// Elements converted a chunk at a time, on the stack: small enough to stay
// in the L1 cache with the float kernel's buffers, large enough that a
// chunk's loop overhead does not show.
constexpr std::size_t storage_chunk = 256;

template <class S, class Kernel, class... Inputs, std::size_t... I>
inline void transform_storage(std::index_sequence<I...>, std::size_t n, S* out, Kernel& kernel,
                              const Inputs*... in) {
  alignas(64) float widened[sizeof...(Inputs) + 1][storage_chunk];
  float* result = widened[sizeof...(Inputs)];
  for (std::size_t i = 0; i < n; i += storage_chunk) {
    const std::size_t m = std::min(storage_chunk, n - i);
    (detail::widen(in + i, widened[I], m), ...);
    detail::transform_cached(m, result, kernel, static_cast<const float*>(widened[I])...);
    detail::narrow(result, out + i, m);
  }
}

// out[i] = kernel(in[i]...) over 16-bit buffers (all of out's type): the
// inputs widened to float a chunk at a time, the float kernel run over the
// chunk, and its results rounded once to out's type; each element gets the
// float kernel's bits for its widened inputs, rounded. In place is fine.
template <class S, class Kernel, class... Inputs, std::enable_if_t<is_storage_type_v<S>, int> = 0>
inline void transform(std::size_t n, S* out, Kernel&& kernel, const Inputs*... in) {
  static_assert(std::conjunction<std::is_same<Inputs, S>...>::value, "one storage type");
  detail::transform_storage(std::index_sequence_for<Inputs...>{}, n, out, kernel, in...);
}

// The lanes of v, in order, for reductions that finish in scalar code.
template <class T, class A>
inline std::array<T, xsimd::batch<T, A>::size> lanes_of(xsimd::batch<T, A> const& v) {
  std::array<T, xsimd::batch<T, A>::size> lanes;
  v.store_unaligned(lanes.data());
  return lanes;
}

// The lanes of a compensated sum added up into high + low: high is the
// total rounded, low about what the rounding left out. The lanes are paired
// in a tree (log2(width) rounds of independent two-sums), so that this once
// per reduction step stays short next to a row of a few hundred elements.
template <class T, class A>
inline double_word<T> total(compensated_sum<xsimd::batch<T, A>> const& sum) {
  auto high = detail::lanes_of(sum.sum());
  auto low = detail::lanes_of(sum.correction());
  for (std::size_t half = high.size() / 2; half > 0; half /= 2) {
    for (std::size_t i = 0; i < half; ++i) {
      const double_word<T> pair = detail::two_sum(high[i], high[i + half]);
      high[i] = pair.high;
      low[i] = (low[i] + low[i + half]) + pair.low;
    }
  }
  // An infinite or NaN total is the plain sum's: the corrections of an
  // overflowed term are inf - inf, which would turn +-inf into NaN.
  if (!std::isfinite(high[0])) return {high[0], T(0)};
  return {high[0], low[0]};
}

// The elementwise backward's store: dx[i] = dy[i] * slope(in[i]...), or
// dy[i] * slope(in[i]...) + beta * dx[i] where beta != 0 (one multiply_add:
// rounded once where beta = 1 and the target has FMA). slope runs once per
// element either way.
template <class T, class Slope, class... Inputs>
void store_gradient(std::size_t n, T* dx, computed_in_t<T> beta, Slope&& slope, const T* dy,
                    const Inputs*... in) {
  if (beta == 0) {
    detail::transform(
        n, dx, [&slope](auto const& g, auto const&... v) { return g * slope(v...); }, dy, in...);
    return;
  }
  detail::transform(
      n, dx,
      [&slope, beta](auto const& old, auto const& g, auto const&... v) {
        using V = std::decay_t<decltype(g)>;
        return detail::multiply_add(g, slope(v...), V(beta) * old);
      },
      static_cast<const T*>(dx), dy, in...);
}

// The row functions' store (softmax, log_softmax): out[i] = value(in[i]...),
// or beta * out[i] + value(in[i]...) where beta != 0 (one multiply_add, so
// that contraction cannot change it: one rounding more with FMA, two without).
template <class T, class Value, class... Inputs>
void store_with_beta(std::size_t n, T* out, T beta, Value&& value, const Inputs*... in) {
  if (beta == T(0)) {
    detail::transform(n, out, value, in...);
    return;
  }
  detail::transform(
      n, out,
      [&value, beta](auto const& old, auto const&... v) {
        using V = std::decay_t<decltype(old)>;
        return detail::multiply_add(V(beta), old, value(v...));
      },
      static_cast<const T*>(out), in...);
}

}  // namespace detail
ACTFN_NAMESPACE_END
