cmake_minimum_required(VERSION 3.19)  # string(JSON), IN_LIST
# vcpkg cannot run here, so this replays what cmake/vcpkg/ports/actfn does:
# configure with the port's OPTIONS (read from portfile.cmake), install a
# Release build to a staging prefix, check that the tree is header-only
# (include/ and share/ only), that vcpkg.json is valid JSON naming the
# dependencies, and that a find_package consumer builds against it.
# Inputs: SOURCE_DIR, WORK_DIR, GENERATOR.
set(port "${SOURCE_DIR}/cmake/vcpkg/ports/actfn")

file(READ "${port}/vcpkg.json" manifest)
string(JSON name ERROR_VARIABLE json_error GET "${manifest}" name)
if(json_error)
  message(FATAL_ERROR "vcpkg.json is not valid JSON: ${json_error}")
endif()
string(JSON version GET "${manifest}" version)
string(JSON dependency_count LENGTH "${manifest}" dependencies)
set(dependencies "")
math(EXPR last "${dependency_count} - 1")
foreach(i RANGE ${last})
  string(JSON type TYPE "${manifest}" dependencies ${i})
  if(type STREQUAL "OBJECT")
    string(JSON dependency GET "${manifest}" dependencies ${i} name)
  else()
    string(JSON dependency GET "${manifest}" dependencies ${i})
  endif()
  list(APPEND dependencies "${dependency}")
endforeach()
foreach(required xsimd vcpkg-cmake vcpkg-cmake-config)
  if(NOT required IN_LIST dependencies)
    message(FATAL_ERROR "vcpkg.json does not depend on ${required}: ${dependencies}")
  endif()
endforeach()
if("eigen3" IN_LIST dependencies)
  message(FATAL_ERROR "vcpkg.json makes eigen3 a dependency of the core; it is the eigen feature's")
endif()
string(JSON eigen_dependency ERROR_VARIABLE json_error GET "${manifest}" features eigen dependencies 0)
if(json_error OR NOT eigen_dependency STREQUAL "eigen3")
  message(FATAL_ERROR "vcpkg.json has no feature eigen depending on eigen3: ${json_error}")
endif()
if(NOT EXISTS "${port}/usage")
  message(FATAL_ERROR "the port has no usage file")
endif()
file(STRINGS "${SOURCE_DIR}/include/actfn/version.hpp" version_lines
  REGEX "^#define ACTFN_VERSION_(MAJOR|MINOR|PATCH) [0-9]+$")
string(REGEX REPLACE "[^;]* ([0-9]+);[^;]* ([0-9]+);[^;]* ([0-9]+)" "\\1.\\2.\\3" project_version
  "${version_lines}")
if(NOT name STREQUAL "actfn" OR NOT version STREQUAL project_version)
  message(FATAL_ERROR "vcpkg.json names ${name} ${version}, the project is actfn ${project_version}")
endif()

file(READ "${port}/portfile.cmake" portfile)
string(REGEX MATCHALL "-DACTFN_[A-Z_]+=[A-Z]+" options "${portfile}")
if(NOT options)
  message(FATAL_ERROR "no -DACTFN_ options found in portfile.cmake")
endif()
message(STATUS "port options: ${options}")

set(build "${WORK_DIR}/build")
set(staging "${WORK_DIR}/installed")
file(REMOVE_RECURSE "${WORK_DIR}")
foreach(step
    "-S;${SOURCE_DIR};-B;${build};-G;${GENERATOR};-DCMAKE_BUILD_TYPE=Release;${options}"
    "--build;${build}"
    "--install;${build};--prefix;${staging}")
  execute_process(COMMAND "${CMAKE_COMMAND}" ${step} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "cmake ${step} failed")
  endif()
endforeach()

file(GLOB top_level RELATIVE "${staging}" "${staging}/*")
list(SORT top_level)
if(NOT top_level STREQUAL "include;share")
  message(FATAL_ERROR "the installed tree holds ${top_level}, expected only include and share")
endif()
foreach(file include/actfn/actfn.hpp share/cmake/actfn/actfnConfig.cmake
    share/cmake/actfn/actfnConfigVersion.cmake share/pkgconfig/actfn.pc)
  if(NOT EXISTS "${staging}/${file}")
    message(FATAL_ERROR "the installed tree lacks ${file}")
  endif()
endforeach()

execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" --build-and-test
    "${SOURCE_DIR}/tests/package/find_package" "${WORK_DIR}/consumer"
    --build-generator "${GENERATOR}"
    --build-options "-DCMAKE_PREFIX_PATH=${staging}"
    --test-command consumer
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the find_package consumer failed against the port's install")
endif()
