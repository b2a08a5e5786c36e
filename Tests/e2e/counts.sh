#!/usr/bin/env bash
# End-to-end test of the counts a command reads from kept figures rather than by counting the
# log (issue 14), with the real binary: `whoami`'s count of changes is the number of rows in the
# log of each store, after imports, a copied home that forks its feed (frozen, both variants
# kept as evidence), a change from a removed member and a garbage file in the folder; `topics`'
# counts (kept per topic by the store, v14) are what its threads' counters sum to in `sqlite3`,
# after each of those and after read marks, a retraction, a thread moved and a repair; and the
# listings print every row they printed before, in the same order.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin counts

F="$T/shared" SEC="$T/sec" A="$T/alice" B="$T/bruno"
mkdir -p "$F"
q "$BIN" init --home "$SEC" --name "Ana Ribeiro" --org "WCO Secretariat"
q "$BIN" sync --home "$SEC" --folder "$F"
for who in alice bruno; do
    q "$BIN" invite --home "$SEC" --name "Member $who" --org "Org $who" --role member --out "$T/$who.invite"
done
q "$BIN" sync --home "$SEC"
q "$BIN" join "$T/alice.invite" --home "$A" --name "Alice" --folder "$F"
q "$BIN" join "$T/bruno.invite" --home "$B" --name "Bruno" --folder "$F"
syncall "$SEC" "$A" "$B" "$SEC" "$A" "$B"

# counts_match NAME HOME...: whoami's count is the log's, in each home.
counts_match() {
    local name=$1 home logged; shift
    for home in "$@"; do
        logged=$(sqlite3 "$home/store.sqlite" "SELECT count(*) FROM change")
        json_ok "$name: $(basename "$home") counts the $logged changes of its log" '.group.changes == $n' \
            --argjson n "$logged" -- "$BIN" whoami --json --home "$home"
    done
}

# topics_match NAME HOME...: `topics --json` counts, per topic, what the store's threads and
# read marks sum to, as sqlite3 sums them from every thread.
topics_match() {
    local name=$1 home summed; shift
    for home in "$@"; do
        summed=$(sqlite3 -json "$home/store.sqlite" "
            SELECT t.id, count(h.id) AS threads, coalesce(sum(h.post_count - h.retracted_count), 0) AS posts,
                   coalesce(sum(h.post_count - h.retracted_count - (SELECT count(*) FROM read_post r WHERE r.thread = h.id)), 0) AS unread
            FROM topic t LEFT JOIN thread h ON h.topic = t.id GROUP BY t.id ORDER BY t.ord, t.id")
        json_ok "$name: $(basename "$home")'s topics count what its threads hold" \
            '[.[] | {id, threads, posts, unread}] == $summed and ($summed | length) > 0' \
            --argjson summed "${summed:-[]}" -- "$BIN" topics --json --home "$home"
    done
}

for i in 1 2 3; do
    q "$BIN" post flows --home "$A" --title "Thread $i" --body "Body $i"
    q "$BIN" post risk --home "$B" --title "Question $i" --body "Why $i?"
done
counts_match "before any sync" "$SEC" "$A" "$B"
syncall "$A" "$B" "$SEC" "$A" "$B"
counts_match "after imports" "$SEC" "$A" "$B"
topics_match "after imports" "$SEC" "$A" "$B"

# Read marks, a retraction, a reply and a thread moved to another topic, each seen everywhere.
FIRST=$("$BIN" threads flows --json --home "$B" | jq -r '.[0].id')
q "$BIN" show "${FIRST:0:8}" --home "$B"
topics_match "after reading a thread" "$B"
REPLY=$("$BIN" reply "${FIRST:0:8}" --home "$B" --body "A reply to retract" | grep -oE '[0-9a-f]{8}' | head -1)
q "$BIN" reply "${FIRST:0:8}" --home "$A" --body "A reply that stays"
syncall "$A" "$B" "$SEC"
q "$BIN" show "${FIRST:0:8}" --home "$SEC"
expect_ok "Bruno retracts his reply" "$BIN" retract "$REPLY" --home "$B"
expect_ok "the secretariat moves a thread to another topic" "$BIN" mod move "${FIRST:0:8}" risk --home "$SEC"
syncall "$SEC" "$A" "$B" "$SEC" "$A" "$B"
topics_match "after a retraction and a move" "$SEC" "$A" "$B"

# A copied home signs the same seq twice: the feed freezes, both variants are kept.
cp -a "$A" "$T/alice-copy"
q "$BIN" post flows --home "$A" --title "From the original" --body "One"
q "$BIN" post flows --home "$T/alice-copy" --title "From the copy" --body "Two"
syncall "$A" "$T/alice-copy" "$SEC" "$B" "$A" "$T/alice-copy"
check "the fork was seen" "no frozen feed in the members list" \
    bash -c '"$1" members --json --home "$2" | jq -e "[.[] | select(.frozenFrom != null)] | length == 1" >/dev/null' _ "$BIN" "$SEC"
counts_match "after a fork" "$SEC" "$A" "$B" "$T/alice-copy"
topics_match "after a fork" "$SEC" "$A" "$B" "$T/alice-copy"

# The secretariat removes Bruno; his later post is kept as evidence, never applied.
BRUNO=$("$BIN" whoami --home "$B" --json | jq -r .feed)
expect_ok "the secretariat removes Bruno" "$BIN" member remove "${BRUNO:0:8}" --home "$SEC"
q "$BIN" post risk --home "$B" --title "After removal" --body "Late"
syncall "$SEC" "$B" "$A" "$SEC"
counts_match "after a removal" "$SEC" "$A"
topics_match "after a removal" "$SEC" "$A"

# A garbage file in the group folder is refused and counts nothing.
FEEDS=$(echo "$F"/group-*/feeds)
mkdir -p "$FEEDS/$(printf '%032d' 0)"
head -c 2000 /dev/urandom >"$FEEDS/$(printf '%032d' 0)/$(printf '%012d-%012d.seg' 1 5)"
syncall "$SEC" "$A"
counts_match "after a rejected file" "$SEC" "$A"
q "$BIN" repair --home "$SEC"
topics_match "after a rejected file and a repair" "$SEC" "$A"

# The listings print what they printed before: one row per thread, newest first.
expect_ok "threads lists every thread" "$BIN" threads --home "$SEC"
check "threads prints a row per thread" "rows differ from the store's threads" \
    test "$(wc -l <"$OUT")" -eq "$(sqlite3 "$SEC/store.sqlite" "SELECT count(*) FROM thread")"
json_ok "threads --json and the text agree on the order" '[.[].id[0:8]] == $ids' \
    --argjson ids "$(cut -c1-8 "$OUT" | jq -R . | jq -s .)" -- "$BIN" threads --json --home "$SEC"

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
