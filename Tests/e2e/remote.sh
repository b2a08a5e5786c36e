#!/usr/bin/env bash
# End-to-end test of the remote transports (issue 20) against real servers on 127.0.0.1:
# moto_server for S3 and rclone's WebDAV server. A secretariat relays between a shared folder
# and the bucket; one delegate uses the bucket only (joining through the remote its invite
# names), one the folder only, one a WebDAV server only, one the bucket through a proxy that
# fails one request in ten. Everyone posts at the same time; all converge with nothing lost.
# A tampered object is reported like a tampered file; the credentials are never written to a
# home, an invite, the bucket or any output; a wrong password and an unreachable server get a
# clear message.
#
# Run from the repository root:   Tests/e2e/remote.sh      (INTERSESSION_BIN for another binary)
# Needs jq, sqlite3, python3 with moto[server] (pip), rclone (apt). Takes about a minute.
set -Eeuo pipefail
# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
# shellcheck source=lib/servers.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/servers.bash"
LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)
# Outside CI, a machine without the servers skips this script, as syncthing.sh does.
for tool in moto_server rclone python3; do
    command -v "$tool" >/dev/null 2>&1 && continue
    [ -n "${CI:-}" ] && { echo "remote.sh: $tool is missing (pip install 'moto[server]'; apt-get install rclone)" >&2; exit 2; }
    echo "SKIP remote.sh: $tool is missing (pip install 'moto[server]'; apt-get install rclone)"
    echo "0 passed, 0 failed"
    exit 0
done
e2e_begin remote
trap 'servers_stop; e2e_end' EXIT
SNAP="$T/snapshot"
# shellcheck source=lib/snapshots.bash
source "$LIB/snapshots.bash"

start_moto
ENDPOINT="http://127.0.0.1:$MOTO_PORT"
python3 "$LIB/s3admin.py" "$ENDPOINT" create wgec-bucket
SECRET=never-printed-secret-7f3a91 DAV_SECRET=dav-password-91c2e
export AWS_ACCESS_KEY_ID=AKIDREMOTETEST AWS_SECRET_ACCESS_KEY=$SECRET AWS_REGION=us-east-1 AWS_ENDPOINT_URL_S3=$ENDPOINT
export INTERSESSION_WEBDAV_USER=alice INTERSESSION_WEBDAV_PASSWORD=$DAV_SECRET
start_webdav "$T/dav" alice "$DAV_SECRET"
# A WebDAV remote's collection must exist, as a shared folder must.
mkdir -p "$T/dav/wgec"
BUCKET=s3://wgec-bucket/wgec
DAV="webdav://127.0.0.1:$DAV_PORT/wgec"
F="$HOME/Sync/shared"
mkdir -p "$F"
S="$T/secretariat" B="$T/bucket-only" C="$T/folder-only" W="$T/webdav-only" X="$T/flaky"
# A newcomer elsewhere: the invite's folder hint (~/Sync/shared) is not there, its remote is.
ELSEWHERE="$T/elsewhere"
mkdir -p "$ELSEWHERE"

test_relay_and_join() {
    expect_ok "init: the secretariat founds the group" "$BIN" init --home "$S" --name "Sara Haddad" --org "WCO Secretariat"
    json_ok "sync --folder --remote: the relay writes the group to the folder and the bucket" \
        '.remotes.sent > 0 and .remotes.failed == 0 and .attention == false' -- \
        "$BIN" sync --home "$S" --folder "$F" --remote "$BUCKET/" --json
    run python3 "$LIB/s3admin.py" "$ENDPOINT" keys wgec-bucket wgec/
    check "the bucket holds the group's GROUP file and a journal entry" "keys: $(head -c 300 "$OUT")" \
        bash -c 'grep -Eq "^wgec/group-[0-9a-f]{16}/GROUP$" "$1" && grep -Eq "^wgec/\.journal/[0-9]{10}/[0-9]{20}$" "$1"' _ "$OUT"
    expect_ok "invite the bucket delegate" "$BIN" invite --home "$S" --name "Daniel Otieno" --org "Kenya" --role member --out "$T/invite-b"
    expect_ok "invite the folder delegate" "$BIN" invite --home "$S" --name "Lucía Quispe" --org "Peru" --role member --out "$T/invite-c"
    check "the invite names the remote as remembered, and the folder by its hint" "$(jq -c '{folders, remotes}' "$T/invite-b" 2>&1)" \
        jq -e --arg r "$BUCKET" '.remotes == [$r] and .folders == ["~/Sync/shared"]' "$T/invite-b"
    expect_ok "join: a newcomer without the folder finds the group through the invite's remote" \
        env HOME="$ELSEWHERE" "$BIN" join "$T/invite-b" --home "$B" --name "Daniel Otieno"
    expect_ok "join --folder: the folder delegate" "$BIN" join "$T/invite-c" --home "$C" --name "Lucía Quispe" --folder "$F"
    check "the bucket delegate remembers the remote, and no folder" "$(sqlite3 "$B/store.sqlite" "select key, value from setting where key like 'sync.%'" 2>&1)" \
        bash -c '[ "$(sqlite3 "$1/store.sqlite" "select value from setting where key = '"'"'sync.remotes'"'"'")" = "$2" ] && [ -z "$(sqlite3 "$1/store.sqlite" "select value from setting where key = '"'"'sync.folders'"'"'")" ]' _ "$B" "$BUCKET"
    quiet_syncs "after the joins, the folder, the relay and the bucket converge" 5 "$B" "$S" "$C"
}

