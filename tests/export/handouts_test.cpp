// SPDX-License-Identifier: GPL-3.0-or-later
// Handouts: one image per slide and an index naming each, or one line for an unknown tour.
#include "drawing_fixture.hpp"
#include "export/handouts.hpp"
#include "geo/error.hpp"
#include "id_pattern.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

TEST_CASE("[export] handouts: an image per slide with its side files, each named in index.html") {
    test_drawing::ShippedScene f;
    const fs::path dir = test_paths::scratch("handouts") / "default";
    kuril::ExportOptions options;
    options.out = dir;
    options.width = 320;
    options.height = 200;
    kuril::ExportCanvas canvas;
    std::vector<std::size_t> told;
    const auto result = kuril::export_handouts(
        f.scene, f.font, options, "default", canvas, [&](std::size_t done, std::size_t total) {
            told.push_back(done);
            CHECK(total == f.atlas->annotations.tour("default")->slides.size());
        });
    const geo::Tour& tour = *f.atlas->annotations.tour("default");
    REQUIRE(result.slides == tour.slides.size());
    CHECK(told.size() == tour.slides.size());
    CHECK(told.back() == tour.slides.size());
    CHECK(result.index == dir / "index.html");
    std::ifstream in(result.index);
    std::stringstream html;
    html << in.rdbuf();
    for (std::size_t i = 0; i < tour.slides.size(); ++i) {
        char name[128];
        std::snprintf(name, sizeof name, "slide-%02zu-%s.png", i + 1, tour.slides[i].id.c_str());
        CAPTURE(name);
        CHECK(fs::file_size(dir / name) > 1000);
        CHECK(fs::exists(fs::path(dir / name).replace_extension(".pgw")));
        CHECK(html.str().find(std::string("<img src=\"") + name + "\"") != std::string::npos);
    }
    // Titles and captions are escaped: no raw ampersand outside an entity.
    const std::string text = html.str();
    // The image carries each slide's title, date and caption: the page does not repeat them as
    // text (only as the image's alternative text), and it prints one slide per page.
    const auto escaped = [](std::string plain) {
        for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
                 {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}}) {
            for (auto at = plain.find(from); at != std::string::npos;
                 at = plain.find(from, at + to.size())) {
                plain.replace(at, from.size(), to);
            }
        }
        return plain;
    };
    for (const auto& slide : tour.slides) {
        CAPTURE(slide.title_in("en"));
        const auto first = text.find(escaped(slide.title_in("en")));
        REQUIRE(first != std::string::npos);
        CHECK(text.find(escaped(slide.title_in("en")), first + 1) == std::string::npos);
    }
    CHECK(text.find("<h2>") == std::string::npos);
    CHECK(text.find("@media print") != std::string::npos);
    CHECK(text.find("break-after:page") != std::string::npos);
    for (std::size_t at = text.find('&'); at != std::string::npos; at = text.find('&', at + 1)) {
        CHECK(text.find(';', at) - at <= 6);
    }
    // Each image with its .sources.txt, .pgw, .prj and .aux.xml, the index and handout.pdf.
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) ==
          static_cast<std::ptrdiff_t>(5 * tour.slides.size() + 2));
    CHECK(result.pdf == dir / "handout.pdf");
    CHECK(fs::file_size(result.pdf) > 0);
    // Sources by title, never by id, in the index and beside each image.
    const auto ids = test_ids::internal_ids(f.atlas->annotations);
    CHECK(test_ids::find_id(text, ids).empty());
    CHECK(text.find("Soviet–Japanese Joint Declaration of 1956") != std::string::npos);
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().string().ends_with(".sources.txt")) {
            std::ifstream file(entry.path());
            std::stringstream sources;
            sources << file.rdbuf();
            CAPTURE(entry.path().filename().string());
            CHECK(test_ids::find_id(sources.str(), ids).empty());
        }
    }
}

