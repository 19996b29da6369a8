#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Constructs the maritime zones' limits (shapes/src/zones.geojson) from the shipped coastline
# shapes/land.shp (and shapes/countries.shp when present) with zone_lines (GEOS, PROJ), then
# writes shapes/zones.shp from it byte for byte. See shapes/ZONES.md.
#
#   cmake -S . -B build -DKURIL_BUILD_RECIPES=ON && cmake --build build --target zone_lines
#   bash shapes/recipe/make-zones.sh            write the GeoJSON, then the shapefile
#   bash shapes/recipe/make-zones.sh --shp      only write the shapefile from the GeoJSON
#
# ZONE_LINES=path/to/zone_lines overrides the default build/shapes/recipe/zone_lines.
# Needs ogr2ogr/ogrinfo (Debian: gdal-bin).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shapes=$(cd "$here/.." && pwd)
root=$(cd "$shapes/.." && pwd)
tool=${ZONE_LINES:-$root/build/shapes/recipe/zone_lines}
src="$shapes/src/zones.geojson"
out="$shapes/zones.shp"

construct=true
case "${1:-}" in
    --shp) construct=false ;;
    -h|--help) sed -n '3,12p' "$0"; exit 0 ;;
    "") ;;
    *) echo "make-zones: unknown argument '$1'" >&2; exit 1 ;;
esac
command -v ogr2ogr >/dev/null || { echo "make-zones: ogr2ogr not found (apt-get install gdal-bin)" >&2; exit 1; }

if $construct; then
    [ -x "$tool" ] || { echo "make-zones: $tool not found (build the zone_lines target with -DKURIL_BUILD_RECIPES=ON)" >&2; exit 1; }
    countries=()
    [ -f "$shapes/countries.shp" ] && countries=(--countries "$shapes/countries.shp")
    "$tool" --land "$shapes/land.shp" "${countries[@]}" --centre 146,46 >"$src.tmp"
    mv "$src.tmp" "$src"
    echo "make-zones: wrote $src"
fi

rm -f "$shapes"/zones.{shp,shx,dbf,prj,cpg}
ogr2ogr -f "ESRI Shapefile" "$out" "$src" -oo DATE_AS_STRING=YES -nln zones -a_srs EPSG:4326 \
  -lco ENCODING=UTF-8 -lco DBF_DATE_LAST_UPDATE=2026-01-01 -lco SPATIAL_INDEX=NO \
  -dialect OGRSQL -sql "SELECT
    CAST(id AS character(32)) AS id,
    CAST(part AS character(16)) AS part,
    CAST(kind AS character(16)) AS kind,
    CAST(party AS character(2)) AS party,
    CAST(valid_from AS character(10)) AS valid_from,
    CAST(valid_to AS character(10)) AS valid_to,
    CAST(label AS character(80)) AS label,
    CAST(approx AS character(5)) AS approx,
    CAST(source AS character(254)) AS source
    FROM zones"

(cd "$shapes" && sha256sum zones.shp zones.shx zones.dbf zones.prj zones.cpg)
