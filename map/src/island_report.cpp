// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/island_report.hpp"

#include "geo/geodesic.hpp"
#include "geo/geometry.hpp"
#include "geo/islands.hpp"
#include "i18n/translate.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

namespace kuril {
namespace {

std::string party_names(const std::vector<geo::Party>& parties, geo::Date date,
                        std::string_view lang) {
    std::string text;
    for (const auto party : parties) {
        text += (text.empty() ? "" : std::string(i18n::trc(lang, "two states", " and "))) +
                geo::party_display_name(party, date, lang);
    }
    return text;
}

/// A source in words: "Title (in Japanese) — Publisher, 1992" (and its ISBN if it has one).
PanelSource panel_source(const geo::Source& source) {
    std::string text = source.title + source.language_note();
    if (!source.publisher.empty()) {
        text += " — " + source.publisher;
    }
    if (!source.date.empty()) {
        text += (source.publisher.empty() ? " — " : ", ") + source.date.substr(0, 4);
    }
    if (!source.isbn.empty()) {
        text += (source.publisher.empty() && source.date.empty() ? " — " : ", ") +
                std::string("ISBN ") + source.isbn;
    }
    return {text, source.url};
}

/// Numbers the sources a report cites in the order they are first cited.
class Citations {
public:
    explicit Citations(const geo::Annotations& annotations) : annotations_(annotations) {}

    /// " [1, 3]" for those ids (unknown ids, which `check` reports, are left out).
    std::string cite(const std::vector<std::string>& ids) {
        std::string text;
        std::vector<std::ptrdiff_t> cited;
        for (const auto& id : ids) {
            const auto* source = annotations_.source(id);
            if (source == nullptr) {
                continue;
            }
            auto it = std::find(ids_.begin(), ids_.end(), id);
            if (it == ids_.end()) {
                ids_.push_back(id);
                sources_.push_back(panel_source(*source));
                it = ids_.end() - 1;
            }
            const std::ptrdiff_t number = it - ids_.begin() + 1;
            if (std::find(cited.begin(), cited.end(), number) == cited.end()) {
                cited.push_back(number);
                text += (text.empty() ? "" : ", ") + std::to_string(number);
            }
        }
        return text.empty() ? "" : " [" + text + "]";
    }
    std::vector<PanelSource> sources() const { return sources_; }

private:
    const geo::Annotations& annotations_;
    std::vector<std::string> ids_;
    std::vector<PanelSource> sources_;
};

/// A note as a sentence of its own after the figure: " Including adjacent islets."
std::string note_sentence(const std::string& note) {
    if (note.empty()) {
        return "";
    }
    std::string text = " " + note;
    if (text.back() != '.' && text.back() != ')') {
        text += '.';
    }
    return text;
}

/// "Highest point" from "highest_point_m"; unknown keys read as words.
std::string key_words(std::string key) {
    std::replace(key.begin(), key.end(), '_', ' ');
    if (!key.empty()) {
        key[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(key[0])));
    }
    return key;
}

/// One fact as a sentence: what it is, the figure with its unit, what the figure covers, and
/// its sources by number.
std::string fact_sentence(const geo::Fact& fact, Citations& citations, std::string_view lang) {
    const std::string value = readable_number(fact.value, lang);
    const std::string year = fact.year.empty() ? "" : " (" + fact.year + ")";
    using i18n::format;
    using i18n::tr;
    std::string text;
    if (fact.key == "highest_point_m") {
        const std::string height = value + " m";
        if (fact.name.empty()) {
            text = format(tr(lang, "Highest point: {height}."), {{"height", height}});
        } else if (fact.name.rfind("on ", 0) == 0) {
            text = format(tr(lang, "Highest point: {height}, {where}."),
                          {{"height", height}, {"where", fact.name}});
        } else {
            text = format(tr(lang, "Highest point: {name}, {height}."),
                          {{"name", fact.name}, {"height", height}});
        }
    } else if (fact.key == "population") {
        text = fact.name.empty() ? format(tr(lang, "Population: {value}{year}."),
                                          {{"value", value}, {"year", year}})
                                 : format(tr(lang, "Population of {name}: {value}{year}."),
                                          {{"name", fact.name}, {"value", value}, {"year", year}});
    } else if (fact.key == "main_settlement") {
        text = fact.value.empty()
                   ? format(tr(lang, "Main settlement: {name}."), {{"name", fact.name}})
                   : format(tr(lang, "Main settlement: {name}, population {value}{year}."),
                            {{"name", fact.name}, {"value", value}, {"year", year}});
    } else if (fact.key == "russian_district") {
        text = format(tr(lang, "Russian district: {name}."), {{"name", fact.value}});
    } else if (fact.key == "japanese_residents_1945") {
        text = format(tr(lang, "Japanese residents in 1945: {value}."), {{"value", value}});
    } else {
        text = key_words(fact.key) + ": " + (fact.name.empty() ? "" : fact.name + ", ") + value +
               (fact.unit.empty() ? "" : " " + fact.unit) + year + ".";
    }
    return text + note_sentence(fact.note) + citations.cite(fact.sources);
}

} // namespace

