// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// The architecture-specific parts, in one place: the few instructions that
// xsimd 8 lacks or gives with another meaning, each behind an overload that
// the generic lane operations (lanes.hpp) and two-word arithmetic
// (double_word.hpp) call without knowing the target. One section per
// architecture; the generic fallback of each operation comes first.
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>
#include <cstddef>
#include <type_traits>

// GCC 12 warns -Wuninitialized inside its own AVX-512 intrinsics whenever
// they are inlined (GCC bug 105593, fixed in GCC 13): silence it for the
// intrinsic headers that xsimd brings in, and only for them.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <xsimd/xsimd.hpp>
#pragma GCC diagnostic pop
#else
#include <xsimd/xsimd.hpp>
#endif

#if defined(__FMA__) || defined(__AVX512F__) || defined(__aarch64__) || \
    defined(__ARM_FEATURE_FMA) || defined(_M_ARM64)
#define ACTFN_HAS_FMA 1
#else
#define ACTFN_HAS_FMA 0
#endif

ACTFN_NAMESPACE_BEGIN
namespace detail {
namespace native {

// Which instruction set a batch's architecture A belongs to, false for the
// ones this compilation does not target.
#if defined(__AVX512F__)
template <class A>
inline constexpr bool is_avx512 = std::is_base_of<xsimd::avx512f, A>::value;
#else
template <class A>
inline constexpr bool is_avx512 = false;
#endif
#if defined(__AVX__)
template <class A>
inline constexpr bool is_avx = std::is_base_of<xsimd::avx, A>::value && !is_avx512<A>;
#else
template <class A>
inline constexpr bool is_avx = false;
#endif
#if defined(__SSE2__)
template <class A>
inline constexpr bool is_sse =
    std::is_base_of<xsimd::sse2, A>::value && !is_avx<A> && !is_avx512<A>;
#else
template <class A>
inline constexpr bool is_sse = false;
#endif
#if defined(__aarch64__)
template <class A>
inline constexpr bool is_neon64 = std::is_base_of<xsimd::neon64, A>::value;
#else
template <class A>
inline constexpr bool is_neon64 = false;
#endif

// Whether a float batch's halves convert to double in registers (else
// through memory, which costs more than the Dekker product they replace).
template <class A>
inline constexpr bool widens_in_registers = is_avx512<A> || is_avx<A> || is_sse<A>;

// ---- Generic: what xsimd gives, and a float batch's halves through memory.

// a * b + c with one rounding, where the target fuses.
template <class T, class A, std::enable_if_t<!is_avx512<A>, int> = 0>
inline xsimd::batch<T, A> fma(xsimd::batch<T, A> const& a, xsimd::batch<T, A> const& b,
                              xsimd::batch<T, A> const& c) {
  return xsimd::fma(a, b, c);
}

// a / b, correctly rounded.
template <class T, class A,
          std::enable_if_t<!(is_neon64<A> && std::is_same<T, float>::value), int> = 0>
inline xsimd::batch<T, A> divide(xsimd::batch<T, A> const& a, xsimd::batch<T, A> const& b) {
  return a / b;
}

// v * 2^n rounded once, where there is an instruction for it (has_scale);
// elsewhere only declared, and lanes.hpp's scale_by_power_of_2 takes its
// portable form instead.
template <class V>
inline constexpr bool has_scale = false;
template <class T, class A>
inline constexpr bool has_scale<xsimd::batch<T, A>> = is_avx512<A>;
template <class T, class A, std::enable_if_t<!is_avx512<A>, int> = 0>
xsimd::batch<T, A> scale(xsimd::batch<T, A> const& v, xsimd::batch<T, A> const& n);

// The lower and upper halves of a float batch's lanes as double batches, and
// back (each double rounded to float once).
template <class A, std::enable_if_t<!widens_in_registers<A>, int> = 0>
inline std::array<xsimd::batch<double, A>, 2> widen(xsimd::batch<float, A> const& x) {
  using wide = xsimd::batch<double, A>;
  static_assert(2 * wide::size == xsimd::batch<float, A>::size, "a double lane per two floats");
  alignas(A::alignment()) float narrow_lanes[2 * wide::size];
  alignas(A::alignment()) double wide_lanes[2 * wide::size];
  x.store_aligned(narrow_lanes);
  for (std::size_t i = 0; i < 2 * wide::size; ++i) wide_lanes[i] = narrow_lanes[i];
  return {{wide::load_aligned(wide_lanes), wide::load_aligned(wide_lanes + wide::size)}};
}
template <class A, std::enable_if_t<!widens_in_registers<A>, int> = 0>
inline xsimd::batch<float, A> narrow(xsimd::batch<double, A> const& low,
                                     xsimd::batch<double, A> const& high) {
  using wide = xsimd::batch<double, A>;
  alignas(A::alignment()) double wide_lanes[2 * wide::size];
  alignas(A::alignment()) float narrow_lanes[2 * wide::size];
  low.store_aligned(wide_lanes);
  high.store_aligned(wide_lanes + wide::size);
  for (std::size_t i = 0; i < 2 * wide::size; ++i) {
    narrow_lanes[i] = static_cast<float>(wide_lanes[i]);
  }
  return xsimd::batch<float, A>::load_aligned(narrow_lanes);
}

// x as it was rounded, hidden from the optimizer: with -ffp-contract=fast,
// clang fuses a product into a later addition even across inlined functions,
// which would skip the product's rounding that two-word arithmetic accounts
// for. An empty asm that takes and gives back the register costs nothing.
#if defined(__GNUC__) && defined(__aarch64__)
#define ACTFN_VECTOR_REGISTER "+w"
#elif defined(__GNUC__) && defined(__SSE2__)
#define ACTFN_VECTOR_REGISTER "+v"
#endif
template <class V>
inline V as_rounded(V const& x) {
#if defined(ACTFN_VECTOR_REGISTER)
  if constexpr (std::is_arithmetic<V>::value) {
    V copy = x;
    __asm__("" : ACTFN_VECTOR_REGISTER(copy));
    return copy;
  } else {
    typename V::register_type copy = x;
    __asm__("" : ACTFN_VECTOR_REGISTER(copy));
    return V(copy);
  }
#else
  return x;
#endif
}
#undef ACTFN_VECTOR_REGISTER

// ---- x86-64: AVX-512, AVX, SSE2.

#if defined(__AVX512F__)
// xsimd before 11 has no AVX-512 fma kernel and falls back to an unfused
// a*b + c, which would break the bit-identity with std::fma.
template <class T, class A, std::enable_if_t<is_avx512<A>, int> = 0>
inline xsimd::batch<T, A> fma(xsimd::batch<T, A> const& a, xsimd::batch<T, A> const& b,
                              xsimd::batch<T, A> const& c) {
  if constexpr (std::is_same<T, float>::value) {
    return _mm512_fmadd_ps(a, b, c);
  } else {
    return _mm512_fmadd_pd(a, b, c);
  }
}
// vscalef: v * 2^n in one instruction, rounded once.
template <class T, class A, std::enable_if_t<is_avx512<A>, int> = 0>
inline xsimd::batch<T, A> scale(xsimd::batch<T, A> const& v, xsimd::batch<T, A> const& n) {
  if constexpr (std::is_same<T, float>::value) {
    return _mm512_scalef_ps(v, n);
  } else {
    return _mm512_scalef_pd(v, n);
  }
}
template <class A, std::enable_if_t<is_avx512<A>, int> = 0>
inline std::array<xsimd::batch<double, A>, 2> widen(xsimd::batch<float, A> const& x) {
  const __m512 v = x;
  const __m256 upper = _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1));
  return {{_mm512_cvtps_pd(_mm512_castps512_ps256(v)), _mm512_cvtps_pd(upper)}};
}
template <class A, std::enable_if_t<is_avx512<A>, int> = 0>
inline xsimd::batch<float, A> narrow(xsimd::batch<double, A> const& low,
                                     xsimd::batch<double, A> const& high) {
  const __m256 low_half = _mm512_cvtpd_ps(low), high_half = _mm512_cvtpd_ps(high);
  return _mm512_castpd_ps(_mm512_insertf64x4(_mm512_castpd256_pd512(_mm256_castps_pd(low_half)),
                                             _mm256_castps_pd(high_half), 1));
}
#endif

