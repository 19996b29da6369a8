// SPDX-License-Identifier: GPL-3.0-or-later
#include "source_audit.hpp"

#include "i18n/translate.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <string_view>

namespace kuril {

using i18n::N_;

namespace {

/// Where a sign of a copy is looked for.
enum class Where {
    host_or_publisher, ///< the URL's host name, or the publisher's words
    publisher,         ///< the publisher's words only
    url,               ///< anywhere in the URL
};

struct CopySign {
    Where where;
    std::string_view text; ///< lower case
    const char* what;      ///< what the site or the address is (marked with N_)
};

// Sites that copy another site's pages, and the marks of a web proxy. Host-specific entries
// come first so that a source is named by the most precise one.
constexpr std::array copy_signs{
    CopySign{Where::host_or_publisher, "perceptio", N_("a mirror of Wikipedia")},
    CopySign{Where::host_or_publisher, "wikiwand", N_("a reader that copies Wikipedia")},
    CopySign{Where::host_or_publisher, "hubbry", N_("a site that copies Wikipedia")},
    CopySign{Where::host_or_publisher, "wiki2.", N_("a mirror of Wikipedia")},
    CopySign{Where::host_or_publisher, "wikizero", N_("a mirror of Wikipedia")},
    CopySign{Where::host_or_publisher, "infogalactic", N_("a fork of Wikipedia")},
    CopySign{Where::host_or_publisher, "everybodywiki", N_("a wiki that copies Wikipedia")},
    CopySign{Where::host_or_publisher, "justapedia", N_("a fork of Wikipedia")},
    CopySign{Where::host_or_publisher, "dbpedia", N_("data extracted from Wikipedia")},
    CopySign{Where::host_or_publisher, "zxc.wiki", N_("a translated mirror of Wikipedia")},
    CopySign{Where::host_or_publisher, "frwiki.wiki", N_("a translated mirror of Wikipedia")},
    CopySign{Where::host_or_publisher, "wiki.x.io", N_("a mirror of Wikipedia")},
    CopySign{Where::host_or_publisher, "wiki7.", N_("a mirror of Wikipedia")},
    CopySign{Where::host_or_publisher, "wikiclassic", N_("a mirror of Wikipedia")},
    CopySign{Where::host_or_publisher, "classicistranieri", N_("a mirror of Wikipedia")},
    CopySign{Where::host_or_publisher, "wikipedia-on-ipfs", N_("a copy of Wikipedia on IPFS")},
    CopySign{Where::host_or_publisher, "ruwiki.ru", N_("a fork of the Russian Wikipedia")},
    CopySign{Where::host_or_publisher, "kiwix", N_("an offline copy (Kiwix) of a wiki")},
    CopySign{Where::host_or_publisher, "graphsearch.epfl.ch", N_("a page built from Wikipedia")},
    CopySign{Where::url, "/content/wikipedia_", N_("an offline copy (Kiwix) of Wikipedia")},
    CopySign{Where::url, "/content/wikisource_", N_("an offline copy (Kiwix) of Wikisource")},
    CopySign{Where::publisher, "mirror", N_("a mirror")},
    CopySign{Where::publisher, "proxy", N_("a proxied copy")},
    CopySign{Where::url, "proxy", N_("a web proxy's address")},
    CopySign{Where::url, "/?url=", N_("a web proxy's address (another address after ?url=)")},
    CopySign{Where::url, "?q=ahr0c", N_("a web proxy's address (an address in base64 after ?q=)")},
};

/// Archives keep a dated copy of a page that may be gone: another address inside theirs is
/// how they work, not the mark of a proxy.
constexpr std::array archive_hosts{std::string_view("web.archive.org"),
                                   std::string_view("archive.org"),
                                   std::string_view("archive.today"),
                                   std::string_view("archive.ph"), std::string_view("archive.is")};

std::string lower(std::string_view text) {
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

/// The host of a URL in lower case ("www.hubbry.com"); "" when it has none.
std::string url_host(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) {
        return "";
    }
    const std::string_view rest = url.substr(scheme + 3);
    return lower(rest.substr(0, rest.find_first_of("/?#")));
}

/// Whether another address follows the URL's own scheme, as a web proxy's address has it.
bool has_embedded_address(const std::string& url_lower, const std::string& host) {
    if (std::find(archive_hosts.begin(), archive_hosts.end(), host) != archive_hosts.end()) {
        return false;
    }
    const auto start = url_lower.find("://");
    if (start == std::string::npos) {
        return false;
    }
    for (const std::string_view mark : {"http:/", "https:/", "http%3a", "https%3a"}) {
        if (url_lower.find(mark, start + 3) != std::string::npos) {
            return true;
        }
    }
    return false;
}

} // namespace

i18n::Message copy_site_reason(const geo::Source& source) {
    const std::string host = url_host(source.url);
    const std::string url = lower(source.url);
    const std::string publisher = lower(source.publisher);
    for (const auto& sign : copy_signs) {
        const auto in = [&](const std::string& text) {
            return text.find(sign.text) != std::string::npos;
        };
        if (sign.where == Where::host_or_publisher && in(host)) {
            return {N_("its URL is on {host}, {what}"),
                    {{"host", host}, {"what", i18n::Message(sign.what)}}};
        }
        if ((sign.where == Where::host_or_publisher || sign.where == Where::publisher) &&
            in(publisher)) {
            return {N_("its publisher \"{publisher}\" names {what}"),
                    {{"publisher", source.publisher}, {"what", i18n::Message(sign.what)}}};
        }
        if (sign.where == Where::url && in(url)) {
            return {N_("its URL is {what}"), {{"what", i18n::Message(sign.what)}}};
        }
    }
    if (has_embedded_address(url, host)) {
        return i18n::Message(N_("its URL is a web proxy's address (another address inside it)"));
    }
    return {};
}

std::vector<geo::Diagnostic> copy_site_warnings(const geo::Annotations& annotations) {
    std::vector<geo::Diagnostic> warnings;
    for (const auto& source : annotations.sources) {
        if (const i18n::Message reason = copy_site_reason(source); !reason.empty()) {
            warnings.push_back({annotations.file, source.line,
                                i18n::Message(N_("source '{id}' is a copy of another site: "
                                                 "{reason}; cite the canonical page or the "
                                                 "primary document instead"),
                                              {{"id", source.id}, {"reason", reason}}),
                                source.id});
        }
    }
    return warnings;
}

std::vector<IslandSources> official_sources_by_island(const geo::Annotations& annotations) {
    // What each island cites itself.
    std::map<std::string, std::set<std::string>> own;
    for (const auto& island : annotations.islands) {
        std::set<std::string>& cited = own[island.id];
        const auto add = [&](const std::vector<std::string>& ids) {
            cited.insert(ids.begin(), ids.end());
        };
        for (const auto& period : island.status) {
            add(period.sources);
        }
        for (const auto& fact : island.facts) {
            add(fact.sources);
        }
        for (const auto& islet : island.islets) {
            add(islet.sources);
        }
        for (const auto& event : annotations.events) {
            if (std::find(event.islands.begin(), event.islands.end(), island.id) !=
                event.islands.end()) {
                add(event.sources);
            }
        }
    }
    std::vector<IslandSources> rows;
    for (const auto& island : annotations.islands) {
        // An island divided into regions (Sakhalin) has its status through them: what they
        // cite counts for it too.
        std::set<std::string> cited = own[island.id];
        for (const auto& region : annotations.islands) {
            if (region.part_of == island.id) {
                cited.insert(own[region.id].begin(), own[region.id].end());
            }
        }
        IslandSources row;
        row.island = &island;
        row.total = cited.size();
        for (const auto& id : cited) {
            if (const geo::Source* source = annotations.source(id)) {
                row.japan_official += source->is_official_of(geo::Party::JP) ? 1 : 0;
                row.russia_official += source->is_official_of(geo::Party::RU) ? 1 : 0;
            }
        }
        rows.push_back(row);
    }
    return rows;
}

std::vector<geo::Diagnostic> missing_official_warnings(const geo::Annotations& annotations,
                                                       const std::vector<IslandSources>& rows) {
    std::vector<geo::Diagnostic> warnings;
    for (const auto& row : rows) {
        // A landmass shown for context (the mainland, Honshu) is not part of the dispute's
        // record: neither side has official words about it here.
        if (row.island->group == "context") {
            continue;
        }
        if (row.japan_official > 0 && row.russia_official > 0) {
            continue;
        }
        const char* pattern =
            row.russia_official > 0
                ? N_("island {name} ('{id}') cites no official source of Japan (party JP) in its "
                     "status, facts, islets or events")
            : row.japan_official > 0
                ? N_("island {name} ('{id}') cites no official source of Russia (party RU) in its "
                     "status, facts, islets or events")
                : N_("island {name} ('{id}') cites no official source of Japan (party JP) or of "
                     "Russia (party RU) in its status, facts, islets or events");
        warnings.push_back(
            {annotations.file, row.island->line,
             i18n::Message(pattern, {{"name", row.island->display_name()}, {"id", row.island->id}}),
             row.island->id});
    }
    return warnings;
}

std::string official_sources_table(const std::vector<IslandSources>& rows) {
    std::size_t width = std::string_view("island").size();
    for (const auto& row : rows) {
        width = std::max(width, row.island->display_name().size());
    }
    const auto pad = [&](std::string text) {
        text.resize(width, ' ');
        return text;
    };
    std::string table = "Official sources per island (distinct sources cited by its status, "
                        "facts, islets and events):\n  " +
                        pad("island") + "  JP official  RU official  sources\n";
    for (const auto& row : rows) {
        char numbers[64];
        std::snprintf(numbers, sizeof numbers, "  %11zu  %11zu  %7zu\n", row.japan_official,
                      row.russia_official, row.total);
        table += "  " + pad(row.island->display_name()) + numbers;
    }
    return table;
}

} // namespace kuril
