// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/annotations.hpp"
#include "geo/date.hpp"
#include "geo/dated_line.hpp"
#include "geo/party.hpp"
#include "geo/vector_source.hpp"

#include <optional>
#include <string>
#include <vector>

namespace geo {

/// What a boundary line is. `implied` is a line a document implies without drawing it (the
/// 1956 Joint Declaration's transfer of Habomai and Shikotan): never a treaty border.
enum class LineKind { treaty, proposal, claim, line_of_control, implied };

std::string_view line_kind_name(LineKind kind);

/// One feature of the boundaries layer: a treaty line, proposal, claim, line of control or implied
/// line, with
/// the half-open period [valid_from, valid_to) it held. A line id may have several parts with
/// their own periods (the 1875 line: First Kuril Strait until 1945, La Pérouse until 1905).
struct BoundaryLine : DatedLine {
    LineKind kind = LineKind::treaty;
};

/// Reads boundary lines from a loaded line layer, checking each attribute. Throws InputError
/// naming the file and feature.
std::vector<BoundaryLine> boundary_lines_from_layer(const VectorLayer& layer);

/// Who administered and who claimed an island on a date, and on what authority.
struct IslandStatus {
    std::string island_id;
    Date date;
    bool known = false; ///< false before the first recorded period (before 1855)
    std::vector<Party> administered_by;
    std::vector<Party> claimed_by;
    std::vector<std::string> sources;
    std::string note; ///< in English: the period's note, or why no status is known
    Texts titles;     ///< the period's headline by language (may be empty)
    Texts notes;      ///< the period's note by language (English: `note`)
    std::optional<Date> period_from;
    std::optional<Date> period_to;
};

/// The time model: answers "what held on date D" from the annotations and boundary lines.
class History {
public:
    History(const Annotations& annotations, std::vector<BoundaryLine> lines);

    const std::vector<BoundaryLine>& lines() const { return lines_; }

    /// The line parts in force on a date.
    std::vector<const BoundaryLine*> lines_in_force(Date date) const;
    /// The distinct ids of the lines in force on a date, in file order.
    std::vector<std::string> line_ids_in_force(Date date) const;

    /// Throws InputError for an unknown island id.
    IslandStatus island_status(std::string_view island_id, Date date) const;

    /// Every date on which a line or a status changed, and every event's first day, sorted.
    std::vector<Date> key_dates() const;

    /// Events whose dates overlap [first, last].
    std::vector<const Event*> events_between(Date first, Date last) const;

private:
    const Annotations* annotations_;
    std::vector<BoundaryLine> lines_;
};

} // namespace geo
