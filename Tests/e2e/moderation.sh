#!/usr/bin/env bash
# End-to-end test of membership and moderation with the real binary: three homes and one
# shared folder; who may moderate and grant, hidden posts, locks with their frontier, a
# removal, and the audit log.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin moderation

F="$T/shared" SEC="$T/sec" CO="$T/cochair" DEL="$T/delegate"
mkdir -p "$F"

expect_ok "the secretariat founds the group" "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
q "$BIN" invite --home "$SEC" --name "Jean-Pierre Moreau" --org "DGDDI" --role cochair --out "$T/co.invite"
q "$BIN" invite --home "$SEC" --name "Kenji Watanabe" --org "Japan Customs" --role member --out "$T/del.invite"
expect_ok "the co-chair joins" "$BIN" join "$T/co.invite" --home "$CO" --name "Jean-Pierre Moreau" --folder "$F"
expect_ok "the delegate joins" "$BIN" join "$T/del.invite" --home "$DEL" --name "Kenji Watanabe" --folder "$F"
syncall "$SEC" "$CO" "$DEL" "$SEC" "$CO" "$DEL"
DEL_FEED=$("$BIN" whoami --json --home "$DEL" | jq -r .feed)

expect_id "the delegate starts a thread" "$BIN" post flows --home "$DEL" --title "Parcels" --body "Which figures?"
THREAD=$ID
syncall "$DEL" "$CO" "$SEC"

expect_bad "a delegate cannot hide a post" "co-chairs and the secretariat" "$DEL" \
    "$BIN" mod hide "$THREAD" --reason "mine" --home "$DEL"
expect_bad "a delegate cannot lock a thread" "co-chairs and the secretariat" "$DEL" "$BIN" mod lock "$THREAD" --home "$DEL"
expect_bad "a delegate cannot grant a role" "role does not allow" "$DEL" \
    "$BIN" member grant "${DEL_FEED:0:8}" --role cochair --home "$DEL"
expect_bad "a co-chair cannot remove a member" "role does not allow" "$CO" "$BIN" member remove "${DEL_FEED:0:8}" --home "$CO"

expect_ok "the co-chair hides the post with a reason" "$BIN" mod hide "$THREAD" --reason "Off topic" --home "$CO"
syncall "$CO" "$DEL"
json_ok "after sync the delegate sees the reason, not the text" \
    '.posts[0].hiddenReason == "Off topic" and .posts[0].body == ""' -- "$BIN" show "$THREAD" --json --keep-unread --home "$DEL"
json_ok "the co-chair still reads it, with the reason" \
    '.posts[0].hiddenReason == "Off topic" and .posts[0].body == "Which figures?"' -- "$BIN" show "$THREAD" --json --keep-unread --home "$CO"
json_ok "search no longer finds the hidden post" 'length == 0' -- "$BIN" search figures --json --home "$DEL"

# A reply written offline before the lock is inside its frontier; one written after is not.
expect_id "the delegate replies before the lock" "$BIN" reply "$THREAD" --body "Early reply" --home "$DEL"
syncall "$DEL" "$CO"
expect_ok "the co-chair locks the thread" "$BIN" mod lock "$THREAD" --home "$CO"
expect_id "offline, the delegate replies again (the lock has not reached it)" "$BIN" reply "$THREAD" --body "Late reply" --home "$DEL"
syncall "$CO" "$DEL" "$SEC" "$CO" "$DEL" "$SEC"
for home in "$SEC" "$CO" "$DEL"; do
    json_ok "$(basename "$home"): the early reply stays, the late one does not count" \
        '.thread.locked and ([.posts[].body] | index("Early reply") != null and index("Late reply") == null)' \
        -- "$BIN" show "$THREAD" --json --keep-unread --home "$home"
done
expect_bad "a reply to a locked thread is refused" "locked" "$DEL" "$BIN" reply "$THREAD" --body "Again" --home "$DEL"

# A removal: nothing the member signs after the last change the secretariat had seen counts.
expect_ok "the secretariat removes the delegate" "$BIN" member remove "${DEL_FEED:0:8}" --home "$SEC"
expect_id "offline, the removed delegate starts a thread" "$BIN" post general --home "$DEL" --title "Still here" --body "x"
syncall "$SEC" "$DEL" "$CO" "$SEC" "$DEL" "$CO"
for home in "$SEC" "$CO"; do
    json_ok "$(basename "$home"): the removed member's later thread never appears" \
        'map(.title) | index("Still here") == null' -- "$BIN" threads --json --home "$home"
done
json_ok "the delegate has no role left" '(.[] | select(.feed == $feed) | .roles) == []' --arg feed "$DEL_FEED" \
    -- "$BIN" members --json --home "$CO"
json_ok "the audit log records the hide, the lock, the removal and the refused attempt" \
    '(map(.action) | index("post.hide") != null and index("thread.lock") != null and index("member.remove") != null)
     and (map(select(.counted == false)) | length > 0)' -- "$BIN" mod log --json --home "$SEC"

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
