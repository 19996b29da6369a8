// SPDX-License-Identifier: GPL-3.0-or-later
// <tours> and their slides. The map checks the names of layers and languages (map/tour_check).
#include "annotations/elements.hpp"

#include <sstream>

namespace geo::detail {

using i18n::N_;

namespace {

Slide read_slide(XmlReader& r, const XMLElement* e, std::unordered_set<std::string>& slide_ids) {
    r.allowed_attributes(e, {"id", "date", "compare", "island", "bbox", "center", "zoom", "lang",
                             "layers", "sources", "pov", "legend"});
    Slide slide;
    slide.line = e->GetLineNum();
    slide.id = r.required_string(e, "id");
    r.unique_id(slide_ids, e, slide.id, N_("duplicate slide id '{id}'"));
    if (const char* text = e->Attribute("date"); text != nullptr && std::string(text) == "today") {
        // A slide about the present stays current: it shows the day it is presented.
        slide.date = Date::today();
    } else if (const auto day = r.date(e, "date", true)) {
        if (day->precision != DatePrecision::day) {
            r.error(e, N_("{element} date '{value}': a full date YYYY-MM-DD is expected"),
                    {{"element", describe(e)}, {"value", day->text}});
        } else if (day->first < Date{1850, 1, 1} || Date::today() < day->first) {
            r.error(e, N_("{element} date {value} is out of range (1850-01-01 to today)"),
                    {{"element", describe(e)}, {"value", day->text}});
        }
        slide.date = day->first;
    }
    if (const auto day = r.date(e, "compare", false)) {
        if (day->precision != DatePrecision::day) {
            r.error(e,
                    N_("{element} compare '{value}': a full date YYYY-MM-DD is expected (the right "
                       "half's date)"),
                    {{"element", describe(e)}, {"value", day->text}});
        } else if (day->first < Date{1850, 1, 1} || Date::today() < day->first) {
            r.error(e, N_("{element} compare {value} is out of range (1850-01-01 to today)"),
                    {{"element", describe(e)}, {"value", day->text}});
        } else if (day->first == slide.date) {
            r.error(e,
                    N_("{element} compare {value} is the slide's own date: give another date to "
                       "compare it with"),
                    {{"element", describe(e)}, {"value", day->text}});
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
                r.error(e, N_("{element} bbox=\"{value}\": min must be less than max"),
                        {{"element", describe(e)}, {"value", bbox}});
            } else if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
                r.error(e, N_("{element} bbox=\"{value}\" is out of range"),
                        {{"element", describe(e)}, {"value", bbox}});
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
                r.error(e, N_("{element} center=\"{value}\" is out of range"),
                        {{"element", describe(e)}, {"value", center}});
            } else {
                slide.center = Point{v[0], v[1]};
            }
        }
        if (const char* zoom = e->Attribute("zoom")) {
            const auto z = r.numbers(e, "zoom", zoom, 1);
            if (!z.empty() && (z[0] < 0 || z[0] > 20)) {
                r.error(e, N_("{element} zoom=\"{value}\" is out of range (0 to 20)"),
                        {{"element", describe(e)}, {"value", zoom}});
            } else {
                slide.zoom = z.empty() ? 0 : z[0];
            }
        }
    }
    if (views == 0) {
        r.error(e, N_("{element} has no view (give island, bbox, or center and zoom)"),
                {{"element", describe(e)}});
    } else if (views > 1) {
        r.error(e, N_("{element} has more than one view (island, bbox, center)"),
                {{"element", describe(e)}});
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
            r.error(e, N_("{element} legend=\"{value}\": expected on or off"),
                    {{"element", describe(e)}, {"value", legend}});
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
            r.warn(child, N_("unknown element <{name}> in {element} ignored"),
                   {{"name", name}, {"element", describe(e)}});
        }
    }
    if (slide.titles.count("en") == 0) {
        r.error(e, N_("{element} has no English <title>"), {{"element", describe(e)}});
    }
    return slide;
}

} // namespace

void read_tour(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"id", "title"});
    Tour tour;
    tour.line = e->GetLineNum();
    tour.id = r.required_string(e, "id");
    r.unique_id(r.ids.tours, e, tour.id, N_("duplicate tour id '{id}'"));
    tour.title = optional_string(e, "title");
    std::unordered_set<std::string> slide_ids;
    for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
        if (std::string_view(child->Name()) == "slide") {
            tour.slides.push_back(read_slide(r, child, slide_ids));
        } else {
            r.warn(child, N_("unknown element <{name}> in {element} ignored"),
                   {{"name", child->Name()}, {"element", describe(e)}});
        }
    }
    if (tour.slides.empty()) {
        r.error(e, N_("{element} has no slides"), {{"element", describe(e)}});
    }
    r.out.tours.push_back(std::move(tour));
}

} // namespace geo::detail
