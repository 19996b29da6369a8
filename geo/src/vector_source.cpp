// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/vector_source.hpp"

#include "feature_checks.hpp"
#include "gdal_support.hpp"
#include "geo/error.hpp"
#include "geo/input_file.hpp"
#include "i18n/translate.hpp"
#include "shapefile.hpp"
#include "util/strings.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <future>
#include <geos_c.h>
#include <memory>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <optional>
#include <sstream>

namespace fs = std::filesystem;

namespace geo {
namespace {

using detail::bad_vertex;
using detail::feature_problem;
using detail::feature_warning;
using detail::sibling;
using i18n::N_;

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

std::string quoted(const fs::path& path) {
    return path.string();
}

std::uint32_t read_big_endian_u32(const unsigned char* bytes) {
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
           (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
}

std::uint32_t read_little_endian_u32(const unsigned char* bytes) {
    return (std::uint32_t{bytes[3]} << 24) | (std::uint32_t{bytes[2]} << 16) |
           (std::uint32_t{bytes[1]} << 8) | std::uint32_t{bytes[0]};
}

/// Refuses a part of a shapefile that cannot be opened, with the reason ("permission denied").
void check_readable(const fs::path& shp, const fs::path& part) {
    if (const std::string reason = unreadable_reason(part); !reason.empty()) {
        if (part == shp) {
            throw InputError(N_("{file}: cannot be read: {reason}"),
                             {{"file", quoted(shp)}, {"reason", reason}});
        }
        throw InputError(
            N_("{file}: {part} cannot be read: {reason}"),
            {{"file", quoted(shp)}, {"part", part.filename().string()}, {"reason", reason}});
    }
}

/// The .dbf must hold one record for each shape the .shx indexes, and be as long as its
/// header says: otherwise attributes are lost or belong to other shapes.
void check_record_counts(const fs::path& shp, const fs::path& shx, const fs::path& dbf) {
    std::error_code ec;
    const auto shx_size = fs::file_size(shx, ec);
    if (ec || shx_size < 100) {
        throw InputError(
            N_("{file}: truncated {part}: {size} bytes, shorter than the 100-byte header"),
            {{"file", quoted(shp)},
             {"part", shx.filename().string()},
             {"size", std::to_string(shx_size)}});
    }
    const std::uint64_t shapes = (shx_size - 100) / 8;
    std::ifstream in(dbf, std::ios::binary);
    std::array<unsigned char, 32> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    const auto dbf_size = fs::file_size(dbf, ec);
    if (in.gcount() < 32) {
        throw InputError(
            N_("{file}: truncated {part}: {size} bytes, shorter than the 32-byte header"),
            {{"file", quoted(shp)},
             {"part", dbf.filename().string()},
             {"size", std::to_string(dbf_size)}});
    }
    const std::uint64_t records = read_little_endian_u32(header.data() + 4);
    const std::uint64_t header_length = std::uint64_t{header[8]} | std::uint64_t{header[9]} << 8;
    const std::uint64_t record_length = std::uint64_t{header[10]} | std::uint64_t{header[11]} << 8;
    if (records != shapes) {
        throw InputError(N_("{file}: {dbf} has {records} records but {shx} indexes {shapes} shapes "
                            "(the parts do not belong together)"),
                         {{"file", quoted(shp)},
                          {"dbf", dbf.filename().string()},
                          {"records", std::to_string(records)},
                          {"shx", shx.filename().string()},
                          {"shapes", std::to_string(shapes)}});
    }
    const std::uint64_t declared = header_length + records * record_length;
    if (declared > dbf_size) {
        throw InputError(N_("{file}: truncated {part}: header declares {declared} bytes, file has "
                            "{size}"),
                         {{"file", quoted(shp)},
                          {"part", dbf.filename().string()},
                          {"declared", std::to_string(declared)},
                          {"size", std::to_string(dbf_size)}});
    }
}

/// A shapefile needs its .shx and .dbf, and its .shp must be as long as its header says.
void check_shapefile_parts(const fs::path& shp) {
    const std::string stem = shp.stem().string();
    const auto shx = sibling(shp, ".shx");
    if (!shx) {
        throw InputError(N_("{file}: missing {part} (a shapefile needs its .shp, .shx and .dbf "
                            "files)"),
                         {{"file", quoted(shp)}, {"part", stem + ".shx"}});
    }
    const auto dbf = sibling(shp, ".dbf");
    if (!dbf) {
        throw InputError(N_("{file}: missing {part} (a shapefile needs its .shp, .shx and .dbf "
                            "files)"),
                         {{"file", quoted(shp)}, {"part", stem + ".dbf"}});
    }
    check_readable(shp, shp);
    check_readable(shp, *shx);
    check_readable(shp, *dbf);
    std::ifstream in(shp, std::ios::binary);
    std::array<unsigned char, 100> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    const auto size = fs::file_size(shp);
    if (in.gcount() < 100) {
        throw InputError(N_("{file}: truncated shapefile: {size} bytes, shorter than the 100-byte "
                            "header"),
                         {{"file", quoted(shp)}, {"size", std::to_string(size)}});
    }
    if (read_big_endian_u32(header.data()) != 9994) {
        throw InputError(N_("{file}: not a shapefile (file code is not 9994)"),
                         {{"file", quoted(shp)}});
    }
    const std::uint64_t declared = std::uint64_t{read_big_endian_u32(header.data() + 24)} * 2;
    if (declared > size) {
        throw InputError(N_("{file}: truncated shapefile: header declares {declared} bytes, file "
                            "has {size}"),
                         {{"file", quoted(shp)},
                          {"declared", std::to_string(declared)},
                          {"size", std::to_string(size)}});
    }
    check_record_counts(shp, *shx, *dbf);
}

bool is_polygonal(OGRwkbGeometryType type) {
    const auto flat = wkbFlatten(type);
    return flat == wkbPolygon || flat == wkbMultiPolygon || flat == wkbCurvePolygon ||
           flat == wkbMultiSurface;
}

bool is_lineal(OGRwkbGeometryType type) {
    const auto flat = wkbFlatten(type);
    return flat == wkbLineString || flat == wkbMultiLineString || flat == wkbCircularString ||
           flat == wkbCompoundCurve || flat == wkbMultiCurve;
}

Ring to_ring(const OGRLinearRing& ring) {
    Ring out;
    const int count = ring.getNumPoints();
    out.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        out.push_back({ring.getX(i), ring.getY(i)});
    }
    // Rings are stored open: the closing point is implied.
    if (out.size() > 1 && out.front() == out.back()) {
        out.pop_back();
    }
    return out;
}

Polygon to_polygon(const OGRPolygon& polygon) {
    Polygon out;
    if (const auto* exterior = polygon.getExteriorRing(); exterior != nullptr) {
        out.rings.push_back(to_ring(*exterior));
    }
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
        out.rings.push_back(to_ring(*polygon.getInteriorRing(i)));
    }
    return out;
}

LineString to_line(const OGRLineString& line) {
    LineString out;
    const int count = line.getNumPoints();
    out.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        out.push_back({line.getX(i), line.getY(i)});
    }
    return out;
}

