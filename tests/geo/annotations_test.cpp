// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/annotations.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <string>

namespace {

constexpr const char* header = R"(<?xml version="1.0" encoding="UTF-8"?>
<atlas version="1">
  <sources>
    <source id="s1" title="A source" publisher="Someone" date="2020" url="https://example.org/1" lang="en"/>
  </sources>
)";

/// Parses `body` placed after the header (which ends on line 5); returns every problem.
std::vector<geo::Diagnostic> problems(const std::string& body) {
    try {
        geo::parse_annotations(std::string(header) + body + "</atlas>\n", "test.xml");
    } catch (const geo::AnnotationsError& error) {
        return error.problems();
    }
    return {};
}

std::string first_problem(const std::string& body) {
    const auto found = problems(body);
    return found.empty() ? std::string("(no problem)") : found.front().to_string();
}

const char* island_head = R"(  <islands>
    <island id="shikotan" group="disputed" lon="146.75" lat="43.80">
      <name lang="en">Shikotan</name>
)"; // lines 6-8

} // namespace

TEST_CASE("[geo] annotations: a good file parses with names, facts, status and events") {
    const auto annotations = geo::parse_annotations(std::string(header) + island_head + R"(
      <name lang="ja" romaji="Shikotan-tō">色丹島</name>
      <name lang="ru" translit="Shikotan">Шикотан</name>
      <fact key="area_km2" party="JP" value="247.7" sources="s1"/>
      <fact key="main_settlement" name="Malokurilskoye" lon="146.832" lat="43.871" sources="s1"/>
      <status from="1855-02-07" to="1945-09-01" administered="JP" claimed="JP" sources="s1"/>
      <status from="1945-09-01" administered="RU" claimed="JP RU" sources="s1">Disputed.</status>
    </island>
  </islands>
  <events>
    <event id="e1" date="1956-10" lon="37.6" lat="55.75" islands="shikotan" sources="s1">
      <title lang="en">Declaration</title>
      <text lang="en">Signed
        in Moscow.</text>
    </event>
  </events>
)" + "</atlas>",
                                                    "good.xml");
    REQUIRE(annotations.islands.size() == 1);
    const auto& island = annotations.islands[0];
    CHECK(island.name("ja")->text == "色丹島");
    CHECK(island.name("ja")->romaji == "Shikotan-tō");
    CHECK(island.name("ru")->translit == "Shikotan");
    REQUIRE(island.facts.size() == 2);
    CHECK(island.facts[0].party == geo::Party::JP);
    CHECK(island.facts[1].place->x == doctest::Approx(146.832));
    REQUIRE(island.status.size() == 2);
    CHECK(!island.status[1].to);
    CHECK(island.status[1].claimed == std::vector<geo::Party>{geo::Party::JP, geo::Party::RU});
    CHECK(island.status[1].note_in("en") == "Disputed.");
    REQUIRE(annotations.events.size() == 1);
    CHECK(annotations.events[0].date.precision == geo::DatePrecision::month);
    CHECK(annotations.events[0].last_day() == geo::Date{1956, 10, 31});
    CHECK(annotations.events[0].texts.at("en") == "Signed in Moscow.");
    CHECK(annotations.warnings.empty());
}

TEST_CASE("[geo] annotations: not XML") {
    try {
        geo::parse_annotations("this is not <xml", "bad.xml");
        FAIL("no error");
    } catch (const geo::AnnotationsError& error) {
        CHECK(std::string(error.what()) == "bad.xml:1: not well-formed XML: an element is "
                                           "malformed or not closed (tinyxml2: "
                                           "XML_ERROR_PARSING_ELEMENT)");
    }
    try {
        geo::parse_annotations("<atlas>\n<sources>\n</atlas>", "bad.xml");
        FAIL("no error");
    } catch (const geo::AnnotationsError& error) {
        CHECK(std::string(error.what()) == "bad.xml:2: not well-formed XML: an end tag does not "
                                           "match its start tag (tinyxml2: "
                                           "XML_ERROR_MISMATCHED_ELEMENT)");
    }
}

TEST_CASE("[geo] annotations: a wrong root element") {
    try {
        geo::parse_annotations("<?xml version=\"1.0\"?>\n<map/>", "root.xml");
        FAIL("no error");
    } catch (const geo::AnnotationsError& error) {
        CHECK(std::string(error.what()) == "root.xml:2: root element is <map>, expected <atlas>");
    }
}

