#!/usr/bin/env bash
# Fault injection with real faults (issue 19): a member's home and the shared folder each on a
# small tmpfs, filled to the last byte (disk full) or remounted read-only, while the commands
# write: the store (post, sync's import), segments (sync's export), attachment chunks and the
# attachment cache, the invite file, a document export, and a whole new profile (key, config,
# store). Each fault must give one line on stderr in the user's language that names the file
# and what to do, exit non-zero, and lose nothing: the profile as it was, and the same command
# works once the disk is fixed (its change reaching the other homes through the folder).
#
# Needs root and mount(8) (tmpfs): CI runs as root. Where mounting is refused it says so and
# skips. Faults of the device itself (EIO) are eio.sh's, through an injected file layer.
set -Eeuo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=../e2e/lib/harness.bash
source Tests/e2e/lib/harness.bash
e2e_begin faults
MOUNTS=()
unmount_all() { local m; for m in ${MOUNTS[@]+"${MOUNTS[@]}"}; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done; }
trap 'unmount_all; e2e_end' EXIT

# small_disk DIR MIB: a tmpfs of MIB MiB at DIR.
small_disk() {
    mkdir -p "$1"
    mount -t tmpfs -o "size=${2}m" tmpfs "$1" 2>/dev/null || return 1
    MOUNTS+=("$1")
}
if ! small_disk "$T/disk-home" 8 || ! small_disk "$T/disk-folder" 8; then
    echo "faults: cannot mount a tmpfs here (needs root and mount); skipped"
    FINISHED=1
    echo "0 passed, 0 failed"
    exit 0
fi
fill() { dd if=/dev/zero of="$1/filler" bs=16k >/dev/null 2>&1 || true; sync; }
unfill() { rm -f "$1/filler"; }
read_only() { mount -o remount,ro "$1"; }
writable() { mount -o remount,rw "$1"; }

F="$T/disk-folder/shared" SEC="$T/sec" A="$T/disk-home/alice" O="$T/observer"
# shellcheck source=lib/group.bash
source Tests/reliability/lib/group.bash
fault_group
THREAD=$("$BIN" post flows --home "$A" --title "Before the faults" --body "Everyone reads this" --json | jq -r .id)
syncall "$A" "$SEC" "$O"
FULL='disk holding .* is full; nothing is lost'
PLEIN='disque qui contient .* est plein'
RO='disk holding .* is read-only; nothing is lost'
LS='disque qui contient .* est en lecture seule'

# the observer holds a thread titled $1, posted by Alice
observer_reads() {
    q "$BIN" sync --home "$A"
    q "$BIN" sync --home "$SEC"
    q "$BIN" sync --home "$O"
    json_ok "$2" 'any(.[]; .title == $t)' --arg t "$1" -- "$BIN" threads --json --home "$O"
}

# 1. The home's disk is full: the store, the attachment cache, a new profile, an invite file.
fill "$T/disk-home"
expect_bad "full home: a post says the disk is full" "$FULL" "$A" "$BIN" post flows --home "$A" --title "Full" --body "x"
expect_bad "full home: in French too" "$PLEIN" "$A" "$BIN" post flows --home "$A" --title "Full" --body "x" --lang fr
q "$BIN" post flows --home "$SEC" --title "While Alice's disk is full" --body "to import"
q "$BIN" sync --home "$SEC"
expect_bad "full home: a sync (its import) says the disk is full" "$FULL" "$A" "$BIN" sync --home "$A"
head -c 300000 /dev/urandom >"$T/figures.bin"
expect_bad "full home: an attachment says the disk is full" "$FULL" "$A" \
    "$BIN" attachment add "$T/figures.bin" --to "${THREAD:0:8}" --home "$A"
expect_bad "full disk: a new profile says the disk is full" "$FULL" "$T/disk-home/new" \
    "$BIN" init --home "$T/disk-home/new" --name "New" --org "Org"
