#!/usr/bin/env bash
# End-to-end test of a document-based meeting with the real binary: five homes and one shared
# folder run a meeting from its agenda to its summary report, offline and synced in different
# orders. A comment signed after the comment phase closed is kept and marked late on every
# replica; a concern keeps its item open until answered; every replica gives the same summary,
# byte for byte, in English and French, and their DOCX, ODT and PDF read back to the same words.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
# shellcheck source=lib/documents.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/documents.bash"
e2e_begin meeting

F="$T/shared" SEC="$T/sec" CO1="$T/chair1" CO2="$T/chair2" DEL1="$T/japan" DEL2="$T/france"
ALL=("$SEC" "$CO1" "$CO2" "$DEL1" "$DEL2")
mkdir -p "$F"

q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
q "$BIN" invite --home "$SEC" --name "Jean-Pierre Moreau" --org "DGDDI" --role cochair --out "$T/co1.invite"
q "$BIN" invite --home "$SEC" --name "Fatou Diallo" --org "Senegal Customs" --role cochair --out "$T/co2.invite"
q "$BIN" invite --home "$SEC" --name "Kenji Watanabe" --org "Japan Customs" --role member --out "$T/del1.invite"
q "$BIN" invite --home "$SEC" --name "Claire Martin" --org "French Customs" --role member --out "$T/del2.invite"
q "$BIN" join "$T/co1.invite" --home "$CO1" --name "Jean-Pierre Moreau" --folder "$F"
q "$BIN" join "$T/co2.invite" --home "$CO2" --name "Fatou Diallo" --folder "$F"
q "$BIN" join "$T/del1.invite" --home "$DEL1" --name "Kenji Watanabe" --folder "$F"
q "$BIN" join "$T/del2.invite" --home "$DEL2" --name "Claire Martin" --folder "$F"
syncall "$SEC" "${ALL[@]}" "${ALL[@]}"

# The document the meeting discusses, with a named version.
printf 'Scope of the data model.\n\nDefinitions.\n' >"$T/draft.md"
expect_id "the secretariat starts the draft" "$BIN" draft new --home "$SEC" --title "Data model" --topic general --symbol "WGEC/2026/4" --file "$T/draft.md"
DRAFT=$ID
expect_ok "the secretariat names Rev.1" "$BIN" draft version "$DRAFT" Rev.1 --home "$SEC"
syncall "$SEC" "$CO1"

# The agenda.
expect_bad "a delegate cannot convene a meeting" "role does not allow|co-chairs and the secretariat|moderat" "$DEL1" \
    "$BIN" meeting new --title "Mine" --number 9 --from 2026-05-18 --to 2026-07-03 --home "$DEL1"
expect_bad "a date that is no date is refused" "is not a date" "$CO1" \
    "$BIN" meeting new --title "PTC" --number 1 --from 18/05/2026 --to 2026-07-03 --home "$CO1"
expect_id "co-chair 1 convenes a document-based meeting presided by both co-chairs" "$BIN" meeting new --home "$CO1" \
    --title "First document-based meeting" --number 2026/1 --mode document --from 2026-05-18 --to 2026-07-03 \
    --chair "Jean-Pierre Moreau" --chair "Fatou Diallo" --topic general
M=$ID
expect_id "item 1: adoption of the agenda, without discussion" "$BIN" meeting item add "$M" --home "$CO1" --number 1 \
    --title "Adoption of the agenda" --purpose decision --category without-discussion
I1=$ID
expect_id "item 2: the data model, on Rev.1 of the draft" "$BIN" meeting item add "$M" --home "$CO1" --number 2 \
    --title "Data model" --purpose decision --document "${DRAFT:0:8}@Rev.1" --text "Comments on WGEC/2026/4 Rev.1, please."
I2=$ID
expect_id "item 2.1: a sub-item" "$BIN" meeting item add "$M" --home "$CO1" --number 2.1 --parent "$I2" --title "Definitions" --purpose discussion --days 3
I21=$ID
expect_id "item 3: other business" "$BIN" meeting item add "$M" --home "$CO1" --number 3 --title "Other business" --purpose note
I3=$ID
expect_bad "a version the draft does not have is refused" "has no version named" "$CO1" \
    "$BIN" meeting item edit "$I2" --document "${DRAFT:0:8}@Rev.7" --home "$CO1"
