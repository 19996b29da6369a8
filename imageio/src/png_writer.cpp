// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageio/png_writer.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "imageio/atomic_file.hpp"
#include "imageio/deflate_segments.hpp"
#include "util/phase_timer.hpp"
#include "util/work_queue.hpp"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <iterator>
#include <map>
#include <mutex>
#include <png.h>
#include <thread>
#include <zlib.h>

namespace fs = std::filesystem;
using i18n::N_;

namespace kuril {
namespace {

[[noreturn]] void png_failure(png_structp png, png_const_charp message) {
    auto* text = static_cast<std::string*>(png_get_error_ptr(png));
    if (text != nullptr) {
        *text = message;
    }
    png_longjmp(png, 1);
}

void png_warning_ignored(png_structp, png_const_charp) {}

/// Drops the alpha of `count` RGBA pixels, four at a time as three 32-bit words (shifts that
/// assume a little-endian machine); the compiler turns the memcpy calls into plain loads and
/// stores.
void rgba_to_rgb(const std::uint8_t* in, std::uint8_t* out, unsigned count) {
    static_assert(std::endian::native == std::endian::little, "little-endian word packing");
    unsigned x = 0;
    for (; x + 4 <= count; x += 4, in += 16, out += 12) {
        std::uint32_t p[4];
        std::memcpy(p, in, 16);
        const std::uint32_t words[3] = {(p[0] & 0xFFFFFFu) | (p[1] << 24),
                                        ((p[1] >> 8) & 0xFFFFu) | (p[2] << 16),
                                        ((p[2] >> 16) & 0xFFu) | (p[3] << 8)};
        std::memcpy(out, words, 12);
    }
    for (; x < count; ++x, in += 4, out += 3) {
        out[0] = in[0];
        out[1] = in[1];
        out[2] = in[2];
    }
}

/// A segment of the zlib stream by its first row: its rows, and its data once deflated.
struct Segment {
    unsigned rows = 0;
    DeflatedSegment deflated;
};

/// Rows handed over in one buffer; the buffer is free again when every segment cut from it
/// has been deflated.
struct Band {
    PixelBuffer pixels;
    unsigned rows = 0;
    bool bottom_up = false;
    unsigned pending = 0;
};

unsigned worker_count() {
    return std::min(std::max(1u, std::thread::hardware_concurrency()), 4u);
}

} // namespace

struct PngWriter::State {
    AtomicFile file;
    bool finished = false; ///< written and synced: only the rename is left
    png_structp png = nullptr;
    png_infop info = nullptr;
    unsigned width = 0;
    unsigned height = 0;
    unsigned rows_queued = 0; ///< in all bands handed over so far
    std::string png_error;    ///< set by libpng's error callback

    // Shared with the workers, under `mutex`.
    std::mutex mutex;
    std::condition_variable changed;
    /// By first row: bands may come in any order. A map: workers hold references to segments
    /// while others are added.
    std::map<unsigned, Segment> segments;
    /// The buffer pool: at most two bands in the workers' hands (and one being filled).
    std::vector<PixelBuffer> spare;
    unsigned bands_held = 0;     ///< buffers handed over whose rows are not all deflated yet
    unsigned buffers_coming = 0; ///< spare buffers being prepared by the workers
    std::string worker_error;

    std::vector<DeflateScratch> scratch = std::vector<DeflateScratch>(worker_count());
    /// Last: stopped (its threads joined) before anything they use goes.
    WorkQueue queue{worker_count(), [this](const std::string& message) {
                        failed(message);
                    }};

    State(const fs::path& target, unsigned image_width, unsigned image_height)
        : file(target), width(image_width), height(image_height) {}

    ~State() {
        // Abandoned (an error while drawing): what is queued is not worth compressing.
        queue.cancel();
        if (png != nullptr) {
            png_destroy_write_struct(&png, &info);
        }
    }

    /// A failure on a worker (out of memory) is recorded for commit() to report, and stops
    /// waits on the workers, instead of ending the program.
    void failed(const std::string& message) {
        {
            std::lock_guard lock(mutex);
            if (worker_error.empty()) {
                worker_error = "a compression thread failed: " + message;
            }
        }
        changed.notify_all();
    }

    /// The band's buffer goes back to the pool once all its segments are deflated.
    void release(Band& band) {
        {
            std::lock_guard lock(mutex);
            if (--band.pending == 0) {
                spare.push_back(std::move(band.pixels));
                --bands_held;
            }
        }
        changed.notify_all();
    }

