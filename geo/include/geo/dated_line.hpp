// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the dated line layers have in common (shapes/boundaries.shp, shapes/zones.shp): an id and
// part, the half-open period [valid_from, valid_to) the line held, a label, whether it is a
// construction, its sources, and its geometry; and the reader of those attributes.

#include "geo/date.hpp"
#include "geo/error.hpp"
#include "geo/geometry.hpp"
#include "geo/vector_source.hpp"
#include "i18n/message.hpp"

#include <optional>
#include <string>
#include <vector>

namespace geo {

struct DatedLine {
    std::string id;
    std::string part;
    Date valid_from;
    std::optional<Date> valid_to;
    std::string label;
    bool approx = false;
    std::vector<std::string> sources;
    std::vector<LineString> geometry; ///< WGS84 lon/lat

    bool in_force_on(Date date) const {
        return valid_from <= date && (!valid_to || date < *valid_to);
    }
};

/// Reads one feature of a dated line layer. Every problem is an InputError whose message names
/// the file, the feature and its id, and what was expected.
class DatedLineReader {
public:
    DatedLineReader(const VectorLayer& layer, const Feature& feature);

    /// The attribute's value; throws when it is missing or empty.
    const std::string& required(const char* name) const;
    /// An error about this feature: "FILE: feature N (ID): problem", in the reader's language.
    InputError error(const i18n::Message& problem) const;
    /// Fills the common attributes (id, part, dates, label, approx, sources, geometry).
    void read(DatedLine& line) const;

private:
    const VectorLayer& layer_;
    const Feature& feature_;
    std::string fid_;
    std::string id_;
};

} // namespace geo
