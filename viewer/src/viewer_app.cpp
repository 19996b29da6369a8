#include "viewer/viewer_app.hpp"

#include "controller.hpp"
#include "export/view_export.hpp"
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "input_map.hpp"
#include "map/tour_check.hpp"
#include "presenter.hpp"
#include "render/display.hpp"
#include "render/fonts.hpp"
#include "render/map_renderer.hpp"
#include "render/text.hpp"
#include "viewer/frame_updates.hpp"
#include "viewer/viewer_ui.hpp"
#include "xdg.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <iostream>

namespace kuril {
namespace {

double auto_ui_scale(unsigned height) {
    return std::clamp(height / 900.0, 1.0, 2.5);
}

/// Counts a fading value down; true while it was still showing.
bool fade(double& value, double amount) {
    if (value <= 0) {
        return false;
    }
    value = std::max(0.0, value - amount);
    return true;
}

/// The window and its loop: events go to the controller (and a tour's presenter), each frame
/// lays out the UI, draws the map clear of it, then the UI.
class ViewerApp {
public:
    ViewerApp(const ViewerOptions& options, std::unique_ptr<geo::Atlas> atlas,
              geo::Projection projection)
        : options_(options), atlas_(std::move(atlas)), projection_(std::move(projection)),
          scene_(*atlas_, projection_), timeline_(atlas_->history->key_dates()),
          view_(scene_.world, options.width, options.height, scene_.data_area),
          controller_(scene_, timeline_, view_, animator_, map_, ui_state_) {
        load_map_font(font_);
        renderer_ = std::make_unique<MapRenderer>(scene_, font_);
        ui_ = std::make_unique<ViewerUi>(scene_, timeline_, font_);
        if (!options.date.empty()) {
            map_.date = geo::parse_day(options.date);
            // The timeline runs from 1850 to today: a date beyond it is shown at its end.
            const geo::Date clamped = std::clamp(map_.date, timeline_.first(), timeline_.last());
            if (clamped != map_.date) {
                controller_.notify("--date " + options.date + " lies outside the timeline (" +
                                       timeline_.first().iso() + " to " + timeline_.last().iso() +
                                       "): showing " + clamped.iso(),
                                   8.0);
                map_.date = clamped;
            }
        }
        if (auto language = language_from_code(options.language)) {
            map_.language = *language;
        } else {
            throw geo::InputError("--lang '" + options.language +
                                  "': expected en, ja, ru, en+ja, en+ru or ja+ru");
        }
        if (auto language = text_language_from_code(options.text_language)) {
            map_.text_language = *language;
        } else {
            throw geo::InputError("--ui-lang '" + options.text_language +
                                  "': expected en, ja or ru");
        }
        for (const auto& error : atlas_->errors) {
            ui_state_.messages.push_back(error.to_string());
        }
        fullscreen_ = options.fullscreen;
        if (options.present) {
            presenter_ =
                std::make_unique<Presenter>(options_, scene_, font_, controller_, std::cout);
        }
    }

