#include "geo/atlas.hpp"
#include "geo/geodesic.hpp"
#include "geo/islands.hpp"
#include "map/island_report.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>
#include <string>

namespace {

const geo::Atlas& shipped_atlas() {
    static const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    return *atlas;
}

geo::IslandStatus status_on(const std::string& id, geo::Date date) {
    return shipped_atlas().history->island_status(id, date);
}

const geo::Island& island(std::string_view id) {
    const auto* found = shipped_atlas().annotations.island(id);
    REQUIRE(found != nullptr);
    return *found;
}

double area_of(std::string_view id) {
    return geo::geodesic_area_km2(kuril::island_land_lon_lat(shipped_atlas(), island(id)));
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE(
    "[map] island_report: an island's area is the one info computes from the lon/lat polygons") {
    const auto by_island = geo::polygons_by_island(*shipped_atlas().layer("land"));
    for (const auto id : geo::disputed_island_ids) {
        CAPTURE(id);
        const double expected = geo::geodesic_area_km2(by_island.at(std::string(id)));
        CHECK(area_of(id) == doctest::Approx(expected).epsilon(1e-12));
    }
    // The stated figure (mofa-hoppo: 3,167 km² for the main island) within 2%.
    CHECK(area_of("etorofu") == doctest::Approx(3167).epsilon(0.02));
}

TEST_CASE(
    "[map] island_report: members count with their island; a region is its band of the parent") {
    const auto by_island = geo::polygons_by_island(*shipped_atlas().layer("land"));
    CHECK(area_of("simushir") > geo::geodesic_area_km2(by_island.at("simushir")) + 1.0);
    // South and North Sakhalin, cut at 50° N, add up to Sakhalin (the cut edge is a parallel
    // measured as a geodesic: a small difference).
    const double whole = geo::geodesic_area_km2(by_island.at("sakhalin"));
    const double south = area_of("south-sakhalin");
    const double north = area_of("north-sakhalin");
    CHECK(south > 0.3 * whole);
    CHECK(north > 0.3 * whole);
    CHECK(south + north == doctest::Approx(whole).epsilon(0.005));
}

TEST_CASE(
    "[map] island_report: an island's panel: names, area, status on the date, events, sources") {
    const auto report = kuril::island_report(shipped_atlas(), island("etorofu"),
                                             status_on("etorofu", {1956, 10, 19}));
    CHECK(report.title == "Etorofu / Iturup");
    const std::string& body = report.body;
    CHECK(body.rfind("Japanese: 択捉島 (Etorofu-tō)\nRussian: Итуруп (Iturup)\n", 0) == 0);
    char area[64];
    std::snprintf(area, sizeof area, "%.1f", area_of("etorofu"));
    CHECK(contains(body, "\nArea computed (GSHHG, WGS84): " + std::string(area) + " km²\n"));
    CHECK(contains(body, "Area stated by JP: 3167 km² (Main island only.) [mofa-hoppo]\n"));
    CHECK(contains(body, "\nOn 19 October 1956:\nAdministered by "));
    CHECK(contains(body, "Highest point m: Stokap (Стокап) 1634 [epfl-iturup; oceandots-iturup]"));
    CHECK(contains(body, "\nEvents:\n7 February 1855: Treaty of Shimoda\n"));
    CHECK(contains(body, "\nSources:\nbetsukai-4island: "));
    // The status before and after the Soviet occupation differs.
    const auto before = kuril::island_report(shipped_atlas(), island("etorofu"),
                                             status_on("etorofu", {1930, 1, 1}));
    CHECK(contains(before.body, "Administered by Japan\nClaimed by Japan\n"));
    CHECK_FALSE(contains(body, "Administered by Japan\nClaimed by Japan\n"));
}

TEST_CASE("[map] island_report: an event's panel: dates, text, other titles, sources in full") {
    const auto& annotations = shipped_atlas().annotations;
    const geo::Event* shimoda = nullptr;
    for (const auto& event : annotations.events) {
        if (event.id == "shimoda-treaty") {
            shimoda = &event;
        }
    }
    REQUIRE(shimoda != nullptr);
    const auto report = kuril::event_report(annotations, *shimoda);
    CHECK(report.title == "Treaty of Shimoda");
    CHECK(report.body.rfind("7 February 1855 (place approximate)\n\nJapan and Russia sign", 0) ==
          0);
    CHECK(contains(report.body, "\n日露和親条約\nСимодский трактат\n\nSources:\n• "));
    CHECK(contains(report.body, annotations.source("wiki-shimoda")->url + "\n"));
}
