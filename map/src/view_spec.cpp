// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/view_spec.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <vector>

namespace kuril {
namespace {

using i18n::N_;

std::vector<double> numbers(const std::string& text, std::size_t count, const char* what) {
    std::vector<double> values;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        char* end = nullptr;
        const double value = std::strtod(item.c_str(), &end);
        if (item.empty() || end == item.c_str() || *end != '\0' || !std::isfinite(value)) {
            throw geo::InputError(N_("{option} {value}: {item} is not a number"),
                                  {{"option", what},
                                   {"value", quoted_value(text)},
                                   {"item", quoted_value(item, 40)}});
        }
        values.push_back(value);
    }
    if (values.size() != count) {
        throw geo::InputError(
            N_("{option} {value}: expected {count} numbers separated by commas"),
            {{"option", what}, {"value", quoted_value(text)}, {"count", std::to_string(count)}});
    }
    return values;
}

bool valid_lon_lat(double lon, double lat) {
    return std::isfinite(lon) && std::isfinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 &&
           lat <= 90;
}

/// "a", "a or b", "a, b or c" (or_list), said in the reader's language.
i18n::Message one_or_other(const std::vector<std::string>& words) {
    if (words.size() < 2) {
        return or_list(words);
    }
    std::string list;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        list += (i == 0 ? "" : ", ") + words[i];
    }
    // TRANSLATORS: the last of a few ids offered as choices: "a, b or c".
    return {N_("{list} or {last}"), {{"list", list}, {"last", words.back()}}};
}

std::string number_text(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace

geo::Box ViewSpec::parse_bbox(const std::string& text) {
    const auto v = numbers(text, 4, "--bbox");
    const geo::Box box{v[0], v[1], v[2], v[3]};
    if (box.min_x >= box.max_x || box.min_y >= box.max_y) {
        throw geo::InputError(
            N_("--bbox {value}: min must be less than max (minlon,minlat,maxlon,maxlat)"),
            {{"value", quoted_value(text)}});
    }
    if (!valid_lon_lat(box.min_x, box.min_y) || !valid_lon_lat(box.max_x, box.max_y)) {
        throw geo::InputError(
            N_("--bbox {value}: longitudes must be within ±180 and latitudes within ±90"),
            {{"value", quoted_value(text)}});
    }
    return box;
}

geo::Point ViewSpec::parse_center(const std::string& text) {
    const auto v = numbers(text, 2, "--center");
    if (!valid_lon_lat(v[0], v[1])) {
        throw geo::InputError(N_("--center {value}: out of range (the longitude must be within "
                                 "±180 and the latitude within ±90)"),
                              {{"value", quoted_value(text)}});
    }
    return {v[0], v[1]};
}

double ViewSpec::parse_zoom(const std::string& text) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end == text.c_str() || *end != '\0' || !(value >= 0 && value <= max_zoom)) {
        throw geo::InputError(
            N_("--zoom {value}: expected a number from 0 to {max} (0 = the whole region, +1 = 2x)"),
            {{"value", quoted_value(text)}, {"max", number_text(max_zoom)}});
    }
    return value;
}

void ViewSpec::check_values() const {
    if (bbox &&
        (!valid_lon_lat(bbox->min_x, bbox->min_y) || !valid_lon_lat(bbox->max_x, bbox->max_y) ||
         !(bbox->min_x < bbox->max_x) || !(bbox->min_y < bbox->max_y))) {
        throw geo::InputError(
            N_("bbox {value}: expected minlon < maxlon within ±180 and minlat < "
               "maxlat within ±90"),
            {{"value", number_text(bbox->min_x) + "," + number_text(bbox->min_y) + "," +
                           number_text(bbox->max_x) + "," + number_text(bbox->max_y)}});
    }
    if (center && !valid_lon_lat(center->x, center->y)) {
        throw geo::InputError(
            N_("centre {value}: expected a longitude within ±180 and a latitude within ±90"),
            {{"value", number_text(center->x) + "," + number_text(center->y)}});
    }
    if (!(zoom >= 0 && zoom <= max_zoom)) {
        throw geo::InputError(N_("zoom {value}: expected a number from 0 to {max}"),
                              {{"value", number_text(zoom)}, {"max", number_text(max_zoom)}});
    }
}

ViewSpec ViewSpec::from_slide(const geo::Slide& slide) {
    ViewSpec spec;
    spec.island = slide.island;
    spec.bbox = slide.bbox;
    spec.center = slide.center;
    spec.zoom = slide.zoom;
    return spec;
}

