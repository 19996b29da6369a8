#include "viewer/viewer_app.hpp"

#include "controller.hpp"
#include "export/view_export.hpp"
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "input_map.hpp"
#include "map/presentation.hpp"
#include "render/display.hpp"
#include "render/fonts.hpp"
#include "render/map_renderer.hpp"
#include "render/text.hpp"
#include "viewer/frame_updates.hpp"
#include "viewer/viewer_ui.hpp"
#include "xdg.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace kuril {
namespace {

double auto_ui_scale(unsigned height) {
    return std::clamp(height / 900.0, 1.0, 2.5);
}

class ViewerApp {
public:
    ViewerApp(const ViewerOptions& options, std::unique_ptr<geo::Atlas> atlas,
              geo::Projection projection)
        : options_(options), atlas_(std::move(atlas)), projection_(std::move(projection)),
          scene_(*atlas_, projection_), timeline_(atlas_->history->key_dates()),
          view_(scene_.world, options.width, options.height),
          controller_(scene_, timeline_, view_, animator_, map_, ui_state_) {
        load_map_font(font_);
        renderer_ = std::make_unique<MapRenderer>(scene_, font_);
        ui_ = std::make_unique<ViewerUi>(scene_, timeline_, font_);
        if (!options.date.empty()) {
            map_.date = geo::parse_day(options.date);
        }
        if (auto language = language_from_code(options.language)) {
            map_.language = *language;
        } else {
            throw geo::InputError("--lang '" + options.language +
                                  "': expected en, ja, ru, en+ja, en+ru or ja+ru");
        }
        for (const auto& error : atlas_->errors) {
            ui_state_.messages.push_back(error);
        }
        fullscreen_ = options.fullscreen;
        if (options.present) {
            setup_tour();
        }
    }

    /// Finds the tour and checks every slide's view now: a tour that cannot be shown is
    /// refused before the window opens.
    void setup_tour() {
        if (!atlas_->errors.empty()) {
            throw geo::InputError(atlas_->errors.front());
        }
        if (!options_.tour_file.empty()) {
            tour_source_ = geo::load_annotations(options_.tour_file, &atlas_->annotations);
        }
        const geo::Annotations& source =
            options_.tour_file.empty() ? atlas_->annotations : tour_source_;
        tour_ = source.tour(options_.tour);
        if (tour_ == nullptr) {
            std::string known;
            for (const auto& t : source.tours) {
                known += (known.empty() ? "" : ", ") + t.id;
            }
            throw geo::InputError(source.file.string() + ": no tour '" + options_.tour +
                                  "' (known: " + (known.empty() ? "none" : known) + ")");
        }
        for (const auto& slide : tour_->slides) {
            MapView probe = view_;
            try {
                ViewSpec::from_slide(slide).apply(scene_, probe);
            } catch (const geo::InputError& error) {
                throw geo::InputError(source.file.string() + ":" + std::to_string(slide.line) +
                                      ": slide '" + slide.id + "': " + error.what());
            }
        }
        navigator_ = std::make_unique<SlideNavigator>(tour_->slides.size());
        for (int i = 1; i < options_.start_slide; ++i) {
            navigator_->apply(PresentCommand::next);
        }
        ui_state_.show_layers = false;
        ui_state_.presenting = true;
        map_.high_contrast = options_.projector_theme;
        animate_ = options_.animation;
    }

    /// Shows slide `index`: its date, layers and language at once, its view by a flight.
    void open_slide(bool animate) {
        const geo::Slide& slide = tour_->slides[navigator_->current()];
        MapView target = view_;
        ViewSpec::from_slide(slide).apply(scene_, target);
        controller_.set_date(slide.date, true);
        ui_state_.caption_alpha = 0; // the slide's own caption is shown instead
        if (auto language = language_from_code(slide.lang)) {
            map_.language = *language;
        }
        map_.visible = layers_from_names(slide.layers);
        map_.selected_island.clear();
        map_.selected_event.clear();
        animator_.stop();
        if (animate) {
            flight_ = std::make_unique<FlyTo>(view_.center(), view_.metres_per_pixel(),
                                              target.center(), target.metres_per_pixel(),
                                              std::max(view_.width_px(), view_.height_px()), 1.0);
            flight_time_ = 0;
        } else {
            flight_.reset();
            view_.set(target.center(), target.metres_per_pixel());
        }
        const std::size_t n = navigator_->current() + 1;
        std::cout << "\n=== Slide " << n << "/" << tour_->slides.size() << ": " << slide.title
                  << " (" << slide.date.long_text() << ")\n"
                  << (slide.notes.empty() ? "(no speaker notes)" : slide.notes) << std::endl;
    }

