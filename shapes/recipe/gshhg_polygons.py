#!/usr/bin/python3
"""Rebuild GSHHG land and lake polygons for a lon/lat box from GMT's binned
coastline, and write them as deterministic ESRI shapefiles.

Called by make-land.sh (run that, not this).  Needs Debian's gmt,
gmt-gshhg-full and python3-gdal (OGR with GEOS).

Why this is needed: `gmt coast -M -W` dumps GSHHG only as line pieces cut at
the 1-degree bins of the netCDF file; GMT 6.4 cannot dump filled polygons.
So we

  1. dump all shoreline pieces (levels 1-4) in the box at full precision,
  2. add the box edge, split at every point where a piece ends on it,
  3. polygonize the (already fully noded) lines with GEOS,
  4. classify every face with one `gmt select -N` call per class
     (ocean / land / lake / island-in-lake / pond) on a point inside it,
  5. keep land (level 1) and island-in-lake (level 3) faces for land.shp,
     lake (level 2) and pond (level 4) faces for lakes.shp.  A face's holes
     are the faces nested in it, so land polygons have their lakes cut out
     and lakes have their islands cut out.
  6. tag islands by reference points (see ISLAND_POINTS, HABOMAI_REGION).

Determinism: GMT's text output is printed with %.15g (GSHHG full resolution
stores coordinates as 1/65535 of a 1-degree bin; 15 significant digits keep
them exactly enough that adjacent pieces share identical end points, which
is checked).  Rings start at their lexicographically smallest (lon, lat)
vertex, outer rings run clockwise and holes counter-clockwise (the
shapefile convention), holes are sorted, features are sorted by planar area
in square degrees (descending) and then by smallest vertex, and the DBF
"last update" date is fixed to GSHHG 2.3.7's release date.
"""

import argparse
import os
import subprocess
import sys

from osgeo import gdal, ogr, osr

ogr.UseExceptions()
osr.UseExceptions()
gdal.UseExceptions()

WEST, EAST, SOUTH, NORTH = 139.0, 158.0, 41.0, 55.0
REGION = "139/158/41/55"
FLOAT_FMT = "%.15g"
DBF_DATE = "2017-06-15"  # GSHHG 2.3.7 release date

