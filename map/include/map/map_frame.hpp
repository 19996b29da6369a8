// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The frame model: what one frame (or one export) shows, decided once. The renderer, the
// legend, the export footer, the info panel, the step captions and the hit tests all read a
// MapFrame; none of them decides again what is shown or how (MapLibre's render tree, QGIS's
// map settings).

#include "map/graticule.hpp"
#include "map/label_placer.hpp"
#include "map/map_scene.hpp"
#include "map/map_state.hpp"
#include "map/map_view.hpp"
#include "map/symbology.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kuril {

/// A status region on the frame's date, with the symbol it is drawn with.
struct FrameRegion {
    const StatusRegion* region = nullptr;
    geo::IslandStatus status;
    StatusSymbol symbol;
    bool highlighted = false; ///< its status just changed (a timeline step)
};

/// A line in force on the frame's date.
struct FrameLine {
    const SceneLine* line = nullptr;
    LineSymbol symbol;
    bool highlighted = false;
    /// Where its label is anchored (screen pixels): the middle of its visible points, if any.
    std::optional<geo::Point> label_anchor;
};

/// A part of a maritime zone's limit in force on the frame's date (layer "zones").
struct FrameZone {
    const SceneZone* zone = nullptr;
    LineSymbol symbol;
};

/// An event marker: the events of the ten years up to the date, in the view.
struct FrameEvent {
    const geo::Event* event = nullptr;
    geo::Point screen; ///< pixels, of the frame's whole image
    bool selected = false;
};

/// An event in progress on the frame's date whose place lies outside the visible map area (in
/// Moscow, Tokyo, San Francisco...): a marker just inside the area's edge with an arrow on the
/// bearing toward the place, and the event's title.
struct OffMapEvent {
    const geo::Event* event = nullptr;
    geo::Point tip;    ///< screen pixels: the arrow's tip, just inside the visible area's edge
    geo::Point marker; ///< screen pixels: the marker's centre, behind the tip
    /// The screen direction toward the place (a unit vector, y down): the geodesic's initial
    /// bearing from the visible area's centre, turned as the projection turns north there.
    geo::Point direction;
    /// The event's title in the text language (never its id), shown with the labels layer.
    std::string label;
};

/// A feature of a user layer (--layer) that meets the view: indexes in MapScene::user_layers
/// and in that layer's features.
struct FrameUserFeature {
    std::size_t layer = 0;
    std::size_t feature = 0;
};

/// How a place's name is drawn: towns and capes beside a dot; seas in larger, lighter,
/// letter-spaced italic; straits, bays and the rest in italic without a symbol.
enum class PlaceStyle { none, dot, sea, water, land };

/// A named place of <places> shown in the frame (its rank allows it at this zoom and it is on
/// screen), with its names on the frame's date.
struct FramePlace {
    const geo::Place* place = nullptr;
    geo::Point screen; ///< its position, pixels of the frame's whole image
    PlaceStyle style = PlaceStyle::none;
};

/// The size of the smallest island name (UI pixels, before the UI scale); larger islands and
/// the disputed ones are named larger.
inline constexpr double smallest_island_label_px = 12;

/// The coarsest scale (metres per pixel) at which places of a rank are shown: rank 1 at every
/// zoom, rank 2 from 2,500 m/px, rank 3 from 1,000 m/px, rank 4 from 250 m/px (see
/// docs/annotations.md).
double place_rank_max_mpp(int rank);

/// A name the frame wants to show: an island's, an islet's or a line's (placement, which needs
/// text metrics, is the renderer's, through map/label_placer).
struct FrameLabel {
    std::string key; ///< stable per place and language (a text cache key)
    std::string text;
    geo::Point anchor; ///< screen pixels
    int priority = 0;
    double size_px = 12; ///< before the UI scale
    bool italic = false; ///< line names
    LabelKind kind = LabelKind::place;
    std::string feature; ///< the island, islet or line id
    /// The status region (index in MapScene::regions) whose land the label names: it stands on
    /// or beside that land and on no other. -1 for lines and places at sea.
    int region = -1;
    /// The screen box of the named land (an island's polygons at the view), if any; for a
    /// group named after its main island, the main island's.
    std::optional<ScreenRect> feature_box;
    bool beside_main_island = false; ///< `feature_box` is a group's main island

    /// A disputed island's name: always shown (smaller, in one script, or with a leader line).
    bool essential = false;
    /// The text in the first language only, for two-language labels that do not fit.
    std::string short_text;
    /// A line's visible part, in screen pixels: its name runs along it (a boundary line's, or a
    /// user layer's line feature's).
    std::vector<geo::Point> path;
    /// A place of <places>: how it is drawn (a dot for towns and capes, sea or strait text).
    PlaceStyle place_style = PlaceStyle::none;
};

/// One row of the legend: a swatch drawn as the map draws that symbol, and its words (never an
/// id). The swatch's colour comes from the party or the line role through render/style.hpp.
struct LegendItem {
    /// `disputed`: the neutral point of view's symbol; `note`: a row of words without a swatch
    /// (which point of view is shown).
    /// `user_*`: a user layer's areas, lines or points, in its own colour (`user_rgb`).
    enum class Swatch {
        land,
        fill,
        stripes,
        hatch,
        line,
        event,
        border,
        disputed,
        note,
        user_fill,
        user_line,
        user_point
    };
    Swatch swatch = Swatch::fill;
    geo::Party party = geo::Party::JP; ///< fill, stripes, hatch
    /// stripes, hatch: the administering party's fill they are drawn over on the map
    geo::Party under = geo::Party::JP;
    LineSymbol line = {};       ///< line
    float line_width = 2.5f;    ///< line: its width on the map, in UI pixels
    std::uint32_t user_rgb = 0; ///< user_*: the layer's colour, 0xRRGGBB
    std::string label;
    std::vector<std::string> features; ///< ids of the islands or lines the row stands for

