#!/usr/bin/env bash
# End-to-end test of polls with the real binary: three homes and one shared folder; a poll is
# opened, everyone votes offline, syncs, the co-chair closes, and every replica shows the same
# result; a ballot signed after the close never counts.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin polls

F="$T/shared" SEC="$T/sec" CO="$T/cochair" DEL="$T/delegate" OBS="$T/observer"
mkdir -p "$F"

q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
q "$BIN" invite --home "$SEC" --name "Jean-Pierre Moreau" --org "DGDDI" --role cochair --out "$T/co.invite"
q "$BIN" invite --home "$SEC" --name "Kenji Watanabe" --org "Japan Customs" --role member --out "$T/del.invite"
q "$BIN" invite --home "$SEC" --name "Olga" --org "Observer Org" --role observer --out "$T/obs.invite"
q "$BIN" join "$T/co.invite" --home "$CO" --name "Jean-Pierre Moreau" --folder "$F"
q "$BIN" join "$T/del.invite" --home "$DEL" --name "Kenji Watanabe" --folder "$F"
q "$BIN" join "$T/obs.invite" --home "$OBS" --name "Olga" --folder "$F"
syncall "$SEC" "$CO" "$DEL" "$OBS" "$SEC" "$CO" "$DEL" "$OBS"

expect_bad "a delegate cannot open a poll" "role does not allow" "$DEL" \
    "$BIN" poll new --kind single --title "Mine" --option A --option B --home "$DEL"
expect_short_id "poll new prints the new poll's short id" "$BIN" poll new --home "$CO" --kind single --title "Lunch" --option A --option B
expect_id "the co-chair opens a ranked-choice poll" "$BIN" poll new --home "$CO" --kind ranked --title "Venue of the next meeting" \
    --option Brussels --option Geneva --option Online --electorate member,cochair,secretariat
POLL=$ID
syncall "$CO" "$SEC" "$DEL" "$OBS"

# Everyone votes offline.
expect_ok "the secretariat votes" "$BIN" poll vote "$POLL" --option 0 --option 1 --home "$SEC"
expect_ok "the delegate votes" "$BIN" poll vote "$POLL" --option 1 --home "$DEL"
expect_ok "the delegate changes their vote" "$BIN" poll vote "$POLL" --option 2 --option 1 --home "$DEL"
expect_ok "the co-chair votes" "$BIN" poll vote "$POLL" --option 1 --home "$CO"
expect_bad "an observer may not vote" "electorate" "$OBS" "$BIN" poll vote "$POLL" --option 0 --home "$OBS"
expect_bad "a ranking that names an option twice is refused" "does not fit" "$SEC" \
    "$BIN" poll vote "$POLL" --option 0 --option 0 --home "$SEC"

syncall "$DEL" "$SEC" "$CO" "$DEL" "$SEC" "$CO"
expect_ok "the co-chair closes the poll" "$BIN" poll close "$POLL" --home "$CO"
expect_ok "offline, the delegate votes again after the close" "$BIN" poll vote "$POLL" --option 0 --home "$DEL"
syncall "$CO" "$DEL" "$SEC" "$OBS" "$CO" "$DEL" "$SEC" "$OBS"
# Now the delegate's replica knows the poll is closed: a vote would never count, so none is signed.
expect_bad "a vote on a poll known to be closed is refused, and nothing is signed" "poll [0-9a-f]{8} is closed here" "$DEL" \
    "$BIN" poll vote "$POLL" --option 1 --home "$DEL"
expect_bad "the refusal is in French under --lang fr" "le scrutin [0-9a-f]{8} est clos ici" "$DEL" \
    "$BIN" poll vote "$POLL" --option 1 --home "$DEL" --lang fr
expect_bad "a French LANG gets the refusal in French (the profile says en)" "le scrutin [0-9a-f]{8} est clos ici" "$DEL" \
    env LC_ALL= LC_MESSAGES= LANG=fr_FR.UTF-8 "$BIN" poll vote "$POLL" --option 1 --home "$DEL"
