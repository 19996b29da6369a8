// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/user_layer.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "map/map_scene.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>

namespace kuril {
namespace {

using i18n::N_;

bool finite(geo::Point p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
}

void widen(geo::Box& box, geo::Point p) {
    box.min_x = std::min(box.min_x, p.x);
    box.min_y = std::min(box.min_y, p.y);
    box.max_x = std::max(box.max_x, p.x);
    box.max_y = std::max(box.max_y, p.y);
}

constexpr geo::Box empty_box() {
    constexpr double inf = std::numeric_limits<double>::infinity();
    return {inf, inf, -inf, -inf};
}

/// The feature projected; parts beyond the projection's horizon are left out.
UserFeature project_feature(const geo::Feature& feature, const geo::Projection& projection) {
    UserFeature out;
    out.fid = feature.fid;
    out.attributes = feature.attributes;
    out.box = empty_box();
    for (const auto& polygon : feature.polygons) {
        geo::Polygon projected;
        for (const auto& ring : polygon.rings) {
            geo::Ring dense = densify(ring, 0.05);
            projection.forward_in_place(dense);
            if (!std::all_of(dense.begin(), dense.end(), finite)) {
                projected.rings.clear(); // part of it beyond the horizon: not drawn
                break;
            }
            projected.rings.push_back(std::move(dense));
        }
        if (!projected.rings.empty() && projected.rings.front().size() >= 3) {
            for (const auto& p : projected.rings.front()) {
                widen(out.box, p);
            }
            out.polygons.push_back(std::move(projected));
        }
    }
    for (const auto& line : feature.lines) {
        std::vector<geo::Point> dense = densify(line, 0.05);
        projection.forward_in_place(dense);
        std::vector<geo::Point> stretch;
        for (const auto& p : dense) {
            if (finite(p)) {
                stretch.push_back(p);
                widen(out.box, p);
                continue;
            }
            if (stretch.size() >= 2) {
                out.lines.push_back(std::move(stretch));
            }
            stretch.clear();
        }
        if (stretch.size() >= 2) {
            out.lines.push_back(std::move(stretch));
        }
    }
    for (const auto& point : feature.points) {
        const geo::Point p = projection.forward(point);
        if (finite(p)) {
            out.points.push_back(p);
            widen(out.box, p);
        }
    }
    // The label stands by a point, on a line's middle vertex or at the middle of an area's box.
    if (!out.points.empty()) {
        out.label_anchor = out.points.front();
    } else if (!out.lines.empty()) {
        const auto& longest =
            *std::max_element(out.lines.begin(), out.lines.end(),
                              [](const auto& a, const auto& b) { return a.size() < b.size(); });
        out.label_anchor = longest[longest.size() / 2];
    } else {
        out.label_anchor = {(out.box.min_x + out.box.max_x) / 2,
                            (out.box.min_y + out.box.max_y) / 2};
    }
    return out;
}

} // namespace

UserLayerStyle parse_layer_style(std::string_view text) {
    UserLayerStyle style;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view item = text.substr(start, comma - start);
        start = comma + 1;
        if (item.empty()) {
            continue;
        }
        const std::size_t equals = item.find('=');
        if (equals == std::string_view::npos) {
            throw geo::InputError(N_("--layer-style {value}: expected color=#RRGGBB,width=W (e.g. "
                                     "color=#aa3377,width=2)"),
                                  {{"value", quoted_value(text)}});
        }
        const std::string_view key = item.substr(0, equals);
        const std::string_view value = item.substr(equals + 1);
        if (key == "color" || key == "colour") {
            const std::string_view hex = value.starts_with('#') ? value.substr(1) : value;
            std::uint32_t rgb = 0;
            const auto [end, error] = std::from_chars(hex.data(), hex.data() + hex.size(), rgb, 16);
            if (hex.size() != 6 || error != std::errc() || end != hex.data() + hex.size()) {
                throw geo::InputError(N_("--layer-style: color {value}: expected #RRGGBB, six "
                                         "hexadecimal digits (e.g. #aa3377)"),
                                      {{"value", quoted_value(value)}});
            }
            style.rgb = rgb;
        } else if (key == "width") {
            double width = 0;
            const auto [end, error] =
                std::from_chars(value.data(), value.data() + value.size(), width);
            if (value.empty() || error != std::errc() || end != value.data() + value.size() ||
                !(width >= 0.5 && width <= 20)) {
                throw geo::InputError(
                    N_("--layer-style: width {value}: expected a number of pixels from 0.5 to 20"),
                    {{"value", quoted_value(value)}});
            }
            style.width = width;
        } else {
            throw geo::InputError(N_("--layer-style: unknown key {key} (expected color and width, "
                                     "e.g. color=#aa3377,width=2)"),
                                  {{"key", quoted_value(key)}});
        }
    }
    return style;
}