std::string_view kind_word(std::string_view kind, std::string_view lang) {
    static constexpr const char* words[] = {
        i18n::NC_("kind of place", "town"),      i18n::NC_("kind of place", "cape"),
        i18n::NC_("kind of place", "strait"),    i18n::NC_("kind of place", "sea"),
        i18n::NC_("kind of place", "bay"),       i18n::NC_("kind of place", "volcano"),
        i18n::NC_("kind of place", "peninsula"), i18n::NC_("kind of place", "island")};
    for (const char* word : words) {
        if (kind == word) {
            return i18n::trc(lang, "kind of place", word);
        }
    }
    return kind;
}

std::string readable_number(const std::string& value) {
    const auto dot = value.find('.');
    const std::string whole = value.substr(0, dot);
    if (whole.empty() || whole.size() > 15 || !std::all_of(whole.begin(), whole.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
        })) {
        return value;
    }
    if (dot != std::string::npos &&
        (dot + 1 == value.size() ||
         !std::all_of(value.begin() + static_cast<std::ptrdiff_t>(dot) + 1, value.end(),
                      [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))) {
        return value;
    }
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) {
            grouped += ',';
        }
        grouped += whole[i];
    }
    return grouped + (dot == std::string::npos ? "" : value.substr(dot));
}

std::string readable_number(const std::string& value, std::string_view lang) {
    // Only a plain number ("3168", "3166.6"); other text keeps its own marks.
    const bool plain = !value.empty() && std::count(value.begin(), value.end(), '.') <= 1 &&
                       value.front() != '.' && value.back() != '.' &&
                       std::all_of(value.begin(), value.end(), [](char c) {
                           return c == '.' || std::isdigit(static_cast<unsigned char>(c)) != 0;
                       });
    const std::string english = readable_number(value);
    if (!plain || (english == value && value.find('.') == std::string::npos)) {
        return english;
    }
    // Each language's marks for thousands and decimals ("3 225,5" in Russian).
    const std::string_view thousands = i18n::trc(lang, "thousands separator", ",");
    const std::string_view decimal = i18n::trc(lang, "decimal separator", ".");
    std::string text;
    for (const char c : english) {
        if (c == ',') {
            text += thousands;
        } else if (c == '.') {
            text += decimal;
        } else {
            text += c;
        }
    }
    return text;
}

std::vector<geo::Polygon> island_land_lon_lat(const geo::Atlas& atlas, const geo::Island& island) {
    const geo::VectorLayer* land = atlas.layer("land");
    if (land == nullptr) {
        return {};
    }
    const geo::VectorLayer* regions = atlas.layer("regions");
    return island_land_lon_lat(geo::polygons_by_island(*land),
                               regions != nullptr
                                   ? geo::polygons_by_island(*regions)
                                   : std::map<std::string, std::vector<geo::Polygon>>{},
                               island);
}

std::vector<geo::Polygon>
island_land_lon_lat(const std::map<std::string, std::vector<geo::Polygon>>& by_island,
                    const std::map<std::string, std::vector<geo::Polygon>>& regions_by_island,
                    const geo::Island& island) {
    if (!island.part_of.empty()) {
        if (const auto it = regions_by_island.find(island.id); it != regions_by_island.end()) {
            return it->second;
        }
        const auto it = by_island.find(island.part_of);
        return it == by_island.end()
                   ? std::vector<geo::Polygon>{}
                   : geo::clip_to_latitude_band(it->second, island.lat_min.value_or(-90.0),
                                                island.lat_max.value_or(90.0));
    }
    std::set<std::string> ids(island.members.begin(), island.members.end());
    ids.insert(island.id);
    std::vector<geo::Polygon> polygons;
    for (const auto& id : ids) {
        if (const auto it = by_island.find(id); it != by_island.end()) {
            polygons.insert(polygons.end(), it->second.begin(), it->second.end());
        }
    }
    return polygons;
}

