// SPDX-License-Identifier: GPL-3.0-or-later
// A fixture for the include check: this file must be rejected (it is never compiled).
#include "geo/atlas.hpp"

#include <SFML/Graphics.hpp>
