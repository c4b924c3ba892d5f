#!/usr/bin/env bash
# Sets up (installs what is missing, builds) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh debug
swift build --build-tests
swift test --skip-build
# The scenario library must lint clean and pass its golden conversations.
.build/debug/callsim lint Personas
.build/debug/callsim test Personas
