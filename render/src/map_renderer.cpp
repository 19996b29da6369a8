#include "render/map_renderer.hpp"

#include "geo/geodesic.hpp"
#include "render/style.hpp"

#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace kuril {
namespace {

/// A white diagonal-line pattern; drawn tinted, it hatches a claimant's colour over a fill.
sf::Texture make_pattern(unsigned size, unsigned thickness) {
    sf::Image image;
    image.create(size, size, sf::Color::Transparent);
    for (unsigned y = 0; y < size; ++y) {
        for (unsigned x = 0; x < size; ++x) {
            if ((x + y) % size < thickness) {
                image.setPixel(x, y, sf::Color::White);
            }
        }
    }
    sf::Texture texture;
    texture.loadFromImage(image);
    texture.setRepeated(true);
    texture.setSmooth(false);
    return texture;
}

/// The map area as an SFML view: map space is projected metres with y down. With a tile, only
/// that pixel rectangle of the full image.
sf::View map_sf_view(const MapView& view, const std::optional<sf::FloatRect>& tile) {
    const sf::FloatRect pixels = tile ? *tile
                                      : sf::FloatRect(0, 0, static_cast<float>(view.width_px()),
                                                      static_cast<float>(view.height_px()));
    const geo::Point c =
        view.screen_to_map({pixels.left + pixels.width / 2.0, pixels.top + pixels.height / 2.0});
    return sf::View(sf::Vector2f(static_cast<float>(c.x), static_cast<float>(-c.y)),
                    sf::Vector2f(static_cast<float>(pixels.width * view.metres_per_pixel()),
                                 static_cast<float>(pixels.height * view.metres_per_pixel())));
}

sf::View screen_sf_view(const MapView& view, const std::optional<sf::FloatRect>& tile) {
    if (tile) {
        return sf::View(*tile);
    }
    const auto w = static_cast<float>(view.width_px());
    const auto h = static_cast<float>(view.height_px());
    return sf::View(sf::FloatRect(0, 0, w, h));
}

/// The visible area in map space (y down), grown a little: the view's, or only the tile's
/// (each tile of an export draws only the geometry that reaches it).
geo::Box visible_map_box(const MapView& view, const std::optional<sf::FloatRect>& tile) {
    geo::Box box = view.visible_box();
    if (tile) {
        const geo::Point top_left = view.screen_to_map({tile->left, tile->top});
        const geo::Point bottom_right =
            view.screen_to_map({tile->left + tile->width, tile->top + tile->height});
        box = {top_left.x, bottom_right.y, bottom_right.x, top_left.y};
    }
    const double pad = 2 * view.metres_per_pixel();
    return {box.min_x - pad, -box.max_y - pad, box.max_x + pad, -box.min_y + pad};
}

bool overlaps(const geo::Box& a, const geo::Box& b) {
    return a.min_x <= b.max_x && b.min_x <= a.max_x && a.min_y <= b.max_y && b.min_y <= a.max_y;
}

sf::Vector2f to_screen(const MapView& view, geo::Point map_north_up) {
    const geo::Point s = view.map_to_screen(map_north_up);
    return {static_cast<float>(s.x), static_cast<float>(s.y)};
}

std::string format_distance(double metres) {
    char buffer[64];
    if (metres >= 1000) {
        std::snprintf(buffer, sizeof buffer, metres >= 10000 ? "%.0f km" : "%.1f km",
                      metres / 1000);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.0f m", metres);
    }
    return buffer;
}

} // namespace

void append_polyline(std::vector<sf::Vertex>& out, const std::vector<sf::Vector2f>& points,
                     float width, sf::Color color, const std::vector<float>& pattern) {
    const float half = width / 2;
    std::size_t dash = 0;
    float left_in_dash = pattern.empty() ? 0 : pattern[0];
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        sf::Vector2f a = points[i];
        const sf::Vector2f b = points[i + 1];
        float length = std::hypot(b.x - a.x, b.y - a.y);
        if (length <= 0) {
            continue;
        }
        const sf::Vector2f dir{(b.x - a.x) / length, (b.y - a.y) / length};
        const sf::Vector2f normal{-dir.y * half, dir.x * half};
        while (length > 0) {
            float step = length;
            bool on = true;
            if (!pattern.empty()) {
                step = std::min(length, left_in_dash);
                on = dash % 2 == 0;
            }
            const sf::Vector2f c{a.x + dir.x * step, a.y + dir.y * step};
            if (on) {
                // Extend by half a width so joints look closed.
                const sf::Vector2f a2{a.x - dir.x * half * 0.5f, a.y - dir.y * half * 0.5f};
                const sf::Vector2f c2{c.x + dir.x * half * 0.5f, c.y + dir.y * half * 0.5f};
                out.emplace_back(a2 + normal, color);
                out.emplace_back(a2 - normal, color);
                out.emplace_back(c2 + normal, color);
                out.emplace_back(c2 + normal, color);
                out.emplace_back(a2 - normal, color);
                out.emplace_back(c2 - normal, color);
            }
            length -= step;
            a = c;
            if (!pattern.empty()) {
                left_in_dash -= step;
                if (left_in_dash <= 1e-3f) {
                    dash = (dash + 1) % pattern.size();
                    left_in_dash = pattern[dash];
                }
            }
        }
    }
}

