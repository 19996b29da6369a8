// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Label placement, decided without SFML: which screen box each label takes, chosen among
// candidate positions that avoid the layout's obstacles, the labels already placed and, for an
// island's name, any land that is not the island's own (QGIS's labelling engine in small).

#include "geo/geometry.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kuril {

struct MapScene;
class MapView;

/// A screen rectangle: left, top, width, height in pixels.
struct ScreenRect {
    double left = 0;
    double top = 0;
    double width = 0;
    double height = 0;
    double right() const { return left + width; }
    double bottom() const { return top + height; }
    bool intersects(const ScreenRect& other, double gap = 0.0) const {
        return left < other.left + other.width + gap && other.left < left + width + gap &&
               top < other.top + other.height + gap && other.top < top + height + gap;
    }
    /// Pixels between the two rectangles (0 when they touch or overlap).
    double distance_to(const ScreenRect& other) const;
};

/// What a drawn label names.
enum class LabelKind { island, line, event, place, graticule, user };
/// "island", "line", "event", "place", "graticule" or "user" (a user layer's; the manifest's
/// words).
std::string_view label_kind_name(LabelKind kind);

/// A label as drawn in the last frame, in pixels of the frame's whole image: what the manifest
/// reports (MapLibre's queryRenderedFeatures).
struct PlacedMapLabel {
    std::string text;    ///< as drawn (two lines for two languages, joined by a newline)
    std::string feature; ///< the island, line or event id; empty for graticule labels
    LabelKind kind = LabelKind::place;
    ScreenRect bbox_px; ///< the text's box (rotated text: the box around it)
    /// A leader line drawn from the label (x0, y0) to its feature (x1, y1), if any.
    std::optional<std::array<double, 4>> leader_px;
};

/// Who owns each small cell of the screen: sea, land of no status region, or a status region
/// (its index in MapScene::regions). Rasterised from the regions' and the land's outlines at
/// the view's level of detail; a coast's cells count as land, so even a one-pixel island owns
/// its cells.
class LandMask {
public:
    static constexpr int sea = -1;
    static constexpr int other_land = -2;
    /// A request's owner for labels that name no land (lines): they keep off all land where
    /// they can.
    static constexpr int no_land = -3;

    LandMask() = default; ///< all sea
    /// `hidden`: screen areas covered by bands or panels; land under them is not on screen.
    LandMask(const MapScene& scene, const MapView& view, double cell_px = 3.0,
             const std::vector<ScreenRect>& hidden = {});

    int owner_at(double x, double y) const;
    /// Cells of `rect` on land that is not `owner`'s.
    int foreign_cells(const ScreenRect& rect, int owner) const;
    /// Whether a cell of `owner` lies within `reach` pixels of `rect`.
    bool touches(const ScreenRect& rect, int owner, double reach) const;
    /// The centre of the `owner` cell nearest to `p` within `radius` pixels, if any.
    std::optional<geo::Point> nearest(int owner, geo::Point p, double radius) const;
    /// The box of `owner`'s cells on screen, if it has any.
    std::optional<ScreenRect> bounds_of(int owner) const;

private:
    double cell_ = 3.0;
    int columns_ = 0;
    int rows_ = 0;
    std::vector<int> cells_;
    std::vector<std::optional<ScreenRect>> bounds_; ///< by region index
    void cell_range(const ScreenRect& rect, int& c0, int& r0, int& c1, int& r1) const;
};

/// One place a label may take: its box (rotated text: the box around it), which of the
/// caller's texts it shows (a smaller size, one script), its rotation about the box's centre,
/// and a leader line from the label to the feature when it stands apart.
struct LabelCandidate {
    ScreenRect rect;
    int variant = 0;
    double angle_deg = 0.0;
    std::optional<std::array<double, 4>> leader;
    /// The leader ends on the feature's box, to be moved onto the land of the request's
    /// `leader_owner` (LabelRequest) when place_labels first considers the candidate: most
    /// names find a place before their leader candidates are looked at.
    bool leader_to_land = false;
};