post_at_once() {
    local round=$1 pids=() h; shift
    for h in "$@"; do
        "$BIN" post flows --home "$h" --title "Round $round from $(basename "$h")" --body "Posted at the same time." >"$T/post.$(basename "$h")" 2>&1 &
        pids+=($!)
    done
    local status=0 code
    for pid in "${pids[@]}"; do code=0; wait "$pid" || code=$?; [ "$code" -eq 0 ] || status=1; done
    for h in "$@"; do { echo "## post: $(basename "$h")"; cat "$T/post.$(basename "$h")"; } >>"$SYNCLOG"; done
    return "$status"
}

sync_at_once() {
    local pids=() h status=0 code
    for h in "$@"; do "$BIN" sync --home "$h" >"$T/at-once.$(basename "$h")" 2>&1 & pids+=($!); done
    for pid in "${pids[@]}"; do
        code=0; wait "$pid" || code=$?
        [ "$code" -eq 0 ] || [ "$code" -eq 3 ] || { status=1; echo "a sync ended with $code" >>"$SYNCLOG"; }
    done
    for h in "$@"; do { echo "## at once: $(basename "$h")"; cat "$T/at-once.$(basename "$h")"; } >>"$SYNCLOG"; done
    return "$status"
}

test_concurrent_posting() {
    local round ok=1
    for round in 1 2 3; do
        post_at_once "$round" "$S" "$B" "$C" || ok=
        sync_at_once "$B" "$S" "$C" || ok=
    done
    CMD="three rounds of posting and syncing at once"; RC=0; cp "$SYNCLOG" "$OUT"; : >"$ERR"
    check "posting and syncing at the same time in three homes works" "a post or a sync failed (see $SYNCLOG)" test -n "$ok"
    quiet_syncs "after posting at once, everyone converges" 5 "$B" "$S" "$C"
    same_snapshots "the folder, the relay and the bucket show the same threads and posts" "$S" "$B" "$C"
    json_ok "a sync with nothing new makes one request to the bucket" '.remotes.requests == 1 and .remotes.failed == 0' -- \
        "$BIN" sync --home "$B" --json
    json_ok "the relay's sync with nothing new makes one request too" '.remotes.requests == 1' -- "$BIN" sync --home "$S" --json
}

test_webdav() {
    json_ok "sync --remote webdav://: the relay adds the WebDAV server" '.remotes.sent > 0 and .remotes.failed == 0' -- \
        "$BIN" sync --home "$S" --remote "$DAV" --json
    expect_ok "invite the WebDAV delegate" "$BIN" invite --home "$S" --name "Aiko Tanaka" --org "Japan" --role member --out "$T/invite-w"
    expect_ok "join --remote webdav://: a delegate on the WebDAV server alone" \
        env HOME="$ELSEWHERE" "$BIN" join "$T/invite-w" --home "$W" --name "Aiko Tanaka" --remote "$DAV"
    expect_id "the WebDAV delegate posts" "$BIN" post flows --home "$W" --title "From the document server" --body "Through WebDAV."
    quiet_syncs "WebDAV, the bucket and the folder converge through the relay" 5 "$W" "$S" "$B" "$C"
    same_snapshots "the WebDAV delegate sees what everyone sees" "$S" "$W" "$B" "$C"
    json_ok "a quiet sync on WebDAV makes a constant number of requests" '.remotes.requests == 1' -- "$BIN" sync --home "$W" --json
}


test_flaky_server() {
    start_flaky "$MOTO_PORT" 10
    expect_ok "invite the delegate behind the flaky proxy" "$BIN" invite --home "$S" --name "Bruno Keller" --org "Switzerland" --role member --out "$T/invite-x"
    expect_ok "join through a server failing one request in ten" \
        env AWS_ENDPOINT_URL_S3="http://127.0.0.1:$FLAKY_PORT" HOME="$ELSEWHERE" "$BIN" join "$T/invite-x" --home "$X" --name "Bruno Keller" --remote "$BUCKET"
    local i
    for i in 1 2 3 4 5; do env AWS_ENDPOINT_URL_S3="http://127.0.0.1:$FLAKY_PORT" "$BIN" post flows --home "$X" --title "Flaky $i" --body "Through the failing proxy." >/dev/null 2>&1; done
    for i in 1 2 3 4 5 6; do env AWS_ENDPOINT_URL_S3="http://127.0.0.1:$FLAKY_PORT" "$BIN" sync --home "$X" >>"$SYNCLOG" 2>&1 || true; "$BIN" sync --home "$S" >>"$SYNCLOG" 2>&1 || true; done
    same_snapshots "behind a failing proxy, nothing is lost: the relay and the flaky delegate agree" "$S" "$X"
    kill "$FLAKY_PID" 2>/dev/null || true; wait "$FLAKY_PID" 2>/dev/null || true
    run env AWS_ENDPOINT_URL_S3="http://127.0.0.1:$FLAKY_PORT" "$BIN" sync --home "$X"
    if [ "$RC" -eq 3 ] && grep -q "could not reach the server" "$OUT"; then pass "an unreachable server is reported (exit 3) and tried again next time"
    else fail "an unreachable server is reported (exit 3) and tried again next time" "want exit 3 and 'could not reach the server'"; fi
}

