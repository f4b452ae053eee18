// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// 16-bit storage types: actfn::bfloat16 (1 sign bit, float's 8 exponent
// bits, 7 fraction bits) and actfn::float16 (IEEE 754 binary16: 5 exponent
// bits, 10 fraction bits), for buffers that actfn's array, softmax and gated
// calls read and write while computing in float. They are storage, not
// arithmetic types: conversions to and from float are explicit, and there
// are no operators.
//
// float -> 16 bits rounds to nearest, ties to even, whatever the rounding
// mode: subnormal results included (bfloat16 has float's subnormals;
// float16's smallest is 2^-24), values beyond the largest finite one by half
// an ULP or more become +-inf, NaN stays NaN (quiet, with the upper payload
// bits), -0 stays -0. 16 bits -> float is exact. Both are integer
// arithmetic, scalar and SIMD alike, so that both give the same bits; where
// the target has an instruction that rounds the same way it is used instead
// (F16C and AVX-512F's vcvtps2ph / vcvtph2ps, AArch64's fcvtn / fcvtl).
// AVX-512 BF16's vcvtneps2bf16 is not: it flushes subnormal inputs and
// results to zero (it ignores MXCSR), which rounding to nearest does not
// allow, and the integer rounding it would replace is four operations.
#pragma once

#include "actfn/detail/namespace.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "actfn/detail/native.hpp"

#if defined(__aarch64__) || defined(_M_ARM64)
#include <arm_neon.h>
#endif

ACTFN_NAMESPACE_BEGIN

