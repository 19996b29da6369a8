// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/date.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace geo {
namespace {

using i18n::N_;

constexpr std::array<const char*, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool all_digits(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

int to_int(std::string_view text) {
    int value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

/// "'DATE' is not a date: MONTH YEAR has N days", one sentence for each month (the days of a
/// month written out: a translation need not agree a noun with a number it does not know).
constexpr std::array<const char*, 12> too_few_days = {
    N_("'{date}' is not a date: January {year} has 31 days"),
    N_("'{date}' is not a date: February {year} has {days} days"),
    N_("'{date}' is not a date: March {year} has 31 days"),
    N_("'{date}' is not a date: April {year} has 30 days"),
    N_("'{date}' is not a date: May {year} has 31 days"),
    N_("'{date}' is not a date: June {year} has 30 days"),
    N_("'{date}' is not a date: July {year} has 31 days"),
    N_("'{date}' is not a date: August {year} has 31 days"),
    N_("'{date}' is not a date: September {year} has 30 days"),
    N_("'{date}' is not a date: October {year} has 31 days"),
    N_("'{date}' is not a date: November {year} has 30 days"),
    N_("'{date}' is not a date: December {year} has 31 days")};

[[noreturn]] void bad_format(std::string_view text) {
    throw InputError(N_("'{date}' is not an ISO 8601 date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
                     {{"date", text}});
}

} // namespace

bool is_leap_year(int year) {
    return std::chrono::year{year}.is_leap();
}

int days_in_month(int year, int month) {
    if (month < 1 || month > 12) {
        throw InternalError("days_in_month: there is no month " + std::to_string(month));
    }
    const std::chrono::year_month_day_last last{
        std::chrono::year{year},
        std::chrono::month_day_last{std::chrono::month{static_cast<unsigned>(month)}}};
    return static_cast<int>(static_cast<unsigned>(last.day()));
}

std::string Date::iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

std::string Date::long_text() const {
    return std::to_string(day) + " " + month_names.at(static_cast<std::size_t>(month - 1)) + " " +
           std::to_string(year);
}

std::string Date::long_text(std::string_view language) const {
    return i18n::long_date(language, year, month, day);
}

long long Date::days_since_epoch() const {
    const std::chrono::year_month_day civil{std::chrono::year{year},
                                            std::chrono::month{static_cast<unsigned>(month)},
                                            std::chrono::day{static_cast<unsigned>(day)}};
    return std::chrono::sys_days{civil}.time_since_epoch().count();
}

Date Date::from_days_since_epoch(long long days) {
    const std::chrono::year_month_day civil{std::chrono::sys_days{std::chrono::days{days}}};
    return {static_cast<int>(civil.year()), static_cast<int>(static_cast<unsigned>(civil.month())),
            static_cast<int>(static_cast<unsigned>(civil.day()))};
}

Date Date::on(std::chrono::system_clock::time_point time) {
    // floor, not duration_cast: an instant before 1970 belongs to the day it falls in.
    const auto day = std::chrono::floor<std::chrono::days>(time);
    return from_days_since_epoch(day.time_since_epoch().count());
}

Date Date::today() {
    return on(std::chrono::system_clock::now());
}

std::string PartialDate::display() const {
    return display("en");
}

std::string PartialDate::display(std::string_view language) const {
    switch (precision) {
    case DatePrecision::year:
        return std::to_string(first.year);
    case DatePrecision::month:
        return i18n::month_and_year(language, first.year, first.month);
    case DatePrecision::day:
        break;
    }
    return first.long_text(language);
}

PartialDate parse_partial_date(std::string_view text) {
    PartialDate result;
    result.text = std::string(text);
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) {
        bad_format(text);
    }
    const std::string_view year_text = text.substr(0, 4);
    if (!all_digits(year_text)) {
        bad_format(text);
    }
    const int year = to_int(year_text);
    if (text.size() == 4) {
        result.precision = DatePrecision::year;
        result.first = {year, 1, 1};
        result.last = {year, 12, 31};
        return result;
    }
    if (text[4] != '-' || !all_digits(text.substr(5, 2))) {
        bad_format(text);
    }
    const int month = to_int(text.substr(5, 2));
    if (month < 1 || month > 12) {
        throw InputError(N_("'{date}' is not a date: there is no month {month}"),
                         {{"date", text}, {"month", std::to_string(month)}});
    }
    if (text.size() == 7) {
        result.precision = DatePrecision::month;
        result.first = {year, month, 1};
        result.last = {year, month, days_in_month(year, month)};
        return result;
    }
    if (text[7] != '-' || !all_digits(text.substr(8, 2))) {
        bad_format(text);
    }
    const int day = to_int(text.substr(8, 2));
    const int last_day = days_in_month(year, month);
    if (day < 1 || day > last_day) {
        throw InputError(
            too_few_days.at(static_cast<std::size_t>(month - 1)),
            {{"date", text}, {"year", std::to_string(year)}, {"days", std::to_string(last_day)}});
    }
    result.precision = DatePrecision::day;
    result.first = result.last = {year, month, day};
    return result;
}

Date parse_day(std::string_view text) {
    // "1951" is the situation on 1 January 1951, "1951-09" on 1 September: the first day.
    return parse_partial_date(text).first;
}

} // namespace geo
