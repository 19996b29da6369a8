// SPDX-License-Identifier: GPL-3.0-or-later
// median_line: constructs median (equidistance) lines between groups of land polygons of a
// coastline layer (shapes/land.shp), with GEOS. A maintainer's tool, not shipped: built only
// with -DKURIL_BUILD_RECIPES=ON; shapes/recipe/make-median-lines.sh runs it for every
// constructed line of shapes/src/boundaries.geojson. See shapes/BOUNDARIES.md.
//
//   median_line --land FILE --centre LON,LAT
//               --side NAME=SEL[;SEL...] ...      SEL: p:LON,LAT   the polygon containing it
//                                                      w:W,S,E,N    every polygon inside the box
//               --line NAME=A:B[+C][,A:B...]@W,S,E,N ...
//               [--spacing M] [--simplify M] [--margin-km K]
//   median_line --land FILE --list W,S,E,N           the polygons inside the box
//
// Method: each side's coast is densified to points `spacing` metres apart (default 100) in a
// local azimuthal equidistant projection centred at --centre; GEOS builds the Voronoi diagram
// of all the points. An edge of the diagram separates two coast points; it is kept for a piece
// A:B when one point is on side A and the other on side B (B+C: either side). The kept edges
// inside the piece's box are merged into one line and simplified (Douglas-Peucker, default
// tolerance 100 m, the ends kept). A line's pieces are joined end to start: they come from one
// diagram, so a tripoint shared by two pieces (or two lines) is the same Voronoi vertex.
// Output: per line, "# NAME" and one "[lon, lat]," pair per text line (GeoJSON coordinates),
// then on stderr the worst offset from equidistance measured along the output every 500 m.

#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "geo/vector_source.hpp"
#include "geos_plumbing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <geos_c.h>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace recipe;

struct LonLatBox {
    double west = 0, south = 0, east = 0, north = 0;
    bool contains(geo::Point p) const {
        return p.x >= west && p.x <= east && p.y >= south && p.y <= north;
    }
};

struct Selector {
    std::optional<geo::Point> point; // p:LON,LAT
    std::optional<LonLatBox> box;    // w:W,S,E,N
};

struct Side {
    std::string name;
    std::vector<Selector> selectors;
    std::vector<std::size_t> polygons; // indexes into the land polygons
};

struct Piece {
    std::size_t side = 0;
    std::vector<std::size_t> others;
};

struct LineSpec {
    std::string name;
    std::vector<Piece> pieces;
    LonLatBox box;
    std::optional<geo::Point> from; // the line starts at its end nearer this point
};

LonLatBox parse_box(const std::string& text, const std::string& what) {
    const auto v = numbers(text, 4, what);
    if (!(v[0] < v[2] && v[1] < v[3])) {
        fail(what + ": '" + text + "' is not W,S,E,N with W < E and S < N");
    }
    return {v[0], v[1], v[2], v[3]};
}

geo::Point parse_point(const std::string& text, const std::string& what) {
    const auto v = numbers(text, 2, what);
    return {v[0], v[1]};
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

Geom multi_point(const std::vector<geo::Point>& points) {
    std::vector<GEOSGeometry*> parts;
    for (const auto& p : points) {
        parts.push_back(point(p).release());
    }
    return checked(GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOINT, parts.data(),
                                               static_cast<unsigned>(parts.size())),
                   "multipoint");
}

// --- the construction --------------------------------------------------------------------------

struct Land {
    std::vector<geo::Polygon> polygons; // lon/lat
    std::vector<LonLatBox> envelopes;
};

Land read_land(const std::string& path) {
    geo::LoadOptions options;
    options.expected = geo::GeometryKind::polygons;
    const geo::VectorLayer layer = geo::load_vector_layer(path, options);
    Land land;
    for (const auto& feature : layer.features) {
        for (const auto& poly : feature.polygons) {
            if (poly.rings.empty() || poly.rings.front().size() < 3) {
                continue;
            }
            LonLatBox box{1e9, 1e9, -1e9, -1e9};
            for (const auto& p : poly.rings.front()) {
                box.west = std::min(box.west, p.x);
                box.east = std::max(box.east, p.x);
                box.south = std::min(box.south, p.y);
                box.north = std::max(box.north, p.y);
            }
            land.polygons.push_back(poly);
            land.envelopes.push_back(box);
        }
    }
    return land;
}

