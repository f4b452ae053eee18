# actfn::dispatch's per-target objects define no code the linker could share
# with the rest of the program: every function in them is internal (actfn's
# unnamed namespace there, actfn/detail/namespace.hpp) but the target's table.
# A weak or global function would be merged with the program's header-only
# copy of the same name, or with another target's: an SSE2 machine would run
# AVX-512 code. Run with -D NM=<nm> -D LIBRARY=<libactfn_dispatch.a>.
execute_process(COMMAND "${NM}" -A -C --defined-only "${LIBRARY}"
  OUTPUT_VARIABLE symbols RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIBRARY}")
endif()
string(REPLACE "\n" ";" symbols "${symbols}")
set(tables 0)
set(shared "")
foreach(line IN LISTS symbols)
  # "<library>:kernels.cpp.o:<address> <type> <name>"; code is T (global) or W (weak).
  if(line MATCHES ":kernels\\.cpp\\.o:[0-9a-f]* ([TWi]) (.*)$")
    if(CMAKE_MATCH_2 MATCHES "^actfn::dispatch::detail::kernels_for_[a-z0-9_]+\\(\\)$")
      math(EXPR tables "${tables} + 1")
    else()
      string(APPEND shared "\n  ${CMAKE_MATCH_1} ${CMAKE_MATCH_2}")
    endif()
  endif()
endforeach()
if(tables EQUAL 0)
  message(FATAL_ERROR "no kernels_for_<target>() table in ${LIBRARY}")
endif()
if(shared)
  message(FATAL_ERROR "code that the linker may share between targets:${shared}")
endif()
message(STATUS "${tables} targets' kernels, each internal but its table")
