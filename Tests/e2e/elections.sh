#!/usr/bin/env bash
# End-to-end test of an election of the co-chairs with the real binary: the secretariat opens
# both seats; delegates nominate themselves or others (who accept), vote offline by delegation,
# sync in different orders; the secretariat closes, every replica elects the same people, and
# the secretariat grants the co-chair role for a year.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin elections

F="$T/shared" SEC="$T/sec" JP="$T/japan" BR="$T/brazil" SN="$T/senegal" SN2="$T/senegal2" GEA="$T/gea" PLT="$T/platform"
mkdir -p "$F"
q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
invite() { q "$BIN" invite --home "$SEC" --name "$2" --org "$3" --role "$4" --out "$T/$1.invite"; q "$BIN" join "$T/$1.invite" --home "$T/$1" --name "$2" --folder "$F"; }
invite japan "Kenji Watanabe" "Japan Customs" member
invite brazil "Maria Souza" "Receita Federal" member
invite senegal "Fatou Ndiaye" "Douanes sénégalaises" member
invite senegal2 "Moussa Diop" "Douanes sénégalaises" member
invite gea "Lena Fischer" "Global Express Association" private
invite platform "Tom Baker" "Platform Co" private
ALL=("$SEC" "$JP" "$BR" "$SN" "$SN2" "$GEA" "$PLT")
syncall "${ALL[@]}" "${ALL[@]}"

expect_bad "a delegate cannot open an election" "role does not allow" "$JP" "$BIN" poll new --kind election --home "$JP"
expect_bad "an election takes no options" "nominations" "$SEC" "$BIN" poll new --kind election --option A --option B --home "$SEC"
run "$BIN" poll new --kind election --title "Co-chairs 2027" --home "$SEC"
check "the secretariat opens an election with two seats" "exit $RC, stdout: $(cat "$OUT")" test "$RC" -eq 0 -a "$(wc -l <"$OUT")" -eq 2
ADMIN=$(sed -n 1p "$OUT") PRIV=$(sed -n 2p "$OUT")
syncall "$SEC" "${ALL[@]}"
json_ok "each seat is its own poll, by delegation, members voting" \
    '.seat == "administration" and .unit == "delegation" and .electorate == ["member"] and .summary.title == "Co-chairs 2027: co-chair for a Member administration"' \
    -- "$BIN" poll show "$ADMIN" --json --home "$JP"

# Nominations, offline.
expect_ok "Kenji stands for the administration seat" "$BIN" poll nominate "$ADMIN" --home "$JP"
expect_ok "Maria nominates Fatou" "$BIN" poll nominate "$ADMIN" --member "$("$BIN" whoami --home "$SN" --json | jq -r .feed)" --home "$BR"
expect_bad "the private sector cannot stand for the administration seat" "candidate for this seat" "$GEA" \
    "$BIN" poll nominate "$ADMIN" --home "$GEA"
expect_ok "Lena stands for the private-sector seat" "$BIN" poll nominate "$PRIV" --home "$GEA"
expect_ok "Kenji nominates Tom, who never accepts" "$BIN" poll nominate "$PRIV" --member "$("$BIN" whoami --home "$PLT" --json | jq -r .feed)" --home "$JP"
expect_bad "no one nominated Maria, so she has nothing to accept" "nominated you" "$BR" "$BIN" poll accept "$ADMIN" --home "$BR"
syncall "$BR" "$JP" "$GEA" "$SN" "$PLT"
json_ok "Fatou's nomination awaits her acceptance" \
    '[.candidates[] | {name, accepted}] == [{"name":"Kenji Watanabe","accepted":true},{"name":"Fatou Ndiaye","accepted":false}]' \
    -- "$BIN" poll show "$ADMIN" --json --home "$SN"
expect_ok "Fatou accepts" "$BIN" poll accept "$ADMIN" --home "$SN"
syncall "$SN" "$BR" "$JP" "$SN2" "$GEA" "$PLT"

