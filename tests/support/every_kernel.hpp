// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Every array kernel of the pointer API, run once over fixed inputs into
// buffers allocated beforehand, for the tests that hold all kernels to the
// same property: no allocation, the same bits from many threads, the same
// bits under another floating-point environment.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include <actfn/actfn.hpp>

#include "all_functions.hpp"

namespace support {

template <class T>
class every_kernel {
 public:
  // Inputs of 6 rows of 100: random logits of magnitude up to 30, with a few
  // NaN, +-inf, zeros and subnormals in the first row; or the same with the
  // subnormals replaced by zeros of their sign, as denormals-are-zero reads them.
  enum class subnormals { kept, as_zero };
  explicit every_kernel(subnormals inputs = subnormals::kept);

  std::size_t size() const { return x_.size(); }
  std::size_t count() const { return kernels_.size(); }
  std::string const& name(std::size_t kernel) const { return names_[kernel]; }

  // One output buffer per kernel, sized for it.
  std::vector<std::vector<T>> make_outputs() const {
    std::vector<std::vector<T>> outputs;
    for (std::size_t size : output_sizes_) outputs.emplace_back(size);
    return outputs;
  }

  // Runs kernel k into outputs[k]; allocates nothing but what actfn does.
  void run(std::size_t kernel, std::vector<std::vector<T>>& outputs) const {
    kernels_[kernel](outputs[kernel].data());
  }
  void run_all(std::vector<std::vector<T>>& outputs) const {
    for (std::size_t k = 0; k < kernels_.size(); ++k) run(k, outputs);
  }

 private:
  static constexpr std::size_t rows = 6, cols = 100, channels = 5;

  void add(std::string name, std::size_t output_size, std::function<void(T*)> kernel) {
    names_.push_back(std::move(name));
    output_sizes_.push_back(output_size);
    kernels_.push_back(std::move(kernel));
  }

  void add_kernels();

  std::vector<T> x_, dy_, alpha_;
  std::vector<std::string> names_;
  std::vector<std::size_t> output_sizes_;
  std::vector<std::function<void(T*)>> kernels_;
};

// Built once, in every_kernel.cpp, for the programs that link it.
extern template class every_kernel<float>;
extern template class every_kernel<double>;

// The same bits, NaN payloads aside.
template <class T>
bool same_bits(T a, T b) {
  if (std::isnan(a) && std::isnan(b)) return true;
  return std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace support
