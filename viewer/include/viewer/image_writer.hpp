#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace kuril {

/// Writes an RGB PNG row by row with libpng at fast settings (compression 1, no filter) into a
/// temporary file beside the target; commit() renames it into place, and a writer destroyed
/// without commit() removes it, so a failed export never leaves a partial image.
class PngWriter {
public:
    PngWriter(const std::filesystem::path& target, unsigned width, unsigned height);
    ~PngWriter();
    PngWriter(const PngWriter&) = delete;
    PngWriter& operator=(const PngWriter&) = delete;

    /// Appends rows of RGBA pixels (alpha dropped), top to bottom.
    void write_rows(const std::uint8_t* rgba, unsigned rows);
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
