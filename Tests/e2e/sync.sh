#!/usr/bin/env bash
# End-to-end test of sync through shared folders (DESIGN §3, §4, §5, §7): several profiles
# (homes) on this machine, temporary folders standing for Syncthing folders and USB sticks.
#
# Run from the repository root:   Tests/e2e/sync.sh
# Another binary:                  INTERSESSION_BIN=/path/to/intersession Tests/e2e/sync.sh
#
# Every check prints "ok    NAME" or "FAIL  NAME" followed by why, the command, its exit
# status, stdout and stderr. The last line is always "N passed, M failed"; the exit status is
# 0 when nothing failed, 1 when a check failed (or the script itself broke: it then says where),
# 2 when the test could not start (no binary, no jq, no sqlite3, no python3).
# Needs bash, jq, sqlite3 and python3. Everything happens in a temporary folder ($HOME
# included), which is removed on exit (kept, and named, when SYNC_E2E_KEEP=1). Takes about
# fifteen seconds.
set -Eeuo pipefail

BIN=${INTERSESSION_BIN:-$(pwd)/.build/debug/intersession}

die() { printf 'sync.sh: %s\n' "$*" >&2; exit 2; }
[ -x "$BIN" ] || die "no executable at $BIN; run 'swift build' in the repository root or set INTERSESSION_BIN"
command -v jq >/dev/null 2>&1 || die "jq is missing (apt-get install -y jq)"
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is missing (apt-get install -y sqlite3)"
command -v python3 >/dev/null 2>&1 || die "python3 is missing (apt-get install -y python3)"
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) is missing"

PASSED=0 FAILED=0
T=$(mktemp -d "${TMPDIR:-/tmp}/intersession-sync-e2e.XXXXXX")
WATCH_PID=
FINISHED=
cleanup() {
    local status=$?
    if [ -n "$WATCH_PID" ]; then kill "$WATCH_PID" 2>/dev/null || true; wait "$WATCH_PID" 2>/dev/null || true; fi
    if [ -n "${SYNC_E2E_KEEP:-}" ]; then echo "sync.sh: kept $T"; else rm -rf "$T"; fi
    if [ -z "$FINISHED" ]; then
        echo "sync.sh: stopped early (status $status) at line ${ERR_LINE:-?}: the test script itself broke"
        echo "$PASSED passed, $((FAILED + 1)) failed"
        exit 1
    fi
}
trap cleanup EXIT
trap 'ERR_LINE=$LINENO' ERR
trap 'exit 130' INT TERM

# Never touch the real profile: every default location points into $T.
export HOME="$T/home"
mkdir -p "$HOME"
unset INTERSESSION_HOME XDG_DATA_HOME INTERSESSION_NOW

# A private copy of the binary: a build running meanwhile in the repository ("Text file busy")
# must not swap it in the middle of a run. The binary embeds its resources, so a copy works.
cp "$BIN" "$T/intersession" || die "cannot copy $BIN"
BIN="$T/intersession"

OUT="$T/stdout" ERR="$T/stderr"
RC=0 CMD=
: >"$OUT"; : >"$ERR"

# ---------------------------------------------------------------------------------------------
# Running commands and reporting (as in cli.sh)
# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"

# ---------------------------------------------------------------------------------------------
# Sync helpers


# shellcheck source=lib/snapshots.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/snapshots.bash"

# snap_ok NAME FILTER [JQ ARGS...]: FILTER is true of the last snapshot ($SNAP).
snap_ok() {
    local name=$1 filter=$2; shift 2
    CMD="jq on the snapshot of threads and posts"; RC=0
    cp "$SNAP" "$OUT"; : >"$ERR"
    expect_json "$name" "$filter" "$@"
}

# has_thread HOME ID...: HOME lists every thread ID; lacks_thread HOME ID: it does not list ID.
has_thread() {
    local h=$1 id list
    list=$("$BIN" threads --home "$h" --json 2>/dev/null) || return 1
    for id in "${@:2}"; do jq -e --arg id "$id" 'any(.[]; .id == $id)' <<<"$list" >/dev/null 2>&1 || return 1; done
}
lacks_thread() { ! has_thread "$@"; }

# The feed id of a profile.
feed_of() { "$BIN" whoami --home "$1" --json | jq -r .feed; }

# store_facts HOME: the change count and the threads, to compare before and after a sync.
store_facts() {
    echo "changes: $(sqlite3 "$1/store.sqlite" 'select count(*) from change' 2>&1)"
    echo "threads: $("$BIN" threads --home "$1" --json 2>&1 | jq -c 'map({id, posts})' 2>&1 | md5sum | cut -c1-12)"
}

# The segment tool: builds, damages and names segment files the way a sync tool or a failing
# disk would leave them (see the comment of each command).
SEG="$T/segtool.py"
sed "s|@E2E_LIB@|$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)|" >"$SEG" <<'PYTHON'
import base64, hashlib, os, re, sys
sys.path.insert(0, '@E2E_LIB@')
from segment_text import read_segment, write_segment, trailer

NAME = re.compile(r'^(\d{12})-(\d{12})\.seg$')

def segments(feed_dir):
    for name in sorted(os.listdir(feed_dir)):
        m = NAME.match(name)
        if m:
            yield int(m.group(1)), int(m.group(2)), os.path.join(feed_dir, name)

def build(feed_dir, first, last):
    lines, header = {}, None
    for a, b, path in segments(feed_dir):
        header, file_lines = read_segment(open(path, 'rb').read())
        for i, seq in enumerate(range(a, b + 1)):
            lines[seq] = file_lines[i]
    header = b' '.join(header.split(b' ')[:4]) + b' %d %d' % (first, last)
    return write_segment(header, [lines[s] for s in range(first, last + 1)])

