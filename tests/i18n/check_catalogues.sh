#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails unless every string the sources under $1 mark for translation has a translation that is
# neither missing nor fuzzy in each $2/<language>.po, the .po files pass msgfmt --check, and each
# translation keeps its msgid's {placeholders}. Usage: check_catalogues.sh ROOT PO_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/po-lib.sh"
root="$1"
po_dir="$2"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
kuril_extract_messages "$root" "$scratch/current.pot"
status=0
for po in "$po_dir"/*.po; do
    language="$(basename "$po" .po)"
    if ! msgfmt --check -o /dev/null "$po" 2>"$scratch/msgfmt"; then
        echo "po/$language.po: msgfmt --check failed:" >&2
        cat "$scratch/msgfmt" >&2
        status=1
    fi
    # The .po merged with what the sources mark now: what lacks a translation is untranslated.
    msgmerge --quiet --no-fuzzy-matching -o "$scratch/merged.po" "$po" "$scratch/current.pot"
    msgattrib --untranslated --no-obsolete --no-wrap "$scratch/merged.po" |
        grep '^msgid "..*"$' >"$scratch/untranslated" || true
    if [ -s "$scratch/untranslated" ]; then
        echo "po/$language.po lacks translations (run scripts/update-po, then translate):" >&2
        sed 's/^/  /' "$scratch/untranslated" >&2
        status=1
    fi
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | grep '^msgid "..*"$' \
        >"$scratch/fuzzy" || true
    if [ -s "$scratch/fuzzy" ]; then
        echo "po/$language.po has fuzzy translations (check them, then remove the fuzzy mark):" >&2
        sed 's/^/  /' "$scratch/fuzzy" >&2
        status=1
    fi
    # Every {name} of a msgid in its translation, and no other.
    msgexec -i "$po" sh -c '
        [ -z "$MSGEXEC_MSGID" ] && exit 0
        want="$(printf "%s" "$MSGEXEC_MSGID" | grep -o "{[a-z_]*}" | sort | tr "\n" " ")"
        got="$(cat | grep -o "{[a-z_]*}" | sort | tr "\n" " ")"
        [ "$want" = "$got" ] || printf "  %s: placeholders %sin the msgid, %sin the translation\n" \
            "$MSGEXEC_MSGID" "$want" "$got"' >"$scratch/placeholders"
    if [ -s "$scratch/placeholders" ]; then
        echo "po/$language.po changes placeholders:" >&2
        cat "$scratch/placeholders" >&2
        status=1
    fi
done
[ "$status" -eq 0 ] && echo "every marked string has its ja and ru translations"
exit "$status"