double area_km2(const geo::Polygon& poly, const geo::Projection& projection) {
    geo::Polygon projected = poly;
    for (auto& ring : projected.rings) {
        projection.forward_in_place(ring);
    }
    double area = 0;
    GEOSArea_r(ctx, polygon(projected).get(), &area);
    return area / 1e6;
}

void list_polygons(const Land& land, const LonLatBox& box) {
    const geo::Projection projection(
        "+proj=aeqd +lat_0=" + std::to_string((box.south + box.north) / 2) + " +lon_0=" +
        std::to_string((box.west + box.east) / 2) + " +datum=WGS84 +units=m +no_defs +type=crs");
    for (std::size_t i = 0; i < land.polygons.size(); ++i) {
        const LonLatBox& e = land.envelopes[i];
        if (!(box.contains({e.west, e.south}) && box.contains({e.east, e.north}))) {
            continue;
        }
        const Geom inside =
            checked(GEOSPointOnSurface_r(ctx, polygon(land.polygons[i]).get()), "point on surface");
        const auto at = coordinates(inside.get()).front();
        std::printf("p:%.5f,%.5f  area %.4f km2  box %.4f,%.4f,%.4f,%.4f\n", at.x, at.y,
                    area_km2(land.polygons[i], projection), e.west, e.south, e.east, e.north);
    }
}

void select_polygons(const Land& land, std::vector<Side>& sides) {
    std::vector<int> owner(land.polygons.size(), -1);
    std::vector<Prepared> prepared(land.polygons.size());
    std::vector<Geom> geoms(land.polygons.size());
    for (std::size_t s = 0; s < sides.size(); ++s) {
        for (const auto& selector : sides[s].selectors) {
            std::size_t found = 0;
            for (std::size_t i = 0; i < land.polygons.size(); ++i) {
                const LonLatBox& e = land.envelopes[i];
                bool hit = false;
                if (selector.box) {
                    hit = selector.box->contains({e.west, e.south}) &&
                          selector.box->contains({e.east, e.north});
                } else if (e.contains(*selector.point)) {
                    if (!geoms[i]) {
                        geoms[i] = polygon(land.polygons[i]);
                        prepared[i].reset(GEOSPrepare_r(ctx, geoms[i].get()));
                    }
                    hit = GEOSPreparedIntersects_r(ctx, prepared[i].get(),
                                                   point(*selector.point).get()) == 1;
                }
                if (!hit) {
                    continue;
                }
                ++found;
                if (owner[i] >= 0 && owner[i] != static_cast<int>(s)) {
                    fail("a polygon (box " + std::to_string(e.west) + "," +
                         std::to_string(e.south) + ") is selected by side " +
                         sides[static_cast<std::size_t>(owner[i])].name + " and side " +
                         sides[s].name);
                }
                if (owner[i] < 0) {
                    owner[i] = static_cast<int>(s);
                    sides[s].polygons.push_back(i);
                }
            }
            if (found == 0) {
                fail("side " + sides[s].name + ": a selector matches no land polygon");
            }
        }
    }
}

// Sites: the densified coast points of each side inside the work area.
struct Sites {
    std::vector<geo::Point> points;
    std::vector<std::size_t> side_of;
    std::vector<Geom> per_side;     // multipoint per side
    std::vector<Prepared> prepared; // prepared multipoint per side
    std::vector<Geom> coast;        // the side's coast lines (projected), for the report
    std::vector<Prepared> coast_prepared;
};

