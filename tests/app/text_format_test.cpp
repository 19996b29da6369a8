// SPDX-License-Identifier: GPL-3.0-or-later
// with_thousands: areas and counts as people read them.
#include "text_format.hpp"

#include <doctest/doctest.h>

TEST_CASE("[app] with_thousands groups the integer part in threes") {
    CHECK(kuril::with_thousands(0) == "0");
    CHECK(kuril::with_thousands(7) == "7");
    CHECK(kuril::with_thousands(999) == "999");
    CHECK(kuril::with_thousands(1000) == "1,000");
    CHECK(kuril::with_thousands(76481) == "76,481");
    CHECK(kuril::with_thousands(100000) == "100,000");
    CHECK(kuril::with_thousands(1234567) == "1,234,567");
    CHECK(kuril::with_thousands(1234567890) == "1,234,567,890");
}

TEST_CASE("[app] with_thousands rounds to the decimals asked for, never grouping them") {
    CHECK(kuril::with_thousands(3224.06, 1) == "3,224.1");
    CHECK(kuril::with_thousands(3224.04, 1) == "3,224.0");
    CHECK(kuril::with_thousands(0.123456, 4) == "0.1235");
    CHECK(kuril::with_thousands(1234.5678, 3) == "1,234.568");
    // Rounding can carry into a new group.
    CHECK(kuril::with_thousands(999.96, 1) == "1,000.0");
    CHECK(kuril::with_thousands(999999.5) == "1,000,000");
}

TEST_CASE("[app] with_thousands puts the sign before the groups") {
    CHECK(kuril::with_thousands(-1234) == "-1,234");
    CHECK(kuril::with_thousands(-999) == "-999");
    CHECK(kuril::with_thousands(-1234567.25, 2) == "-1,234,567.25");
    CHECK(kuril::with_thousands(-0.0) == "0");
}
