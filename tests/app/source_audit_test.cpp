// SPDX-License-Identifier: GPL-3.0-or-later
#include "source_audit.hpp"

#include <doctest/doctest.h>
#include <string>

namespace {

geo::Source source_at(std::string url, std::string publisher = "") {
    geo::Source source; // only the URL and the publisher matter here
    source.url = std::move(url);
    source.publisher = std::move(publisher);
    return source;
}

std::string reason(std::string url, std::string publisher = "") {
    return kuril::copy_site_reason(source_at(std::move(url), std::move(publisher))).english();
}

} // namespace

TEST_CASE("[app] source audit: the mirrors and proxies of the shipped file are recognised") {
    // URLs and publishers as the annotations had them when issue 13 was filed.
    CHECK(reason("https://perceptiode.com/Мыс_Ван-дер-Линда",
                 "Wikipedia (Russian; perceptiode.com mirror)") ==
          "its URL is on perceptiode.com, a mirror of Wikipedia");
    CHECK(reason("https://perceptiocs.com/%D0%93") ==
          "its URL is on perceptiocs.com, a mirror of Wikipedia");
    CHECK(reason("https://wikiwand.com/en/articles/List_of_extreme_points_of_Japan") ==
          "its URL is on wikiwand.com, a reader that copies Wikipedia");
    CHECK(reason("https://www.hubbry.com/Kurilsk", "Hubbry") ==
          "its URL is on www.hubbry.com, a site that copies Wikipedia");
    CHECK(reason("https://rhythmusic.net/De1337/nothing/index.php?q=aHR0cHM6Ly96aC5tLndpa2lwZWRp",
                 "Wikipedia (Chinese; proxy copy)") ==
          "its publisher \"Wikipedia (Chinese; proxy copy)\" names a proxied copy");
    CHECK(
        reason("https://rhythmusic.net/De1337/nothing/index.php?q=aHR0cHM6Ly96aC5tLndpa2lwZWRp") ==
        "its URL is a web proxy's address (an address in base64 after ?q=)");
    CHECK(reason("http://lt304888.ru/59d52/%D0%9F", "Wikipedia (Russian; mirror)") ==
          "its publisher \"Wikipedia (Russian; mirror)\" names a mirror");
    CHECK(reason("https://wiki.outremer.quest/content/wikipedia_en_all_maxi_2023-10/A/Kunashiri") ==
          "its URL is an offline copy (Kiwix) of Wikipedia");
    CHECK(reason("https://ru.ruwiki.ru/wiki/x") ==
          "its URL is on ru.ruwiki.ru, a fork of the Russian Wikipedia");
}

TEST_CASE(
    "[app] source audit: web proxies are known by the address inside theirs, archives are not") {
    CHECK(reason("https://example.net/?url=https://www.mid.ru/") ==
          "its URL is a web proxy's address (another address after ?url=)");
    CHECK(reason("https://example.net/browse.php?u=https%3A%2F%2Fwww.mofa.go.jp") ==
          "its URL is a web proxy's address (another address inside it)");
    CHECK(reason("https://proxy.example.net/page") == "its URL is a web proxy's address");
    CHECK(reason("http://web.archive.org/web/20101113000441/http:/oceandots.com/x.php").empty());
    CHECK(reason("https://www.mofa.go.jp/region/europe/russia/territory/", "Japan, Ministry of "
                                                                           "Foreign Affairs")
              .empty());
    CHECK(reason("https://en.wikipedia.org/wiki/Treaty_of_Shimoda", "Wikipedia").empty());
    CHECK(reason("https://www.mid.ru/ru/foreign_policy/", "Russia, Ministry of Foreign Affairs")
              .empty());
}

TEST_CASE("[app] source audit: the warning names file, line, source and what to cite") {
    const auto annotations = geo::parse_annotations(R"(<atlas version="1">
  <sources>
    <source id="good" title="T" lang="en" url="https://www.mofa.go.jp/"/>
    <source id="copy" title="T" lang="ru" url="https://perceptiofr.com/x"/>
  </sources>
</atlas>)",
                                                    "a.xml");
    const auto warnings = kuril::copy_site_warnings(annotations);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].to_string() ==
          "a.xml:4: source 'copy' is a copy of another site: its URL is on perceptiofr.com, a "
          "mirror of Wikipedia; cite the canonical page or the primary document instead");
}

