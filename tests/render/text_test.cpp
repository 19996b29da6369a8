// SPDX-License-Identifier: GPL-3.0-or-later
// wrap_text with a fake advance (no font, no window): where lines break.
#include "render/text.hpp"

#include <SFML/System/String.hpp>
#include <algorithm>
#include <cstdint>
#include <doctest/doctest.h>
#include <set>
#include <string>

namespace {

/// One unit per code point, two for CJK (U+3000 and up), as a monospaced font would.
float fake_advance(std::uint32_t c) {
    return c >= 0x3000 ? 2.f : 1.f;
}

std::string wrap(const std::string& text, float width) {
    return kuril::wrap_text(text, fake_advance, width);
}

} // namespace

TEST_CASE("[render] wrap_text breaks before spaces and drops the space at the break") {
    CHECK(wrap("aaa bbb ccc", 7) == "aaa bbb\nccc"); // "aaa bbb" is exactly 7: it fits
    CHECK(wrap("aaa bbb ccc", 6) == "aaa\nbbb\nccc");
    CHECK(wrap("aaa bbb ccc", 11) == "aaa bbb ccc");
    CHECK(wrap("aaa bbb ccc", 100) == "aaa bbb ccc");
    CHECK(wrap("a b c d e f", 3) == "a b\nc d\ne f");
    // A space that does not start a new line is kept, leading ones included.
    CHECK(wrap(" aaa", 10) == " aaa");
}

TEST_CASE("[render] wrap_text keeps a word wider than the width whole on its own line") {
    CHECK(wrap("verylongword", 5) == "verylongword");
    CHECK(wrap("a verylongword b", 5) == "a\nverylongword\nb");
    CHECK(wrap("ab cd verylongword", 5) == "ab cd\nverylongword");
}

TEST_CASE("[render] wrap_text breaks CJK text anywhere") {
    // Two units per character: three to a line of 6.
    CHECK(wrap("日本語の文章です", 6) == "日本語\nの文章\nです");
    CHECK(wrap("日本語の文章です", 7) == "日本語\nの文章\nです");
    CHECK(wrap("日本語の文章です", 16) == "日本語の文章です");
    // Latin words stay whole next to CJK text.
    CHECK(wrap("Kuril 千島列島", 8) == "Kuril 千\n島列島");
    CHECK(wrap("択捉島 Etorofu", 6) == "択捉島\nEtorofu");
}

TEST_CASE("[render] wrap_text keeps existing line breaks") {
    CHECK(wrap("ab\ncd", 100) == "ab\ncd");
    CHECK(wrap("aaa bbb\nccc ddd", 5) == "aaa\nbbb\nccc\nddd");
    CHECK(wrap("a\n\nb", 100) == "a\n\nb");
    // The width starts afresh on each line.
    CHECK(wrap("aaaa\nbb cc", 5) == "aaaa\nbb cc");
}

TEST_CASE("[render] wrap_text measures code points, not bytes, and keeps UTF-8 intact") {
    // Cyrillic letters are two bytes each in UTF-8 but one unit wide here.
    CHECK(wrap("Итуруп Кунашир", 14) == "Итуруп Кунашир");
    CHECK(wrap("Итуруп Кунашир", 13) == "Итуруп\nКунашир");
    std::set<std::uint32_t> seen;
    kuril::wrap_text(
        "é択",
        [&](std::uint32_t c) {
            seen.insert(c);
            return 1.f;
        },
        10);
    CHECK(seen == std::set<std::uint32_t>{0xE9, 0x629E});
    CHECK(wrap("", 10).empty());
}

TEST_CASE("[render] wrap_text: Japanese lines never start with a closing mark nor end with an "
          "opening one") {
    // Two units per character: at most three to a line of 6. 」 and 。 go with the character
    // before them, 「 with the one after it.
    CHECK(wrap("日本は「固有の領土」と呼ぶ。", 6) == "日本は\n「固有\nの領\n土」と\n呼ぶ。");
    CHECK(wrap("南クリル、北方領土。", 6) == "南クリ\nル、北\n方領\n土。");
    const std::string sentence = "日本政府は四島を「我が国固有の領土」と呼び、ロシア外務省は"
                                 "「第二次世界大戦の結果」として（南クリル）ロシア領とする。";
    const std::u32string closing = U"、。」）ー";
    const std::u32string opening = U"「（";
    for (float width = 4; width <= 40; width += 1) {
        CAPTURE(width);
        const std::string wrapped = wrap(sentence, width);
        std::string joined;
        std::size_t start = 0;
        while (start <= wrapped.size()) {
            const std::size_t end = std::min(wrapped.find('\n', start), wrapped.size());
            const sf::String line = kuril::utf8(wrapped.substr(start, end - start));
            REQUIRE(line.getSize() > 0);
            CHECK(closing.find(static_cast<char32_t>(line[0])) == std::u32string::npos);
            CHECK(opening.find(static_cast<char32_t>(line[line.getSize() - 1])) ==
                  std::u32string::npos);
            // Within the width, unless one unbreakable piece is wider (a bracket with its
            // character and a closing mark: three characters, 6 units).
            CHECK(static_cast<float>(line.getSize()) * 2.f <= std::max(width, 6.f));
            joined += wrapped.substr(start, end - start);
            start = end + 1;
        }
        CHECK(joined == sentence); // nothing lost, nothing added
    }
}

TEST_CASE("[render] wrap_text: Japanese beside Latin, and Russian words kept whole") {
    // A break where Japanese meets Latin text, but not inside the Latin word; （ stays with
    // what follows it.
    CHECK(wrap("日ソ共同宣言（Joint Declaration）", 14) == "日ソ共同宣言\n（Joint\nDeclaration）");
    CHECK(wrap("Южные Курилы — Итуруп, Кунашир", 12) == "Южные Курилы\n— Итуруп,\nКунашир");
    CHECK(wrap("Совместная декларация СССР и Японии 1956 года", 22) ==
          "Совместная декларация\nСССР и Японии 1956\nгода");
}
