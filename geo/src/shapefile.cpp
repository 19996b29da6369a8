// SPDX-License-Identifier: GPL-3.0-or-later
#include "shapefile.hpp"

#include "feature_checks.hpp"
#include "geo/error.hpp"
#include "geo/geometry.hpp"
#include "geo/validated_list.hpp"
#include "i18n/translate.hpp"
#include "util/strings.hpp"
#include "util/work_queue.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <functional>
#include <future>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <proj.h>
#include <shapefil.h>
#include <sstream>

namespace fs = std::filesystem;

namespace geo::detail {
namespace {

using i18n::N_;

struct ShpCloser {
    void operator()(SHPInfo* shp) const { SHPClose(shp); }
};
struct DbfCloser {
    void operator()(DBFInfo* dbf) const { DBFClose(dbf); }
};
struct ShapeDeleter {
    void operator()(SHPObject* shape) const { SHPDestroyObject(shape); }
};
struct ProjContextDeleter {
    void operator()(PJ_CONTEXT* context) const { proj_context_destroy(context); }
};
struct ProjDeleter {
    void operator()(PJ* object) const { proj_destroy(object); }
};

std::string file_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Whether the .cpg beside the .shp names UTF-8 (GDAL recodes other encodings).
bool declares_utf8(const fs::path& shp) {
    const auto cpg = sibling(shp, ".cpg");
    if (!cpg) {
        return false; // GDAL then goes by the .dbf's language byte, or assumes ISO-8859-1
    }
    std::string name = kuril::ascii_lower(file_text(*cpg));
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r' || name.back() == ' ')) {
        name.pop_back();
    }
    return name == "utf-8" || name == "utf8" || name == "65001";
}

/// The name of a CRS given as WKT (as PROJ names it: "WGS 84") when it is WGS 84 in longitude
/// and latitude; nullopt for another CRS. Asks PROJ, which opens its database.
std::optional<std::string> look_up_wgs84_name(const std::string& wkt) {
    const std::unique_ptr<PJ_CONTEXT, ProjContextDeleter> context(proj_context_create());
    proj_log_level(context.get(), PJ_LOG_NONE);
    const std::unique_ptr<PJ, ProjDeleter> crs(
        proj_create_from_wkt(context.get(), wkt.c_str(), nullptr, nullptr, nullptr));
    const std::unique_ptr<PJ, ProjDeleter> wgs84(proj_create(context.get(), "EPSG:4326"));
    std::optional<std::string> name;
    if (crs && wgs84 &&
        proj_is_equivalent_to_with_ctx(context.get(), crs.get(), wgs84.get(),
                                       PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS) != 0) {
        const char* text = proj_get_name(crs.get());
        name = text != nullptr ? std::string(text) : std::string("unnamed CRS");
    }
    return name;
}

/// look_up_wgs84_name, remembered by text: the shipped files share one .prj, and each look-up
/// opens PROJ's database. Layers loading on two threads at once wait for one look-up.
std::optional<std::string> wgs84_name_of(const std::string& wkt) {
    using Answer = std::shared_future<std::optional<std::string>>;
    static std::mutex mutex;
    static std::map<std::string, Answer> known;
    std::promise<std::optional<std::string>> promise;
    Answer answer;
    bool mine = false;
    {
        const std::lock_guard lock(mutex);
        if (const auto it = known.find(wkt); it != known.end()) {
            answer = it->second;
        } else {
            answer = promise.get_future().share();
            known.emplace(wkt, answer);
            mine = true;
        }
    }
    if (mine) {
        try {
            promise.set_value(look_up_wgs84_name(wkt));
        } catch (...) {
            promise.set_exception(std::current_exception());
        }
    }
    return answer.get();
}

enum class FieldKind { text, integer };

struct Field {
    std::string name;
    FieldKind kind;
};

/// The .dbf's fields when each is text or an integer (what GDAL reads as String, Integer or
/// Integer64); nullopt for any other (reals, dates, logicals: GDAL formats them).
std::optional<std::vector<Field>> plain_fields(DBFHandle dbf) {
    std::vector<Field> fields;
    const int count = DBFGetFieldCount(dbf);
    for (int i = 0; i < count; ++i) {
        char name[XBASE_FLDNAME_LEN_READ + 1] = {};
        int width = 0;
        int decimals = 0;
        DBFGetFieldInfo(dbf, i, name, &width, &decimals);
        const char native = DBFGetNativeFieldType(dbf, i);
        if (native == 'C') {
            fields.push_back({name, FieldKind::text});
        } else if (native == 'N' && decimals == 0 && width < 19) {
            fields.push_back({name, FieldKind::integer});
        } else {
            return std::nullopt;
        }
        if (!kuril::well_formed_utf8(fields.back().name)) {
            return std::nullopt;
        }
    }
    return fields;
}

/// An integer field's value as GDAL writes it ("007" -> "7"); nullopt when it is not one.
std::optional<std::string> integer_text(const char* value) {
    errno = 0;
    char* end = nullptr;
    const long long number = std::strtoll(value, &end, 10);
    if (end == value || *end != '\0' || errno != 0) {
        return std::nullopt;
    }
    return std::to_string(number);
}

bool polygonal(int type) {
    return type == SHPT_POLYGON || type == SHPT_POLYGONZ || type == SHPT_POLYGONM;
}

bool lineal(int type) {
    return type == SHPT_ARC || type == SHPT_ARCZ || type == SHPT_ARCM;
}

bool point_type(int type) {
    return type == SHPT_POINT || type == SHPT_POINTZ || type == SHPT_POINTM;
}

/// The vertices of part `part` of a shape.
std::vector<Point> part_points(const SHPObject& shape, int part) {
    const int from = shape.panPartStart[part];
    const int to = part + 1 < shape.nParts ? shape.panPartStart[part + 1] : shape.nVertices;
    std::vector<Point> points;
    points.reserve(static_cast<std::size_t>(std::max(to - from, 0)));
    for (int i = from; i < to; ++i) {
        points.push_back({shape.padfX[i], shape.padfY[i]});
    }
    return points;
}

/// A polygon shape's rings made into polygons as GDAL makes them: clockwise rings are outer
/// rings, each counter-clockwise ring a hole of the outer ring that holds it. nullopt when a hole
/// lies in no outer ring (GDAL decides those).
std::optional<std::vector<Polygon>> polygons_of(const SHPObject& shape) {
    std::vector<Ring> rings;
    for (int part = 0; part < shape.nParts; ++part) {
        Ring ring = part_points(shape, part);
        // Rings are stored open: the closing point is implied.
        if (ring.size() > 1 && ring.front() == ring.back()) {
            ring.pop_back();
        }
        rings.push_back(std::move(ring));
    }
    std::vector<Polygon> polygons;
    if (rings.size() == 1) {
        polygons.push_back({{std::move(rings.front())}});
        return polygons;
    }
    std::vector<std::size_t> outer_of(rings.size(), rings.size());
    std::vector<std::size_t> outers;
    std::vector<double> area; ///< doubled, of each outer ring
    std::vector<Box> boxes;   ///< of each outer ring
    for (std::size_t i = 0; i < rings.size(); ++i) {
        // A shapefile's outer rings run clockwise.
        const double twice = rings[i].size() >= 3 ? doubled_area(rings[i]) : 0.0;
        if (twice < 0) {
            outer_of[i] = polygons.size();
            outers.push_back(i);
            area.push_back(-twice);
            boxes.push_back(box_of(rings[i]));
            polygons.push_back({{rings[i]}});
        }
    }
    for (std::size_t i = 0; i < rings.size(); ++i) {
        if (outer_of[i] != rings.size()) {
            continue;
        }
        if (rings[i].empty()) {
            return std::nullopt;
        }
        // The innermost outer ring that holds it: an island in a lake of a larger island is
        // an outer ring inside another, and the holes of the smaller belong to it.
        std::size_t holder = rings.size();
        for (std::size_t k = 0; k < outers.size(); ++k) {
            const Point p = rings[i].front();
            if (boxes[k].contains(p) && ring_contains(rings[outers[k]], p) &&
                (holder == rings.size() || area[k] < area[holder])) {
                holder = k;
            }
        }
        if (holder == rings.size()) {
            return std::nullopt;
        }
        polygons[holder].rings.push_back(std::move(rings[i]));
    }
    return polygons;
}

/// shapelib's handles of one shapefile, quiet: its own complaints (a damaged record) would go
/// to stderr; it fails instead, and GDAL then reads the file and says what is wrong in one line.
struct Handles {
    std::unique_ptr<SHPInfo, ShpCloser> shp;
    std::unique_ptr<DBFInfo, DbfCloser> dbf;

