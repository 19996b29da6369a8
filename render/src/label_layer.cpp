#include "label_layer.hpp"

#include "render/style.hpp"

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
    pending_.clear();
}

bool LabelLayer::is_free(const ScreenRect& rect) const {
    return std::none_of(occupied_.begin(), occupied_.end(),
                        [&](const ScreenRect& r) { return r.intersects(rect); });
}

void LabelLayer::request(sf::Text& text, sf::Vector2f anchor, int priority) {
    pending_.push_back({&text, anchor, priority});
}

std::pair<std::size_t, std::size_t> LabelLayer::place_and_draw(sf::RenderTarget& target,
                                                               double width, double height) {
    std::vector<LabelRequest> requests;
    for (std::size_t i = 0; i < pending_.size(); ++i) {
        const auto& pending = pending_[i];
        // Styled before measuring: the halo widens the bounds, and a cached text keeps its
        // style between frames, so measuring first would place labels differently the first
        // time (and in the first band of an export) than afterwards.
        pending.text->setFillColor(style::text);
        pending.text->setOutlineColor(style::halo);
        pending.text->setOutlineThickness(2.5f);
        const auto bounds = pending.text->getLocalBounds();
        LabelRequest request;
        request.anchor_x = pending.anchor.x;
        request.anchor_y = pending.anchor.y;
        request.width = bounds.width + 4;
        request.height = bounds.height + bounds.top + 4;
        request.priority = pending.priority;
        request.id = static_cast<int>(i);
        requests.push_back(std::move(request));
    }
    const auto placed = place_labels(requests, width, height, occupied_, 4.0);
    for (const auto& p : placed) {
        sf::Text& t = *pending_[static_cast<std::size_t>(p.id)].text;
        t.setPosition(std::round(static_cast<float>(p.rect.left + 2)),
                      std::round(static_cast<float>(p.rect.top + 2)));
        target.draw(t);
        occupied_.push_back(p.rect);
    }
    pending_.clear();
    return {placed.size(), requests.size() - placed.size()};
}

} // namespace kuril::detail
