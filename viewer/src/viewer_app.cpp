// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewer/viewer_app.hpp"

#include "controller.hpp"
#include "export/manifest.hpp"
#include "export/view_export.hpp"
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "i18n/translate.hpp"
#include "input_map.hpp"
#include "map/map_frame.hpp"
#include "map/presentation.hpp"
#include "map/tour_check.hpp"
#include "map/user_layer.hpp"
#include "presenter.hpp"
#include "render/display.hpp"
#include "render/fonts.hpp"
#include "render/map_renderer.hpp"
#include "render/style.hpp"
#include "render/text.hpp"
#include "settings.hpp"
#include "ui/compare_overlay.hpp"
#include "util/phase_timer.hpp"
#include "util/strings.hpp"
#include "viewer/frame_updates.hpp"
#include "viewer/viewer_ui.hpp"
#include "xdg.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <cmath>
#include <future>
#include <iostream>
#include <optional>
#include <stop_token>
#include <thread>

using i18n::N_;

namespace kuril {
namespace {

/// Counts a fading value down; true while it was still showing.
bool fade(double& value, double amount) {
    if (value <= 0) {
        return false;
    }
    value = std::max(0.0, value - amount);
    return true;
}

/// The map's language pair (--lang), or an input error that names the option.
LabelLanguage map_language_of(const ViewerOptions& options) {
    if (auto language = language_from_code(options.language)) {
        return *language;
    }
    throw geo::InputError(N_("--lang '{value}': expected en, ja, ru, en+ja, en+ru or ja+ru"),
                          {{"value", options.language}});
}

/// The interface's language (--ui-lang), or an input error that names the option.
TextLanguage ui_language_of(const ViewerOptions& options) {
    if (auto language = text_language_from_code(options.text_language)) {
        return *language;
    }
    throw geo::InputError(N_("--ui-lang '{value}': expected en, ja or ru"),
                          {{"value", options.text_language}});
}

/// Opens (or opens again) the viewer's window: windowed at the size asked for, or full screen.
void open_window(sf::RenderWindow& window, bool fullscreen, unsigned width, unsigned height) {
    // No depth or stencil buffer: fills are triangulated and drawn in one pass.
    const sf::ContextSettings settings;
    const sf::VideoMode mode =
        fullscreen ? sf::VideoMode::getDesktopMode() : sf::VideoMode(width, height);
    window.create(mode, "Kuril Atlas", fullscreen ? sf::Style::Fullscreen : sf::Style::Default,
                  settings);
}

/// The window and its loop: events go to the controller (and a tour's presenter), each frame
/// lays out the UI, draws the map clear of it, then the UI.
class ViewerApp {
public:
    /// The data as the loading thread leaves it: the atlas, the projection and the scene
    /// made of them (which refers to both).
    struct Loaded {
        std::unique_ptr<geo::Atlas> atlas;
        std::unique_ptr<geo::Projection> projection;
        std::unique_ptr<MapScene> scene;
    };

