// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/islands.hpp"

namespace geo {

std::map<std::string, std::vector<Polygon>> polygons_by_island(const VectorLayer& land,
                                                               const std::string& attribute) {
    std::map<std::string, std::vector<Polygon>> islands;
    for (const auto& feature : land.features) {
        const std::string& id = feature.attribute(attribute);
        if (id.empty()) {
            continue;
        }
        auto& polygons = islands[id];
        polygons.insert(polygons.end(), feature.polygons.begin(), feature.polygons.end());
    }
    return islands;
}

} // namespace geo
