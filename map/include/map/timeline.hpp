// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/date.hpp"

#include <vector>

namespace kuril {

/// The time axis along the bottom of the window: 1850 to today, with key dates to step
/// between. Pure arithmetic, tested without a window.
class Timeline {
public:
    Timeline(std::vector<geo::Date> key_dates, geo::Date first = {1850, 1, 1},
             geo::Date last = geo::Date::today());

    geo::Date first() const { return first_; }
    geo::Date last() const { return last_; }
    const std::vector<geo::Date>& key_dates() const { return key_dates_; }

    /// Position (0..1) of a date along the axis, and back.
    double fraction_of(geo::Date date) const;
    geo::Date date_at(double fraction) const;

    /// The next / previous key date strictly after / before `date`, clamped to the ends.
    geo::Date next_key_date(geo::Date date) const;
    geo::Date previous_key_date(geo::Date date) const;

private:
    std::vector<geo::Date> key_dates_;
    geo::Date first_;
    geo::Date last_;
};

} // namespace kuril
