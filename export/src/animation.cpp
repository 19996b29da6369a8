// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/animation.hpp"

#include "export_overlay.hpp"
#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "imageio/atomic_file.hpp"
#include "imageio/png_writer.hpp"
#include "imageio/video_writer.hpp"
#include "map/step_summary.hpp"
#include "map/timeline.hpp"
#include "render/furniture.hpp"
#include "render/map_renderer.hpp"
#include "render/style.hpp"
#include "render/text.hpp"
#include "util/strings.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <unistd.h>

namespace fs = std::filesystem;
using i18n::N_;

namespace kuril {
namespace {
using detail::ExportOverlay;

/// An RGBA image, top row first.
using Pixels = std::vector<std::uint8_t>;

/// Draws the frames of one animation: every frame in the same view (fitted once, between the
/// bands of the first frame), on one render texture, with the same renderer.
class FrameDrawer {
public:
    FrameDrawer(const MapScene& scene, const sf::Font& font, const ExportOptions& options,
                ExportCanvas& canvas)
        : scene_(scene), font_(font), options_(options), renderer_(scene, font),
          texture_(canvas.texture(ExportLayout{options.width, options.height})) {
        const MapState state = export_state(options_);
        const ExportOverlay overlay(scene, font, options_, state, options.width, options.height);
        const ExportPlan plan =
            plan_export(scene, options_, overlay.top_reserved(), overlay.bottom_reserved());
        view_.emplace(plan.view);
        reserved_top_ = plan.state.reserved_top_px;
        reserved_bottom_ = plan.state.reserved_bottom_px;
    }

    MapState state_on(geo::Date date) const {
        ExportOptions options = options_;
        options.date = date;
        MapState state = export_state(options);
        state.reserved_top_px = reserved_top_;
        state.reserved_bottom_px = reserved_bottom_;
        return state;
    }

    MapFrame frame_on(geo::Date date) const { return build_frame(scene_, state_on(date), *view_); }

    /// The map on `date` with its bands and legend, and `caption` (if any) over the map's foot
    /// at `caption_alpha`; the sources the frame cites are added to `sources`.
    void draw(geo::Date date, const std::string& caption, double caption_alpha, Pixels& out,
              std::set<std::string>& sources) {
        ExportOptions options = options_;
        options.date = date;
        const MapState state = state_on(date);
        ExportOverlay overlay(scene_, font_, options, state, options.width, options.height);
        const MapFrame frame = build_frame(scene_, state, *view_);
        sources.insert(frame.sources.begin(), frame.sources.end());
        overlay.set_frame(frame);
        const sf::FloatRect whole(0, 0, static_cast<float>(options.width),
                                  static_cast<float>(options.height));
        renderer_.draw(texture_, frame, overlay.obstacles(), whole);
        texture_.setView(sf::View(whole));
        overlay.draw(texture_);
        if (!caption.empty() && caption_alpha > 0) {
            draw_caption(caption, caption_alpha, overlay.bottom_reserved(),
                         static_cast<float>(state.ui_scale), overlay.legend_area());
        }
        finish_drawing(texture_);
        const std::size_t row_bytes = std::size_t{options.width} * 4;
        if (band_.size() < row_bytes * options.height) {
            band_ = PixelBuffer(row_bytes * options.height);
        }
        const bool bottom_up =
            reader_.read(options.height, 0, options.width, options.height, options.width, band_);
        out.resize(row_bytes * options.height);
        for (unsigned row = 0; row < options.height; ++row) {
            const unsigned from = bottom_up ? options.height - 1 - row : row;
            std::memcpy(out.data() + row * row_bytes, band_.data() + from * row_bytes, row_bytes);
        }
        ++drawn_;
    }