TEST_CASE("[geo] annotations: an unknown element is a warning, not an error") {
    const auto annotations =
        geo::parse_annotations(std::string(header) + "  <colours/>\n</atlas>", "warn.xml");
    REQUIRE(annotations.warnings.size() == 1);
    CHECK(annotations.warnings[0].to_string() == "warn.xml:6: unknown element <colours> ignored");
    CHECK(annotations.sources.size() == 1);
}

/// The problems of a <sources> section holding `source` (on line 7) and nothing else.
std::vector<std::string> source_problems(const std::string& source) {
    std::vector<std::string> found;
    for (const auto& problem : problems("  <sources>\n    " + source + "\n  </sources>\n")) {
        found.push_back(problem.to_string());
    }
    return found;
}

TEST_CASE("[geo] annotations: a source's language, party and ISBN") {
    const auto annotations = geo::parse_annotations(std::string(header) + R"(  <sources>
    <source id="mofa" title="Northern Territories" publisher="Japan, Ministry of Foreign Affairs"
            lang="ja" party="JP" url="https://www.mofa.go.jp/"/>
    <source id="compendium" title="Joint Compendium" lang="ru" party="JP RU" url="https://example.org/c"/>
    <source id="book" title="A book" lang="en" isbn="978-0-8248-2555-3"/>
    <source id="old-book" title="An old book" lang="en" isbn="0-8044-2957-X"/>
  </sources>
)" + "</atlas>",
                                                    "sources.xml");
    REQUIRE(annotations.sources.size() == 5);
    const geo::Source& mofa = *annotations.source("mofa");
    CHECK(mofa.lang == "ja");
    CHECK(mofa.parties == std::vector<geo::Party>{geo::Party::JP});
    CHECK(mofa.is_official_of(geo::Party::JP));
    CHECK(!mofa.is_official_of(geo::Party::RU));
    CHECK(mofa.language_note() == " (in Japanese)");
    const geo::Source& compendium = *annotations.source("compendium");
    CHECK(compendium.is_official_of(geo::Party::JP));
    CHECK(compendium.is_official_of(geo::Party::RU));
    CHECK(compendium.language_note() == " (in Russian)");
    const geo::Source& book = *annotations.source("book");
    CHECK(book.url.empty());
    CHECK(book.isbn == "978-0-8248-2555-3");
    CHECK(book.parties.empty());
    CHECK(book.language_note().empty());
    CHECK(annotations.warnings.empty());
}

TEST_CASE("[geo] annotations: ISBN check digits") {
    CHECK(geo::valid_isbn("9780824825553"));
    CHECK(geo::valid_isbn("978 0 8248 2555 3"));
    CHECK(geo::valid_isbn("0-8248-2555-X") == false);
    CHECK(geo::valid_isbn("0-19-853453-1"));
    CHECK(geo::valid_isbn("0-8044-2957-X"));
    CHECK(geo::isbn_problem("978-0-8248-2555-4").english() ==
          "check digit is 4, expected 3 for these digits");
    CHECK(geo::isbn_problem("0-19-853453-2").english() ==
          "check digit is 2, expected 1 for these digits");
    CHECK(geo::isbn_problem("978-0-8248").english() == "has 8 digits, expected 10 or 13");
    CHECK(geo::isbn_problem("978-0-8248-2555-3-").english() ==
          "expected hyphens and spaces only between digits");
    CHECK(geo::isbn_problem("ISBN 9780824825553").english() ==
          "has 'I': expected digits (and a final X in an ISBN-10), hyphens and spaces");
}

TEST_CASE("[geo] annotations: a source without lang is a warning, a bad lang an error") {
    const auto annotations = geo::parse_annotations(std::string(header) + R"(  <sources>
    <source id="s2" title="Untold" url="https://example.org/2"/>
  </sources>
</atlas>)",
                                                    "nolang.xml");
    REQUIRE(annotations.warnings.size() == 1);
    CHECK(annotations.warnings[0].to_string() ==
          "nolang.xml:7: <source id=\"s2\"> has no lang: expected lang=\"en\", \"ja\" or "
          "\"ru\" (the language of the document)");
    CHECK(annotations.source("s2")->lang.empty());
    CHECK(source_problems(R"(<source id="s2" title="T" url="u" lang="de"/>)") ==
          std::vector<std::string>{"test.xml:7: <source id=\"s2\"> lang=\"de\": expected en, ja "
                                   "or ru"});
}

