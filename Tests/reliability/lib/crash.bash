# The crash loop's steps and checks (sourced by crash-loop.sh, which sets BIN, T, KILLS and
# FAILURES). Homes: the secretariat SEC and two members A and B post and sync; A also edits a
# draft; joiners come one at a time, join (a first join of the whole folder), sync and are
# removed by the secretariat (a new epoch); the observer O is never killed and checks the folder.

F="$T/shared" SEC="$T/sec" A="$T/alice" B="$T/bruno" O="$T/observer"
POSTERS=("$SEC" "$A" "$B")
declare -A FEED=() CONFIRMED_SEQ=() ESTIMATE=() KILLS_OF=()
PASSED=0 KILLED=0 STEPS=0
JOINER= JOINER_STAGE=invite JOINER_COUNT=0 DRAFT= DRAFT_PARAGRAPHS=0 DRAFT_CONFIRMED=0

name_of() { basename "$1"; }

# fail_check KIND WHY [FILE...]: a failed check, with the files that show it.
fail_check() {
    local kind=$1 why=$2 file; shift 2
    FAILED=$((FAILED + 1))
    { printf 'FAIL  %s (step %s, seed %s)\n      why: %s\n' "$kind" "$STEPS" "$SEED" "$why"
      for file in "$@"; do [ -s "$file" ] && sed -e 's/^/        | /' "$file" | head -n 15; done; } | tee -a "$FAILURES"
}
pass_check() { PASSED=$((PASSED + 1)); }

# verify KIND WHY PREDICATE...: counts one check.
verify() {
    local kind=$1 why=$2; shift 2
    if "$@" >/dev/null 2>&1; then pass_check; else fail_check "$kind" "$why" "$T/out" "$T/err"; fi
}

quiet() { "$@" >"$T/out" 2>"$T/err"; }
feed_of() { "$BIN" whoami --home "$1" --json | jq -r .feed; }

# own_seq HOME [STORE]: the highest seq of HOME's own feed in STORE (default HOME's).
own_seq() {
    sqlite3 -readonly "${2:-$1/store.sqlite}" \
        "SELECT coalesce(max(c.seq), 0) FROM change c JOIN feed f ON f.id = c.feed WHERE f.hex = '${FEED[$1]}'"
}

# confirm HOME: HOME's last command succeeded: whatever it signed must survive any later kill.
confirm() { [ -z "${FEED[$1]:-}" ] || CONFIRMED_SEQ[$1]=$(own_seq "$1"); }

# ms_sleep MS
ms_sleep() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

# killable KIND CMD...: runs CMD and kills it with SIGKILL after a random delay, drawn up to a
# little beyond how long KIND last took (a kill stretches the estimate), so that about one run
# in five ends by itself. Sets RC
# (137 when killed) and KILL (1 when killed).
killable() {
    local kind=$1; shift
    local estimate=${ESTIMATE[$kind]:-400} start pid delay
    STEPS=$((STEPS + 1))
    delay=$(( (RANDOM * 32768 + RANDOM) % (estimate * 5 / 4 + 1) ))
    start=$(date +%s%N)
    "$@" >"$T/out" 2>"$T/err" &
    pid=$!
    ms_sleep "$delay"
    kill -KILL "$pid" 2>/dev/null || true
    set +e; wait "$pid" 2>/dev/null; RC=$?; set -e
    if [ "$RC" -eq 137 ]; then
        KILL=1 KILLED=$((KILLED + 1)) KILLS_OF[$kind]=$(( ${KILLS_OF[$kind]:-0} + 1 ))
        # A command slower than its estimate would be killed forever: each kill stretches it.
        ESTIMATE[$kind]=$((estimate * 9 / 8 + 1))
    else
        KILL=0 ESTIMATE[$kind]=$(( ($(date +%s%N) - start) / 1000000 + 1 ))
    fi
}

kill_summary() {
    local kind out=()
    for kind in "${!KILLS_OF[@]}"; do out+=("$kind ${KILLS_OF[$kind]}"); done
    local IFS=,; echo "${out[*]}"
}

