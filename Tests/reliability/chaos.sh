#!/usr/bin/env bash
# The chaos schedule (issue 19's soak, Jepsen's nemeses with the real binary): seven homes and
# two shared folders. The secretariat relays between them; four members sync only the first,
# two only the second. Each round a random home posts, replies or syncs; the nemeses
# partition the two folders (the relay stops syncing for a while), deliver files twice (a
# segment copied into the other folder by hand) and late (a segment taken away and put back
# rounds later), and skew the clocks of three homes by days (INTERSESSION_NOW: what the
# signer stamps; no rule may depend on it). Every CHAOS_HEAL_EVERY rounds the partition heals,
# every home syncs until quiet, and the state digests (`repair --check`) must all be equal:
# a divergence is reported with the seed and the round, and the folders are kept.
#
#   Tests/reliability/chaos.sh [SECONDS]      (default 120)
#   CHAOS_SEED=N  the schedule's seed (default: from the clock; printed)
#   CHAOS_HEAL_EVERY=N  rounds between checks (default 40)
set -Eeuo pipefail
cd "$(dirname "$0")/../.."

SECONDS_TO_RUN=${1:-120}
SEED=${CHAOS_SEED:-$(( $(date +%s) % 32768 ))}
RANDOM=$SEED
HEAL_EVERY=${CHAOS_HEAL_EVERY:-40}
BIN=${INTERSESSION_BIN:-$PWD/.build/debug/intersession}
[ -x "$BIN" ] || { echo "chaos: no executable at $BIN" >&2; exit 2; }
SCRATCH=${TMPDIR:-/tmp}
[ "$(df -Pm /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')" -gt 512 ] 2>/dev/null && SCRATCH=/dev/shm
T=$(mktemp -d "$SCRATCH/intersession-chaos.XXXXXX")
export HOME="$T/home"; mkdir -p "$HOME"
unset INTERSESSION_HOME XDG_DATA_HOME INTERSESSION_NOW
cp "$BIN" "$T/intersession"; BIN="$T/intersession"
DIVERGED=0 CHECKS=0 DONE=
finish() {
    if [ "$DIVERGED" -gt 0 ] || [ -n "${CHAOS_KEEP:-}" ]; then echo "chaos: kept $T"; else rm -rf "$T"; fi
    [ -n "$DONE" ] || { echo "chaos: the script itself broke (seed $SEED, round ${ROUND:-0})"; echo "0 passed, 1 failed"; }
}
trap finish EXIT

F="$T/folder-one" G="$T/folder-two" SEC="$T/sec"
mkdir -p "$F" "$G"
ONE=("$T/m1" "$T/m2" "$T/m3" "$T/m4") TWO=("$T/m5" "$T/m6")
HOMES=("$SEC" "${ONE[@]}" "${TWO[@]}")
declare -A SKEW=(["$T/m2"]=$((3 * 86400000)) ["$T/m5"]=$((-2 * 86400000)) ["$T/m4"]=$((-5 * 86400000)))
PARTITIONED=0 LATE=() ROUND=0 POSTS=0 FAILED_ACTS=0

# as HOME CMD...: runs an intersession command in HOME, with HOME's clock skew.
as() {
    local h=$1; shift
    if [ -n "${SKEW[$h]:-}" ]; then
        INTERSESSION_NOW=$(( $(date +%s%3N) + SKEW[$h] )) "$BIN" "$@" --home "$h"
    else
        "$BIN" "$@" --home "$h"
    fi
}
q() { "$@" >/dev/null 2>&1; }
sync_home() {
    local status=0
    as "$1" sync >"$T/out" 2>&1 || status=$?
    [ "$status" -eq 0 ] || [ "$status" -eq 3 ] || { echo "chaos: sync of $(basename "$1") failed ($status, seed $SEED, round $ROUND):"; cat "$T/out"; return 1; }
}

setup() {
    q "$BIN" init --home "$SEC" --name "Relay Secretariat" --org "WCO"
    q "$BIN" sync --home "$SEC" --folder "$F" --folder "$G"
    local h i=0
    for h in "${ONE[@]}" "${TWO[@]}"; do
        i=$((i + 1))
        q "$BIN" invite --home "$SEC" --name "Member $i" --org "Org $i" --role member --out "$T/m$i.invite"
    done
    q "$BIN" sync --home "$SEC"
    i=0
    for h in "${ONE[@]}"; do i=$((i + 1)); q "$BIN" join "$T/m$i.invite" --home "$h" --name "Member $i" --folder "$F"; done
    for h in "${TWO[@]}"; do i=$((i + 1)); q "$BIN" join "$T/m$i.invite" --home "$h" --name "Member $i" --folder "$G"; done
    heal
}