expect_ok "co-chair 1 opens the comment phase" "$BIN" meeting phase "$M" open comment --days 14 --home "$CO1"
syncall "$CO1" "${ALL[@]}"
run "$BIN" meeting show "$M" --home "$CO2"
check "before the deadlines, meeting show prompts nothing" "a deadline prompt" bash -c "! grep -q 'DEADLINE PASSED' '$OUT'"
LATER=$(( $(date +%s) * 1000 + 4 * 86400000 ))
run env INTERSESSION_NOW=$LATER "$BIN" meeting show "$M" --home "$CO2"
check "four days on, item 2.1's own deadline prompts the co-chairs to close its comments" "no item prompt" \
    grep -q "DEADLINE PASSED .*comments on item 2.1 are still open; the co-chairs close them with \`intersession meeting phase ${M:0:8} close comment --item ${I21:0:8}\`" "$OUT"
check "the phase's own deadline is not passed yet" "a phase prompt" bash -c "! grep -q 'the comment phase is still open' '$OUT'"
run env INTERSESSION_NOW=$(( LATER + 11 * 86400000 )) "$BIN" meeting show "$M" --home "$CO2"
check "fifteen days on, the comment phase prompts too (it stays open: no clock closes it)" "no phase prompt" \
    grep -q "DEADLINE PASSED .*: the comment phase is still open; the co-chairs close it with" "$OUT"
json_ok "the comment phase is still open then" '.phases[0].opened and (.phases[0].closed | not)' \
    -- env INTERSESSION_NOW=$(( LATER + 11 * 86400000 )) "$BIN" meeting show "$M" --json --home "$CO2"
expect_bad "a delegate cannot add an item" "co-chairs presiding" "$DEL1" \
    "$BIN" meeting item add "$M" --number 4 --title "Mine" --home "$DEL1"
expect_bad "in French too" "coprésidents de la réunion" "$DEL1" \
    "$BIN" meeting item add "$M" --number 4 --title "Mine" --home "$DEL1" --lang fr

# Registrations and comments, offline.
expect_ok "Japan registers as head of delegation" "$BIN" meeting register "$M" --as head-of-delegation --home "$DEL1"
expect_ok "France registers" "$BIN" meeting register "$M" --home "$DEL2"
expect_ok "the secretariat registers itself" "$BIN" meeting register "$M" --as secretariat --home "$SEC"
expect_ok "co-chair 2 registers co-chair 1 as an invited expert" "$BIN" meeting register "$M" --member "Jean-Pierre" --as expert --home "$CO2"
expect_ok "Japan comments on item 2" "$BIN" reply "$I2" --body "Japan supports the scope." --home "$DEL1"
expect_ok "France comments on item 2" "$BIN" reply "$I2" --body "La France propose une définition." --home "$DEL2"
expect_ok "Japan comments on item 1" "$BIN" reply "$I1" --body "The agenda is fine." --home "$DEL1"
syncall "$DEL2" "$DEL1" "$CO2" "$SEC" "$CO1" "$DEL2"
expect_ok "co-chair 2 closes the comments on item 1 alone (its category closes first)" "$BIN" meeting phase "$M" close comment --item "$I1" --home "$CO2"
syncall "$CO2" "$CO1"
expect_ok "co-chair 1 closes the comment phase" "$BIN" meeting phase "$M" close comment --home "$CO1"
# France, offline since its last sync, comments after the close without knowing it.
expect_ok "France comments on item 2 after the close, offline" "$BIN" reply "$I2" --body "One more point." --home "$DEL2"
syncall "$DEL2" "$CO1" "$SEC" "$DEL1" "$CO2" "$DEL2"
expect_bad "closing a closed phase is refused" "is closed here" "$CO2" "$BIN" meeting phase "$M" close comment --home "$CO2"
for home in "${ALL[@]}"; do
    json_ok "$(basename "$home"): item 2 has three comments, France's last one marked late" \
        '(.comments | length == 3) and ([.comments[] | select(.late)] | length == 1) and ([.comments[] | select(.late)][0].body == "One more point.")' \
        -- "$BIN" meeting item show "$I2" --json --home "$home"
done

