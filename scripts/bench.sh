#!/usr/bin/env bash
# Runs Ferry's benchmarks in release mode: scripts/bench.sh [NAME…] (all of them without a name).
# NAME is one of: agents, dashboard, hooks, hooks-runaway, hostile, metadata, metrics, proxy, readiness, remoting, sandbox (the registry is Sources/FerryBench/Benchmarks.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
swift run -c release ferry-bench "$@"
