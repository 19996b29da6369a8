// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageio/video_writer.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "imageio/atomic_file.hpp"
#include "util/lazy_library.hpp"
#include "util/strings.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstring>

namespace kuril {
namespace {

using i18n::N_;

std::string av_error(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

std::string size_text(const VideoSettings& settings) {
    return std::to_string(settings.width) + "x" + std::to_string(settings.height);
}

/// The encoder libavcodec knows the format's codec by, and the muxer.
const char* encoder_name(VideoFormat format) {
    switch (format) {
    case VideoFormat::webm:
        return "libvpx-vp9";
    case VideoFormat::mp4:
        return "libx264";
    case VideoFormat::gif:
        return "gif";
    }
    return "";
}

const char* muxer_name(VideoFormat format) {
    switch (format) {
    case VideoFormat::webm:
        return "webm";
    case VideoFormat::mp4:
        return "mp4";
    case VideoFormat::gif:
        return "gif";
    }
    return "";
}

struct CodecContextDeleter {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
using CodecContext = std::unique_ptr<AVCodecContext, CodecContextDeleter>;

/// The encoder for `settings`, opened; throws geo::InputError naming `out` or the size when
/// this libavcodec has none or it refuses the settings.
CodecContext open_encoder(const std::filesystem::path& out, const VideoSettings& settings,
                          bool global_header) {
    const std::string name = one_line(out.string(), 160);
    const AVCodec* codec = avcodec_find_encoder_by_name(encoder_name(settings.format));
    if (codec == nullptr) {
        throw geo::InputError(N_("--out {file}: {format} needs libavcodec's {encoder} encoder, "
                                 "which this build of libavcodec does not have; write .webm (VP9) "
                                 "or .gif instead"),
                              {{"file", name},
                               {"format", video_format_text(settings.format)},
                               {"encoder", encoder_name(settings.format)}});
    }
    if (settings.format != VideoFormat::gif &&
        (settings.width % 2 != 0 || settings.height % 2 != 0)) {
        throw geo::InputError(
            N_("--size {size}: {format} needs an even width and height (4:2:0 colour); try {even}"),
            {{"size", size_text(settings)},
             {"format", video_format_text(settings.format)},
             {"even",
              std::to_string(settings.width & ~1u) + "x" + std::to_string(settings.height & ~1u)}});
    }
    CodecContext context(avcodec_alloc_context3(codec));
    if (!context) {
        throw geo::InternalError("cannot allocate a " + std::string(codec->name) + " encoder");
    }
    context->width = static_cast<int>(settings.width);
    context->height = static_cast<int>(settings.height);
    context->time_base = AVRational{1, settings.fps};
    context->framerate = AVRational{settings.fps, 1};
    context->thread_count = 2;
    if (global_header) {
        context->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    }
    AVDictionary* options = nullptr;
    if (settings.format == VideoFormat::gif) {
        context->pix_fmt = AV_PIX_FMT_PAL8;
    } else {
        context->pix_fmt = AV_PIX_FMT_YUV420P;
        context->gop_size = settings.fps * 5;
        context->color_range = AVCOL_RANGE_MPEG;
        context->colorspace = AVCOL_SPC_BT709;
        context->color_primaries = AVCOL_PRI_BT709;
        context->color_trc = AVCOL_TRC_BT709;
        if (settings.format == VideoFormat::webm) {
            // Constant quality; "good" at cpu-used 5 with row threads: a map's flat colours
            // stay clean at a few frames a second of encoding per core.
            context->bit_rate = 0;
            av_dict_set(&options, "crf", "32", 0);
            av_dict_set(&options, "deadline", "good", 0);
            av_dict_set(&options, "cpu-used", "5", 0);
            av_dict_set(&options, "row-mt", "1", 0);
        } else {
            av_dict_set(&options, "preset", "veryfast", 0);
            av_dict_set(&options, "crf", "20", 0);
        }
    }
    const int opened = avcodec_open2(context.get(), codec, &options);
    av_dict_free(&options);
    if (opened < 0) {
        throw geo::InputError(
            N_("--size {size} at {fps} fps: the {encoder} encoder refuses it ({error})"),
            {{"size", size_text(settings)},
             {"fps", std::to_string(settings.fps)},
             {"encoder", codec->name},
             {"error", av_error(opened)}});
    }
    return context;
}

} // namespace

void show_video_library_messages(bool shown) {
    // Said when libavutil loads (on first use), not by loading it now.
    static std::atomic<int> level{AV_LOG_INFO};
    level = shown ? AV_LOG_INFO : AV_LOG_QUIET;
    lazy::on_load("avutil", [] { av_log_set_level(level); });
}

std::optional<VideoFormat> video_format_for(const std::filesystem::path& out) {
    const std::string extension = lower_extension(out);
    if (extension == ".webm") {
        return VideoFormat::webm;
    }
    if (extension == ".mp4") {
        return VideoFormat::mp4;
    }
    if (extension == ".gif") {
        return VideoFormat::gif;
    }
    return std::nullopt;
}

std::string video_format_text(VideoFormat format) {
    switch (format) {
    case VideoFormat::webm:
        return "WebM (VP9)";
    case VideoFormat::mp4:
        return "MP4 (H.264)";
    case VideoFormat::gif:
        return "GIF";
    }
    return "";
}

PaletteBuilder::PaletteBuilder() : counts_(1u << 15, 0) {}

namespace {

std::size_t bin_of(const std::uint8_t* pixel) {
    return (std::size_t{pixel[0]} >> 3) << 10 | (std::size_t{pixel[1]} >> 3) << 5 |
           (std::size_t{pixel[2]} >> 3);
}

int channel_of(std::size_t bin, int channel) {
    return static_cast<int>((bin >> (10 - 5 * channel)) & 31);
}

} // namespace

void PaletteBuilder::add(const std::uint8_t* rgba, std::size_t pixels, std::size_t step) {
    step = std::max<std::size_t>(1, step);
    for (std::size_t i = 0; i < pixels; i += step) {
        ++counts_[bin_of(rgba + i * 4)];
    }
}

std::vector<std::uint32_t> PaletteBuilder::build(std::size_t colours) const {
    // Median cut: the box of colours with the most pixels times its widest channel's range is
    // split at that channel's weighted median, until there are `colours` boxes.
    struct Box {
        std::vector<std::size_t> bins;
        std::uint64_t pixels = 0;
    };
    std::vector<Box> boxes(1);
    for (std::size_t bin = 0; bin < counts_.size(); ++bin) {
        if (counts_[bin] > 0) {
            boxes[0].bins.push_back(bin);
            boxes[0].pixels += counts_[bin];
        }
    }
    if (boxes[0].bins.empty()) {
        return {0};
    }
    const auto widest = [](const Box& box) {
        int best = 0;
        int range = -1;
        for (int channel = 0; channel < 3; ++channel) {
            int low = 31;
            int high = 0;
            for (const auto bin : box.bins) {
                low = std::min(low, channel_of(bin, channel));
                high = std::max(high, channel_of(bin, channel));
            }
            if (high - low > range) {
                range = high - low;
                best = channel;
            }
        }
        return std::pair{best, range};
    };
    colours = std::clamp<std::size_t>(colours, 1, 256);
    while (boxes.size() < colours) {
        std::size_t chosen = boxes.size();
        double best_score = 0;
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const auto [channel, range] = widest(boxes[i]);
            const double score = static_cast<double>(boxes[i].pixels) * range;
            if (boxes[i].bins.size() > 1 && score > best_score) {
                best_score = score;
                chosen = i;
            }
        }
        if (chosen == boxes.size()) {
            break; // every box is one colour
        }
        Box& box = boxes[chosen];
        const int channel = widest(box).first;
        std::sort(box.bins.begin(), box.bins.end(), [&](std::size_t a, std::size_t b) {
            return channel_of(a, channel) < channel_of(b, channel);
        });
        std::uint64_t below = 0;
        std::size_t split = 1;
        for (; split < box.bins.size() - 1; ++split) {
            below += counts_[box.bins[split - 1]];
            if (2 * below >= box.pixels) {
                break;
            }
        }
        Box upper;
        upper.bins.assign(box.bins.begin() + static_cast<std::ptrdiff_t>(split), box.bins.end());
        box.bins.resize(split);
        box.pixels = 0;
        for (const auto bin : box.bins) {
            box.pixels += counts_[bin];
        }
        for (const auto bin : upper.bins) {
            upper.pixels += counts_[bin];
        }
        boxes.push_back(std::move(upper));
    }
    std::vector<std::uint32_t> palette;
    for (const auto& box : boxes) {
        double sum[3] = {0, 0, 0};
        for (const auto bin : box.bins) {
            for (int channel = 0; channel < 3; ++channel) {
                // The centre of the 8 values a 5-bit bin stands for.
                sum[channel] +=
                    static_cast<double>(counts_[bin]) * (channel_of(bin, channel) * 8 + 4);
            }
        }
        std::uint32_t entry = 0;
        for (int channel = 0; channel < 3; ++channel) {
            const auto value = static_cast<std::uint32_t>(
                std::clamp(sum[channel] / static_cast<double>(box.pixels) + 0.5, 0.0, 255.0));
            entry = entry << 8 | value;
        }
        palette.push_back(entry);
    }
    return palette;
}

void check_video_settings(const std::filesystem::path& out, const VideoSettings& settings) {
    open_encoder(out, settings, false);
}

struct VideoWriter::State {
    VideoSettings settings;
    AtomicFile file;
    AVFormatContext* format = nullptr;
    AVStream* stream = nullptr;
    CodecContext encoder;
    SwsContext* scaler = nullptr;
    AVFrame* frame = nullptr;
    AVPacket* packet = nullptr;
    std::vector<std::uint32_t> palette; ///< 0xAARRGGBB, as PAL8 frames carry it
    std::vector<std::uint8_t> nearest;  ///< palette index by 5-bit-a-channel colour
    std::size_t frames = 0;
    bool finished = false;
    bool io_open = false;