# heal: the partition ends, late files come back, and every home syncs until nothing moves.
heal() {
    PARTITIONED=0
    local file
    for file in ${LATE[@]+"${LATE[@]}"}; do [ -f "$T/late/$(basename "$file")" ] && mv -n "$T/late/$(basename "$file")" "$file" || true; done
    LATE=()
    local round h
    for round in 1 2 3; do for h in "${HOMES[@]}"; do sync_home "$h"; done; done
}

# the relay's sync; while partitioned it withholds the second folder by not syncing at all:
# the homes of each folder still meet, the two sides do not.
relay_sync() {
    [ "$PARTITIONED" -gt 0 ] || sync_home "$SEC"
}

# random_segment FOLDER: a segment file of FOLDER, or nothing.
random_segment() {
    local files
    mapfile -t files < <(find "$1" -path '*/feeds/*' -name '*.seg' -not -name '.*' 2>/dev/null)
    [ ${#files[@]} -gt 0 ] && echo "${files[$((RANDOM % ${#files[@]}))]}" || true
}

nemesis() {
    local file target
    case $((RANDOM % 6)) in
        0) [ "$PARTITIONED" -gt 0 ] || PARTITIONED=$((5 + RANDOM % 15)) ;;
        1)  # duplicate delivery: a segment of one folder copied into the other by hand
            file=$(random_segment "$F")
            [ -n "$file" ] || return 0
            target="$G/${file#"$F"/}"
            mkdir -p "$(dirname "$target")"
            cp -n "$file" "$target" 2>/dev/null || true ;;
        2)  # late delivery: a segment taken away, put back at the next heal
            file=$(random_segment "$G")
            [ -n "$file" ] || return 0
            mkdir -p "$T/late"
            mv -n "$file" "$T/late/" && LATE+=("$file") ;;
        *) ;;
    esac
}

act() {
    local h=${HOMES[$((RANDOM % ${#HOMES[@]}))]}
    case $((RANDOM % 4)) in
        0|1)
            POSTS=$((POSTS + 1))
            q as "$h" post flows --title "Round $ROUND from $(basename "$h")" --body "Post $POSTS" || FAILED_ACTS=$((FAILED_ACTS + 1)) ;;
        2)
            local thread
            thread=$(as "$h" threads flows --json 2>/dev/null | jq -r '.[0].id // empty' 2>/dev/null || true)
            [ -z "$thread" ] || q as "$h" reply "${thread:0:8}" --body "Reply in round $ROUND" || FAILED_ACTS=$((FAILED_ACTS + 1)) ;;
        3)
            if [ "$h" = "$SEC" ]; then relay_sync; else sync_home "$h"; fi ;;
    esac
}

# compare: every home's state digest; a divergence names the seed and the round.
compare() {
    heal
    local h digests=()
    for h in "${HOMES[@]}"; do
        digests+=("$("$BIN" repair --check --home "$h" 2>&1 | sed -n 's/^  state digest: //p')")
    done
    CHECKS=$((CHECKS + 1))
    if [ "$(printf '%s\n' "${digests[@]}" | sort -u | wc -l)" -ne 1 ] || [ -z "${digests[0]}" ]; then
        DIVERGED=$((DIVERGED + 1))
        echo "chaos: DIVERGENCE at round $ROUND, seed $SEED:"
        for h in "${!digests[@]}"; do echo "  $(basename "${HOMES[$h]}"): ${digests[$h]:-(no digest: store not sound)}"; done
    fi
}

echo "chaos: $SECONDS_TO_RUN s, seed $SEED, check every $HEAL_EVERY rounds"
setup
END=$(( $(date +%s) + SECONDS_TO_RUN ))
while [ "$(date +%s)" -lt "$END" ]; do
    ROUND=$((ROUND + 1))
    nemesis
    act
    [ "$PARTITIONED" -eq 0 ] || PARTITIONED=$((PARTITIONED - 1))
    [ $((ROUND % HEAL_EVERY)) -ne 0 ] || compare
done
compare
echo "chaos: $ROUND rounds, $POSTS posts ($FAILED_ACTS posts or replies refused), $CHECKS digest comparisons of ${#HOMES[@]} homes, $DIVERGED divergences (seed $SEED)"
DONE=1
# No rule here refuses a post or reply: each refusal counts as a failure, as a divergence does.
echo "$((CHECKS - DIVERGED)) passed, $((DIVERGED + FAILED_ACTS)) failed"
[ "$DIVERGED" -eq 0 ] && [ "$FAILED_ACTS" -eq 0 ]
