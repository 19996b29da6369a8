#!/bin/bash
# Regenerate shapes/land.* and shapes/lakes.* (GSHHG 2.3.7 full resolution,
# lon 139-158 E, lat 41-55 N) byte for byte.  See shapes/README.md.
#
#   shapes/recipe/make-land.sh            write into shapes/
#   shapes/recipe/make-land.sh DIR        write into DIR instead
#   shapes/recipe/make-land.sh --check    rebuild in a scratch directory and
#                                         compare with the files in shapes/
#
# Needs (Debian 12): gmt, gmt-gshhg-full, python3-gdal.  Installs nothing.
# Byte-identical output is expected with gmt 6.4.0, gmt-gshhg-full 2.3.7 and
# GDAL 3.6 (other versions are used, with a warning).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shapes=$(dirname "$here")
python=/usr/bin/python3   # Debian's Python, where python3-gdal lives
gshhg_file=/usr/share/gmt-gshhg/binned_GSHHS_f.nc
outputs="land.shp land.shx land.dbf land.prj land.cpg lakes.shp lakes.shx lakes.dbf lakes.prj lakes.cpg"

check=false
outdir=$shapes
case "${1:-}" in
    --check) check=true ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    "") ;;
    *) outdir=$1 ;;
esac

missing=()
command -v gmt >/dev/null 2>&1 || missing+=(gmt)
[ -r "$gshhg_file" ] || missing+=(gmt-gshhg-full)
{ [ -x "$python" ] && "$python" -c 'from osgeo import ogr' 2>/dev/null; } || missing+=(python3-gdal)
if [ ${#missing[@]} -gt 0 ]; then
    echo "make-land.sh: missing Debian packages: ${missing[*]}" >&2
    echo "  install with: apt-get install ${missing[*]}" >&2
    exit 1
fi

gmt_version=$(gmt --version)
gshhg_version=$(dpkg-query -W -f='${Version}' gmt-gshhg-full 2>/dev/null || echo unknown)
gdal_version=$("$python" -c 'from osgeo import gdal; print(gdal.__version__)')
echo "gmt $gmt_version, gmt-gshhg-full $gshhg_version, GDAL $gdal_version"
[ "$gmt_version" = 6.4.0 ] || echo "warning: expected gmt 6.4.0; output may differ" >&2
case "$gshhg_version" in 2.3.7-*) ;; *) echo "warning: expected gmt-gshhg-full 2.3.7; output may differ" >&2 ;; esac
case "$gdal_version" in 3.6.*) ;; *) echo "warning: expected GDAL 3.6; .prj/.dbf bytes may differ" >&2 ;; esac

work=$(mktemp -d "${TMPDIR:-/tmp}/make-land.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/gmt" "$work/out"
# Keep GMT away from any user gmt.conf / history.
export GMT_USERDIR="$work/gmt" GMT_TMPDIR="$work/gmt"

"$python" "$here/gshhg_polygons.py" --workdir "$work/gmt" --outdir "$work/out"

cd "$work/out"
if $check; then
    status=0
    for f in $outputs; do
        if cmp -s "$f" "$shapes/$f"; then echo "same:    $f"; else echo "DIFFERS: $f"; status=1; fi
    done
    exit $status
fi

mkdir -p "$outdir"
for f in $outputs; do
    cp "$f" "$outdir/$f.new"
    mv "$outdir/$f.new" "$outdir/$f"
done
cd "$outdir"
sha256sum $outputs
