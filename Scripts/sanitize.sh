#!/usr/bin/env bash
# Builds and runs the Swift test suite under a sanitizer, in a build directory of its own so
# that the normal .build is untouched:  Scripts/sanitize.sh address|thread [swift test args...]
# Reports of third-party code are suppressed by the files under Scripts/sanitizers/ (each line
# says why); a report in our own code fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizer="${1:?usage: Scripts/sanitize.sh address|thread [swift test arguments]}"
shift
case "$sanitizer" in
    address) build_path=.build-asan ;;
    thread) build_path=.build-tsan ;;
    *) echo "unknown sanitizer: $sanitizer (address or thread)" >&2; exit 2 ;;
esac
suppressions="$PWD/Scripts/sanitizers"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1:abort_on_error=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$suppressions/thread.supp}"
start=$(date +%s)
swift build --build-tests --sanitize="$sanitizer" --build-path "$build_path"
built=$(date +%s)
echo "sanitize $sanitizer: build took $((built - start)) s"
swift test --skip-build --sanitize="$sanitizer" --build-path "$build_path" "$@"
echo "sanitize $sanitizer: tests took $(( $(date +%s) - built )) s, clean"
