// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// GEOS plumbing shared by the recipe tools (median_line, zone_lines): one reentrant context,
// owning handles, and conversions between point lists and GEOS geometries. Failures throw
// std::runtime_error through fail(); each tool's main() reports them.

#include "geo/geometry.hpp"

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <geos_c.h>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace recipe {

[[noreturn]] inline void fail(const std::string& message) {
    throw std::runtime_error(message);
}

/// The tool's GEOS context, made in main() with GEOS_init_r and message handlers below.
/// `count` comma-separated numbers, or fail() naming `what`.
inline std::vector<double> numbers(const std::string& text, std::size_t count,
                                   const std::string& what) {
    std::vector<double> values;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        char* end = nullptr;
        const double value = std::strtod(item.c_str(), &end);
        if (item.empty() || *end != '\0' || !std::isfinite(value)) {
            fail(what + ": '" + text + "' is not " + std::to_string(count) +
                 " comma-separated numbers");
        }
        values.push_back(value);
    }
    if (values.size() != count) {
        fail(what + ": '" + text + "' is not " + std::to_string(count) +
             " comma-separated numbers");
    }
    return values;
}

inline GEOSContextHandle_t ctx = nullptr;

inline void geos_message(const char* format, ...) {
    va_list args;
    va_start(args, format);
    std::vfprintf(stderr, format, args);
    va_end(args);
    std::fputc('\n', stderr);
}

struct GeomDeleter {
    void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(ctx, g); }
};
using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;
struct PreparedDeleter {
    void operator()(const GEOSPreparedGeometry* g) const { GEOSPreparedGeom_destroy_r(ctx, g); }
};
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

inline Geom checked(GEOSGeometry* g, const char* what) {
    if (g == nullptr) {
        fail(std::string("GEOS failed: ") + what);
    }
    return Geom(g);
}

inline GEOSCoordSequence* sequence(const std::vector<geo::Point>& points) {
    auto* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(points.size()), 2);
    for (std::size_t i = 0; i < points.size(); ++i) {
        GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(i), points[i].x, points[i].y);
    }
    return seq;
}

inline std::vector<geo::Point> coordinates(const GEOSGeometry* g) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, g);
    unsigned size = 0;
    GEOSCoordSeq_getSize_r(ctx, seq, &size);
    std::vector<geo::Point> points(size);
    for (unsigned i = 0; i < size; ++i) {
        GEOSCoordSeq_getXY_r(ctx, seq, i, &points[i].x, &points[i].y);
    }
    return points;
}

inline Geom point(geo::Point p) {
    return checked(GEOSGeom_createPointFromXY_r(ctx, p.x, p.y), "point");
}

inline Geom line_string(const std::vector<geo::Point>& points) {
    return checked(GEOSGeom_createLineString_r(ctx, sequence(points)), "line");
}

/// Runs a tool's `run(argc, argv)` inside a GEOS context: a failure is one line on stderr,
/// "TOOL: message", and exit status 2.
inline int run_with_geos(const char* tool, int (*run)(int, char**), int argc, char** argv) {
    ctx = GEOS_init_r();
    GEOSContext_setNoticeHandler_r(ctx, geos_message);
    GEOSContext_setErrorHandler_r(ctx, geos_message);
    int status = 0;
    try {
        status = run(argc, argv);
    } catch (const std::exception& problem) {
        std::fprintf(stderr, "%s: %s\n", tool, problem.what());
        status = 2;
    }
    GEOS_finish_r(ctx);
    return status;
}

} // namespace recipe
