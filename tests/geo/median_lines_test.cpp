// SPDX-License-Identifier: GPL-3.0-or-later
// The constructed sea lines of shapes/boundaries.shp are median lines of the shipped coastline
// shapes/land.shp: every point along them, sampled every 2 km, is within 1 km of equidistance
// between the two coasts named for it (the distances to the two sides differ by at most 2 km),
// measured in metres in a local azimuthal equidistant projection; and no sea line crosses land.
// The sides are chosen by points inside their polygons, as in shapes/recipe/make-median-lines.sh,
// so the check still holds when land.shp covers a wider area.
#include "geo/history.hpp"
#include "geo/projection.hpp"
#include "geo/vector_source.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <doctest/doctest.h>
#include <geos_c.h>
#include <memory>
#include <string>
#include <vector>

namespace {

using geo::Point;

// --- the sides: points inside their polygons of land.shp ---------------------------------------

using Points = std::vector<Point>;

Points join(std::initializer_list<Points> parts) {
    Points all;
    for (const auto& part : parts) {
        all.insert(all.end(), part.begin(), part.end());
    }
    return all;
}

const Point hokkaido{142.74608, 43.45972};
const Point kunashiri{145.81208, 44.08728};
const Point etorofu{147.83998, 44.99081};
const Point shikotan{146.71122, 43.79646};
const Point urup{149.98416, 45.89995};
const Point shumshu{156.38460, 50.74874};
const Point paramushir{155.83585, 50.38582};
const Point atlasov{155.56869, 50.86291};
const Point kamchatka{157.07041, 52.93083};
const Point sakhalin{143.03245, 50.16084};
const Point moneron{141.22281, 46.24794};
const Point rishiri{141.23227, 45.17874};
const Point rebun{141.02748, 45.36873};
const Point todoshima{140.96958, 45.47830};

// Islets off the Nemuro and Notsuke peninsulas (Japanese side).
const Points hokkaido_islets = {
    {145.42959, 43.27957}, {145.59852, 43.21393}, {145.10603, 43.05122}, {145.22832, 43.57374},
    {145.60646, 43.22892}, {145.27074, 43.55854}, {145.28646, 43.57270}, {145.66823, 43.29811},
    {145.57373, 43.22876}, {145.27643, 43.56207}, {145.58376, 43.22624}, {145.30801, 43.59519},
    {145.57622, 43.34250}, {145.24706, 43.34499}, {145.67336, 43.30457}, {145.35033, 43.31058},
    {145.34516, 43.28457}, {145.75705, 43.33708}, {145.77708, 43.33789}, {145.78413, 43.39416},
    {145.78022, 43.39291}, {145.27666, 43.59207}, {145.80728, 43.36291}, {145.67871, 43.30710}};
// The Habomai islets (GSHHG's Kaigara among them, 145.87355 43.38959) and Shikotan's islets.
const Points habomai = {{146.13291, 43.50459}, {145.91361, 43.43854}, {146.32657, 43.63560},
                        {146.07489, 43.42561}, {145.99896, 43.37043}, {146.16206, 43.41957},
                        {146.40423, 43.57017}, {146.15381, 43.41100}, {145.89227, 43.38373},
                        {146.09668, 43.42125}, {146.17499, 43.42915}, {146.36915, 43.61458},
                        {146.43456, 43.60144}, {145.87355, 43.38959}, {146.36751, 43.61876},
                        {146.43416, 43.57456}, {146.42891, 43.57707}};
const Points shikotan_islets = {
    {146.79997, 43.75418}, {146.85183, 43.79207}, {146.84249, 43.80124}, {146.91239, 43.82061}};
// Islets off Kunashiri and between Kunashiri and Etorofu.
const Points kunashiri_islets = {
    {145.50645, 43.91373}, {146.04921, 44.18038}, {146.13909, 44.26203}, {146.46013, 44.36616},
    {146.58493, 44.45955}, {146.97486, 44.65177}, {146.98761, 44.65639}, {147.26833, 44.60704},
    {147.30501, 44.66623}, {146.98344, 44.65373}, {147.26021, 44.60874}};
const Points etorofu_islets = {
    {148.53477, 45.29124}, {148.85039, 45.34499}, {148.56538, 45.30540}, {148.41528, 45.33438},
    {148.75395, 45.55873}, {148.47134, 45.25519}, {148.86003, 45.36500}, {148.53623, 45.45331},
    {148.50999, 45.25792}, {148.54500, 45.29292}, {148.45121, 45.36455}, {148.78290, 45.55791},
    {148.50540, 45.25914}, {148.41670, 45.23874}, {148.61165, 45.50040}, {148.55019, 45.45957},
    {148.78606, 45.55790}, {148.88627, 45.48042}, {148.49705, 45.25124}, {148.77059, 45.55707},
    {148.89057, 45.48454}, {148.61915, 45.50016}, {148.62623, 45.32707}, {148.47328, 45.38729},
    {148.88874, 45.48209}, {148.86789, 45.37292}, {148.85830, 45.36311}, {148.47686, 45.40959},
    {148.54665, 45.29454}, {148.55790, 45.30311}, {148.55788, 45.30166}, {148.53708, 45.29186},
    {148.87456, 45.39832}};
const Points urup_islets = {{149.98748, 46.06497}, {149.52646, 45.70228}, {149.44310, 45.65040},
                            {150.03025, 45.82377}, {149.51124, 45.68956}, {149.46044, 45.66457},
                            {149.58476, 45.60039}, {149.97249, 45.82041}, {149.98079, 45.82038},
                            {149.91002, 45.99917}};
const Points lopatka_islets = {{156.81207, 50.95208}, {157.03917, 51.11707}, {156.82086, 50.95704}};
const Points shumshu_islets = {
    {156.41789, 50.64208}, {156.11209, 50.46872}, {156.22622, 50.66625}, {156.43083, 50.66459},
    {156.24917, 50.76416}, {156.27749, 50.51122}, {156.28080, 50.63249}, {156.18497, 50.67996},
    {156.25121, 50.76039}, {156.13161, 50.48499}, {156.40912, 50.63247}, {156.41579, 50.63415},
    {156.30417, 50.62959}, {156.17414, 50.50623}, {156.51248, 50.77543}, {156.26583, 50.49957},
    {156.13122, 50.65288}, {156.38540, 50.62123}, {156.03663, 50.44250}, {156.12999, 50.75624}};

const Points japan_south = join({{hokkaido}, hokkaido_islets});
const Points kunashiri_etorofu = join({{kunashiri, etorofu}, kunashiri_islets});
const Points shikotan_habomai = join({{shikotan}, habomai, shikotan_islets});

struct MedianCase {
    const char* id;
    const char* part;
    const char* sides; ///< for the messages
    Points a;
    Points b;
};

const MedianCase median_cases[] = {
    {"line-of-control", "main", "Hokkaido | Kunashiri, Shikotan, Habomai", japan_south,
     join({kunashiri_etorofu, shikotan_habomai})},
    {"joint-declaration-1956", "main", "Kunashiri, Etorofu | Shikotan, Habomai", kunashiri_etorofu,
     shikotan_habomai},
    {"japan-claim-1952", "main", "Hokkaido, Shikotan, Habomai | Kunashiri, Etorofu",
     join({japan_south, shikotan_habomai}), kunashiri_etorofu},
    {"shimoda-1855", "main", "Etorofu | Urup", join({{etorofu}, etorofu_islets}),
     join({{urup}, urup_islets})},
    {"kawana-1998", "main", "Etorofu | Urup", join({{etorofu}, etorofu_islets}),
     join({{urup}, urup_islets})},
    {"japan-claim", "main", "Etorofu | Urup", join({{etorofu}, etorofu_islets}),
     join({{urup}, urup_islets})},
    {"st-petersburg-1875", "kuril-strait", "Kamchatka | Shumshu, Paramushir",
     join({{kamchatka}, lopatka_islets}), join({{shumshu, paramushir, atlasov}, shumshu_islets})},
    {"st-petersburg-1875",
     "la-perouse",
     "Sakhalin | Hokkaido",
     {sakhalin, moneron},
     {hokkaido, rishiri, rebun, todoshima}},
};

// Lines that cross land by their definition: a parallel across Sakhalin, a line across Hokkaido.
const char* const land_lines[] = {"portsmouth-1905", "stalin-hokkaido-1945"};

// --- land, lines, GEOS ---------------------------------------------------------------------------

const std::vector<geo::Polygon>& land() {
    static const std::vector<geo::Polygon> polygons = [] {
        geo::LoadOptions options;
        options.expected = geo::GeometryKind::polygons;
        std::vector<geo::Polygon> all;
        for (auto& feature :
             geo::load_vector_layer(test_paths::shipped() / "shapes" / "land.shp", options)
                 .features) {
            for (auto& polygon : feature.polygons) {
                all.push_back(std::move(polygon));
            }
        }
        return all;
    }();
    return polygons;
}

const std::vector<geo::BoundaryLine>& shipped_lines() {
    static const auto lines = geo::boundary_lines_from_layer(
        geo::load_vector_layer(test_paths::shipped() / "shapes" / "boundaries.shp"));
    return lines;
}

const geo::BoundaryLine* find_line(const std::string& id, const std::string& part) {
    for (const auto& line : shipped_lines()) {
        if (line.id == id && line.part == part) {
            return &line;
        }
    }
    return nullptr;
}

bool in_ring(const geo::Ring& ring, Point p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Point a = ring[i];
        const Point b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) {
            inside = !inside;
        }
    }
    return inside;
}

