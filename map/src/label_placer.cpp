// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/label_placer.hpp"

#include "map/map_scene.hpp"
#include "map/map_view.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>

namespace kuril {

double ScreenRect::distance_to(const ScreenRect& other) const {
    const double dx = std::max({0.0, other.left - right(), left - other.right()});
    const double dy = std::max({0.0, other.top - bottom(), top - other.bottom()});
    return std::hypot(dx, dy);
}

std::string_view label_kind_name(LabelKind kind) {
    switch (kind) {
    case LabelKind::island:
        return "island";
    case LabelKind::line:
        return "line";
    case LabelKind::event:
        return "event";
    case LabelKind::place:
        return "place";
    case LabelKind::graticule:
        return "graticule";
    case LabelKind::user:
        return "user";
    }
    return "place";
}

// ---------------------------------------------------------------------------------------------
// LandMask

namespace {

/// Even-odd scanline fill of closed outlines (segment pairs, screen pixels) into the cells,
/// then every cell a segment passes through: coasts count as land.
void rasterise(const std::vector<std::array<double, 4>>& segments, int owner, double cell,
               int columns, int rows, std::vector<int>& cells) {
    // Reused between calls: a frame rasterises the land and every region. Of the crossings
    // left of the screen only their number's parity is kept (whether a row starts inside);
    // those right of it change no cell and are dropped.
    static thread_local std::vector<std::vector<double>> crossings;
    static thread_local std::vector<unsigned char> inside_at_left;
    if (crossings.size() < static_cast<std::size_t>(rows)) {
        crossings.resize(static_cast<std::size_t>(rows));
    }
    for (int r = 0; r < rows; ++r) {
        crossings[static_cast<std::size_t>(r)].clear();
    }
    inside_at_left.assign(static_cast<std::size_t>(rows), 0);
    const double width = columns * cell;
    for (const auto& [x0, y0, x1, y1] : segments) {
        if (y0 == y1) {
            continue;
        }
        const double lo = std::min(y0, y1);
        const double hi = std::max(y0, y1);
        // Rows whose centre y lies in [lo, hi).
        const int r0 = std::max(0, static_cast<int>(std::ceil(lo / cell - 0.5)));
        const int r1 = std::min(rows - 1, static_cast<int>(std::ceil(hi / cell - 0.5)) - 1);
        for (int r = r0; r <= r1; ++r) {
            const double y = (r + 0.5) * cell;
            const double x = x0 + (x1 - x0) * (y - y0) / (y1 - y0);
            if (x < 0) {
                inside_at_left[static_cast<std::size_t>(r)] ^= 1;
            } else if (x < width) {
                crossings[static_cast<std::size_t>(r)].push_back(x);
            }
        }
    }
    const auto fill = [&](int r, double from, double to) {
        const int c0 = std::max(0, static_cast<int>(std::ceil(from / cell - 0.5)));
        const int c1 = std::min(columns - 1, static_cast<int>(std::ceil(to / cell - 0.5)) - 1);
        for (int c = c0; c <= c1; ++c) {
            cells[static_cast<std::size_t>(r * columns + c)] = owner;
        }
    };
    for (int r = 0; r < rows; ++r) {
        auto& xs = crossings[static_cast<std::size_t>(r)];
        std::sort(xs.begin(), xs.end());
        bool inside = inside_at_left[static_cast<std::size_t>(r)] != 0;
        double from = 0.0;
        for (const double x : xs) {
            if (inside) {
                fill(r, from, x);
            } else {
                from = x;
            }
            inside = !inside;
        }
        if (inside) {
            fill(r, from, width);
        }
    }
    for (const auto& [x0, y0, x1, y1] : segments) {
        // (sqrt, not hypot: screen coordinates never overflow a square, and hypot's care for
        // that made it a tenth of a mask's time.)
        const double length = std::sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        const int steps = std::max(1, static_cast<int>(std::ceil(length / (cell / 2))));
        if (std::max(x0, x1) < 0 || std::max(y0, y1) < 0 || std::min(x0, x1) >= columns * cell ||
            std::min(y0, y1) >= rows * cell) {
            continue;
        }
        // Only the part of the segment over the screen is stamped (Liang-Barsky): a long
        // segment of a coarse level may reach far beyond it.
        double t_in = 0.0;
        double t_out = 1.0;
        const double dx = x1 - x0;
        const double dy = y1 - y0;
        const double p[4] = {-dx, dx, -dy, dy};
        const double q[4] = {x0, columns * cell - x0, y0, rows * cell - y0};
        for (int i = 0; i < 4; ++i) {
            if (p[i] == 0) {
                continue;
            }
            const double t = q[i] / p[i];
            if (p[i] < 0) {
                t_in = std::max(t_in, t);
            } else {
                t_out = std::min(t_out, t);
            }
        }
        if (t_in > t_out) {
            continue;
        }
        const int k0 = static_cast<int>(std::floor(t_in * steps));
        const int k1 = static_cast<int>(std::ceil(t_out * steps));
        for (int k = k0; k <= k1; ++k) {
            const double t = static_cast<double>(k) / steps;
            const int c = static_cast<int>(std::floor((x0 + (x1 - x0) * t) / cell));
            const int r = static_cast<int>(std::floor((y0 + (y1 - y0) * t) / cell));
            if (c >= 0 && r >= 0 && c < columns && r < rows) {
                cells[static_cast<std::size_t>(r * columns + c)] = owner;
            }
        }
    }
}

/// The outline segments of a polygon set at the view's level of detail, in screen pixels,
/// those that may cross the screen's rows.
std::vector<std::array<double, 4>> screen_segments(const PolygonSet& set, const MapView& view) {
    std::vector<std::array<double, 4>> out;
    if (set.empty()) {
        return out;
    }
    const geo::Box visible = view.visible_box(); // north-up metres
    const double pad = 4 * view.metres_per_pixel();
    const LodLevel& level = set.outlines_for(view.metres_per_pixel());
    for (const auto& chunk : level.outlines) {
        // Map space is y down. What crosses the screen's rows counts for an even-odd fill,
        // unless it lies right of the screen (beyond a cell's width more than the screen's).
        if (chunk.bounds.max_y < -visible.max_y - pad ||
            chunk.bounds.min_y > -visible.min_y + pad ||
            chunk.bounds.min_x > visible.max_x + 8 * pad) {
            continue;
        }
        for (std::size_t i = 0; i + 1 < chunk.segments.size(); i += 2) {
            const geo::Point a = view.map_to_screen({chunk.segments[i].x, -chunk.segments[i].y});
            const geo::Point b =
                view.map_to_screen({chunk.segments[i + 1].x, -chunk.segments[i + 1].y});
            out.push_back({a.x, a.y, b.x, b.y});
        }
    }
    return out;
}

} // namespace

LandMask::LandMask(const MapScene& scene, const MapView& view, double cell_px,
                   const std::vector<ScreenRect>& hidden)
    : cell_(cell_px), columns_(std::max(1, static_cast<int>(std::ceil(view.width_px() / cell_px)))),
      rows_(std::max(1, static_cast<int>(std::ceil(view.height_px() / cell_px)))),
      cells_(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_), sea),
      bounds_(scene.regions.size()) {
    rasterise(screen_segments(scene.land, view), other_land, cell_, columns_, rows_, cells_);
    for (std::size_t i = 0; i < scene.regions.size(); ++i) {
        rasterise(screen_segments(scene.regions[i].shapes, view), static_cast<int>(i), cell_,
                  columns_, rows_, cells_);
    }
    // What a band or a panel covers is not on screen: an island whose land is all under them
    // is not named, and a name never points under them.
    for (const auto& rect : hidden) {
        int c0 = 0, r0 = 0, c1 = 0, r1 = 0;
        cell_range(rect, c0, r0, c1, r1);
        for (int r = r0; r <= r1; ++r) {
            for (int c = c0; c <= c1; ++c) {
                cells_[static_cast<std::size_t>(r * columns_ + c)] = sea;
            }
        }
    }
    // Each region's cells' box: the first and last column and row it holds, found by runs of
    // one owner along each row (most cells are sea or one region's or other land).
    struct CellBox {
        int c0 = std::numeric_limits<int>::max();
        int r0 = std::numeric_limits<int>::max();
        int c1 = -1;
        int r1 = -1;
    };
    std::vector<CellBox> boxes(bounds_.size());
    for (int r = 0; r < rows_; ++r) {
        const int* row = &cells_[static_cast<std::size_t>(r) * static_cast<std::size_t>(columns_)];
        for (int c = 0; c < columns_;) {
            const int owner = row[c];
            int end = c + 1;
            while (end < columns_ && row[end] == owner) {
                ++end;
            }
            if (owner >= 0) {
                CellBox& box = boxes[static_cast<std::size_t>(owner)];
                box.c0 = std::min(box.c0, c);
                box.c1 = std::max(box.c1, end - 1);
                box.r0 = std::min(box.r0, r);
                box.r1 = std::max(box.r1, r);
            }
            c = end;
        }
    }
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const CellBox& box = boxes[i];
        if (box.c1 >= 0) {
            const double left = box.c0 * cell_;
            const double top = box.r0 * cell_;
            bounds_[i] =
                ScreenRect{left, top, box.c1 * cell_ + cell_ - left, box.r1 * cell_ + cell_ - top};
        }
    }
}

