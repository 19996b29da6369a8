// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "geo/error.hpp"

#include <doctest/doctest.h>
#include <string>

namespace {

/// The error `call` throws, or an empty one when it throws none.
template <typename Call>
geo::InputError error_of(Call call) {
    try {
        call();
    } catch (const geo::InputError& error) {
        return error;
    }
    return geo::InputError(std::string());
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("[app] the command line's errors are said in the interface language") {
    const auto size = error_of([] { kuril::parse_size("12", 1, 100); });
    CHECK(std::string(size.what()) ==
          "--size '12': expected WxH, e.g. 1920x1080 (each side 1 to 100 pixels)");
    CHECK(contains(size.text("ja"), "--size '12': WxH の形式"));
    CHECK(contains(size.text("ja"), "各辺 1 から 100 ピクセル"));
    CHECK(size.text("ru") ==
          "--size '12': ожидается WxH, например 1920x1080 (каждая сторона от 1 до 100 пикселей)");

    const auto date = error_of([] { kuril::parse_timeline_date("1700-01-01"); });
    CHECK(contains(date.what(), "--date 1700-01-01: outside the timeline; expected a date from "
                                "1850-01-01 to "));
    CHECK(contains(date.text("ja"), "--date 1700-01-01: 年表の範囲外です。1850-01-01 から "));
    CHECK(contains(date.text("ru"), "--date 1700-01-01: вне шкалы времени; ожидается дата с "
                                    "1850-01-01 по "));

    // A word of the sentence ("dates") is said in the same language as the sentence.
    const auto pair = error_of([] { kuril::parse_compare_dates("1944-01-01"); });
    CHECK(std::string(pair.what()) ==
          "--compare '1944-01-01': expected two dates, A,B (e.g. 1944-01-01,1950-01-01)");
    CHECK(
        pair.text("ru") ==
        "--compare '1944-01-01': ожидаются две даты в виде A,B (например, 1944-01-01,1950-01-01)");
    CHECK(pair.text("ja") ==
          "--compare '1944-01-01': 日付を A,B の形式で 2 つ指定してください（例: "
          "1944-01-01,1950-01-01）");

    const auto number = error_of([] { kuril::parse_number("--scale", "1e6", 0.1, 20); });
    CHECK(std::string(number.what()) == "--scale '1e6': expected a number from 0.1 to 20");
    CHECK(number.text("ru") == "--scale '1e6': ожидается число от 0.1 до 20");
}