/// The land polygons containing the points; an error naming a point inside none.
std::vector<const geo::Polygon*> polygons_containing(const Points& points) {
    std::vector<const geo::Polygon*> found;
    for (const Point p : points) {
        const geo::Polygon* hit = nullptr;
        for (const auto& polygon : land()) {
            if (!polygon.rings.empty() && in_ring(polygon.rings.front(), p)) {
                hit = &polygon;
                break;
            }
        }
        if (hit == nullptr) {
            throw std::runtime_error("no land polygon contains " + std::to_string(p.x) + " " +
                                     std::to_string(p.y));
        }
        if (std::find(found.begin(), found.end(), hit) == found.end()) {
            found.push_back(hit);
        }
    }
    return found;
}

struct Geos {
    GEOSContextHandle_t handle = GEOS_init_r();
    ~Geos() { GEOS_finish_r(handle); }
};
GEOSContextHandle_t geos() {
    static Geos context;
    return context.handle;
}
struct GeomDeleter {
    void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(geos(), g); }
};
using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;
struct PreparedDeleter {
    void operator()(const GEOSPreparedGeometry* g) const { GEOSPreparedGeom_destroy_r(geos(), g); }
};
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

GEOSGeometry* make_line(const std::vector<Point>& points, bool ring) {
    const auto n = static_cast<unsigned>(points.size() + (ring ? 1 : 0));
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(geos(), n, 2);
    for (unsigned i = 0; i < n; ++i) {
        const Point p = points[i % points.size()];
        GEOSCoordSeq_setXY_r(geos(), seq, i, p.x, p.y);
    }
    return GEOSGeom_createLineString_r(geos(), seq);
}