TEST_CASE("[geo] annotations: a bad party, a missing url and a bad ISBN are errors") {
    CHECK(source_problems(R"(<source id="s2" title="T" url="u" lang="en" party="US"/>)") ==
          std::vector<std::string>{"test.xml:7: <source id=\"s2\"> party: unknown party 'US' "
                                   "(expected JP or RU)"});
    CHECK(source_problems(R"(<source id="s2" title="T" url="u" lang="en" party=" "/>)") ==
          std::vector<std::string>{"test.xml:7: <source id=\"s2\"> party=\" \" is empty: "
                                   "expected JP, RU or \"JP RU\" (or no party attribute)"});
    CHECK(source_problems(R"(<source id="s2" title="T" lang="en"/>)") ==
          std::vector<std::string>{"test.xml:7: <source id=\"s2\"> has neither url nor isbn: "
                                   "expected url=\"...\" (or isbn=\"...\" for a book)"});
    CHECK(source_problems(R"(<source id="s2" title="T" lang="en" isbn="978-0-8248-2555-4"/>)") ==
          std::vector<std::string>{"test.xml:7: <source id=\"s2\"> isbn=\"978-0-8248-2555-4\" "
                                   "is not a valid ISBN: check digit is 4, expected 3 for these "
                                   "digits"});
}

TEST_CASE("[geo] annotations: a missing required attribute") {
    CHECK(first_problem("  <events>\n    <event id=\"e\" lon=\"1\" lat=\"2\" sources=\"s1\">"
                        "<title lang=\"en\">T</title><text lang=\"en\">X</text></event>\n"
                        "  </events>\n") ==
          "test.xml:7: <event id=\"e\"> is missing the required attribute 'date'");
}

TEST_CASE("[geo] annotations: a duplicate id") {
    CHECK(first_problem("  <sources>\n    <source id=\"s1\" title=\"Again\" url=\"u\"/>\n"
                        "  </sources>\n") == "test.xml:7: duplicate source id 's1'");
}

TEST_CASE("[geo] annotations: a reference to an unknown source or island") {
    const auto found = problems(
        "  <events>\n    <event id=\"e\" date=\"1855\" lon=\"1\" lat=\"2\" islands=\"atlantis\" "
        "sources=\"s1 s9\"><title lang=\"en\">T</title><text lang=\"en\">X</text></event>\n"
        "  </events>\n");
    REQUIRE(found.size() == 2);
    CHECK(found[0].to_string() == "test.xml:7: <event id=\"e\"> cites unknown source 's9'");
    CHECK(found[1].to_string() ==
          "test.xml:7: <event id=\"e\"> refers to unknown island 'atlantis'");
}

TEST_CASE("[geo] annotations: an impossible date") {
    CHECK(first_problem(std::string(island_head) +
                        "      <status from=\"2021-02-30\" administered=\"RU\" claimed=\"RU\" "
                        "sources=\"s1\"/>\n    </island>\n  </islands>\n") ==
          "test.xml:9: <status> from: '2021-02-30' is not a date: February 2021 has 28 days");
}

TEST_CASE("[geo] annotations: a period that ends before it starts") {
    CHECK(first_problem(std::string(island_head) +
                        "      <status from=\"1945-09-01\" to=\"1855\" administered=\"RU\" "
                        "claimed=\"RU\" sources=\"s1\"/>\n    </island>\n  </islands>\n") ==
          "test.xml:9: <status> period ends (1855) before it starts (1945-09-01)");
}