int LandMask::owner_at(double x, double y) const {
    const int c = static_cast<int>(std::floor(x / cell_));
    const int r = static_cast<int>(std::floor(y / cell_));
    if (cells_.empty() || c < 0 || r < 0 || c >= columns_ || r >= rows_) {
        return sea;
    }
    return cells_[static_cast<std::size_t>(r * columns_ + c)];
}

void LandMask::cell_range(const ScreenRect& rect, int& c0, int& r0, int& c1, int& r1) const {
    c0 = std::max(0, static_cast<int>(std::floor(rect.left / cell_)));
    r0 = std::max(0, static_cast<int>(std::floor(rect.top / cell_)));
    c1 = std::min(columns_ - 1, static_cast<int>(std::ceil(rect.right() / cell_)) - 1);
    r1 = std::min(rows_ - 1, static_cast<int>(std::ceil(rect.bottom() / cell_)) - 1);
}

int LandMask::foreign_cells(const ScreenRect& rect, int owner) const {
    if (cells_.empty()) {
        return 0;
    }
    int c0 = 0, r0 = 0, c1 = 0, r1 = 0;
    cell_range(rect, c0, r0, c1, r1);
    int count = 0;
    for (int r = r0; r <= r1; ++r) {
        for (int c = c0; c <= c1; ++c) {
            const int cell = cells_[static_cast<std::size_t>(r * columns_ + c)];
            count += cell != sea && cell != owner ? 1 : 0;
        }
    }
    return count;
}

