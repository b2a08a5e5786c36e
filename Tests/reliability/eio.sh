#!/usr/bin/env bash
# Faults of the device itself (issue 19): reads, writes and syncs that fail with EIO, as a dying
# disk or a dropped network share makes them, injected by a file layer (lib/eio.c, loaded with
# LD_PRELOAD into the dynamically linked debug binary) on the files under one path. Every write
# path meets it (the store: a post, a sync's import; the shared folder: a sync's export) and
# every read path (the store: a listing; the folder: a sync's import). Each fault gives one clear
# line in the user's language, exits non-zero and loses nothing; a file of the folder that could
# not be read is read again at the next sync, never taken for a bad file.
#
#   Tests/reliability/eio.sh        (INTERSESSION_BIN=PATH for another binary; needs cc)
set -Eeuo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=../e2e/lib/harness.bash
source Tests/e2e/lib/harness.bash
e2e_begin eio
if ! command -v cc >/dev/null || ! ldd "$BIN" >/dev/null 2>&1; then
    echo "eio: needs cc and a dynamically linked binary (the debug build); skipped"
    FINISHED=1
    echo "0 passed, 0 failed"
    exit 0
fi
cc -shared -fPIC -O2 -o "$T/eio.so" Tests/reliability/lib/eio.c -ldl
# faulty PATH OPS CMD...: CMD with reads, writes or syncs (OPS) of the files under PATH failing
# (a program, not a function, so that `run` can time it out).
printf '#!/bin/sh\npath=$1 ops=$2\nshift 2\nEIO_PATH=$path EIO_OPS=$ops LD_PRELOAD=%q exec "$@"\n' "$T/eio.so" >"$T/faulty"
chmod +x "$T/faulty"
# json_in FILTER: the last command printed JSON for which FILTER holds (jq -e alone passes on no output).
json_in() { [ -s "$OUT" ] && jq -e "$1" "$OUT"; }

F="$T/shared" SEC="$T/sec" A="$T/alice" O="$T/olga"
# shellcheck source=lib/group.bash
source Tests/reliability/lib/group.bash
fault_group
EIO='disk holding .* reported an input/output error; nothing is lost'
ES='disque qui contient .* a signalé une erreur d’entrée-sortie'

# 1. The store's disk fails writes, syncs or reads.
expect_bad "store write error: a post says so" "$EIO" "$A" "$T/faulty" "$A/store.sqlite" write "$BIN" post flows --home "$A" --title "Lost?" --body "x"
expect_bad "store write error: in French too" "$ES" "$A" \
    "$T/faulty" "$A/store.sqlite" write "$BIN" post flows --home "$A" --title "Lost?" --body "x" --lang fr
expect_bad "store sync error: a post whose commit cannot reach the disk says so" "$EIO" "$A" \
    "$T/faulty" "$A/store.sqlite" sync "$BIN" post flows --home "$A" --title "Lost?" --body "x"
expect_bad "store read error: a listing says so" "$EIO" "$A" "$T/faulty" "$A/store.sqlite" read "$BIN" threads --home "$A"
q "$BIN" post flows --home "$SEC" --title "For Alice to import" --body "x"
q "$BIN" sync --home "$SEC"
before=$(state_of "$A")
run "$T/faulty" "$A/store.sqlite" write "$BIN" sync --home "$A"
bad_verdict "store write error: a sync's import says so" "$EIO" "$before" "$(state_of "$A")"
run "$T/faulty" "$A/store.sqlite" write env EIO_AFTER=2 "$BIN" sync --home "$A"
bad_verdict "store write error in the middle of an import: said, and nothing half done" "$EIO" "$before" "$(state_of "$A")"
sqlite3 "$A/store.sqlite" 'PRAGMA integrity_check' >"$OUT" 2>"$ERR" || true
check "store errors: the store is sound" "integrity_check: $(cat "$OUT")" grep -qx ok "$OUT"
expect_ok "disk fixed: the sync imports" "$BIN" sync --home "$A"
json_ok "disk fixed: the thread is there" 'any(.[]; .title == "For Alice to import")' -- "$BIN" threads --json --home "$A"
expect_id "disk fixed: the post works" "$BIN" post flows --home "$A" --title "After the store errors" --body "fine"

# 2. The shared folder's disk fails writes: the export says so and leaves no file behind.
run "$T/faulty" "$F" write "$BIN" sync --home "$A"
bad_verdict "folder write error: the sync says so, naming the file" "$EIO.*|.*\.seg" same same
check "folder write error: no temporary left" "a .tmp file" bash -c '! find "$1" -name ".*.tmp-*" | grep -q .' _ "$F"
run "$T/faulty" "$F" sync "$BIN" sync --home "$A" --lang fr
bad_verdict "folder sync error: in French" "$ES" same same
expect_ok "folder fixed: the sync exports" "$BIN" sync --home "$A"

# 3. The shared folder's disk fails reads: reported, and read again once it reads.
run "$T/faulty" "$F" read "$BIN" sync --home "$O"
check "folder read error: the sync needs attention (exit 3)" "exit status $RC, want 3" test "$RC" -eq 3
check "folder read error: the file is named with the error" "stdout: $(head -c 300 "$OUT")" \
    grep -q 'cannot read .*\.seg: Input/output error; it is read again at the next sync' "$OUT"
run "$T/faulty" "$F" read "$BIN" sync --home "$O" --json
check "folder read error: --json counts it" "$(head -c 300 "$OUT")" json_in '.failedReads > 0 and .attention'
check "folder read error: no file is taken for bad" "rejected: $(jq -c .rejected "$OUT" 2>/dev/null)" json_in '.rejected == []'
expect_ok "folder readable again: the sync reads what it could not" "$BIN" sync --home "$O"
json_ok "folder readable again: Alice's post reached Olga" 'any(.[]; .title == "After the store errors")' -- "$BIN" threads --json --home "$O"

for h in "$SEC" "$A" "$O"; do
    expect_ok "$(basename "$h")'s store is sound after every fault" "$BIN" repair --check --home "$h"
done

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
