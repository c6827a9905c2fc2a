#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds the console, then starts it ("run") or runs the whole test suite ("test").
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
shift || true
case "$mode" in
    run|test) ;;
    *) echo "usage: $0 run [console options] | test" >&2; exit 2 ;;
esac

# Every package is named: installs go without recommends, so nothing may rely on one (Qt Charts' CMake package
# needs Qt6OpenGL, which qt6-base-dev only recommends).
packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qtkeychain-qt6-dev libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 libgl-dev libssl-dev
    qt6-charts-dev
    # sqlite3.h and libsqlite3, to interrupt a running query of Qt's SQLite driver (which uses the same library).
    libsqlite3-dev
    # The keychain at run time: the Secret Service API and GNOME Keyring providing it.
    libsecret-1-0 gnome-keyring dbus-user-session
    # Fonts: Liberation Sans has metrics close to the Segoe UI that Teams draws cards with; DejaVu for the rest.
    fonts-dejavu-core fonts-liberation2
)
if [ "$mode" = test ]; then
    packages+=(postgresql postgresql-client dbus nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
    # Node.js may come from elsewhere than Debian; what counts is that node and npm run.
    if [ "$package" = nodejs ] || [ "$package" = npm ]; then
        command -v "${package/nodejs/node}" >/dev/null 2>&1 && continue
    fi
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --parallel "$(nproc)"

if [ "$mode" = run ]; then
    exec build/app/goreporter-webhooks "$@"
fi

# The JSON-schema conformance checks run with ajv.
(cd tests/schema-tools && npm ci --no-audit --no-fund --loglevel=error)
exec scripts/test-services.sh ctest --test-dir build --output-on-failure --parallel "$(nproc)" --timeout 600
