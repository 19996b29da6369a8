// SPDX-License-Identifier: GPL-3.0-or-later
#include "label_layer.hpp"

#include "render/polyline.hpp"
#include "render/style.hpp"
#include "render/vector_capture.hpp"

#include <algorithm>
#include <cmath>

namespace kuril::detail {

sf::Text& LabelLayer::text(const std::string& key, const std::string& content, unsigned size) {
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

void LabelLayer::begin(const std::vector<ScreenRect>& obstacles) {
    occupied_ = obstacles;
    soft_.clear();
    pending_.clear();
    drawn_.clear();
    placed_.clear();
}

bool LabelLayer::is_free(const ScreenRect& rect) const {
    return std::none_of(occupied_.begin(), occupied_.end(),
                        [&](const ScreenRect& r) { return r.intersects(rect); });
}

std::array<double, 2> LabelLayer::measure(sf::Text& text) {
    // Styled before measuring: the halo widens the bounds, and a cached text keeps its style
    // between frames, so measuring first would place labels differently the first time (and
    // in the first band of an export) than afterwards.
    text.setFillColor(style::text);
    text.setOutlineColor(style::halo);
    text.setOutlineThickness(2.5f);
    const auto bounds = text.getLocalBounds();
    return {bounds.width + 4, bounds.height + bounds.top + 4};
}

void LabelLayer::request(std::vector<Variant> variants, LabelRequest request, LabelKind kind,
                         std::string feature) {
    request.id = static_cast<int>(pending_.size());
    pending_.push_back({std::move(variants), std::move(request), kind, std::move(feature)});
}

std::pair<std::size_t, std::size_t> LabelLayer::place(double width, double height,
                                                      const LandMask* land) {
    std::vector<LabelRequest> requests;
    requests.reserve(pending_.size());
    for (const auto& pending : pending_) {
        requests.push_back(pending.request);
    }
    const auto placed = place_labels(std::move(requests), width, height,
                                     LabelObstacles{occupied_, soft_, land}, 4.0);
    for (const auto& p : placed) {
        const Pending& pending = pending_[static_cast<std::size_t>(p.id)];
        const auto variant = std::clamp<std::size_t>(static_cast<std::size_t>(p.variant), 0,
                                                     pending.variants.size() - 1);
        drawn_.push_back({pending.variants[variant].text, p, pending.variants[variant].fill});
        placed_.push_back(
            {pending.variants[variant].content, pending.feature, pending.kind, p.rect, p.leader});
        occupied_.push_back(p.rect);
    }
    const std::size_t queued = pending_.size();
    pending_.clear();
    return {placed.size(), queued - placed.size()};
}

void LabelLayer::draw(sf::RenderTarget& target, float ui_scale) {
    std::vector<sf::Vertex> leaders;
    for (const auto& drawn : drawn_) {
        if (const auto& l = drawn.placement.leader) {
            const std::vector<sf::Vector2f> points = {
                {static_cast<float>((*l)[0]), static_cast<float>((*l)[1])},
                {static_cast<float>((*l)[2]), static_cast<float>((*l)[3])}};
            append_polyline(leaders, points, 3.5f * ui_scale, style::halo);
            append_polyline(leaders, points, 1.2f * ui_scale, style::text);
        }
    }
    if (!leaders.empty()) {
        draw_recorded(target, leaders, sf::Triangles);
    }
    for (const auto& drawn : drawn_) {
        sf::Text& t = *drawn.text;
        const ScreenRect& rect = drawn.placement.rect;
        measure(t);
        t.setFillColor(drawn.fill);
        if (drawn.placement.angle_deg == 0.0) {
            t.setOrigin(0, 0);
            t.setRotation(0);
            t.setPosition(std::round(static_cast<float>(rect.left + 2)),
                          std::round(static_cast<float>(rect.top + 2)));
        } else {
            // Rotated about the centre of its box, which is the centre of `rect`.
            const auto [w, h] = measure(t);
            t.setOrigin(static_cast<float>(w / 2 - 2), static_cast<float>(h / 2 - 2));
            t.setRotation(static_cast<float>(drawn.placement.angle_deg));
            t.setPosition(static_cast<float>(rect.left + rect.width / 2),
                          static_cast<float>(rect.top + rect.height / 2));
        }
        draw_recorded(target, t);
        t.setOrigin(0, 0);
        t.setRotation(0);
    }
}

} // namespace kuril::detail