MapRenderer::MapRenderer(const MapScene& scene, const sf::Font& font)
    : scene_(scene), font_(font), hatch_(make_pattern(10, 2)), stripes_(make_pattern(24, 12)) {
    scratch_.reserve(1 << 18);
    triangles_.reserve(1 << 14);
}

sf::Text& MapRenderer::text(const std::string& key, const std::string& content, unsigned size) {
    auto [it, inserted] = texts_.try_emplace(key);
    sf::Text& t = it->second;
    if (inserted) {
        t.setFont(font_);
    }
    if (inserted || t.getCharacterSize() != size) {
        t.setCharacterSize(size);
    }
    const sf::String wanted = sf::String::fromUtf8(content.begin(), content.end());
    if (inserted || t.getString() != wanted) {
        t.setString(wanted);
    }
    return t;
}

std::string MapRenderer::label_text(const std::vector<geo::Name>& names, LabelLanguage language) {
    auto name = [&](const char* lang) {
        for (const auto& n : names) {
            if (n.lang == lang) {
                return n.text;
            }
        }
        return names.empty() ? std::string() : names.front().text;
    };
    switch (language) {
    case LabelLanguage::en:
        return name("en");
    case LabelLanguage::ja:
        return name("ja");
    case LabelLanguage::ru:
        return name("ru");
    case LabelLanguage::en_ja:
        return name("en") + "\n" + name("ja");
    case LabelLanguage::en_ru:
        return name("en") + "\n" + name("ru");
    case LabelLanguage::ja_ru:
        return name("ja") + "\n" + name("ru");
    }
    return name("en");
}

std::pair<double, double> MapRenderer::scale_bar(double true_metres_per_pixel, double max_px) {
    const double max_metres = true_metres_per_pixel * max_px;
    const double magnitude = std::pow(10.0, std::floor(std::log10(max_metres)));
    double nice = magnitude;
    for (const double factor : {5.0, 2.0, 1.0}) {
        if (factor * magnitude <= max_metres) {
            nice = factor * magnitude;
            break;
        }
    }
    return {nice, nice / true_metres_per_pixel};
}

void MapRenderer::fill_sets(sf::RenderTarget& target, const std::vector<const PolygonSet*>& sets,
                            const MapView& view, sf::Color color, const sf::Texture* pattern) {
    const geo::Box visible = visible_map_box(view, tile_);
    scratch_.clear();
    // The cover pass spans each drawn piece's box, not the whole screen: far fewer pixels
    // for a sparse island chain. The first cover of a pixel resets its stencil, so overlapping
    // boxes do not blend twice.
    cover_.clear();
    for (const PolygonSet* set : sets) {
        if (set->empty() || !overlaps(set->bounds, visible)) {
            continue;
        }
        const LodLevel& level = set->level_for(view.metres_per_pixel());
        for (const auto& piece : level.fills) {
            if (!overlaps(piece.bounds, visible)) {
                continue;
            }
            for (const auto& v : piece.fan_triangles) {
                scratch_.emplace_back(sf::Vector2f(v.x, v.y));
            }
            // Corners in screen pixels (for a screen-aligned pattern), clamped to the view.
            const geo::Point a = view.map_to_screen({piece.bounds.min_x, -piece.bounds.min_y});
            const geo::Point b = view.map_to_screen({piece.bounds.max_x, -piece.bounds.max_y});
            const float x0 = std::floor(std::max(0.f, static_cast<float>(a.x) - 1));
            const float y0 = std::floor(std::max(0.f, static_cast<float>(a.y) - 1));
            const float x1 = std::ceil(
                std::min(static_cast<float>(view.width_px()), static_cast<float>(b.x) + 1));
            const float y1 = std::ceil(
                std::min(static_cast<float>(view.height_px()), static_cast<float>(b.y) + 1));
            if (x1 <= x0 || y1 <= y0) {
                continue;
            }
            // The pattern grows with the text and symbols (high-DPI screens, large exports).
            const float k = 1.f / pattern_scale_;
            cover_.emplace_back(sf::Vector2f(x0, y0), color, sf::Vector2f(x0 * k, y0 * k));
            cover_.emplace_back(sf::Vector2f(x1, y0), color, sf::Vector2f(x1 * k, y0 * k));
            cover_.emplace_back(sf::Vector2f(x0, y1), color, sf::Vector2f(x0 * k, y1 * k));
            cover_.emplace_back(sf::Vector2f(x1, y0), color, sf::Vector2f(x1 * k, y0 * k));
            cover_.emplace_back(sf::Vector2f(x1, y1), color, sf::Vector2f(x1 * k, y1 * k));
            cover_.emplace_back(sf::Vector2f(x0, y1), color, sf::Vector2f(x0 * k, y1 * k));
        }
    }
    if (scratch_.empty()) {
        return;
    }
    stats_.fill_vertices += scratch_.size();
    const sf::View map_view = target.getView();
    stencil_fill(target, map_view, screen_sf_view(view, tile_), cover_, pattern);
    target.setView(map_view);
}

