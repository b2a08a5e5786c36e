#!/usr/bin/env bash
# End-to-end test through real Syncthing (DESIGN §4, §5): three Syncthing daemons on loopback
# (discovery, relays and NAT off) share one folder, each at its own path; every profile syncs
# only with its own daemon's folder, so Syncthing alone carries the segments between them.
#   1. A secretariat founds the group, two members join through their own daemon's folder, all
#      three post and sync at once while Syncthing moves files: every profile converges.
#   2. A member's home is copied to a second device on another daemon; both post before either
#      syncs, so Syncthing meets two variants of one segment name and keeps one of them as a
#      `*.sync-conflict-*` copy: every replica must freeze the member's feed at the same seq.
# The group is sealed (the default): Syncthing carries sealed files under names that reveal no
# feed, and the conflict copy of a sealed segment is opened for evidence.
#
# Run from the repository root:   Tests/e2e/syncthing.sh
# Another binary:                  INTERSESSION_BIN=/path/to/intersession Tests/e2e/syncthing.sh
#
# Prints "ok NAME" / "FAIL NAME" (with why), then "N passed, M failed"; exit status 0 when all
# passed, 1 when one failed, 2 when it could not start. Without syncthing installed it prints a
# line starting with "SKIP" and exits 0 (CI installs syncthing, so there it always runs).
# Needs syncthing, curl, jq, sqlite3 and python3; takes about a minute. Everything (the
# daemons' homes and folders included) lives in a temporary folder, removed on exit, and every
# daemon is stopped on exit.
set -Eeuo pipefail

if ! command -v syncthing >/dev/null 2>&1; then
    echo "syncthing.sh: SKIP: syncthing is not installed (apt-get install syncthing); the test with real daemons did not run"
    echo "0 passed, 0 failed"
    exit 0
fi

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
# shellcheck source=lib/syncthing.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/syncthing.bash"
if tool=$(st_missing); then printf 'syncthing.sh: %s is missing (apt-get install -y %s)\n' "$tool" "$tool" >&2; exit 2; fi
e2e_begin syncthing

QUIET='^sync: exported 0 changes in 0 files; imported 0 from 0 feeds;'
SYNCLOG="$T/sync.log"
: >"$SYNCLOG"

# settled NAME: Syncthing has carried every file to every daemon; on a timeout the check fails
# with the daemons' state and log tails.
settled() {
    CMD="st_settle (scan every daemon, wait until all are idle and in sync)"; RC=0
    if st_settle >"$OUT" 2>"$ERR"; then return 0; fi
    RC=1; fail "$1" "Syncthing did not settle"
    return 1
}

# sync_in HOME: one sync, which must succeed quietly on stderr; its output goes to $SYNCLOG.
# With ATTENTION_OK set (once a fork is made on purpose), status 3 is success too: synced,
# but a feed is frozen.
ATTENTION_OK=
sync_in() {
    local h=$1
    run "$BIN" sync --home "$h"
    { echo "## $(basename "$h")"; cat "$OUT"; } >>"$SYNCLOG"
    if { [ "$RC" -ne 0 ] && ! { [ -n "$ATTENTION_OK" ] && [ "$RC" -eq 3 ]; }; } || [ -s "$ERR" ]; then
        fail "sync of $(basename "$h") succeeds" "exit status $RC, or output on stderr"
        return 1
    fi
}

# rounds NAME MAX HOME...: Syncthing settles, then every home syncs with its folder, round
# after round, until a whole round moves nothing (at most MAX rounds).
rounds() { BEFORE_ROUND=settled quiet_syncs "$@"; }

# shellcheck source=lib/snapshots.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/snapshots.bash"

feed_of() { "$BIN" whoami --home "$1" --json | jq -r .feed; }

# ---------------------------------------------------------------------------------------------
# Three daemons; the secretariat syncs with daemon 0's folder, member 1 with daemon 1's,
# member 2 with daemon 2's (and, in part 2, member 1's second device with daemon 2's too).

S="$T/sec" M1="$T/member-1" M2="$T/member-2" M1C="$T/member-1-laptop"

