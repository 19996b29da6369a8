#include "viewer/viewer_app.hpp"

#include "export/exporter.hpp"
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "geo/step_summary.hpp"
#include "map/presentation.hpp"
#include "map/tour_check.hpp"
#include "render/display.hpp"
#include "render/fonts.hpp"
#include "render/map_renderer.hpp"
#include "render/text.hpp"
#include "viewer/viewer_ui.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

namespace kuril {
namespace {

double auto_ui_scale(unsigned height) {
    return std::clamp(height / 900.0, 1.0, 2.5);
}

/// The user's pictures folder (XDG_PICTURES_DIR from user-dirs.dirs, else ~/Pictures).
std::filesystem::path pictures_folder() {
    const char* home_env = std::getenv("HOME");
    const std::string home = home_env != nullptr ? home_env : "/tmp";
    const char* config_env = std::getenv("XDG_CONFIG_HOME");
    const std::filesystem::path config = config_env != nullptr && *config_env != '\0'
                                             ? std::filesystem::path(config_env)
                                             : std::filesystem::path(home) / ".config";
    std::ifstream in(config / "user-dirs.dirs");
    std::string line;
    std::filesystem::path folder = std::filesystem::path(home) / "Pictures";
    const std::string key = "XDG_PICTURES_DIR=\"";
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0 && line.size() > key.size()) {
            std::string value = line.substr(key.size(), line.size() - key.size() - 1);
            if (value.rfind("$HOME", 0) == 0) {
                value = home + value.substr(5);
            }
            folder = value;
        }
    }
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    return folder;
}

