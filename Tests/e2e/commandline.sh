#!/usr/bin/env bash
# End-to-end test of the command line's conventions: options that every command takes stand
# before the command too, a word that names no command is an error with a suggestion (in the
# user's language), and the completions and the manual come from the parser itself.
set -Eeuo pipefail

# shellcheck source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
e2e_begin commandline

H="$T/ana"

expect_ok "--home stands before the command" "$BIN" --home "$H" init --name "Ana Ribeiro" --org "WCO Secretariat"
run "$BIN" whoami --home "$H"
check "the profile made with a leading --home is the one named" "whoami after init" grep -q "Ana Ribeiro" "$OUT"
expect_ok "--home=DIR before the command" "$BIN" --home="$H" whoami
expect_ok "--home before a nested command" "$BIN" --home "$H" poll list

# bad_word NAME PATTERN CMD...: an unknown command: non-zero, nothing on stdout, one line on
# stderr naming it, and the profile untouched.
bad_word() {
    local name=$1 pattern=$2; shift 2
    local before after
    before=$(state_of "$H")
    run "$@"
    after=$(state_of "$H")
    bad_verdict "$name" "$pattern" "$before" "$after"
}
bad_word "an unknown command with --help is an error, not the top-level help" "'anything' is not a command" \
    "$BIN" anything --help
bad_word "a typo gets the nearest command" "did you mean 'topics'" "$BIN" topcs --home "$H"
bad_word "a typo in a nested command gets the nearest of its commands" "intersession poll.*did you mean 'vote'" \
    "$BIN" poll votte --home "$H"
bad_word "with --lang fr the refusal is in French" "« topcs » n’est pas une commande.*Vouliez-vous dire « topics »" \
    "$BIN" --lang fr topcs
LANG=fr_FR.UTF-8 run "$BIN" topcs
check "a French LANG gives the French refusal" "LANG=fr_FR.UTF-8 without a profile" grep -q "n’est pas une commande" "$ERR"
expect_ok "help for a command still works" "$BIN" help poll
expect_ok "a thread's topic is an argument, not a command" "$BIN" threads flows --home "$H"

for shell in bash zsh fish; do
    run "$BIN" --generate-completion-script "$shell"
    check "completions for $shell come from the parser" "the script names the commands" \
        bash -c "[ $RC -eq 0 ] && grep -q 'poll' '$OUT' && grep -q 'draft' '$OUT' && grep -q 'amend' '$OUT'"
done

# The manual page in Resources/man is what swift-argument-parser's GenerateManual plugin makes
# from the parser now (the date line aside), so it cannot drift from the commands.
if [ -f Package.swift ] && command -v swift >/dev/null 2>&1; then
    # It builds the plugin and its tools first: in a clean clone, on a busy machine, over 30 s.
    RUN_TIMEOUT=600 run swift package generate-manual --configuration debug
    generated=.build/plugins/GenerateManual/outputs/intersession/intersession.1
    check "the manual page is generated from the parser" "swift package generate-manual failed" test "$RC" -eq 0 -a -f "$generated"
    check "Resources/man/intersession.1 is up to date (regenerate it: see the README)" "it differs from the generated page" \
        diff <(grep -v '^\.Dd' "$generated") <(grep -v '^\.Dd' Resources/man/intersession.1)
fi

FINISHED=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
