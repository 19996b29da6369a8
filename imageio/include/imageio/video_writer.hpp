// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Frames in, a film out: WebM (VP9), MP4 (H.264) or GIF through Debian's libavcodec and
// libavformat, written under a temporary name and renamed into place (AtomicFile).

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kuril {

enum class VideoFormat { webm, mp4, gif };

/// Whether libavcodec and its encoders print their own messages on stderr (libvpx's version
/// line, warnings): the CLI shows them with --verbose only.
void show_video_library_messages(bool shown);

/// The format an output file's extension asks for (.webm, .mp4, .gif; any case), if any.
std::optional<VideoFormat> video_format_for(const std::filesystem::path& out);
/// "WebM (VP9)", "MP4 (H.264)", "GIF".
std::string video_format_text(VideoFormat format);

struct VideoSettings {
    unsigned width = 0;
    unsigned height = 0;
    int fps = 25;
    VideoFormat format = VideoFormat::webm;
};

/// One palette for every frame of a GIF: up to 256 colours chosen by median cut over the
/// colours of sample frames (the map's flat fills and text, with their edges).
class PaletteBuilder {
public:
    PaletteBuilder();
    /// Counts the colours of an RGBA frame (alpha ignored), every `step`-th pixel.
    void add(const std::uint8_t* rgba, std::size_t pixels, std::size_t step = 1);
    /// The palette, 0xRRGGBB entries; at least one.
    std::vector<std::uint32_t> build(std::size_t colours = 256) const;

private:
    std::vector<std::uint64_t> counts_; ///< by colour at 5 bits a channel
};

/// Throws geo::InputError (naming `out` or the size) when this libavcodec has no encoder for
/// the format, or the encoder refuses the size or frame rate. Opens the encoder, writes
/// nothing.
void check_video_settings(const std::filesystem::path& out, const VideoSettings& settings);

class VideoWriter {
public:
    /// Checks that `target` can be written (check_writable) and opens the encoder; the file is
    /// created under a temporary name. A GIF needs its `palette` (PaletteBuilder::build).
    VideoWriter(const std::filesystem::path& target, const VideoSettings& settings,
                const std::vector<std::uint32_t>& palette = {});
    ~VideoWriter();
    VideoWriter(const VideoWriter&) = delete;
    VideoWriter& operator=(const VideoWriter&) = delete;

    /// Appends a frame: `width * height` RGBA pixels (alpha ignored), top row first.
    void write(const std::uint8_t* rgba);
    /// Drains the encoder, ends the file and syncs it to disk (what can fail fails here).
    void finish();
    /// Finishes (if not done yet) and renames the file into place.
    void commit();

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace kuril
