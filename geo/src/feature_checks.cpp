// SPDX-License-Identifier: GPL-3.0-or-later
#include "feature_checks.hpp"

#include "geo/geometry.hpp"
#include "i18n/translate.hpp"

#include <cmath>
#include <future>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace geo::detail {

using i18n::N_;

std::optional<i18n::Message> bad_vertex(const Feature& feature, bool in_degrees, bool in_wgs84) {
    auto bad = [&](const Point& p) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            return true;
        }
        return in_degrees && (p.x < -360 || p.x > 360 || p.y < -90 - 1e-9 || p.y > 90 + 1e-9);
    };
    auto words = [&](const Point& p) {
        const auto number = [](double value) {
            std::ostringstream out;
            out << value;
            return out.str();
        };
        const bool finite = std::isfinite(p.x) && std::isfinite(p.y);
        const char* pattern =
            !finite    ? (in_wgs84 ? N_("vertex ({x}, {y}) is not finite in WGS 84")
                                   : N_("vertex ({x}, {y}) is not finite"))
            : in_wgs84 ? N_("vertex ({x}, {y}) is out of range (longitude -360 to 360, latitude "
                            "-90 to 90) in WGS 84")
                       : N_("vertex ({x}, {y}) is out of range (longitude -360 to 360, latitude "
                            "-90 to 90)");
        return i18n::Message(pattern, {{"x", number(p.x)}, {"y", number(p.y)}});
    };
    for (const auto& polygon : feature.polygons) {
        for (const auto& ring : polygon.rings) {
            for (const auto& p : ring) {
                if (bad(p)) {
                    return words(p);
                }
            }
        }
    }
    for (const auto& line : feature.lines) {
        for (const auto& p : line) {
            if (bad(p)) {
                return words(p);
            }
        }
    }
    for (const auto& p : feature.points) {
        if (bad(p)) {
            return words(p);
        }
    }
    return std::nullopt;
}

Diagnostic feature_problem(const fs::path& path, long long fid, const i18n::Message& problem) {
    const std::string id = std::to_string(fid);
    return {path, 0,
            i18n::Message(N_("{file}: feature {fid}: {problem}"),
                          {{"file", path.string()}, {"fid", id}, {"problem", problem}}),
            id};
}

Diagnostic feature_warning(const fs::path& path, long long fid, const char* pattern,
                           std::string_view reason) {
    const std::string id = std::to_string(fid);
    return {path, 0, i18n::Message(pattern, {{"fid", id}, {"reason", reason}}), id};
}

std::vector<char> certainly_valid_features(const std::vector<Feature>& features,
                                           const std::vector<std::size_t>& picked) {
    std::vector<char> certain(picked.size(), 0);
    std::size_t total = 0;
    for (const std::size_t index : picked) {
        total += vertex_count(features[index].polygons);
    }
    std::size_t split = 0;
    for (std::size_t seen = 0; split < picked.size() && seen * 2 < total; ++split) {
        seen += vertex_count(features[picked[split]].polygons);
    }
    const auto check = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            certain[i] = certainly_valid(features[picked[i]].polygons) ? 1 : 0;
        }
    };
    auto first_part = std::async(std::launch::async, check, std::size_t{0}, split);
    check(split, picked.size());
    first_part.get();
    return certain;
}

} // namespace geo::detail
