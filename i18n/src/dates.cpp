// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/translate.hpp"

#include <array>
#include <string>

namespace i18n {
namespace {

// Russian writes a day's month in the genitive ("19 октября") and a month alone in the
// nominative ("октябрь 1956 г."), so each use has its own context.
constexpr std::array<const char*, 12> months_in_date = {
    NC_("month in a date", "January"),   NC_("month in a date", "February"),
    NC_("month in a date", "March"),     NC_("month in a date", "April"),
    NC_("month in a date", "May"),       NC_("month in a date", "June"),
    NC_("month in a date", "July"),      NC_("month in a date", "August"),
    NC_("month in a date", "September"), NC_("month in a date", "October"),
    NC_("month in a date", "November"),  NC_("month in a date", "December"),
};
constexpr std::array<const char*, 12> months_alone = {
    NC_("month alone", "January"), NC_("month alone", "February"), NC_("month alone", "March"),
    NC_("month alone", "April"),   NC_("month alone", "May"),      NC_("month alone", "June"),
    NC_("month alone", "July"),    NC_("month alone", "August"),   NC_("month alone", "September"),
    NC_("month alone", "October"), NC_("month alone", "November"), NC_("month alone", "December"),
};

std::string_view month_word(std::string_view language, std::string_view context,
                            const std::array<const char*, 12>& months, int month) {
    return trc(language, context, months.at(static_cast<std::size_t>(month - 1)));
}

} // namespace

std::string long_date(std::string_view language, int year, int month, int day) {
    const std::string day_text = std::to_string(day);
    const std::string year_text = std::to_string(year);
    // TRANSLATORS: {month} is the month as written in a date (e.g. Russian genitive).
    return format(trc(language, "long date", "{day} {month} {year}"),
                  {{"day", day_text},
                   {"month", month_word(language, "month in a date", months_in_date, month)},
                   {"year", year_text}});
}

std::string month_and_year(std::string_view language, int year, int month) {
    const std::string year_text = std::to_string(year);
    return format(
        trc(language, "month and year", "{month} {year}"),
        {{"month", month_word(language, "month alone", months_alone, month)}, {"year", year_text}});
}

} // namespace i18n