/// Appends the polygons and lines of a (possibly nested) geometry.
void collect(const OGRGeometry& geometry, Feature& feature) {
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPolygon:
        feature.polygons.push_back(to_polygon(*geometry.toPolygon()));
        break;
    case wkbLineString:
        feature.lines.push_back(to_line(*geometry.toLineString()));
        break;
    case wkbPoint:
        if (const auto* point = geometry.toPoint(); !point->IsEmpty()) {
            feature.points.push_back({point->getX(), point->getY()});
        }
        break;
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbMultiPoint:
    case wkbGeometryCollection:
        for (const auto* part : *geometry.toGeometryCollection()) {
            collect(*part, feature);
        }
        break;
    default:
        break; // empty parts and other types carry nothing drawn
    }
}

/// GEOS's own words for why a geometry is invalid, e.g. "Self-intersection[147.1 45.2]".
std::string invalidity_reason(const OGRGeometry& geometry) {
    GEOSContextHandle_t context = OGRGeometry::createGEOSContext();
    std::string reason = "invalid geometry";
    if (GEOSGeom geos = geometry.exportToGEOS(context); geos != nullptr) {
        if (char* text = GEOSisValidReason_r(context, geos); text != nullptr) {
            reason = text;
            GEOSFree_r(context, text);
        }
        GEOSGeom_destroy_r(context, geos);
    }
    OGRGeometry::freeGEOSContext(context);
    return reason;
}

Diagnostic feature_problem(const fs::path& path, const OGRFeature& feature,
                           const i18n::Message& problem) {
    return feature_problem(path, feature.GetFID(), problem);
}

