// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/manifest.hpp"

#include "map/map_scene.hpp"
#include "util/json_writer.hpp"

#include <algorithm>
#include <set>
#include <utility>

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

/// Whether any of `points` (projected metres) lies in `box`'s bounding box overlap: the
/// bounding box of the points meets `box`.
template <typename Points>
bool meets(const Points& points, const geo::Box& box, geo::Box& bounds) {
    for (const auto& p : points) {
        bounds = {std::min(bounds.min_x, p.x), std::min(bounds.min_y, p.y),
                  std::max(bounds.max_x, p.x), std::max(bounds.max_y, p.y)};
    }
    return bounds.min_x <= box.max_x && box.min_x <= bounds.max_x && bounds.min_y <= box.max_y &&
           box.min_y <= bounds.max_y;
}

/// The ids of the islands, lines and events the frame drew inside its view, with their kinds,
/// each once, in drawing order.
std::vector<std::pair<std::string, const char*>> drawn_features(const MapFrame& frame) {
    const geo::Box visible = frame.view.visible_box();
    std::vector<std::pair<std::string, const char*>> drawn;
    std::set<std::string> seen;
    const auto add = [&](const std::string& id, const char* kind) {
        if (seen.insert(id).second) {
            drawn.emplace_back(id, kind);
        }
    };
    for (const auto& region : frame.regions) {
        geo::Box bounds{1e300, 1e300, -1e300, -1e300};
        bool shown = false;
        for (const auto& polygon : region.region->projected) {
            shown = meets(polygon.rings.front(), visible, bounds) || shown;
        }
        if (shown) {
            add(region.region->island->id, "island");
        }
    }
    for (const auto& line : frame.lines) {
        for (const auto& part : line.line->projected) {
            geo::Box bounds{1e300, 1e300, -1e300, -1e300};
            if (meets(part, visible, bounds)) {
                add(line.line->line->id, "line");
                break;
            }
        }
    }
    for (const auto& event : frame.events) {
        add(event.event->id, "event"); // the frame keeps only the markers in its view
    }
    return drawn;
}

/// "legend" (each row with the drawn features it stands for) and "features".
void write_features(JsonWriter& json, const MapFrame& frame,
                    const std::vector<LegendItem>& legend) {
    const auto drawn = drawn_features(frame);
    std::set<std::string> drawn_ids;
    for (const auto& [id, kind] : drawn) {
        drawn_ids.insert(id);
    }
    // A legend row names the drawn features it stands for.
    json.begin_array("legend");
    for (const auto& item : legend) {
        json.begin_object();
        json.value("text", item.label);
        json.begin_array("features");
        for (const auto& id : item.features) {
            if (drawn_ids.count(id) != 0) {
                json.element(id);
            }
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
    json.begin_array("features");
    for (const auto& [id, kind] : drawn) {
        json.begin_object();
        json.value("id", id);
        json.value("kind", kind);
        json.end_object();
    }
    json.end_array();
}

void write_sources(JsonWriter& json, const MapFrame& frame) {
    json.begin_array("sources");
    for (const auto& id : frame.sources) {
        json.begin_object();
        json.value("id", id);
        const auto* source = frame.scene->atlas->annotations.source(id);
        json.value("title", source != nullptr ? source->title : std::string());
        json.end_object();
    }
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
        json.value("kind", std::string(label_kind_name(label.kind)));
        box(json, "bbox_px", label.bbox_px);
        if (label.leader_px) {
            const auto& [x0, y0, x1, y1] = *label.leader_px;
            json.begin_array("leader_px");
            for (const double v : {x0, y0, x1, y1}) {
                json.element_number(v, 1);
            }
            json.end_array();
        }
        json.end_object();
    }
    json.end_array();
    write_features(json, frame, content.legend);
    write_sources(json, frame);
    if (!content.halves.empty()) {
        json.begin_array("compare");
        for (const auto& half : content.halves) {
            json.begin_object();
            json.value("side", half.side);
            json.begin_array("x_px");
            json.element_number(half.left_px, 0);
            json.element_number(half.left_px + half.width_px, 0);
            json.end_array();
            json.value("date", half.frame->state.date.iso());
            json.value("pov", half.frame->state.pov);
            json.value("world_file", half.world_file);
            json.begin_array("geotransform");
            for (const double term : half.geotransform) {
                json.element_number(term, 6);
            }
            json.end_array();
            write_features(json, *half.frame, half.legend);
            write_sources(json, *half.frame);
            json.end_object();
        }
        json.end_array();
    }
    json.end_object();
    return json.str() + "\n";
}

std::filesystem::path manifest_path_for(const std::filesystem::path& image) {
    return std::filesystem::path(image).replace_extension(".json");
}

} // namespace kuril
