#!/usr/bin/env bash
# End-to-end test of the interface watching its store, driven in tmux: the interface stays
# open on a topic's threads while another shell posts a thread with the command line; the new
# thread appears without a key being pressed. The same in French at 60x15, where the writer
# is a second profile's post that a `sync` imports.
set -uo pipefail
BIN=${INTERSESSION_BIN:-$(pwd)/.build/debug/intersession}
source "$(dirname "$0")/lib/tmux.bash"
tmux_begin tui-watch
open_tui() {
    tmux -S "$SOCKET" -f /dev/null new-session -d -s tui -x "$1" -y "$2" \
        "TERM=screen-256color INTERSESSION_HOME= $BIN demo --dir $3 --as delegate-jp --lang $4; sleep 30"
}
close_tui() { tmux -S "$SOCKET" kill-server 2>/dev/null; }

# The first topic's key, as the interface lists it first.
first_topic() { "$BIN" topics --json --home "$1" | jq -r '.[0].key // .[0].id'; }

# watch_session LANG WIDTH HEIGHT TOPICS WRITER TITLE: WRITER is the profile that posts; when it
# is not the one on screen, the one on screen syncs from another shell to import the post.
watch_session() {
    local lang=$1 width=$2 height=$3 topics=$4 writer=$5 title=$6
    local ws="$T/ws-$lang" topic
    "$BIN" demo --dir "$ws" >/dev/null || { bad "$lang: making the demo"; return; }
    topic=$(first_topic "$ws/delegate-jp")
    open_tui "$width" "$height" "$ws" "$lang"
    wait_for "$lang: the interface opens" "$topics" || return
    keys Enter
    sleep 1
    if screen | grep -qF -- "$title"; then bad "$lang: the thread is not there before it is posted"; fi
    if ! "$BIN" post "$topic" --home "$ws/$writer" --title "$title" --body "Posted from another shell." >/dev/null; then
        bad "$lang: $writer posts from the command line"; close_tui; return
    fi
    if [ "$writer" != delegate-jp ]; then
        "$BIN" sync --home "$ws/$writer" >/dev/null 2>&1
        "$BIN" sync --home "$ws/delegate-jp" >/dev/null 2>&1 || { bad "$lang: the sync that imports the post"; close_tui; return; }
    fi
    # No key is pressed from here on: the interface sees the store change by itself.
    wait_for "$lang: the new thread appears without a key" "$title"
    close_tui
}

watch_session en 80 24 Topics delegate-jp "Posted while the interface watched"
watch_session fr 60 15 "Thèmes" cochair-fr "Importé par une synchro"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
