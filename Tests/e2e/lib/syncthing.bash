# Real Syncthing daemons for the end-to-end scripts: N daemons on loopback sharing one folder,
# each with its own home (keys, config, database, log) and its own folder path under $T/st.
# No network beyond 127.0.0.1: global and local discovery, relays, NAT traversal, usage and
# crash reporting and upgrades are all off, and every device is dialled at a fixed address.
#
# A script sources harness.bash, calls e2e_begin, then:
#   st_start 3 intersession-e2e     three daemons, introduced to each other, sharing the folder
#   "${ST_FOLDER[1]}"                the second daemon's folder path
#   st_settle                        scans everywhere and waits until every daemon is in sync
#   st_pause 1; st_resume 1          the second daemon stops and resumes talking to the others
# st_start replaces the EXIT trap with one that stops every daemon before e2e_end runs.
# Needs syncthing (1.19 or later), curl, jq and python3.

ST_PIDS=() ST_GUI=() ST_LISTEN=() ST_ID=() ST_FOLDER=() ST_HOME=() ST_LOG=()
ST_FOLDER_ID= ST_KEY= ST_COUNT=0
ST_TIMEOUT=${ST_TIMEOUT:-60}

# st_missing: prints the first tool this library needs that is not installed.
st_missing() {
    local tool
    for tool in syncthing curl python3; do
        command -v "$tool" >/dev/null 2>&1 || { echo "$tool"; return 0; }
    done
    return 1
}

# st_free_ports COUNT: COUNT distinct TCP ports free on 127.0.0.1 right now, one a line.
st_free_ports() {
    python3 - "$1" <<'PYTHON'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    socks.append(s)
for s in socks:
    print(s.getsockname()[1])
PYTHON
}

# st_start COUNT FOLDER_ID: makes, configures and starts COUNT daemons, waits until each answers
# and until every pair of them is connected.
st_start() {
    local count=$1 i ports
    ST_COUNT=$count ST_FOLDER_ID=$2
    ST_KEY="e2e-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    mapfile -t ports < <(st_free_ports $((2 * count)))
    for ((i = 0; i < count; i++)); do
        ST_HOME[i]="$T/st/daemon-$i" ST_FOLDER[i]="$T/st/folder-$i" ST_LOG[i]="$T/st/daemon-$i.log"
        ST_GUI[i]=${ports[2 * i]} ST_LISTEN[i]=${ports[2 * i + 1]}
        mkdir -p "${ST_HOME[i]}" "${ST_FOLDER[i]}"
        ST_ID[i]=$(st_env syncthing generate --home="${ST_HOME[i]}" --no-default-folder --skip-port-probing 2>&1 \
            | sed -n 's/.*Device ID: *\([A-Z0-9-]*\).*/\1/p')
        [ -n "${ST_ID[i]}" ] || { echo "syncthing: no device id for daemon $i" >&2; return 1; }
    done
    for ((i = 0; i < count; i++)); do st_config "$i" >"${ST_HOME[i]}/config.xml"; done
    trap st_on_exit EXIT
    trap 'exit 130' INT TERM
    for ((i = 0; i < count; i++)); do
        # STMONITORED: one process, no monitor that restarts it, so its pid is the daemon's.
        HOME="$T/st/home" STNODEFAULTFOLDER=1 STNORESTART=1 STNOUPGRADE=1 STMONITORED=1 \
            syncthing serve --home="${ST_HOME[i]}" --no-browser --no-restart --no-upgrade \
            --no-default-folder >>"${ST_LOG[i]}" 2>&1 &
        ST_PIDS[i]=$!
    done
    st_wait "every daemon answers on its REST address" st_all_ping || return 1
    st_wait "every daemon is connected to every other" st_all_connected || return 1
}

# st_env CMD...: CMD with a HOME of its own under $T/st, so that syncthing touches nothing else.
st_env() {
    env HOME="$T/st/home" STNODEFAULTFOLDER=1 STNORESTART=1 STNOUPGRADE=1 "$@"
}

