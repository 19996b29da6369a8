#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate shapes/land.* and shapes/lakes.* (GSHHG 2.3.7 for lon 120-180 E,
# lat 30-65 N: full resolution inside lon 139-158 E, lat 41-55 N, high inside
# lon 126-170 E, lat 33-62 N, intermediate elsewhere) byte for byte.
# See shapes/README.md.
#
#   shapes/recipe/make-land.sh            write into shapes/
#   shapes/recipe/make-land.sh DIR        write into DIR instead
#   shapes/recipe/make-land.sh --check    rebuild in a scratch directory and
#                                         compare with the files in shapes/
#
# Needs (Debian 12): gmt, gmt-gshhg-full, gmt-gshhg-high, gmt-gshhg-low (it
# holds the intermediate resolution), python3-gdal.  Installs nothing.
# Byte-identical output is expected with gmt 6.4.0, gmt-gshhg-* 2.3.7 and
# GDAL 3.6 with GEOS 3.11 (other versions are used, with a warning).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shapes=$(dirname "$here")
python=/usr/bin/python3   # Debian's Python, where python3-gdal lives
outputs="land.shp land.shx land.dbf land.prj land.cpg lakes.shp lakes.shx lakes.dbf lakes.prj lakes.cpg"

check=false
outdir=$shapes
case "${1:-}" in
    --check) check=true ;;
    -h|--help) sed -n '3,17p' "$0"; exit 0 ;;
    "") ;;
    *) outdir=$1 ;;
esac

missing=()
command -v gmt >/dev/null 2>&1 || missing+=(gmt)
[ -r /usr/share/gmt-gshhg/binned_GSHHS_f.nc ] || missing+=(gmt-gshhg-full)
[ -r /usr/share/gmt-gshhg/binned_GSHHS_h.nc ] || missing+=(gmt-gshhg-high)
[ -r /usr/share/gmt-gshhg/binned_GSHHS_i.nc ] || missing+=(gmt-gshhg-low)
{ [ -x "$python" ] && "$python" -c 'from osgeo import ogr' 2>/dev/null; } || missing+=(python3-gdal)
if [ ${#missing[@]} -gt 0 ]; then
    echo "make-land.sh: missing Debian packages: ${missing[*]}" >&2
    echo "  install with: apt-get install ${missing[*]}" >&2
    exit 1
fi

gmt_version=$(gmt --version)
gshhg_version=$(dpkg-query -W -f='${Version} ' gmt-gshhg-full gmt-gshhg-high gmt-gshhg-low 2>/dev/null || echo unknown)
gdal_version=$("$python" -c 'from osgeo import gdal; print(gdal.__version__)')
geos_version=$("$python" -c 'from osgeo import ogr; print("%d.%d" % (ogr.GetGEOSVersionMajor(), ogr.GetGEOSVersionMinor()))')
echo "gmt $gmt_version, gmt-gshhg-full/high/low $gshhg_version, GDAL $gdal_version, GEOS $geos_version"
[ "$gmt_version" = 6.4.0 ] || echo "warning: expected gmt 6.4.0; output may differ" >&2
case "$gshhg_version" in "2.3.7-6 2.3.7-6 2.3.7-6 ") ;; *) echo "warning: expected gmt-gshhg-* 2.3.7-6; output may differ" >&2 ;; esac
[ "$geos_version" = 3.11 ] || echo "warning: expected GEOS 3.11 (the union of zones); output may differ" >&2
case "$gdal_version" in 3.6.*) ;; *) echo "warning: expected GDAL 3.6; .prj/.dbf bytes may differ" >&2 ;; esac

work=$(mktemp -d "${TMPDIR:-/tmp}/make-land.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/gmt" "$work/out"
# Keep GMT away from any user gmt.conf / history.
export GMT_USERDIR="$work/gmt" GMT_TMPDIR="$work/gmt"

"$python" "$here/gshhg_polygons.py" --workdir "$work/gmt" --outdir "$work/out"

cd "$work/out"
source "$here/finish.sh"
# shellcheck disable=SC2086  # $outputs: the file names, split on purpose
recipe_finish "$check" "$shapes" "$outdir" $outputs
