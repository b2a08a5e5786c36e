#!/usr/bin/env bash
# End-to-end test of the best-practice library with the real binary: three homes and one
# shared folder take a practice from its submission to its publication in an edition (review,
# the group's comments, endorsement), update it to a new version that re-enters review, and
# withdraw another; they sync in different orders and every replica shows each practice the
# same (`practice show --json`, byte for byte) and exports the edition as the same bytes, in
# English and French. Concurrent steps taken offline come to the same history everywhere.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin library

F="$T/shared" SEC="$T/sec" CHAIR="$T/chair" MEM="$T/member"
ALL=("$SEC" "$CHAIR" "$MEM")
mkdir -p "$F"

q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
q "$BIN" invite --home "$SEC" --name "Jean-Pierre Moreau" --org "DGDDI" --role cochair --out "$T/chair.invite"
q "$BIN" invite --home "$SEC" --name "Kenji Watanabe" --org "Japan Customs" --role member --out "$T/member.invite"
q "$BIN" join "$T/chair.invite" --home "$CHAIR" --name "Jean-Pierre Moreau" --folder "$F"
q "$BIN" join "$T/member.invite" --home "$MEM" --name "Kenji Watanabe" --folder "$F"
syncall "$SEC" "${ALL[@]}" "${ALL[@]}"

# Submission.
expect_bad "a practice needs a topic of the group's scope" "one to 7 topics" "$MEM" \
    "$BIN" practice submit --home "$MEM" --title-en "Pre-arrival data" --summary-en "Parcels declared before arrival."
expect_bad "the original language needs a title and a summary" "needs a title and a summary" "$MEM" \
    "$BIN" practice submit --home "$MEM" --original fr --title-en "Pre-arrival data" --summary-en "Before arrival." --topic risk
expect_bad "a topic outside the scope is refused" "no topic matches" "$MEM" \
    "$BIN" practice submit --home "$MEM" --title-en "Pre-arrival data" --summary-en "Before arrival." --topic astrology
expect_id "Japan submits a practice for a platform, in English with a French translation" "$BIN" practice submit --home "$MEM" \
    --title-en "Pre-arrival data from platforms" --title-fr "Données préalables des plateformes" \
    --summary-en "Platforms declare parcels before they arrive." --summary-fr "Les plateformes déclarent les colis avant leur arrivée." \
    --context-en "Low-value parcels grew tenfold." --approach-en "An API for platforms." --results-en "Clearance in minutes." \
    --lessons-en "Start with the largest platforms." --lessons-fr "Commencer par les grandes plateformes." \
    --topic best-practices --topic risk --business "ParcelCo"
P=$ID
expect_id "Japan keeps a second practice as a draft" "$BIN" practice submit --home "$MEM" --draft \
    --title-en "Courier manifests" --summary-en "Express couriers file manifests." --topic flows
D=$ID
json_ok "the practice is submitted, version 1, for ParcelCo, its delegation Japan Customs" \
    '.summary.state == "submitted" and .summary.version == 1 and .summary.business == "ParcelCo" and .summary.submitter.delegation == "Japan Customs" and .summary.topics == ["best-practices", "risk"]' \
    -- "$BIN" practice show "$P" --json --home "$MEM"
syncall "$MEM" "$SEC" "$CHAIR"

# Its attachments: the submitter's, on every replica.
printf 'Pilot results: clearance in minutes.\n' >"$T/pilot.txt"
expect_id "Japan attaches its pilot's results to the practice" "$BIN" practice attach "$P" "$T/pilot.txt" --home "$MEM"
syncall "$MEM" "$SEC"
json_ok "the secretariat sees the attachment on the practice" \
    'length == 1 and .[0].kind == "practice" and .[0].name == "pilot.txt" and .[0].fetchedParts == 0' \
    -- "$BIN" attachment list --to "$P" --json --home "$SEC"

# Review and comments.
expect_bad "a co-chair does not review" "only the secretariat" "$CHAIR" "$BIN" practice review "$P" --home "$CHAIR"
expect_bad "in French too" "seul le secrétariat" "$CHAIR" "$BIN" practice review "$P" --home "$CHAIR" --lang fr
expect_bad "nothing is endorsed before the group's comments" "cannot take the step \"endorse\" while it is submitted" "$CHAIR" \
    "$BIN" practice endorse "$P" --home "$CHAIR"
expect_id "the secretariat reviews it" "$BIN" practice review "$P" --home "$SEC"
expect_id "the secretariat opens it for the group's comments" "$BIN" practice open "$P" --home "$SEC"
syncall "$SEC" "$CHAIR" "$MEM"
expect_ok "a co-chair comments in the practice's own thread" "$BIN" reply "$P" --body "Which platforms took part?" --home "$CHAIR"
expect_ok "Japan answers" "$BIN" reply "$P" --body "The three largest." --home "$MEM"
syncall "$CHAIR" "$MEM" "$SEC" "$CHAIR"
json_ok "the practice's thread holds the summary and two comments" 'length == 3' -- "$BIN" show "$P" --json --home "$SEC"
expect_bad "a member does not endorse" "only a co-chair" "$MEM" "$BIN" practice endorse "$P" --home "$MEM"
expect_id "the co-chair endorses it" "$BIN" practice endorse "$P" --home "$CHAIR"

# The edition.
expect_bad "a member does not open an edition" "co-chairs and the secretariat|moderat|secretariat" "$MEM" \
    "$BIN" edition new --title-en "2027 edition" --home "$MEM"
