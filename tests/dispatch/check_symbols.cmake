# What actfn::dispatch's per-target objects let the linker share. A function
# they define and other objects may define too (T global, W weak) is linked
# from one object for all callers, so that an SSE2 machine would run an
# AVX-512 copy. Two rules keep that from happening, checked here:
# - actfn's own code in them is in its target's namespace, actfn::target_<t>
#   (actfn/detail/namespace.hpp), so no other object defines it;
# - the rest (the standard library's templates that a target's object does
#   not inline: a few at -O3, more at -O1 or -O0) is linked from the lowest
#   target's object, which comes first in the library (actfnDispatch.cmake):
#   its copy runs on every CPU that runs the others.
# Run with -D NM=<nm> -D LIBRARY=<libactfn_dispatch.a>.
execute_process(COMMAND "${NM}" -A -C --defined-only "${LIBRARY}"
  OUTPUT_VARIABLE symbols RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIBRARY}")
endif()
string(REPLACE "\n" ";" symbols "${symbols}")
set(tables "")
set(namespaced 0)
set(unnamespaced "")
set(standard "")
foreach(line IN LISTS symbols)
  # "<library>:kernels.cpp.o:<address> <type> <name>" (llvm-nm: a space after the colon)
  if(NOT line MATCHES ":kernels\\.cpp\\.o: *[0-9a-f]* ([TW]) (.*)$")
    continue()
  endif()
  set(name "${CMAKE_MATCH_2}")
  if(name MATCHES "^actfn::dispatch::detail::kernels_for_([a-z0-9_]+)\\(\\)$")
    list(APPEND tables ${CMAKE_MATCH_1})
  elseif(name MATCHES "actfn::target_[a-z0-9_]+::")
    math(EXPR namespaced "${namespaced} + 1")
  elseif(name MATCHES "actfn::")
    string(APPEND unnamespaced "\n  ${name}")
  else()
    list(APPEND standard "${name}")
  endif()
endforeach()
if(unnamespaced)
  message(FATAL_ERROR "actfn code outside its target's namespace (a header without "
    "ACTFN_NAMESPACE_BEGIN?):${unnamespaced}")
endif()
if(namespaced EQUAL 0 OR NOT tables)
  message(FATAL_ERROR "no actfn::target_<t> code or no kernels_for_<t>() table in ${LIBRARY}")
endif()
# Every target in the order of the instruction sets they add to one another.
set(rank sse2 avx2_fma avx512)
set(previous -1)
foreach(target IN LISTS tables)
  list(FIND rank ${target} position)
  if(position LESS previous)
    message(FATAL_ERROR "the targets' objects are not lowest first: ${tables}")
  endif()
  set(previous ${position})
endforeach()
list(REMOVE_DUPLICATES standard)
list(LENGTH standard shared)
message(STATUS "targets, lowest first: ${tables}; ${namespaced} functions in their targets' "
  "namespaces; ${shared} of the standard library's, linked from the lowest")
foreach(name IN LISTS standard)
  message(STATUS "  ${name}")
endforeach()
