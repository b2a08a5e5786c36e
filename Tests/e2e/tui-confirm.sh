#!/usr/bin/env bash
# End-to-end test of the interface's second look, driven in tmux: a co-chair presses C on a
# proposal, the interface asks; n cancels and the CLI shows the poll still open; C then y
# closes it and the CLI shows it closed. The same question in French, answered with o (oui).
set -uo pipefail
BIN=${INTERSESSION_BIN:-$(pwd)/.build/debug/intersession}
source "$(dirname "$0")/lib/tmux.bash"
tmux_begin tui-confirm
open_tui() {
    tmux -S "$SOCKET" -f /dev/null new-session -d -s tui -x "$1" -y "$2" \
        "TERM=screen-256color INTERSESSION_HOME= $BIN demo --dir $3 --as cochair-fr --lang $4; sleep 30"
}
close_tui() { tmux -S "$SOCKET" kill-server 2>/dev/null; }

# closed_state WS: "true" or "false", the proposal's closed flag as the CLI reads it.
closed_state() {
    local poll
    poll=$("$BIN" poll list --json --home "$1/cochair-fr" | jq -r '.[] | select(.kind == "proposal") | .id')
    "$BIN" poll show "$poll" --json --home "$1/cochair-fr" | jq -r '.summary.closed'
}

check_closed() {
    local name=$1 ws=$2 want=$3 got
    got=$(closed_state "$ws")
    if [ "$got" = "$want" ]; then ok "$name"; else bad "$name (closed: $got, wanted $want)"; fi
}

# confirm_session LANG WIDTH HEIGHT TOPICS QUESTION CANCELLED YES CLOSED
confirm_session() {
    local lang=$1 width=$2 height=$3 topics=$4 question=$5 cancelled=$6 yes=$7 closed=$8
    local ws="$T/ws-$lang"
    close_tui
    "$BIN" demo --dir "$ws" >/dev/null || { bad "$lang: making the demo"; return; }
    open_tui "$width" "$height" "$ws" "$lang"
    wait_for "$lang: the co-chair's interface opens" "$topics" || return
    keys V
    wait_for "$lang: V lists the decisions" "Adopt the agenda" || return
    keys j Enter
    wait_for "$lang: the proposal opens" "Adopt the agenda" || return
    keys C
    wait_for "$lang: C asks before closing" "$question" || return
    keys n
    wait_for "$lang: n cancels and says so" "$cancelled"
    close_tui
    check_closed "$lang: after the cancel, the CLI shows the poll still open" "$ws" false
    open_tui "$width" "$height" "$ws" "$lang"
    keys V
    wait_for "$lang: V lists the decisions again" "Adopt the agenda" || return
    keys j Enter C
    wait_for "$lang: C asks again" "$question" || return
    keys "$yes"
    wait_for "$lang: $yes closes the poll" "$closed"
    close_tui
    check_closed "$lang: the CLI shows the poll closed" "$ws" true
}

confirm_session en 80 24 Topics "Close the poll" "Cancelled: nothing was signed." y "proposal · closed"
confirm_session fr 60 15 "Thèmes" "Clore le scrutin" "Annulé" o "proposition · clos"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
