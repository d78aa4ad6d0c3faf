#!/usr/bin/env bash
# Ferry's main job, end to end: builds `ferry`, then `ferry demo live` starts a source and a target sandbox
# RocketMQ cluster, a coordinator and an agent (in-process, loopback, free ports); producers and consumers that
# know only the agent's proxy run throughout; the metadata migrates (export → plan → import, with the example
# map hooks of scripts/hooks), then every topic walks through every stage with its checks, all through the
# coordinator. Ends with `sent N, received N (per group), duplicates D, lost 0`; exit code 1 if anything was lost.
#
# Environment: FERRY_DEMO_DIR (default ferry-demo-work: state, secret, hooks, export, plan, demo.log),
# FERRY_DEMO_QUIET (quiet period in seconds, default 3), FERRY_DEMO_RATE (messages/s per producer, default 20).
# The metadata-only demo of 300 namespaced topics is scripts/demo-metadata.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

work="${FERRY_DEMO_DIR:-ferry-demo-work}"

printf '== building ferry (debug: the quickest full build on 2 cores)\n'
swift build --product ferry 2>&1 | tail -n 1
ferry="$(swift build --show-bin-path)/ferry"

rm -rf "$work"
mkdir -p "$work"
printf '== ferry demo live (state and files in %s/, component logs in %s/demo.log)\n' "$work" "$work"
start=$(date +%s)
status=0
"$ferry" demo live --work-dir "$work" --hooks scripts/hooks \
    --quiet-seconds "${FERRY_DEMO_QUIET:-3}" --rate "${FERRY_DEMO_RATE:-20}" \
    --log-level warning 2>"$work/demo.log" || status=$?
printf '== %s s after the build; exit code %s (state in %s/, logs in %s/demo.log)\n' \
    "$(( $(date +%s) - start ))" "$status" "$work" "$work"
exit "$status"