bool LandMask::touches(const ScreenRect& rect, int owner, double reach) const {
    if (cells_.empty()) {
        return false;
    }
    int c0 = 0, r0 = 0, c1 = 0, r1 = 0;
    cell_range(
        {rect.left - reach, rect.top - reach, rect.width + 2 * reach, rect.height + 2 * reach}, c0,
        r0, c1, r1);
    for (int r = r0; r <= r1; ++r) {
        for (int c = c0; c <= c1; ++c) {
            if (cells_[static_cast<std::size_t>(r * columns_ + c)] == owner) {
                return true;
            }
        }
    }
    return false;
}

std::optional<geo::Point> LandMask::nearest(int owner, geo::Point p, double radius) const {
    if (cells_.empty()) {
        return std::nullopt;
    }
    const int c = static_cast<int>(std::floor(p.x / cell_));
    const int r = static_cast<int>(std::floor(p.y / cell_));
    const int rings = static_cast<int>(std::ceil(radius / cell_));
    std::optional<geo::Point> best;
    double best_distance = 1e300;
    // Square rings outwards; a hit in ring k may still lose to one in ring k+1 by distance,
    // so one more ring is searched after the first hit.
    const auto visit = [&](int cc, int rr) {
        if (cc < 0 || rr < 0 || cc >= columns_ || rr >= rows_ ||
            cells_[static_cast<std::size_t>(rr * columns_ + cc)] != owner) {
            return;
        }
        const geo::Point centre{(cc + 0.5) * cell_, (rr + 0.5) * cell_};
        const double d = std::hypot(centre.x - p.x, centre.y - p.y);
        if (d < best_distance) {
            best_distance = d;
            best = centre;
        }
    };
    // Only cells within the owner's box can be its: each ring's sides are walked where they
    // cross that box (the same cells in the same order as the whole ring, less those that
    // cannot match).
    int oc0 = 0, or0 = 0, oc1 = columns_ - 1, or1 = rows_ - 1;
    if (owner >= 0 && static_cast<std::size_t>(owner) < bounds_.size()) {
        const auto& box = bounds_[static_cast<std::size_t>(owner)];
        if (!box) {
            return std::nullopt; // no cell of its on screen
        }
        cell_range(*box, oc0, or0, oc1, or1);
    }
    for (int k = 0; k <= rings; ++k) {
        // Only the ring's perimeter: its top and bottom rows, then its sides.
        if (k == 0) {
            visit(c, r);
        }
        const int dc0 = std::max(-k, oc0 - c);
        const int dc1 = std::min(k, oc1 - c);
        for (int dc = dc0; dc <= dc1 && k > 0; ++dc) {
            if (r - k >= or0 && r - k <= or1) {
                visit(c + dc, r - k);
            }
            if (r + k >= or0 && r + k <= or1) {
                visit(c + dc, r + k);
            }
        }
        const int dr0 = std::max(-k + 1, or0 - r);
        const int dr1 = std::min(k - 1, or1 - r);
        for (int dr = dr0; dr <= dr1; ++dr) {
            if (c - k >= oc0 && c - k <= oc1) {
                visit(c - k, r + dr);
            }
            if (c + k >= oc0 && c + k <= oc1) {
                visit(c + k, r + dr);
            }
        }
        if (best && k * cell_ > best_distance) {
            break;
        }
        if (c - k <= oc0 && c + k >= oc1 && r - k <= or0 && r + k >= or1) {
            break; // the ring holds the whole box: nothing further can match
        }
    }
    return best;
}

