# SPDX-License-Identifier: GPL-3.0-or-later
# What xgettext reads and how (sourced by scripts/update-po and tests/i18n/check_catalogues.sh).
# tr(language, "msgid"), trc(language, "context", "msgid"), N_("msgid") and
# NC_("context", "msgid") mark the interface's words (i18n/include/i18n/translate.hpp).
KURIL_PO_FOLDERS=(i18n geo imageio map render export viewer app)
# Files whose every string literal is shown to people (the key tables), read whole so their
# tables stay plain; the help translates each row as it draws it.
KURIL_PO_WHOLE_FILES=(viewer/src/input_map.cpp)
KURIL_XGETTEXT_OPTIONS=(
    --language=C++ --from-code=UTF-8 --keyword= --keyword=tr:2 --keyword=trc:2c,3
    --keyword=N_ --keyword=NC_:1c,2 --add-comments=TRANSLATORS: --add-location=file
    --package-name=kuril-atlas --sort-by-file
)

# Writes the template of every marked string under $1 (the source root) to $2.
kuril_extract_messages() {
    local root="$1" out="$2" folder file
    local files=()
    for folder in "${KURIL_PO_FOLDERS[@]}"; do
        [ -d "$root/$folder" ] || continue
        while IFS= read -r file; do
            files+=("$file")
        done < <(cd "$root" && find "$folder" -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort)
    done
    (cd "$root" && xgettext "${KURIL_XGETTEXT_OPTIONS[@]}" -o "$out" "${files[@]}")
    local whole=()
    for file in "${KURIL_PO_WHOLE_FILES[@]}"; do
        [ -f "$root/$file" ] && whole+=("$file")
    done
    if [ "${#whole[@]}" -gt 0 ]; then
        (cd "$root" && xgettext "${KURIL_XGETTEXT_OPTIONS[@]}" --extract-all --join-existing \
            -o "$out" "${whole[@]}")
    fi
}
