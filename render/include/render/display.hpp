#pragma once

namespace kuril {

/// SFML aborts (uncatchably) when it cannot open an X display, so check first. Throws
/// geo::InputError with one line saying what is missing.
void require_display();

} // namespace kuril
