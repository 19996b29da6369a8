// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reads a film back with libavformat and libavcodec, as a player would: its codec, size,
// duration and every frame decoded (some kept as RGB for pixel probes).

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace test_video {

struct Decoded {
    std::string format; ///< the demuxer's name ("matroska,webm", "mov,mp4,...", "gif")
    std::string codec;  ///< "vp9", "h264", "gif"
    int width = 0;
    int height = 0;
    double duration = 0;                          ///< seconds, as the container says
    int frames = 0;                               ///< decoded
    double frame_rate = 0;                        ///< the stream's average
    std::map<int, std::vector<std::uint8_t>> rgb; ///< kept frames, RGB 3 bytes a pixel

    /// The colour of pixel (x, y) of kept frame `index`, 0xRRGGBB.
    std::uint32_t pixel(int index, int x, int y) const {
        const auto& frame = rgb.at(index);
        const std::size_t at = (static_cast<std::size_t>(y) * width + x) * 3;
        return std::uint32_t{frame[at]} << 16 | std::uint32_t{frame[at + 1]} << 8 | frame[at + 2];
    }
};

inline Decoded decode(const std::filesystem::path& file, const std::set<int>& keep = {}) {
    AVFormatContext* format = nullptr;
    if (avformat_open_input(&format, file.c_str(), nullptr, nullptr) < 0) {
        throw std::runtime_error(file.string() + ": libavformat cannot open it");
    }
    Decoded result;
    avformat_find_stream_info(format, nullptr);
    const int index = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (index < 0) {
        avformat_close_input(&format);
        throw std::runtime_error(file.string() + ": no video stream");
    }
    AVStream* stream = format->streams[index];
    const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
    AVCodecContext* decoder = avcodec_alloc_context3(codec);
    avcodec_parameters_to_context(decoder, stream->codecpar);
    avcodec_open2(decoder, codec, nullptr);
    result.format = format->iformat->name;
    result.codec = codec->name;
    result.width = stream->codecpar->width;
    result.height = stream->codecpar->height;
    result.duration =
        format->duration > 0 ? static_cast<double>(format->duration) / AV_TIME_BASE : 0;
    result.frame_rate = av_q2d(stream->avg_frame_rate);
    AVPacket* packet = av_packet_alloc();
    AVFrame* frame = av_frame_alloc();
    SwsContext* scaler = nullptr;
    const auto receive = [&] {
        while (avcodec_receive_frame(decoder, frame) == 0) {
            if (keep.count(result.frames) != 0) {
                scaler = sws_getCachedContext(scaler, frame->width, frame->height,
                                              static_cast<AVPixelFormat>(frame->format),
                                              frame->width, frame->height, AV_PIX_FMT_RGB24,
                                              SWS_POINT, nullptr, nullptr, nullptr);
                // As a player reads it: BT.709 where the stream says so (libswscale assumes
                // BT.601).
                if (frame->colorspace == AVCOL_SPC_BT709) {
                    const int* coefficients = sws_getCoefficients(SWS_CS_ITU709);
                    sws_setColorspaceDetails(scaler, coefficients, 0, coefficients, 1, 0, 1 << 16,
                                             1 << 16);
                }
                std::vector<std::uint8_t> rgb(static_cast<std::size_t>(frame->width) *
                                              frame->height * 3);
                std::uint8_t* planes[1] = {rgb.data()};
                const int strides[1] = {frame->width * 3};
                sws_scale(scaler, frame->data, frame->linesize, 0, frame->height, planes, strides);
                result.rgb[result.frames] = std::move(rgb);
            }
            ++result.frames;
        }
    };
    while (av_read_frame(format, packet) >= 0) {
        if (packet->stream_index == index) {
            avcodec_send_packet(decoder, packet);
            receive();
        }
        av_packet_unref(packet);
    }
    avcodec_send_packet(decoder, nullptr);
    receive();
    sws_freeContext(scaler);
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&decoder);
    avformat_close_input(&format);
    return result;
}

} // namespace test_video