void MapRenderer::stencil_fill(sf::RenderTarget& target, const sf::View& fan_view,
                               const sf::View& cover_view, const std::vector<sf::Vertex>& cover,
                               const sf::Texture* pattern) {
    // Pass 1: each fan triangle in scratch_ inverts the stencil; odd coverage = inside (holes
    // cancel).
    target.setActive(true);
    glEnable(GL_STENCIL_TEST);
    glStencilMask(0xFF);
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glStencilFunc(GL_ALWAYS, 0, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
    target.setView(fan_view);
    target.draw(scratch_.data(), scratch_.size(), sf::Triangles);
    // Pass 2: cover where the stencil is set, and reset it.
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glStencilFunc(GL_NOTEQUAL, 0, 0xFF);
    glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO);
    target.setView(cover_view);
    sf::RenderStates states;
    states.texture = pattern;
    target.draw(cover.data(), cover.size(), sf::Triangles, states);
    glDisable(GL_STENCIL_TEST);
}

void MapRenderer::draw_outlines(sf::RenderTarget& target, const PolygonSet& set,
                                const MapView& view, sf::Color color) {
    if (set.empty()) {
        return;
    }
    const geo::Box visible = visible_map_box(view, tile_);
    const LodLevel& level = set.level_for(view.metres_per_pixel());
    scratch_.clear();
    for (const auto& chunk : level.outlines) {
        if (!overlaps(chunk.bounds, visible)) {
            continue;
        }
        for (const auto& v : chunk.segments) {
            scratch_.emplace_back(sf::Vector2f(v.x, v.y), color);
        }
    }
    stats_.outline_vertices += scratch_.size();
    if (!scratch_.empty()) {
        target.draw(scratch_.data(), scratch_.size(), sf::Lines);
    }
}

void MapRenderer::draw_status(sf::RenderTarget& target, const MapView& view,
                              const MapState& state) {
    // Group regions by how they are drawn so each style is one stencil pass.
    struct Group {
        std::vector<const PolygonSet*> sets;
    };
    std::map<int, Group> fills;   // party -> regions it administers (alone or first)
    std::map<int, Group> hatches; // party -> regions it claims or co-administers but does not fill
    std::map<int, Group> joint;   // second administering party -> stripes
    for (const auto& region : scene_.regions) {
        const auto symbol =
            status_symbol(scene_.atlas->history->island_status(region.island->id, state.date));
        if (!symbol) {
            continue;
        }
        fills[static_cast<int>(symbol->fill)].sets.push_back(&region.shapes);
        for (const auto party : symbol->stripes) {
            joint[static_cast<int>(party)].sets.push_back(&region.shapes);
        }
        for (const auto party : symbol->hatches) {
            hatches[static_cast<int>(party)].sets.push_back(&region.shapes);
        }
    }
    for (const auto& [party, group] : fills) {
        fill_sets(target, group.sets, view, style::party_fill(static_cast<geo::Party>(party)),
                  nullptr);
    }
    for (const auto& [party, group] : joint) {
        fill_sets(target, group.sets, view, style::party_fill(static_cast<geo::Party>(party)),
                  &stripes_);
    }
    for (const auto& [party, group] : hatches) {
        fill_sets(target, group.sets, view, style::party_hatch(static_cast<geo::Party>(party)),
                  &hatch_);
    }
    // Islands whose status just changed glow briefly.
    if (state.highlight_strength > 0 && !state.highlighted_islands.empty()) {
        std::vector<const PolygonSet*> sets;
        for (const auto& region : scene_.regions) {
            if (std::find(state.highlighted_islands.begin(), state.highlighted_islands.end(),
                          region.island->id) != state.highlighted_islands.end()) {
                sets.push_back(&region.shapes);
            }
        }
        sf::Color glow = style::highlight;
        glow.a = static_cast<sf::Uint8>(150 * state.highlight_strength);
        fill_sets(target, sets, view, glow, nullptr);
    }
}