    std::size_t drawn() const { return drawn_; }

private:
    /// The key date's caption in a framed box just above the footer, clear of the legend,
    /// large enough for a film (near a slide caption's size).
    void draw_caption(const std::string& caption, double alpha, float bottom_reserved, float scale,
                      std::optional<ScreenRect> legend) {
        const auto w = static_cast<float>(options_.width);
        const auto h = static_cast<float>(options_.height);
        const float margin = 12 * scale;
        float left = margin;
        float right = w - margin;
        if (legend) {
            // Beside the legend, on the wider side.
            const auto legend_left = static_cast<float>(legend->left);
            const auto legend_right = static_cast<float>(legend->right());
            if (legend_left - margin >= w - legend_right - margin) {
                right = legend_left - margin;
            } else {
                left = legend_right + margin;
            }
        }
        const unsigned size = slide_caption_size(h, scale) * 4 / 5;
        const float pad = 0.6f * static_cast<float>(size);
        const std::string wrapped =
            wrap_text(caption, font_, size, std::max(1.f, right - left - 2 * pad));
        sf::Text text(utf8(wrapped), font_, size);
        const sf::FloatRect bounds = text.getLocalBounds();
        const float box_w = bounds.width + 2 * pad;
        const float box_h = bounds.height + bounds.top + 1.4f * pad;
        // Centred in the image when that clears the legend, else moved beside it.
        const float box_x = std::round(std::max(left, std::min((w - box_w) / 2, right - box_w)));
        const float box_y = std::round(h - bottom_reserved - box_h - 0.8f * pad);
        const auto a = static_cast<sf::Uint8>(std::lround(255 * std::clamp(alpha, 0.0, 1.0)));
        sf::Color fill = style::panel;
        fill.a = static_cast<sf::Uint8>(fill.a * a / 255);
        sf::Color border = style::accent;
        border.a = a;
        draw_band(texture_, {box_x, box_y, box_w, box_h}, fill, border);
        sf::Color colour = style::text;
        colour.a = a;
        text.setFillColor(colour);
        text.setPosition(std::round(box_x + pad - bounds.left), std::round(box_y + 0.7f * pad));
        texture_.draw(text);
    }

