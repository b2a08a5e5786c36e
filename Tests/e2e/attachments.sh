#!/usr/bin/env bash
# End-to-end test of attachments with the real binary: three homes and one sealed shared
# folder. A 20 MiB file attached on one home reaches the two others byte for byte (SHA-256);
# a copy interrupted halfway resumes; a file over the 50 MiB cap is refused clearly and nothing
# is signed; a tampered chunk is reported and never used; a member removed cannot read an
# attachment added after the removal, even with every file of the folder in hand; a chunk
# deleted from the folder is written again by a home that fetched it, and a home syncing two
# folders carries the chunks it holds from one to the other.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin attachments

F="$T/shared" SEC="$T/sec" D1="$T/japan" D2="$T/france"
mkdir -p "$F"
q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
q "$BIN" invite --home "$SEC" --name "Kenji Watanabe" --org "Japan Customs" --role member --out "$T/d1.invite"
q "$BIN" invite --home "$SEC" --name "Claire Martin" --org "French Customs" --role member --out "$T/d2.invite"
q "$BIN" join "$T/d1.invite" --home "$D1" --name "Kenji Watanabe" --folder "$F"
q "$BIN" join "$T/d2.invite" --home "$D2" --name "Claire Martin" --folder "$F"
syncall "$SEC" "$D1" "$D2" "$SEC" "$D1" "$D2"

# expect_get NAME CMD...: an `attachment get` that succeeds; on stderr (not a terminal here)
# only its one plain progress line, for a large file.
expect_get() {
    local name=$1; shift
    run "$@"
    if [ "$RC" -ne 0 ]; then fail "$name" "exit status $RC, want 0"
    elif grep -qv '^intersession: fetched [0-9.]* [MK]iB of [0-9.]* [MK]iB$' "$ERR"; then fail "$name" "stderr holds more than the progress line"
    else pass "$name"; fi
}

blobs() { find "$F" -path '*/blobs/*' -type f ! -name '.*' | sort; }
sha() { sha256sum "$1" | cut -d' ' -f1; }

# ---------------------------------------------------------------------------------------------
# 1. A 20 MiB file reaches both other homes, byte for byte.
POST=$("$BIN" post general --home "$D1" --title "Pre-arrival processing" --body "Our practice, attached." --json | jq -r .id)
head -c $((20 << 20)) /dev/urandom >"$T/practice.pdf"
expect_id "Japan attaches a 20 MiB file to its post" "$BIN" attachment add "$T/practice.pdf" --to "${POST:0:8}" --home "$D1"
BIG=$ID
json_ok "the attachment is listed on the post, fetched here" \
    'length == 1 and .[0].name == "practice.pdf" and .[0].size == 20971520 and .[0].fetchedParts == .[0].parts and .[0].parts >= 5' \
    -- "$BIN" attachment list --to "${POST:0:8}" --json --home "$D1"
syncall "$D1" "$SEC" "$D2"
check "the folder holds the chunks sealed: no blob is named by a chunk's or the file's hash" "$(blobs | head -3)" \
    bash -c '[ "$(find "$1" -path "*/blobs/*" -type f | wc -l)" -ge 5 ] && [ -z "$(find "$1" -path "*/blobs/*" -name "$2")" ]' _ "$F" "$(sha "$T/practice.pdf")"
for h in "$SEC" "$D2"; do
    json_ok "$(basename "$h") lists it, not fetched yet" '.[0].id == $id and .[0].fetchedParts == 0' --arg id "$BIG" \
        -- "$BIN" attachment list --json --home "$h"
    expect_get "$(basename "$h") gets it" "$BIN" attachment get "${BIG:0:8}" --out "$T/$(basename "$h").pdf" --home "$h"
    check "$(basename "$h")'s copy is byte for byte the original (SHA-256)" "$(sha "$T/$(basename "$h").pdf")" \
        test "$(sha "$T/$(basename "$h").pdf")" = "$(sha "$T/practice.pdf")"
done
expect_bad "get never writes over a file without --force" "already exists|exists" "$SEC" \
    "$BIN" attachment get "${BIG:0:8}" --out "$T/sec.pdf" --home "$SEC"
expect_get "with --force it does" "$BIN" attachment get "${BIG:0:8}" --out "$T/sec.pdf" --force --home "$SEC"

# ---------------------------------------------------------------------------------------------
# 2. Over the cap: refused from the size, in both languages, nothing signed.
truncate -s $(((50 << 20) + 1)) "$T/huge.iso"
expect_bad "a file over 50 MiB is refused, naming the cap" "huge.iso is 50.0 MiB; an attachment may be at most 50.0 MiB" "$D1" \
    "$BIN" attachment add "$T/huge.iso" --to "${POST:0:8}" --home "$D1"
expect_bad "in French too" "au plus 50.0 Mio" "$D1" "$BIN" attachment add "$T/huge.iso" --to "${POST:0:8}" --home "$D1" --lang fr
expect_bad "a target that is not there is refused" "no post, draft, agenda item or practice" "$D1" \
    "$BIN" attachment add "$T/practice.pdf" --to ffffffff --home "$D1"

