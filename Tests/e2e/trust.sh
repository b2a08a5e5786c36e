#!/usr/bin/env bash
# End-to-end test of trust in every act, with the real binary: a removed penholder's offline
# edit on the old base never counts; a vote from a restored backup adopts the newer change
# instead of forking the feed; a close records (seq, hash) for every feed; a removed member's
# later changes are set aside, not left pending.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin trust

F="$T/shared" SEC="$T/sec" PEN="$T/pen" DEL="$T/delegate"
mkdir -p "$F"
q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
q "$BIN" invite --home "$SEC" --name "Jean-Pierre Moreau" --org "DGDDI" --role member --out "$T/pen.invite"
q "$BIN" invite --home "$SEC" --name "Kenji Watanabe" --org "Japan Customs" --role member --out "$T/del.invite"
q "$BIN" join "$T/pen.invite" --home "$PEN" --name "Jean-Pierre Moreau" --folder "$F"
q "$BIN" join "$T/del.invite" --home "$DEL" --name "Kenji Watanabe" --folder "$F"
syncall "$SEC" "$PEN" "$DEL" "$SEC" "$PEN" "$DEL"
feed() { "$BIN" whoami --home "$1" --json | jq -r .feed; }
SEC_FEED=$(feed "$SEC") PEN_FEED=$(feed "$PEN") DEL_FEED=$(feed "$DEL")

# 1. A removed penholder's edit, signed offline on the base from before the removal.
printf 'Guidelines.\n\nMembers should publish their thresholds.\n' >"$T/first.md"
DRAFT=$("$BIN" draft new --home "$SEC" --title "Guidelines" --topic flows --symbol WGEC/1 --penholder "$PEN_FEED" \
    --file "$T/first.md" --json | jq -r .id)
syncall "$SEC" "$PEN" "$DEL"
expect_ok "the secretariat takes the pen back" "$BIN" draft penholders "${DRAFT:0:8}" "${SEC_FEED:0:8}" --home "$SEC"
q "$BIN" sync --home "$SEC"
printf 'Guidelines.\n\nMembers should publish their thresholds.\n\nA late paragraph.\n' >"$T/late.md"
expect_ok "the former penholder, offline, still edits on the old base" "$BIN" draft edit "${DRAFT:0:8}" --file "$T/late.md" --home "$PEN"
syncall "$PEN" "$SEC" "$DEL" "$PEN" "$SEC" "$DEL"
for home in "$SEC" "$PEN" "$DEL"; do
    json_ok "$(basename "$home"): the late edit never counts" '.text | contains("A late paragraph") | not' \
        -- "$BIN" draft show "${DRAFT:0:8}" --json --home "$home"
done

# 2. A vote from a restored backup: the newer change in the folder is adopted first.
POLL=$("$BIN" poll new --home "$SEC" --kind proposal --title "Adopt the agenda" --text "As posted" --json | jq -r '.ids[0]')
syncall "$SEC" "$DEL"
cp -a "$DEL" "$T/delegate-backup"
expect_ok "the delegate posts from the current home" "$BIN" post flows --home "$DEL" --title "Figures" --body "2025 volumes"
q "$BIN" sync --home "$DEL"
run "$BIN" poll vote "${POLL:0:8}" --position agree --home "$T/delegate-backup"
check "the backup's vote adopts the newer change first and says so" "vote from the backup" \
    bash -c "[ $RC -eq 0 ] && grep -q 'your own changes' '$ERR'"
syncall "$T/delegate-backup" "$SEC" "$DEL" "$SEC"
json_ok "no replica sees a fork of the delegate's feed" '[.[] | select(.feed == $f) | .frozenFrom] == [null]' \
    --arg f "$DEL_FEED" -- "$BIN" members --json --home "$SEC"
json_ok "the backup's vote counts" '.voterNames | index("Kenji Watanabe") != null' -- "$BIN" poll show "${POLL:0:8}" --json --home "$SEC"

# 3. A close records each feed's (seq, hash).
expect_ok "the secretariat closes" "$BIN" poll close "${POLL:0:8}" --home "$SEC"
CLOSE=$(sqlite3 "$SEC/store.sqlite" "SELECT CAST(body AS TEXT) FROM change" | grep '"poll.close"' | tail -n 1)
check "the close names (seq, hash) for every feed it saw" "$CLOSE" \
    bash -c "jq -e '.ops[0].frontier | (length >= 3) and (to_entries | all(.value | type == \"array\" and length == 2 and (.[1] | test(\"^[0-9a-f]{64}$\"))))' <<<'$CLOSE'"

# 4. A removed member's later changes are set aside, not left pending.
expect_ok "the secretariat removes the delegate" "$BIN" member remove "${DEL_FEED:0:8}" --home "$SEC"
q "$BIN" sync --home "$SEC"
q "$BIN" post flows --home "$DEL" --title "After" --body "Not seen the removal"
q "$BIN" post flows --home "$DEL" --title "After again" --body "Still not"
syncall "$DEL" "$SEC" "$PEN" "$SEC"
for home in "$SEC" "$PEN"; do
    json_ok "$(basename "$home"): nothing waits after the removal" '.group.pending == 0' -- "$BIN" whoami --json --home "$home"
    json_ok "$(basename "$home"): the removed member's later threads do not count" \
        '[.[].title] | (index("After") == null and index("Figures") != null)' -- "$BIN" threads flows --json --home "$home"
done

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