def free(feed_dir, count):
    taken = {(a, b) for a, b, _ in segments(feed_dir)}
    head = max(b for _, b in taken)
    ranges = [(a, a + n - 1) for n in range(1, head + 1) for a in range(1, head - n + 2) if (a, a + n - 1) not in taken]
    if len(ranges) < count:
        sys.exit('only %d free ranges in %s' % (len(ranges), feed_dir))
    return ranges[:count]

cmd = sys.argv[1]
if cmd == 'free':       # free FEEDDIR COUNT: names of seq ranges the feed holds that no file there has (shortest first)
    for a, b in free(sys.argv[2], int(sys.argv[3])):
        print('%012d-%012d.seg' % (a, b))
elif cmd == 'build':    # build FEEDDIR NAME OUT: a valid segment for the seqs NAME claims, from the feed's files
    a, b = map(int, NAME.match(sys.argv[3]).groups())
    open(sys.argv[4], 'wb').write(build(sys.argv[2], a, b))
elif cmd == 'flip':     # flip FILE: one byte of the compressed change lines changed, the trailer left as it was
    data = bytearray(open(sys.argv[2], 'rb').read())
    data[data.index(b'\n') + 20] ^= 0x01
    open(sys.argv[2], 'wb').write(data)
elif cmd == 'badsig':   # badsig FILE: the last change's signature replaced by 64 other bytes, trailer recomputed
    header, lines = read_segment(open(sys.argv[2], 'rb').read())
    lines[-1] = (base64.b64encode(hashlib.sha512(b'not a signature').digest()), lines[-1][1])
    open(sys.argv[2], 'wb').write(write_segment(header, lines))
elif cmd == 'junk':     # junk FILE: random bytes closed by a valid trailer (so only the content is wrong)
    open(sys.argv[2], 'wb').write(trailer(os.urandom(500).replace(b'\n', b'.') + b'\n', 1))
PYTHON

# ---------------------------------------------------------------------------------------------
# The scenarios. A secretariat ($S) and two delegates ($D1, $D2) share the folder $F.

# The folder lies under $HOME, as a Syncthing or cloud drive folder does: the invite names it
# "~/…", which the invitee (the same $HOME here) finds.
S="$T/sec" D1="$T/d1" D2="$T/d2" F="$HOME/Sync/shared"
mkdir -p "$F"

# 1. Three homes, one folder: invitations, joins, offline posts, convergence in any sync order.
test_three_homes() {
    expect_ok "init: the secretariat founds the group" "$BIN" init --home "$S" --name "Sara Haddad" --org "WCO Secretariat"
    expect_ok "sync --folder: the secretariat publishes the group" "$BIN" sync --home "$S" --folder "$F"
    check "the shared folder holds group-<16 hex>/GROUP (a sealed group's name)" "no such GROUP file under $F" \
        bash -c 'ls "$1"/group-*/GROUP && [[ "$(basename "$(dirname "$(ls "$1"/group-*/GROUP)")")" =~ ^group-[0-9a-f]{16}$ ]]' _ "$F"
    expect_ok "invite a delegate (member)" "$BIN" invite --home "$S" --name "Daniel Otieno" --org "Kenya" \
        --role member --out "$T/invite-d1"
    expect_ok "invite a second delegate (private sector)" "$BIN" invite --home "$S" --name "Lucía Quispe" --org "Peru" \
        --role private --out "$T/invite-d2"
    check "the invite files are private (mode 0600)" "mode $(stat -c %a "$T/invite-d1" 2>/dev/null)" \
        test "$(stat -c %a "$T/invite-d1" 2>/dev/null)" = 600
    CMD="jq .folders $T/invite-d1"; RC=0; cp "$T/invite-d1" "$OUT"; : >"$ERR"
    check "the invite names the folder from the home (~/Sync/shared), never by its absolute path" \
        "folders: $(jq -c .folders "$T/invite-d1" 2>&1)" \
        bash -c 'jq -e ".folders == [\"~/Sync/shared\"]" "$1" && ! grep -q -e "$2" -e /tmp "$1"' _ "$T/invite-d1" "$T"
    expect_ok "join: the first delegate finds the folder the invite names" \
        "$BIN" join "$T/invite-d1" --home "$D1" --name "Daniel Otieno"
    expect_ok "join --folder: the second delegate names the folder" \
        "$BIN" join "$T/invite-d2" --home "$D2" --name "Lucía Quispe" --folder "$F"
    quiet_syncs "after the joins, everyone syncs until nothing moves" 4 "$S" "$D1" "$D2"

    local roles='{"Sara Haddad": ["secretariat"], "Daniel Otieno": ["member"], "Lucía Quispe": ["private"]}'
    local h
    for h in "$S" "$D1" "$D2"; do
        json_ok "members --json in $(basename "$h"): three members with their roles" \
            'length == 3 and (map({key: .name, value: .roles}) | from_entries) == $roles' \
            --argjson roles "$roles" -- "$BIN" members --home "$h" --json
    done
    S_FEED=$(feed_of "$S"); D1_FEED=$(feed_of "$D1"); D2_FEED=$(feed_of "$D2")

    # A first thread everybody has seen, then everyone works offline.
    expect_id "the secretariat starts a thread" "$BIN" post general --home "$S" --title "Work plan 2027" \
        --body "Please comment on the draft work plan."
    local T0=$ID
    quiet_syncs "everyone receives the first thread" 3 "$S" "$D1" "$D2"

    expect_id "offline: the secretariat posts" "$BIN" post risk --home "$S" --title "Risk profiles" --body "Share your risk indicators."
    expect_id "offline: the secretariat replies to its thread" "$BIN" reply "$T0" --home "$S" --body "Deadline: end of January."
    expect_id "offline: delegate 1 posts" "$BIN" post flows --home "$D1" --title "Parcel volumes" --body "Volumes doubled since 2024."
    local T2=$ID
    expect_id "offline: delegate 1 replies to the work plan" "$BIN" reply "$T0" --home "$D1" --body "Kenya supports the plan."
    expect_id "offline: delegate 1 replies to its own post" "$BIN" reply "$T2" --home "$D1" --body "Mostly low-value parcels."
    local R12=$ID
    expect_id "offline: delegate 2 posts" "$BIN" post revenue --home "$D2" --title "De minimis" --body "Thresholds vary widely."
    expect_id "offline: delegate 2 replies to the work plan" "$BIN" reply "$T0" --home "$D2" --body "Peru asks for a section on platforms."
    local R21=$ID
    expect_id "offline: delegate 2 replies to its own reply" "$BIN" reply "$R21" --home "$D2" --body "Platforms as deemed suppliers."
    local R22=$ID
    quiet_syncs "syncs in the order d2, sec, d1 until nothing moves" 5 "$D2" "$S" "$D1"

    # A second offline round: replies to what just arrived from the others.
    expect_id "offline: delegate 1 replies to delegate 2's reply" "$BIN" reply "$R22" --home "$D1" --body "Agreed, see the OECD work."
    local R3=$ID
    expect_id "offline: delegate 2 replies to delegate 1's thread" "$BIN" reply "$T2" --home "$D2" --body "Same trend in Peru."
    expect_id "offline: the secretariat replies to delegate 1's reply" "$BIN" reply "$R12" --home "$S" --body "Noted for the report."
    quiet_syncs "syncs in the order d1, d2, sec until nothing moves" 5 "$D1" "$D2" "$S"

    same_snapshots "all three homes show the same threads and posts" "$S" "$D1" "$D2"
    snap_ok "the converged state has the 4 threads and every post written" \
        '(.threads | length) == 4 and ([.shows[].posts[].id] | sort) == ($ids | sort)' \
        --argjson ids "$(printf '%s\n' "${ALL_IDS[@]}" | jq -R . | jq -s .)"
    snap_ok "replies keep their parents and depths across replicas" \
        '[.shows[].posts[]] | map({(.id): .}) | add | .[$r22].parent == $r21 and .[$r22].depth == 2
         and .[$r3].parent == $r22 and .[$r3].depth == 3 and .[$t0].depth == 0 and .[$t0].parent == null' \
        --arg t0 "$T0" --arg r21 "$R21" --arg r22 "$R22" --arg r3 "$R3"
    snap_ok "post counts: the work plan thread has 6 posts" '(.threads[] | select(.id == $t0) | .posts) == 6' --arg t0 "$T0"
    ALL_IDS=()
}

