// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/tour_check.hpp"

#include "i18n/translate.hpp"
#include "map/map_state.hpp"

namespace kuril {
namespace {

using i18n::N_;

/// "en, ja, ru, en+ja, en+ru or ja+ru": every code the map knows, said in the reader's language.
i18n::Message known_languages() {
    std::string list;
    for (std::size_t i = 0; i + 1 < language_count; ++i) {
        list += (i == 0 ? "" : ", ") + std::string(language_code(static_cast<LabelLanguage>(i)));
    }
    const std::string last(language_code(static_cast<LabelLanguage>(language_count - 1)));
    // TRANSLATORS: the last of a few ids offered as choices: "a, b or c".
    return {N_("{list} or {last}"), {{"list", list}, {"last", last}}};
}

} // namespace

std::vector<geo::Diagnostic> check_tours(const geo::Annotations& annotations) {
    std::vector<geo::Diagnostic> problems;
    for (const auto& tour : annotations.tours) {
        for (const auto& slide : tour.slides) {
            auto report = [&](i18n::Message message) {
                problems.push_back({annotations.file, slide.line, std::move(message), slide.id});
            };
            if (!language_from_code(slide.lang)) {
                if (slide.id.empty()) {
                    report({N_("<slide> lang=\"{lang}\": expected {languages}"),
                            {{"lang", slide.lang}, {"languages", known_languages()}}});
                } else {
                    report({N_("<slide id=\"{id}\"> lang=\"{lang}\": expected {languages}"),
                            {{"id", slide.id},
                             {"lang", slide.lang},
                             {"languages", known_languages()}}});
                }
            }
            for (const auto& name : slide.layers) {
                if (layer_from_name(name)) {
                    continue;
                }
                if (slide.id.empty()) {
                    report({N_("<slide> layers: unknown layer '{layer}'"), {{"layer", name}}});
                } else {
                    report({N_("<slide id=\"{id}\"> layers: unknown layer '{layer}'"),
                            {{"id", slide.id}, {"layer", name}}});
                }
            }
        }
    }
    return problems;
}

} // namespace kuril
