#include "render/text.hpp"

#include <sstream>

namespace kuril {

sf::String utf8(const std::string& text) {
    return sf::String::fromUtf8(text.begin(), text.end());
}

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
        sf::String word;
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
            // Break before spaces, and anywhere in CJK text.
            if (c == U' ' || c >= 0x3000) {
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