TEST_CASE("[geo] annotations: overlapping administration periods of one island") {
    CHECK(
        first_problem(std::string(island_head) +
                      "      <status from=\"1855\" to=\"1946\" administered=\"JP\" claimed=\"JP\" "
                      "sources=\"s1\"/>\n"
                      "      <status from=\"1945-09-01\" administered=\"RU\" claimed=\"JP RU\" "
                      "sources=\"s1\"/>\n    </island>\n  </islands>\n") ==
        "test.xml:10: status periods of island 'shikotan' overlap: 1945-09-01 starts before "
        "the period from 1855-01-01 (line 9) ends");
    // An open-ended period followed by another also overlaps.
    CHECK(first_problem(std::string(island_head) +
                        "      <status from=\"1855\" administered=\"JP\" claimed=\"JP\" "
                        "sources=\"s1\"/>\n"
                        "      <status from=\"1945-09-01\" administered=\"RU\" claimed=\"JP RU\" "
                        "sources=\"s1\"/>\n    </island>\n  </islands>\n")
              .find("overlap") != std::string::npos);
}

TEST_CASE("[geo] annotations: coordinates out of range") {
    CHECK(first_problem("  <islands>\n    <island id=\"x\" group=\"kuril\" lon=\"200\" lat=\"45\">"
                        "<name lang=\"en\">X</name></island>\n  </islands>\n") ==
          "test.xml:7: <island id=\"x\"> lon=\"200\" is out of range (-180 to 180)");
    CHECK(first_problem("  <islands>\n    <island id=\"x\" group=\"kuril\" lon=\"147\" lat=\"-91\">"
                        "<name lang=\"en\">X</name></island>\n  </islands>\n") ==
          "test.xml:7: <island id=\"x\"> lat=\"-91\" is out of range (-90 to 90)");
}

TEST_CASE("[geo] annotations: text that is not valid UTF-8") {
    std::string xml = std::string(header) + "  <islands>\n    <island id=\"x\" group=\"kuril\" "
                                            "lon=\"147\" lat=\"45\"><name lang=\"en\">Bad \xff"
                                            "</name></island>\n  </islands>\n</atlas>";
    try {
        geo::parse_annotations(xml, "utf8.xml");
        FAIL("no error");
    } catch (const geo::AnnotationsError& error) {
        CHECK(std::string(error.what()) == "utf8.xml:7: text is not valid UTF-8 (byte 0xFF)");
    }
}

TEST_CASE("[geo] annotations: a missing file and a folder are named") {
    const auto missing = test_paths::fixtures() / "nowhere.xml";
    CHECK_THROWS_WITH_AS(geo::load_annotations(missing),
                         (missing.string() + ": no such file").c_str(), geo::AnnotationsError);
    CHECK_THROWS_WITH_AS(
        geo::load_annotations(test_paths::fixtures()),
        (test_paths::fixtures().string() + ": is a directory, expected an annotations XML file")
            .c_str(),
        geo::AnnotationsError);
}

TEST_CASE("[geo] annotations: every problem is reported, in line order") {
    const auto found =
        problems("  <sources>\n    <source id=\"s1\" url=\"u\" lang=\"en\"/>\n  </sources>\n");
    REQUIRE(found.size() == 2);
    CHECK(found[0].message.english() == "duplicate source id 's1'");
    CHECK(found[1].message.english() ==
          "<source id=\"s1\"> is missing the required attribute 'title'");
}

TEST_CASE("[geo] annotations: problems are said in Japanese and Russian") {
    const std::string body =
        "  <sources>\n    <source id=\"s1\" url=\"u\" lang=\"en\"/>\n  </sources>\n";
    try {
        geo::parse_annotations(std::string(header) + body + "</atlas>\n", "test.xml");
        FAIL("no error");
    } catch (const geo::AnnotationsError& error) {
        // The first problem, placed, with how many more; what() stays English.
        CHECK(std::string(error.what()) == "test.xml:7: duplicate source id 's1' (and 1 more)");
        CHECK(error.text("ru") == "test.xml:7: повторяющийся id источника 's1' (и ещё 1)");
        REQUIRE(error.problems().size() == 2);
        CHECK(error.problems()[0].to_string("ru") == "test.xml:7: повторяющийся id источника 's1'");
        CHECK(error.problems()[1].to_string("ja") ==
              "test.xml:7: <source id=\"s1\"> に必須の属性 'title' がありません");
    }
    // A problem inside a problem is said in the same language.
    const auto isbn =
        problems("  <sources>\n    <source id=\"b\" title=\"B\" isbn=\"0-19-853453-2\" "
                 "lang=\"en\"/>\n  </sources>\n");
    REQUIRE(isbn.size() == 1);
    CHECK(isbn[0].message.english() == "<source id=\"b\"> isbn=\"0-19-853453-2\" is not a valid "
                                       "ISBN: check digit is 2, expected 1 for these digits");
    CHECK(isbn[0].to_string("ru") == "test.xml:7: <source id=\"b\">: isbn=\"0-19-853453-2\" — "
                                     "недопустимый ISBN: контрольная цифра 2, для этих цифр "
                                     "ожидается 1");
    CHECK(isbn[0].to_string("ja") ==
          "test.xml:7: <source id=\"b\"> の isbn=\"0-19-853453-2\" は正しい ISBN ではありません"
          "（チェックディジットが 2 ですが、この数字列では 1 になるはずです）");
    try {
        geo::parse_annotations("this is not <xml", "bad.xml");
        FAIL("no error");
    } catch (const geo::AnnotationsError& error) {
        CHECK(error.text("ja") ==
              "bad.xml:1: XML の形式が正しくありません。要素の形式が正しくないか、"
              "閉じられていません（tinyxml2: XML_ERROR_PARSING_ELEMENT）");
        CHECK(error.text("ru") == "bad.xml:1: некорректный XML: элемент неверно оформлен или не "
                                  "закрыт (tinyxml2: XML_ERROR_PARSING_ELEMENT)");
    }
}