# st_config I: the whole config.xml of daemon I. Every value that matters here is written out,
# not left to the defaults (maxConflicts 0, for one, would turn conflict copies off).
st_config() {
    local i=$1 j
    echo '<configuration version="36">'
    printf '  <folder id="%s" label="%s" path="%s" type="sendreceive" rescanIntervalS="5" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">\n' \
        "$ST_FOLDER_ID" "$ST_FOLDER_ID" "${ST_FOLDER[i]}"
    echo '    <filesystemType>basic</filesystemType>'
    for ((j = 0; j < ST_COUNT; j++)); do printf '    <device id="%s" introducedBy=""></device>\n' "${ST_ID[j]}"; done
    echo '    <minDiskFree unit="%">0</minDiskFree>'
    echo '    <maxConflicts>10</maxConflicts>'
    echo '    <markerName>.stfolder</markerName>'
    echo '    <paused>false</paused>'
    echo '  </folder>'
    for ((j = 0; j < ST_COUNT; j++)); do
        printf '  <device id="%s" name="daemon-%s" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">\n' "${ST_ID[j]}" "$j"
        printf '    <address>tcp://127.0.0.1:%s</address>\n' "${ST_LISTEN[j]}"
        echo '    <paused>false</paused>'
        echo '    <autoAcceptFolders>false</autoAcceptFolders>'
        echo '  </device>'
    done
    echo '  <gui enabled="true" tls="false" debugging="false">'
    printf '    <address>127.0.0.1:%s</address>\n' "${ST_GUI[i]}"
    printf '    <apikey>%s</apikey>\n' "$ST_KEY"
    echo '  </gui>'
    echo '  <options>'
    printf '    <listenAddress>tcp://127.0.0.1:%s</listenAddress>\n' "${ST_LISTEN[i]}"
    echo '    <globalAnnounceServer></globalAnnounceServer>'
    echo '    <globalAnnounceEnabled>false</globalAnnounceEnabled>'
    echo '    <localAnnounceEnabled>false</localAnnounceEnabled>'
    echo '    <relaysEnabled>false</relaysEnabled>'
    echo '    <natEnabled>false</natEnabled>'
    echo '    <reconnectionIntervalS>1</reconnectionIntervalS>'
    echo '    <startBrowser>false</startBrowser>'
    echo '    <urAccepted>-1</urAccepted>'
    echo '    <urSeen>3</urSeen>'
    echo '    <crashReportingEnabled>false</crashReportingEnabled>'
    echo '    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>'
    echo '    <stunServer></stunServer>'
    echo '    <announceLANAddresses>false</announceLANAddresses>'
    echo '    <restartOnWakeup>false</restartOnWakeup>'
    echo '    <minHomeDiskFree unit="%">0</minHomeDiskFree>'
    echo '    <setLowPriority>false</setLowPriority>'
    echo '  </options>'
    echo '</configuration>'
}

# st_rest I METHOD PATH: one call to daemon I's REST API; prints the answer, fails on an HTTP error.
st_rest() {
    curl -fsS --max-time 20 -X "$2" -H "X-API-Key: $ST_KEY" "http://127.0.0.1:${ST_GUI[$1]}$3"
}

# st_wait WHAT PREDICATE...: waits up to $ST_TIMEOUT seconds for PREDICATE, which on failure
# prints why; on timeout says what it waited for, the last why, and every daemon's log tail.
st_wait() {
    local what=$1 deadline=$((SECONDS + ST_TIMEOUT)) why; shift
    until why=$("$@" 2>&1); do
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "syncthing: gave up after ${ST_TIMEOUT} s waiting until $what; last: ${why:-no answer}" >&2
            st_report >&2
            return 1
        fi
        sleep 0.3
    done
}

st_all_ping() {
    local i
    for ((i = 0; i < ST_COUNT; i++)); do
        kill -0 "${ST_PIDS[i]}" 2>/dev/null || { echo "daemon $i (pid ${ST_PIDS[i]}) is not running"; return 1; }
        st_rest "$i" GET /rest/system/ping | jq -e '.ping == "pong"' >/dev/null || { echo "daemon $i does not answer"; return 1; }
    done
}

st_all_connected() {
    local i j answer
    for ((i = 0; i < ST_COUNT; i++)); do
        answer=$(st_rest "$i" GET /rest/system/connections) || { echo "daemon $i does not answer"; return 1; }
        for ((j = 0; j < ST_COUNT; j++)); do
            [ "$i" -eq "$j" ] && continue
            jq -e --arg d "${ST_ID[j]}" '.connections[$d].connected == true' <<<"$answer" >/dev/null \
                || { echo "daemon $i is not connected to daemon $j"; return 1; }
        done
    done
}

