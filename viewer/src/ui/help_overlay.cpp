#include "help_overlay.hpp"

#include "box.hpp"
#include "input_map.hpp"
#include "render/style.hpp"

namespace kuril {

HelpLayout layout_help(float width, float height, float scale, const sf::Font& font) {
    const float s = scale;
    HelpLayout layout;
    for (const auto& line : help_lines()) {
        layout.body += line + "\n";
    }
    const auto b = ui_text(font, layout.body, scaled_size(16, s)).getLocalBounds();
    layout.box = {(width - b.width) / 2 - 20 * s, (height - b.height) / 2 - 50 * s,
                  b.width + 40 * s, b.height + 70 * s};
    return layout;
}

void draw_help(sf::RenderTarget& target, const HelpLayout& layout, float scale,
               const sf::Font& font) {
    const float s = scale;
    draw_box(target, layout.box, sf::Color(255, 255, 255, 245), style::accent);
    sf::Text title =
        ui_text(font, "Kuril Atlas: keys", scaled_size(20, s), style::text, sf::Text::Bold);
    title.setPosition(layout.box.left + 20 * s, layout.box.top + 12 * s);
    target.draw(title);
    sf::Text body = ui_text(font, layout.body, scaled_size(16, s));
    body.setPosition(layout.box.left + 20 * s, layout.box.top + 48 * s);
    target.draw(body);
}

} // namespace kuril
