// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/annotations.hpp"
#include "geo/diagnostic.hpp"
#include "geo/error.hpp"

#include <doctest/doctest.h>

TEST_CASE("[geo] diagnostic: printed as file:line: message, without what is missing") {
    CHECK(geo::Diagnostic{"a.xml", 12, "bad", "x"}.to_string() == "a.xml:12: bad");
    CHECK(geo::Diagnostic{"a.xml", 0, "no such file", {}}.to_string() == "a.xml: no such file");
    CHECK(geo::Diagnostic{{}, 0, "layer 'land': broken", "land"}.to_string() ==
          "layer 'land': broken");
}

TEST_CASE("[geo] diagnostic: an input error keeps its message and carries where it is") {
    geo::InputError plain("just text");
    CHECK(std::string(plain.what()) == "just text");
    CHECK(plain.file().empty());
    CHECK(plain.line() == 0);
    CHECK(plain.feature().empty());

    geo::InputError placed(geo::Diagnostic{"b.shp", 3, "b.shp: feature 3: no geometry", {}});
    CHECK(std::string(placed.what()) == "b.shp: feature 3: no geometry");
    CHECK(placed.file() == "b.shp");
    CHECK(placed.line() == 3);
    placed.set_feature("land");
    CHECK(placed.feature() == "land");
    placed.set_feature("lakes"); // the innermost name stays
    CHECK(placed.feature() == "land");
    CHECK(std::string(placed.what()) == "b.shp: feature 3: no geometry");
}

TEST_CASE("[geo] diagnostic: an annotations error is placed at its first problem") {
    const geo::AnnotationsError error(
        {{"t.xml", 7, "first", "island-a"}, {"t.xml", 9, "second", {}}});
    CHECK(std::string(error.what()) == "t.xml:7: first (and 1 more)");
    CHECK(error.file() == "t.xml");
    CHECK(error.line() == 7);
    CHECK(error.feature() == "island-a");
    CHECK(error.problems().size() == 2);
}

TEST_CASE("[geo] diagnostic: annotations problems name the feature of their element") {
    try {
        geo::parse_annotations("<atlas version=\"1\">\n<islands>\n"
                               "<island id=\"a\" group=\"nowhere\" lon=\"1\" lat=\"2\">\n"
                               "<name lang=\"xx\">A</name>\n"
                               "</island>\n</islands>\n</atlas>\n",
                               "f.xml");
        FAIL("expected an AnnotationsError");
    } catch (const geo::AnnotationsError& error) {
        const auto& problems = error.problems();
        REQUIRE(problems.size() == 3);
        CHECK(problems[0].to_string() ==
              "f.xml:3: <island id=\"a\"> group=\"nowhere\": expected disputed, kuril, main, "
              "region or context");
        CHECK(problems[0].feature == "a");
        CHECK(problems[2].to_string() == "f.xml:4: <name> lang=\"xx\": expected en, ja or ru");
        CHECK(problems[2].feature == "a"); // <name> takes its island's id
    }
}
