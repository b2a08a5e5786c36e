# The helpers the end-to-end scripts share: run a command keeping what it printed, and report
# each check as "ok NAME" or "FAIL NAME" with why, the command and its output. A script
# that sources this sets PASSED, FAILED, OUT, ERR and T first.

# run CMD...: runs CMD with stdin from $STDIN_FILE (default /dev/null), keeping its stdout,
# stderr and exit status for the checks that follow. A hung command is killed after 30 s
# (RUN_TIMEOUT seconds, for a command that builds).
run() {
    CMD="$(printf '%q ' "$@")"
    [ -z "${STDIN_FILE:-}" ] || CMD="$CMD< $STDIN_FILE"
    set +e
    timeout "${RUN_TIMEOUT:-30}" "$@" <"${STDIN_FILE:-/dev/null}" >"$OUT" 2>"$ERR"
    RC=$?
    set -e
}

indent() { sed -e 's/^/        | /' | head -n 25; }

pass() { PASSED=$((PASSED + 1)); printf 'ok    %s\n' "$1"; }

# fail NAME WHY: reports the last command run, with what it printed.
fail() {
    FAILED=$((FAILED + 1))
    printf 'FAIL  %s\n' "$1"
    printf '      why:    %s\n' "$2"
    printf '      cmd:    %s\n' "${CMD:0:400}"
    printf '      exit:   %s\n' "$RC"
    printf '      stdout: (%s bytes)\n' "$(wc -c <"$OUT")"; head -c 3000 "$OUT" | indent
    printf '      stderr: (%s bytes)\n' "$(wc -c <"$ERR")"; head -c 3000 "$ERR" | indent
}

# check NAME WHY PREDICATE...: passes when PREDICATE (a test, not the program) succeeds.
check() {
    local name=$1 why=$2; shift 2
    if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name" "$why"; fi
}

# expect_ok NAME CMD...: CMD exits 0 and prints nothing on stderr.
expect_ok() {
    local name=$1; shift
    run "$@"
    if [ "$RC" -ne 0 ]; then fail "$name" "exit status $RC, want 0"
    elif [ -s "$ERR" ]; then fail "$name" "unexpected output on stderr"
    else pass "$name"; fi
}

# expect_id NAME CMD...: CMD, run with --json, succeeds quietly and prints {"id": <32-hex id>}
# (or {"ids": [one id]}); the full id is kept in $ID and ALL_IDS.
ALL_IDS=()
expect_id() {
    local name=$1; shift
    run "$@" --json
    ID=$(jq -r '.id // (.ids | if length == 1 then .[0] else empty end) // empty' <"$OUT" 2>/dev/null || true)
    if [ "$RC" -ne 0 ]; then fail "$name" "exit status $RC, want 0"
    elif [ -s "$ERR" ]; then fail "$name" "unexpected output on stderr"
    elif ! [[ "$ID" =~ ^[0-9a-f]{32}$ ]]; then
        fail "$name" "stdout is not {\"id\": <a 32-hex id>}"
    else pass "$name"; fi
    ALL_IDS+=("$ID")
}

# expect_short_id NAME CMD...: CMD succeeds quietly and prints exactly one short (8-hex) id,
# kept in $ID.
expect_short_id() {
    local name=$1; shift
    run "$@"
    ID=$(tr -d '\n' <"$OUT")
    if [ "$RC" -ne 0 ]; then fail "$name" "exit status $RC, want 0"
    elif [ -s "$ERR" ]; then fail "$name" "unexpected output on stderr"
    elif [ "$(wc -l <"$OUT")" -ne 1 ] || ! grep -Eqx '[0-9a-f]{8}' "$OUT"; then
        fail "$name" "stdout is not exactly one 8-hex id"
    else pass "$name"; fi
}

# expect_json NAME FILTER [JQ ARGS...]: the last command's stdout is JSON for which FILTER is true.
expect_json() {
    local name=$1 filter=$2; shift 2
    local verdict
    if ! verdict=$(jq -e "$@" "$filter" <"$OUT" 2>&1); then
        fail "$name" "jq filter not true: $filter -> ${verdict:0:200}"
    elif [ "$verdict" != true ]; then
        fail "$name" "jq filter gave '$verdict', want true: $filter"
    else pass "$name"; fi
}

# json_ok NAME FILTER [JQ ARGS...] -- CMD...: runs CMD (which must succeed) and checks its JSON.
json_ok() {
    local name=$1 filter=$2; shift 2
    local args=()
    while [ "$1" != -- ]; do args+=("$1"); shift; done
    shift
    run "$@"
    if [ "$RC" -ne 0 ]; then fail "$name" "exit status $RC, want 0"
    elif [ -s "$ERR" ]; then fail "$name" "unexpected output on stderr"
    else expect_json "$name" "$filter" ${args[@]+"${args[@]}"}; fi
}