void MapRenderer::draw_graticule(sf::RenderTarget& target, const MapView& view,
                                 const MapState& state) {
    const geo::Projection& projection = *scene_.projection;
    const float line_width = static_cast<float>(std::max(1.0, state.ui_scale * 0.8));
    // Spacing so lines are at least ~110 px apart.
    const double degree_px = 111'000.0 / view.metres_per_pixel();
    double step = 5;
    for (const double candidate : {5.0, 2.0, 1.0, 0.5, 0.25, 0.1, 0.05, 0.02}) {
        if (candidate * degree_px >= 110 * state.ui_scale) {
            step = candidate;
        }
    }
    graticule_labels_.clear();
    thin_lines_.clear();
    // Only the visible part (sampled along the window's edges), beyond the data so lines
    // reach the window's edges.
    geo::Box region{180, 90, -180, -90};
    for (int k = 0; k <= 16; ++k) {
        const double t = k / 16.0;
        for (const geo::Point screen :
             {geo::Point{t * view.width_px(), 0}, geo::Point{t * view.width_px(), view.height_px()},
              geo::Point{0, t * view.height_px()},
              geo::Point{view.width_px(), t * view.height_px()}}) {
            const geo::Point ll = projection.inverse(view.screen_to_map(screen));
            if (!std::isfinite(ll.x) || !std::isfinite(ll.y)) {
                continue;
            }
            region.min_x = std::min(region.min_x, ll.x);
            region.max_x = std::max(region.max_x, ll.x);
            region.min_y = std::min(region.min_y, ll.y);
            region.max_y = std::max(region.max_y, ll.y);
        }
    }
    region.min_x = std::max(region.min_x - step, 120.0);
    region.max_x = std::min(region.max_x + step, 175.0);
    region.min_y = std::max(region.min_y - step, 30.0);
    region.max_y = std::min(region.max_y + step, 65.0);
    if (region.min_x >= region.max_x || region.min_y >= region.max_y) {
        return;
    }
    triangles_.clear();
    const float w = static_cast<float>(view.width_px());
    const float h = static_cast<float>(view.height_px());
    std::vector<std::pair<sf::Vector2f, std::string>> edge_labels;
    auto label = [](double value, bool is_lon) {
        char buffer[32];
        const double whole = std::fabs(value);
        const char hemisphere = is_lon ? (value >= 0 ? 'E' : 'W') : (value >= 0 ? 'N' : 'S');
        if (std::fabs(whole - std::round(whole)) < 1e-9) {
            std::snprintf(buffer, sizeof buffer, "%.0f°%c", whole, hemisphere);
        } else {
            const int degrees = static_cast<int>(whole);
            std::snprintf(buffer, sizeof buffer, "%d°%02.0f′%c", degrees, (whole - degrees) * 60,
                          hemisphere);
        }
        return std::string(buffer);
    };
    auto trace = [&](bool is_lon, double value) {
        const double from = is_lon ? region.min_y : region.min_x;
        const double to = is_lon ? region.max_y : region.max_x;
        const double inc = (to - from) / 150;
        graticule_scratch_.clear();
        for (double t = from; t <= to + 1e-9; t += inc) {
            graticule_scratch_.push_back(is_lon ? geo::Point{value, t} : geo::Point{t, value});
        }
        projection.forward_in_place(graticule_scratch_);
        std::vector<sf::Vector2f> points;
        points.reserve(graticule_scratch_.size());
        for (const auto& p : graticule_scratch_) {
            points.push_back(to_screen(view, p));
        }
        if (line_width <= 1.5f) {
            for (std::size_t i = 0; i + 1 < points.size(); ++i) {
                thin_lines_.emplace_back(points[i], style::graticule);
                thin_lines_.emplace_back(points[i + 1], style::graticule);
            }
        } else {
            append_polyline(triangles_, points, line_width, style::graticule);
        }
        // Meridians are labelled where they cross the top edge, parallels the left edge.
        for (std::size_t i = 0; i + 1 < points.size(); ++i) {
            const sf::Vector2f a = points[i];
            const sf::Vector2f b = points[i + 1];
            if (is_lon && (a.y - 0) * (b.y - 0) <= 0 && a.y != b.y) {
                const float t = a.y / (a.y - b.y);
                const float x = a.x + (b.x - a.x) * t;
                if (x > 60 && x < w - 60) {
                    edge_labels.push_back({{x, 2}, label(value, true)});
                }
            }
            if (!is_lon && a.x * b.x <= 0 && a.x != b.x) {
                const float t = a.x / (a.x - b.x);
                const float y = a.y + (b.y - a.y) * t;
                if (y > 20 && y < h - 20) {
                    edge_labels.push_back({{2, y}, label(value, false)});
                }
            }
        }
    };
    for (double lon = std::ceil(region.min_x / step) * step; lon <= region.max_x + 1e-9;
         lon += step) {
        trace(true, lon);
    }
    for (double lat = std::ceil(region.min_y / step) * step; lat <= region.max_y + 1e-9;
         lat += step) {
        trace(false, lat);
    }
    target.draw(triangles_.data(), triangles_.size(), sf::Triangles);
    target.draw(thin_lines_.data(), thin_lines_.size(), sf::Lines);
    graticule_labels_ = std::move(edge_labels);
}

void MapRenderer::draw_graticule_labels(sf::RenderTarget& target, const MapState& state) {
    const unsigned size = static_cast<unsigned>(std::lround(12 * state.ui_scale));
    for (const auto& [position, content] : graticule_labels_) {
        const ScreenRect probe{position.x - 30, position.y - 10, 60, 24};
        if (std::any_of(occupied_.begin(), occupied_.end(),
                        [&](const ScreenRect& r) { return r.intersects(probe); })) {
            continue;
        }
        sf::Text& t = text("grat:" + content, content, size);
        t.setFillColor(sf::Color(70, 90, 110));
        t.setOutlineColor(style::halo);
        t.setOutlineThickness(2);
        const auto bounds = t.getLocalBounds();
        sf::Vector2f at = position;
        if (position.y <= 2) {
            at.x -= bounds.width / 2; // centred on the meridian
        } else {
            at.y -= bounds.height / 2 + bounds.top;
        }
        t.setPosition(std::round(at.x), std::round(at.y));
        target.draw(t);
        occupied_.push_back({at.x, at.y, bounds.width, bounds.height + bounds.top});
    }
}

