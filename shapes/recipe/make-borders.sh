#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate shapes/countries.* and shapes/borders.* (DCW-GMT 2.1.1 country
# polygons of CN, JP, KP, KR, MN, RU, US clipped to lon 120-180 E, lat 30-65 N,
# and the land borders between them) byte for byte.  See shapes/README.md.
#
#   shapes/recipe/make-borders.sh            write into shapes/
#   shapes/recipe/make-borders.sh DIR        write into DIR instead
#   shapes/recipe/make-borders.sh --check    rebuild in a scratch directory and
#                                            compare with the files in shapes/
#
# Needs (Debian 12): gmt, gmt-dcw, python3-gdal.  Installs nothing.
# Byte-identical output is expected with gmt 6.4.0, gmt-dcw 2.1.1 and GDAL 3.6
# with GEOS 3.11 (other versions are used, with a warning).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shapes=$(dirname "$here")
python=/usr/bin/python3   # Debian's Python, where python3-gdal lives
outputs="countries.shp countries.shx countries.dbf countries.prj countries.cpg borders.shp borders.shx borders.dbf borders.prj borders.cpg"

check=false
outdir=$shapes
case "${1:-}" in
    --check) check=true ;;
    -h|--help) sed -n '3,14p' "$0"; exit 0 ;;
    "") ;;
    *) outdir=$1 ;;
esac

missing=()
command -v gmt >/dev/null 2>&1 || missing+=(gmt)
[ -r /usr/share/gmt-dcw/dcw-gmt.nc ] || missing+=(gmt-dcw)
{ [ -x "$python" ] && "$python" -c 'from osgeo import ogr' 2>/dev/null; } || missing+=(python3-gdal)
if [ ${#missing[@]} -gt 0 ]; then
    echo "make-borders.sh: missing Debian packages: ${missing[*]}" >&2
    echo "  install with: apt-get install ${missing[*]}" >&2
    exit 1
fi

gmt_version=$(gmt --version)
dcw_version=$(dpkg-query -W -f='${Version}' gmt-dcw 2>/dev/null || echo unknown)
gdal_version=$("$python" -c 'from osgeo import gdal; print(gdal.__version__)')
geos_version=$("$python" -c 'from osgeo import ogr; print("%d.%d" % (ogr.GetGEOSVersionMajor(), ogr.GetGEOSVersionMinor()))')
echo "gmt $gmt_version, gmt-dcw $dcw_version, GDAL $gdal_version, GEOS $geos_version"
[ "$gmt_version" = 6.4.0 ] || echo "warning: expected gmt 6.4.0; output may differ" >&2
case "$dcw_version" in 2.1.1-*) ;; *) echo "warning: expected gmt-dcw 2.1.1; output may differ" >&2 ;; esac
case "$gdal_version" in 3.6.*) ;; *) echo "warning: expected GDAL 3.6; .prj/.dbf bytes may differ" >&2 ;; esac
[ "$geos_version" = 3.11 ] || echo "warning: expected GEOS 3.11; output may differ" >&2

work=$(mktemp -d "${TMPDIR:-/tmp}/make-borders.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/gmt" "$work/out"
# Keep GMT away from any user gmt.conf / history.
export GMT_USERDIR="$work/gmt" GMT_TMPDIR="$work/gmt"

"$python" "$here/dcw_borders.py" --workdir "$work/gmt" --outdir "$work/out"

cd "$work/out"
source "$here/finish.sh"
# shellcheck disable=SC2086  # $outputs: the file names, split on purpose
recipe_finish "$check" "$shapes" "$outdir" $outputs
