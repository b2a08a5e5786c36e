# Comparing replicas: syncing them until nothing moves, and what a reader sees (every thread
# and every post, as one JSON document). A script that sources this has set T (e2e_begin),
# sources harness.bash first; it may define its own sync_in HOME before sourcing this.

QUIET='^sync: exported 0 changes in 0 files; imported 0 from 0 feeds;'
SYNCLOG=${SYNCLOG:-"$T/sync.log"}
touch "$SYNCLOG"

# sync_in HOME [ARGS...]: one sync, which must succeed (exit 0, or 3: done, but a file or change
# was rejected or a feed is frozen); what it printed is added to $SYNCLOG. Returns non-zero
# (after reporting a failed check) when the sync failed.
declare -F sync_in >/dev/null || sync_in() {
    local h=$1; shift
    run "$BIN" sync --home "$h" "$@"
    { echo "## $(basename "$h")"; cat "$OUT" "$ERR"; } >>"$SYNCLOG"
    if { [ "$RC" -ne 0 ] && [ "$RC" -ne 3 ]; } || [ -s "$ERR" ]; then
        fail "sync of $(basename "$h") succeeds" "exit status $RC, or output on stderr"
        return 1
    fi
}

# quiet_syncs NAME ROUNDS HOME...: the homes sync one after the other in the order given, round
# after round, until a whole round moves nothing (at most ROUNDS rounds). Each sync is the
# script's own sync_in, quiet when its output matches $QUIET. With BEFORE_ROUND set to a
# function, it runs first in each round with NAME (Syncthing settling); if it fails, the
# rounds end (it has reported why).
quiet_syncs() {
    local name=$1 max=$2; shift 2
    local round h quiet
    for round in $(seq 1 "$max"); do
        if [ -n "${BEFORE_ROUND:-}" ]; then "$BEFORE_ROUND" "$name" || return 0; fi
        quiet=1
        for h in "$@"; do
            sync_in "$h" || return 0
            grep -Eq "$QUIET" "$OUT" || quiet=
        done
        if [ -n "$quiet" ]; then pass "$name (quiet in round $round)"; return 0; fi
    done
    fail "$name" "still exchanging changes after $max rounds"
}

# snapshot HOME: what a reader sees, as one JSON document: the threads (id, title, post count)
# and every thread's posts (id, author, body, parent, depth) in the order show prints them.
# Read marks are left out: they are local.
snapshot() {
    local h=$1 id
    {
        "$BIN" threads --home "$h" --json | jq -c 'map({id, title, posts}) | sort_by(.id)'
        for id in $("$BIN" threads --home "$h" --json | jq -r '.[].id' | sort); do
            "$BIN" show "$id" --home "$h" --json --keep-unread \
                | jq -c '{thread: .thread.id, posts: [.posts[] | {id, author, body, parent, depth}]}'
        done
    } 2>&1 | jq -s -S '{threads: .[0], shows: .[1:]}' 2>&1 || true
}

# same_snapshots NAME HOME...: every home shows the same threads and posts. The first home's
# snapshot is left in $SNAP for further checks.
SNAP="$T/snapshot.json"
same_snapshots() {
    local name=$1; shift
    local first=$1 h why=()
    snapshot "$first" >"$SNAP"
    CMD="threads --json and show --json --keep-unread in each of: $(for h in "$@"; do printf '%s ' "$(basename "$h")"; done)"
    RC=0; : >"$OUT"; : >"$ERR"
    for h in "$@"; do
        snapshot "$h" >"$T/snapshot.other"
        if ! cmp -s "$SNAP" "$T/snapshot.other"; then
            why+=("$(basename "$h") differs from $(basename "$first")")
            { echo "--- $(basename "$first") / +++ $(basename "$h")"; diff "$SNAP" "$T/snapshot.other" || true; } >>"$OUT"
        fi
    done
    if ! jq -e '.threads | type == "array"' "$SNAP" >/dev/null 2>&1; then
        why+=("no snapshot of $(basename "$first")"); head -c 2000 "$SNAP" >>"$OUT"
    fi
    if [ ${#why[@]} -eq 0 ]; then pass "$name"; else fail "$name" "$(joined "${why[@]}")"; fi
}