void MapRenderer::draw_lines(sf::RenderTarget& target, const MapView& view, const MapState& state) {
    triangles_.clear();
    const float ui = static_cast<float>(state.ui_scale);
    std::vector<std::pair<const SceneLine*, sf::Vector2f>> line_labels;
    for (const auto& scene_line : scene_.lines) {
        const geo::BoundaryLine& line = *scene_line.line;
        if (!line.in_force_on(state.date)) {
            continue;
        }
        sf::Color color = style::treaty_line;
        std::vector<float> pattern;
        float width = (state.high_contrast ? 4.f : 2.5f) * ui;
        switch (line.kind) {
        case geo::LineKind::treaty:
            break;
        case geo::LineKind::proposal:
            color = style::proposal_line;
            pattern = {12 * ui, 7 * ui};
            break;
        case geo::LineKind::claim:
            color = style::claim_line;
            pattern = {4 * ui, 4 * ui};
            break;
        case geo::LineKind::line_of_control:
            color = style::control_line;
            pattern = {14 * ui, 5 * ui, 3 * ui, 5 * ui};
            break;
        }
        if (line.approx && line.kind == geo::LineKind::treaty) {
            pattern = {18 * ui, 4 * ui}; // constructed: never drawn as a firm solid line
        }
        const bool highlighted =
            state.highlight_strength > 0 &&
            std::find(state.highlighted_lines.begin(), state.highlighted_lines.end(), line.id) !=
                state.highlighted_lines.end();
        for (const auto& part : scene_line.projected) {
            std::vector<sf::Vector2f> points;
            points.reserve(part.size());
            for (const auto& p : part) {
                points.push_back(to_screen(view, p));
            }
            if (highlighted) {
                sf::Color glow = style::highlight;
                glow.a = static_cast<sf::Uint8>(220 * state.highlight_strength);
                append_polyline(triangles_, points, width + 8 * ui, glow);
            }
            append_polyline(triangles_, points, width, color, pattern);
            std::vector<sf::Vector2f> visible_points;
            for (const auto& p : points) {
                if (p.x > 0 && p.y > 0 && p.x < view.width_px() && p.y < view.height_px()) {
                    visible_points.push_back(p);
                }
            }
            if (!visible_points.empty()) {
                line_labels.push_back({&scene_line, visible_points[visible_points.size() / 2]});
            }
        }
    }
    target.draw(triangles_.data(), triangles_.size(), sf::Triangles);
    // Line labels are placed together with the island labels (lower priority).
    const unsigned size = static_cast<unsigned>(std::lround(12 * state.ui_scale));
    for (const auto& [scene_line, anchor] : line_labels) {
        sf::Text& t = text("line:" + scene_line->line->id + scene_line->line->part,
                           scene_line->line->label, size);
        t.setStyle(sf::Text::Italic);
        pending_labels_.push_back({&t, anchor, 10});
    }
}

void MapRenderer::draw_events(sf::RenderTarget& target, const MapView& view,
                              const MapState& state) {
    triangles_.clear();
    markers_.clear();
    const float radius = 6.f * static_cast<float>(state.ui_scale);
    for (const auto& scene_event : scene_.events) {
        const geo::Event& event = *scene_event.event;
        // Markers show events of the last ten years up to the chosen date.
        if (event.first_day() > state.date ||
            event.last_day().days_since_epoch() < state.date.days_since_epoch() - 3653) {
            continue;
        }
        const sf::Vector2f at = to_screen(view, scene_event.position);
        if (at.x < -radius || at.y < -radius || at.x > view.width_px() + radius ||
            at.y > view.height_px() + radius) {
            continue;
        }
        const bool selected = state.selected_event == event.id;
        const sf::Color fill = selected ? style::highlight : style::event_marker;
        const int segments = 16;
        for (int k = 0; k < segments; ++k) {
            const float a0 = 6.2831853f * static_cast<float>(k) / segments;
            const float a1 = 6.2831853f * static_cast<float>(k + 1) / segments;
            const float r_out = radius + 1.5f;
            triangles_.emplace_back(at, sf::Color::White);
            triangles_.emplace_back(at + sf::Vector2f(std::cos(a0), std::sin(a0)) * r_out,
                                    sf::Color::White);
            triangles_.emplace_back(at + sf::Vector2f(std::cos(a1), std::sin(a1)) * r_out,
                                    sf::Color::White);
        }
        for (int k = 0; k < segments; ++k) {
            const float a0 = 6.2831853f * static_cast<float>(k) / segments;
            const float a1 = 6.2831853f * static_cast<float>(k + 1) / segments;
            triangles_.emplace_back(at, fill);
            triangles_.emplace_back(at + sf::Vector2f(std::cos(a0), std::sin(a0)) * radius, fill);
            triangles_.emplace_back(at + sf::Vector2f(std::cos(a1), std::sin(a1)) * radius, fill);
        }
        markers_.push_back({&event, at.x, at.y});
        occupied_.push_back({at.x - radius, at.y - radius, 2 * radius, 2 * radius});
    }
    target.draw(triangles_.data(), triangles_.size(), sf::Triangles);
}

