// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/vector_export.hpp"

#include "export/exporter.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "i18n/translate.hpp"
#include "imageio/atomic_file.hpp"
#include "map/map_frame.hpp"
#include "map/symbology.hpp"
#include "render/furniture.hpp"
#include "render/style.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>
#include <set>

namespace fs = std::filesystem;
using i18n::N_;

namespace kuril {

std::optional<VectorFormat> vector_format_for(const fs::path& out) {
    const std::string extension = lower_extension(out);
    if (extension == ".geojson") {
        return VectorFormat::geojson;
    }
    if (extension == ".gpkg") {
        return VectorFormat::gpkg;
    }
    if (extension == ".kml") {
        return VectorFormat::kml;
    }
    return std::nullopt;
}

std::string vector_format_text(VectorFormat format) {
    switch (format) {
    case VectorFormat::geojson:
        return "GeoJSON";
    case VectorFormat::gpkg:
        return "GeoPackage";
    case VectorFormat::kml:
        return "KML";
    }
    return "";
}

namespace {

const char* driver_name(VectorFormat format) {
    switch (format) {
    case VectorFormat::geojson:
        return "GeoJSON";
    case VectorFormat::gpkg:
        return "GPKG";
    case VectorFormat::kml:
        return "KML";
    }
    return "";
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string text;
    for (const auto& item : items) {
        text += (text.empty() ? "" : separator) + item;
    }
    return text;
}

std::string party_names(const std::vector<geo::Party>& parties, geo::Date date) {
    std::vector<std::string> names;
    for (const geo::Party party : parties) {
        names.push_back(geo::party_display_name(party, date));
    }
    return joined(names, ", ");
}

std::string party_list(const std::vector<geo::Party>& parties) {
    std::vector<std::string> codes;
    for (const geo::Party party : parties) {
        codes.emplace_back(geo::party_code(party));
    }
    return joined(codes, ",");
}

/// "#RRGGBBAA" for an OGR style string.
std::string hex(sf::Color colour, std::uint8_t alpha) {
    char text[16];
    std::snprintf(text, sizeof text, "#%02X%02X%02X%02X", colour.r, colour.g, colour.b, alpha);
    return text;
}

/// The fields every layer has, in this order.
void create_fields(OGRLayer& layer, const fs::path& out) {
    const auto field = [&](const char* name, OGRFieldType type, bool boolean = false) {
        OGRFieldDefn definition(name, type);
        if (boolean) {
            definition.SetSubType(OFSTBoolean);
        }
        if (layer.CreateField(&definition) != OGRERR_NONE) {
            throw geo::InputError(
                N_("{file}: OGR cannot add the field {field}: {error}"),
                {{"file", out.string()}, {"field", name}, {"error", CPLGetLastErrorMsg()}});
        }
    };
    field("kind", OFTString);
    field("id", OFTString);
    field("part", OFTString);
    field("name", OFTString);
    field("name_en", OFTString);
    field("name_ja", OFTString);
    field("name_ru", OFTString);
    field("group", OFTString);
    field("status_known", OFTInteger, true);
    field("administered_by", OFTString);
    field("administered_by_name", OFTString);
    field("claimed_by", OFTString);
    field("claimed_by_name", OFTString);
    field("approx", OFTInteger, true);
    field("valid_from", OFTString);
    field("valid_to", OFTString);
    field("date", OFTString);
    field("sources", OFTString);
    field("source_titles", OFTString);
    field("description", OFTString);
}

/// Writes the data into an open dataset; returns the sources cited, in order.
class Writer {
public:
    /// `styled`: each feature gets an OGR style string (KML's colours).
    Writer(const MapScene& scene, const MapFrame& frame, const fs::path& out, bool lon_lat,
           bool styled)
        : scene_(scene), frame_(frame), out_(out), lon_lat_(lon_lat), styled_(styled) {}