# 2. Relay: the secretariat syncs only with F1, delegate A only with F2, delegate B carries a
#    USB stick between them (syncs with both). Everything between F1 and F2 goes through B.
test_relay() {
    local S2="$T/relay-sec" A="$T/relay-a" B="$T/relay-b" F1="$T/folder-1" F2="$T/usb-stick"
    mkdir -p "$F1" "$F2"
    expect_ok "relay: the secretariat founds a group in F1" "$BIN" init --home "$S2" --name "Marta Silva" --org "WCO Secretariat"
    expect_ok "relay: the secretariat syncs with F1 only" "$BIN" sync --home "$S2" --folder "$F1"
    expect_ok "relay: invite A (who only sees F2)" "$BIN" invite --home "$S2" --name "Aiko Tanaka" --org "Japan" \
        --role member --out "$T/invite-a"
    expect_ok "relay: invite B (who carries the stick)" "$BIN" invite --home "$S2" --name "Bruno Keller" --org "UPU" \
        --role partner --out "$T/invite-b"
    expect_bad "relay: A cannot join from F2 before B brought the group there" 'group|folder' "$A" \
        "$BIN" join "$T/invite-a" --home "$A" --name "Aiko Tanaka" --folder "$F2"
    check "relay: the failed join left no profile for A" "$A exists" test ! -e "$A"
    expect_ok "relay: B joins through F1" "$BIN" join "$T/invite-b" --home "$B" --name "Bruno Keller" --folder "$F1"
    expect_ok "relay: B syncs with F1 and the stick (relays the group and A's invite)" \
        "$BIN" sync --home "$B" --folder "$F1" --folder "$F2"
    expect_ok "relay: A joins from the stick" "$BIN" join "$T/invite-a" --home "$A" --name "Aiko Tanaka" --folder "$F2"
    quiet_syncs "relay: B, the secretariat and A sync until nothing moves" 5 "$B" "$S2" "$A"
    local h
    for h in "$S2" "$A" "$B"; do
        json_ok "relay: members --json in $(basename "$h") lists the three, with roles" \
            'length == 3 and (map({key: .name, value: .roles}) | from_entries)
             == {"Marta Silva": ["secretariat"], "Aiko Tanaka": ["member"], "Bruno Keller": ["partner"]}' \
            -- "$BIN" members --home "$h" --json
    done

    expect_id "relay: the secretariat posts (offline)" "$BIN" post meetings --home "$S2" --title "Geneva session" \
        --body "The next session is in March."
    local PS=$ID
    expect_id "relay: A posts (offline)" "$BIN" post best-practices --home "$A" --title "Pre-arrival data" \
        --body "Japan shares its pre-arrival data practice."
    local PA=$ID
    sync_in "$S2" && sync_in "$A" || true
    check "relay: without B, A does not get the secretariat's post" "A has $PS" lacks_thread "$A" "$PS"
    check "relay: without B, the secretariat does not get A's post" "the secretariat has $PA" lacks_thread "$S2" "$PA"
    # B plugs the stick in and syncs once: both folders are there, so that one sync can carry
    # changes both ways (DESIGN §1: a USB stick carried to a meeting may leave right after).
    sync_in "$B" || true
    sync_in "$S2" && sync_in "$A" || true
    check "relay: one sync of B brings the secretariat's post to A" "A lacks $PS" has_thread "$A" "$PS"
    check "relay: the same sync of B brings A's post to the secretariat" "the secretariat lacks $PA" has_thread "$S2" "$PA"
    sync_in "$B" && sync_in "$S2" || true
    check "relay: after B's next sync, the secretariat has A's post" "the secretariat lacks $PA" has_thread "$S2" "$PA"
    expect_id "relay: A replies to the secretariat's post" "$BIN" reply "$PS" --home "$A" --body "Japan will attend."
    local RA=$ID
    sync_in "$A" && sync_in "$S2" || true
    json_ok "relay: A's reply does not reach the secretariat on its own" \
        'all(.posts[]; .id != $ra)' --arg ra "$RA" -- "$BIN" show "$PS" --home "$S2" --json --keep-unread
    # Two syncs of B, so that this check does not depend on the one-sync check above.
    sync_in "$B" && sync_in "$B" && sync_in "$S2" || true
    json_ok "relay: after B synced, the secretariat has A's reply, under its post" \
        'any(.posts[]; .id == $ra and .parent == $ps and .depth == 1)' --arg ra "$RA" --arg ps "$PS" \
        -- "$BIN" show "$PS" --home "$S2" --json --keep-unread
    quiet_syncs "relay: syncs in the order A, B, secretariat until nothing moves" 5 "$A" "$B" "$S2"
    same_snapshots "relay: the secretariat, A and B show the same threads and posts" "$S2" "$A" "$B"
    snap_ok "relay: two threads, three posts" '(.threads | map(.posts) | add) == 3 and (.threads | length) == 2'
    RELAY_F1=$F1 RELAY_B=$B
}