std::optional<ScreenRect> LandMask::bounds_of(int owner) const {
    if (owner < 0 || static_cast<std::size_t>(owner) >= bounds_.size()) {
        return std::nullopt;
    }
    return bounds_[static_cast<std::size_t>(owner)];
}

// ---------------------------------------------------------------------------------------------
// Placement

namespace {

std::vector<LabelCandidate> default_candidates(const LabelRequest& request) {
    const double w = request.width;
    const double h = request.height;
    const double x = request.anchor_x;
    const double y = request.anchor_y;
    const double offset = 6.0;
    return {
        {{x - w / 2, y - h / 2, w, h}, 0, 0.0, std::nullopt},      // centred on the anchor
        {{x + offset, y - h / 2, w, h}, 0, 0.0, std::nullopt},     // right
        {{x - offset - w, y - h / 2, w, h}, 0, 0.0, std::nullopt}, // left
        {{x - w / 2, y - offset - h, w, h}, 0, 0.0, std::nullopt}, // above
        {{x - w / 2, y + offset, w, h}, 0, 0.0, std::nullopt},     // below
    };
}

/// How far a leader may end from the island's own land and still count as reaching it.
constexpr double own_land_reach = 8.0;
/// How far a name keeps from land that is not its island's, when it can.
constexpr double other_land_margin = 6.0;

/// The point of `box` nearest to `p`.
geo::Point nearest_on(const ScreenRect& box, geo::Point p) {
    return {std::clamp(p.x, box.left, box.right()), std::clamp(p.y, box.top, box.bottom())};
}

} // namespace