    int run() {
        create_window();
        try {
            // The first frame is already fitted clear of the panels: the layout is made
            // before the view spec is applied (a tour's slides fit themselves).
            ScreenInsets insets;
            if (!presenter_) {
                frame_.emplace(build_frame(scene_, map_, view_));
                layout_ = ui_->layout(*frame_, ui_state_, nullptr);
                insets = layout_.map_insets();
                controller_.set_map_insets(insets);
            }
            options_.view.apply(scene_, view_, insets);
        } catch (const geo::InputError& error) {
            ui_state_.messages.push_back(error.what());
        }
        if (presenter_) {
            presenter_->start();
        } else if (options_.play) {
            controller_.toggle_playback();
        }
        sf::Clock clock;
        bool dirty = true;
        int frames = 0;
        while (window_.isOpen()) {
            sf::Event event;
            while (window_.pollEvent(event)) {
                handle(event);
                dirty = true;
            }
            const double dt = std::min(0.1, clock.restart().asSeconds() * 1.0);
            if (presenter_) {
                for (const auto key : presenter_->poll_notes_window()) {
                    perform(key_command(key));
                    dirty = true;
                }
                presenter_->draw_notes_window(dirty, window_);
                dirty = presenter_->update(dt) || dirty;
            }
            if (animator_.update(view_, dt)) {
                dirty = true;
            }
            if (controller_.advance_playback(dt)) {
                dirty = true;
            }
            if (fade(map_.highlight_strength, dt / 2.5) | fade(ui_state_.caption_alpha, dt / 6) |
                fade(ui_state_.notice_alpha, dt / 5)) {
                dirty = true;
            }
            if ((dirty || !options_.screenshot.empty()) && window_.isOpen()) {
                draw();
                window_.display();
                dirty = false;
                if (++frames == 1) {
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
    void create_window() {
        sf::ContextSettings settings;
        settings.stencilBits = 8;
        const sf::VideoMode mode = fullscreen_ ? sf::VideoMode::getDesktopMode()
                                               : sf::VideoMode(options_.width, options_.height);
        window_.create(mode, "Kuril Atlas",
                       fullscreen_ ? sf::Style::Fullscreen : sf::Style::Default, settings);
        window_.setVerticalSyncEnabled(false);
        window_.setFramerateLimit(60);
        resize(window_.getSize().x, window_.getSize().y);
    }

    void resize(unsigned width, unsigned height) {
        view_.resize(width, height);
        map_.ui_scale = options_.ui_scale > 0 ? options_.ui_scale : auto_ui_scale(height);
        window_.setView(
            sf::View(sf::FloatRect(0, 0, static_cast<float>(width), static_cast<float>(height))));
    }

    /// Lays out the UI first: the map keeps its labels out of exactly what is drawn over it.
    void draw() {
        if (presenter_ && presenter_->navigator().blank()) {
            window_.clear(sf::Color::Black);
            return;
        }
        // One frame decides what is shown; the UI is laid out from it before the map is drawn,
        // and clicks are tested against both until the next frame.
        frame_.emplace(build_frame(scene_, map_, view_));
        layout_ = ui_->layout(*frame_, ui_state_, presenter_ ? &presenter_->slide() : nullptr);
        controller_.set_map_insets(layout_.map_insets());
        // The map's furniture keeps clear of the bands this layout puts at the top and bottom.
        map_.reserved_top_px = layout_.slide ? layout_.slide->title_height : 0.0;
        map_.reserved_bottom_px =
            layout_.slide ? layout_.slide->caption_height : layout_.timeline_height;
        frame_->state.reserved_top_px = map_.reserved_top_px;
        frame_->state.reserved_bottom_px = map_.reserved_bottom_px;
        renderer_->draw(window_, *frame_, layout_.obstacles());
        controller_.set_placed_labels(renderer_->placed_labels());
        ui_->draw(window_, layout_, map_, ui_state_);
        if (presenter_) {
            const auto& navigator = presenter_->navigator();
            ui_->draw_slide(window_, layout_, navigator.current(), navigator.count(),
                            navigator.typed_number(), presenter_->projector_theme());
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

    void handle(const sf::Event& event) {
        switch (event.type) {
        case sf::Event::Closed:
            window_.close();
            break;
        case sf::Event::Resized:
            resize(event.size.width, event.size.height);
            break;
        case sf::Event::MouseWheelScrolled:
            controller_.wheel(layout_, static_cast<float>(event.mouseWheelScroll.x),
                              static_cast<float>(event.mouseWheelScroll.y),
                              event.mouseWheelScroll.delta);
            break;
        case sf::Event::MouseButtonPressed:
            if (event.mouseButton.button == sf::Mouse::Left) {
                perform(controller_.press(layout_, current_frame(), event.mouseButton.x,
                                          event.mouseButton.y));
            }
            break;
        case sf::Event::MouseMoved:
            controller_.move(layout_, event.mouseMove.x, event.mouseMove.y,
                             sf::Mouse::isButtonPressed(sf::Mouse::Left));
            break;
        case sf::Event::MouseButtonReleased:
            if (event.mouseButton.button == sf::Mouse::Left) {
                perform(controller_.release(layout_, current_frame(), event.mouseButton.x,
                                            event.mouseButton.y));
            }
            break;
        case sf::Event::KeyPressed:
            perform(key_command(event.key.code));
            break;
        case sf::Event::TextEntered:
            controller_.search_text(static_cast<char32_t>(event.text.unicode));
            break;
        default:
            break;
        }
    }

    /// A tour's keys first, then the map's.
    WindowRequest key_command(sf::Keyboard::Key key) {
        if (controller_.search_key(key)) {
            return {};
        }
        if (controller_.type_date_key(key)) {
            return {};
        }
        if (presenter_) {
            if (auto request = presenter_->key(key)) {
                return *request;
            }
        }
        if (auto command = map_command(key)) {
            return controller_.apply(*command, &layout_);
        }
        return {};
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
            create_window();
            if (presenter_) {
                presenter_->show_again();
            }
            break;
        case WindowRequest::empty_map_click:
            if (presenter_) {
                perform(presenter_->next());
            }
            break;
        case WindowRequest::copy_to_clipboard:
            sf::Clipboard::setString(utf8(request.text));
            break;
        case WindowRequest::none:
            break;
        }
    }

    void export_view(int factor) {
        const ExportOptions options = export_options_for_view(
            view_, map_, projection_, factor, pictures_folder(), layout_.obstacles());
        try {
            const auto result = export_map(scene_, font_, options);
            controller_.notify(
                "Exported " + result.image.string() + " (" + std::to_string(result.width) + "x" +
                    std::to_string(result.height) + ", with .pgw, .prj and the manifest .json)",
                4.0);
            std::cout << "exported " << result.image.string() << '\n';
        } catch (const geo::InputError& error) {
            controller_.notify(std::string("Export failed: ") + error.what(), 4.0);
        }
        window_.setActive(true);
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
    std::unique_ptr<Presenter> presenter_;
    UiLayout layout_;
    std::optional<MapFrame> frame_; ///< the frame last drawn

    /// The frame last drawn (what a click hits), or the current state's before any frame.
    const MapFrame& current_frame() {
        if (!frame_) {
            frame_.emplace(build_frame(scene_, map_, view_));
        }
        return *frame_;
    }
    sf::RenderWindow window_;
    bool fullscreen_ = false;
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
