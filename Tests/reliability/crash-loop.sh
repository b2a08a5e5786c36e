#!/usr/bin/env bash
# The crash loop (issue 19): several homes post, edit a draft, join, remove members (a new
# epoch each time) and sync through one shared folder while the commands are killed with
# SIGKILL at random points. After every kill it checks, on the killed home:
#   - SQLite's `PRAGMA integrity_check` is ok;
#   - no confirmed change is lost: every post whose command printed its id is in the store, and
#     the home's own feed reaches at least the seq it had after its last successful command;
#   - the profile never forks itself: no feed of the store is frozen;
#   - no segment is half-written under a final name: an observer that is never killed syncs,
#     and every file it reads verifies (a sync that rejects a file exits 3);
# then the killed command is simply run again later, as a user would. At the end every home
# syncs until they agree, `repair --check` finds each store sound, and a newcomer that joins
# from the folder holds every confirmed post: what was confirmed reached the folder.
#
#   Tests/reliability/crash-loop.sh [KILLS]      (default 50; the soak runs 500)
#   CRASH_SEED=N            the seed of the schedule (default: from the clock; printed)
#   CRASH_SEED_POSTS=N      posts each poster makes before the loop (default 40)
#   CRASH_KEEP=1            keep the temporary folder (printed) for a look after a failure
#   INTERSESSION_BIN=PATH   the binary (default .build/debug/intersession)
#
# The last line is "N passed, M failed" (the checks, each counted once per kind) and the exit
# status is 0 when nothing failed. Timing decides where a kill lands, so a seed replays the
# schedule of commands and delays, not the exact instants.
set -Eeuo pipefail
cd "$(dirname "$0")/../.."

KILLS=${1:-50}
SEED=${CRASH_SEED:-$(( $(date +%s) % 32768 ))}
RANDOM=$SEED
BIN=${INTERSESSION_BIN:-$PWD/.build/debug/intersession}
[ -x "$BIN" ] || { echo "crash-loop: no executable at $BIN; run swift build or set INTERSESSION_BIN" >&2; exit 2; }
for tool in sqlite3 jq; do command -v "$tool" >/dev/null || { echo "crash-loop: $tool is missing" >&2; exit 2; }; done

# A kill loses no page the kernel holds, so a memory file system tests the same and spares the
# fsyncs: /dev/shm when it has room, else $TMPDIR.
SCRATCH=${TMPDIR:-/tmp}
[ "$(df -Pm /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')" -gt 512 ] 2>/dev/null && SCRATCH=/dev/shm
T=$(mktemp -d "$SCRATCH/intersession-crash.XXXXXX")
export HOME="$T/home"
mkdir -p "$HOME"
unset INTERSESSION_HOME XDG_DATA_HOME INTERSESSION_NOW
cp "$BIN" "$T/intersession"
BIN="$T/intersession"
FAILED=0 FAILURES="$T/failures"
: >"$FAILURES"
finish() {
    local status=$?
    if [ -n "${CRASH_KEEP:-}" ]; then echo "crash-loop: kept $T"; else rm -rf "$T"; fi
    [ "$status" -eq 0 ] || [ -n "${DONE:-}" ] || { echo "crash-loop: the script itself broke (status $status)"; echo "0 passed, 1 failed"; }
}
trap finish EXIT

source "$(dirname "${BASH_SOURCE[0]}")/lib/crash.bash"

echo "crash-loop: $KILLS kills, seed $SEED"
START=$(date +%s)
setup_group
while [ "$KILLED" -lt "$KILLS" ]; do
    one_step
done
echo "crash-loop: $KILLED kills in $STEPS commands ($(kill_summary)); checking the end state"
final_checks
echo "crash-loop: $(( $(date +%s) - START )) s, seed $SEED"
report_and_exit
