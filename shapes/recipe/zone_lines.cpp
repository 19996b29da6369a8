// SPDX-License-Identifier: GPL-3.0-or-later
// zone_lines: constructs approximate limits of maritime zones (the 12-nautical-mile territorial
// sea, the 200-nautical-mile fishing zones) from a coastline layer (shapes/land.shp), with GEOS.
// A maintainer's tool, not shipped: built only with -DKURIL_BUILD_RECIPES=ON;
// shapes/recipe/make-zones.sh runs it and writes shapes/src/zones.geojson. See shapes/ZONES.md.
//
//   zone_lines --land FILE [--countries FILE] [--centre LON,LAT] [--spacing M]
//
// Who owns which coast: every land polygon belongs to one of four sides: J (Japan: Hokkaido,
// Honshu and the islands Japan administers), D (the four islands Japan claims and the USSR, now
// Russia, administers: Kunashiri, Etorofu, Shikotan, the Habomai islets), R (the USSR/Russia)
// and O (other countries). A polygon tagged with an island takes that island's side; an
// untagged polygon takes the side of the country (--countries, field iso) containing a point
// inside it, or without that layer the side of the nearest tagged polygon.
//
// Method (densified geodesic offsetting): every coast is densified to points `spacing` metres
// apart (default 2000). A zone of radius r around a set of sides is the union of geodesic
// circles of radius r (computed on the WGS84 ellipsoid with PROJ's geod_direct, 96 vertices, so
// a vertex is exactly r from its coast point and a chord is at most r(1-cos(pi/96)) inside)
// around those points; between two points `s` apart the union dips at most s^2/8r inside the
// true buffer (s = 2 km; 12 nm: 23 m; 200 nm: 1.4 m). The union is formed in a
// local azimuthal equidistant projection centred at --centre (only as a plane to overlay in:
// the vertices are geodesic). Where two sides' zones meet, the zone is clipped at the median
// (equidistance) line as in median_line.cpp: the Voronoi diagram (GEOS) of all coast points in
// that projection; the zone keeps the cells of its own sides' points. The limit is the zone's
// outline without the edges of the data's box (lon 120-180, lat 30-65, or the land layer's
// extent) and of the area a zone is drawn in (Japan's fishing zone: east of 135 E).
// Each output line is split into parts: "limit" (every point r from the nearest own coast) and
// "median" (on the equidistance line). Output: a GeoJSON FeatureCollection on stdout.

#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "geo/vector_source.hpp"
#include "geos_plumbing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <geodesic.h>
#include <geos_c.h>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace recipe;

constexpr double nautical_mile = 1852.0;

Geom ring_polygon(std::vector<geo::Point> ring) {
    ring.push_back(ring.front());
    GEOSGeometry* shell = GEOSGeom_createLinearRing_r(ctx, sequence(ring));
    return checked(GEOSGeom_createPolygon_r(ctx, shell, nullptr, 0), "polygon");
}

Geom polygon(const geo::Polygon& source) {
    std::vector<GEOSGeometry*> holes;
    GEOSGeometry* shell = nullptr;
    for (std::size_t r = 0; r < source.rings.size(); ++r) {
        auto ring = source.rings[r];
        ring.push_back(ring.front());
        GEOSGeometry* made = GEOSGeom_createLinearRing_r(ctx, sequence(ring));
        if (r == 0) {
            shell = made;
        } else {
            holes.push_back(made);
        }
    }
    return checked(
        GEOSGeom_createPolygon_r(ctx, shell, holes.data(), static_cast<unsigned>(holes.size())),
        "polygon");
}

Geom collection(int type, std::vector<Geom> parts, const char* what) {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& part : parts) {
        raw.push_back(part.release());
    }
    return checked(
        GEOSGeom_createCollection_r(ctx, type, raw.data(), static_cast<unsigned>(raw.size())),
        what);
}

