# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/run and scripts/test: install what is missing, then build.
# Sourced, not run.

# Debian 12 packages the build, the tests and the viewer need.
KURIL_PACKAGES=(
    cmake ninja-build g++ pkg-config
    libgdal-dev libproj-dev libgeos-dev libshp-dev libtinyxml2-dev libcli11-dev doctest-dev
    libsfml-dev libglu1-mesa-dev libxinerama-dev libpng-dev libisal-dev zlib1g-dev libfontconfig-dev
    libavcodec-dev libavformat-dev libavutil-dev libswscale-dev
    libcairo2-dev libfreetype-dev poppler-utils
    fonts-noto-cjk fonts-vlgothic
    xvfb xauth
    gdal-bin python3-gdal
    appstream desktop-file-utils
    gettext
)

# Only for scripts/fuzz (libFuzzer targets built with clang), installed on demand.
KURIL_FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev libfuzzer-14-dev)

kuril_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Installs the packages of KURIL_PACKAGES (and any given) that are not installed yet. Runs
# apt-get only when something is missing, as root or through sudo.
kuril_install_missing() {
    local missing=()
    local package
    for package in "${KURIL_PACKAGES[@]}" "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    echo "Installing: ${missing[*]}" >&2
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null; then
            echo "error: not root and no sudo; install as root: apt-get install ${missing[*]}" >&2
            exit 1
        fi
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

# Configures (once) and builds a Release build in build/ with warnings as errors.
kuril_build() {
    local build="$kuril_root/build"
    if [ ! -f "$build/CMakeCache.txt" ]; then
        cmake -S "$kuril_root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            -DKURIL_WARNINGS_AS_ERRORS=ON -DKURIL_BUILD_RECIPES=ON
    fi
    cmake --build "$build" --parallel "$(nproc)"
}
