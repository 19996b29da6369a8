// SPDX-License-Identifier: GPL-3.0-or-later
#include "pattern.hpp"

#include <algorithm>
#include <cmath>

namespace kuril::detail {

sf::Image make_pattern_image(float period_px, float width_px) {
    const auto size = static_cast<unsigned>(std::max(2.f, std::round(period_px)));
    const float width = std::clamp(width_px, 0.f, static_cast<float>(size));
    sf::Image image;
    image.create(size, size, sf::Color::Transparent);
    // Coverage of the band 0 <= (x + y) mod size < width, sampled 4x4 per pixel: anti-aliased
    // edges, and the image tiles seamlessly because the period is a whole number of pixels.
    constexpr int samples = 4;
    for (unsigned y = 0; y < size; ++y) {
        for (unsigned x = 0; x < size; ++x) {
            int inside = 0;
            for (int sy = 0; sy < samples; ++sy) {
                for (int sx = 0; sx < samples; ++sx) {
                    const float u = std::fmod(static_cast<float>(x + y) +
                                                  (static_cast<float>(sx + sy) + 1.f) / samples,
                                              static_cast<float>(size));
                    inside += u < width ? 1 : 0;
                }
            }
            if (inside > 0) {
                image.setPixel(
                    x, y,
                    sf::Color(255, 255, 255,
                              static_cast<sf::Uint8>(255 * inside / (samples * samples))));
            }
        }
    }
    return image;
}

sf::Texture make_pattern(float period_px, float width_px) {
    sf::Texture texture;
    texture.loadFromImage(make_pattern_image(period_px, width_px));
    texture.setRepeated(true);
    // Drawn one texel per pixel: no filtering needed, nothing is magnified.
    texture.setSmooth(false);
    return texture;
}

} // namespace kuril::detail
