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

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
