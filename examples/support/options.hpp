// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Command lines of the form `--name value ...`, every name known in advance
// with its default.
#pragma once

#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>

namespace examples {

class options {
 public:
  // defaults: every accepted name and its value when the command line omits it.
  options(int argc, char** argv, std::map<std::string, std::string> defaults)
      : values_(std::move(defaults)) {
    for (int i = 1; i < argc; i += 2) {
      const std::string name = argv[i];
      if (name.rfind("--", 0) != 0 || values_.count(name.substr(2)) == 0)
        throw std::invalid_argument("unknown option " + name + usage());
      if (i + 1 >= argc) throw std::invalid_argument("option " + name + " needs a value");
      values_[name.substr(2)] = argv[i + 1];
    }
  }

  std::string text(std::string const& name) const { return values_.at(name); }

  long number(std::string const& name) const {
    const std::string& value = values_.at(name);
    char* end = nullptr;
    const long parsed = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || parsed < 0)
      throw std::invalid_argument("--" + name + " needs a whole number >= 0, got \"" + value + "\"");
    return parsed;
  }

 private:
  std::string usage() const {
    std::string text = "; options (with defaults):";
    for (auto const& [name, value] : values_) text += " --" + name + " " + value;
    return text;
  }
  std::map<std::string, std::string> values_;
};

}  // namespace examples
