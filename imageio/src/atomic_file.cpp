#include "imageio/atomic_file.hpp"

#include "geo/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kuril {
namespace {

fs::path folder_of(const fs::path& target) {
    return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

fs::path temporary_beside(const fs::path& target) {
    std::string name = ".";
    name.append(target.filename().string());
    name.append(".tmp-");
    name.append(std::to_string(::getpid()));
    return folder_of(target) / name;
}

std::string reason(int error) {
    return std::strerror(error);
}

} // namespace

void check_writable(const fs::path& target) {
    std::error_code ec;
    const fs::file_status status = fs::status(target, ec);
    if (fs::is_directory(status)) {
        throw geo::InputError(target.string() + ": is a folder, expected a file name to write");
    }
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        throw geo::InputError(target.string() +
                              ": is not a regular file (a device or a FIFO?); only regular "
                              "files are replaced");
    }
    const fs::path folder = folder_of(target);
    if (!fs::is_directory(folder, ec)) {
        throw geo::InputError(folder.string() + ": no such folder to write " +
                              target.filename().string() + " into");
    }
    if (::access(folder.c_str(), W_OK) != 0) {
        throw geo::InputError(folder.string() + ": folder is not writable");
    }
}

AtomicFile::AtomicFile(const fs::path& target)
    : target_(target), temporary_(temporary_beside(target)) {
    check_writable(target);
}

AtomicFile::~AtomicFile() {
    if (stream_ != nullptr) {
        std::fclose(stream_);
    }
    if (!committed_) {
        std::error_code ec;
        fs::remove(temporary_, ec);
    }
}

std::FILE* AtomicFile::stream() {
    if (synced_) {
        throw geo::InternalError(target_.string() + ": written to after it was synced");
    }
    if (stream_ == nullptr) {
        stream_ = std::fopen(temporary_.c_str(), "wb");
        if (stream_ == nullptr) {
            throw geo::InputError(folder_of(temporary_).string() +
                                  ": cannot create a file: " + reason(errno));
        }
    }
    return stream_;
}

void AtomicFile::write_text(const std::string& text) {
    std::FILE* out = stream();
    if (std::fwrite(text.data(), 1, text.size(), out) != text.size()) {
        throw geo::InputError(target_.string() + ": cannot write: " + reason(errno));
    }
}

void AtomicFile::sync() {
    if (synced_) {
        return;
    }
    // A full disk shows up on flush, sync or close.
    errno = 0;
    bool written = true;
    if (stream_ != nullptr) {
        written = std::fflush(stream_) == 0 && ::fsync(::fileno(stream_)) == 0;
        const int saved = errno;
        written = std::fclose(stream_) == 0 && written;
        stream_ = nullptr;
        if (saved != 0) {
            errno = saved;
        }
    } else {
        // Written by name (GDAL): synced through a descriptor of its own.
        const int fd = ::open(temporary_.c_str(), O_RDONLY | O_CLOEXEC);
        written = fd >= 0 && ::fsync(fd) == 0;
        const int saved = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        errno = saved;
    }
    if (!written) {
        throw geo::InputError(target_.string() + ": cannot write: " + reason(errno));
    }
    synced_ = true;
}

void AtomicFile::commit() {
    sync();
    std::error_code ec;
    fs::rename(temporary_, target_, ec);
    if (ec) {
        throw geo::InputError(target_.string() + ": cannot rename into place: " + ec.message());
    }
    committed_ = true;
}

} // namespace kuril