namespace detail {

inline std::uint32_t bits_of(float value) {
  std::uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}
inline float float_of(std::uint32_t bits) {
  float value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// float -> bfloat16: the upper 16 bits rounded to nearest even by adding
// 0x7fff plus the lowest kept bit (a carry into the exponent is the right
// result, up to +-inf); NaN keeps its upper bits, made quiet.
inline std::uint16_t bfloat16_bits(float value) {
  const std::uint32_t u = detail::bits_of(value);
  if ((u & 0x7fffffffu) > 0x7f800000u) return static_cast<std::uint16_t>((u >> 16) | 0x40u);
  return static_cast<std::uint16_t>((u + 0x7fffu + ((u >> 16) & 1u)) >> 16);
}
inline float from_bfloat16_bits(std::uint16_t bits) {
  return detail::float_of(static_cast<std::uint32_t>(bits) << 16);
}

// float -> binary16, rounded to nearest even at the 10 fraction bits of a
// normal result, or at multiples of 2^-24 below 2^-14.
inline std::uint16_t float16_bits(float value) {
  const std::uint32_t u = detail::bits_of(value);
  const std::uint32_t sign = (u >> 16) & 0x8000u;
  const std::uint32_t magnitude = u & 0x7fffffffu;
  std::uint32_t result;
  if (magnitude > 0x7f800000u) {  // NaN: quiet, the upper payload bits kept
    result = 0x7e00u | ((magnitude >> 13) & 0x3ffu);
  } else if (magnitude >= 0x477ff000u) {  // 65520 and up round to inf
    result = 0x7c00u;
  } else if (magnitude >= 0x38800000u) {                     // 2^-14 and up: a normal binary16
    const std::uint32_t rebiased = magnitude - 0x38000000u;  // exponent bias 127 -> 15
    result = (rebiased + 0xfffu + ((rebiased >> 13) & 1u)) >> 13;
  } else {  // a multiple of 2^-24, rounded: the significand shifted right
    const std::uint32_t exponent = magnitude >> 23;
    const std::uint32_t significand = (magnitude & 0x7fffffu) | (exponent ? 0x800000u : 0u);
    const std::uint32_t shift = exponent < 100 ? 31u : 126u - exponent;  // >= 14
    const std::uint32_t kept = significand >> shift;
    const std::uint32_t rest = significand & ((1u << shift) - 1u);
    const std::uint32_t halfway = 1u << (shift - 1u);
    result = kept + (rest > halfway || (rest == halfway && (kept & 1u)));
  }
  return static_cast<std::uint16_t>(sign | result);
}
inline float from_float16_bits(std::uint16_t bits) {
  const std::uint32_t sign = static_cast<std::uint32_t>(bits & 0x8000u) << 16;
  const std::uint32_t exponent = (bits >> 10) & 0x1fu;
  const std::uint32_t fraction = bits & 0x3ffu;
  if (exponent == 0x1f) {  // inf, or NaN made quiet
    return detail::float_of(sign | 0x7f800000u | (fraction << 13) | (fraction ? 0x400000u : 0u));
  }
  if (exponent != 0) return detail::float_of(sign | ((exponent + 112u) << 23) | (fraction << 13));
  // Zero or subnormal: fraction * 2^-24, exact in float.
  const float magnitude = static_cast<float>(fraction) * 0x1p-24f;
  return detail::float_of(sign | detail::bits_of(magnitude));
}

}  // namespace detail

// The trait that lets a type of the same format construct an actfn storage
// type (actfn/eigen.hpp sets it for Eigen::bfloat16 and Eigen::half).
template <class Storage, class Other>
struct same_format : std::false_type {};

#define ACTFN_DETAIL_STORAGE_TYPE(name, to_bits, from_bits)                            \
  class name {                                                                         \
   public:                                                                             \
    name() = default;                                                                  \
    explicit name(float value) : bits_(detail::to_bits(value)) {}                      \
    template <class Other, std::enable_if_t<same_format<name, Other>::value, int> = 0> \
    explicit name(Other const& other) {                                                \
      static_assert(sizeof(Other) == sizeof(name), "the same 16 bits");                \
      std::memcpy(&bits_, &other, sizeof bits_);                                       \
    }                                                                                  \
    explicit operator float() const { return detail::from_bits(bits_); }               \
    static name from_bits_of(std::uint16_t bits) {                                     \
      name value;                                                                      \
      value.bits_ = bits;                                                              \
      return value;                                                                    \
    }                                                                                  \
    std::uint16_t bits() const { return bits_; }                                       \
                                                                                       \
   private:                                                                            \
    std::uint16_t bits_;                                                               \
  };

// bfloat16: float's range at 8 significant bits (Google Brain's format).
ACTFN_DETAIL_STORAGE_TYPE(bfloat16, bfloat16_bits, from_bfloat16_bits)
// float16: IEEE 754 binary16, largest finite 65504, smallest subnormal 2^-24.
ACTFN_DETAIL_STORAGE_TYPE(float16, float16_bits, from_float16_bits)
#undef ACTFN_DETAIL_STORAGE_TYPE

static_assert(sizeof(bfloat16) == 2 && std::is_trivially_copyable<bfloat16>::value, "16 bits");
static_assert(sizeof(float16) == 2 && std::is_trivially_copyable<float16>::value, "16 bits");

template <class T>
inline constexpr bool is_storage_type_v =
    std::is_same<T, bfloat16>::value || std::is_same<T, float16>::value;

namespace detail {

// Converts n values between a 16-bit buffer and floats, in SIMD where the
// target has the instructions, the rest (and other targets) one at a time:
// the same bits either way. Not inlined: one call converts a chunk of a
// few hundred values, and inlined into a caller whose buffer GCC knows to be
// small, the SIMD loop (which then never runs) draws -Warray-bounds.
#if defined(__GNUC__)
#define ACTFN_DETAIL_NOINLINE __attribute__((noinline))
#elif defined(_MSC_VER)
#define ACTFN_DETAIL_NOINLINE __declspec(noinline)
#else
#define ACTFN_DETAIL_NOINLINE
#endif
ACTFN_DETAIL_NOINLINE inline void widen(const bfloat16* in, float* out, std::size_t n) {
  std::size_t i = 0;
#if defined(__AVX512F__)
  for (; i + 16 <= n; i += 16) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + i));
    _mm512_storeu_si512(out + i, _mm512_slli_epi32(_mm512_cvtepu16_epi32(v), 16));
  }
#elif defined(__SSE2__) || defined(_M_X64)
  const __m128i zero = _mm_setzero_si128();
  for (; i + 8 <= n; i += 8) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm_unpacklo_epi16(zero, v));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i + 4), _mm_unpackhi_epi16(zero, v));
  }
#elif defined(__aarch64__) || defined(_M_ARM64)
  for (; i + 4 <= n; i += 4) {
    const uint16x4_t v = vld1_u16(reinterpret_cast<const std::uint16_t*>(in + i));
    vst1q_u32(reinterpret_cast<std::uint32_t*>(out + i), vshll_n_u16(v, 16));
  }
#endif
  for (; i < n; ++i) out[i] = static_cast<float>(in[i]);
}

ACTFN_DETAIL_NOINLINE inline void narrow(const float* in, bfloat16* out, std::size_t n) {
  std::size_t i = 0;
#if defined(__AVX512F__)
  const __m512i magnitude_mask = _mm512_set1_epi32(0x7fffffff);
  const __m512i infinity = _mm512_set1_epi32(0x7f800000);
  for (; i + 16 <= n; i += 16) {
    const __m512i u = _mm512_loadu_si512(in + i);
    const __m512i odd = _mm512_and_si512(_mm512_srli_epi32(u, 16), _mm512_set1_epi32(1));
    const __m512i rounded = _mm512_add_epi32(_mm512_add_epi32(u, _mm512_set1_epi32(0x7fff)), odd);
    const __mmask16 nan = _mm512_cmpgt_epi32_mask(_mm512_and_si512(u, magnitude_mask), infinity);
    const __m512i quiet = _mm512_or_si512(u, _mm512_set1_epi32(0x400000));
    const __m512i high = _mm512_srli_epi32(_mm512_mask_blend_epi32(nan, rounded, quiet), 16);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + i), _mm512_cvtepi32_epi16(high));
  }
