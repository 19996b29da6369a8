// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "id_pattern.hpp"
#include "map/playback_plan.hpp"
#include "map/timeline.hpp"
#include "test_paths.hpp"

#include <cmath>
#include <doctest/doctest.h>

namespace {

const std::vector<geo::Date> keys = {
    {1875, 5, 7}, {1855, 2, 7}, {1945, 9, 2}, {1800, 1, 1}, {1960, 1, 1}};

kuril::PlaybackSettings settings() {
    kuril::PlaybackSettings s;
    s.years_per_second = 10;
    s.hold_seconds = 2;
    s.fade_seconds = 0.5;
    s.caption_linger_seconds = 1;
    return s;
}

double travel(geo::Date from, geo::Date to, double years_per_second) {
    return static_cast<double>(to.days_since_epoch() - from.days_since_epoch()) /
           (365.2425 * years_per_second);
}

std::string message_of(geo::Date from, geo::Date to) {
    try {
        kuril::check_playback_range("--animate", from, to, {1850, 1, 1}, {2026, 11, 29});
    } catch (const geo::InputError& error) {
        return error.what();
    }
    return "";
}

} // namespace

TEST_CASE("[map] a playback plan stops at the key dates inside its range, in order") {
    const kuril::PlaybackPlan plan(keys, {1850, 1, 1}, {1950, 1, 1}, settings());
    REQUIRE(plan.stops().size() == 3);
    CHECK(plan.stops()[0] == geo::Date{1855, 2, 7});
    CHECK(plan.stops()[1] == geo::Date{1875, 5, 7});
    CHECK(plan.stops()[2] == geo::Date{1945, 9, 2});
    // The days at 10 years a second, plus a fade and a hold at each stop.
    CHECK(plan.duration() ==
          doctest::Approx(travel({1850, 1, 1}, {1950, 1, 1}, 10) + 3 * (0.5 + 2)));
    CHECK(plan.stop_start(0) == doctest::Approx(travel({1850, 1, 1}, {1855, 2, 7}, 10)));
    CHECK(plan.stop_start(1) == doctest::Approx(travel({1850, 1, 1}, {1875, 5, 7}, 10) + 2.5));
}

TEST_CASE("[map] a playback plan runs the date, fades in and holds each key date with its "
          "caption") {
    const kuril::PlaybackPlan plan(keys, {1850, 1, 1}, {1958, 1, 1}, settings());
    const auto start = plan.at(0);
    CHECK(start.date == geo::Date{1850, 1, 1});
    CHECK_FALSE(start.caption);
    CHECK_FALSE(start.holding);

    const double stop = plan.stop_start(2); // 1945-09-02
    const auto before = plan.at(stop - 0.01);
    CHECK(before.date < geo::Date{1945, 9, 2});
    CHECK(before.date > geo::Date{1945, 7, 1}); // 0.01 s is 36 days at 10 years a second
    CHECK(before.mix == 1.0);

    const auto fading = plan.at(stop + 0.25);
    CHECK(fading.holding);
    CHECK(fading.date == geo::Date{1945, 9, 2});
    CHECK(fading.fade_from == geo::Date{1945, 9, 1});
    CHECK(fading.mix == doctest::Approx(0.5));
    REQUIRE(fading.caption);
    CHECK(*fading.caption == 2);
    CHECK(fading.caption_alpha == doctest::Approx(0.5));

    const auto held = plan.at(stop + 0.5 + 1.9);
    CHECK(held.holding);
    CHECK(held.date == geo::Date{1945, 9, 2});
    CHECK(held.mix == 1.0);
    CHECK(held.fade_from == held.date);
    CHECK(held.caption_alpha == 1.0);

    // After the hold the date runs on and the caption fades out over a second.
    const auto lingering = plan.at(stop + 2.5 + 0.25);
    CHECK_FALSE(lingering.holding);
    CHECK(lingering.date > geo::Date{1945, 9, 2});
    REQUIRE(lingering.caption);
    CHECK(*lingering.caption == 2);
    CHECK(lingering.caption_alpha == doctest::Approx(0.75));
    CHECK_FALSE(plan.at(stop + 2.5 + 1.01).caption);

    const auto end = plan.at(plan.duration());
    CHECK(end.finished);
    CHECK(end.date == geo::Date{1958, 1, 1});
    CHECK(plan.at(plan.duration() + 5).date == geo::Date{1958, 1, 1});
    CHECK_FALSE(plan.at(plan.duration() - 0.01).finished);
}

