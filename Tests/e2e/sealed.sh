#!/usr/bin/env bash
# End-to-end test of sealed folders (issue 13, DESIGN §5), with the real binary: several homes
# and one shared folder. After a sealed group's activity (posts, replies, a poll with results
# hidden until the close and its ballots, a draft and its edit, names, delegations, topics), no
# byte of the folder shows any of it, while the same activity in an `init --open` group does;
# a removed member who keeps syncing reads nothing written after the removal; a newcomer
# invited after that (several epochs on) reads the whole history; a flipped byte in a sealed
# segment is reported by the next replica to read it, changes nothing, and once restored is read.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
E2E_LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)"
e2e_begin sealed

# The distinctive words of the activity: each must be found in an open folder and never in a
# sealed one. Names and delegations are ASCII here so that grep -a finds them however encoded.
GROUP_TITLE="Working Party on Quince Tariffs"
SEC_NAME="Ana Ribeiro" SEC_ORG="Secretariat of Zembla"
D1_NAME="Kenji Watanabe" D1_ORG="Customs of Borduria"
D2_NAME="Lucia Quispe" D2_ORG="Syldavian Revenue Office"
NEW_NAME="Ingrid Solberg" NEW_ORG="Customs of Novistrana"
POST_TITLE="Pangolin consignments" POST_BODY="Volumes of marmalade parcels tripled in Zembla."
REPLY_BODY="Borduria confirms the marmalade trend."
POLL_TITLE="Venue of the quince session"
OPTION_A="Ouagadougou" OPTION_B="Reykjavik" OPTION_C="Valparaiso"
DRAFT_TITLE="Guidelines on quince smuggling"
DRAFT_FIRST="Administrations should exchange xylophone manifests."
DRAFT_EDIT="Administrations should exchange xylophone manifests within a fortnight."
LATER_TITLE="After the removal" LATER_BODY="Tamarind quotas are confidential now."
LATER_REPLY="Borduria objects to the tamarind quotas."
TOPIC_TITLE="Cross-border e-commerce flows"

# activity HOMEPREFIX FOLDER [--open]: a group founded in FOLDER by $1-sec, with two members
# ($1-d1, $1-d2) joined by invite; posts, replies, a hidden poll with ballots, a draft edited.
# Sets A_SEC A_D1 A_D2 A_POLL A_DRAFT A_THREAD A_INVITE.
activity() {
    local p=$1 f=$2; shift 2
    A_SEC="$p-sec" A_D1="$p-d1" A_D2="$p-d2"
    mkdir -p "$f"
    q "$BIN" init --home "$A_SEC" --name "$SEC_NAME" --org "$SEC_ORG" --group "$GROUP_TITLE" "$@"
    q "$BIN" sync --home "$A_SEC" --folder "$f"
    A_INVITE="$p-d1.invite"
    q "$BIN" invite --home "$A_SEC" --name "$D1_NAME" --org "$D1_ORG" --role member --out "$A_INVITE"
    q "$BIN" invite --home "$A_SEC" --name "$D2_NAME" --org "$D2_ORG" --role member --out "$p-d2.invite"
    q "$BIN" join "$A_INVITE" --home "$A_D1" --name "$D1_NAME" --folder "$f"
    q "$BIN" join "$p-d2.invite" --home "$A_D2" --name "$D2_NAME" --folder "$f"
    syncall "$A_SEC" "$A_D1" "$A_D2" "$A_SEC" "$A_D1" "$A_D2"

    A_THREAD=$("$BIN" post flows --home "$A_SEC" --title "$POST_TITLE" --body "$POST_BODY" --json | jq -r .id)
    syncall "$A_SEC" "$A_D1"
    q "$BIN" reply "$A_THREAD" --home "$A_D1" --body "$REPLY_BODY"
    A_POLL=$("$BIN" poll new --home "$A_SEC" --kind single --title "$POLL_TITLE" --option "$OPTION_A" --option "$OPTION_B" \
        --option "$OPTION_C" --hidden --electorate member,secretariat --json | jq -r '.ids[0]')
    printf '%s\n' "$DRAFT_FIRST" >"$p-first.md"
    printf '%s\n' "$DRAFT_EDIT" >"$p-edit.md"
    A_DRAFT=$("$BIN" draft new --home "$A_SEC" --title "$DRAFT_TITLE" --topic flows --symbol QT/2026/1 \
        --file "$p-first.md" --json | jq -r .id)
    q "$BIN" draft edit "${A_DRAFT:0:8}" --file "$p-edit.md" --home "$A_SEC"
    syncall "$A_SEC" "$A_D1" "$A_D2" "$A_SEC" "$A_D1" "$A_D2"
    q "$BIN" poll vote "${A_POLL:0:8}" --option 1 --home "$A_D1"
    q "$BIN" poll vote "${A_POLL:0:8}" --option 2 --home "$A_D2"
    q "$BIN" poll vote "${A_POLL:0:8}" --option 1 --home "$A_SEC"
    syncall "$A_D1" "$A_D2" "$A_SEC" "$A_D1" "$A_D2" "$A_SEC"
}

