// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Playing history: the timeline run from one date to another, pausing at each key date. Pure
// timing, shared by the viewer's play button and `export --animate` / `--frames`, tested
// without a window.

#include "geo/date.hpp"
#include "map/map_frame.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace kuril {

struct PlaybackSettings {
    double years_per_second = 4; ///< how fast the date runs between key dates
    double hold_seconds = 2.0;   ///< the pause at each key date
    /// At a key date the map crossfades from the day before to the key date in this time (the
    /// viewer, which does not blend, shows the key date at once).
    double fade_seconds = 0.5;
    /// After the pause, the key date's caption stays this long while the date runs on, fading
    /// (cut short by the next key date).
    double caption_linger_seconds = 1.5;
    /// A key date on the first day of the range is held too (not when the viewer restarts the
    /// plan at another speed from where it stands).
    bool hold_at_start = true;
};

/// What is shown at one moment of the sequence.
struct PlaybackSample {
    geo::Date date; ///< the date the map shows
    /// While a key date fades in: the day before it, shown with weight 1 - mix.
    geo::Date fade_from;
    double mix = 1.0; ///< 1: `date` alone
    /// The key date (index into PlaybackPlan::stops()) whose caption is up, and how opaque it
    /// is (0 to 1).
    std::optional<std::size_t> caption;
    double caption_alpha = 0.0;
    bool holding = false;  ///< paused at a key date (fading in or held)
    bool finished = false; ///< at or past the end
};

/// Range checks for the callers that take a range from the user: throws geo::InputError
/// naming `option` for a reversed or empty range or one outside first..last.
void check_playback_range(const char* option, geo::Date from, geo::Date to, geo::Date first,
                          geo::Date last);

/// The sequence: from `from`, the date runs at years_per_second to each key date in
/// (from, to] (and `from` itself with hold_at_start), fades in, holds, runs on, and ends on
/// `to`. Key dates outside the range are ignored.
class PlaybackPlan {
public:
    PlaybackPlan(const std::vector<geo::Date>& key_dates, geo::Date from, geo::Date to,
                 PlaybackSettings settings = {});

    geo::Date from() const { return from_; }
    geo::Date to() const { return to_; }
    const PlaybackSettings& settings() const { return settings_; }
    /// The key dates held, in order.
    const std::vector<geo::Date>& stops() const { return stops_; }
    /// When the fade of each stop starts (seconds from the start).
    double stop_start(std::size_t stop) const { return segments_.at(stop).fade_start; }
    double duration() const { return duration_; }

    PlaybackSample at(double seconds) const;

    /// Frames of a film of the sequence at `fps`: one per 1/fps seconds from 0, the last at or
    /// before the end, plus the end itself: floor(duration * fps) + 1.
    std::size_t frame_count(double fps) const;
    /// The time of frame `index` (0-based): index / fps, the last one at the end.
    double frame_time(std::size_t index, double fps) const;

private:
    /// Travel from `travel_from` (the previous stop or the start) to the stop, its fade and
    /// hold.
    struct Segment {
        geo::Date travel_from;
        double travel_start = 0;
        double fade_start = 0;
        double hold_start = 0;
        double hold_end = 0;
    };

    geo::Date from_;
    geo::Date to_;
    PlaybackSettings settings_;
    std::vector<geo::Date> stops_;
    std::vector<Segment> segments_;
    double final_travel_start_ = 0;
    double duration_ = 0;
};

/// The caption of a key date as history plays (the viewer's and the films'): the step's caption
/// from the day before (summarize_step), or, where no status or line changed, what the record
/// names for that day ("1925: Soviet–Japanese Basic Convention — no change in status"), or
/// nothing when it names nothing.
std::string playback_caption(const MapFrame& day_before, const MapFrame& key_date);

/// The speeds the viewer steps through (years per second), slowest first, and the next one
/// slower or faster than `current` (clamped at the ends).
const std::vector<double>& playback_speeds();
double slower_playback_speed(double current);
double faster_playback_speed(double current);

} // namespace kuril