/// That a feature is not of the geometry expected: "FILE: feature N is a TYPE, expected ...".
Diagnostic feature_of_wrong_type(const fs::path& path, const OGRFeature& feature,
                                 OGRwkbGeometryType type, GeometryKind expected) {
    const std::string id = std::to_string(feature.GetFID());
    const char* pattern = expected == GeometryKind::polygons
                              ? N_("{file}: feature {fid} is a {type}, expected polygons")
                              : N_("{file}: feature {fid} is a {type}, expected lines");
    return {
        path, 0,
        i18n::Message(pattern,
                      {{"file", quoted(path)}, {"fid", id}, {"type", OGRGeometryTypeToName(type)}}),
        id};
}

/// A polygon feature read as it is, whose validity is decided after the layer is read.
struct DeferredCheck {
    std::size_t index; ///< in the layer's features
    GIntBig fid;
    std::unique_ptr<OGRGeometry> geometry; ///< as read, for GEOS and the transform
    bool validate = false;                 ///< polygons whose validity is decided (and repaired)
};

/// Finishes the features read: for those with `validate`, the indexed validity check on two threads
/// (split by vertex count), then GEOS, in file order, for what it cannot show valid; an invalid one
/// is repaired (with a warning). Then each is transformed to WGS 84 when `to_wgs84` is given; a
/// repaired or transformed one has its polygons collected again.
void check_deferred(const fs::path& path, std::vector<DeferredCheck>& deferred,
                    OGRCoordinateTransformation* to_wgs84, std::vector<Feature>& features,
                    detail::CplErrorCollector& errors, std::vector<Diagnostic>& warnings) {
    std::vector<std::size_t> picked;
    for (const auto& d : deferred) {
        if (d.validate) {
            picked.push_back(d.index);
        }
    }
    const std::vector<char> shown = detail::certainly_valid_features(features, picked);
    std::vector<char> certain(deferred.size(), 1);
    for (std::size_t i = 0, next = 0; i < deferred.size(); ++i) {
        if (deferred[i].validate) {
            certain[i] = shown[next++];
        }
    }
    for (std::size_t i = 0; i < deferred.size(); ++i) {
        std::unique_ptr<OGRGeometry>& geometry = deferred[i].geometry;
        const GIntBig fid = deferred[i].fid;
        bool changed = false;
        if (certain[i] == 0) {
            const std::size_t warnings_before = errors.warnings().size();
            const bool valid = geometry->IsValid();
            errors.drop_warnings_after(warnings_before);
            if (!valid) {
                const std::string reason = invalidity_reason(*geometry);
                geometry.reset(geometry->MakeValid());
                if (!geometry) {
                    throw InputError(feature_problem(
                        path, fid,
                        {N_("invalid geometry ({reason}) that GEOS could not repair"),
                         {{"reason", reason}}}));
                }
                warnings.push_back(feature_warning(
                    path, fid, N_("feature {fid}: invalid geometry ({reason}) repaired"), reason));
                changed = true;
            }
        }
        if (to_wgs84 != nullptr) {
            if (geometry->transform(to_wgs84) != OGRERR_NONE) {
                throw InputError(feature_problem(
                    path, fid, i18n::Message(N_("coordinates cannot be transformed to WGS 84"))));
            }
            changed = true;
        }
        if (changed) {
            Feature& out = features[deferred[i].index];
            out.polygons.clear();
            out.lines.clear();
            out.points.clear();
            collect(*geometry, out);
            if (to_wgs84 != nullptr) {
                if (auto problem = bad_vertex(out, true, true)) {
                    throw InputError(feature_problem(path, fid, *problem));
                }
            }
        }
    }
}

} // namespace

const std::string& Feature::attribute(const std::string& name) const {
    static const std::string empty;
    const auto it = attributes.find(name);
    return it == attributes.end() ? empty : it->second;
}

std::size_t Feature::vertex_count() const {
    return geo::vertex_count(polygons) + geo::vertex_count(lines);
}

std::size_t VectorLayer::vertex_count() const {
    std::size_t count = 0;
    for (const auto& feature : features) {
        count += feature.vertex_count();
    }
    return count;
}