TEST_CASE("[geo] annotations: a 50 MB file of 100,000 events loads") {
    std::string xml = header;
    xml += "  <events>\n";
    const std::string text(380, 'x');
    for (int i = 0; i < 100'000; ++i) {
        xml += "    <event id=\"e" + std::to_string(i) + "\" date=\"" +
               std::to_string(1855 + i % 168) + "-0" + std::to_string(1 + i % 9) +
               "-15\" lon=\"147.5\" lat=\"45.0\" sources=\"s1\">\n      <title lang=\"en\">Event " +
               std::to_string(i) + "</title>\n      <text lang=\"en\">" + text +
               "</text>\n    </event>\n";
    }
    xml += "  </events>\n</atlas>\n";
    CHECK(xml.size() > 50'000'000);
    const auto file = test_paths::scratch("big_annotations") / "big.xml";
    std::ofstream(file, std::ios::binary) << xml;
    const auto annotations = geo::load_annotations(file);
    CHECK(annotations.events.size() == 100'000);
    CHECK(annotations.events.back().titles.at("en") == "Event 99999");
}

TEST_CASE("[geo] annotations: a slide dated 'today' shows the day it is presented") {
    const auto annotations = geo::parse_annotations(std::string(header) + R"(  <tours>
    <tour id="t" title="T">
      <slide id="now" date="today" center="147,44" zoom="1" sources="s1"><title>Now</title></slide>
      <slide id="then" date="1956-10-19" center="147,44" zoom="1" sources="s1"><title>Then</title></slide>
    </tour>
  </tours>
</atlas>
)",
                                                    "today.xml");
    REQUIRE(annotations.tours.size() == 1);
    CHECK(annotations.tours[0].slides[0].date == geo::Date::today());
    CHECK(annotations.tours[0].slides[1].date == geo::Date{1956, 10, 19});
    CHECK(first_problem(R"(  <tours>
    <tour id="t" title="T">
      <slide id="later" date="tomorrow" center="147,44" zoom="1" sources="s1"><title>L</title></slide>
    </tour>
  </tours>
)") == "test.xml:8: <slide id=\"later\"> date: 'tomorrow' is not an ISO 8601 date (expected YYYY, "
       "YYYY-MM or YYYY-MM-DD)");
}