#if defined(__AVX__)
template <class A, std::enable_if_t<is_avx<A>, int> = 0>
inline std::array<xsimd::batch<double, A>, 2> widen(xsimd::batch<float, A> const& x) {
  const __m256 v = x;
  return {
      {_mm256_cvtps_pd(_mm256_castps256_ps128(v)), _mm256_cvtps_pd(_mm256_extractf128_ps(v, 1))}};
}
template <class A, std::enable_if_t<is_avx<A>, int> = 0>
inline xsimd::batch<float, A> narrow(xsimd::batch<double, A> const& low,
                                     xsimd::batch<double, A> const& high) {
  return _mm256_insertf128_ps(_mm256_castps128_ps256(_mm256_cvtpd_ps(low)), _mm256_cvtpd_ps(high),
                              1);
}
#endif

#if defined(__SSE2__)
template <class A, std::enable_if_t<is_sse<A>, int> = 0>
inline std::array<xsimd::batch<double, A>, 2> widen(xsimd::batch<float, A> const& x) {
  const __m128 v = x;
  return {{_mm_cvtps_pd(v), _mm_cvtps_pd(_mm_movehl_ps(v, v))}};
}
template <class A, std::enable_if_t<is_sse<A>, int> = 0>
inline xsimd::batch<float, A> narrow(xsimd::batch<double, A> const& low,
                                     xsimd::batch<double, A> const& high) {
  return _mm_movelh_ps(_mm_cvtpd_ps(low), _mm_cvtpd_ps(high));
}
#endif

// ---- AArch64.

#if defined(__aarch64__)
// xsimd 8's neon64 float division is NEON's reciprocal estimate refined
// twice, an ULP off at times; AArch64 has the instruction.
template <class T, class A,
          std::enable_if_t<is_neon64<A> && std::is_same<T, float>::value, int> = 0>
inline xsimd::batch<T, A> divide(xsimd::batch<T, A> const& a, xsimd::batch<T, A> const& b) {
  return vdivq_f32(a, b);
}
#endif

}  // namespace native
}  // namespace detail
ACTFN_NAMESPACE_END
