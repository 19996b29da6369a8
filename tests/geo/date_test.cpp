// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/date.hpp"
#include "geo/error.hpp"

#include <chrono>
#include <ctime>
#include <doctest/doctest.h>

TEST_CASE("[geo] dates parse at year, month and day precision") {
    const auto year = geo::parse_partial_date("1945");
    CHECK(year.precision == geo::DatePrecision::year);
    CHECK(year.first == geo::Date{1945, 1, 1});
    CHECK(year.last == geo::Date{1945, 12, 31});
    const auto month = geo::parse_partial_date("2016-02");
    CHECK(month.last == geo::Date{2016, 2, 29});
    CHECK(month.display() == "February 2016");
    const auto day = geo::parse_partial_date("1956-10-19");
    CHECK(day.first == geo::Date{1956, 10, 19});
    CHECK(day.display() == "19 October 1956");
}

TEST_CASE("[geo] impossible dates are refused with a reason") {
    CHECK_THROWS_WITH_AS(geo::parse_partial_date("2021-02-30"),
                         "'2021-02-30' is not a date: February 2021 has 28 days", geo::InputError);
    CHECK_THROWS_WITH_AS(geo::parse_partial_date("1945-13"),
                         "'1945-13' is not a date: there is no month 13", geo::InputError);
    CHECK_THROWS_WITH_AS(geo::parse_partial_date("19 Oct 1956"),
                         "'19 Oct 1956' is not an ISO 8601 date (expected YYYY, YYYY-MM or "
                         "YYYY-MM-DD)",
                         geo::InputError);
    // A year or a month stands for its first day; every format error reads the same.
    CHECK(geo::parse_day("1956") == geo::Date{1956, 1, 1});
    CHECK(geo::parse_day("1951-09") == geo::Date{1951, 9, 1});
    CHECK(geo::parse_day("1956-10-19") == geo::Date{1956, 10, 19});
    CHECK_THROWS_WITH_AS(geo::parse_day("yesterday"),
                         "'yesterday' is not an ISO 8601 date (expected YYYY, YYYY-MM or "
                         "YYYY-MM-DD)",
                         geo::InputError);
    CHECK_THROWS_WITH_AS(geo::parse_day("1945-02-30"),
                         "'1945-02-30' is not a date: February 1945 has 28 days", geo::InputError);
    CHECK_NOTHROW(geo::parse_partial_date("2000-02-29"));
    CHECK_THROWS(geo::parse_partial_date("1900-02-29"));
}

TEST_CASE("[geo] day numbers round-trip and order dates") {
    for (const geo::Date date : {geo::Date{1855, 2, 7}, geo::Date{1970, 1, 1},
                                 geo::Date{2000, 2, 29}, geo::Date{2026, 11, 23}}) {
        CHECK(geo::Date::from_days_since_epoch(date.days_since_epoch()) == date);
    }
    CHECK(geo::Date{1970, 1, 1}.days_since_epoch() == 0);
    CHECK(geo::Date{1945, 8, 28} < geo::Date{1945, 9, 1});
}

TEST_CASE("[geo] dates: day numbers of known days (Python's date.toordinal() - 719163)") {
    struct Row {
        geo::Date date;
        long long days;
    };
    for (const Row row : {Row{{1, 1, 1}, -719162}, Row{{1855, 2, 7}, -41966},
                          Row{{1900, 1, 1}, -25567}, Row{{1969, 12, 31}, -1}, Row{{1970, 1, 1}, 0},
                          Row{{2000, 3, 1}, 11017}, Row{{9999, 12, 31}, 2932896}}) {
        CAPTURE(row.date.iso());
        CHECK(row.date.days_since_epoch() == row.days);
        CHECK(geo::Date::from_days_since_epoch(row.days) == row.date);
    }
}