std::vector<PlacedLabel> place_labels(std::vector<LabelRequest> requests, double viewport_width,
                                      double viewport_height, const LabelObstacles& obstacles,
                                      double gap) {
    std::stable_sort(requests.begin(), requests.end(),
                     [](const LabelRequest& a, const LabelRequest& b) {
                         if (a.essential != b.essential) {
                             return a.essential;
                         }
                         return a.priority > b.priority;
                     });
    std::vector<PlacedLabel> placed;
    std::vector<ScreenRect> placed_symbols; ///< the symbols of the labels placed so far
    const auto inside = [&](const ScreenRect& rect) {
        return rect.left >= 0 && rect.top >= 0 && rect.right() <= viewport_width &&
               rect.bottom() <= viewport_height;
    };
    const auto hits_hard = [&](const ScreenRect& rect) {
        return std::any_of(obstacles.hard.begin(), obstacles.hard.end(),
                           [&](const ScreenRect& o) { return rect.intersects(o); });
    };
    const auto hits_placed = [&](const ScreenRect& rect) {
        return std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& other) {
            return rect.intersects(other.rect, gap);
        });
    };
    // A leader line crosses no placed label and no obstacle (sampled every 2 px).
    const auto leader_crosses = [&](const std::array<double, 4>& l) {
        const double length = std::hypot(l[2] - l[0], l[3] - l[1]);
        const int steps = std::max(1, static_cast<int>(length / 2));
        for (int k = 1; k < steps; ++k) {
            const double t = static_cast<double>(k) / steps;
            const ScreenRect p{l[0] + (l[2] - l[0]) * t, l[1] + (l[3] - l[1]) * t, 0, 0};
            if (hits_placed(p) || hits_hard(p)) {
                return true;
            }
        }
        return false;
    };
    for (const auto& request : requests) {
        std::vector<LabelCandidate> candidates =
            request.candidates.empty() ? default_candidates(request) : request.candidates;
        // A leader to the land is found when its candidate is first looked at (many share the
        // point of the box they start from: the land is searched once for each).
        std::map<std::pair<long, long>, std::optional<geo::Point>> land_points;
        const auto to_land = [&](LabelCandidate& candidate) -> LabelCandidate& {
            if (!candidate.leader_to_land) {
                return candidate;
            }
            candidate.leader_to_land = false;
            if (request.leader_land == nullptr || !candidate.leader) {
                return candidate;
            }
            auto& l = *candidate.leader;
            const std::pair<long, long> key{std::lround(l[2]), std::lround(l[3])};
            auto it = land_points.find(key);
            if (it == land_points.end()) {
                it = land_points
                         .emplace(key, request.leader_land->nearest(request.leader_owner,
                                                                    {l[2], l[3]}, 80.0))
                         .first;
            }
            if (it->second) {
                const geo::Point start = nearest_on(candidate.rect, *it->second);
                l = {start.x, start.y, it->second->x, it->second->y};
            }
            return candidate;
        };
        const LandMask* land = request.owner != LandMask::sea ? obstacles.land : nullptr;
        // A name keeps a few pixels clear of other land, so it reads as its own island's.
        double clear_of_others = other_land_margin;
        const auto on_own_land = [&](const LabelCandidate& candidate) {
            if (land == nullptr) {
                return true;
            }
            const ScreenRect& r = candidate.rect;
            if (request.owner == LandMask::no_land) {
                // A line's name: off land on the first pass, anywhere on the second.
                return clear_of_others == 0.0 || land->foreign_cells(r, LandMask::no_land) == 0;
            }
            if (land->foreign_cells({r.left - clear_of_others, r.top - clear_of_others,
                                     r.width + 2 * clear_of_others, r.height + 2 * clear_of_others},
                                    request.owner) > 0) {
                return false;
            }
            if (candidate.leader) {
                const auto& l = *candidate.leader;
                return land->touches({l[2], l[3], 0, 0}, request.owner, own_land_reach);
            }
            // An island too small for a cell of its own (off screen, or below the level of
            // detail) is judged by its box alone.
            return !land->bounds_of(request.owner) ||
                   land->touches(candidate.rect, request.owner, own_land_reach);
        };
        const auto fits = [&](LabelCandidate& candidate) {
            if (!inside(candidate.rect) || hits_hard(candidate.rect) ||
                hits_placed(candidate.rect)) {
                return false;
            }
            to_land(candidate);
            if (candidate.leader && leader_crosses(*candidate.leader)) {
                return false;
            }
            if (!request.essential &&
                std::any_of(obstacles.soft.begin(), obstacles.soft.end(),
                            [&](const ScreenRect& o) { return candidate.rect.intersects(o); })) {
                return false;
            }
            if (request.avoid_symbols &&
                std::any_of(placed_symbols.begin(), placed_symbols.end(),
                            [&](const ScreenRect& o) { return candidate.rect.intersects(o); })) {
                return false;
            }
            return on_own_land(candidate);
        };
        if (request.symbol &&
            (hits_placed(*request.symbol) ||
             std::any_of(placed_symbols.begin(), placed_symbols.end(),
                         [&](const ScreenRect& o) { return request.symbol->intersects(o); }))) {
            continue; // its symbol is under a name (or a symbol) placed before it
        }
        auto chosen = std::find_if(candidates.begin(), candidates.end(), fits);
        if (chosen == candidates.end()) {
            clear_of_others = 0.0;
            chosen = std::find_if(candidates.begin(), candidates.end(), fits);
        }
        if (chosen == candidates.end() && request.essential) {
            // Never dropped: rather over another label than on another island; never under a
            // panel (the island is not visible there either).
            chosen = std::find_if(candidates.begin(), candidates.end(), [&](auto& c) {
                return inside(c.rect) && !hits_hard(c.rect) && on_own_land(to_land(c));
            });
            if (chosen == candidates.end()) {
                chosen = std::find_if(candidates.begin(), candidates.end(), [&](const auto& c) {
                    return inside(c.rect) && !hits_hard(c.rect);
                });
            }
        }
        if (chosen != candidates.end()) {
            to_land(*chosen);
            if (request.symbol) {
                placed_symbols.push_back(*request.symbol);
            }
            placed.push_back(
                {request.id, chosen->rect, chosen->variant, chosen->angle_deg, chosen->leader});
        }
    }
    return placed;
}