// Every simple part of a (multi)geometry.
std::vector<const GEOSGeometry*> parts_of(const GEOSGeometry* g) {
    std::vector<const GEOSGeometry*> out;
    const int n = GEOSGetNumGeometries_r(ctx, g);
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* part = GEOSGetGeometryN_r(ctx, g, i);
        if (GEOSGetNumGeometries_r(ctx, part) > 1 || GEOSGeomTypeId_r(ctx, part) >= 4) {
            const auto inner = parts_of(part);
            out.insert(out.end(), inner.begin(), inner.end());
        } else {
            out.push_back(part);
        }
    }
    return out;
}

// --- sides -----------------------------------------------------------------------------------

enum Side { J = 0, D = 1, R = 2, O = 3 };

// The side of a tagged island polygon, or nothing for an unknown tag.
std::optional<Side> side_of_tag(const std::string& tag) {
    static const std::set<std::string> japan = {
        "hokkaido", "honshu",    "kyushu", "shikoku", "okushiri", "rebun",    "rishiri",
        "teuri",    "yagishiri", "sado",   "oki",     "tsushima", "todoshima"};
    static const std::set<std::string> disputed = {"kunashiri", "etorofu", "shikotan", "habomai"};
    static const std::set<std::string> soviet = {
        "urup",       "simushir",      "ketoy",      "ushishir",    "rasshua",     "matua",
        "raikoke",    "shiashkotan",   "ekarma",     "chirinkotan", "kharimkotan", "onekotan",
        "makanrushi", "antsiferov",    "paramushir", "atlasov",     "shumshu",     "broutona",
        "chirpoy",    "brat_chirpoev", "sakhalin",   "moneron",     "kamchatka"};
    if (japan.count(tag) != 0) {
        return J;
    }
    if (disputed.count(tag) != 0) {
        return D;
    }
    if (soviet.count(tag) != 0) {
        return R;
    }
    return std::nullopt;
}

// The side of a point of the Eurasian mainland's coast (GSHHG's mainland is one polygon from
// Chukotka and Kamchatka to China): Russia's coast runs north-east from the mouth of the Tumen
// (42.29 N, 130.69 E); the coasts south and west of it are North Korea's, South Korea's and
// China's.
Side mainland_side(geo::Point lonlat) {
    return lonlat.y > 42.29 && lonlat.x > 130.69 ? R : O;
}

std::optional<Side> side_of_country(const std::string& iso) {
    if (iso == "JP") {
        return J;
    }
    if (iso == "RU") {
        return R;
    }
    if (!iso.empty()) {
        return O;
    }
    return std::nullopt;
}

struct LonLatBox {
    double west = 1e9, south = 1e9, east = -1e9, north = -1e9;
    void add(geo::Point p) {
        west = std::min(west, p.x);
        east = std::max(east, p.x);
        south = std::min(south, p.y);
        north = std::max(north, p.y);
    }
};

constexpr int per_point = -2; // a side per coast point (the mainland)

struct LandPolygon {
    geo::Polygon lonlat;
    geo::Polygon projected;
    std::string tag;
    int side = -1;
};

std::vector<LandPolygon> read_land(const std::string& path, const geo::Projection& projection,
                                   LonLatBox& extent) {
    geo::LoadOptions options;
    options.expected = geo::GeometryKind::polygons;
    const geo::VectorLayer layer = geo::load_vector_layer(path, options);
    std::vector<LandPolygon> land;
    for (const auto& feature : layer.features) {
        for (const auto& poly : feature.polygons) {
            if (poly.rings.empty() || poly.rings.front().size() < 3) {
                continue;
            }
            LandPolygon item;
            item.lonlat = poly;
            item.projected = poly;
            for (auto& ring : item.projected.rings) {
                projection.forward_in_place(ring);
            }
            for (const auto& p : poly.rings.front()) {
                extent.add(p);
            }
            item.tag = feature.attribute("island");
            land.push_back(std::move(item));
        }
    }
    if (land.empty()) {
        fail(path + ": no land polygons");
    }
    return land;
}