feed_of() { "$BIN" whoami --home "$1" --json | jq -r .feed; }
group_of() { "$BIN" whoami --home "$1" --json | jq -r .group.id; }

# The words, ids and op names a folder's operator must never read in a sealed folder.
secrets() {
    local h feed group
    printf '%s\n' "$GROUP_TITLE" "$SEC_NAME" "$SEC_ORG" "$D1_NAME" "$D1_ORG" "$D2_NAME" "$D2_ORG" \
        "$POST_TITLE" "$POST_BODY" "$REPLY_BODY" "$POLL_TITLE" "$OPTION_A" "$OPTION_B" "$OPTION_C" \
        "$DRAFT_TITLE" "xylophone" "marmalade" "Quince" "$TOPIC_TITLE" "poll.vote" "poll.create" "member." "post.create" \
        "thread.create" "draft.edit" "group.create" '"ops"'
    group=$(group_of "$A_SEC")
    printf '%s\n' "$group" "${group:0:8}"
    for h in "$@"; do
        feed=$(feed_of "$h")
        printf '%s\n' "$feed" "${feed:0:8}"
    done
}

# found_in FOLDER WORDS-FILE: the words of WORDS-FILE that some byte or some name under FOLDER
# shows, read as they are and, for segments, as any reader of the format reads them (inflated,
# the ids each line leaves out put back: lib/segment_text.py, a second reader of the format).
found_in() {
    local word text="$T/folder-text"
    { cat_folder "$1"; python3 "$E2E_LIB/segment_text.py" "$1"; } >"$text"
    while IFS= read -r word; do
        if grep -a -F -q -i -- "$word" "$text" || (cd "$1" && find .) | grep -F -q -i -- "$word"; then printf '%s\n' "$word"; fi
    done <"$2"
}
cat_folder() { find "$1" -type f -exec cat {} +; }

# ---------------------------------------------------------------------------------------------
# 1. An open group: the same activity is there for anyone who reads the folder.
OPEN_F="$T/open-folder"
activity "$T/open" "$OPEN_F" --open
secrets "$A_SEC" "$A_D1" "$A_D2" >"$T/open-words"
found_in "$OPEN_F" "$T/open-words" >"$T/open-found" || true
CMD="grep -r -a for each word under $OPEN_F"; RC=0; cp "$T/open-found" "$OUT"; : >"$ERR"
check "open: a search of the folder finds every text, name, ballot and id" \
    "not found: $(grep -vxF -f "$T/open-found" "$T/open-words" | paste -sd'|')" \
    test "$(grep -vxF -f "$T/open-found" "$T/open-words" | wc -l)" -eq 0
for h in "$A_SEC" "$A_D1" "$A_D2"; do
    check "open: grep poll.vote shows $(basename "$h")'s ballot, its options beside its feed" "no poll.vote line by $(feed_of "$h")" \
        bash -c 'python3 "$3" "$1" | grep -a poll.vote | grep "\"author\":\"$2\"" | grep -q "\"options\":\["' _ "$OPEN_F" "$(feed_of "$h")" "$E2E_LIB/segment_text.py"
