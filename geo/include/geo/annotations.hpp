// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/date.hpp"
#include "geo/diagnostic.hpp"
#include "geo/error.hpp"
#include "geo/geometry.hpp"
#include "geo/party.hpp"
#include "geo/vector_source.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

/// An annotations file with errors. what() is the first problem; problems() has all of them;
/// file(), line() and feature() are those of the first.
class AnnotationsError : public InputError {
public:
    explicit AnnotationsError(std::vector<Diagnostic> problems);
    const std::vector<Diagnostic>& problems() const { return problems_; }

private:
    std::vector<Diagnostic> problems_;
};

struct LayerRef {
    std::string id;
    GeometryKind kind = GeometryKind::any;
    std::filesystem::path path; ///< resolved against the annotations file's folder
    int line = 0;
};

struct Source {
    std::string id;
    std::string title;
    std::string publisher;
    std::string date;
    std::string url;  ///< url or isbn (or both) is present
    std::string isbn; ///< a book's ISBN-10 or ISBN-13 as written (hyphens kept)
    std::string lang; ///< the document's language: en, ja or ru; empty when not given
    /// The sides whose own official words the document is (a government, ministry, gazette or
    /// state archive); both for a joint document; none for scholarly, press or other sources.
    std::vector<Party> parties;
    int line = 0;

    bool is_official_of(Party party) const;
    /// " (in Japanese)" or " (in Russian)" for a document not in English, else "".
    std::string language_note() const;
};

/// Whether the text is an ISBN-10 or ISBN-13 whose check digit is right (hyphens and spaces
/// between the digits are allowed).
bool valid_isbn(std::string_view text);
/// What is wrong with an ISBN ("check digit is 3, expected 7 for these digits"), or an empty
/// message.
i18n::Message isbn_problem(std::string_view text);

/// A text in several languages, by language code ("en", "ja", "ru").
using Texts = std::map<std::string, std::string>;

/// The text in `lang`, else the English one (never blank when there is English); "" when
/// neither is there.
const std::string& text_in(const Texts& texts, std::string_view lang);

struct Name {
    std::string lang; ///< en, ja or ru
    std::string text; ///< English; Japanese kanji; Russian Cyrillic
    std::string romaji;
    std::string translit;
};

struct Fact {
    std::string key; ///< area_km2, highest_point_m, population, main_settlement, ...
    std::string value;
    std::string unit;
    std::optional<Party> party; ///< who states it, for figures that differ by side
    std::string year;
    std::string name;
    std::optional<Point> place;
    std::string note;
    std::vector<std::string> sources;
    int line = 0;
};

struct Islet {
    std::string id;
    Point place;
    std::vector<Name> names;
    std::vector<std::string> sources;
    int line = 0;
};

struct StatusPeriod {
    Date from;
    std::optional<Date> to; ///< exclusive; empty = still holds
    std::vector<Party> administered;
    std::vector<Party> claimed;
    std::vector<std::string> sources;
    Texts titles; ///< a short headline by language; may be empty
    Texts notes;  ///< by language; when there is any, there is an English one
    int line = 0;
    bool holds_on(Date date) const { return from <= date && (!to || date < *to); }
    /// The headline or the note in a language, English where it has none.
    const std::string& title_in(std::string_view lang) const { return text_in(titles, lang); }
    const std::string& note_in(std::string_view lang) const { return text_in(notes, lang); }
};

struct Island {
    std::string id;
    std::string group; ///< disputed, kuril, main or region
    std::string part_of;
    /// Other land-layer island ids that share this island's status (islands the treaties
    /// treat together, e.g. the small central Kurils with Simushir).
    std::vector<std::string> members;
    /// For a region of a larger island (South Sakhalin): the latitude band it covers.
    std::optional<double> lat_min;
    std::optional<double> lat_max;
    /// For a region of a larger landmass by country (the Russian part of the mainland): the
    /// ISO 3166-1 alpha-2 code of the country in the countries layer whose polygons it keeps.
    std::string country;
    Point anchor;
    std::vector<Name> names;
    std::vector<Fact> facts;
    std::vector<Islet> islets;
    std::vector<StatusPeriod> status;
    int line = 0;