    /// `window` is open already (it opened while the data loaded) and outlives the app.
    ViewerApp(const ViewerOptions& options, Loaded loaded, const sf::Font& font,
              sf::RenderWindow& window)
        : window_(window), options_(options), atlas_(std::move(loaded.atlas)),
          owned_projection_(std::move(loaded.projection)), projection_(*owned_projection_),
          owned_scene_(std::move(loaded.scene)), scene_(*owned_scene_),
          timeline_(atlas_->history->key_dates()),
          view_(scene_.world, options.width, options.height, scene_.data_area),
          controller_(scene_, timeline_, view_, animator_, map_, ui_state_) {
        PhaseTimer::global().mark("map scene");
        font_ = font; // shares the loaded face
        renderer_ = std::make_unique<MapRenderer>(scene_, font_);
        ui_ = std::make_unique<ViewerUi>(scene_, timeline_, font_);
        if (!options.date.empty()) {
            map_.date = geo::parse_day(options.date);
        }
        map_.language = map_language_of(options);
        map_.text_language = ui_language_of(options);
        if (!options.date.empty()) {
            // The timeline runs from 1850 to today: a date beyond it is shown at its end (said
            // in the interface language, known from here on).
            const geo::Date clamped = std::clamp(map_.date, timeline_.first(), timeline_.last());
            if (clamped != map_.date) {
                controller_.notify(
                    i18n::format(i18n::tr(ui_language(),
                                          "--date {date} lies outside the timeline ({first} to "
                                          "{last}): showing {shown}"),
                                 {{"date", options.date},
                                  {"first", timeline_.first().iso()},
                                  {"last", timeline_.last().iso()},
                                  {"shown", clamped.iso()}}),
                    8.0);
                map_.date = clamped;
            }
        }
        // A point of view remembered from an earlier run that the annotations no longer
        // define is dropped (de facto); one asked for on the command line must exist.
        if (options.pov_given || atlas_->annotations.point_of_view(options.pov) != nullptr) {
            check_pov(atlas_->annotations, options.pov, "--pov");
            map_.pov = options.pov;
        }
        // The projector theme (view --theme, or remembered): the map's own contrast raised.
        map_.high_contrast = options.projector_theme;
        for (const auto& error : atlas_->errors) {
            ui_state_.messages.push_back(error.to_string(ui_language()));
        }
        if (!options.settings_message.empty()) {
            ui_state_.messages.push_back(options.settings_message.text(ui_language()));
        }
        if (!options.layers.empty()) {
            map_.visible = layers_from_list(options.layers);
        }
        if (options.compare) {
            map_.date = (*options.compare)[0];
            controller_.set_compare(options.swipe ? CompareMode::swipe : CompareMode::side_by_side,
                                    (*options.compare)[1]);
        }
        fullscreen_ = options.fullscreen;
        const UserLayerOptions& user_layers = options.user_layers;
        for (std::size_t i = 0; i < user_layers.files.size(); ++i) {
            // Before the window opens: a file that cannot be drawn is a bad option (exit 2).
            for (auto& layer : load_user_layers(user_layers.files[i], user_layers,
                                                user_layers.style_of(i), projection_)) {
                scene_.user_layers.push_back(std::move(layer));
            }
        }
        check_label_field(scene_.user_layers, user_layers.label_field);
        if (options.present) {
            presenter_ =
                std::make_unique<Presenter>(options_, scene_, font_, controller_, std::cout);
        }
    }

    /// A file from the layer prompt (O): its layers added over the land, or the reason it cannot
    /// be in the window's messages (the map goes on as it was).
    void add_user_layer(const std::string& path) {
        try {
            // Styled as the files given after the last --layer-style.
            auto layers = load_user_layers(
                path, options_.user_layers,
                options_.user_layers.style_of(options_.user_layers.files.size() + added_files_++),
                projection_);
            std::size_t features = 0;
            for (auto& layer : layers) {
                features += layer.features.size();
                scene_.user_layers.push_back(std::move(layer));
            }
            controller_.notify(
                i18n::format(i18n::tr(ui_language(), "Added {file} (layers: {layers}, "
                                                     "features: {features})"),
                             {{"file", std::filesystem::path(path).filename().string()},
                              {"layers", std::to_string(layers.size())},
                              {"features", std::to_string(features)}}),
                4.0);
        } catch (const geo::InputError& error) {
            ui_state_.messages.push_back(one_line(error.text(ui_language()), 300));
        }
        frame_.reset(); // its indexes name the scene's layers as they were
        other_frame_.reset();
    }

    void remove_user_layer(std::size_t index) {
        if (index >= scene_.user_layers.size()) {
            return;
        }
        const std::string title = scene_.user_layers[index].title;
        scene_.user_layers.erase(scene_.user_layers.begin() + static_cast<std::ptrdiff_t>(index));
        map_.selected_user_feature.reset();
        ui_state_.compare.other.selected_user_feature.reset();
        frame_.reset();
        other_frame_.reset();
        controller_.notify(
            i18n::format(i18n::tr(ui_language(), "Removed your layer {title}"), {{"title", title}}),
            3.0);
    }