expect_bad "a refusal by the rules is in French too" "votre rôle ne le permet pas" "$DEL" \
    "$BIN" poll outcome "$POLL" --statement "Mine" --home "$DEL" --lang fr

RESULTS=()
for home in "$SEC" "$CO" "$DEL" "$OBS"; do
    json_ok "$(basename "$home"): the poll is closed with three voters and Geneva wins" \
        '.summary.closed and (.voterNames | length == 3) and .result.winners == ["Geneva"]' \
        -- "$BIN" poll show "$POLL" --json --home "$home"
    RESULTS+=("$(jq -c .result "$OUT")")
done
check "every replica shows the same result" "results differ" \
    test "$(printf '%s\n' "${RESULTS[@]}" | sort -u | wc -l)" -eq 1

expect_bad "a delegate cannot state the outcome" "role does not allow" "$DEL" \
    "$BIN" poll outcome "$POLL" --statement "Mine" --home "$DEL"
expect_ok "the co-chair states the outcome" "$BIN" poll outcome "$POLL" --statement "The next meeting will be held in Geneva." --home "$CO"
syncall "$CO" "$DEL"
json_ok "the delegate reads the outcome" '.outcome == "The next meeting will be held in Geneva."' \
    -- "$BIN" poll show "$POLL" --json --home "$DEL"

# The silence procedure: broken by an objection with its reason.
expect_id "the secretariat puts a text to silence" "$BIN" poll new --home "$SEC" --kind silence --title "Report to the PTC" \
    --text "Draft report, Rev.2"
SILENCE=$ID
syncall "$SEC" "$DEL"
expect_ok "the delegate breaks the silence" "$BIN" poll object "$SILENCE" --reason "Paragraph 4 misstates our figures" --home "$DEL"
syncall "$DEL" "$SEC"
expect_ok "the secretariat closes the procedure" "$BIN" poll close "$SILENCE" --home "$SEC"
json_ok "the record says broken, by whom and why" \
    '.result.adopted == false and .result.brokenBy == "Kenji Watanabe" and .result.reason == "Paragraph 4 misstates our figures"' \
    -- "$BIN" poll show "$SILENCE" --json --home "$SEC"

# The count shown is the count that counts: a ballot signed after the close is no voter.
expect_id "the co-chair opens a poll on the agenda" "$BIN" poll new --home "$CO" --kind single --title "Adopt the agenda" \
    --option Yes --option No --electorate member,cochair,secretariat
AGENDA=$ID
syncall "$CO" "$SEC" "$DEL"
expect_ok "the secretariat votes on the agenda" "$BIN" poll vote "$AGENDA" --option 0 --home "$SEC"
syncall "$SEC" "$CO"
expect_ok "the co-chair closes the agenda poll" "$BIN" poll close "$AGENDA" --home "$CO"
expect_ok "offline, the delegate votes on the agenda after its close" "$BIN" poll vote "$AGENDA" --option 1 --home "$DEL"
syncall "$CO" "$DEL" "$SEC" "$CO" "$DEL" "$SEC"
for home in "$SEC" "$CO" "$DEL"; do
    json_ok "$(basename "$home"): the list counts one voter on the closed agenda poll, as its record does" \
'map(select(.id | startswith($id[0:8])))[0] | .closed and .voters == 1' --arg id "$AGENDA" \
        -- "$BIN" poll list --json --home "$home"
    run "$BIN" poll list --home "$home"
    check "$(basename "$home"): poll list says 1 voted" "the line of the agenda poll does not say 1 voted" \
        grep -q "Adopt the agenda.* 1 voted" "$OUT"
    json_ok "$(basename "$home"): the agenda record names the secretariat alone" \
        '.voterNames == ["Ana Ribeiro"] and .result.counts == {"Yes": 1, "No": 0}' -- "$BIN" poll show "$AGENDA" --json --home "$home"
done

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