void ViewSpec::check_options(bool zoom_given) const {
    check_values();
    if (!island.empty() && bbox) {
        throw geo::InputError(
            N_("--island and --bbox: give one or the other (an island to fit, or a box)"));
    }
    if (!island.empty() && center) {
        throw geo::InputError(N_("--island and --center: give one or the other (an island to "
                                 "fit, or a centre and zoom)"));
    }
    if (bbox && center) {
        throw geo::InputError(N_("--bbox and --center: give one or the other (a box, or a centre "
                                 "and zoom)"));
    }
    if (zoom_given && !center) {
        throw geo::InputError(N_("--zoom needs --center lon,lat (the zoom is about that centre)"));
    }
}

std::string ViewSpec::island_id(const MapScene& scene, const std::string& typed) {
    const auto lower = [](std::string text) {
        std::transform(text.begin(), text.end(), text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return text;
    };
    const std::string wanted = lower(typed);
    std::vector<std::string> ids;
    for (const auto& region : scene.regions) {
        if (lower(region.island->id) == wanted) {
            return region.island->id;
        }
        ids.push_back(region.island->id);
    }
    const auto near = closest_matches(wanted, ids);
    if (!near.empty()) {
        throw geo::InputError(N_("unknown island {value} (did you mean {ids}?)"),
                              {{"value", quoted_value(typed)}, {"ids", one_or_other(near)}});
    }
    std::string known;
    for (const auto& id : ids) {
        known += (known.empty() ? "" : ", ") + id;
    }
    throw geo::InputError(N_("unknown island {value} (known: {ids})"),
                          {{"value", quoted_value(typed)}, {"ids", known}});
}

void ViewSpec::apply(const MapScene& scene, MapView& view, const ScreenInsets& insets) const {
    check_values();
    const geo::Projection& projection = *scene.projection;
    view.reset(insets);
    if (bbox) {
        // The data covers 139-158 E, 41-55 N.
        const geo::Box data{139, 41, 158, 55};
        if (bbox->max_x < data.min_x || bbox->min_x > data.max_x || bbox->max_y < data.min_y ||
            bbox->min_y > data.max_y) {
            throw geo::InputError(N_("--bbox lies outside the data (139-158 E, 41-55 N)"));
        }
        geo::Ring edge;
        for (int k = 0; k <= 10; ++k) {
            const double t = k / 10.0;
            edge.push_back({bbox->min_x + (bbox->max_x - bbox->min_x) * t, bbox->min_y});
            edge.push_back({bbox->min_x + (bbox->max_x - bbox->min_x) * t, bbox->max_y});
            edge.push_back({bbox->min_x, bbox->min_y + (bbox->max_y - bbox->min_y) * t});
            edge.push_back({bbox->max_x, bbox->min_y + (bbox->max_y - bbox->min_y) * t});
        }
        projection.forward_in_place(edge);
        geo::Box box{edge[0].x, edge[0].y, edge[0].x, edge[0].y};
        for (const auto& p : edge) {
            box.min_x = std::min(box.min_x, p.x);
            box.min_y = std::min(box.min_y, p.y);
            box.max_x = std::max(box.max_x, p.x);
            box.max_y = std::max(box.max_y, p.y);
        }
        view.fit(box, insets);
        return;
    }
    if (!island.empty()) {
        const std::string id = island_id(scene, island);
        for (const auto& region : scene.regions) {
            if (region.island->id != id) {
                continue;
            }
            geo::Box box{1e300, 1e300, -1e300, -1e300};
            for (const auto& polygon : region.projected) {
                for (const auto& p : polygon.rings.front()) {
                    box.min_x = std::min(box.min_x, p.x);
                    box.min_y = std::min(box.min_y, p.y);
                    box.max_x = std::max(box.max_x, p.x);
                    box.max_y = std::max(box.max_y, p.y);
                }
            }
            // A margin of a fifth on each side, and 500 m more (for an islet), in the CRS's
            // own units (degrees in EPSG:4326).
            const double least = 500 / projection.metres_per_unit();
            const double mx = (box.max_x - box.min_x) * 0.2 + least;
            const double my = (box.max_y - box.min_y) * 0.2 + least;
            view.fit({box.min_x - mx, box.min_y - my, box.max_x + mx, box.max_y + my}, insets);
            return;
        }
    }
    if (center) {
        const double region_scale = view.metres_per_pixel();
        view.set(projection.forward(*center), region_scale / std::pow(2.0, zoom));
    }
}

} // namespace kuril
