#!/usr/bin/env bash
# Runs Ferry's test suite. Installs Lua 5.4's development files first when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
swift build --build-tests "$@"
swift test --skip-build "$@"