# joined WORDS...: the words separated by "; ".
joined() { local out=$1; shift; while [ $# -gt 0 ]; do out="$out; $1"; shift; done; printf '%s' "$out"; }

# state_of HOME: a digest of what a command could change in a profile folder: its file list,
# key and config, and the store's content, leaving out the sync engine's bookkeeping (which
# folder times and segment ranges it has read, which bad files it has reported, and the time
# of the last sync, setting sync.last).
state_of() {
    local h=$1
    if [ ! -e "$h" ]; then echo "(no folder)"; return 0; fi
    echo "files: $(cd "$h" && ls -A | grep -Ev -- '-(wal|shm|journal)$' | paste -sd' ')"
    local f
    for f in identity.key config; do [ -f "$h/$f" ] && echo "$f: $(md5sum <"$h/$f" | cut -c1-12)"; done
    if [ -f "$h/store.sqlite" ]; then
        local n
        if n=$(sqlite3 "$h/store.sqlite" 'select count(*) from change' 2>/dev/null); then
            echo "store: $n changes, content $(sqlite3 "$h/store.sqlite" .dump \
                | grep -Ev '^INSERT INTO "?(folder_feed|seen_segment|seen_file|bad_file)"? ' \
                | grep -Ev "^INSERT INTO \"?setting\"? VALUES\('sync\.last'" | md5sum | cut -c1-12)"
        else
            echo "store: unreadable"
        fi
    fi
    return 0
}

# bad_verdict NAME PATTERN BEFORE AFTER: the last command was bad input: it must exit non-zero,
# print nothing on stdout, exactly one line on stderr matching PATTERN (case-insensitive ERE),
# and leave the state as it was.
bad_verdict() {
    local name=$1 pattern=$2 before=$3 after=$4
    local why=() lines
    lines=$(wc -l <"$ERR")
    [ "$RC" -ne 0 ] || why+=("exit status 0, want non-zero")
    [ "$RC" -ne 124 ] || why+=("timed out")
    [ ! -s "$OUT" ] || why+=("stdout not empty")
    [ "$lines" -eq 1 ] || why+=("stderr has $lines lines, want 1")
    grep -Eiq -- "$pattern" "$ERR" || why+=("stderr does not name the problem (/$pattern/)")
    [ "$before" == "$after" ] || why+=("the profile changed: before {$(echo "$before" | paste -sd';')} after {$(echo "$after" | paste -sd';')}")
    if [ ${#why[@]} -eq 0 ]; then pass "$name"; else fail "$name" "$(joined "${why[@]}")"; fi
}

# expect_bad NAME PATTERN HOME CMD...: CMD is bad input for the profile in HOME.
expect_bad() {
    local name=$1 pattern=$2 home=$3; shift 3
    local before after
    before=$(state_of "$home")
    run "$@"
    after=$(state_of "$home")
    bad_verdict "$name" "$pattern" "$before" "$after"
}

# e2e_begin NAME: the usual start of a script: checks the tools, makes a temporary folder
# (removed on exit, $HOME inside it so no real profile is touched), copies the binary there (a
# build running meanwhile must not swap it), and arranges the closing "N passed, M failed"
# line even when the script breaks. The script sets FINISHED=1 when it reaches its end.
e2e_begin() {
    E2E_NAME=$1
    BIN=${INTERSESSION_BIN:-$(pwd)/.build/debug/intersession}
    [ -x "$BIN" ] || { printf '%s: no executable at %s; run swift build or set INTERSESSION_BIN\n' "$E2E_NAME" "$BIN" >&2; exit 2; }
    local tool
    for tool in jq sqlite3 timeout; do
        command -v "$tool" >/dev/null 2>&1 || { printf '%s: %s is missing (apt-get install -y %s)\n' "$E2E_NAME" "$tool" "$tool" >&2; exit 2; }
    done
    PASSED=0 FAILED=0 FINISHED=
    T=$(mktemp -d "${TMPDIR:-/tmp}/intersession-$E2E_NAME-e2e.XXXXXX")
    trap e2e_end EXIT
    export HOME="$T/home"
    mkdir -p "$HOME"
    unset INTERSESSION_HOME XDG_DATA_HOME INTERSESSION_NOW
    cp "$BIN" "$T/intersession"
    BIN="$T/intersession"
    OUT="$T/stdout" ERR="$T/stderr"
    RC=0 CMD=
    : >"$OUT"; : >"$ERR"
}

e2e_end() {
    local status=$?
    rm -rf "$T"
    if [ -z "$FINISHED" ]; then
        echo "$E2E_NAME: stopped early (status $status): the test script itself broke"
        echo "$PASSED passed, $((FAILED + 1)) failed"
        exit 1
    fi
}

# q CMD...: runs a setup step quietly.
q() { "$@" >/dev/null 2>&1; }

# syncall HOME...: each profile syncs with its remembered folders, in this order. Status 3
# (synced, but a file was rejected or a feed is frozen) is what some scripts make on purpose.
syncall() {
    local home status
    for home in "$@"; do
        status=0
        "$BIN" sync --home "$home" >/dev/null 2>&1 || status=$?
        [ "$status" -eq 0 ] || [ "$status" -eq 3 ] || return "$status"
    done
}