done
json_ok "open: whoami --json names the secretariat's feed folder, feeds/<its id>" \
    '.feedFolders == [$f + "/group-" + .group.id[0:8] + "/feeds/" + .feed]' --arg f "$OPEN_F" \
    -- "$BIN" whoami --home "$A_SEC" --json

# ---------------------------------------------------------------------------------------------
# 2. A sealed group (the default): the same activity, and nothing of it in the folder.
F="$T/shared"
activity "$T/sealed" "$F"
SEC=$A_SEC D1=$A_D1 D2=$A_D2 POLL=$A_POLL DRAFT=$A_DRAFT THREAD=$A_THREAD
json_ok "sealed: the poll's results are hidden before the close" '.result == null' \
    -- "$BIN" poll show "${POLL:0:8}" --json --home "$SEC"
json_ok "sealed: every member reads the activity (the draft's edit)" '.text | contains("within a fortnight")' \
    -- "$BIN" draft show "${DRAFT:0:8}" --json --home "$D2"
json_ok "sealed: every member reads the activity (the reply)" 'any(.posts[]; .body == $b)' --arg b "$REPLY_BODY" \
    -- "$BIN" show "${THREAD:0:8}" --json --keep-unread --home "$D2"
json_ok "sealed: whoami --json names a feed folder that holds the secretariat's segments" \
    '.feedFolders | length == 1 and (.[0] | startswith($f + "/group-"))' --arg f "$F" -- "$BIN" whoami --home "$SEC" --json
SEC_FEED_DIR=$(jq -r '.feedFolders[0]' "$OUT")
check "sealed: that feed folder is there and holds segments" "no .seg file in $SEC_FEED_DIR" \
    bash -c 'ls "$1"/*.seg' _ "$SEC_FEED_DIR"
check "sealed: the group and feed folders have sealed names (group-<16 hex>, feeds/<32 hex>)" "$(find "$F" -maxdepth 3 | paste -sd' ')" \
    bash -c '[[ "$(basename "$(dirname "$(dirname "$1")")")" =~ ^group-[0-9a-f]{16}$ && "$(basename "$1")" =~ ^[0-9a-f]{32}$ ]]' _ "$SEC_FEED_DIR"

secrets "$SEC" "$D1" "$D2" >"$T/sealed-words"
found_in "$F" "$T/sealed-words" >"$T/sealed-found" || true
CMD="grep -r -a for each word under $F, and find | grep for each in the names"; RC=0; cp "$T/sealed-found" "$OUT"; : >"$ERR"
check "sealed: no byte and no name of the folder shows a text, name, delegation, ballot, topic, op or id" \
    "found: $(paste -sd'|' "$T/sealed-found")" test ! -s "$T/sealed-found"
check "sealed: no line of the folder says poll.vote (the ballots are sealed)" "grep -rh poll.vote finds some" \
    bash -c '! grep -r -a -h -q poll.vote "$1"' _ "$F"
CMD="grep the invite file $A_INVITE"; cp "$A_INVITE" "$OUT"
check "sealed: the invite file holds no absolute path of the inviter's machine" "it names /tmp, $T or $HOME" \
    bash -c '! grep -a -q -e /tmp/ -e "$2" -e "$3" -e "$4/" "$1"' _ "$A_INVITE" "$T" "$HOME" "${TMPDIR:-/tmp}"

# ---------------------------------------------------------------------------------------------
# 3. A removed member who keeps syncing reads nothing written after the removal.
D2_FEED=$(feed_of "$D2")
expect_ok "removal: the secretariat removes the second delegate" "$BIN" member remove "${D2_FEED:0:8}" --home "$SEC"
q "$BIN" sync --home "$SEC"
LATER=$("$BIN" post flows --home "$SEC" --title "$LATER_TITLE" --body "$LATER_BODY" --json | jq -r .id)
syncall "$SEC" "$D1"
q "$BIN" reply "${THREAD:0:8}" --home "$D1" --body "$LATER_REPLY"
syncall "$D1" "$SEC" "$D1"
for h in "$SEC" "$D1"; do
    json_ok "removal: $(basename "$h") reads the thread posted after the removal" 'any(.[]; .id == $id)' --arg id "$LATER" \
        -- "$BIN" threads --json --home "$h"
    json_ok "removal: $(basename "$h") reads the reply written after the removal" 'any(.posts[]; .body == $b)' \
        --arg b "$LATER_REPLY" -- "$BIN" show "${THREAD:0:8}" --json --keep-unread --home "$h"
