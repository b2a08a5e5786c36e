#!/usr/bin/env bash
# End-to-end test of the intersession command line (DESIGN §3, §4, §7).
#
# Run from the repository root:   Tests/e2e/cli.sh
# Another binary:                  INTERSESSION_BIN=/path/to/intersession Tests/e2e/cli.sh
#
# Every check prints "ok    NAME" or "FAIL  NAME" followed by why, the command, its exit
# status, stdout and stderr. The last line is always "N passed, M failed"; the exit status is
# 0 when nothing failed, 1 when a check failed (or the script itself broke: it then says where),
# 2 when the test could not start (no binary, no jq, no sqlite3).
# Needs bash, jq and sqlite3. Everything happens in a temporary folder ($HOME included), which
# is removed on exit.
set -Eeuo pipefail

BIN=${INTERSESSION_BIN:-$(pwd)/.build/debug/intersession}

die() { printf 'cli.sh: %s\n' "$*" >&2; exit 2; }
[ -x "$BIN" ] || die "no executable at $BIN; run 'swift build' in the repository root or set INTERSESSION_BIN"
command -v jq >/dev/null 2>&1 || die "jq is missing (apt-get install -y jq)"
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is missing (apt-get install -y sqlite3)"
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) is missing"

PASSED=0 FAILED=0
T=$(mktemp -d "${TMPDIR:-/tmp}/intersession-e2e.XXXXXX")
LOCK_PID=
FINISHED=
cleanup() {
    local status=$?
    exec 3>&- 2>/dev/null || true
    if [ -n "$LOCK_PID" ]; then kill "$LOCK_PID" 2>/dev/null || true; wait "$LOCK_PID" 2>/dev/null || true; fi
    rm -rf "$T"
    if [ -z "$FINISHED" ]; then
        echo "cli.sh: stopped early (status $status) at line ${ERR_LINE:-?}: the test script itself broke"
        echo "$PASSED passed, $((FAILED + 1)) failed"
        exit 1
    fi
}
trap cleanup EXIT
trap 'ERR_LINE=$LINENO' ERR
trap 'exit 130' INT TERM

# Never touch the real profile: every default location points into $T.
export HOME="$T/home"
mkdir -p "$HOME"
unset INTERSESSION_HOME XDG_DATA_HOME INTERSESSION_NOW

OUT="$T/stdout" ERR="$T/stderr"
RC=0 CMD=
: >"$OUT"; : >"$ERR"

# ---------------------------------------------------------------------------------------------
# Running commands and reporting
# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"