# Ballots, offline: one per delegation.
expect_bad "a nominee who has not accepted is no candidate" "not a candidate" "$JP" \
    "$BIN" poll vote "$PRIV" --candidate Tom --home "$JP"
expect_bad "the private sector does not vote" "electorate" "$GEA" "$BIN" poll vote "$PRIV" --candidate Lena --home "$GEA"
expect_ok "Japan votes for Kenji" "$BIN" poll vote "$ADMIN" --candidate Kenji --home "$JP"
expect_ok "Brazil ranks Fatou, then Kenji" "$BIN" poll vote "$ADMIN" --candidate Fatou --candidate Kenji --home "$BR"
expect_ok "Senegal's first delegate votes for Kenji" "$BIN" poll vote "$ADMIN" --candidate Kenji --home "$SN2"
expect_ok "then Senegal's other delegate votes for Fatou" "$BIN" poll vote "$ADMIN" --candidate Fatou --home "$SN"
expect_ok "Japan votes for Lena" "$BIN" poll vote "$PRIV" --candidate Lena --home "$JP"

# Different orders of delivery.
syncall "$SN" "$BR" "$SEC" "$JP" "$SN2" "$SEC" "$GEA" "$PLT"
expect_ok "the secretariat closes the administration seat" "$BIN" poll close "$ADMIN" --home "$SEC"
expect_ok "and the private-sector seat" "$BIN" poll close "$PRIV" --home "$SEC"
expect_ok "offline, Japan changes its vote after the close" "$BIN" poll vote "$ADMIN" --candidate Fatou --home "$JP"
syncall "$JP" "$SEC" "${ALL[@]}" "${ALL[@]}"

RESULTS=()
for home in "${ALL[@]}"; do
    json_ok "$(basename "$home"): Fatou is elected 2 to 1, Senegal's split flagged" \
        '.summary.closed and .result.winners == ["Fatou Ndiaye"] and .result.counts["Fatou Ndiaye (Douanes sénégalaises)"] == 2 and .conflictingDelegations == ["Douanes sénégalaises"]' \
        -- "$BIN" poll show "$ADMIN" --json --home "$home"
    RESULTS+=("$(jq -c .result "$OUT")")
    run "$BIN" poll show "$PRIV" --json --home "$home"
    RESULTS+=("$(jq -c .result "$OUT")")
done
check "every replica elects the same co-chairs" "results differ" \
    test "$(printf '%s\n' "${RESULTS[@]}" | sort -u | wc -l)" -eq 2
json_ok "Lena is elected for the private sector" '.result.winners == ["Lena Fischer"]' -- "$BIN" poll show "$PRIV" --json --home "$PLT"

run "$BIN" poll show "$ADMIN" --home "$SEC"
check "the secretariat is told to grant the co-chair role" "$(cat "$OUT")" grep -q "grants the co-chair role for one year" "$OUT"
FATOU=$("$BIN" whoami --home "$SN" --json | jq -r .feed)
expect_ok "the secretariat grants Fatou the co-chair role for a year" \
    "$BIN" member grant "$FATOU" --role cochair --until 365 --home "$SEC"
json_ok "then no grant is due for her seat" '.cochairGrantDue == null' -- "$BIN" poll show "$ADMIN" --json --home "$SEC"
json_ok "but Lena's still is" '.cochairGrantDue != null' -- "$BIN" poll show "$PRIV" --json --home "$SEC"
syncall "$SEC" "$SN"
json_ok "Fatou is co-chair until a year from now" \
    '.[] | select(.feed == $f) | (.roles | index("cochair")) != null and (.terms.cochair / 1000 - now) > 364 * 86400' --arg f "$FATOU" \
    -- "$BIN" members --json --home "$SN"
expect_ok "as co-chair, Fatou may now open a poll" "$BIN" poll new --kind proposal --title "Adopt the work plan" --home "$SN"
expect_bad "a term is for experts and co-chairs only" "experts and co-chairs" "$SEC" \
    "$BIN" member grant "$FATOU" --role member --until 30 --home "$SEC"

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