void assign_sides(std::vector<LandPolygon>& land, const std::string& countries_path,
                  const geo::Projection& projection) {
    // Countries: iso -> prepared polygons (projected).
    std::vector<std::pair<std::string, Geom>> countries;
    std::vector<Prepared> countries_prepared;
    if (!countries_path.empty()) {
        geo::LoadOptions options;
        options.expected = geo::GeometryKind::polygons;
        const geo::VectorLayer layer = geo::load_vector_layer(countries_path, options);
        for (const auto& feature : layer.features) {
            const std::string iso = feature.attribute("iso");
            if (iso.empty()) {
                fail(countries_path + ": feature " + std::to_string(feature.fid) +
                     ": attribute 'iso' is missing or empty");
            }
            std::vector<Geom> polys;
            for (auto poly : feature.polygons) {
                for (auto& ring : poly.rings) {
                    projection.forward_in_place(ring);
                }
                polys.push_back(polygon(poly));
            }
            countries.emplace_back(iso, collection(GEOS_MULTIPOLYGON, std::move(polys), "country"));
            countries_prepared.emplace_back(GEOSPrepare_r(ctx, countries.back().second.get()));
        }
    }
    std::vector<std::size_t> tagged;
    for (std::size_t i = 0; i < land.size(); ++i) {
        if (auto side = side_of_tag(land[i].tag)) {
            land[i].side = *side;
            tagged.push_back(i);
        } else if (land[i].tag == "mainland") {
            land[i].side = per_point;
            tagged.push_back(i);
        } else if (!land[i].tag.empty()) {
            fail("land polygon tagged '" + land[i].tag +
                 "': no side is known for this island (add it to side_of_tag)");
        }
    }
    std::vector<Geom> tagged_geoms;
    for (const std::size_t i : tagged) {
        tagged_geoms.push_back(polygon(land[i].projected));
    }
    for (auto& item : land) {
        if (item.side >= 0 || item.side == per_point) {
            continue;
        }
        const Geom geom = polygon(item.projected);
        const Geom inside = checked(GEOSPointOnSurface_r(ctx, geom.get()), "point on surface");
        if (!countries.empty()) {
            for (std::size_t c = 0; c < countries.size(); ++c) {
                if (GEOSPreparedContains_r(ctx, countries_prepared[c].get(), inside.get()) == 1) {
                    item.side = *side_of_country(countries[c].first);
                    break;
                }
            }
            if (item.side >= 0) {
                continue;
            }
        }
        if (item.tag == "mainland") {
            item.side = per_point; // mainland_side() at each coast point
            continue;
        }
        double best = 1e300;
        for (std::size_t t = 0; t < tagged.size(); ++t) {
            double d = 0;
            GEOSDistance_r(ctx, tagged_geoms[t].get(), inside.get(), &d);
            if (d < best) {
                best = d;
                item.side = land[tagged[t]].side;
            }
        }
        if (item.side == per_point) {
            item.side = mainland_side(projection.inverse(coordinates(inside.get()).front()));
        }
        if (item.side < 0) {
            fail("an untagged land polygon has no side");
        }
    }
}

// --- coast points and the Voronoi diagram ----------------------------------------------------

struct Site {
    geo::Point xy;     // projected
    geo::Point lonlat; // on the ellipsoid
    int side = 0;
    std::size_t order = 0; // index along its ring, for thinning
};