TEST_CASE("[export] handouts: an unknown tour is one line naming the known ones") {
    test_drawing::ShippedScene f;
    const fs::path dir = test_paths::scratch("handouts_unknown");
    kuril::ExportOptions options;
    options.out = dir / "out";
    kuril::ExportCanvas canvas;
    CHECK_THROWS_WITH_AS(kuril::export_handouts(f.scene, f.font, options, "nowhere", canvas),
                         "unknown tour 'nowhere' (known: default)", geo::InputError);
    CHECK(fs::is_empty(dir));
}

TEST_CASE("[export] handouts: a source not in English says its language, a book its ISBN") {
    test_drawing::ShippedScene f;
    const geo::Annotations tours = geo::parse_annotations(R"(<atlas version="1">
  <sources>
    <source id="own-ru" title="Заявление" publisher="Russia, Ministry of Foreign Affairs"
            date="2022" lang="ru" party="RU" url="https://www.mid.ru/"/>
    <source id="own-book" title="A book" publisher="A press" date="1998" lang="en"
            isbn="978-0-8248-2555-3"/>
  </sources>
  <tours>
    <tour id="own">
      <slide id="one" date="1956-10-19" island="shikotan" sources="own-ru own-book">
        <title>One</title>
      </slide>
    </tour>
  </tours>
</atlas>)",
                                                          "own-tour.xml", &f.atlas->annotations);
    const fs::path dir = test_paths::scratch("handouts_source_languages");
    kuril::ExportOptions options;
    options.out = dir;
    options.width = 160;
    options.height = 100;
    kuril::ExportCanvas canvas;
    const auto result = kuril::export_handouts(f.scene, f.font, options, "own", canvas, {}, &tours);
    std::ifstream in(result.index);
    std::stringstream html;
    html << in.rdbuf();
    CHECK(html.str().find("Заявление (in Russian) (Russia, Ministry of Foreign Affairs, 2022), "
                          "<a href=\"https://www.mid.ru/\">") != std::string::npos);
    CHECK(html.str().find("A book (A press, 1998), ISBN 978-0-8248-2555-3") != std::string::npos);
}

TEST_CASE("[export] handouts in Japanese: each image's title and caption in Japanese, English "
          "where a slide has none") {
    test_drawing::ShippedScene f;
    const geo::Annotations tours =
        geo::load_annotations(test_paths::fixtures() / "languages-tour.xml", &f.atlas->annotations);
    const fs::path dir = test_paths::scratch("handouts_ja") / "languages";
    kuril::ExportOptions options;
    options.out = dir;
    options.width = 320;
    options.height = 200;
    options.text_language = kuril::TextLanguage::ja;
    kuril::ExportCanvas canvas;
    const auto result =
        kuril::export_handouts(f.scene, f.font, options, "languages", canvas, {}, &tours);
    REQUIRE(result.slides == 2);
    std::ifstream in(result.index);
    std::stringstream html;
    html << in.rdbuf();
    const std::string text = html.str();
    // The page is Japanese, and says so: its own words, the image's description and its date.
    CHECK(text.find("<html lang=\"ja\">") != std::string::npos);
    CHECK(text.find("alt=\"1855年：最初の国境 (1855年2月7日). "
                    "日露通好条約（下田条約）により") != std::string::npos);
    CHECK(text.find("<p class=\"slide\">スライド 1/2</p>") != std::string::npos);
    CHECK(text.find("Slide 1 of 2") == std::string::npos);
    CHECK(text.find("alt=\"1956年：日ソ共同宣言") != std::string::npos);
    CHECK(text.find("1855: the first border") == std::string::npos);

    // Russian: the second slide has no Russian notes, but titles and captions in Russian.
    options.text_language = kuril::TextLanguage::ru;
    options.out = test_paths::scratch("handouts_ru") / "languages";
    const auto russian =
        kuril::export_handouts(f.scene, f.font, options, "languages", canvas, {}, &tours);
    std::ifstream ru_in(russian.index);
    std::stringstream ru_html;
    ru_html << ru_in.rdbuf();
    CHECK(ru_html.str().find("<html lang=\"ru\">") != std::string::npos);
    CHECK(ru_html.str().find("alt=\"1956 год: Совместная декларация СССР и Японии") !=
          std::string::npos);
    CHECK(ru_html.str().find("Слайд 2 из 2") != std::string::npos);
}
