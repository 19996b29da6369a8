#include "export/manifest.hpp"

#include "map/map_scene.hpp"
#include "util/json_writer.hpp"

#include <set>

namespace kuril {
namespace {

void box(JsonWriter& json, std::string_view key, const ScreenRect& rect) {
    json.begin_array(key);
    json.element_number(rect.left, 1);
    json.element_number(rect.top, 1);
    json.element_number(rect.left + rect.width, 1);
    json.element_number(rect.top + rect.height, 1);
    json.end_array();
}

} // namespace

std::string manifest_json(const ManifestContent& content) {
    const MapFrame& frame = *content.frame;
    JsonWriter json;
    json.begin_object();
    json.begin_array("size");
    json.element_number(content.width, 0);
    json.element_number(content.height, 0);
    json.end_array();
    json.value("crs", content.crs_wkt);
    json.begin_array("geotransform");
    for (const double term : content.geotransform) {
        json.element_number(term, 6);
    }
    json.end_array();
    json.value("date", frame.state.date.iso());
    json.value("lang", language_code(frame.state.language));
    json.value("title", content.title);
    json.value("caption", content.caption);
    json.value("credit", content.credit);
    json.begin_array("labels");
    for (const auto& label : content.labels) {
        json.begin_object();
        json.value("text", label.text);
        json.value("feature", label.feature);
        json.value("kind", label.kind);
        box(json, "bbox_px", label.box);
        if (label.leader) {
            box(json, "leader_px", *label.leader);
        }
        json.end_object();
    }
    json.end_array();
    json.begin_array("legend");
    for (const auto& item : content.legend) {
        json.begin_object();
        json.value("text", item.label);
        json.strings("features", item.features);
        json.end_object();
    }
    json.end_array();
    // What the frame drew: island regions, lines in force and event markers, each once.
    json.begin_array("features");
    std::set<std::string> seen;
    const auto feature = [&](const std::string& id, const char* kind) {
        if (seen.insert(id).second) {
            json.begin_object();
            json.value("id", id);
            json.value("kind", kind);
            json.end_object();
        }
    };
    for (const auto& region : frame.regions) {
        feature(region.region->island->id, "island");
    }
    for (const auto& line : frame.lines) {
        feature(line.line->line->id, "line");
    }
    for (const auto& event : frame.events) {
        feature(event.event->id, "event");
    }
    json.end_array();
    json.begin_array("sources");
    for (const auto& id : frame.sources) {
        json.begin_object();
        json.value("id", id);
        const auto* source = frame.scene->atlas->annotations.source(id);
        json.value("title", source != nullptr ? source->title : std::string());
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str() + "\n";
}

std::filesystem::path manifest_path_for(const std::filesystem::path& image) {
    return std::filesystem::path(image).replace_extension(".json");
}

} // namespace kuril
