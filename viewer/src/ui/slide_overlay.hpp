// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "map/map_state.hpp"
#include "viewer/ui_layout.hpp"

#include <SFML/Graphics.hpp>
#include <string>

namespace kuril {

/// A tour slide's bands: the title at the top, the caption at the bottom (at least 3.4% of the
/// screen height, readable from the back of a room). Laid out again only when the slide or
/// the window size changes.
class SlideOverlay {
public:
    explicit SlideOverlay(const sf::Font& font) : font_(font) {}

    /// `stamp`: the slide's date in words.
    const SlideLayout& layout(const std::string& title, const std::string& caption,
                              const std::string& stamp, float width, float height, float scale);

private:
    const sf::Font& font_;
    std::string key_;
    SlideLayout layout_;
};

/// Where the slide is in the tour, for the counter and the progress bar.
struct SlideProgress {
    std::size_t index = 0;
    std::size_t count = 1;
    std::string typed; ///< a slide number being typed
    bool projector = false;
    std::string_view lang = "en"; ///< the interface's language
};

/// Title and date band, caption band, slide counter and progress bar.
void draw_slide_overlay(sf::RenderTarget& target, const SlideLayout& layout, float width,
                        float height, const SlideProgress& progress, const sf::Font& font);

} // namespace kuril