TEST_CASE("[geo] dates: every day from 0001-01-01 to 9999-12-31 round-trips and follows the "
          "day before") {
    // The successor rule is checked by hand (day + 1, else the 1st of the next month, else
    // 1 January), independently of the day numbers.
    geo::Date expected{1, 1, 1};
    const long long first = expected.days_since_epoch();
    const long long last = geo::Date{9999, 12, 31}.days_since_epoch();
    long long failures = 0;
    for (long long days = first; days <= last; ++days) {
        const geo::Date date = geo::Date::from_days_since_epoch(days);
        if (date != expected || date.days_since_epoch() != days) {
            if (++failures <= 5) {
                CHECK(date.iso() == expected.iso());
                CHECK(date.days_since_epoch() == days);
            }
        }
        if (expected.day < geo::days_in_month(expected.year, expected.month)) {
            ++expected.day;
        } else if (expected.month < 12) {
            expected = {expected.year, expected.month + 1, 1};
        } else {
            expected = {expected.year + 1, 1, 1};
        }
    }
    CHECK(failures == 0);
    CHECK(last - first + 1 == 3652059); // days in 9999 Gregorian years
}

TEST_CASE("[geo] dates: leap years and month lengths") {
    CHECK(geo::is_leap_year(2000));
    CHECK(geo::is_leap_year(2024));
    CHECK(!geo::is_leap_year(1900));
    CHECK(!geo::is_leap_year(2023));
    CHECK(geo::days_in_month(2024, 2) == 29);
    CHECK(geo::days_in_month(1900, 2) == 28);
    CHECK(geo::days_in_month(1956, 10) == 31);
    CHECK(geo::days_in_month(1956, 11) == 30);
    CHECK_THROWS_AS(geo::days_in_month(1956, 13), geo::InternalError);
}

TEST_CASE("[geo] dates: the UTC day of an instant") {
    using namespace std::chrono;
    const sys_days day = sys_days{year{2022} / March / 21};
    CHECK(geo::Date::on(day) == geo::Date{2022, 3, 21});
    CHECK(geo::Date::on(day + hours{23} + minutes{59} + seconds{59}) == geo::Date{2022, 3, 21});
    CHECK(geo::Date::on(day - seconds{1}) == geo::Date{2022, 3, 20});
    // Before 1970 an instant still belongs to the day it falls in (floor, not truncation).
    CHECK(geo::Date::on(sys_days{} - seconds{1}) == geo::Date{1969, 12, 31});
    CHECK(geo::Date::on(sys_days{year{1956} / October / 19} + hours{12}) ==
          geo::Date{1956, 10, 19});
}

TEST_CASE("[geo] dates: today is the UTC day the C library reports") {
    // gmtime is an independent conversion; the loop retries if midnight passes in between.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const std::time_t before = std::time(nullptr);
        const geo::Date today = geo::Date::today();
        const std::time_t after = std::time(nullptr);
        std::tm utc{};
        gmtime_r(&before, &utc);
        const geo::Date expected{utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday};
        std::tm utc_after{};
        gmtime_r(&after, &utc_after);
        if (utc_after.tm_mday != utc.tm_mday) {
            continue;
        }
        CHECK(today == expected);
        return;
    }
    FAIL("the day changed three times while checking");
}

TEST_CASE("[geo] a date error says itself in the reader's language") {
    try {
        geo::parse_day("1956-13-01");
        FAIL("expected an InputError");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()) == "'1956-13-01' is not a date: there is no month 13");
        CHECK(error.text("en") == error.what());
        CHECK(error.text("ja") == "'1956-13-01' は日付ではありません。13月という月はありません");
        CHECK(error.text("ru") == "'1956-13-01' не является датой: месяца с номером 13 нет");
    }
    // The length of each month is a sentence of its own: "31 день", but "30 дней".
    try {
        geo::parse_day("1956-09-31");
        FAIL("expected an InputError");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()) ==
              "'1956-09-31' is not a date: September 1956 has 30 days");
        CHECK(error.text("ja").find("1956年9月は30日までです") != std::string::npos);
        CHECK(error.text("ru").find("в сентябре 1956 г. 30 дней") != std::string::npos);
    }
    try {
        geo::parse_day("1956-02-30");
        FAIL("expected an InputError");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()) == "'1956-02-30' is not a date: February 1956 has 29 days");
        CHECK(error.text("ru").find("в феврале 1956 г. 29 дней") != std::string::npos);
    }
    try {
        geo::parse_day("19 Oct 1956");
        FAIL("expected an InputError");
    } catch (const geo::InputError& error) {
        CHECK(error.text("ja").find("ISO 8601 形式の日付ではありません") != std::string::npos);
        CHECK(error.text("ru").find("(ожидается YYYY, YYYY-MM или YYYY-MM-DD)") !=
              std::string::npos);
    }
}
