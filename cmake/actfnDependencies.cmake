# Finds actfn's dependency, xsimd, or takes the target a parent project
# already brought in (FetchContent, add_subdirectory); used by the build and by
# the installed actfnConfig.cmake alike. No version pin: xsimd 8 to 14 all
# work. Eigen (3.4 to 5) is only for <actfn/eigen.hpp>, the actfn::eigen
# target: the build and actfnConfig.cmake find it where it is asked for.
include(CMakeFindDependencyMacro)

# In actfnConfig.cmake, find_dependency: a missing package makes
# find_package(actfn) fail with its name. In actfn's own build, find_package
# REQUIRED: find_dependency's return() would only leave this file, and the
# build would fail later naming whatever came next.
macro(actfn_find_dependency package)
  if(CMAKE_FIND_PACKAGE_NAME STREQUAL "actfn")
    find_dependency(${package})
  else()
    find_package(${package} REQUIRED)
  endif()
endmacro()

if(NOT TARGET xsimd)
  actfn_find_dependency(xsimd)
endif()
# Some xsimd packages (Debian's 8.1 among them) link an `xtl` they do not
# define (xsimd itself needs xtl only for its optional xtl complex numbers).
# Where xtl is installed its own target serves; elsewhere the item is dropped
# from xsimd's link interface, where it would become -lxtl and fail. No target
# named xtl is made up, so a later find_package(xtl) (xtensor's users) works.
if(TARGET xsimd AND NOT TARGET xtl)
  get_target_property(actfn_xsimd_links xsimd INTERFACE_LINK_LIBRARIES)
  if(actfn_xsimd_links AND "xtl" IN_LIST actfn_xsimd_links)
    find_package(xtl QUIET CONFIG)
    if(NOT TARGET xtl)
      list(REMOVE_ITEM actfn_xsimd_links xtl)
      set_property(TARGET xsimd PROPERTY INTERFACE_LINK_LIBRARIES "${actfn_xsimd_links}")
    endif()
  endif()
  unset(actfn_xsimd_links)
endif()