/// The coast of one side (its polygons' rings), projected, as a prepared multilinestring.
struct Coast {
    Geom lines;
    Prepared prepared;
};
Coast coast(const std::vector<const geo::Polygon*>& polygons, const geo::Projection& projection) {
    std::vector<GEOSGeometry*> parts;
    for (const auto* polygon : polygons) {
        for (auto ring : polygon->rings) {
            projection.forward_in_place(ring);
            parts.push_back(make_line(ring, true));
        }
    }
    Coast made;
    made.lines.reset(GEOSGeom_createCollection_r(geos(), GEOS_MULTILINESTRING, parts.data(),
                                                 static_cast<unsigned>(parts.size())));
    made.prepared.reset(GEOSPrepare_r(geos(), made.lines.get()));
    return made;
}

double distance(const Coast& to, Point p) {
    const Geom point(GEOSGeom_createPointFromXY_r(geos(), p.x, p.y));
    double d = 0;
    REQUIRE(GEOSPreparedDistance_r(geos(), to.prepared.get(), point.get(), &d) == 1);
    return d;
}

struct Offsets {
    double worst_m = 0; ///< the largest half-difference of the distances to the two sides
    Point worst_at;     ///< lon/lat
    int samples = 0;
};

/// Samples a lon/lat line every `step_m` metres (and at every vertex) in an azimuthal
/// equidistant projection centred on the line, and measures how far from equidistance it is.
Offsets median_offsets(const geo::LineString& line, const Points& side_a, const Points& side_b,
                       double step_m = 2000) {
    const Point centre = line[line.size() / 2];
    char definition[160];
    std::snprintf(definition, sizeof definition,
                  "+proj=aeqd +lat_0=%.6f +lon_0=%.6f +datum=WGS84 +units=m +no_defs +type=crs",
                  centre.y, centre.x);
    const geo::Projection projection(definition);
    const Coast a = coast(polygons_containing(side_a), projection);
    const Coast b = coast(polygons_containing(side_b), projection);
    auto projected = line;
    projection.forward_in_place(projected);
    Offsets offsets;
    for (std::size_t i = 0; i + 1 < projected.size(); ++i) {
        const Point p0 = projected[i];
        const Point p1 = projected[i + 1];
        const int steps =
            std::max(1, static_cast<int>(std::ceil(std::hypot(p1.x - p0.x, p1.y - p0.y) / step_m)));
        for (int k = 0; k <= steps; ++k) {
            const double t = static_cast<double>(k) / steps;
            const Point p{p0.x + t * (p1.x - p0.x), p0.y + t * (p1.y - p0.y)};
            const double offset = std::abs(distance(a, p) - distance(b, p)) / 2;
            ++offsets.samples;
            if (offset > offsets.worst_m) {
                offsets.worst_m = offset;
                offsets.worst_at = projection.inverse(p);
            }
        }
    }
    return offsets;
}