Sites make_sites(const Land& land, const std::vector<Side>& sides,
                 const geo::Projection& projection, const geo::Box& work, double spacing) {
    Sites sites;
    for (std::size_t s = 0; s < sides.size(); ++s) {
        std::vector<geo::Point> mine;
        std::vector<GEOSGeometry*> rings;
        for (const std::size_t i : sides[s].polygons) {
            for (const auto& source_ring : land.polygons[i].rings) {
                auto ring = source_ring;
                projection.forward_in_place(ring);
                ring.push_back(ring.front());
                const Geom line = line_string(ring);
                const Geom dense = checked(GEOSDensify_r(ctx, line.get(), spacing), "densify");
                for (const auto& p : coordinates(dense.get())) {
                    if (work.contains(p)) {
                        mine.push_back(p);
                    }
                }
                rings.push_back(line_string(ring).release());
            }
        }
        std::sort(mine.begin(), mine.end(), [](geo::Point a, geo::Point b) {
            return a.x < b.x || (a.x == b.x && a.y < b.y);
        });
        mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
        if (mine.empty()) {
            fail("side " + sides[s].name + " has no coast inside the work area");
        }
        for (const auto& p : mine) {
            sites.points.push_back(p);
            sites.side_of.push_back(s);
        }
        sites.per_side.push_back(multi_point(mine));
        sites.prepared.emplace_back(GEOSPrepare_r(ctx, sites.per_side.back().get()));
        sites.coast.push_back(
            checked(GEOSGeom_createCollection_r(ctx, GEOS_MULTILINESTRING, rings.data(),
                                                static_cast<unsigned>(rings.size())),
                    "coast"));
        sites.coast_prepared.emplace_back(GEOSPrepare_r(ctx, sites.coast.back().get()));
        std::fprintf(stderr, "side %s: %zu polygons, %zu coast points\n", sides[s].name.c_str(),
                     sides[s].polygons.size(), mine.size());
    }
    return sites;
}

double distance_to(const GEOSPreparedGeometry* target, geo::Point p) {
    double d = 0;
    if (GEOSPreparedDistance_r(ctx, target, point(p).get(), &d) != 1) {
        fail("GEOS distance failed");
    }
    return d;
}

// Which two sides an edge separates, or nothing when both its sites are on one side.
std::optional<std::pair<std::size_t, std::size_t>> separated_sides(const Sites& sites,
                                                                   geo::Point mid) {
    std::vector<std::pair<double, std::size_t>> d;
    for (std::size_t s = 0; s < sites.prepared.size(); ++s) {
        d.emplace_back(distance_to(sites.prepared[s].get(), mid), s);
    }
    std::sort(d.begin(), d.end());
    if (d.size() < 2 || d[1].first - d[0].first > 1e-3 + 1e-7 * d[0].first) {
        return std::nullopt;
    }
    return std::pair{d[0].second, d[1].second};
}

geo::Box projected_box(const LonLatBox& box, const geo::Projection& projection) {
    geo::Box out{1e18, 1e18, -1e18, -1e18};
    for (int i = 0; i <= 20; ++i) {
        const double t = i / 20.0;
        for (const geo::Point p : {geo::Point{box.west + t * (box.east - box.west), box.south},
                                   geo::Point{box.west + t * (box.east - box.west), box.north},
                                   geo::Point{box.west, box.south + t * (box.north - box.south)},
                                   geo::Point{box.east, box.south + t * (box.north - box.south)}}) {
            const geo::Point q = projection.forward(p);
            out.min_x = std::min(out.min_x, q.x);
            out.max_x = std::max(out.max_x, q.x);
            out.min_y = std::min(out.min_y, q.y);
            out.max_y = std::max(out.max_y, q.y);
        }
    }
    return out;
}

// The box as a polygon in the projection (edges densified: they are curved there).
Geom projected_box_polygon(const LonLatBox& box, const geo::Projection& projection) {
    geo::Polygon poly;
    geo::Ring ring;
    const int n = 50;
    for (int i = 0; i < n; ++i) {
        ring.push_back({box.west + (box.east - box.west) * i / n, box.south});
    }
    for (int i = 0; i < n; ++i) {
        ring.push_back({box.east, box.south + (box.north - box.south) * i / n});
    }
    for (int i = 0; i < n; ++i) {
        ring.push_back({box.east - (box.east - box.west) * i / n, box.north});
    }
    for (int i = 0; i < n; ++i) {
        ring.push_back({box.west, box.north - (box.north - box.south) * i / n});
    }
    projection.forward_in_place(ring);
    poly.rings.push_back(ring);
    return polygon(poly);
}

