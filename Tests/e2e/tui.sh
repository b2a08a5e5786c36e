#!/usr/bin/env bash
# End-to-end test of the terminal interface, driven in tmux: open the demo, go to a thread,
# reply, resize the window mid-session, quit, and check the reply with `show --json`; then the
# same in French; then moderation, votes, and editing a draft.
set -uo pipefail
BIN=${INTERSESSION_BIN:-$(pwd)/.build/debug/intersession}
source "$(dirname "$0")/lib/tmux.bash"
tmux_begin tui
# French sets a narrow no-break space before : ; ? ! (fr.json).
NNBSP=$(printf '\342\200\257')

# open_tui ENV_AND_ARGS: runs `intersession demo` in a detached 100x30 tmux session, the words
# before "--" being environment settings and those after the demo's arguments.
open_tui() {
    local env=() args=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do env+=("$1"); shift; done
    shift
    args=("$@")
    tmux -S "$SOCKET" -f /dev/null new-session -d -s tui -x 100 -y 30 \
        "TERM=screen-256color ${env[*]} $BIN demo ${args[*]}; sleep 30"
}
close_tui() { tmux -S "$SOCKET" kill-server 2>/dev/null; }

run_session() {
    local lang=$1 topics=$2 threads=$3 reply=$4 sent=$5
    local ws="$T/ws-$lang"
    "$BIN" demo --dir "$ws" >/dev/null || { bad "$lang: making the demo"; return; }
    open_tui INTERSESSION_HOME= -- --dir "$ws" --lang $lang
    wait_for "$lang: the demo opens on the topics" "$topics" || return
    keys Enter
    wait_for "$lang: a topic opens its threads" "$threads"
    keys Enter
    wait_for "$lang: a thread opens with its posts" "Ana Ribeiro"
    keys r
    wait_for "$lang: r opens the reply editor" "$reply"
    tmux -S "$SOCKET" resize-window -t tui -x 60 -y 18
    wait_for "$lang: the editor survives a resize" "$reply"
    keys -l "Reply typed in tmux ($lang), é漢"
    keys C-s
    wait_for "$lang: the reply is sent" "$sent"
    tmux -S "$SOCKET" resize-window -t tui -x 120 -y 40
    wait_for "$lang: the thread shows the reply after another resize" "Reply type"
    keys q q q
    for _ in $(seq 1 50); do screen | grep -q "Topics\|Thèmes" || break; sleep 0.1; done
    close_tui
    local thread
    thread=$("$BIN" threads flows --json --home "$ws/delegate-jp" | jq -r '.[0].id')
    if "$BIN" show "$thread" --json --keep-unread --home "$ws/delegate-jp" \
        | jq -e --arg body "Reply typed in tmux ($lang), é漢" '[.posts[] | select(.body == $body)] | length == 1' >/dev/null; then
        ok "$lang: show --json has the reply"
    else
        bad "$lang: show --json has the reply"
    fi
}

# $EDITOR: a script stands for the editor; the text it writes comes back into the reply.
editor_session() {
    local ws="$T/ws-editor"
    "$BIN" demo --dir "$ws" >/dev/null || { bad "editor: making the demo"; return; }
    printf '#!/bin/sh\nprintf "Written in the editor.\\n" > "$1"\n' > "$T/editor.sh"
    chmod +x "$T/editor.sh"
    open_tui EDITOR=$T/editor.sh -- --dir "$ws" --lang en
    wait_for "editor: the demo opens" "Topics" || return
    keys Enter Enter r
    wait_for "editor: the reply editor opens" "Text:"
    keys C-e
    wait_for "editor: the text written in \$EDITOR comes back" "Written in the editor."
    keys C-s
    wait_for "editor: the reply is sent" "Sent."
    keys q q q
    close_tui
    local thread
    thread=$("$BIN" threads flows --json --home "$ws/delegate-jp" | jq -r '.[0].id')
    if "$BIN" show "$thread" --json --keep-unread --home "$ws/delegate-jp" \
        | jq -e '[.posts[] | select(.body == "Written in the editor.")] | length == 1' >/dev/null; then
        ok "editor: show --json has the reply written in \$EDITOR"
    else
        bad "editor: show --json has the reply written in \$EDITOR"
    fi
}

# Moderation: a co-chair hides a post in the interface; after sync the delegate sees the notice.
moderation_session() {
    local ws="$T/ws-mod"
    "$BIN" demo --dir "$ws" >/dev/null || { bad "moderation: making the demo"; return; }
    open_tui -- --dir "$ws" --as cochair-fr --lang en
    wait_for "moderation: the co-chair's interface opens" "Topics" || return
    keys Enter Enter m
    wait_for "moderation: m opens the moderation menu" "hide this post"
    keys h
    wait_for "moderation: hiding asks for the reason" "Reason"
    keys -l "Off topic for this thread"
    keys Enter
    wait_for "moderation: the post is hidden" "Done."
    keys q q q
    close_tui
    "$BIN" sync --home "$ws/cochair-fr" >/dev/null
    "$BIN" sync --home "$ws/delegate-jp" >/dev/null
    open_tui -- --dir "$ws" --as delegate-jp --lang en
    wait_for "moderation: the delegate's interface opens" "Topics" || return
    keys Enter Enter
    wait_for "moderation: the delegate sees the notice instead of the post" "Hidden by the co-chairs: Off topic for this thread"
    keys q q q
    close_tui
}