#elif defined(__SSE2__) || defined(_M_X64)
  const __m128i magnitude_mask = _mm_set1_epi32(0x7fffffff);
  const __m128i infinity = _mm_set1_epi32(0x7f800000);
  const auto round = [&](__m128i u) {
    const __m128i odd = _mm_and_si128(_mm_srli_epi32(u, 16), _mm_set1_epi32(1));
    const __m128i rounded = _mm_add_epi32(_mm_add_epi32(u, _mm_set1_epi32(0x7fff)), odd);
    const __m128i nan = _mm_cmpgt_epi32(_mm_and_si128(u, magnitude_mask), infinity);
    const __m128i quiet = _mm_or_si128(u, _mm_set1_epi32(0x400000));
    const __m128i chosen = _mm_or_si128(_mm_and_si128(nan, quiet), _mm_andnot_si128(nan, rounded));
    return _mm_srai_epi32(chosen, 16);  // the 16 bits sign-extended, for packs_epi32
  };
  for (; i + 8 <= n; i += 8) {
    const __m128i low = round(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i)));
    const __m128i high = round(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i + 4)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm_packs_epi32(low, high));
  }
#elif defined(__aarch64__) || defined(_M_ARM64)
  for (; i + 4 <= n; i += 4) {
    const uint32x4_t u = vld1q_u32(reinterpret_cast<const std::uint32_t*>(in + i));
    const uint32x4_t odd = vandq_u32(vshrq_n_u32(u, 16), vdupq_n_u32(1));
    const uint32x4_t rounded = vaddq_u32(vaddq_u32(u, vdupq_n_u32(0x7fff)), odd);
    const uint32x4_t nan =
        vcgtq_u32(vandq_u32(u, vdupq_n_u32(0x7fffffff)), vdupq_n_u32(0x7f800000));
    const uint32x4_t chosen = vbslq_u32(nan, vorrq_u32(u, vdupq_n_u32(0x400000)), rounded);
    vst1_u16(reinterpret_cast<std::uint16_t*>(out + i), vshrn_n_u32(chosen, 16));
  }
#endif
  for (; i < n; ++i) out[i] = bfloat16(in[i]);
}

ACTFN_DETAIL_NOINLINE inline void widen(const float16* in, float* out, std::size_t n) {
  std::size_t i = 0;
#if defined(__AVX512F__)
  for (; i + 16 <= n; i += 16) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + i));
    _mm512_storeu_ps(out + i, _mm512_cvtph_ps(v));
  }
#elif defined(__F16C__)
  for (; i + 8 <= n; i += 8) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
    _mm256_storeu_ps(out + i, _mm256_cvtph_ps(v));
  }
#elif defined(__aarch64__) || defined(_M_ARM64)
  for (; i + 4 <= n; i += 4) {
    const float16x4_t v =
        vreinterpret_f16_u16(vld1_u16(reinterpret_cast<const std::uint16_t*>(in + i)));
    vst1q_f32(out + i, vcvt_f32_f16(v));
  }
#endif
  for (; i < n; ++i) out[i] = static_cast<float>(in[i]);
}

ACTFN_DETAIL_NOINLINE inline void narrow(const float* in, float16* out, std::size_t n) {
  std::size_t i = 0;
#if defined(__AVX512F__)
  for (; i + 16 <= n; i += 16) {
    const __m256i v =
        _mm512_cvtps_ph(_mm512_loadu_ps(in + i), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + i), v);
  }
#elif defined(__F16C__)
  for (; i + 8 <= n; i += 8) {
    const __m128i v =
        _mm256_cvtps_ph(_mm256_loadu_ps(in + i), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), v);
  }
#elif defined(__aarch64__) || defined(_M_ARM64)
  for (; i + 4 <= n; i += 4) {
    const float16x4_t v = vcvt_f16_f32(vld1q_f32(in + i));
    vst1_u16(reinterpret_cast<std::uint16_t*>(out + i), vreinterpret_u16_f16(v));
  }
#endif
  for (; i < n; ++i) out[i] = float16(in[i]);
}

#undef ACTFN_DETAIL_NOINLINE

}  // namespace detail
ACTFN_NAMESPACE_END