std::vector<PlacedLabel> place_labels(std::vector<LabelRequest> requests, double viewport_width,
                                      double viewport_height,
                                      const std::vector<ScreenRect>& obstacles, double gap) {
    return place_labels(std::move(requests), viewport_width, viewport_height,
                        LabelObstacles{obstacles, {}, nullptr}, gap);
}

// ---------------------------------------------------------------------------------------------
// Candidates

std::vector<LabelCandidate> island_candidates(const ScreenRect& feature, geo::Point anchor,
                                              const std::vector<std::array<double, 2>>& sizes,
                                              bool leaders, bool leaders_to_land) {
    std::vector<LabelCandidate> out;
    const double gap = 3.0;
    // Beside the island, level with its anchor where the island is tall enough.
    const double cy = std::clamp(anchor.y, feature.top, feature.bottom());
    const double cx = std::clamp(anchor.x, feature.left, feature.right());
    for (std::size_t v = 0; v < sizes.size(); ++v) {
        const double w = sizes[v][0];
        const double h = sizes[v][1];
        const int variant = static_cast<int>(v);
        const bool roomy = feature.width >= w * 0.9 && feature.height >= h * 1.5;
        const LabelCandidate centred{
            {anchor.x - w / 2, anchor.y - h / 2, w, h}, variant, 0.0, std::nullopt};
        if (roomy) {
            out.push_back(centred);
        }
        const ScreenRect beside[] = {
            {feature.right() + gap, cy - h / 2, w, h},              // right
            {feature.left - gap - w, cy - h / 2, w, h},             // left
            {cx - w / 2, feature.top - gap - h, w, h},              // above
            {cx - w / 2, feature.bottom() + gap, w, h},             // below
            {feature.right() + gap, feature.top - gap - h, w, h},   // above right
            {feature.right() + gap, feature.bottom() + gap, w, h},  // below right
            {feature.left - gap - w, feature.top - gap - h, w, h},  // above left
            {feature.left - gap - w, feature.bottom() + gap, w, h}, // below left
            {feature.right() - w * 0.3, cy - h / 2, w, h},          // overlapping the right end
            {feature.left - w * 0.7, cy - h / 2, w, h},             // overlapping the left end
        };
        for (const auto& rect : beside) {
            out.push_back({rect, variant, 0.0, std::nullopt});
        }
        // Around the anchor, which lies on the island: for a long island lying aslant, its
        // box's sides and corners are open sea.
        const double o = 6.0;
        const ScreenRect around[] = {
            {anchor.x + o, anchor.y - h / 2, w, h},     // right
            {anchor.x - o - w, anchor.y - h / 2, w, h}, // left
            {anchor.x + o, anchor.y + o, w, h},         // below right
            {anchor.x - o - w, anchor.y - o - h, w, h}, // above left
            {anchor.x + o, anchor.y - o - h, w, h},     // above right
            {anchor.x - o - w, anchor.y + o, w, h},     // below left
            {anchor.x - w / 2, anchor.y - o - h, w, h}, // above
            {anchor.x - w / 2, anchor.y + o, w, h},     // below
        };
        for (const auto& rect : around) {
            out.push_back({rect, variant, 0.0, std::nullopt});
        }
        if (!roomy) {
            out.push_back(centred);
        }
    }
    if (leaders && !sizes.empty()) {
        // Further out, in 24 directions, with a leader from the label's nearest point to
        // the island's box; the smallest text first (it fits more often).
        const geo::Point centre{feature.left + feature.width / 2, feature.top + feature.height / 2};
        for (auto v = static_cast<int>(sizes.size()) - 1; v >= 0; --v) {
            const double w = sizes[static_cast<std::size_t>(v)][0];
            const double h = sizes[static_cast<std::size_t>(v)][1];
            for (const double distance : {18.0, 36.0, 60.0, 90.0, 130.0, 180.0}) {
                for (int k = 0; k < 24; ++k) {
                    const double a = 2 * std::numbers::pi * k / 24.0;
                    const double dx = std::cos(a);
                    const double dy = std::sin(a);
                    // The label's centre outside the feature's box by `distance` along (dx, dy).
                    const double reach_x = feature.width / 2 + w / 2 + distance;
                    const double reach_y = feature.height / 2 + h / 2 + distance;
                    const double t = std::min(std::abs(dx) > 1e-9 ? reach_x / std::abs(dx) : 1e9,
                                              std::abs(dy) > 1e-9 ? reach_y / std::abs(dy) : 1e9);
                    const geo::Point at{centre.x + dx * t, centre.y + dy * t};
                    const ScreenRect rect{at.x - w / 2, at.y - h / 2, w, h};
                    const geo::Point end = nearest_on(feature, at);
                    const geo::Point start = nearest_on(rect, end);
                    out.push_back({rect, v, 0.0,
                                   std::array<double, 4>{start.x, start.y, end.x, end.y},
                                   leaders_to_land});
                }
            }
        }
    }
    return out;
}

