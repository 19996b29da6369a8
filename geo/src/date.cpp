#include "geo/date.hpp"

#include "geo/error.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace geo {
namespace {

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

[[noreturn]] void bad_format(std::string_view text) {
    throw InputError("'" + std::string(text) +
                     "' is not an ISO 8601 date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
}

} // namespace

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) {
        return 29;
    }
    return days.at(static_cast<std::size_t>(month - 1));
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

// Howard Hinnant's days_from_civil.
long long Date::days_since_epoch() const {
    const long long y = month <= 2 ? year - 1 : year;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long m = month;
    const long long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date Date::from_days_since_epoch(long long days) {
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const long long doe = days - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long d = doy - (153 * mp + 2) / 5 + 1;
    const long long m = mp < 10 ? mp + 3 : mp - 9;
    const long long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

Date Date::today() {
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch());
    return from_days_since_epoch(days.count());
}

std::string PartialDate::display() const {
    switch (precision) {
    case DatePrecision::year:
        return std::to_string(first.year);
    case DatePrecision::month:
        return std::string(month_names.at(static_cast<std::size_t>(first.month - 1))) + " " +
               std::to_string(first.year);
    case DatePrecision::day:
        break;
    }
    return first.long_text();
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
        throw InputError("'" + std::string(text) + "' is not a date: there is no month " +
                         std::to_string(month));
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
        throw InputError("'" + std::string(text) +
                         "' is not a date: " + month_names.at(static_cast<std::size_t>(month - 1)) +
                         " " + std::to_string(year) + " has " + std::to_string(last_day) + " days");
    }
    result.precision = DatePrecision::day;
    result.first = result.last = {year, month, day};
    return result;
}

Date parse_day(std::string_view text) {
    const PartialDate date = parse_partial_date(text);
    if (date.precision != DatePrecision::day) {
        throw InputError("'" + std::string(text) + "': a full date YYYY-MM-DD is expected");
    }
    return date.first;
}

} // namespace geo
