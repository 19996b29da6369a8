#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Rebuild GSHHG land and lake polygons for lon 120-180 E, lat 30-65 N at
mixed resolution from GMT's binned coastline, and write them as
deterministic ESRI shapefiles.

Called by make-land.sh (run that, not this).  Needs Debian's gmt,
gmt-gshhg-full, gmt-gshhg-high, gmt-gshhg-low (which holds the intermediate
resolution) and python3-gdal (OGR with GEOS, numpy).

Resolution zones (nested boxes, lon/lat):
  full          inside the core box   139-158 E, 41-55 N
  high          inside the middle box 126-170 E, 33-62 N, outside the core
  intermediate  inside the outer box  120-180 E, 30-65 N, outside the middle
The ring-shaped zones are cut into rectangles (TILES), so that GMT itself
clips every resolution exactly at its zone's edges.

Why this is needed: `gmt coast -M -W` dumps GSHHG only as line pieces cut at
the bins of the netCDF file; GMT 6.4 cannot dump filled polygons.  So, for
every tile, we

  1. dump all shoreline pieces (levels 1-4) in the tile at full precision,
  2. add the tile edge, split at every point where a piece ends on it,
  3. polygonize the (already fully noded) lines with GEOS,
  4. classify every face with one `gmt select -N` call per class
     (ocean / land / lake / island-in-lake / pond) on a point inside it,
  5. keep land (level 1) and island-in-lake (level 3) faces for land.shp,
     lake (level 2) and pond (level 4) faces for lakes.shp.  A face's holes
     are the faces nested in it, so land polygons have their lakes cut out
     and lakes have their islands cut out.
Then
  6. faces of one level that reach an inner tile edge are unioned (GEOS), so
     a landmass crossing a zone edge is one polygon with no seam; the only
     trace of a seam is a short step along the zone edge where the two
     resolutions put the coast at slightly different places,
  7. islands are tagged by reference points (ISLAND_POINTS), hand-drawn
     regions (GROUP_REGIONS) and then by distance (ISLET_DISTANCE_KM).