start_daemons() {
    CMD="st_start 3 intersession-e2e"; RC=0
    if st_start 3 intersession-e2e >"$OUT" 2>"$ERR"; then
        pass "three Syncthing daemons on loopback are up and connected to each other"
    else
        RC=1; fail "three Syncthing daemons on loopback are up and connected to each other" "st_start failed"
        FINISHED=1; echo "$PASSED passed, $FAILED failed"; exit 1
    fi
    CMD="syncthing's REST config of daemon 0"
    st_rest 0 GET /rest/config >"$OUT" 2>"$ERR" || RC=$?
    expect_json "the daemons use no network beyond 127.0.0.1 and keep conflict copies" \
        '.options.globalAnnounceEnabled == false and .options.localAnnounceEnabled == false
         and .options.relaysEnabled == false and .options.natEnabled == false
         and .options.urAccepted == -1 and .options.crashReportingEnabled == false
         and .options.autoUpgradeIntervalH == 0
         and all(.options.listenAddresses[]; startswith("tcp://127.0.0.1:"))
         and all(.devices[].addresses[]; startswith("tcp://127.0.0.1:"))
         and (.folders | length) == 1 and .folders[0].maxConflicts > 0'
}

# 1. The group forms through Syncthing, then everyone posts and syncs at once.
test_concurrent_posting() {
    expect_ok "init: the secretariat founds the group" "$BIN" init --home "$S" --name "Amina Diallo" --org "WCO Secretariat"
    expect_ok "sync --folder: the secretariat publishes into daemon 0's folder" "$BIN" sync --home "$S" --folder "${ST_FOLDER[0]}"
    expect_ok "invite member 1" "$BIN" invite --home "$S" --name "Tomás Herrera" --org "Uruguay" --role member --out "$T/invite-1"
    expect_ok "invite member 2" "$BIN" invite --home "$S" --name "Mei Lin" --org "Singapore" --role member --out "$T/invite-2"
    sync_in "$S" || true
    settled "Syncthing carries the group and the invites to every daemon" || return 0
    check "daemon 2's folder holds the group's GROUP file, brought by Syncthing" "no GROUP under ${ST_FOLDER[2]}" \
        bash -c 'ls "$1"/group-*/GROUP' _ "${ST_FOLDER[2]}"
    expect_ok "join: member 1 joins through daemon 1's folder" \
        "$BIN" join "$T/invite-1" --home "$M1" --name "Tomás Herrera" --folder "${ST_FOLDER[1]}"
    expect_ok "join: member 2 joins through daemon 2's folder" \
        "$BIN" join "$T/invite-2" --home "$M2" --name "Mei Lin" --folder "${ST_FOLDER[2]}"
    rounds "after the joins, the three profiles sync through Syncthing until nothing moves" 6 "$S" "$M1" "$M2"
    local h
    for h in "$S" "$M1" "$M2"; do
        json_ok "members --json in $(basename "$h"): the three members with their roles" \
            'length == 3 and (map({key: .name, value: .roles}) | from_entries)
             == {"Amina Diallo": ["secretariat"], "Tomás Herrera": ["member"], "Mei Lin": ["member"]}' \
            -- "$BIN" members --home "$h" --json
    done

    expect_id "the secretariat starts a thread" "$BIN" post general --home "$S" --title "Work programme" \
        --body "Comments on the work programme, please."
    local T0=$ID
    rounds "the thread reaches both members" 6 "$S" "$M1" "$M2"

    # Everyone posts and syncs at once, three times, while the daemons carry files meanwhile.
    local name pids=() statuses=()
    for name in sec member-1 member-2; do
        poster "$T/$name" "$name" "$T0" >"$T/poster-$name.log" 2>&1 &
        pids+=($!)
    done
    local i status
    for i in "${!pids[@]}"; do
        status=0; wait "${pids[i]}" || status=$?
        statuses+=("$status")
    done
    CMD="three posters at once (each: post, reply, sync, three times)"; RC="${statuses[*]}"
    cat "$T"/poster-*.log >"$OUT"; : >"$ERR"
    check "three profiles post and sync at the same time without an error" "exit statuses: ${statuses[*]}" \
        test "${statuses[*]}" = "0 0 0"
    rounds "after posting at once, the three profiles sync through Syncthing until nothing moves" 8 "$S" "$M1" "$M2"
    same_snapshots "all three profiles show the same threads and posts" "$S" "$M1" "$M2"
    local ids
    ids=$(cat "$T"/poster-*.ids | jq -R . | jq -s .)
    CMD="jq on the snapshot of threads and posts"; RC=0; cp "$SNAP" "$OUT"; : >"$ERR"
    expect_json "the converged state holds the first thread and the 18 posts and replies written at once" \
        '([.shows[].posts[].id] | sort) == (($ids + [$t0]) | sort) and ($ids | length) == 18' \
        --argjson ids "$ids" --arg t0 "$T0"
    expect_json "the work programme thread has the first post and the 9 replies to it" \
        '(.threads[] | select(.id == $t0) | .posts) == 10' --arg t0 "$T0"
    # Each writer writes only new files (DESIGN §5), so Syncthing never meets two versions of
    # one file, and nothing any sync read was bad.
    CMD="find every daemon's folder -name '*.sync-conflict-*'"; RC=0; : >"$ERR"
    find "$T/st" -path "$T/st/folder-*" -name '*.sync-conflict-*' >"$OUT"
    check "no Syncthing conflict copy anywhere after posting at once" "conflict copies found" test ! -s "$OUT"
    CMD="every sync's output so far (the rounds and the posters')"
    cat "$SYNCLOG" "$T"/poster-*.log >"$OUT"
    check "no sync skipped a file or rejected a change" "a skipped line or a rejection" \
        bash -c '! grep -Eq -e "^  skipped " -e "; [1-9][0-9]* rejected" "$1"' _ "$OUT"
}

