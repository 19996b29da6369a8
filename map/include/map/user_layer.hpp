// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The user's own layers (view/export --layer FILE): any vector source OGR opens, every layer of
// it, projected to the map's CRS once. The data decide nothing themselves: build_frame says
// which features are shown, labelled and listed in the legend (MapFrame::user_features).

#include "geo/geometry.hpp"
#include "geo/projection.hpp"
#include "geo/vector_source.hpp"
#include "map/island_report.hpp"
#include "map/polygon_set.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kuril {

/// How a user layer is drawn: one colour (points, lines, outlines; polygons filled with it
/// translucent) and a line width in UI pixels.
struct UserLayerStyle {
    /// 0xRRGGBB. The default, a dark red (#881100), is used by no status, party or line role: of
    /// a 16-step sRGB grid, among the farthest from all of render/style.hpp's colours under normal
    /// vision and Machado 2009 protan, deutan and tritan (severity 1.0): CIEDE2000 at least 18.1
    /// (treaty line 18.1, measure 18.4, text 19.0, Russia's zone 20.7), above the closest pair of
    /// the map's own palette (15.9).
    std::uint32_t rgb = 0x881100;
    double width = 2.0;

    friend bool operator==(const UserLayerStyle&, const UserLayerStyle&) = default;
};

/// Parses --layer-style "color=#RRGGBB,width=W" (either key, in any order; width 0.5 to 20).
/// Throws geo::InputError in one line naming the option and what was expected.
UserLayerStyle parse_layer_style(std::string_view text);

/// What the user asked for: the files, their styles and the attribute that labels them.
struct UserLayerOptions {
    std::vector<std::filesystem::path> files;
    std::string label_field; ///< empty: unlabelled
    /// --layer-style, in order: the n-th styles the n-th file, the last one the files after it
    /// (and those added in the viewer); none: the default style.
    std::vector<UserLayerStyle> styles;
    std::string assumed_crs; ///< --data-crs: for sources that declare none

    UserLayerStyle style_of(std::size_t file_index) const {
        return styles.empty() ? UserLayerStyle{} : styles[std::min(file_index, styles.size() - 1)];
    }
};

/// One feature of a user layer, projected (north-up metres).
struct UserFeature {
    long long fid = 0;
    std::map<std::string, std::string> attributes;
    std::vector<geo::Polygon> polygons;
    /// The polygons at every level of detail, triangulated as the atlas's land is (drawn in one
    /// pass, culled by piece); null without polygons.
    std::shared_ptr<const PolygonSet> shapes;
    std::vector<std::vector<geo::Point>> lines; ///< densified, split where not finite
    std::vector<geo::Point> points;
    geo::Box box;            ///< of all its parts
    geo::Point label_anchor; ///< a point, a line's middle vertex, a polygon's box centre
    std::string label;       ///< the label field's value, or ""
};

/// One layer of a user's file, ready to draw.
struct SceneUserLayer {
    std::filesystem::path source;
    /// What the legend and the info panel call it: the file's name, and the layer's for a source
    /// of several layers ("towns.gpkg: ports"). Never a path or an id of the atlas.
    std::string title;
    UserLayerStyle style;
    std::vector<UserFeature> features;
    geo::Box box;
};

/// Reads every layer of `file` and projects it. Throws geo::InputError in one line naming the
/// file: unreadable, a raster, no CRS (and no assumed one), no features.
std::vector<SceneUserLayer> load_user_layers(const std::filesystem::path& file,
                                             const UserLayerOptions& options,
                                             const UserLayerStyle& style,
                                             const geo::Projection& projection);

/// Throws geo::InputError in one line unless some feature of `layers` has the attribute `field`
/// (--label-field): naming the file (when all are of one) and the fields they do have. A layer
/// without it is drawn unlabelled.
void check_label_field(const std::vector<SceneUserLayer>& layers, const std::string& field);

/// The info panel of a user feature: the layer's title and the feature's label (or number) as
/// the title; its attributes, one per line, as the file gives them; and where they come from.
PanelReport user_feature_report(const SceneUserLayer& layer, const UserFeature& feature,
                                std::string_view lang = "en");

} // namespace kuril
