#!/usr/bin/env bash
# The property suites with many seeds: INTERSESSION_SEEDS (default 2000) seeds from
# INTERSESSION_SEED_BASE (default 0). CI runs them with a few; run this on a quiet machine
# before a release, or with INTERSESSION_SEED_BASE=N INTERSESSION_SEEDS=1 to replay seed N.
set -euo pipefail
cd "$(dirname "$0")/.."

export INTERSESSION_SEEDS="${INTERSESSION_SEEDS:-2000}"
export INTERSESSION_SEED_BASE="${INTERSESSION_SEED_BASE:-0}"
suites="${SOAK_SUITES:-VoteCloseProperties|InviteRaceProperties|DraftProperties|InviteConvergenceTests|ConvergenceTests|HealingProperties}"

echo "soak: $INTERSESSION_SEEDS seeds from $INTERSESSION_SEED_BASE, suites $suites"
swift build --build-tests
swift test --skip-build --filter "$suites"
