// SPDX-License-Identifier: GPL-3.0-or-later
// JsonWriter: the CLI's --json output is valid JSON whatever the text in the annotations.
#include "util/json_writer.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <limits>
#include <string>

TEST_CASE("[app] JsonWriter separates members and elements with commas, nested or not") {
    kuril::JsonWriter json;
    json.begin_object();
    json.value("name", "land");
    json.value("features", 12LL);
    json.value("closed", true);
    json.value("open", false);
    json.null("crs");
    json.begin_array("islands");
    json.begin_object();
    json.value("id", "etorofu");
    json.end_object();
    json.begin_object();
    json.value("id", "kunashiri");
    json.begin_array("claims");
    json.end_array();
    json.end_object();
    json.end_array();
    json.strings("codes", {"JP", "RU"});
    json.strings("none", {});
    json.begin_object("empty");
    json.end_object();
    json.end_object();
    CHECK(json.str() == R"({"name":"land","features":12,"closed":true,"open":false,"crs":null,)"
                        R"("islands":[{"id":"etorofu"},{"id":"kunashiri","claims":[]}],)"
                        R"("codes":["JP","RU"],"none":[],"empty":{}})");
}

TEST_CASE("[app] JsonWriter writes a top-level array of strings") {
    kuril::JsonWriter json;
    json.begin_array();
    json.element("a");
    json.element("");
    json.element("c");
    json.end_array();
    CHECK(json.str() == R"(["a","","c"])");
}

TEST_CASE("[app] JsonWriter escapes quotes, backslashes and control characters") {
    kuril::JsonWriter json;
    json.begin_object();
    json.value("say \"hi\"", "back\\slash");
    json.value("lines", "a\nb\rc\td");
    json.value("controls", std::string("\x01\x1f\x7f", 3));
    json.value("nul", std::string("a\0b", 3));
    json.end_object();
    CHECK(json.str() == R"({"say \"hi\"":"back\\slash","lines":"a\nb\rc\td",)"
                        "\"controls\":\"\\u0001\\u001f\x7f\",\"nul\":\"a\\u0000b\"}");
}

TEST_CASE("[app] JsonWriter passes UTF-8 through unchanged") {
    kuril::JsonWriter json;
    json.begin_object();
    json.value("ja", "択捉島");
    json.value("ru", "Итуруп");
    json.value("sign", "±180° — ok");
    json.end_object();
    CHECK(json.str() == R"({"ja":"択捉島","ru":"Итуруп","sign":"±180° — ok"})");
}

TEST_CASE("[app] JsonWriter numbers: fixed decimals, non-finite ones become null") {
    kuril::JsonWriter json;
    json.begin_array();
    json.value("", 3224.0649);
    json.value("", 3224.0649, 1);
    json.value("", 2.0, 0);
    json.value("", std::numeric_limits<double>::quiet_NaN());
    json.value("", std::numeric_limits<double>::infinity());
    json.value("", -std::numeric_limits<double>::infinity(), 2);
    json.value("", -9007199254740993LL);
    json.end_array();
    CHECK(json.str() == "[3224.065,3224.1,2,null,null,null,-9007199254740993]");
}
