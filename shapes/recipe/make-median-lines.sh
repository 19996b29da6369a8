#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Constructs the median (equidistance) lines of shapes/src/boundaries.geojson from the shipped
# coastline shapes/land.shp (GSHHG full resolution) with median_line (GEOS Voronoi diagram), writes
# their coordinates into shapes/src/boundaries.geojson, then runs make-boundaries.sh, which
# regenerates shapes/boundaries.shp byte for byte. See shapes/BOUNDARIES.md, "Median lines".
#
#   cmake -S . -B build -DKURIL_BUILD_RECIPES=ON && cmake --build build --target median_line
#   bash shapes/recipe/make-median-lines.sh            write the GeoJSON, then the shapefile
#   bash shapes/recipe/make-median-lines.sh --print    only print the coordinates
#
# MEDIAN_LINE=path/to/median_line overrides the default build/shapes/recipe/median_line.
# Takes about two minutes (the southern Kurils' diagram has about 30,000 coast points).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shapes=$(cd "$here/.." && pwd)
root=$(cd "$shapes/.." && pwd)
tool=${MEDIAN_LINE:-$root/build/shapes/recipe/median_line}
land="$shapes/land.shp"
geojson="$shapes/src/boundaries.geojson"

print_only=false
case "${1:-}" in
    --print) print_only=true ;;
    -h|--help) sed -n '3,13p' "$0"; exit 0 ;;
    "") ;;
    *) echo "make-median-lines: unknown argument '$1'" >&2; exit 1 ;;
