#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# installer/install-deps.sh — installs the Debian 12 packages Qpilot needs to build, test,
# package and run. The one place that names them. Idempotent: a package that is already
# installed is left alone, and when nothing is missing apt is not touched at all.
#
#   installer/install-deps.sh           install what is missing (as root, or through sudo)
#   installer/install-deps.sh --check   only report; exit 1 if something is missing
#   installer/install-deps.sh --list    print the package names, one per line
set -euo pipefail

PACKAGES=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config
    # Qt 6 (Core, Gui, Widgets, Network, Sql, PrintSupport, Test; Svg; Pdf) and the SQLite driver
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev qt6-pdf-dev
    # libraries used by the engine and the UI
    libqcustomplot-dev libeigen3-dev libsvm-dev libnlopt-dev libnlopt-cxx-dev qtkeychain-qt6-dev libssl-dev
    # headless GUI runs, screenshots and report checks
    xvfb xauth poppler-utils fonts-dejavu-core
    # packaging and metadata validation
    dpkg-dev file desktop-file-utils appstream
)
# Note: Debian 12 ships the Qt 6 SVG headers as qt6-svg-dev (there is no libqt6svg6-dev).

usage() {
    sed -n '4,10p' "$0" | sed 's/^# \{0,1\}//'
}

mode=install
case "${1:-}" in
    "") ;;
    --check) mode=check ;;
    --list) printf '%s\n' "${PACKAGES[@]}"; exit 0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install-deps: unknown option '$1' (try --help)" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-deps: dpkg-query not found; this script is for Debian 12 (bookworm)." >&2
    exit 1
fi
if [[ -r /etc/os-release ]]; then
    # shellcheck disable=SC1091
    . /etc/os-release
    if [[ "${ID:-}" != debian || "${VERSION_ID:-}" != 12 ]]; then
        echo "install-deps: note: written for Debian 12; this is ${PRETTY_NAME:-unknown}. Trying anyway."
    fi
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#PACKAGES[@]} required Debian packages are installed."
    exit 0
fi

echo "install-deps: ${#missing[@]} of ${#PACKAGES[@]} packages missing: ${missing[*]}"
if [[ "$mode" == check ]]; then
    exit 1
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
        echo "install-deps: not root; using sudo (you may be asked for your password)."
    else
        echo "install-deps: must run as root (or have sudo) to install: ${missing[*]}" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-o Dpkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)

echo "install-deps: apt-get update"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" update -q

echo "install-deps: apt-get install ${missing[*]}"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" install -y -q \
    --no-install-recommends "${missing[@]}"

still=()
for pkg in "${missing[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || still+=("$pkg")
done
if [[ ${#still[@]} -ne 0 ]]; then
    echo "install-deps: still missing after install: ${still[*]}" >&2
    exit 1
fi
echo "install-deps: installed ${#missing[@]} packages; all ${#PACKAGES[@]} are present."
