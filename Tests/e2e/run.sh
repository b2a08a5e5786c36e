#!/usr/bin/env bash
# Builds the intersession binary and runs every end-to-end script in this folder against it.
# Each script ends with "N passed, M failed"; this prints the sum the same way and fails if
# any script failed.
#
# The scripts run in E2E_LANES lanes at once (default 2, one a core here; 1 runs them one by
# one): each script has its own temporary folder, tmux socket and free ports, and each one's
# output is printed whole when it ends. The two that start servers (Syncthing, S3 and WebDAV)
# share a lane, so that they never pick ports at the same moment; the longest go first.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2

swift build --product intersession >/dev/null || { echo "e2e: the build failed"; echo "0 passed, 1 failed"; exit 1; }
export INTERSESSION_BIN="$PWD/.build/debug/intersession"
lanes=${E2E_LANES:-2}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# Roughly how long each script takes (seconds), for sharing them out; a new one counts 5.
declare -A weight=([syncthing.sh]=50 [remote.sh]=25 [sync.sh]=23 [commandline.sh]=18 [elections.sh]=13 [cli.sh]=12
    [meeting.sh]=12 [report.sh]=12 [sealed.sh]=12 [attachments.sh]=11 [tui.sh]=11 [tui-report.sh]=9 [polls.sh]=8)
lane_of=() lane_load=()
for ((lane = 0; lane < lanes; lane++)); do lane_of[lane]="" lane_load[lane]=0; done
scripts=()
for script in Tests/e2e/*.sh; do [ "$(basename "$script")" = run.sh ] || scripts+=("$script"); done
by_weight=$(for script in "${scripts[@]}"; do echo "${weight[$(basename "$script")]:-5} $script"; done | sort -k1,1nr -k2)
while read -r cost script; do
    lane=0
    case "$(basename "$script")" in
        syncthing.sh | remote.sh) ;;
        *) for ((other = 1; other < lanes; other++)); do
               [ "${lane_load[other]}" -lt "${lane_load[lane]}" ] && lane=$other
           done ;;
    esac
    lane_of[lane]+="$script "
    lane_load[lane]=$((lane_load[lane] + cost))
done <<<"$by_weight"

# run_lane N: runs lane N's scripts one after another; each leaves its output, its exit
# status and its time in $logs, then its name in $logs/done (the order they ended).
run_lane() {
    local script name started
    for script in ${lane_of[$1]}; do
        name=$(basename "$script")
        started=$SECONDS
        bash "$script" >"$logs/$name.out" 2>&1
        echo $? >"$logs/$name.rc"
        echo $((SECONDS - started)) >"$logs/$name.time"
        echo "$script" >>"$logs/done"
    done
}
for ((lane = 0; lane < lanes; lane++)); do run_lane "$lane" & done

passed=0 failed=0 status=0 reported=0
report() {
    local script=$1 name summary
    name=$(basename "$script")
    echo "== $script"
    cat "$logs/$name.out"
    [ "$(cat "$logs/$name.rc")" -eq 0 ] || status=1
    echo "== $script took $(cat "$logs/$name.time") s"
    if summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/$name.out" | tail -n 1) && [ -n "$summary" ]; then
        passed=$((passed + $(echo "$summary" | cut -d' ' -f1)))
        failed=$((failed + $(echo "$summary" | cut -d' ' -f3)))
    else
        failed=$((failed + 1))
    fi
}
while [ "$reported" -lt "${#scripts[@]}" ]; do
    if [ -f "$logs/done" ] && [ "$(wc -l <"$logs/done")" -gt "$reported" ]; then
        report "$(sed -n "$((reported + 1))p" "$logs/done")"
        reported=$((reported + 1))
    elif [ -z "$(jobs -r)" ] && { [ ! -f "$logs/done" ] || [ "$(wc -l <"$logs/done")" -le "$reported" ]; }; then
        echo "e2e: a lane stopped before its scripts ended"; failed=$((failed + 1)); break
    else
        sleep 0.5
    fi
done
wait
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && exit "$status" || exit 1
