#include "util/strings.hpp"

#include <doctest/doctest.h>

TEST_CASE("[util] edit distance and the nearest words") {
    CHECK(kuril::edit_distance("", "") == 0);
    CHECK(kuril::edit_distance("size", "size") == 0);
    CHECK(kuril::edit_distance("--szie", "--size") == 2);
    CHECK(kuril::edit_distance("exprot", "export") == 2);
    CHECK(kuril::edit_distance("kitten", "sitting") == 3);
    CHECK(kuril::edit_distance("abc", "") == 3);

    const std::vector<std::string> options = {"--size", "--scale", "--data", "--date", "--out"};
    CHECK(kuril::closest_matches("--szie", options) == std::vector<std::string>{"--size"});
    CHECK(kuril::closest_matches("--dat", options) == std::vector<std::string>{"--data", "--date"});
    // A different word is not a typing mistake.
    CHECK(kuril::closest_matches("--frobnicate", options).empty());
    CHECK(kuril::or_list({"a"}) == "a");
    CHECK(kuril::or_list({"a", "b"}) == "a or b");
    CHECK(kuril::or_list({"a", "b", "c"}) == "a, b or c");
}
