#!/usr/bin/env bash
# Headless-browser check of the web dashboard: serves it over simulated agents (`ferry-bench dashboard-serve`),
# drives Debian's chromium against it (scripts/dashboard-check.py: every topic with its stage, login, a batch
# advance clicked with its preview, stages changed) and writes docs/dashboard.png.
#   scripts/dashboard-check.sh [URL TOKEN]   — with a URL, checks that running dashboard instead (e.g. the live demo's).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
    echo "chromium is missing: apt-get install -y chromium" >&2
    exit 2
fi
if [[ $# -ge 2 ]]; then
    exec python3 scripts/dashboard-check.py "$1" "$2" docs/dashboard.png
fi
port="${FERRY_DASHBOARD_PORT:-17901}"
token="check-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
swift build --product ferry-bench 2>&1 | grep -E "error|Build complete" || true
bin="$(swift build --show-bin-path)/ferry-bench"
FERRY_DASHBOARD_PORT="$port" FERRY_DASHBOARD_TOKEN="$token" "$bin" dashboard-serve >/tmp/ferry-dashboard-check.log 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/api/session" >/dev/null 2>&1 && break
    sleep 0.2
done
python3 scripts/dashboard-check.py "http://127.0.0.1:$port" "$token" docs/dashboard.png