# 3. Invites that must not work: one clear line on stderr, a non-zero exit, no profile made.
test_invite_errors() {
    expect_bad "join with an invite already redeemed is refused" 'already used' "$T/j-twice" \
        "$BIN" join "$T/invite-d1" --home "$T/j-twice" --name "Someone Else"
    check "the refused join made no profile" "$T/j-twice exists" test ! -e "$T/j-twice"

    expect_ok "invite with --expires 1" "$BIN" invite --home "$S" --name "Expired Guest" --org "Chile" --role expert \
        --expires 1 --out "$T/invite-short"
    local later=$(( $(date +%s) * 1000 + 2 * 86400000 ))
    expect_bad "join after the invite expired (INTERSESSION_NOW two days on) is refused" 'expired' "$T/j-expired" \
        env INTERSESSION_NOW="$later" "$BIN" join "$T/invite-short" --home "$T/j-expired" --name "Expired Guest"
    check "the expired join made no profile" "$T/j-expired exists" test ! -e "$T/j-expired"
    mkdir -p "$T/j-empty"
    expect_bad "join after expiry into an existing empty folder leaves it empty" 'expired' "$T/j-empty" \
        env INTERSESSION_NOW="$later" "$BIN" join "$T/invite-short" --home "$T/j-empty" --name "Expired Guest"

    expect_ok "invite someone else" "$BIN" invite --home "$S" --name "Ana Rojas" --org "Chile" --role observer \
        --out "$T/invite-other"
    expect_bad "join --folder pointing to a folder of another group is refused" 'group' "$T/j-other" \
        "$BIN" join "$T/invite-other" --home "$T/j-other" --name "Ana Rojas" --folder "$RELAY_F1"
    check "the join into another group's folder made no profile" "$T/j-other exists" test ! -e "$T/j-other"
    # A folder holding another group's GROUP file under this group's folder name.
    local short
    short=$(basename "$(ls -d "$F"/group-*)")
    mkdir -p "$T/impostor/$short"
    cp "$RELAY_F1"/group-*/GROUP "$T/impostor/$short/GROUP"
    expect_bad "join --folder where another group hides under this group's name is refused" 'another group|group' "$T/j-impostor" \
        "$BIN" join "$T/invite-other" --home "$T/j-impostor" --name "Ana Rojas" --folder "$T/impostor"
    check "that join made no profile" "$T/j-impostor exists" test ! -e "$T/j-impostor"

    head -c 400 /dev/urandom >"$T/garbage-invite"
    expect_bad "join with a garbage invite file is refused" 'invite' "$T/j-garbage" \
        "$BIN" join "$T/garbage-invite" --home "$T/j-garbage" --name "Ana Rojas"
    check "the garbage join made no profile" "$T/j-garbage exists" test ! -e "$T/j-garbage"
    jq -c '.group = ("0" * 64)' "$T/invite-other" >"$T/tampered-invite"
    expect_bad "join with a tampered invite (group changed) is refused" 'invite' "$T/j-tampered" \
        "$BIN" join "$T/tampered-invite" --home "$T/j-tampered" --name "Ana Rojas"
    check "the tampered join made no profile" "$T/j-tampered exists" test ! -e "$T/j-tampered"

    local files_before files_after
    files_before=$(find "$F" -type f | sort | md5sum)
    expect_bad "a delegate cannot invite (refused, nothing signed)" 'role|secretariat|allow' "$D1" \
        "$BIN" invite --home "$D1" --name "Friend" --org "Kenya" --role member --out "$T/invite-by-delegate"
    files_after=$(find "$F" -type f | sort | md5sum)
    check "the refused invite wrote no invite file" "$T/invite-by-delegate exists" test ! -e "$T/invite-by-delegate"
    check "the refused invite put nothing in the shared folder" "files changed in $F" test "$files_before" = "$files_after"
    quiet_syncs "after the invite errors, everyone syncs until nothing moves" 4 "$S" "$D1" "$D2"
}

