// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.hpp"
#include "geo/atlas.hpp"
#include "map/presentation.hpp"
#include "monitors.hpp"
#include "viewer/viewer_app.hpp"

#include <SFML/Graphics.hpp>
#include <memory>
#include <optional>
#include <ostream>

namespace kuril {

/// A tour (`kuril-atlas present`): the slide navigator, the flight to each slide's view, the
/// speaker notes window and the presenter's keys. Exploring the map has no presenter.
class Presenter {
public:
    /// Finds the tour and checks every slide's view now, so that a tour that cannot be shown
    /// is refused before the window opens (geo::InputError). Each slide's speaker notes are
    /// printed to `notes` as it opens.
    Presenter(const ViewerOptions& options, const MapScene& scene, const sf::Font& font,
              Controller& controller, std::ostream& notes);

    /// Once the window is open: the notes window on a second screen when there is one (with
    /// one screen, or a projector mirroring it, only when asked for: key N), and the first
    /// slide, at once.
    /// `main`: the slide's window (none: no notes window, as in a test).
    void start(const sf::RenderWindow* main = nullptr);
    /// Shows the current slide again without a flight (after the window was recreated).
    void show_again() { open_slide(false); }

    /// A presenter's key; nullopt when it is not one (the map has it).
    std::optional<WindowRequest> key(sf::Keyboard::Key key);
    /// A click on empty map with nothing selected: the next slide (a clicker's left click).
    WindowRequest next() { return navigate(PresentCommand::next); }

    /// Advances the flight; true when the view moved.
    bool update(double seconds);
    /// Keys typed in the notes window (the presenter may type in either window).
    std::vector<sf::Keyboard::Key> poll_notes_window();
    /// Redraws the notes window when something changed or its clock ticked, then makes
    /// `main` the active window again.
    void draw_notes_window(bool changed, sf::RenderWindow& main);

    const geo::Slide& slide() const { return tour_->slides[navigator_.current()]; }
    const SlideNavigator& navigator() const { return navigator_; }
    bool projector_theme() const { return projector_theme_; }

private:
    /// Opens the notes window: filling the second screen, or a window of its own.
    void open_notes_window();

    bool confirming_leave_ = false; ///< Esc was pressed: the next Esc or Enter leaves
    bool screenshot_ = false;       ///< a --screenshot run: no second window
    std::optional<Monitor> second_screen_;
    void open_slide(bool animate);
    WindowRequest navigate(PresentCommand command, int digit = 0);

    Controller& controller_;
    const MapScene& scene_;
    geo::Annotations tour_source_;
    const geo::Tour* tour_ = nullptr;
    SlideNavigator navigator_;
    std::unique_ptr<FlyTo> flight_;
    double flight_time_ = 0;
    bool animate_ = true;
    bool projector_theme_ = false;
    bool notes_window_wanted_ = false;
    const sf::Font& font_;
    std::ostream& notes_;
    std::unique_ptr<sf::RenderWindow> notes_window_; ///< only when asked for (a GL resource)
    sf::Clock elapsed_;
    int notes_second_ = -1;
};

} // namespace kuril
