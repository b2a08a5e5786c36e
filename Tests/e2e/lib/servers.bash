# Real servers on 127.0.0.1 for the remote transports' end-to-end tests (issue 20): moto_server
# (S3), rclone serve webdav, and a proxy failing one request in N. Each is started on a free
# port, waited for, and stopped by servers_stop. A script that sources this has set T.

SERVER_PIDS=()

# free_port: a port nobody listens on now.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# wait_port PORT: until something listens on PORT (10 s at most).
wait_port() {
    local i
    for i in $(seq 1 100); do
        python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# start_moto: moto_server on MOTO_PORT.
start_moto() {
    MOTO_PORT=$(free_port)
    (cd "$T" && exec moto_server -H 127.0.0.1 -p "$MOTO_PORT") >"$T/moto.log" 2>&1 &
    SERVER_PIDS+=($!)
    wait_port "$MOTO_PORT"
}

# start_webdav DIR USER PASSWORD: rclone's WebDAV server on DAV_PORT, serving DIR.
start_webdav() {
    DAV_PORT=$(free_port)
    mkdir -p "$1"
    rclone serve webdav "$1" --addr "127.0.0.1:$DAV_PORT" --user "$2" --pass "$3" >"$T/rclone.log" 2>&1 &
    SERVER_PIDS+=($!)
    wait_port "$DAV_PORT"
}

# start_flaky UPSTREAM_PORT EVERY: the failing proxy on FLAKY_PORT.
start_flaky() {
    python3 "$(dirname "${BASH_SOURCE[0]}")/flaky_proxy.py" "$T/flaky.port" "$1" "$2" >"$T/flaky.log" 2>&1 &
    FLAKY_PID=$!
    SERVER_PIDS+=($FLAKY_PID)
    local i
    for i in $(seq 1 100); do [ -s "$T/flaky.port" ] && break; sleep 0.1; done
    FLAKY_PORT=$(cat "$T/flaky.port")
}

servers_stop() {
    local pid
    for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    SERVER_PIDS=()
}