std::vector<geo::Point> merge_piece(const std::vector<geo::Point>& edge_ends,
                                    const std::string& what) {
    std::vector<GEOSGeometry*> parts;
    for (std::size_t i = 0; i + 1 < edge_ends.size(); i += 2) {
        parts.push_back(line_string({edge_ends[i], edge_ends[i + 1]}).release());
    }
    if (parts.empty()) {
        fail(what + ": no edge of the diagram separates these sides inside the box");
    }
    const Geom all = checked(GEOSGeom_createCollection_r(ctx, GEOS_MULTILINESTRING, parts.data(),
                                                         static_cast<unsigned>(parts.size())),
                             "edges");
    const Geom merged = checked(GEOSLineMerge_r(ctx, all.get()), "line merge");
    const int count = GEOSGetNumGeometries_r(ctx, merged.get());
    if (GEOSGeomTypeId_r(ctx, merged.get()) == GEOS_LINESTRING) {
        return coordinates(merged.get());
    }
    if (count != 1) {
        std::ostringstream message;
        message << what << ": the median inside the box is " << count << " separate lines (lengths";
        for (int i = 0; i < count; ++i) {
            double length = 0;
            GEOSLength_r(ctx, GEOSGetGeometryN_r(ctx, merged.get(), i), &length);
            message << " " << std::lround(length) << " m";
        }
        message << "); change the box or the sides";
        fail(message.str());
    }
    return coordinates(GEOSGetGeometryN_r(ctx, merged.get(), 0));
}