std::vector<Site> coast_sites(const std::vector<LandPolygon>& land,
                              const geo::Projection& projection, double spacing) {
    std::vector<Site> sites;
    std::set<std::pair<long long, long long>> seen;
    for (const auto& item : land) {
        for (const auto& source_ring : item.projected.rings) {
            auto ring = source_ring;
            ring.push_back(ring.front());
            const Geom dense =
                checked(GEOSDensify_r(ctx, line_string(ring).get(), spacing), "densify");
            std::size_t order = 0;
            auto points = coordinates(dense.get());
            points.pop_back(); // the closing point
            for (const auto& p : points) {
                const auto key = std::pair{std::llround(p.x * 10), std::llround(p.y * 10)};
                if (!seen.insert(key).second) {
                    continue;
                }
                const geo::Point lonlat = projection.inverse(p);
                const int side = item.side == per_point ? mainland_side(lonlat) : item.side;
                sites.push_back({p, lonlat, side, order++});
            }
        }
    }
    return sites;
}

// The Voronoi cell of every site (same order), in the projection.
std::vector<Geom> voronoi_cells(const std::vector<Site>& sites, const GEOSGeometry* envelope) {
    std::vector<Geom> points;
    points.reserve(sites.size());
    for (const auto& s : sites) {
        points.push_back(point(s.xy));
    }
    const Geom all = collection(GEOS_MULTIPOINT, std::move(points), "sites");
    const Geom diagram =
        checked(GEOSVoronoiDiagram_r(ctx, all.get(), envelope, 0.0, 0), "Voronoi diagram");
    // Match each cell to the site inside it through a grid of the sites.
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    for (const auto& s : sites) {
        min_x = std::min(min_x, s.xy.x);
        min_y = std::min(min_y, s.xy.y);
        max_x = std::max(max_x, s.xy.x);
        max_y = std::max(max_y, s.xy.y);
    }
    const double cell = 5000.0;
    std::map<std::pair<long long, long long>, std::vector<std::size_t>> grid;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        grid[{std::llround(std::floor((sites[i].xy.x - min_x) / cell)),
              std::llround(std::floor((sites[i].xy.y - min_y) / cell))}]
            .push_back(i);
    }
    std::vector<Geom> cells(sites.size());
    const int n = GEOSGetNumGeometries_r(ctx, diagram.get());
    for (int c = 0; c < n; ++c) {
        const GEOSGeometry* poly = GEOSGetGeometryN_r(ctx, diagram.get(), c);
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        GEOSGeom_getXMin_r(ctx, poly, &x0);
        GEOSGeom_getYMin_r(ctx, poly, &y0);
        GEOSGeom_getXMax_r(ctx, poly, &x1);
        GEOSGeom_getYMax_r(ctx, poly, &y1);
        const Prepared prepared(GEOSPrepare_r(ctx, poly));
        const long long gx0 = std::llround(std::floor((std::max(x0, min_x) - min_x) / cell));
        const long long gx1 = std::llround(std::floor((std::min(x1, max_x) - min_x) / cell));
        const long long gy0 = std::llround(std::floor((std::max(y0, min_y) - min_y) / cell));
        const long long gy1 = std::llround(std::floor((std::min(y1, max_y) - min_y) / cell));
        bool matched = false;
        for (long long gx = gx0; gx <= gx1 && !matched; ++gx) {
            for (long long gy = gy0; gy <= gy1 && !matched; ++gy) {
                const auto it = grid.find({gx, gy});
                if (it == grid.end()) {
                    continue;
                }
                for (const std::size_t i : it->second) {
                    if (!cells[i] && GEOSPreparedIntersects_r(ctx, prepared.get(),
                                                              point(sites[i].xy).get()) == 1) {
                        cells[i] = checked(GEOSGeom_clone_r(ctx, poly), "cell");
                        matched = true;
                        break;
                    }
                }
            }
        }
        if (!matched) {
            fail("a Voronoi cell contains no coast point");
        }
    }
    for (std::size_t i = 0; i < sites.size(); ++i) {
        if (!cells[i]) {
            fail("a coast point has no Voronoi cell");
        }
    }
    return cells;
}

// --- zones -----------------------------------------------------------------------------------

geod_geodesic wgs84() {
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    return g;
}

