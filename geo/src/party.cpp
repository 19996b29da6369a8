// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/party.hpp"

#include "i18n/translate.hpp"

namespace geo {

std::string_view party_code(Party party) {
    return party == Party::JP ? "JP" : "RU";
}

std::optional<Party> party_from_code(std::string_view code) {
    if (code == "JP") {
        return Party::JP;
    }
    if (code == "RU") {
        return Party::RU;
    }
    return std::nullopt;
}

std::string party_display_name(Party party, Date date) {
    if (party == Party::JP) {
        return "Japan";
    }
    if (date < Date{1917, 11, 7}) {
        return "Russian Empire";
    }
    if (date < Date{1922, 12, 30}) {
        return "Soviet Russia";
    }
    if (date < Date{1991, 12, 26}) {
        return "USSR";
    }
    return "Russian Federation";
}

std::string party_display_name(Party party, Date date, std::string_view language) {
    const std::string english = party_display_name(party, date);
    // The names above, each marked for the catalogues.
    static constexpr const char* names[] = {
        i18n::NC_("state", "Japan"), i18n::NC_("state", "Russian Empire"),
        i18n::NC_("state", "Soviet Russia"), i18n::NC_("state", "USSR"),
        i18n::NC_("state", "Russian Federation")};
    for (const char* name : names) {
        if (english == name) {
            return std::string(i18n::trc(language, "state", name));
        }
    }
    return english;
}

std::string party_codes(const std::vector<Party>& parties, std::string_view separator) {
    std::string text;
    for (const auto party : parties) {
        if (!text.empty()) {
            text += separator;
        }
        text += party_code(party);
    }
    return text;
}

} // namespace geo