PanelReport island_report(const geo::Atlas& atlas, const geo::Island& island,
                          const geo::IslandStatus& status, std::string_view lang) {
    const geo::Date date = status.date;
    Citations citations(atlas.annotations);
    std::ostringstream out;
    using i18n::format;
    using i18n::tr;
    if (const auto* ja = island.name("ja")) {
        out << tr(lang, "Japanese: ") << ja->text
            << (ja->romaji.empty() ? "" : " (" + ja->romaji + ")") << '\n';
    }
    if (const auto* ru = island.name("ru")) {
        out << tr(lang, "Russian: ") << ru->text
            << (ru->translit.empty() ? "" : " (" + ru->translit + ")") << '\n';
    }
    // The status on the date first: it is what the panel was opened for.
    out << "\n" << format(tr(lang, "On {date}:"), {{"date", date.long_text(lang)}}) << "\n";
    if (!status.known) {
        out << status.note << '\n';
    } else {
        if (const std::string& headline = geo::text_in(status.titles, lang); !headline.empty()) {
            out << headline << '\n';
        }
        out << format(tr(lang, "Administered by {parties}."),
                      {{"parties", party_names(status.administered_by, date, lang)}})
            << "\n"
            << format(tr(lang, "Claimed by {parties}."),
                      {{"parties", party_names(status.claimed_by, date, lang)}})
            << "\n";
        const std::string& note = geo::text_in(status.notes, lang);
        out << (note.empty() ? status.note : note);
        out << citations.cite(status.sources) << '\n';
    }
    // Areas: computed on the ellipsoid from the shipped coastline, beside the stated figures,
    // which differ with what they count and with who states them.
    char area[64];
    std::snprintf(area, sizeof area, "%.1f",
                  geo::geodesic_area_km2(island_land_lon_lat(atlas, island)));
    out << "\n"
        << format(tr(lang, "Area computed from the coastline (GSHHG, on the WGS84 ellipsoid): "
                           "{area} km²."),
                  {{"area", readable_number(area, lang)}})
        << "\n";
    bool stated_heading = false;
    for (const auto& fact : island.facts) {
        if (fact.key != "area_km2") {
            continue;
        }
        if (!stated_heading) {
            out << tr(lang, "Stated areas (they differ with what they count and with the source):")
                << "\n";
            stated_heading = true;
        }
        const std::string stated_by =
            fact.party ? format(tr(lang, ", as stated by {party}"),
                                {{"party", geo::party_display_name(*fact.party, date, lang)}})
                       : "";
        out << "• "
            << format(tr(lang, "{area} km²{stated_by}."),
                      {{"area", readable_number(fact.value, lang)}, {"stated_by", stated_by}})
            << note_sentence(fact.note) << citations.cite(fact.sources) << '\n';
    }
    bool facts_heading = false;
    std::string previous_key;
    for (std::size_t i = 0; i < island.facts.size(); ++i) {
        const auto& fact = island.facts[i];
        if (fact.key == "area_km2") {
            continue;
        }
        if (!facts_heading) {
            out << '\n';
            facts_heading = true;
        }
        // Consecutive facts of one kind with one note (the villages of an island) in one line.
        if (fact.key == "japanese_village") {
            std::vector<std::string> villages{fact.value};
            std::vector<std::string> sources = fact.sources;
            while (i + 1 < island.facts.size() && island.facts[i + 1].key == fact.key &&
                   island.facts[i + 1].note == fact.note) {
                ++i;
                villages.push_back(island.facts[i].value);
                sources.insert(sources.end(), island.facts[i].sources.begin(),
                               island.facts[i].sources.end());
            }
            std::string list;
            for (const auto& village : villages) {
                list += (list.empty() ? "" : ", ") + village;
            }
            out << (villages.size() > 1 ? tr(lang, "Japanese villages: ")
                                        : tr(lang, "Japanese village: "))
                << list << "." << note_sentence(fact.note) << citations.cite(sources) << '\n';
            continue;
        }
        out << fact_sentence(fact, citations, lang) << '\n';
    }
    bool heading = false;
    for (const auto& event : atlas.annotations.events) {
        if (std::find(event.islands.begin(), event.islands.end(), island.id) ==
            event.islands.end()) {
            continue;
        }
        if (!heading) {
            out << "\n" << tr(lang, "Events:") << "\n";
            heading = true;
        }
        out << event.date.display(lang) << ": " << geo::text_in(event.titles, lang) << '\n';
    }
    std::string body = out.str();
    while (!body.empty() && body.back() == '\n') {
        body.pop_back();
    }
    return {island.display_name(), body, citations.sources()};
}