# st_all_in_sync: every daemon's folder is idle and needs nothing, and every daemon counts every
# other as holding all of its files (completion 100, nothing needed).
st_all_in_sync() {
    local i j answer
    st_all_connected || return 1
    for ((i = 0; i < ST_COUNT; i++)); do
        answer=$(st_rest "$i" GET "/rest/db/status?folder=$ST_FOLDER_ID") || { echo "daemon $i does not answer"; return 1; }
        jq -e '.state == "idle" and .needTotalItems == 0 and .pullErrors == 0' <<<"$answer" >/dev/null \
            || { echo "daemon $i: $(jq -c '{state, needTotalItems, pullErrors}' <<<"$answer")"; return 1; }
        for ((j = 0; j < ST_COUNT; j++)); do
            [ "$i" -eq "$j" ] && continue
            answer=$(st_rest "$i" GET "/rest/db/completion?folder=$ST_FOLDER_ID&device=${ST_ID[j]}") \
                || { echo "daemon $i does not answer"; return 1; }
            jq -e '.completion == 100 and .needItems == 0 and .needDeletes == 0' <<<"$answer" >/dev/null \
                || { echo "daemon $i sees daemon $j at $(jq -c '{completion, needItems, needDeletes}' <<<"$answer")"; return 1; }
        done
    done
}

# st_sequences: every daemon's local sequence of the folder, on one line: it moves whenever a
# daemon scans or pulls a change.
st_sequences() {
    local i
    for ((i = 0; i < ST_COUNT; i++)); do
        st_rest "$i" GET "/rest/db/status?folder=$ST_FOLDER_ID" | jq -r .sequence || return 1
    done | paste -sd' '
}

# st_scan_all: every daemon rescans the folder now (the call returns once the scan is done), so
# what intersession has just written is announced without waiting for the watcher.
st_scan_all() {
    local i
    for ((i = 0; i < ST_COUNT; i++)); do st_rest "$i" POST "/rest/db/scan?folder=$ST_FOLDER_ID" >/dev/null || return 1; done
}

# st_settle: scans everywhere and waits until all daemons are in sync, then again until a scan
# finds nothing new (a conflict copy a daemon made while pulling is announced by its next scan).
st_settle() {
    local before after round
    for round in 1 2 3 4 5; do
        st_scan_all && st_wait "the folder is idle and in sync on every daemon" st_all_in_sync || return 1
        before=$(st_sequences) || return 1
        st_scan_all && st_wait "the folder is idle and in sync on every daemon" st_all_in_sync || return 1
        after=$(st_sequences) || return 1
        [ "$before" = "$after" ] && return 0
    done
    echo "syncthing: the daemons' sequences still move after 5 rounds ($after)" >&2
    st_report >&2
    return 1
}

# st_pause I... / st_resume I...: the daemons named stop talking to every other device (each
# keeps scanning its own folder), then talk again; st_resume waits until all are connected.
st_pause() {
    local i
    for i in "$@"; do st_rest "$i" POST /rest/system/pause >/dev/null || return 1; done
}
st_resume() {
    local i
    for i in "$@"; do st_rest "$i" POST /rest/system/resume >/dev/null || return 1; done
    st_wait "every daemon is connected again after daemons $* resumed" st_all_connected
}

# st_report: each daemon's state and the tail of its log, for a failure message.
st_report() {
    local i
    for ((i = 0; i < ST_COUNT; i++)); do
        echo "--- daemon $i (${ST_ID[i]:0:7}, pid ${ST_PIDS[i]:-?}, folder ${ST_FOLDER[i]})"
        st_rest "$i" GET "/rest/db/status?folder=$ST_FOLDER_ID" 2>&1 \
            | jq -c '{state, needTotalItems, pullErrors, sequence, localFiles, globalFiles}' 2>&1 | head -n 3
        tail -n 15 "${ST_LOG[i]}" 2>/dev/null
    done
}

# st_stop_all: stops every daemon this script started (by its pid), waiting for each to exit.
st_stop_all() {
    local pid
    for pid in "${ST_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${ST_PIDS[@]}"; do
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    ST_PIDS=()
}

st_on_exit() {
    local status=$?
    set +e
    trap '' INT TERM
    st_stop_all
    (exit "$status")
    e2e_end
}