# 4. Bad files in the shared folder: each reported once with its path and a reason, skipped,
#    and the store left as it was. These checks are about the plaintext segment format (its
#    checksum, trailer, signed lines and header), which the segment tool builds and damages, so
#    they run on an open group of their own (init --open); damaged sealed files are checked in
#    sealed.sh and hostile.sh.
open_group_for_bad_files() {
    mkdir -p "$F" "$OTHER_F"
    q "$BIN" init --home "$S" --name "Sara Haddad" --org "WCO Secretariat" --open
    q "$BIN" sync --home "$S" --folder "$F"
    q "$BIN" init --home "$T/bad-other-sec" --name "Marta Silva" --org "WCO Secretariat" --open
    q "$BIN" sync --home "$T/bad-other-sec" --folder "$OTHER_F"
    q "$BIN" invite --home "$S" --name "Daniel Otieno" --org "Kenya" --role member --out "$T/bad-d1.invite"
    q "$BIN" invite --home "$S" --name "Lucía Quispe" --org "Peru" --role private --out "$T/bad-d2.invite"
    q "$BIN" join "$T/bad-d1.invite" --home "$D1" --name "Daniel Otieno" --folder "$F"
    q "$BIN" join "$T/bad-d2.invite" --home "$D2" --name "Lucía Quispe" --folder "$F"
    syncall "$S" "$D1" "$D2"
    local i
    for i in 1 2 3; do
        q "$BIN" post flows --home "$D1" --title "Volumes $i" --body "Parcel volumes, part $i."
        q "$BIN" sync --home "$D1"
        q "$BIN" post revenue --home "$D2" --title "Thresholds $i" --body "De minimis, part $i."
        q "$BIN" sync --home "$D2"
    done
    quiet_syncs "bad files: the open group's three homes sync until nothing moves" 4 "$S" "$D1" "$D2"
}

