#include "map/island_report.hpp"

#include "geo/geodesic.hpp"
#include "geo/geometry.hpp"
#include "geo/islands.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <sstream>

namespace kuril {
namespace {

std::string sources_text(const std::vector<std::string>& ids) {
    std::string text;
    for (const auto& id : ids) {
        text += (text.empty() ? "" : "; ") + id;
    }
    return text;
}

std::string party_names(const std::vector<geo::Party>& parties, geo::Date date) {
    std::string text;
    for (const auto party : parties) {
        text += (text.empty() ? "" : " and ") + geo::party_display_name(party, date);
    }
    return text;
}

/// Every source an island's facts and status periods cite, once each, by id.
std::string cited_sources(const geo::Annotations& annotations, const geo::Island& island) {
    std::vector<std::string> cited;
    for (const auto& fact : island.facts) {
        cited.insert(cited.end(), fact.sources.begin(), fact.sources.end());
    }
    for (const auto& period : island.status) {
        cited.insert(cited.end(), period.sources.begin(), period.sources.end());
    }
    std::sort(cited.begin(), cited.end());
    cited.erase(std::unique(cited.begin(), cited.end()), cited.end());
    std::string text;
    for (const auto& id : cited) {
        if (const auto* source = annotations.source(id)) {
            text +=
                id + ": " + source->title + " (" + source->publisher + ") " + source->url + "\n";
        }
    }
    return text;
}

} // namespace

std::vector<geo::Polygon> island_land_lon_lat(const geo::Atlas& atlas, const geo::Island& island) {
    const geo::VectorLayer* land = atlas.layer("land");
    if (land == nullptr) {
        return {};
    }
    const auto by_island = geo::polygons_by_island(*land);
    if (!island.part_of.empty()) {
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
                          const geo::IslandStatus& status) {
    const geo::Date date = status.date;
    std::ostringstream out;
    if (const auto* ja = island.name("ja")) {
        out << "Japanese: " << ja->text << (ja->romaji.empty() ? "" : " (" + ja->romaji + ")")
            << '\n';
    }
    if (const auto* ru = island.name("ru")) {
        out << "Russian: " << ru->text << (ru->translit.empty() ? "" : " (" + ru->translit + ")")
            << '\n';
    }
    // Areas: computed on the ellipsoid from the shipped coastline, beside the official figures.
    char area[64];
    std::snprintf(area, sizeof area, "%.1f",
                  geo::geodesic_area_km2(island_land_lon_lat(atlas, island)));
    out << "\nArea computed (GSHHG, WGS84): " << area << " km²\n";
    for (const auto& fact : island.facts) {
        if (fact.key == "area_km2") {
            out << "Area stated"
                << (fact.party ? " by " + std::string(geo::party_code(*fact.party)) : "") << ": "
                << fact.value << " km²" << (fact.note.empty() ? "" : " (" + fact.note + ")") << " ["
                << sources_text(fact.sources) << "]\n";
        }
    }
    out << "\nOn " << date.long_text() << ":\n";
    if (!status.known) {
        out << status.note << '\n';
    } else {
        out << "Administered by " << party_names(status.administered_by, date) << "\nClaimed by "
            << party_names(status.claimed_by, date) << '\n';
        if (!status.note.empty()) {
            out << status.note << '\n';
        }
        out << "[" << sources_text(status.sources) << "]\n";
    }
    out << '\n';
    for (const auto& fact : island.facts) {
        if (fact.key == "area_km2") {
            continue;
        }
        std::string key = fact.key;
        std::replace(key.begin(), key.end(), '_', ' ');
        key[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(key[0])));
        out << key << ": " << (fact.name.empty() ? "" : fact.name + " ") << fact.value
            << (fact.year.empty() ? "" : " (" + fact.year + ")") << " ["
            << sources_text(fact.sources) << "]\n";
    }
    bool heading = false;
    for (const auto& event : atlas.annotations.events) {
        if (std::find(event.islands.begin(), event.islands.end(), island.id) ==
            event.islands.end()) {
            continue;
        }
        if (!heading) {
            out << "\nEvents:\n";
            heading = true;
        }
        out << event.date.display() << ": " << event.titles.at("en") << '\n';
    }
    out << "\nSources:\n" << cited_sources(atlas.annotations, island);
    return {island.display_name(), out.str()};
}

PanelReport event_report(const geo::Annotations& annotations, const geo::Event& event) {
    std::ostringstream out;
    out << event.date.display();
    if (event.to) {
        out << " to " << event.to->display();
    }
    out << (event.approx ? " (place approximate)" : "") << "\n\n" << event.texts.at("en") << '\n';
    for (const char* lang : {"ja", "ru"}) {
        if (auto it = event.titles.find(lang); it != event.titles.end()) {
            out << '\n' << it->second;
        }
    }
    out << "\n\nSources:\n";
    for (const auto& id : event.sources) {
        if (const auto* source = annotations.source(id)) {
            out << "• " << source->title << " (" << source->publisher
                << (source->date.empty() ? "" : ", " + source->date) << ") " << source->url << '\n';
        }
    }
    return {event.titles.at("en"), out.str()};
}

} // namespace kuril
