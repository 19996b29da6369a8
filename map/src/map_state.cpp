// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/map_state.hpp"

#include <algorithm>
#include <array>

namespace kuril {
namespace {

constexpr std::array<std::string_view, layer_count> layer_names = {
    "sea", "land", "lakes", "graticule", "status", "lines", "events", "labels", "zones"};
constexpr std::array<std::string_view, language_count> language_codes = {"en",    "ja",    "ru",
                                                                         "en+ja", "en+ru", "ja+ru"};
constexpr std::array<std::string_view, text_language_count> text_language_codes = {"en", "ja",
                                                                                   "ru"};

/// The enumerator whose name (at its index) is `name`.
template <typename Enum, std::size_t count>
std::optional<Enum> find_name(const std::array<std::string_view, count>& names,
                              std::string_view name) {
    for (std::size_t i = 0; i < count; ++i) {
        if (names[i] == name) {
            return static_cast<Enum>(i);
        }
    }
    return std::nullopt;
}

} // namespace

std::string_view layer_name(Layer layer) {
    return layer_names.at(static_cast<std::size_t>(layer));
}

std::optional<Layer> layer_from_name(std::string_view name) {
    return find_name<Layer>(layer_names, name);
}

std::array<bool, layer_count> layers_from_names(const std::vector<std::string>& names) {
    if (names.empty()) {
        return default_layers;
    }
    std::array<bool, layer_count> visible{};
    for (const auto& name : names) {
        if (auto layer = layer_from_name(name)) {
            visible[static_cast<std::size_t>(*layer)] = true;
        }
    }
    return visible;
}

std::string layer_list(const std::array<bool, layer_count>& visible) {
    std::string list;
    for (std::size_t i = 0; i < layer_count; ++i) {
        if (visible[i]) {
            if (!list.empty()) {
                list += ',';
            }
            list += layer_name(static_cast<Layer>(i));
        }
    }
    return list.empty() ? "none" : list;
}

std::array<bool, layer_count> layers_from_list(std::string_view list) {
    std::array<bool, layer_count> visible{};
    for (std::size_t from = 0; from <= list.size();) {
        const std::size_t end = std::min(list.find(',', from), list.size());
        if (auto layer = layer_from_name(list.substr(from, end - from))) {
            visible[static_cast<std::size_t>(*layer)] = true;
        }
        from = end + 1;
    }
    return visible;
}

std::string_view language_code(LabelLanguage language) {
    return language_codes.at(static_cast<std::size_t>(language));
}

std::optional<LabelLanguage> language_from_code(std::string_view code) {
    return find_name<LabelLanguage>(language_codes, code);
}

std::string_view text_language_code(TextLanguage language) {
    return text_language_codes.at(static_cast<std::size_t>(language));
}

std::optional<TextLanguage> text_language_from_code(std::string_view code) {
    return find_name<TextLanguage>(text_language_codes, code);
}

} // namespace kuril
