// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Writes the README's generated blocks, so that the README says what the
// descriptors say:
//   readme_tables README.md                          the function table, from the descriptors
//   readme_tables --exhaustive OUTPUT README.md      and accuracy_exhaustive's output
//   readme_tables --check README.md                  fails when the function table differs
// and the README's snippets, from test_readme_snippets.cpp (which runs them).
// A block runs from "<!-- generated: NAME -->" to "<!-- end generated: NAME -->";
// the text between is replaced whole.
#include <actfn/array.hpp>
#include <actfn/functions.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

template <class F, class = void>
struct has_forward_rounding : std::false_type {};
template <class F>
struct has_forward_rounding<F, std::void_t<decltype(actfn::descriptor<F>::forward_rounding_ulp)>>
    : std::true_type {};

std::string escaped(const char* text) {
  std::string out;
  for (const char* c = text; *c != '\0'; ++c) {
    if (*c == '|') out += '\\';
    out += *c;
  }
  return out;
}

std::string number(double value) { return actfn::detail::shortest_decimal(value); }

template <class F>
std::string parameters_cell() {
  using D = actfn::descriptor<F>;
  std::string cell;
  if constexpr (D::parameters.size() == 0) {
    cell = "—";
  } else if constexpr (std::is_default_constructible<F>::value) {
    const auto defaults = D::values(F{});
    for (std::size_t i = 0; i < D::parameters.size(); ++i) {
      cell += (i == 0 ? "`" : ", `") + std::string(D::parameters[i]) + " = " +
              actfn::detail::shortest_decimal(static_cast<float>(defaults[i])) + "`";
    }
  } else {
    for (std::size_t i = 0; i < D::parameters.size(); ++i) {
      cell += (i == 0 ? "`" : ", `") + std::string(D::parameters[i]) + "`";
    }
    cell += " (required)";
  }
  if (*D::formulas.parameter_note != '\0') cell += std::string(" ") + D::formulas.parameter_note;
  return escaped(cell.c_str());
}

std::string pair(double first, double second) {
  const auto ulp = [](double bound) { return bound == 0 ? std::string("—") : number(bound); };
  return ulp(first) + " / " + ulp(second);
}

// "f / f'" and "f'' / f' from y" in ULP, for float and double where they
// differ, and the fast tier's f / f' where it runs a kernel of its own.
template <template <class, class> class Functor>
std::string bounds_cells() {
  using F = Functor<float, actfn::accurate>;
  using G = Functor<double, actfn::accurate>;
  if constexpr (actfn::has_accuracy_bounds_v<F>) {
    const auto both = [](std::string const& in_float, std::string const& in_double) {
      return in_float == in_double ? in_float : "float " + in_float + ", double " + in_double;
    };
    const auto first_pair = [&both](actfn::accuracy_bounds a, actfn::accuracy_bounds b) {
      return both(pair(a.forward_ulp, a.derivative_ulp), pair(b.forward_ulp, b.derivative_ulp));
    };
    constexpr actfn::accuracy_bounds a = actfn::descriptor<F>::accuracy;
    constexpr actfn::accuracy_bounds b = actfn::descriptor<G>::accuracy;
    std::string first = first_pair(a, b);
    using fast_float = Functor<float, actfn::fast>;
    using fast_double = Functor<double, actfn::fast>;
    if constexpr (actfn::runs_own_kernel_v<fast_float>) {
      first += "; fast " + first_pair(actfn::descriptor<fast_float>::accuracy,
                                      actfn::descriptor<fast_double>::accuracy);
    }
    const std::string second_float = pair(a.second_derivative_ulp, a.from_output_ulp);
    const std::string second_double = pair(b.second_derivative_ulp, b.from_output_ulp);
    return first + " | " + both(second_float, second_double);
  } else {
    std::string first = "exact";
    if constexpr (has_forward_rounding<F>::value) {
      first = number(actfn::descriptor<F>::forward_rounding_ulp) + " / exact";
    }
    const auto exact_if = [](bool has) { return has ? "exact" : "—"; };
    return first + " | " + exact_if(actfn::has_second_derivative_v<F>) + " / " +
           exact_if(actfn::has_derivative_from_output_v<F>);
  }
}