# The invite is signed before its file is written (the file holds the signed invite): when the
# file cannot be written, the invite is cancelled, so no one can ever join by a lost secret.
run "$BIN" invite --home "$SEC" --name "Carla" --org "Org C" --role member --out "$T/disk-home/carla.invite"
bad_verdict "full disk: an invite file says the disk is full" "$FULL" same same
check "full disk: no half invite file is left" "a file at the --out path" test ! -e "$T/disk-home/carla.invite"
json_ok "full disk: the invite whose file could not be written is cancelled" \
    '[.[] | select(.name == "Carla")] | length == 1 and all(.cancelled)' -- "$BIN" invite list --json --home "$SEC"
unfill "$T/disk-home"
expect_ok "freed: the post works" "$BIN" post flows --home "$A" --title "After the full disk" --body "fine"
expect_ok "freed: the sync works" "$BIN" sync --home "$A"
expect_id "freed: the attachment works" "$BIN" attachment add "$T/figures.bin" --to "${THREAD:0:8}" --home "$A"
expect_ok "freed: the new profile is made" "$BIN" init --home "$T/disk-home/new" --name "New" --org "Org"
expect_ok "freed: the invite file is written" \
    "$BIN" invite --home "$SEC" --name "Carla" --org "Org C" --role member --out "$T/disk-home/carla.invite"
observer_reads "After the full disk" "freed: the post reaches the others"

# 2. The shared folder's disk is full: segments and attachment chunks are not written.
fill "$T/disk-folder"
q "$BIN" post flows --home "$SEC" --title "For Alice to import" --body "x"
q "$BIN" sync --home "$SEC" || true
q "$BIN" post flows --home "$A" --title "Written while the folder is full" --body "kept in the store"
# The import may be done (a sync imports, then exports); the export is what the disk refuses.
run "$BIN" sync --home "$A"
bad_verdict "full folder: the sync says the folder's disk is full" "$FULL" same same
run "$BIN" sync --home "$A" --lang fr
bad_verdict "full folder: in French too" "$PLEIN" same same
check "full folder: no segment is left under a temporary name" "a .tmp file" \
    bash -c '! find "$1" -name ".*.tmp-*" | grep -q .' _ "$F"
unfill "$T/disk-folder"
expect_ok "freed folder: the sync works" "$BIN" sync --home "$A"
observer_reads "Written while the folder is full" "freed folder: the post written meanwhile reaches the others"

# 3. A document export onto a full disk.
q "$BIN" invite --home "$SEC" --name "Dora" --org "Org D" --role member --out "$T/dora.invite"
fill "$T/disk-home"
run "$BIN" report --from 2000-01-01 --to 2100-12-31 --home "$SEC" --out "$T/disk-home/report.md"
bad_verdict "full disk: a report export says the disk is full" "$FULL" same same
check "full disk: no half report is left" "a file at the --out path" test ! -s "$T/disk-home/report.md"
unfill "$T/disk-home"
run "$BIN" report --from 2000-01-01 --to 2100-12-31 --home "$SEC" --out "$T/disk-home/report.md"
check "freed: the report is written" "exit status $RC, or no report" test "$RC" -eq 0 -a -s "$T/disk-home/report.md"

# 4. The home is read-only.
read_only "$T/disk-home"
expect_bad "read-only home: a post says so" "$RO" "$A" "$BIN" post flows --home "$A" --title "Read-only" --body "x"
expect_bad "read-only home: in French too" "$LS" "$A" "$BIN" post flows --home "$A" --title "Read-only" --body "x" --lang fr
expect_bad "read-only home: a sync says so" "$RO" "$A" "$BIN" sync --home "$A"
writable "$T/disk-home"
expect_ok "writable again: the post works" "$BIN" post flows --home "$A" --title "After the read-only home" --body "fine"
observer_reads "After the read-only home" "writable again: the post reaches the others"

# 5. The shared folder is read-only.
q "$BIN" post flows --home "$A" --title "Written while the folder is read-only" --body "kept in the store"
read_only "$T/disk-folder"
run "$BIN" sync --home "$A"
bad_verdict "read-only folder: the sync says so" "$RO" same same
writable "$T/disk-folder"
expect_ok "writable folder: the sync works" "$BIN" sync --home "$A"
observer_reads "Written while the folder is read-only" "writable folder: the post reaches the others"

for h in "$SEC" "$A" "$O"; do
    expect_ok "$(basename "$h")'s store is sound after every fault" "$BIN" repair --check --home "$h"
done

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