    const MapScene& scene_;
    const sf::Font& font_;
    ExportOptions options_;
    MapRenderer renderer_;
    sf::RenderTexture& texture_;
    std::optional<MapView> view_;
    double reserved_top_ = 0;
    double reserved_bottom_ = 0;
    BandReader reader_;
    PixelBuffer band_;
    std::size_t drawn_ = 0;
};

/// What a frame shows: a drawing is reused while this stays the same (a hold, a fade's ends).
struct FrameKey {
    geo::Date date;
    std::optional<std::size_t> caption;
    int caption_alpha = 0; ///< in 1/255
    auto operator<=>(const FrameKey&) const = default;
};

/// The frames of the folder, written beside it in a hidden folder of their own and moved in
/// when all are written; removed with what is in it unless committed.
class StagedFrames {
public:
    explicit StagedFrames(const fs::path& folder)
        : folder_(folder), staging_(folder / (".kuril-frames.tmp-" + std::to_string(::getpid()))) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
        if (!fs::create_directory(staging_, ec)) {
            throw geo::InputError(N_("{folder}: cannot create a folder in it ({error})"),
                                  {{"folder", folder.string()}, {"error", ec.message()}});
        }
        guard_.emplace(staging_); // a kill (Ctrl-C) removes it too
    }
    ~StagedFrames() {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
    StagedFrames(const StagedFrames&) = delete;
    StagedFrames& operator=(const StagedFrames&) = delete;

    void write(std::size_t index, const Pixels& rgba, unsigned width, unsigned height,
               geo::Date date) {
        const std::string name = frame_file_name(index);
        index_ += name + " " + date.iso() + "\n";
        PngWriter png(staging_ / name, width, height, {{"Software", "Kuril Atlas"}});
        PixelBuffer rows(rgba.size());
        std::memcpy(rows.data(), rgba.data(), rgba.size());
        png.write_rows(0, std::move(rows), height, false);
        png.commit(); // synced to disk and in place in the hidden folder
        names_.push_back(name);
    }

    /// Writes the index (frames.txt: each frame's file and the date it shows) and syncs it.
    void finish() {
        AtomicFile index(staging_ / "frames.txt");
        index.write_text(index_);
        index.commit();
        names_.push_back("frames.txt");
    }

    /// Moves every frame and the index into the folder (each rename replaces a file whole).
    void commit() {
        for (const auto& name : names_) {
            fs::rename(staging_ / name, folder_ / name);
        }
    }

private:
    fs::path folder_;
    fs::path staging_;
    std::optional<TemporaryFolderGuard> guard_;
    std::vector<std::string> names_;
    std::string index_;
};

std::string sources_text(const MapScene& scene, const std::set<std::string>& ids,
                         const std::string& film_name, const std::string& title,
                         const PlaybackPlan& plan, std::string_view lang) {
    const std::string heading =
        i18n::format(i18n::tr(lang, "Sources of what is shown in {file}"), {{"file", film_name}}) +
        "\n" + title + "\n" +
        i18n::format(i18n::tr(lang, "History played from {from} to {to}"),
                     {{"from", plan.from().long_text(lang)}, {"to", plan.to().long_text(lang)}}) +
        "\n\n";
    std::vector<const geo::Source*> sources;
    for (const auto& id : ids) {
        if (const geo::Source* source = scene.atlas->annotations.source(id)) {
            sources.push_back(source);
        }
    }
    return sources_list_text(lang, heading, sources,
                             i18n::tr(lang, "No source is cited for what this film shows."));
}

fs::path animation_sources_path(const AnimationOptions& options) {
    return options.frames ? options.out / "sources.txt" : sources_file_path(options.out);
}

} // namespace

std::string frame_file_name(std::size_t index) {
    char name[32];
    std::snprintf(name, sizeof name, "frame-%05zu.png", index + 1);
    return name;
}

void check_animation(const AnimationOptions& options) {
    const std::string out = one_line(options.out.string(), 160);
    if (options.fps < 1 || options.fps > 60) {
        throw geo::InputError(N_("--fps {value}: expected a whole number from 1 to 60"),
                              {{"value", std::to_string(options.fps)}});
    }
    const ExportOptions& map = options.map;
    if (map.width < 2 || map.height < 2 || map.width > max_animation_side ||
        map.height > max_animation_side) {
        throw geo::InputError(
            N_("--size {width}x{height}: each side of an animation must be 2 to {most} pixels"),
            {{"width", std::to_string(map.width)},
             {"height", std::to_string(map.height)},
             {"most", std::to_string(max_animation_side)}});
    }
    if (options.frames) {
        std::error_code ec;
        if (!fs::is_directory(options.out, ec)) {
            if (fs::exists(options.out, ec)) {
                throw geo::InputError(
                    N_("--out {file}: is not a folder; --frames writes PNGs into a folder"),
                    {{"file", out}});
            }
            throw geo::InputError(
                N_("--out {file}: no such folder; --frames writes PNGs into an existing folder"),
                {{"file", out}});
        }
        if (::access(options.out.c_str(), W_OK) != 0) {
            throw geo::InputError(N_("--out {file}: folder is not writable"), {{"file", out}});
        }
        return;
    }
    const auto format = video_format_for(options.out);
    if (!format) {
        const std::string extension = options.out.extension().string();
        if (extension.empty()) {
            throw geo::InputError(N_("--out {file}: no extension is not written; expected .webm "
                                     "(VP9), .mp4 (H.264) or .gif (or --frames FOLDER)"),
                                  {{"file", out}});
        }
        throw geo::InputError(N_("--out {file}: {extension} is not written; expected .webm (VP9), "
                                 ".mp4 (H.264) or .gif (or --frames FOLDER)"),
                              {{"file", out}, {"extension", quoted_value(extension, 20)}});
    }
    check_writable(options.out);
    check_writable(sources_file_path(options.out));
    check_video_settings(options.out, VideoSettings{map.width, map.height, options.fps, *format});
}

AnimationResult export_animation(const MapScene& scene, const sf::Font& font,
                                 const AnimationOptions& options, ExportCanvas& canvas,
                                 const std::function<void(std::size_t, std::size_t)>& progress) {
    const auto start = std::chrono::steady_clock::now();
    check_animation(options);
    const Timeline timeline(scene.atlas->history->key_dates());
    check_playback_range(options.frames ? "--frames" : "--animate", options.from, options.to,
                         timeline.first(), timeline.last());
    const PlaybackPlan plan(timeline.key_dates(), options.from, options.to, options.playback);
    ExportOptions map = options.map;
    map.out = options.frames ? options.out / "frame.png" : options.out; // for the plan's checks
    map.date = options.from;
    const unsigned width = map.width;
    const unsigned height = map.height;
    FrameDrawer drawer(scene, font, map, canvas);

    // Each key date's caption: what changed from the day before, as the viewer's step says it.
    std::vector<std::string> captions;
    for (const geo::Date stop : plan.stops()) {
        captions.push_back(
            playback_caption(drawer.frame_on(stop.plus_days(-1)), drawer.frame_on(stop)));
    }
    const std::size_t total = plan.frame_count(options.fps);
    std::set<std::string> sources;
    std::map<FrameKey, Pixels> drawings; // the last few, by what they show
    const auto drawing = [&](const FrameKey& key) -> const Pixels& {
        auto it = drawings.find(key);
        if (it == drawings.end()) {
            if (drawings.size() >= 4) {
                drawings.erase(drawings.begin()); // the earliest date: the sequence only advances
            }
            Pixels pixels;
            const std::string caption = key.caption ? captions[*key.caption] : std::string();
            drawer.draw(key.date, caption, key.caption_alpha / 255.0, pixels, sources);
            it = drawings.emplace(key, std::move(pixels)).first;
        }
        return it->second;
    };

    std::unique_ptr<VideoWriter> video;
    std::unique_ptr<StagedFrames> staged;
    if (options.frames) {
        staged = std::make_unique<StagedFrames>(options.out);
    } else {
        const VideoFormat format = *video_format_for(options.out);
        std::vector<std::uint32_t> palette;
        if (format == VideoFormat::gif) {
            // One palette for the whole film, from the frames held at each key date and a few
            // between them: every frame then maps its colours the same way (no flicker).
            PaletteBuilder builder;
            const std::size_t samples = std::min<std::size_t>(total, 24);
            for (std::size_t i = 0; i < samples; ++i) {
                const auto sample = plan.at(plan.frame_time(
                    i * (total - 1) / std::max<std::size_t>(1, samples - 1), options.fps));
                const Pixels& pixels = drawing({sample.date, std::nullopt, 0});
                builder.add(pixels.data(), std::size_t{width} * height, 3);
            }
            for (std::size_t stop = 0; stop < plan.stops().size(); ++stop) {
                const Pixels& pixels = drawing({plan.stops()[stop], stop, 255});
                builder.add(pixels.data(), std::size_t{width} * height, 3);
            }
            palette = builder.build();
        }
        video = std::make_unique<VideoWriter>(
            options.out, VideoSettings{width, height, options.fps, format}, palette);
    }
    auto sources_file = std::make_unique<AtomicFile>(animation_sources_path(options));

    Pixels blended;
    for (std::size_t index = 0; index < total; ++index) {
        const PlaybackSample sample = plan.at(plan.frame_time(index, options.fps));
        const auto alpha = static_cast<int>(std::lround(255 * sample.caption_alpha));
        const Pixels* pixels = nullptr;
        if (sample.mix < 1.0) {
            // A change fades in: the day before (without a caption) into the key date (with
            // its caption at full strength).
            const Pixels before = drawing({sample.fade_from, std::nullopt, 0});
            const Pixels& after = drawing({sample.date, sample.caption, 255});
            blended.resize(after.size());
            const auto weight = static_cast<int>(std::lround(256 * sample.mix));
            for (std::size_t i = 0; i < after.size(); ++i) {
                blended[i] = static_cast<std::uint8_t>(
                    (before[i] * (256 - weight) + after[i] * weight) >> 8);
            }
            pixels = &blended;
        } else {
            pixels = &drawing(
                {sample.date, alpha > 0 ? sample.caption : std::nullopt, alpha > 0 ? alpha : 0});
        }
        if (video) {
            video->write(pixels->data());
        } else {
            staged->write(index, *pixels, width, height, sample.date);
        }
        if (progress) {
            progress(index + 1, total);
        }
    }
    const std::string_view lang = text_language_code(map.text_language);
    const std::string name = options.frames
                                 ? i18n::format(i18n::tr(lang, "the frames in {folder}"),
                                                {{"folder", options.out.filename().string()}})
                                 : options.out.filename().string();
    const std::string title =
        map.title.empty() ? std::string(i18n::tr(lang, "Kuril Islands")) : map.title;
    sources_file->write_text(sources_text(scene, sources, name, title, plan, lang));
    // Everything is written and synced before anything is renamed.
    if (video) {
        video->finish();
    } else {
        staged->finish();
    }
    sources_file->sync();
    if (video) {
        video->commit();
    } else {
        staged->commit();
    }
    sources_file->commit();

    AnimationResult result;
    result.out = options.out;
    result.sources_file = animation_sources_path(options);
    result.frames = total;
    result.drawn = drawer.drawn();
    result.seconds = static_cast<double>(total) / options.fps;
    result.milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace kuril
