// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/date.hpp"
#include "map/map_state.hpp"
#include "map/name_search.hpp"
#include "map/playback_plan.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kuril {

/// The search box (/): what has been typed, the islands and places whose names contain it, and
/// the one chosen with the arrow keys (Enter flies there).
struct NameSearch {
    std::string query;
    std::vector<NameMatch> matches;
    std::size_t chosen = 0;
};

/// The layer prompt (O): a file's path being typed, and what Tab last offered.
struct LayerPrompt {
    std::string path;
    std::vector<std::string> candidates;
    bool opening_key_pending = true; ///< the 'o' that opened it arrives as text: not typed
};

/// Two moments compared (S cycles off, side by side, swipe): two maps with one view (the same
/// centre and scale however either is panned or zoomed), each with its own date.
enum class CompareMode { off, side_by_side, swipe };

/// The compare view. The controller's MapState is the half with focus (the one the timeline,
/// the date keys and the layer keys change); `other` is the other half's whole state.
struct CompareView {
    CompareMode mode = CompareMode::off;
    MapState other;
    bool focus_right = false;        ///< the half with focus is the right one
    double divider = 0.5;            ///< swipe: where the divider is, a fraction of the width
    float window_width = 0;          ///< the window's, for fitting a half's view before it is drawn
    bool layers_shown_before = true; ///< the layers panel, shown before comparing
};

/// History playing along the timeline (P or the play button): the plan and how far into it.
struct Playback {
    PlaybackPlan plan;
    double elapsed = 0;                       ///< seconds since the plan started
    std::optional<std::size_t> caption_shown; ///< the stop whose step was last captioned
};

/// The viewer's own state beside the map's.
struct UiState {
    bool show_help = false;
    bool show_layers = true;
    std::optional<geo::Date> hover_key_date; ///< the key date's tick under the pointer
    std::optional<std::string> typed_date;   ///< a date being typed (G), until Enter or Esc
    std::optional<NameSearch> search;        ///< the search box is open (/), until Enter or Esc
    std::optional<LayerPrompt> layer_prompt; ///< the layer prompt is open (O), until Enter or Esc
    bool presenting = false; ///< a tour: no timeline, the slide's title and caption instead
    bool measuring = false;
    float info_scroll = 0; ///< how far the info panel is scrolled (pixels; the layout clamps it)
    std::string caption;   ///< one line over the timeline after a step
    double caption_alpha = 0.0;        ///< fades out
    std::vector<std::string> messages; ///< errors and notices, shown until dismissed
    std::string notice;                ///< a transient line (e.g. where an export went)
    double notice_alpha = 0.0;
    CompareView compare;
    std::optional<Playback> playback; ///< playing, until the end, P, or a date chosen
    double play_speed = 4;            ///< years a second between key dates (, and .)
};

} // namespace kuril
