# Overlay port: builds the actfn checkout this port lives in
# (vcpkg install actfn --overlay-ports=<checkout>/cmake/vcpkg/ports).
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
