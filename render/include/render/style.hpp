// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/party.hpp"
#include "map/symbology.hpp"

#include <SFML/Graphics/Color.hpp>
#include <cstdint>
#include <vector>

namespace kuril::style {

// Okabe-Ito-based colours, safe for the common colour-vision deficiencies. Neither side gets a
// flag colour: Japan is blue, Russia orange, drawn the same way.
//
// The fills are opaque and differ in lightness as well as hue, so they stay apart on a
// greyscale photocopy; Japan's blue is greyed and darkened so that its land never reads as
// water. Figures (sRGB -> CIELAB D65; CVD simulated with Machado et al. 2009 at severity 1.0;
// differences as CIEDE2000):
//
//   pair                              L*1   L*2  | normal  protan  deutan  tritan
//   JP fill vs RU fill                58.5  80.1 |  49.5    45.8    49.5    45.3
//   JP fill vs sea                    58.5  92.0 |  27.2    25.8    28.3    27.8
//   RU fill vs sea                    80.1  92.0 |  31.5    31.5    31.4    32.3
//   JP fill vs land                   58.5  94.8 |  34.3    32.3    35.7    35.8
//   RU fill vs land                   80.1  94.8 |  23.0    23.8    22.4    20.9
//   JP hatch/outline on RU fill       29.4  80.1 |  68.2    66.1    73.2    63.9
//   RU hatch/outline on JP fill       77.5  58.5 |  47.5    48.7    52.6    47.1
//
// (The previous fills, (135,199,232) and (234,184,72) as composited, had L* 77.2 and 77.4:
// the same grey on a photocopy; Japan's sky blue was only 15.8 from the sea.)
inline const sf::Color sea{222, 234, 242};
inline const sf::Color land{243, 240, 230};
inline const sf::Color coast{120, 116, 104};
/// The projector theme (MapState::high_contrast): a projector washes out pale colours, and the
/// sea and land above differ by 3 in L*. Here the sea is a clear blue (L* 86) under near-white
/// land (L* 97.6), both still lighter than either party's fill (58.5, 80.1), and the coast is
/// drawn dark and thicker.
inline const sf::Color sea_projector{190, 217, 238};
inline const sf::Color land_projector{251, 249, 243};
inline const sf::Color coast_projector{20, 20, 20};
inline sf::Color sea_colour(bool high_contrast) {
    return high_contrast ? sea_projector : sea;
}
inline sf::Color land_colour(bool high_contrast) {
    return high_contrast ? land_projector : land;
}
inline const sf::Color graticule{140, 160, 180, 110};
inline const sf::Color text{30, 30, 30};
inline const sf::Color halo{255, 255, 255, 220};
inline const sf::Color panel{255, 255, 255, 235};
inline const sf::Color panel_border{150, 150, 150};
inline const sf::Color accent{0, 114, 178};
/// Names of water (<places> seas, straits, bays): a dark blue-grey, and seas lighter still,
/// as atlases set them apart from the names of land.
inline const sf::Color water_text{45, 80, 115};
inline const sf::Color sea_text{85, 120, 155};
/// The dot of a town or a cape.
inline const sf::Color place_dot{50, 50, 50};

/// Land a party administers: Okabe-Ito blue (0,114,178) greyed for Japan, Okabe-Ito orange
/// (230,159,0) lightened for Russia.
inline sf::Color party_fill(geo::Party party) {
    return party == geo::Party::JP ? sf::Color(100, 145, 185) : sf::Color(236, 193, 97);
}
/// A claim by a party that does not administer the land: the hatching and the outline in the
/// claimant's colour. Japan's is darker than both fills, Russia's lighter than Japan's fill.
inline sf::Color party_hatch(geo::Party party) {
    return party == geo::Party::JP ? sf::Color(0, 70, 130) : sf::Color(250, 178, 35);
}

/// The neutral point of view's "disputed" symbol: a neutral grey, hatched in a darker grey,
/// neither side's colour and no hue at all (the same under every colour-vision deficiency);
/// apart from land (L* 95), Japan's fill (58.5) and Russia's (80.1) by its hatching as well.
inline const sf::Color disputed_fill{200, 200, 200};
inline const sf::Color disputed_hatch{90, 90, 90};

/// The claim hatching in UI pixels (times the UI scale on screen): diagonal lines rising to
/// the right, `hatch_spacing` apart along x, each `hatch_width` wide along x.
inline constexpr float hatch_spacing = 10.f;
inline constexpr float hatch_width = 2.5f;
/// Joint administration: diagonal bands of the co-administrator's fill, half the period.
inline constexpr float stripe_spacing = 24.f;
/// The outline of claimed land in the claimant's colour (UI pixels): keeps the claim visible
/// on an islet too small for the hatching.
inline constexpr float claim_outline_width = 2.f;

inline const sf::Color treaty_line{40, 40, 40};
inline const sf::Color proposal_line{204, 121, 167}; // reddish purple
inline const sf::Color claim_line{0, 90, 160};       // Japan's claim, in Japan's colour
inline const sf::Color control_line{0, 158, 115};    // bluish green
/// The line a declaration implies: a neutral mid grey, neither side's colour. CIEDE2000 (Machado
/// 2009, severity 1.0; the smallest of normal, protan, deutan, tritan): 17.2 from the control
/// line, 18.3 from the treaty line, 19.5 from the claim line, 21.6 from the proposal line, 24.0
/// from Japan's fill, 40.6 from Russia's, 43.5 from land; above the closest pair before it
/// (proposal vs control, 15.9 under deuteranopia). Its dash-dot-dot pattern sets it apart too.
inline const sf::Color implied_line{95, 95, 95};
/// Country borders on land (DCW): thin, grey, dash-dot, under every boundary line, so that
/// they read as background and never as one of the dispute's lines. Width and dash in UI pixels.
inline const sf::Color country_border{128, 128, 128};
inline constexpr float country_border_width = 1.2f;
inline const std::vector<float> country_border_dash{9.f, 3.f, 2.f, 3.f};
/// Maritime zones (thin, dotted or dash-dot): each declaring party's hue (Okabe-Ito blue and
/// orange, as the fills), greyed and darkened so that a zone's limit is not read as a claim line
/// (Japan's claim line is a saturated blue, 2.5 px) nor as land; the same rule for both parties.
inline const sf::Color zone_jp{70, 110, 150};
inline const sf::Color zone_ru{175, 110, 20};
inline const sf::Color highlight{240, 228, 66}; // yellow glow
inline const sf::Color event_marker{213, 94, 0};
/// The measuring tool: a solid magenta line cased in white, unlike any boundary.
inline const sf::Color measure{180, 0, 150};
inline const sf::Color measure_casing{255, 255, 255};

/// A user layer's colour (--layer-style color=#RRGGBB; map/user_layer.hpp's default, #881100,
/// is apart from every colour above, see there), with an alpha.
inline sf::Color user_colour(std::uint32_t rgb, sf::Uint8 alpha = 255) {
    return {static_cast<sf::Uint8>(rgb >> 16 & 0xFF), static_cast<sf::Uint8>(rgb >> 8 & 0xFF),
            static_cast<sf::Uint8>(rgb & 0xFF), alpha};
}
/// The opacity of a user layer's area fill: the land and statuses under it stay readable.
inline constexpr sf::Uint8 user_fill_alpha = 80;
/// The radius of a user layer's point (its dot), in pixels, for a line width and a UI scale.
inline float user_point_radius(double width, double scale) {
    return static_cast<float>((2.5 + width) * scale);
}

/// The locator inset: its land, and the box of what the map shows (filled, and its border
/// `inset_box_border` pixels wide).
inline const sf::Color inset_land{200, 196, 184};
inline const sf::Color inset_box_fill{213, 94, 0, 60};
inline const sf::Color inset_box_edge{213, 94, 0};
inline constexpr float inset_box_border = 1.5f;

/// The colour of a line's role in the symbology table (map/symbology.hpp).
inline sf::Color line_colour(LineRole role) {
    switch (role) {
    case LineRole::treaty:
    case LineRole::treaty_approx:
        return treaty_line;
    case LineRole::proposal:
        return proposal_line;
    case LineRole::claim:
        return claim_line;
    case LineRole::line_of_control:
        return control_line;
    case LineRole::implied:
        return implied_line;
    case LineRole::zone_jp:
        return zone_jp;
    case LineRole::zone_ru:
        return zone_ru;
    }
    return treaty_line;
}

} // namespace kuril::style