done
for round in 1 2; do
    run "$BIN" sync --home "$D2"
    check "removal: the removed member's sync still works (round $round)" "exit status $RC, or output on stderr" \
        bash -c '[ "$1" -eq 0 ] || [ "$1" -eq 3 ]; [ ! -s "$2" ]' _ "$RC" "$ERR"
done
json_ok "removal: the removed member does not read the thread posted after the removal" \
    'all(.[]; .id != $id and .title != $t)' --arg id "$LATER" --arg t "$LATER_TITLE" -- "$BIN" threads --json --home "$D2"
json_ok "removal: the removed member does not read the reply written after it, only what came before" \
    'all(.posts[]; .body != $later) and any(.posts[]; .body == $before)' --arg later "$LATER_REPLY" --arg before "$REPLY_BODY" \
    -- "$BIN" show "${THREAD:0:8}" --json --keep-unread --home "$D2"
check "removal: the removed member's store holds neither text written after the removal" "a later text is in $D2/store.sqlite" \
    bash -c '! grep -a -q -e "$2" -e "$3" "$1"/store.sqlite*' _ "$D2" "Tamarind" "tamarind"

# ---------------------------------------------------------------------------------------------
# 4. A newcomer invited after all that (a later epoch) reads the whole history.
NEW="$T/newcomer"
q "$BIN" invite --home "$SEC" --name "$NEW_NAME" --org "$NEW_ORG" --role member --out "$T/new.invite"
q "$BIN" sync --home "$SEC"
expect_ok "newcomer: joins by invite, naming the folder" "$BIN" join "$T/new.invite" --home "$NEW" --name "$NEW_NAME" --folder "$F"
syncall "$NEW" "$SEC" "$D1" "$NEW" "$SEC" "$NEW"
json_ok "newcomer: reads the threads from before and after the removal" \
    'any(.[]; .id == $a) and any(.[]; .id == $b)' --arg a "$THREAD" --arg b "$LATER" -- "$BIN" threads --json --home "$NEW"
json_ok "newcomer: reads every reply, the first one and the later one" \
    'any(.posts[]; .body == $r1) and any(.posts[]; .body == $r2)' --arg r1 "$REPLY_BODY" --arg r2 "$LATER_REPLY" \
    -- "$BIN" show "${THREAD:0:8}" --json --keep-unread --home "$NEW"
json_ok "newcomer: reads the draft as edited" '.text | contains("within a fortnight")' \
    -- "$BIN" draft show "${DRAFT:0:8}" --json --home "$NEW"
json_ok "newcomer: knows the poll and its three voters" '(.voterNames | length) == 3' \
    -- "$BIN" poll show "${POLL:0:8}" --json --home "$NEW"
json_ok "newcomer: knows the members, the removed one without a role" \
    '(map(select(.name == $gone))[0].roles == []) and (map(select(.name == $d1))[0].roles == ["member"])' --arg gone "$D2_NAME" --arg d1 "$D1_NAME" \
    -- "$BIN" members --json --home "$NEW"
expect_ok "the secretariat closes the hidden poll" "$BIN" poll close "${POLL:0:8}" --home "$SEC"
syncall "$SEC" "$NEW" "$D1"
for h in "$SEC" "$D1" "$NEW"; do
    json_ok "$(basename "$h"): after the close, the hidden poll's result is shown: $OPTION_B" '.summary.closed and .result.winners == [$w]' \
        --arg w "$OPTION_B" -- "$BIN" poll show "${POLL:0:8}" --json --home "$h"
