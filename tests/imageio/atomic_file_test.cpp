// SPDX-License-Identifier: GPL-3.0-or-later
// Atomic files: nothing appears at the target until commit(); an abandoned file leaves
// nothing; only regular files are replaced.
#include "geo/error.hpp"
#include "imageio/atomic_file.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace {

std::string contents(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("[imageio] atomic file: the target changes only on commit") {
    const fs::path dir = test_paths::scratch("atomic_commit");
    const fs::path target = dir / "map.pgw";
    std::ofstream(target) << "old";
    {
        kuril::AtomicFile file(target);
        CHECK(file.temporary().parent_path() == dir);
        CHECK(file.temporary() != target);
        file.write_text("new ");
        std::fputs("contents", file.stream());
        CHECK(contents(target) == "old");
        CHECK(fs::exists(file.temporary()));
        file.sync(); // on disk, not yet in place; nothing more can be written
        CHECK(contents(file.temporary()) == "new contents");
        CHECK(contents(target) == "old");
        CHECK_THROWS_AS(file.write_text("late"), geo::InternalError);
        file.commit();
        CHECK(!fs::exists(file.temporary()));
    }
    CHECK(contents(target) == "new contents");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("[imageio] atomic file: abandoned, it leaves nothing and the old file stays") {
    const fs::path dir = test_paths::scratch("atomic_abandon");
    {
        kuril::AtomicFile file(dir / "new.png");
        file.write_text("partial");
    }
    CHECK(fs::is_empty(dir));
    std::ofstream(dir / "old.png") << "old";
    {
        kuril::AtomicFile file(dir / "old.png");
        file.write_text("partial");
    }
    CHECK(contents(dir / "old.png") == "old");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("[imageio] atomic file: a file written by name (GDAL's way) is committed too") {
    const fs::path dir = test_paths::scratch("atomic_by_name");
    kuril::AtomicFile file(dir / "map.tif");
    std::ofstream(file.temporary()) << "tiff";
    file.commit();
    CHECK(contents(dir / "map.tif") == "tiff");
}

TEST_CASE("[imageio] atomic file: folders, devices and FIFOs are not replaced") {
    const fs::path dir = test_paths::scratch("atomic_special");
    fs::create_directory(dir / "folder");
    CHECK_THROWS_WITH_AS(
        kuril::AtomicFile(dir / "folder"),
        ((dir / "folder").string() + ": is a folder, expected a file name to write").c_str(),
        geo::InputError);
    REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
    const std::string refused = ": is not a regular file (a device or a FIFO?); only regular "
                                "files are replaced";
    CHECK_THROWS_WITH_AS(kuril::AtomicFile(dir / "fifo"),
                         ((dir / "fifo").string() + refused).c_str(), geo::InputError);
    CHECK_THROWS_WITH_AS(kuril::AtomicFile("/dev/null"), ("/dev/null" + refused).c_str(),
                         geo::InputError);
    // A link to a device is refused as the device would be.
    fs::create_symlink("/dev/null", dir / "link");
    CHECK_THROWS_WITH_AS(kuril::AtomicFile(dir / "link"),
                         ((dir / "link").string() + refused).c_str(), geo::InputError);
    CHECK(fs::is_fifo(dir / "fifo"));
    CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("[imageio] atomic file: its errors are said in Japanese and Russian") {
    const fs::path dir = test_paths::scratch("atomic_languages");
    try {
        kuril::AtomicFile file(dir / "nowhere" / "map.png");
        FAIL("no error");
    } catch (const geo::InputError& error) {
        const std::string folder = (dir / "nowhere").string();
        CHECK(std::string(error.what()) == folder + ": no such folder to write map.png into");
        CHECK(error.text("ja") == folder + ": map.png を書き込むフォルダーがありません");
        CHECK(error.text("ru") == folder + ": нет такой папки, чтобы записать в неё map.png");
    }
}

TEST_CASE("[imageio] atomic file: a missing folder is named") {
    const fs::path dir = test_paths::scratch("atomic_missing");
    CHECK_THROWS_WITH_AS(
        kuril::AtomicFile(dir / "nowhere" / "map.png"),
        ((dir / "nowhere").string() + ": no such folder to write map.png into").c_str(),
        geo::InputError);
}
