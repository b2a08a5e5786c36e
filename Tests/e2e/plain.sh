#!/usr/bin/env bash
# End-to-end test of the plain forms of the most used commands (issue 14): `whoami`, `topics`,
# `members`, `sync`, `threads [TOPIC]` and `show THREAD [--keep-unread]`, with `--home H`,
# `--lang`, `--json`, are run without ArgumentParser's parse (Root/PlainInvocation.swift).
# Each must print exactly what the parsed form prints (`--home=H`, which only ArgumentParser
# takes), on stdout and stderr, with the same exit status: listings, JSON, errors in English
# and French, a missing profile, an unknown topic, a hostile title; the options put first; and
# the listings' times (spelt without a DateFormatter) in three time zones, against GNU date.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin plain

F="$T/shared" SEC="$T/sec" A="$T/alice"
mkdir -p "$F"
q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
q "$BIN" invite --home "$SEC" --name "Alice" --org "Org A" --role member --out "$T/alice.invite"
q "$BIN" sync --home "$SEC"
q "$BIN" join "$T/alice.invite" --home "$A" --name "Alice" --folder "$F"
syncall "$SEC" "$A" "$SEC"
q "$BIN" post flows --home "$A" --title $'Hostile \e[31mtitle\e[0m' --body "Body"
q "$BIN" post risk --home "$SEC" --title "Second" --body "Two lines
of body"
syncall "$A" "$SEC" "$A" "$SEC" "$A"
THREAD=$("$BIN" threads flows --json --home "$SEC" | jq -r '.[0].id')  # Alice's: unread for the secretariat

# same_both NAME HOME WORDS...: WORDS with `--home HOME` (plain) and with `--home=HOME`
# (parsed by ArgumentParser) print the same bytes on stdout and stderr and end the same.
same_both() {
    local name=$1 home=$2 plain parsed; shift 2
    set +e
    "$BIN" "$@" --home "$home" >"$T/plain.out" 2>"$T/plain.err"; plain=$?
    "$BIN" "$@" --home="$home" >"$T/parsed.out" 2>"$T/parsed.err"; parsed=$?
    set -e
    if [ "$plain" -eq "$parsed" ] && cmp -s "$T/plain.out" "$T/parsed.out" && cmp -s "$T/plain.err" "$T/parsed.err"; then
        pass "$name"
    else
        fail "$name" "status $plain against $parsed; stdout $(diff "$T/plain.out" "$T/parsed.out" | head -5); stderr $(diff "$T/plain.err" "$T/parsed.err" | head -5)"
    fi
}

for home in "$SEC" "$A"; do
    who=$(basename "$home")
    same_both "$who: whoami" "$home" whoami
    same_both "$who: whoami --json" "$home" whoami --json
    same_both "$who: topics" "$home" topics
    same_both "$who: topics --json --lang fr" "$home" topics --json --lang fr
    same_both "$who: members" "$home" members
    same_both "$who: members --json" "$home" members --json
    same_both "$who: threads" "$home" threads
    same_both "$who: threads flows" "$home" threads flows
    same_both "$who: threads --json risk" "$home" threads --json risk
    same_both "$who: show --keep-unread" "$home" show "${THREAD:0:8}" --keep-unread
    same_both "$who: show --json --keep-unread" "$home" show --keep-unread "${THREAD:0:8}" --json
    same_both "$who: sync with nothing new" "$home" sync
    same_both "$who: sync --json with nothing new" "$home" sync --json
done

# Errors: the same line, in the language asked for, and the same status.
same_both "an unknown topic" "$SEC" threads nosuchtopic
same_both "an unknown topic, in French" "$SEC" threads nosuchtopic --lang fr
same_both "an unknown thread" "$SEC" show 0000ffff --keep-unread
same_both "a missing profile" "$T/nobody" whoami
same_both "a missing profile, in French" "$T/nobody" topics --lang fr
same_both "sync with no folder remembered" "$T/nobody" sync

# `show` marks read: two copies of a home, one shown each way, list the same afterwards.
cp -a "$SEC" "$T/copy1"; cp -a "$SEC" "$T/copy2"
"$BIN" show "${THREAD:0:8}" --home "$T/copy1" >"$T/shown1"
"$BIN" show "${THREAD:0:8}" --home="$T/copy2" >"$T/shown2"
check "show prints the same either way" "the outputs differ" cmp -s "$T/shown1" "$T/shown2"
check "show marks the same posts read either way" "the topics differ after show" \
    bash -c 'cmp -s <("$1" topics --home "$2") <("$1" topics --home "$3")' _ "$BIN" "$T/copy1" "$T/copy2"
check "show marked something read" "topics still count every post unread" \
    bash -c '! cmp -s <("$1" topics --home "$2") <("$1" topics --home "$3")' _ "$BIN" "$T/copy1" "$SEC"

# Times in the listings, in three time zones (one half an hour off, one west of UTC), are what
# GNU date spells from the JSON's milliseconds.
for zone in UTC Asia/Kolkata America/St_Johns; do
    check "threads' times in $zone are the JSON's" "a time differs" bash -c '
        export TZ="$3"
        diff <("$1" threads --home "$2" | cut -c11-26) \
             <("$1" threads --json --home "$2" | jq -r ".[].lastActivity / 1000 | floor" | while read -r s; do date -d "@$s" "+%Y-%m-%d %H:%M"; done)' \
        _ "$BIN" "$SEC" "$zone"
done

# The options first, as every command takes them.
expect_ok "options before the command" "$BIN" --home "$SEC" --lang fr whoami
check "options first print what options last print" "whoami differs" \
    bash -c 'cmp -s <("$1" --home "$2" whoami) <("$1" whoami --home "$2")' _ "$BIN" "$SEC"
# A form the plain path does not take still works: ArgumentParser has it.
expect_ok "a repeated option goes to ArgumentParser" "$BIN" whoami --json --home "$A" --home "$SEC"
check "the last --home counts" "whoami read the wrong home" \
    bash -c 'test "$(jq -r .home "$1")" = "$2"' _ "$OUT" "$SEC"

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