test_bad_files() {
    local S="$T/bad-sec" D1="$T/bad-d1" D2="$T/bad-d2" F="$T/bad-shared" OTHER_F="$T/bad-other"
    local S_FEED D1_FEED D2_FEED
    open_group_for_bad_files
    S_FEED=$(feed_of "$S"); D1_FEED=$(feed_of "$D1"); D2_FEED=$(feed_of "$D2")
    local G FS FD1 FD2 n1 n2 ns W="$T/work"
    G=$(ls -d "$F"/group-*)
    FS="$G/feeds/$S_FEED" FD1="$G/feeds/$D1_FEED" FD2="$G/feeds/$D2_FEED"
    mkdir -p "$W"
    mapfile -t n1 < <(python3 "$SEG" free "$FD1" 4)
    mapfile -t n2 < <(python3 "$SEG" free "$FD2" 4)
    mapfile -t ns < <(python3 "$SEG" free "$FS" 1)
    # Every file is made aside and then moved in, so that the tool only ever reads real segments.
    local name
    for name in "${n1[@]}"; do python3 "$SEG" build "$FD1" "$name" "$W/d1-$name"; done
    local size
    size=$(wc -c <"$W/d1-${n1[0]}")
    head -c $((size / 2)) "$W/d1-${n1[0]}" >"$W/truncated" && mv "$W/truncated" "$W/d1-${n1[0]}"
    python3 "$SEG" flip "$W/d1-${n1[1]}"
    python3 "$SEG" badsig "$W/d1-${n1[2]}"
    head -c 3000 /dev/urandom >"$W/random-seg"
    python3 "$SEG" junk "$W/junk-trailer"
    cp "$(ls "$OTHER_F"/group-*/feeds/*/000000000001-000000000001.seg | head -n 1)" "$W/other-group"
    cp "$FD1/000000000001-000000000001.seg" "$W/wrong-feed"

    local TRUNC="$FD1/${n1[0]}" FLIP="$FD1/${n1[1]}" BADSIG="$FD1/${n1[2]}" GOOD="$FD1/${n1[3]}"
    local RANDOM_SEG="$FD2/${n2[0]}" JUNK="$FD2/${n2[1]}" OTHER="$FD2/${n2[2]}" WRONG="$FD2/${n2[3]}"
    local NOTES="$FD1/notes.txt" BIG="$FS/${ns[0]}"
    local SYNCTHING="$FS/000000000001-000000000001.sync-conflict-20261129-120000-ABCDEFG.seg"
    local DROPBOX="$FS/000000000001-000000000001 (conflicted copy).seg"
    local TMP1="$FS/.syncthing.x.tmp" TMP2="$FS/~\$x.seg" STRAY="$G/feeds/README.txt"
    local before_s before_d2
    before_s=$(store_facts "$S"); before_d2=$(store_facts "$D2")
    local state_s
    state_s=$(state_of "$S")

    for name in "${n1[@]}"; do mv "$W/d1-$name" "$FD1/$name"; done
    mv "$W/random-seg" "$RANDOM_SEG"; mv "$W/junk-trailer" "$JUNK"; mv "$W/other-group" "$OTHER"; mv "$W/wrong-feed" "$WRONG"
    head -c 200 /dev/urandom >"$NOTES"
    truncate -s $((64 * 1024 * 1024 + 1)) "$BIG"
    cp "$FS/000000000001-000000000001.seg" "$SYNCTHING"
    cp "$FS/000000000001-000000000001.seg" "$DROPBOX"
    echo "partial" >"$TMP1"; echo "lock" >"$TMP2"; echo "notes" >"$STRAY"

    sync_in "$S" || return 0
    local first="$T/bad-sync-1"
    cp "$OUT" "$first"
    # reported NAME PATH PATTERN: the first sync's output has "  skipped PATH: REASON" with
    # REASON matching PATTERN.
    reported() {
        local name=$1 path=$2 pattern=$3 line
        line=$(grep -F -- "  skipped $path: " "$first" | head -n 1 || true)
        CMD="sync --home sec (the first after the bad files arrived)"; cp "$first" "$OUT"
        if [ -z "$line" ]; then fail "$name" "no line '  skipped $path: ...'"
        elif ! grep -Eiq -- "$pattern" <<<"${line#*: }"; then fail "$name" "the reason does not match /$pattern/: ${line#*: }"
        else pass "$name"; fi
    }
    reported "a segment with one flipped byte is reported: checksum" "$FLIP" 'checksum'
    reported "a segment with a replaced signature (trailer recomputed) is reported: signature" "$BADSIG" 'signature|signed'
    reported "a segment of another group in this group's feed folder is reported" "$OTHER" 'another group|other group'
    reported "a segment of another feed in this feed's folder is reported" "$WRONG" 'feed'
    reported "random bytes with a valid trailer, named like a segment, are reported" "$JUNK" 'header|not a segment'
    reported "a file of 64 MiB + 1 byte named like a segment is reported: too large" "$BIG" 'limit|large'
    reported "a file with a random name is reported" "$NOTES" 'not a segment'
    # Conflict copies are read for fork evidence only; these hold the very change of their
    # name, so there is nothing to say (heal.sh has one holding another variant).
    check "conflict copies holding the same change are read silently" "one is named in the output" \
        bash -c '! grep -F -e "$2" -e "$3" "$1"' _ "$first" "$SYNCTHING" "$DROPBOX"
    reported "a stray file in feeds/ is reported" "$STRAY" 'not a feed'
    check "temporary files (.syncthing.x.tmp, ~\$x.seg) are ignored silently" "one is named in the output" \
        bash -c '! grep -F -e "$2" -e "$3" "$1"' _ "$first" ".syncthing.x.tmp" '~$x.seg'
    check "a valid segment under a new name (seqs ${n1[3]}) is read without complaint" "it is named in the output" \
        bash -c '! grep -F -- "$2" "$1"' _ "$first" "$GOOD"
    check "a truncated segment and random bytes named like one are incomplete, not rejected, for now" \
        "no '2 incomplete, will retry' in the summary, or one is reported" \
        bash -c 'grep -q "; 2 incomplete, will retry" "$1" && ! grep -F -e "$2" -e "$3" "$1"' _ "$first" "$TRUNC" "$RANDOM_SEG"
    check "the summary counts the 6 rejected segments" "no '; 6 rejected' in the summary" grep -q '; 6 rejected' "$first"
    check "the bad files change nothing in the store (changes, threads)" "before {$before_s} after {$(store_facts "$S")}" \
        test "$before_s" = "$(store_facts "$S")"
    check "the bad files change nothing in the store (its whole content)" "the store changed" test "$state_s" = "$(state_of "$S")"

    sync_in "$S" || return 0
    check "the second sync reports none of the bad files again" "it has '  skipped' lines" bash -c '! grep -q "  skipped" "$1"' _ "$OUT"
    check "the second sync still retries the two incomplete files" "no '2 incomplete'" grep -q '; 2 incomplete, will retry' "$OUT"
    check "the second sync changes nothing in the store" "the store changed" test "$before_s" = "$(store_facts "$S")"

    # A file without a trailer that has not changed for minutes is no copy in progress: it is
    # reported once, like any bad file.
    touch -d '10 minutes ago' "$TRUNC" "$RANDOM_SEG"
    sync_in "$S" || return 0
    first="$T/bad-sync-3"
    cp "$OUT" "$first"
    reported "a truncated segment left alone for 10 minutes is reported: no trailer" "$TRUNC" 'trailer|truncated'
    reported "random bytes named like a segment, left alone for 10 minutes, are reported" "$RANDOM_SEG" 'trailer|truncated|segment'
    check "nothing else is reported again" "other files reported" test "$(grep -c '  skipped' "$first")" -eq 2
    sync_in "$S" || return 0
    check "the next sync reports nothing, retries nothing" "output: $(head -c 300 "$OUT")" \
        bash -c '! grep -q -e "  skipped" -e incomplete "$1"' _ "$OUT"
    check "and the store is still unchanged" "the store changed" test "$before_s" = "$(store_facts "$S")"

    sync_in "$D2" || return 0
    check "another replica reports the bad files on its first sync (10 lines)" "$(grep -c '  skipped' "$OUT") lines" \
        test "$(grep -c '  skipped' "$OUT")" -eq 10
    sync_in "$D2" || return 0
    check "and not on its second" "it has '  skipped' lines" bash -c '! grep -q "  skipped" "$1"' _ "$OUT"
    check "its store is unchanged too" "before {$before_d2} after {$(store_facts "$D2")}" test "$before_d2" = "$(store_facts "$D2")"

    rm -f "$TRUNC" "$FLIP" "$BADSIG" "$RANDOM_SEG" "$JUNK" "$OTHER" "$WRONG" "$NOTES" "$BIG" "$SYNCTHING" "$DROPBOX" "$TMP1" "$TMP2" "$STRAY"
    quiet_syncs "with the bad files gone, everyone syncs until nothing moves" 4 "$S" "$D1" "$D2"
}

