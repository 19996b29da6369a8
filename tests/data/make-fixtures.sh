#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the binary test fixtures in this folder from the reviewed GeoJSON beside them.
# Needs gdal-bin (ogr2ogr). The outputs are committed; tests never run this.
set -euo pipefail
cd "$(dirname "$0")"
shp() { ogr2ogr -f "ESRI Shapefile" -lco DBF_DATE_LAST_UPDATE=2026-01-01 -lco ENCODING=UTF-8 "$@"; }
for base in squares bowtie lines 島々 noprj empty; do
    rm -f "$base".shp "$base".shx "$base".dbf "$base".prj "$base".cpg
done
rm -f squares.gpkg squares.kml
shp squares.shp squares.geojson
shp bowtie.shp bowtie.geojson
shp lines.shp lines.geojson
shp 島々.shp squares.geojson
shp noprj.shp squares.geojson && rm noprj.prj
shp empty.shp squares.geojson -where "id < 0"
ogr2ogr -f GPKG squares.gpkg squares.geojson
ogr2ogr -f KML squares.kml squares.geojson