# Island ids: every land polygon containing one of these points gets the id.
# Points are towns or spots well inside the island as drawn by GSHHG 2.3.7
# full resolution (each one is checked to hit exactly one land polygon).
ISLAND_POINTS = [
    # id              lon       lat      what is there
    ("hokkaido",     141.350,  43.060),  # Sapporo
    # Honshu is cut by the box edge at 41 N into three pieces:
    ("honshu",       140.450,  41.100),  # Tsugaru peninsula
    ("honshu",       141.180,  41.290),  # Mutsu, Shimokita peninsula
    ("honshu",       140.890,  41.008),  # tip of the Natsudomari peninsula
    ("sakhalin",     142.740,  46.960),  # Yuzhno-Sakhalinsk
    ("mainland",     139.500,  50.500),  # Sikhote-Alin, Khabarovsk Krai
    ("kamchatka",    157.500,  52.500),  # south Kamchatka interior
    # Southern Kurils (the disputed four)
    ("etorofu",      147.886,  45.227),  # Kurilsk (Iturup)
    ("kunashiri",    145.856,  44.031),  # Yuzhno-Kurilsk (Kunashir)
    ("shikotan",     146.832,  43.871),  # Malokurilskoye
    # (habomai: every islet inside HABOMAI_REGION, see below)
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

# Habomai: hand-drawn region (lon, lat) between Cape Nosappu (Hokkaido's
# easternmost land in GSHHG is at 145.818 E) and Shikotan (westernmost land
# at 146.584 E).  Every land polygon lying wholly inside it, and not tagged
# otherwise, is a Habomai islet: Suisho, Yuri, Akiyuri, Shibotsu, Taraku,
# Harukaru, Kaigara, Moemoshiri, Oden, Todo and the rocks around them.
HABOMAI_REGION = [(145.835, 43.300), (146.500, 43.300), (146.500, 43.700),
                  (145.835, 43.700), (145.835, 43.300)]
# Kaigara lighthouse; GSHHG draws Kaigara ~1.5 km east of it, so the check
# is that the land polygon NEAREST to this point is tagged habomai.
KAIGARA_LIGHTHOUSE = (145.858, 43.397)
MIN_HABOMAI_ISLETS = 10

CLASSES = ["ocean", "land", "lake", "island", "pond"]  # index = GSHHG level


def gmt(args, workdir, stdin=None):
    cmd = ["gmt"] + args + ["--FORMAT_FLOAT_OUT=" + FLOAT_FMT,
                            "--DIR_GSHHG=/usr/share/gmt-gshhg",
                            "--GMT_HISTORY=false"]
    res = subprocess.run(cmd, cwd=workdir, input=stdin, capture_output=True,
                         text=True)
    if res.returncode != 0:
        sys.exit("gmt failed: %s\n%s" % (" ".join(cmd), res.stderr))
    return res.stdout


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
    return pieces


def on_box(p):
    return p[0] in (WEST, EAST) or p[1] in (SOUTH, NORTH)


def perimeter_pos(p):
    x, y = p
    if y == SOUTH:
        return x - WEST
    if x == EAST:
        return (EAST - WEST) + (y - SOUTH)
    if y == NORTH:
        return (EAST - WEST) + (NORTH - SOUTH) + (EAST - x)
    return 2 * (EAST - WEST) + (NORTH - SOUTH) + (NORTH - y)


def check_pieces(pieces):
    """Open pieces must meet exactly in pairs inside the box, once on its edge."""
    ends = {}
    for _, pts in pieces:
        if len(pts) < 2:
            sys.exit("degenerate piece")
        if pts[0] != pts[-1]:
            for p in (pts[0], pts[-1]):
                ends[p] = ends.get(p, 0) + 1
    box_ends = []
    for p, n in ends.items():
        if on_box(p):
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


def normalise_ring(pts, clockwise):
    ring = [tuple(p[:2]) for p in pts]
    if ring[0] != ring[-1]:
        sys.exit("open ring")
    ring = ring[:-1]
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


def build_faces(pieces, box_ends):
    lines = ogr.Geometry(ogr.wkbMultiLineString)
    for _, pts in pieces:
        ls = ogr.Geometry(ogr.wkbLineString)
        for x, y in pts:
            ls.AddPoint_2D(x, y)
        lines.AddGeometry(ls)
    corners = [(WEST, SOUTH), (EAST, SOUTH), (EAST, NORTH), (WEST, NORTH)]
    per = sorted(set(box_ends) | set(corners), key=perimeter_pos)
    for a, b in zip(per, per[1:] + per[:1]):
        ls = ogr.Geometry(ogr.wkbLineString)
        ls.AddPoint_2D(*a)
        ls.AddPoint_2D(*b)
        lines.AddGeometry(ls)
    faces = lines.Polygonize()
    out = [faces.GetGeometryRef(i).Clone() for i in range(faces.GetGeometryCount())]
    total = sum(f.GetArea() for f in out)
    box_area = (EAST - WEST) * (NORTH - SOUTH)
    if abs(total - box_area) > 1e-9 * box_area:
        sys.exit("faces cover %.12g sq deg, box is %.12g: polygonize lost faces"
                 % (total, box_area))
    return out


def classify(faces, workdir):
    pts = []
    for i, f in enumerate(faces):
        p = f.PointOnSurface()
        pts.append((FLOAT_FMT + "\t" + FLOAT_FMT + "\t%d") % (p.GetX(), p.GetY(), i))
    stdin = "\n".join(pts) + "\n"
    level = {}
    for k, name in enumerate(CLASSES):
        flags = ["s"] * 5
        flags[k] = "k"
        out = gmt(["select", "-R" + REGION, "-Df", "-A0", "-N" + "/".join(flags)],
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
    # Faces of the same class must never share an edge (else a line piece
    # would be missing or a face misclassified): their union keeps them apart.
    for k, name in enumerate(CLASSES):
        group = [f for i, f in enumerate(faces) if level[i] == k]
        if len(group) < 2:
            continue
        mp = ogr.Geometry(ogr.wkbMultiPolygon)
        for f in group:
            mp.AddGeometry(f)
        u = mp.UnionCascaded()
        n = u.GetGeometryCount() if u.GetGeometryType() == ogr.wkbMultiPolygon else 1
        if n != len(group):
            sys.exit("%s faces share edges (%d faces, %d after union)" % (name, len(group), n))
    return [level[i] for i in range(len(faces))]


def tag_islands(feats):
    """feats: list of dicts with 'geom'; sets 'island'."""
    for f in feats:
        f["island"] = ""
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
    region = polygon_from_list(HABOMAI_REGION)
    n = 0
    for f in feats:
        g = f["geom"]
        if not g.Intersects(region):
            continue
        if f["island"] or not g.Within(region):
            sys.exit("land polygon %s straddles or is tagged inside the Habomai "
                     "region" % (f["island"] or "?"))
        f["island"] = "habomai"
        n += 1
    if n < MIN_HABOMAI_ISLETS:
        sys.exit("only %d Habomai islets" % n)
    pt = ogr.Geometry(ogr.wkbPoint)
    pt.AddPoint_2D(*KAIGARA_LIGHTHOUSE)
    nearest = min(feats, key=lambda f: f["geom"].Distance(pt))
    if nearest["island"] != "habomai":
        sys.exit("Kaigara (nearest land to its lighthouse) is not tagged habomai")


def write_layer(path, feats, fields):
    drv = ogr.GetDriverByName("ESRI Shapefile")
    ds = drv.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    name = os.path.splitext(os.path.basename(path))[0]
    lyr = ds.CreateLayer(name, srs, ogr.wkbPolygon,
                         options=["ENCODING=UTF-8", "SPATIAL_INDEX=NO",
                                  "DBF_DATE_LAST_UPDATE=" + DBF_DATE])
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workdir", required=True, help="scratch directory")
    ap.add_argument("--outdir", required=True, help="where land.* and lakes.* go")
    a = ap.parse_args()

    text = gmt(["coast", "-R" + REGION, "-Df", "-A0/1/4", "-M", "-W"], a.workdir)
    pieces = read_pieces(text)
    box_ends = check_pieces(pieces)
    faces = build_faces(pieces, box_ends)
    levels = classify(faces, a.workdir)

    land, lakes = [], []
    for face, lev in zip(faces, levels):
        rings = face_rings(face)
        f = {"rings": rings, "level": lev,
             "area": ring_area(rings[0][::-1]) - sum(ring_area(h) for h in rings[1:])}
        f["key"] = (-f["area"], rings[0][0])
        f["geom"] = to_polygon(rings)
        if lev in (1, 3):
            land.append(f)
        elif lev in (2, 4):
            lakes.append(f)
    for feats in (land, lakes):
        feats.sort(key=lambda f: f["key"])
        for i, f in enumerate(feats, 1):
            f["id"] = i
    tag_islands(land)

    write_layer(os.path.join(a.outdir, "land.shp"), land,
                [("id", ogr.OFTInteger, 5), ("level", ogr.OFTInteger, 1),
                 ("island", ogr.OFTString, 24)])
    write_layer(os.path.join(a.outdir, "lakes.shp"), lakes,
                [("id", ogr.OFTInteger, 5), ("level", ogr.OFTInteger, 1)])

    print("pieces %d (%d ending on the box edge), faces %d: %s"
          % (len(pieces), len(box_ends), len(faces),
             ", ".join("%s %d" % (c, levels.count(k)) for k, c in enumerate(CLASSES))))
    print("land.shp:  %d polygons (%d level 1, %d level 3), %d vertices, %d holes"
          % (len(land), sum(f["level"] == 1 for f in land),
             sum(f["level"] == 3 for f in land), vertex_count(land),
             sum(len(f["rings"]) - 1 for f in land)))
    print("lakes.shp: %d polygons (%d level 2, %d level 4), %d vertices, %d holes"
          % (len(lakes), sum(f["level"] == 2 for f in lakes),
             sum(f["level"] == 4 for f in lakes), vertex_count(lakes),
             sum(len(f["rings"]) - 1 for f in lakes)))
    tags = {}
    for f in land:
        if f["island"]:
            tags[f["island"]] = tags.get(f["island"], 0) + 1
    print("island tags: " + ", ".join("%s %d" % kv for kv in sorted(tags.items())))


if __name__ == "__main__":
    main()
