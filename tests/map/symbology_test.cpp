// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/symbology.hpp"

#include <doctest/doctest.h>

using geo::LineKind;
using geo::Party;
using kuril::LineRole;

namespace {

geo::IslandStatus status(std::vector<Party> administered, std::vector<Party> claimed) {
    geo::IslandStatus s;
    s.known = true;
    s.administered_by = std::move(administered);
    s.claimed_by = std::move(claimed);
    return s;
}

Party other(Party p) {
    return p == Party::JP ? Party::RU : Party::JP;
}

} // namespace

TEST_CASE("[symbology] each line kind has its role; constructed lines are never solid") {
    CHECK(kuril::line_symbol(LineKind::treaty, false).role == LineRole::treaty);
    CHECK_FALSE(kuril::line_symbol(LineKind::treaty, false).dashed());
    const auto approx = kuril::line_symbol(LineKind::treaty, true);
    CHECK(approx.role == LineRole::treaty_approx);
    CHECK(approx.dashed());
    for (const auto kind :
         {LineKind::proposal, LineKind::claim, LineKind::line_of_control, LineKind::implied}) {
        for (const bool is_approx : {false, true}) {
            const auto symbol = kuril::line_symbol(kind, is_approx);
            CHECK(symbol.dashed());
            CHECK(symbol.role != LineRole::treaty);
        }
    }
    // Distinct roles read apart: no two kinds share a role or a dash pattern.
    const LineKind kinds[] = {LineKind::treaty, LineKind::proposal, LineKind::claim,
                              LineKind::line_of_control, LineKind::implied};
    for (const auto a : kinds) {
        for (const auto b : kinds) {
            if (a != b) {
                CAPTURE(geo::line_kind_name(a));
                CAPTURE(geo::line_kind_name(b));
                CHECK(kuril::line_symbol(a, true).dash != kuril::line_symbol(b, true).dash);
                CHECK(kuril::line_symbol(a, true).role != kuril::line_symbol(b, true).role);
            }
        }
    }
    // The line the 1956 Declaration implies is never drawn as a treaty line.
    CHECK(kuril::line_symbol(LineKind::implied, true).role == LineRole::implied);
    CHECK(kuril::line_symbol(LineKind::implied, false).role == LineRole::implied);
}

TEST_CASE("[symbology] status symbols: fill, stripes for joint rule, hatch for a claim only") {
    CHECK_FALSE(kuril::status_symbol(geo::IslandStatus{}).has_value());
    CHECK_FALSE(kuril::status_symbol(status({}, {Party::JP})).has_value());

    const auto held = kuril::status_symbol(status({Party::RU}, {Party::RU}));
    REQUIRE(held);
    CHECK(held->fill == Party::RU);
    CHECK(held->stripes.empty());
    CHECK(held->hatches.empty());

    const auto disputed = kuril::status_symbol(status({Party::RU}, {Party::JP, Party::RU}));
    REQUIRE(disputed);
    CHECK(disputed->fill == Party::RU);
    CHECK(disputed->hatches == std::vector<Party>{Party::JP});

    const auto joint = kuril::status_symbol(status({Party::JP, Party::RU}, {Party::JP, Party::RU}));
    REQUIRE(joint);
    CHECK(joint->fill == Party::JP);
    CHECK(joint->stripes == std::vector<Party>{Party::RU});
    CHECK(joint->hatches.empty());
}

TEST_CASE("[symbology] swapping the parties mirrors the symbol") {
    const std::vector<std::pair<std::vector<Party>, std::vector<Party>>> cases = {
        {{Party::JP}, {Party::JP}},
        {{Party::RU}, {Party::JP, Party::RU}},
        {{Party::JP}, {Party::RU}},
        {{Party::JP}, {}},
    };
    for (const auto& [administered, claimed] : cases) {
        std::vector<Party> administered_swapped;
        std::vector<Party> claimed_swapped;
        for (const auto p : administered) {
            administered_swapped.push_back(other(p));
        }
        for (const auto p : claimed) {
            claimed_swapped.push_back(other(p));
        }
        const auto a = kuril::status_symbol(status(administered, claimed));
        const auto b = kuril::status_symbol(status(administered_swapped, claimed_swapped));
        REQUIRE(a);
        REQUIRE(b);
        CHECK(b->fill == other(a->fill));
        REQUIRE(b->hatches.size() == a->hatches.size());
        for (std::size_t i = 0; i < a->hatches.size(); ++i) {
            CHECK(b->hatches[i] == other(a->hatches[i]));
        }
    }
}