# expect_usage NAME HOME CMD...: a bad command line: non-zero exit, nothing on stdout, an
# error on stderr (ArgumentParser adds usage lines), and the profile unchanged.
expect_usage() {
    local name=$1 home=$2; shift 2
    local before after why=()
    before=$(state_of "$home")
    run "$@"
    after=$(state_of "$home")
    [ "$RC" -ne 0 ] || why+=("exit status 0, want non-zero")
    [ ! -s "$OUT" ] || why+=("stdout not empty")
    grep -Eiq 'error' "$ERR" || why+=("no error on stderr")
    [ "$before" == "$after" ] || why+=("the profile changed")
    if [ ${#why[@]} -eq 0 ]; then pass "$name"; else fail "$name" "$(joined "${why[@]}")"; fi
}

# ---------------------------------------------------------------------------------------------
# The scenarios. Alice founds a WGEC group in $A; most checks work in it.

A="$T/alice"
WGEC_KEYS='["flows","business-models","facilitation","safety-security","revenue","risk","best-practices","general","meetings"]'

test_init() {
    expect_ok "init founds a group" "$BIN" init --home "$A" --name "Alice Martin" --org "France"
    check "init writes store.sqlite, identity.key and config" "files missing in $A" \
        test -s "$A/store.sqlite" -a -s "$A/identity.key" -a -s "$A/config"
    check "identity.key has mode 0600" "mode is $(stat -c %a "$A/identity.key" 2>/dev/null)" \
        test "$(stat -c %a "$A/identity.key" 2>/dev/null)" = 600
    json_ok "topics --json lists the nine WGEC topics in order" \
        '[.[].key] == $keys' --argjson keys "$WGEC_KEYS" -- "$BIN" topics --home "$A" --json
    expect_json "every WGEC topic has an English and a French title" \
        'all(.[]; (.titleFrench | type == "string" and length > 0) and (.titleEnglish | type == "string" and length > 0))'
    expect_json "French titles keep their accents" \
        '(map({(.key): .titleFrench}) | add) as $fr
         | $fr.meetings == "Réunions" and $fr["safety-security"] == "Sûreté et sécurité"
           and $fr.flows == "Flux transfrontaliers du commerce électronique"'
    expect_json "a new group has no threads and nothing unread" 'all(.[]; .threads == 0 and .unread == 0)'
}

test_identity() {
    json_ok "whoami --json names the founder as secretariat" \
        '.name == "Alice Martin" and .organisation == "France" and .roles == ["secretariat"]
         and (.feed | test("^[0-9a-f]{64}$")) and (.group.id | test("^[0-9a-f]{64}$"))
         and .group.founder == .feed and .group.members == 1 and .home == $home' \
        --arg home "$A" -- "$BIN" whoami --home "$A" --json
    FEED=$(jq -r .feed <"$OUT" 2>/dev/null || true)
    json_ok "members --json shows the founder with role secretariat" \
        'length == 1 and .[0].feed == $feed and .[0].name == "Alice Martin"
         and .[0].organisation == "France" and (.[0].roles | index("secretariat") != null)' \
        --arg feed "$FEED" -- "$BIN" members --home "$A" --json
    expect_ok "whoami prints text" "$BIN" whoami --home "$A"
    check "whoami text names the person and the role" "no 'Alice Martin' / 'secretariat'" \
        grep -q 'Alice Martin (France), secretariat' "$OUT"
}

test_home_resolution() {
    json_ok "INTERSESSION_HOME selects the profile" '.feed == $feed and .home == $home' \
        --arg feed "$FEED" --arg home "$A" -- env INTERSESSION_HOME="$A" "$BIN" whoami --json
    expect_ok "init honours INTERSESSION_HOME" env INTERSESSION_HOME="$T/bob" "$BIN" init --name Bob --org Kenya
    check "init through INTERSESSION_HOME writes there" "no $T/bob/identity.key" test -s "$T/bob/identity.key"
    json_ok "--home wins over INTERSESSION_HOME" '.feed == $feed' --arg feed "$FEED" -- \
        env INTERSESSION_HOME="$T/bob" "$BIN" whoami --home "$A" --json
    expect_ok "init honours XDG_DATA_HOME" env XDG_DATA_HOME="$T/xdg" "$BIN" init --name Xavier --org Peru
    check "init through XDG_DATA_HOME writes to \$XDG_DATA_HOME/intersession" "no key there" \
        test -s "$T/xdg/intersession/identity.key"
    expect_ok "init falls back to ~/.local/share/intersession" "$BIN" init --name Hana --org Japan
    check "the fallback profile is in \$HOME/.local/share/intersession" "no key there" \
        test -s "$HOME/.local/share/intersession/identity.key"
}

test_posting() {
    export INTERSESSION_HOME="$A"
    expect_id "post --body prints the new id" "$BIN" post flows --title "First thread" \
        --body "Hello colleagues, a first message about parcels and zanzibar."
    P1=$ID
    printf 'Body read from a file.\nSecond line with a tab\there.\n' >"$T/body.txt"
    expect_id "post --file prints the new id" "$BIN" post risk --title "From a file" --file "$T/body.txt"
    P2=$ID
    printf 'Réponse lue sur l'\''entrée standard.\n' >"$T/stdin.txt"
    STDIN_FILE="$T/stdin.txt" expect_id "post reads standard input when neither --body nor --file" \
        "$BIN" post general --title "Depuis l'entrée standard" --language fr
    P3=$ID

    json_ok "show --json has the --body post" \
        '.thread.id == $id and .thread.title == "First thread" and .topicKey == "flows"
         and (.posts | length) == 1 and .posts[0].body == "Hello colleagues, a first message about parcels and zanzibar."
         and .posts[0].depth == 0 and .posts[0].edits == 0 and .posts[0].retracted == false
         and .posts[0].author == $feed and .posts[0].language == "en"' \
        --arg id "$P1" --arg feed "$FEED" -- "$BIN" show "$P1" --json
    json_ok "show --json has the --file post, byte for byte" \
        '.thread.title == "From a file" and .topicKey == "risk" and .posts[0].body == $body' \
        --rawfile body "$T/body.txt" -- "$BIN" show "$P2" --json
    json_ok "show --json has the stdin post, in French" \
        '.thread.title == "Depuis l'\''entrée standard" and .posts[0].body == $body and .posts[0].language == "fr"' \
        --rawfile body "$T/stdin.txt" -- "$BIN" show "$P3" --json
    json_ok "threads --json lists the three threads" '[.[].id] | sort == ([$a, $b, $c] | sort)' \
        --arg a "$P1" --arg b "$P2" --arg c "$P3" -- "$BIN" threads --json
    json_ok "threads TOPIC --json keeps to the topic" '[.[].id] == [$a]' --arg a "$P2" -- "$BIN" threads risk --json
    json_ok "topics --json counts threads and posts" \
        '(map({(.key): [.threads, .posts]}) | add) as $c | $c.flows == [1,1] and $c.risk == [1,1] and $c.general == [1,1] and $c.meetings == [0,0]' \
        -- "$BIN" topics --json
    expect_json "your own posts are not unread" 'all(.[]; .unread == 0)'
    unset INTERSESSION_HOME
}

test_replies() {
    export INTERSESSION_HOME="$A"
    expect_id "reply with --quote prints the new id" "$BIN" reply "$P1" --body "I agree with this." --quote "a first message"
    R1=$ID
    expect_id "reply to a reply (by its 8-character short id)" "$BIN" reply "${R1:0:8}" --body "Me too, two levels down."
    R2=$ID
    json_ok "show --json nests the replies (depth 0, 1, 2) with parents and the quote" \
        '.thread.posts == 3 and (.posts | length) == 3
         and (.posts | map({(.id): .}) | add) as $p
         | $p[$p1].depth == 0
           and $p[$r1].depth == 1 and $p[$r1].parent == $p1 and $p[$r1].quote == "a first message"
           and $p[$r1].thread == $p1 and $p[$r1].body == "I agree with this."
           and $p[$r2].depth == 2 and $p[$r2].parent == $r1 and $p[$r2].thread == $p1' \
        --arg p1 "$P1" --arg r1 "$R1" --arg r2 "$R2" -- "$BIN" show "$P1" --json --keep-unread
    expect_bad "a quote that is not in the post replied to is refused" 'quote' "$A" \
        "$BIN" reply "$P1" --body "Indeed." --quote "words nobody wrote"
    expect_ok "show prints the tree as text" "$BIN" show "$P1" --keep-unread
    check "show text has the title, the quote and every post" "missing in the text" \
        bash -c 'grep -q "First thread" "$1" && grep -q "> a first message" "$1" && grep -q "Me too, two levels down." "$1"' _ "$OUT"
    unset INTERSESSION_HOME
}

test_edit_history() {
    export INTERSESSION_HOME="$A"
    expect_ok "edit replaces the text" "$BIN" edit "$P1" --body "Hello colleagues, a revised message about containers."
    json_ok "history --json shows both versions, oldest first" \
        'length == 2 and .[0].body == "Hello colleagues, a first message about parcels and zanzibar."
         and .[1].body == "Hello colleagues, a revised message about containers."' \
        -- "$BIN" history "$P1" --json
    json_ok "show --json has the new text and edits == 1" \
        '(.posts[] | select(.id == $id)) | .body == "Hello colleagues, a revised message about containers." and .edits == 1' \
        --arg id "$P1" -- "$BIN" show "$P1" --json --keep-unread
    expect_bad "an edit that changes nothing is refused" 'unchanged' "$A" \
        "$BIN" edit "$P1" --body "Hello colleagues, a revised message about containers."
    expect_ok "history prints text" "$BIN" history "$P1"
    check "history text has both versions" "a version is missing" \
        bash -c 'grep -q "parcels" "$1" && grep -q "containers" "$1"' _ "$OUT"
    unset INTERSESSION_HOME
}

test_retract() {
    export INTERSESSION_HOME="$A"
    expect_id "post a thread to retract" "$BIN" post general --title "To withdraw" --body "The quetzal proposal."
    P4=$ID
    json_ok "search finds the post before it is retracted" 'map(.post) | index($id) != null' --arg id "$P4" \
        -- "$BIN" search quetzal --json
    expect_ok "retract withdraws the post" "$BIN" retract "$P4"
    json_ok "show --json marks it retracted with an empty body" \
        '.posts[0].retracted == true and .posts[0].body == ""' -- "$BIN" show "$P4" --json
    json_ok "search no longer finds the retracted post" 'map(.post) | index($id) == null' --arg id "$P4" \
        -- "$BIN" search quetzal --json
    # A retracted post is withdrawn: editing it must not sign its new text into the log.
    expect_bad "editing a retracted post is refused" 'retract' "$A" "$BIN" edit "$P4" --body "Published after all."
    expect_bad "retracting it again is refused" 'retract' "$A" "$BIN" retract "$P4"
    expect_bad "the history of a retracted post is not shown" 'retract' "$A" "$BIN" history "$P4"
    unset INTERSESSION_HOME
}

test_search() {
    export INTERSESSION_HOME="$A"
    json_ok "search finds a word" 'map(.post) | index($id) != null' --arg id "$P2" -- "$BIN" search tab --json
    json_ok "search ignores accents (reponse finds Réponse)" \
        'map(.post) | index($id) != null' --arg id "$P3" -- "$BIN" search reponse --json
    json_ok "search ignores accents in the query too (entrée finds entree)" \
        'map(.post) | index($id) != null' --arg id "$P3" -- "$BIN" search "ENTRÉE" --json
    json_ok "search finds the edited text" 'map(.post) | index($id) != null' --arg id "$P1" -- "$BIN" search containers --json
    json_ok "search no longer finds the edited-away word" 'map(.post) | index($id) == null' --arg id "$P1" \
        -- "$BIN" search parcels --json
    json_ok "search results name the thread and its title" \
        'length >= 1 and (.[0] | .thread == $id and .threadTitle == "From a file")' --arg id "$P2" -- "$BIN" search tab --json
    expect_ok "search prints text" "$BIN" search containers
    check "search text shows the short id" "no ${P1:0:8} in the output" grep -q "${P1:0:8}" "$OUT"
    unset INTERSESSION_HOME
}

test_unread() {
    export INTERSESSION_HOME="$A"
    # Your own posts are born read and sync is not in this command line yet, so forget the
    # read marks of thread P1 (as if its three posts had arrived from a peer).
    run sqlite3 "$A/store.sqlite" "DELETE FROM read_post WHERE thread = '$P1'"
    if [ "$RC" -ne 0 ]; then fail "mark thread $P1 unread (test setup)" "sqlite3 failed"; unset INTERSESSION_HOME; return 0; fi
    json_ok "topics --json counts the unread posts" '(.[] | select(.key == "flows") | .unread) == 3' -- "$BIN" topics --json
    json_ok "threads --json counts the unread posts" '(.[] | select(.id == $id) | .unread) == 3' --arg id "$P1" \
        -- "$BIN" threads --json
    expect_ok "show --keep-unread" "$BIN" show "$P1" --keep-unread
    json_ok "show --keep-unread leaves them unread" '(.[] | select(.key == "flows") | .unread) == 3' -- "$BIN" topics --json
    expect_ok "show marks the thread read" "$BIN" show "${P1:0:8}"
    json_ok "topics --json: unread drops to 0 after show" '(.[] | select(.key == "flows") | .unread) == 0' -- "$BIN" topics --json
    json_ok "threads --json: unread drops to 0 after show" '(.[] | select(.id == $id) | .unread) == 0' --arg id "$P1" \
        -- "$BIN" threads --json
    json_ok "show --json: every post is read" 'all(.posts[]; .read == true)' -- "$BIN" show "$P1" --json
    unset INTERSESSION_HOME
}

# The shortest prefix of ID that matches no other post id.
shortest_prefix() {
    local id=$1 len n
    for len in $(seq 1 32); do
        n=$(sqlite3 "$A/store.sqlite" "SELECT count(*) FROM post WHERE substr(id, 1, $len) = '${id:0:len}'" 2>/dev/null || echo 0)
        if [ "${n:-0}" -eq 1 ]; then echo "${id:0:len}"; return; fi
    done
    echo "$id"
}

test_prefixes() {
    export INTERSESSION_HOME="$A"
    local short
    short=$(shortest_prefix "$R2")
    json_ok "history accepts the shortest unique prefix ($short)" 'length == 1 and .[0].body == "Me too, two levels down."' \
        -- "$BIN" history "$short" --json
    short=$(shortest_prefix "$P2")
    json_ok "show accepts the shortest unique prefix ($short)" '.thread.id == $id' --arg id "$P2" \
        -- "$BIN" show "$short" --json --keep-unread

    # Start threads until two share a first hex digit (at most 17 are needed).
    local i ids c="" n
    for i in $(seq 1 17); do
        ids=$("$BIN" threads --json 2>/dev/null | jq -r '.[].id' 2>/dev/null || true)
        c=$(echo "$ids" | cut -c1 | sort | uniq -d | head -n 1)
        [ -z "$c" ] || break
        "$BIN" post meetings --title "Agenda item $i" --body "Agenda item number $i." >/dev/null 2>&1 || break
    done
    check "two threads share a one-digit prefix" "no shared first digit after 17 threads" test -n "$c"
    if [ -n "$c" ]; then
        n=$(echo "$ids" | grep -c "^$c")
        expect_bad "show with an ambiguous prefix ($c, $n threads) is refused" "matches|ambiguous" "$A" "$BIN" show "$c"
        expect_bad "reply with an ambiguous prefix is refused" "matches|ambiguous" "$A" "$BIN" reply "$c" --body "Which one?"
        expect_bad "history with an ambiguous prefix is refused" "matches|ambiguous" "$A" "$BIN" history "$c"
    fi
    expect_bad "show with an empty prefix is refused" 'thread|ambiguous|empty|match' "$A" "$BIN" show ""
    expect_bad "show with a non-hex prefix (zzzz) is refused" 'no thread matches' "$A" "$BIN" show zzzz
    expect_bad "show with a prefix matching nothing (ffffffffff) is refused" 'no thread matches' "$A" "$BIN" show ffffffffff
    expect_bad "reply to a post that does not exist is refused" 'no post matches' "$A" "$BIN" reply ffffffffff --body "Hello?"
    expect_bad "edit of a post that does not exist is refused" 'no post matches' "$A" "$BIN" edit ffffffffff --body "New"
    expect_bad "retract of a post that does not exist is refused" 'no post matches' "$A" "$BIN" retract ffffffffff
    expect_bad "history of a post that does not exist is refused" 'no post matches' "$A" "$BIN" history ffffffffff
    unset INTERSESSION_HOME
}

test_bad_input() {
    local -a post=("$BIN" post --home "$A")
    expect_bad "post with an empty title is refused" 'title' "$A" "${post[@]}" flows --title "" --body "Text"
    expect_bad "post with a blank title is refused" 'title' "$A" "${post[@]}" flows --title "   " --body "Text"
    expect_bad "post with a two-line title is refused" 'title' "$A" "${post[@]}" flows --title $'Two\nlines' --body "Text"
    expect_bad "post to an unknown topic is refused" 'topic' "$A" "${post[@]}" no-such-topic --title "T" --body "Text"
    expect_bad "threads of an unknown topic is refused" 'topic' "$A" "$BIN" threads no-such-topic --home "$A"

    head -c 65537 /dev/zero | tr '\0' a >"$T/big.txt"
    expect_bad "a body of 65537 bytes (--file) is refused" '65537|limit|64 KiB' "$A" "${post[@]}" flows --title "Big" --file "$T/big.txt"
    STDIN_FILE="$T/big.txt" expect_bad "a body of 65537 bytes (stdin) is refused" '65537|limit|64 KiB' "$A" "${post[@]}" flows --title "Big"
    # 21846 three-byte characters: 65538 bytes, but far fewer characters.
    head -c 21846 /dev/zero | sed 's/\x0/€/g' >"$T/big-utf8.txt"
    expect_bad "a body over 64 KiB in multi-byte characters is refused" 'limit|64 KiB' "$A" "${post[@]}" flows --title "Big" --file "$T/big-utf8.txt"
    head -c 65536 /dev/zero | tr '\0' b >"$T/limit.txt"
    expect_id "a body of exactly 65536 bytes is accepted" "${post[@]}" flows --title "At the limit" --file "$T/limit.txt"

    expect_bad "an empty --body is refused" 'empty' "$A" "${post[@]}" flows --title "T" --body ""
    printf ' \n\t\n' >"$T/blank.txt"
    expect_bad "a blank --file is refused" 'empty' "$A" "${post[@]}" flows --title "T" --file "$T/blank.txt"
    STDIN_FILE=/dev/null expect_bad "an empty standard input is refused" 'empty' "$A" "${post[@]}" flows --title "T"
    expect_bad "an empty reply is refused" 'empty' "$A" "$BIN" reply "$P1" --body "" --home "$A"
    expect_bad "an empty edit is refused" 'empty' "$A" "$BIN" edit "$P1" --body "" --home "$A"

    printf '\xff\xfe' >"$T/invalid.txt"
    expect_bad "an invalid UTF-8 --file is refused" 'UTF-8' "$A" "${post[@]}" flows --title "T" --file "$T/invalid.txt"
    STDIN_FILE="$T/invalid.txt" expect_bad "an invalid UTF-8 standard input is refused" 'UTF-8' "$A" "${post[@]}" flows --title "T"
    expect_bad "a --file that does not exist is refused" 'no-such-file' "$A" "${post[@]}" flows --title "T" --file "$T/no-such-file"
}

test_missing_profile() {
    mkdir -p "$T/empty"
    expect_bad "whoami without a profile is refused" 'no profile' "$T/empty" "$BIN" whoami --home "$T/empty"
    expect_bad "post without a profile is refused" 'no profile' "$T/empty" "$BIN" post flows --title T --body x --home "$T/empty"
    expect_bad "topics without a profile (INTERSESSION_HOME) is refused" 'no profile' "$T/empty" \
        env INTERSESSION_HOME="$T/empty" "$BIN" topics --json
    expect_bad "without a profile, a French LANG gets the message in French" 'aucun profil' "$T/empty" \
        env LC_ALL= LC_MESSAGES= LANG=fr_FR.UTF-8 "$BIN" whoami --home "$T/empty"
    expect_bad "--lang fr gets it in French whatever LANG says" 'aucun profil' "$T/empty" \
        env LANG=en_GB.UTF-8 "$BIN" post flows --title T --body x --home "$T/empty" --lang fr
    check "no store files appear in the empty folder" "it now holds: $(ls -A "$T/empty" | tr '\n' ' ')" \
        test -z "$(ls -A "$T/empty")"
    expect_bad "threads in a folder that does not exist is refused (and creates nothing)" 'no profile' "$T/nowhere" \
        "$BIN" threads --home "$T/nowhere"
    cp -R "$A" "$T/nostore"; rm -f "$T/nostore/store.sqlite"*
    expect_bad "a profile without its store is refused" 'store.*missing|missing.*store' "$T/nostore" "$BIN" topics --home "$T/nostore"
    cp -R "$A" "$T/badkey"; echo "not a key" >"$T/badkey/identity.key"
    expect_bad "a damaged identity.key is refused" 'identity|key' "$T/badkey" "$BIN" post flows --title T --body x --home "$T/badkey"
}

test_init_bad() {
    expect_bad "init twice in the same home is refused" 'already' "$A" "$BIN" init --home "$A" --name "Someone Else" --org "Chile"
    expect_bad "init with an unknown template is refused (and creates nothing)" 'template' "$T/tpl" \
        "$BIN" init --home "$T/tpl" --name "Ana" --org "Chile" --template nosuch
    expect_bad "init with an empty name is refused (and creates nothing)" 'name' "$T/noname" \
        "$BIN" init --home "$T/noname" --name "" --org "Chile"
    # A folder that holds a store but lost its identity.key: the missing-profile message says to
    # run init, and a failed init must not delete what was already in the folder.
    cp -R "$A" "$T/orphan"; rm -f "$T/orphan/identity.key"; echo "my notes" >"$T/orphan/notes.txt"
    expect_bad "a failed init leaves the folder's existing files alone" 'store|group|exist' "$T/orphan" \
        "$BIN" init --home "$T/orphan" --name "Alice Martin" --org "France"
}

test_locked_store() {
    local before after start elapsed ctl="$T/lock.fifo" mark="$T/locked"
    before=$(state_of "$A")
    # The lock is held by an sqlite3 session fed through a fifo, so that it is released as soon
    # as the check is done rather than after a fixed sleep.
    trap '' PIPE
    mkfifo "$ctl"
    sqlite3 "$A/store.sqlite" <"$ctl" >/dev/null 2>&1 &
    LOCK_PID=$!
    exec 3>"$ctl"
    printf 'BEGIN EXCLUSIVE;\n.shell touch %s\n' "$mark" >&3
    local i
    for i in $(seq 1 50); do [ -e "$mark" ] && break; sleep 0.1; done
    if [ ! -e "$mark" ]; then
        CMD="sqlite3 $A/store.sqlite <<< 'BEGIN EXCLUSIVE;'"; RC=-
        fail "a locked store: post says busy" "could not take the write lock within 5 s"
    else
        start=$(date +%s%N)
        run "$BIN" post flows --title "While locked" --body "Should wait, then give up." --home "$A"
        elapsed=$((($(date +%s%N) - start) / 1000000))
        local post_rc=$RC post_err post_out
        post_err=$(cat "$ERR"); post_out=$(cat "$OUT")
        # Reading needs no write lock (WAL): listing and reading work while another process writes.
        json_ok "a locked store: threads --json still reads" 'length > 0' -- "$BIN" threads --json --home "$A"
        json_ok "a locked store: show --keep-unread still reads" '.posts | length > 0' \
            -- "$BIN" show "$P1" --json --keep-unread --home "$A"
        RC=$post_rc; printf '%s' "$post_err" >"$ERR"; printf '%s' "$post_out" >"$OUT"
        [ -z "$post_err" ] || echo >>"$ERR"
    fi
    printf 'COMMIT;\n' >&3 2>/dev/null || true
    exec 3>&-
    wait "$LOCK_PID" || true
    LOCK_PID=
    trap - PIPE
    [ -e "$mark" ] || return 0
    after=$(state_of "$A")
    bad_verdict "a locked store: post says busy, on one line, and changes nothing" 'busy' "$before" "$after"
    check "a locked store: post gives up within 5 s (took ${elapsed} ms)" "took ${elapsed} ms" test "$elapsed" -le 5500
    expect_ok "after the lock is released, posting works again" "$BIN" post flows --title "After the lock" --body "Now it works." --home "$A"
}

test_corrupt_store() {
    cp -R "$A" "$T/corrupt"
    rm -f "$T/corrupt/store.sqlite-wal" "$T/corrupt/store.sqlite-shm"
    head -c "$(wc -c <"$A/store.sqlite")" /dev/urandom >"$T/corrupt/store.sqlite"
    local pattern='damaged|corrupt|not a database'
    expect_bad "a corrupt store: whoami is refused" "$pattern" "$T/corrupt" "$BIN" whoami --home "$T/corrupt"
    expect_bad "a corrupt store: threads --json is refused" "$pattern" "$T/corrupt" "$BIN" threads --json --home "$T/corrupt"
    expect_bad "a corrupt store: post is refused" "$pattern" "$T/corrupt" "$BIN" post flows --title T --body x --home "$T/corrupt"
    expect_bad "a corrupt store: search is refused" "$pattern" "$T/corrupt" "$BIN" search parcels --home "$T/corrupt"

    # A store truncated to nothing (a crash, a full disk) is damaged too: it must not be
    # silently replaced by a new, empty store.
    expect_bad "an empty (0-byte) store: topics is refused" "damaged|corrupt|empty|not a database" "$(truncated_copy)" \
        "$BIN" topics --json --home "$T/truncated"
    expect_bad "an empty (0-byte) store: post is refused" "damaged|corrupt|empty|not a database" "$(truncated_copy)" \
        "$BIN" post flows --title T --body x --home "$T/truncated"
}

# A fresh copy of Alice's profile whose store is truncated to 0 bytes; prints its folder.
truncated_copy() {
    rm -rf "$T/truncated"
    cp -R "$A" "$T/truncated"
    rm -f "$T/truncated/store.sqlite-wal" "$T/truncated/store.sqlite-shm"
    : >"$T/truncated/store.sqlite"
    echo "$T/truncated"
}

test_command_line() {
    expect_usage "an unknown option is refused" "$A" "$BIN" post flows --title T --body x --bogus --home "$A"
    expect_usage "a missing --title is refused" "$A" "$BIN" post flows --body x --home "$A"
    expect_usage "a missing argument is refused" "$A" "$BIN" reply --home "$A"
    expect_usage "a missing option value is refused" "$A" "$BIN" post flows --home "$A" --title
    expect_usage "--body and --file together are refused" "$A" "$BIN" post flows --title T --body x --file "$T/body.txt" --home "$A"
    expect_usage "an unknown --language is refused" "$A" "$BIN" post flows --title T --body x --language de --home "$A"
    expect_bad "an unknown command is refused" "'frobnicate' is not a command" "$A" "$BIN" frobnicate --home "$A"
}

# Ids print short (8 hex), as people type them back; --json prints the full id for scripts.
test_short_ids() {
    local H="$T/short"
    q "$BIN" init --home "$H" --name "Short Ids" --org "WCO"
    expect_short_id "post prints the new thread's short id" "$BIN" post general --title "Short" --body "A short id." --home "$H"
    local S1=$ID
    json_ok "the short id names the thread" '.thread.id | startswith($short)' --arg short "$S1" -- "$BIN" show "$S1" --json --home "$H"
    expect_short_id "reply prints the reply's short id" "$BIN" reply "$S1" --body "And a short reply." --home "$H"
    json_ok "post --json prints the full id" '.id | test("^[0-9a-f]{32}$")' -- \
        "$BIN" post general --title "Full" --body "A full id." --json --home "$H"
}

test_init
test_identity
test_home_resolution
test_posting
test_replies
test_edit_history
test_retract
test_search
test_unread
test_prefixes
test_bad_input
test_missing_profile
test_init_bad
test_locked_store
test_corrupt_store
test_command_line
test_short_ids

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
