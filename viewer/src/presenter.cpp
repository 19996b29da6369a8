// SPDX-License-Identifier: GPL-3.0-or-later
#include "presenter.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "map/tour_check.hpp"
#include "map/view_spec.hpp"
#include "render/text.hpp"
#include "ui/compare_overlay.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

using i18n::N_;

namespace kuril {

Presenter::Presenter(const ViewerOptions& options, const MapScene& scene, const sf::Font& font,
                     Controller& controller, std::ostream& notes)
    : controller_(controller), scene_(scene), navigator_(0), animate_(options.animation),
      projector_theme_(options.projector_theme), notes_window_wanted_(options.notes_window),
      font_(font), notes_(notes) {
    screenshot_ = !options.screenshot.empty();
    const geo::Atlas& atlas = *scene.atlas;
    if (!atlas.errors.empty()) {
        throw geo::InputError(atlas.errors.front().placed());
    }
    if (!options.tour_file.empty()) {
        tour_source_ = geo::load_annotations(options.tour_file,
                                             geo::ParseOptions{&atlas.annotations, check_tours});
    }
    const geo::Annotations& source = options.tour_file.empty() ? atlas.annotations : tour_source_;
    tour_ = source.tour(options.tour);
    if (tour_ == nullptr) {
        std::string known;
        for (const auto& t : source.tours) {
            known += (known.empty() ? "" : ", ") + t.id;
        }
        if (known.empty()) {
            throw geo::InputError(N_("{file}: no tour '{id}' (known: none)"),
                                  {{"file", source.file.string()}, {"id", options.tour}});
        }
        throw geo::InputError(
            N_("{file}: no tour '{id}' (known: {known})"),
            {{"file", source.file.string()}, {"id", options.tour}, {"known", known}});
    }
    for (const auto& slide : tour_->slides) {
        MapView probe = controller.view();
        try {
            ViewSpec::from_slide(slide).apply(scene_, probe);
        } catch (const geo::InputError& error) {
            // The place is written alike in every language (Diagnostic::placed).
            throw geo::InputError(geo::Diagnostic{
                source.file,
                slide.line,
                i18n::Message(N_("slide '{id}': {error}"),
                              {{"id", slide.id}, {"error", error.message()}}),
                {}}.placed());
        }
    }
    const int count = static_cast<int>(tour_->slides.size());
    if (options.start_slide < 1 || options.start_slide > count) {
        throw geo::InputError(N_("--slide {number}: the tour '{id}' has {count} slides (1 to "
                                 "{count})"),
                              {{"number", std::to_string(options.start_slide)},
                               {"id", options.tour},
                               {"count", std::to_string(count)}});
    }
    navigator_ = SlideNavigator(tour_->slides.size());
    for (int i = 1; i < options.start_slide; ++i) {
        navigator_.apply(PresentCommand::next);
    }
    controller.ui().show_layers = false;
    controller.ui().presenting = true;
    controller.map().high_contrast = options.projector_theme;
}

void Presenter::start(const sf::RenderWindow* main) {
    // The speaker notes open by themselves on a second screen. With one screen, or a projector
    // that mirrors the laptop's, any window would cover the slide the class sees: they wait
    // for N.
    if (!screenshot_ && main != nullptr) {
        const sf::Vector2i at = main->getPosition();
        const sf::Vector2u size = main->getSize();
        second_screen_ = second_monitor(display_monitors(), at.x, at.y, static_cast<int>(size.x),
                                        static_cast<int>(size.y));
        if (second_screen_) {
            open_notes_window();
        } else if (notes_window_wanted_) {
            const std::string_view lang = text_language_code(controller_.map().text_language);
            controller_.notify(std::string(i18n::tr(lang, "No second screen: press N for the "
                                                          "speaker notes (they cover the slide)")),
                               6.0);
        }
    }
    open_slide(false);
}

void Presenter::open_notes_window() {
    const std::string_view lang = text_language_code(controller_.map().text_language);
    const std::string title(i18n::tr(lang, "Kuril Atlas: speaker notes"));
    const sf::VideoMode mode = second_screen_
                                   ? sf::VideoMode(static_cast<unsigned>(second_screen_->width),
                                                   static_cast<unsigned>(second_screen_->height))
                                   : sf::VideoMode(900, 600);
    notes_window_ = std::make_unique<sf::RenderWindow>(mode, utf8(title));
    if (second_screen_) {
        notes_window_->setPosition({second_screen_->x, second_screen_->y});
    }
    notes_second_ = -1; // drawn at the next frame
}

/// Shows the current slide: its date, layers and language at once, its view by a flight.
void Presenter::open_slide(bool animate) {
    const geo::Slide& slide = this->slide();
    MapView& view = controller_.view();
    // A slide that compares starts afresh: its own date on the left, with focus.
    controller_.set_compare(CompareMode::off);
    MapState& map = controller_.map();
    MapView target = view;
    // The view is fitted at the size it will have: a half's, for a slide that compares.
    const float window = controller_.ui().compare.window_width > 0
                             ? controller_.ui().compare.window_width
                             : static_cast<float>(view.width_px());
    target.resize(slide.compare ? compare_half_width(window, static_cast<float>(map.ui_scale))
                                : window,
                  view.height_px());
    ViewSpec::from_slide(slide).apply(scene_, target);
    controller_.set_date(slide.date, true);
    controller_.ui().caption_alpha = 0; // the slide's own caption is shown instead
    if (auto language = language_from_code(slide.lang)) {
        map.language = *language;
    }
    map.visible = layers_from_names(slide.layers);
    map.pov = slide.pov.empty() ? std::string(default_pov) : slide.pov;
    controller_.clear_selection();
    if (slide.compare) {
        controller_.set_compare(CompareMode::side_by_side, *slide.compare);
    }
    controller_.animator().stop();
    if (animate) {
        flight_ = std::make_unique<FlyTo>(view.center(), view.metres_per_pixel(), target.center(),
                                          target.metres_per_pixel(),
                                          std::max(view.width_px(), view.height_px()), 1.0);
        flight_time_ = 0;
    } else {
        flight_.reset();
        view.set(target.center(), target.metres_per_pixel());
    }
    const std::size_t n = navigator_.current() + 1;
    const std::string_view lang = text_language_code(map.text_language);
    const std::string& notes = slide.notes_in(lang);
    notes_ << "\n=== "
           << i18n::format(i18n::tr(lang, "Slide {number}/{count}: {title}"),
                           {{"number", std::to_string(n)},
                            {"count", std::to_string(tour_->slides.size())},
                            {"title", slide.title_in(lang)}})
           << " (" << slide.date.long_text(lang) << ")\n"
           << (notes.empty() ? std::string(i18n::tr(lang, "(no speaker notes)")) : notes)
           << std::endl;
}

WindowRequest Presenter::navigate(PresentCommand command, int digit) {
    if (navigator_.apply(command, digit)) {
        open_slide(animate_);
    }
    return navigator_.leaving() ? WindowRequest{WindowRequest::quit} : WindowRequest{};
}

std::optional<WindowRequest> Presenter::key(sf::Keyboard::Key key) {
    const std::string_view lang = text_language_code(controller_.map().text_language);
    const auto command = tour_command(key);
    // Leaving was asked (Esc): a second Esc or Enter leaves, any other key stays and does its
    // own work.
    if (std::exchange(confirming_leave_, false)) {
        if (command && (command->action == ViewerAction::leave_tour ||
                        command->action == ViewerAction::enter_slide)) {
            return navigate(PresentCommand::leave);
        }
        controller_.notify(std::string(i18n::tr(lang, "Still presenting")), 1.5);
    }
    if (!command) {
        return std::nullopt;
    }
    switch (command->action) {
    case ViewerAction::next_slide:
        return navigate(PresentCommand::next);
    case ViewerAction::previous_slide:
        return navigate(PresentCommand::previous);
    case ViewerAction::first_slide:
        return navigate(PresentCommand::first);
    case ViewerAction::last_slide:
        return navigate(PresentCommand::last);
    case ViewerAction::blank_slide:
        return navigate(PresentCommand::blank);
    case ViewerAction::enter_slide:
        return navigate(PresentCommand::enter);
    case ViewerAction::slide_digit:
        return navigate(PresentCommand::digit, command->value);
    case ViewerAction::toggle_animation:
        animate_ = !animate_;
        controller_.notify(std::string(animate_ ? i18n::tr(lang, "Animation on")
                                                : i18n::tr(lang, "Animation off")),
                           1.5);
        return WindowRequest{};
    case ViewerAction::toggle_fullscreen:
        return WindowRequest{WindowRequest::toggle_fullscreen};
    case ViewerAction::toggle_notes_window:
        if (notes_window_ && notes_window_->isOpen()) {
            notes_window_.reset();
        } else if (!screenshot_) {
            open_notes_window();
        }
        return WindowRequest{};
    case ViewerAction::leave_tour:
        if (controller_.has_something_to_close()) {
            return std::nullopt; // Esc closes those first
        }
        // A stray Esc must not end the class: it asks first.
        confirming_leave_ = true;
        controller_.notify(
            std::string(
                i18n::tr(lang, "Leave the tour? Esc again or Enter: leave. Any other key: stay")),
            8.0);
        return WindowRequest{};
    default:
        return std::nullopt;
    }
}

bool Presenter::update(double seconds) {
    if (!flight_) {
        return false;
    }
    flight_time_ += seconds;
    geo::Point centre;
    double mpp = 0;
    flight_->at(flight_time_, centre, mpp);
    controller_.view().set(centre, mpp);
    if (flight_->finished(flight_time_)) {
        flight_.reset();
    }
    return true;
}

std::vector<sf::Keyboard::Key> Presenter::poll_notes_window() {
    std::vector<sf::Keyboard::Key> keys;
    sf::Event event;
    while (notes_window_ && notes_window_->isOpen() && notes_window_->pollEvent(event)) {
        if (event.type == sf::Event::Closed) {
            notes_window_->close();
        } else if (event.type == sf::Event::KeyPressed) {
            keys.push_back(event.key.code);
        }
    }
    return keys;
}

void Presenter::draw_notes_window(bool changed, sf::RenderWindow& main) {
    if (!notes_window_ || !notes_window_->isOpen()) {
        return;
    }
    const int seconds = static_cast<int>(elapsed_.getElapsedTime().asSeconds());
    if (!changed && seconds == notes_second_) {
        return;
    }
    notes_second_ = seconds;
    notes_window_->setActive(true);
    notes_window_->clear(sf::Color(250, 250, 245));
    const auto& slides = tour_->slides;
    const std::size_t i = navigator_.current();
    char clock_text[32];
    std::snprintf(clock_text, sizeof clock_text, "%02d:%02d", seconds / 60, seconds % 60);
    const std::string_view lang = text_language_code(controller_.map().text_language);
    const std::string number = std::to_string(i + 1);
    const std::string count = std::to_string(slides.size());
    const std::string next =
        i + 1 < slides.size() ? slides[i + 1].title_in(lang) : std::string(i18n::tr(lang, "(end)"));
    std::string text =
        i18n::format(i18n::tr(lang, "Slide {number}/{count}: {title}"),
                     {{"number", number}, {"count", count}, {"title", slides[i].title_in(lang)}}) +
        "\n\n" + slides[i].notes_in(lang) + "\n\n" +
        i18n::format(i18n::tr(lang, "Next: {title}"), {{"title", next}}) + "\n\n" +
        i18n::format(i18n::tr(lang, "Elapsed: {time}"), {{"time", clock_text}});
    const auto size = notes_window_->getSize();
    notes_window_->setView(
        sf::View(sf::FloatRect(0, 0, static_cast<float>(size.x), static_cast<float>(size.y))));
    text = wrap_text(text, font_, 22, static_cast<float>(size.x) - 40);
    sf::Text t(sf::String::fromUtf8(text.begin(), text.end()), font_, 22);
    t.setFillColor(sf::Color::Black);
    t.setPosition(20, 20);
    notes_window_->draw(t);
    notes_window_->display();
    main.setActive(true);
}

} // namespace kuril