TEST_CASE("[app] source audit: the warnings are said in the reader's language") {
    const auto annotations = geo::parse_annotations(R"(<atlas version="1">
  <sources>
    <source id="copy" title="T" lang="ru" url="https://perceptiofr.com/x"/>
  </sources>
  <islands>
    <island id="c" group="kuril" lon="150" lat="46"><name lang="en">Island C</name></island>
  </islands>
</atlas>)",
                                                    "a.xml");
    const auto copies = kuril::copy_site_warnings(annotations);
    REQUIRE(copies.size() == 1);
    CHECK(copies[0].to_string("ja") ==
          "a.xml:3: 出典 'copy' は別のサイトのコピーです。URL が perceptiofr.com（Wikipedia "
          "のミラー）にあります。代わりに正規のページか一次資料を出典に挙げてください");
    CHECK(copies[0].to_string("ru") ==
          "a.xml:3: источник 'copy' — копия другого сайта: его URL находится на perceptiofr.com, "
          "а это зеркало Википедии; укажите вместо него каноническую страницу или первичный "
          "документ");
    const auto rows = kuril::official_sources_by_island(annotations);
    const auto missing = kuril::missing_official_warnings(annotations, rows);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].message.text("ru") ==
          "остров Island C ('c') не ссылается ни на один официальный источник ни Японии (party "
          "JP), ни России (party RU) в статусе, фактах, островках или событиях");
    CHECK(missing[0].message.text("ja").find("島 Island C（'c'）は") == 0);
}

TEST_CASE("[app] source audit: official sources per island, through status, facts, islets and "
          "events") {
    const auto annotations = geo::parse_annotations(R"(<atlas version="1">
  <sources>
    <source id="jp" title="T" lang="ja" party="JP" url="https://www.mofa.go.jp/"/>
    <source id="ru" title="T" lang="ru" party="RU" url="https://www.mid.ru/"/>
    <source id="joint" title="T" lang="en" party="JP RU" url="https://example.org/j"/>
    <source id="book" title="T" lang="en" isbn="9780824825553"/>
  </sources>
  <islands>
    <island id="a" group="disputed" lon="146" lat="43">
      <name lang="en">Island A</name>
      <fact key="population" value="1" sources="book"/>
      <status from="1855" administered="JP" claimed="JP" sources="jp book"/>
    </island>
    <island id="b" group="kuril" lon="150" lat="46">
      <name lang="en">Island B</name>
      <islet id="b1" lon="150" lat="46" sources="joint"><name lang="en">B1</name></islet>
    </island>
    <island id="c" group="kuril" lon="150" lat="46">
      <name lang="en">Island C</name>
    </island>
    <island id="whole" group="main" lon="142" lat="50">
      <name lang="en">Whole</name>
    </island>
    <island id="south" group="region" part_of="whole" lat_max="50" lon="142" lat="48">
      <name lang="en">South</name>
      <status from="1855" administered="RU" claimed="RU" sources="ru"/>
    </island>
  </islands>
  <events>
    <event id="e" date="1900" lon="150" lat="46" islands="a" sources="ru jp">
      <title lang="en">T</title><text lang="en">X</text>
    </event>
  </events>
</atlas>)",
                                                    "b.xml");
    const auto rows = kuril::official_sources_by_island(annotations);
    REQUIRE(rows.size() == 5);
    CHECK(rows[0].island->id == "a");
    CHECK(rows[0].japan_official == 1);
    CHECK(rows[0].russia_official == 1);
    CHECK(rows[0].total == 3);
    CHECK(rows[1].japan_official == 1); // the joint document counts for both sides
    CHECK(rows[1].russia_official == 1);
    CHECK(rows[1].total == 1);
    CHECK(rows[2].total == 0);
    CHECK(rows[3].island->id == "whole"); // its region's sources count for it
    CHECK(rows[3].russia_official == 1);
    CHECK(rows[3].total == 1);
    const auto warnings = kuril::missing_official_warnings(annotations, rows);
    REQUIRE(warnings.size() == 3);
    CHECK(warnings[0].to_string() ==
          "b.xml:18: island Island C ('c') cites no official source of Japan (party JP) or of "
          "Russia (party RU) in its status, facts, islets or events");
    CHECK(warnings[1].to_string() ==
          "b.xml:21: island Whole ('whole') cites no official source of Japan (party JP) in its "
          "status, facts, islets or events");
    CHECK(warnings[2].message.english().find(
              "island South ('south') cites no official source of Japan "
              "(party JP) in") == 0);
    CHECK(kuril::official_sources_table(rows) ==
          "Official sources per island (distinct sources cited by its status, facts, islets and "
          "events):\n"
          "  island    JP official  RU official  sources\n"
          "  Island A            1            1        3\n"
          "  Island B            1            1        1\n"
          "  Island C            0            0        0\n"
          "  Whole               0            1        1\n"
          "  South               0            1        1\n");
}