expect_id "the secretariat opens the 2027 edition" "$BIN" edition new --title-en "2027 edition" --title-fr "Édition 2027" --home "$SEC"
E=$ID
syncall "$CHAIR" "$SEC"
expect_bad "an edition holds only published versions" "is not published" "$SEC" "$BIN" edition add "$E" "$P" --home "$SEC"
expect_id "the secretariat publishes it in the 2027 edition" "$BIN" practice publish "$P" --edition "2027 edition" --home "$SEC"
syncall "$SEC" "$MEM" "$CHAIR"
json_ok "the edition holds version 1 of the practice" '.entries | length == 1 and .[0].version.number == 1' \
    -- "$BIN" edition show "$E" --json --home "$CHAIR"

# A new version re-enters review; the edition keeps the version it published.
expect_bad "only the submitter updates" "only the submitter" "$SEC" "$BIN" practice update "$P" --results-en "Faster." --home "$SEC"
expect_bad "an update that changes nothing is refused" "nothing to change" "$MEM" \
    "$BIN" practice update "$P" --results-en "Clearance in minutes." --home "$MEM"
expect_id "Japan updates its practice" "$BIN" practice update "$P" --results-en "Clearance in minutes; 90% pre-arrival." \
    --results-fr "Dédouanement en quelques minutes." --home "$MEM"
json_ok "the update is version 2, back in review" '.summary.state == "submitted" and .summary.version == 2 and (.versions | length == 2)' \
    -- "$BIN" practice show "$P" --json --home "$MEM"
syncall "$MEM" "$SEC" "$CHAIR"
json_ok "the edition still holds version 1" '.entries[0].version.number == 1' -- "$BIN" edition show "$E" --json --home "$SEC"

# Concurrent steps, offline: the secretariat reviews version 2 while Japan updates it again;
# the review stands on every replica (an officer's step goes on before an update).
expect_id "offline, the secretariat reviews version 2" "$BIN" practice review "$P" --home "$SEC"
expect_id "offline, Japan updates to version 3" "$BIN" practice update "$P" --lessons-en "Start with the largest platforms, then the rest." --home "$MEM"
expect_id "Japan withdraws its draft" "$BIN" practice withdraw "$D" --home "$MEM"
expect_bad "a withdrawn practice takes no further step" "while it is withdrawn" "$MEM" "$BIN" practice submit "$D" --home "$MEM"
syncall "$MEM" "$CHAIR" "$SEC" "$MEM" "$CHAIR"
json_ok "the secretariat's review stands over the concurrent update, kept as overtaken" \
    '.summary.state == "reviewed" and .summary.version == 2 and ([.history[] | select(.stands | not) | .kind] == ["update"])' \
    -- "$BIN" practice show "$P" --json --home "$CHAIR"

# Every replica shows the same, byte for byte.
for practice in "$P" "$D"; do
    for home in "${ALL[@]}"; do
        run "$BIN" practice show "$practice" --json --home "$home"
        [ "$RC" -eq 0 ] || fail "$(basename "$home"): practice show" "exit $RC"
        cp "$OUT" "$T/show-${practice:0:8}-$(basename "$home").json"
    done
    check "every replica shows practice ${practice:0:8} the same, byte for byte" "the replicas differ" \
        test "$(md5sum "$T"/show-"${practice:0:8}"-*.json | cut -d' ' -f1 | sort -u | wc -l)" -eq 1
done
json_ok "the list shows both practices with their states" \
    'map({(.id): .state}) | add | .[$p] == "reviewed" and .[$d] == "withdrawn"' --arg p "$P" --arg d "$D" \
    -- "$BIN" practice list --json --home "$SEC"
json_ok "the list filters by state" 'length == 1 and .[0].id == $d' --arg d "$D" -- "$BIN" practice list --state withdrawn --json --home "$SEC"

# The edition's export: the same bytes everywhere, in both languages.
for language in en fr; do
    for home in "${ALL[@]}"; do
        run "$BIN" edition export "$E" --home "$home" --lang "$language"
        [ "$RC" -eq 0 ] || fail "$(basename "$home"): export in $language" "exit $RC"
        cp "$OUT" "$T/edition-$language-$(basename "$home").md"
    done
    check "every replica exports the same $language edition, byte for byte" "the exports differ" \
        test "$(md5sum "$T"/edition-"$language"-*.md | cut -d' ' -f1 | sort -u | wc -l)" -eq 1
done
check "the English edition holds the published version's results" "no results line of version 1" \
    grep -qx 'Clearance in minutes.' "$T/edition-en-sec.md"
check "the English edition names the business and the delegation" "no submitter line" \
    grep -qx 'Submitted for ParcelCo by Kenji Watanabe (Japan Customs).' "$T/edition-en-sec.md"
check "the French edition is in French, with the translated title" "no French title" \
    grep -qx '## 1. Données préalables des plateformes' "$T/edition-fr-sec.md"
check "the French edition says which text is only in English" "no note" grep -q 'Texte disponible en anglais seulement' "$T/edition-fr-sec.md"
run "$BIN" edition export "2027 edition" --out "$T/edition.md" --home "$MEM"
check "the export is written to a Markdown file, the same bytes" "no such file, or other bytes" cmp -s "$T/edition.md" "$T/edition-en-member.md"
json_ok "search finds the practice by its French summary, accents ignored" 'map(.practice) | index($p) != null' --arg p "$P" \
    -- "$BIN" search "declarent" --json --home "$CHAIR"
if command -v pandoc >/dev/null 2>&1; then
    run "$BIN" edition export "$E" --out "$T/edition.docx" --home "$SEC"
    check "pandoc writes the edition as DOCX" "no DOCX written" test "$(head -c 2 "$T/edition.docx")" = PK
else
    expect_bad "without pandoc, a DOCX export says how to get it" "pandoc is not installed" "$SEC" \
        "$BIN" edition export "$E" --out "$T/edition.docx" --home "$SEC"
fi

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
