#!/usr/bin/env bash
# Runs Ferry's test suite. Installs Lua 5.4's development files first when they are missing.
#
# The build is not time-limited; the test run is (FERRY_TEST_TIMEOUT, default 40m, well inside CI's 90 minutes),
# so a hung test fails the job with a message instead of using up CI's limit. Every socket-backed test also has
# a Swift Testing time limit, which names it in the log ("Time limit was exceeded") long before this one fires.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
swift build --build-tests "$@"
limit="${FERRY_TEST_TIMEOUT:-40m}"
status=0
# SIGINT, not SIGTERM: SwiftPM runs the test binary in its own process group and forwards SIGINT to it (as for
# Ctrl-C), whereas SIGTERM would kill SwiftPM and leave the test binary running. A run still alive 60 s later is
# killed outright.
# Three tests at a time: the socket-backed suites start whole sandbox clusters, and on 2 cores an unbounded
# parallel run makes their 3-second client timeouts fire (the run takes no longer this way).
timeout --signal=INT --kill-after=60s "$limit" swift test --skip-build --experimental-maximum-parallelization-width 3 "$@" || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "error: the test run did not finish within $limit and was killed (a hang?)." >&2
    echo "error: look above for '◇ Test … started' lines without a matching passed/failed line." >&2
fi
exit "$status"