done
secrets "$SEC" "$D1" "$D2" "$NEW" >"$T/sealed-words"
printf '%s\n' "$NEW_NAME" "$NEW_ORG" "$LATER_TITLE" "Tamarind" "$LATER_REPLY" "poll.close" >>"$T/sealed-words"
found_in "$F" "$T/sealed-words" >"$T/sealed-found" || true
CMD="grep -r -a for each word under $F, after the removal, the newcomer and the close"; RC=0; cp "$T/sealed-found" "$OUT"; : >"$ERR"
check "sealed: after every epoch, still no byte or name of the folder shows any of it" \
    "found: $(paste -sd'|' "$T/sealed-found")" test ! -s "$T/sealed-found"

# ---------------------------------------------------------------------------------------------
# 5. A flipped byte in a sealed segment: reported by the next replica to read it, with a clear
#    reason and exit status 3; nothing changes; restored, it is read.
FLIPPED_TITLE="Figures of the quince harvest"
FLIPPED=$("$BIN" post flows --home "$D1" --title "$FLIPPED_TITLE" --body "Before anyone else reads it." --json | jq -r .id)
q "$BIN" sync --home "$D1"
D1_FEED_DIR=$("$BIN" whoami --home "$D1" --json | jq -r '.feedFolders[0]')
SEG_FILE=$(find "$D1_FEED_DIR" -maxdepth 1 -name '*.seg' | sort | tail -n 1)
SIZE=$(wc -c <"$SEG_FILE")
MIDDLE=$((SIZE / 2))
ORIGINAL=$(od -An -tu1 -j "$MIDDLE" -N 1 "$SEG_FILE" | tr -d ' ')
printf "$(printf '\\%03o' $(((ORIGINAL ^ 0x20) & 0xff)))" | dd of="$SEG_FILE" bs=1 seek="$MIDDLE" conv=notrunc status=none
check "tamper: one byte in the middle of the newest sealed segment is flipped" "the byte is unchanged" \
    test "$(od -An -tu1 -j "$MIDDLE" -N 1 "$SEG_FILE" | tr -d ' ')" -ne "$ORIGINAL"
before=$(state_of "$SEC"; "$BIN" threads --json --home "$SEC")
run "$BIN" sync --home "$SEC"
after=$(state_of "$SEC"; "$BIN" threads --json --home "$SEC")
check "tamper: the next sync exits 3 (done, a file was rejected)" "exit status $RC, want 3" test "$RC" -eq 3
check "tamper: it names the file and why: sealed, does not open, altered or damaged" "no '  skipped $SEG_FILE: ...' line" \
    grep -Eq "^  skipped $SEG_FILE: .*(altered|damaged)" "$OUT"
check "tamper: the sync counts one rejected file" "no '; 1 rejected'" grep -q '; 1 rejected' "$OUT"
check "tamper: nothing changes in the replica that read the damaged file" "the store or its threads changed" test "$before" = "$after"
json_ok "tamper: the replica that read the damaged file does not have the post" 'all(.[]; .id != $id)' --arg id "$FLIPPED" \
    -- "$BIN" threads --json --home "$SEC"
json_ok "tamper: the writer, who read the good file, has it" 'any(.[]; .id == $id)' --arg id "$FLIPPED" \
    -- "$BIN" threads --json --home "$D1"
run "$BIN" sync --home "$SEC"
check "tamper: the damaged file is reported once, not at every sync" "a '  skipped' line again" \
    bash -c '! grep -q "  skipped" "$1"' _ "$OUT"
printf "$(printf '\\%03o' "$ORIGINAL")" | dd of="$SEG_FILE" bs=1 seek="$MIDDLE" conv=notrunc status=none
run "$BIN" sync --home "$SEC"
check "tamper: with the byte restored, the next sync reads it quietly" "exit status $RC, or a '  skipped' line" \
    bash -c '[ "$1" -eq 0 ] && ! grep -q "  skipped" "$2"' _ "$RC" "$OUT"
json_ok "tamper: and the post is there" 'any(.[]; .id == $id)' --arg id "$FLIPPED" -- "$BIN" threads --json --home "$SEC"
check "tamper: the secretariat and the writer now show the same threads" "threads differ" \
    test "$("$BIN" threads --json --home "$SEC" | jq -c 'map({id, posts})')" = "$("$BIN" threads --json --home "$D1" | jq -c 'map({id, posts})')"

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