namespace {

/// A polyline with its length along it: points at any distance from its start.
struct Measured {
    const std::vector<geo::Point>& path;
    std::vector<double> along;
    double total = 0.0;

    explicit Measured(const std::vector<geo::Point>& points)
        : path(points), along(points.size(), 0.0) {
        for (std::size_t i = 1; i < path.size(); ++i) {
            along[i] =
                along[i - 1] + std::hypot(path[i].x - path[i - 1].x, path[i].y - path[i - 1].y);
        }
        total = along.empty() ? 0.0 : along.back();
    }
    geo::Point at(double s) const {
        const auto it = std::lower_bound(along.begin(), along.end(), s);
        const std::size_t i = std::clamp<std::size_t>(static_cast<std::size_t>(it - along.begin()),
                                                      1, path.size() - 1);
        const double span = along[i] - along[i - 1];
        const double t = span > 0 ? (s - along[i - 1]) / span : 0.0;
        return geo::Point{path[i - 1].x + (path[i].x - path[i - 1].x) * t,
                          path[i - 1].y + (path[i].y - path[i - 1].y) * t};
    }
};

} // namespace

std::vector<LabelCandidate> line_candidates_along(const std::vector<geo::Point>& path, double width,
                                                  double height, double clearance) {
    std::vector<LabelCandidate> out;
    if (path.size() < 2) {
        return out;
    }
    const Measured line(path);
    const std::vector<double>& along = line.along;
    const double total = line.total;
    const auto point_at = [&](double s) {
        return line.at(s);
    };
    const auto box_around = [](geo::Point c, double w, double h, double angle) {
        const double ca = std::abs(std::cos(angle));
        const double sa = std::abs(std::sin(angle));
        const double ex = ca * w / 2 + sa * h / 2;
        const double ey = sa * w / 2 + ca * h / 2;
        return ScreenRect{c.x - ex, c.y - ey, 2 * ex, 2 * ey};
    };
    // Along the line: stretches as long as the text, straight within a third of its height.
    const double stretch = width + 8;
    if (total >= stretch) {
        std::vector<double> starts;
        const double step = std::max(8.0, (total - stretch) / 24.0);
        for (double s = 0; s + stretch <= total + 1e-9; s += step) {
            starts.push_back(s);
        }
        const double middle = (total - stretch) / 2;
        std::stable_sort(starts.begin(), starts.end(), [&](double a, double b) {
            return std::abs(a - middle) < std::abs(b - middle);
        });
        for (const double s : starts) {
            const geo::Point a = point_at(s);
            const geo::Point b = point_at(s + stretch);
            const double chord = std::hypot(b.x - a.x, b.y - a.y);
            if (chord < 1e-6) {
                continue;
            }
            double bend = 0.0;
            for (std::size_t i = 0; i < path.size(); ++i) {
                if (along[i] <= s || along[i] >= s + stretch) {
                    continue;
                }
                const double cross =
                    (b.x - a.x) * (path[i].y - a.y) - (b.y - a.y) * (path[i].x - a.x);
                bend = std::max(bend, std::abs(cross) / chord);
            }
            if (bend > std::max(2.0, height / 3)) {
                continue;
            }
            double angle = std::atan2(b.y - a.y, b.x - a.x);
            if (angle > std::numbers::pi / 2) {
                angle -= std::numbers::pi; // upright text
            } else if (angle < -std::numbers::pi / 2) {
                angle += std::numbers::pi;
            }
            const geo::Point mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
            const geo::Point normal{-std::sin(angle), std::cos(angle)}; // below the text's baseline
            const double off = height / 2 + bend + clearance;
            for (const double side : {-1.0, 1.0}) { // above the line first
                const geo::Point c{mid.x + normal.x * off * side, mid.y + normal.y * off * side};
                out.push_back({box_around(c, width, height, angle), 0,
                               angle * 180 / std::numbers::pi, std::nullopt});
            }
        }
    }
    return out;
}