    /// Rows `first` to `first + rows - 1` of `band` (counted from the top of the image) as the
    /// segment starting at image row `segment_row`.
    void deflate(unsigned worker, Band& band, unsigned first, unsigned rows, unsigned segment_row,
                 bool last) {
        const std::size_t row_bytes = static_cast<std::size_t>(width) * 3 + 1;
        DeflatedSegment deflated;
        {
            struct Release {
                State& state;
                Band& band;
                ~Release() { state.release(band); }
            } release{*this, band};
            // Each row: filter type 0 (none), then RGB.
            deflated = deflate_segment(
                rows, row_bytes,
                [&](unsigned index, std::uint8_t* out) {
                    const unsigned row = first + index;
                    const unsigned stored = band.bottom_up ? band.rows - 1 - row : row;
                    *out = 0;
                    rgba_to_rgb(band.pixels.data() + static_cast<std::size_t>(stored) * width * 4,
                                out + 1, width);
                },
                last, scratch[worker]);
        }
        {
            std::lock_guard lock(mutex);
            segments[segment_row].deflated = std::move(deflated);
        }
        changed.notify_all();
    }

    /// A buffer for rows to come, its pages touched here (on a core that would otherwise wait
    /// for the first rows) rather than while the caller reads back.
    void prepare(std::size_t bytes) {
        PixelBuffer buffer(bytes);
        std::memset(buffer.data(), 0, buffer.size());
        {
            std::lock_guard lock(mutex);
            spare.push_back(std::move(buffer));
            --buffers_coming;
        }
        changed.notify_all();
    }