    int run() {
        // The levels of detail the first view draws are built on the second core while this
        // one opens the window and lays out the first frame (a level asked for meanwhile is
        // waited for, or built by whichever thread comes first; a view fitted to another
        // scale builds its own).
        const double first_scale =
            options_.start_view ? std::get<2>(*options_.start_view) : view_.metres_per_pixel();
        first_levels_ = std::async(std::launch::async, [this, first_scale] {
            scene_.prepare_for(first_scale, first_scale, !map_.shows(Layer::status),
                               map_.shows(Layer::status) || map_.shows(Layer::labels));
        });
        configure_window();
        PhaseTimer::global().mark("window");
        try {
            // The first frame is already fitted clear of the panels: the layout is made
            // before the view spec is applied (a tour's slides fit themselves).
            ScreenInsets insets;
            if (!presenter_) {
                prepare_frame();
                insets = layout_.map_insets();
                controller_.set_map_insets(insets);
            }
            options_.view.apply(scene_, view_, insets);
            if (options_.start_view) {
                const auto [lon, lat, mpp] = *options_.start_view;
                const geo::Point centre = projection_.forward({lon, lat});
                if (std::isfinite(centre.x) && std::isfinite(centre.y)) {
                    view_.set(centre, mpp);
                }
            }
        } catch (const geo::InputError& error) {
            ui_state_.messages.push_back(error.text(ui_language()));
        }
        if (presenter_) {
            presenter_->start(&window_);
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
                    PhaseTimer::global().mark("first frame");
                    // On the second core, so that the window answers at once; a level asked
                    // for meanwhile is built by whichever thread comes first. A screenshot
                    // needs none of them.
                    if (options_.screenshot.empty()) {
                        remaining_levels_ = std::jthread(
                            [this, user_shapes = user_layer_shapes(scene_)](std::stop_token stop) {
                                prepare_remaining_levels(scene_, user_shapes, stop);
                            });
                    }
                }
                if (!options_.screenshot.empty() && frames >= 3) {
                    return save_screenshot();
                }
            } else {
                sf::sleep(sf::milliseconds(8));
            }
        }
        save_where_left();
        return 0;
    }

private:
    /// Saves the date, view, languages, point of view, layers and window size for the next
    /// start (not for a tour or a screenshot); a failure is said on stderr, never fatal.
    void save_where_left() {
        if (!options_.remember) { // false for a presentation (apply_settings)
            return;
        }
        ViewerSettings settings;
        settings.date = map_.date;
        const geo::Point centre = projection_.inverse(view_.center());
        if (std::isfinite(centre.x) && std::isfinite(centre.y)) {
            settings.view = SavedView{centre.x, centre.y, view_.metres_per_pixel()};
        }
        settings.language = std::string(language_code(map_.language));
        settings.ui_language = std::string(ui_language());
        settings.pov = map_.pov;
        settings.layers = layer_list(map_.visible);
        settings.theme = map_.high_contrast ? "projector" : "default";
        if (windowed_size_.x > 0) {
            settings.width = windowed_size_.x;
            settings.height = windowed_size_.y;
        }
        try {
            save_settings(settings_file(), settings);
        } catch (const geo::InputError& error) {
            const std::string_view lang = ui_language();
            std::cerr << "kuril-atlas: "
                      << i18n::format(i18n::tr(lang, "the settings were not saved: {error}"),
                                      {{"error", error.text(lang)}})
                      << '\n';
        }
    }

    void create_window() {
        open_window(window_, fullscreen_, options_.width, options_.height);
        configure_window();
    }

    /// The frame rate, and the view and UI scale fitted to the window's size.
    void configure_window() {
        window_.setVerticalSyncEnabled(false);
        window_.setFramerateLimit(60);
        resize(window_.getSize().x, window_.getSize().y);
    }

    void resize(unsigned width, unsigned height) {
        if (!fullscreen_) {
            windowed_size_ = {width, height};
        }
        view_.resize(width, height);
        ui_state_.compare.window_width = static_cast<float>(width);
        // A tour is read from the back of a room: its labels and lines grow with the screen.
        map_.ui_scale = options_.ui_scale > 0 ? options_.ui_scale
                        : presenter_          ? slide_ui_scale(height)
                                              : window_ui_scale(height);
        window_.setView(
            sf::View(sf::FloatRect(0, 0, static_cast<float>(width), static_cast<float>(height))));
    }

    /// Lays out the UI first: the map keeps its labels out of exactly what is drawn over it.
    void draw() {
        if (presenter_ && presenter_->navigator().blank()) {
            window_.clear(sf::Color::Black);
            return;
        }
        prepare_frame();
        if (!layout_.compare || !other_frame_) {
            renderer_->draw(window_, *frame_, layout_.obstacles());
            controller_.set_placed_labels(renderer_->placed_labels());
        } else {
            draw_compare_halves(*other_frame_);
        }
        ui_->draw(window_, layout_, map_, ui_state_);
        if (presenter_) {
            const auto& navigator = presenter_->navigator();
            ui_->draw_slide(window_, layout_, navigator.current(), navigator.count(),
                            navigator.typed_number(), presenter_->projector_theme());
        }
    }

