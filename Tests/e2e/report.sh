#!/usr/bin/env bash
# End-to-end test of the report to the committees with the real binary: three homes and one
# shared folder, two meetings, a proposal, a silence procedure and recommendations, each signed
# on a day of its own (INTERSESSION_NOW). The report for a period holds exactly what lies
# inside it, judged by signed facts; every replica gives the same bytes, in English and French;
# its DOCX reads back as its Markdown does.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
# shellcheck source=lib/documents.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/documents.bash"
e2e_begin report


F="$T/shared" SEC="$T/sec" CO="$T/cochair" DEL="$T/japan"
ALL=("$SEC" "$CO" "$DEL")
mkdir -p "$F"
# on DAY: what follows is signed at noon UTC that day.
on() { INTERSESSION_NOW=$(( $(date -u -d "$1 12:00" +%s) * 1000 )); export INTERSESSION_NOW; }

on 2026-05-01
q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
q "$BIN" invite --home "$SEC" --name "Jean-Pierre Moreau" --org "DGDDI" --role cochair --out "$T/co.invite"
q "$BIN" invite --home "$SEC" --name "Kenji Watanabe" --org "Japan Customs" --role member --out "$T/del.invite"
q "$BIN" join "$T/co.invite" --home "$CO" --name "Jean-Pierre Moreau" --folder "$F"
q "$BIN" join "$T/del.invite" --home "$DEL" --name "Kenji Watanabe" --folder "$F"
# Three more participants, of a partner organisation, the private sector and academia.
GUESTS=()
for guest in "Maria Santos:Universal Postal Union" "Lee Chen:Global Express Association" "Ada Brown:Université de Canberra"; do
    name=${guest%%:*} home="$T/guest-${#GUESTS[@]}"
    q "$BIN" invite --home "$SEC" --name "$name" --org "${guest#*:}" --role member --out "$home.invite"
    q "$BIN" sync --home "$SEC"
    q "$BIN" join "$home.invite" --home "$home" --name "$name" --folder "$F"
    GUESTS+=("$home")
done
syncall "$SEC" "$CO" "$DEL" "$SEC" "$CO" "$DEL"

# Inside the period (May–June): a meeting, a document version, a proposal adopted, two recommendations.
on 2026-05-10
printf 'Scope.\n\nDefinitions.\n' >"$T/draft.md"
expect_id "the secretariat starts the guidelines" "$BIN" draft new --home "$SEC" --title "Guidelines" --topic general --symbol "WGEC/2026/4" --file "$T/draft.md"
DRAFT=$ID
expect_ok "and names Rev.1" "$BIN" draft version "$DRAFT" Rev.1 --home "$SEC"
expect_id "the co-chair convenes the first meeting" "$BIN" meeting new --home "$CO" --title "First meeting" --number 2026/1 \
    --from 2026-05-18 --to 2026-05-20 --topic general
M1=$ID
expect_id "item 1" "$BIN" meeting item add "$M1" --home "$CO" --number 1 --title "Adoption of the guidelines" --purpose decision
I1=$ID
expect_id "item 2" "$BIN" meeting item add "$M1" --home "$CO" --number 2 --title "Data exchange" --purpose discussion
I2=$ID
expect_id "a proposal" "$BIN" poll new --home "$CO" --kind proposal --title "Recommend the guidelines to the PTC" --text "As Rev.1"
P1=$ID
syncall "$CO" "$SEC" "$DEL" "$CO"
on 2026-05-18
expect_ok "Japan registers" "$BIN" meeting register "$M1" --as head-of-delegation --home "$DEL"
syncall "${GUESTS[@]}" "$SEC"
expect_ok "the secretariat registers the UPU's delegate" "$BIN" meeting register "$M1" --member "Maria Santos" --home "$SEC"
expect_ok "an industry observer" "$BIN" meeting register "$M1" --member "Lee Chen" --as observer --home "$SEC"
expect_ok "and an invited academic" "$BIN" meeting register "$M1" --member "Ada Brown" --as expert --home "$SEC"
expect_bad "a delegate cannot say in which category a delegation takes part" "only the secretariat sets the category" "$DEL" \
    "$BIN" meeting categorise "Universal Postal Union" partner-organisation --home "$DEL"
expect_bad "nor in French" "seul le secrétariat fixe la catégorie" "$DEL" \
    "$BIN" meeting categorise "Universal Postal Union" partner-organisation --home "$DEL" --lang fr
run "$BIN" meeting categorise "Universal Postal Union" ngo --home "$SEC"
check "a category not in the list is refused as a command-line mistake, naming the categories" "exit $RC" \
    bash -c "[ $RC -eq 64 ] && grep -q academia '$ERR'"
