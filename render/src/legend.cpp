#include "render/legend.hpp"

#include "render/style.hpp"

namespace kuril {

void draw_legend_swatch(sf::RenderTarget& target, const LegendItem& item, sf::FloatRect swatch,
                        float scale) {
    const float s = scale;
    sf::VertexArray v(sf::Triangles);
    auto quad = [&](sf::FloatRect q, sf::Color c) {
        v.append({{q.left, q.top}, c});
        v.append({{q.left + q.width, q.top}, c});
        v.append({{q.left, q.top + q.height}, c});
        v.append({{q.left + q.width, q.top}, c});
        v.append({{q.left + q.width, q.top + q.height}, c});
        v.append({{q.left, q.top + q.height}, c});
    };
    switch (item.swatch) {
    case LegendItem::Swatch::land:
        quad(swatch, style::land);
        break;
    case LegendItem::Swatch::fill:
        quad(swatch, style::party_fill(item.party));
        break;
    case LegendItem::Swatch::hatch:
        quad(swatch, style::land);
        for (float x = 0; x < swatch.width; x += 6 * s) {
            quad({swatch.left + x, swatch.top, 2 * s, swatch.height},
                 style::party_hatch(item.party));
        }
        break;
    case LegendItem::Swatch::stripes:
        quad(swatch, style::party_fill(geo::Party::JP));
        quad({swatch.left + swatch.width / 2, swatch.top, swatch.width / 2, swatch.height},
             style::party_fill(item.party));
        break;
    case LegendItem::Swatch::line: {
        const sf::Color colour = style::line_colour(item.line.role);
        if (!item.line.dashed()) {
            quad({swatch.left, swatch.top + 5 * s, swatch.width, 3 * s}, colour);
            break;
        }
        for (float x = 0; x < swatch.width; x += 10 * s) {
            quad({swatch.left + x, swatch.top + 5 * s, 6 * s, 3 * s}, colour);
        }
        break;
    }
    }
    target.draw(v);
}

} // namespace kuril
