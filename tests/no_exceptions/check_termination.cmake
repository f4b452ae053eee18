# Runs PROGRAM (built with -fno-exceptions) on bad input: by default it must
# abort with the message on stderr; with a handler installed, the handler gets
# the message and ends the program its own way (exit code 3).
set(message "actfn::maxout::forward: n = 10 is not a multiple of k = 3")

execute_process(COMMAND "${PROGRAM}" valid RESULT_VARIABLE result OUTPUT_VARIABLE out)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "valid input failed: ${result}\n${out}")
endif()

execute_process(COMMAND "${PROGRAM}" default RESULT_VARIABLE result ERROR_VARIABLE err
  OUTPUT_VARIABLE out)
if(result EQUAL 0 OR NOT err STREQUAL "${message}\n")
  message(FATAL_ERROR "default handler: result '${result}', stderr '${err}', stdout '${out}'")
endif()
message(STATUS "default handler: '${result}', stderr: ${err}")

execute_process(COMMAND "${PROGRAM}" handler RESULT_VARIABLE result OUTPUT_VARIABLE out)
if(NOT result EQUAL 3 OR NOT out STREQUAL "handled: ${message}\n")
  message(FATAL_ERROR "installed handler: result '${result}', stdout '${out}'")
endif()
message(STATUS "installed handler: exit ${result}, stdout: ${out}")