double dist(geo::Point a, geo::Point b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

int run(int argc, char** argv) {
    std::string land_path;
    std::optional<geo::Point> centre;
    std::optional<LonLatBox> list_box;
    std::vector<Side> sides;
    std::vector<std::pair<std::string, std::string>> line_args;
    double spacing = 100, tolerance = 100, margin_km = 80;
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
        } else if (arg == "--centre") {
            centre = parse_point(value(), "--centre");
        } else if (arg == "--list") {
            list_box = parse_box(value(), "--list");
        } else if (arg == "--spacing") {
            spacing = numbers(value(), 1, "--spacing")[0];
        } else if (arg == "--simplify") {
            tolerance = numbers(value(), 1, "--simplify")[0];
        } else if (arg == "--margin-km") {
            margin_km = numbers(value(), 1, "--margin-km")[0];
        } else if (arg == "--side") {
            const std::string text = value();
            const auto eq = text.find('=');
            if (eq == std::string::npos || eq == 0) {
                fail("--side '" + text + "': expected NAME=SEL[;SEL...]");
            }
            Side side{text.substr(0, eq), {}, {}};
            std::stringstream in(text.substr(eq + 1));
            for (std::string sel; std::getline(in, sel, ';');) {
                if (sel.rfind("p:", 0) == 0) {
                    side.selectors.push_back(
                        {parse_point(sel.substr(2), "--side " + side.name), {}});
                } else if (sel.rfind("w:", 0) == 0) {
                    side.selectors.push_back({{}, parse_box(sel.substr(2), "--side " + side.name)});
                } else {
                    fail("--side " + side.name + ": '" + sel + "' is not p:LON,LAT or w:W,S,E,N");
                }
            }
            sides.push_back(std::move(side));
        } else if (arg == "--line") {
            const std::string text = value();
            const auto eq = text.find('=');
            if (eq == std::string::npos || eq == 0) {
                fail("--line '" + text + "': expected NAME=A:B[,A:B...]@W,S,E,N");
            }
            line_args.emplace_back(text.substr(0, eq), text.substr(eq + 1));
        } else {
            fail("unknown argument '" + arg + "'");
        }
    }
    if (land_path.empty()) {
        fail("--land is required");
    }
    const Land land = read_land(land_path);
    if (list_box) {
        list_polygons(land, *list_box);
        return 0;
    }
    if (!centre || sides.size() < 2 || line_args.empty()) {
        fail("--centre, two --side and one --line at least are required");
    }
    auto side_index = [&](const std::string& name, const std::string& where) {
        for (std::size_t s = 0; s < sides.size(); ++s) {
            if (sides[s].name == name) {
                return s;
            }
        }
        fail(where + ": no side named '" + name + "'");
    };
    std::vector<LineSpec> lines;
    for (const auto& [name, text] : line_args) {
        const std::string where = "--line " + name;
        const auto at = text.find('@');
        if (at == std::string::npos) {
            fail(where + ": expected PIECES@W,S,E,N[@LON,LAT]");
        }
        const auto at2 = text.find('@', at + 1);
        LineSpec spec{name, {}, parse_box(text.substr(at + 1, at2 - at - 1), where), {}};
        if (at2 != std::string::npos) {
            spec.from = parse_point(text.substr(at2 + 1), where + " start");
        }
        std::stringstream in(text.substr(0, at));
        for (std::string piece; std::getline(in, piece, ',');) {
            const auto colon = piece.find(':');
            if (colon == std::string::npos) {
                fail(where + ": piece '" + piece + "' is not A:B[+C]");
            }
            Piece made{side_index(piece.substr(0, colon), where), {}};
            std::stringstream others(piece.substr(colon + 1));
            for (std::string other; std::getline(others, other, '+');) {
                made.others.push_back(side_index(other, where));
            }
            spec.pieces.push_back(made);
        }
        lines.push_back(std::move(spec));
    }
    select_polygons(land, sides);

    char centre_text[96];
    std::snprintf(centre_text, sizeof centre_text, "+lat_0=%.6f +lon_0=%.6f", centre->y, centre->x);
    const geo::Projection projection(std::string("+proj=aeqd ") + centre_text +
                                     " +datum=WGS84 +units=m +no_defs +type=crs");
    geo::Box work{1e18, 1e18, -1e18, -1e18};
    for (const auto& line : lines) {
        const geo::Box b = projected_box(line.box, projection);
        work.min_x = std::min(work.min_x, b.min_x - margin_km * 1000);
        work.min_y = std::min(work.min_y, b.min_y - margin_km * 1000);
        work.max_x = std::max(work.max_x, b.max_x + margin_km * 1000);
        work.max_y = std::max(work.max_y, b.max_y + margin_km * 1000);
    }
    const Sites sites = make_sites(land, sides, projection, work, spacing);
    const Geom all_sites = multi_point(sites.points);
    const Geom edges =
        checked(GEOSVoronoiDiagram_r(ctx, all_sites.get(), nullptr, 0.0, 1), "Voronoi diagram");
    const int edge_count = GEOSGetNumGeometries_r(ctx, edges.get());
    std::fprintf(stderr, "Voronoi diagram: %d edges from %zu points\n", edge_count,
                 sites.points.size());

    // Edges between two different sides, with those sides, near one of the boxes.
    struct Edge {
        geo::Point a, b;
        std::size_t s1, s2;
    };
    std::vector<Edge> between;
    std::vector<geo::Box> boxes;
    for (const auto& line : lines) {
        boxes.push_back(projected_box(line.box, projection));
    }
    for (int i = 0; i < edge_count; ++i) {
        const auto ends = coordinates(GEOSGetGeometryN_r(ctx, edges.get(), i));
        if (ends.size() != 2) {
            fail("a Voronoi edge with " + std::to_string(ends.size()) + " points");
        }
        const geo::Point mid{(ends[0].x + ends[1].x) / 2, (ends[0].y + ends[1].y) / 2};
        const bool near_a_box = std::any_of(boxes.begin(), boxes.end(), [&](const geo::Box& b) {
            const double pad = dist(ends[0], ends[1]);
            return mid.x >= b.min_x - pad && mid.x <= b.max_x + pad && mid.y >= b.min_y - pad &&
                   mid.y <= b.max_y + pad;
        });
        if (!near_a_box) {
            continue;
        }
        if (const auto pair = separated_sides(sites, mid)) {
            between.push_back({ends[0], ends[1], pair->first, pair->second});
        }
    }

    for (const auto& line : lines) {
        const Geom clip = projected_box_polygon(line.box, projection);
        std::vector<geo::Point> joined;
        for (std::size_t k = 0; k < line.pieces.size(); ++k) {
            const Piece& piece = line.pieces[k];
            std::string what = line.name + " piece " + sides[piece.side].name + ":";
            for (const auto o : piece.others) {
                what += sides[o].name + (o == piece.others.back() ? "" : "+");
            }
            std::vector<geo::Point> ends;
            for (const auto& e : between) {
                const bool ours = (e.s1 == piece.side &&
                                   std::count(piece.others.begin(), piece.others.end(), e.s2)) ||
                                  (e.s2 == piece.side &&
                                   std::count(piece.others.begin(), piece.others.end(), e.s1));
                if (!ours) {
                    continue;
                }
                const Geom cut = checked(
                    GEOSIntersection_r(ctx, line_string({e.a, e.b}).get(), clip.get()), "clip");
                if (GEOSGeomTypeId_r(ctx, cut.get()) == GEOS_LINESTRING &&
                    !GEOSisEmpty_r(ctx, cut.get())) {
                    const auto c = coordinates(cut.get());
                    ends.push_back(c.front());
                    ends.push_back(c.back());
                }
            }
            auto merged = merge_piece(ends, what);
            // Simplify: Douglas-Peucker keeps both ends.
            const Geom simple =
                checked(GEOSSimplify_r(ctx, line_string(merged).get(), tolerance), "simplify");
            merged = coordinates(simple.get());
            if (joined.empty()) {
                joined = merged; // oriented by the next piece, and at the end by `from`
                continue;
            }
            // Join: the pieces share one end (a vertex of the diagram).
            const double gaps[4] = {
                dist(joined.back(), merged.front()), dist(joined.back(), merged.back()),
                dist(joined.front(), merged.front()), dist(joined.front(), merged.back())};
            const auto best = static_cast<int>(std::min_element(gaps, gaps + 4) - gaps);
            if (gaps[best] > 1e-6) {
                fail(what + ": does not start where the previous piece ends (gap " +
                     std::to_string(gaps[best]) + " m)");
            }
            if (best >= 2) {
                if (k != 1) {
                    fail(what + ": meets the line's first point, not its last");
                }
                std::reverse(joined.begin(), joined.end());
            }
            if (best == 1 || best == 3) {
                std::reverse(merged.begin(), merged.end());
            }
            joined.insert(joined.end(), merged.begin() + 1, merged.end());
        }
        if (line.from) {
            const geo::Point from = projection.forward(*line.from);
            if (dist(joined.back(), from) < dist(joined.front(), from)) {
                std::reverse(joined.begin(), joined.end());
            }
        }

        // Report: the worst offset from equidistance along the output, every 500 m, against
        // the coast lines (not the points): half the difference of the distances to the two
        // sides of the piece nearest to each sample.
        double worst = 0, length = 0;
        geo::Point worst_at{};
        for (std::size_t i = 0; i + 1 < joined.size(); ++i) {
            const double seg = dist(joined[i], joined[i + 1]);
            length += seg;
            const int steps = std::max(1, static_cast<int>(seg / 500));
            for (int j = 0; j <= steps; ++j) {
                const double t = static_cast<double>(j) / steps;
                const geo::Point p{joined[i].x + t * (joined[i + 1].x - joined[i].x),
                                   joined[i].y + t * (joined[i + 1].y - joined[i].y)};
                std::vector<std::pair<double, std::size_t>> d;
                for (std::size_t s = 0; s < sites.coast_prepared.size(); ++s) {
                    d.emplace_back(distance_to(sites.coast_prepared[s].get(), p), s);
                }
                std::sort(d.begin(), d.end());
                const double offset = (d[1].first - d[0].first) / 2;
                if (offset > worst) {
                    worst = offset;
                    worst_at = projection.inverse(p);
                }
            }
        }
        std::fprintf(
            stderr, "%s: %zu points, %.1f km, worst offset from equidistance %.0f m at %.4f,%.4f\n",
            line.name.c_str(), joined.size(), length / 1000, worst, worst_at.x, worst_at.y);
        std::printf("# %s\n", line.name.c_str());
        for (std::size_t i = 0; i < joined.size(); ++i) {
            const geo::Point ll = projection.inverse(joined[i]);
            std::printf("    [%.4f, %.4f]%s\n", ll.x, ll.y, i + 1 < joined.size() ? "," : "");
        }
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    return recipe::run_with_geos("median_line", run, argc, argv);
}
