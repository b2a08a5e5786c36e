#!/usr/bin/env bash
# End-to-end test of drafts with the real binary: the secretariat starts a draft with two
# penholders; each edits it offline in $EDITOR (a script stands for the editor); a delegate
# proposes an amendment; the replicas sync in different orders and end with the same text.
# Then versions, diff, blame, the amendment's acceptance, a translation, and export.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin drafts

F="$T/shared" SEC="$T/sec" A="$T/pen-a" B="$T/pen-b" DEL="$T/delegate"
mkdir -p "$F"
q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
q "$BIN" invite --home "$SEC" --name "Jean-Pierre Moreau" --org "DGDDI" --role member --out "$T/a.invite"
q "$BIN" invite --home "$SEC" --name "Sarah Okafor" --org "PSCG" --role private --out "$T/b.invite"
q "$BIN" invite --home "$SEC" --name "Kenji Watanabe" --org "Japan Customs" --role member --out "$T/d.invite"
q "$BIN" join "$T/a.invite" --home "$A" --name "Jean-Pierre Moreau" --folder "$F"
q "$BIN" join "$T/b.invite" --home "$B" --name "Sarah Okafor" --folder "$F"
q "$BIN" join "$T/d.invite" --home "$DEL" --name "Kenji Watanabe" --folder "$F"
syncall "$SEC" "$A" "$B" "$DEL" "$SEC" "$A" "$B" "$DEL"
feed() { "$BIN" whoami --home "$1" --json | jq -r .feed; }

cat > "$T/first.md" <<'TEXT'
# Guidelines on cross-border e-commerce

Customs administrations should exchange advance electronic data on low-value shipments.

Members should publish their thresholds for simplified declarations.

The secretariat will report on progress at the next meeting.
TEXT

expect_bad "a delegate cannot start a draft" "role does not allow" "$DEL" \
    "$BIN" draft new --title "Mine" --topic flows --symbol X/1 --home "$DEL"
expect_id "the secretariat starts a draft with two penholders" "$BIN" draft new --home "$SEC" --title "Guidelines on cross-border e-commerce" \
    --topic flows --symbol WGEC/2026/3 --penholder "$(feed "$A")" --penholder "$(feed "$B")" --file "$T/first.md"
DRAFT=$ID
expect_ok "the secretariat names the first version" "$BIN" draft version "$DRAFT" Rev.1 --home "$SEC"
syncall "$SEC" "$A" "$B" "$DEL"

# Offline: each penholder edits in $EDITOR; the delegate proposes an amendment.
printf '#!/bin/sh\nsed -i "s/advance electronic data/advance electronic data (AED)/" "$1"\n' > "$T/edit-a.sh"
printf '#!/bin/sh\nsed -i -e "s/low-value shipments/low-value consignments/" -e "s/next meeting/next session/" "$1"\n' > "$T/edit-b.sh"
chmod +x "$T/edit-a.sh" "$T/edit-b.sh"
expect_ok "penholder A edits in \$EDITOR" env EDITOR="$T/edit-a.sh" "$BIN" draft edit "$DRAFT" --home "$A"
expect_ok "penholder B edits in \$EDITOR" env EDITOR="$T/edit-b.sh" "$BIN" draft edit "$DRAFT" --home "$B"
expect_bad "the delegate is no penholder" "penholders" "$DEL" env EDITOR="$T/edit-a.sh" "$BIN" draft edit "$DRAFT" --home "$DEL"
expect_bad "an amendment needs a paragraph the draft has" "no paragraph 9" "$DEL" \
    "$BIN" amend propose "$DRAFT" --paragraph 9 --delete --rationale "No." --home "$DEL"
expect_bad "an amendment's words must be in its paragraph" "does not contain" "$DEL" \
    "$BIN" amend propose "$DRAFT" --paragraph 2 --span "nowhere" --delete --rationale "No." --home "$DEL"
expect_id "the delegate proposes an amendment to paragraph 2" "$BIN" amend propose "$DRAFT" --paragraph 2 --span "publish" \
    --replace "publish and keep up to date" --rationale "Thresholds change every year." --home "$DEL"
AMENDMENT=$ID

# Different orders of sync.
syncall "$B" "$DEL" "$A" "$SEC" "$B" "$DEL" "$A" "$SEC"
TEXTS=()
for home in "$SEC" "$A" "$B" "$DEL"; do
    run "$BIN" draft show "$DRAFT" --json --home "$home"
    TEXTS+=("$(jq -r .text "$OUT" | md5sum)")
done
check "every replica has the same text" "texts differ" test "$(printf '%s\n' "${TEXTS[@]}" | sort -u | wc -l)" -eq 1
json_ok "both penholders' edits are merged" \
    '(.text | contains("advance electronic data (AED) on low-value consignments")) and (.text | contains("next session"))' \
    -- "$BIN" draft show "$DRAFT" --json --home "$DEL"
json_ok "paragraph 1, changed by both without seeing each other, is flagged; paragraph 2 is bracketed" \
    '[.paragraphs[] | .concurrentEdits] == [false, true, false, false] and (.paragraphs[2].openAmendments | length) == 1' \
    -- "$BIN" draft show "$DRAFT" --json --home "$A"