# Consensus, then final concerns.
expect_ok "co-chair 2 opens the consensus phase" "$BIN" meeting phase "$M" open consensus --days 7 --home "$CO2"
syncall "$CO2" "$CO1"
expect_ok "co-chair 1 closes it" "$BIN" meeting phase "$M" close consensus --home "$CO1"
expect_ok "co-chair 1 opens the final concerns phase" "$BIN" meeting phase "$M" open concerns --days 7 --home "$CO1"
syncall "$CO1" "${ALL[@]}"
expect_id "Japan raises a final concern on item 2" "$BIN" meeting concern "$I2" --text "Paragraph 2 needs a definition." --home "$DEL1"
C2=$ID
expect_id "France raises a final concern on item 3" "$BIN" meeting concern "$I3" --text "Item 3 needs more time." --home "$DEL2"
syncall "$DEL1" "$DEL2" "$CO1" "$CO2"
expect_bad "an outcome waits for the answer to a concern" "unanswered concerns" "$CO1" \
    "$BIN" meeting outcome "$I2" adopted --summary "Adopted." --home "$CO1"
expect_bad "a delegate cannot answer a concern" "co-chairs presiding" "$DEL2" \
    "$BIN" meeting concern "$C2" --answer --text "Fine." --home "$DEL2"
expect_ok "co-chair 2 answers Japan's concern" "$BIN" meeting concern "$C2" --answer --text "A definition is added in Rev.2." --home "$CO2"
syncall "$CO2" "$CO1"
expect_id "co-chair 1 records item 2 adopted" "$BIN" meeting outcome "$I2" adopted --summary "Adopted with the definition added." --home "$CO1"
expect_id "co-chair 1 records item 1 adopted" "$BIN" meeting outcome "$I1" adopted --summary "The agenda is adopted." --home "$CO1"
# Two co-chairs, offline, record different outcomes of item 2.1: one stands on every replica.
expect_id "offline, co-chair 1 defers item 2.1" "$BIN" meeting outcome "$I21" deferred --summary "To the next meeting." --home "$CO1"
expect_id "offline, co-chair 2 notes item 2.1" "$BIN" meeting outcome "$I21" noted --summary "Noted." --home "$CO2"
# Item 3's outcome is recorded by co-chair 2 offline, while France's concern waits unanswered.
expect_ok "co-chair 1 closes the concerns phase" "$BIN" meeting phase "$M" close concerns --home "$CO1"
syncall "$CO1" "$DEL2" "$SEC" "$CO2" "$DEL1" "$CO1" "$CO2" "$DEL2" "$SEC" "$DEL1"

STANDINGS=()
for home in "${ALL[@]}"; do
    json_ok "$(basename "$home"): the concern on item 3 keeps it open; item 2 is adopted" \
        'map({(.number): .standing}) | add | .["3"] == "held" and .["2"] == "adopted" and .["1"] == "adopted"' \
        -- "$BIN" meeting agenda "$M" --json --home "$home"
    STANDINGS+=("$(jq -c 'map([.number, .standing, ([.outcomes[] | select(.stands) | .id])])' "$OUT")")
    json_ok "$(basename "$home"): the list shows the meeting with four items" \
        'length == 1 and .[0].items == 4 and .[0].title == "First document-based meeting"' -- "$BIN" meeting list --json --home "$home"
done
check "every replica has the same standing outcomes (concurrent outcomes resolved alike)" "the replicas differ" \
    test "$(printf '%s\n' "${STANDINGS[@]}" | sort -u | wc -l)" -eq 1

# The summary report: the same bytes on every replica, in both languages.
for language in en fr; do
    for home in "${ALL[@]}"; do
        run "$BIN" meeting summary "$M" --in "$language" --home "$home" --lang "$language"
        [ "$RC" -eq 0 ] || fail "$(basename "$home"): summary in $language" "exit $RC"
        cp "$OUT" "$T/summary-$language-$(basename "$home").md"
    done
    check "every replica gives the same $language summary, byte for byte" "the summaries differ" \
        test "$(md5sum "$T"/summary-"$language"-*.md | cut -d' ' -f1 | sort -u | wc -l)" -eq 1
done
check "the English summary names the deferred items" "no Deferred items section with item 3" \
    grep -q '^- \*\*3\*\* Other business: Open: unanswered concerns: 1.$' "$T/summary-en-sec.md"
check "the English summary counts item 2's comments and the late one" "no count line" \
    grep -q '^Comments: 3; administrations commenting: 2; late: 1.$' "$T/summary-en-sec.md"
