# Overlay port: builds the actfn checkout this port lives in
# (vcpkg install actfn --overlay-ports=<checkout>/cmake/vcpkg/ports; actfn[eigen]
# for the Eigen integration, which the build then finds). vcpkg.json's
# "version" is the project's (include/actfn/version.hpp, checked by ctest);
# a change to this port alone, with the same sources, adds "port-version": N
# there instead, as vcpkg's versioning asks.
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../../../.." ABSOLUTE)

# Header-only: one configuration is enough.
set(VCPKG_BUILD_TYPE release)

vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    -DACTFN_BUILD_TESTS=OFF
    -DACTFN_BUILD_BENCHMARKS=OFF
    -DACTFN_BUILD_EXAMPLES=OFF
    -DACTFN_INSTALL=ON
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/actfn)
vcpkg_fixup_pkgconfig()
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