    void island(OGRLayer& layer, std::size_t index) {
        const StatusRegion& region = scene_.regions[index];
        const geo::Island& island = *region.island;
        const geo::IslandStatus& status = frame_.statuses[index];
        OGRFeature feature(layer.GetLayerDefn());
        feature.SetField("kind", "island");
        feature.SetField("id", island.id.c_str());
        names(feature, [&](const char* lang) {
            const geo::Name* name = island.name(lang);
            return name != nullptr ? name->text : std::string();
        });
        feature.SetField("group", island.group.c_str());
        feature.SetField("status_known", status.known ? 1 : 0);
        const geo::Date date = frame_.state.date;
        feature.SetField("administered_by", party_list(status.administered_by).c_str());
        feature.SetField("administered_by_name", party_names(status.administered_by, date).c_str());
        feature.SetField("claimed_by", party_list(status.claimed_by).c_str());
        feature.SetField("claimed_by_name", party_names(status.claimed_by, date).c_str());
        if (status.period_from) {
            feature.SetField("valid_from", status.period_from->iso().c_str());
        }
        if (status.period_to) {
            feature.SetField("valid_to", status.period_to->iso().c_str());
        }
        feature.SetField("date", date.iso().c_str());
        sources(feature, status.sources);
        std::string description = "Status on " + date.long_text() + ": ";
        if (!status.known) {
            description += "not recorded.";
        } else {
            description += "administered by " + party_names(status.administered_by, date);
            description += status.claimed_by.empty()
                               ? "."
                               : "; claimed by " + party_names(status.claimed_by, date) + ".";
        }
        feature.SetField("description", description.c_str());
        OGRMultiPolygon polygons;
        for (const auto& polygon : region.projected) {
            OGRPolygon shape;
            for (const auto& ring : polygon.rings) {
                OGRLinearRing linear;
                for (const auto& p : ring) {
                    const geo::Point q = point(p);
                    linear.addPoint(q.x, q.y);
                }
                linear.closeRings();
                shape.addRing(&linear);
            }
            polygons.addGeometry(&shape);
        }
        feature.SetGeometry(&polygons);
        if (styled_ && status.known && !status.administered_by.empty()) {
            // As the map draws it: the administering party's fill; the outline in the colour
            // of a party that claims the land without administering it.
            sf::Color outline = style::coast;
            for (const geo::Party party : status.claimed_by) {
                if (std::find(status.administered_by.begin(), status.administered_by.end(),
                              party) == status.administered_by.end()) {
                    outline = style::party_hatch(party);
                }
            }
            feature.SetStyleString(
                ("BRUSH(fc:" + hex(style::party_fill(status.administered_by.front()), 0xB0) +
                 ");PEN(c:" + hex(outline, 0xFF) + ",w:2px)")
                    .c_str());
        }
        create(layer, feature);
    }

    void line(OGRLayer& layer, const SceneLine& scene_line) {
        const geo::BoundaryLine& line = *scene_line.line;
        const geo::Annotations& annotations = scene_.atlas->annotations;
        OGRFeature feature(layer.GetLayerDefn());
        feature.SetField("kind", "line");
        feature.SetField("id", line.id.c_str());
        feature.SetField("part", line.part.c_str());
        names(feature,
              [&](const char* lang) { return line_display_name(annotations, line, lang); });
        feature.SetField("approx", line.approx ? 1 : 0);
        feature.SetField("valid_from", line.valid_from.iso().c_str());
        if (line.valid_to) {
            feature.SetField("valid_to", line.valid_to->iso().c_str());
        }
        feature.SetField("date", frame_.state.date.iso().c_str());
        sources(feature, line.sources);
        const std::string description =
            std::string(line.approx ? "An approximate line (a construction, not an official "
                                      "line), "
                                    : "A line ") +
            "in force on " + frame_.state.date.long_text() + ".";
        feature.SetField("description", description.c_str());
        OGRMultiLineString parts;
        if (lon_lat_) {
            for (const auto& part : line.geometry) {
                OGRLineString shape;
                for (const auto& p : part) {
                    shape.addPoint(p.x, p.y);
                }
                parts.addGeometry(&shape);
            }
        } else {
            for (const auto& part : scene_line.projected) {
                OGRLineString shape;
                for (const auto& p : part) {
                    shape.addPoint(p.x, p.y);
                }
                parts.addGeometry(&shape);
            }
        }
        feature.SetGeometry(&parts);
        if (styled_) {
            const LineSymbol symbol = line_symbol(line.kind, line.approx);
            feature.SetStyleString(
                ("PEN(c:" + hex(style::line_colour(symbol.role), 0xFF) + ",w:3px)").c_str());
        }
        create(layer, feature);
    }

    const std::vector<std::string>& cited() const { return cited_; }

private:
    template <typename NameIn>
    void names(OGRFeature& feature, const NameIn& name_in) {
        const std::string en = name_in("en");
        feature.SetField("name", en.c_str());
        feature.SetField("name_en", en.c_str());
        feature.SetField("name_ja", name_in("ja").c_str());
        feature.SetField("name_ru", name_in("ru").c_str());
    }

