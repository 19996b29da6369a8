// SPDX-License-Identifier: GPL-3.0-or-later
#include "controller.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "layer_prompt.hpp"
#include "map/view_spec.hpp"
#include "util/strings.hpp"
#include "viewer/frame_updates.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <sstream>

namespace kuril {
namespace {

/// "4 years", "1 year", "0.5 years" a second, in the interface's language.
std::string speed_words(double years, std::string_view lang) {
    std::ostringstream number;
    number << years;
    return i18n::format(years == 1 ? i18n::tr(lang, "{years} year a second")
                                   : i18n::tr(lang, "{years} years a second"),
                        {{"years", number.str()}});
}

} // namespace

Controller::Controller(const MapScene& scene, const Timeline& timeline, MapView& view,
                       ViewAnimator& animator, MapState& map, UiState& ui)
    : scene_(scene), timeline_(timeline), view_(view), animator_(animator), map_(map), ui_(ui) {}

WindowRequest Controller::apply(ViewerCommand command, const UiLayout* layout) {
    const std::string_view lang = text_language_code(map_.text_language);
    const geo::Point centre{view_.width_px() / 2, view_.height_px() / 2};
    const double pan = 120 * map_.ui_scale;
    switch (command.action) {
    case ViewerAction::pan_left:
        view_.pan_pixels(pan, 0);
        break;
    case ViewerAction::pan_right:
        view_.pan_pixels(-pan, 0);
        break;
    case ViewerAction::pan_up:
        view_.pan_pixels(0, pan);
        break;
    case ViewerAction::pan_down:
        view_.pan_pixels(0, -pan);
        break;
    case ViewerAction::zoom_in:
        animator_.zoom_about(view_, centre, 2.0);
        break;
    case ViewerAction::zoom_out:
        animator_.zoom_about(view_, centre, 0.5);
        break;
    case ViewerAction::whole_region: {
        MapView fitted = view_;
        fitted.reset(insets_);
        animator_.move_to(view_, fitted.center(), fitted.metres_per_pixel());
        break;
    }
    case ViewerAction::previous_date:
        set_date(timeline_.previous_key_date(map_.date), true);
        break;
    case ViewerAction::next_date:
        set_date(timeline_.next_key_date(map_.date), true);
        break;
    case ViewerAction::cycle_language:
        map_.language = static_cast<LabelLanguage>((static_cast<std::size_t>(map_.language) + 1) %
                                                   language_count);
        notify(i18n::format(i18n::tr(lang, "Labels: {languages}"),
                            {{"languages", language_code(map_.language)}}),
               1.5);
        break;
    case ViewerAction::cycle_pov: {
        const auto& povs = scene_.atlas->annotations.points_of_view;
        if (povs.empty()) {
            break;
        }
        std::size_t next = 0;
        for (std::size_t i = 0; i < povs.size(); ++i) {
            if (povs[i].id == map_.pov) {
                next = (i + 1) % povs.size();
            }
        }
        set_pov(povs[next].id);
        break;
    }
    case ViewerAction::toggle_layer:
        if (command.value >= 0 && static_cast<std::size_t>(command.value) < layer_count) {
            map_.toggle(static_cast<Layer>(command.value));
        }
        break;
    case ViewerAction::toggle_layers_panel:
        ui_.show_layers = !ui_.show_layers;
        break;
    case ViewerAction::toggle_measure:
        ui_.measuring = !ui_.measuring;
        map_.measure_points.clear();
        break;
    case ViewerAction::toggle_help:
        ui_.show_help = !ui_.show_help;
        break;
    case ViewerAction::find_name:
        ui_.search = NameSearch{};
        break;
    case ViewerAction::add_layer:
        ui_.layer_prompt = LayerPrompt{};
        break;
    case ViewerAction::remove_layer:
        if (map_.selected_user_feature) {
            return {WindowRequest::remove_layer,
                    static_cast<int>(map_.selected_user_feature->first)};
        }
        notify(std::string(scene_.user_layers.empty()
                               ? i18n::tr(lang, "No layer of yours to remove (O adds one)")
                               : i18n::tr(lang, "Click a feature of your layer, then Delete "
                                                "removes that layer")),
               4.0);
        break;
    case ViewerAction::cycle_compare:
        if (ui_.compare.mode == CompareMode::off) {
            set_compare(CompareMode::side_by_side);
            notify(std::string(i18n::tr(
                       lang, "Compare: side by side (S: swipe; click a half to move its date)")),
                   3.0);
        } else if (ui_.compare.mode == CompareMode::side_by_side) {
            set_compare(CompareMode::swipe);
            notify(std::string(i18n::tr(lang, "Compare: swipe (drag the divider; S: off)")), 3.0);
        } else {
            set_compare(CompareMode::off);
            notify(std::string(i18n::tr(lang, "Compare off")), 1.5);
        }
        break;
    case ViewerAction::toggle_play:
        if (!ui_.presenting) {
            toggle_playback();
        }
        break;
    case ViewerAction::play_slower: // a tour has no timeline to play
        if (!ui_.presenting) {
            change_play_speed(slower_playback_speed(ui_.play_speed));
        }
        break;
    case ViewerAction::play_faster:
        if (!ui_.presenting) {
            change_play_speed(faster_playback_speed(ui_.play_speed));
        }
        break;
    case ViewerAction::go_to_date:
        ui_.typed_date = std::string();
        show_typed_date();
        break;
    case ViewerAction::close:
        if (ui_.show_help) {
            ui_.show_help = false;
        } else if (ui_.measuring) {
            ui_.measuring = false;
            map_.measure_points.clear();
        } else if (map_.has_selection()) {
            clear_selection();
        } else {
            ui_.messages.clear();
        }
        break;
    case ViewerAction::export_view:
        return {WindowRequest::export_view, export_factor_};
    case ViewerAction::copy_source_url:
        if (layout != nullptr && layout->info) {
            if (const auto index = layout->info->first_visible_source()) {
                return copy_source(*layout->info, *index);
            }
        }
        notify(std::string(
                   i18n::tr(lang, "Nothing to copy: open an island's or an event's panel first")),
               3.0);
        break;
    case ViewerAction::quit:
        return {WindowRequest::quit};
    case ViewerAction::toggle_fullscreen:
        return {WindowRequest::toggle_fullscreen};
    default: // a tour's commands
        break;
    }
    return {};
}

PlaybackPlan Controller::playback_plan(geo::Date from, bool hold_at_start) const {
    PlaybackSettings settings;
    settings.years_per_second = ui_.play_speed;
    settings.hold_at_start = hold_at_start;
    return PlaybackPlan(timeline_.key_dates(), from, timeline_.last(), settings);
}

void Controller::toggle_playback() {
    const std::string_view lang = text_language_code(map_.text_language);
    if (ui_.playback) {
        ui_.playback.reset();
        notify(
            i18n::format(i18n::tr(lang, "Paused on {date}"), {{"date", map_.date.long_text(lang)}}),
            2.0);
        return;
    }
    // From where the map is, unless nothing changes ahead: then the whole story.
    const bool ahead = timeline_.next_key_date(map_.date) > map_.date &&
                       timeline_.next_key_date(map_.date) < timeline_.last();
    const geo::Date from = ahead ? map_.date : geo::Date{1855, 1, 1};
    ui_.playback = Playback{playback_plan(from, true), 0, std::nullopt};
    map_.date = from;
    notify(i18n::format(i18n::tr(lang, "Playing history at {speed} (P pauses, comma and period "
                                       "change the speed)"),
                        {{"speed", speed_words(ui_.play_speed, lang)}}),
           3.0);
}

void Controller::change_play_speed(double years_per_second) {
    ui_.play_speed = years_per_second;
    const std::string_view lang = text_language_code(map_.text_language);
    notify(i18n::format(i18n::tr(lang, "Playing speed: {speed}"),
                        {{"speed", speed_words(years_per_second, lang)}}),
           2.0);
    if (ui_.playback) {
        // On from the date shown; a key date already held is not held again.
        ui_.playback = Playback{playback_plan(map_.date, false), 0, std::nullopt};
    }
}

bool Controller::advance_playback(double seconds) {
    if (!ui_.playback) {
        return false;
    }
    Playback& playback = *ui_.playback;
    playback.elapsed += seconds;
    const PlaybackSample sample = playback.plan.at(playback.elapsed);
    map_.date = sample.date;
    if (sample.caption && sample.caption != playback.caption_shown) {
        // The key date reached: what changed since the day before, highlighted and captioned
        // as a step is.
        const geo::Date stop = playback.plan.stops()[*sample.caption];
        const MapView view(scene_.world, 1, 1);
        MapState from = map_;
        from.date = stop.plus_days(-1);
        MapState to = map_;
        to.date = stop;
        const MapFrame before = build_frame(scene_, from, view);
        const MapFrame after = build_frame(scene_, to, view);
        show_step(before, after, map_, ui_);
        // Captioned as the films caption it (a day that changed nothing is named, or not
        // captioned).
        ui_.caption = playback_caption(before, after);
        playback.caption_shown = sample.caption;
    }
    if (sample.finished) {
        ui_.playback.reset();
    }
    return true;
}

void Controller::set_date(geo::Date date, bool announce) {
    ui_.playback.reset();
    const geo::Date before = map_.date;
    map_.date = date;
    if (announce && before != date) {
        show_step(scene_, before, date, map_, ui_);
    }
}

void Controller::focus_half(std::size_t side) {
    const bool right = side == 1;
    if (ui_.compare.mode == CompareMode::off || ui_.compare.focus_right == right) {
        return;
    }
    // The window's own settings stay; everything else of each half goes with it.
    MapState focused = std::move(ui_.compare.other);
    focused.ui_scale = map_.ui_scale;
    focused.reserved_top_px = map_.reserved_top_px;
    focused.reserved_bottom_px = map_.reserved_bottom_px;
    focused.high_contrast = map_.high_contrast;
    ui_.compare.other = std::move(map_);
    map_ = std::move(focused);
    ui_.compare.focus_right = right;
    ui_.info_scroll = 0;
}

void Controller::set_compare(CompareMode mode, std::optional<geo::Date> other) {
    if (mode == ui_.compare.mode && !other) {
        return;
    }
    if (ui_.compare.mode == CompareMode::off && mode != CompareMode::off) {
        // The other half starts at the next key date (the one before, at the timeline's end)
        // unless told: the two halves differ at once.
        ui_.compare.other = map_;
        // The other half starts with no highlight of a step and nothing selected.
        ui_.compare.other.highlighted_lines.clear();
        ui_.compare.other.highlighted_islands.clear();
        ui_.compare.other.highlight_strength = 0;
        ui_.compare.other.clear_selection();
        ui_.compare.other.measure_points.clear();
        const geo::Date next = timeline_.next_key_date(map_.date);
        ui_.compare.other.date = other               ? *other
                                 : next != map_.date ? next
                                                     : timeline_.previous_key_date(map_.date);
        ui_.compare.focus_right = false;
        ui_.compare.divider = 0.5;
        // The layers panel would cover the left half's map, and each half has its own legend:
        // it is hidden while comparing (Tab shows it) and comes back after.
        ui_.compare.layers_shown_before = ui_.show_layers;
        ui_.show_layers = false;
    } else if (mode == CompareMode::off && ui_.compare.mode != CompareMode::off) {
        ui_.show_layers = ui_.compare.layers_shown_before;
    } else if (other) {
        ui_.compare.other.date = *other;
    }
    ui_.compare.mode = mode;
    dragging_divider_ = false;
}

void Controller::select_user_feature(std::size_t layer, std::size_t feature) {
    if (map_.selected_user_feature != std::pair{layer, feature}) {
        ui_.info_scroll = 0;
    }
    map_.clear_selection();
    map_.selected_user_feature = {layer, feature};
}

std::optional<WindowRequest> Controller::layer_prompt_key(sf::Keyboard::Key key) {
    if (!ui_.layer_prompt) {
        return std::nullopt;
    }
    LayerPrompt& prompt = *ui_.layer_prompt;
    prompt.opening_key_pending = false;
    switch (key) {
    case sf::Keyboard::Escape:
        ui_.layer_prompt.reset();
        break;
    case sf::Keyboard::Tab: {
        PathCompletion completion = complete_path(prompt.path);
        prompt.path = std::move(completion.path);
        prompt.candidates = std::move(completion.candidates);
        break;
    }
    case sf::Keyboard::BackSpace:
        pop_utf8(prompt.path);
        prompt.candidates.clear();
        break;
    case sf::Keyboard::Enter:
        if (!prompt.path.empty()) {
            std::string path = expand_home(prompt.path);
            ui_.layer_prompt.reset();
            return WindowRequest{WindowRequest::add_layer, 0, std::move(path)};
        }
        break;
    default:
        break; // characters arrive as text (layer_prompt_text)
    }
    return WindowRequest{};
}

bool Controller::layer_prompt_text(char32_t character) {
    if (!ui_.layer_prompt) {
        return false;
    }
    LayerPrompt& prompt = *ui_.layer_prompt;
    const bool opening = prompt.opening_key_pending;
    prompt.opening_key_pending = false;
    if (opening && (character == U'o' || character == U'O')) {
        return true; // the key that opened the prompt
    }
    if (!is_typable(character) || prompt.path.size() >= 1024) {
        return true;
    }
    append_utf8(character, prompt.path);
    prompt.candidates.clear();
    return true;
}

void Controller::clear_selection() {
    map_.clear_selection();
    ui_.info_scroll = 0;
}

void Controller::select_island(const std::string& id) {
    if (map_.selected_island != id) {
        ui_.info_scroll = 0;
    }
    map_.clear_selection();
    map_.selected_island = id;
}

void Controller::select_event(const std::string& id) {
    if (map_.selected_event != id) {
        ui_.info_scroll = 0;
    }
    map_.clear_selection();
    map_.selected_event = id;
}

void Controller::select_place(const std::string& id) {
    if (map_.selected_place != id) {
        ui_.info_scroll = 0;
    }
    map_.clear_selection();
    map_.selected_place = id;
}

bool Controller::search_key(sf::Keyboard::Key key) {
    if (!ui_.search) {
        return false;
    }
    NameSearch& search = *ui_.search;
    switch (key) {
    case sf::Keyboard::Escape:
        ui_.search.reset();
        break;
    case sf::Keyboard::Down:
        if (!search.matches.empty()) {
            search.chosen = (search.chosen + 1) % search.matches.size();
        }
        break;
    case sf::Keyboard::Up:
        if (!search.matches.empty()) {
            search.chosen = (search.chosen + search.matches.size() - 1) % search.matches.size();
        }
        break;
    case sf::Keyboard::BackSpace:
        // One character, not one byte: the last UTF-8 sequence.
        pop_utf8(search.query);
        search.matches = find_names(scene_.atlas->annotations, search.query);
        search.chosen = 0;
        break;
    case sf::Keyboard::Enter:
        if (!search.matches.empty()) {
            const NameMatch match =
                search.matches[std::min(search.chosen, search.matches.size() - 1)];
            ui_.search.reset();
            fly_to(match);
        }
        break;
    default:
        break; // letters arrive as text (search_text); no map key acts while typing
    }
    return true;
}

bool Controller::search_text(char32_t character) {
    if (!ui_.search) {
        return false;
    }
    // Control characters (Backspace, Enter, Esc arrive as keys) and the '/' that opened the box
    // are not part of a name.
    if (!is_typable(character) || character == U'/') {
        return true;
    }
    NameSearch& search = *ui_.search;
    if (search.query.size() >= 80) {
        return true;
    }
    append_utf8(character, search.query);
    search.matches = find_names(scene_.atlas->annotations, search.query);
    search.chosen = 0;
    return true;
}

void Controller::fly_to(const NameMatch& match) {
    MapView target = view_;
    if (match.kind == NameMatch::Kind::island) {
        select_island(match.id);
        const bool has_region =
            std::any_of(scene_.regions.begin(), scene_.regions.end(),
                        [&](const StatusRegion& region) { return region.island->id == match.id; });
        if (has_region) {
            ViewSpec spec;
            spec.island = match.id;
            spec.apply(scene_, target, insets_);
            animator_.move_to(view_, target.center(), target.metres_per_pixel());
            return;
        }
    } else {
        select_place(match.id);
    }
    // A place (or an island without land of its own): centred, at a scale where its name shows.
    double mpp = view_.metres_per_pixel();
    if (const geo::Place* place = scene_.atlas->annotations.place(match.id)) {
        const double ui = std::max(0.25, map_.ui_scale);
        mpp = std::min(mpp, std::min(place_rank_max_mpp(place->rank), 2000.0) * 0.6 / ui);
    } else {
        mpp = std::min(mpp, 300.0);
    }
    mpp = std::clamp(mpp, target.min_metres_per_pixel(), target.max_metres_per_pixel());
    animator_.move_to(view_, scene_.projection->forward(match.place), mpp);
}

WindowRequest Controller::copy_source(const InfoPanelLayout& info, std::size_t index) {
    const std::string_view lang = text_language_code(map_.text_language);
    const InfoPanelSource& source = info.sources.at(index);
    if (source.url.empty()) {
        notify(i18n::format(i18n::tr(lang, "Source {number} has no URL"),
                            {{"number", std::to_string(index + 1)}}),
               3.0);
        return {};
    }
    notify(i18n::format(i18n::tr(lang, "Copied {url}"), {{"url", source.url}}), 3.0);
    return {WindowRequest::copy_to_clipboard, 0, source.url};
}

void Controller::show_typed_date() {
    const std::string_view lang = text_language_code(map_.text_language);
    notify(i18n::format(i18n::tr(lang, "Go to date (YYYY, YYYY-MM or YYYY-MM-DD; Enter, or Esc to "
                                       "cancel): {typed}"),
                        {{"typed", *ui_.typed_date + "_"}}),
           30.0);
}

bool Controller::type_date_key(sf::Keyboard::Key key) {
    if (!ui_.typed_date) {
        return false;
    }
    std::string& typed = *ui_.typed_date;
    if (key >= sf::Keyboard::Num0 && key <= sf::Keyboard::Num9) {
        typed += static_cast<char>('0' + (key - sf::Keyboard::Num0));
    } else if (key >= sf::Keyboard::Numpad0 && key <= sf::Keyboard::Numpad9) {
        typed += static_cast<char>('0' + (key - sf::Keyboard::Numpad0));
    } else if (key == sf::Keyboard::Hyphen || key == sf::Keyboard::Subtract) {
        typed += '-';
    } else if (key == sf::Keyboard::BackSpace) {
        if (!typed.empty()) {
            typed.pop_back();
        }
    } else if (key == sf::Keyboard::Escape) {
        ui_.typed_date.reset();
        notify("", 0.0);
        return true;
    } else if (key == sf::Keyboard::Enter) {
        const std::string text = typed;
        ui_.typed_date.reset();
        try {
            const geo::Date asked = geo::parse_day(text);
            // Within the timeline: a date before 1850 or after today goes to that end.
            const geo::Date date = std::clamp(asked, timeline_.first(), timeline_.last());
            set_date(date, true);
            const std::string_view lang = text_language_code(map_.text_language);
            notify(date == asked
                       ? ""
                       : i18n::format(i18n::tr(lang, "{date} is outside the timeline: showing "
                                                     "{shown}"),
                                      {{"date", text}, {"shown", date.long_text(lang)}}),
                   date == asked ? 0.0 : 4.0);
        } catch (const geo::InputError& error) {
            notify(error.text(text_language_code(map_.text_language)), 5.0);
        }
        return true;
    }
    if (typed.size() > 10) {
        typed.resize(10);
    }
    show_typed_date();
    return true;
}

void Controller::set_pov(const std::string& id) {
    const geo::PointOfView* pov = scene_.atlas->annotations.point_of_view(id);
    if (pov == nullptr) {
        return;
    }
    map_.pov = id;
    const std::string_view lang = text_language_code(map_.text_language);
    notify(i18n::format(i18n::tr(lang, "Point of view: {title}"),
                        {{"title", geo::text_in(pov->titles, lang)}}),
           2.5);
}

void Controller::notify(std::string text, double seconds) {
    ui_.notice = std::move(text);
    ui_.notice_alpha = seconds;
}

bool Controller::has_something_to_close() const {
    return ui_.show_help || map_.has_selection() || ui_.measuring || ui_.search.has_value() ||
           ui_.layer_prompt.has_value();
}

WindowRequest Controller::press(const UiLayout& layout, const MapFrame& frame, int x, int y) {
    press_x_ = x;
    press_y_ = y;
    last_x_ = x;
    last_y_ = y;
    const auto fx = static_cast<float>(x);
    const auto fy = static_cast<float>(y);
    dragging_map_ = !layout.panel_contains(fx, fy) && !layout.timeline_contains(fx, fy);
    moved_ = false;
    focus_moved_ = false;
    if (dragging_map_ && layout.compare && ui_.compare.mode != CompareMode::off) {
        if (layout.compare->divider_contains(fx, fy)) {
            dragging_divider_ = true;
            dragging_map_ = false;
            return {};
        }
        // A press on a half gives it the focus (and the drag pans both: they share the view).
        // A click that only moves the focus selects nothing: the frame last drawn was the
        // other half's.
        if (const auto side = layout.compare->half_at(fx, fy)) {
            const bool before = ui_.compare.focus_right;
            focus_half(*side);
            focus_moved_ = before != ui_.compare.focus_right;
        }
    }
    if (!dragging_map_) {
        return click(layout, frame, fx, fy);
    }
    return {};
}

std::optional<geo::Date> Controller::key_date_near(const UiLayout& layout, float x) const {
    if (!layout.timeline) {
        return std::nullopt;
    }
    const double fraction = layout.timeline_fraction(x);
    const double axis_px = std::max(1.0f, layout.timeline->width - 40);
    double nearest = 6.0 * layout.scale;
    std::optional<geo::Date> found;
    for (const auto& key : timeline_.key_dates()) {
        const double distance = std::abs(timeline_.fraction_of(key) - fraction) * axis_px;
        if (distance <= nearest) {
            nearest = distance;
            found = key;
        }
    }
    return found;
}

geo::Date Controller::timeline_date_at(const UiLayout& layout, float x) const {
    // A click or drag within a few pixels of a key date's tick lands on that date, not on
    // the day beside it.
    return key_date_near(layout, x).value_or(timeline_.date_at(layout.timeline_fraction(x)));
}

void Controller::move(const UiLayout& layout, int x, int y, bool left_button_down) {
    // Pointing at a key date's tick names it.
    ui_.hover_key_date = layout.timeline_contains(static_cast<float>(x), static_cast<float>(y))
                             ? key_date_near(layout, static_cast<float>(x))
                             : std::nullopt;
    if (dragging_divider_) {
        ui_.compare.divider =
            std::clamp(static_cast<double>(x) / std::max(1.f, layout.width), 0.02, 0.98);
    } else if (dragging_timeline_) {
        set_date(timeline_date_at(layout, static_cast<float>(x)), false);
    } else if (dragging_map_ && left_button_down) {
        if (std::abs(x - press_x_) + std::abs(y - press_y_) > 3) {
            moved_ = true;
        }
        if (moved_) {
            animator_.stop();
            view_.pan_pixels(x - last_x_, y - last_y_);
        }
        last_x_ = x;
        last_y_ = y;
    }
}

WindowRequest Controller::release(const UiLayout& layout, const MapFrame& frame, int x, int y) {
    WindowRequest request;
    if (dragging_map_ && !moved_ && !focus_moved_) {
        request = click(layout, frame, static_cast<float>(x), static_cast<float>(y));
    }
    dragging_map_ = false;
    dragging_timeline_ = false;
    dragging_divider_ = false;
    return request;
}

void Controller::wheel(const UiLayout& layout, float x, float y, float delta) {
    if (layout.info_contains(x, y)) {
        // Three lines a notch; clamped to the content (the next layout clamps a resize too).
        const float step = 3 * std::max(1.f, layout.info->line_height);
        ui_.info_scroll =
            std::clamp(layout.info->scroll - delta * step, 0.f, layout.info->max_scroll);
        return;
    }
    animator_.zoom_about(view_, map_pixels(layout, x, y), std::pow(1.5, delta));
}

geo::Point Controller::map_pixels(const UiLayout& layout, float x, float y) const {
    if (layout.compare && !layout.compare->swipe && ui_.compare.mode == CompareMode::side_by_side) {
        // Both halves show the one view: a point of either is in the same pixels of it.
        const std::size_t side =
            layout.compare->half_at(x, y).value_or(ui_.compare.focus_right ? 1 : 0);
        const sf::FloatRect& area = layout.compare->halves[side].area;
        return {static_cast<double>(x - area.left), static_cast<double>(y - area.top)};
    }
    return {static_cast<double>(x), static_cast<double>(y)};
}

WindowRequest Controller::click(const UiLayout& layout, const MapFrame& frame, float x, float y) {
    if (auto factor = layout.export_button_at(x, y)) {
        export_factor_ = *factor;
        return {WindowRequest::export_view, *factor};
    }
    if (layout.close_contains(x, y)) {
        clear_selection();
        return {};
    }
    if (layout.info) {
        if (const auto index = layout.info->source_at(x, y)) {
            return copy_source(*layout.info, *index);
        }
    }
    if (auto layer = layout.layer_row_at(x, y)) {
        map_.toggle(*layer);
        return {};
    }
    if (auto pov = layout.pov_button_at(x, y)) {
        set_pov(*pov);
        return {};
    }
    if (layout.play_button_contains(x, y)) {
        toggle_playback();
        return {};
    }
    if (layout.timeline_contains(x, y)) {
        dragging_timeline_ = true;
        set_date(timeline_date_at(layout, x), false);
        return {};
    }
    if (layout.panel_contains(x, y)) {
        return {};
    }
    // The map's own pixels (a side-by-side view's right half starts at its left edge).
    const geo::Point local = map_pixels(layout, x, y);
    x = static_cast<float>(local.x);
    y = static_cast<float>(local.y);
    const geo::Point map_point = view_.screen_to_map({x, y});
    if (ui_.measuring) {
        if (map_.measure_points.size() >= 2) {
            map_.measure_points.clear();
        }
        map_.measure_points.push_back(map_point);
        return {};
    }
    // Event markers as the frame last drawn placed them.
    if (const auto* marker = frame.event_at({x, y}, 9.0 * map_.ui_scale)) {
        select_event(marker->event->id);
        return {};
    }
    // An event elsewhere, by its marker at the map's edge.
    if (const auto* event = frame.off_map_event_at({x, y}, 12.0 * map_.ui_scale)) {
        select_event(event->id);
        return {};
    }
    // A place, by its name as last drawn or by its dot (or position, for a sea's name).
    for (const auto& label : placed_) {
        const ScreenRect& box = label.bbox_px;
        if (label.kind == LabelKind::place && x >= box.left && x <= box.right() && y >= box.top &&
            y <= box.bottom() && scene_.atlas->annotations.place(label.feature) != nullptr) {
            select_place(label.feature);
            return {};
        }
    }
    if (const auto* place = frame.place_at({x, y}, 5.0 * map_.ui_scale)) {
        select_place(place->place->id);
        return {};
    }
    // The user's own data, drawn over the land: its attributes.
    if (const auto* feature = frame.user_feature_at({x, y}, 6.0 * map_.ui_scale)) {
        select_user_feature(feature->layer, feature->feature);
        return {};
    }
    if (const auto* region = scene_.region_at(map_point)) {
        select_island(region->island->id);
        return {};
    }
    if (!map_.has_selection()) {
        return {WindowRequest::empty_map_click}; // in a tour, a clicker's left click
    }
    clear_selection();
    return {};
}

} // namespace kuril
