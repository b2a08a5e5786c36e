#!/usr/bin/env bash
# End-to-end test of folders that heal (issue 12), with the real binary: a copied home that
# forks its feed is seen frozen at the same seq by both copies and by a member behind a relay;
# a sync tool's conflict copy holding the other variant freezes the feed everywhere; a tampered
# and a deleted file are written again by a relay so that a newcomer joins; an author writes
# around a squatted name and is told. The group is sealed (the default): every file is sealed
# and its feed folders named after the feed by a key of the group, found through `whoami --json`.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin heal

# The secretariat syncs both folders (a relay); the others each sync one.
F="$T/shared" G="$T/other" SEC="$T/sec" A="$T/alice" B="$T/bruno" C="$T/chen"
mkdir -p "$F" "$G"
q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F" --folder "$G"
for who in alice bruno chen; do
    q "$BIN" invite --home "$SEC" --name "Member $who" --org "Org $who" --role member --out "$T/$who.invite"
done
q "$BIN" sync --home "$SEC"
q "$BIN" join "$T/alice.invite" --home "$A" --name "Alice" --folder "$F"
q "$BIN" join "$T/bruno.invite" --home "$B" --name "Bruno" --folder "$F"
q "$BIN" join "$T/chen.invite" --home "$C" --name "Chen" --folder "$G"
syncall "$SEC" "$A" "$B" "$C" "$SEC" "$A" "$B" "$C"
feed() { "$BIN" whoami --home "$1" --json | jq -r .feed; }
A_FEED=$(feed "$A") B_FEED=$(feed "$B") C_FEED=$(feed "$C")
# A sealed feed folder's name is the same in every shared folder of the group.
feed_name() { basename "$("$BIN" whoami --home "$1" --json | jq -r '.feedFolders[0]')"; }
B_NAME=$(feed_name "$B") C_NAME=$(feed_name "$C")
check "the group is sealed: no feed folder is named after its feed" "a folder named by a feed id" \
    bash -c '[ -n "$1" ] && [ -n "$2" ] && [ "$1" != "$3" ] && [ "$2" != "$4" ] && ! ls "$5"/group-*/feeds | grep -q -e "$3" -e "$4"' \
    _ "$B_NAME" "$C_NAME" "$B_FEED" "$C_FEED" "$F"
feed_dir() { echo "$1"/group-*/feeds/"$2"; }
last_seq() { sqlite3 "$1/store.sqlite" "SELECT max(c.seq) FROM change c JOIN feed f ON f.id = c.feed WHERE f.hex = '$2'"; }
seg() { printf '%012d-%012d.seg' "$1" "$2"; }

# frozen_everywhere NAME FEED SEQ HOME...: each home's members list shows FEED frozen from SEQ.
frozen_everywhere() {
    local name=$1 f=$2 seq=$3 h; shift 3
    for h in "$@"; do
        json_ok "$name: $(basename "$h") sees it frozen from seq $seq" '[.[] | select(.feed == $f) | .frozenFrom] == [$s]' \
            --arg f "$f" --argjson s "$seq" -- "$BIN" members --json --home "$h"
    done
}

# 1. A copied home: both copies post, then sync.
cp -a "$A" "$T/alice-copy"
expect_ok "the original posts" "$BIN" post flows --home "$A" --title "From the original" --body "One"
expect_ok "the copy posts the same seq" "$BIN" post flows --home "$T/alice-copy" --title "From the copy" --body "Two"
FORK=$(last_seq "$A" "$A_FEED")
check "both copies signed the same seq" "seqs differ" test "$(last_seq "$T/alice-copy" "$A_FEED")" = "$FORK"
syncall "$A"
run "$BIN" sync --home "$T/alice-copy"
check "the copy's sync says its feed forked" "no fork line" grep -q "fork: feed ${A_FEED:0:8}" "$OUT"
syncall "$SEC" "$C" "$A" "$T/alice-copy" "$SEC" "$C" "$A" "$T/alice-copy"
frozen_everywhere "copied home" "$A_FEED" "$FORK" "$A" "$T/alice-copy" "$SEC" "$C"
expect_ok "the members list says so" "$BIN" members --home "$C"
check "the members list says FROZEN" "no FROZEN line" grep -q "FROZEN from seq $FORK" "$OUT"

