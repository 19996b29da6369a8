#pragma once

#include "geo/party.hpp"
#include "map/symbology.hpp"

#include <SFML/Graphics/Color.hpp>

namespace kuril::style {

// Okabe-Ito colours, safe for the common colour-vision deficiencies. Neither side gets a
// flag colour: Japan is blue, Russia orange, drawn the same way.
inline const sf::Color sea{222, 234, 242};
inline const sf::Color land{243, 240, 230};
inline const sf::Color coast{120, 116, 104};
inline const sf::Color graticule{140, 160, 180, 110};
inline const sf::Color text{30, 30, 30};
inline const sf::Color halo{255, 255, 255, 220};
inline const sf::Color panel{255, 255, 255, 235};
inline const sf::Color panel_border{150, 150, 150};
inline const sf::Color accent{0, 114, 178};

inline sf::Color party_fill(geo::Party party) {
    return party == geo::Party::JP ? sf::Color(86, 180, 233, 175) : sf::Color(230, 159, 0, 175);
}
inline sf::Color party_hatch(geo::Party party) {
    return party == geo::Party::JP ? sf::Color(0, 90, 160, 230) : sf::Color(170, 90, 0, 230);
}

inline const sf::Color treaty_line{40, 40, 40};
inline const sf::Color proposal_line{204, 121, 167}; // reddish purple
inline const sf::Color claim_line{0, 90, 160};       // Japan's claim, in Japan's colour
inline const sf::Color control_line{0, 158, 115};    // bluish green
inline const sf::Color highlight{240, 228, 66};      // yellow glow
inline const sf::Color event_marker{213, 94, 0};
inline const sf::Color measure{0, 0, 0};

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
    }
    return treaty_line;
}

} // namespace kuril::style
