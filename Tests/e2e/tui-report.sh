#!/usr/bin/env bash
# End-to-end test of the report screen, driven in tmux: T opens the report to the committees
# on the last six months, its numbered paragraphs previewed; b addresses it to the PTC; a
# co-chair presses d, the interface asks, y makes it a draft that opens, and the CLI finds the
# draft holding the same text `intersession report --into-draft` would give it. A delegate
# sees the preview and is told why not; the same in French.
set -uo pipefail
BIN=${INTERSESSION_BIN:-$(pwd)/.build/debug/intersession}
source "$(dirname "$0")/lib/tmux.bash"
tmux_begin tui-report
open_tui() {
    tmux -S "$SOCKET" -f /dev/null new-session -d -s tui -x 100 -y 30 \
        "TERM=screen-256color INTERSESSION_HOME= $BIN demo --dir $1 --as $2 --lang $3; sleep 30"
}
close_tui() { tmux -S "$SOCKET" kill-server 2>/dev/null; }

# report_drafts WS PEER: the ids of the drafts with the report's symbol.
report_drafts() {
    "$BIN" draft list --json --home "$1/$2" | jq -r '.[] | select(.symbol | endswith("/REP")) | .id'
}

# cochair_session LANG TITLE FIRST PTC QUESTION OPENED YES
cochair_session() {
    local lang=$1 title=$2 first=$3 ptc=$4 question=$5 opened=$6 yes=$7
    local ws="$T/ws-$lang"
    close_tui
    "$BIN" demo --dir "$ws" >/dev/null || { bad "$lang: making the demo"; return; }
    open_tui "$ws" cochair-fr "$lang"
    sleep 1
    keys T
    wait_for "$lang: T opens the report screen" "$title" || return
    wait_for "$lang: the first numbered paragraph is previewed" "$first" || return
    keys b
    wait_for "$lang: b addresses it to the PTC" "$ptc" || return
    keys d
    wait_for "$lang: d asks before making the draft" "$question" || return
    [ -z "$(report_drafts "$ws" cochair-fr)" ] && ok "$lang: nothing signed before the yes" || bad "$lang: a draft before the yes"
    keys "$yes"
    wait_for "$lang: $yes makes the draft and opens it" "$opened" || return
    close_tui
    local id days
    id=$(report_drafts "$ws" cochair-fr)
    [ "$(echo "$id" | grep -c .)" = 1 ] && ok "$lang: the CLI lists one report draft" || { bad "$lang: report drafts: '$id'"; return; }
    "$BIN" draft show "$id" --json --home "$ws/cochair-fr" | jq -r '.text' >"$T/tui-$lang.txt"
    # The period the screen opened on, as its first paragraph says it.
    mapfile -t days < <(grep -o '20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "$T/tui-$lang.txt" | head -n 2)
    [ "${days[1]:-}" = "$(date -u +%Y-%m-%d)" ] && ok "$lang: the period ends today" || bad "$lang: the period: ${days[*]}"
    "$BIN" report --from "${days[0]}" --to "${days[1]}" --to-body PTC --in "$lang" --into-draft --home "$ws/cochair-fr" >/dev/null
    local cli
    cli=$(report_drafts "$ws" cochair-fr | grep -v "$id")
    "$BIN" draft show "$cli" --json --home "$ws/cochair-fr" | jq -r '.text' >"$T/cli-$lang.txt"
    grep -q "^## II\. " "$T/tui-$lang.txt" && ok "$lang: the draft holds the report's sections" || bad "$lang: no section in the draft"
    if cmp -s "$T/tui-$lang.txt" "$T/cli-$lang.txt"; then ok "$lang: the interface's draft holds what report --into-draft gives"
    else bad "$lang: the drafts differ"; diff "$T/tui-$lang.txt" "$T/cli-$lang.txt" | head -n 10; fi
}

# delegate_session LANG FIRST REFUSAL
delegate_session() {
    local lang=$1 first=$2 refusal=$3
    local ws="$T/ws-$lang"
    open_tui "$ws" delegate-jp "$lang"
    sleep 1
    keys T
    wait_for "$lang: a delegate sees the preview" "$first" || return
    keys d
    wait_for "$lang: and is told why not" "$refusal"
    close_tui
}

cochair_session en "Report to the committees" "1. This report covers the group's work from" \
    "Addressed to: Permanent Technical Committee." "Make the report from" "WGEC/$(date -u +%Y)/REP Report:" y
delegate_session en "1. This report covers the group's work from" "Only a co-chair or the secretariat"
cochair_session fr "Rapport aux comités" "1. Ce rapport couvre les travaux du groupe du" \
    "Comité technique permanent." "Faire du rapport du" "WGEC/$(date -u +%Y)/REP Rapport" o
delegate_session fr "1. Ce rapport couvre les travaux du groupe du" "Seuls un coprésident ou le secrétariat"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