expect_ok "the secretariat puts the UPU among the partner organisations" \
    "$BIN" meeting categorise "Universal Postal Union" partner-organisation --home "$SEC"
expect_ok "the express carriers in the private sector (the name matched whatever its case)" \
    "$BIN" meeting categorise "global express association" private-sector --home "$SEC"
# First typed in capitals, the É as E and a combining acute (the same delegation as the one
# registered as "Université"), and in the wrong category; then corrected as registered.
expect_ok "the university among the experts, by mistake" \
    "$BIN" meeting categorise $'UNIVERSITE\u0301 DE CANBERRA' expert --home "$SEC"
expect_ok "then in academia, its accent typed the other way" \
    "$BIN" meeting categorise "Université de Canberra" academia --home "$SEC"
expect_bad "the same category again changes nothing and says so" "already in the category" "$SEC" \
    "$BIN" meeting categorise "Université de Canberra" academia --home "$SEC"
json_ok "the university's participant is counted in academia" \
    '.participants | map(select(.delegation == "Université de Canberra")) | map(.category) == ["academia"]' \
    -- "$BIN" meeting show "$M1" --json --home "$SEC"
json_ok "the delegations listed with their categories" \
    'map(.category) == ["private-sector", "partner-organisation", "academia"]' -- "$BIN" meeting delegations --json --home "$SEC"
expect_ok "Japan comments" "$BIN" reply "$I1" --body "Japan supports the guidelines." --home "$DEL"
expect_ok "Japan agrees" "$BIN" poll vote "$P1" --position agree --home "$DEL"
syncall "$DEL" "$CO"
on 2026-05-20
expect_ok "the co-chair closes the proposal" "$BIN" poll close "$P1" --home "$CO"
expect_ok "and states its outcome" "$BIN" poll outcome "$P1" --statement "The guidelines go to the PTC." --home "$CO"
expect_id "item 1 is adopted" "$BIN" meeting outcome "$I1" adopted --summary "The guidelines are adopted." --home "$CO"
O1=$ID
expect_id "item 2 is deferred" "$BIN" meeting outcome "$I2" deferred --summary "To the next meeting." --home "$CO"
O2=$ID
on 2026-05-22
expect_bad "a delegate cannot record a recommendation" "only the co-chairs and the secretariat" "$DEL" \
    "$BIN" recommendation new --text "Mine." --to PTC --level technical --poll "$P1" --home "$DEL"
expect_bad "a deferral adopts nothing" "only an outcome that adopts or endorses" "$CO" \
    "$BIN" recommendation new --text "No." --to PTC --level technical --outcome "$O2" --home "$CO"
expect_bad "in French too" "seule une conclusion qui adopte ou approuve" "$CO" \
    "$BIN" recommendation new --text "No." --to PTC --level technical --outcome "$O2" --home "$CO" --lang fr
expect_bad "one decision, not two" "name the one decision" "$CO" \
    "$BIN" recommendation new --text "No." --to PTC --level technical --home "$CO"
expect_id "a technical recommendation to the PTC, adopted by the proposal" "$BIN" recommendation new --home "$CO" \
    --text "Adopt the guidelines as a PTC instrument." --to PTC --level technical --poll "$P1"
R1=$ID
on 2026-05-23
syncall "$CO" "$SEC"
expect_id "a policy recommendation to the PC, adopted by item 1's outcome" "$BIN" recommendation new --home "$SEC" \
    --text "Endorse the approach to cross-border e-commerce." --to pc --level policy --outcome "$O1"
R2=$ID
syncall "$CO" "$SEC" "$DEL" "$CO" "$SEC"
# A practice Japan adds in May, reviewed, opened, endorsed and published in an edition.
on 2026-05-24
expect_id "Japan submits a practice" "$BIN" practice submit --home "$DEL" --title-en "Pre-arrival data from platforms" \
    --summary-en "Platforms declare parcels before arrival." --topic best-practices
PR=$ID
syncall "$DEL" "$SEC"
expect_ok "the secretariat reviews it" "$BIN" practice review "$PR" --home "$SEC"
expect_ok "and opens it for comments" "$BIN" practice open "$PR" --home "$SEC"
syncall "$SEC" "$CO"
expect_ok "the co-chair endorses it" "$BIN" practice endorse "$PR" --home "$CO"
syncall "$CO" "$SEC"
on 2026-05-26
expect_ok "the secretariat makes the 2026 edition" "$BIN" edition new --title-en "2026 edition" --home "$SEC"
expect_ok "and publishes the practice in it" "$BIN" practice publish "$PR" --edition "2026 edition" --home "$SEC"
syncall "$SEC" "$CO" "$DEL" "$SEC"