    /// The frames (the map's, and a compare view's other half's) and the UI laid out from
    /// them: the view resized for a side-by-side view, the map's reserved bands set.
    void prepare_frame() {
        // One frame decides what is shown; the UI is laid out from it before the map is drawn,
        // and clicks are tested against both until the next frame.
        const CompareView& compare = ui_state_.compare;
        const auto window_width = static_cast<float>(window_.getSize().x);
        // Side by side, the one view both halves show is a half's size; otherwise the window's.
        const double view_width =
            compare.mode == CompareMode::side_by_side
                ? compare_half_width(window_width, static_cast<float>(map_.ui_scale))
                : window_width;
        if (view_.width_px() != view_width) {
            view_.resize(view_width, view_.height_px());
        }
        frame_.emplace(build_frame(scene_, map_, view_));
        std::optional<MapFrame> other;
        if (compare.mode != CompareMode::off) {
            MapState& state = ui_state_.compare.other;
            state.ui_scale = map_.ui_scale;
            state.high_contrast = map_.high_contrast;
            other.emplace(build_frame(scene_, state, view_));
        }
        layout_ = ui_->layout(*frame_, ui_state_, presenter_ ? &presenter_->slide() : nullptr,
                              other ? &*other : nullptr, window_width);
        controller_.set_map_insets(layout_.map_insets());
        // The map's furniture keeps clear of the bands this layout puts at the top and bottom.
        map_.reserved_top_px = (layout_.slide ? layout_.slide->title_height : 0.0) +
                               (layout_.compare ? layout_.compare->heading_height : 0.0);
        map_.reserved_bottom_px =
            layout_.slide ? layout_.slide->caption_height : layout_.timeline_height;
        frame_->state.reserved_top_px = map_.reserved_top_px;
        frame_->state.reserved_bottom_px = map_.reserved_bottom_px;
        if (other) {
            other->state.reserved_top_px = map_.reserved_top_px;
            other->state.reserved_bottom_px = map_.reserved_bottom_px;
        }
        other_frame_ = std::move(other);
    }

    /// Both halves of a compare view, each through the renderer into its area of the window:
    /// the half with focus from `frame_`, the other from `other`.
    void draw_compare_halves(const MapFrame& other) {
        window_.clear(sf::Color::White); // under the bar between the halves
        const CompareLayout& compare = *layout_.compare;
        const auto obstacles = layout_.obstacles();
        for (std::size_t side = 0; side < 2; ++side) {
            const CompareHalfLayout& half = compare.halves[side];
            if (half.area.width < 1 || half.area.height < 1) {
                continue;
            }
            // The obstacles in the pixels of the view the half shows.
            const float dx = half.area.left - half.tile.left;
            std::vector<ScreenRect> own = obstacles;
            for (auto& rect : own) {
                rect.left -= dx;
            }
            const bool focused = half.focused;
            const sf::IntRect area(
                static_cast<int>(half.area.left), static_cast<int>(half.area.top),
                static_cast<int>(half.area.width), static_cast<int>(half.area.height));
            renderer_->draw(window_, focused ? *frame_ : other, own, half.tile, area);
            if (focused) {
                controller_.set_placed_labels(renderer_->placed_labels());
            }
        }
        window_.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(window_.getSize().x),
                                               static_cast<float>(window_.getSize().y))));
    }

    int save_screenshot() {
        sf::Texture texture;
        texture.create(window_.getSize().x, window_.getSize().y);
        texture.update(window_);
        if (!texture.copyToImage().saveToFile(options_.screenshot.string())) {
            throw geo::InputError(N_("{file}: cannot write the screenshot"),
                                  {{"file", options_.screenshot.string()}});
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
            if (!controller_.layer_prompt_text(static_cast<char32_t>(event.text.unicode))) {
                controller_.search_text(static_cast<char32_t>(event.text.unicode));
            }
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
        if (auto request = controller_.layer_prompt_key(key)) {
            return *request;
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
        case WindowRequest::add_layer:
            add_user_layer(request.text);
            break;
        case WindowRequest::remove_layer:
            remove_user_layer(static_cast<std::size_t>(request.factor));
            break;
        case WindowRequest::none:
            break;
        }
    }

    void export_view(int factor) {
        ExportOptions options = export_options_for_view(view_, map_, projection_, factor,
                                                        pictures_folder(), layout_.obstacles());
        const CompareView& compare = ui_state_.compare;
        if (compare.mode != CompareMode::off) {
            // Both halves side by side at the window's width times the factor, each showing the
            // one view with its own date (the panels and bands over the window are its own).
            const MapState& left = compare.focus_right ? compare.other : map_;
            const MapState& right = compare.focus_right ? map_ : compare.other;
            options.compare = {{CompareHalfOptions{left.date, left.pov},
                                CompareHalfOptions{right.date, right.pov}}};
            options.date = left.date;
            options.width = window_.getSize().x * static_cast<unsigned>(factor);
            options.view_obstacles.clear();
            options.view_reserved_top_px = 0;
            options.view_reserved_bottom_px = 0;
            options.out = pictures_folder() /
                          view_export_file_name(left.date, projection_.inverse(view_.center()),
                                                options.width, options.height);
            options.manifest = manifest_path_for(options.out);
        }
        try {
            const auto result = export_map(scene_, font_, options);
            const std::string_view lang = ui_language();
            controller_.notify(
                i18n::format(
                    i18n::tr(lang, "Exported {file} ({size}, with {world_files}, .prj and the "
                                   "manifest .json)"),
                    {{"file", result.image.string()},
                     {"size", std::to_string(result.width) + "x" + std::to_string(result.height)},
                     {"world_files",
                      result.right_world_file.empty() ? ".pgw" : ".left.pgw, .right.pgw"}}),
                4.0);
            std::cout << "exported " << result.image.string() << '\n';
        } catch (const geo::InputError& error) {
            controller_.notify(i18n::format(i18n::tr(ui_language(), "Export failed: {error}"),
                                            {{"error", error.text(ui_language())}}),
                               4.0);
        }
        window_.setActive(true);
    }

    /// The interface's language code ("en", "ja" or "ru"): panels, notices, messages.
    std::string_view ui_language() const { return text_language_code(map_.text_language); }

    sf::RenderWindow& window_;
    ViewerOptions options_;
    std::unique_ptr<geo::Atlas> atlas_;
    std::unique_ptr<geo::Projection> owned_projection_;
    const geo::Projection& projection_;
    std::unique_ptr<MapScene> owned_scene_;
    MapScene& scene_;
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
    std::size_t added_files_ = 0;         ///< files added with the prompt (O)
    std::optional<MapFrame> frame_;       ///< the frame last drawn
    std::optional<MapFrame> other_frame_; ///< a compare view's other half's, last drawn

    /// The frame last drawn (what a click hits), or the current state's before any frame.
    const MapFrame& current_frame() {
        if (!frame_) {
            frame_.emplace(build_frame(scene_, map_, view_));
        }
        return *frame_;
    }
    bool fullscreen_ = false;
    sf::Vector2u windowed_size_; ///< the window's last size out of full screen
    /// Builds the levels of detail of the first view while the window opens, and the scene's
    /// other levels after the first frame; declared after the scene, so that they are
    /// finished (the first), or stopped and joined, before the scene goes.
    std::future<void> first_levels_;
    std::jthread remaining_levels_;
};

} // namespace