Determinism: GMT's text output is printed with %.15g (15 significant digits
keep GSHHG's integer bin coordinates exactly enough that adjacent pieces share
identical end points, which is checked); tile edges are whole degrees, so
every vertex on a tile edge has an exact coordinate and the union nodes only
at input vertices.  Rings start at their lexicographically smallest
(lon, lat) vertex, outer rings run clockwise and holes counter-clockwise (the
shapefile convention), holes are sorted, features are sorted by planar area
in square degrees (descending) and then by smallest vertex, and the DBF
"last update" date is fixed to GSHHG 2.3.7's release date.
"""

import argparse
import math
import os
import subprocess
import sys

import numpy as np
from osgeo import gdal, ogr, osr

ogr.UseExceptions()
osr.UseExceptions()
gdal.UseExceptions()

FLOAT_FMT = "%.15g"
DBF_DATE = "2017-06-15"  # GSHHG 2.3.7 release date

# Zones: (name, GMT resolution letter, box west, east, south, north).
CORE = (139.0, 158.0, 41.0, 55.0)
MIDDLE = (126.0, 170.0, 33.0, 62.0)
OUTER = (120.0, 180.0, 30.0, 65.0)
ZONES = [("full", "f", CORE), ("high", "h", MIDDLE), ("intermediate", "i", OUTER)]


def ring_tiles(inner, outer):
    """outer box minus inner box as four rectangles (west, east, south, north)."""
    iw, ie, is_, in_ = inner
    ow, oe, os_, on = outer
    return [(ow, iw, os_, on), (ie, oe, os_, on), (iw, ie, os_, is_), (iw, ie, in_, on)]


# (zone name, resolution, box)
TILES = ([("full", "f", CORE)]
         + [("high", "h", b) for b in ring_tiles(CORE, MIDDLE)]
         + [("intermediate", "i", b) for b in ring_tiles(MIDDLE, OUTER)])

# Island ids: every land polygon containing one of these points gets the id.
# Points are towns or spots well inside the island as drawn by GSHHG 2.3.7
# (each one is checked to hit exactly one land polygon).
ISLAND_POINTS = [
    # id              lon       lat      what is there
    ("hokkaido",     141.350,  43.060),  # Sapporo
    ("honshu",       139.060,  36.390),  # Maebashi
    ("sakhalin",     142.740,  46.960),  # Yuzhno-Sakhalinsk
    # Eurasia.  Kamchatka is joined to it by the isthmus near 60 N
    # (Parapolsky Dol), inside the box, so it is part of this polygon too.
    ("mainland",     136.500,  46.500),  # in the Sikhote-Alin range
    # Southern Kurils (the disputed four)
    ("etorofu",      147.886,  45.227),  # Kurilsk (Iturup)
    ("kunashiri",    145.856,  44.031),  # Yuzhno-Kurilsk (Kunashir)
    ("shikotan",     146.832,  43.871),  # Malokurilskoye
    # (habomai: every islet inside its region in GROUP_REGIONS, see below)
    # Greater Kuril chain, south to north
    ("urup",         150.000,  45.850),
    ("brat_chirpoev", 150.810, 46.465),  # Brat Chirpoev
    ("chirpoy",      150.880,  46.530),
    ("broutona",     150.730,  46.720),
    ("simushir",     152.000,  46.950),
    ("ketoy",        152.480,  47.350),
    ("ushishir",     152.820,  47.520),
    ("rasshua",      153.000,  47.750),
    ("matua",        153.240,  48.090),
    ("raikoke",      153.250,  48.290),
    ("shiashkotan",  154.100,  48.810),
    ("ekarma",       153.950,  48.960),
    ("chirinkotan",  153.480,  48.980),
    ("kharimkotan",  154.500,  49.120),
    ("onekotan",     154.750,  49.450),
    ("makanrushi",   154.400,  49.770),
    ("antsiferov",   154.980,  50.210),
    ("paramushir",   155.700,  50.300),
    ("atlasov",      155.550,  50.860),  # Alaid volcano
    ("shumshu",      156.350,  50.750),
    # Islands off Hokkaido and Sakhalin
    ("rishiri",      141.240,  45.180),
    ("rebun",        141.040,  45.380),
    ("teuri",        141.310,  44.420),
    ("yagishiri",    141.410,  44.437),
    ("okushiri",     139.480,  42.150),
    ("moneron",      141.230,  46.250),
]

# Hand-drawn regions (lon, lat rings) for island groups: every land polygon
# lying wholly inside one, and not tagged by a reference point, takes the id.
# Habomai: between Cape Nosappu (Hokkaido's easternmost land in GSHHG is at
# 145.818 E) and Shikotan (westernmost land at 146.584 E): Suisho, Yuri,
# Akiyuri, Shibotsu, Taraku, Harukaru, Kaigara (Signalny), Moemoshiri, Oden,
# Todo and the rocks around them.
GROUP_REGIONS = [
    ("habomai", [(145.835, 43.300), (146.500, 43.300), (146.500, 43.700),
                 (145.835, 43.700), (145.835, 43.300)], 10),
]
# Kaigara lighthouse; GSHHG draws Kaigara ~1.5 km east of it, so the check
# is that the land polygon NEAREST to this point is tagged habomai.
KAIGARA_LIGHTHOUSE = (145.858, 43.397)

# Islets not tagged so far take the id of the nearest tagged polygon within
# this distance (km, shortest distance between the outlines), unless an
# untagged island larger than ISLET_MAX_KM2 (Kyushu, Shikoku, Karaginsky ...)
# is nearer: then they stay untagged.  4 km: the islets of a named island lie
# within it (Yururi, the farthest islet of Hokkaido's Nemuro coast, is 3.5 km
# from the coast as GSHHG draws it), and it is narrower than the straits
# between differently named islands that an untagged islet could lie in (the
# Goyomai Strait between Cape Nosappu and Kaigara is 3.7 km wide, but its
# islets are all in the Habomai region, tagged before; the Nemuro Strait is
# at least 16 km wide).  A nearer named island always wins.
ISLET_DISTANCE_KM = 4.0
# ... if smaller than this (km², geodesic area approximated at the polygon's
# latitude): larger islands near a tagged one keep their own identity (Kyushu
# is 0.6 km from Honshu, Shikoku and Awaji are near it too).
ISLET_MAX_KM2 = 100.0

# Eurasia continues past the data box on its west (120 E) and north (65 N)
# edges; rivers that GSHHG draws as lakes (the Lena, the Yangtze) cut it into
# several polygons inside the box, and China south of the Bohai reaches the
# box only at 120 E.  Every land polygon with an edge on these box sides is
# tagged "mainland".
MAINLAND_BOX_SIDES = ("west", "north")

# Checks: these points must be in (or nearest to) a polygon with this id.
TAG_CHECKS = [
    ("habomai", 145.858, 43.397),  # Kaigara lighthouse (nearest polygon)
]

CLASSES = ["ocean", "land", "lake", "island", "pond"]  # index = GSHHG level


def gmt(args, workdir, stdin=None):
    cmd = ["gmt"] + args + ["--FORMAT_FLOAT_OUT=" + FLOAT_FMT,
                            "--DIR_GSHHG=/usr/share/gmt-gshhg",
                            "--DIR_DCW=/usr/share/gmt-dcw",
                            "--GMT_HISTORY=false"]
    res = subprocess.run(cmd, cwd=workdir, input=stdin, capture_output=True,
                         text=True)
    if res.returncode != 0:
        sys.exit("gmt failed: %s\n%s" % (" ".join(cmd), res.stderr))
    return res.stdout


def region_arg(box):
    return "-R%.15g/%.15g/%.15g/%.15g" % box


def read_pieces(text):
    pieces = []
    cur = None
    for line in text.splitlines():
        if line.startswith(">"):
            level = int(line.rsplit("Level", 1)[1])
            cur = []
            pieces.append((level, cur))
        elif line.strip():
            x, y = line.split()[:2]
            cur.append((float(x), float(y)))
    # The high and intermediate files give some bins an empty segment (a
    # header with no points); drop those.
    return [(lev, pts) for lev, pts in pieces if pts]


def on_box(p, box):
    w, e, s, n = box
    return p[0] in (w, e) or p[1] in (s, n)


def perimeter_pos(p, box):
    w, e, s, n = box
    x, y = p
    if y == s:
        return x - w
    if x == e:
        return (e - w) + (y - s)
    if y == n:
        return (e - w) + (n - s) + (e - x)
    return 2 * (e - w) + (n - s) + (n - y)


def check_pieces(pieces, box):
    """Open pieces must meet exactly in pairs inside the box, once on its edge."""
    ends = {}
    for _, pts in pieces:
        if len(pts) < 2:
            sys.exit("degenerate piece %r" % (pts,))
        if pts[0] != pts[-1]:
            for p in (pts[0], pts[-1]):
                ends[p] = ends.get(p, 0) + 1
    box_ends = []
    for p, n in ends.items():
        if on_box(p, box):
            if n != 1:
                sys.exit("box end point %r used %d times" % (p, n))
            box_ends.append(p)
        elif n != 2:
            sys.exit("piece end %r used %d times: pieces do not join" % (p, n))
    return box_ends


def ring_area(ring):
    """Signed planar area (square degrees), positive = counter-clockwise."""
    s = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        s += x0 * y1 - x1 * y0
    return s / 2.0


def drop_axis_collinear(ring, lines_x, lines_y):
    """Drop vertices in the middle of a straight run along a tile edge (left
    by the union where two tiles' edges met).  Exact: only runs where three
    consecutive vertices share the same tile-edge x (or y) are touched."""
    changed = True
    while changed and len(ring) > 3:
        changed = False
        out = []
        n = len(ring)
        for i in range(n):
            a, b, c = ring[i - 1], ring[i], ring[(i + 1) % n]
            if ((a[0] == b[0] == c[0] and b[0] in lines_x)
                    or (a[1] == b[1] == c[1] and b[1] in lines_y)):
                changed = True
                continue
            out.append(b)
        if changed:
            # A run's inner vertices all go in one pass; its ends stay.
            ring = out
    return ring


TILE_XS = sorted({b[0] for _, _, b in TILES} | {b[1] for _, _, b in TILES})
TILE_YS = sorted({b[2] for _, _, b in TILES} | {b[3] for _, _, b in TILES})


def normalise_ring(pts, clockwise):
    ring = [tuple(p[:2]) for p in pts]
    if ring[0] != ring[-1]:
        sys.exit("open ring")
    ring = ring[:-1]
    ring = drop_axis_collinear(ring, TILE_XS, TILE_YS)
    if (ring_area(ring + ring[:1]) < 0) != clockwise:
        ring.reverse()
    k = ring.index(min(ring))
    ring = ring[k:] + ring[:k]
    return ring + ring[:1]


def face_rings(poly):
    outer = normalise_ring(poly.GetGeometryRef(0).GetPoints(), clockwise=True)
    holes = [normalise_ring(poly.GetGeometryRef(i).GetPoints(), clockwise=False)
             for i in range(1, poly.GetGeometryCount())]
    holes.sort(key=lambda r: r[0])
    return [outer] + holes


def to_polygon(rings):
    poly = ogr.Geometry(ogr.wkbPolygon)
    for ring in rings:
        r = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ring:
            r.AddPoint_2D(x, y)
        poly.AddGeometry(r)
    return poly


def polygon_from_list(pts):
    return to_polygon([pts])


def build_faces(pieces, box_ends, box):
    w, e, s, n = box
    lines = ogr.Geometry(ogr.wkbMultiLineString)
    for _, pts in pieces:
        ls = ogr.Geometry(ogr.wkbLineString)
        for x, y in pts:
            ls.AddPoint_2D(x, y)
        lines.AddGeometry(ls)
    corners = [(w, s), (e, s), (e, n), (w, n)]
    per = sorted(set(box_ends) | set(corners), key=lambda p: perimeter_pos(p, box))
    for a, b in zip(per, per[1:] + per[:1]):
        ls = ogr.Geometry(ogr.wkbLineString)
        ls.AddPoint_2D(*a)
        ls.AddPoint_2D(*b)
        lines.AddGeometry(ls)
    # The full resolution pieces are fully noded, but the high resolution
    # ones are not everywhere (a few islets cross a coast or touch a tile
    # edge between their ends): node the lines (the union of the lines with
    # one of their own points nodes them at every crossing) before
    # polygonizing.
    p0 = ogr.Geometry(ogr.wkbPoint)
    p0.AddPoint_2D(*pieces[0][1][0])
    lines = lines.Union(p0)
    faces = lines.Polygonize()
    out = [faces.GetGeometryRef(i).Clone() for i in range(faces.GetGeometryCount())]
    total = sum(f.GetArea() for f in out)
    box_area = (e - w) * (n - s)
    if abs(total - box_area) > 1e-9 * box_area:
        sys.exit("faces cover %.12g sq deg, box %r is %.12g: polygonize lost faces"
                 % (total, box, box_area))
    return out


def classify(faces, res, box, workdir):
    pts = []
    for i, f in enumerate(faces):
        p = f.PointOnSurface()
        pts.append((FLOAT_FMT + "\t" + FLOAT_FMT + "\t%d") % (p.GetX(), p.GetY(), i))
    stdin = "\n".join(pts) + "\n"
    level = {}
    for k, name in enumerate(CLASSES):
        flags = ["s"] * 5
        flags[k] = "k"
        out = gmt(["select", region_arg(box), "-D" + res, "-A0", "-N" + "/".join(flags)],
                  workdir, stdin)
        for line in out.splitlines():
            if not line.strip() or line.startswith(">"):
                continue
            i = int(line.split()[2])
            if i in level:
                sys.exit("face %d classified twice" % i)
            level[i] = k
    if len(level) != len(faces):
        sys.exit("%d of %d faces unclassified" % (len(faces) - len(level), len(faces)))
    return [level[i] for i in range(len(faces))]


def dissolve(faces, levels):
    """Union the faces of each class that share an edge (only where noding
    split a face of GSHHG's at a crossing); returns faces and levels."""
    out_f, out_l = [], []
    for k in range(len(CLASSES)):
        group = [f for f, lev in zip(faces, levels) if lev == k]
        if len(group) < 2:
            parts = group
        else:
            mp = ogr.Geometry(ogr.wkbMultiPolygon)
            for f in group:
                mp.AddGeometry(f)
            u = mp.UnionCascaded()
            parts = ([u.GetGeometryRef(i).Clone() for i in range(u.GetGeometryCount())]
                     if u.GetGeometryType() == ogr.wkbMultiPolygon else [u])
        out_f.extend(parts)
        out_l.extend([k] * len(parts))
    return out_f, out_l


def tile_faces(res, box, workdir):
    """(face, level) for every non-ocean face of one tile."""
    text = gmt(["coast", region_arg(box), "-D" + res, "-A0/1/4", "-M", "-W"], workdir)
    pieces = read_pieces(text)
    box_ends = check_pieces(pieces, box)
    faces = build_faces(pieces, box_ends, box)
    levels = classify(faces, res, box, workdir)
    faces, levels = dissolve(faces, levels)
    print("tile %s %r: pieces %d (%d ending on the edge), faces %d: %s"
          % (res, box, len(pieces), len(box_ends), len(faces),
             ", ".join("%s %d" % (c, levels.count(k)) for k, c in enumerate(CLASSES))))
    return [(f, lev) for f, lev in zip(faces, levels) if lev != 0]


def on_inner_edge(face, box):
    """True if the face has a vertex on an edge of its tile that is not on the
    outer box, i.e. it may continue in the neighbouring tile."""
    w, e, s, n = box
    ow, oe, os_, on = OUTER
    xs = [x for x in (w, e) if x not in (ow, oe)]
    ys = [y for y in (s, n) if y not in (os_, on)]
    for i in range(face.GetGeometryCount()):
        for x, y in face.GetGeometryRef(i).GetPoints():
            if (x in xs and s <= y <= n) or (y in ys and w <= x <= e):
                return True
    return False


def merge_tiles(tiles):
    """tiles: list of (box, [(face, level)]).  Returns [(polygon, level)] with
    the faces of one level that meet across tile edges unioned."""
    kept = []
    to_union = {}
    for box, faces in tiles:
        for f, lev in faces:
            if on_inner_edge(f, box):
                to_union.setdefault(lev, []).append(f)
            else:
                kept.append((f, lev))
    for lev in sorted(to_union):
        mp = ogr.Geometry(ogr.wkbMultiPolygon)
        for f in to_union[lev]:
            mp.AddGeometry(f)
        u = mp.UnionCascaded()
        parts = ([u.GetGeometryRef(i).Clone() for i in range(u.GetGeometryCount())]
                 if u.GetGeometryType() == ogr.wkbMultiPolygon else [u])
        print("level %d: %d faces on tile edges unioned into %d polygons"
              % (lev, len(to_union[lev]), len(parts)))
        kept.extend((p, lev) for p in parts)
    return kept


# ---------------------------------------------------------------- tagging

def ring_segments(rings):
    segs = []
    for r in rings:
        a = np.asarray(r, dtype=float)
        segs.append(np.hstack([a[:-1], a[1:]]))
    return np.vstack(segs)


def point_segment_dist(px, py, segs):
    """Distances (same units as inputs) from every point to every segment:
    returns the minimum."""
    x0, y0, x1, y1 = segs[:, 0], segs[:, 1], segs[:, 2], segs[:, 3]
    dx, dy = x1 - x0, y1 - y0
    ll = dx * dx + dy * dy
    best = np.inf
    for x, y in zip(px, py):
        with np.errstate(invalid="ignore", divide="ignore"):
            t = np.where(ll > 0, ((x - x0) * dx + (y - y0) * dy) / ll, 0.0)
        t = np.clip(t, 0.0, 1.0)
        d = np.hypot(x0 + t * dx - x, y0 + t * dy - y)
        best = min(best, float(d.min()))
    return best


def outline_distance_km(islet, tagged, margin_deg):
    """Shortest distance (km) between the outline of islet and that of tagged
    (dicts with 'rings', 'segs', 'env'), in a local equirectangular metric at
    the islet's latitude; inf if farther than the margin window."""
    ex0, ex1, ey0, ey1 = islet["env"]
    lat = (ey0 + ey1) / 2
    kx = 111.32 * math.cos(math.radians(lat))
    ky = 110.57
    mx = margin_deg / math.cos(math.radians(lat))
    segs = tagged["segs"]
    sel = ((np.minimum(segs[:, 0], segs[:, 2]) <= ex1 + mx)
           & (np.maximum(segs[:, 0], segs[:, 2]) >= ex0 - mx)
           & (np.minimum(segs[:, 1], segs[:, 3]) <= ey1 + margin_deg)
           & (np.maximum(segs[:, 1], segs[:, 3]) >= ey0 - margin_deg))
    near = segs[sel]
    if len(near) == 0:
        return math.inf
    scale = np.array([kx, ky, kx, ky])
    near = near * scale
    own = islet["segs"] * scale
    # Shortest distance between two sets of non-crossing segments is reached
    # at an end point of one of them.
    d1 = point_segment_dist(own[:, 0], own[:, 1], near)
    d2 = point_segment_dist(near[:, 0], near[:, 1], own)
    return min(d1, d2)


def km2(f):
    """Approximate area in km² (planar square degrees scaled at the
    polygon's mean latitude)."""
    y0, y1 = f["env"][2], f["env"][3]
    return f["area"] * 111.32 * 110.57 * math.cos(math.radians((y0 + y1) / 2))


def envelope(rings):
    xs = [x for x, _ in rings[0]]
    ys = [y for _, y in rings[0]]
    return (min(xs), max(xs), min(ys), max(ys))


def tag_islands(feats):
    """feats: list of dicts with 'geom' and 'rings'; sets 'island' and
    'tagged_by' (point, region, distance)."""
    for f in feats:
        f["island"] = ""
        f["tagged_by"] = ""
        f["env"] = envelope(f["rings"])
        f["segs"] = ring_segments(f["rings"])
    for name, x, y in ISLAND_POINTS:
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(x, y)
        hits = [f for f in feats if f["geom"].Contains(pt)]
        if len(hits) != 1:
            sys.exit("reference point %s (%g, %g) is in %d land polygons"
                     % (name, x, y, len(hits)))
        if hits[0]["island"] not in ("", name):
            sys.exit("%s: polygon already tagged %s" % (name, hits[0]["island"]))
        hits[0]["island"] = name
        hits[0]["tagged_by"] = "point"
    for name, ring, minimum in GROUP_REGIONS:
        region = polygon_from_list(ring)
        n = 0
        for f in feats:
            g = f["geom"]
            if not g.Intersects(region):
                continue
            if f["island"] or not g.Within(region):
                sys.exit("land polygon %s straddles or is tagged inside the %s "
                         "region" % (f["island"] or "?", name))
            f["island"] = name
            f["tagged_by"] = "region"
            n += 1
        if n < minimum:
            sys.exit("only %d polygons in the %s region" % (n, name))
    w, e, s_, n = OUTER
    for f in feats:
        on_side = False
        for r in f["rings"]:
            for (x0, y0), (x1, y1) in zip(r, r[1:]):
                if ((x0 == x1 == w and "west" in MAINLAND_BOX_SIDES)
                        or (y0 == y1 == n and "north" in MAINLAND_BOX_SIDES)):
                    on_side = True
        if on_side:
            if f["island"] not in ("", "mainland"):
                sys.exit("polygon tagged %s reaches the box edge" % f["island"])
            if not f["island"]:
                f["island"] = "mainland"
                f["tagged_by"] = "box edge"
    # Distance: the nearest polygon tagged so far, if within ISLET_DISTANCE_KM.
    named = [f for f in feats if f["island"] or km2(f) >= ISLET_MAX_KM2]
    margin_deg = ISLET_DISTANCE_KM / 110.0
    new_tags = []
    for f in feats:
        if f["island"] or km2(f) >= ISLET_MAX_KM2:
            continue
        best = (math.inf, "")
        for t in named:
            tx0, tx1, ty0, ty1 = t["env"]
            ex0, ex1, ey0, ey1 = f["env"]
            mx = margin_deg / math.cos(math.radians(ey0)) * 1.2
            if (tx0 > ex1 + mx or tx1 < ex0 - mx or ty0 > ey1 + margin_deg
                    or ty1 < ey0 - margin_deg):
                continue
            d = outline_distance_km(f, t, margin_deg)
            if d < best[0] or (d == best[0] and t["island"] < best[1]):
                best = (d, t["island"])
        if best[0] <= ISLET_DISTANCE_KM and best[1]:
            new_tags.append((f, best[1]))
            if best[0] > 3.0 and 139 <= f["env"][0] <= 158 and 41 <= f["env"][2] <= 55:
                print("  islet %.4f %.4f tagged %s at %.2f km"
                      % (f["env"][0], f["env"][2], best[1], best[0]))
    for f, name in new_tags:
        f["island"] = name
        f["tagged_by"] = "distance"
    for name, x, y in TAG_CHECKS:
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(x, y)
        nearest = min(feats, key=lambda f: f["geom"].Distance(pt))
        if nearest["island"] != name:
            sys.exit("the land polygon nearest to (%g, %g) is tagged %r, not %r"
                     % (x, y, nearest["island"], name))


def write_layer(path, feats, fields, dbf_date=DBF_DATE, geom_type=ogr.wkbPolygon):
    drv = ogr.GetDriverByName("ESRI Shapefile")
    ds = drv.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    name = os.path.splitext(os.path.basename(path))[0]
    lyr = ds.CreateLayer(name, srs, geom_type,
                         options=["ENCODING=UTF-8", "SPATIAL_INDEX=NO",
                                  "DBF_DATE_LAST_UPDATE=" + dbf_date])
    for fname, ftype, width in fields:
        fd = ogr.FieldDefn(fname, ftype)
        fd.SetWidth(width)
        lyr.CreateField(fd)
    defn = lyr.GetLayerDefn()
    for f in feats:
        feat = ogr.Feature(defn)
        for fname, _, _ in fields:
            feat.SetField(fname, f[fname])
        feat.SetGeometry(f["geom"])
        lyr.CreateFeature(feat)
        feat = None
    lyr = None
    ds = None


def vertex_count(feats):
    return sum(len(r) for f in feats for r in f["rings"])


def zone_of(x, y):
    for name, _, (w, e, s, n) in ZONES:
        if w <= x <= e and s <= y <= n:
            return name
    return "outside"


def zone_counts(feats):
    counts = {name: 0 for name, _, _ in ZONES}
    for f in feats:
        for r in f["rings"]:
            for x, y in r:
                counts[zone_of(x, y)] += 1
    return counts


def make_feats(polys):
    feats = []
    for poly, lev in polys:
        rings = face_rings(poly)
        f = {"rings": rings, "level": lev,
             "area": ring_area(rings[0][::-1]) - sum(ring_area(h) for h in rings[1:])}
        f["key"] = (-f["area"], rings[0][0])
        f["geom"] = to_polygon(rings)
        feats.append(f)
    feats.sort(key=lambda f: f["key"])
    for i, f in enumerate(feats, 1):
        f["id"] = i
    return feats


def outer_box_edges(feats):
    """Runs of outline lying on the outer box edge: (edge, from, to) sorted."""
    w, e, s, n = OUTER
    runs = []
    for f in feats:
        for r in f["rings"]:
            for (x0, y0), (x1, y1) in zip(r, r[1:]):
                if x0 == x1 and x0 in (w, e):
                    runs.append(("lon %g" % x0, min(y0, y1), max(y0, y1), f))
                elif y0 == y1 and y0 in (s, n):
                    runs.append(("lat %g" % y0, min(x0, x1), max(x0, x1), f))
    return sorted(runs, key=lambda r: (r[0], r[1]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workdir", required=True, help="scratch directory")
    ap.add_argument("--outdir", required=True, help="where land.* and lakes.* go")
    a = ap.parse_args()

    tiles = [(box, tile_faces(res, box, a.workdir)) for _, res, box in TILES]
    polys = merge_tiles(tiles)

    land = make_feats([(p, lev) for p, lev in polys if lev in (1, 3)])
    lakes = make_feats([(p, lev) for p, lev in polys if lev in (2, 4)])
    tag_islands(land)

    for layer, feats in (("land", land), ("lakes", lakes)):
        bad = [f["id"] for f in feats if not f["geom"].IsValid()]
        if bad:
            sys.exit("%s: invalid polygons %r" % (layer, bad[:20]))

    write_layer(os.path.join(a.outdir, "land.shp"), land,
                [("id", ogr.OFTInteger, 5), ("level", ogr.OFTInteger, 1),
                 ("island", ogr.OFTString, 24)])
    write_layer(os.path.join(a.outdir, "lakes.shp"), lakes,
                [("id", ogr.OFTInteger, 5), ("level", ogr.OFTInteger, 1)])

    for layer, feats, levels in (("land", land, (1, 3)), ("lakes", lakes, (2, 4))):
        zc = zone_counts(feats)
        print("%s.shp: %d polygons (%s), %d vertices (%s), %d holes"
              % (layer, len(feats),
                 ", ".join("%d level %d" % (sum(f["level"] == lv for f in feats), lv)
                           for lv in levels),
                 vertex_count(feats),
                 ", ".join("%s %d" % (z, zc[z]) for z, _, _ in ZONES),
                 sum(len(f["rings"]) - 1 for f in feats)))
        big = max(feats, key=lambda f: sum(len(r) for r in f["rings"]))
        print("  largest polygon: id %d (%s), %d vertices, %d holes"
              % (big["id"], big.get("island") or "untagged",
                 sum(len(r) for r in big["rings"]), len(big["rings"]) - 1))
        for edge, lo, hi, f in outer_box_edges(feats):
            print("  on the data box edge %s: %.4f..%.4f (id %d %s)"
                  % (edge, lo, hi, f["id"], f.get("island") or "untagged"))
    tags = {}
    for f in land:
        if f["island"]:
            key = (f["island"], f["tagged_by"])
            tags[key] = tags.get(key, 0) + 1
    print("island tags (id/how: count): "
          + ", ".join("%s/%s %d" % (k[0], k[1], v) for k, v in sorted(tags.items())))


if __name__ == "__main__":
    main()