    void present_command(PresentCommand command, int digit = 0) {
        if (navigator_->apply(command, digit)) {
            open_slide(animate_);
        }
        if (navigator_->leaving()) {
            window_.close();
        }
    }

    void draw_notes_window() {
        if (!notes_window_.isOpen()) {
            return;
        }
        notes_window_.setActive(true);
        notes_window_.clear(sf::Color(250, 250, 245));
        const auto& slides = tour_->slides;
        const std::size_t i = navigator_->current();
        const int seconds = static_cast<int>(elapsed_.getElapsedTime().asSeconds());
        char clock_text[32];
        std::snprintf(clock_text, sizeof clock_text, "%02d:%02d", seconds / 60, seconds % 60);
        std::string text = "Slide " + std::to_string(i + 1) + "/" + std::to_string(slides.size()) +
                           ": " + slides[i].title + "\n\n" + slides[i].notes + "\n\nNext: " +
                           (i + 1 < slides.size() ? slides[i + 1].title : std::string("(end)")) +
                           "\n\nElapsed: " + clock_text;
        const auto size = notes_window_.getSize();
        notes_window_.setView(
            sf::View(sf::FloatRect(0, 0, static_cast<float>(size.x), static_cast<float>(size.y))));
        text = wrap_text(text, font_, 22, static_cast<float>(size.x) - 40);
        sf::Text t(sf::String::fromUtf8(text.begin(), text.end()), font_, 22);
        t.setFillColor(sf::Color::Black);
        t.setPosition(20, 20);
        notes_window_.draw(t);
        notes_window_.display();
        window_.setActive(true);
    }

    /// Applies the requested view once the window has its size.
    void apply_view_spec() {
        try {
            options_.view.apply(scene_, view_);
        } catch (const geo::InputError& error) {
            ui_state_.messages.push_back(error.what());
        }
    }

    int run() {
        sf::ContextSettings settings;
        settings.stencilBits = 8;
        const auto style = options_.fullscreen ? sf::Style::Fullscreen : sf::Style::Default;
        sf::VideoMode mode(options_.width, options_.height);
        if (options_.fullscreen) {
            mode = sf::VideoMode::getDesktopMode();
        }
        window_.create(mode, "Kuril Atlas", style, settings);
        window_.setVerticalSyncEnabled(false);
        window_.setFramerateLimit(60);
        resize(window_.getSize().x, window_.getSize().y);
        apply_view_spec();
        if (navigator_) {
            if (options_.notes_window) {
                notes_window_.create(sf::VideoMode(900, 600), "Kuril Atlas: speaker notes");
            }
            open_slide(false);
        }
        sf::Clock clock;
        bool dirty = true;
        int frames = 0;
        int notes_second = -1;
        while (window_.isOpen()) {
            sf::Event event;
            while (window_.pollEvent(event)) {
                handle(event);
                dirty = true;
            }
            if (notes_window_.isOpen()) {
                while (notes_window_.pollEvent(event)) {
                    if (event.type == sf::Event::Closed) {
                        notes_window_.close();
                    } else if (event.type == sf::Event::KeyPressed) {
                        key(event.key.code); // the presenter may type in either window
                        dirty = true;
                    }
                }
                const int second = static_cast<int>(elapsed_.getElapsedTime().asSeconds());
                if (dirty || second != notes_second) {
                    notes_second = second;
                    draw_notes_window();
                }
            }
            const double dt = std::min(0.1, clock.restart().asSeconds() * 1.0);
            if (flight_) {
                flight_time_ += dt;
                geo::Point centre;
                double mpp = 0;
                flight_->at(flight_time_, centre, mpp);
                view_.set(centre, mpp);
                if (flight_->finished(flight_time_)) {
                    flight_.reset();
                }
                dirty = true;
            }
            if (animator_.update(view_, dt)) {
                dirty = true;
            }
            if (fade(map_.highlight_strength, dt / 2.5) | fade(ui_state_.caption_alpha, dt / 6) |
                fade(ui_state_.notice_alpha, dt / 5)) {
                dirty = true;
            }
            if ((dirty || !options_.screenshot.empty()) && window_.isOpen()) {
                draw(window_);
                window_.display();
                dirty = false;
                ++frames;
                if (frames == 1) {
                    prepare_remaining_levels(scene_);
                }
                if (!options_.screenshot.empty() && frames >= 3) {
                    return save_screenshot();
                }
            } else {
                sf::sleep(sf::milliseconds(8));
            }
        }
        return 0;
    }

private:
    static bool fade(double& value, double amount) {
        if (value <= 0) {
            return false;
        }
        value = std::max(0.0, value - amount);
        return true;
    }