void MapRenderer::draw_labels(sf::RenderTarget& target, const MapView& view,
                              const MapState& state) {
    const std::string language(language_code(state.language));
    if (state.shows(Layer::labels)) {
        for (const SceneLabel& label : scene_.labels) {
            if (view.metres_per_pixel() > label.min_zoom_mpp) {
                continue;
            }
            const sf::Vector2f anchor = to_screen(view, label.position);
            if (anchor.x < -200 || anchor.y < -100 || anchor.x > view.width_px() + 200 ||
                anchor.y > view.height_px() + 100) {
                continue;
            }
            const double base = label.priority >= 4000   ? 17
                                : label.priority >= 3000 ? 15
                                : label.priority >= 1000 ? 13
                                                         : 12;
            const auto size = static_cast<unsigned>(std::lround(base * state.ui_scale));
            sf::Text& t = text("label:" + label.id + ":" + language,
                               label_text(*label.names, state.language), size);
            pending_labels_.push_back({&t, anchor, label.priority});
        }
    }
    std::vector<LabelRequest> requests;
    for (std::size_t i = 0; i < pending_labels_.size(); ++i) {
        const auto& pending = pending_labels_[i];
        // Styled before measuring: the halo widens the bounds, and a cached text keeps its
        // style between frames, so measuring first would place labels differently the first
        // time (and in the first band of an export) than afterwards.
        pending.text->setFillColor(style::text);
        pending.text->setOutlineColor(style::halo);
        pending.text->setOutlineThickness(2.5f);
        const auto bounds = pending.text->getLocalBounds();
        requests.push_back({pending.anchor.x, pending.anchor.y, bounds.width + 4,
                            bounds.height + bounds.top + 4, pending.priority, static_cast<int>(i)});
    }
    const auto placed = place_labels(requests, view.width_px(), view.height_px(), occupied_, 4.0);
    stats_.labels_placed += placed.size();
    stats_.labels_hidden += requests.size() - placed.size();
    for (const auto& p : placed) {
        sf::Text& t = *pending_labels_[static_cast<std::size_t>(p.id)].text;
        t.setPosition(std::round(static_cast<float>(p.rect.left + 2)),
                      std::round(static_cast<float>(p.rect.top + 2)));
        target.draw(t);
        occupied_.push_back(p.rect);
    }
    pending_labels_.clear();
}

void MapRenderer::draw_measure(sf::RenderTarget& target, const MapView& view,
                               const MapState& state) {
    if (state.measure_points.empty()) {
        return;
    }
    triangles_.clear();
    const float ui = static_cast<float>(state.ui_scale);
    std::vector<sf::Vector2f> points;
    for (const auto& p : state.measure_points) {
        points.push_back(to_screen(view, p));
    }
    for (const auto& p : points) {
        append_polyline(triangles_, {p - sf::Vector2f(6 * ui, 0), p + sf::Vector2f(6 * ui, 0)},
                        2 * ui, style::measure);
        append_polyline(triangles_, {p - sf::Vector2f(0, 6 * ui), p + sf::Vector2f(0, 6 * ui)},
                        2 * ui, style::measure);
    }
    if (points.size() == 2) {
        // The geodesic, sampled, not the straight screen segment.
        const geo::Point a = scene_.projection->inverse(state.measure_points[0]);
        const geo::Point b = scene_.projection->inverse(state.measure_points[1]);
        std::vector<sf::Vector2f> path;
        for (int k = 0; k <= 32; ++k) {
            const double t = k / 32.0;
            path.push_back(to_screen(
                view, scene_.projection->forward({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t})));
        }
        append_polyline(triangles_, path, 2 * ui, style::measure, {8 * ui, 4 * ui});
        const double metres = geo::geodesic_distance_m(a, b);
        sf::Text& t = text("measure", format_distance(metres), static_cast<unsigned>(16 * ui));
        t.setFillColor(style::text);
        t.setOutlineColor(style::halo);
        t.setOutlineThickness(3);
        const sf::Vector2f mid = (points[0] + points[1]) / 2.f;
        t.setPosition(std::round(mid.x + 8 * ui), std::round(mid.y - 24 * ui));
        target.draw(triangles_.data(), triangles_.size(), sf::Triangles);
        target.draw(t);
        return;
    }
    target.draw(triangles_.data(), triangles_.size(), sf::Triangles);
}