    void sources(OGRFeature& feature, const std::vector<std::string>& ids) {
        std::vector<std::string> titles;
        for (const auto& id : ids) {
            if (const geo::Source* source = scene_.atlas->annotations.source(id)) {
                titles.push_back(source_line(*source));
            }
            if (std::find(cited_.begin(), cited_.end(), id) == cited_.end()) {
                cited_.push_back(id);
            }
        }
        feature.SetField("sources", joined(ids, "; ").c_str());
        feature.SetField("source_titles", joined(titles, " | ").c_str());
    }

    geo::Point point(geo::Point projected) const {
        return lon_lat_ ? scene_.projection->inverse(projected) : projected;
    }

    void create(OGRLayer& layer, OGRFeature& feature) {
        if (layer.CreateFeature(&feature) != OGRERR_NONE) {
            throw geo::InputError(N_("{file}: OGR cannot write a feature: {error}"),
                                  {{"file", out_.string()}, {"error", CPLGetLastErrorMsg()}});
        }
    }

    const MapScene& scene_;
    const MapFrame& frame_;
    const fs::path& out_;
    bool lon_lat_;
    bool styled_;
    std::vector<std::string> cited_;
};

/// GDAL's messages go to its error state, not stderr (a GeoPackage under a temporary name
/// warns about its extension).
struct QuietGdal {
    QuietGdal() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdal() { CPLPopErrorHandler(); }
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
};

std::string sources_text(const MapScene& scene, const std::vector<std::string>& cited,
                         const std::string& file_name, geo::Date date, std::string_view lang) {
    const std::string heading =
        i18n::format(i18n::tr(lang, "Sources of what is shown in {file}"), {{"file", file_name}}) +
        "\n" +
        i18n::format(i18n::tr(lang, "Situation on {date}"), {{"date", date.long_text(lang)}}) +
        "\n\n";
    std::vector<const geo::Source*> sources;
    for (const auto& id : cited) {
        if (const geo::Source* source = scene.atlas->annotations.source(id)) {
            sources.push_back(source);
        }
    }
    return sources_list_text(lang, heading, sources, {});
}

} // namespace

VectorExportResult export_vector_data(const MapScene& scene, const ExportOptions& options,
                                      VectorFormat format, bool in_display_crs) {
    if (options.out.empty()) {
        throw geo::InputError(N_("--out: an output file name is required"));
    }
    check_writable(options.out);
    const fs::path sources_path = sources_file_path(options.out);
    check_writable(sources_path);
    GDALAllRegister();
    // KML through libkml where GDAL has it (it writes the features' fill colours too).
    const bool libkml =
        format == VectorFormat::kml && GetGDALDriverManager()->GetDriverByName("LIBKML") != nullptr;
    GDALDriver* driver =
        GetGDALDriverManager()->GetDriverByName(libkml ? "LIBKML" : driver_name(format));
    if (driver == nullptr) {
        throw geo::InputError(N_("{file}: GDAL has no {driver} driver"),
                              {{"file", options.out.string()}, {"driver", driver_name(format)}});
    }
    // The frame decides the statuses and lines on the date, as for an image.
    const MapState state = export_state(options);
    const MapView view = export_view(scene, options, 0, 0);
    const MapFrame frame = build_frame(scene, state, view);
    const bool lon_lat = !(format == VectorFormat::gpkg && in_display_crs);
    OGRSpatialReference srs;
    if (lon_lat) {
        srs.SetWellKnownGeogCS("WGS84");
    } else if (srs.importFromWkt(scene.projection->target_wkt().c_str()) != OGRERR_NONE) {
        throw geo::InputError(N_("{file}: GDAL cannot read the CRS's WKT"),
                              {{"file", options.out.string()}});
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER); // x = longitude or easting

    AtomicFile file(options.out);
    AtomicFile sources(sources_path);
    VectorExportResult result;
    result.out = options.out;
    result.sources_file = sources_path;
    result.crs = srs.GetName() != nullptr ? srs.GetName() : "";
    std::vector<std::string> cited;
    {
        const QuietGdal quiet;
        char** creation = nullptr;
        if (format == VectorFormat::kml && !libkml) {
            creation = CSLSetNameValue(creation, "NameField", "name");
            creation = CSLSetNameValue(creation, "DescriptionField", "description");
        }
        const auto close = [](GDALDataset* open) {
            GDALClose(open);
        };
        // libkml chooses what it writes by the name's extension (a folder for any other than
        // .kml): it writes in memory, copied to the temporary file when done.
        const std::string in_memory = "/vsimem/kuril-atlas-" +
                                      std::to_string(reinterpret_cast<std::uintptr_t>(&file)) +
                                      ".kml";
        const std::string where = libkml ? in_memory : file.temporary().string();
        std::unique_ptr<GDALDataset, decltype(close)> dataset(
            driver->Create(where.c_str(), 0, 0, 0, GDT_Unknown, creation), close);
        CSLDestroy(creation);
        if (!dataset) {
            throw geo::InputError(N_("{file}: OGR cannot create the {format} file: {error}"),
                                  {{"file", options.out.string()},
                                   {"format", vector_format_text(format)},
                                   {"error", CPLGetLastErrorMsg()}});
        }
        const auto layer = [&](const std::string& name, OGRwkbGeometryType type) {
            char** layer_options = nullptr;
            if (format == VectorFormat::geojson) {
                layer_options = CSLSetNameValue(layer_options, "RFC7946", "YES");
            }
            OGRLayer* created = dataset->CreateLayer(name.c_str(), &srs, type, layer_options);
            CSLDestroy(layer_options);
            if (created == nullptr) {
                throw geo::InputError(N_("{file}: OGR cannot create the layer {layer}: {error}"),
                                      {{"file", options.out.string()},
                                       {"layer", name},
                                       {"error", CPLGetLastErrorMsg()}});
            }
            create_fields(*created, options.out);
            return created;
        };
        // One layer after the other: KML writes a layer's features before the next layer. (KML
        // folder names keep no spaces.)
        OGRLayer* islands = format == VectorFormat::geojson ? layer("kuril_atlas", wkbUnknown)
                            : format == VectorFormat::kml   ? layer("Islands", wkbMultiPolygon)
                                                            : layer("islands", wkbMultiPolygon);
        Writer writer(scene, frame, options.out, lon_lat, format == VectorFormat::kml);
        if (dataset->TestCapability(ODsCTransactions)) {
            dataset->StartTransaction();
        }
        for (std::size_t i = 0; i < scene.regions.size(); ++i) {
            writer.island(*islands, i);
            ++result.islands;
        }
        // GeoJSON holds one layer: the lines join the islands in it.
        OGRLayer* lines = format == VectorFormat::geojson ? islands
                          : format == VectorFormat::kml   ? layer("Lines", wkbMultiLineString)
                                                          : layer("lines", wkbMultiLineString);
        for (const auto& scene_line : scene.lines) {
            if (scene_line.line->in_force_on(state.date)) {
                writer.line(*lines, scene_line);
                ++result.lines;
            }
        }
        if (dataset->TestCapability(ODsCTransactions) &&
            dataset->CommitTransaction() != OGRERR_NONE) {
            throw geo::InputError(N_("{file}: OGR cannot write the {format} file: {error}"),
                                  {{"file", options.out.string()},
                                   {"format", vector_format_text(format)},
                                   {"error", CPLGetLastErrorMsg()}});
        }
        cited = writer.cited();
        CPLErrorReset();
        dataset.reset(); // closes the file
        if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
            VSIUnlink(in_memory.c_str());
            throw geo::InputError(N_("{file}: OGR cannot finish the {format} file: {error}"),
                                  {{"file", options.out.string()},
                                   {"format", vector_format_text(format)},
                                   {"error", CPLGetLastErrorMsg()}});
        }
        if (libkml) {
            vsi_l_offset size = 0;
            GByte* bytes = VSIGetMemFileBuffer(in_memory.c_str(), &size, FALSE);
            const bool copied =
                bytes != nullptr && std::fwrite(bytes, 1, static_cast<std::size_t>(size),
                                                file.stream()) == static_cast<std::size_t>(size);
            VSIUnlink(in_memory.c_str());
            if (!copied) {
                throw geo::InputError(N_("{file}: cannot write the KML file"),
                                      {{"file", options.out.string()}});
            }
        }
    }
    sources.write_text(sources_text(scene, cited, options.out.filename().string(), state.date,
                                    text_language_code(options.text_language)));
    file.sync();
    sources.sync();
    file.commit();
    sources.commit();
    return result;
}

} // namespace kuril