# ---------------------------------------------------------------------------------------------
# 3. An interrupted copy resumes: only part of the chunks have arrived, then the rest.
head -c $((8 << 20)) /dev/urandom >"$T/annex.xlsx"
blobs >"$T/before"
expect_id "Japan attaches an 8 MiB spreadsheet" "$BIN" attachment add "$T/annex.xlsx" --to "${POST:0:8}" --home "$D1"
ANNEX=$ID
syncall "$D1"
blobs | comm -13 "$T/before" - >"$T/annex-chunks"
mkdir -p "$T/aside"
NEWCOUNT=$(wc -l <"$T/annex-chunks")
tail -n +2 "$T/annex-chunks" | while read -r f; do mv "$f" "$T/aside/$(basename "$f")"; done
syncall "$SEC"
run "$BIN" attachment get "${ANNEX:0:8}" --out "$T/annex-sec.xlsx" --home "$SEC"
check "with one part arrived, get says how many have arrived and writes nothing" "want: 1 of $NEWCOUNT parts" \
    bash -c '[ "$1" -ne 0 ] && grep -q "1 of $2 parts of annex.xlsx have arrived" "$3" && [ ! -e "$4" ]' _ "$RC" "$NEWCOUNT" "$ERR" "$T/annex-sec.xlsx"
json_ok "the part fetched is kept" '.[] | select(.id == $id) | .fetchedParts == 1' --arg id "$ANNEX" \
    -- "$BIN" attachment list --json --home "$SEC"