    /// The zlib stream: header (deflate, 32 KiB window, fastest), the segments, Adler-32; cut
    /// into IDAT chunks of at most 1 MiB.
    void write_image_data() {
        constexpr std::size_t chunk_size = std::size_t{1} << 20;
        std::vector<std::uint8_t> chunk = {0x78, 0x01};
        chunk.reserve(chunk_size + 4);
        auto put = [&](const std::uint8_t* data, std::size_t size) {
            while (size > 0) {
                const std::size_t n = std::min(size, chunk_size - chunk.size());
                chunk.insert(chunk.end(), data, data + n);
                data += n;
                size -= n;
                if (chunk.size() == chunk_size) {
                    png_write_chunk(png, reinterpret_cast<png_const_bytep>("IDAT"), chunk.data(),
                                    chunk.size());
                    chunk.clear();
                }
            }
        };
        uLong adler = adler32(0, nullptr, 0);
        for (const auto& [first_row, segment] : segments) {
            put(segment.deflated.bytes.data(), segment.deflated.bytes.size());
            adler = adler32_combine(adler, segment.deflated.adler,
                                    static_cast<z_off_t>(segment.deflated.length));
        }
        const std::uint8_t trailer[4] = {
            static_cast<std::uint8_t>(adler >> 24), static_cast<std::uint8_t>(adler >> 16),
            static_cast<std::uint8_t>(adler >> 8), static_cast<std::uint8_t>(adler)};
        put(trailer, sizeof trailer);
        if (!chunk.empty()) {
            png_write_chunk(png, reinterpret_cast<png_const_bytep>("IDAT"), chunk.data(),
                            chunk.size());
        }
        png_write_chunk(png, reinterpret_cast<png_const_bytep>("IEND"), nullptr, 0);
    }
};

PngWriter::PngWriter(const fs::path& target, unsigned width, unsigned height, const PngText& text,
                     double dpi)
    : state_(std::make_unique<State>(target, width, height)) {
    std::FILE* stream = state_->file.stream();
    state_->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &state_->png_error, png_failure,
                                          png_warning_ignored);
    state_->info = png_create_info_struct(state_->png);
    if (setjmp(png_jmpbuf(state_->png))) {
        throw geo::InputError(N_("{file}: cannot write PNG: {error}"),
                              {{"file", target.string()}, {"error", state_->png_error}});
    }
    png_init_io(state_->png, stream);
    png_set_IHDR(state_->png, state_->info, width, height, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // UTF-8 text (iTXt): titles and sources may hold Japanese and Russian names.
    std::vector<png_text> chunks(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        chunks[i].compression = PNG_ITXT_COMPRESSION_NONE;
        chunks[i].key = const_cast<char*>(text[i].first.c_str());
        chunks[i].text = const_cast<char*>(text[i].second.c_str());
        chunks[i].itxt_length = text[i].second.size();
        chunks[i].lang = nullptr;
        chunks[i].lang_key = nullptr;
    }
    if (!chunks.empty()) {
        png_set_text(state_->png, state_->info, chunks.data(), static_cast<int>(chunks.size()));
    }
    if (dpi > 0) {
        const auto per_metre = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
        png_set_pHYs(state_->png, state_->info, per_metre, per_metre, PNG_RESOLUTION_METER);
    }
    png_write_info(state_->png, state_->info);
}

PngWriter::~PngWriter() = default;

void PngWriter::prepare_buffers(std::size_t bytes) {
    std::vector<WorkQueue::Job> jobs;
    for (unsigned i = 0; i < 2; ++i) {
        jobs.emplace_back([state = state_.get(), bytes](unsigned) { state->prepare(bytes); });
    }
    {
        std::lock_guard lock(state_->mutex);
        state_->buffers_coming += 2;
    }
    state_->queue.submit(std::move(jobs));
}

PixelBuffer PngWriter::spare_buffer(std::size_t bytes) {
    std::unique_lock lock(state_->mutex);
    // At most two buffers in the workers' hands and one being filled; a buffer being prepared
    // is worth waiting for.
    state_->changed.wait(lock, [&] {
        return !state_->worker_error.empty() ||
               (state_->bands_held < 2 && (!state_->spare.empty() || state_->buffers_coming == 0));
    });
    while (!state_->spare.empty()) {
        PixelBuffer buffer = std::move(state_->spare.back());
        state_->spare.pop_back();
        if (buffer.size() >= bytes) {
            return buffer;
        }
    }
    lock.unlock();
    return PixelBuffer(bytes);
}

void PngWriter::write_rows(unsigned first_row, PixelBuffer rgba, unsigned rows, bool bottom_up) {
    if (rows == 0) {
        return;
    }
    const bool overlaps = [&] {
        std::lock_guard lock(state_->mutex);
        auto after = state_->segments.lower_bound(first_row);
        if (after != state_->segments.end() && after->first < first_row + rows) {
            return true;
        }
        return after != state_->segments.begin() &&
               std::prev(after)->first + std::prev(after)->second.rows > first_row;
    }();
    if (overlaps || first_row + static_cast<std::uint64_t>(rows) > state_->height ||
        rgba.size() < static_cast<std::size_t>(rows) * state_->width * 4) {
        throw geo::InternalError(state_->file.target().string() + ": rows " +
                                 std::to_string(first_row) + " to " +
                                 std::to_string(first_row + rows - 1) + " do not fit the image");
    }
    auto band = std::make_shared<Band>();
    band->pixels = std::move(rgba);
    band->rows = rows;
    band->bottom_up = bottom_up;
    // One segment per worker, so that the image's last rows are deflated on every core.
    const auto parts = static_cast<unsigned>(std::min<std::size_t>(state_->queue.threads(), rows));
    const bool ends_image = first_row + rows == state_->height;
    {
        std::lock_guard lock(state_->mutex);
        band->pending = parts;
        ++state_->bands_held;
        unsigned first = 0;
        for (unsigned part = 0; part < parts; ++part) {
            const unsigned next =
                static_cast<unsigned>(static_cast<std::uint64_t>(rows) * (part + 1) / parts);
            state_->segments[first_row + first].rows = next - first;
            first = next;
        }
    }
    std::vector<WorkQueue::Job> jobs;
    unsigned first = 0;
    for (unsigned part = 0; part < parts; ++part) {
        const unsigned next =
            static_cast<unsigned>(static_cast<std::uint64_t>(rows) * (part + 1) / parts);
        const bool last = ends_image && part + 1 == parts;
        jobs.emplace_back([state = state_.get(), band, first, count = next - first,
                           segment_row = first_row + first, last](unsigned worker) {
            state->deflate(worker, *band, first, count, segment_row, last);
        });
        first = next;
    }
    state_->queue.submit(std::move(jobs));
    state_->rows_queued += rows;
}

void PngWriter::commit() {
    finish();
    state_->file.commit();
}

void PngWriter::finish() {
    if (state_->finished) {
        return;
    }
    const std::string target = state_->file.target().string();
    if (state_->rows_queued != state_->height) {
        throw geo::InternalError(target + ": " + std::to_string(state_->rows_queued) + " of " +
                                 std::to_string(state_->height) + " rows written");
    }
    state_->queue.finish();
    PhaseTimer::global().mark("wait for compression");
    if (!state_->worker_error.empty()) {
        throw geo::InternalError(target + ": cannot write PNG: " + state_->worker_error);
    }
    errno = 0;
    if (setjmp(png_jmpbuf(state_->png))) {
        // libpng says "Write Error"; errno says why (a full disk, a file size limit).
        const int reason = errno;
        if (reason != 0) {
            throw geo::InputError(N_("{file}: cannot write PNG: {error} ({reason})"),
                                  {{"file", target},
                                   {"error", state_->png_error},
                                   {"reason", std::strerror(reason)}});
        }
        throw geo::InputError(N_("{file}: cannot write PNG: {error}"),
                              {{"file", target}, {"error", state_->png_error}});
    }
    state_->write_image_data();
    png_destroy_write_struct(&state_->png, &state_->info);
    state_->png = nullptr;
    PhaseTimer::global().mark("write chunks");
    state_->file.sync();
    state_->finished = true;
}

} // namespace kuril
