# SPDX-License-Identifier: GPL-3.0-or-later
# installer/packaging.cmake — install rules and CPack (.deb and .tar.gz).
#   cmake --build build/release && (cd build/release && cpack)
# produces qpilot_<version>_<arch>.deb and qpilot-<version>-Linux.tar.gz.

install(TARGETS qpilot RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(QPILOT_SHARED_LIBS) # packages are built static; a shared build installs its engine privately
    install(TARGETS qpilot_core qpilot_ui LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/qpilot)
    set_target_properties(qpilot PROPERTIES INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}/qpilot")
    set_target_properties(qpilot_ui PROPERTIES INSTALL_RPATH "$ORIGIN")
endif()
install(FILES ${PROJECT_SOURCE_DIR}/installer/qpilot.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/qpilot.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/installer/io.github.qpilot.Qpilot.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
# License: the full text, and Debian's machine-readable copyright file (GPL-3.0-or-later).
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/installer/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/qpilot)

set(QPILOT_PACKAGE_MAINTAINER "Qpilot developers <maintainers@qpilot.invalid>"
    CACHE STRING "Maintainer field of the Debian package")

set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_NAME "qpilot")
set(CPACK_PACKAGE_VENDOR "Qpilot developers")
set(CPACK_PACKAGE_CONTACT "${QPILOT_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Workbench that decides whether a quantum ML pilot can reach production")
set(CPACK_PACKAGE_DESCRIPTION
    "Qpilot is a desktop workbench (Qt 6) for solution architects. It reads and writes
OpenQASM 2 and 3, converts circuits to Amazon Braket OpenQASM and IonQ JSON, and
reports circuit metrics, both in its main window and from the command line
(qpilot convert, qpilot info).")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/;/build/;/build-.*/")

# Debian
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${QPILOT_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded as plugins, so dpkg-shlibdeps cannot see them: Qt SQL's SQLite driver (run store) and
# Qt SVG's icon engine and image format (the application icon).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core, qt6-wayland")

# Tarball: qpilot-<version>-Linux/{bin,share}
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)

# Packages must run on any x86-64 machine: build them with -DQPILOT_NATIVE=OFF.
if(QPILOT_NATIVE)
    message(STATUS "Packaging note: QPILOT_NATIVE=ON tunes for this CPU; configure with "
                   "-DQPILOT_NATIVE=OFF before running cpack for a portable .deb/.tar.gz")
endif()
include(CPack)