/// Whether a lon/lat line touches any land polygon.
bool touches_land(const geo::LineString& line) {
    const Geom geom(make_line(line, false));
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (const Point p : line) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    for (const auto& polygon : land()) {
        const auto& ring = polygon.rings.front();
        const bool apart =
            std::all_of(ring.begin(), ring.end(), [&](Point p) { return p.x < x0; }) ||
            std::all_of(ring.begin(), ring.end(), [&](Point p) { return p.x > x1; }) ||
            std::all_of(ring.begin(), ring.end(), [&](Point p) { return p.y < y0; }) ||
            std::all_of(ring.begin(), ring.end(), [&](Point p) { return p.y > y1; });
        if (apart) {
            continue;
        }
        const Geom shell(make_line(ring, true));
        const Geom area(GEOSGeom_createPolygon_r(
            geos(),
            GEOSGeom_createLinearRing_r(
                geos(), GEOSCoordSeq_clone_r(geos(), GEOSGeom_getCoordSeq_r(geos(), shell.get()))),
            nullptr, 0));
        if (GEOSIntersects_r(geos(), area.get(), geom.get()) == 1) {
            return true;
        }
    }
    return false;
}

std::string where(Point p) {
    char text[64];
    std::snprintf(text, sizeof text, "%.4f %.4f", p.x, p.y);
    return text;
}

} // namespace

