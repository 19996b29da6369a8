// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/timeline.hpp"

#include <doctest/doctest.h>

TEST_CASE("[viewer] timeline positions and key-date steps") {
    const kuril::Timeline timeline({{1875, 5, 7}, {1855, 2, 7}, {1945, 8, 28}, {1800, 1, 1}},
                                   {1850, 1, 1}, {2026, 1, 1});
    CHECK(timeline.key_dates().size() == 3); // 1800 is before the axis
    CHECK(timeline.fraction_of({1850, 1, 1}) == 0.0);
    CHECK(timeline.fraction_of({2026, 1, 1}) == 1.0);
    CHECK(timeline.fraction_of({1700, 1, 1}) == 0.0);
    CHECK(timeline.date_at(timeline.fraction_of({1956, 10, 19})) == geo::Date{1956, 10, 19});
    CHECK(timeline.next_key_date({1850, 1, 1}) == geo::Date{1855, 2, 7});
    CHECK(timeline.next_key_date({1855, 2, 7}) == geo::Date{1875, 5, 7});
    CHECK(timeline.previous_key_date({1875, 5, 7}) == geo::Date{1855, 2, 7});
    CHECK(timeline.previous_key_date({1855, 2, 7}) == geo::Date{1850, 1, 1});
    CHECK(timeline.next_key_date({1945, 8, 28}) == geo::Date{2026, 1, 1});
}
