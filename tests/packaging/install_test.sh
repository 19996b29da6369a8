#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `cmake --install` into a scratch prefix; the installed binary runs from / and finds its data in
# the prefix; the desktop entry and the AppStream metainfo validate.
#   install_test.sh BUILD_DIR SCRATCH_DIR VERSION
set -euo pipefail
build=$1 prefix=$2/prefix version=$3
rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix" > /dev/null
fail() { echo "FAIL: $*" >&2; exit 1; }
for f in bin/kuril-atlas share/kuril-atlas/annotations.xml share/kuril-atlas/shapes/land.shp \
         share/kuril-atlas/shapes/regions.shp share/kuril-atlas/shapes/README.md \
         share/applications/org.kurilatlas.KurilAtlas.desktop \
         share/icons/hicolor/scalable/apps/org.kurilatlas.KurilAtlas.svg \
         share/metainfo/org.kurilatlas.KurilAtlas.metainfo.xml \
         share/doc/kuril-atlas/copyright share/doc/kuril-atlas/changelog.gz \
         share/man/man1/kuril-atlas.1.gz share/bash-completion/completions/kuril-atlas; do
    [ -f "$prefix/$f" ] || fail "not installed: $f"
done
[ -x "$prefix/bin/kuril-atlas" ] || fail "bin/kuril-atlas is not executable"
[ ! -e "$prefix/share/kuril-atlas/shapes/recipe" ] || fail "the maintainers' recipes are installed"
out=$(cd / && "$prefix/bin/kuril-atlas" --version)
[ "$out" = "kuril-atlas $version" ] || fail "--version printed '$out', expected 'kuril-atlas $version'"
out=$(cd / && "$prefix/bin/kuril-atlas" check 2>&1 | tail -1)
case "$out" in
    "ok: $prefix/share/kuril-atlas/annotations.xml:"*", 0 warnings") ;;
    *) fail "check from / did not use the installed data: $out" ;;
esac
grep -q "<release version=\"$version\"" "$prefix/share/metainfo/org.kurilatlas.KurilAtlas.metainfo.xml" ||
    fail "the metainfo has no release $version"
desktop-file-validate "$prefix/share/applications/org.kurilatlas.KurilAtlas.desktop" ||
    fail "desktop-file-validate"
appstreamcli validate --no-net "$prefix/share/metainfo/org.kurilatlas.KurilAtlas.metainfo.xml" \
    > /dev/null || fail "appstreamcli validate"
echo "installed and ran from $prefix"