void MapRenderer::draw_furniture(sf::RenderTarget& target, const MapView& view,
                                 const MapState& state) {
    const float ui = static_cast<float>(state.ui_scale);
    const float h = static_cast<float>(view.height_px());
    const geo::Projection& projection = *scene_.projection;
    // Scale bar: true (geodesic) scale at the view centre, along the screen's x axis.
    const geo::Point centre_screen{view.width_px() / 2, view.height_px() / 2};
    const geo::Point c0 = projection.inverse(view.screen_to_map(centre_screen));
    const geo::Point c1 =
        projection.inverse(view.screen_to_map({centre_screen.x + 100, centre_screen.y}));
    const double true_mpp = geo::geodesic_distance_m(c0, c1) / 100;
    const auto [metres, px] = scale_bar(true_mpp, 180 * ui);
    const float x0 = 16 * ui;
    const float reserved = state.reserved_bottom_px >= 0
                               ? static_cast<float>(state.reserved_bottom_px)
                               : 64 * ui; // the viewer's timeline
    const float y0 = h - reserved - 28 * ui;
    triangles_.clear();
    const float bar = static_cast<float>(px);
    const sf::Color dark(40, 40, 40);
    // White backing, then two alternating halves.
    append_polyline(triangles_, {{x0 - 3, y0}, {x0 + bar + 3, y0}}, 10 * ui, style::halo);
    append_polyline(triangles_, {{x0, y0}, {x0 + bar / 2, y0}}, 5 * ui, dark);
    append_polyline(triangles_, {{x0 + bar / 2, y0}, {x0 + bar, y0}}, 5 * ui,
                    sf::Color(150, 150, 150));
    target.draw(triangles_.data(), triangles_.size(), sf::Triangles);
    sf::Text& label = text("scale", format_distance(metres), static_cast<unsigned>(13 * ui));
    label.setFillColor(style::text);
    label.setOutlineColor(style::halo);
    label.setOutlineThickness(2);
    label.setPosition(std::round(x0), std::round(y0 - 24 * ui));
    target.draw(label);
    occupied_.push_back({x0 - 4, y0 - 26 * ui, bar + 60 * ui, 36 * ui});

    // North arrow where the projection turns north away from up.
    const geo::Point north = projection.forward({c0.x, c0.y + 0.05});
    const geo::Point here = projection.forward(c0);
    const double angle = std::atan2(north.x - here.x, north.y - here.y); // clockwise from up
    if (std::fabs(angle) > 0.5 * 3.14159265 / 180) {
        const sf::Vector2f base{static_cast<float>(view.width_px()) - 40 * ui,
                                230 * ui + static_cast<float>(state.reserved_top_px)};
        const sf::Vector2f dir{static_cast<float>(std::sin(angle)),
                               static_cast<float>(-std::cos(angle))};
        triangles_.clear();
        const sf::Vector2f tip = base + dir * (22 * ui);
        const sf::Vector2f tail = base - dir * (18 * ui);
        const sf::Vector2f side{-dir.y * 8 * ui, dir.x * 8 * ui};
        triangles_.emplace_back(tip, dark);
        triangles_.emplace_back(tail + side, dark);
        triangles_.emplace_back(base - dir * (8 * ui), dark);
        triangles_.emplace_back(tip, sf::Color(150, 150, 150));
        triangles_.emplace_back(base - dir * (8 * ui), sf::Color(150, 150, 150));
        triangles_.emplace_back(tail - side, sf::Color(150, 150, 150));
        target.draw(triangles_.data(), triangles_.size(), sf::Triangles);
        sf::Text& n = text("north", "N", static_cast<unsigned>(14 * ui));
        n.setFillColor(style::text);
        n.setOutlineColor(style::halo);
        n.setOutlineThickness(2);
        const auto b = n.getLocalBounds();
        const sf::Vector2f at = tip + dir * (12 * ui);
        n.setPosition(std::round(at.x - b.width / 2), std::round(at.y - b.height / 2 - b.top));
        target.draw(n);
        occupied_.push_back({base.x - 30 * ui, base.y - 45 * ui, 60 * ui, 75 * ui});
    }
    draw_inset(target, view, state);
}

