#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (-sanitize=fuzzer,address, in .build-fuzz) and runs
# each for SECONDS, on seeds made from real files and the target's dictionary:
#
#   Scripts/fuzz.sh SECONDS [TARGET...]      e.g. Scripts/fuzz.sh 8, Scripts/fuzz.sh 600 FuzzSegment
#
# The real files (segments plain and sealed, key files, invites, config files) come from a
# workspace that the real binary makes (INTERSESSION_BIN, else .build/debug/intersession,
# built if missing); each target turns them into its seeds with the real encoders. The
# corpus a run grows is kept in .build-fuzz/corpus for the next run. Prints each target's
# executions and coverage (libFuzzer's cov and ft); a crash or a broken property fails the
# script and leaves its input in .build-fuzz/crashes/TARGET/ (make it a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds="${1:?usage: Scripts/fuzz.sh SECONDS [TARGET...]}"
shift
all_targets=(FuzzJSON FuzzChange FuzzOp FuzzSegment FuzzSealed FuzzKeyFile FuzzInvite FuzzConfig FuzzInput)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi
work="$root/.build-fuzz"
# Short allocation stacks while fuzzing (collecting them was a fifth of the time); rerun a
# crash's input alone with ASAN_OPTIONS= for the full stacks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=4}"
declare -A dictionary=([FuzzJSON]=json [FuzzChange]=change [FuzzOp]=op [FuzzSegment]=segment [FuzzSealed]=sealed
    [FuzzKeyFile]=keyfile [FuzzInvite]=invite [FuzzConfig]=config [FuzzInput]=input)

build_targets() {
    local start=$SECONDS
    # A debug build: the targets reach the decoders' internal entry points (@testable import).
    (cd Fuzz && swift build --build-path "$work" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
    echo "fuzz: targets built in $((SECONDS - start)) s"
}

# A workspace made with the real binary: an open and a sealed group, each with a member who
# joined by invite, posts and a poll, and a member removed (a key rotation, in the sealed one).
real_files() {
    local real="$work/real"
    [ -d "$real/segments" ] && return 0
    local bin="${INTERSESSION_BIN:-$root/.build/debug/intersession}"
    [ -x "$bin" ] || swift build --product intersession
    local tmp
    tmp=$(mktemp -d)
    for kind in open sealed; do
        local option=() f="$tmp/$kind-folder"
        [ "$kind" = open ] && option=(--open)
        mkdir -p "$f"
        "$bin" init --home "$tmp/$kind-sec" --name "Ana Ribeiro" --org "Secrétariat « WGEC »" --group "Groupe $kind" "${option[@]}" >/dev/null
        "$bin" sync --home "$tmp/$kind-sec" --folder "$f" >/dev/null
        for who in kenji lucia; do
            "$bin" invite --home "$tmp/$kind-sec" --name "$who" --org "Customs of $who" --role member --out "$tmp/$kind-$who.invite" >/dev/null
            "$bin" join "$tmp/$kind-$who.invite" --home "$tmp/$kind-$who" --name "$who" --folder "$f" >/dev/null
        done
        for home in sec kenji lucia sec; do "$bin" sync --home "$tmp/$kind-$home" >/dev/null; done
        "$bin" post flows --home "$tmp/$kind-sec" --title "Données sur les envois" --body $'Which figures?\n🇯🇵 — « é »' >/dev/null
        "$bin" poll new --home "$tmp/$kind-sec" --kind single --title "Venue" --option Geneva --option Online >/dev/null
        "$bin" sync --home "$tmp/$kind-sec" >/dev/null
        "$bin" sync --home "$tmp/$kind-kenji" >/dev/null
        local lucia
        lucia=$("$bin" member list --home "$tmp/$kind-sec" --json | jq -r '.[] | select(.name == "lucia") | .feed')
        "$bin" member remove "${lucia:0:8}" --home "$tmp/$kind-sec" >/dev/null
        "$bin" sync --home "$tmp/$kind-sec" >/dev/null
    done
    mkdir -p "$real"/{segments,sealed,keys,invites,configs}
    local n=0 file
    while IFS= read -r file; do n=$((n + 1)); cp "$file" "$real/segments/$n"; done < <(find "$tmp/open-folder" -type f \( -name '*.seg' -o -name GROUP \))
    while IFS= read -r file; do n=$((n + 1)); cp "$file" "$real/sealed/$n"; done < <(find "$tmp/sealed-folder" -type f \( -name '*.seg' -o -name GROUP \))
    while IFS= read -r file; do n=$((n + 1)); cp "$file" "$real/keys/$n"; done < <(find "$tmp/sealed-folder" -type f -name '*.key')
    while IFS= read -r file; do n=$((n + 1)); cp "$file" "$real/invites/$n"; done < <(find "$tmp" -maxdepth 1 -name '*.invite')
    while IFS= read -r file; do n=$((n + 1)); cp "$file" "$real/configs/$n"; done < <(find "$tmp" -mindepth 2 -maxdepth 2 -name config)
    rm -rf "$tmp"
    echo "fuzz: real files: $(ls "$real/segments" | wc -l) segments, $(ls "$real/sealed" | wc -l) sealed, $(ls "$real/keys" | wc -l) key files, $(ls "$real/invites" | wc -l) invites, $(ls "$real/configs" | wc -l) configs"
}

# One target: its seeds (made once), then SECONDS of fuzzing; prints its figures.
run_target() {
    local target=$1 bin="$work/debug/$1" seeds="$work/seeds/$1" corpus="$work/corpus/$1" crashes="$work/crashes/$1"
    local log="$work/logs/$1.log"
    mkdir -p "$corpus" "$crashes" "$work/logs"
    [ -d "$seeds" ] || INTERSESSION_FUZZ_SEEDS="$work/real:$seeds" "$bin" >/dev/null
    local status=0
    "$bin" "$corpus" "$seeds" -dict="$root/Fuzz/Dictionaries/${dictionary[$target]}.dict" -max_total_time="$seconds" \
        -timeout=10 -max_len=65536 -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1 || status=$?
    local done_line runs
    done_line=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1 || true)
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
    printf 'fuzz: %-12s %8s s  execs %10s  %s\n' "$target" "$seconds" "${runs:-?}" \
        "$(sed -E 's/^#[0-9]+[[:space:]]+[A-Z]+[[:space:]]+//; s/[[:space:]]+lim:.*//; s/[[:space:]]+exec\/s:.*//' <<<"$done_line")"
    if [ "$status" -ne 0 ]; then
        echo "fuzz: $target FAILED (exit $status); its input is in $crashes; the log: $log" >&2
        grep -E 'ERROR|violated|Fatal error|SUMMARY' "$log" | head -5 >&2 || true
        return 1
    fi
}

build_targets
real_files
failed=0
for target in "${targets[@]}"; do
    run_target "$target" || failed=1
done
exit $failed