class ViewerApp {
public:
    ViewerApp(const ViewerOptions& options, std::unique_ptr<geo::Atlas> atlas,
              geo::Projection projection)
        : options_(options), atlas_(std::move(atlas)), projection_(std::move(projection)),
          scene_(*atlas_, projection_), timeline_(atlas_->history->key_dates()),
          view_(scene_.world, options.width, options.height) {
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
            ui_state_.messages.push_back(error.to_string());
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
            throw geo::InputError(atlas_->errors.front().to_string());
        }
        if (!options_.tour_file.empty()) {
            tour_source_ = geo::load_annotations(
                options_.tour_file, geo::ParseOptions{&atlas_->annotations, check_tours});
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
        set_date(slide.date, true);
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
                    // Levels of detail not needed for the first frame, built now.
                    scene_.land.prepare_all();
                    scene_.lakes.prepare_all();
                    for (const auto& region : scene_.regions) {
                        region.shapes.prepare_all();
                    }
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

    void draw(sf::RenderTarget& target) {
        if (navigator_ && navigator_->blank()) {
            target.clear(sf::Color::Black);
            return;
        }
        if (navigator_) {
            const geo::Slide& slide = tour_->slides[navigator_->current()];
            ui_->layout_presentation(view_, slide.title, slide.caption);
            map_.reserved_top_px = ui_->presentation_top();
            map_.reserved_bottom_px = ui_->presentation_bottom();
        }
        renderer_->draw(target, view_, map_, ui_->obstacles(view_, map_, ui_state_));
        ui_->draw(target, view_, map_, ui_state_);
        if (navigator_) {
            ui_->draw_presentation(target, view_, map_, navigator_->current(), navigator_->count(),
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

    void set_date(geo::Date date, bool announce) {
        const geo::Date before = map_.date;
        map_.date = date;
        if (!announce || before == date) {
            return;
        }
        const auto summary = summarize_step(atlas_->annotations, *atlas_->history, before, date);
        map_.highlighted_lines = summary.changed_lines;
        map_.highlighted_islands = summary.changed_islands;
        map_.highlight_strength = 1.0;
        ui_state_.caption = summary.caption;
        ui_state_.caption_alpha = 1.5;
    }

    void export_view(int factor) {
        export_factor_ = factor;
        ExportOptions options;
        options.width = static_cast<unsigned>(view_.width_px()) * static_cast<unsigned>(factor);
        options.height = static_cast<unsigned>(view_.height_px()) * static_cast<unsigned>(factor);
        options.exact_view = view_;
        options.scale = map_.ui_scale * factor;
        options.date = map_.date;
        options.language = map_.language;
        options.visible = map_.visible;
        const geo::Point centre = projection_.inverse(view_.center());
        char name[160];
        std::snprintf(name, sizeof name, "kuril-atlas_%s_%.3fE_%.3fN_%ux%u.png",
                      map_.date.iso().c_str(), centre.x, centre.y, options.width, options.height);
        options.out = pictures_folder() / name;
        try {
            const auto result = export_map(scene_, font_, options);
            ui_state_.notice = "Exported " + result.image.string() + " (" +
                               std::to_string(result.width) + "x" + std::to_string(result.height) +
                               ", with .pgw and .prj)";
            std::cout << "exported " << result.image.string() << '\n';
        } catch (const geo::InputError& error) {
            ui_state_.notice = std::string("Export failed: ") + error.what();
        }
        ui_state_.notice_alpha = 4.0;
        window_.setActive(true);
    }

    void click(float x, float y) {
        if (auto factor = ui_->export_button_at(x, y)) {
            export_view(*factor);
            return;
        }
        if (ui_->close_contains(x, y)) {
            map_.selected_island.clear();
            map_.selected_event.clear();
            return;
        }
        if (auto layer = ui_->layer_row_at(x, y)) {
            map_.toggle(*layer);
            return;
        }
        if (ui_->timeline_contains(x, y)) {
            dragging_timeline_ = true;
            set_date(timeline_.date_at(ui_->timeline_fraction(x)), false);
            return;
        }
        if (ui_->panel_contains(x, y)) {
            return;
        }
        const geo::Point map_point = view_.screen_to_map({x, y});
        if (ui_state_.measuring) {
            if (map_.measure_points.size() >= 2) {
                map_.measure_points.clear();
            }
            map_.measure_points.push_back(map_point);
            return;
        }
        const float radius = 9.f * static_cast<float>(map_.ui_scale);
        for (const auto& marker : renderer_->markers()) {
            if (std::hypot(marker.x - x, marker.y - y) <= radius) {
                map_.selected_event = marker.event->id;
                map_.selected_island.clear();
                return;
            }
        }
        if (const auto* region = scene_.region_at(map_point)) {
            map_.selected_island = region->island->id;
            map_.selected_event.clear();
        } else if (navigator_ && map_.selected_island.empty() && map_.selected_event.empty()) {
            present_command(PresentCommand::next); // a clicker's left click
        } else {
            map_.selected_island.clear();
            map_.selected_event.clear();
        }
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
            animator_.zoom_about(view_,
                                 {static_cast<double>(event.mouseWheelScroll.x),
                                  static_cast<double>(event.mouseWheelScroll.y)},
                                 std::pow(1.5, event.mouseWheelScroll.delta));
            break;
        case sf::Event::MouseButtonPressed:
            if (event.mouseButton.button == sf::Mouse::Left) {
                press_x_ = event.mouseButton.x;
                press_y_ = event.mouseButton.y;
                last_x_ = press_x_;
                last_y_ = press_y_;
                dragging_map_ = !ui_->panel_contains(static_cast<float>(press_x_),
                                                     static_cast<float>(press_y_)) &&
                                !ui_->timeline_contains(static_cast<float>(press_x_),
                                                        static_cast<float>(press_y_));
                moved_ = false;
                if (!dragging_map_) {
                    click(static_cast<float>(press_x_), static_cast<float>(press_y_));
                }
            }
            break;
        case sf::Event::MouseMoved:
            if (dragging_timeline_) {
                set_date(timeline_.date_at(
                             ui_->timeline_fraction(static_cast<float>(event.mouseMove.x))),
                         false);
            } else if (dragging_map_ && sf::Mouse::isButtonPressed(sf::Mouse::Left)) {
                const int dx = event.mouseMove.x - last_x_;
                const int dy = event.mouseMove.y - last_y_;
                if (std::abs(event.mouseMove.x - press_x_) +
                        std::abs(event.mouseMove.y - press_y_) >
                    3) {
                    moved_ = true;
                }
                if (moved_) {
                    animator_.stop();
                    view_.pan_pixels(dx, dy);
                }
                last_x_ = event.mouseMove.x;
                last_y_ = event.mouseMove.y;
            }
            break;
        case sf::Event::MouseButtonReleased:
            if (event.mouseButton.button == sf::Mouse::Left) {
                if (dragging_map_ && !moved_) {
                    click(static_cast<float>(event.mouseButton.x),
                          static_cast<float>(event.mouseButton.y));
                }
                dragging_map_ = false;
                dragging_timeline_ = false;
            }
            break;
        case sf::Event::KeyPressed:
            key(event.key.code);
            break;
        default:
            break;
        }
    }

    void key(sf::Keyboard::Key code) {
        if (navigator_ && presentation_key(code)) {
            return;
        }
        normal_key(code);
    }

    /// The presenter's keys; false when the key is not one of them.
    bool presentation_key(sf::Keyboard::Key code) {
        using K = sf::Keyboard;
        switch (code) {
        case K::Right:
        case K::Down:
        case K::PageDown:
        case K::Space:
            present_command(PresentCommand::next);
            return true;
        case K::Enter:
            present_command(PresentCommand::enter);
            return true;
        case K::Left:
        case K::Up:
        case K::PageUp:
        case K::BackSpace:
            present_command(PresentCommand::previous);
            return true;
        case K::Home:
            present_command(PresentCommand::first);
            return true;
        case K::End:
            present_command(PresentCommand::last);
            return true;
        case K::B:
        case K::Period:
            present_command(PresentCommand::blank);
            return true;
        case K::A:
            animate_ = !animate_;
            ui_state_.notice = animate_ ? "Animation on" : "Animation off";
            ui_state_.notice_alpha = 1.5;
            return true;
        case K::F:
            fullscreen_ = !fullscreen_;
            toggle_fullscreen();
            return true;
        case K::Escape:
            if (ui_state_.show_help || !map_.selected_island.empty() ||
                !map_.selected_event.empty() || ui_state_.measuring) {
                return false; // close those first
            }
            present_command(PresentCommand::leave);
            return true;
        default:
            if (code >= K::Num0 && code <= K::Num9) {
                present_command(PresentCommand::digit, code - K::Num0);
                return true;
            }
            if (code >= K::Numpad0 && code <= K::Numpad9) {
                present_command(PresentCommand::digit, code - K::Numpad0);
                return true;
            }
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

    void normal_key(sf::Keyboard::Key code) {
        const geo::Point centre{view_.width_px() / 2, view_.height_px() / 2};
        const double pan = 120 * map_.ui_scale;
        switch (code) {
        case sf::Keyboard::Left:
            view_.pan_pixels(pan, 0);
            break;
        case sf::Keyboard::Right:
            view_.pan_pixels(-pan, 0);
            break;
        case sf::Keyboard::Up:
            view_.pan_pixels(0, pan);
            break;
        case sf::Keyboard::Down:
            view_.pan_pixels(0, -pan);
            break;
        case sf::Keyboard::Add:
        case sf::Keyboard::Equal:
            animator_.zoom_about(view_, centre, 2.0);
            break;
        case sf::Keyboard::Subtract:
        case sf::Keyboard::Hyphen:
            animator_.zoom_about(view_, centre, 0.5);
            break;
        case sf::Keyboard::Home: {
            MapView fitted = view_;
            fitted.reset();
            animator_.move_to(view_, fitted.center(), fitted.metres_per_pixel());
            break;
        }
        case sf::Keyboard::LBracket:
            set_date(timeline_.previous_key_date(map_.date), true);
            break;
        case sf::Keyboard::RBracket:
            set_date(timeline_.next_key_date(map_.date), true);
            break;
        case sf::Keyboard::L:
            map_.language = static_cast<LabelLanguage>(
                (static_cast<std::size_t>(map_.language) + 1) % language_count);
            ui_state_.notice = "Labels: " + std::string(language_code(map_.language));
            ui_state_.notice_alpha = 1.5;
            break;
        case sf::Keyboard::M:
            ui_state_.measuring = !ui_state_.measuring;
            map_.measure_points.clear();
            break;
        case sf::Keyboard::H:
        case sf::Keyboard::F1:
            ui_state_.show_help = !ui_state_.show_help;
            break;
        case sf::Keyboard::Tab:
            ui_state_.show_layers = !ui_state_.show_layers;
            break;
        case sf::Keyboard::Escape:
            if (ui_state_.show_help) {
                ui_state_.show_help = false;
            } else if (ui_state_.measuring) {
                ui_state_.measuring = false;
                map_.measure_points.clear();
            } else if (!map_.selected_island.empty() || !map_.selected_event.empty()) {
                map_.selected_island.clear();
                map_.selected_event.clear();
            } else {
                ui_state_.messages.clear();
            }
            break;
        case sf::Keyboard::E:
            export_view(export_factor_);
            break;
        case sf::Keyboard::Q:
            window_.close();
            break;
        default:
            if (code >= sf::Keyboard::Num1 && code <= sf::Keyboard::Num8) {
                map_.toggle(static_cast<Layer>(code - sf::Keyboard::Num1));
            } else if (code >= sf::Keyboard::Numpad1 && code <= sf::Keyboard::Numpad8) {
                map_.toggle(static_cast<Layer>(code - sf::Keyboard::Numpad1));
            }
            break;
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
    sf::Font font_;
    std::unique_ptr<MapRenderer> renderer_;
    std::unique_ptr<ViewerUi> ui_;
    sf::RenderWindow window_;
    int press_x_ = 0;
    int press_y_ = 0;
    int last_x_ = 0;
    int last_y_ = 0;
    bool dragging_map_ = false;
    bool dragging_timeline_ = false;
    bool moved_ = false;
    int export_factor_ = 2;
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
    atlas_options.check = check_tours;
    auto atlas = geo::load_atlas_lenient(options.annotations, atlas_options);
    geo::Projection projection(options.display_crs.empty() ? std::string(geo::default_display_crs)
                                                           : options.display_crs);
    for (const auto& error : atlas->errors) {
        std::cerr << "kuril-atlas: " << error.to_string() << '\n';
    }
    ViewerApp app(options, std::move(atlas), std::move(projection));
    return app.run();
}

} // namespace kuril
