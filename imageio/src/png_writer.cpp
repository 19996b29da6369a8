#include "imageio/png_writer.hpp"

#include "geo/error.hpp"
#include "util/phase_timer.hpp"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <isa-l/igzip_lib.h>
#include <iterator>
#include <map>
#include <mutex>
#include <png.h>
#include <thread>
#include <unistd.h>
#include <vector>
#include <zlib.h>

namespace fs = std::filesystem;

namespace kuril {
namespace {

fs::path temporary_beside(const fs::path& target) {
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string name = ".";
    name.append(target.filename().string());
    name.append(".tmp-");
    name.append(std::to_string(::getpid()));
    return folder / name;
}

[[noreturn]] void png_failure(png_structp png, png_const_charp message) {
    auto* text = static_cast<std::string*>(png_get_error_ptr(png));
    if (text != nullptr) {
        *text = message;
    }
    png_longjmp(png, 1);
}

void png_warning_ignored(png_structp, png_const_charp) {}

} // namespace

void check_writable(const fs::path& target) {
    std::error_code ec;
    if (fs::is_directory(target, ec)) {
        throw geo::InputError(target.string() + ": is a folder, expected a file name to write");
    }
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec)) {
        throw geo::InputError(folder.string() + ": no such folder to write " +
                              target.filename().string() + " into");
    }
    if (::access(folder.c_str(), W_OK) != 0) {
        throw geo::InputError(folder.string() + ": folder is not writable");
    }
}

namespace {

/// One piece of the zlib stream: the filtered rows it holds, deflated on its own.
struct Segment {
    std::vector<std::uint8_t> compressed;
    uLong adler = 1; ///< Adler-32 of the uncompressed bytes
    uLong length = 0;
    unsigned rows = 0;
};

/// Rows handed over in one buffer; the buffer is free again when every segment cut from it
/// has been converted.
struct Band {
    PixelBuffer pixels;
    unsigned rows = 0;
    bool bottom_up = false;
    unsigned pending = 0;
};

struct Job {
    std::shared_ptr<Band> band; ///< null: make a spare buffer of `prepare_bytes` instead
    std::size_t prepare_bytes = 0;
    unsigned first_row = 0; ///< within the band, counted from the top of the image
    unsigned rows = 0;
    unsigned segment = 0; ///< its first row in the image
    bool last = false;    ///< holds the image's last row: ends the deflate stream
};

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

/// Feeds `size` bytes to a raw deflate stream of ISA-L's igzip, appending its output to `out`
/// from `used` on (growing it as needed). With `sync`, the segment ends on a byte boundary
/// without a final block (zlib's Z_SYNC_FLUSH), so that the next segment can follow; with
/// `end`, it ends the whole stream with a final block. Returns false with `error` set when
/// igzip fails.
bool deflate_into(isal_zstream& z, const std::uint8_t* data, std::size_t size, bool sync, bool end,
                  std::vector<std::uint8_t>& out, std::size_t& used, std::string& error) {
    z.next_in = const_cast<std::uint8_t*>(data);
    z.avail_in = static_cast<std::uint32_t>(size);
    z.flush = sync ? SYNC_FLUSH : NO_FLUSH;
    z.end_of_stream = end ? 1 : 0;
    while (true) {
        if (out.size() - used < (64 << 10)) {
            out.resize(std::max<std::size_t>(out.size() * 2, used + (std::size_t{1} << 20)));
        }
        z.next_out = out.data() + used;
        z.avail_out = static_cast<std::uint32_t>(out.size() - used);
        const std::uint32_t before = z.avail_in;
        const int result = isal_deflate(&z);
        const bool wrote = out.size() - z.avail_out > used;
        used = out.size() - z.avail_out;
        if (result != COMP_OK) {
            error = "igzip failed to deflate the image (error " + std::to_string(result) + ")";
            return false;
        }
        // igzip returns when its input is used up or its output is full; a flush or the end
        // is complete once a call leaves room in the output.
        const bool done = end    ? z.internal_state.state == ZSTATE_END
                          : sync ? z.avail_in == 0 && z.avail_out > 0
                                 : z.avail_in == 0;
        if (done) {
            return true;
        }
        if (z.avail_out > 0 && z.avail_in == before && !wrote) {
            error = "igzip made no progress deflating the image"; // never spin
            return false;
        }
    }
}

} // namespace