# probe HOME: a copy of HOME taken while nothing runs, so that the checks never recover its
# write-ahead log for it: the next command must meet the store exactly as the kill left it.
probe() {
    rm -rf "$T/probe"
    cp -a "$1" "$T/probe"
}

# check_after_kill HOME: the checks every kill is followed by.
check_after_kill() {
    local h=$1
    if [ -f "$h/store.sqlite" ]; then
        probe "$h"
        sqlite3 "$T/probe/store.sqlite" 'PRAGMA integrity_check' >"$T/out" 2>"$T/err" || true
        verify "integrity_check after a kill of $(name_of "$h")" "not ok" grep -qx ok "$T/out"
        if [ -n "${FEED[$h]:-}" ]; then
            local seq
            seq=$(own_seq "$h" "$T/probe/store.sqlite")
            verify "no confirmed change lost" "$(name_of "$h")'s feed is at seq $seq, its last confirmed command left it at ${CONFIRMED_SEQ[$h]:-0}" \
                test "$seq" -ge "${CONFIRMED_SEQ[$h]:-0}"
            check_posts_in "$T/probe/store.sqlite" "$T/confirmed-$(name_of "$h")" "$(name_of "$h")"
        fi
        sqlite3 "$T/probe/store.sqlite" 'SELECT hex, frozen_from FROM feed WHERE frozen_from IS NOT NULL' >"$T/out" 2>"$T/err" || true
        verify "the profile never forks itself" "a feed is frozen in $(name_of "$h")'s store" test ! -s "$T/out"
    fi
    observer_sync
}

# check_posts_in STORE LIST WHO: every post id in LIST (one a line) is in STORE.
check_posts_in() {
    local store=$1 list=$2 who=$3 missing
    [ -s "$list" ] || return 0
    missing=$(sqlite3 -readonly "$store" "SELECT id FROM post" | sort | comm -13 - <(sort -u "$list") | head -n 3)
    [ -z "$missing" ] || printf 'missing: %s\n' $missing >"$T/err"
    verify "no confirmed post lost ($who)" "a post whose command printed its id is not in the store" test -z "$missing"
}

# observer_sync: the observer reads the folder: every file it meets must verify.
observer_sync() {
    set +e; "$BIN" sync --home "$O" >"$T/out" 2>"$T/err"; local status=$?; set -e
    verify "every file in the folder verifies (the observer's sync)" "exit status $status, want 0" test "$status" -eq 0
    sqlite3 -readonly "$O/store.sqlite" 'SELECT hex FROM feed WHERE frozen_from IS NOT NULL' >"$T/out" 2>"$T/err"
    verify "no feed forks (the observer's store)" "a feed is frozen" test ! -s "$T/out"
}

setup_group() {
    mkdir -p "$F"
    quiet "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
    quiet "$BIN" sync --home "$SEC" --folder "$F"
    local who
    for who in alice bruno observer; do
        quiet "$BIN" invite --home "$SEC" --name "Member $who" --org "Org $who" --role member --out "$T/$who.invite"
    done
    quiet "$BIN" sync --home "$SEC"
    for who in alice bruno observer; do
        quiet "$BIN" join "$T/$who.invite" --home "$T/$who" --name "Member $who" --folder "$F"
    done
    local h
    for h in "$SEC" "$A" "$B" "$O" "$SEC" "$A" "$B" "$O"; do quiet "$BIN" sync --home "$h"; done
    for h in "$SEC" "$A" "$B" "$O"; do FEED[$h]=$(feed_of "$h"); : >"$T/confirmed-$(name_of "$h")"; done
    printf '# Crash-proof guidelines\n\nParagraph 0.\n' >"$T/draft.md"
    DRAFT=$("$BIN" draft new --home "$SEC" --title "Crash-proof guidelines" --topic flows --symbol CL/1 \
        --penholder "${FEED[$A]}" --file "$T/draft.md" --json | jq -r .id)
    # A first join must read a folder of some size: each poster adds CRASH_SEED_POSTS posts.
    local n=${CRASH_SEED_POSTS:-40} pids=()
    for h in "${POSTERS[@]}"; do
        ( for i in $(seq 1 "$n"); do "$BIN" post flows --home "$h" --title "Seed $i" --body "Seed post $i of $(name_of "$h")" >/dev/null; done ) &
        pids+=($!)
    done
    wait "${pids[@]}"
    for h in "$SEC" "$A" "$B" "$O" "$SEC" "$A" "$B" "$O"; do quiet "$BIN" sync --home "$h"; done
    for h in "$SEC" "$A" "$B"; do confirm "$h"; done
    echo "crash-loop: the group is ready ($(sqlite3 -readonly "$O/store.sqlite" 'SELECT count(*) FROM change') changes)"
}