# poster HOME NAME T0: three times, a new thread, a reply to T0 and a sync; the ids go to
# $T/poster-NAME.ids. Fails on the first command that fails.
poster() {
    local h=$1 name=$2 t0=$3 n out
    : >"$T/poster-$name.ids"
    for n in 1 2 3; do
        out=$(timeout 30 "$BIN" post general --home "$h" --title "$name, note $n" --body "Note $n from $name." --json) || return 1
        jq -r .id <<<"$out" >>"$T/poster-$name.ids"
        out=$(timeout 30 "$BIN" reply "$t0" --home "$h" --body "Reply $n from $name." --json) || return 1
        jq -r .id <<<"$out" >>"$T/poster-$name.ids"
        timeout 30 "$BIN" sync --home "$h" || return 1
        sleep 0.$((RANDOM % 8))
    done
}

# 2. A fork made on two devices: member 1's home copied to a laptop that syncs with daemon 2's
#    folder. Both sign a post under the same seq before either syncs; the daemons of the two
#    devices are paused meanwhile, so each device writes its variant under the same segment name
#    and Syncthing, on resuming, keeps one and renames the other to a *.sync-conflict-* copy.
test_fork_on_two_devices() {
    local M1_FEED M1_NAME h
    M1_FEED=$(feed_of "$M1")
    # A sealed feed folder's name is the same in every daemon's folder.
    M1_NAME=$(basename "$("$BIN" whoami --home "$M1" --json | jq -r '.feedFolders[0]')")
    CMD="whoami --json in member-1: feedFolders"; RC=0; "$BIN" whoami --home "$M1" --json >"$OUT" 2>"$ERR" || RC=$?
    check "the group is sealed: member 1's feed folder is not named after its feed" "$M1_NAME" \
        bash -c '[ -n "$1" ] && [ "$1" != null ] && [ "$1" != "$2" ] && [ -d "$3"/group-*/feeds/"$1" ]' _ "$M1_NAME" "$M1_FEED" "${ST_FOLDER[1]}"
    cp -a "$M1" "$M1C"
    # The laptop's folder is daemon 2's: its own path for the shared folder, as on another machine.
    sqlite3 "$M1C/store.sqlite" "update setting set value = '${ST_FOLDER[2]}' where key = 'sync.folders'"
    sync_in "$M1C" || true
    check "the laptop's first sync, with daemon 2's folder, finds nothing new" "it moved changes" grep -Eq "$QUIET" "$OUT"

    st_pause 1 2
    ATTENTION_OK=1
    expect_id "member 1 posts on the first device" "$BIN" post general --home "$M1" --title "From the desktop" --body "Signed on the desktop."
    local P1=$ID
    expect_id "member 1 posts on the laptop, before either synced" "$BIN" post general --home "$M1C" --title "From the laptop" --body "Signed on the laptop."
    local P2=$ID
    : >"$SYNCLOG"
    sync_in "$M1" && sync_in "$M1C" || true
    local feed1 feed2 seg1 seg2
    feed1=$(echo "${ST_FOLDER[1]}"/group-*/feeds/"$M1_NAME") feed2=$(echo "${ST_FOLDER[2]}"/group-*/feeds/"$M1_NAME")
    seg1=$(cd "$feed1" && ls -t -- *.seg | head -n 1) seg2=$(cd "$feed2" && ls -t -- *.seg | head -n 1)
    CMD="ls -t of member 1's feed folder in daemon 1's and daemon 2's folders"; RC=0; echo "$seg1 / $seg2" >"$OUT"; : >"$ERR"
    check "both devices wrote their variant under the same segment name" "newest files: $seg1 and $seg2" \
        test -n "$seg1" -a "$seg1" = "$seg2"
    local fork_seq=$((10#${seg1%%-*}))
    # Syncthing keeps the file with the newer mtime under the name: the laptop synced second,
    # so the desktop's variant is the one renamed to the conflict copy. (Touching a file to
    # choose the winner would give it a second version and Syncthing a second conflict copy.)
    cp "$feed1/$seg1" "$T/variant-desktop"; cp "$feed2/$seg2" "$T/variant-laptop"
    CMD="st_scan_all; st_resume 1 2"; RC=0
    if ! { st_scan_all && st_resume 1 2; } >"$OUT" 2>"$ERR"; then RC=1; fail "the paused daemons resume" "st_resume failed"; return 0; fi
    settled "Syncthing meets the two variants and settles" || return 0
    local i dir conflicts=()
    for i in 0 1 2; do
        dir=$(echo "${ST_FOLDER[i]}"/group-*/feeds/"$M1_NAME")
        mapfile -t conflicts < <(find "$dir" -name "${seg1%.seg}.sync-conflict-*.seg")
        CMD="find member 1's feed in daemon $i's folder"; find "$dir" >"$OUT"
        # Syncthing now and then makes a second conflict copy of the same version (a rescan
        # racing the rename); what matters is that the desktop's variant is in one of them.
        check "daemon $i's folder: the laptop's variant under $seg1, the desktop's in a *.sync-conflict-* copy" \
            "${#conflicts[@]} conflict copies, or the variants are not where Syncthing should have put them" \
            bash -c 'dir=$1 seg=$2 laptop=$3 desktop=$4; shift 4; [ $# -ge 1 ] && cmp -s "$dir/$seg" "$laptop" || exit 1
                     for copy in "$@"; do cmp -s "$copy" "$desktop" && exit 0; done; exit 1' _ \
            "$dir" "$seg1" "$T/variant-laptop" "$T/variant-desktop" "${conflicts[@]}"
    done

    rounds "after the fork, the four profiles sync through Syncthing until nothing moves" 8 "$S" "$M1" "$M2" "$M1C"
    # How a frozen feed shows on the command line today: members --json gives the feed's
    # frozenFrom (the first seq that no longer counts: the fork point, here the seq of the
    # segment both devices wrote), and sync prints a "  fork: feed <short id> ..." line.
    local frozen=() at
    for h in "$S" "$M1" "$M2" "$M1C"; do
        at=$("$BIN" members --home "$h" --json 2>/dev/null | jq -r --arg f "$M1_FEED" '.[] | select(.feed == $f) | .frozenFrom // "none"' || echo "?")
        frozen+=("$(basename "$h"):$at")
        json_ok "members --json in $(basename "$h") shows member 1's feed frozen from seq $fork_seq" \
            '(.[] | select(.feed == $f) | .frozenFrom) == $at' \
            --arg f "$M1_FEED" --argjson at "$fork_seq" -- "$BIN" members --home "$h" --json
    done
    CMD="members --json in each profile: member 1's frozenFrom"; RC=0; printf '%s\n' "${frozen[@]}" >"$OUT"; : >"$ERR"
    check "every replica freezes member 1's feed at the same seq (${frozen[*]})" "they differ or one is not frozen" \
        bash -c 'test "$(printf "%s\n" "${@#*:}" | sort -u | wc -l)" -eq 1 && ! printf "%s\n" "${@#*:}" | grep -qx -e none -e "?"' _ "${frozen[@]}"
    CMD="grep '  fork: feed ${M1_FEED:0:8}' in every sync since the fork"; cp "$SYNCLOG" "$OUT"
    local n
    for h in "$S" "$M1" "$M2" "$M1C"; do
        n=$(awk -v h="$(basename "$h")" -v f="  fork: feed ${M1_FEED:0:8}" \
            '/^## /{cur = $2} index($0, f) == 1 && cur == h {n++} END{print n + 0}' "$SYNCLOG")
        check "$(basename "$h")'s sync says member 1's feed is forked" "$n fork lines for it" test "$n" -ge 1
    done
    same_snapshots "after the fork, the four profiles show the same threads and posts" "$S" "$M1" "$M2" "$M1C"
    CMD="jq on the snapshot of threads and posts"; RC=0; cp "$SNAP" "$OUT"; : >"$ERR"
    expect_json "neither variant counts anywhere (the feed is frozen from the fork point)" \
        '[.threads[].id] | index($a) == null and index($b) == null' --arg a "$P1" --arg b "$P2"
}

start_daemons
test_concurrent_posting
test_fork_on_two_devices

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
