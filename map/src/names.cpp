// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/names.hpp"

#include "map/map_frame.hpp"

#include <utility>

namespace kuril {
namespace {

/// The word for "approximate" in a language, and the forms that already say it.
std::pair<std::string_view, std::string_view> approx_marker(std::string_view lang) {
    if (lang == "ja") {
        return {"（概略）", "概略"};
    }
    if (lang == "ru") {
        return {" (приблизительно)", "приблизительно"};
    }
    return {" (approx.)", "approx"};
}

} // namespace

std::string line_name_in(const geo::Annotations& annotations, const geo::BoundaryLine& line,
                         std::string_view lang) {
    std::string name;
    if (const geo::LineInfo* info = annotations.line_info(line.id)) {
        if (const geo::Name* found = info->name(lang)) {
            name = found->text;
        } else if (const geo::Name* english = info->name("en")) {
            name = english->text;
            lang = "en";
        }
    }
    if (name.empty()) {
        return line.label; // the layer's label already marks approximate lines
    }
    if (line.approx) {
        const auto [suffix, stem] = approx_marker(lang);
        if (name.find(stem) != std::string::npos) {
            return name;
        }
        // Inside a closing parenthesis the name already has: "(1855, approx.)", "（…、概略）".
        const std::string_view fullwidth_close = "）";
        if (lang == "ja" && name.ends_with(fullwidth_close)) {
            return name.insert(name.size() - fullwidth_close.size(), "、" + std::string(stem));
        }
        if (lang != "ja" && name.ends_with(")")) {
            const std::string word = lang == "ru" ? "приблизительно" : "approx.";
            return name.insert(name.size() - 1, ", " + word);
        }
        name += suffix;
    }
    return name;
}

std::string line_name(const geo::Annotations& annotations, const geo::BoundaryLine& line,
                      LabelLanguage language) {
    switch (language) {
    case LabelLanguage::en:
        return line_name_in(annotations, line, "en");
    case LabelLanguage::ja:
        return line_name_in(annotations, line, "ja");
    case LabelLanguage::ru:
        return line_name_in(annotations, line, "ru");
    case LabelLanguage::en_ja:
        return line_name_in(annotations, line, "en") + "\n" + line_name_in(annotations, line, "ja");
    case LabelLanguage::en_ru:
        return line_name_in(annotations, line, "en") + "\n" + line_name_in(annotations, line, "ru");
    case LabelLanguage::ja_ru:
        return line_name_in(annotations, line, "ja") + "\n" + line_name_in(annotations, line, "ru");
    }
    return line_name_in(annotations, line, "en");
}

std::string key_date_name(const geo::Annotations& annotations, const geo::History& history,
                          geo::Date date, std::string_view lang) {
    std::string text;
    const auto add = [&](const std::string& part) {
        if (!part.empty() && text.find(part) == std::string::npos) {
            text += (text.empty() ? "" : "; ") + part;
        }
    };
    for (const auto& event : annotations.events) {
        if (event.first_day() == date) {
            add(geo::text_in(event.titles, lang));
        }
    }
    if (!text.empty()) {
        return text;
    }
    for (const auto& line : history.lines()) {
        if (line.valid_from == date) {
            add(line_name_in(annotations, line, lang));
        } else if (line.valid_to && *line.valid_to == date) {
            add(line_name_in(annotations, line, lang) + (lang == "ja"   ? "（終了）"
                                                         : lang == "ru" ? " (конец)"
                                                                        : " (ends)"));
        }
    }
    return text;
}

} // namespace kuril
