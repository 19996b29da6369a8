// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/translate.hpp"

#include "catalogues.hpp"

#include <cstdint>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace i18n {
namespace {

using Messages = std::unordered_map<std::string_view, std::string_view>;

/// Reads a .mo file (GNU gettext's format: a header, then two tables of length and offset
/// pairs, the msgids and their translations). The strings stay in the linked-in bytes.
Messages read_mo(const detail::CompiledCatalogue& catalogue) {
    const unsigned char* bytes = catalogue.bytes;
    const std::size_t size = catalogue.size;
    const auto fail = [&](const char* what) {
        throw std::logic_error("the compiled catalogue of '" + std::string(catalogue.language) +
                               "' is not a .mo file msgfmt wrote: " + what);
    };
    if (size < 28) {
        fail("shorter than its header");
    }
    const auto word_at = [&](std::size_t offset, bool swapped) {
        if (offset + 4 > size) {
            fail("a table runs past the end");
        }
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const std::size_t at = swapped ? offset + static_cast<std::size_t>(i)
                                           : offset + 3 - static_cast<std::size_t>(i);
            value = (value << 8) | bytes[at];
        }
        return value;
    };
    // The magic number tells the byte order msgfmt wrote in.
    bool big_endian = false;
    if (word_at(0, false) == 0x950412deU) {
        big_endian = false;
    } else if (word_at(0, true) == 0x950412deU) {
        big_endian = true;
    } else {
        fail("no magic number");
    }
    const auto word = [&](std::size_t offset) {
        return word_at(offset, big_endian);
    };
    const std::uint32_t count = word(8);
    const std::uint32_t originals = word(12);
    const std::uint32_t translations = word(16);
    const auto string_at = [&](std::uint32_t table, std::uint32_t index) {
        const std::size_t entry = table + std::size_t{index} * 8;
        const std::uint32_t length = word(entry);
        const std::uint32_t offset = word(entry + 4);
        if (std::size_t{offset} + length > size) {
            fail("a string runs past the end");
        }
        return std::string_view(reinterpret_cast<const char*>(bytes + offset), length);
    };
    Messages messages;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::string_view msgid = string_at(originals, i);
        const std::string_view text = string_at(translations, i);
        if (!msgid.empty() && !text.empty()) { // the empty msgid is the catalogue's header
            messages.emplace(msgid, text);
        }
    }
    return messages;
}

const Messages* messages_of(std::string_view language) {
    // Read once, on first use; C++ makes the initialization of a function's static thread-safe.
    static const std::map<std::string, Messages, std::less<>> all = [] {
        std::map<std::string, Messages, std::less<>> read;
        for (const auto& catalogue : detail::compiled_catalogues()) {
            read.emplace(std::string(catalogue.language), read_mo(catalogue));
        }
        return read;
    }();
    const auto it = all.find(language);
    return it != all.end() ? &it->second : nullptr;
}

std::string_view lookup(std::string_view language, std::string_view key, std::string_view msgid) {
    if (language == "en") {
        return msgid;
    }
    const Messages* messages = messages_of(language);
    if (messages == nullptr) {
        return msgid;
    }
    const auto it = messages->find(key);
    return it != messages->end() ? it->second : msgid;
}

} // namespace

std::string_view tr(std::string_view language, std::string_view msgid) {
    return lookup(language, msgid, msgid);
}

std::string_view trc(std::string_view language, std::string_view context, std::string_view msgid) {
    // A .mo file keys a message with a context as "context\4msgid".
    std::string key;
    key.reserve(context.size() + 1 + msgid.size());
    key.append(context).append(1, '\4').append(msgid);
    return lookup(language, key, msgid);
}

std::string format(std::string_view pattern,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    return format(pattern, std::span(values.begin(), values.size()));
}

std::string format(std::string_view pattern,
                   std::span<const std::pair<std::string_view, std::string_view>> values) {
    std::string out;
    out.reserve(pattern.size() + 32);
    std::size_t at = 0;
    while (at < pattern.size()) {
        const std::size_t open = pattern.find('{', at);
        if (open == std::string_view::npos) {
            break;
        }
        const std::size_t close = pattern.find('}', open);
        if (close == std::string_view::npos) {
            break;
        }
        const std::string_view name = pattern.substr(open + 1, close - open - 1);
        const std::pair<std::string_view, std::string_view>* value = nullptr;
        for (const auto& candidate : values) {
            if (candidate.first == name) {
                value = &candidate;
            }
        }
        out.append(pattern.substr(at, open - at));
        if (value != nullptr) {
            out.append(value->second);
        } else {
            out.append(pattern.substr(open, close - open + 1));
        }
        at = close + 1;
    }
    out.append(pattern.substr(at));
    return out;
}

std::string_view language_of_locale(std::string_view locale) {
    if (locale.substr(0, 2) == "ja" &&
        (locale.size() == 2 || locale[2] == '_' || locale[2] == '.' || locale[2] == '@')) {
        return "ja";
    }
    if (locale.substr(0, 2) == "ru" &&
        (locale.size() == 2 || locale[2] == '_' || locale[2] == '.' || locale[2] == '@')) {
        return "ru";
    }
    return "en";
}

std::string_view locale_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        if (const char* value = std::getenv(name); value != nullptr && *value != '\0') {
            return value;
        }
    }
    return {};
}

} // namespace i18n
