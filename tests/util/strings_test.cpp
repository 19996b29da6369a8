// SPDX-License-Identifier: GPL-3.0-or-later
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

TEST_CASE("[util] one_line escapes control characters and cuts long text") {
    CHECK(kuril::one_line("plain text") == "plain text");
    CHECK(kuril::one_line("a\nb\tc\rd") == "a\\nb\\tc\\rd");
    CHECK(kuril::one_line(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(kuril::one_line("\x1b[31mred") == "\\x1B[31mred");
    CHECK(kuril::one_line("\x7f") == "\\x7F");
    // C1 controls, the line separator and bytes that are not UTF-8 are escaped too.
    CHECK(kuril::one_line("a\xc2\x85"
                          "b") == "a\\u0085b");
    CHECK(kuril::one_line("a\xe2\x80\xa8"
                          "b") == "a\\u2028b");
    CHECK(kuril::one_line("a\xff"
                          "b\xc3") == "a\\xFFb\\xC3");
    CHECK(kuril::one_line("\xc0\xaf") == "\\xC0\\xAF"); // overlong '/'
    // Other characters pass as they are.
    CHECK(kuril::one_line("択捉島 Итуруп") == "択捉島 Итуруп");
    // Cut with an ellipsis, never inside a character or an escape.
    CHECK(kuril::one_line("abcdef", 4) == "abcd…");
    CHECK(kuril::one_line("abcd", 4) == "abcd");
    CHECK(kuril::one_line("ab\ncd", 3) == "ab…");
    CHECK(kuril::one_line("aИтуруп", 2) == "a…");
    const std::string huge(1 << 20, 'x');
    const std::string line = kuril::one_line(huge + "\nsecond line", 300);
    CHECK(line.size() <= 300 + std::string("…").size());
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.substr(line.size() - 3) == "…");
}

TEST_CASE("[util] quoted_value quotes a typed value on one short line") {
    CHECK(kuril::quoted_value("12x") == "'12x'");
    CHECK(kuril::quoted_value("etorofu\nkuril-atlas: forged") == "'etorofu\\nkuril-atlas: forged'");
    const std::string value = kuril::quoted_value(std::string(1 << 20, '9'));
    CHECK(value.size() <= 80 + 2 + std::string("…").size());
    CHECK(value.find("…'") != std::string::npos);
}

TEST_CASE("[util] pop_utf8 removes one character; is_typable refuses controls and surrogates") {
    std::string text = "aИ€";
    kuril::pop_utf8(text);
    CHECK(text == "aИ");
    kuril::pop_utf8(text);
    CHECK(text == "a");
    kuril::pop_utf8(text);
    CHECK(text.empty());
    kuril::pop_utf8(text);
    CHECK(text.empty());
    CHECK(kuril::is_typable(U'a'));
    CHECK(kuril::is_typable(U'И'));
    CHECK(kuril::is_typable(U' '));
    CHECK_FALSE(kuril::is_typable(U'\n'));
    CHECK_FALSE(kuril::is_typable(0x7F));
    CHECK_FALSE(kuril::is_typable(0xD800));
    CHECK_FALSE(kuril::is_typable(0x110000));
}
