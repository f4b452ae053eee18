// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// What the rest of the project (the tests, the bench, the examples, the
// README's tables, Eigen's cost model) needs to know about an activation,
// declared beside its functor in its header:
//
//   template <class T, class Precision>
//   struct descriptor<silu<T, Precision>> {
//     static constexpr const char* name = "silu";
//     static constexpr std::array<const char*, 1> parameters{{"beta"}};
//     static constexpr std::array<std::array<double, 1>, 3> tested{{{1}, {1.702}, {0.5}}};
//     static std::array<double, 1> values(silu<T, Precision> const& f) { ... }
//     static constexpr summary formulas{"x·σ(βx)", "σ(z)(1 + z·σ(−z)), z = βx", ...};
//     static constexpr accuracy_bounds accuracy =  // smooth functions only
//         bounds_of_tier<Precision>({2, 4.5, ...}, {4, 8, ...});
//     static constexpr int eigen_cost = 30;
//   };
//
// name: the functor's name in actfn::; parameters: its constructor's
// arguments in order, each with a getter that `values` reads; tested: the
// parameter sets the tests run (the first is the defaults where there are
// any), so that the header's bounds are stated for exactly these; accuracy:
// the bounds in ULP against a long double reference over the whole finite
// range, where the function is smooth, for the functor's precision tier
// (one set where both tiers run the same kernel); fast_kernel: true where
// the fast tier runs a kernel of its own (absent: both tiers run the
// accurate one); forward_rounding_ulp: where a
// piecewise function rounds (a·x + b, α·x), the error of that one rounding
// (the piecewise functions without it are exact, and all their derivatives
// are; they are tested point by point); formulas: what the README's table of
// functions says of f, f' and the kinks and limits; eigen_cost: the cost of
// one call in Eigen's units (an addition or a multiplication is 1), as
// Eigen's own functors count: a compare and a select for the piecewise ones,
// the polynomial and division of the smooth ones. Whether the functor has a
// second_derivative or a derivative_from_output is read from the functor
// itself (has_second_derivative_v, has_derivative_from_output_v).
#pragma once

#include "actfn/detail/namespace.hpp"

#include <array>
#include <cstddef>
#include <limits>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>

#include "actfn/precision.hpp"

ACTFN_NAMESPACE_BEGIN

// Max error in ULP against the long double reference; 0 where the functor
// has no such member. The derivative's bound is relative except within 1e-3
// relative of one of its zeros, where 2^-24 (float) / 2^-53 (double)
// absolute applies; a second derivative whose terms cancel (gelu_tanh,
// silu, mish in double) is held in ULP of its scale (see its header).
struct accuracy_bounds {
  double forward_ulp;
  double derivative_ulp;
  double second_derivative_ulp;
  double from_output_ulp;
};

// The README's words for a function, beside its header's contract.
struct summary {
  const char* forward;         // f(x)
  const char* derivative;      // f'(x)
  const char* special_values;  // at the kinks and the limits
  const char* parameter_note;  // what the parameters' column adds to "name = default"
};

// The bounds of a function whose tiers run different kernels: each tier's
// own (precision.hpp).
template <class Precision>
constexpr accuracy_bounds bounds_of_tier(accuracy_bounds accurate_bounds,
                                         accuracy_bounds fast_bounds) {
  static_assert(is_precision_v<Precision>, "the tier is actfn::accurate or actfn::fast");
  return is_fast_v<Precision> ? fast_bounds : accurate_bounds;
}

template <class Functor>
struct descriptor;  // specialised beside each functor

// The members every descriptor of a functor without parameters shares.
template <class F>
struct descriptor_without_parameters {
  static constexpr std::array<const char*, 0> parameters{};
  static constexpr std::array<std::array<double, 0>, 1> tested{};
  static std::array<double, 0> values(F const&) { return {}; }
};

namespace detail {

template <class F, class = void>
struct has_accuracy_bounds : std::false_type {};
template <class F>
struct has_accuracy_bounds<F, std::void_t<decltype(descriptor<F>::accuracy)>> : std::true_type {};

template <class F, std::size_t N, std::size_t... I>
F construct(std::array<double, N> const& values, std::index_sequence<I...>) {
  using T = typename F::value_type;
  return F(static_cast<T>(values[I])...);
}

}  // namespace detail

namespace detail {
template <class F, class = void>
struct has_fast_kernel : std::false_type {};
template <class F>
struct has_fast_kernel<F, std::void_t<decltype(descriptor<F>::fast_kernel)>>
    : std::bool_constant<descriptor<F>::fast_kernel> {};
}  // namespace detail

// Whether F runs a kernel that no other tier of its function runs: every
// accurate functor, and the fast ones whose descriptor says fast_kernel.
template <class F>
inline constexpr bool runs_own_kernel_v =
    !is_fast_v<typename F::precision> || detail::has_fast_kernel<F>::value;

// Whether F's descriptor states bounds against a reference (the smooth ones).
template <class F>
inline constexpr bool has_accuracy_bounds_v = detail::has_accuracy_bounds<F>::value;

// F built from its parameters' values, in the descriptor's order.
template <class F, std::size_t N>
F make_functor(std::array<double, N> const& values) {
  static_assert(N == descriptor<F>::parameters.size(), "one value per parameter");
  return detail::construct<F>(values, std::make_index_sequence<N>{});
}

namespace detail {

// The shortest decimal that reads back to value in T ("20", not "2e+01").
template <class T>
std::string shortest_decimal(T value) {
  std::string shortest;
  for (int digits = 1; digits <= std::numeric_limits<T>::max_digits10; ++digits) {
    std::ostringstream out;
    out.precision(digits);
    out << value;
    const std::string text = out.str();
    std::istringstream in(text);
    T back{};
    in >> back;
    const bool reads_back = back == value || text == "inf" || text == "-inf";
    if (reads_back && (shortest.empty() || text.size() < shortest.size())) shortest = text;
  }
  return shortest;
}

}  // namespace detail

// "name" or "name(parameter=value, ...)": f as the descriptor names it, the
// values as the shortest decimals that read back to them in F's type.
template <class F>
std::string describe(F const& f) {
  using T = typename F::value_type;
  using D = descriptor<F>;
  std::string text = D::name;
  if constexpr (D::parameters.size() > 0) {
    const auto values = D::values(f);
    for (std::size_t i = 0; i < values.size(); ++i) {
      text += i == 0 ? "(" : ", ";
      text += D::parameters[i];
      text += "=";
      text += detail::shortest_decimal(static_cast<T>(values[i]));
    }
    text += ")";
  }
  return text;
}

ACTFN_NAMESPACE_END