esac
[ -x "$tool" ] || { echo "make-median-lines: $tool not found (build the median_line target with -DKURIL_BUILD_RECIPES=ON)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Points inside polygons of land.shp (from `median_line --land shapes/land.shp --list W,S,E,N`):
hokkaido=142.74608,43.45972
kunashiri=145.81208,44.08728
etorofu=147.83998,44.99081
shikotan=146.71122,43.79646
urup=149.98416,45.89995
shumshu=156.38460,50.74874
paramushir=155.83585,50.38582
atlasov=155.56869,50.86291
kamchatka=157.07041,52.93083
sakhalin=143.03245,50.16084
moneron=141.22281,46.24794
rishiri=141.23227,45.17874
rebun=141.02748,45.36873
todoshima=140.96958,45.47830 # the islet north of Rebun

# 1. Hokkaido, Kunashiri, Shikotan and the Habomai islets: one diagram, three sides, so that
#    the line of control (H:K then H:S) and the 1956 line (K:S) share the tripoint exactly.
#    H: Hokkaido and the islets off the Nemuro and Notsuke peninsulas (all west of 145.81 E,
#    Cape Nosappu's longitude). K: Kunashiri, Etorofu and the islets off their coasts.
#    S: Shikotan, its islets, and the Habomai islets (east of 145.82 E; GSHHG's Kaigara included).
"$tool" --land "$land" --centre 145.9,43.9 \
    --side "H=p:$hokkaido;w:144.9,43.0,145.81,43.62" \
    --side "K=p:$kunashiri;p:$etorofu;p:145.50645,43.91373;p:146.04921,44.18038;p:146.13909,44.26203;p:146.46013,44.36616;p:146.58493,44.45955;w:146.9,44.55,147.35,44.7" \
    --side "S=p:$shikotan;w:145.82,43.33,146.45,43.66;w:146.78,43.74,146.92,43.83" \
    --line "line-of-control=H:K,H:S@145.0,43.28,146.0,44.45@145.6,44.45" \
    --line "joint-declaration-1956=K:S@145.5,43.3,147.3,44.6@145.7,43.5" >"$tmp/south.txt"

# 2. The Vries (Friza) Strait: Etorofu and its islets against Urup and its islets.
"$tool" --land "$land" --centre 149.15,45.55 \
    --side "E=p:$etorofu;w:148.4,45.2,148.95,45.6" \
    --side "U=p:$urup;w:149.38,45.55,150.1,46.1" \
    --line "vries=E:U@148.85,45.2,149.45,45.9@149.1,45.9" >"$tmp/vries.txt"

# 3. The First Kuril Strait: Kamchatka (and the islets off Cape Lopatka's east coast) against
#    Shumshu, Paramushir, Atlasov and their islets.
"$tool" --land "$land" --centre 156.6,50.85 \
    --side "K=p:$kamchatka;w:156.6,50.85,157.2,51.2" \
    --side "S=p:$shumshu;p:$paramushir;p:$atlasov;w:155.9,50.4,156.55,50.8" \
    --line "kuril-strait=K:S@156.3,50.65,156.8,50.96@156.3,50.96" >"$tmp/kuril.txt"

# 4. La Perouse (Soya) Strait: Sakhalin and Moneron against Hokkaido, Rishiri, Rebun and the
#    islet north of Rebun.
"$tool" --land "$land" --centre 142.1,45.75 \
    --side "S=p:$sakhalin;p:$moneron" \
    --side "H=p:$hokkaido;p:$rishiri;p:$rebun;p:$todoshima" \
    --line "la-perouse=S:H@141.6,45.4,142.6,46.0@141.6,45.8" >"$tmp/laperouse.txt"

# The coordinate lines of one constructed line: block "# NAME" of a tool output.
block() { awk -v name="# $2" '$0 == name { on = 1; next } /^#/ { on = 0 } on' "$1"; }

block "$tmp/south.txt" line-of-control >"$tmp/line-of-control"
block "$tmp/south.txt" joint-declaration-1956 >"$tmp/joint-declaration-1956"
block "$tmp/vries.txt" vries >"$tmp/vries"
block "$tmp/kuril.txt" kuril-strait >"$tmp/kuril-strait"
block "$tmp/laperouse.txt" la-perouse >"$tmp/la-perouse"

# Japan's stated border 1952-1956: the line of control up to the tripoint (the first point of
# the 1956 line), then the 1956 line.
tripoint=$(head -n 1 "$tmp/joint-declaration-1956" | sed 's/,$//')
awk -v t="$tripoint" '{ p = $0; sub(/,$/, "", p); print; if (p == t) { found = 1; exit } }
    END { if (!found) exit 3 }' "$tmp/line-of-control" >"$tmp/japan-claim-1952" ||
    { echo "make-median-lines: the 1956 line does not start on the line of control" >&2; exit 1; }
sed -i '$ s/\]$/],/' "$tmp/japan-claim-1952"
tail -n +2 "$tmp/joint-declaration-1956" >>"$tmp/japan-claim-1952"

# feature (id part) <- coordinates
targets="line-of-control:main:line-of-control
joint-declaration-1956:main:joint-declaration-1956
japan-claim-1952:main:japan-claim-1952
shimoda-1855:main:vries
kawana-1998:main:vries
japan-claim:main:vries
st-petersburg-1875:kuril-strait:kuril-strait
st-petersburg-1875:la-perouse:la-perouse"

if $print_only; then
    while IFS=: read -r id part coords; do
        echo "# $id ($part)"
        cat "$tmp/$coords"
    done <<<"$targets"
    exit 0
fi

# Replace the coordinates of feature (id, part) in the GeoJSON, one pair per text line.
splice() {
    awk -v id="$1" -v part="$2" -v coords="$3" '
        BEGIN { while ((getline line < coords) > 0) repl = repl line "\n" }
        /^    "id": "/ { cur_id = $0; sub(/^    "id": "/, "", cur_id); sub(/",?$/, "", cur_id) }
        /^    "part": "/ { cur_part = $0; sub(/^    "part": "/, "", cur_part); sub(/",?$/, "", cur_part) }
        skipping && /^  \] \} \},?$/ { skipping = 0 }
        skipping { next }
        { print }
        /"coordinates": \[$/ && cur_id == id && cur_part == part { printf "%s", repl; skipping = 1; found++ }
        END { if (found != 1) exit 3 }' "$geojson" >"$tmp/out.geojson" ||
        { echo "make-median-lines: no single feature $1 ($2) in $geojson" >&2; exit 1; }
    cp "$tmp/out.geojson" "$geojson"
}
while IFS=: read -r id part coords; do
    splice "$id" "$part" "$tmp/$coords"
done <<<"$targets"
echo "make-median-lines: wrote $geojson"

bash "$here/make-boundaries.sh"
