#!/usr/bin/env bash
# End-to-end test of a folder that cannot trick its reader, and of private homes and invites
# (issue 12), with the real binary: crafted names print escaped; a linked feed folder is never
# written through and a linked segment never read; a 2 GB "invite" is refused at once; invite
# files are 0600 and a warning comes when one is written inside a shared folder; a home made in
# an existing 0755 folder ends 0700 with its files 0600, and an exposed store is warned about;
# a garbage file is reported once, and a sealed segment cut short waits as a copy in progress.
# The group is sealed (the default): its feed folders are found through `whoami --json`.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin hostile

F="$T/shared" SEC="$T/sec" DEL="$T/delegate"
mkdir -p "$F"
mode() { stat -c %a "$1"; }

q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
GROUP_DIR=$(ls -d "$F"/group-*)
SEC_FEED=$("$BIN" whoami --home "$SEC" --json | jq -r .feed)
FEED_DIR=$("$BIN" whoami --home "$SEC" --json | jq -r '.feedFolders[0]')
check "the secretariat's feed folder is in the group folder, under a name that is not its feed id" "$FEED_DIR" \
    bash -c '[ "$(dirname "$1")" = "$2/feeds" ] && [ -d "$1" ] && [ "$(basename "$1")" != "$3" ]' _ "$FEED_DIR" "$GROUP_DIR" "$SEC_FEED"

# 1. Invite files: 0600 from the first byte; a warning when written inside a shared folder.
expect_ok "an invite written in a private folder draws no warning" \
    "$BIN" invite --home "$SEC" --name "Kenji Watanabe" --org "Japan Customs" --role member --out "$T/del.invite"
check "the invite file is 0600" "mode $(mode "$T/del.invite")" [ "$(mode "$T/del.invite")" = 600 ]
run "$BIN" invite --home "$SEC" --name "Leak One" --org "Nowhere" --role member --out "$F/leak.invite"
check "an invite written inside a remembered shared folder is warned about" "the warning" \
    bash -c "[ $RC -eq 0 ] && grep -q 'inside the shared folder $F' '$ERR' && grep -q 'could join' '$ERR'"
rm -f "$F/leak.invite"
mkdir -p "$T/usb/group-0123456789ab" "$T/usb/notes"
run "$BIN" invite --home "$SEC" --lang fr --name "Leak Two" --org "Nowhere" --role member --out "$T/usb/notes/leak.invite"
check "an invite in any folder holding a group folder above it is warned about, in French" "l'avertissement" \
    bash -c "[ $RC -eq 0 ] && grep -q 'se trouve dans le dossier partagé $T/usb' '$ERR'"

# 2. A 2 GB sparse "invite" is refused at once, without being read.
truncate -s 2G "$T/huge.invite"
START=$(date +%s%N)
expect_bad "a 2 GB invite is refused with a clear message" "too large for an invite" "$T/nobody" \
    "$BIN" join "$T/huge.invite" --home "$T/nobody" --name "Nobody"
ELAPSED_MS=$((($(date +%s%N) - START) / 1000000))
check "and at once (${ELAPSED_MS} ms, under 1 s)" "$ELAPSED_MS ms" [ "$ELAPSED_MS" -lt 1000 ]

# 3. A home in an existing 0755 folder ends 0700 with its files 0600 (join and init).
mkdir -m 755 "$DEL"
run "$BIN" join "$T/del.invite" --home "$DEL" --name "Kenji Watanabe" --folder "$F"
check "join in an existing 0755 folder says it made it private" "notice" \
    bash -c "[ $RC -eq 0 ] && grep -q 'is now 0700 and its files 0600' '$ERR'"
