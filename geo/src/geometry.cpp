#include "geo/geometry.hpp"

namespace geo {

std::size_t vertex_count(const Polygon& polygon) {
    std::size_t count = 0;
    for (const auto& ring : polygon.rings) {
        count += ring.size();
    }
    return count;
}

std::size_t vertex_count(const std::vector<Polygon>& polygons) {
    std::size_t count = 0;
    for (const auto& polygon : polygons) {
        count += vertex_count(polygon);
    }
    return count;
}

std::size_t vertex_count(const std::vector<LineString>& lines) {
    std::size_t count = 0;
    for (const auto& line : lines) {
        count += line.size();
    }
    return count;
}

} // namespace geo
