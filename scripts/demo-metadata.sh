#!/usr/bin/env bash
# Ferry's metadata-only demo (scripts/demo.sh runs the live one): builds Ferry, starts a source and a
# target sandbox RocketMQ cluster on loopback, seeds the source with a few hundred namespaced topics and
# groups, then runs the metadata migration: export → plan (through the example Lua hooks in scripts/hooks)
# → import, and imports again to show that a second run changes nothing. The clusters are shut down on exit.
#
# Environment: FERRY_DEMO_TOPICS (default 300), FERRY_DEMO_SOURCE_PORT (19876),
# FERRY_DEMO_TARGET_PORT (29876), FERRY_DEMO_DIR (ferry-demo-work).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

topics="${FERRY_DEMO_TOPICS:-300}"
source_port="${FERRY_DEMO_SOURCE_PORT:-19876}"
target_port="${FERRY_DEMO_TARGET_PORT:-29876}"
work="${FERRY_DEMO_DIR:-ferry-demo-work}"

step() { printf '\n== %s\n' "$*"; }

step "building ferry (debug: the quickest full build on 2 cores)"
swift build --product ferry 2>&1 | tail -n 1
ferry="$(swift build --show-bin-path)/ferry"

rm -rf "$work"
mkdir -p "$work"

step "starting the sandbox clusters (source namesrv 127.0.0.1:$source_port, target 127.0.0.1:$target_port)"
"$ferry" sandbox --source-port "$source_port" --target-port "$target_port" >"$work/clusters.log" 2>"$work/sandbox.log" &
clusters=$!
trap 'kill -TERM "$clusters" 2>/dev/null || true; wait "$clusters" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    grep -q '^Serving' "$work/clusters.log" 2>/dev/null && break
    kill -0 "$clusters" 2>/dev/null || { cat "$work/sandbox.log"; echo "demo: the clusters did not start" >&2; exit 1; }
    sleep 0.2
done
grep -q '^Serving' "$work/clusters.log" || { echo "demo: the clusters did not start in 20 s" >&2; exit 1; }
grep -v '^Serving' "$work/clusters.log"

step "seeding the source with $topics topics and $topics groups (mro%…, pay%…, wms%…, mro_…, plain names)"
"$ferry" demo seed --namesrv "127.0.0.1:$source_port" --topics "$topics"

step "ferry metadata export"
"$ferry" metadata export --namesrv "127.0.0.1:$source_port" -o "$work/export.json"

step "ferry metadata plan --hooks scripts/hooks"
"$ferry" metadata plan --from "$work/export.json" --target "127.0.0.1:$target_port" --hooks scripts/hooks \
    -o "$work/plan.json"

step "ferry metadata import"
status=0
"$ferry" metadata import "$work/plan.json" --target "127.0.0.1:$target_port" --journal "$work/state.sqlite" \
    >"$work/import.log" || status=$?
grep -v '^\[' "$work/import.log" || true
echo "(per-item lines in $work/import.log; exit code $status)"

step "ferry metadata import again: nothing left to do"
"$ferry" metadata import "$work/plan.json" --target "127.0.0.1:$target_port" --journal "$work/state.sqlite" \
    | grep -v '^\['

step "done: export, plan and journal are in $work/"
exit "$status"