    void resize(unsigned width, unsigned height) {
        view_.resize(width, height);
        map_.ui_scale = options_.ui_scale > 0 ? options_.ui_scale : auto_ui_scale(height);
        window_.setView(
            sf::View(sf::FloatRect(0, 0, static_cast<float>(width), static_cast<float>(height))));
    }

    /// Lays out the UI first: the map keeps its labels out of exactly what is drawn over it.
    void draw(sf::RenderTarget& target) {
        if (navigator_ && navigator_->blank()) {
            target.clear(sf::Color::Black);
            return;
        }
        layout_ = ui_->layout(view_, map_, ui_state_,
                              navigator_ ? &tour_->slides[navigator_->current()] : nullptr);
        if (layout_.slide) {
            map_.reserved_top_px = layout_.slide->title_height;
            map_.reserved_bottom_px = layout_.slide->caption_height;
        }
        renderer_->draw(target, view_, map_, layout_.obstacles());
        ui_->draw(target, layout_, map_, ui_state_);
        if (navigator_) {
            ui_->draw_slide(target, layout_, map_, navigator_->current(), navigator_->count(),
                            navigator_->typed_number(), options_.projector_theme);
        }
    }

    int save_screenshot() {
        sf::Texture texture;
        texture.create(window_.getSize().x, window_.getSize().y);
        texture.update(window_);
        if (!texture.copyToImage().saveToFile(options_.screenshot.string())) {
            throw geo::InputError(options_.screenshot.string() + ": cannot write the screenshot");
        }
        return 0;
    }

    void export_view(int factor) {
        const ExportOptions options =
            export_options_for_view(view_, map_, projection_, factor, pictures_folder());
        try {
            const auto result = export_map(scene_, font_, options);
            controller_.notify("Exported " + result.image.string() + " (" +
                                   std::to_string(result.width) + "x" +
                                   std::to_string(result.height) + ", with .pgw and .prj)",
                               4.0);
            std::cout << "exported " << result.image.string() << '\n';
        } catch (const geo::InputError& error) {
            controller_.notify(std::string("Export failed: ") + error.what(), 4.0);
        }
        window_.setActive(true);
    }

    void handle(const sf::Event& event) {
        switch (event.type) {
        case sf::Event::Closed:
            window_.close();
            break;
        case sf::Event::Resized:
            resize(event.size.width, event.size.height);
            break;
        case sf::Event::MouseWheelScrolled:
            controller_.wheel(static_cast<float>(event.mouseWheelScroll.x),
                              static_cast<float>(event.mouseWheelScroll.y),
                              event.mouseWheelScroll.delta);
            break;
        case sf::Event::MouseButtonPressed:
            if (event.mouseButton.button == sf::Mouse::Left) {
                perform(controller_.press(layout_, renderer_->markers(), event.mouseButton.x,
                                          event.mouseButton.y));
            }
            break;
        case sf::Event::MouseMoved:
            controller_.move(layout_, event.mouseMove.x, event.mouseMove.y,
                             sf::Mouse::isButtonPressed(sf::Mouse::Left));
            break;
        case sf::Event::MouseButtonReleased:
            if (event.mouseButton.button == sf::Mouse::Left) {
                perform(controller_.release(layout_, renderer_->markers(), event.mouseButton.x,
                                            event.mouseButton.y));
            }
            break;
        case sf::Event::KeyPressed:
            key(event.key.code);
            break;
        default:
            break;
        }
    }