std::vector<LabelCandidate> line_candidates_beside(const std::vector<geo::Point>& path,
                                                   double width, double height, double clearance) {
    std::vector<LabelCandidate> out;
    if (path.size() < 2) {
        return out;
    }
    const Measured line(path);
    const double total = line.total;
    const auto point_at = [&](double s) {
        return line.at(s);
    };
    // Beside the ends (and the middle) of the visible line, unrotated, clear of the stroke,
    // with a leader. The stroke is sampled every 2 px once for all the candidates (a zone's
    // limit runs for thousands of pixels, and 72 candidates are tried).
    std::vector<geo::Point> samples;
    samples.reserve(static_cast<std::size_t>(total / 2.0) + 1);
    geo::Box sampled{
        std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    for (double s = 0; s <= total; s += 2.0) {
        const geo::Point p = point_at(s);
        samples.push_back(p);
        sampled = {std::min(sampled.min_x, p.x), std::min(sampled.min_y, p.y),
                   std::max(sampled.max_x, p.x), std::max(sampled.max_y, p.y)};
    }
    const auto covers_line = [&](const ScreenRect& rect) {
        const geo::Box grown{rect.left - clearance, rect.top - clearance, rect.right() + clearance,
                             rect.bottom() + clearance};
        if (!grown.overlaps(sampled)) {
            return false;
        }
        return std::any_of(samples.begin(), samples.end(),
                           [&](const geo::Point& p) { return grown.contains(p); });
    };
    for (const double s : {total / 2, 0.0, total}) {
        const geo::Point p = point_at(s);
        for (const double distance : {6.0, 20.0, 40.0}) {
            const double d = distance + clearance;
            const ScreenRect around[] = {
                {p.x + d, p.y - height / 2, width, height},
                {p.x - d - width, p.y - height / 2, width, height},
                {p.x - width / 2, p.y - d - height, width, height},
                {p.x - width / 2, p.y + d, width, height},
                {p.x + d, p.y - d - height, width, height},
                {p.x + d, p.y + d, width, height},
                {p.x - d - width, p.y - d - height, width, height},
                {p.x - d - width, p.y + d, width, height},
            };
            for (const auto& rect : around) {
                if (covers_line(rect)) {
                    continue;
                }
                const geo::Point start = nearest_on(rect, p);
                std::optional<std::array<double, 4>> leader;
                if (std::hypot(start.x - p.x, start.y - p.y) > 10) {
                    leader = std::array<double, 4>{start.x, start.y, p.x, p.y};
                }
                out.push_back({rect, 0, 0.0, leader});
            }
        }
    }
    return out;
}

} // namespace kuril
