#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write shapes/regions.shp: the status regions that annotations.xml cuts out of
a landmass by country, computed once here instead of at every start.

Called by make-regions.sh (run that, not this).  Needs Debian's python3-gdal
(OGR with GEOS).

For every <island part_of="L" country="C"> of annotations.xml (for example the
Russian part of the Eurasian mainland), the polygons of land.shp whose field
`island` is L (cut first to the island's lat_min/lat_max band, if it has one)
are intersected with the union of countries.shp's polygons whose field `iso`
is C: the same cut the viewer makes with GEOS when no regions layer gives the
island.  Each result polygon becomes a feature with field `island` = the
island's id.  Rings are normalised and sorted as in gshhg_polygons.py; the DBF
date is fixed to DCW-GMT 2.1.1's release date (the newer of the two inputs).
"""

import argparse
import os
import sys
import xml.etree.ElementTree as ET

from osgeo import gdal, ogr, osr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dcw_borders as dcw  # noqa: E402  (polygons_of, union_all, DBF date)
import gshhg_polygons as gp  # noqa: E402  (ring normalisation, layer writing)

ogr.UseExceptions()
osr.UseExceptions()
gdal.UseExceptions()


def features(path, field, value):
    ds = ogr.Open(path)
    out = []
    for f in ds.GetLayer(0):
        if f.GetField(field) == value:
            out.extend(dcw.polygons_of(f.GetGeometryRef()))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shapes", required=True, help="folder with land.shp and countries.shp")
    ap.add_argument("--annotations", required=True, help="annotations.xml")
    ap.add_argument("--outdir", required=True, help="where regions.* go")
    a = ap.parse_args()

    root = ET.parse(a.annotations).getroot()
    feats = []
    for island in root.iter("island"):
        iso = island.get("country")
        if not iso:
            continue
        whole = island.get("part_of")
        land = features(os.path.join(a.shapes, "land.shp"), "island", whole)
        mask = dcw.union_all(features(os.path.join(a.shapes, "countries.shp"), "iso", iso))
        if not land or not mask:
            sys.exit("island %s: no land tagged %r or no country %r" % (island.get("id"), whole, iso))
        lat_min = float(island.get("lat_min", "-90"))
        lat_max = float(island.get("lat_max", "90"))
        band = gp.polygon_from_list([(-180, lat_min), (180, lat_min), (180, lat_max),
                                     (-180, lat_max), (-180, lat_min)])
        mask_geom = mask[0]
        for extra in mask[1:]:
            mask_geom = mask_geom.Union(extra)
        parts = []
        for p in land:
            if not p.IsValid():
                p = p.MakeValid()
            cut = p.Intersection(band).Intersection(mask_geom)
            parts.extend(dcw.polygons_of(cut))
        made = gp.make_feats([(p, 0) for p in parts])
        for f in made:
            f["island"] = island.get("id")
        feats.extend(made)
        print("%s: %d polygons, %d vertices" % (island.get("id"), len(made), gp.vertex_count(made)))
    for i, f in enumerate(feats, 1):
        f["id"] = i
    bad = [f["id"] for f in feats if not f["geom"].IsValid()]
    if bad:
        sys.exit("regions: invalid polygons %r" % bad[:20])
    gp.write_layer(os.path.join(a.outdir, "regions.shp"), feats,
                   [("id", ogr.OFTInteger, 5), ("island", ogr.OFTString, 24)],
                   dbf_date=dcw.DBF_DATE)


if __name__ == "__main__":
    main()