void MapRenderer::draw_inset(sf::RenderTarget& target, const MapView& view, const MapState& state) {
    // A small locator of the whole region in the top-right corner with the view's outline.
    const float ui = static_cast<float>(state.ui_scale);
    const float inset_w = 150 * ui;
    const geo::Box& world = scene_.world;
    const float inset_h =
        inset_w * static_cast<float>((world.max_y - world.min_y) / (world.max_x - world.min_x));
    const float left = static_cast<float>(view.width_px()) - inset_w - 10 * ui;
    const float top = 10 * ui + static_cast<float>(state.reserved_top_px);
    const geo::Box visible = view.visible_box();
    // Whole region not worth a locator when it is on screen already.
    if (visible.max_x - visible.min_x > (world.max_x - world.min_x) * 0.8) {
        return;
    }
    sf::RectangleShape frame({inset_w, inset_h});
    frame.setPosition(left, top);
    frame.setFillColor(style::sea);
    frame.setOutlineColor(style::panel_border);
    frame.setOutlineThickness(1);
    target.draw(frame);
    // Land of the coarsest level, scaled into the frame.
    sf::View inset(sf::FloatRect(static_cast<float>(world.min_x), static_cast<float>(-world.max_y),
                                 static_cast<float>(world.max_x - world.min_x),
                                 static_cast<float>(world.max_y - world.min_y)));
    const sf::Vector2f size = target.getView().getSize();
    const float ox = tile_ ? tile_->left : 0.f;
    const float oy = tile_ ? tile_->top : 0.f;
    inset.setViewport(sf::FloatRect((left - ox) / size.x, (top - oy) / size.y, inset_w / size.x,
                                    inset_h / size.y));
    const sf::View saved = target.getView();
    target.setView(inset);
    if (!scene_.land.empty()) {
        scratch_.clear();
        for (const auto& piece : scene_.land.level(scene_.land.level_count() - 1).fills) {
            for (const auto& v : piece.fan_triangles) {
                scratch_.emplace_back(sf::Vector2f(v.x, v.y));
            }
        }
        const auto x0 = static_cast<float>(world.min_x);
        const auto x1 = static_cast<float>(world.max_x);
        const auto y0 = static_cast<float>(-world.max_y);
        const auto y1 = static_cast<float>(-world.min_y);
        const sf::Color colour(200, 196, 184);
        const std::vector<sf::Vertex> cover = {{{x0, y0}, colour}, {{x1, y0}, colour},
                                               {{x0, y1}, colour}, {{x1, y0}, colour},
                                               {{x1, y1}, colour}, {{x0, y1}, colour}};
        stencil_fill(target, inset, inset, cover, nullptr);
    }
    sf::RectangleShape box({static_cast<float>(visible.max_x - visible.min_x),
                            static_cast<float>(visible.max_y - visible.min_y)});
    box.setPosition(static_cast<float>(visible.min_x), static_cast<float>(-visible.max_y));
    box.setFillColor(sf::Color(213, 94, 0, 60));
    box.setOutlineColor(sf::Color(213, 94, 0));
    box.setOutlineThickness(static_cast<float>((world.max_x - world.min_x) / inset_w * 1.5));
    target.draw(box);
    target.setView(saved);
    occupied_.push_back({left, top, inset_w, inset_h});
}

void MapRenderer::draw(sf::RenderTarget& target, const MapView& view, const MapState& state,
                       const std::vector<ScreenRect>& obstacles,
                       std::optional<sf::FloatRect> tile) {
    tile_ = tile;
    pattern_scale_ = static_cast<float>(std::max(1.0, state.ui_scale));
    stats_ = {};
    occupied_.clear();
    pending_labels_.clear();
    occupied_.insert(occupied_.end(), obstacles.begin(), obstacles.end());
    target.setActive(true);
    // Colour, depth and stencil cleared in one call: clearing the stencil alone makes a
    // packed depth-stencil buffer keep its depth bits, a read-modify-write of every pixel on
    // a software rasteriser; a full clear is a plain fill. Depth itself is never used.
    const sf::Color background = state.shows(Layer::sea) ? style::sea : sf::Color::White;
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glStencilMask(0xFF);
    glDepthMask(GL_TRUE);
    glClearStencil(0);
    glClearDepth(1.0);
    glClearColor(background.r / 255.f, background.g / 255.f, background.b / 255.f,
                 background.a / 255.f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    target.setView(map_sf_view(view, tile_));
    if (state.shows(Layer::land) && scene_.has_land) {
        fill_sets(target, {&scene_.land}, view, style::land, nullptr);
    }
    if (state.shows(Layer::lakes) && scene_.has_lakes) {
        fill_sets(target, {&scene_.lakes}, view, style::sea, nullptr);
    }
    if (state.shows(Layer::graticule)) {
        target.setView(screen_sf_view(view, tile_));
        draw_graticule(target, view, state);
        target.setView(map_sf_view(view, tile_));
    }
    if (state.shows(Layer::status)) {
        draw_status(target, view, state);
        if (state.shows(Layer::lakes) && scene_.has_lakes) {
            fill_sets(target, {&scene_.lakes}, view, style::sea, nullptr); // lakes stay water
        }
    }
    if (state.shows(Layer::land) && scene_.has_land) {
        draw_outlines(target, scene_.land, view,
                      state.high_contrast ? sf::Color(20, 20, 20) : style::coast);
    }
    if (state.shows(Layer::lakes) && scene_.has_lakes) {
        draw_outlines(target, scene_.lakes, view, style::coast);
    }
    target.setView(screen_sf_view(view, tile_));
    draw_furniture(target, view, state);
    if (state.shows(Layer::graticule)) {
        draw_graticule_labels(target, state);
    }
    if (state.shows(Layer::events)) {
        draw_events(target, view, state);
    } else {
        markers_.clear();
    }
    if (state.shows(Layer::lines)) {
        draw_lines(target, view, state);
    }
    draw_labels(target, view, state);
    draw_measure(target, view, state);
}

} // namespace kuril