# Outside it (September): a second meeting, a silence procedure, a recommendation and a follow-up of R1.
on 2026-09-01
expect_id "the co-chair convenes the second meeting" "$BIN" meeting new --home "$CO" --title "Second meeting" --number 2026/2 \
    --from 2026-09-10 --to 2026-09-12 --topic general
M2=$ID
expect_id "its item" "$BIN" meeting item add "$M2" --home "$CO" --number 1 --title "Data exchange, continued" --purpose decision
expect_id "a silence procedure" "$BIN" poll new --home "$CO" --kind silence --title "Report to the EC" --text "Draft report" --days 10
S1=$ID
expect_bad "a recommendation waits for its poll's close" "is not closed" "$CO" \
    "$BIN" recommendation new --text "Not yet." --to EC --level technical --poll "$S1" --home "$CO"
on 2026-09-15
expect_ok "the silence procedure closes unbroken" "$BIN" poll close "$S1" --home "$CO"
on 2026-09-16
expect_id "a recommendation to the EC, adopted by the silence procedure" "$BIN" recommendation new --home "$CO" \
    --text "Share risk indicators with the EC." --to EC --level technical --poll "$S1"
expect_ok "Japan updates its practice in September" "$BIN" practice update "$PR" --results-en "90% pre-arrival." --home "$DEL"
expect_id "the PTC's response to R1, as follow-up" "$BIN" recommendation follow-up "$R1" --text "The PTC took note in October." --home "$SEC"
syncall "$CO" "$SEC" "$DEL" "$CO" "$SEC" "$DEL"
unset INTERSESSION_NOW

for home in "${ALL[@]}"; do
    json_ok "$(basename "$home"): three recommendations, each carried, R1 with its follow-up" \
        'length == 3 and all(.carried) and ([.[] | select(.followUps | length == 1)] | length == 1)' \
        -- "$BIN" recommendation list --json --home "$home"
done

# The report for May–June, on every replica, in both languages.
for language in en fr; do
    for home in "${ALL[@]}"; do
        run "$BIN" report --from 2026-05-01 --to 2026-06-30 --in "$language" --home "$home"
        [ "$RC" -eq 0 ] || fail "$(basename "$home"): report in $language" "exit $RC"
        cp "$OUT" "$T/report-$language-$(basename "$home").md"
    done
    check "every replica gives the same $language report, byte for byte" "the reports differ" \
        test "$(md5sum "$T"/report-"$language"-*.md | cut -d' ' -f1 | sort -u | wc -l)" -eq 1
done
R="$T/report-en-sec.md"
check "the report holds the first meeting, with its participation" "no meeting paragraph" \
    grep -q '^[0-9]*\. First meeting (WGEC 2026/1), document-based, from 2026-05-18 to 2026-05-20: 4 participants from 4 delegations. By category: Members, 1; partner organisations, 1; private sector, 1; academia, 1.$' "$R"
check "and not the second (it began in September)" "the second meeting is in" bash -c "! grep -q 'Second meeting' '$R'"
check "the proposal closed in May, adopted, with its statement" "no decision paragraph" \
    grep -q 'Recommend the guidelines to the PTC (proposal, closed on 2026-05-20): adopted. Statement: The guidelines go to the PTC.$' "$R"
check "not the silence procedure closed in September" "the silence procedure is in" bash -c "! grep -q 'Report to the EC' '$R'"
check "the document and its version named in May" "no document paragraph" grep -q 'WGEC/2026/4 Rev.1, Guidelines (EN; working draft): versions named: Rev.1 (2026-05-10).$' "$R"
check "both recommendations of the period, each to its body" "missing a recommendation" \
    bash -c "grep -q 'Permanent Technical Committee (technical): Adopt the guidelines as a PTC instrument. Adopted by: Recommend the guidelines to the PTC.$' '$R' && grep -q 'Policy Commission (policy): Endorse the approach' '$R'"
check "not September's recommendation, nor the follow-up signed then" "outside the period" \
    bash -c "! grep -q -e 'risk indicators' -e 'took note' '$R'"
check "the practice added and published in May, not its September update" "no practice paragraph" \
    grep -q '^[0-9]*\. Pre-arrival data from platforms, submitted by Kenji Watanabe (Japan Customs): added (2026-05-24); endorsed by the co-chairs (2026-05-24); published in 2026 edition (2026-05-26); published at the end of the period.$' "$R"