run "$BIN" draft diff "$DRAFT" Rev.1 --home "$SEC"
check "diff shows the words changed since Rev.1" "$(cat "$OUT")" grep -qF "[-shipments.-]{+consignments.+}" "$OUT"
run "$BIN" draft blame "$DRAFT" --home "$SEC"
check "blame names who last changed paragraph 3" "$(cat "$OUT")" grep -q "¶3 *Sarah Okafor" "$OUT"
json_ok "the amendments table shows the span, the proposal and the sponsor" \
    '.[0].original == "publish" and .[0].text == "publish and keep up to date" and .[0].sponsor == "Kenji Watanabe" and .[0].status == "open"' \
    -- "$BIN" amend list "$DRAFT" --json --home "$SEC"

expect_ok "penholder B supports the amendment" "$BIN" amend support "$AMENDMENT" --home "$B"
expect_bad "the delegate cannot accept" "penholders" "$DEL" "$BIN" amend accept "$AMENDMENT" --home "$DEL"
syncall "$B" "$A"
expect_ok "penholder A accepts it" "$BIN" amend accept "$AMENDMENT" --home "$A"
syncall "$A" "$SEC" "$B" "$DEL"
json_ok "the accepted amendment is in the text everywhere" \
    '(.text | contains("Members should publish and keep up to date their thresholds")) and (.paragraphs[2].openAmendments | length) == 0' \
    -- "$BIN" draft show "$DRAFT" --json --home "$DEL"
json_ok "and the table records it" '.[0].status == "accepted" and .[0].supporters == ["Sarah Okafor"]' \
    -- "$BIN" amend list "$DRAFT" --json --home "$B"

expect_id "the delegate comments on paragraph 3" "$BIN" draft comment "$DRAFT" --paragraph 3 --body "Which session?" --home "$DEL"
COMMENT=$ID
syncall "$DEL" "$SEC"
json_ok "the comment is a thread anchored to paragraph 3" '.paragraphs[3].comments == [$c]' --arg c "$COMMENT" \
    -- "$BIN" draft show "$DRAFT" --json --home "$SEC"
expect_ok "the secretariat replies in the comment's thread" "$BIN" reply "$COMMENT" --body "The 12th." --home "$SEC"

# A French version, aligned by paragraph; it is flagged when the source moves on.
printf '# Lignes directrices\n\nPremier.\n\nDeuxième.\n\nTroisième.\n' > "$T/fr.md"
expect_id "the secretariat starts the French version" "$BIN" draft new --home "$SEC" --title "Lignes directrices" --topic flows \
    --symbol WGEC/2026/3 --language fr --translation-of "$DRAFT" --file "$T/fr.md"
FRENCH=$ID
json_ok "nothing to update in the translation yet" '[.paragraphs[] | .sourceChangedSince] | all | not' \
    -- "$BIN" draft show "$FRENCH" --json --home "$SEC"
"$BIN" draft show "$DRAFT" --json --home "$SEC" | jq -j .text | sed 's/simplified declarations/simplified customs declarations/' > "$T/next.md"
expect_ok "the secretariat edits paragraph 2 of the source" "$BIN" draft edit "$DRAFT" --file "$T/next.md" --home "$SEC"
json_ok "the translation's paragraph 2 is flagged" '[.paragraphs[] | .sourceChangedSince] == [false, false, true, false]' \
    -- "$BIN" draft show "$FRENCH" --json --home "$SEC"

run "$BIN" draft export "$DRAFT" --home "$SEC"
check "Markdown export numbers the paragraphs" "$(head -c 400 "$OUT")" grep -q "^2\. Members should publish" "$OUT"
if command -v pandoc >/dev/null 2>&1; then
    run "$BIN" draft export "$DRAFT" --out "$T/d.docx" --home "$SEC"
    check "DOCX export through pandoc, said on stderr" "exit $RC: $(cat "$ERR")" \
        bash -c "[ $RC -eq 0 ] && [ -s '$T/d.docx' ] && grep -q '^Wrote .*d.docx.\$' '$ERR'"
else
    expect_bad "without pandoc, DOCX export says so" "pandoc is not installed" "$SEC" \
        "$BIN" draft export "$DRAFT" --out "$T/d.docx" --home "$SEC"
fi
expect_bad "an unknown draft is a clear error" "no draft" "$SEC" "$BIN" draft show ffffff --home "$SEC"

# Ids print short (8 hex); --json prints the full id.
expect_short_id "draft new prints the new draft's short id" "$BIN" draft new --home "$SEC" --title "Short" --topic flows --symbol X/9
SHORT_DRAFT=$ID
expect_ok "the secretariat writes a paragraph" "$BIN" draft edit "$SHORT_DRAFT" --file "$T/fr.md" --home "$SEC"
expect_short_id "amend propose prints the amendment's short id" "$BIN" amend propose "$SHORT_DRAFT" --paragraph 1 --span "Premier" \
    --replace "Le premier" --rationale "Plus clair." --home "$SEC"
json_ok "the short id names the amendment" 'map(.id) | any(startswith($short))' --arg short "$ID" -- \
    "$BIN" amend list "$SHORT_DRAFT" --json --home "$SEC"
expect_short_id "draft comment prints the comment's short id" "$BIN" draft comment "$SHORT_DRAFT" --paragraph 1 --body "Noted." --home "$SEC"

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
