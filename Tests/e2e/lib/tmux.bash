# Driving the interface in a detached tmux session for the tui*.sh scripts. The script sets
# SOCKET (its tmux socket) and the counters `passed` and `failed`; its session is named "tui".
ok() { passed=$((passed + 1)); echo "ok    $1"; }
bad() { failed=$((failed + 1)); echo "FAIL  $1"; echo "      screen:"; screen | sed 's/^/      | /'; }
screen() { tmux -S "$SOCKET" capture-pane -p -t tui 2>/dev/null; }
keys() { tmux -S "$SOCKET" send-keys -t tui "$@"; }
# wait_for NAME TEXT: passes once TEXT is on the screen, fails after 10 s.
wait_for() {
    local name=$1 text=$2
    for _ in $(seq 1 100); do
        if screen | grep -qF -- "$text"; then ok "$name"; return 0; fi
        sleep 0.1
    done
    bad "$name (waiting for '$text')"
    return 1
}
