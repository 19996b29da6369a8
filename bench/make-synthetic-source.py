#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a synthetic 1.3M-vertex land shapefile for the load benchmark (never shipped).

    /usr/bin/python3 bench/make-synthetic-source.py OUT.shp

Shaped like the hard case of the wide GSHHG data (one 555k-vertex polygon with 1,525 holes,
like Eurasia with its lakes, plus many small islands): a wavy shell round (150 E, 50 N) of
555,000 vertices with 1,525 square-ish holes of 40 vertices, and 3,750 islands of 200 vertices
outside it, 1,310,000 vertices in all. Valid by construction (holes apart and inside the
shell, islands apart and outside it). Needs python3-gdal (Debian's python3).
"""
import math
import struct
import sys

from osgeo import ogr, osr


def ring_wkb(points):
    pts = points + [points[0]]
    return struct.pack("<I", len(pts)) + b"".join(struct.pack("<dd", x, y) for x, y in pts)


def polygon(rings):
    wkb = struct.pack("<BII", 1, 3, len(rings)) + b"".join(ring_wkb(r) for r in rings)
    return ogr.CreateGeometryFromWkb(wkb)


def circle(cx, cy, r, n, wobble=0.0, clockwise=False):
    out = []
    for i in range(n):
        t = 2 * math.pi * i / n
        if clockwise:
            t = -t
        rr = r * (1 + wobble * math.sin(37 * t) + 0.5 * wobble * math.sin(911 * t))
        out.append((cx + rr * math.cos(t), cy + rr * math.sin(t)))
    return out


def main():
    out_path = sys.argv[1]
    cx, cy = 150.0, 50.0
    shell = circle(cx, cy, 9.0, 555000, wobble=0.02)
    holes = []
    step = 0.16
    k = 0
    while len(holes) < 1525:
        ix, iy = k % 40, k // 40
        k += 1
        hx, hy = cx - 3.2 + ix * step, cy - 3.2 + iy * step
        holes.append(circle(hx, hy, 0.05, 40, clockwise=True))
    islands = []
    k = 0
    while len(islands) < 3750:
        ix, iy = k % 75, k // 75
        k += 1
        x, y = 120.5 + ix * 0.8, 30.5 + iy * 0.8
        if math.hypot(x - cx, y - cy) < 10.0:
            continue
        islands.append(circle(x, y, 0.25, 200, wobble=0.05, clockwise=True))
    drv = ogr.GetDriverByName("ESRI Shapefile")
    ds = drv.CreateDataSource(out_path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = ds.CreateLayer("land", srs, ogr.wkbPolygon)
    field = ogr.FieldDefn("island", ogr.OFTString)
    field.SetWidth(24)
    layer.CreateField(field)
    vertices = 0
    for rings in [[shell] + holes] + [[i] for i in islands]:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("island", "mainland" if len(rings) > 1 else "")
        feature.SetGeometry(polygon(rings))
        layer.CreateFeature(feature)
        vertices += sum(len(r) for r in rings)
    ds = None
    print("%s: %d polygons, %d vertices (open rings)" % (out_path, 1 + len(islands), vertices))


main()
