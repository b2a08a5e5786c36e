#!/usr/bin/env bash
# End-to-end test of an invite leaked to an impostor, with the real binary: the real invitee
# joins and posts; the impostor joins from an old copy of the folder with a clock set back to
# just after the invite, then posts. On every replica the invite is contested: nobody is seated
# and neither's posts count, and the secretariat sees both redeemers by name.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin invites

F="$T/shared" OLD="$T/old-copy" SEC="$T/sec" REAL="$T/real" IMP="$T/impostor"
mkdir -p "$F"

expect_ok "the secretariat founds the group" "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
expect_ok "the secretariat invites a delegate" "$BIN" invite --home "$SEC" --name "Kenji Watanabe" --org "Japan Customs" \
    --role member --out "$T/kenji.invite"
q "$BIN" sync --home "$SEC"
cp -a "$F" "$OLD"

expect_ok "the real invitee joins" "$BIN" join "$T/kenji.invite" --home "$REAL" --name "Kenji Watanabe" --folder "$F"
expect_id "the real invitee posts" "$BIN" post flows --home "$REAL" --title "Real thread" --body "From Kenji"
q "$BIN" sync --home "$REAL"
json_ok "alone, the real invitee is seated" \
    '[.[] | select(.name == "Kenji Watanabe") | .roles] == [["member"]]' -- "$BIN" members --json --home "$REAL"

# The impostor holds a leaked copy of the file and an old copy of the folder, and backdates the clock.
expect_ok "the impostor joins from the old copy, clock set back" \
    env INTERSESSION_NOW=1 "$BIN" join "$T/kenji.invite" --home "$IMP" --name "Kenji W." --folder "$OLD"
expect_id "the impostor posts, clock later" "$BIN" post flows --home "$IMP" --title "Impostor thread" --body "Not Kenji"
q "$BIN" sync --home "$IMP" --folder "$F"
syncall "$SEC" "$REAL" "$IMP" "$SEC" "$REAL" "$IMP"

for home in "$SEC" "$REAL" "$IMP"; do
    who=$(basename "$home")
    json_ok "$who: both redeemers are listed as contested, neither holds a role" \
        '[.[] | select(.contestedInvite != null)] | (length == 2 and all(.roles == []))' -- "$BIN" members --json --home "$home"
    json_ok "$who: neither redeemer's thread counts" \
        '[.[].title] | (index("Real thread") == null and index("Impostor thread") == null)' -- "$BIN" threads --json --home "$home"
done
expect_bad "the real invitee cannot post while the invite is contested" "role does not allow" "$REAL" \
    "$BIN" post flows --home "$REAL" --title "Again" --body "x"

run "$BIN" sync --home "$SEC"
check "the secretariat's sync says the invite is contested" "sync" grep -q "contested: invite .* for Kenji Watanabe is CONTESTED" "$OUT"
run "$BIN" sync --home "$REAL"
check "nobody else's sync prompts for it" "sync" bash -c "! grep -q 'contested:' '$OUT'"
run "$BIN" invite list --home "$SEC"
check "the secretariat's invite list says the invite is contested, by whom" "invite list" \
    bash -c "grep -q 'CONTESTED by .*Kenji Watanabe' '$OUT' && grep -q 'CONTESTED by .*Kenji W\. ' '$OUT'"
run "$BIN" members --home "$SEC"
check "members tells the secretariat how to settle it" "members" grep -q "invite admit" "$OUT"
INVITE=$("$BIN" invite list --json --home "$SEC" | jq -r '.[0].id')
REAL_FEED=$("$BIN" whoami --json --home "$REAL" | jq -r '.feed')
IMP_FEED=$("$BIN" whoami --json --home "$IMP" | jq -r '.feed')
expect_bad "the impostor cannot settle it" "role does not allow" "$IMP" "$BIN" invite admit "${INVITE:0:8}" "${IMP_FEED:0:8}" --home "$IMP"
expect_bad "admitting someone who did not redeem the invite is refused" "did not redeem" "$SEC" \
    "$BIN" invite admit "${INVITE:0:8}" "Nobody" --home "$SEC"
expect_ok "the secretariat admits the real invitee" "$BIN" invite admit "${INVITE:0:8}" "${REAL_FEED:0:8}" --home "$SEC"
syncall "$SEC" "$REAL" "$IMP" "$SEC" "$REAL" "$IMP"
for home in "$SEC" "$REAL"; do
    who=$(basename "$home")
    json_ok "$who: after the admission the real invitee is a member, the impostor nothing" \
        '([.[] | select(.feed == $real) | .roles] == [["member"]]) and ([.[] | select(.feed == $imp)] | all(.roles == []))' \
        --arg real "$REAL_FEED" --arg imp "$IMP_FEED" -- "$BIN" members --json --home "$home"
    json_ok "$who: the real invitee's thread counts, the impostor's never" \
        '[.[].title] | (index("Real thread") != null and index("Impostor thread") == null)' -- "$BIN" threads --json --home "$home"
done
# The admission ends the impostor's hold on the invite: it starts an epoch sealed for the
# members alone, so the impostor reads neither it nor anything after it.
json_ok "impostor: the admission is sealed from it: it still holds no role, and sees the invite contested" \
    '([.[] | select(.feed == $imp)] | all(.roles == [])) and ([.[] | select(.contestedInvite != null)] | length == 2)' \
    --arg imp "$IMP_FEED" -- "$BIN" members --json --home "$IMP"