step_post() {
    local h=${POSTERS[$((RANDOM % 3))]}
    local title="Post $STEPS of $(name_of "$h")"
    killable post "$BIN" post flows --home "$h" --title "$title" --body "Body $STEPS" --json
    if [ "$KILL" -eq 0 ]; then
        verify "a post succeeds" "exit status $RC" test "$RC" -eq 0
        jq -r .id <"$T/out" >>"$T/confirmed-$(name_of "$h")"
        confirm "$h"
    else
        check_after_kill "$h"
    fi
}

step_sync() {
    local h=${POSTERS[$((RANDOM % 3))]}
    killable sync "$BIN" sync --home "$h"
    if [ "$KILL" -eq 0 ]; then
        verify "a sync succeeds" "exit status $RC, want 0" test "$RC" -eq 0
        confirm "$h"
    else
        check_after_kill "$h"
    fi
}

# step_draft: A saves the draft with one more paragraph than its last save; each save holds
# every paragraph so far, so a killed save is simply made again by the next.
step_draft() {
    DRAFT_PARAGRAPHS=$((DRAFT_PARAGRAPHS + 1))
    { printf '# Crash-proof guidelines\n\nParagraph 0.\n'
      for i in $(seq 1 "$DRAFT_PARAGRAPHS"); do printf '\nParagraph %s, written at step %s.\n' "$i" "$i"; done; } >"$T/draft.md"
    killable draft "$BIN" draft edit "${DRAFT:0:8}" --file "$T/draft.md" --home "$A"
    if [ "$KILL" -eq 0 ]; then
        verify "a draft save succeeds" "exit status $RC" test "$RC" -eq 0
        DRAFT_CONFIRMED=$DRAFT_PARAGRAPHS
        confirm "$A"
    else
        check_after_kill "$A"
        check_draft_in "$T/probe" "A's store after a kill"
    fi
}

# check_draft_in HOME WHO: the draft in HOME holds the last confirmed save's paragraphs.
check_draft_in() {
    [ "$DRAFT_CONFIRMED" -gt 0 ] || return 0
    set +e; "$BIN" draft show "${DRAFT:0:8}" --home "$1" >"$T/out" 2>"$T/err"; set -e
    verify "no confirmed draft save lost ($2)" "paragraph $DRAFT_CONFIRMED is missing" \
        grep -q "Paragraph $DRAFT_CONFIRMED, written" "$T/out"
}

# step_joiner: the joiner's cycle, one stage a step: invited, joined (a first join of the whole
# folder), synced, removed. A killed stage is run again until it succeeds.
step_joiner() {
    case $JOINER_STAGE in
        invite)
            JOINER_COUNT=$((JOINER_COUNT + 1)) JOINER="$T/joiner-$JOINER_COUNT"
            killable invite "$BIN" invite --home "$SEC" --name "Joiner $JOINER_COUNT" --org "Org $JOINER_COUNT" \
                --role member --out "$JOINER.invite"
            if [ "$KILL" -eq 1 ]; then check_after_kill "$SEC"; rm -f "$JOINER.invite"; JOINER_COUNT=$((JOINER_COUNT - 1)); return; fi
            verify "an invite succeeds" "exit status $RC" test "$RC" -eq 0
            confirm "$SEC"
            quiet "$BIN" sync --home "$SEC"
            JOINER_STAGE=join ;;
        join)
            killable join "$BIN" join "$JOINER.invite" --home "$JOINER" --name "Joiner $JOINER_COUNT" --folder "$F"
            if [ "$KILL" -eq 1 ]; then check_after_kill "$JOINER"; return; fi
            verify "a join, after any number of killed ones, succeeds" "exit status $RC" test "$RC" -eq 0
            # A home no join can take up is reported once; the loop goes on with a new joiner.
            if [ "$RC" -ne 0 ]; then JOINER_STAGE=invite; return; fi
            FEED[$JOINER]=$(feed_of "$JOINER")
            : >"$T/confirmed-$(name_of "$JOINER")"
            confirm "$JOINER"
            JOINER_STAGE=sync ;;
        sync)
            killable sync "$BIN" sync --home "$JOINER"
            if [ "$KILL" -eq 1 ]; then check_after_kill "$JOINER"; return; fi
            verify "the joiner's sync succeeds" "exit status $RC" test "$RC" -eq 0
            quiet "$BIN" sync --home "$SEC"
            JOINER_STAGE=remove ;;
        remove)
            killable remove "$BIN" member remove "${FEED[$JOINER]:0:8}" --home "$SEC"
            if [ "$KILL" -eq 1 ]; then check_after_kill "$SEC"; return; fi
            if [ "$RC" -ne 0 ] && grep -qi "not a member\|already removed\|no such member" "$T/err"; then
                RC=0 # a killed removal that had committed: the removal is done
            fi
            verify "a removal (a new epoch) succeeds" "exit status $RC" test "$RC" -eq 0
            confirm "$SEC"
            JOINER_STAGE=invite ;;
    esac
}

