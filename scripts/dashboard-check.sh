#!/usr/bin/env bash
# Headless-browser check of the web dashboard against a running live demo: starts `ferry demo live` in its waiting
# mode (--wait-for-operator: traffic flows, the stages are left to an operator), drives Debian's chromium against
# the dashboard URL the demo prints (scripts/dashboard-check.py: every topic with its stage, login, a batch advance
# clicked with its preview, confirmed, stages changed), writes docs/dashboard.png, then stops the demo with SIGTERM
# (like Ctrl-C, it ends the wait; the demo still counts its verdict) and prints the verdict.
#   scripts/dashboard-check.sh [URL TOKEN]   — with a URL, checks that running dashboard instead.
# Environment: FERRY_DASHBOARD_PORT (default 17901), FERRY_DEMO_DIR (default ferry-dashboard-check-work).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
    echo "chromium is missing: apt-get install -y chromium" >&2
    exit 2
fi
if [[ $# -ge 2 ]]; then
    exec python3 scripts/dashboard-check.py "$1" "$2" docs/dashboard.png
fi
source scripts/ensure-deps.sh
port="${FERRY_DASHBOARD_PORT:-17901}"
work="${FERRY_DEMO_DIR:-ferry-dashboard-check-work}"
# The token goes to the demo through its environment (not its arguments, which `ps` shows).
token="check-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '== building ferry\n'
swift build --product ferry 2>&1 | grep -E "error|Build complete" || true
ferry="$(swift build --show-bin-path)/ferry"
rm -rf "$work"
mkdir -p "$work"
printf '== ferry demo live --wait-for-operator (output in %s/demo.out, logs in %s/demo.log)\n' "$work" "$work"
FERRY_DASHBOARD_TOKEN="$token" "$ferry" demo live --wait-for-operator --operator-timeout 900 \
    --dashboard "127.0.0.1:$port" --work-dir "$work" --hooks scripts/hooks --log-level warning \
    >"$work/demo.out" 2>"$work/demo.log" &
demo=$!
stop_demo() {
    kill -TERM "$demo" 2>/dev/null || true
    wait "$demo" 2>/dev/null || true
}
trap stop_demo EXIT
url=""
for _ in $(seq 1 600); do
    url="$(grep -o 'dashboard: http://[^ ]*' "$work/demo.out" | head -n 1 | cut -d' ' -f2 || true)"
    [[ -n "$url" ]] && break
    kill -0 "$demo" 2>/dev/null || { cat "$work/demo.out" >&2; echo "the demo stopped before serving the dashboard" >&2; exit 1; }
    sleep 0.2
done
[[ -n "$url" ]] || { echo "the demo printed no dashboard URL" >&2; exit 1; }
printf '== dashboard %s\n' "$url"
status=0
python3 scripts/dashboard-check.py "${url%/}" "$token" docs/dashboard.png || status=$?
printf '== stopping the demo (SIGTERM, like Ctrl-C, ends its wait; it drains and counts)\n'
trap - EXIT
stop_demo
grep -E 'waiting for an operator|: .* → |wait was interrupted|every topic is Completed|^sent ' "$work/demo.out" || true
exit "$status"