struct PngWriter::State {
    fs::path target;
    fs::path temporary;
    std::FILE* file = nullptr;
    png_structp png = nullptr;
    png_infop info = nullptr;
    unsigned width = 0;
    unsigned height = 0;
    unsigned rows_queued = 0; ///< in all bands handed over so far
    std::string png_error;    ///< set by libpng's error callback
    bool committed = false;

    // Shared with the workers, under `mutex`.
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Job> jobs;
    /// By first row: bands may come in any order. A map: workers hold references to segments
    /// while others are added.
    std::map<unsigned, Segment> segments;
    std::vector<PixelBuffer> spare;
    unsigned bands_held = 0;     ///< buffers handed over whose rows are not all compressed yet
    unsigned buffers_coming = 0; ///< spare buffers being prepared by the workers
    bool closing = false;
    std::string worker_error;
    std::vector<std::thread> workers;

    /// A worker's loop; a failure (out of memory) is recorded for commit() to report, and
    /// stops waits on this worker, instead of ending the program.
    void work() {
        try {
            run_jobs();
        } catch (const std::exception& failure) {
            fail(failure.what());
        } catch (...) {
            fail("unknown failure");
        }
    }

    void fail(const std::string& message) {
        {
            std::lock_guard lock(mutex);
            if (worker_error.empty()) {
                worker_error = "a compression thread failed: " + message;
            }
        }
        changed.notify_all();
    }

    void run_jobs() {
        // Rows are converted a few at a time just before zlib reads them, so they are still
        // in the cache; the buffers are kept between jobs.
        const std::size_t row_bytes = static_cast<std::size_t>(width) * 3 + 1;
        const std::size_t chunk_rows = std::max<std::size_t>(1, (256 << 10) / row_bytes);
        std::vector<std::uint8_t> chunk(row_bytes * chunk_rows);
        std::vector<std::uint8_t> deflated;
        std::vector<std::uint8_t> level_buffer(ISAL_DEF_LVL1_DEFAULT); // igzip's level 1 state
        while (true) {
            Job job;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return closing || !jobs.empty(); });
                if (jobs.empty()) {
                    return;
                }
                job = std::move(jobs.front());
                jobs.pop_front();
            }
            if (!job.band) {
                // A buffer for rows to come, its pages touched here (on a core that would
                // otherwise wait for the first rows) rather than while the caller reads back.
                PixelBuffer buffer(job.prepare_bytes);
                std::memset(buffer.data(), 0, buffer.size());
                {
                    std::lock_guard lock(mutex);
                    spare.push_back(std::move(buffer));
                    --buffers_coming;
                }
                changed.notify_all();
                continue;
            }
            std::string error;
            isal_zstream z;
            isal_deflate_init(&z);
            z.level = 1;
            z.level_buf = level_buffer.data();
            z.level_buf_size = static_cast<std::uint32_t>(level_buffer.size());
            z.gzip_flag = IGZIP_DEFLATE; // raw deflate: the zlib wrapper is written at commit
            std::size_t used = 0;
            std::uint32_t adler = 1;
            const Band& band = *job.band;
            for (unsigned done = 0; done < job.rows && error.empty();) {
                const auto rows =
                    static_cast<unsigned>(std::min<std::size_t>(chunk_rows, job.rows - done));
                // Each row: filter type 0 (none), then RGB.
                for (unsigned r = 0; r < rows; ++r) {
                    const unsigned row = job.first_row + done + r;
                    const unsigned stored = band.bottom_up ? band.rows - 1 - row : row;
                    std::uint8_t* out = chunk.data() + r * row_bytes;
                    *out = 0;
                    rgba_to_rgb(band.pixels.data() + static_cast<std::size_t>(stored) * width * 4,
                                out + 1, width);
                }
                done += rows;
                const std::size_t bytes = rows * row_bytes;
                adler = isal_adler32(adler, chunk.data(), bytes);
                const bool segment_done = done == job.rows;
                deflate_into(z, chunk.data(), bytes, segment_done && !job.last,
                             segment_done && job.last, deflated, used, error);
            }
            {
                std::lock_guard lock(mutex);
                if (--job.band->pending == 0) {
                    spare.push_back(std::move(job.band->pixels));
                    --bands_held;
                }
            }
            changed.notify_all();
            job.band.reset();
            std::vector<std::uint8_t> compressed(
                deflated.begin(), deflated.begin() + static_cast<std::ptrdiff_t>(used));
            const std::size_t raw_size = row_bytes * job.rows;
            {
                std::lock_guard lock(mutex);
                Segment& segment = segments[job.segment];
                segment.compressed = std::move(compressed);
                segment.adler = adler;
                segment.length = static_cast<uLong>(raw_size);
                if (!error.empty() && worker_error.empty()) {
                    worker_error = error;
                }
            }
            changed.notify_all();
        }
    }

    ~State() {
        if (!committed) {
            // Abandoned (an error while drawing): what is queued is not worth compressing.
            std::lock_guard lock(mutex);
            jobs.clear();
        }
        stop_workers();
        if (png != nullptr) {
            png_destroy_write_struct(&png, &info);
        }
        if (file != nullptr) {
            std::fclose(file);
        }
        if (!committed) {
            std::error_code ec;
            fs::remove(temporary, ec);
        }
    }

    void stop_workers() {
        {
            std::lock_guard lock(mutex);
            closing = true;
        }
        changed.notify_all();
        for (auto& worker : workers) {
            worker.join();
        }
        workers.clear();
    }
};

