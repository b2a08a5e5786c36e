#!/usr/bin/env bash
# End-to-end test of honest reporting and recovery with the real binary: `sync --json` and the
# exit statuses of sync (0 clean, 3 something rejected, 1 a folder missing), `join` printing a
# bad file it met, and `repair`: a sound store left as it is, a state rebuilt from its log, a
# truncated store rebuilt from the shared folder with the same identity (the member then posts
# again without forking their feed), a tampered log rebuilt from the remembered folder, and an
# own change that neither the folder nor the damaged store can give back, counted and warned of.
# The group is sealed (the default): a feed folder is found through `whoami --json`, a tampered
# segment is a flipped byte of its ciphertext, and a store too damaged to name its sealed group
# is rebuilt with an invite file of the group (`repair --invite`).
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin repair

F="$T/shared" SEC="$T/sec" A="$T/alice" B="$T/bruno"
mkdir -p "$F"
q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
q "$BIN" invite --home "$SEC" --name "Alice Martin" --org "France" --role member --out "$T/a.invite"
q "$BIN" invite --home "$SEC" --name "Bruno Costa" --org "Brazil" --role member --out "$T/b.invite"
q "$BIN" join "$T/a.invite" --home "$A" --name "Alice Martin" --folder "$F"
syncall "$SEC" "$A" "$SEC"
feed() { "$BIN" whoami --home "$1" --json | jq -r .feed; }
GROUP_DIR=$(echo "$F"/group-*)
A_FEED=$(feed "$A")
A_DIR=$("$BIN" whoami --home "$A" --json | jq -r '.feedFolders[0]')

# --- sync's report and exit statuses -------------------------------------------------------
expect_ok "a clean sync exits 0" "$BIN" sync --home "$SEC"
json_ok "sync --json has every field, and nothing to look at" \
    'has("exported") and has("imported") and (.pending | type == "number") and .rejected == [] and .refused == []
     and .forks == [] and .frozen == [] and .problems == [] and .attention == false
     and (.exported | has("changes") and has("files")) and (.imported.feeds | type == "array")' \
    -- "$BIN" sync --json --home "$SEC"