expect_ok "the real invitee posts again" "$BIN" post flows --home "$REAL" --title "Seated" --body "Back"
syncall "$REAL" "$SEC" "$IMP"
json_ok "the secretariat reads the seated invitee's post" '[.[].title] | index("Seated") != null' -- "$BIN" threads --json --home "$SEC"
run "$BIN" sync --home "$IMP"
check "the impostor's sync still works" "exit status $RC, or output on stderr" bash -c '[ "$1" -eq 0 ] && [ ! -s "$2" ]' _ "$RC" "$ERR"
json_ok "the impostor reads nothing written after the admission" '[.[].title] | index("Seated") == null' \
    -- "$BIN" threads --json --home "$IMP"
expect_bad "the impostor still cannot post" "role does not allow" "$IMP" "$BIN" post flows --home "$IMP" --title "No" --body "x"

# A cancelled invite: joining it is refused from the log, and a join from an old copy never seats.
expect_ok "the secretariat invites an expert" "$BIN" invite --home "$SEC" --name "Olga Petrova" --org "Academia" --role expert \
    --out "$T/olga.invite"
q "$BIN" sync --home "$SEC"
rm -rf "$OLD"; cp -a "$F" "$OLD"
OLGA=$("$BIN" invite list --json --home "$SEC" | jq -r '.[] | select(.name == "Olga Petrova") | .id')
expect_ok "the secretariat cancels it" "$BIN" invite cancel "${OLGA:0:8}" --home "$SEC"
expect_bad "cancelling it twice is refused" "already cancelled" "$SEC" "$BIN" invite cancel "${OLGA:0:8}" --home "$SEC"
q "$BIN" sync --home "$SEC"
# The cancellation starts an epoch sealed away from the invite's key, so in a sealed group the
# file's holder cannot read it; but it meets that epoch's key file, which no key of its opens,
# and every epoch started while an invite is open is wrapped for it: the join is refused and
# leaves no profile. In an open group the cancellation is there to read (at the end).
expect_bad "sealed: a join after the cancellation is refused: a newer key shuts it out" "does not open the group's newest key" \
    "$SEC" "$BIN" join "$T/olga.invite" --home "$T/olga" --name "Olga Petrova" --folder "$F"
check "sealed: the refused join leaves no profile" "$T/olga exists" test ! -e "$T/olga/identity.key"
run "$BIN" join "$T/olga.invite" --home "$T/olga-fr" --name "Olga Petrova" --folder "$F" --lang fr
check "sealed: the refusal in French" "no French message" grep -q "n’ouvre pas la clé la plus récente" "$ERR"
expect_ok "a join from a copy made before the cancellation still signs" \
    "$BIN" join "$T/olga.invite" --home "$T/olga-old" --name "Olga Petrova" --folder "$OLD"
q "$BIN" sync --home "$T/olga-old" --folder "$F"
syncall "$SEC" "$REAL"
json_ok "neither the redemption after the cancellation nor one it had not seen seats anybody" \
    '[.[] | select(.name == "Olga Petrova")] | all(.roles == [])' -- "$BIN" members --json --home "$SEC"
run "$BIN" invite list --home "$SEC"
check "the invite list says cancelled" "invite list" grep -q "Olga Petrova.*cancelled" "$OUT"

# The expiry that counts is the signed one: a file whose copy was pushed later is refused all the same.
expect_ok "the secretariat invites for one day" "$BIN" invite --home "$SEC" --name "Late Comer" --org "Somewhere" --role observer \
    --expires 1 --out "$T/late.invite"
q "$BIN" sync --home "$SEC"
jq -c '.expires = 99999999999999' "$T/late.invite" >"$T/late-edited.invite"
run env INTERSESSION_NOW=$(( $(date +%s) * 1000 + 3 * 86400000 )) "$BIN" join "$T/late-edited.invite" --home "$T/late" \
    --name "Late Comer" --folder "$F"
check "an invite past its signed expiry is refused whatever the file says" "join with an edited expiry" \
    bash -c "[ $RC -ne 0 ] && grep -qi 'expired' '$ERR'"

# An open group: the cancellation is there for the file's holder to read, so the join is refused.
OPEN_F="$T/open-shared" OPEN_SEC="$T/open-sec"
mkdir -p "$OPEN_F"
q "$BIN" init --home "$OPEN_SEC" --name "Ana Ribeiro" --org "WCO Secretariat" --open
q "$BIN" sync --home "$OPEN_SEC" --folder "$OPEN_F"
q "$BIN" invite --home "$OPEN_SEC" --name "Olga Petrova" --org "Academia" --role expert --out "$T/open-olga.invite"
OPEN_OLGA=$("$BIN" invite list --json --home "$OPEN_SEC" | jq -r '.[] | select(.name == "Olga Petrova") | .id')
q "$BIN" invite cancel "${OPEN_OLGA:0:8}" --home "$OPEN_SEC"
q "$BIN" sync --home "$OPEN_SEC"
run "$BIN" join "$T/open-olga.invite" --home "$T/open-olga" --name "Olga Petrova" --folder "$OPEN_F"
check "open: joining a cancelled invite is refused, and no profile is left" "join after cancel" \
    bash -c "[ $RC -ne 0 ] && grep -qi 'cancelled' '$ERR' && [ ! -e '$T/open-olga/store.sqlite' ]"

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
