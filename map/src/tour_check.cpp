// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/tour_check.hpp"

#include "map/map_state.hpp"

namespace kuril {
namespace {

/// "en, ja, ru, en+ja, en+ru or ja+ru": every code the map knows.
std::string known_languages() {
    std::string text;
    for (std::size_t i = 0; i < language_count; ++i) {
        if (i > 0) {
            text += i + 1 == language_count ? " or " : ", ";
        }
        text += language_code(static_cast<LabelLanguage>(i));
    }
    return text;
}

} // namespace

std::vector<geo::Diagnostic> check_tours(const geo::Annotations& annotations) {
    std::vector<geo::Diagnostic> problems;
    for (const auto& tour : annotations.tours) {
        for (const auto& slide : tour.slides) {
            const std::string where =
                slide.id.empty() ? std::string("<slide>") : "<slide id=\"" + slide.id + "\">";
            auto report = [&](std::string message) {
                problems.push_back({annotations.file, slide.line, where + message, slide.id});
            };
            if (!language_from_code(slide.lang)) {
                report(" lang=\"" + slide.lang + "\": expected " + known_languages());
            }
            for (const auto& name : slide.layers) {
                if (!layer_from_name(name)) {
                    report(" layers: unknown layer '" + name + "'");
                }
            }
        }
    }
    return problems;
}

} // namespace kuril