int run_viewer(const ViewerOptions& given) {
    require_display();
    const ViewerOptions options = apply_settings(given, settings_file());
    auto& timer = PhaseTimer::global();
    geo::AtlasOptions atlas_options;
    atlas_options.data_crs = options.data_crs;
    atlas_options.check = check_tours;
    // The options that need no data are checked first: a mistyped one is said on the command
    // line (exit 2) at once, without a window flashing open.
    map_language_of(options);
    ui_language_of(options);
    if (!options.date.empty()) {
        geo::parse_day(options.date);
    }
    if (!options.layers.empty()) {
        layers_from_list(options.layers);
    }
    // The data load on a second thread, and the map scene is made of them there (projected,
    // indexed; PROJ opens its database), while this one starts OpenGL (the driver's first
    // context costs about as much as the loading) and loads the font; they share nothing.
    auto loading = std::async(std::launch::async, [&options, &atlas_options] {
        ViewerApp::Loaded loaded;
        loaded.atlas = geo::load_atlas_lenient(options.annotations, atlas_options);
        loaded.projection = std::make_unique<geo::Projection>(
            options.display_crs.empty() ? std::string(geo::default_display_crs)
                                        : options.display_crs);
        loaded.scene = std::make_unique<MapScene>(*loaded.atlas, *loaded.projection);
        return loaded;
    });
    // The window opens (OpenGL starts: the driver's first context costs about as much as the
    // loading) and shows the sea's colour while the data load.
    sf::RenderWindow window;
    open_window(window, options.fullscreen, options.width, options.height);
    window.clear(style::sea_colour(options.projector_theme));
    window.display();
    timer.mark("OpenGL");
    sf::Font font;
    load_map_font(font);
    timer.mark("font");
    MapRenderer::warm_up_driver(window, font, style::sea_colour(options.projector_theme));
    timer.mark("driver warmed up");
    auto loaded = loading.get();
    timer.mark("wait for data");
    // In the interface language asked for, as the command line says its errors (English if
    // it is not one: the window refuses it).
    const auto text_language = text_language_from_code(options.text_language);
    const std::string_view lang = text_language ? text_language_code(*text_language) : "en";
    for (const auto& error : loaded.atlas->errors) {
        std::cerr << "kuril-atlas: " << error.to_string(lang) << '\n';
    }
    ViewerApp app(options, std::move(loaded), font, window);
    timer.mark("scene");
    return app.run();
}

} // namespace kuril
