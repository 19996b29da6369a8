// SPDX-License-Identifier: GPL-3.0-or-later
// <tours> and their slides. The map checks the names of layers and languages (map/tour_check).
#include "annotations/elements.hpp"

#include <sstream>

namespace geo::detail {
namespace {

Slide read_slide(XmlReader& r, const XMLElement* e, std::unordered_set<std::string>& slide_ids) {
    r.allowed_attributes(e, {"id", "date", "compare", "island", "bbox", "center", "zoom", "lang",
                             "layers", "sources", "pov", "legend"});
    Slide slide;
    slide.line = e->GetLineNum();
    slide.id = r.required_string(e, "id");
    r.unique_id(slide_ids, e, slide.id, "slide");
    if (const char* text = e->Attribute("date"); text != nullptr && std::string(text) == "today") {
        // A slide about the present stays current: it shows the day it is presented.
        slide.date = Date::today();
    } else if (const auto day = r.date(e, "date", true)) {
        if (day->precision != DatePrecision::day) {
            r.error(e, describe(e) + " date '" + day->text +
                           "': a full date YYYY-MM-DD is "
                           "expected");
        } else if (day->first < Date{1850, 1, 1} || Date::today() < day->first) {
            r.error(e, describe(e) + " date " + day->text +
                           " is out of range (1850-01-01 to "
                           "today)");
        }
        slide.date = day->first;
    }
    if (const auto day = r.date(e, "compare", false)) {
        if (day->precision != DatePrecision::day) {
            r.error(e, describe(e) + " compare '" + day->text +
                           "': a full date YYYY-MM-DD is expected (the right half's date)");
        } else if (day->first < Date{1850, 1, 1} || Date::today() < day->first) {
            r.error(e, describe(e) + " compare " + day->text +
                           " is out of range (1850-01-01 to today)");
        } else if (day->first == slide.date) {
            r.error(e, describe(e) + " compare " + day->text +
                           " is the slide's own date: give another date to compare it with");
        } else {
            slide.compare = day->first;
        }
    }
    int views = 0;
    if (const char* island = e->Attribute("island")) {
        ++views;
        slide.island = island;
        r.island_refs.push_back({slide.island, slide.line, describe(e), slide.id});
    }
    if (const char* bbox = e->Attribute("bbox")) {
        ++views;
        const auto v = r.numbers(e, "bbox", bbox, 4);
        if (v.size() == 4) {
            if (v[0] >= v[2] || v[1] >= v[3]) {
                r.error(e, describe(e) + " bbox=\"" + bbox + "\": min must be less than max");
            } else if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
                r.error(e, describe(e) + " bbox=\"" + bbox + "\" is out of range");
            } else {
                slide.bbox = Box{v[0], v[1], v[2], v[3]};
            }
        }
    }
    if (const char* center = e->Attribute("center")) {
        ++views;
        const auto v = r.numbers(e, "center", center, 2);
        if (v.size() == 2) {
            if (v[0] < -180 || v[0] > 180 || v[1] < -90 || v[1] > 90) {
                r.error(e, describe(e) + " center=\"" + center + "\" is out of range");
            } else {
                slide.center = Point{v[0], v[1]};
            }
        }
        if (const char* zoom = e->Attribute("zoom")) {
            const auto z = r.numbers(e, "zoom", zoom, 1);
            if (!z.empty() && (z[0] < 0 || z[0] > 20)) {
                r.error(e, describe(e) + " zoom=\"" + zoom + "\" is out of range (0 to 20)");
            } else {
                slide.zoom = z.empty() ? 0 : z[0];
            }
        }
    }
    if (views == 0) {
        r.error(e, describe(e) + " has no view (give island, bbox, or center and zoom)");
    } else if (views > 1) {
        r.error(e, describe(e) + " has more than one view (island, bbox, center)");
    }
    // The map knows which languages and layers there are: map/tour_check.hpp.
    if (const char* lang = e->Attribute("lang")) {
        slide.lang = lang;
    }
    // A point of view's id, checked once everything is read (check_points_of_view).
    slide.pov = optional_string(e, "pov");
    if (const char* layers = e->Attribute("layers")) {
        std::stringstream in(layers);
        for (std::string item; std::getline(in, item, ',');) {
            slide.layers.push_back(item);
        }
    }
    if (const char* legend = e->Attribute("legend")) {
        if (std::string_view(legend) == "off") {
            slide.legend = false;
        } else if (std::string_view(legend) != "on") {
            r.error(e, describe(e) + " legend=\"" + legend + "\": expected on or off");
        }
    }
    slide.sources = r.sources(e, true);
    for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
        const std::string_view name = child->Name();
        // Each in English (no lang) and, optionally, in Japanese and Russian.
        if (name == "title") {
            r.language_text(child, slide.titles);
        } else if (name == "caption") {
            r.language_text(child, slide.captions);
        } else if (name == "notes") {
            r.language_text(child, slide.notes);
        } else {
            r.warn(child,
                   "unknown element <" + std::string(name) + "> in " + describe(e) + " ignored");
        }
    }
    if (slide.titles.count("en") == 0) {
        r.error(e, describe(e) + " has no English <title>");
    }
    return slide;
}

} // namespace

void read_tour(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"id", "title"});
    Tour tour;
    tour.line = e->GetLineNum();
    tour.id = r.required_string(e, "id");
    r.unique_id(r.ids.tours, e, tour.id, "tour");
    tour.title = optional_string(e, "title");
    std::unordered_set<std::string> slide_ids;
    for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
        if (std::string_view(child->Name()) == "slide") {
            tour.slides.push_back(read_slide(r, child, slide_ids));
        } else {
            r.warn(child, "unknown element <" + std::string(child->Name()) + "> in " + describe(e) +
                              " ignored");
        }
    }
    if (tour.slides.empty()) {
        r.error(e, describe(e) + " has no slides");
    }
    r.out.tours.push_back(std::move(tour));
}

} // namespace geo::detail
