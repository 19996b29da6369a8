#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes shapes/validated.txt: the shipped polygon shapefiles (those annotations.xml loads as
# polygons), each by its CRC-64 and size, after checking every polygon of each (validated_list).
# kuril-atlas then skips that check for a listed file that is unchanged. Run it after any recipe
# that changes one of them; a test in tests/geo/shapefile_test.cpp fails while the list is stale.
#
#   cmake -S . -B build -DKURIL_BUILD_RECIPES=ON && cmake --build build --target validated_list
#   bash shapes/recipe/make-validated.sh
#
# VALIDATED_LIST=path/to/validated_list overrides the default build/shapes/recipe/validated_list.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shapes=$(cd "$here/.." && pwd)
root=$(cd "$shapes/.." && pwd)
tool=${VALIDATED_LIST:-$root/build/shapes/recipe/validated_list}
case "${1:-}" in
    -h|--help) sed -n '3,12p' "$0"; exit 0 ;;
    "") ;;
    *) echo "make-validated: unknown argument '$1'" >&2; exit 1 ;;
esac
[ -x "$tool" ] || { echo "make-validated: $tool not found (build the validated_list target with -DKURIL_BUILD_RECIPES=ON)" >&2; exit 1; }

# The polygon layers' files, in the annotations' order.
files=$(sed -n 's/.*<layer [^>]*kind="polygons"[^>]*path="shapes\/\([^"]*\)".*/\1/p' "$root/annotations.xml")
[ -n "$files" ] || { echo "make-validated: no polygon layers in $root/annotations.xml" >&2; exit 1; }
(cd "$shapes" && "$tool" $files) >"$shapes/validated.txt.new"
mv "$shapes/validated.txt.new" "$shapes/validated.txt"
echo "make-validated: wrote $shapes/validated.txt"
cat "$shapes/validated.txt"
