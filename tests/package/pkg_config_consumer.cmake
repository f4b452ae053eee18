cmake_minimum_required(VERSION 3.16)
# Compiles and runs SOURCE with nothing but `pkg-config --cflags MODULE`
# (actfn, or actfn-eigen for <actfn/eigen.hpp>) against the staged install.
# Inputs: PREFIX, COMPILER, SOURCE, MODULE, WORK_DIR.
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/share/pkgconfig")
execute_process(COMMAND "${PKG_CONFIG}" --cflags ${MODULE}
  OUTPUT_VARIABLE cflags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags ${MODULE} failed (${status})")
endif()
message(STATUS "pkg-config --cflags ${MODULE}: ${cflags}")
separate_arguments(cflags UNIX_COMMAND "${cflags}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${COMPILER}" -std=c++17 ${cflags} "${SOURCE}" -o "${WORK_DIR}/consumer"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "compiling with the pkg-config flags failed")
endif()
execute_process(COMMAND "${WORK_DIR}/consumer" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the pkg-config consumer failed")
endif()