template <template <class, class> class Functor>
void add_row(std::string& table) {
  using F = Functor<float, actfn::accurate>;
  using D = actfn::descriptor<F>;
  table += "| `" + std::string(D::name) + "<T>` | " + parameters_cell<F>() + " | " +
           escaped(D::formulas.forward) + " | " + escaped(D::formulas.derivative) + " | " +
           escaped(D::formulas.special_values) + " | " + bounds_cells<Functor>() + " |\n";
}

std::string function_table() {
  std::string table =
      "| functor | parameters (defaults) | f(x) | f'(x) | at the kinks / limits "
      "| max error f / f' (ULP) | f'' / f' from y (ULP) |\n"
      "|---|---|---|---|---|---|---|\n";
#define ACTFN_README_ROW(name) add_row<actfn::name>(table);
  ACTFN_ELEMENTWISE_FUNCTIONS(ACTFN_README_ROW)
#undef ACTFN_README_ROW
  return table;
}

std::string read(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// text with block name's contents replaced; throws if the markers are missing.
std::string with_block(std::string text, std::string const& name, std::string const& contents) {
  const std::string begin = "<!-- generated: " + name + " -->\n";
  const std::string end = "<!-- end generated: " + name + " -->";
  const std::size_t from = text.find(begin);
  const std::size_t to = from == std::string::npos ? from : text.find(end, from);
  if (to == std::string::npos) throw std::runtime_error("no block '" + name + "' in the README");
  return text.replace(from + begin.size(), to - from - begin.size(), contents);
}

// The snippets of test_readme_snippets.cpp: name and code (dedented), in
// order.
std::vector<std::pair<std::string, std::string>> snippets(std::string const& source) {
  std::vector<std::pair<std::string, std::string>> found;
  const std::string open = "// snippet ", close = "// end snippet ";
  std::istringstream lines(source);
  std::string line, name, code;
  std::size_t indent = 0;
  bool inside = false;
  while (std::getline(lines, line)) {
    const std::size_t text = line.find_first_not_of(' ');
    const std::string content = text == std::string::npos ? "" : line.substr(text);
    if (!inside && content.rfind(open, 0) == 0) {
      inside = true;
      name = content.substr(open.size());
      indent = text;
      code.clear();
    } else if (inside && content == close + name) {
      inside = false;
      found.emplace_back(name, code);
    } else if (inside) {
      code += (line.size() > indent ? line.substr(indent) : "") + "\n";
    }
  }
  if (inside) throw std::runtime_error("snippet '" + name + "' has no end");
  return found;
}

int usage() {
  std::cerr << "usage: readme_tables [--check] [--exhaustive OUTPUT] README.md\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) try {
  bool check = false;
  std::string exhaustive;
  std::string readme;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--check") {
      check = true;
    } else if (argument == "--exhaustive" && i + 1 < argc) {
      exhaustive = argv[++i];
    } else if (readme.empty() && argument.rfind("--", 0) != 0) {
      readme = argument;
    } else {
      return usage();
    }
  }
  if (readme.empty() || (check && !exhaustive.empty())) return usage();

  const std::string before = read(readme);
  std::string after = with_block(before, "functions", function_table());
  for (auto const& [name, code] : snippets(read(ACTFN_README_SNIPPETS))) {
    after = with_block(after, "snippet " + name, "```cpp\n" + code + "```\n");
  }
  if (!exhaustive.empty())
    after = with_block(after, "exhaustive", "```\n" + read(exhaustive) + "```\n");
  if (check) {
    if (after == before) return 0;
    std::cerr << readme << ": the function table differs from the descriptors, or a snippet "
              << "from test_readme_snippets.cpp; `cmake --build build --target readme` "
              << "rewrites them; the function table:\n"
              << function_table();
    return 1;
  }
  if (after != before) std::ofstream(readme, std::ios::binary) << after;
  return 0;
} catch (std::exception const& error) {
  std::cerr << "readme_tables: " << error.what() << "\n";
  return 1;
}
