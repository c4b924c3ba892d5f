#!/usr/bin/env bash
# Sets up (installs what is missing, builds) and runs callsim with the given arguments.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/Scripts/setup.sh" release
exec "$root/.build/release/callsim" "$@"
