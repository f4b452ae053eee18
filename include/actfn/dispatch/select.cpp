// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// actfn::dispatch's choice of target (dispatch.hpp), compiled without any
// target's flags so that it runs on every CPU of the architecture.
// cmake/actfnDispatch.cmake defines ACTFN_DISPATCH_WITH_<target> for each
// target whose kernels (kernels.cpp) it compiled.
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "actfn/detail/errors.hpp"
#include "actfn/dispatch.hpp"

namespace actfn::dispatch::detail {

// Each target's table (kernels.cpp); only those compiled are used below.
kernel_table const& kernels_for_avx512();
kernel_table const& kernels_for_avx2_fma();
kernel_table const& kernels_for_sse2();
kernel_table const& kernels_for_neon();
kernel_table const& kernels_for_baseline();

namespace {

struct target {
  const char* name;
  kernel_table const& (*kernels)();
  bool (*runs_here)();
};

[[maybe_unused]] bool always() { return true; }

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
// The compiler's run-time checks, which also ask the operating system
// whether it saves the registers (XGETBV): a CPU with AVX-512 under a kernel
// that does not enable it runs avx2+fma.
[[maybe_unused]] bool has_avx2_fma() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
[[maybe_unused]] bool has_avx512() {
  __builtin_cpu_init();
  return has_avx2_fma() && __builtin_cpu_supports("avx512f") &&
         __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512dq") &&
         __builtin_cpu_supports("avx512bw");
}
#endif

// Lowest first, as cmake/actfnDispatch.cmake orders their objects (so that
// the linker meets the lowest first); the first runs on every CPU of the
// architecture.
const target targets[] = {
#ifdef ACTFN_DISPATCH_WITH_baseline
    {"baseline", kernels_for_baseline, always},
#endif
#ifdef ACTFN_DISPATCH_WITH_neon
    {"neon", kernels_for_neon, always},
#endif
#ifdef ACTFN_DISPATCH_WITH_sse2
    {"sse2", kernels_for_sse2, always},
#endif
#ifdef ACTFN_DISPATCH_WITH_avx2_fma
    {"avx2+fma", kernels_for_avx2_fma, has_avx2_fma},
#endif
#ifdef ACTFN_DISPATCH_WITH_avx512
    {"avx512", kernels_for_avx512, has_avx512},
#endif
};

// The targets this CPU runs, best first.
std::vector<target const*> runnable() {
  std::vector<target const*> found;
  for (std::size_t i = std::size(targets); i-- > 0;) {
    if (targets[i].runs_here()) found.push_back(&targets[i]);
  }
  return found;
}

target const* best() { return runnable().front(); }

// The target `name` names ("best" included), or an error naming `what`.
target const* find(std::string_view name, const char* function, const char* what) {
  if (name == "best") return best();
  std::string runs = "best";
  for (target const* t : runnable()) {
    if (name == t->name) return t;
    runs += std::string(", ") + t->name;
  }
  for (target const& t : targets) {
    if (name == t.name) {
      ::actfn::detail::fail(function, what, " '", std::string(name),
                            "' is not run by this CPU; it runs: ", runs);
    }
  }
  std::string compiled;
  for (target const& t : targets) compiled += std::string(compiled.empty() ? "" : ", ") + t.name;
  ::actfn::detail::fail(function, "unknown ", what, " '", std::string(name),
                        "'; this CPU runs: ", runs, " (compiled: ", compiled, ")");
}

// The first call's choice: ACTFN_DISPATCH_ARCH's target where it is set.
target const* initial() {
  const char* chosen = std::getenv("ACTFN_DISPATCH_ARCH");
  if (chosen == nullptr || *chosen == '\0') return best();
  return find(chosen, "dispatch", "ACTFN_DISPATCH_ARCH target");
}

std::atomic<target const*>& active() {
  static std::atomic<target const*> current{initial()};
  return current;
}

}  // namespace

kernel_table const& active_table() { return active().load(std::memory_order_acquire)->kernels(); }

}  // namespace actfn::dispatch::detail

namespace actfn::dispatch {

const char* active_arch() { return detail::active().load(std::memory_order_acquire)->name; }

std::vector<std::string> available_archs() {
  std::vector<std::string> names;
  for (detail::target const* t : detail::runnable()) names.emplace_back(t->name);
  return names;
}

void select_arch(std::string_view name) {
  detail::target const* chosen = detail::find(name, "dispatch::select_arch", "target");
  detail::active().store(chosen, std::memory_order_release);
}

}  // namespace actfn::dispatch
