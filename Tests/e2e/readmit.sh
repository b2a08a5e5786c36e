#!/usr/bin/env bash
# End-to-end test of a fork and the way back, with the real binary: a member's home is copied
# (`cp -a`) and both copies post before either syncs. Every replica freezes the member's feed at
# the same seq and says so; the member's acts are refused with the way back; the secretariat
# re-admits them under a new key, which they take up in the same home with the same name,
# delegation and roles, and their changes that no longer count are listed.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin readmit

F="$T/shared" SEC="$T/sec" DEL="$T/laptop" COPY="$T/desktop" OBS="$T/observer"
mkdir -p "$F"
q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
q "$BIN" invite --home "$SEC" --name "Kenji Watanabe" --org "Japan Customs" --role member --out "$T/del.invite"
q "$BIN" invite --home "$SEC" --name "Maria Silva" --org "Brazil Customs" --role member --out "$T/obs.invite"
q "$BIN" join "$T/del.invite" --home "$DEL" --name "Kenji Watanabe" --folder "$F"
q "$BIN" join "$T/obs.invite" --home "$OBS" --name "Maria Silva" --folder "$F"
syncall "$SEC" "$DEL" "$OBS"
feed() { "$BIN" whoami --home "$1" --json | jq -r .feed; }
KENJI=$(feed "$DEL")
q "$BIN" member grant "${KENJI:0:8}" --role cochair --home "$SEC"
syncall "$SEC" "$DEL" "$OBS"

# 1. A copied home: both copies post before either syncs.
cp -a "$DEL" "$COPY"
q "$BIN" post general --home "$DEL" --title "From the laptop" --body "Signed on the laptop."
q "$BIN" post general --home "$COPY" --title "From the desktop" --body "Signed on the desktop."
SEQ=$(sqlite3 "$DEL/store.sqlite" "SELECT max(c.seq) FROM change c JOIN feed f ON f.id = c.feed WHERE f.hex = '$KENJI'")
syncall "$DEL" "$COPY" "$SEC" "$OBS" "$DEL" "$COPY" "$SEC" "$OBS"
for home in "$SEC" "$DEL" "$COPY" "$OBS"; do
    json_ok "$(basename "$home"): Kenji's feed is frozen at seq $SEQ" '[.[] | select(.feed == $f) | .frozenFrom] == [($s | tonumber)]' \
        --arg f "$KENJI" --arg s "$SEQ" -- "$BIN" members --json --home "$home"
    json_ok "$(basename "$home"): neither variant counts" '[.[].title] | (index("From the laptop") == null and index("From the desktop") == null)' \
        -- "$BIN" threads general --json --home "$home"
done
run "$BIN" whoami --home "$DEL"
check "whoami tells Kenji his feed is frozen and how back" "FROZEN and readmit named" \
    bash -c "grep -q 'FROZEN from seq $SEQ' '$OUT' && grep -q 'invite readmit' '$OUT' && grep -q 'From the laptop' '$OUT'"
run "$BIN" post general --home "$DEL" --title "Anyway" --body "Does this count?"
check "an act with the forked key is refused with the way back" "non-zero exit, 're-admit' on stderr" \
    bash -c "[ $RC -ne 0 ] && grep -qi 're-admit' '$ERR' && [ ! -s '$OUT' ]"
run "$BIN" members --home "$OBS"
check "members marks the feed FROZEN" "FROZEN" grep -q "FROZEN from seq $SEQ" "$OUT"
run "$BIN" sync --home "$SEC"
check "the secretariat's sync prompts the re-admission" "frozen: Kenji … invite readmit" \
    bash -c "grep -q 'frozen: Kenji Watanabe' '$OUT' && grep -q 'invite readmit ${KENJI:0:8}' '$OUT'"

# 2. The secretariat re-admits Kenji; he takes it up in the same home.
expect_ok "the secretariat re-admits Kenji" "$BIN" invite readmit "${KENJI:0:8}" --out "$T/kenji-again.invite" --home "$SEC"
check "the output names every role carried over" "member, cochair" grep -q "as member, cochair" "$OUT"
check "the re-admission file is private" "mode 600" bash -c "[ \"\$(stat -c %a '$T/kenji-again.invite')\" = 600 ]"
run "$BIN" join "$T/kenji-again.invite" --home "$DEL"
check "join takes the re-admission up in Kenji's home and lists what no longer counts" "Re-admitted … From the laptop" \
    bash -c "[ $RC -eq 0 ] && grep -q 'Re-admitted' '$OUT' && grep -q 'From the laptop' '$OUT'"
NEW=$(feed "$DEL")
check "Kenji has a new feed, the old key kept beside it" "new feed, identity.key.replaced-*" \
    bash -c "[ '$NEW' != '$KENJI' ] && [ -f '$DEL/identity.key.replaced-${KENJI:0:8}' ]"
json_ok "the new key holds the same name, delegation and roles" \
    '.name == "Kenji Watanabe" and .organisation == "Japan Customs" and (.roles | sort) == ["cochair", "member"] and .frozenFrom == null' \
    -- "$BIN" whoami --json --home "$DEL"
expect_ok "Kenji posts again under his new key" "$BIN" post general --home "$DEL" --title "From the laptop, again" --body "Counted now."
syncall "$DEL" "$SEC" "$OBS" "$COPY"
for home in "$SEC" "$OBS"; do
    json_ok "$(basename "$home"): the new post counts, the forked ones do not" \
        '[.[].title] | (index("From the laptop, again") != null and index("From the laptop") == null)' \
        -- "$BIN" threads general --json --home "$home"
done
expect_ok "once re-admitted, the fork is settled: the secretariat's sync is all good again" "$BIN" sync --home "$SEC"
run "$BIN" members --home "$SEC"
check "members says the old feed was re-admitted as the new one" "re-admitted as" grep -q "re-admitted as ${NEW:0:8}" "$OUT"
run "$BIN" join "$T/kenji-again.invite" --home "$COPY"
check "the copied home cannot take the same re-admission up" "already used" \
    bash -c "[ $RC -ne 0 ] && grep -qi 'already used' '$ERR'"

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
