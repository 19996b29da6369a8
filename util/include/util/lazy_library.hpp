// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Libraries loaded on their first use. GDAL and FFmpeg's libraries are needed for a user's own
// layers, GeoTIFF, GeoPDF and GIS exports, and films, never to show the shipped map; loaded
// with the program they and the ~140 libraries they need cost ~55 ms before main, and slow the
// OpenGL driver's own loading after it. The build links stubs in their place (cmake/
// make-lazy-stubs.sh): the first call of any of a library's functions loads it. Where the
// build links a library directly (KURIL_LAZY_LOAD off), these functions see it as loaded.

#include <string_view>

namespace kuril::lazy {

/// Runs `hook` once right after the library is loaded ("gdal", "avcodec", ...: the name the
/// build gave it), before the call that loaded it goes on; at once when the library is already
/// loaded or linked directly. The hook may call the library. One hook per library.
void on_load(std::string_view name, void (*hook)());

/// Whether the library is loaded in this process (true when linked directly).
bool loaded(std::string_view name);

} // namespace kuril::lazy