    explicit Handles(const fs::path& path) {
        SAHooks hooks;
        SASetupDefaultHooks(&hooks);
        hooks.Error = [](const char*) {
        };
        shp.reset(SHPOpenLL(path.c_str(), "rb", &hooks));
        dbf.reset(DBFOpenLL(path.c_str(), "rb", &hooks));
    }
};

/// What reading records [from, to) gave: their features and warnings in order, each polygon
/// checked valid; or where reading stopped, at the first record it cannot take.
struct RecordRun {
    std::vector<Feature> features;
    std::vector<Diagnostic> warnings;
    bool unreadable = false;  ///< a record GDAL must read (the whole file is then GDAL's)
    std::exception_ptr error; ///< a bad vertex, thrown as reading in order would throw it
    bool invalid = false;     ///< a polygon GDAL would repair (its reading goes on)
};

RecordRun read_records(const fs::path& path, int from, int to, int type,
                       const std::vector<Field>& fields, const LoadOptions& options) {
    RecordRun run;
    const Handles handles(path);
    if (!handles.shp || !handles.dbf) {
        run.unreadable = true;
        return run;
    }
    DBFInfo* dbf = handles.dbf.get();
    for (int record = from; record < to; ++record) {
        Feature out;
        out.fid = record;
        for (int i = 0; i < static_cast<int>(fields.size()); ++i) {
            if (DBFIsAttributeNULL(dbf, record, i) != 0) {
                continue;
            }
            const char* value = DBFReadStringAttribute(dbf, record, i);
            if (value == nullptr) {
                run.unreadable = true;
                return run;
            }
            const Field& field = fields[static_cast<std::size_t>(i)];
            if (field.kind == FieldKind::integer) {
                auto text = integer_text(value);
                if (!text) {
                    run.unreadable = true;
                    return run;
                }
                out.attributes.emplace(field.name, std::move(*text));
            } else if (kuril::well_formed_utf8(value)) {
                out.attributes.emplace(field.name, value);
            } else {
                run.unreadable = true; // GDAL warns and recodes
                return run;
            }
        }
        const std::unique_ptr<SHPObject, ShapeDeleter> shape(
            SHPReadObject(handles.shp.get(), record));
        if (!shape || (shape->nSHPType != type && shape->nSHPType != SHPT_NULL)) {
            run.unreadable = true; // a damaged record, or one of another kind: GDAL decides
            return run;
        }
        if (shape->nSHPType == SHPT_NULL || shape->nVertices == 0) {
            run.warnings.push_back(
                feature_warning(path, record, N_("feature {fid}: no geometry; skipped")));
            continue;
        }
        if (polygonal(shape->nSHPType)) {
            auto polygons = polygons_of(*shape);
            if (!polygons) {
                run.unreadable = true;
                return run;
            }
            out.polygons = std::move(*polygons);
        } else if (lineal(shape->nSHPType)) {
            for (int part = 0; part < shape->nParts; ++part) {
                out.lines.push_back(part_points(*shape, part));
            }
        } else {
            out.points.push_back({shape->padfX[0], shape->padfY[0]});
        }
        if (auto problem = bad_vertex(out, true)) {
            run.error =
                std::make_exception_ptr(InputError(feature_problem(path, record, *problem)));
            return run;
        }
        // Valid polygons as GDAL would find them (certainly_valid, then GEOS); GDAL repairs
        // the others and says so.
        if (options.repair_invalid && !out.polygons.empty() && !run.invalid &&
            !certainly_valid(out.polygons) && !geos_valid(out.polygons)) {
            run.invalid = true;
        }
        run.features.push_back(std::move(out));
    }
    return run;
}

} // namespace

