# Driving the interface in a detached tmux session for the tui*.sh scripts. `tmux_begin NAME`
# checks the tools, makes the scratch folder T and the tmux SOCKET (both removed at exit) and
# the counters `passed` and `failed`; the script's session is named "tui".
tmux_begin() {
    local name=$1 tool
    for tool in tmux jq; do
        command -v "$tool" >/dev/null 2>&1 || { echo "$name.sh: $tool is missing (apt-get install -y $tool)"; echo "0 passed, 1 failed"; exit 2; }
    done
    T=$(mktemp -d "${TMPDIR:-/tmp}/intersession-$name.XXXXXX")
    SOCKET="$T/tmux.sock"
    trap 'tmux -S "$SOCKET" kill-server 2>/dev/null; rm -rf "$T"' EXIT
    passed=0 failed=0
}
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