void check_label_field(const std::vector<SceneUserLayer>& layers, const std::string& field) {
    if (field.empty() || layers.empty()) {
        return;
    }
    std::set<std::string> fields;
    std::set<std::filesystem::path> files;
    for (const auto& layer : layers) {
        files.insert(layer.source);
        for (const auto& feature : layer.features) {
            if (feature.attributes.contains(field)) {
                return;
            }
            for (const auto& [name, value] : feature.attributes) {
                fields.insert(name);
            }
        }
    }
    std::string known;
    for (const auto& name : fields) {
        known.append(known.empty() ? "" : ", ").append(name);
    }
    const std::string value = quoted_value(field);
    if (files.size() == 1) {
        const std::string file = files.begin()->string();
        if (known.empty()) {
            throw geo::InputError(N_("{file}: --label-field {value}: no feature has that field "
                                     "(they have no attributes)"),
                                  {{"file", file}, {"value", value}});
        }
        throw geo::InputError(
            N_("{file}: --label-field {value}: no feature has that field (fields: {fields})"),
            {{"file", file}, {"value", value}, {"fields", known}});
    }
    if (known.empty()) {
        throw geo::InputError(N_("--label-field {value}: no feature of the --layer files has that "
                                 "field (they have no attributes)"),
                              {{"value", value}});
    }
    throw geo::InputError(N_("--label-field {value}: no feature of the --layer files has that "
                             "field (fields: {fields})"),
                          {{"value", value}, {"fields", known}});
}

PanelReport user_feature_report(const SceneUserLayer& layer, const UserFeature& feature,
                                std::string_view lang) {
    PanelReport report;
    const std::string fid = std::to_string(feature.fid);
    report.title = feature.label.empty() ? i18n::format(i18n::tr(lang, "{layer}, feature {fid}"),
                                                        {{"layer", layer.title}, {"fid", fid}})
                                         : feature.label;
    std::string body = i18n::format(i18n::tr(lang, "Your layer {layer}, feature {fid} (its own "
                                                   "data, not checked by Kuril Atlas)"),
                                    {{"layer", layer.title}, {"fid", fid}});
    body.append("\n");
    if (feature.attributes.empty()) {
        body.append("\n").append(i18n::tr(lang, "No attributes."));
    }
    for (const auto& [name, value] : feature.attributes) {
        body.append("\n").append(one_line(name, 60)).append(": ").append(one_line(value, 300));
    }
    report.body = std::move(body);
    return report;
}

std::vector<SceneUserLayer> load_user_layers(const std::filesystem::path& file,
                                             const UserLayerOptions& options,
                                             const UserLayerStyle& style,
                                             const geo::Projection& projection) {
    geo::LoadOptions load;
    load.assumed_crs = options.assumed_crs;
    // The user's data are drawn as they are: an invalid polygon is not this map's to repair.
    load.repair_invalid = false;
    const std::vector<geo::VectorLayer> layers = geo::load_all_vector_layers(file, load);
    std::vector<SceneUserLayer> out;
    for (const auto& layer : layers) {
        SceneUserLayer scene_layer;
        scene_layer.source = file;
        scene_layer.title = file.filename().string();
        if (layers.size() > 1) {
            scene_layer.title += ": " + layer.name;
        }
        scene_layer.style = style;
        scene_layer.box = empty_box();
        for (const auto& feature : layer.features) {
            UserFeature projected = project_feature(feature, projection);
            if (projected.polygons.empty() && projected.lines.empty() && projected.points.empty()) {
                continue; // beyond the projection's horizon
            }
            if (!options.label_field.empty()) {
                projected.label = one_line(feature.attribute(options.label_field), 80);
            }
            if (!projected.polygons.empty()) {
                projected.shapes = std::make_shared<const PolygonSet>(
                    build_polygon_set(projected.polygons, projection.metres_per_unit()));
            }
            widen(scene_layer.box, {projected.box.min_x, projected.box.min_y});
            widen(scene_layer.box, {projected.box.max_x, projected.box.max_y});
            scene_layer.features.push_back(std::move(projected));
        }
        if (scene_layer.features.empty()) {
            throw geo::InputError(N_("{file}: layer '{layer}': no feature lies where the map's "
                                     "projection can show it"),
                                  {{"file", file.string()}, {"layer", layer.name}});
        }
        out.push_back(std::move(scene_layer));
    }
    return out;
}

} // namespace kuril
