// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// History played as a film: `export --animate FROM:TO` (WebM, MP4, GIF) and `export --frames`
// (numbered PNGs), the viewer's play sequence (map/playback_plan) drawn off-screen in one
// process, on one render texture, frame after frame.

#include "export/exporter.hpp"
#include "map/playback_plan.hpp"

#include <SFML/Graphics/Font.hpp>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

namespace kuril {

/// The largest side of an animation's frame (one render texture, one pass).
inline constexpr unsigned max_animation_side = 4096;

struct AnimationOptions {
    /// What every frame shows besides its date: size, view, languages, layers, legend, footer,
    /// scale, title (empty: place and date). Its `out` and `date` are not used.
    ExportOptions map;
    geo::Date from;
    geo::Date to;
    int fps = 25;
    PlaybackSettings playback;
    /// A .webm, .mp4 or .gif file; with `frames`, the folder the PNGs go into (with
    /// frames.txt: each frame's file name and the date it shows).
    std::filesystem::path out;
    bool frames = false;
};

struct AnimationResult {
    std::filesystem::path out;
    std::filesystem::path sources_file; ///< the sources of every frame (sources_file_path)
    std::size_t frames = 0;             ///< frames written
    std::size_t drawn = 0;              ///< frames drawn (held and faded frames reuse drawings)
    double seconds = 0;                 ///< the film's duration: frames / fps
    double milliseconds = 0;
};

/// Throws geo::InputError, before anything is loaded or drawn, for an unknown extension, a
/// format this libavcodec cannot encode, a size its encoder refuses, a frame rate out of range,
/// or an output that cannot be written (for frames: `out` must be an existing folder).
void check_animation(const AnimationOptions& options);

/// The name of frame `index` (0-based) in the folder: frame-00001.png, ...
std::string frame_file_name(std::size_t index);

/// Draws every frame of the playback plan from `options.from` to `options.to` over the scene's
/// key dates and writes the film (or the PNGs) and the list of sources beside it, under
/// temporary names renamed into place at the end: a failure leaves nothing. `progress` is told
/// after each frame (done, total).
AnimationResult
export_animation(const MapScene& scene, const sf::Font& font, const AnimationOptions& options,
                 ExportCanvas& canvas,
                 const std::function<void(std::size_t, std::size_t)>& progress = {});

} // namespace kuril