test_tampered_object() {
    local key
    expect_id "the bucket delegate posts" "$BIN" post flows --home "$B" --title "To be tampered with" --body "Flipped on the server."
    sync_in "$B"
    key=$(python3 "$LIB/s3admin.py" "$ENDPOINT" newest-segment wgec-bucket wgec/)
    python3 "$LIB/s3admin.py" "$ENDPOINT" tamper wgec-bucket "$key"
    run "$BIN" sync --home "$X"
    if [ "$RC" -eq 3 ] && grep -Fq "skipped s3://wgec-bucket/wgec/${key#wgec/}" "$OUT" && ! grep -q "/remotes/" "$OUT"; then
        pass "a tampered object is reported under the bucket's name, like a tampered file (exit 3)"
    else fail "a tampered object is reported under the bucket's name, like a tampered file (exit 3)" "want exit 3 naming s3://wgec-bucket/wgec/${key#wgec/}"; fi
    run "$BIN" sync --home "$X"
    check "the next sync still counts it as rejected (exit 3)" "exit $RC" bash -c '[ "$1" -eq 3 ] && grep -q "still rejected" "$2"' _ "$RC" "$OUT"
    # The writer's daily full listing sees the object's ETag changed at the same size, fetches
    # it, finds it altered and writes the range again under another name.
    sed -i 's/^full .*/full 1/' "$B"/remotes/*/state
    sync_in "$B"
    run "$BIN" sync --home "$X"
    json_ok "after the writer's full listing, the delegate reading only the bucket has the post" \
        'any(.[]; .title == "To be tampered with")' -- "$BIN" threads --home "$X" --json
}

test_credentials_never_leak() {
    local where=()
    grep -rqa -e "$SECRET" -e "$DAV_SECRET" "$S" "$B" "$C" "$W" "$X" "$T"/invite-* 2>/dev/null && where+=("a home or an invite")
    grep -qa -e "$SECRET" -e "$DAV_SECRET" "$SYNCLOG" && where+=("the sync output")
    python3 "$LIB/s3admin.py" "$ENDPOINT" grep wgec-bucket "$SECRET" && where+=("the bucket")
    grep -rqa -e "$SECRET" -e "$DAV_SECRET" "$T/dav" && where+=("the WebDAV folder")
    CMD="grep for the secrets"; RC=0; : >"$OUT"; : >"$ERR"
    check "no credential is written to a home, an invite, a remote or any output" "found in: ${where[*]:-}" test ${#where[@]} -eq 0
}

test_wrong_password() {
    expect_ok "invite one more delegate" "$BIN" invite --home "$S" --name "Wrong Password" --org "Nowhere" --role member --out "$T/invite-p"
    run env INTERSESSION_WEBDAV_USER=alice INTERSESSION_WEBDAV_PASSWORD=wrong HOME="$ELSEWHERE" "$BIN" join "$T/invite-p" --home "$T/p" --name "Wrong Password" --remote "$DAV"
    check "a wrong WebDAV password: the join is refused with a clear message, and makes no profile" "exit $RC" \
        bash -c '[ "$1" -eq 1 ] && grep -q "refused the credentials" "$2" && [ ! -e "$3/identity.key" ]' _ "$RC" "$ERR" "$T/p"
    run env INTERSESSION_WEBDAV_USER=alice INTERSESSION_WEBDAV_PASSWORD=wrong HOME="$ELSEWHERE" "$BIN" join "$T/invite-p" --home "$T/p" --name "Wrong Password" --remote "$DAV" --lang fr
    check "… in French with --lang fr" "exit $RC" bash -c '[ "$1" -eq 1 ] && grep -q "le serveur a refusé les identifiants" "$2"' _ "$RC" "$ERR"
    run "$BIN" sync --home "$S" --remote "s3://user:pw@wgec-bucket/x"
    check "credentials in a remote's address are refused before anything is remembered" "exit $RC" \
        bash -c '[ "$1" -eq 1 ] && grep -q "never in a remote" "$2" && ! sqlite3 "$3/store.sqlite" "select value from setting" | grep -q "user:pw"' _ "$RC" "$ERR" "$S"
}

test_relay_and_join
test_concurrent_posting
test_webdav
test_flaky_server
test_tampered_object
test_wrong_password
test_credentials_never_leak

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
