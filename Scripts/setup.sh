#!/usr/bin/env bash
# Installs what callsim needs to build when it is missing, then builds it.
# Usage: Scripts/setup.sh [debug|release]
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in libreadline-dev libsqlite3-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "callsim: installing ${missing[*]}" >&2
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >&2
fi

config="${1:-debug}"
swift build -c "$config" --product callsim >&2
