// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map_renderer.hpp"

#include "geo/geodesic.hpp"
#include "label_layer.hpp"
#include "map/map_furniture.hpp"
#include "map_space.hpp"
#include "pattern.hpp"
#include "render/polyline.hpp"
#include "render/style.hpp"
#include "render/text.hpp"
#include "render/vector_capture.hpp"

#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

namespace kuril {
namespace {

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

sf::Vector2f to_screen(const MapView& view, geo::Point map_north_up) {
    const geo::Point s = view.map_to_screen(map_north_up);
    return {static_cast<float>(s.x), static_cast<float>(s.y)};
}

} // namespace

namespace detail {

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

/// The view's whole image in screen pixels: what a line must reach to be drawn.
sf::FloatRect on_screen(const MapView& view) {
    return {0.f, 0.f, static_cast<float>(view.width_px()), static_cast<float>(view.height_px())};
}

void append_level_outlines(std::vector<sf::Vertex>& out, const LodLevel& level, const MapView& view,
                           const geo::Box& visible, float width, sf::Color colour) {
    std::vector<sf::Vector2f> chain;
    const sf::FloatRect screen = on_screen(view);
    const auto flush = [&] {
        if (chain.size() >= 2) {
            append_polyline(out, chain, width, colour, {}, screen);
        }
        chain.clear();
    };
    for (const auto& outline : level.outlines) {
        if (!outline.bounds.overlaps(visible)) {
            continue;
        }
        for (std::size_t i = 0; i + 1 < outline.segments.size(); i += 2) {
            const MapVertex a = outline.segments[i];
            const MapVertex b = outline.segments[i + 1];
            const sf::Vector2f sa = to_screen(view, {a.x, -a.y});
            if (chain.empty() || chain.back() != sa) {
                flush();
                chain.push_back(sa);
            }
            chain.push_back(to_screen(view, {b.x, -b.y}));
        }
        flush();
    }
}

} // namespace detail

using detail::on_screen;
using detail::visible_map_box;

MapRenderer::MapRenderer(const MapScene& scene, const sf::Font& font)
    : scene_(scene), font_(font), labels_(std::make_unique<detail::LabelLayer>(font)) {
    scratch_.reserve(1 << 18);
    triangles_.reserve(1 << 14);
}

MapRenderer::~MapRenderer() = default;

sf::Text& MapRenderer::text(const std::string& key, const std::string& content, unsigned size) {
    return labels_->text(key, content, size);
}

void MapRenderer::fill_sets(sf::RenderTarget& target, const std::vector<const PolygonSet*>& sets,
                            const MapView& view, sf::Color color, const sf::Texture* pattern) {
    const geo::Box visible = visible_map_box(view, tile_);
    scratch_.clear();
    // A pattern is screen-aligned: its texture coordinates are each vertex's pixel in the whole
    // image (one texel per pixel, built at this frame's pixel scale), so it is never magnified
    // and the tiles of an export match.
    const double scale = view.metres_per_pixel();
    const geo::Point origin = view.screen_to_map({0, 0}); // north-up metres of pixel (0, 0)
    for (const PolygonSet* set : sets) {
        if (set->empty() || !set->bounds.overlaps(visible)) {
            continue;
        }
        const LodLevel& level = set->fills_for(scale);
        for (const auto& piece : level.fills) {
            if (!piece.bounds.overlaps(visible)) {
                continue;
            }
            if (pattern == nullptr) {
                for (const auto& v : piece.triangles) {
                    scratch_.emplace_back(sf::Vector2f(v.x, v.y), color);
                }
                continue;
            }
            for (const auto& v : piece.triangles) {
                const sf::Vector2f pixel(static_cast<float>((v.x - origin.x) / scale),
                                         static_cast<float>((v.y + origin.y) / scale));
                scratch_.emplace_back(sf::Vector2f(v.x, v.y), color, pixel);
            }
        }
    }
    if (scratch_.empty()) {
        return;
    }
    stats_.fill_vertices += scratch_.size();
    if (VectorCapture::active() != nullptr) {
        const float period = pattern != nullptr ? static_cast<float>(pattern->getSize().x) : 0.f;
        const float band = pattern == &hatch_ ? style::hatch_width * pattern_scale_ : period / 2;
        capture_fill(sets, view, color, period, pattern != nullptr ? band : 0.f, target);
    }
    sf::RenderStates states;
    states.texture = pattern;
    // An opaque plain fill replaces what is under it: no blending, so a software rasteriser
    // writes its pixels without reading them first (triangles never overlap, nor anti-alias).
    if (pattern == nullptr && color.a == 255) {
        states.blendMode = sf::BlendNone;
    }
    target.draw(scratch_.data(), scratch_.size(), sf::Triangles, states);
}

std::vector<const PolygonSet*> MapRenderer::land_fills(const MapFrame& frame) const {
    // Under the status layer the land is the land outside the regions, and the regions not
    // coloured at this date (or under this point of view): each pixel is then filled once,
    // in the land's colour or a status colour, never both. A vector output keeps the whole
    // land under the regions: two fills meeting along an edge would show a hairline seam
    // where a viewer anti-aliases both.
    if (!frame.state.shows(Layer::status) || !scene_.has_land_outside_regions ||
        VectorCapture::active() != nullptr) {
        return {&scene_.land};
    }
    std::vector<bool> coloured(scene_.regions.size(), false);
    for (const auto& shown : frame.regions) {
        if (shown.symbol.look != StatusSymbol::Look::uncoloured) {
            coloured[static_cast<std::size_t>(shown.region - scene_.regions.data())] = true;
        }
    }
    std::vector<const PolygonSet*> sets{&scene_.land_outside_regions};
    for (std::size_t i = 0; i < scene_.regions.size(); ++i) {
        if (scene_.regions[i].cut_from_land && !coloured[i]) {
            sets.push_back(&scene_.regions[i].shapes);
        }
    }
    return sets;
}

void MapRenderer::draw_outlines(sf::RenderTarget& target, const PolygonSet& set,
                                const MapView& view, sf::Color color, float width_px) {
    if (set.empty()) {
        return;
    }
    const geo::Box visible = visible_map_box(view, tile_);
    const LodLevel& level = set.outlines_for(view.metres_per_pixel());
    scratch_.clear();
    for (const auto& chunk : level.outlines) {
        if (!chunk.bounds.overlaps(visible)) {
            continue;
        }
        for (const auto& v : chunk.segments) {
            scratch_.emplace_back(sf::Vector2f(v.x, v.y), color);
        }
    }
    stats_.outline_vertices += scratch_.size();
    if (!scratch_.empty()) {
        capture_outline(set, view, color, target);
        // Wider than a pixel (the projector theme): OpenGL's own wide lines, no extra vertices.
        if (width_px > 1.f) {
            glLineWidth(std::round(width_px));
        }
        sf::RenderStates states;
        if (color.a == 255) {
            states.blendMode = sf::BlendNone; // opaque: written without reading the target
        }
        target.draw(scratch_.data(), scratch_.size(), sf::Lines, states);
        if (width_px > 1.f) {
            glLineWidth(1.f);
        }
    }
}

void MapRenderer::warm_up_driver(sf::RenderTarget& target, const sf::Font& font,
                                 sf::Color background) {
    target.setActive(true);
    target.setView(target.getDefaultView());
    const sf::Color opaque(90, 120, 150);
    const sf::Color translucent(90, 120, 150, 128);
    const auto triangle = [](sf::Color color) {
        return std::array<sf::Vertex, 3>{sf::Vertex({1.f, 1.f}, color, {0.f, 0.f}),
                                         sf::Vertex({9.f, 1.f}, color, {8.f, 0.f}),
                                         sf::Vertex({1.f, 9.f}, color, {0.f, 8.f})};
    };
    const auto line = [](sf::Color color) {
        return std::array<sf::Vertex, 2>{sf::Vertex({1.f, 2.f}, color),
                                         sf::Vertex({9.f, 6.f}, color)};
    };
    sf::RenderStates replace;
    replace.blendMode = sf::BlendNone;
    const sf::Texture pattern = detail::make_pattern(6.f, 2.f);
    sf::RenderStates patterned;
    patterned.texture = &pattern;
    // The map: flat shading; fills and lines opaque and translucent, wide lines, a pattern.
    glShadeModel(GL_FLAT);
    for (const sf::RenderStates& states : {replace, sf::RenderStates::Default}) {
        const sf::Color color = states.blendMode == sf::BlendNone ? opaque : translucent;
        target.draw(triangle(color).data(), 3, sf::Triangles, states);
        target.draw(line(color).data(), 2, sf::Lines, states);
        glLineWidth(3.f);
        target.draw(line(color).data(), 2, sf::Lines, states);
        glLineWidth(1.f);
    }
    target.draw(triangle(translucent).data(), 3, sf::Triangles, patterned);
    glShadeModel(GL_SMOOTH);
    // The labels and the UI: text with and without a halo, translucent shapes and lines.
    target.draw(triangle(translucent).data(), 3, sf::Triangles);
    target.draw(line(translucent).data(), 2, sf::Lines);
    sf::Text text("Aa", font, 12);
    text.setPosition(2.f, 2.f);
    text.setFillColor(translucent);
    target.draw(text);
    text.setOutlineThickness(1.f);
    target.draw(text);
    target.clear(background);
}

void MapRenderer::prepare_patterns(float ui_scale) {
    if (ui_scale == pattern_scale_ && hatch_.getSize().x > 0) {
        return;
    }
    pattern_scale_ = ui_scale;
    hatch_ = detail::make_pattern(style::hatch_spacing * ui_scale, style::hatch_width * ui_scale);
    stripes_ = detail::make_pattern(style::stripe_spacing * ui_scale,
                                    style::stripe_spacing * ui_scale / 2);
}

void MapRenderer::draw_claim_outlines(sf::RenderTarget& target, const MapFrame& frame) {
    // Claimed land is outlined in each claimant's colour over its fill and coast: an islet
    // of two pixels, too small for the hatching, still shows who claims it.
    const MapView& view = frame.view;
    const geo::Box visible = visible_map_box(view, tile_);
    const float width = style::claim_outline_width * static_cast<float>(frame.state.ui_scale);
    triangles_.clear();
    for (const auto& shown : frame.regions) {
        const PolygonSet& set = shown.region->shapes;
        // Disputed land (the neutral view) is outlined in neither side's colour.
        if (shown.symbol.look != StatusSymbol::Look::party || shown.symbol.hatches.empty() ||
            set.empty() || !set.bounds.overlaps(visible)) {
            continue;
        }
        // Two claimants (never recorded so far) would share the outline; the first is drawn.
        detail::append_level_outlines(triangles_, set.outlines_for(view.metres_per_pixel()), view,
                                      visible, width,
                                      style::party_hatch(shown.symbol.hatches.front()));
    }
    draw_recorded(target, triangles_, sf::Triangles);
}

void MapRenderer::draw_status(sf::RenderTarget& target, const MapFrame& frame) {
    // Group regions by how they are drawn so each style is one draw call.
    std::map<geo::Party, std::vector<const PolygonSet*>> fills;   // administered (alone or first)
    std::map<geo::Party, std::vector<const PolygonSet*>> joint;   // co-administered: stripes
    std::map<geo::Party, std::vector<const PolygonSet*>> hatches; // claimed, not administered
    std::vector<const PolygonSet*> disputed; // the neutral view: neither side's colour
    std::vector<const PolygonSet*> glowing;
    for (const auto& shown : frame.regions) {
        const PolygonSet* shapes = &shown.region->shapes;
        if (shown.highlighted) {
            glowing.push_back(shapes);
        }
        if (shown.symbol.look == StatusSymbol::Look::uncoloured) {
            continue; // the land's own colour
        }
        if (shown.symbol.look == StatusSymbol::Look::disputed) {
            disputed.push_back(shapes);
            continue;
        }
        fills[shown.symbol.fill].push_back(shapes);
        for (const auto party : shown.symbol.stripes) {
            joint[party].push_back(shapes);
        }
        for (const auto party : shown.symbol.hatches) {
            hatches[party].push_back(shapes);
        }
    }
    const MapView& view = frame.view;
    for (const auto& [party, sets] : fills) {
        fill_sets(target, sets, view, style::party_fill(party), nullptr);
    }
    for (const auto& [party, sets] : joint) {
        fill_sets(target, sets, view, style::party_fill(party), &stripes_);
    }
    for (const auto& [party, sets] : hatches) {
        fill_sets(target, sets, view, style::party_hatch(party), &hatch_);
    }
    if (!disputed.empty()) {
        fill_sets(target, disputed, view, style::disputed_fill, nullptr);
        fill_sets(target, disputed, view, style::disputed_hatch, &hatch_);
    }
    // Islands whose status just changed glow briefly.
    if (!glowing.empty()) {
        sf::Color glow = style::highlight;
        glow.a = static_cast<sf::Uint8>(150 * frame.state.highlight_strength);
        fill_sets(target, glowing, view, glow, nullptr);
    }
}

void MapRenderer::draw_graticule(sf::RenderTarget& target, const MapFrame& frame) {
    const float line_width = static_cast<float>(std::max(1.0, frame.state.ui_scale * 0.8));
    triangles_.clear();
    thin_lines_.clear();
    // A hairline is drawn through the points more than a 200th of a pixel off the line through
    // their neighbours: a meridian of a conic projection is straight (2 points, not 150). Each
    // segment costs a software rasteriser about as much as a hundred pixels of line, and the
    // points left out move no pixel but the odd one on the edge of the line.
    constexpr double hairline_tolerance_px = 0.005;
    std::vector<sf::Vector2f> points;
    for (const auto* lines : {&frame.graticule->meridians, &frame.graticule->parallels}) {
        for (const auto& traced : *lines) {
            std::vector<geo::Point> simplified;
            if (line_width <= 1.5f) {
                simplified = simplify_line(traced, hairline_tolerance_px);
            }
            points.clear();
            for (const auto& p : line_width <= 1.5f ? simplified : traced) {
                points.emplace_back(static_cast<float>(p.x), static_cast<float>(p.y));
            }
            if (line_width <= 1.5f) {
                for (std::size_t i = 0; i + 1 < points.size(); ++i) {
                    thin_lines_.emplace_back(points[i], style::graticule);
                    thin_lines_.emplace_back(points[i + 1], style::graticule);
                }
            } else {
                append_polyline(triangles_, points, line_width, style::graticule);
            }
        }
    }
    draw_recorded(target, triangles_, sf::Triangles);
    draw_recorded(target, thin_lines_, sf::Lines);
}

void MapRenderer::draw_graticule_labels(sf::RenderTarget& target, const MapFrame& frame) {
    const unsigned size = static_cast<unsigned>(std::lround(12 * frame.state.ui_scale));
    for (const auto& label : frame.graticule->labels) {
        const sf::Vector2f position(static_cast<float>(label.at.x), static_cast<float>(label.at.y));
        const ScreenRect probe{position.x - 30, position.y - 10, 60, 24};
        if (!labels_->is_free(probe)) {
            continue;
        }
        sf::Text& t = text("grat:" + label.text, label.text, size);
        t.setFillColor(sf::Color(70, 90, 110));
        t.setOutlineColor(style::halo);
        t.setOutlineThickness(2);
        const auto bounds = t.getLocalBounds();
        sf::Vector2f at = position;
        if (label.meridian) {
            at.x -= bounds.width / 2; // centred on the meridian
        } else {
            at.y -= bounds.height / 2 + bounds.top;
        }
        t.setPosition(std::round(at.x), std::round(at.y));
        draw_recorded(target, t);
        const ScreenRect taken{at.x, at.y, bounds.width, bounds.height + bounds.top};
        labels_->occupy(taken);
        labels_->report({label.text, "", LabelKind::graticule, taken, std::nullopt});
    }
}

void MapRenderer::draw_lines(sf::RenderTarget& target, const MapFrame& frame) {
    triangles_.clear();
    const float ui = static_cast<float>(frame.state.ui_scale);
    const float width = (frame.state.high_contrast ? 4.f : 2.5f) * ui;
    std::vector<sf::Vector2f> points;
    for (const auto& shown : frame.lines) {
        const sf::Color color = style::line_colour(shown.symbol.role);
        std::vector<float> pattern = shown.symbol.dash;
        for (auto& length : pattern) {
            length *= ui;
        }
        for (const auto& part : shown.line->projected) {
            points.clear();
            points.reserve(part.size());
            for (const auto& p : part) {
                points.push_back(to_screen(frame.view, p));
            }
            if (shown.highlighted) {
                sf::Color glow = style::highlight;
                glow.a = static_cast<sf::Uint8>(220 * frame.state.highlight_strength);
                append_polyline(triangles_, points, width + 8 * ui, glow);
            }
            append_polyline(triangles_, points, width, color, pattern, on_screen(frame.view));
        }
    }
    draw_recorded(target, triangles_, sf::Triangles);
}

void MapRenderer::draw_borders(sf::RenderTarget& target, const MapFrame& frame) {
    if (frame.borders.empty()) {
        return;
    }
    triangles_.clear();
    const float ui = static_cast<float>(frame.state.ui_scale);
    std::vector<float> pattern = style::country_border_dash;
    for (auto& length : pattern) {
        length *= ui;
    }
    std::vector<sf::Vector2f> points;
    for (const std::size_t index : frame.borders) {
        const auto& stretch = scene_.borders[index];
        points.clear();
        points.reserve(stretch.size());
        for (const auto& p : stretch) {
            points.push_back(to_screen(frame.view, p));
        }
        append_polyline(triangles_, points, style::country_border_width * ui, style::country_border,
                        pattern, on_screen(frame.view));
    }
    draw_recorded(target, triangles_, sf::Triangles);
}

void MapRenderer::draw_zones(sf::RenderTarget& target, const MapFrame& frame) {
    triangles_.clear();
    const float ui = static_cast<float>(frame.state.ui_scale);
    const float width = zone_line_width(frame.state.high_contrast) * ui;
    std::vector<sf::Vector2f> points;
    for (const auto& shown : frame.zones) {
        const sf::Color color = style::line_colour(shown.symbol.role);
        std::vector<float> pattern = shown.symbol.dash;
        for (auto& length : pattern) {
            length *= ui;
        }
        for (const auto& part : shown.zone->projected) {
            points.clear();
            points.reserve(part.size());
            for (const auto& p : part) {
                points.push_back(to_screen(frame.view, p));
            }
            append_polyline(triangles_, points, width, color, pattern, on_screen(frame.view));
        }
    }
    draw_recorded(target, triangles_, sf::Triangles);
}

void MapRenderer::draw_events(sf::RenderTarget& target, const MapFrame& frame) {
    triangles_.clear();
    const float radius = 6.f * static_cast<float>(frame.state.ui_scale);
    for (const auto& shown : frame.events) {
        const sf::Vector2f at(static_cast<float>(shown.screen.x),
                              static_cast<float>(shown.screen.y));
        const sf::Color fill = shown.selected ? style::highlight : style::event_marker;
        append_marker(triangles_, at, radius, fill);
    }
    // Events elsewhere: the marker, and an arrow from it toward the place.
    const float ui = static_cast<float>(frame.state.ui_scale);
    for (const auto& shown : off_map_) {
        const sf::Color fill = shown.selected ? style::highlight : style::event_marker;
        // A shaft from the marker to the head, cased in white like the marker.
        const float head = 11.f * ui;
        const std::vector<sf::Vector2f> shaft = {shown.marker, shown.tip - shown.direction * head};
        append_polyline(triangles_, shaft, 2.5f * ui + 3.f, sf::Color::White);
        append_polyline(triangles_, shaft, 2.5f * ui, fill);
        append_arrowhead(triangles_, shown.tip, shown.direction, head, 12.f * ui, fill);
        append_marker(triangles_, shown.marker, radius, fill);
    }
    draw_recorded(target, triangles_, sf::Triangles);
}

void MapRenderer::place_off_map_events(const MapFrame& frame, const MapView& view) {
    off_map_.clear();
    const float ui = static_cast<float>(frame.state.ui_scale);
    const double radius = 6.0 * ui + 1.5;
    const double top = frame.state.reserved_top_px;
    const double bottom = std::max(top, view.height_px() - frame.state.reserved_bottom_px);
    const double step = 12.0 * ui;
    for (const auto& shown : frame.off_map_events) {
        // The frame's place on the edge, or the nearest free one along the same edge.
        const geo::Point d = shown.direction;
        const geo::Point back{shown.marker.x - shown.tip.x, shown.marker.y - shown.tip.y};
        const double margin = 8.0 * ui;
        const bool on_left = std::abs(shown.tip.x - margin) < 1;
        const bool on_side = on_left || std::abs(shown.tip.x - (view.width_px() - margin)) < 1;
        const bool on_top = std::abs(shown.tip.y - (top + margin)) < 1;
        // Along the edge first, then further in (past a band drawn over the map's edge).
        const geo::Point along = on_side ? geo::Point{0, 1} : geo::Point{1, 0};
        const geo::Point inward =
            on_side ? geo::Point{on_left ? 1.0 : -1.0, 0} : geo::Point{0, on_top ? 1.0 : -1.0};
        std::optional<geo::Point> tip;
        ScreenRect box;
        for (int k = 0; k < 61 * 8 && !tip; ++k) {
            const double offset = step * ((k % 61 + 1) / 2) * (k % 2 == 0 ? 1 : -1);
            const double in = step * (k / 61);
            const geo::Point t{shown.tip.x + along.x * offset + inward.x * in,
                               shown.tip.y + along.y * offset + inward.y * in};
            const geo::Point m{t.x + back.x, t.y + back.y};
            if (t.x < 0 || t.x > view.width_px() || t.y < top || t.y > bottom ||
                m.y - radius < top || m.y + radius > bottom || m.x - radius < 0 ||
                m.x + radius > view.width_px()) {
                continue;
            }
            const double left = std::min(t.x, m.x - radius) - 2;
            const double upper = std::min(t.y, m.y - radius) - 2;
            box = {left, upper, std::max(t.x, m.x + radius) + 2 - left,
                   std::max(t.y, m.y + radius) + 2 - upper};
            if (labels_->is_free(box)) {
                tip = t;
            }
        }
        if (!tip) {
            continue; // the edge is covered: the timeline and the panel still list the event
        }
        labels_->occupy(box);
        const geo::Point marker{tip->x + back.x, tip->y + back.y};
        off_map_.push_back(
            {sf::Vector2f(static_cast<float>(tip->x), static_cast<float>(tip->y)),
             sf::Vector2f(static_cast<float>(marker.x), static_cast<float>(marker.y)),
             sf::Vector2f(static_cast<float>(d.x), static_cast<float>(d.y)),
             frame.state.selected_event == shown.event->id});
        // Its title beside the marker (text on the map is the labels layer's), on the side
        // away from the edge first, wrapped short.
        if (!frame.state.shows(Layer::labels)) {
            continue;
        }
        const auto px = static_cast<unsigned>(std::max(8L, std::lround(12.0 * ui)));
        const std::string content = wrap_text(shown.label, font_, px, 190.f * ui);
        sf::Text& t = text("offmap:" + shown.event->id, content, px);
        const auto [w, h] = detail::LabelLayer::measure(t);
        // Right, left, below or above the marker and its arrow (the box they take).
        std::vector<std::pair<double, LabelCandidate>> ranked;
        const std::array<geo::Point, 4> sides = {geo::Point{1, 0}, geo::Point{-1, 0},
                                                 geo::Point{0, 1}, geo::Point{0, -1}};
        for (const auto& side : sides) {
            LabelCandidate candidate;
            const double left = side.x > 0   ? box.right() + 2
                                : side.x < 0 ? box.left - 2 - w
                                             : marker.x - w / 2;
            const double upper = side.y > 0   ? box.bottom() + 2
                                 : side.y < 0 ? box.top - 2 - h
                                              : marker.y - h / 2;
            candidate.rect = {left, upper, w, h};
            ranked.push_back({side.x * d.x + side.y * d.y, candidate});
        }
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        LabelRequest request;
        request.anchor_x = marker.x;
        request.anchor_y = marker.y;
        request.width = w;
        request.height = h;
        request.priority = 3500; // after the disputed islands' names, before the others
        request.owner = LandMask::no_land;
        for (const auto& [rank, candidate] : ranked) {
            request.candidates.push_back(candidate);
        }
        labels_->request({{&t, content}}, std::move(request), LabelKind::event, shown.event->id);
    }
}

const LandMask& MapRenderer::land_mask(const MapView& view, double cell) {
    // The mask depends only on the view and what covers it: frames that only fade a highlight
    // or a caption reuse it.
    const auto same_rect = [](const ScreenRect& a, const ScreenRect& b) {
        return a.left == b.left && a.top == b.top && a.width == b.width && a.height == b.height;
    };
    const bool same =
        land_mask_ && land_key_.center.x == view.center().x &&
        land_key_.center.y == view.center().y && land_key_.mpp == view.metres_per_pixel() &&
        land_key_.width == view.width_px() && land_key_.height == view.height_px() &&
        land_key_.cell == cell && land_key_.hidden.size() == hidden_.size() &&
        std::equal(hidden_.begin(), hidden_.end(), land_key_.hidden.begin(), same_rect);
    if (!same) {
        land_mask_.emplace(scene_, view, cell, hidden_);
        land_key_ = {
            view.center(), view.metres_per_pixel(), view.width_px(), view.height_px(), cell,
            hidden_};
    }
    return *land_mask_;
}

void MapRenderer::place_labels(const MapFrame& frame) {
    const MapView& view = frame.view;
    const float ui = static_cast<float>(frame.state.ui_scale);
    // Event markers yield to the names of disputed islands, and only to them.
    const float radius = 6.f * ui + 1.5f;
    for (const auto& shown : frame.events) {
        labels_->occupy_softly(
            {shown.screen.x - radius, shown.screen.y - radius, 2 * radius, 2 * radius});
    }
    // So do the points of the user's layers (drawn as user_layers.cpp draws them).
    for (const auto& shown : frame.user_features) {
        const SceneUserLayer& layer = scene_.user_layers[shown.layer];
        const double r = style::user_point_radius(layer.style.width, frame.state.ui_scale) + 1.5;
        for (const auto& p : layer.features[shown.feature].points) {
            const geo::Point s = view.map_to_screen(p);
            labels_->occupy_softly({s.x - r, s.y - r, 2 * r, 2 * r});
        }
    }
    // Which land is where: only when something is to be named (a frame without labels, events
    // or off-map events rasterises no coast).
    static const LandMask all_sea;
    const bool names =
        !frame.labels.empty() || !frame.events.empty() || !frame.off_map_events.empty();
    const LandMask& land =
        names ? land_mask(view, std::max(3.0, 2.0 * frame.state.ui_scale)) : all_sea;
    place_off_map_events(frame, view);
    const float line_width = (frame.state.high_contrast ? 4.f : 2.5f) * ui;
    // A town's or a cape's dot (and its ring), scaled as the text is.
    const float dot = 4.5f * ui;
    for (const auto& label : frame.labels) {
        const double size = label.size_px * frame.state.ui_scale;
        const auto variant = [&](const std::string& content, double scale, int index) {
            const auto px = static_cast<unsigned>(std::max(8L, std::lround(size * scale)));
            sf::Text& t = text(label.key + ":" + std::to_string(index), content, px);
            t.setStyle(label.italic ? sf::Text::Italic : sf::Text::Regular);
            // A sea's name is spaced out, as atlases set the names of large areas.
            t.setLetterSpacing(label.place_style == PlaceStyle::sea ? 1.6f : 1.f);
            const sf::Color fill = label.place_style == PlaceStyle::sea     ? style::sea_text
                                   : label.place_style == PlaceStyle::water ? style::water_text
                                                                            : style::text;
            return detail::LabelLayer::Variant{&t, content, fill};
        };
        std::vector<detail::LabelLayer::Variant> variants = {variant(label.text, 1.0, 0)};
        LabelRequest request;
        request.anchor_x = label.anchor.x;
        request.anchor_y = label.anchor.y;
        request.priority = label.priority;
        request.owner = label.region;
        request.essential = label.essential;
        // Names placed after the towns' keep off their dots; an island's, placed first, need not
        // (a town whose dot it covers is not named).
        request.avoid_symbols = label.kind != LabelKind::island;
        if (label.kind == LabelKind::line ||
            (label.kind == LabelKind::user && !label.path.empty())) {
            request.owner = LandMask::no_land;
            if (!label.short_text.empty()) {
                variants.push_back(variant(label.short_text, 1.0, 1));
            }
            // Along the line in every script first; beside it (one script first) only where
            // the line is too short or too bent.
            std::vector<std::array<double, 2>> sizes;
            for (auto& v : variants) {
                sizes.push_back(detail::LabelLayer::measure(*v.text));
            }
            const double clearance = line_width / 2 + 2;
            for (std::size_t v = 0; v < variants.size(); ++v) {
                for (auto candidate :
                     line_candidates_along(label.path, sizes[v][0], sizes[v][1], clearance)) {
                    candidate.variant = static_cast<int>(v);
                    request.candidates.push_back(candidate);
                }
            }
            for (std::size_t v = variants.size(); v-- > 0;) {
                for (auto candidate :
                     line_candidates_beside(label.path, sizes[v][0], sizes[v][1], clearance)) {
                    candidate.variant = static_cast<int>(v);
                    request.candidates.push_back(candidate);
                }
            }
        } else {
            if (label.essential) {
                // Smaller, then in one script, then smaller still: never dropped.
                variants.push_back(variant(label.text, 0.8, 1));
                if (!label.short_text.empty()) {
                    variants.push_back(variant(label.short_text, 1.0, 2));
                    variants.push_back(variant(label.short_text, 0.8, 3));
                }
                variants.push_back(
                    variant(label.short_text.empty() ? label.text : label.short_text, 0.65, 4));
            }
            std::vector<std::array<double, 2>> sizes;
            for (auto& v : variants) {
                sizes.push_back(detail::LabelLayer::measure(*v.text));
            }
            const auto& [w0, h0] = sizes.front();
            request.width = w0;
            request.height = h0;
            std::optional<ScreenRect> feature =
                label.kind == LabelKind::island ? land.bounds_of(label.region) : std::nullopt;
            if (!feature && label.kind == LabelKind::island && label.region >= 0) {
                continue; // none of its land is on screen
            }
            if (label.beside_main_island) {
                feature = label.feature_box; // a group's name stands by its namesake
            }
            if (label.place_style == PlaceStyle::dot) {
                // Beside its dot. Towns and capes lie on coasts, among islets the coastline
                // does not tag: the name is not held to one island's land, only kept off the
                // names and dots already placed.
                feature = ScreenRect{label.anchor.x - dot, label.anchor.y - dot, 2 * dot, 2 * dot};
                request.symbol = feature;
                request.owner = LandMask::sea;
            } else if (label.place_style != PlaceStyle::none) {
                // Water and land features without a symbol: the name is centred on the place.
                request.owner = label.region >= 0 ? label.region : LandMask::sea;
                if (label.place_style == PlaceStyle::sea ||
                    label.place_style == PlaceStyle::water) {
                    request.owner = LandMask::no_land;
                }
                for (std::size_t v = 0; v < sizes.size(); ++v) {
                    const auto& [w, h] = sizes[v];
                    for (const auto& [dx, dy] :
                         {std::pair{0.0, 0.0}, std::pair{0.0, -0.8}, std::pair{0.0, 0.8},
                          std::pair{-0.35, 0.0}, std::pair{0.35, 0.0}}) {
                        LabelCandidate candidate;
                        candidate.rect = {label.anchor.x - w / 2 + dx * w,
                                          label.anchor.y - h / 2 + dy * h, w, h};
                        candidate.variant = static_cast<int>(v);
                        request.candidates.push_back(candidate);
                    }
                }
                labels_->request(std::move(variants), std::move(request), label.kind,
                                 label.feature);
                continue;
            }
            if (!feature) {
                feature = ScreenRect{label.anchor.x - 2, label.anchor.y - 2, 4, 4};
            }
            request.candidates =
                island_candidates(*feature, label.anchor, sizes, label.essential, true);
            request.leader_land = &land;
            request.leader_owner = label.region;
        }
        labels_->request(std::move(variants), std::move(request), label.kind, label.feature);
    }
    const auto [placed, hidden] = labels_->place(view.width_px(), view.height_px(), &land);
    stats_.labels_placed += placed;
    stats_.labels_hidden += hidden;
}

void MapRenderer::draw_place_dots(sf::RenderTarget& target, const MapFrame& frame) {
    triangles_.clear();
    const float radius = 3.f * static_cast<float>(frame.state.ui_scale);
    const auto& placed = labels_->placed();
    for (const auto& shown : frame.places) {
        if (shown.style != PlaceStyle::dot ||
            std::none_of(placed.begin(), placed.end(), [&](const PlacedMapLabel& label) {
                return label.kind == LabelKind::place && label.feature == shown.place->id;
            })) {
            continue; // a dot without its name would be a riddle
        }
        append_marker(triangles_,
                      {static_cast<float>(shown.screen.x), static_cast<float>(shown.screen.y)},
                      radius, style::place_dot);
    }
    draw_recorded(target, triangles_, sf::Triangles);
}

const std::vector<PlacedMapLabel>& MapRenderer::placed_labels() const {
    return labels_->placed();
}

void MapRenderer::draw_measure(sf::RenderTarget& target, const MapView& view,
                               const MapState& state) {
    // Its own symbol, unlike any boundary: a solid magenta line cased in white, with round
    // white-ringed ends. The first click shows its end at once.
    if (state.measure_points.empty()) {
        return;
    }
    triangles_.clear();
    const float ui = static_cast<float>(state.ui_scale);
    std::vector<sf::Vector2f> points;
    for (const auto& p : state.measure_points) {
        points.push_back(to_screen(view, p));
    }
    auto disc = [&](sf::Vector2f at, float radius, sf::Color colour) {
        constexpr int segments = 20;
        for (int k = 0; k < segments; ++k) {
            const float a0 = 6.2831853f * static_cast<float>(k) / segments;
            const float a1 = 6.2831853f * static_cast<float>(k + 1) / segments;
            triangles_.emplace_back(at, colour);
            triangles_.emplace_back(at + sf::Vector2f(std::cos(a0), std::sin(a0)) * radius, colour);
            triangles_.emplace_back(at + sf::Vector2f(std::cos(a1), std::sin(a1)) * radius, colour);
        }
    };
    std::vector<sf::Vector2f> path;
    if (points.size() == 2) {
        // The geodesic, sampled, not the straight screen segment.
        const geo::Point a = scene_.projection->inverse(state.measure_points[0]);
        const geo::Point b = scene_.projection->inverse(state.measure_points[1]);
        for (int k = 0; k <= 32; ++k) {
            const double t = k / 32.0;
            path.push_back(to_screen(
                view, scene_.projection->forward({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t})));
        }
        append_polyline(triangles_, path, 7 * ui, style::measure_casing);
    }
    for (const auto& p : points) {
        disc(p, 7 * ui, style::measure_casing);
    }
    if (!path.empty()) {
        append_polyline(triangles_, path, 3 * ui, style::measure);
    }
    for (const auto& p : points) {
        disc(p, 5 * ui, style::measure);
        disc(p, 2 * ui, style::measure_casing);
    }
    target.draw(triangles_.data(), triangles_.size(), sf::Triangles);
    if (points.size() == 2) {
        const geo::Point a = scene_.projection->inverse(state.measure_points[0]);
        const geo::Point b = scene_.projection->inverse(state.measure_points[1]);
        const double metres = geo::geodesic_distance_m(a, b);
        sf::Text& t =
            text("measure", format_distance(metres, text_language_code(state.text_language)),
                 static_cast<unsigned>(16 * ui));
        t.setFillColor(style::measure);
        t.setOutlineColor(style::halo);
        t.setOutlineThickness(3);
        const sf::Vector2f mid = (points[0] + points[1]) / 2.f;
        t.setPosition(std::round(mid.x + 8 * ui), std::round(mid.y - 24 * ui));
        target.draw(t);
    }
}

void MapRenderer::draw(sf::RenderTarget& target, const MapView& view, const MapState& state,
                       const std::vector<ScreenRect>& obstacles, std::optional<sf::FloatRect> tile,
                       std::optional<sf::IntRect> area) {
    draw(target, build_frame(scene_, state, view), obstacles, tile, area);
}

sf::View MapRenderer::map_space_view(const MapView& view) const {
    return placed(map_sf_view(view, tile_));
}

sf::View MapRenderer::placed(sf::View view) const {
    if (viewport_) {
        view.setViewport(*viewport_);
    }
    return view;
}

void MapRenderer::draw(sf::RenderTarget& target, const MapFrame& frame,
                       const std::vector<ScreenRect>& obstacles, std::optional<sf::FloatRect> tile,
                       std::optional<sf::IntRect> area) {
    const MapView& view = frame.view;
    const MapState& state = frame.state;
    tile_ = tile;
    viewport_.reset();
    prepare_patterns(static_cast<float>(state.ui_scale));
    stats_ = {};
    labels_->begin(obstacles);
    hidden_ = obstacles;
    target.setActive(true);
    if (area) {
        // The views are mapped onto the area (glViewport) and the clear is cut to it (scissor):
        // the rest of the target, another half of a compare view, stays as it is.
        const sf::Vector2u size = target.getSize();
        viewport_ = sf::FloatRect(static_cast<float>(area->left) / static_cast<float>(size.x),
                                  static_cast<float>(area->top) / static_cast<float>(size.y),
                                  static_cast<float>(area->width) / static_cast<float>(size.x),
                                  static_cast<float>(area->height) / static_cast<float>(size.y));
        glEnable(GL_SCISSOR_TEST);
        glScissor(area->left, static_cast<GLint>(size.y) - area->top - area->height, area->width,
                  area->height);
    }
    // Colour only: fills are triangulated and drawn in one pass, nothing uses a stencil or
    // depth buffer (the targets have none).
    const sf::Color sea = style::sea_colour(state.high_contrast);
    const sf::Color background = state.shows(Layer::sea) ? sea : sf::Color::White;
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    // Each triangle of the map is one colour (its three vertices' colours are the same): flat
    // shading spares a software rasteriser interpolating colours across every pixel. Put back
    // at the end, for what others draw after the map.
    glShadeModel(GL_FLAT);
    glClearColor(background.r / 255.f, background.g / 255.f, background.b / 255.f,
                 background.a / 255.f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (VectorCapture::active() != nullptr) { // the clear, for a vector output
        target.setView(placed(screen_sf_view(view, tile_)));
        sf::RectangleShape clear(sf::Vector2f(static_cast<float>(view.width_px()),
                                              static_cast<float>(view.height_px())));
        clear.setFillColor(background);
        capture_rect(clear, target);
    }
    stage_done("clear");
    target.setView(placed(map_sf_view(view, tile_)));
    if (frame.land) {
        fill_sets(target, land_fills(frame), view, style::land_colour(state.high_contrast),
                  nullptr);
    }
    if (frame.lakes) {
        fill_sets(target, {&scene_.lakes}, view, sea, nullptr);
    }
    stage_done("land and lakes");
    if (frame.graticule) {
        target.setView(placed(screen_sf_view(view, tile_)));
        draw_graticule(target, frame);
        target.setView(placed(map_sf_view(view, tile_)));
    }
    stage_done("graticule");
    if (state.shows(Layer::status)) {
        draw_status(target, frame);
        if (frame.lakes) {
            fill_sets(target, {&scene_.lakes}, view, sea, nullptr); // lakes stay water
        }
    }
    stage_done("status");
    if (frame.land) {
        // The projector theme: a dark coast, two UI pixels wide.
        draw_outlines(target, scene_.land, view,
                      state.high_contrast ? style::coast_projector : style::coast,
                      state.high_contrast ? static_cast<float>(2 * state.ui_scale) : 1.f);
    }
    if (frame.lakes) {
        draw_outlines(target, scene_.lakes, view, style::coast);
    }
    stage_done("coasts");
    target.setView(placed(screen_sf_view(view, tile_)));
    draw_borders(target, frame);
    if (state.shows(Layer::status)) {
        draw_claim_outlines(target, frame);
    }
    stage_done("borders and claim outlines");
    draw_user_layers(target, frame); // the user's data: above the land, under the lines
    stage_done("user layers");
    // The map's own furniture, laid out before the labels, which keep out of it; drawn after
    // them, above every map feature.
    const MapFurnitureLayout furniture =
        layout_map_furniture(frame, state.reserved_top_px, state.reserved_bottom_px);
    for (const auto& rect : furniture.rects()) {
        labels_->occupy(rect);
    }
    // Names are placed before anything else claims the screen: a disputed island's name before
    // event markers and graticule labels.
    place_labels(frame);
    stage_done("label placement");
    if (frame.graticule) {
        draw_graticule_labels(target, frame);
    }
    stage_done("graticule labels");
    draw_zones(target, frame);
    draw_events(target, frame);
    draw_lines(target, frame);
    draw_place_dots(target, frame);
    stage_done("zones, events, lines, dots");
    labels_->draw(target, static_cast<float>(state.ui_scale));
    stage_done("names");
    draw_furniture(target, frame, furniture);
    draw_measure(target, view, state);
    stage_done("furniture");
    if (area) {
        glDisable(GL_SCISSOR_TEST);
    }
    target.setActive(true);
    glShadeModel(GL_SMOOTH);
}

} // namespace kuril
