# Cross-compiles for AArch64 with Debian's g++-aarch64-linux-gnu and runs the
# results under qemu-user (ctest uses the emulator): CI's NEON target.
#   cmake -S . -B build-aarch64 --toolchain cmake/aarch64-linux-gnu.cmake
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
# Libraries from the target's sysroot; the header-only packages (xsimd,
# Eigen, Catch2 2) from the host's.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
# xsimd's package files live in the host's multiarch directory.
file(GLOB ACTFN_HOST_XSIMD_DIR LIST_DIRECTORIES true /usr/lib/*-linux-gnu/cmake/xsimd)
if(ACTFN_HOST_XSIMD_DIR AND NOT xsimd_DIR)
  list(GET ACTFN_HOST_XSIMD_DIR 0 xsimd_DIR)
  set(xsimd_DIR "${xsimd_DIR}" CACHE PATH "xsimd's package directory (the host's)")
endif()