PanelReport place_report(const geo::Annotations& annotations, const geo::Place& place,
                         geo::Date date, std::string_view lang) {
    std::ostringstream out;
    std::string kind(kind_word(geo::place_kind_name(place.kind), lang));
    if (lang == "en") {
        kind[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(kind[0])));
    }
    char position[64];
    std::snprintf(position, sizeof position, "%.2f° %s, %.2f° %s", std::abs(place.place.y),
                  place.place.y < 0 ? "S" : "N", std::abs(place.place.x),
                  place.place.x < 0 ? "W" : "E");
    out << kind << ", " << position << "\n";
    const char* languages[][2] = {
        {"en", i18n::N_("English")}, {"ja", i18n::N_("Japanese")}, {"ru", i18n::N_("Russian")}};
    for (const auto& [code, language] : languages) {
        if (const geo::PlaceName* name = place.name(code, date)) {
            const std::string& spelled = name->romaji.empty() ? name->translit : name->romaji;
            out << i18n::tr(lang, language) << ": " << name->text
                << (spelled.empty() ? "" : " (" + spelled + ")") << '\n';
        } else {
            out << i18n::tr(lang, language) << ": "
                << i18n::format(i18n::tr(lang, "no name on {date}"),
                                {{"date", date.long_text(lang)}})
                << '\n';
        }
    }
    // Names by period, when any name has one (a town renamed).
    const bool periods = std::any_of(place.names.begin(), place.names.end(),
                                     [](const geo::PlaceName& n) { return n.from || n.to; });
    if (periods) {
        out << "\n" << i18n::tr(lang, "Names by period:") << "\n";
        for (const auto& [code, language] : languages) {
            for (const auto& name : place.names) {
                if (name.lang != code) {
                    continue;
                }
                const std::string period =
                    name.from && name.to
                        ? i18n::format(i18n::tr(lang, "{from} to {to}"),
                                       {{"from", name.from_text}, {"to", name.to_text}})
                    : name.from
                        ? i18n::format(i18n::tr(lang, "from {from}"), {{"from", name.from_text}})
                    : name.to ? i18n::format(i18n::tr(lang, "until {to}"), {{"to", name.to_text}})
                              : std::string(i18n::tr(lang, "always"));
                out << i18n::tr(lang, language) << ": " << name.text << ", " << period << '\n';
            }
        }
    }
    const geo::PlaceName* english = place.name("en", date);
    PanelReport report{english != nullptr ? english->text : place.display_name(), out.str(), {}};
    for (const auto& id : place.sources) {
        if (const auto* source = annotations.source(id)) {
            report.sources.push_back(panel_source(*source));
        }
    }
    return report;
}

PanelReport event_report(const geo::Annotations& annotations, const geo::Event& event,
                         std::string_view lang) {
    std::ostringstream out;
    out << (event.to ? i18n::format(
                           i18n::tr(lang, "{from} to {to}"),
                           {{"from", event.date.display(lang)}, {"to", event.to->display(lang)}})
                     : event.date.display(lang));
    const std::string& title = geo::text_in(event.titles, lang);
    out << (event.approx ? i18n::tr(lang, " (place approximate)") : "") << "\n\n"
        << geo::text_in(event.texts, lang);
    // The title in the other languages, below the text.
    bool first_title = true;
    for (const char* other : {"en", "ja", "ru"}) {
        if (auto it = event.titles.find(other);
            it != event.titles.end() && it->second != title && !it->second.empty()) {
            out << (first_title ? "\n\n" : "\n") << it->second;
            first_title = false;
        }
    }
    PanelReport report{title, out.str(), {}};
    for (const auto& id : event.sources) {
        if (const auto* source = annotations.source(id)) {
            report.sources.push_back(panel_source(*source));
        }
    }
    return report;
}

} // namespace kuril
