// SPDX-License-Identifier: GPL-3.0-or-later
// The map's own furniture drawn from its layout (map/map_furniture.hpp): scale bar, north
// arrow and the inset locator.
#include "map/map_furniture.hpp"

#include "label_layer.hpp"
#include "pattern.hpp"
#include "render/map_renderer.hpp"
#include "render/polyline.hpp"
#include "render/style.hpp"
#include "render/vector_capture.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace kuril {

void MapRenderer::draw_furniture(sf::RenderTarget& target, const MapFrame& frame,
                                 const MapFurnitureLayout& layout) {
    const float ui = static_cast<float>(frame.state.ui_scale);
    const sf::Color dark(40, 40, 40);
    const ScaleBarLayout& scale = layout.scale_bar;
    const auto x0 = static_cast<float>(scale.start.x);
    const auto y0 = static_cast<float>(scale.start.y);
    const auto bar = static_cast<float>(scale.length_px);
    triangles_.clear();
    // White backing, then two alternating halves.
    append_polyline(triangles_, {{x0 - 3, y0}, {x0 + bar + 3, y0}}, 10 * ui, style::halo);
    append_polyline(triangles_, {{x0, y0}, {x0 + bar / 2, y0}}, 5 * ui, dark);
    append_polyline(triangles_, {{x0 + bar / 2, y0}, {x0 + bar, y0}}, 5 * ui,
                    sf::Color(150, 150, 150));
    draw_recorded(target, triangles_, sf::Triangles);
    sf::Text& label = text("scale", scale.label, static_cast<unsigned>(13 * ui));
    label.setFillColor(style::text);
    label.setOutlineColor(style::halo);
    label.setOutlineThickness(2);
    label.setPosition(std::round(x0), std::round(y0 - 24 * ui));
    draw_recorded(target, label);

    if (layout.north_arrow.shown) {
        const double angle = layout.north_arrow.angle;
        const sf::Vector2f base{static_cast<float>(layout.north_arrow.base.x),
                                static_cast<float>(layout.north_arrow.base.y)};
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
        draw_recorded(target, triangles_, sf::Triangles);
        sf::Text& n = text("north", "N", static_cast<unsigned>(14 * ui));
        n.setFillColor(style::text);
        n.setOutlineColor(style::halo);
        n.setOutlineThickness(2);
        const auto b = n.getLocalBounds();
        const sf::Vector2f at = tip + dir * (12 * ui);
        n.setPosition(std::round(at.x - b.width / 2), std::round(at.y - b.height / 2 - b.top));
        draw_recorded(target, n);
    }
    if (layout.inset.shown) {
        // The inset frames the map that shows: the view less the bands at its top and bottom.
        geo::Box shown = frame.view.visible_box();
        shown.max_y -= frame.state.reserved_top_px * frame.view.metres_per_pixel();
        shown.min_y += frame.state.reserved_bottom_px * frame.view.metres_per_pixel();
        draw_inset(target, shown, layout.inset);
    }
}

void MapRenderer::draw_inset(sf::RenderTarget& target, const geo::Box& visible,
                             const InsetLayout& layout) {
    const auto left = static_cast<float>(layout.rect.left);
    const auto top = static_cast<float>(layout.rect.top);
    const auto inset_w = static_cast<float>(layout.rect.width);
    const auto inset_h = static_cast<float>(layout.rect.height);
    const geo::Box& world = scene_.world;
    capture_inset(layout, world, visible, scene_.land, target);
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
    // A fraction of the current view's viewport (the whole target, or this draw's area).
    const sf::FloatRect port = target.getView().getViewport();
    inset.setViewport(sf::FloatRect(port.left + (left - ox) / size.x * port.width,
                                    port.top + (top - oy) / size.y * port.height,
                                    inset_w / size.x * port.width, inset_h / size.y * port.height));
    const sf::View saved = target.getView();
    target.setView(inset);
    if (!scene_.land.empty()) {
        draw_inset_land(target, inset);
    }
    sf::RectangleShape box({static_cast<float>(visible.max_x - visible.min_x),
                            static_cast<float>(visible.max_y - visible.min_y)});
    box.setPosition(static_cast<float>(visible.min_x), static_cast<float>(-visible.max_y));
    box.setFillColor(style::inset_box_fill);
    box.setOutlineColor(style::inset_box_edge);
    box.setOutlineThickness(
        static_cast<float>((world.max_x - world.min_x) / inset_w * style::inset_box_border));
    target.draw(box);
    target.setView(saved);
}

void MapRenderer::draw_inset_land(sf::RenderTarget& target, const sf::View& inset) {
    // The land of the coarsest level: thousands of triangles of a pixel or less, which a
    // software rasteriser took about 0.45 ms a frame to draw. They are drawn once into a
    // texture of the inset's pixels (opaque land, transparent elsewhere) and then, each frame,
    // as one quad over the same pixels: each pixel is the land's colour or left as it was, as
    // when the triangles are drawn there.
    const geo::Box& world = scene_.world;
    scratch_.clear();
    const sf::IntRect port = target.getViewport(inset);
    const sf::Vector2u size(static_cast<unsigned>(std::max(0, port.width)),
                            static_cast<unsigned>(std::max(0, port.height)));
    if (size.x == 0 || size.y == 0) {
        return;
    }
    if (!inset_land_ || inset_land_->getSize() != size) {
        for (const auto& piece : scene_.land.fills(scene_.land.level_count() - 1).fills) {
            for (const auto& v : piece.triangles) {
                scratch_.emplace_back(sf::Vector2f(v.x, v.y), style::inset_land);
            }
        }
        auto texture = std::make_unique<sf::RenderTexture>();
        if (!texture->create(size.x, size.y)) {
            // No texture: the triangles themselves, as before.
            target.draw(scratch_.data(), scratch_.size(), sf::Triangles);
            return;
        }
        sf::View whole = inset;
        whole.setViewport(sf::FloatRect(0, 0, 1, 1));
        texture->setView(whole);
        texture->clear(sf::Color::Transparent);
        texture->draw(scratch_.data(), scratch_.size(), sf::Triangles, sf::BlendNone);
        texture->display();
        inset_land_ = std::move(texture);
        target.setActive(true);
    }
    // The quad covers the inset's view, so its texels fall one on each pixel of the viewport.
    const auto left = static_cast<float>(world.min_x);
    const auto right = static_cast<float>(world.max_x);
    const auto top = static_cast<float>(-world.max_y);
    const auto bottom = static_cast<float>(-world.min_y);
    const auto width = static_cast<float>(size.x);
    const auto height = static_cast<float>(size.y);
    const std::array<sf::Vertex, 4> quad{
        sf::Vertex({left, top}, sf::Color::White, {0, 0}),
        sf::Vertex({right, top}, sf::Color::White, {width, 0}),
        sf::Vertex({left, bottom}, sf::Color::White, {0, height}),
        sf::Vertex({right, bottom}, sf::Color::White, {width, height})};
    target.draw(quad.data(), quad.size(), sf::TriangleStrip,
                sf::RenderStates(&inset_land_->getTexture()));
}

} // namespace kuril
