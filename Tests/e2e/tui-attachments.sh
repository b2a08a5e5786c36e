#!/usr/bin/env bash
# End-to-end test of attachments in the interface, driven in tmux: Japan's delegate opens its
# practice, presses F for its attachments, w to save the one attached by the command line,
# types a path and gets the file byte for byte (SHA-256); saving again over it asks first;
# then attaches a second file by its path (a), which the command line then lists.
set -uo pipefail
BIN=${INTERSESSION_BIN:-$(pwd)/.build/debug/intersession}
source "$(dirname "$0")/lib/tmux.bash"
tmux_begin tui-attachments
WS="$T/ws" JP="$T/ws/delegate-jp"
"$BIN" demo --dir "$WS" >/dev/null || { bad "making the demo"; echo "$passed passed, $failed failed"; exit 1; }
PRACTICE=$("$BIN" practice list --json --home "$JP" | jq -r '.[] | select((.title.en // "") | startswith("Pre-arrival data")) | .id')
head -c $((5 << 20)) /dev/urandom >"$T/annex.pdf"
"$BIN" attachment add "$T/annex.pdf" --to "${PRACTICE:0:8}" --home "$JP" >/dev/null || bad "attaching from the command line"
printf 'Lessons learned.\n' >"$T/lessons.md"

tmux -S "$SOCKET" -f /dev/null new-session -d -s tui -x 100 -y 30 \
    "TERM=screen-256color INTERSESSION_HOME= HOME=$T $BIN demo --dir $WS --as delegate-jp --lang en; sleep 30"
# clear_prompt: as many backspaces as a default path can hold.
clear_prompt() { for _ in $(seq 1 20); do keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace; done; }

wait_for "the interface opens" "Topics" || { echo "$passed passed, $failed failed"; exit 1; }
keys B
wait_for "B opens the library" "Pre-arrival data" || { echo "$passed passed, $failed failed"; exit 1; }
keys j Enter
wait_for "the practice opens" "Pre-arrival data" || { echo "$passed passed, $failed failed"; exit 1; }
keys F
wait_for "F lists its attachments" "annex.pdf" || { echo "$passed passed, $failed failed"; exit 1; }
keys w
wait_for "w asks where to save, in the working directory by default" "Save to: " || { echo "$passed passed, $failed failed"; exit 1; }
if screen | grep -qF "annex.pdf" && screen | grep -F "Save to: " | grep -qF "/annex.pdf"; then ok "the default path ends in the file's name"; else bad "the default path ends in the file's name"; fi
clear_prompt
keys -l "$T/saved.pdf"
keys Enter
wait_for "Enter saves it, checked" "SHA-256 checked" || true
if [ -f "$T/saved.pdf" ] && [ "$(sha256sum <"$T/saved.pdf")" = "$(sha256sum <"$T/annex.pdf")" ]; then
    ok "the saved file is byte for byte the attachment (SHA-256)"
else
    bad "the saved file is byte for byte the attachment (SHA-256)"
fi
printf 'mine' >"$T/saved.pdf"
keys w
wait_for "w asks again" "Save to: " || true
clear_prompt
keys -l "$T/saved.pdf"
keys Enter
wait_for "saving over a file asks first" "saved.pdf exists." || true
keys n
wait_for "n leaves the file alone" "Cancelled" || true
if [ "$(cat "$T/saved.pdf")" = "mine" ]; then ok "the file is as it was"; else bad "the file is as it was"; fi
keys a
wait_for "a asks for a file to attach" "File to attach:" || true
keys -l "$T/lessons.md"
keys Enter
wait_for "the file is attached" "lessons.md" || true
tmux -S "$SOCKET" kill-server 2>/dev/null
if "$BIN" attachment list --to "${PRACTICE:0:8}" --json --home "$JP" | jq -e 'map(.name) | index("lessons.md") != null' >/dev/null; then
    ok "the command line lists the file attached from the interface"
else
    bad "the command line lists the file attached from the interface"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