/// A label that wants a place. With no candidates, the default positions around its anchor
/// (centred, right, left, above, below) at its width and height.
struct LabelRequest {
    double anchor_x = 0;
    double anchor_y = 0;
    double width = 0;
    double height = 0;
    int priority = 0; ///< higher first
    int id = 0;       ///< the caller's index
    std::vector<LabelCandidate> candidates;
    /// The status region the label names (LandMask's owner): its box must touch that land (or
    /// its leader end there) and it must cover no other land. LandMask::no_land: off all land
    /// where it can be.
    int owner = LandMask::sea;
    /// Placed before every other label, over event markers (`soft_obstacles`), and never
    /// dropped: if no candidate is free, the least bad one is taken.
    bool essential = false;
    /// The label's own symbol (a town's dot): no label placed before may cover it (else the
    /// label is not placed: a dot under another name, or a name without its dot, misleads),
    /// and labels placed after that keep off symbols keep off it.
    std::optional<ScreenRect> symbol;
    /// Keeps off the symbols of the labels placed before it (place and line names; an island's
    /// name, placed first, need not).
    bool avoid_symbols = false;
    /// Where candidates with `leader_to_land` point: the end of such a leader moves to the
    /// nearest cell of `leader_owner` in `leader_land` within 80 pixels (when there is one), its
    /// start to the label's point nearest that end. Without a mask they stay as they are.
    const LandMask* leader_land = nullptr;
    int leader_owner = LandMask::sea;
};

struct PlacedLabel {
    int id = 0;
    ScreenRect rect;
    int variant = 0;
    double angle_deg = 0.0;
    std::optional<std::array<double, 4>> leader;
};

/// What a placement avoids besides the labels it places.
struct LabelObstacles {
    std::vector<ScreenRect> hard; ///< panels, bands, furniture: nothing goes there
    std::vector<ScreenRect> soft; ///< event markers: only essential labels may cover them
    const LandMask* land = nullptr;
};

/// Places labels greedily, essential ones first, then by priority: each takes its first
/// candidate that lies inside the viewport and overlaps nothing taken; labels that fit nowhere
/// are hidden, except essential ones.
std::vector<PlacedLabel> place_labels(std::vector<LabelRequest> requests, double viewport_width,
                                      double viewport_height, const LabelObstacles& obstacles,
                                      double gap = 3.0);
/// The same with only hard obstacles.
std::vector<PlacedLabel> place_labels(std::vector<LabelRequest> requests, double viewport_width,
                                      double viewport_height,
                                      const std::vector<ScreenRect>& obstacles = {},
                                      double gap = 3.0);

/// Candidates for an island's name: beside the island's screen box `feature` (right, left,
/// above, below, the corners) or centred on `anchor` when the island is larger than the text,
/// for each text size in `sizes` (width, height) in turn; with `leaders`, then further out with
/// a leader line to the island's box, moved onto its land when placed (`leaders_to_land`:
/// LabelCandidate::leader_to_land, with the request's `leader_land` and `leader_owner`).
std::vector<LabelCandidate> island_candidates(const ScreenRect& feature, geo::Point anchor,
                                              const std::vector<std::array<double, 2>>& sizes,
                                              bool leaders, bool leaders_to_land = false);

/// Candidates for a line's name of `width` x `height` pixels along straight-enough stretches of
/// the visible polyline `path` (screen pixels), rotated to it and set off to either side by
/// `clearance` pixels so the text never covers the stroke, middle stretches first.
std::vector<LabelCandidate> line_candidates_along(const std::vector<geo::Point>& path, double width,
                                                  double height, double clearance);
/// Candidates for a line's name beside the middle and the ends of the visible polyline,
/// unrotated, covering no point of it, with a leader when set off further.
std::vector<LabelCandidate> line_candidates_beside(const std::vector<geo::Point>& path,
                                                   double width, double height, double clearance);

} // namespace kuril
