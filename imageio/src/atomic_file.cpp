// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageio/atomic_file.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sys/syscall.h>
#include <unistd.h>

namespace fs = std::filesystem;
using i18n::N_;

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

// Temporary files being written, for a SIGTERM, SIGINT or SIGHUP to remove: a kill during an
// export leaves no ".NAME.tmp-PID" behind. The handler only reads these slots and unlinks
// (async-signal-safe); a slot holds a copy of the name made at registration.
constexpr std::size_t max_pending = 512;
std::array<std::atomic<char*>, max_pending> pending_names{};

// A folder being filled (TemporaryFolderGuard): its descriptor, opened beforehand, lets the
// handler list it with the getdents64 system call (async-signal-safe, unlike readdir).
std::atomic<int> pending_folder_fd{-1};
std::atomic<char*> pending_folder_name{nullptr};

struct LinuxDirent64 {
    std::uint64_t inode;
    std::int64_t offset;
    unsigned short length;
    unsigned char type;
    char name[1];
};

void remove_pending_folder() {
    const int fd = pending_folder_fd.load();
    char* name = pending_folder_name.load();
    if (fd < 0 || name == nullptr) {
        return;
    }
    alignas(8) char buffer[4096];
    // Entries are removed while the folder is read: read it again from its start until a pass
    // finds nothing left (a bounded number of passes).
    for (int pass = 0; pass < 16; ++pass) {
        ::lseek(fd, 0, SEEK_SET);
        bool removed = false;
        for (;;) {
            const long got = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer);
            if (got <= 0) {
                break;
            }
            for (long at = 0; at < got;) {
                const auto* entry = reinterpret_cast<const LinuxDirent64*>(buffer + at);
                const char* file = entry->name;
                const bool dots =
                    file[0] == '.' && (file[1] == 0 || (file[1] == '.' && file[2] == 0));
                if (!dots && ::unlinkat(fd, file, 0) == 0) {
                    removed = true;
                }
                at += entry->length;
            }
        }
        if (!removed) {
            break;
        }
    }
    ::rmdir(name);
}

extern "C" void remove_temporaries_and_die(int signal_number) {
    for (auto& slot : pending_names) {
        if (char* name = slot.load(); name != nullptr) {
            ::unlink(name);
        }
    }
    remove_pending_folder();
    // Ends as the signal would have ended it (the shell sees the kill).
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
}

void install_handlers() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (const int signal_number : {SIGTERM, SIGINT, SIGHUP}) {
            struct sigaction current {};
            // A handler someone else installed (or an ignored signal) is left alone.
            if (::sigaction(signal_number, nullptr, &current) == 0 &&
                current.sa_handler == SIG_DFL) {
                struct sigaction action {};
                action.sa_handler = remove_temporaries_and_die;
                sigemptyset(&action.sa_mask);
                ::sigaction(signal_number, &action, nullptr);
            }
        }
    });
}

/// The slot registered for `name`, or -1 when all are taken (the file is still removed on
/// every other path).
/// A heap copy of `path` that a signal handler may read (freed with delete[]).
char* handler_copy(const fs::path& path) {
    const std::string& text = path.native();
    char* copy = new char[text.size() + 1];
    std::memcpy(copy, text.c_str(), text.size() + 1);
    return copy;
}

int register_temporary(const fs::path& name) {
    install_handlers();
    char* copy = handler_copy(name);
    for (std::size_t i = 0; i < pending_names.size(); ++i) {
        char* expected = nullptr;
        if (pending_names[i].compare_exchange_strong(expected, copy)) {
            return static_cast<int>(i);
        }
    }
    delete[] copy;
    return -1;
}

void unregister_temporary(int& slot) {
    if (slot >= 0) {
        delete[] pending_names[static_cast<std::size_t>(slot)].exchange(nullptr);
        slot = -1;
    }
}

} // namespace

TemporaryFolderGuard::TemporaryFolderGuard(const fs::path& folder) {
    install_handlers();
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        throw geo::InputError(N_("{folder}: cannot open the folder ({error})"),
                              {{"folder", folder.string()}, {"error", reason(errno)}});
    }
    delete[] pending_folder_name.exchange(handler_copy(folder));
    const int previous = pending_folder_fd.exchange(fd);
    if (previous >= 0) {
        ::close(previous);
    }
}

TemporaryFolderGuard::~TemporaryFolderGuard() {
    const int fd = pending_folder_fd.exchange(-1);
    if (fd >= 0) {
        ::close(fd);
    }
    delete[] pending_folder_name.exchange(nullptr);
}

void check_writable(const fs::path& target) {
    std::error_code ec;
    const fs::file_status status = fs::status(target, ec);
    if (fs::is_directory(status)) {
        throw geo::InputError(N_("{file}: is a folder, expected a file name to write"),
                              {{"file", target.string()}});
    }
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        throw geo::InputError(N_("{file}: is not a regular file (a device or a FIFO?); only "
                                 "regular files are replaced"),
                              {{"file", target.string()}});
    }
    const fs::path folder = folder_of(target);
    if (!fs::is_directory(folder, ec)) {
        throw geo::InputError(N_("{folder}: no such folder to write {file} into"),
                              {{"folder", folder.string()}, {"file", target.filename().string()}});
    }
    if (::access(folder.c_str(), W_OK) != 0) {
        throw geo::InputError(N_("{folder}: folder is not writable"),
                              {{"folder", folder.string()}});
    }
}

AtomicFile::AtomicFile(const fs::path& target)
    : target_(target), temporary_(temporary_beside(target)) {
    check_writable(target);
    signal_slot_ = register_temporary(temporary_);
}

AtomicFile::~AtomicFile() {
    if (stream_ != nullptr) {
        std::fclose(stream_);
    }
    if (!committed_) {
        std::error_code ec;
        fs::remove(temporary_, ec);
    }
    unregister_temporary(signal_slot_);
}

std::FILE* AtomicFile::stream() {
    if (synced_) {
        throw geo::InternalError(target_.string() + ": written to after it was synced");
    }
    if (stream_ == nullptr) {
        stream_ = std::fopen(temporary_.c_str(), "wb");
        if (stream_ == nullptr) {
            throw geo::InputError(
                N_("{folder}: cannot create a file: {error}"),
                {{"folder", folder_of(temporary_).string()}, {"error", reason(errno)}});
        }
    }
    return stream_;
}

void AtomicFile::write_text(const std::string& text) {
    std::FILE* out = stream();
    if (std::fwrite(text.data(), 1, text.size(), out) != text.size()) {
        throw geo::InputError(N_("{file}: cannot write: {error}"),
                              {{"file", target_.string()}, {"error", reason(errno)}});
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
        throw geo::InputError(N_("{file}: cannot write: {error}"),
                              {{"file", target_.string()}, {"error", reason(errno)}});
    }
    synced_ = true;
}

void AtomicFile::commit() {
    sync();
    std::error_code ec;
    fs::rename(temporary_, target_, ec);
    if (ec) {
        throw geo::InputError(N_("{file}: cannot rename into place: {error}"),
                              {{"file", target_.string()}, {"error", ec.message()}});
    }
    committed_ = true;
    unregister_temporary(signal_slot_);
}

} // namespace kuril