check "the item deferred" "no pending item" grep -q '^[0-9]*\. WGEC 2026/1, item 2 (Data exchange): deferred to the next meeting.$' "$R"
check "activity per topic" "no activity paragraph" grep -q '^[0-9]*\. General matters: 3 contributions by 2 members.$' "$R"
check "the paragraphs are numbered on through the sections" "numbers restart" \
    bash -c "grep -oE '^[0-9]+\.' '$R' | tr -d . | awk 'NR != \$1 { exit 1 }'"
check "the French report is in French" "no French heading" grep -q '^## VI. Recommandations$' "$T/report-fr-sec.md"
check "the French report counts the delegations by category" "no French participation" \
    grep -q '^[0-9]*\. First meeting (WGEC 2026/1), sur documents, du 2026-05-18 au 2026-05-20 : 4 participants de 4 délégations\. Par catégorie : Membres, 1 ; organisations partenaires, 1 ; secteur privé, 1 ; milieux universitaires, 1\.$' "$T/report-fr-sec.md"
check "and its contributions in the plural" "no French activity paragraph" grep -q '^[0-9]*\. .* : 3 contributions de 2 membres\.$' "$T/report-fr-sec.md"

# The period after: September's facts only; --to-body keeps one body's recommendations.
run "$BIN" report --from 2026-07-01 --to 2026-12-31 --to-body EC --home "$DEL"
check "September's report has the second meeting, the silence procedure and the EC's recommendation only" "wrong content" \
    bash -c "grep -q 'Second meeting' '$OUT' && grep -q 'Report to the EC (silence procedure, closed on 2026-09-15): adopted.' '$OUT' && grep -q 'Enforcement Committee (technical): Share risk indicators' '$OUT' && ! grep -q 'Permanent Technical Committee (technical)' '$OUT' && grep -q '^3\. Addressed to: Enforcement Committee.\$' '$OUT'"
run "$BIN" report --from 2026-07-01 --to 2026-12-31 --to-body PTC --home "$SEC"
check "an earlier recommendation's follow-up in the period is reported with it" "no follow-up" \
    grep -q 'Adopt the guidelines as a PTC instrument. Adopted by: Recommend the guidelines to the PTC. Follow-up (2026-09-16): The PTC took note in October.$' "$OUT"
expect_bad "a period backwards is refused" "is not two days" "$DEL" "$BIN" report --from 2026-07-01 --to 2026-06-01 --home "$DEL"

# The report as a draft: it then works as drafts do.
expect_bad "a delegate cannot generate the report into a draft" "only the co-chairs and the secretariat" "$DEL" \
    "$BIN" report --from 2026-05-01 --to 2026-06-30 --into-draft --home "$DEL"
run "$BIN" report --from 2026-05-01 --to 2026-06-30 --into-draft --symbol WGEC/2026/R1 --home "$CO"
REPORT_DRAFT=$(tr -d '[:space:]' <"$OUT")
check "the co-chair generates the report into a new draft" "no draft id" test "$RC" -eq 0 -a ${#REPORT_DRAFT} -eq 8
run "$BIN" draft show "$REPORT_DRAFT" --home "$CO"
check "the draft holds the report's paragraphs, numbered by the draft, under its symbol" "not the report" \
    bash -c "grep -q 'WGEC/2026/R1' '$OUT' && grep -q 'Adopt the guidelines as a PTC instrument.' '$OUT' && grep -q 'VI. Recommendations' '$OUT'"
expect_ok "the co-chair names its first version" "$BIN" draft version "$REPORT_DRAFT" Rev.1 --home "$CO"
run "$BIN" report --from 2026-05-01 --to 2026-06-30 --into-draft --draft "$REPORT_DRAFT" --in fr --home "$CO"
check "the French report becomes the draft's next text" "not replaced" test "$RC" -eq 0
run "$BIN" draft show "$REPORT_DRAFT" --home "$CO"
check "the draft now reads in French" "not French" grep -q 'VI. Recommandations' "$OUT"

if command -v pandoc >/dev/null 2>&1; then
    for home in "$SEC" "$DEL"; do
        name=$(basename "$home")
        run "$BIN" report --from 2026-05-01 --to 2026-06-30 --in fr --out "$T/report-$name.docx" --home "$home"
        check "$name: pandoc writes the French report as DOCX" "no DOCX" test -s "$T/report-$name.docx"
        check "$name: the DOCX reads back as the Markdown does" "the words differ" \
            cmp -s <(document_words "$T/report-fr-$name.md") <(document_words "$T/report-$name.docx")
    done
fi

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
