#!/usr/bin/env bash
# The long reliability run (issue 19), niced, for a quiet machine before a release:
#   1. the property suites with thousands of seeds (Tests/soak.sh; INTERSESSION_SEEDS, default 2000);
#   2. the chaos schedule of many homes, two folders, a relay, partitions, duplicate and late
#      delivery and skewed clocks (chaos.sh) for SOAK_SECONDS (default 1800);
#   3. the crash loop with SOAK_KILLS kills (default 500).
# Each part prints its own figures and seed; the exit status is 0 when all three passed.
#   SOAK_PARTS="properties chaos crash"   which parts to run (default all three)
set -uo pipefail
cd "$(dirname "$0")/../.."
parts=${SOAK_PARTS:-properties chaos crash}
status=0
for part in $parts; do
    start=$(date +%s)
    case $part in
        properties) nice -n 10 Tests/soak.sh || status=1 ;;
        chaos) nice -n 10 Tests/reliability/chaos.sh "${SOAK_SECONDS:-1800}" || status=1 ;;
        crash) CRASH_SEED_POSTS=${CRASH_SEED_POSTS:-100} nice -n 10 Tests/reliability/crash-loop.sh "${SOAK_KILLS:-500}" || status=1 ;;
        *) echo "soak: no part named $part (properties, chaos, crash)"; status=2 ;;
    esac
    echo "soak: $part took $(( $(date +%s) - start )) s"
done
exit "$status"
