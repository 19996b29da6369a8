#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The manual page and the bash completion list every command and every option that the commands'
# --help lists, render without groff warnings, and complete as expected.
#   manual_test.sh KURIL_ATLAS
set -euo pipefail
bin=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
manual=$("$bin" --manual)
completion=$("$bin" --bash-completion)
warnings=$(printf '%s\n' "$manual" | LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l - 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "groff warnings: $warnings"
rendered=$(printf '%s\n' "$manual" | LC_ALL=C.UTF-8 MANWIDTH=200 man -l - 2>/dev/null)
for command in view info check export present; do
    grep -q "^   $command" <<< "$rendered" || fail "the manual has no section for '$command'"
    options=$("$bin" "$command" --help | grep -oE '^ +(-[a-z], )?--[a-z][a-z0-9-]*' | sed -E 's/.*(--[a-z0-9-]+)$/\1/')
    [ -n "$options" ] || fail "no options read from '$command --help'"
    for option in $options; do
        grep -qE -- "(^|[ ,])$option( |,|$)" <<< "$rendered" || fail "the manual lacks $command $option"
        grep -q -- "$option" <<< "$completion" || fail "the completion lacks $command $option"
    done
done
for hidden in --manual --bash-completion; do
    ! grep -q -- "$hidden" <<< "$rendered" || fail "the manual shows the hidden $hidden"
done
for key in "Esc" "Tab" "Home and End" "Right, Down, Page Down, Space"; do
    grep -q -- "$key" <<< "$rendered" || fail "the manual lacks the key '$key'"
done
bash -n <<< "$completion" || fail "the completion script is not valid bash"
complete_words() {
    bash -c "$completion"'
        COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _kuril_atlas; printf "%s\n" "${COMPREPLY[@]}"' _ "$@"
}
[ "$(complete_words kuril-atlas ex)" = "export" ] || fail "'ex' does not complete to export"
complete_words kuril-atlas export --for | grep -qx -- --format || fail "'export --for' lacks --format"
! complete_words kuril-atlas view --for | grep -q -- --format || fail "'view --for' offers export's --format"
echo "manual and completion list every option of every command"