TEST_CASE("[geo] annotations: a slide may compare its date with another") {
    const auto annotations = geo::parse_annotations(std::string(header) + R"(  <tours>
    <tour id="t" title="T">
      <slide id="two" date="1944-01-01" compare="1950-01-01" center="147,44" zoom="1" sources="s1"><title>Two</title></slide>
      <slide id="one" date="1956-10-19" center="147,44" zoom="1" sources="s1"><title>One</title></slide>
    </tour>
  </tours>
</atlas>
)",
                                                    "compare.xml");
    REQUIRE(annotations.tours.size() == 1);
    REQUIRE(annotations.tours[0].slides[0].compare);
    CHECK(*annotations.tours[0].slides[0].compare == geo::Date{1950, 1, 1});
    CHECK_FALSE(annotations.tours[0].slides[1].compare);
    const auto problem = [](const std::string& compare) {
        return first_problem(R"(  <tours>
    <tour id="t" title="T">
      <slide id="c" date="1944-01-01" compare=")" +
                             compare +
                             R"(" center="147,44" zoom="1" sources="s1"><title>C</title></slide>
    </tour>
  </tours>
)");
    };
    CHECK(problem("1950-13-01") ==
          "test.xml:8: <slide id=\"c\"> compare: '1950-13-01' is not a date: there is no month 13");
    CHECK(problem("1950") == "test.xml:8: <slide id=\"c\"> compare '1950': a full date YYYY-MM-DD "
                             "is expected (the right half's date)");
    CHECK(problem("1700-01-01") ==
          "test.xml:8: <slide id=\"c\"> compare 1700-01-01 is out of range (1850-01-01 to today)");
    CHECK(problem("1944-01-01") == "test.xml:8: <slide id=\"c\"> compare 1944-01-01 is the "
                                   "slide's own date: give another date to compare it with");
    CHECK(annotations.tours[0].slides[0].legend); // on unless a slide says off
}

namespace {

/// A tour with one slide whose children are `children` (the slide is on line 8).
std::string slide_with(const std::string& children) {
    return R"(  <tours>
    <tour id="t">
      <slide id="s" date="1956-10-19" center="147,44" zoom="1" sources="s1">
)" + children +
           R"(
      </slide>
    </tour>
  </tours>
)";
}

/// Shikotan with one status period (on line 9) whose content is `content`.
std::string status_with(const std::string& content) {
    return std::string(island_head) +
           R"(      <status from="1945-09-01" administered="RU" claimed="JP RU" sources="s1">)" +
           content + R"(</status>
    </island>
  </islands>
)";
}

} // namespace

TEST_CASE("[geo] annotations: a slide's title, caption and notes in three languages") {
    const auto path = test_paths::fixtures() / "languages-tour.xml";
    std::ifstream in(path);
    const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The shipped islands and sources are known through a base.
    geo::Annotations base;
    base.islands.push_back({});
    base.islands.back().id = "etorofu";
    base.sources.push_back({});
    base.sources.back().id = "mofa-compendium-period2";
    const auto annotations = geo::parse_annotations(xml, path, &base);
    REQUIRE(annotations.tours.size() == 1);
    const auto& slides = annotations.tours[0].slides;
    REQUIRE(slides.size() == 2);
    CHECK(slides[0].title_in("en") == "1855: the first border");
    CHECK(slides[0].title_in("ja") == "1855年：最初の国境");
    CHECK(slides[0].title_in("ru") == "1855 год: первая граница");
    CHECK(slides[0].caption_in("ja").rfind("日露通好条約", 0) == 0);
    CHECK(slides[0].notes_in("ru") == "Обе стороны ссылаются на этот договор.");
    // English where a language has none, never blank.
    CHECK(slides[1].notes_in("ru") == "Signed in Moscow; the arrow points there.");
    CHECK(slides[1].notes_in("ja") == "モスクワで署名された。矢印がその方向を示す。");
    // The caption's white space collapses as before.
    CHECK(slides[1].caption_in("en").find("  ") == std::string::npos);
}

TEST_CASE("[geo] annotations: text_in falls back to English, and to nothing without it") {
    const geo::Texts texts = {{"en", "Treaty"}, {"ja", "条約"}, {"ru", ""}};
    CHECK(geo::text_in(texts, "ja") == "条約");
    CHECK(geo::text_in(texts, "ru") == "Treaty"); // empty counts as missing
    CHECK(geo::text_in(texts, "en") == "Treaty");
    CHECK(geo::text_in(geo::Texts{{"ja", "条約"}}, "ru").empty());
}

