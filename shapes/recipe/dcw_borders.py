#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write shapes/countries.shp and shapes/borders.shp from DCW-GMT (Debian's
gmt-dcw) for lon 120-180 E, lat 30-65 N.

Called by make-borders.sh (run that, not this).  Needs Debian's gmt,
gmt-dcw and python3-gdal (OGR with GEOS).

  1. `gmt coast -E<ISO> -M` dumps a country's DCW polygons (COUNTRIES) (one ring per
     segment, at %.15g),
  2. each ring is made valid (DCW has self-touching island rings), rings
     outside the box are skipped, the rest are clipped to the box and
     unioned per country,
  3. parts of a country whose sovereignty is disputed are removed
     (DISPUTED boxes): DCW puts the four southern Kuril islands in RU and the
     Liancourt Rocks (Takeshima/Dokdo) in JP; this atlas gives the islands
     their status from its annotations, by date, never from a country layer,
  4. a land border between countries A and B (A < B alphabetically) is the
     part of A's outline within BORDER_EPS degrees of B's outline (DCW's
     neighbouring countries do not share vertices: their outlines run up to
     a few hundred metres apart and overlap a little), from the countries'
     parts larger than 1 square degree (the islands have no land borders),
     merged into lines.
Rings and lines are normalised and sorted as in gshhg_polygons.py; the DBF
date is fixed to DCW-GMT 2.1.1's release date.
"""

import argparse
import os
import subprocess
import sys

from osgeo import gdal, ogr, osr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gshhg_polygons as gp  # noqa: E402  (ring normalisation, layer writing)

ogr.UseExceptions()
osr.UseExceptions()
gdal.UseExceptions()

BOX = gp.OUTER  # lon 120-180 E, lat 30-65 N
# MN ends at 119.9 E, outside the box, and gives no polygon; US: the western
# Aleutians (Near and Rat Islands) are inside the box.
COUNTRIES = ["CN", "JP", "KP", "KR", "MN", "RU", "US"]
DBF_DATE = "2022-05-20"  # DCW-GMT 2.1.1 release date (its ChangeLog)
BORDER_EPS = 0.003       # degrees, ~300 m
MAIN_PART_MIN_AREA = 1.0  # square degrees

# (what, expected country, boxes lon_min, lon_max, lat_min, lat_max): every
# country part lying wholly inside one of the boxes is dropped; the recipe
# fails unless parts of exactly the expected country are dropped there.  The
# boxes hold each island with its islets (their envelopes in land.shp plus a
# margin) and no land of Hokkaido, Urup or Korea.
DISPUTED = [
    ("Etorofu/Iturup, Kunashiri/Kunashir, Shikotan, the Habomai islets", "RU",
     [(146.800, 148.950, 44.380, 45.620),    # Etorofu
      (145.380, 146.620, 43.620, 44.550),    # Kunashiri
      (146.550, 146.950, 43.680, 43.920),    # Shikotan
      (145.835, 146.500, 43.300, 43.700)]),  # Habomai (land.shp's region)
    ("Liancourt Rocks (Takeshima/Dokdo)", "JP",
     [(131.800, 131.900, 37.200, 37.270)]),
]


def box_polygon(b):
    w, e, s, n = b
    return gp.polygon_from_list([(w, s), (e, s), (e, n), (w, n), (w, s)])


def country_rings(iso, workdir):
    text = gp.gmt(["coast", "-E" + iso, "-M"], workdir)
    rings, cur = [], None
    for line in text.splitlines():
        if line.startswith(">"):
            cur = []
            rings.append(cur)
        elif line.strip():
            x, y = line.split()[:2]
            cur.append((float(x), float(y)))
    return [r for r in rings if r]


def polygons_of(g):
    """Polygon parts of any geometry (MakeValid may give collections)."""
    t = ogr.GT_Flatten(g.GetGeometryType())
    if t == ogr.wkbPolygon:
        return [g.Clone()] if not g.IsEmpty() else []
    if t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        out = []
        for i in range(g.GetGeometryCount()):
            out.extend(polygons_of(g.GetGeometryRef(i)))
        return out
    return []


def union_all(polys):
    if not polys:
        return []
    mp = ogr.Geometry(ogr.wkbMultiPolygon)
    for p in polys:
        mp.AddGeometry(p)
    return polygons_of(mp.UnionCascaded())


def country(iso, workdir):
    w, e, s, n = BOX
    box = gp.polygon_from_list([(w, s), (e, s), (e, n), (w, n), (w, s)])
    parts = []
    for r in country_rings(iso, workdir):
        xs = [x for x, _ in r]
        ys = [y for _, y in r]
        if max(xs) <= w or min(xs) >= e or max(ys) <= s or min(ys) >= n:
            continue
        if r[0] != r[-1]:
            r = r + [r[0]]
        if len(r) < 4:
            continue
        p = gp.to_polygon([r])
        if not p.IsValid():
            p = p.MakeValid()
        parts.extend(polygons_of(p.Intersection(box)))
    return union_all(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workdir", required=True, help="scratch directory")
    ap.add_argument("--outdir", required=True, help="where countries.* and borders.* go")
    a = ap.parse_args()

    disputed = [[box_polygon(b) for b in boxes] for _, _, boxes in DISPUTED]
    dropped = {i: [] for i in range(len(DISPUTED))}
    countries = {}
    for iso in COUNTRIES:
        kept = []
        for p in country(iso, a.workdir):
            hit = [i for i, ds in enumerate(disputed) if any(p.Within(d) for d in ds)]
            if hit:
                dropped[hit[0]].append(iso)
            else:
                kept.append(p)
        countries[iso] = kept
        print("%s: %d parts in the box" % (iso, len(kept)))
    for i, isos in dropped.items():
        print("dropped as disputed (%s): %s" % (DISPUTED[i][0], ", ".join(
            "%s %d" % (iso, isos.count(iso)) for iso in sorted(set(isos)))))
        if sorted(set(isos)) != [DISPUTED[i][1]]:
            sys.exit("expected to drop parts of %s only in the disputed region %s, got %r"
                     % (DISPUTED[i][1], DISPUTED[i][0], sorted(set(isos))))

    feats = []
    for iso in COUNTRIES:
        for f in gp.make_feats([(p, 0) for p in countries[iso]]):
            f["iso"] = iso
            feats.append(f)
    for i, f in enumerate(feats, 1):
        f["id"] = i
    bad = [f["id"] for f in feats if not f["geom"].IsValid()]
    if bad:
        sys.exit("countries: invalid polygons %r" % bad[:20])

    # Land borders.
    def outline(iso):
        ml = ogr.Geometry(ogr.wkbMultiLineString)
        for p in countries[iso]:
            if p.GetArea() < MAIN_PART_MIN_AREA:
                continue
            for i in range(p.GetGeometryCount()):
                ls = ogr.Geometry(ogr.wkbLineString)
                for x, y in p.GetGeometryRef(i).GetPoints():
                    ls.AddPoint_2D(x, y)
                ml.AddGeometry(ls)
        return ml

    borders = []
    for i, a_iso in enumerate(COUNTRIES):
        for b_iso in COUNTRIES[i + 1:]:
            la, lb = outline(a_iso), outline(b_iso)
            if la.IsEmpty() or lb.IsEmpty():
                continue
            if not la.Buffer(BORDER_EPS, 2).Intersects(lb):
                continue
            # Only the part of A's outline along B's, and not along the box
            # edge (where A and B are both cut by the box).
            line = la.Intersection(lb.Buffer(BORDER_EPS, 2))
            w, e, s, n = BOX
            inner = gp.polygon_from_list([(w + 1e-9, s + 1e-9), (e - 1e-9, s + 1e-9),
                                          (e - 1e-9, n - 1e-9), (w + 1e-9, n - 1e-9),
                                          (w + 1e-9, s + 1e-9)])
            line = line.Intersection(inner)
            merged = ogr.ForceToMultiLineString(line)
            if merged.IsEmpty():
                continue
            pieces = []
            for k in range(merged.GetGeometryCount()):
                pts = [tuple(p[:2]) for p in merged.GetGeometryRef(k).GetPoints()]
                if len(pts) >= 2:
                    pieces.append(pts)
            pieces = join_lines(pieces)
            for pts in pieces:
                if pts[-1] < pts[0]:
                    pts = pts[::-1]
                borders.append({"between": a_iso + "-" + b_iso, "pts": pts})
    borders.sort(key=lambda b: (b["between"], b["pts"][0]))
    for i, b in enumerate(borders, 1):
        b["id"] = i
        ls = ogr.Geometry(ogr.wkbLineString)
        for x, y in b["pts"]:
            ls.AddPoint_2D(x, y)
        b["geom"] = ls

    gp.write_layer(os.path.join(a.outdir, "countries.shp"), feats,
                   [("id", ogr.OFTInteger, 5), ("iso", ogr.OFTString, 2)],
                   dbf_date=DBF_DATE)
    gp.write_layer(os.path.join(a.outdir, "borders.shp"), borders,
                   [("id", ogr.OFTInteger, 5), ("between", ogr.OFTString, 5)],
                   dbf_date=DBF_DATE, geom_type=ogr.wkbLineString)

    for iso in COUNTRIES:
        fs = [f for f in feats if f["iso"] == iso]
        print("countries.shp %s: %d polygons, %d vertices" % (iso, len(fs), gp.vertex_count(fs)))
    print("countries.shp: %d polygons, %d vertices" % (len(feats), gp.vertex_count(feats)))
    for b in borders:
        print("borders.shp %s: %d vertices, %.3f deg long, from (%.4f, %.4f) to (%.4f, %.4f)"
              % (b["between"], len(b["pts"]), b["geom"].Length(),
                 b["pts"][0][0], b["pts"][0][1], b["pts"][-1][0], b["pts"][-1][1]))
    print("borders.shp: %d lines, %d vertices" % (len(borders), sum(len(b["pts"]) for b in borders)))


def join_lines(pieces):
    """Join line pieces that meet exactly end to end (deterministic)."""
    pieces = [list(p) for p in pieces]
    changed = True
    while changed:
        changed = False
        for i in range(len(pieces)):
            for j in range(len(pieces)):
                if i == j or not pieces[i] or not pieces[j]:
                    continue
                a, b = pieces[i], pieces[j]
                if a[-1] == b[0]:
                    pieces[i] = a + b[1:]
                elif a[-1] == b[-1]:
                    pieces[i] = a + b[::-1][1:]
                elif a[0] == b[-1]:
                    pieces[i] = b + a[1:]
                elif a[0] == b[0]:
                    pieces[i] = b[::-1] + a[1:]
                else:
                    continue
                pieces[j] = []
                changed = True
        pieces = [p for p in pieces if p]
    return pieces


if __name__ == "__main__":
    main()
