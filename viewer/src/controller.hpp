// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "input_map.hpp"
#include "map/map_frame.hpp"
#include "map/map_scene.hpp"
#include "map/map_state.hpp"
#include "map/map_view.hpp"
#include "map/timeline.hpp"
#include "viewer/ui_layout.hpp"
#include "viewer/ui_state.hpp"

#include <string>
#include <utility>
#include <vector>

namespace kuril {

/// What only the window can do, asked for by a command or a click.
struct WindowRequest {
    enum Kind {
        none,
        export_view,
        quit,
        toggle_fullscreen,
        empty_map_click,
        copy_to_clipboard,
        add_layer,   ///< text: the file's path, as typed
        remove_layer ///< factor: the user layer's index in MapScene::user_layers
    } kind = none;
    int factor = 0;   ///< export_view: times the window size
    std::string text; ///< copy_to_clipboard: what to copy

    WindowRequest() = default;
    WindowRequest(Kind request_kind, int request_factor = 0, std::string request_text = {})
        : kind(request_kind), factor(request_factor), text(std::move(request_text)) {}
};

/// Turns commands and pointer gestures into changes of the map's state, the UI's state and
/// the view. Holds no window: tested without a display.
class Controller {
public:
    Controller(const MapScene& scene, const Timeline& timeline, MapView& view,
               ViewAnimator& animator, MapState& map, UiState& ui);

    /// A command of the map's key table (a tour's commands are the presenter's). `layout`: the
    /// frame's UI, for the commands that act on a panel (copying a source's URL).
    WindowRequest apply(ViewerCommand command, const UiLayout* layout = nullptr);

    /// Moves to a date; `announce` highlights and captions what changed (a step, not a drag).
    /// A date chosen stops history playing.
    void set_date(geo::Date date, bool announce);

    /// Plays history (P, the play button) from the map's date to today, or from 1855 when no
    /// key date lies ahead; or pauses it.
    void toggle_playback();
    /// Moves the playing history on by `seconds`: the date, and each key date's step
    /// captioned as it is reached. True while playing (the window redraws).
    bool advance_playback(double seconds);
    void clear_selection();
    /// Draws the map from a point of view of the annotations (an unknown id is ignored) and
    /// says which, by its title, in a transient line.
    void set_pov(const std::string& id);
    /// A transient line at the top, shown for about `seconds` (it fades).
    void notify(std::string text, double seconds);
    void show_typed_date();
    /// Help, a measurement or a selection is open (Esc closes it before it leaves a tour).
    bool has_something_to_close() const;

    /// The left button pressed, moved, released: a click on the UI or the map, or a drag of
    /// the map or the timeline. `frame` is the frame last drawn (its event markers are hit-tested).
    WindowRequest press(const UiLayout& layout, const MapFrame& frame, int x, int y);
    void move(const UiLayout& layout, int x, int y, bool left_button_down);
    WindowRequest release(const UiLayout& layout, const MapFrame& frame, int x, int y);
    /// The wheel: over the info panel it scrolls the panel, elsewhere it zooms about the point.
    void wheel(const UiLayout& layout, float x, float y, float delta);

    /// Gives the focus of a compare view to a half (0 left, 1 right): its state becomes the
    /// one the timeline, the date keys and the layer keys change; the other half keeps its own.
    void focus_half(std::size_t side);
    /// Turns the compare view on (two halves: this state on the left with focus, and a copy at
    /// `other` on the right, in a swipe or side by side) or off (the half with focus stays).
    void set_compare(CompareMode mode, std::optional<geo::Date> other = std::nullopt);

    /// What covers the map's edges in the current layout: Home fits the region clear of it.
    void set_map_insets(const ScreenInsets& insets) { insets_ = insets; }

    MapView& view() { return view_; }
    ViewAnimator& animator() { return animator_; }
    MapState& map() { return map_; }
    UiState& ui() { return ui_; }

    /// While a date is being typed (G): takes the key (digits, '-', Backspace, Enter, Esc) and
    /// returns true; otherwise returns false and the key goes to the key table.
    bool type_date_key(sf::Keyboard::Key key);
    /// While the search box is open (/): takes the key (arrows choose, Enter flies to the chosen
    /// match, Backspace deletes, Esc closes) and returns true; otherwise returns false.
    bool search_key(sf::Keyboard::Key key);
    /// While the search box is open: adds a typed character (a code point) to the query and
    /// finds the matches again; returns false when the box is closed.
    bool search_text(char32_t character);
    /// While the layer prompt is open (O): Tab completes the path, Backspace deletes, Esc closes,
    /// Enter asks the window to add the file (add_layer). Nullopt when the prompt is closed.
    std::optional<WindowRequest> layer_prompt_key(sf::Keyboard::Key key);
    /// While the layer prompt is open: adds a typed character to the path; false when closed.
    bool layer_prompt_text(char32_t character);
    /// Opens the panel of a feature of a user layer.
    void select_user_feature(std::size_t layer, std::size_t feature);
    /// Opens the panel of a match and moves the view to it (an island fitted as --island fits
    /// it, a place centred at a scale its rank is shown at).
    void fly_to(const NameMatch& match);

    /// The map's labels as the last frame drew them (a click on a place's name opens its
    /// panel).
    void set_placed_labels(std::vector<PlacedMapLabel> labels) { placed_ = std::move(labels); }

    /// The key date whose tick lies within a few pixels of x on the timeline, if any.
    std::optional<geo::Date> key_date_near(const UiLayout& layout, float x) const;
    /// The date under a point of the timeline, snapped to a key date within a few pixels.
    geo::Date timeline_date_at(const UiLayout& layout, float x) const;

private:
    /// A window point in the pixels of the map with focus: a side-by-side view's right half
    /// starts at its own left edge.
    geo::Point map_pixels(const UiLayout& layout, float x, float y) const;
    WindowRequest click(const UiLayout& layout, const MapFrame& frame, float x, float y);
    /// The plan from `from` to today at the speed chosen.
    PlaybackPlan playback_plan(geo::Date from, bool hold_at_start) const;
    /// A speed chosen (, and .): said, and a playing history goes on at it from where it is.
    void change_play_speed(double years_per_second);
    /// Copies a source's URL of the open panel (with a notice saying so).
    WindowRequest copy_source(const InfoPanelLayout& info, std::size_t index);
    void select_island(const std::string& id);
    void select_event(const std::string& id);
    void select_place(const std::string& id);

    const MapScene& scene_;
    const Timeline& timeline_;
    MapView& view_;
    ViewAnimator& animator_;
    MapState& map_;
    UiState& ui_;
    ScreenInsets insets_;
    std::vector<PlacedMapLabel> placed_;
    int export_factor_ = 2; ///< E exports at the factor last clicked
    int press_x_ = 0;
    int press_y_ = 0;
    int last_x_ = 0;
    int last_y_ = 0;
    bool dragging_map_ = false;
    bool dragging_timeline_ = false;
    bool dragging_divider_ = false; ///< a compare view's swipe divider
    bool focus_moved_ = false;      ///< the press gave the focus to the other half
    bool moved_ = false;
};

} // namespace kuril