// A geodesic circle of radius r around a lon/lat point, as a polygon in the projection.
Geom geodesic_circle(const geod_geodesic& g, geo::Point centre, double radius, int vertices,
                     const geo::Projection& projection) {
    std::vector<geo::Point> ring;
    ring.reserve(static_cast<std::size_t>(vertices));
    for (int k = 0; k < vertices; ++k) {
        const double azimuth = 360.0 * k / vertices;
        double lat = 0, lon = 0;
        geod_direct(&g, centre.y, centre.x, azimuth, radius, &lat, &lon, nullptr);
        ring.push_back({lon, lat});
    }
    projection.forward_in_place(ring);
    return ring_polygon(ring);
}

// A lon/lat box as a polygon in the projection, its edges densified (curved there).
Geom box_polygon(double west, double south, double east, double north,
                 const geo::Projection& projection) {
    std::vector<geo::Point> ring;
    const int n = 400;
    for (int i = 0; i < n; ++i) {
        ring.push_back({west + (east - west) * i / n, south});
    }
    for (int i = 0; i < n; ++i) {
        ring.push_back({east, south + (north - south) * i / n});
    }
    for (int i = 0; i < n; ++i) {
        ring.push_back({east - (east - west) * i / n, north});
    }
    for (int i = 0; i < n; ++i) {
        ring.push_back({west, north - (north - south) * i / n});
    }
    projection.forward_in_place(ring);
    return ring_polygon(ring);
}

struct ZoneSpec {
    std::string id{};
    std::string kind{};
    std::string party{};
    std::string valid_from{};
    std::string valid_to{};
    std::string label{};
    std::string source{};
    std::vector<int> own{};
    double radius_nm = 12;
    double step_m = 2000; // spacing of the circles' centres along the coast
    double west = -1e9, south = -1e9, east = 1e9, north = 1e9; // drawn inside this box only
    std::string minus{};                                       // drop lines shared with this zone
};

struct Built {
    Geom zone;   // polygon, projected
    Geom lines;  // the limit (multilinestring, projected)
    Geom median; // the outline of the own cells: where the zone meets another side's
};

struct Context {
    const std::vector<LandPolygon>* land;
    const std::vector<Site>* sites;
    const std::vector<Geom>* cells;
    const geo::Projection* projection;
    LonLatBox extent;
    geod_geodesic geodesic = wgs84();
    double spacing = 2000;
};

