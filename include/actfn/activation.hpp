// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// An activation chosen at run time: actfn::activation<T> holds any one of the
// elementwise functors of functions.hpp with its parameters, built from a
// name ("elu(alpha=0.5)", as a configuration file would say it) or from an
// activation_kind and parameter values, and printed back by to_string().
//
//   const auto f = actfn::activation<float>::parse("elu(alpha=0.5)");
//   actfn::forward(f, x, y, n);          // the elu kernel, the bits of actfn::elu<float>(0.5f)
//   actfn::backward(f, x, dy, dx, n);
//
// The array calls choose the kernel once per call, never per element: each
// runs the held functor's own kernel, at its speed and with its bits. The
// scalar calls (f(x), f.derivative(x)) choose per call too, so they are for
// a value here and there; buffers go through the array API.
//
// Grammar: name [ "(" [parameter "=" value {"," parameter "=" value}] ")" ],
// spaces allowed between the parts; names and parameters as the functors
// name them (the README's table); values are decimal numbers (C locale, "inf"
// and "-inf" included). Parameters left out take the functor's defaults;
// threshold has none, so both of its parameters are required. Anything else is
// an error naming the text and listing what is accepted.
#pragma once

#include "actfn/detail/namespace.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <limits>
#include <locale>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "actfn/array.hpp"
#include "actfn/detail/errors.hpp"
#include "actfn/functions.hpp"

ACTFN_NAMESPACE_BEGIN

// One enumerator per elementwise function, in the list's order (functions.hpp),
// each named as its functor.
#define ACTFN_DETAIL_ENUMERATOR(name) name,
enum class activation_kind { ACTFN_ELEMENTWISE_FUNCTIONS(ACTFN_DETAIL_ENUMERATOR) };
#undef ACTFN_DETAIL_ENUMERATOR

// The name of each kind, in the list's order: activation_names[size_t(kind)].
#define ACTFN_DETAIL_NAME(name) #name,
inline constexpr std::array activation_names{ACTFN_ELEMENTWISE_FUNCTIONS(ACTFN_DETAIL_NAME)};
#undef ACTFN_DETAIL_NAME

inline const char* name_of(activation_kind kind) {
  return activation_names[static_cast<std::size_t>(kind)];
}

// A parameter's name and value, as activation's constructor takes them.
using parameter_value = std::pair<std::string, double>;

namespace detail {

template <class List>
struct variant_of;
template <class... F>
struct variant_of<type_list<F...>> {
  using type = std::variant<F...>;
};

template <class F, class Variant>
struct is_alternative;
template <class F, class... Alternatives>
struct is_alternative<F, std::variant<Alternatives...>>
    : std::disjunction<std::is_same<F, Alternatives>...> {};

// "a, b, c"
template <class Names>
std::string comma_separated(Names const& names) {
  std::string list;
  for (std::string_view name : names) list += (list.empty() ? "" : ", ") + std::string(name);
  return list;
}

// The number of single-character insertions, deletions, substitutions and
// swaps of neighbours between a and b, case ignored (Damerau's distance,
// each part edited once), for "did you mean".
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  const auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  };
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * width);
  for (std::size_t i = 0; i <= a.size(); ++i) d[i * width] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t& here = d[i * width + j];
      here = std::min({d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1,
                       d[(i - 1) * width + j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]))
        here = std::min(here, d[(i - 2) * width + j - 2] + 1);
    }
  }
  return d.back();
}