# 5. A fork: a copy of delegate 1's home (a second laptop, a restored image) signs a different
#    change under the same seq as the original.
test_fork() {
    local D1C="$T/d1-copy" FX="$T/laptop-stick" h
    mkdir -p "$FX"
    cp -a "$D1" "$D1C"
    expect_id "fork: the delegate posts" "$BIN" post general --home "$D1" --title "Original variant" --body "Signed by the original."
    local P_ORIG=$ID
    sync_in "$D1" || true
    # Before it signs, a command takes in the profile's own newer changes from its remembered
    # folders, so the copy would adopt the original's post rather than fork. To make a real
    # fork, the copy signs while $F is away (as if its drive were unmounted), and writes its
    # variant to a folder of its own, $FX: in $F the original already holds that seq's file
    # name, and a writer never overwrites another's file. The other replicas then meet both
    # variants by syncing with $F and $FX.
    mv "$F" "$F.away"
    expect_id "fork: the copy, with the shared folder away, posts something else" \
        "$BIN" post general --home "$D1C" --title "Copy variant" --body "Signed by the copy."
    local P_COPY=$ID
    run "$BIN" sync --home "$D1C" --folder "$FX"
    check "fork: the copy exports its feed to a folder of its own" "no 'exported' of a change" grep -Eq 'exported [1-9]' "$OUT"
    mv "$F.away" "$F"

    : >"$SYNCLOG"
    # The secretariat sees both variants; delegate 2 syncs with $F only.
    sync_in "$S" --folder "$FX" || true
    check "fork: the secretariat, who sees both variants, reports a fork" "no '  fork: feed ${D1_FEED:0:8}' line" \
        grep -q "  fork: feed ${D1_FEED:0:8} .*seq" "$OUT"
    sync_in "$D2" && sync_in "$D2" || true
    CMD="sync --home d2 (only $F), after the secretariat synced with both folders"
    # DESIGN §4: every replica that sees both variants freezes the feed. A replica that syncs
    # only with $F can learn of the fork only if a replica that saw both relays the evidence.
    same_snapshots "fork: a replica syncing only with F learns of the fork through a replica that saw both" "$S" "$D2"

    for h in "$D1" "$D2" "$D1C"; do sync_in "$h" --folder "$FX" || true; done
    quiet_syncs "fork: with both folders, everyone syncs until nothing moves" 5 "$S" "$D1" "$D2" "$D1C"
    CMD="grep '  fork:' in the output of every sync since the fork"; cp "$SYNCLOG" "$OUT"
    check "fork: the sync output of the replicas shows 'fork:' lines" "no fork line" grep -q '^  fork: ' "$SYNCLOG"
    local n
    for h in "$S" "$D1" "$D2" "$D1C"; do
        n=$(awk -v h="$(basename "$h")" '/^## /{cur = $2} /^  fork: / && cur == h {n++} END{print n + 0}' "$SYNCLOG")
        check "fork: $(basename "$h") reports the fork once, when it meets the second variant" "$n fork lines" test "$n" -eq 1
    done
    same_snapshots "fork: all four replicas show the same threads and posts" "$S" "$D1" "$D2" "$D1C"
    snap_ok "fork: neither variant counts (the feed is frozen from the fork point)" \
        '[.threads[].id] | index($a) == null and index($b) == null' --arg a "$P_ORIG" --arg b "$P_COPY"
    local h
    for h in "$S" "$D1" "$D2" "$D1C"; do
        json_ok "fork: members --json in $(basename "$h") shows delegate 1's feed frozen at the fork" \
            '(.[] | select(.feed == $f) | .frozenFrom) as $at | $at != null and $at >= 2' \
            --arg f "$D1_FEED" -- "$BIN" members --home "$h" --json
    done
    D1C_HOME=$D1C
}

# 6. A backup restored over a home: the next post continues the feed instead of forking it.
test_backup_restore() {
    local BACKUP="$T/d2-backup"
    cp -a "$D2" "$BACKUP"
    expect_id "backup: delegate 2 posts" "$BIN" post facilitation --home "$D2" --title "Single window" --body "Our single window is live."
    local B1=$ID
    expect_id "backup: delegate 2 posts again" "$BIN" post facilitation --home "$D2" --title "Trusted traders" --body "AEO for e-vendors?"
    local B2=$ID
    sync_in "$D2" || true
    rm -rf "$D2"
    cp -a "$BACKUP" "$D2"
    run "$BIN" post facilitation --home "$D2" --title "After the restore" --body "Posted from the restored backup." --json
    local B3
    B3=$(jq -r .id <"$OUT" 2>/dev/null || true)
    if [ "$RC" -eq 0 ] && [[ "$B3" =~ ^[0-9a-f]{32}$ ]]; then pass "backup: posting from the restored home works"
    else fail "backup: posting from the restored home works" "exit status $RC or no id"; fi
    check "backup: the post says it took in the 2 changes found in the folder" "stderr: $(head -c 200 "$ERR")" \
        grep -q 'took in 2' "$ERR"
    : >"$SYNCLOG"
    quiet_syncs "backup: everyone syncs until nothing moves" 5 "$D2" "$S" "$D1" "$D1C_HOME"
    CMD="grep '  fork:' in the output of every sync since the restore"; cp "$SYNCLOG" "$OUT"
    check "backup: no replica reports a fork" "a fork line" bash -c '! grep -q "fork:" "$1"' _ "$SYNCLOG"
    local h
    for h in "$S" "$D1" "$D2" "$D1C_HOME"; do
        check "backup: $(basename "$h") has all three posts" "missing one of $B1 $B2 $B3" has_thread "$h" "$B1" "$B2" "$B3"
    done
    json_ok "backup: delegate 2's feed is not frozen" '(.[] | select(.feed == $f) | .frozenFrom) == null' \
        --arg f "$D2_FEED" -- "$BIN" members --home "$S" --json
    same_snapshots "backup: all four replicas show the same threads and posts" "$S" "$D1" "$D2" "$D1C_HOME"
}