one_step() {
    case $((RANDOM % 10)) in
        0|1|2) step_post ;;
        3|4|5) step_sync ;;
        6) step_draft ;;
        *) step_joiner ;;
    esac
}

# final_checks: everyone syncs until the logs agree; every store is sound; a newcomer that
# joins from the folder holds every confirmed post and the last confirmed draft save.
final_checks() {
    local h round digests
    for round in 1 2 3; do
        for h in "$SEC" "$A" "$B" "$O"; do
            set +e; "$BIN" sync --home "$h" >"$T/out" 2>"$T/err"; local status=$?; set -e
            verify "the last syncs succeed" "exit status $status in $(name_of "$h")" test "$status" -eq 0
        done
    done
    digests=$(for h in "$SEC" "$A" "$B" "$O"; do
        sqlite3 -readonly "$h/store.sqlite" \
            "SELECT f.hex, c.seq, hex(c.hash) FROM change c JOIN feed f ON f.id = c.feed ORDER BY 1, 2" | md5sum
    done | sort -u | wc -l)
    verify "every home holds the same log in the end" "$digests different logs" test "$digests" -eq 1
    : >"$T/digests"
    for h in "$SEC" "$A" "$B" "$O"; do
        set +e; "$BIN" repair --check --home "$h" >"$T/out" 2>"$T/err"; local status=$?; set -e
        verify "repair --check finds $(name_of "$h")'s store sound" "exit status $status" test "$status" -eq 0
        grep '^  state digest: ' "$T/out" >>"$T/digests" || true
    done
    verify "every home has the same state in the end (state digests)" "$(sort -u "$T/digests" | wc -l) digests for 4 homes" \
        test "$(wc -l <"$T/digests")" -eq 4 -a "$(sort -u "$T/digests" | wc -l)" -eq 1
    quiet "$BIN" invite --home "$SEC" --name "Newcomer" --org "Org new" --role member --out "$T/newcomer.invite"
    quiet "$BIN" sync --home "$SEC"
    quiet "$BIN" join "$T/newcomer.invite" --home "$T/newcomer" --name "Newcomer" --folder "$F"
    quiet "$BIN" sync --home "$T/newcomer"
    for h in "$SEC" "$A" "$B"; do
        check_posts_in "$T/newcomer/store.sqlite" "$T/confirmed-$(name_of "$h")" "the newcomer has $(name_of "$h")'s posts from the folder"
    done
    check_draft_in "$T/newcomer" "the newcomer's"
    local litter
    litter=$(find "$F" -name '.*.tmp-*' | wc -l)
    echo "crash-loop: $litter temporary files left in the folder by killed writers"
}

report_and_exit() {
    DONE=1
    if [ "$FAILED" -gt 0 ]; then echo "crash-loop: failures (seed $SEED):"; sort "$FAILURES" | grep '^FAIL' | uniq -c | head -n 20; fi
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
}