    friend bool operator==(const LegendItem& a, const LegendItem& b) {
        return a.swatch == b.swatch && a.party == b.party && a.under == b.under &&
               a.line.role == b.line.role && a.line.dash == b.line.dash &&
               a.line_width == b.line_width && a.user_rgb == b.user_rgb && a.label == b.label;
    }
};

struct MapFrame {
    MapFrame(const MapScene& frame_scene, MapState frame_state, MapView frame_view)
        : scene(&frame_scene), state(std::move(frame_state)), view(frame_view) {}

    const MapScene* scene;
    MapState state;
    MapView view;

    /// The point of view drawn (annotations' <points_of_view>), or nullptr for the de facto
    /// map (draws="administration", or an id the annotations do not define).
    const geo::PointOfView* pov = nullptr;
    /// A party's maps: the period that holds on the date, or nullptr (drawn as administered).
    const geo::PovPeriod* pov_period = nullptr;
    /// The point of view's title in the text language ("As drawn by Japan's government"), for
    /// the title band and the legend; empty for the de facto map.
    std::string pov_title;

    bool land = false;  ///< the land layer is drawn
    bool lakes = false; ///< the lakes layer is drawn
    /// Indexes (in MapScene::borders) of the country borders drawn: with the land layer, those
    /// whose box meets the view.
    std::vector<std::size_t> borders;
    std::optional<Graticule> graticule;
    std::vector<FrameRegion> regions;
    std::vector<FrameLine> lines;
    std::vector<FrameZone> zones; ///< drawn under the lines, thinner
    std::vector<FrameEvent> events;
    /// Events in progress on the date whose place is outside the visible map area.
    std::vector<OffMapEvent> off_map_events;
    std::vector<FrameLabel> labels; ///< line names, then island names, then places
    /// The places of <places> shown (with the labels layer), for their dots and for clicks.
    std::vector<FramePlace> places;
    /// The features of the user's own layers (--layer) that meet the view, layer by layer.
    std::vector<FrameUserFeature> user_features;
    /// What is drawn within the visible map area (between the reserved bands), each once.
    std::vector<LegendItem> legend;
    /// Ids of the sources behind what is drawn within the visible map area (lines, statuses,
    /// event markers), in order: lines first.
    std::vector<std::string> sources;
    /// The status of every scene region on the date (whatever the layers), in scene order: what
    /// the step captions and the info panel report.
    std::vector<geo::IslandStatus> statuses;
    /// The ids of the lines in force on the date (whatever the layers), each once.
    std::vector<std::string> line_ids_in_force;

    /// The status region shown under a map point (north-up metres), or nullptr.
    const FrameRegion* region_at(geo::Point map_point) const;
    /// The shown region of an island, or nullptr.
    const FrameRegion* region(const std::string& island_id) const;
    /// The status of a scene region's island on the frame's date, or nullptr if not a region.
    const geo::IslandStatus* status_of(const std::string& island_id) const;
    /// The event marker within `radius_px` of a screen point, or nullptr.
    const FrameEvent* event_at(geo::Point screen, double radius_px) const;
    /// The shown place whose dot (or, without a dot, whose position) is within `radius_px` of
    /// a screen point, the nearest; nullptr when none is.
    const FramePlace* place_at(geo::Point screen, double radius_px) const;
    /// The shown user feature under a screen point: a point or line within `radius_px`, or an
    /// area holding it; the topmost (last drawn); nullptr when none is.
    const FrameUserFeature* user_feature_at(geo::Point screen, double radius_px) const;
    /// The event of the off-map marker within `radius_px` of a screen point, or nullptr.
    const geo::Event* off_map_event_at(geo::Point screen, double radius_px) const;
};

/// Decides everything one frame shows: the layers, the status symbols on the state's date, the
/// lines in force, the event markers, the labels wanted, the legend and the cited sources.
MapFrame build_frame(const MapScene& scene, const MapState& state, const MapView& view);

/// The title of a point of view in a language ("en", "ja", "ru"), English where it has none;
/// empty for the de facto map or an id the annotations do not define.
std::string pov_title(const geo::Annotations& annotations, std::string_view pov,
                      std::string_view lang);

/// The ids of the points of view the annotations define, in file order ("defacto, jp, ...").
std::string known_pov_ids(const geo::Annotations& annotations);
/// Throws geo::InputError in one line ("--pov 'xx': unknown point of view (known: defacto, jp,
/// ru, neutral)") unless the annotations define the point of view `id`.
void check_pov(const geo::Annotations& annotations, std::string_view id, std::string_view option);

/// The label text of a place in a language (two lines for two languages).
std::string label_text(const std::vector<geo::Name>& names, LabelLanguage language);
/// The first language of a label language (en for en+ja).
LabelLanguage first_language(LabelLanguage language);

/// The language code of a label language's first name: "en" for en+ja.
std::string_view first_language_code(LabelLanguage language);

/// A maritime zone's name in one language ("en", "ja", "ru"), as its <zone> names it (names say
/// "approx."), or the layer's label. Never its id.
std::string zone_display_name(const geo::Annotations& annotations, const geo::ZoneLine& zone,
                              std::string_view lang);

/// A boundary line's name in one language ("en", "ja", "ru"), marked approximate when it is a
/// construction, as the map labels it (map/names' line_name_in). Never its id.
std::string line_display_name(const geo::Annotations& annotations, const geo::BoundaryLine& line,
                              std::string_view lang);

} // namespace kuril
