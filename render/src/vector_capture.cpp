// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/vector_capture.hpp"

#include <algorithm>
#include <stdexcept>

namespace kuril {
namespace {
thread_local VectorCapture* recording = nullptr;

/// The pixel rectangle of the target's current view.
sf::FloatRect area_of(const sf::RenderTarget& target) {
    const sf::IntRect port = target.getViewport(target.getView());
    return {static_cast<float>(port.left), static_cast<float>(port.top),
            static_cast<float>(port.width), static_cast<float>(port.height)};
}

/// Where the view's own pixels (a MapView's screen) start in the target.
sf::Vector2f origin_of(const sf::RenderTarget& target) {
    const sf::FloatRect area = area_of(target);
    return {area.left, area.top};
}

} // namespace

VectorCapture::~VectorCapture() {
    stop();
}

void VectorCapture::start() {
    if (recording != nullptr && recording != this) {
        throw std::logic_error("a vector capture is already recording on this thread");
    }
    items_.clear();
    clip_ = {};
    recording = this;
    active_ = true;
}

void VectorCapture::stop() {
    if (active_) {
        recording = nullptr;
        active_ = false;
    }
}

VectorCapture* VectorCapture::active() {
    return recording;
}

void VectorCapture::add(CapturedItem item, const sf::RenderTarget& target) {
    const sf::FloatRect area = area_of(target);
    if (area != clip_) {
        items_.emplace_back(std::in_place_type<CapturedClip>, area);
        clip_ = area;
    }
    items_.emplace_back(std::move(item));
}

sf::Transform view_to_pixels(const sf::RenderTarget& target) {
    const sf::View& view = target.getView();
    const sf::FloatRect area = area_of(target);
    sf::Transform t;
    t.translate(area.left + area.width / 2, area.top + area.height / 2);
    t.scale(area.width / view.getSize().x, area.height / view.getSize().y);
    t.rotate(-view.getRotation());
    t.translate(-view.getCenter());
    return t;
}

void capture_fill(const std::vector<const PolygonSet*>& sets, const MapView& view, sf::Color colour,
                  float pattern_period, float pattern_width, const sf::RenderTarget& target) {
    if (recording != nullptr) {
        recording->add(
            CapturedFill{sets, view, colour, pattern_period, pattern_width, origin_of(target)},
            target);
    }
}

void capture_outline(const PolygonSet& set, const MapView& view, sf::Color colour,
                     const sf::RenderTarget& target) {
    if (recording != nullptr) {
        recording->add(CapturedOutline{&set, view, colour, origin_of(target)}, target);
    }
}

namespace {

/// The vertices in the image's pixels, as the target's current view places them.
std::vector<sf::Vertex> in_pixels(const sf::Vertex* vertices, std::size_t count,
                                  const sf::RenderTarget& target) {
    const sf::Transform transform = view_to_pixels(target);
    std::vector<sf::Vertex> out(vertices, vertices + count);
    for (auto& v : out) {
        v.position = transform.transformPoint(v.position);
    }
    return out;
}

} // namespace

void capture_triangles(const sf::Vertex* vertices, std::size_t count,
                       const sf::RenderTarget& target) {
    if (recording != nullptr && count != 0) {
        recording->add(CapturedTriangles{in_pixels(vertices, count, target)}, target);
    }
}

void capture_lines(const sf::Vertex* vertices, std::size_t count, const sf::RenderTarget& target) {
    if (recording != nullptr && count != 0) {
        recording->add(CapturedLines{in_pixels(vertices, count, target)}, target);
    }
}

void capture_rect(const sf::RectangleShape& shape, const sf::RenderTarget& target) {
    if (recording == nullptr) {
        return;
    }
    const sf::Transform transform = view_to_pixels(target) * shape.getTransform();
    const sf::FloatRect rect = transform.transformRect({{0, 0}, shape.getSize()});
    const float scale = rect.width / std::max(1e-6f, shape.getSize().x);
    recording->add(CapturedRect{rect, shape.getFillColor(), shape.getOutlineColor(),
                                shape.getOutlineThickness() * scale},
                   target);
}

void capture_text(const sf::Text& text, const sf::RenderTarget& target) {
    if (recording == nullptr || text.getString().isEmpty()) {
        return;
    }
    recording->add(CapturedText{text.getString(), text.getCharacterSize(), text.getStyle(),
                                text.getLetterSpacing(), text.getLineSpacing(), text.getFillColor(),
                                text.getOutlineColor(), text.getOutlineThickness(),
                                view_to_pixels(target) * text.getTransform()},
                   target);
}

void capture_inset(const InsetLayout& layout, const geo::Box& world, const geo::Box& shown,
                   const PolygonSet& land, const sf::RenderTarget& target) {
    if (recording != nullptr) {
        recording->add(CapturedInset{layout, world, shown, &land, origin_of(target)}, target);
    }
}

void draw_recorded(sf::RenderTarget& target, const std::vector<sf::Vertex>& vertices,
                   sf::PrimitiveType type) {
    if (vertices.empty()) {
        return;
    }
    // Opaque everywhere: drawn without blending, so a software rasteriser writes the pixels
    // without reading them first (the same pixels: an opaque colour blended over anything is
    // itself).
    sf::RenderStates states;
    if (std::all_of(vertices.begin(), vertices.end(),
                    [](const sf::Vertex& v) { return v.color.a == 255; })) {
        states.blendMode = sf::BlendNone;
    }
    target.draw(vertices.data(), vertices.size(), type, states);
    if (type == sf::Lines) {
        capture_lines(vertices.data(), vertices.size(), target);
    } else {
        capture_triangles(vertices.data(), vertices.size(), target);
    }
}

void draw_recorded(sf::RenderTarget& target, const sf::Text& text) {
    target.draw(text);
    capture_text(text, target);
}

void draw_recorded(sf::RenderTarget& target, const sf::RectangleShape& shape) {
    target.draw(shape);
    capture_rect(shape, target);
}

} // namespace kuril