// "; did you mean 'x'?" for the closest of the candidates, if it is close
// (at most a third of the name's characters differ); empty otherwise.
template <class Names>
std::string suggestion(std::string_view name, Names const& candidates) {
  std::string_view best;
  std::size_t best_distance = name.size() / 3 + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(name, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best.empty() ? std::string() : "; did you mean '" + std::string(best) + "'?";
}

// A decimal number in the C locale, "inf" and "-inf" included, the whole text.
inline bool read_number(std::string_view text, double& value) {
  if (text == "inf" || text == "+inf") return value = std::numeric_limits<double>::infinity(), true;
  if (text == "-inf") return value = -std::numeric_limits<double>::infinity(), true;
  std::istringstream in{std::string(text)};
  in.imbue(std::locale::classic());
  in >> value;
  return !in.fail() && in.peek() == std::char_traits<char>::eof();
}

inline std::string_view trimmed(std::string_view text) {
  const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace detail

// Any elementwise functor of the list (functions.hpp) in one precision tier,
// with its parameters; a value type (copyable, comparable). Default: linear,
// the identity.
template <class T, class Precision = accurate>
class activation {
 public:
  using value_type = T;
  using precision = Precision;
  using functor_variant = typename detail::variant_of<elementwise_functions<T, Precision>>::type;

  activation() : held_(std::in_place_type<linear<T, Precision>>) {}

  // Holds f, any functor of the list in this tier.
  template <class F, std::enable_if_t<detail::is_alternative<F, functor_variant>::value, int> = 0>
  activation(F const& f) : held_(std::in_place_type<F>, f) {}  // NOLINT: implicit, f is one

  // The function `kind` with the named parameters; those left out take the
  // functor's defaults.
  explicit activation(activation_kind kind, std::vector<parameter_value> const& parameters = {})
      : held_(make(kind, parameters, "activation")) {}

  // The activation that text names, as to_string() prints it (grammar above).
  static activation parse(std::string_view text) {
    constexpr const char* function = "activation::parse";
    const std::string_view whole = detail::trimmed(text);
    const std::size_t open = whole.find('(');
    const std::string_view name = detail::trimmed(whole.substr(0, open));
    const activation_kind kind = kind_named(name, function);
    std::vector<parameter_value> parameters;
    if (open != std::string_view::npos) {
      if (whole.back() != ')')
        detail::fail(function, "'", std::string(text), "' has no closing ')' after its parameters");
      std::string_view list = detail::trimmed(whole.substr(open + 1, whole.size() - open - 2));
      while (!list.empty()) {
        const std::size_t comma = list.find(',');
        const std::string_view item = detail::trimmed(list.substr(0, comma));
        const std::size_t equals = item.find('=');
        double value = 0;
        if (equals == std::string_view::npos ||
            !detail::read_number(detail::trimmed(item.substr(equals + 1)), value))
          detail::fail(function, "'", std::string(item), "' in '", std::string(text),
                       "' is not parameter=number");
        parameters.emplace_back(std::string(detail::trimmed(item.substr(0, equals))), value);
        if (comma == std::string_view::npos) break;
        list = detail::trimmed(list.substr(comma + 1));
        if (list.empty())
          detail::fail(function, "'", std::string(text), "' ends its parameters with ','");
      }
    }
    return activation(make(kind, parameters, function));
  }

  activation_kind kind() const { return static_cast<activation_kind>(held_.index()); }
  const char* name() const { return name_of(kind()); }

  // "name" or "name(parameter=value, ...)", every parameter, each value the
  // shortest decimal that reads back to it in T: parse(to_string()) == *this.
  std::string to_string() const {
    return std::visit([](auto const& f) { return actfn::describe(f); }, held_);
  }

  // visit(f) with the held functor (a const reference), returning what it returns.
  template <class Visit>
  decltype(auto) visit(Visit&& visit) const {
    return std::visit(std::forward<Visit>(visit), held_);
  }

  T operator()(T x) const {
    return visit([x](auto const& f) { return f(x); });
  }
  T derivative(T x) const {
    return visit([x](auto const& f) { return f.derivative(x); });
  }

  // Whether the held functor has these (array.hpp's traits); the calls that
  // need them report an error otherwise.
  bool has_second_derivative() const {
    return visit([](auto const& f) { return has_second_derivative_v<std::decay_t<decltype(f)>>; });
  }
  bool has_derivative_from_output() const {
    return visit(
        [](auto const& f) { return has_derivative_from_output_v<std::decay_t<decltype(f)>>; });
  }

  friend bool operator==(activation const& a, activation const& b) {
    if (a.held_.index() != b.held_.index()) return false;
    return a.visit([&b](auto const& f) {
      using F = std::decay_t<decltype(f)>;
      return descriptor<F>::values(f) == descriptor<F>::values(std::get<F>(b.held_));
    });
  }
  friend bool operator!=(activation const& a, activation const& b) { return !(a == b); }
  friend std::ostream& operator<<(std::ostream& out, activation const& a) {
    return out << a.to_string();
  }

 private:
  static activation_kind kind_named(std::string_view name, const char* function) {
    for (std::size_t i = 0; i < activation_names.size(); ++i)
      if (name == activation_names[i]) return static_cast<activation_kind>(i);
    const std::string suggestion = detail::suggestion(name, activation_names);
    detail::fail(
        function, "unknown activation '", std::string(name), "'", suggestion,
        suggestion.empty() ? "; known: " : " known: ", detail::comma_separated(activation_names));
  }

  // The functor of each kind, built from its defaults and the named values.
  template <std::size_t I = 0>
  static functor_variant make(activation_kind kind, std::vector<parameter_value> const& given,
                              const char* function) {
    if constexpr (I < std::variant_size_v<functor_variant>) {
      if (static_cast<std::size_t>(kind) != I) return make<I + 1>(kind, given, function);
      using F = std::variant_alternative_t<I, functor_variant>;
      using D = descriptor<F>;
      auto values = defaults<F>();
      std::array<bool, D::parameters.size()> set{};
      for (parameter_value const& parameter : given) {
        std::size_t p = 0;
        while (p < D::parameters.size() && parameter.first != D::parameters[p]) ++p;
        if (p == D::parameters.size()) {
          const std::string suggestion = detail::suggestion(parameter.first, D::parameters);
          detail::fail(function, D::name, " has no parameter '", parameter.first, "'", suggestion,
                       D::parameters.empty() ? "; it takes none"
                       : suggestion.empty()  ? "; its parameters: "
                                             : " its parameters: ",
                       detail::comma_separated(D::parameters));
        }
        if (set[p]) detail::fail(function, D::name, ": ", parameter.first, " is given twice");
        set[p] = true;
        values[p] = parameter.second;
      }
      if constexpr (!std::is_default_constructible<F>::value) {
        for (std::size_t p = 0; p < D::parameters.size(); ++p)
          if (!set[p])
            detail::fail(function, D::name, " needs ", detail::comma_separated(D::parameters), "; ",
                         D::parameters[p], " is missing");
      }
      return functor_variant(std::in_place_index<I>, make_functor<F>(values));
    } else {
      detail::fail(function, "activation_kind ", static_cast<long long>(kind),
                   " is not one of the ", activation_names.size(), " kinds");
    }
  }

  template <class F>
  static auto defaults() {
    if constexpr (std::is_default_constructible<F>::value) {
      return descriptor<F>::values(F());
    } else {
      return std::array<double, descriptor<F>::parameters.size()>{};
    }
  }

  explicit activation(functor_variant held) : held_(std::move(held)) {}

  functor_variant held_;
};

namespace detail {

// call(f) with the held functor f, once per array call. Where call cannot
// take f (it lacks a second derivative, or f' from y), the call reports
// `missing`, naming the activation.
template <class T, class Precision, class Call>
void dispatch(activation<T, Precision> const& a, const char* function, Call&& call,
              const char* missing = "") {
  a.visit([&](auto const& f) {
    if constexpr (std::is_invocable<Call&, decltype(f)>::value) {
      call(f);
    } else {
      detail::fail(function, a.to_string(), " has no ", missing);
    }
  });
}

}  // namespace detail

// The array API (array.hpp) for an activation: the held functor's kernel,
// with its checks. (The buffers' type is not deduced, so nullptr reaches the
// check that names it.)
template <class T, class Precision>
using activation_value_t = typename activation<T, Precision>::value_type;

template <class T, class Precision>
void forward(activation<T, Precision> const& a, activation_value_t<T, Precision> const* x,
             activation_value_t<T, Precision>* y, std::size_t n) {
  detail::dispatch(a, "forward", [&](auto const& f) { actfn::forward(f, x, y, n); });
}
template <class T, class Precision>
void derivative(activation<T, Precision> const& a, activation_value_t<T, Precision> const* x,
                activation_value_t<T, Precision>* d, std::size_t n) {
  detail::dispatch(a, "derivative", [&](auto const& f) { actfn::derivative(f, x, d, n); });
}
template <class T, class Precision>
void forward_and_derivative(activation<T, Precision> const& a,
                            activation_value_t<T, Precision> const* x,
                            activation_value_t<T, Precision>* y,
                            activation_value_t<T, Precision>* d, std::size_t n) {
  detail::dispatch(a, "forward_and_derivative",
                   [&](auto const& f) { actfn::forward_and_derivative(f, x, y, d, n); });
}
template <class T, class Precision>
void backward(activation<T, Precision> const& a, activation_value_t<T, Precision> const* x,
              activation_value_t<T, Precision> const* dy, activation_value_t<T, Precision>* dx,
              std::size_t n) {
  detail::dispatch(a, "backward", [&](auto const& f) { actfn::backward(f, x, dy, dx, n); });
}
template <class T, class Precision, class Mode, detail::enable_for_mode<Mode, T> = 0>
void backward(activation<T, Precision> const& a, activation_value_t<T, Precision> const* x,
              activation_value_t<T, Precision> const* dy, activation_value_t<T, Precision>* dx,
              std::size_t n, Mode mode) {
  detail::dispatch(a, "backward", [&](auto const& f) { actfn::backward(f, x, dy, dx, n, mode); });
}
template <class T, class Precision>
void second_derivative(activation<T, Precision> const& a, activation_value_t<T, Precision> const* x,
                       activation_value_t<T, Precision>* d2, std::size_t n) {
  detail::dispatch(
      a, "second_derivative",
      [&](auto const& f) -> std::enable_if_t<has_second_derivative_v<std::decay_t<decltype(f)>>> {
        actfn::second_derivative(f, x, d2, n);
      },
      "second derivative");
}
template <class T, class Precision>
void backward_from_output(activation<T, Precision> const& a,
                          activation_value_t<T, Precision> const* y,
                          activation_value_t<T, Precision> const* dy,
                          activation_value_t<T, Precision>* dx, std::size_t n) {
  backward_from_output(a, y, dy, dx, n, beta(T(0)));
}
template <class T, class Precision, class Mode, detail::enable_for_mode<Mode, T> = 0>
void backward_from_output(activation<T, Precision> const& a,
                          activation_value_t<T, Precision> const* y,
                          activation_value_t<T, Precision> const* dy,
                          activation_value_t<T, Precision>* dx, std::size_t n, Mode mode) {
  detail::dispatch(
      a, "backward_from_output",
      [&](auto const& f)
          -> std::enable_if_t<has_derivative_from_output_v<std::decay_t<decltype(f)>>> {
        actfn::backward_from_output(f, y, dy, dx, n, mode);
      },
      "derivative from its output; take backward from x");
}

ACTFN_NAMESPACE_END
