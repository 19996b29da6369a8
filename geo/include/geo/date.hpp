// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <compare>
#include <string>
#include <string_view>

namespace geo {

/// A calendar day (proleptic Gregorian).
struct Date {
    int year = 1;
    int month = 1;
    int day = 1;

    friend auto operator<=>(const Date&, const Date&) = default;
    friend bool operator==(const Date&, const Date&) = default;

    /// ISO 8601, YYYY-MM-DD.
    std::string iso() const;
    /// "19 October 1956".
    std::string long_text() const;
    /// As `language` ("en", "ja", "ru") writes it: "1956年10月19日", "19 октября 1956 г.".
    std::string long_text(std::string_view language) const;
    /// Days since 1970-01-01 (negative before).
    long long days_since_epoch() const;
    static Date from_days_since_epoch(long long days);
    /// The day `days` later (earlier when negative).
    Date plus_days(long long days) const {
        return from_days_since_epoch(days_since_epoch() + days);
    }
    /// Days from this day to `later` (negative when it is earlier).
    long long days_until(Date later) const { return later.days_since_epoch() - days_since_epoch(); }
    /// The UTC day an instant falls in.
    static Date on(std::chrono::system_clock::time_point time);
    /// Today's date (UTC): on(now).
    static Date today();
};

enum class DatePrecision { year, month, day };

/// An ISO 8601 date as written: a year, a month or a day. `first` and `last` are the first
/// and last days it covers.
struct PartialDate {
    Date first;
    Date last;
    DatePrecision precision = DatePrecision::day;
    std::string text; ///< as written

    /// "1855", "May 1875" or "7 February 1855".
    std::string display() const;
    /// As `language` writes it: "1875年5月", "май 1875 г.".
    std::string display(std::string_view language) const;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

/// Parses YYYY, YYYY-MM or YYYY-MM-DD. Throws InputError explaining what is wrong
/// (e.g. "2021-02-30 is not a date: February 2021 has 28 days").
PartialDate parse_partial_date(std::string_view text);

/// Parses a day as the CLI's --date takes it: YYYY-MM-DD, or YYYY-MM / YYYY for the first day
/// of that month or year. Errors as parse_partial_date's.
Date parse_day(std::string_view text);

} // namespace geo