TEST_CASE("[map] a playback plan's frames never go back and show every key date") {
    const kuril::PlaybackPlan plan(keys, {1850, 1, 1}, {1950, 1, 1}, settings());
    const double fps = 25;
    const std::size_t frames = plan.frame_count(fps);
    CHECK(frames == static_cast<std::size_t>(std::ceil(plan.duration() * fps)) + 1);
    CHECK(plan.frame_time(frames - 1, fps) == plan.duration());
    CHECK(plan.frame_time(frames - 2, fps) < plan.duration());
    geo::Date last = plan.from();
    std::vector<geo::Date> held;
    for (std::size_t i = 0; i < frames; ++i) {
        const auto sample = plan.at(plan.frame_time(i, fps));
        CHECK(sample.date >= last);
        last = sample.date;
        if (sample.holding && (held.empty() || held.back() != sample.date)) {
            held.push_back(sample.date);
        }
    }
    CHECK(held == plan.stops());
    CHECK(last == geo::Date{1950, 1, 1});
}

TEST_CASE("[map] a playback plan starting on a key date holds it first, unless told not to") {
    const kuril::PlaybackPlan held(keys, {1855, 2, 7}, {1900, 1, 1}, settings());
    REQUIRE(held.stops().size() == 2);
    const auto first = held.at(0.1);
    CHECK(first.holding);
    CHECK(first.date == geo::Date{1855, 2, 7});
    CHECK(first.mix == 1.0); // nothing before the first day to fade from
    REQUIRE(first.caption);
    CHECK(*first.caption == 0);

    auto s = settings();
    s.hold_at_start = false;
    const kuril::PlaybackPlan restarted(keys, {1855, 2, 7}, {1900, 1, 1}, s);
    REQUIRE(restarted.stops().size() == 1);
    CHECK(restarted.stops()[0] == geo::Date{1875, 5, 7});
    CHECK_FALSE(restarted.at(0.1).holding);
}

TEST_CASE("[map] a playback range must run forwards inside the timeline") {
    CHECK(message_of({1950, 1, 1}, {1900, 1, 1}) ==
          "--animate 1950-01-01:1900-01-01: the range runs backwards; expected FROM before TO");
    CHECK(message_of({1950, 1, 1}, {1950, 1, 1}) ==
          "--animate 1950-01-01:1950-01-01: FROM and TO are the same day; expected FROM "
          "before TO");
    CHECK(message_of({1800, 1, 1}, {1900, 1, 1}) ==
          "--animate 1800-01-01:1900-01-01: 1800-01-01 is outside the timeline; expected dates "
          "from 1850-01-01 to 2026-11-29 (today)");
    CHECK(message_of({1900, 1, 1}, {2030, 1, 1}) ==
          "--animate 1900-01-01:2030-01-01: 2030-01-01 is outside the timeline; expected dates "
          "from 1850-01-01 to 2026-11-29 (today)");
    CHECK(message_of({1850, 1, 1}, {2026, 11, 29}).empty());
}

TEST_CASE("[map] playback speeds step slower and faster and stop at the ends") {
    CHECK(kuril::faster_playback_speed(4) == 8);
    CHECK(kuril::slower_playback_speed(4) == 2);
    CHECK(kuril::slower_playback_speed(kuril::playback_speeds().front()) ==
          kuril::playback_speeds().front());
    CHECK(kuril::faster_playback_speed(kuril::playback_speeds().back()) ==
          kuril::playback_speeds().back());
    CHECK(kuril::faster_playback_speed(3) == 4); // from a speed between two steps
}

TEST_CASE("[map] each key date played is captioned by what changed, or named, never by id") {
    const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    const geo::Projection projection;
    const kuril::MapScene scene(*atlas, projection);
    const kuril::MapView view(scene.world, 1, 1);
    const auto frame_on = [&](geo::Date date) {
        kuril::MapState state;
        state.date = date;
        return kuril::build_frame(scene, state, view);
    };
    const auto day_before = [](geo::Date date) {
        return geo::Date::from_days_since_epoch(date.days_since_epoch() - 1);
    };
    const std::string occupation =
        kuril::playback_caption(frame_on({1945, 8, 27}), frame_on({1945, 8, 28}));
    CHECK(occupation.rfind("1945", 0) == 0);
    CHECK(occupation.find("Etorofu") != std::string::npos);
    const kuril::Timeline timeline(atlas->history->key_dates());
    const auto ids = test_ids::internal_ids(atlas->annotations);
    for (const geo::Date date : timeline.key_dates()) {
        const std::string caption =
            kuril::playback_caption(frame_on(day_before(date)), frame_on(date));
        CAPTURE(date.iso());
        CAPTURE(caption);
        // A caption that says only that nothing changed is not shown.
        CHECK(caption != std::to_string(date.year) + ": no change in status");
        CHECK(test_ids::find_id(caption, ids).empty());
    }
}