TEST_CASE("[geo] annotations: a slide's texts in an unknown or repeated language") {
    CHECK(first_problem(slide_with(R"(        <title>Then</title>
        <title lang="fr">Alors</title>)")) ==
          "test.xml:10: <title> lang=\"fr\": expected en, ja or ru");
    CHECK(first_problem(slide_with(R"(        <title>Then</title>
        <caption lang="ja">一</caption>
        <caption lang="ja">二</caption>)")) ==
          "test.xml:11: a second <caption lang=\"ja\"> (one per language; without lang it is "
          "English)");
    // Without lang a text is English: lang="en" beside it is a second English one.
    CHECK(first_problem(slide_with(R"(        <title>Then</title>
        <notes>Say this.</notes>
        <notes lang="en">Say that.</notes>)")) ==
          "test.xml:11: a second <notes lang=\"en\"> (one per language; without lang it is "
          "English)");
    CHECK(first_problem(slide_with(R"(        <title>Then</title>
        <caption lang="ru">  </caption>)")) == "test.xml:10: <caption lang=\"ru\"> is empty");
    // A title in Japanese only: English is required.
    CHECK(first_problem(slide_with(R"(        <title lang="ja">その時</title>)")) ==
          "test.xml:8: <slide id=\"s\"> has no English <title>");
}

TEST_CASE("[geo] annotations: a status's titles and notes by language") {
    const auto annotations = geo::parse_annotations(std::string(header) + status_with(R"(
        Administered by Russia; claimed by Japan.
        <title lang="en">Russia administers; Japan claims</title>
        <title lang="ja">ロシアが施政、日本が領有権を主張</title>
        <title lang="ru">Под управлением России; Япония претендует</title>
        <note lang="ja">ロシアが施政し、日本が領有権を主張している。</note>
      )") + "</atlas>\n",
                                                    "status.xml");
    const auto& period = annotations.islands.at(0).status.at(0);
    // The plain text is the English note.
    CHECK(period.note_in("en") == "Administered by Russia; claimed by Japan.");
    CHECK(period.note_in("ja") == "ロシアが施政し、日本が領有権を主張している。");
    CHECK(period.note_in("ru") == "Administered by Russia; claimed by Japan.");
    CHECK(period.title_in("ja") == "ロシアが施政、日本が領有権を主張");
    CHECK(period.title_in("ru") == "Под управлением России; Япония претендует");
    // <note lang="en"> is the English note just as well.
    const auto other = geo::parse_annotations(
        std::string(header) + status_with(R"(<note lang="en">Held.</note>)") + "</atlas>\n",
        "status.xml");
    CHECK(other.islands.at(0).status.at(0).note_in("ru") == "Held.");
}

TEST_CASE("[geo] annotations: a status's notes: plain text and <note lang=en>, no English, a "
          "bad language") {
    CHECK(first_problem(status_with(R"(Held.
        <note lang="en">Held too.</note>)")) ==
          "test.xml:10: <status> has both plain text and a <note lang=\"en\">: the plain text "
          "is the English note; keep one");
    CHECK(first_problem(status_with(R"(<note lang="ru">Под управлением России.</note>)")) ==
          "test.xml:9: <status> has a note but no English one (plain text or <note "
          "lang=\"en\">)");
    CHECK(first_problem(status_with(R"(<title lang="ja">施政</title>)")) ==
          "test.xml:9: <status> has a <title> but no English one (<title lang=\"en\">)");
    CHECK(first_problem(status_with(R"(<title lang="de">Verwaltet</title>)")) ==
          "test.xml:9: <title> lang=\"de\": expected en, ja or ru");
    CHECK(first_problem(status_with(R"(<title lang="en">A</title><title lang="en">B</title>)")) ==
          "test.xml:9: a second <title lang=\"en\"> (one per language; without lang it is "
          "English)");
}

TEST_CASE("[geo] a slide's compact legend: on by default, legend=\"off\" hides it") {
    const auto slide = [](const std::string& attribute) {
        return std::string(R"(  <tours>
    <tour id="t" title="T">
      <slide id="c" date="1944-01-01" )") +
               attribute + R"( center="147,44" zoom="1" sources="s1"><title>C</title></slide>
    </tour>
  </tours>
)";
    };
    const auto read = [&](const std::string& attribute) {
        return geo::parse_annotations(std::string(header) + slide(attribute) + "</atlas>\n",
                                      "legend.xml")
            .tours[0]
            .slides[0]
            .legend;
    };
    CHECK(read(""));
    CHECK(read("legend=\"on\""));
    CHECK_FALSE(read("legend=\"off\""));
    CHECK(first_problem(slide("legend=\"no\"")) ==
          "test.xml:8: <slide id=\"c\"> legend=\"no\": expected on or off");
}
