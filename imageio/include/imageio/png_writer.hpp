#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kuril {

/// A block of pixels that is not zero-filled when allocated: read-back buffers are written
/// whole by glReadPixels.
class PixelBuffer {
public:
    PixelBuffer() = default;
    // new[] of bytes default-initialises: nothing is written until the pixels are.
    explicit PixelBuffer(std::size_t bytes) : data_(new std::uint8_t[bytes]), size_(bytes) {}
    std::uint8_t* data() { return data_.get(); }
    const std::uint8_t* data() const { return data_.get(); }
    std::size_t size() const { return size_; }

private:
    std::unique_ptr<std::uint8_t[]> data_;
    std::size_t size_ = 0;
};

/// Keywords and UTF-8 text stored in the PNG's iTXt chunks (Title, Software, Copyright...).
using PngText = std::vector<std::pair<std::string, std::string>>;

/// Writes an RGB PNG into a temporary file beside the target; commit() renames it into place,
/// and a writer destroyed without commit() removes it, so a failed export never leaves a
/// partial image.
///
/// libpng writes the file (signature, IHDR, iTXt, IDAT, IEND chunks and their CRCs). The image
/// data is one zlib stream at fast settings (no row filter, level 1 of ISA-L's igzip, a
/// deflate encoder several times faster than zlib's for the same size) made of independent
/// segments that worker threads deflate while the caller renders the next rows, the way pigz
/// splits a stream: each segment but the last ends on a byte boundary (a sync flush) and the
/// stream's Adler-32 is combined from the segments' checksums.
class PngWriter {
public:
    PngWriter(const std::filesystem::path& target, unsigned width, unsigned height,
              const PngText& text = {});
    ~PngWriter();
    PngWriter(const PngWriter&) = delete;
    PngWriter& operator=(const PngWriter&) = delete;

    /// Hands over `rows` rows of RGBA pixels (alpha dropped) from `first_row` on, `width * 4`
    /// bytes each, stored top to bottom or, with `bottom_up` (OpenGL's order), bottom to top.
    /// Bands may come in any order (the costliest first, say). Returns at once; the rows are
    /// converted and compressed on worker threads.
    void write_rows(unsigned first_row, PixelBuffer rgba, unsigned rows, bool bottom_up = false);
    /// Has the workers make `count` buffers of `bytes` bytes for spare_buffer() now, touching
    /// their memory while the caller draws the first rows (so that reading rows back into them
    /// does not stop for page faults).
    void prepare_buffers(std::size_t bytes, unsigned count);
    /// A buffer of at least `bytes` bytes for the next rows: one the workers are done with or
    /// have prepared, or a new one. Waits while the workers hold several (bounds the memory
    /// used).
    PixelBuffer spare_buffer(std::size_t bytes);
    /// Waits for the workers, writes the image data and the end of the file, flushes it to
    /// disk and renames it into place.
    void commit();

private:
    struct State;
    std::unique_ptr<State> state_;
};

/// A temporary file beside `target` that is renamed into place by commit() and removed
/// otherwise. Throws geo::InputError naming the folder when it cannot be created.
class AtomicFile {
public:
    explicit AtomicFile(const std::filesystem::path& target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    const std::filesystem::path& temporary() const { return temporary_; }
    void write_text(const std::string& text);
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temporary_;
    bool committed_ = false;
};

/// Throws geo::InputError unless a file can be created at `target`: its folder exists and is
/// writable, and `target` is not a folder.
void check_writable(const std::filesystem::path& target);

} // namespace kuril
