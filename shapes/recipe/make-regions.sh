#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate shapes/regions.* (the status regions that annotations.xml cuts
# out of a landmass by country, e.g. the Russian part of the mainland: land.shp
# intersected with countries.shp) byte for byte.  Run it after make-land.sh or
# make-borders.sh, or after changing an <island part_of country> of
# annotations.xml.  See shapes/README.md.
#
#   shapes/recipe/make-regions.sh            write into shapes/
#   shapes/recipe/make-regions.sh DIR        write into DIR instead
#   shapes/recipe/make-regions.sh --check    rebuild in a scratch directory and
#                                            compare with the files in shapes/
#
# Needs (Debian 12): python3-gdal.  Installs nothing.
# Byte-identical output is expected with GDAL 3.6 and GEOS 3.11 (other
# versions are used, with a warning).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shapes=$(dirname "$here")
python=/usr/bin/python3   # Debian's Python, where python3-gdal lives
outputs="regions.shp regions.shx regions.dbf regions.prj regions.cpg"

check=false
outdir=$shapes
case "${1:-}" in
    --check) check=true ;;
    -h|--help) sed -n '3,16p' "$0"; exit 0 ;;
    "") ;;
    *) outdir=$1 ;;
esac

if ! { [ -x "$python" ] && "$python" -c 'from osgeo import ogr' 2>/dev/null; }; then
    echo "make-regions.sh: missing Debian package: python3-gdal" >&2
    echo "  install with: apt-get install python3-gdal" >&2
    exit 1
fi

gdal_version=$("$python" -c 'from osgeo import gdal; print(gdal.__version__)')
geos_version=$("$python" -c 'from osgeo import ogr; print("%d.%d" % (ogr.GetGEOSVersionMajor(), ogr.GetGEOSVersionMinor()))')
echo "GDAL $gdal_version, GEOS $geos_version"
case "$gdal_version" in 3.6.*) ;; *) echo "warning: expected GDAL 3.6; .prj/.dbf bytes may differ" >&2 ;; esac
[ "$geos_version" = 3.11 ] || echo "warning: expected GEOS 3.11; output may differ" >&2

work=$(mktemp -d "${TMPDIR:-/tmp}/make-regions.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$python" "$here/regions.py" --shapes "$shapes" --annotations "$(dirname "$shapes")/annotations.xml" \
    --outdir "$work"

cd "$work"
source "$here/finish.sh"
# shellcheck disable=SC2086  # $outputs: the file names, split on purpose
recipe_finish "$check" "$shapes" "$outdir" $outputs
