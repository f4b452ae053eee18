# Finds actfn's dependencies; used by the build and by the installed
# actfnConfig.cmake alike. No version pins: xsimd 8 to 14 and Eigen 3.4 to 5
# all work.
include(CMakeFindDependencyMacro)
find_dependency(xsimd)
# Some xsimd packages (Debian's 8.1 among them) name a link item `xtl` that
# they never define; an empty target satisfies it.
if(NOT TARGET xtl)
  add_library(xtl INTERFACE IMPORTED)
endif()
find_dependency(Eigen3)