std::optional<fs::path> sibling(const fs::path& shp, const std::string& extension) {
    for (const auto& candidate : {extension, [&] {
                                      std::string upper = extension;
                                      for (auto& c : upper) {
                                          if (c >= 'a' && c <= 'z') {
                                              c = static_cast<char>(c - 'a' + 'A');
                                          }
                                      }
                                      return upper;
                                  }()}) {
        fs::path path = shp;
        path.replace_extension(candidate);
        std::error_code ec;
        if (fs::is_regular_file(path, ec)) {
            return path;
        }
    }
    return std::nullopt;
}

std::optional<VectorLayer> read_plain_shapefile(const fs::path& path, const LoadOptions& options) {
    if (!declares_utf8(path)) {
        return std::nullopt;
    }
    const auto prj = sibling(path, ".prj");
    if (!prj) {
        return std::nullopt; // GDAL's words, or --data-crs
    }
    std::optional<std::string> crs_name = wgs84_name_of(file_text(*prj));
    if (!crs_name) {
        return std::nullopt;
    }
    const Handles handles(path);
    if (!handles.shp || !handles.dbf) {
        return std::nullopt;
    }
    SHPInfo* shp = handles.shp.get();
    DBFInfo* dbf = handles.dbf.get();
    int count = 0;
    int type = SHPT_NULL;
    SHPGetInfo(shp, &count, &type, nullptr, nullptr);
    const bool polygons_expected = options.expected == GeometryKind::polygons;
    const bool lines_expected = options.expected == GeometryKind::lines;
    if ((!polygonal(type) && !lineal(type) && !point_type(type)) ||
        (polygons_expected && !polygonal(type)) || (lines_expected && !lineal(type)) ||
        DBFGetRecordCount(dbf) != count) {
        return std::nullopt; // GDAL says what is wrong, or reads the other kinds of shape
    }
    const auto fields = plain_fields(dbf);
    if (!fields) {
        return std::nullopt;
    }
    // Polygons found valid when the folder's list was written, and unchanged since, are not
    // checked again.
    LoadOptions reading = options;
    if (reading.repair_invalid && reading.trust_validated_list && polygonal(type) &&
        listed_as_validated(path)) {
        reading.repair_invalid = false;
    }

    // The records in runs of 512, read (and their polygons checked) by this thread and a
    // second one, each run with handles of its own; the first problem in the file's order
    // decides, as reading in order would.
    constexpr int run_length = 512;
    std::vector<RecordRun> runs(static_cast<std::size_t>((count + run_length - 1) / run_length));
    std::vector<std::function<void()>> jobs;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        jobs.emplace_back([&, i] {
            const int from = static_cast<int>(i) * run_length;
            runs[i] = read_records(path, from, std::min(count, from + run_length), type, *fields,
                                   reading);
        });
    }
    kuril::run_shared(jobs, 2);
    VectorLayer result;
    result.source = path;
    result.name = path.stem().string();
    result.crs_name = std::move(*crs_name);
    result.driver = "ESRI Shapefile";
    bool invalid = false;
    for (auto& run : runs) {
        if (run.unreadable) {
            return std::nullopt;
        }
        if (run.error) {
            std::rethrow_exception(run.error);
        }
        invalid = invalid || run.invalid;
        result.features.insert(result.features.end(), std::make_move_iterator(run.features.begin()),
                               std::make_move_iterator(run.features.end()));
        result.warnings.insert(result.warnings.end(), run.warnings.begin(), run.warnings.end());
    }
    if (invalid) {
        return std::nullopt;
    }
    if (result.features.empty()) {
        return std::nullopt; // GDAL's words for an empty layer
    }
    return result;
}

} // namespace geo::detail
