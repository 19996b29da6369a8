// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The readers of the annotations' elements, one family per file; each appends what it reads
// to XmlReader::out and its problems to XmlReader::errors.

#include "annotations/xml_reader.hpp"

namespace geo::detail {

void read_layer(XmlReader& r, const XMLElement* e);  // layers.cpp
void read_source(XmlReader& r, const XMLElement* e); // layers.cpp
void read_island(XmlReader& r, const XMLElement* e); // islands.cpp
void read_line(XmlReader& r, const XMLElement* e);   // lines.cpp
void read_zone(XmlReader& r, const XMLElement* e);   // lines.cpp: <zone>, as <line>
void read_event(XmlReader& r, const XMLElement* e);  // events.cpp
void read_tour(XmlReader& r, const XMLElement* e);   // tours.cpp
void read_place(XmlReader& r, const XMLElement* e);  // places.cpp
void read_pov(XmlReader& r, const XMLElement* e);    // points_of_view.cpp
/// Reports what points of view and slides refer to that is not defined: islands, lines, points
/// of view.
void check_points_of_view(XmlReader& r); // points_of_view.cpp

/// Sorts the island's status periods by start and reports those that overlap.
void check_periods(XmlReader& r, Island& island); // references.cpp
/// Reports references to sources and islands that are neither read nor in the base.
void resolve_references(XmlReader& r); // references.cpp
/// part_of chains that come back to where they started (or an island part_of itself).
void check_part_of_cycles(XmlReader& r); // references.cpp

} // namespace geo::detail