# 7. sync --watch picks up what another home writes.
test_watch() {
    "$BIN" sync --home "$S" --watch --interval 0.5 >"$T/watch.out" 2>"$T/watch.err" &
    WATCH_PID=$!
    expect_id "watch: delegate 2 posts" "$BIN" post meetings --home "$D2" --title "Side event" --body "A side event on platforms."
    local W=$ID start elapsed=-1
    sync_in "$D2" || true
    start=$(date +%s%N)
    while [ $(($(date +%s%N) - start)) -lt 10000000000 ]; do
        if has_thread "$S" "$W"; then elapsed=$((($(date +%s%N) - start) / 1000000)); break; fi
        sleep 0.2
    done
    CMD="$BIN sync --home sec --watch --interval 0.5 >watch.out (in the background)"; RC=-
    cp "$T/watch.out" "$OUT"; cp "$T/watch.err" "$ERR"
    check "watch: within 10 s the watcher's home shows the post (took ${elapsed} ms)" "not after 10 s" test "$elapsed" -ge 0
    # Its report goes to its standard output (here a file, as under nohup or a service) as it
    # happens, not when the watcher ends.
    for _ in $(seq 1 15); do grep -q 'imported 1 from 1 feed' "$T/watch.out" && break; sleep 0.2; done
    cp "$T/watch.out" "$OUT"; cp "$T/watch.err" "$ERR"
    check "watch: while it runs, the watcher's output (a file) shows the import" "no 'imported 1 from 1 feed' in it after 3 s" \
        grep -q 'imported 1 from 1 feed' "$T/watch.out"
    check "watch: the watcher is still running" "it exited" kill -0 "$WATCH_PID"
    kill "$WATCH_PID" 2>/dev/null || true
    wait "$WATCH_PID" 2>/dev/null || true
    WATCH_PID=
    cp "$T/watch.out" "$OUT"; cp "$T/watch.err" "$ERR"
    check "watch: the watcher printed nothing on stderr" "stderr not empty" test ! -s "$T/watch.err"
}

# 8. A sync with nothing new says so (and that a feed is still frozen) and changes nothing.
test_nothing_new() {
    quiet_syncs "quiet: everyone syncs until nothing moves" 4 "$S" "$D1" "$D2" "$D1C_HOME"
    local h before after
    for h in "$S" "$D1" "$D2" "$D1C_HOME" "$RELAY_B"; do
        before=$(store_facts "$h"; state_of "$h")
        run "$BIN" sync --home "$h"
        after=$(store_facts "$h"; state_of "$h")
        local why=()
        # Delegate 1's feed stays frozen since the fork: a replica that knows it says so at every
        # sync (exit 3, one more line), the secretariat is told whom to re-admit (one more), and
        # delegate 1's own copies are told the way back (two more); the relay that never saw the
        # fork says nothing.
        local want_rc=0 want_lines=1 me
        if [ "$("$BIN" members --json --home "$h" | jq '[.[] | select(.frozenFrom != null)] | length')" -gt 0 ]; then
            want_rc=3 want_lines=2
            grep -q '^  1 feed frozen (forked)' "$OUT" || why+=("no '1 feed frozen' line")
            me=$("$BIN" whoami --json --home "$h")
            if jq -e '.roles | index("secretariat")' <<<"$me" >/dev/null; then
                want_lines=$((want_lines + 1))
                grep -q '^  frozen: .* invite readmit' "$OUT" || why+=("no 'frozen: … invite readmit' line for the secretariat")
            fi
            if jq -e '.frozenFrom != null' <<<"$me" >/dev/null; then
                want_lines=$((want_lines + 2))
                grep -q '^  your feed is FROZEN' "$OUT" || why+=("no 'your feed is FROZEN' line for its owner")
            fi
        fi
        [ "$RC" -eq "$want_rc" ] || why+=("exit status $RC, want $want_rc")
        [ ! -s "$ERR" ] || why+=("output on stderr")
        [ "$(wc -l <"$OUT")" -eq "$want_lines" ] || why+=("$(wc -l <"$OUT") lines on stdout, want $want_lines")
        grep -Eq "$QUIET" "$OUT" || why+=("not 'exported 0 changes in 0 files; imported 0 from 0 feeds'")
        [ "$before" = "$after" ] || why+=("the store changed")
        if [ ${#why[@]} -eq 0 ]; then pass "quiet: a sync with nothing new in $(basename "$h") says so and changes nothing"
        else fail "quiet: a sync with nothing new in $(basename "$h") says so and changes nothing" "$(joined "${why[@]}")"; fi
    done
    # The same line in French, with French spacing (a narrow no-break space before : and ;).
    local nb=$'\xe2\x80\xaf'
    run "$BIN" sync --home "$RELAY_B" --lang fr
    check "quiet: under --lang fr the summary is French" "not the French summary" \
        test "$(cat "$OUT")" = "synchronisation$nb: export$nb: 0 modification dans 0 fichier$nb; import$nb: 0 de 0 flux$nb; 0 en attente$nb; 0 fichier refusé"
    run "$BIN" sync --home "$S" --lang fr
    check "quiet: under --lang fr a frozen feed is told in French" "no '1 flux gelé (bifurqué)' line" \
        grep -q "^  1 flux gelé (bifurqué), voir \`intersession members\`" "$OUT"
}

test_three_homes
test_relay
test_invite_errors
test_bad_files
test_fork
test_backup_restore
test_watch
test_nothing_new

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