PngWriter::PngWriter(const fs::path& target, unsigned width, unsigned height, const PngText& text)
    : state_(std::make_unique<State>()) {
    check_writable(target);
    state_->target = target;
    state_->temporary = temporary_beside(target);
    state_->width = width;
    state_->height = height;
    state_->file = std::fopen(state_->temporary.c_str(), "wb");
    if (state_->file == nullptr) {
        throw geo::InputError(state_->temporary.parent_path().string() +
                              ": cannot create a file: " + std::strerror(errno));
    }
    state_->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &state_->png_error, png_failure,
                                          png_warning_ignored);
    state_->info = png_create_info_struct(state_->png);
    if (setjmp(png_jmpbuf(state_->png))) {
        throw geo::InputError(target.string() + ": cannot write PNG: " + state_->png_error);
    }
    png_init_io(state_->png, state_->file);
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
    png_write_info(state_->png, state_->info);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < std::min(cores, 4u); ++i) {
        state_->workers.emplace_back([state = state_.get()] { state->work(); });
    }
}

PngWriter::~PngWriter() = default;

void PngWriter::prepare_buffers(std::size_t bytes, unsigned count) {
    {
        std::lock_guard lock(state_->mutex);
        for (unsigned i = 0; i < count; ++i) {
            Job job;
            job.prepare_bytes = bytes;
            state_->jobs.push_back(std::move(job));
            ++state_->buffers_coming;
        }
    }
    state_->changed.notify_all();
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
        throw geo::InputError(state_->target.string() + ": internal: rows " +
                              std::to_string(first_row) + " to " +
                              std::to_string(first_row + rows - 1) + " do not fit the image");
    }
    auto band = std::make_shared<Band>();
    band->pixels = std::move(rgba);
    band->rows = rows;
    band->bottom_up = bottom_up;
    // One segment per worker, so that the image's last rows are deflated on every core.
    const auto parts = static_cast<unsigned>(std::min<std::size_t>(state_->workers.size(), rows));
    const bool ends_image = first_row + rows == state_->height;
    {
        std::lock_guard lock(state_->mutex);
        band->pending = parts;
        ++state_->bands_held;
        unsigned first = 0;
        for (unsigned part = 0; part < parts; ++part) {
            const unsigned next =
                static_cast<unsigned>(static_cast<std::uint64_t>(rows) * (part + 1) / parts);
            Job job;
            job.band = band;
            job.first_row = first;
            job.rows = next - first;
            job.segment = first_row + first;
            job.last = ends_image && part + 1 == parts;
            state_->segments[job.segment].rows = job.rows;
            state_->jobs.push_back(std::move(job));
            first = next;
        }
    }
    state_->rows_queued += rows;
    state_->changed.notify_all();
}