# Votes: the delegate votes on a proposal and in an election in the interface; the co-chair
# closes the proposal in theirs; after sync every replica shows the same results.
voting_session() {
    local ws="$T/ws-vote"
    "$BIN" demo --dir "$ws" >/dev/null || { bad "votes: making the demo"; return; }
    open_tui -- --dir "$ws" --as delegate-jp --lang en
    wait_for "votes: the delegate's interface opens" "Topics" || return
    keys V
    wait_for "votes: V lists the decisions" "Adopt the agenda of the next meeting"
    keys j Enter
    wait_for "votes: the proposal opens with its tally" "agree: 1"
    keys v
    wait_for "votes: v opens the vote dialog" "Your vote:"
    keys Enter
    wait_for "votes: the vote is recorded and counted" "agree: 2"
    keys h j Enter
    wait_for "votes: the election shows its candidate" "1. Kenji Watanabe (Japan Customs)"
    keys v
    wait_for "votes: the election asks for candidate numbers" "Candidate numbers"
    keys 1 Enter
    wait_for "votes: the ballot counts" "1 voted: Kenji Watanabe"
    keys q q q q
    close_tui
    "$BIN" sync --home "$ws/delegate-jp" >/dev/null
    "$BIN" sync --home "$ws/cochair-fr" >/dev/null
    open_tui -- --dir "$ws" --as cochair-fr --lang fr
    wait_for "votes: the co-chair's interface opens in French" "Thèmes" || return
    keys V j Enter
    wait_for "votes: the co-chair sees the delegate's vote" "pour$NNBSP: 2"
    keys C
    wait_for "votes: C asks before closing the proposal" "Clore le scrutin"
    keys o
    wait_for "votes: o (oui) closes the proposal" "proposition · clos"
    keys q q q q
    close_tui
    local home results=() poll
    for home in cochair-fr delegate-jp secretariat cochair-fr delegate-jp secretariat; do "$BIN" sync --home "$ws/$home" >/dev/null; done
    poll=$("$BIN" poll list --json --home "$ws/secretariat" | jq -r '.[] | select(.kind == "proposal") | .id')
    for home in secretariat cochair-fr delegate-jp; do
        results+=("$("$BIN" poll show "$poll" --json --home "$ws/$home" | jq -c '[.summary.closed, .result]')")
    done
    if [ "$(printf '%s\n' "${results[@]}" | sort -u | wc -l)" -eq 1 ] && printf '%s' "${results[0]}" | jq -e '.[0] and .[1].counts.agree == 2' >/dev/null; then
        ok "votes: every replica shows the proposal closed with two in favour"
    else
        bad "votes: every replica shows the proposal closed with two in favour (${results[*]})"
    fi
}

# Drafts: a penholder edits the demo draft through $EDITOR from the interface; the text is saved.
draft_session() {
    local ws="$T/ws-draft"
    "$BIN" demo --dir "$ws" >/dev/null || { bad "drafts: making the demo"; return; }
    printf '#!/bin/sh\nprintf "\\n\\nA paragraph added in the editor.\\n" >> "$1"\n' > "$T/draft-editor.sh"
    chmod +x "$T/draft-editor.sh"
    open_tui EDITOR=$T/draft-editor.sh -- --dir "$ws" --as cochair-fr --lang en
    wait_for "drafts: the penholder's interface opens" "Topics" || return
    keys D
    wait_for "drafts: D lists the drafts" "WGEC/2026/3 Rev.1"
    keys Enter
    wait_for "drafts: the draft shows numbered paragraphs" "2. Members should publish"
    keys e
    wait_for "drafts: e opens the draft's text to edit" "Editing"
    keys C-e
    wait_for "drafts: the text written in \$EDITOR comes back" "A paragraph added in the editor."
    keys C-s
    wait_for "drafts: the edit is saved" "Sent."
    keys q q q q
    close_tui
    local draft
    draft=$("$BIN" draft list --json --home "$ws/cochair-fr" | jq -r '.[0].id')
    if "$BIN" draft show "$draft" --json --home "$ws/cochair-fr" \
        | jq -e '.paragraphs[-1].text == "A paragraph added in the editor." and .paragraphs[-1].number == 5' >/dev/null; then
        ok "drafts: draft show --json has the new paragraph 5"
    else
        bad "drafts: draft show --json has the new paragraph 5"
    fi
}

run_session en "Topics" "Data on low-value cross-border shipments" "Text:" "Sent."
run_session fr "Thèmes" "Data on low-value cross-border shipments" "Texte$NNBSP:" "Envoyé."
editor_session
moderation_session
voting_session
draft_session
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
