// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/party.hpp"

#include <doctest/doctest.h>

TEST_CASE("[geo] party: names follow the date") {
    CHECK(geo::party_display_name(geo::Party::RU, {1880, 1, 1}) == "Russian Empire");
    CHECK(geo::party_display_name(geo::Party::RU, {1920, 1, 1}) == "Soviet Russia");
    CHECK(geo::party_display_name(geo::Party::RU, {1956, 10, 19}) == "USSR");
    CHECK(geo::party_display_name(geo::Party::RU, {1991, 12, 26}) == "Russian Federation");
    CHECK(geo::party_display_name(geo::Party::JP, {1880, 1, 1}) == "Japan");
    CHECK(geo::party_from_code("RU") == geo::Party::RU);
    CHECK(!geo::party_from_code("SU"));
}

TEST_CASE("[geo] party: the Russian state's name changes on the day it changed") {
    using geo::Party;
    CHECK(geo::party_display_name(Party::RU, {1917, 11, 6}) == "Russian Empire");
    CHECK(geo::party_display_name(Party::RU, {1917, 11, 7}) == "Soviet Russia");
    CHECK(geo::party_display_name(Party::RU, {1922, 12, 29}) == "Soviet Russia");
    CHECK(geo::party_display_name(Party::RU, {1922, 12, 30}) == "USSR");
    CHECK(geo::party_display_name(Party::RU, {1991, 12, 25}) == "USSR");
    CHECK(geo::party_display_name(Party::RU, {1991, 12, 26}) == "Russian Federation");
    CHECK(geo::party_display_name(Party::JP, {2100, 1, 1}) == "Japan");
}

TEST_CASE("[geo] party: codes read and written") {
    using geo::Party;
    for (const Party party : {Party::JP, Party::RU}) {
        CHECK(geo::party_from_code(geo::party_code(party)) == party);
    }
    CHECK(!geo::party_from_code("jp")); // codes are upper case
    CHECK(!geo::party_from_code(""));
    CHECK(geo::party_codes({Party::JP, Party::RU}) == "JP RU");
    CHECK(geo::party_codes({Party::RU}, ", ") == "RU");
    CHECK(geo::party_codes({Party::JP, Party::RU}, ", ") == "JP, RU");
    CHECK(geo::party_codes({}).empty());
}
