#!/usr/bin/env bash
# Runs Ferry's benchmarks in release mode: scripts/bench.sh [NAME…] (all of them without a name).
# NAME is one of: agents, agent-idle, dashboard, hooks, hooks-runaway, hostile, metadata, metrics, proxy, readiness, remoting, sandbox (the registry is Sources/FerryBench/Benchmarks.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
# `agents` and `agent-idle` run ferry-coordinator and ferry-agent as their own processes, found beside ferry-bench.
if [ $# -eq 0 ] || [[ " $* " == *" agent"* ]]; then
    swift build -c release --product ferry-coordinator
    swift build -c release --product ferry-agent
fi
swift run -c release ferry-bench "$@"
