// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/atlas.hpp"
#include "map/names.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>
#include <memory>
#include <stdexcept>

namespace {

const geo::Atlas& shipped_atlas() {
    static const std::unique_ptr<geo::Atlas> atlas =
        geo::load_atlas(test_paths::shipped() / "annotations.xml");
    return *atlas;
}

const geo::BoundaryLine& shipped_line(const std::string& id) {
    for (const auto& line : shipped_atlas().history->lines()) {
        if (line.id == id) {
            return line;
        }
    }
    throw std::logic_error("the shipped data has no line " + id);
}

} // namespace

TEST_CASE("[map] a line's name comes from annotations.xml in the chosen language") {
    const auto& annotations = shipped_atlas().annotations;
    const auto& portsmouth = shipped_line("portsmouth-1905");
    CHECK(kuril::line_name(annotations, portsmouth, kuril::LabelLanguage::en) ==
          "Treaty of Portsmouth border, 50th parallel (1905)");
    CHECK(kuril::line_name(annotations, portsmouth, kuril::LabelLanguage::ja) ==
          "ポーツマス条約の国境線（北緯50度線、1905年）");
    CHECK(kuril::line_name(annotations, portsmouth, kuril::LabelLanguage::en_ru) ==
          "Treaty of Portsmouth border, 50th parallel (1905)\n"
          "Граница по Портсмутскому договору, 50-я параллель (1905)");
}

TEST_CASE("[map] a constructed line's name says it is approximate, once, in its language") {
    const auto& annotations = shipped_atlas().annotations;
    const auto& implied = shipped_line("joint-declaration-1956");
    REQUIRE(implied.approx);
    CHECK(kuril::line_name(annotations, implied, kuril::LabelLanguage::en) ==
          "Line implied by the 1956 Joint Declaration (approx.)");
    // The Japanese and Russian names already say so.
    CHECK(kuril::line_name(annotations, implied, kuril::LabelLanguage::ja) ==
          "日ソ共同宣言から想定される線（1956年、概略）");
    CHECK(kuril::line_name(annotations, implied, kuril::LabelLanguage::ru) ==
          "Линия, подразумеваемая Совместной декларацией 1956 г. (приблизительно)");
    CHECK(kuril::line_name(annotations, shipped_line("line-of-control"),
                           kuril::LabelLanguage::ja) == "実効支配線（概略）");
}

TEST_CASE("[map] every shipped line has a name in every language, never its id") {
    const auto& annotations = shipped_atlas().annotations;
    for (const auto& line : shipped_atlas().history->lines()) {
        for (const auto language :
             {kuril::LabelLanguage::en, kuril::LabelLanguage::ja, kuril::LabelLanguage::ru}) {
            const std::string name = kuril::line_name(annotations, line, language);
            CAPTURE(line.id);
            CHECK(!name.empty());
            CHECK(name.find(line.id) == std::string::npos);
        }
    }
}

TEST_CASE("[map] a line without an annotations entry keeps the layer's label") {
    geo::Annotations empty;
    geo::BoundaryLine line;
    line.id = "somewhere";
    line.label = "Some line (approx.)";
    line.approx = true;
    CHECK(kuril::line_name(empty, line, kuril::LabelLanguage::ja) == "Some line (approx.)");
}