    void perform(WindowRequest request) {
        switch (request.kind) {
        case WindowRequest::export_view:
            export_view(request.factor);
            break;
        case WindowRequest::quit:
            window_.close();
            break;
        case WindowRequest::toggle_fullscreen:
            fullscreen_ = !fullscreen_;
            toggle_fullscreen();
            break;
        case WindowRequest::empty_map_click:
            if (navigator_) {
                present_command(PresentCommand::next); // a clicker's left click
            }
            break;
        case WindowRequest::none:
            break;
        }
    }

    /// A tour's keys first, then the map's.
    void key(sf::Keyboard::Key code) {
        if (navigator_ && presentation_key(code)) {
            return;
        }
        if (auto command = map_command(code)) {
            perform(controller_.apply(*command));
        }
    }

    /// The presenter's keys; false when the key is not one of them.
    bool presentation_key(sf::Keyboard::Key code) {
        const auto command = tour_command(code);
        if (!command) {
            return false;
        }
        switch (command->action) {
        case ViewerAction::next_slide:
            present_command(PresentCommand::next);
            return true;
        case ViewerAction::enter_slide:
            present_command(PresentCommand::enter);
            return true;
        case ViewerAction::previous_slide:
            present_command(PresentCommand::previous);
            return true;
        case ViewerAction::first_slide:
            present_command(PresentCommand::first);
            return true;
        case ViewerAction::last_slide:
            present_command(PresentCommand::last);
            return true;
        case ViewerAction::blank_slide:
            present_command(PresentCommand::blank);
            return true;
        case ViewerAction::slide_digit:
            present_command(PresentCommand::digit, command->value);
            return true;
        case ViewerAction::toggle_animation:
            animate_ = !animate_;
            controller_.notify(animate_ ? "Animation on" : "Animation off", 1.5);
            return true;
        case ViewerAction::toggle_fullscreen:
            fullscreen_ = !fullscreen_;
            toggle_fullscreen();
            return true;
        case ViewerAction::leave_tour:
            if (controller_.has_something_to_close()) {
                return false; // close those first
            }
            present_command(PresentCommand::leave);
            return true;
        default:
            return false;
        }
    }

    void toggle_fullscreen() {
        sf::ContextSettings settings;
        settings.stencilBits = 8;
        const sf::VideoMode mode = fullscreen_ ? sf::VideoMode::getDesktopMode()
                                               : sf::VideoMode(options_.width, options_.height);
        window_.create(mode, "Kuril Atlas",
                       fullscreen_ ? sf::Style::Fullscreen : sf::Style::Default, settings);
        window_.setFramerateLimit(60);
        resize(window_.getSize().x, window_.getSize().y);
        if (navigator_) {
            open_slide(false);
        }
    }

    ViewerOptions options_;
    std::unique_ptr<geo::Atlas> atlas_;
    geo::Projection projection_;
    MapScene scene_;
    Timeline timeline_;
    MapView view_;
    ViewAnimator animator_;
    MapState map_;
    UiState ui_state_;
    Controller controller_;
    sf::Font font_;
    std::unique_ptr<MapRenderer> renderer_;
    std::unique_ptr<ViewerUi> ui_;
    UiLayout layout_; ///< of the last frame drawn: what clicks hit
    sf::RenderWindow window_;
    geo::Annotations tour_source_;
    const geo::Tour* tour_ = nullptr;
    std::unique_ptr<SlideNavigator> navigator_;
    std::unique_ptr<FlyTo> flight_;
    double flight_time_ = 0;
    bool animate_ = true;
    bool fullscreen_ = false;
    sf::Clock elapsed_;
    sf::RenderWindow notes_window_;
};

} // namespace

int run_viewer(const ViewerOptions& options) {
    require_display();
    geo::AtlasOptions atlas_options;
    atlas_options.data_crs = options.data_crs;
    auto atlas = geo::load_atlas_lenient(options.annotations, atlas_options);
    geo::Projection projection(options.display_crs.empty() ? std::string(geo::default_display_crs)
                                                           : options.display_crs);
    for (const auto& error : atlas->errors) {
        std::cerr << "kuril-atlas: " << error << '\n';
    }
    ViewerApp app(options, std::move(atlas), std::move(projection));
    return app.run();
}

} // namespace kuril