void PngWriter::commit() {
    if (state_->rows_queued != state_->height) {
        throw geo::InputError(state_->target.string() +
                              ": internal: " + std::to_string(state_->rows_queued) + " of " +
                              std::to_string(state_->height) + " rows written");
    }
    state_->stop_workers();
    PhaseTimer::global().mark("wait for compression");
    if (!state_->worker_error.empty()) {
        throw geo::InputError(state_->target.string() +
                              ": cannot write PNG: " + state_->worker_error);
    }
    errno = 0;
    if (setjmp(png_jmpbuf(state_->png))) {
        // libpng says "Write Error"; errno says why (a full disk, a file size limit).
        const int reason = errno;
        throw geo::InputError(state_->target.string() + ": cannot write PNG: " + state_->png_error +
                              (reason != 0 ? std::string(" (") + std::strerror(reason) + ")" : ""));
    }
    // The zlib stream: header (deflate, 32 KiB window, fastest), the segments, Adler-32; cut
    // into IDAT chunks of at most 1 MiB.
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
                png_write_chunk(state_->png, reinterpret_cast<png_const_bytep>("IDAT"),
                                chunk.data(), chunk.size());
                chunk.clear();
            }
        }
    };
    uLong adler = adler32(0, nullptr, 0);
    for (const auto& [first_row, segment] : state_->segments) {
        put(segment.compressed.data(), segment.compressed.size());
        adler = adler32_combine(adler, segment.adler, static_cast<z_off_t>(segment.length));
    }
    const std::uint8_t trailer[4] = {
        static_cast<std::uint8_t>(adler >> 24), static_cast<std::uint8_t>(adler >> 16),
        static_cast<std::uint8_t>(adler >> 8), static_cast<std::uint8_t>(adler)};
    put(trailer, sizeof trailer);
    if (!chunk.empty()) {
        png_write_chunk(state_->png, reinterpret_cast<png_const_bytep>("IDAT"), chunk.data(),
                        chunk.size());
    }
    png_write_chunk(state_->png, reinterpret_cast<png_const_bytep>("IEND"), nullptr, 0);
    png_destroy_write_struct(&state_->png, &state_->info);
    state_->png = nullptr;
    PhaseTimer::global().mark("write chunks");
    // A full disk shows up on flush or close.
    const bool flushed = std::fflush(state_->file) == 0 && ::fsync(::fileno(state_->file)) == 0;
    const int saved_errno = errno;
    const bool closed = std::fclose(state_->file) == 0;
    state_->file = nullptr;
    if (!flushed || !closed) {
        throw geo::InputError(state_->target.string() +
                              ": cannot write: " + std::strerror(saved_errno));
    }
    std::error_code ec;
    fs::rename(state_->temporary, state_->target, ec);
    if (ec) {
        throw geo::InputError(state_->target.string() +
                              ": cannot rename into place: " + ec.message());
    }
    state_->committed = true;
}

AtomicFile::AtomicFile(const fs::path& target)
    : target_(target), temporary_(temporary_beside(target)) {
    check_writable(target);
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        std::error_code ec;
        fs::remove(temporary_, ec);
    }
}

void AtomicFile::write_text(const std::string& text) {
    std::ofstream out(temporary_, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
        throw geo::InputError(target_.string() + ": cannot write");
    }
}

void AtomicFile::commit() {
    std::error_code ec;
    fs::rename(temporary_, target_, ec);
    if (ec) {
        throw geo::InputError(target_.string() + ": cannot rename into place: " + ec.message());
    }
    committed_ = true;
}

} // namespace kuril