check "the joined home is 0700" "mode $(mode "$DEL")" [ "$(mode "$DEL")" = 700 ]
for file in "$DEL"/*; do
    check "$(basename "$file") of the joined home is 0600" "mode $(mode "$file")" [ "$(mode "$file")" = 600 ]
done
mkdir -m 755 "$T/founder"
run "$BIN" init --home "$T/founder" --name "Other Founder" --org "Elsewhere"
check "init in an existing 0755 folder says it made it private" "notice" \
    bash -c "[ $RC -eq 0 ] && grep -q 'is now 0700' '$ERR'"
"$BIN" post flows --home "$T/founder" --title "Written" --body "So the WAL holds something" >/dev/null
check "the founded home is 0700" "mode $(mode "$T/founder")" [ "$(mode "$T/founder")" = 700 ]
for file in "$T/founder"/*; do
    check "$(basename "$file") of the founded home is 0600" "mode $(mode "$file")" [ "$(mode "$file")" = 600 ]
done
chmod 644 "$T/founder/store.sqlite"
run "$BIN" whoami --home "$T/founder"
check "opening a home whose store others can read warns about it" "the warning" \
    bash -c "[ $RC -eq 0 ] && grep -q 'store.sqlite can be read by other users' '$ERR'"
chmod 600 "$T/founder"/store.sqlite*
expect_ok "and is quiet again once it is 0600" "$BIN" whoami --home "$T/founder"

# 4. A linked feed folder: the writer refuses, says why, exits non-zero, writes nothing outside.
mv "$FEED_DIR" "$T/outside"
ln -s "$T/outside" "$FEED_DIR"
BEFORE=$(ls "$T/outside" | sort | paste -sd' ')
q "$BIN" post flows --home "$SEC" --title "Lost?" --body "Written through a link?" || true
run "$BIN" sync --home "$SEC"
check "a linked feed folder stops the writer with a clear message" "exit $RC" \
    bash -c "[ $RC -ne 0 ] && grep -q 'is a symbolic link' '$ERR'"
check "and nothing is written outside the shared folder" "outside: $(ls "$T/outside" | paste -sd' ')" \
    [ "$(ls "$T/outside" | sort | paste -sd' ')" = "$BEFORE" ]
rm "$FEED_DIR"
mv "$T/outside" "$FEED_DIR"
expect_ok "with the real folder back, the writer writes again" "$BIN" sync --home "$SEC"

# 5. A linked segment is reported once and never read.
q "$BIN" post flows --home "$SEC" --title "Behind a link" --body "Is this read?"
q "$BIN" sync --home "$SEC"
NEWEST=$(ls "$FEED_DIR" | sort | tail -n 1)
mv "$FEED_DIR/$NEWEST" "$T/real.seg"
ln -s "$T/real.seg" "$FEED_DIR/$NEWEST"
run "$BIN" sync --home "$DEL"
check "a linked segment is reported as a link" "the report" \
    grep -q "skipped $FEED_DIR/$NEWEST: a symbolic link; not followed" "$OUT"
json_ok "and not read" '[.[] | .title] | index("Behind a link") == null' -- "$BIN" threads --json --home "$DEL"
run "$BIN" sync --home "$DEL"
check "and reported once" "second sync" bash -c "! grep -q 'symbolic link' '$OUT'"
rm "$FEED_DIR/$NEWEST"
mv "$T/real.seg" "$FEED_DIR/$NEWEST"
expect_ok "once the real file is back in its place (same size and time as the link's target), the reader syncs cleanly" \
    "$BIN" sync --home "$DEL"
json_ok "and reads it" '[.[] | .title] | index("Behind a link") != null' -- "$BIN" threads --json --home "$DEL"

# 6. Crafted names print escaped: neither a forged line nor an escape sequence.
FORGED=$'x\n  fork: feed abcd1234 signed two different changes for seq 1; its changes from there no longer count (evidence kept)'
mkdir "$GROUP_DIR/feeds/$FORGED"
mkdir "$GROUP_DIR/feeds/evil"$'\e[2J\e]0;owned\a'"name"
run "$BIN" sync --home "$DEL"
check "a name holding a newline cannot forge a line" "no line begins with '  fork:'" \
    bash -c "[ $RC -eq 0 -o $RC -eq 3 ] && ! grep -q '^  fork:' '$OUT' && grep -qF 'x\\n  fork: feed abcd1234' '$OUT'"
check "an escape sequence in a name never reaches the terminal" "no ESC in stdout" \
    bash -c "! grep -q \$'\\x1b' '$OUT' && grep -qF 'evil\\u{1b}[2J' '$OUT'"
rmdir "$GROUP_DIR/feeds/$FORGED" "$GROUP_DIR/feeds/evil"$'\e[2J\e]0;owned\a'"name"

# Names and bodies from signed changes: printed without their escape sequences.
q "$BIN" member profile --home "$DEL" --name $'Kenji \e[31mWatanabe'
q "$BIN" post flows --home "$DEL" --title $'Title \e]0;owned\a' --body $'first line\n\e[2Jsecond line'
syncall "$DEL" "$SEC"
run "$BIN" members --home "$SEC"
check "a member name holding an escape sequence prints escaped" "members" \
    bash -c "[ $RC -eq 0 ] && ! grep -q \$'\\x1b' '$OUT' && grep -qF 'Kenji \\u{1b}[31mWatanabe' '$OUT'"
run "$BIN" threads flows --home "$SEC"
check "a thread title holding an escape sequence prints escaped" "threads" \
    bash -c "[ $RC -eq 0 ] && ! grep -q \$'\\x1b' '$OUT' && ! grep -q \$'\\a' '$OUT' && grep -qF 'Title \\u{1b}]0;owned\\u{7}' '$OUT'"
THREAD=$("$BIN" threads flows --home "$SEC" --json | jq -r '.[] | select(.title | startswith("Title")) | .id')
run "$BIN" show "${THREAD:0:8}" --home "$SEC"
check "a body keeps its lines but loses its escape sequences" "show" \
    bash -c "[ $RC -eq 0 ] && ! grep -q \$'\\x1b' '$OUT' && grep -q '^  first line$' '$OUT' && grep -qF '  \\u{1b}[2Jsecond line' '$OUT'"

# 7. A garbage file under a segment name is reported once; a sealed segment cut short is a copy
# in progress while fresh (skipped quietly, read again later) and reported once when it stays so.
head -c 300 /dev/urandom >"$FEED_DIR/000000009999-000000009999.seg"
run "$BIN" sync --home "$DEL"
check "a garbage file in a sealed feed folder is reported (exit 3)" "exit $RC; the skipped line" \
    bash -c "[ $RC -eq 3 ] && grep -q 'skipped $FEED_DIR/000000009999-000000009999.seg: not sealed' '$OUT'"
run "$BIN" sync --home "$DEL"
check "and reported once" "second sync" bash -c "! grep -q '000000009999' '$OUT'"
rm "$FEED_DIR/000000009999-000000009999.seg"
q "$BIN" post flows --home "$SEC" --title "Cut short" --body "Half a file, for a while"
q "$BIN" sync --home "$SEC"
CUT=$(ls "$FEED_DIR" | grep -E '^[0-9]{12}-[0-9]{12}\.seg$' | sort | tail -n 1)
cp "$FEED_DIR/$CUT" "$T/whole.seg"
truncate -s $(($(stat -c %s "$T/whole.seg") / 2)) "$FEED_DIR/$CUT"
run "$BIN" sync --home "$DEL"
check "a fresh sealed segment cut short is skipped quietly, as a copy in progress" "exit $RC; a line about it" \
    bash -c "[ $RC -eq 0 ] && ! grep -q '$CUT' '$OUT'"
touch -d '1 hour ago' "$FEED_DIR/$CUT"
run "$BIN" sync --home "$DEL"
check "once it stays cut for long, it is reported as truncated (exit 3)" "exit $RC; the skipped line" \
    bash -c "[ $RC -eq 3 ] && grep -q 'skipped $FEED_DIR/$CUT: .*truncated' '$OUT'"
run "$BIN" sync --home "$DEL"
check "and reported once" "second sync" bash -c "! grep -q 'skipped .*$CUT' '$OUT'"
cp "$T/whole.seg" "$FEED_DIR/$CUT"
expect_ok "with the whole file back, the reader syncs cleanly" "$BIN" sync --home "$DEL"
json_ok "and reads it" '[.[] | .title] | index("Cut short") != null' -- "$BIN" threads --json --home "$DEL"

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
