// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "map/map_state.hpp"
#include "map/map_view.hpp"
#include "map/polygon_set.hpp"
#include "map/user_layer.hpp"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kuril {

/// An island (or region) whose status the map colours: its projected polygons (for clicks) and
/// their levels of detail (for drawing).
struct StatusRegion {
    const geo::Island* island = nullptr;
    std::vector<geo::Polygon> projected; ///< north-up metres
    std::vector<PolygonIndex> lookup;    ///< one per polygon of `projected`, for region_at
    PolygonSet shapes;
    geo::Point label_anchor; ///< north-up metres
    /// Its land is not in MapScene::land_outside_regions: where the region is not coloured,
    /// the land's colour is drawn with its own shapes.
    bool cut_from_land = false;
};

struct SceneLine {
    const geo::BoundaryLine* line = nullptr;
    std::vector<std::vector<geo::Point>> projected; ///< densified, north-up metres
};

/// A part of a maritime zone's limit (geo/zones.hpp).
struct SceneZone {
    const geo::ZoneLine* zone = nullptr;
    std::vector<std::vector<geo::Point>> projected; ///< densified, north-up metres
};

struct SceneEvent {
    const geo::Event* event = nullptr;
    geo::Point position; ///< north-up metres
};

/// A named place of annotations.xml's <places> (a town, cape, strait, sea, ...).
struct ScenePlace {
    const geo::Place* place = nullptr;
    geo::Point position; ///< north-up metres
    /// The status region whose land holds it (a town on Kunashiri), or -1 (at sea, or on land
    /// of no status region).
    int region = -1;
};

/// A place name: an island, a region or an islet.
struct SceneLabel {
    std::string id;
    const std::vector<geo::Name>* names = nullptr;
    geo::Point position; ///< north-up metres
    int priority = 0;
    double min_zoom_mpp = 1e9; ///< shown only at this many metres per pixel or closer
    /// The status region (index in MapScene::regions) whose land this names, or -1.
    int region = -1;
    bool island = false; ///< an island's or a region's name (not an islet's)
    /// For a group of islands named after its main island (Paramushir and the islands
    /// around it): the main island's box (north-up metres), which the name stands beside.
    std::optional<geo::Box> main_island = std::nullopt;
    bool essential = false; ///< a disputed island: always named
};

/// What a MapScene makes. The status regions (about a third of a scene's making) serve the
/// status layer, the names (an island's keeps to its land, a line's keeps off the land, under
/// the labels, lines and zones layers), the events layer, views of one island and the islands
/// of vector data; an image that draws none of these does without them.
struct SceneOptions {
    bool status_regions = true;
    /// The options for frames that show only these layers: the status regions when any layer
    /// but the sea, land, lakes and graticule is shown.
    static SceneOptions for_layers(const std::array<bool, layer_count>& visible);
};

/// Everything the renderer needs, prepared once from the atlas: projected, simplified at every
/// level of detail and cut into pieces. Pure data (no SFML), so it is tested and benchmarked
/// without a window.
struct MapScene {
    /// Without `options.status_regions`, `regions` is empty (and with it the land outside
    /// them); the land, lakes, lines and `world` are as they are with them.
    MapScene(const geo::Atlas& atlas, const geo::Projection& projection, SceneOptions options = {});

    const geo::Atlas* atlas;
    const geo::Projection* projection;
    /// North-up metres: what Home shows, the region 139-158 E, 41-55 N (with data that
    /// does not cover the region, widened to the data), inside `data_area` when there is one.
    geo::Box world;
    /// The land layer's lon/lat extent, projected: its edge, and a box inside it as large as
    /// the widest 16:9 view (north-up metres). Views stay inside the edge. Null without land,
    /// or when part of that extent lies beyond the projection's horizon.
    std::shared_ptr<const ViewLimits> data_area;
    /// The land layer's extent in lon/lat degrees (min_x..max_x = west..east).
    std::optional<geo::Box> data_extent;
    PolygonSet land;
    /// The land no status region covers (has_land_outside_regions: built when there are both
    /// land and regions). Under the status layer this and the regions not coloured at a date
    /// are filled in the land's colour, not all of `land`: the regions' fills then do not
    /// paint the same pixels a second time (a software rasteriser pays for each).
    PolygonSet land_outside_regions;
    bool has_land_outside_regions = false;
    PolygonSet lakes;
    bool has_land = false;
    bool has_lakes = false;
    std::vector<StatusRegion> regions;
    std::vector<SceneLine> lines;
    std::vector<SceneZone> zones;   ///< they do not widen `world` (they reach far out to sea)
    std::vector<SceneEvent> events; ///< events whose place lies in the region
    std::vector<SceneLabel> labels;
    std::vector<ScenePlace> places; ///< every place whose position the projection shows
    /// Country borders on land (the borders layer), projected, split where they pass beyond the
    /// horizon: each stretch with its box (north-up metres).
    std::vector<std::vector<geo::Point>> borders;
    std::vector<geo::Box> border_boxes;
    /// The user's own layers (--layer), above the land, in the order given.
    std::vector<SceneUserLayer> user_layers;
    double prepare_ms = 0.0;

    /// Builds the levels of detail that views at scales in this range draw (land, lakes,
    /// status regions, and the inset's coarsest land), so that a first frame does not pay
    /// for them. `whole_land_filled`: the frames fill the whole land (no status layer, or a
    /// vector output), not the land outside the regions. `regions`: the frames draw the status
    /// regions or place names on them (the status or labels layer); without, their levels are
    /// left until asked for.
    void prepare_for(double min_metres_per_pixel, double max_metres_per_pixel,
                     bool whole_land_filled, bool regions = true) const;

    /// The status region under a map point (north-up metres), or nullptr.
    const StatusRegion* region_at(geo::Point map_point) const;

private:
    /// Marks the regions cut out of the land (cut_from_land): those taking whole islands, and
    /// the parts of a landmass in the land. False when nothing is cut (no land or no region).
    bool mark_regions_cut_from_land(
        const std::map<std::string, std::vector<geo::Polygon>>& by_island_projected);
    /// The islands status regions take whole: their own and their members'.
    std::set<std::string> islands_taken_whole() const;
    /// The land outside the regions marked cut: the land's polygons but the islands taken
    /// whole, with the rings of each cut part added to its landmass's (even-odd).
    std::vector<geo::Polygon> land_outside_polygons(const geo::VectorLayer& projected_land) const;
};

/// Projects lon/lat polygons (densifying nothing: GSHHG vertices are dense already).
std::vector<geo::Polygon> project_polygons(const std::vector<geo::Polygon>& polygons,
                                           const geo::Projection& projection);

/// Samples a lon/lat polyline every `step_deg` so straight lon/lat segments curve correctly.
std::vector<geo::Point> densify(const std::vector<geo::Point>& line, double step_deg);

} // namespace kuril