TEST_CASE("[geo] median lines: every constructed sea line is within 1 km of equidistance") {
    for (const auto& c : median_cases) {
        const std::string id = c.id;
        const std::string part = c.part;
        const std::string sides = c.sides;
        CAPTURE(id);
        CAPTURE(part);
        const geo::BoundaryLine* line = find_line(c.id, c.part);
        REQUIRE(line != nullptr);
        REQUIRE(line->geometry.size() == 1);
        const Offsets offsets = median_offsets(line->geometry.front(), c.a, c.b);
        MESSAGE(id << " (" << part << "), " << sides << ": " << offsets.samples
                   << " samples, worst offset " << std::lround(offsets.worst_m) << " m at "
                   << where(offsets.worst_at));
        CHECK(offsets.samples >= 10);
        CHECK(offsets.worst_m <= 1000);
    }
}

TEST_CASE("[geo] median lines: the check fails on the line of control drawn before issue 13") {
    // The hand-drawn line it replaced: 10 km off the median north of the Nemuro peninsula.
    const geo::LineString old_line = {{145.62, 44.38}, {145.35, 44.02}, {145.39, 43.64},
                                      {145.58, 43.48}, {145.84, 43.39}, {145.87, 43.30}};
    const Offsets offsets =
        median_offsets(old_line, japan_south, join({kunashiri_etorofu, shikotan_habomai}));
    CHECK(offsets.worst_m > 5000);
    // And a side chosen by a point in the sea is an error, not a silent empty side.
    CHECK_THROWS_WITH(polygons_containing({{145.6, 44.2}}),
                      doctest::Contains("no land polygon contains 145.6"));
}

TEST_CASE("[geo] median lines: every sea line is checked, and none touches land") {
    for (const auto& line : shipped_lines()) {
        CAPTURE(line.id);
        CAPTURE(line.part);
        const bool on_land = std::any_of(std::begin(land_lines), std::end(land_lines),
                                         [&](const char* id) { return line.id == id; });
        const bool checked =
            std::any_of(std::begin(median_cases), std::end(median_cases), [&](const MedianCase& c) {
                return line.id == c.id && line.part == c.part;
            });
        CHECK(on_land != checked); // each line is one or the other
        if (!on_land) {
            for (const auto& part : line.geometry) {
                CHECK_FALSE(touches_land(part));
            }
        }
    }
    // The check sees land: the line across Hokkaido touches it.
    const geo::BoundaryLine* stalin = find_line("stalin-hokkaido-1945", "main");
    REQUIRE(stalin != nullptr);
    CHECK(touches_land(stalin->geometry.front()));
}

TEST_CASE("[geo] median lines: the 1956 line and Japan's 1952 line join the line of control") {
    const geo::BoundaryLine* control = find_line("line-of-control", "main");
    const geo::BoundaryLine* implied = find_line("joint-declaration-1956", "main");
    const geo::BoundaryLine* stated = find_line("japan-claim-1952", "main");
    REQUIRE(control != nullptr);
    REQUIRE(implied != nullptr);
    REQUIRE(stated != nullptr);
    CHECK(implied->kind == geo::LineKind::implied);
    const auto& c = control->geometry.front();
    const auto& i = implied->geometry.front();
    // The 1956 line starts on a vertex of the line of control (the tripoint), exactly.
    const auto tripoint = std::find(c.begin(), c.end(), i.front());
    REQUIRE(tripoint != c.end());
    CHECK(tripoint != c.begin());
    CHECK(tripoint + 1 != c.end());
    // Japan's 1952-1956 line: the line of control up to the tripoint, then the 1956 line.
    geo::LineString expected(c.begin(), tripoint);
    expected.insert(expected.end(), i.begin(), i.end());
    CHECK(stated->geometry.front() == expected);
}
