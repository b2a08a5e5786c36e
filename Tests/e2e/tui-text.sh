#!/usr/bin/env bash
# End-to-end test of text in the terminal interface, driven in tmux: a reply typed with ZWJ
# emoji, flags, a skin tone, combining marks and CJK shows whole on the screen and is stored
# byte for byte; a search at 80 columns shows the match in its snippet, highlighted, and in
# the thread it opens.
set -uo pipefail
BIN=${INTERSESSION_BIN:-$(pwd)/.build/debug/intersession}
source "$(dirname "$0")/lib/tmux.bash"
tmux_begin tui-text
export LC_ALL=C.UTF-8
# The screen with its attributes as escape sequences.
styled_screen() { tmux -S "$SOCKET" capture-pane -p -e -t tui 2>/dev/null; }
# open_tui WIDTH HEIGHT ARGS...: the demo in a detached tmux session of that size (UTF-8 on).
open_tui() {
    local width=$1 height=$2
    shift 2
    tmux -S "$SOCKET" -f /dev/null new-session -d -s tui -x "$width" -y "$height" \
        "TERM=screen-256color LC_ALL=C.UTF-8 INTERSESSION_HOME= $BIN demo $*; sleep 30"
}
close_tui() { tmux -S "$SOCKET" kill-server 2>/dev/null; }

# Woman technologist (ZWJ), the French and Japanese flags, a thumbs-up with a skin tone, an e
# with a combining acute, and CJK.
TEXT=$(printf 'Clusters: \360\237\221\251\342\200\215\360\237\222\273 \360\237\207\253\360\237\207\267 \360\237\207\257\360\237\207\265 \360\237\221\215\360\237\217\275 cafe\314\201 \346\274\242\345\255\227 end')
ZWJ_WOMAN=$(printf '\360\237\221\251\342\200\215\360\237\222\273')
FLAG_FR=$(printf '\360\237\207\253\360\237\207\267')
CJK=$(printf '\346\274\242\345\255\227')

text_session() {
    local ws="$T/ws-text"
    "$BIN" demo --dir "$ws" >/dev/null || { bad "text: making the demo"; return; }
    open_tui 100 30 --dir "$ws" --lang en
    wait_for "text: the demo opens" "Topics" || return
    keys Enter Enter r
    wait_for "text: the reply editor opens" "Text:" || return
    keys -l "$TEXT"
    wait_for "text: the editor shows the ZWJ sequence whole" "$ZWJ_WOMAN"
    wait_for "text: the editor shows the flag whole" "$FLAG_FR"
    # Backspace takes the last cluster whole: "end" then the space, then 字 (one key each).
    keys BSpace BSpace BSpace BSpace BSpace
    for _ in $(seq 1 50); do screen | grep -q "caf.* $(printf '\346\274\242')\$" && break; sleep 0.1; done
    if screen | grep -q "caf.* $(printf '\346\274\242')\$"; then ok "text: backspace takes whole clusters"; else bad "text: backspace takes whole clusters"; fi
    keys -l "$(printf '\345\255\227') end"
    keys C-s
    wait_for "text: the reply is sent" "Sent." || return
    # The reply is the thread's last post: select it, the reading pane shows it.
    keys Down Down Down Down
    wait_for "text: the thread shows the ZWJ sequence" "$ZWJ_WOMAN"
    wait_for "text: the thread shows the flag" "$FLAG_FR"
    wait_for "text: the thread shows the CJK" "$CJK end"
    keys q q q
    close_tui
    local thread body
    thread=$("$BIN" threads flows --json --home "$ws/delegate-jp" | jq -r '.[0].id')
    body=$("$BIN" show "$thread" --json --keep-unread --home "$ws/delegate-jp" | jq -r --arg body "$TEXT" '[.posts[] | select(.body == $body)] | length')
    if [ "$body" = 1 ]; then ok "text: show --json has the reply byte for byte"; else bad "text: show --json has the reply byte for byte"; fi
    local sent
    sent=$("$BIN" show "$thread" --json --keep-unread --home "$ws/delegate-jp" | jq -r '.posts[-1].body' | od -An -tx1 | tr -d ' \n')
    if [ "$sent" = "$(printf '%s\n' "$TEXT" | od -An -tx1 | tr -d ' \n')" ]; then
        ok "text: the stored bytes are the typed bytes"
    else
        bad "text: the stored bytes are the typed bytes ($sent)"
    fi
}

search_session() {
    local ws="$T/ws-search"
    "$BIN" demo --dir "$ws" >/dev/null || { bad "search: making the demo"; return; }
    open_tui 80 24 --dir "$ws" --lang en
    wait_for "search: the demo opens at 80 columns" "Topics" || return
    keys /
    wait_for "search: / opens the search" "Search:" || return
    # Deep in a long post, past what a fixed snippet and the thread title leave in sight.
    keys -l "presenter"
    keys Enter
    wait_for "search: the snippet shows the match at 80 columns" "présenter" || return
    local row
    row=$(styled_screen | grep -F "présenter" | head -n 1)
    if printf '%s' "$row" | grep -q $'\033\\[[0-9;]*4[0-9;]*m[^\033]*présenter'; then
        ok "search: the match is highlighted in the list"
    else
        bad "search: the match is highlighted in the list ($(printf '%s' "$row" | od -c | head -3))"
    fi
    keys Enter
    wait_for "search: the result opens its thread" "Dear colleagues" || return
    row=$(styled_screen | grep -F "présenter" | head -n 1)
    if printf '%s' "$row" | grep -q $'\033\\[[0-9;]*4[0-9;]*m[^\033]*présenter'; then
        ok "search: the match is highlighted in the opened post"
    else
        bad "search: the match is highlighted in the opened post"
    fi
    keys q q q
    close_tui
}

text_session
search_session
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
