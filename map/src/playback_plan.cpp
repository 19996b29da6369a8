// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/playback_plan.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "map/names.hpp"
#include "map/step_summary.hpp"

#include <algorithm>
#include <cmath>

namespace kuril {
namespace {

using i18n::N_;

constexpr double days_per_year = 365.2425;

} // namespace

void check_playback_range(const char* option, geo::Date from, geo::Date to, geo::Date first,
                          geo::Date last) {
    if (from == to) {
        throw geo::InputError(
            N_("{option} {from}:{to}: FROM and TO are the same day; expected FROM before TO"),
            {{"option", option}, {"from", from.iso()}, {"to", to.iso()}});
    }
    if (to < from) {
        throw geo::InputError(
            N_("{option} {from}:{to}: the range runs backwards; expected FROM before TO"),
            {{"option", option}, {"from", from.iso()}, {"to", to.iso()}});
    }
    for (const geo::Date date : {from, to}) {
        if (date < first || date > last) {
            throw geo::InputError(N_("{option} {from}:{to}: {date} is outside the timeline; "
                                     "expected dates from {first} to {last} (today)"),
                                  {{"option", option},
                                   {"from", from.iso()},
                                   {"to", to.iso()},
                                   {"date", date.iso()},
                                   {"first", first.iso()},
                                   {"last", last.iso()}});
        }
    }
}

PlaybackPlan::PlaybackPlan(const std::vector<geo::Date>& key_dates, geo::Date from, geo::Date to,
                           PlaybackSettings settings)
    : from_(from), to_(std::max(from, to)), settings_(settings) {
    settings_.years_per_second = std::max(1e-3, settings_.years_per_second);
    settings_.hold_seconds = std::max(0.0, settings_.hold_seconds);
    settings_.fade_seconds = std::max(0.0, settings_.fade_seconds);
    settings_.caption_linger_seconds = std::max(0.0, settings_.caption_linger_seconds);
    std::vector<geo::Date> sorted = key_dates;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    for (const geo::Date date : sorted) {
        if ((from_ < date || (date == from_ && settings_.hold_at_start)) && date <= to_) {
            stops_.push_back(date);
        }
    }
    const double days_per_second = settings_.years_per_second * days_per_year;
    double time = 0;
    geo::Date cursor = from_;
    for (const geo::Date stop : stops_) {
        Segment segment;
        segment.travel_from = cursor;
        segment.travel_start = time;
        time += static_cast<double>(cursor.days_until(stop)) / days_per_second;
        segment.fade_start = time;
        // The first day has no day before it in the sequence: it is held, not faded in.
        time += stop == from_ ? 0.0 : settings_.fade_seconds;
        segment.hold_start = time;
        time += settings_.hold_seconds;
        segment.hold_end = time;
        segments_.push_back(segment);
        cursor = stop;
    }
    final_travel_start_ = time;
    duration_ = time + static_cast<double>(cursor.days_until(to_)) / days_per_second;
}

PlaybackSample PlaybackPlan::at(double seconds) const {
    const double t = std::clamp(seconds, 0.0, duration_);
    const double days_per_second = settings_.years_per_second * days_per_year;
    PlaybackSample sample;
    // The caption of the stop before `index` while it lingers after its hold.
    const auto linger = [&](std::size_t index) {
        if (index == 0 || settings_.caption_linger_seconds <= 0) {
            return;
        }
        const double since = t - segments_[index - 1].hold_end;
        if (since < settings_.caption_linger_seconds) {
            sample.caption = index - 1;
            sample.caption_alpha = 1.0 - since / settings_.caption_linger_seconds;
        }
    };
    const auto it =
        std::upper_bound(segments_.begin(), segments_.end(), t,
                         [](double time, const Segment& s) { return time < s.hold_end; });
    if (it == segments_.end()) {
        const geo::Date start = stops_.empty() ? from_ : stops_.back();
        const auto days =
            static_cast<long long>(std::floor((t - final_travel_start_) * days_per_second));
        sample.date = std::min(to_, start.plus_days(std::max(0LL, days)));
        sample.finished = seconds >= duration_;
        if (sample.finished) {
            sample.date = to_;
        }
        linger(segments_.size());
    } else {
        const auto index = static_cast<std::size_t>(it - segments_.begin());
        const Segment& segment = *it;
        const geo::Date stop = stops_[index];
        if (t < segment.fade_start) {
            const auto days =
                static_cast<long long>(std::floor((t - segment.travel_start) * days_per_second));
            sample.date = std::clamp(segment.travel_from.plus_days(days), segment.travel_from,
                                     stop.plus_days(-1));
            linger(index);
        } else {
            sample.date = stop;
            sample.holding = true;
            sample.caption = index;
            if (t < segment.hold_start) {
                sample.fade_from = stop.plus_days(-1);
                sample.mix = (t - segment.fade_start) / (segment.hold_start - segment.fade_start);
            }
            sample.caption_alpha = sample.mix;
        }
    }
    if (sample.mix >= 1.0) {
        sample.fade_from = sample.date;
    }
    return sample;
}

std::size_t PlaybackPlan::frame_count(double fps) const {
    // Frames every 1/fps seconds, and the last day itself at the end.
    return static_cast<std::size_t>(std::ceil(duration_ * fps - 1e-9)) + 1;
}

double PlaybackPlan::frame_time(std::size_t index, double fps) const {
    return std::min(duration_, static_cast<double>(index) / fps);
}

std::string playback_caption(const MapFrame& day_before, const MapFrame& key_date) {
    const StepSummary step = summarize_step(day_before, key_date);
    if (!step.changed_islands.empty() || !step.changed_lines.empty()) {
        return step.caption;
    }
    const geo::Date date = key_date.state.date;
    const std::string name =
        key_date_name(key_date.scene->atlas->annotations, *key_date.scene->atlas->history, date,
                      text_language_code(key_date.state.text_language));
    return name.empty() ? std::string()
                        : std::to_string(date.year) + ": " + name + " — no change in status";
}

const std::vector<double>& playback_speeds() {
    static const std::vector<double> speeds = {0.25, 0.5, 1, 2, 4, 8, 16, 32};
    return speeds;
}

double slower_playback_speed(double current) {
    const auto& speeds = playback_speeds();
    const auto it = std::lower_bound(speeds.begin(), speeds.end(), current);
    return it == speeds.begin() ? speeds.front() : *std::prev(it);
}

double faster_playback_speed(double current) {
    const auto& speeds = playback_speeds();
    const auto it = std::upper_bound(speeds.begin(), speeds.end(), current);
    return it == speeds.end() ? speeds.back() : *it;
}

} // namespace kuril
