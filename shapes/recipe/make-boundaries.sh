#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates shapes/boundaries.shp (+ .shx .dbf .prj .cpg) from the reviewable source
# shapes/src/boundaries.geojson. Needs ogr2ogr/ogrinfo (Debian: gdal-bin).
#
#   bash shapes/recipe/make-boundaries.sh
#
# The output is byte-for-byte reproducible: the DBF "last update" date is fixed, fields have
# fixed widths, features keep the order of the GeoJSON file. See shapes/BOUNDARIES.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shapes=$(cd "$here/.." && pwd)
src="$shapes/src/boundaries.geojson"
out="$shapes/boundaries.shp"

command -v ogr2ogr >/dev/null || { echo "make-boundaries: ogr2ogr not found (apt-get install gdal-bin)" >&2; exit 1; }
[ -f "$src" ] || { echo "make-boundaries: $src not found" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Keep dates as the strings written in the GeoJSON (YYYY-MM-DD, or "" = still in force).
export OGR_GEOJSON_DATE_AS_STRING=YES
read_opts=(-oo DATE_AS_STRING=YES)

# Field widths (characters). A value longer than its field would be cut silently, so check first.
width_check="SELECT COUNT(*) AS too_long FROM boundaries WHERE
  length(id) > 32 OR length(part) > 16 OR length(kind) > 16 OR
  length(valid_from) <> 10 OR NOT (valid_to = '' OR length(valid_to) = 10) OR
  length(label) > 64 OR length(source) > 254"
too_long=$(ogrinfo -ro -q "${read_opts[@]}" -dialect SQLite -sql "$width_check" "$src" |
  sed -n 's/.*too_long (Integer) = \([0-9]*\).*/\1/p')
if [ "${too_long:-x}" != "0" ]; then
  echo "make-boundaries: ${too_long:-?} feature(s) have a value that does not fit its field" >&2
  exit 1
fi

# Step 1: the JSON boolean approx becomes the string "true"/"false" (SQLite dialect has CASE).
ogr2ogr -f GeoJSON "$tmp/step1.geojson" "$src" "${read_opts[@]}" -nln boundaries \
  -dialect SQLite -sql "SELECT id, part, kind, valid_from, valid_to, label,
    CASE WHEN approx THEN 'true' ELSE 'false' END AS approx, source, geometry
    FROM boundaries"

# Step 2: fixed field widths (OGR SQL CAST keeps the width), UTF-8, fixed DBF date.
rm -f "$shapes"/boundaries.{shp,shx,dbf,prj,cpg}
ogr2ogr -f "ESRI Shapefile" "$out" "$tmp/step1.geojson" "${read_opts[@]}" -nln boundaries \
  -a_srs EPSG:4326 \
  -lco ENCODING=UTF-8 -lco DBF_DATE_LAST_UPDATE=2026-01-01 -lco SPATIAL_INDEX=NO \
  -dialect OGRSQL -sql "SELECT
    CAST(id AS character(32)) AS id,
    CAST(part AS character(16)) AS part,
    CAST(kind AS character(16)) AS kind,
    CAST(valid_from AS character(10)) AS valid_from,
    CAST(valid_to AS character(10)) AS valid_to,
    CAST(label AS character(64)) AS label,
    CAST(approx AS character(5)) AS approx,
    CAST(source AS character(254)) AS source
    FROM boundaries"

(cd "$shapes" && sha256sum boundaries.shp boundaries.shx boundaries.dbf boundaries.prj boundaries.cpg)