    State(const std::filesystem::path& target, const VideoSettings& video)
        : settings(video), file(target) {}

    ~State() {
        if (io_open) {
            avio_closep(&format->pb);
        }
        avformat_free_context(format);
        sws_freeContext(scaler);
        av_frame_free(&frame);
        av_packet_free(&packet);
    }

    /// Throws `pattern` (N_("{file}: ... ({error})")) for this file and libav's `code`.
    [[noreturn]] void fail(const char* pattern, int code) const {
        throw geo::InputError(
            pattern, {{"file", one_line(file.target().string(), 160)}, {"error", av_error(code)}});
    }

    /// Sends a frame (or nullptr: the end) and writes every packet the encoder has ready.
    void encode(AVFrame* input) {
        int status = avcodec_send_frame(encoder.get(), input);
        if (status < 0) {
            fail(N_("{file}: the encoder refused a frame ({error})"), status);
        }
        for (;;) {
            status = avcodec_receive_packet(encoder.get(), packet);
            if (status == AVERROR(EAGAIN) || status == AVERROR_EOF) {
                return;
            }
            if (status < 0) {
                fail(N_("{file}: encoding failed ({error})"), status);
            }
            packet->duration = 1;
            av_packet_rescale_ts(packet, encoder->time_base, stream->time_base);
            packet->stream_index = stream->index;
            status = av_interleaved_write_frame(format, packet);
            if (status < 0) {
                fail(N_("{file}: cannot write ({error})"), status);
            }
        }
    }
};

VideoWriter::VideoWriter(const std::filesystem::path& target, const VideoSettings& settings,
                         const std::vector<std::uint32_t>& palette)
    : state_(std::make_unique<State>(target, settings)) {
    State& s = *state_;
    const std::string temporary = s.file.temporary().string();
    int status = avformat_alloc_output_context2(&s.format, nullptr, muxer_name(settings.format),
                                                temporary.c_str());
    if (status < 0 || s.format == nullptr) {
        throw geo::InternalError("libavformat has no " + std::string(muxer_name(settings.format)) +
                                 " muxer");
    }
    s.encoder =
        open_encoder(target, settings, (s.format->oformat->flags & AVFMT_GLOBALHEADER) != 0);
    s.stream = avformat_new_stream(s.format, nullptr);
    if (s.stream == nullptr) {
        throw geo::InternalError("cannot add a stream to the " +
                                 std::string(muxer_name(settings.format)) + " file");
    }
    s.stream->time_base = s.encoder->time_base;
    s.stream->avg_frame_rate = AVRational{settings.fps, 1};
    avcodec_parameters_from_context(s.stream->codecpar, s.encoder.get());
    s.frame = av_frame_alloc();
    s.packet = av_packet_alloc();
    s.frame->format = s.encoder->pix_fmt;
    s.frame->width = s.encoder->width;
    s.frame->height = s.encoder->height;
    status = av_frame_get_buffer(s.frame, 0);
    if (status < 0) {
        throw geo::InternalError("cannot allocate a video frame: " + av_error(status));
    }
    if (settings.format == VideoFormat::gif) {
        if (palette.empty()) {
            throw geo::InternalError("a GIF needs its palette");
        }
        // Each colour at 5 bits a channel goes to its nearest palette entry (no dithering: a
        // map's flat fills stay flat and the frames compress).
        for (const auto entry : palette) {
            s.palette.push_back(0xFF000000u | entry);
        }
        s.nearest.resize(1u << 15);
        for (std::size_t bin = 0; bin < s.nearest.size(); ++bin) {
            const int r = channel_of(bin, 0) * 8 + 4;
            const int g = channel_of(bin, 1) * 8 + 4;
            const int b = channel_of(bin, 2) * 8 + 4;
            long best = -1;
            for (std::size_t i = 0; i < palette.size(); ++i) {
                const int dr = r - static_cast<int>(palette[i] >> 16 & 255);
                const int dg = g - static_cast<int>(palette[i] >> 8 & 255);
                const int db = b - static_cast<int>(palette[i] & 255);
                const long distance = 2L * dr * dr + 4L * dg * dg + 3L * db * db;
                if (best < 0 || distance < best) {
                    best = distance;
                    s.nearest[bin] = static_cast<std::uint8_t>(i);
                }
            }
        }
    } else {
        s.scaler = sws_getContext(s.encoder->width, s.encoder->height, AV_PIX_FMT_RGBA,
                                  s.encoder->width, s.encoder->height, AV_PIX_FMT_YUV420P,
                                  SWS_BILINEAR, nullptr, nullptr, nullptr);
        if (s.scaler == nullptr) {
            throw geo::InternalError("libswscale cannot convert RGBA to YUV 4:2:0");
        }
        // BT.709, as the stream says: what an HD player assumes.
        const int* coefficients = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(s.scaler, coefficients, 1, coefficients, 0, 0, 1 << 16, 1 << 16);
    }
    status = avio_open(&s.format->pb, temporary.c_str(), AVIO_FLAG_WRITE);
    if (status < 0) {
        s.fail(N_("{file}: cannot create the file ({error})"), status);
    }
    s.io_open = true;
    AVDictionary* options = nullptr;
    if (settings.format == VideoFormat::mp4) {
        av_dict_set(&options, "movflags", "+faststart", 0); // plays while it downloads
    }
    status = avformat_write_header(s.format, &options);
    av_dict_free(&options);
    if (status < 0) {
        s.fail(N_("{file}: cannot write the header ({error})"), status);
    }
}

VideoWriter::~VideoWriter() = default;

void VideoWriter::write(const std::uint8_t* rgba) {
    State& s = *state_;
    const int status = av_frame_make_writable(s.frame);
    if (status < 0) {
        throw geo::InternalError("cannot write to a video frame: " + av_error(status));
    }
    const std::size_t width = s.settings.width;
    if (s.settings.format == VideoFormat::gif) {
        for (unsigned row = 0; row < s.settings.height; ++row) {
            const std::uint8_t* from = rgba + row * width * 4;
            std::uint8_t* to =
                s.frame->data[0] + static_cast<std::ptrdiff_t>(row) * s.frame->linesize[0];
            for (std::size_t x = 0; x < width; ++x) {
                to[x] = s.nearest[bin_of(from + x * 4)];
            }
        }
        std::memcpy(s.frame->data[1], s.palette.data(), s.palette.size() * 4);
        std::memset(s.frame->data[1] + s.palette.size() * 4, 0, (256 - s.palette.size()) * 4);
    } else {
        const std::uint8_t* planes[1] = {rgba};
        const int strides[1] = {static_cast<int>(width * 4)};
        sws_scale(s.scaler, planes, strides, 0, static_cast<int>(s.settings.height), s.frame->data,
                  s.frame->linesize);
    }
    s.frame->pts = static_cast<std::int64_t>(s.frames);
    s.encode(s.frame);
    ++s.frames;
}

void VideoWriter::finish() {
    State& s = *state_;
    if (s.finished) {
        return;
    }
    s.encode(nullptr);
    const int status = av_write_trailer(s.format);
    if (status < 0) {
        s.fail(N_("{file}: cannot end the file ({error})"), status);
    }
    avio_closep(&s.format->pb);
    s.io_open = false;
    s.file.sync();
    s.finished = true;
}

void VideoWriter::commit() {
    finish();
    state_->file.commit();
}

} // namespace kuril
