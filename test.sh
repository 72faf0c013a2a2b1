#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test.sh — set up, build and run the whole test suite.
#   1. installs the Debian 12 packages that are missing (installer/install-deps.sh),
#   2. configures and builds RelWithDebInfo in build/test with the engine as shared libraries
#      (small test executables: the build folder stays near 2 GB instead of ~10 GB)
#      (SANITIZE=1: build/asan with AddressSanitizer + UndefinedBehaviorSanitizer),
#   3. runs ctest --output-on-failure; the exit code is ctest's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

BUILD_DIR=build/test
CMAKE_ARGS=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQPILOT_BUILD_TESTS=ON -DQPILOT_SHARED_LIBS=ON)
if [[ "${SANITIZE:-0}" == 1 ]]; then
    BUILD_DIR=build/asan
    CMAKE_ARGS+=(-DQPILOT_SANITIZE=ON)
fi

say() { printf '\n==> %s\n' "$*"; }

say "Checking Debian packages"
installer/install-deps.sh

say "Configuring $BUILD_DIR (${CMAKE_ARGS[*]})"
cmake -S . -B "$BUILD_DIR" "${CMAKE_ARGS[@]}" >/dev/null

say "Building"
cmake --build "$BUILD_DIR" --parallel "$(nproc)"

say "Running the tests (ctest)"
rc=0
(cd "$BUILD_DIR" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2) || rc=$?
exit "$rc"
