// SPDX-License-Identifier: GPL-3.0-or-later
// The "zones" layer through the frame model: off by default, toggled like any layer, in force
// on its dates, in the legend in words (never an id), named along its lines.
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "map/map_frame.hpp"
#include "map/map_state.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace {

struct Scene {
    Scene()
        : atlas(geo::load_atlas(test_paths::shipped() / "annotations.xml")),
          scene(*atlas, projection) {}
    std::unique_ptr<geo::Atlas> atlas;
    geo::Projection projection;
    kuril::MapScene scene;
};

const Scene& shipped() {
    static const Scene scene;
    return scene;
}

kuril::MapFrame frame_on(geo::Date date, bool zones,
                         kuril::TextLanguage text = kuril::TextLanguage::en) {
    kuril::MapState state;
    state.date = date;
    state.text_language = text;
    if (zones) {
        state.toggle(kuril::Layer::zones);
    }
    return kuril::build_frame(shipped().scene, state,
                              kuril::MapView(shipped().scene.world, 1280, 720));
}

std::set<std::string> zone_ids(const kuril::MapFrame& frame) {
    std::set<std::string> ids;
    for (const auto& shown : frame.zones) {
        ids.insert(shown.zone->zone->id);
    }
    return ids;
}

bool legend_has(const kuril::MapFrame& frame, const std::string& label) {
    return std::any_of(frame.legend.begin(), frame.legend.end(),
                       [&](const kuril::LegendItem& item) { return item.label == label; });
}

} // namespace

TEST_CASE("[zones] the layer is named 'zones' and is off unless asked for") {
    CHECK(kuril::layer_from_name("zones") == kuril::Layer::zones);
    CHECK(kuril::layer_name(kuril::Layer::zones) == "zones");
    CHECK_FALSE(kuril::MapState{}.shows(kuril::Layer::zones));
    CHECK_FALSE(kuril::layers_from_names({})[static_cast<std::size_t>(kuril::Layer::zones)]);
    CHECK(kuril::layers_from_names({"zones"})[static_cast<std::size_t>(kuril::Layer::zones)]);
    CHECK(frame_on({1977, 7, 1}, false).zones.empty());
}

TEST_CASE("[zones] toggled on, the zones in force on 1977-07-01 are drawn, with legend rows") {
    const auto frame = frame_on({1977, 7, 1}, true);
    CHECK(zone_ids(frame) == std::set<std::string>{"su-territorial-sea", "jp-territorial-sea",
                                                   "jp-territorial-sea-claim",
                                                   "su-fishing-zone-1977", "jp-fishing-zone-1977"});
    CHECK(legend_has(frame, "Soviet 200-nm fishing zone (1977, approx.)"));
    CHECK(legend_has(frame, "Japan's 200-nm fishing zone (1977, approx.)"));
    CHECK(legend_has(frame, "12-nm territorial sea, USSR/Russia (approx.)"));
    CHECK(legend_has(frame, "12-nm territorial sea, Japan (1977, approx.)"));
    CHECK(legend_has(frame, "Japan's claimed 12-nm sea round the four islands (approx.)"));
    // The two parties' zones are told apart by colour (role), the kinds by dash.
    std::set<kuril::LineRole> roles;
    std::set<std::vector<float>> dashes;
    for (const auto& shown : frame.zones) {
        roles.insert(shown.symbol.role);
        dashes.insert(shown.symbol.dash);
        CHECK(shown.symbol.dashed());
    }
    CHECK(roles == std::set<kuril::LineRole>{kuril::LineRole::zone_jp, kuril::LineRole::zone_ru});
    CHECK(dashes.size() == 2);
    // Their sources are cited.
    for (const char* id : {"worldjpn-19761210", "ev-law-1977-fishing-zone"}) {
        CHECK_MESSAGE(
            std::find(frame.sources.begin(), frame.sources.end(), id) != frame.sources.end(), id);
    }
    // In the reader's language.
    const auto ja = frame_on({1977, 7, 1}, true, kuril::TextLanguage::ja);
    CHECK(legend_has(ja, "ソ連の200海里漁業水域（1977年、概略）"));
}

TEST_CASE("[zones] only the zones in force on the date") {
    CHECK(zone_ids(frame_on({1977, 2, 28}, true)) == std::set<std::string>{"su-territorial-sea"});
    CHECK(zone_ids(frame_on({1977, 3, 1}, true)) ==
          std::set<std::string>{"su-territorial-sea", "su-fishing-zone-1977"});
    CHECK(zone_ids(frame_on({1945, 1, 1}, true)).empty());
    CHECK_FALSE(
        legend_has(frame_on({1977, 2, 28}, true), "Soviet 200-nm fishing zone (1977, approx.)"));
}

TEST_CASE("[zones] no zone id or field value reaches the legend or the labels") {
    const auto frame = frame_on({1977, 7, 1}, true);
    std::vector<std::string> shown;
    for (const auto& item : frame.legend) {
        shown.push_back(item.label);
    }
    std::size_t zone_labels = 0;
    for (const auto& label : frame.labels) {
        shown.push_back(label.text);
        zone_labels += label.key.rfind("zone:", 0) == 0 ? 1 : 0;
    }
    CHECK(zone_labels > 0);
    for (const auto& text : shown) {
        for (const auto& zone : shipped().atlas->zones) {
            CHECK_MESSAGE(text.find(zone.id) == std::string::npos, text);
        }
        for (const char* word : {"territorial_sea", "fishing_zone", "limit", "median"}) {
            CHECK_MESSAGE(text.find(word) == std::string::npos, text);
        }
    }
}
