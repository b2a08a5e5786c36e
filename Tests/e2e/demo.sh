#!/usr/bin/env bash
# End-to-end test of `intersession demo`: four peers in their own homes hold the same group.
set -uo pipefail
BIN=${INTERSESSION_BIN:-$(pwd)/.build/debug/intersession}
T=$(mktemp -d "${TMPDIR:-/tmp}/intersession-demo-e2e.XXXXXX")
trap 'rm -rf "$T"' EXIT
passed=0 failed=0
check() {
    local name=$1; shift
    if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); echo "ok    $name"
    else failed=$((failed + 1)); echo "FAIL  $name"; fi
}

check "demo makes the workspace" "$BIN" demo --dir "$T/ws"
check "demo run again reopens it" bash -c '"$1" demo --dir "$2" | grep -q "demo workspace in"' _ "$BIN" "$T/ws"
for home in secretariat cochair-fr cochair-psc delegate-jp; do
    check "$home has a profile" test -f "$T/ws/$home/identity.key"
done
shows() { for home in secretariat cochair-fr cochair-psc delegate-jp; do
    "$BIN" threads --json --home "$T/ws/$home" | jq -c '[.[] | {id, title, posts}]'; done | sort -u | wc -l; }
check "every peer lists the same threads" test "$(shows)" -eq 1
check "the group has four members with their roles" bash -c \
    '"$1" members --json --home "$2" | jq -e "length == 4 and ([.[].roles[]] | sort | unique) == [\"cochair\",\"member\",\"secretariat\"]"' \
    _ "$BIN" "$T/ws/delegate-jp"
check "French and English posts are there" bash -c \
    '"$1" search "perception" --json --home "$2" | jq -e "length > 0" && "$1" search "platforms" --json --home "$2" | jq -e "length > 0"' \
    _ "$BIN" "$T/ws/delegate-jp"
check "the co-chair from France sees topic titles in French" bash -c \
    '"$1" topics --home "$2" | grep -q "Gestion des risques"' _ "$BIN" "$T/ws/cochair-fr"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