check "the French summary is in French" "no French headings" grep -q '^## Points reportés$' "$T/summary-fr-sec.md"
check "the summary lists the participation" "no participant table row" grep -q '^| Japan Customs | Kenji Watanabe | head of delegation |$' "$T/summary-en-sec.md"
run "$BIN" meeting summary "$M" --out "$T/report.md" --home "$DEL1"
check "the summary is written to a Markdown file, the same bytes" "no such file, or other bytes" cmp -s "$T/report.md" "$T/summary-en-japan.md"
# DOCX, ODT and PDF through pandoc, on two replicas: read back to words, each says what its
# Markdown says, and the two replicas' documents say the same.
# written NAME FILE CMD...: CMD succeeds and FILE is there.
written() {
    local name=$1 file=$2; shift 2
    run "$@"
    if [ "$RC" -eq 0 ] && [ -s "$file" ]; then pass "$name"; else fail "$name" "no $file written"; fi
}
has_pdf_engine() { command -v pdftotext && command -v pdfroff && command -v groff && command -v gs; } >/dev/null 2>&1
if command -v pandoc >/dev/null 2>&1; then
    for home in "$DEL1" "$CO2"; do
        name=$(basename "$home")
        for language in en fr; do
            document_words "$T/summary-$language-$name.md" >"$T/summary-$language-$name.md.words"
            for format in docx odt; do
                written "$name: pandoc writes the $language summary as ${format^^}" "$T/summary-$language-$name.$format" \
                    "$BIN" meeting summary "$M" --in "$language" --out "$T/summary-$language-$name.$format" --home "$home"
                document_words "$T/summary-$language-$name.$format" >"$T/summary-$language-$name.$format.words"
                check "$name: the $language ${format^^} summary reads back as its Markdown does" "the words differ" \
                    cmp -s "$T/summary-$language-$name.md.words" "$T/summary-$language-$name.$format.words"
            done
        done
        if has_pdf_engine; then
            written "$name: pandoc writes the French summary as PDF through pdfroff" "$T/summary-fr-$name.pdf" \
                "$BIN" meeting summary "$M" --in fr --out "$T/summary-fr-$name.pdf" --home "$home"
            document_words "$T/summary-fr-$name.pdf" >"$T/summary-fr-$name.pdf.words"
            check "$name: the PDF holds the title, the symbol, the participation and the deferred item" "missing from the PDF's text" \
                grep -qzP 'synthèse\n:\nFirst(.|\n)*WGEC,\nréunion\n2026/1(.|\n)*Kenji\nWatanabe(.|\n)*Points\nreportés' "$T/summary-fr-$name.pdf.words"
        fi
    done
    for format in docx odt pdf; do
        [ -f "$T/summary-fr-japan.$format.words" ] || continue
        check "both replicas' ${format^^} summaries read back the same" "they differ" \
            cmp -s "$T/summary-fr-japan.$format.words" "$T/summary-fr-chair2.$format.words"
    done
    if has_pdf_engine; then
        written "the draft exports as PDF through the same path" "$T/draft.pdf" "$BIN" draft export "$DRAFT" --out "$T/draft.pdf" --home "$DEL1"
        check "the draft's PDF holds its title, its symbol and its text" "missing from the PDF's text" \
            grep -qzP 'Data\nmodel\nWGEC/2026/4(.|\n)*Scope\nof\nthe\ndata\nmodel.' <(document_words "$T/draft.pdf")
        mkdir -p "$T/pandoc-only" && ln -s "$(command -v pandoc)" "$T/pandoc-only/pandoc"
        expect_bad "without a PDF engine, a PDF says which to install" "needs a PDF engine.*groff and ghostscript" "$DEL1" \
            env PATH="$T/pandoc-only" "$BIN" draft export "$DRAFT" --out "$T/none.pdf" --home "$DEL1"
        expect_bad "in French too" "besoin d’un moteur PDF" "$DEL1" \
            env PATH="$T/pandoc-only" "$BIN" draft export "$DRAFT" --out "$T/none.pdf" --home "$DEL1" --lang fr
    fi
else
    expect_bad "without pandoc, a DOCX report says how to get it" "pandoc is not installed" "$DEL1" \
        "$BIN" meeting summary "$M" --out "$T/report.docx" --home "$DEL1"
fi

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