Built build_zone(const Context& c, const ZoneSpec& spec) {
    const double radius = spec.radius_nm * nautical_mile;
    const std::set<int> own(spec.own.begin(), spec.own.end());
    const double west = std::max(spec.west, c.extent.west);
    const double east = std::min(spec.east, c.extent.east);
    const double south = std::max(spec.south, c.extent.south);
    const double north = std::min(spec.north, c.extent.north);
    // Circles: own coast points within reach of the drawn box.
    const double reach_lat = spec.radius_nm / 60.0 + 0.1;
    const int stride = std::max(1, static_cast<int>(std::lround(spec.step_m / c.spacing)));
    std::vector<Geom> circles;
    std::vector<Geom> own_cells;
    for (std::size_t i = 0; i < c.sites->size(); ++i) {
        const Site& s = (*c.sites)[i];
        if (own.count(s.side) == 0) {
            continue;
        }
        const double reach_lon = reach_lat / std::cos(s.lonlat.y * M_PI / 180.0);
        if (s.lonlat.x < west - reach_lon || s.lonlat.x > east + reach_lon ||
            s.lonlat.y < south - reach_lat || s.lonlat.y > north + reach_lat) {
            continue;
        }
        own_cells.push_back(checked(GEOSGeom_clone_r(ctx, (*c.cells)[i].get()), "cell"));
        if (s.order % static_cast<std::size_t>(stride) == 0) {
            circles.push_back(geodesic_circle(c.geodesic, s.lonlat, radius, 96, *c.projection));
        }
    }
    // The own land itself belongs to the zone's polygon, so that its outline is only the
    // seaward limit (not an inner offset drawn over land).
    std::size_t own_land = 0;
    for (const auto& item : *c.land) {
        if ((item.side == per_point && own.count(R) != 0) || own.count(item.side) != 0) {
            circles.push_back(polygon(item.projected));
            ++own_land;
        }
    }
    std::fprintf(stderr, "%s: %zu circles and land polygons (%zu land), %zu own cells\n",
                 spec.id.c_str(), circles.size(), own_land, own_cells.size());
    const Geom circle_union =
        checked(GEOSUnaryUnion_r(
                    ctx, collection(GEOS_GEOMETRYCOLLECTION, std::move(circles), "circles").get()),
                "union of circles");
    const Geom mine =
        checked(GEOSCoverageUnion_r(
                    ctx, collection(GEOS_GEOMETRYCOLLECTION, std::move(own_cells), "cells").get()),
                "union of cells");
    const Geom drawn = box_polygon(west, south, east, north, *c.projection);
    const Geom clipped =
        checked(GEOSIntersection_r(ctx, circle_union.get(), mine.get()), "median clip");
    Geom zone = checked(GEOSIntersection_r(ctx, clipped.get(), drawn.get()), "box clip");
    // The outline, without the edges of the drawn box (not a limit).
    const Geom outline = checked(GEOSBoundary_r(ctx, zone.get()), "boundary");
    const Geom inner = checked(GEOSBuffer_r(ctx, drawn.get(), -200.0, 8), "inner box");
    Geom lines = checked(GEOSIntersection_r(ctx, outline.get(), inner.get()), "limit");
    // The mainland is one polygon shared by several sides: where the own cells cut it, the
    // outline runs over land. That is no limit.
    std::vector<Geom> mainland;
    for (const auto& item : *c.land) {
        if (item.side == per_point) {
            mainland.push_back(polygon(item.projected));
        }
    }
    if (!mainland.empty()) {
        const Geom shared = checked(
            GEOSUnaryUnion_r(
                ctx, collection(GEOS_GEOMETRYCOLLECTION, std::move(mainland), "mainland").get()),
            "mainland");
        lines = checked(GEOSDifference_r(ctx, lines.get(), shared.get()), "over land");
    }
    lines = checked(GEOSLineMerge_r(ctx, lines.get()), "merge");
    Geom median = checked(GEOSBoundary_r(ctx, mine.get()), "median");
    return {std::move(zone), std::move(lines), std::move(median)};
}

// Splits lines into the parts on the median (the outline of the own cells: "median") and the
// rest, which lie on the union of geodesic circles ("limit": r from the nearest own coast).
std::map<std::string, std::vector<std::vector<geo::Point>>>
split_parts(const GEOSGeometry* lines, const GEOSGeometry* median) {
    const Prepared median_prepared(GEOSPrepare_r(ctx, median));
    std::map<std::string, std::vector<std::vector<geo::Point>>> parts;
    for (const GEOSGeometry* line : parts_of(lines)) {
        const auto pts = coordinates(line);
        std::vector<geo::Point> current;
        std::string current_kind;
        for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
            const geo::Point mid{(pts[i].x + pts[i + 1].x) / 2, (pts[i].y + pts[i + 1].y) / 2};
            double d = 0;
            GEOSPreparedDistance_r(ctx, median_prepared.get(), point(mid).get(), &d);
            const std::string kind = d < 1.0 ? "median" : "limit";
            if (kind != current_kind) {
                if (current.size() >= 2) {
                    parts[current_kind].push_back(current);
                }
                current = {pts[i]};
                current_kind = kind;
            }
            current.push_back(pts[i + 1]);
        }
        if (current.size() >= 2) {
            parts[current_kind].push_back(current);
        }
    }
    return parts;
}

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (const char ch : text) {
        if (ch == '"' || ch == '\\') {
            out += '\\';
        }
        out += ch;
    }
    return out + "\"";
}