GROUPBLOBS=$(dirname "$(head -n 1 "$T/annex-chunks")")
for f in "$T"/aside/*; do mv "$f" "$GROUPBLOBS/"; done
expect_get "once the rest has arrived, get completes" "$BIN" attachment get "${ANNEX:0:8}" --out "$T/annex-sec.xlsx" --home "$SEC"
check "the resumed copy is byte for byte the original" "" test "$(sha "$T/annex-sec.xlsx")" = "$(sha "$T/annex.xlsx")"

# ---------------------------------------------------------------------------------------------
# 4. A tampered chunk is reported, recorded and not used.
head -c $((3 << 20)) /dev/urandom >"$T/photo.png"
blobs >"$T/before"
expect_id "Japan attaches a photo" "$BIN" attachment add "$T/photo.png" --to "${POST:0:8}" --home "$D1"
PHOTO=$ID
syncall "$D1" "$D2"
TAMPERED=$(blobs | comm -13 "$T/before" - | head -n 1)
cp "$TAMPERED" "$T/tampered-original"
python3 - "$TAMPERED" <<'PY'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
data[len(data) // 2] ^= 0x01
open(path, "wb").write(data)
PY
run "$BIN" attachment get "${PHOTO:0:8}" --out "$T/photo-d2.png" --home "$D2"
check "the tampered chunk is reported with its path, the file is not written" "" \
    bash -c '[ "$1" -ne 0 ] && grep -q "skipped .*$(basename "$2").*altered or damaged" "$3" && grep -q "parts of photo.png have arrived" "$3" && [ ! -e "$4" ]' \
    _ "$RC" "$TAMPERED" "$ERR" "$T/photo-d2.png"
check "it is recorded where sync records bad files" "" \
    bash -c '[ "$(sqlite3 "$1/store.sqlite" "select count(*) from bad_file where reason like '"'"'attachment chunk:%'"'"'")" -eq 1 ]' _ "$D2"
check "the tampered bytes are not in the cache" "" bash -c '! grep -rqaF "$(basename "$2")" "$1/attachments" 2>/dev/null; [ "$(ls "$1/attachments" | wc -l)" -ge 1 ]' _ "$D2" "$TAMPERED"
cp "$T/tampered-original" "$TAMPERED"
expect_get "once the good chunk is back, get completes" "$BIN" attachment get "${PHOTO:0:8}" --out "$T/photo-d2.png" --home "$D2"
check "and the copy is the original" "" test "$(sha "$T/photo-d2.png")" = "$(sha "$T/photo.png")"

# ---------------------------------------------------------------------------------------------
# 5. A removed member reads nothing attached after the removal, even with the folder in hand.
D2_FEED=$("$BIN" whoami --home "$D2" --json | jq -r .feed)
expect_ok "the secretariat removes France" "$BIN" member remove "${D2_FEED:0:8}" --home "$SEC"
syncall "$SEC" "$D1" "$SEC" "$D1"
printf 'Tamarind procedure for low-value consignments.\n' >"$T/secret.md"
blobs >"$T/before"
expect_id "Japan attaches a note after the removal" "$BIN" attachment add "$T/secret.md" --to "${POST:0:8}" --home "$D1"
SECRET=$ID
expect_id "and attaches the 20 MiB file again, to the same post" "$BIN" attachment add "$T/practice.pdf" --to "${POST:0:8}" --home "$D1"
AGAIN=$ID
syncall "$D1" "$SEC" "$D2" "$D2"
check "the chunks the new copy shares with the old one are written again under the new epoch" "$(blobs | comm -13 "$T/before" - | wc -l) new" \
    bash -c '[ "$(blobs_new=$(find "$1" -path "*/blobs/*" -type f ! -name ".*" | sort | comm -13 "$2" - | wc -l); echo "$blobs_new")" -ge 6 ]' _ "$F" "$T/before"
expect_get "the secretariat gets the note" "$BIN" attachment get "${SECRET:0:8}" --out "$T/secret-sec.md" --home "$SEC"
check "the secretariat's copy is the note" "" cmp -s "$T/secret.md" "$T/secret-sec.md"
json_ok "the removed member does not see either attachment" 'all(.[]; .id != $a and .id != $b)' --arg a "$SECRET" --arg b "$AGAIN" \
    -- "$BIN" attachment list --json --home "$D2"
run "$BIN" attachment get "${SECRET:0:8}" --out "$T/secret-d2.md" --home "$D2"
check "the removed member cannot get it by its id" "" bash -c '[ "$1" -ne 0 ] && [ ! -e "$2" ]' _ "$RC" "$T/secret-d2.md"
check "no byte of the folder or of the removed member's home holds the note's text" "" \
    bash -c '! grep -rqa Tamarind "$1" "$2"' _ "$F" "$D2"
json_ok "search finds the note by its text for the secretariat" 'any(.[]; .id == $id)' --arg id "$SECRET" \
    -- "$BIN" search Tamarind --json --home "$SEC"

# ---------------------------------------------------------------------------------------------
# 6. The fetch mode: with "always", a sync fetches every attachment that has arrived.
expect_bad "a fetch mode that is none is refused" "not a fetch mode" "$SEC" "$BIN" attachment fetch-mode sometimes --home "$SEC"
expect_ok "the secretariat fetches always" "$BIN" attachment fetch-mode always --home "$SEC"
expect_ok "and syncs" "$BIN" sync --home "$SEC"
json_ok "every attachment whose parts are in the folder is fetched" \
    '[.[] | select(.id == $a or .id == $b)] | length == 2 and all(.fetchedParts == .parts)' --arg a "$AGAIN" --arg b "$SECRET" \
    -- "$BIN" attachment list --json --home "$SEC"

# ---------------------------------------------------------------------------------------------
# 7. Chunks that heal and relay. A chunk deleted from the folder is written again by a home
# that fetched it (the secretariat), not only by its author; a newcomer then gets the file
# byte for byte. A home syncing two folders carries the chunks it holds to the other, where
# a member who syncs only that folder gets the file whole.
q "$BIN" invite --home "$SEC" --name "Maria Lopez" --org "Spanish Customs" --role member --out "$T/d3.invite"
D3="$T/spain"
q "$BIN" join "$T/d3.invite" --home "$D3" --name "Maria Lopez" --folder "$F"
syncall "$SEC" "$D3" "$SEC" "$D1" "$D3"
ANNEX_CHUNK=$(head -n 1 "$T/annex-chunks")
blobs >"$T/before-heal"
check "the annex's first chunk is in the folder" "$ANNEX_CHUNK" test -f "$ANNEX_CHUNK"
rm -f "$ANNEX_CHUNK"
check "the chunk is gone from the folder" "" test ! -e "$ANNEX_CHUNK"
syncall "$SEC"
check "a sync of the secretariat, which fetched the annex, writes the lost chunk again" "$(blobs | wc -l) of $(wc -l <"$T/before-heal")" \
    test "$(blobs | wc -l)" -eq "$(wc -l <"$T/before-heal")"
expect_get "the newcomer gets the annex" "$BIN" attachment get "${ANNEX:0:8}" --out "$T/annex-d3.xlsx" --home "$D3"
check "the newcomer's copy is byte for byte the original" "" test "$(sha "$T/annex-d3.xlsx")" = "$(sha "$T/annex.xlsx")"

G="$T/second"
mkdir -p "$G"
q "$BIN" sync --home "$SEC" --folder "$G"
q "$BIN" invite --home "$SEC" --name "Lena Vogel" --org "German Customs" --role member --out "$T/d4.invite"
D4="$T/germany"
q "$BIN" join "$T/d4.invite" --home "$D4" --name "Lena Vogel" --folder "$G"
syncall "$SEC" "$D4" "$SEC" "$D1" "$D3" "$D4"
head -c $((6 << 20)) /dev/urandom >"$T/relayed.pdf"
expect_id "Japan, syncing only the first folder, attaches a 6 MiB file" "$BIN" attachment add "$T/relayed.pdf" --to "${POST:0:8}" --home "$D1"
RELAYED=$ID
syncall "$D1" "$SEC" "$D4"
expect_get "Germany, syncing only the second folder, gets it: the secretariat carried its chunks" \
    "$BIN" attachment get "${RELAYED:0:8}" --out "$T/relayed-d4.pdf" --home "$D4"
check "Germany's copy is byte for byte the original" "" test "$(sha "$T/relayed-d4.pdf")" = "$(sha "$T/relayed.pdf")"

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
