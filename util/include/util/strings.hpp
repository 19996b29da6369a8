// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kuril {

/// The Levenshtein distance: insertions, deletions and substitutions of bytes.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// The candidates nearest to `word` (all of them when several are as near), if they are
/// within a third of its length (at least 1, at most 3 edits): a likely typing mistake, not a
/// different word.
inline std::vector<std::string> closest_matches(std::string_view word,
                                                const std::vector<std::string>& candidates) {
    const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    std::vector<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const auto& candidate : candidates) {
        const std::size_t d = edit_distance(word, candidate);
        if (d < best_distance) {
            best = {candidate};
            best_distance = d;
        } else if (d == best_distance &&
                   std::find(best.begin(), best.end(), candidate) == best.end()) {
            best.push_back(candidate);
        }
    }
    return best;
}

/// The text in ASCII lower case ("GeoJSON" -> "geojson"); other bytes as they are.
inline std::string ascii_lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return text;
}

/// A path's extension in lower case (".tif"); "" when it has none.
inline std::string lower_extension(const std::filesystem::path& path) {
    return ascii_lower(path.extension().string());
}

/// Text and attribute values for XML, SVG and HTML: &, <, > and " as entities.
inline std::string markup_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

/// "a", "a or b", "a, b or c".
inline std::string or_list(const std::vector<std::string>& words) {
    std::string text;
    for (std::size_t i = 0; i < words.size(); ++i) {
        text += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
    }
    return text;
}

namespace detail {

/// The length of the well-formed UTF-8 sequence at `text[i]` (1 to 4), or 0 when the bytes
/// there are not one (a stray continuation byte, a truncated or overlong sequence).
inline std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) {
        return static_cast<unsigned char>(text[k]);
    };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned min_code = 0;
    if (lead < 0x80) {
        return 1;
    } else if ((lead & 0xe0) == 0xc0) {
        length = 2;
        min_code = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
        length = 3;
        min_code = 0x800;
    } else if ((lead & 0xf8) == 0xf0) {
        length = 4;
        min_code = 0x10000;
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    unsigned code = lead & (0x7fu >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80) {
            return 0;
        }
        code = (code << 6) | (byte(i + k) & 0x3fu);
    }
    if (code < min_code || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        return 0;
    }
    return length;
}

/// The code point of the well-formed sequence of `length` bytes at `text[i]`.
inline unsigned utf8_code(std::string_view text, std::size_t i, std::size_t length) {
    unsigned code = static_cast<unsigned char>(text[i]) & (0x7fu >> (length == 1 ? 0 : length));
    for (std::size_t k = 1; k < length; ++k) {
        code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3fu);
    }
    return code;
}

} // namespace detail

/// Whether the text is well-formed UTF-8 throughout.
inline bool well_formed_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = detail::utf8_length(text, i);
        if (length == 0) {
            return false;
        }
        i += length;
    }
    return true;
}

/// The code points of UTF-8 text; a byte that starts no well-formed sequence stands for itself.
inline std::u32string decode_utf8(std::string_view text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = detail::utf8_length(text, i);
        if (length == 0) {
            out += static_cast<char32_t>(static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        out += static_cast<char32_t>(detail::utf8_code(text, i, length));
        i += length;
    }
    return out;
}

/// Appends a code point to UTF-8 text.
inline void append_utf8(char32_t code, std::string& out) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

/// Removes the last character of UTF-8 text (the whole sequence, not one byte): a text box's
/// Backspace. Nothing when `text` is empty.
inline void pop_utf8(std::string& text) {
    while (!text.empty()) {
        const auto last = static_cast<unsigned char>(text.back());
        text.pop_back();
        if ((last & 0xC0) != 0x80) {
            break;
        }
    }
}

/// Whether a code point typed into a text box belongs in its text: not a control character
/// (Backspace, Enter and Esc arrive as keys), a surrogate or beyond Unicode.
inline bool is_typable(char32_t code) {
    return code >= 0x20 && code != 0x7F && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF);
}

/// `text` on one line, safe to print: control characters escaped (a newline as \n, a tab as
/// \t, others as \xHH or \uHHHH, also the C1 controls and the Unicode line and paragraph
/// separators), bytes that are not UTF-8 as \xHH, and cut to at most `max` bytes (never
/// inside a character or an escape) with "…" when longer.
inline std::string one_line(std::string_view text, std::size_t max = 300) {
    std::string out;
    out.reserve(std::min(text.size(), max) + 8);
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = detail::utf8_length(text, i);
        std::string piece;
        char buffer[16];
        if (length == 0) {
            std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned char>(text[i]));
            piece = buffer;
            length = 1;
        } else {
            const unsigned code = detail::utf8_code(text, i, length);
            if (code == '\n') {
                piece = "\\n";
            } else if (code == '\r') {
                piece = "\\r";
            } else if (code == '\t') {
                piece = "\\t";
            } else if (code < 0x20 || code == 0x7f) {
                std::snprintf(buffer, sizeof buffer, "\\x%02X", code);
                piece = buffer;
            } else if ((code >= 0x80 && code < 0xa0) || code == 0x2028 || code == 0x2029) {
                std::snprintf(buffer, sizeof buffer, "\\u%04X", code);
                piece = buffer;
            } else {
                piece = text.substr(i, length);
            }
        }
        if (out.size() + piece.size() > max) {
            out += "…";
            return out;
        }
        out += piece;
        i += length;
    }
    return out;
}

/// A value the user typed, for a message: in single quotes, on one line (see one_line) and
/// cut to at most `max` bytes with "…" ("--size '12x': ...").
inline std::string quoted_value(std::string_view value, std::size_t max = 80) {
    std::string quoted(1, '\'');
    quoted.append(one_line(value, max));
    quoted.push_back('\'');
    return quoted;
}

} // namespace kuril