int run(int argc, char** argv) {
    std::string land_path;
    std::string countries_path;
    geo::Point centre{146.0, 46.0};
    double spacing = 2000;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                fail(arg + " needs a value");
            }
            return argv[++i];
        };
        if (arg == "--land") {
            land_path = value();
        } else if (arg == "--countries") {
            countries_path = value();
        } else if (arg == "--centre") {
            const auto v = numbers(value(), 2, "--centre");
            centre = {v[0], v[1]};
        } else if (arg == "--spacing") {
            spacing = numbers(value(), 1, "--spacing")[0];
            if (!(spacing >= 100 && spacing <= 20000)) {
                fail("--spacing: expected metres between 100 and 20000");
            }
        } else {
            fail("unknown argument '" + arg + "'");
        }
    }
    if (land_path.empty()) {
        fail("--land FILE is required");
    }
    const geo::Projection projection("+proj=aeqd +lat_0=" + std::to_string(centre.y) +
                                     " +lon_0=" + std::to_string(centre.x) +
                                     " +datum=WGS84 +units=m +no_defs +type=crs");
    LonLatBox extent;
    auto land = read_land(land_path, projection, extent);
    assign_sides(land, countries_path, projection);
    int counts[5] = {0, 0, 0, 0, 0};
    for (const auto& item : land) {
        ++counts[item.side == per_point ? 4 : item.side];
    }
    std::fprintf(stderr,
                 "land: %zu polygons (J %d, D %d, R %d, O %d, mainland %d), extent "
                 "%.3f,%.3f,%.3f,%.3f\n",
                 land.size(), counts[0], counts[1], counts[2], counts[3], counts[4], extent.west,
                 extent.south, extent.east, extent.north);
    const auto sites = coast_sites(land, projection, spacing);
    std::fprintf(stderr, "coast points: %zu\n", sites.size());
    // The diagram's envelope: the data's box grown by 500 km.
    const Geom data_box =
        box_polygon(extent.west, extent.south, extent.east, extent.north, projection);
    const Geom envelope = checked(GEOSBuffer_r(ctx, data_box.get(), 500000.0, 2), "envelope");
    const auto cells = voronoi_cells(sites, envelope.get());
    Context context{&land, &sites, &cells, &projection, extent, wgs84(), spacing};

    // The zones. Sources: annotations.xml <zones>; see shapes/ZONES.md. Territorial seas are
    // drawn inside the core box (lon 139-158, lat 41-55) only.
    const std::vector<ZoneSpec> specs = {
        {.id = "su-territorial-sea",
         .kind = "territorial_sea",
         .party = "RU",
         .valid_from = "1945-09-05",
         .label = "12-nm territorial sea, USSR/Russia (approx.)",
         .source = "isaev-territorial-sea ev-worldjpn-soviet-zone-1977",
         .own = {R, D},
         .radius_nm = 12,
         .step_m = 2000,
         .west = 139,
         .south = 41,
         .east = 158,
         .north = 55},
        {.id = "jp-territorial-sea",
         .kind = "territorial_sea",
         .party = "JP",
         .valid_from = "1977-07-01",
         .label = "12-nm territorial sea, Japan (1977, approx.)",
         .source = "mot-whitepaper-1977-territorial-sea ev-law-1977-fishing-zone",
         .own = {J},
         .radius_nm = 12,
         .step_m = 2000,
         .west = 139,
         .south = 41,
         .east = 158,
         .north = 55},
        {.id = "jp-territorial-sea-claim",
         .kind = "territorial_sea",
         .party = "JP",
         .valid_from = "1977-07-01",
         .label = "Japan's claimed 12-nm sea round the four islands (approx.)",
         .source = "mot-whitepaper-1977-territorial-sea worldjpn-19770225",
         .own = {J, D},
         .radius_nm = 12,
         .step_m = 2000,
         .west = 139,
         .south = 41,
         .east = 158,
         .north = 55,
         .minus = "jp-territorial-sea"},
        {.id = "su-fishing-zone-1977",
         .kind = "fishing_zone",
         .party = "RU",
         .valid_from = "1977-03-01",
         .label = "Soviet 200-nm fishing zone (1977, approx.)",
         .source = "worldjpn-19761210 ev-worldjpn-soviet-zone-1977",
         .own = {R, D},
         .radius_nm = 200,
         .step_m = 2000},
        {.id = "jp-fishing-zone-1977",
         .kind = "fishing_zone",
         .party = "JP",
         .valid_from = "1977-07-01",
         .valid_to = "1996-07-20",
         .label = "Japan's 200-nm fishing zone (1977, approx.)",
         .source = "ev-law-1977-fishing-zone hara-uri-thesis-1979 eez-law-1996",
         .own = {J, D},
         .radius_nm = 200,
         .step_m = 2000,
         .west = 135},
    };

    std::map<std::string, Geom> built_lines;
    std::printf("{\n\"type\": \"FeatureCollection\",\n\"name\": \"zones\",\n\"features\": [\n");
    bool first = true;
    for (const auto& spec : specs) {
        Built built = build_zone(context, spec);
        Geom lines = checked(GEOSGeom_clone_r(ctx, built.lines.get()), "clone");
        if (!spec.minus.empty()) {
            const auto it = built_lines.find(spec.minus);
            if (it == built_lines.end()) {
                fail(spec.id + ": zone '" + spec.minus + "' is not built before it");
            }
            const Geom near = checked(GEOSBuffer_r(ctx, it->second.get(), 30.0, 2), "shared lines");
            lines = checked(GEOSDifference_r(ctx, lines.get(), near.get()), "minus");
            lines = checked(GEOSLineMerge_r(ctx, lines.get()), "merge");
        }
        built_lines[spec.id] = checked(GEOSGeom_clone_r(ctx, built.lines.get()), "clone");
        const auto parts = split_parts(lines.get(), built.median.get());
        for (const auto& [part, pieces] : parts) {
            std::size_t vertices = 0;
            std::printf("%s{ \"type\": \"Feature\", \"properties\": { \"id\": %s, \"part\": %s, "
                        "\"kind\": %s, \"party\": %s, \"valid_from\": %s, \"valid_to\": %s, "
                        "\"label\": %s, \"approx\": \"true\", \"source\": %s },\n"
                        "  \"geometry\": { \"type\": \"MultiLineString\", \"coordinates\": [\n",
                        first ? "" : ",\n", json_string(spec.id).c_str(), json_string(part).c_str(),
                        json_string(spec.kind).c_str(), json_string(spec.party).c_str(),
                        json_string(spec.valid_from).c_str(), json_string(spec.valid_to).c_str(),
                        json_string(spec.label).c_str(), json_string(spec.source).c_str());
            first = false;
            for (std::size_t k = 0; k < pieces.size(); ++k) {
                std::printf("    [");
                for (std::size_t v = 0; v < pieces[k].size(); ++v) {
                    const geo::Point ll = projection.inverse(pieces[k][v]);
                    std::printf("%s[%.5f, %.5f]", v == 0 ? "" : ", ", ll.x, ll.y);
                }
                std::printf("]%s\n", k + 1 < pieces.size() ? "," : "");
                vertices += pieces[k].size();
            }
            std::printf("  ] } }");
            std::fprintf(stderr, "%s (%s): %zu lines, %zu vertices\n", spec.id.c_str(),
                         part.c_str(), pieces.size(), vertices);
        }
    }
    std::printf("\n]\n}\n");
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    return recipe::run_with_geos("zone_lines", run, argc, argv);
}
