#!/usr/bin/env bash
# Builds the intersession binary and runs every end-to-end script in this folder against it.
# Each script ends with "N passed, M failed"; this prints the sum the same way and fails if
# any script failed.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2

swift build --product intersession >/dev/null || { echo "e2e: the build failed"; echo "0 passed, 1 failed"; exit 1; }
export INTERSESSION_BIN="$PWD/.build/debug/intersession"

passed=0 failed=0 status=0
for script in Tests/e2e/*.sh; do
    [ "$(basename "$script")" = run.sh ] && continue
    echo "== $script"
    log=$(mktemp)
    started=$SECONDS
    bash "$script" | tee "$log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
    echo "== $script took $((SECONDS - started)) s"
    if summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1) && [ -n "$summary" ]; then
        passed=$((passed + $(echo "$summary" | cut -d' ' -f1)))
        failed=$((failed + $(echo "$summary" | cut -d' ' -f3)))
    else
        failed=$((failed + 1))
    fi
    rm -f "$log"
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && exit "$status" || exit 1