# 2. Through a sync tool, both devices write one segment name: the other device's file wins
# the name, the honest device's becomes a conflict copy, and its next change links to it.
cp -a "$B" "$T/bruno-copy"
q "$BIN" post flows --home "$T/bruno-copy" --title "From the other device" --body "Two"
q "$BIN" post flows --home "$B" --title "From the honest device" --body "One"
BFORK=$(last_seq "$B" "$B_FEED")
NAME=$(seg "$BFORK" "$BFORK") BDIR=$(feed_dir "$F" "$B_NAME")
syncall "$T/bruno-copy"
mv "$BDIR/$NAME" "$T/won-the-name.seg"
syncall "$B"
expect_ok "the honest device goes on" "$BIN" post flows --home "$B" --title "Next from the honest device" --body "Three"
syncall "$B"
mv "$BDIR/$NAME" "$BDIR/${NAME%.seg}.sync-conflict-20261201-120000-ABCDEFG.seg"
mv "$T/won-the-name.seg" "$BDIR/$NAME"
# The honest device has not synced since: the others learn from the conflict copy alone.
run "$BIN" sync --home "$SEC"
check "the secretariat's sync says the feed forked" "no fork line" grep -q "fork: feed ${B_FEED:0:8}" "$OUT"
syncall "$C" "$SEC" "$C"
frozen_everywhere "conflict copy" "$B_FEED" "$BFORK" "$SEC" "$C"
syncall "$B"
frozen_everywhere "conflict copy" "$B_FEED" "$BFORK" "$B"
json_ok "the conflict copy's thread is never applied" '[.[].title] | index("From the other device") == null' \
    -- "$BIN" threads flows --json --home "$SEC"

# 3. A tampered and a deleted file in the relay's other folder; a newcomer joins from it.
q "$BIN" post flows --home "$C" --title "Chen's first" --body "Figures"
syncall "$C"
q "$BIN" post flows --home "$C" --title "Chen's second" --body "More figures"
syncall "$C" "$SEC" "$C"
mapfile -t FILES < <(ls "$(feed_dir "$G" "$C_NAME")" | grep -E '^[0-9]{12}-[0-9]{12}\.seg$' | sort)
TAMPERED="$(feed_dir "$G" "$C_NAME")/${FILES[-1]}"
python3 - "$TAMPERED" <<'PY'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
data[len(data) // 2] ^= 1
open(path, "wb").write(data)
PY
rm "$(feed_dir "$G" "$C_NAME")/${FILES[0]}"
run "$BIN" sync --home "$SEC"
check "the relay reports the tampered file" "no skipped line for it" grep -q "skipped .*${FILES[-1]}" "$OUT"
check "the relay writes the tampered range around it" "no name-taken line" grep -q "name taken: .*${FILES[-1]}" "$OUT"
check "the deleted file is written again" "still missing" test -f "$(feed_dir "$G" "$C_NAME")/${FILES[0]}"
q "$BIN" invite --home "$SEC" --name "Dana" --org "Org dana" --role member --out "$T/dana.invite"
syncall "$SEC"
expect_ok "a newcomer joins from the repaired folder" "$BIN" join "$T/dana.invite" --home "$T/dana" --name "Dana" --folder "$G"
syncall "$T/dana"
json_ok "the newcomer has nothing pending" '.group.pending == 0' -- "$BIN" whoami --json --home "$T/dana"
json_ok "the newcomer sees Chen's threads" '[.[].title] | (index("Chen'"'"'s first") != null and index("Chen'"'"'s second") != null)' \
    -- "$BIN" threads flows --json --home "$T/dana"
frozen_everywhere "newcomer" "$A_FEED" "$FORK" "$T/dana"

# 4. A squatted name: the author writes around it and is told.
q "$BIN" post flows --home "$C" --title "Behind a squatter" --body "Still here"
NEXT=$(last_seq "$C" "$C_FEED")
mapfile -t FILES < <(ls "$(feed_dir "$G" "$C_NAME")" | grep -E '^[0-9]{12}-[0-9]{12}\.seg$' | sort)
cp "$(feed_dir "$G" "$C_NAME")/${FILES[0]}" "$(feed_dir "$G" "$C_NAME")/$(seg "$NEXT" "$NEXT")"
run "$BIN" sync --home "$C"
check "the author is told its name was taken" "no name-taken line" \
    grep -q "name taken: .*$(seg "$NEXT" "$NEXT") was taken by a file that is not yours; wrote .* instead" "$OUT"
syncall "$SEC"
json_ok "the secretariat gets the change written around the squatter" '[.[].title] | index("Behind a squatter") != null' \
    -- "$BIN" threads flows --json --home "$SEC"

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
