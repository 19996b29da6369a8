// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/annotations.hpp"
#include "map/map_scene.hpp"
#include "map/map_state.hpp"
#include "map/map_view.hpp"
#include "map/timeline.hpp"
#include "viewer/ui_layout.hpp"
#include "viewer/ui_state.hpp"

#include <SFML/Graphics.hpp>
#include <memory>

namespace kuril {

class InfoPanel;
class SlideOverlay;

/// Everything drawn over the map in the window: panels, timeline, legend, messages, help and a
/// tour's slide bands. Each frame: layout() first (before the map is drawn, which keeps its
/// labels out of it), then draw() of that layout; clicks are tested against the same layout.
class ViewerUi {
public:
    ViewerUi(const MapScene& scene, const Timeline& timeline, const sf::Font& font);
    ~ViewerUi();
    ViewerUi(const ViewerUi&) = delete;
    ViewerUi& operator=(const ViewerUi&) = delete;

    /// Lays out the UI of a frame (its view, state, legend and statuses); `slide`: the tour's
    /// current slide, or nullptr. A compare view (ui.compare) passes the other half's frame as
    /// `other` and, side by side (where each frame's view is a half), the window's width.
    UiLayout layout(const MapFrame& frame, const UiState& ui, const geo::Slide* slide,
                    const MapFrame* other = nullptr, float window_width = 0);
    void draw(sf::RenderTarget& target, const UiLayout& layout, const MapState& map,
              const UiState& ui) const;

    /// The slide's bands, counter and progress bar (over the map and the other widgets).
    void draw_slide(sf::RenderTarget& target, const UiLayout& layout, std::size_t index,
                    std::size_t count, const std::string& typed, bool projector) const;

private:
    const MapScene& scene_;
    const Timeline& timeline_;
    const sf::Font& font_;
    std::unique_ptr<InfoPanel> info_panel_;
    std::unique_ptr<SlideOverlay> slide_overlay_;
};

} // namespace kuril
