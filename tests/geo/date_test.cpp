#include "geo/date.hpp"
#include "geo/error.hpp"

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
    CHECK_THROWS_WITH_AS(geo::parse_day("1956"), "'1956': a full date YYYY-MM-DD is expected",
                         geo::InputError);
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
    CHECK(geo::Date::today() > geo::Date{2022, 3, 21});
}
