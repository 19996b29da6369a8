// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/timeline.hpp"

#include <algorithm>
#include <cmath>

namespace kuril {

Timeline::Timeline(std::vector<geo::Date> key_dates, geo::Date first, geo::Date last)
    : first_(first), last_(std::max(first, last)) {
    for (const auto& date : key_dates) {
        if (first_ <= date && date <= last_) {
            key_dates_.push_back(date);
        }
    }
    std::sort(key_dates_.begin(), key_dates_.end());
    key_dates_.erase(std::unique(key_dates_.begin(), key_dates_.end()), key_dates_.end());
}

double Timeline::fraction_of(geo::Date date) const {
    const double span = static_cast<double>(last_.days_since_epoch() - first_.days_since_epoch());
    if (span <= 0) {
        return 0;
    }
    return std::clamp(
        static_cast<double>(date.days_since_epoch() - first_.days_since_epoch()) / span, 0.0, 1.0);
}

geo::Date Timeline::date_at(double fraction) const {
    fraction = std::clamp(fraction, 0.0, 1.0);
    const double span = static_cast<double>(last_.days_since_epoch() - first_.days_since_epoch());
    return geo::Date::from_days_since_epoch(first_.days_since_epoch() +
                                            static_cast<long long>(std::llround(span * fraction)));
}

geo::Date Timeline::next_key_date(geo::Date date) const {
    const auto it = std::upper_bound(key_dates_.begin(), key_dates_.end(), date);
    return it == key_dates_.end() ? std::max(date, last_) : *it;
}

geo::Date Timeline::previous_key_date(geo::Date date) const {
    auto it = std::lower_bound(key_dates_.begin(), key_dates_.end(), date);
    if (it == key_dates_.begin()) {
        return std::min(date, first_);
    }
    return *std::prev(it);
}

} // namespace kuril
