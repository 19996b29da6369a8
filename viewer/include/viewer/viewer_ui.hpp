#pragma once

#include "map/label_placer.hpp"
#include "map/map_scene.hpp"
#include "map/map_state.hpp"
#include "map/map_view.hpp"
#include "map/timeline.hpp"
#include "viewer/ui_state.hpp"

#include <SFML/Graphics.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kuril {

/// Panels, timeline, legend, help: everything drawn over the map in the window.
class ViewerUi {
public:
    ViewerUi(const MapScene& scene, const Timeline& timeline, const sf::Font& font);

    void draw(sf::RenderTarget& target, const MapView& view, const MapState& map,
              const UiState& ui);
    /// Screen areas the panels cover, so map labels keep out of them.
    std::vector<ScreenRect> obstacles(const MapView& view, const MapState& map,
                                      const UiState& ui) const;

    /// Lays out a slide's title band and caption box (call before obstacles() and draw()).
    void layout_presentation(const MapView& view, const std::string& title,
                             const std::string& caption);
    float presentation_top() const { return slide_title_height_; }
    float presentation_bottom() const { return slide_caption_height_; }
    /// Title, caption (at least 3% of the screen height), slide counter and progress bar.
    void draw_presentation(sf::RenderTarget& target, const MapView& view, const MapState& map,
                           std::size_t index, std::size_t count, const std::string& typed,
                           bool projector);

    std::optional<Layer> layer_row_at(float x, float y) const;
    /// The export button (1, 2 or 4 times the window size) under a point, if any.
    std::optional<int> export_button_at(float x, float y) const;
    bool timeline_contains(float x, float y) const;
    double timeline_fraction(float x) const;
    bool panel_contains(float x, float y) const;
    bool close_contains(float x, float y) const;
    float timeline_height(const MapState& map) const { return 64 * ui_(map); }

private:
    static float ui_(const MapState& map) { return static_cast<float>(map.ui_scale); }
    void draw_timeline(sf::RenderTarget& target, const MapView& view, const MapState& map,
                       const UiState& ui);
    void draw_layers(sf::RenderTarget& target, const MapState& map);
    void draw_side_panel(sf::RenderTarget& target, const MapView& view, const MapState& map);
    void draw_help(sf::RenderTarget& target, const MapView& view, const MapState& map);
    void draw_messages(sf::RenderTarget& target, const MapView& view, const MapState& map,
                       const UiState& ui);

    const MapScene& scene_;
    const Timeline& timeline_;
    const sf::Font& font_;
    sf::Text text_;
    std::vector<std::pair<Layer, sf::FloatRect>> layer_rows_;
    std::vector<std::pair<int, sf::FloatRect>> export_buttons_;
    sf::FloatRect timeline_rect_;
    sf::FloatRect layers_rect_;
    sf::FloatRect panel_rect_;
    sf::FloatRect close_rect_;
    std::string slide_layout_key_;
    std::string slide_title_;
    std::string slide_caption_;
    unsigned slide_title_size_ = 30;
    unsigned slide_caption_size_ = 24;
    float slide_title_height_ = 0;
    float slide_caption_height_ = 0;
    std::string panel_key_;
    std::string panel_title_;
    std::string panel_body_;
};

} // namespace kuril
