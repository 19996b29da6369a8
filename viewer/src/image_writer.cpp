#include "viewer/image_writer.hpp"

#include "geo/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <png.h>
#include <unistd.h>
#include <vector>

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

struct PngWriter::State {
    fs::path target;
    fs::path temporary;
    std::FILE* file = nullptr;
    png_structp png = nullptr;
    png_infop info = nullptr;
    unsigned width = 0;
    unsigned height = 0;
    unsigned rows_written = 0;
    std::string error;
    std::vector<std::uint8_t> row;
    bool committed = false;
};

PngWriter::PngWriter(const fs::path& target, unsigned width, unsigned height)
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
    state_->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &state_->error, png_failure,
                                          png_warning_ignored);
    state_->info = png_create_info_struct(state_->png);
    if (setjmp(png_jmpbuf(state_->png))) {
        throw geo::InputError(target.string() + ": cannot write PNG: " + state_->error);
    }
    png_init_io(state_->png, state_->file);
    // Fast settings (level 1, no filter): a flat-coloured map still compresses ~25:1.
    png_set_compression_level(state_->png, 1);
    png_set_filter(state_->png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_IHDR(state_->png, state_->info, width, height, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(state_->png, state_->info);
    state_->row.resize(static_cast<std::size_t>(width) * 3);
}

PngWriter::~PngWriter() {
    if (state_->png != nullptr) {
        png_destroy_write_struct(&state_->png, &state_->info);
    }
    if (state_->file != nullptr) {
        std::fclose(state_->file);
    }
    if (!state_->committed) {
        std::error_code ec;
        fs::remove(state_->temporary, ec);
    }
}

void PngWriter::write_rows(const std::uint8_t* rgba, unsigned rows) {
    if (setjmp(png_jmpbuf(state_->png))) {
        throw geo::InputError(state_->target.string() + ": cannot write PNG: " + state_->error);
    }
    for (unsigned r = 0; r < rows; ++r) {
        const std::uint8_t* in = rgba + static_cast<std::size_t>(r) * state_->width * 4;
        std::uint8_t* out = state_->row.data();
        for (unsigned x = 0; x < state_->width; ++x) {
            out[0] = in[0];
            out[1] = in[1];
            out[2] = in[2];
            out += 3;
            in += 4;
        }
        png_write_row(state_->png, state_->row.data());
    }
    state_->rows_written += rows;
}

void PngWriter::commit() {
    if (state_->rows_written != state_->height) {
        throw geo::InputError(state_->target.string() +
                              ": internal: " + std::to_string(state_->rows_written) + " of " +
                              std::to_string(state_->height) + " rows written");
    }
    if (setjmp(png_jmpbuf(state_->png))) {
        throw geo::InputError(state_->target.string() + ": cannot write PNG: " + state_->error);
    }
    png_write_end(state_->png, nullptr);
    png_destroy_write_struct(&state_->png, &state_->info);
    state_->png = nullptr;
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