    /// The name in a language, or nullptr.
    const Name* name(std::string_view lang) const;
    /// The English name, or the id.
    std::string display_name() const;
};

struct LineInfo {
    std::string id;
    std::vector<Name> names;
    std::map<std::string, std::string> texts; ///< by language
    std::vector<std::string> sources;
    int line = 0;
    const Name* name(std::string_view lang) const;
};

struct Event {
    std::string id;
    PartialDate date;
    std::optional<PartialDate> to;
    Point place;
    bool approx = false;
    std::vector<std::string> islands;
    std::vector<std::string> sources;
    std::map<std::string, std::string> titles; ///< by language; en always present
    std::map<std::string, std::string> texts;  ///< by language; en always present
    int line = 0;

    Date first_day() const { return date.first; }
    Date last_day() const { return to ? to->last : date.last; }
};

/// One slide of a classroom tour: a view, a date, layers, language, title, caption, notes.
struct Slide {
    std::string id;
    Date date;
    /// compare="DATE": a second date; the slide shows two maps side by side, `date` on the
    /// left and this on the right, in one view.
    std::optional<Date> compare;
    std::string island;          ///< view: fit this island...
    std::optional<Box> bbox;     ///< ...or this lon/lat box...
    std::optional<Point> center; ///< ...or this centre with a zoom
    double zoom = 0;
    std::string lang = "en+ru";      ///< as written; the map checks it (map/tour_check.hpp)
    std::string pov;                 ///< a point of view's id; empty: the default (de facto)
    std::vector<std::string> layers; ///< as written, comma-separated; empty: all
    /// legend="off": the presenter shows no compact legend on this slide (on by default).
    bool legend = true;
    std::vector<std::string> sources;
    Texts titles;   ///< by language; en always present
    Texts captions; ///< by language; may be empty
    Texts notes;    ///< speaker notes by language; may be empty
    int line = 0;

    /// The title, caption or speaker notes in a language, English where it has none.
    const std::string& title_in(std::string_view language) const {
        return text_in(titles, language);
    }
    const std::string& caption_in(std::string_view language) const {
        return text_in(captions, language);
    }
    const std::string& notes_in(std::string_view language) const {
        return text_in(notes, language);
    }
};

/// What a named place is. Towns and capes are drawn with a dot; the others by their name only.
enum class PlaceKind { town, cape, strait, sea, bay, volcano, peninsula };
/// "town", "cape", ... as annotations.xml writes it.
std::string_view place_kind_name(PlaceKind kind);
/// The kind written `text`, or nullopt.
std::optional<PlaceKind> place_kind_from_name(std::string_view text);
/// The rank a place of this kind has when annotations.xml gives none: 1 for seas, 2 for
/// straits and peninsulas, 3 for towns, capes and bays, 4 for volcanoes.
int default_place_rank(PlaceKind kind);

/// A place's name in one language, valid from `from` (inclusive) to `to` (exclusive); a name
/// without a period always holds.
struct PlaceName : Name {
    std::optional<Date> from;
    std::optional<Date> to;
    std::string from_text; ///< as written ("1946-06-01"), for reports
    std::string to_text;
    int line = 0;
    bool holds_on(Date date) const { return (!from || *from <= date) && (!to || date < *to); }
};

/// A town, cape, strait, sea, bay, volcano or peninsula named on the map (<places>).
struct Place {
    std::string id;
    PlaceKind kind = PlaceKind::town;
    geo::Point place;
    int rank = 3; ///< 1: shown at the widest view ... 4: only close up
    std::vector<PlaceName> names;
    std::vector<std::string> sources;
    int line = 0;

    /// The name in a language on a date: the one whose period holds; nullptr when none does.
    const PlaceName* name(std::string_view lang, Date date) const;
    /// The names in every language that hold on a date (as island names are, for labels).
    std::vector<Name> names_on(Date date) const;
    /// The English name today (else any English name, else the id).
    std::string display_name() const;
};

