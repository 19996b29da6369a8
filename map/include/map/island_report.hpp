// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/atlas.hpp"
#include "geo/geometry.hpp"
#include "geo/history.hpp"

#include <map>
#include <string>
#include <vector>

namespace kuril {

/// A source as a reader sees it: its title, publisher and year (never its id), and its URL.
struct PanelSource {
    std::string text; ///< "Title — Publisher, 1992"
    std::string url;
};

/// What the viewer's info panel says about an island or an event: a title, a body of plain
/// text lines (the panel wraps them to its width) and the sources it cites. The body refers to
/// sources by their number in `sources` ("[1, 3]"), never by id.
struct PanelReport {
    std::string title;
    std::string body;
    std::vector<PanelSource> sources;
};

/// A number as a reader writes it: "3168" -> "3,168", "3166.6" -> "3,166.6"; anything that is
/// not a plain number is returned as it is.
std::string readable_number(const std::string& value);
/// As readable_number, with the marks `lang` uses: "3 225,5" in Russian, "3,225.5" in Japanese.
std::string readable_number(const std::string& value, std::string_view lang);

/// The land (lon/lat) an island's status colours: its own polygons and its members', or for
/// a region of a larger island its part of the parent: the regions layer's polygons when that
/// layer has the region (the Russian part of the mainland, cut by country when the data is
/// made), else the parent's polygons cut to its latitude band (South Sakhalin). Empty when the
/// atlas has no land layer or no polygon carries the island.
std::vector<geo::Polygon> island_land_lon_lat(const geo::Atlas& atlas, const geo::Island& island);
/// The same from the polygons by island (geo::polygons_by_island) of the land and of the
/// regions layer (empty without one), for a caller that asks for many islands.
std::vector<geo::Polygon>
island_land_lon_lat(const std::map<std::string, std::vector<geo::Polygon>>& land_by_island,
                    const std::map<std::string, std::vector<geo::Polygon>>& regions_by_island,
                    const geo::Island& island);

/// An island with its status on a date (as the frame decided it): names, the computed area
/// beside the stated ones, who administers and claims it, the other facts, its events and the
/// sources cited. The status's headline and note and the events' titles are in `lang` ("en",
/// "ja", "ru"), English where they have none; the rest is English (the UI is not translated).
PanelReport island_report(const geo::Atlas& atlas, const geo::Island& island,
                          const geo::IslandStatus& status, std::string_view lang = "en");

/// An event: its dates, its title and text in `lang` (English where it has none), its titles in
/// the other languages, and its sources in full.
PanelReport event_report(const geo::Annotations& annotations, const geo::Event& event,
                         std::string_view lang = "en");

/// A kind of feature ("island", "town", "strait", ... as geo::place_kind_name) in words of the
/// interface language `lang`; the kind itself when it has no words.
std::string_view kind_word(std::string_view kind, std::string_view lang);

/// A place of <places> on a date: its kind, its names in the three languages on that date (with
/// romaji and transliteration), every name with its period when it has changed, its position
/// and its sources; in the interface language `lang`.
PanelReport place_report(const geo::Annotations& annotations, const geo::Place& place,
                         geo::Date date, std::string_view lang = "en");

} // namespace kuril
