// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>

namespace kuril {

/// Throws geo::InputError unless a file can be created at `target`: its folder exists and is
/// writable, and `target` is not a folder, nor anything else that is not a regular file (a
/// device, a FIFO): only regular files are ever replaced.
void check_writable(const std::filesystem::path& target);

/// While it lives, a SIGTERM, SIGINT or SIGHUP (handled as for AtomicFile) removes `folder`
/// and the files in it (not sub-folders) before the process ends: a folder that holds files
/// until they are moved into place (export --frames). One such folder at a time.
class TemporaryFolderGuard {
public:
    explicit TemporaryFolderGuard(const std::filesystem::path& folder);
    ~TemporaryFolderGuard();
    TemporaryFolderGuard(const TemporaryFolderGuard&) = delete;
    TemporaryFolderGuard& operator=(const TemporaryFolderGuard&) = delete;
};

/// A file written under a temporary name in the target's folder (".NAME.tmp-PID"), flushed to
/// disk and renamed over the target by commit(); destroyed without commit() it is removed, so
/// a failure never leaves a partial file nor touches an existing one. A SIGTERM, SIGINT or
/// SIGHUP (when their handling is still the default) removes the temporary files of every
/// AtomicFile not yet committed, then ends the process as the signal would.
class AtomicFile {
public:
    /// Checks that the target can be written (check_writable); creates nothing yet.
    explicit AtomicFile(const std::filesystem::path& target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::filesystem::path& target() const { return target_; }
    /// Where the contents go until commit(), for a library that writes by file name (GDAL).
    const std::filesystem::path& temporary() const { return temporary_; }

    /// The temporary file, created and opened for binary writing on the first call. Throws
    /// geo::InputError naming the folder when it cannot be created.
    std::FILE* stream();
    /// Appends `text` to the file.
    void write_text(const std::string& text);
    /// Flushes what was written (through stream(), write_text() or by name) to disk and closes
    /// it; nothing more can be written. Throws geo::InputError naming the target when the disk
    /// refuses.
    void sync();
    /// Syncs (if not done yet) and renames the file into place.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temporary_;
    std::FILE* stream_ = nullptr;
    bool synced_ = false;
    bool committed_ = false;
    int signal_slot_ = -1; ///< where the signal handler finds the temporary name
};

} // namespace kuril
