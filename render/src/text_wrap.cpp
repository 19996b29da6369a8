// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/text.hpp"

#include <sstream>
#include <string_view>

namespace kuril {

sf::String utf8(const std::string& text) {
    return sf::String::fromUtf8(text.begin(), text.end());
}

namespace {

/// Chinese, Japanese and Korean script and punctuation: text written without spaces, which may
/// break between any two characters (CJK punctuation, kana, ideographs, Hangul, full-width
/// forms).
bool is_cjk(std::uint32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/// Characters a line may not start with (Japanese kinsoku): closing brackets, the comma and
/// full stop, small kana, the prolonged sound mark, iteration marks.
bool is_closing(std::uint32_t c) {
    static constexpr std::u32string_view closing =
        U"、。，．・：；？！ー～」』）］｝〕〉》】〙〗〟ゝゞヽヾ々"
        U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
        U")]}’”";
    return closing.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

/// Characters a line may not end with: opening brackets.
bool is_opening(std::uint32_t c) {
    static constexpr std::u32string_view opening = U"「『（［｛〔〈《【〘〖〝‘“([{";
    return opening.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

/// Whether a line may break between `before` and `after`: before a space; between CJK
/// characters or where CJK text meets other text, except before a closing mark or after an
/// opening one. Latin and Cyrillic words stay whole.
bool may_break(std::uint32_t before, std::uint32_t after) {
    if (after == U' ') {
        return true;
    }
    if (before == U' ' || is_closing(after) || is_opening(before)) {
        return false;
    }
    return is_cjk(before) || is_cjk(after);
}

} // namespace

std::string wrap_text(const std::string& utf8_text,
                      const std::function<float(std::uint32_t)>& advance, float max_width) {
    std::string out;
    std::istringstream paragraphs(utf8_text);
    std::string paragraph;
    bool first_paragraph = true;
    while (std::getline(paragraphs, paragraph)) {
        if (!first_paragraph) {
            out += '\n';
        }
        first_paragraph = false;
        const sf::String line_text = utf8(paragraph);
        float width = 0;
        sf::String current;
        sf::String word; // what lies between two places a line may break
        float word_width = 0;
        auto flush_word = [&] {
            if (!current.isEmpty() && width + word_width > max_width) {
                const auto bytes = current.toUtf8();
                out.append(bytes.begin(), bytes.end());
                out += '\n';
                current.clear();
                width = 0;
                // Drop the space that started the word on the new line.
                if (!word.isEmpty() && word[0] == U' ') {
                    word.erase(0);
                    word_width -= advance(U' ');
                }
            }
            current += word;
            width += word_width;
            word.clear();
            word_width = 0;
        };
        for (std::size_t i = 0; i < line_text.getSize(); ++i) {
            const sf::Uint32 c = line_text[i];
            if (i > 0 && may_break(line_text[i - 1], c)) {
                flush_word();
            }
            word += c;
            word_width += advance(c);
        }
        flush_word();
        const auto bytes = current.toUtf8();
        out.append(bytes.begin(), bytes.end());
    }
    return out;
}

std::string wrap_text(const std::string& utf8_text, const sf::Font& font, unsigned size,
                      float max_width) {
    return wrap_text(
        utf8_text, [&](std::uint32_t c) { return font.getGlyph(c, size, false).advance; },
        max_width);
}

} // namespace kuril