std::vector<std::string> list_vector_layers(const fs::path& path) {
    detail::ensure_gdal_registered();
    detail::CplErrorCollector errors;
    DatasetPtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) {
        if (errors.failures().empty()) {
            throw InputError(N_("{file}: cannot open as vector data"), {{"file", quoted(path)}});
        }
        throw InputError(N_("{file}: cannot open as vector data: {error}"),
                         {{"file", quoted(path)}, {"error", errors.first_failure()}});
    }
    std::vector<std::string> names;
    for (auto* layer : dataset->GetLayers()) {
        names.emplace_back(layer->GetName());
    }
    return names;
}

VectorLayer load_vector_layer(const fs::path& path, const LoadOptions& options) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw InputError(N_("{file}: no such file"), {{"file", quoted(path)}});
    }
    if (fs::is_directory(path, ec)) {
        throw InputError(N_("{file}: is a directory, expected a vector data file"),
                         {{"file", quoted(path)}});
    }
    // Looked at before anything opens it: a FIFO would block, a device never ends.
    if (const i18n::Message kind = non_regular_kind(path); !kind.empty()) {
        throw InputError(N_("{file}: is {kind}, expected a vector data file (a regular file)"),
                         {{"file", quoted(path)}, {"kind", kind}});
    }
    if (kuril::lower_extension(path) == ".shp") {
        check_shapefile_parts(path);
        if (!options.through_gdal) {
            if (auto layer = detail::read_plain_shapefile(path, options)) {
                return std::move(*layer);
            }
        }
    } else if (const std::string reason = unreadable_reason(path); !reason.empty()) {
        throw InputError(N_("{file}: cannot be read: {reason}"),
                         {{"file", quoted(path)}, {"reason", reason}});
    }

    detail::ensure_gdal_registered();
    detail::CplErrorCollector errors;
    DatasetPtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) {
        if (DatasetPtr raster(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
            raster) {
            throw InputError(N_("{file}: is a raster image, expected vector data (points, lines or "
                                "polygons)"),
                             {{"file", quoted(path)}});
        }
        if (errors.failures().empty()) {
            throw InputError(N_("{file}: not a vector data source GDAL can read"),
                             {{"file", quoted(path)}});
        }
        throw InputError(N_("{file}: not a vector data source GDAL can read ({error})"),
                         {{"file", quoted(path)}, {"error", errors.first_failure()}});
    }
    OGRLayer* layer = options.layer_name.empty()
                          ? (dataset->GetLayerCount() > 0 ? dataset->GetLayer(0) : nullptr)
                          : dataset->GetLayerByName(options.layer_name.c_str());
    if (layer == nullptr) {
        if (options.layer_name.empty()) {
            throw InputError(N_("{file}: has no layers"), {{"file", quoted(path)}});
        }
        throw InputError(N_("{file}: has no layer named '{layer}'"),
                         {{"file", quoted(path)}, {"layer", options.layer_name}});
    }

    VectorLayer result;
    result.source = path;
    result.name = layer->GetName();
    result.driver = dataset->GetDriver() != nullptr ? dataset->GetDriver()->GetDescription() : "";
    const std::string file = quoted(path);

    const OGRwkbGeometryType layer_type = layer->GetGeomType();
    if (options.expected == GeometryKind::polygons && is_lineal(layer_type)) {
        throw InputError(
            N_("{file}: layer '{layer}' holds {type} geometry, expected polygons"),
            {{"file", file}, {"layer", result.name}, {"type", OGRGeometryTypeToName(layer_type)}});
    }
    if (options.expected == GeometryKind::lines && is_polygonal(layer_type)) {
        throw InputError(
            N_("{file}: layer '{layer}' holds {type} geometry, expected lines"),
            {{"file", file}, {"layer", result.name}, {"type", OGRGeometryTypeToName(layer_type)}});
    }

    // The source CRS; without one we cannot know what the coordinates mean.
    OGRSpatialReference source_crs;
    if (const OGRSpatialReference* declared = layer->GetSpatialRef(); declared != nullptr) {
        source_crs = *declared;
    } else if (!options.assumed_crs.empty()) {
        if (source_crs.SetFromUserInput(options.assumed_crs.c_str()) != OGRERR_NONE) {
            throw InputError(N_("'{crs}': not a CRS PROJ understands"),
                             {{"crs", options.assumed_crs}});
        }
    } else {
        throw InputError(N_("{file}: layer '{layer}' has no CRS (is its .prj file missing?); state "
                            "the CRS of the data with --data-crs, e.g. --data-crs EPSG:4326"),
                         {{"file", file}, {"layer", result.name}});
    }
    source_crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    result.crs_name = source_crs.GetName() != nullptr ? source_crs.GetName() : "unnamed CRS";

    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84;
    if (!source_crs.IsSame(&wgs84)) {
        to_wgs84.reset(OGRCreateCoordinateTransformation(&source_crs, &wgs84));
        if (!to_wgs84) {
            throw InputError(N_("{file}: layer '{layer}': no transformation from {crs} to WGS 84"),
                             {{"file", file}, {"layer", result.name}, {"crs", result.crs_name}});
        }
    }

    std::vector<DeferredCheck> deferred;
    layer->ResetReading();
    for (auto& feature : *layer) {
        Feature out;
        out.fid = feature->GetFID();
        const int field_count = feature->GetFieldCount();
        for (int i = 0; i < field_count; ++i) {
            if (feature->IsFieldSetAndNotNull(i)) {
                out.attributes.emplace(feature->GetFieldDefnRef(i)->GetNameRef(),
                                       feature->GetFieldAsString(i));
            }
        }
        OGRGeometry* geometry = feature->GetGeometryRef();
        if (geometry == nullptr || geometry->IsEmpty()) {
            result.warnings.push_back(feature_warning(path, feature->GetFID(),
                                                      N_("feature {fid}: no geometry; skipped")));
            continue;
        }
        std::unique_ptr<OGRGeometry> linear;
        if (geometry->hasCurveGeometry()) {
            linear.reset(geometry->getLinearGeometry());
            geometry = linear.get();
        }
        // Before GEOS and PROJ see it: a non-finite vertex must not reach them.
        Feature raw;
        collect(*geometry, raw);
        if (auto problem = bad_vertex(raw, !to_wgs84)) {
            throw InputError(feature_problem(path, *feature, *problem));
        }
        const auto type = geometry->getGeometryType();
        if ((options.expected == GeometryKind::polygons && !is_polygonal(type)) ||
            (options.expected == GeometryKind::lines && !is_lineal(type))) {
            throw InputError(feature_of_wrong_type(path, *feature, type, options.expected));
        }
        // Polygon validity (when asked) and the transform to WGS 84 are decided for all the
        // features together after the loop.
        std::unique_ptr<OGRGeometry> owned =
            linear ? std::move(linear) : std::unique_ptr<OGRGeometry>(feature->StealGeometry());
        out.polygons = std::move(raw.polygons);
        out.lines = std::move(raw.lines);
        out.points = std::move(raw.points);
        result.features.push_back(std::move(out));
        deferred.push_back({result.features.size() - 1, feature->GetFID(), std::move(owned),
                            options.repair_invalid && is_polygonal(type)});
    }
    check_deferred(path, deferred, to_wgs84.get(), result.features, errors, result.warnings);
    if (!errors.failures().empty()) {
        throw InputError(
            N_("{file}: layer '{layer}': {error}"),
            {{"file", file}, {"layer", result.name}, {"error", errors.first_failure()}});
    }
    for (const auto& warning : errors.warnings()) {
        result.warnings.push_back({path, 0, warning, {}});
    }
    if (result.features.empty()) {
        throw InputError(N_("{file}: layer '{layer}' is empty: no features with geometry"),
                         {{"file", file}, {"layer", result.name}});
    }
    return result;
}

std::vector<VectorLayer> load_all_vector_layers(const fs::path& path, const LoadOptions& options) {
    // The first layer's load checks the file itself (missing, unreadable, a raster, no CRS).
    LoadOptions first = options;
    first.layer_name.clear();
    std::vector<VectorLayer> layers;
    std::optional<InputError> empty_layer;
    const auto load = [&](const LoadOptions& one) {
        try {
            layers.push_back(load_vector_layer(path, one));
        } catch (const InputError& error) {
            if (std::string_view(error.what()).ends_with(" is empty: no features with geometry")) {
                empty_layer = error;
                return;
            }
            throw;
        }
    };
    load(first);
    const std::vector<std::string> names = list_vector_layers(path);
    for (std::size_t i = 1; i < names.size(); ++i) {
        LoadOptions one = options;
        one.layer_name = names[i];
        load(one);
    }
    if (layers.empty()) {
        if (names.size() > 1) {
            throw InputError(N_("{file}: none of its {count} layers has features with geometry"),
                             {{"file", quoted(path)}, {"count", std::to_string(names.size())}});
        }
        throw *empty_layer;
    }
    return layers;
}

} // namespace geo
