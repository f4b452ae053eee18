// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Every array kernel runs without allocating: this program replaces the
// global operator new with one that counts, and runs each kernel between two
// readings of the count. (Its own binary, so that the replacement touches no
// other test.)
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

#include "../catch.hpp"
#include "../support/every_kernel.hpp"

namespace {
std::atomic<std::size_t> allocations{0};
}  // namespace

// Every replaceable form but the aligned ones (which nothing here uses), so
// that whatever allocates with one form frees with its pair.
void* operator new(std::size_t size, std::nothrow_t const&) noexcept {
  allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new(std::size_t size) {
  if (void* p = operator new(size, std::nothrow)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new[](std::size_t size, std::nothrow_t const&) noexcept {
  return operator new(size, std::nothrow);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::nothrow_t const&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::nothrow_t const&) noexcept { std::free(p); }

TEMPLATE_TEST_CASE("no kernel allocates", "[allocation]", float, double) {
  using T = TestType;
  const support::every_kernel<T> kernels;
  auto outputs = kernels.make_outputs();
  for (std::size_t k = 0; k < kernels.count(); ++k) {
    const std::size_t before = allocations.load();
    kernels.run(k, outputs);
    const std::size_t made = allocations.load() - before;
    INFO(kernels.name(k));
    CHECK(made == 0);
  }
  // The counter counts: building the outputs again allocates.
  const std::size_t before = allocations.load();
  auto more = kernels.make_outputs();
  CHECK(allocations.load() > before);
}
