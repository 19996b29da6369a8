#include "stencil_fill.hpp"

#include <SFML/OpenGL.hpp>

namespace kuril::detail {

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

void stencil_fill(sf::RenderTarget& target, const sf::View& fan_view,
                  const std::vector<sf::Vertex>& fan, const sf::View& cover_view,
                  const std::vector<sf::Vertex>& cover, const sf::Texture* pattern) {
    // Pass 1: each fan triangle inverts the stencil; odd coverage = inside (holes
    // cancel).
    target.setActive(true);
    glEnable(GL_STENCIL_TEST);
    glStencilMask(0xFF);
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glStencilFunc(GL_ALWAYS, 0, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
    target.setView(fan_view);
    target.draw(fan.data(), fan.size(), sf::Triangles);
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

} // namespace kuril::detail