q "$BIN" post flows --home "$A" --title "Before the damage" --body "First words"
q "$BIN" sync --home "$A"
newest() { find "$A_DIR" -name '*.seg' -newer "$1" | sort | tail -n 1; }
: >"$T/mark"; sleep 1.1
q "$BIN" reply "$("$BIN" threads --home "$A" --json | jq -r '.[0].id')" --home "$A" --body "A reply to be tampered"
q "$BIN" sync --home "$A"
BAD=$(newest "$T/mark")
check "alice's sync wrote a new segment" "a segment newer than the mark" test -n "$BAD"
cp "$BAD" "$T/bad.orig"
check "the segment is sealed: its text is nowhere in it" "plaintext in the segment" bash -c '! grep -qa "tampered" "$1"' _ "$BAD"
python3 - "$BAD" <<'PYTHON'
import sys
path = sys.argv[1]
data = bytearray(open(path, 'rb').read())
data[len(data) // 2] ^= 0x20
open(path, 'wb').write(bytes(data))
PYTHON

run "$BIN" sync --home "$SEC"
check "a sync that meets a tampered segment exits 3" "exit status $RC, want 3" test "$RC" -eq 3
check "it names the tampered file" "skipped line" grep -qF "skipped $BAD" "$OUT"
run "$BIN" sync --home "$SEC"
check "the next sync still exits 3" "exit status $RC, want 3" test "$RC" -eq 3
check "and says the file is still rejected" "still rejected line" grep -q "1 file still rejected" "$OUT"
run "$BIN" sync --json --home "$SEC"
check "sync --json exits 3 too" "exit status $RC, want 3" test "$RC" -eq 3
expect_json "sync --json lists the tampered file with its reason" \
    '.attention == true and (.rejected | length == 1) and .rejected[0].path == $bad and .rejected[0].new == false
     and (.rejected[0].reason | length > 0)' --arg bad "$BAD"

# --- join reports the bad file it met --------------------------------------------------------
run "$BIN" join "$T/b.invite" --home "$B" --name "Bruno Costa" --folder "$F"
check "join succeeds with a bad file in the folder" "exit status $RC, want 0" test "$RC" -eq 0
check "join prints the bad file" "skipped line in join's output" grep -qF "skipped $BAD" "$OUT"
run "$BIN" sync --json --home "$B"
expect_json "the newcomer's next sync still lists it" '.rejected | any(.path == $bad)' --arg bad "$BAD"

# --- a fixed folder counts no more; a missing folder is an error -----------------------------
rm -f "$BAD"
cp "$T/bad.orig" "$BAD"
run "$BIN" sync --json --home "$SEC"
check "once the bad file is replaced by a good copy, sync exits 0" "exit status $RC, want 0" test "$RC" -eq 0
expect_json "and it is no longer listed, its change (and the newcomer's join) imported" '.rejected == [] and .attention == false and .imported.changes >= 1'
cp -a "$SEC" "$T/sec-copy"
run "$BIN" sync --home "$T/sec-copy" --folder "$T/nowhere"
check "a sync with a missing folder exits 1" "exit status $RC, want 1" test "$RC" -eq 1
run "$BIN" sync --json --home "$T/sec-copy"
expect_json "its report names the missing folder" '.problems | any(.path == $p)' --arg p "$T/nowhere"

# --- repair on a sound store ------------------------------------------------------------------
before=$(state_of "$SEC")
run "$BIN" repair --home "$SEC"
after=$(state_of "$SEC")
check "repair on a sound store exits 0" "exit status $RC, want 0" test "$RC" -eq 0
check "it says the store is sound" "sound line" grep -q "sound; nothing changed" "$OUT"
check "and changes nothing" "state before {$before} after {$after}" test "$before" == "$after"

# --- a state that differs from its log is rebuilt from the log --------------------------------
sqlite3 "$SEC/store.sqlite" "UPDATE thread SET title = 'Forged title'"
run "$BIN" repair --check --home "$SEC"
check "repair --check finds a state that differs from its log (exit 3)" "exit status $RC, want 3" test "$RC" -eq 3
check "and says so" "state line" grep -q "differs from a rebuild" "$OUT"
run "$BIN" repair --home "$SEC"
check "repair rebuilds the state from the log" "exit $RC; rebuilt line" grep -q "rebuilt the state from the log" "$OUT"
json_ok "the forged title is gone" 'map(.title) | index("Forged title") == null and index("Before the damage") != null' \
    -- "$BIN" threads --json --home "$SEC"

# --- a truncated store is rebuilt from the folder ---------------------------------------------
q "$BIN" sync --home "$A"
KEY_BEFORE=$(md5sum <"$A/identity.key")
CLAIMED=$(sqlite3 "$A/store.sqlite" "SELECT max(seq) FROM change c JOIN feed f ON f.id = c.feed WHERE f.hex = '$A_FEED'")
truncate -s 4096 "$A/store.sqlite"
rm -f "$A/store.sqlite-wal" "$A/store.sqlite-shm"
expect_bad "a truncated store gets a message naming repair" 'intersession repair' "$A" "$BIN" whoami --home "$A"
expect_bad "in French too" 'lancez `intersession repair`' "$A" "$BIN" threads --lang fr --home "$A"
run "$BIN" repair --home "$A"
check "repair without a readable folder list asks for --folder (exit 1)" "exit $RC; --folder in stderr" \
    bash -c "[ $RC -eq 1 ] && grep -q -- '--folder' '$ERR' && [ \$(wc -c <'$A/store.sqlite') -eq 4096 ]"
run "$BIN" repair --home "$A" --folder "$F"
check "repair --folder of a sealed group the store no longer names asks for --invite (exit 1)" "exit $RC; --invite in stderr" \
    bash -c "[ $RC -eq 1 ] && grep -q 'sealed group' '$ERR' && grep -q -- '--invite' '$ERR' && [ \$(wc -c <'$A/store.sqlite') -eq 4096 ]"
run "$BIN" repair --home "$A" --folder "$F" --lang fr
check "and says it in French" "exit $RC; the French message in stderr" \
    bash -c "[ $RC -eq 1 ] && grep -q 'groupe scellé' '$ERR' && grep -q -- '--invite FICHIER' '$ERR'"
run "$BIN" repair --home "$A" --folder "$F" --invite "$T/a.invite"
check "repair --folder --invite rebuilds the store (exit 0)" "exit status $RC, want 0" test "$RC" -eq 0
check "it says it moved the damaged store aside" "moved aside line" grep -q "moved it aside" "$OUT"
check "the damaged store is kept" "a store.sqlite.damaged-* of 4096 bytes" \
    bash -c "[ \$(wc -c <\"\$(ls '$A'/store.sqlite.damaged-* | head -n 1)\") -eq 4096 ]"
check "the identity is the same" "identity.key unchanged, same feed" \
    bash -c "[ \"\$(md5sum <'$A/identity.key')\" = '$KEY_BEFORE' ] && [ \"\$('$BIN' whoami --home '$A' --json | jq -r .feed)\" = '$A_FEED' ]"
check "every one of alice's changes is back" "changes back" grep -q "$CLAIMED of your own changes are back" "$OUT"
json_ok "alice sees the group again" 'map(.title) | index("Before the damage") != null' -- "$BIN" threads --json --home "$A"
expect_ok "alice posts again" "$BIN" post flows --home "$A" --title "After the repair" --body "Still me"
q "$BIN" sync --home "$A"
run "$BIN" sync --json --home "$SEC"
check "the secretariat's sync exits 0: no fork" "exit status $RC, want 0" test "$RC" -eq 0
expect_json "no feed is frozen, nothing refused" '.frozen == [] and .forks == [] and .refused == []'
json_ok "the secretariat sees alice's new post" 'map(.title) | index("After the repair") != null' -- "$BIN" threads --json --home "$SEC"
NEW_SEQ=$(sqlite3 "$SEC/store.sqlite" "SELECT max(seq) FROM change c JOIN feed f ON f.id = c.feed WHERE f.hex = '$A_FEED'")
check "alice's new change continues her feed" "seq $NEW_SEQ, want $((CLAIMED + 1))" test "$NEW_SEQ" -eq $((CLAIMED + 1))

# --- a tampered log is rebuilt from the folder the store remembers -----------------------------
q "$BIN" sync --home "$B"
sqlite3 "$B/store.sqlite" "UPDATE change SET sig = zeroblob(64) WHERE seq = 1 AND feed = (SELECT id FROM feed WHERE hex = '$A_FEED')"
run "$BIN" repair --check --home "$B"
check "repair --check finds the broken signature (exit 3)" "exit $RC; log line" \
    bash -c "[ $RC -eq 3 ] && grep -q 'do not verify' '$OUT' && grep -q 'invalid signature' '$OUT'"
run "$BIN" repair --home "$B"
check "repair rebuilds it from the remembered folder" "exit $RC; rebuilt line" \
    bash -c "[ $RC -eq 0 ] && grep -q 'rebuilt it from $F' '$OUT'"
run "$BIN" repair --check --home "$B"
check "the rebuilt store is sound" "exit $RC" test "$RC" -eq 0

# --- own changes no folder holds, and that the damaged store cannot vouch for, are counted ----
q "$BIN" post flows --home "$A" --title "Never synced" --body "Only in this store"
HEAD_A=$(sqlite3 "$A/store.sqlite" "SELECT max(seq) FROM change c JOIN feed f ON f.id = c.feed WHERE f.hex = '$A_FEED'")
sqlite3 "$A/store.sqlite" "UPDATE change SET body = CAST(replace(CAST(body AS TEXT), 'Only in this store', 'Only in this stor3') AS BLOB)
    WHERE seq = $HEAD_A AND feed = (SELECT id FROM feed WHERE hex = '$A_FEED')"
run "$BIN" repair --home "$A"
check "a lost own change: repair rebuilds, warns and exits 3" "exit $RC; the notice on stderr" \
    bash -c "[ $RC -eq 3 ] && grep -q 'held $HEAD_A of your own changes, the folders only $((HEAD_A - 1))' '$ERR'"
run "$BIN" repair --check --home "$A"
check "after it alice's store is sound" "exit $RC" test "$RC" -eq 0

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