/// How a point of view (<points_of_view>) draws the islands' status on a date. It changes the
/// symbols only, never the statuses themselves.
enum class PovRule {
    administration, ///< who administers, claims hatched: the de facto map
    party_maps,     ///< as one party's official maps draw it, in dated periods
    disputed        ///< contested islands in a "disputed" symbol, neither side's colour
};
/// "administration", "party-maps", "disputed" as annotations.xml writes it.
std::string_view pov_rule_name(PovRule rule);

/// What one party's official maps showed over a period [from, to).
struct PovPeriod {
    Date from;
    std::optional<Date> to;                ///< exclusive; empty = still holds
    std::vector<std::string> own;          ///< islands drawn as the party's territory
    std::vector<std::string> undetermined; ///< islands left uncoloured: status undetermined
    std::vector<std::string> borders;      ///< line ids drawn as the party's border
    std::vector<std::string> sources;
    Texts notes; ///< what the legend says of the period (by language; English present)
    int line = 0;
    bool holds_on(Date date) const { return from <= date && (!to || date < *to); }
};

/// A point of view: how the same facts are drawn (de facto, one side's maps, neutral).
struct PointOfView {
    std::string id; ///< defacto, jp, ru, neutral (the --pov values)
    PovRule rule = PovRule::administration;
    std::optional<Party> party; ///< party_maps: whose maps
    Texts titles;               ///< "As drawn by Japan's government", by language
    Texts labels;               ///< short, for a button: "Japan's maps", by language
    Texts notes;                ///< what the legend says outside every period (party_maps)
    std::vector<PovPeriod> periods;
    std::vector<std::string> sources;
    int line = 0;

    /// The period that holds on a date, or nullptr.
    const PovPeriod* period_on(Date date) const;
};

struct Tour {
    std::string id;
    std::string title;
    std::vector<Slide> slides;
    int line = 0;
};

struct Annotations {
    std::filesystem::path file;
    std::vector<LayerRef> layers;
    std::vector<Source> sources;
    std::vector<Island> islands;
    std::vector<LineInfo> lines;
    std::vector<LineInfo> zones; ///< <zones>: the maritime zones (shapes/zones.shp), as lines
    std::vector<Event> events;
    std::vector<Tour> tours;
    std::vector<Place> places;
    std::vector<PointOfView> points_of_view; ///< <points_of_view>, in file order
    std::vector<Diagnostic> warnings;

    const Source* source(std::string_view id) const;
    const Island* island(std::string_view id) const;
    const LineInfo* line_info(std::string_view id) const;
    const LineInfo* zone_info(std::string_view id) const;
    const LayerRef* layer(std::string_view id) const;
    const Tour* tour(std::string_view id) const;
    const Place* place(std::string_view id) const;
    const PointOfView* point_of_view(std::string_view id) const;
};

/// A check added to the parser's own by a caller that knows more than geo does (the map's
/// names of layers and languages: map/tour_check.hpp). It runs on what was read, even when the
/// parser found problems; what it returns is reported with them.
using AnnotationsCheck = std::function<std::vector<Diagnostic>(const Annotations&)>;

struct ParseOptions {
    /// Ids of islands and sources defined here count as known (a user's tour file that refers
    /// to the shipped islands and sources).
    const Annotations* base = nullptr;
    /// Its problems come, line by line, after those of the elements and before those of
    /// references to unknown ids.
    AnnotationsCheck check;
};

/// Reads and validates an annotations file. Throws AnnotationsError listing every problem,
/// in line order.
Annotations load_annotations(const std::filesystem::path& file);
Annotations load_annotations(const std::filesystem::path& file, const ParseOptions& options);

/// Parses annotations from memory; `file` names it in messages and resolves layer paths.
/// With `base`, ids of islands and sources it defines count as known (a user's tour file that
/// refers to the shipped islands and sources).
Annotations parse_annotations(std::string_view xml, const std::filesystem::path& file,
                              const Annotations* base = nullptr);
Annotations parse_annotations(std::string_view xml, const std::filesystem::path& file,
                              const ParseOptions& options);

/// Reads a file with `base` as above.
Annotations load_annotations(const std::filesystem::path& file, const Annotations* base);

} // namespace geo
