# actfn::dispatch (include/actfn/dispatch.hpp): actfn's kernels compiled once
# per target of the architecture, each with its own flags, and the choice
# among them at run time. Compiled by the build that links actfn::dispatch
# (the targets are EXCLUDE_FROM_ALL: nothing is compiled unless something
# links it), from the sources under include/actfn/dispatch/, so that the
# package stays header-only and architecture independent. Called by
# actfn's CMakeLists.txt (add_subdirectory) and by actfnConfig.cmake
# (find_package), with the directory that holds actfn/.
function(actfn_add_dispatch_library include_dir)
  if(TARGET actfn_dispatch)
    return()
  endif()
  # Each target's flags; xsimd picks the matching architecture from them
  # (sse2, fma3<avx2>, avx512bw). Where the compiler's flags are unknown, one
  # target: whatever the compiler targets by default. Lowest first, which is
  # the order of the objects in the library: a function of the standard
  # library (or xsimd's) that several targets' objects define, weak and
  # outside actfn's target namespaces (actfn/detail/namespace.hpp), is then
  # linked from the lowest of them, which runs on every CPU that runs the
  # others (tests/dispatch/check_symbols.cmake).
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang"
     AND CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64|x64)$")
    set(targets sse2 avx2_fma avx512)
    set(flags_avx512 -mavx512f -mavx512cd -mavx512dq -mavx512bw -mavx2 -mfma)
    set(flags_avx2_fma -mavx2 -mfma)
  elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64|ARM64)$")
    set(targets neon)
  else()
    set(targets baseline)
  endif()

  add_library(actfn_dispatch STATIC EXCLUDE_FROM_ALL "${include_dir}/actfn/dispatch/select.cpp")
  add_library(actfn::dispatch ALIAS actfn_dispatch)
  target_link_libraries(actfn_dispatch PUBLIC actfn::actfn)
  # A static library that shared libraries may link.
  set_target_properties(actfn_dispatch PROPERTIES POSITION_INDEPENDENT_CODE ON)
  foreach(target IN LISTS targets)
    add_library(actfn_dispatch_${target} OBJECT EXCLUDE_FROM_ALL
      "${include_dir}/actfn/dispatch/kernels.cpp")
    target_link_libraries(actfn_dispatch_${target} PRIVATE actfn::actfn)
    target_compile_definitions(actfn_dispatch_${target} PRIVATE ACTFN_DISPATCH_TARGET=${target})
    target_compile_options(actfn_dispatch_${target} PRIVATE ${flags_${target}})
    set_target_properties(actfn_dispatch_${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    target_sources(actfn_dispatch PRIVATE $<TARGET_OBJECTS:actfn_dispatch_${target}>)
    target_compile_definitions(actfn_dispatch PRIVATE ACTFN_DISPATCH_WITH_${target})
  endforeach()
endfunction()
