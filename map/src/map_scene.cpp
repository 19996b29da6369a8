// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/map_scene.hpp"

#include "geo/error.hpp"
#include "geo/islands.hpp"
#include "i18n/translate.hpp"
#include "util/work_queue.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <future>
#include <latch>
#include <memory>
#include <optional>
#include <set>

namespace kuril {
namespace {

/// Clips lon/lat polygons to a latitude band (South Sakhalin: below 50° N).
std::vector<geo::Polygon> clip_to_band(const std::vector<geo::Polygon>& polygons,
                                       std::optional<double> lat_min,
                                       std::optional<double> lat_max) {
    return geo::clip_to_latitude_band(polygons, lat_min.value_or(-90.0), lat_max.value_or(90.0));
}

/// Projected polygons without what lies beyond the projection's horizon: non-finite vertices
/// are dropped, then rings left with fewer than 3 vertices; a polygon whose outer ring goes,
/// goes with its holes.
std::vector<geo::Polygon> visible_polygons(std::vector<geo::Polygon> polygons) {
    std::vector<geo::Polygon> out;
    out.reserve(polygons.size());
    for (auto& polygon : polygons) {
        geo::Polygon kept;
        for (const auto& ring : polygon.rings) {
            geo::Ring finite = finite_vertices(ring);
            if (finite.size() >= 3) {
                kept.rings.push_back(std::move(finite));
            } else if (kept.rings.empty()) {
                break; // the outer ring is not visible
            }
        }
        if (!kept.rings.empty()) {
            out.push_back(std::move(kept));
        }
    }
    return out;
}

/// A projected line split where it passes beyond the horizon: the finite stretches of 2 or
/// more points.
std::vector<std::vector<geo::Point>> visible_stretches(const std::vector<geo::Point>& line) {
    std::vector<std::vector<geo::Point>> out;
    std::vector<geo::Point> stretch;
    for (const auto& p : line) {
        if (is_finite(p)) {
            stretch.push_back(p);
            continue;
        }
        if (stretch.size() >= 2) {
            out.push_back(std::move(stretch));
        }
        stretch.clear();
    }
    if (stretch.size() >= 2) {
        out.push_back(std::move(stretch));
    }
    return out;
}

void extend(geo::Box& box, geo::Point p) {
    box = {std::min(box.min_x, p.x), std::min(box.min_y, p.y), std::max(box.max_x, p.x),
           std::max(box.max_y, p.y)};
}

/// The lon/lat box of a layer's polygon vertices.
geo::Box lonlat_extent(const geo::VectorLayer& layer) {
    geo::Box box{1e300, 1e300, -1e300, -1e300};
    for (const auto& feature : layer.features) {
        for (const auto& polygon : feature.polygons) {
            for (const auto& ring : polygon.rings) {
                for (const auto& p : ring) {
                    extend(box, p);
                }
            }
        }
    }
    return box;
}

/// A box in north-up metres inside a lon/lat box projected (its edges curve and lean in a
/// conic projection: meridians converge northwards, parallels sag in the middle), as large as
/// a 16:9 view can use: the edges are sampled densely; for each pair of bottom and top (on a
/// grid), the box spans the widest range about the central meridian that no edge point within
/// those heights enters. Shrunk by 0.5% on each side so that a coast stroke on an edge stays
/// out of a view that touches the box. nullopt when an edge point is beyond the horizon or
/// nothing fits.
std::shared_ptr<const ViewLimits> data_limits(const geo::Box& lonlat, const geo::Projection& proj) {
    constexpr int samples = 400;
    std::vector<geo::Point> edge;
    edge.reserve(4 * (samples + 1));
    for (int i = 0; i <= samples; ++i) {
        const double t = static_cast<double>(i) / samples;
        const double lon = lonlat.min_x + (lonlat.max_x - lonlat.min_x) * t;
        const double lat = lonlat.min_y + (lonlat.max_y - lonlat.min_y) * t;
        for (const geo::Point p : {geo::Point{lonlat.min_x, lat}, geo::Point{lonlat.max_x, lat},
                                   geo::Point{lon, lonlat.min_y}, geo::Point{lon, lonlat.max_y}}) {
            edge.push_back(p);
        }
    }
    proj.forward_in_place(edge); // at once: a call a point costs PROJ's set-up each time
    if (!std::all_of(edge.begin(), edge.end(), is_finite)) {
        return nullptr;
    }
    // The vertical through the middle of the box: its bottom and top are the highest and lowest
    // heights the box can have.
    const double mid_lon = (lonlat.min_x + lonlat.max_x) / 2;
    const double centre_x = proj.forward({mid_lon, (lonlat.min_y + lonlat.max_y) / 2}).x;
    double low = -1e300;
    double high = 1e300;
    {
        // Where the vertical x = centre_x crosses the south and north edges (their samples
        // nearest in x).
        double best_south = 1e300;
        double best_north = 1e300;
        for (int i = 0; i <= samples; ++i) {
            const geo::Point s = edge[static_cast<std::size_t>(4 * i + 2)];
            const geo::Point n = edge[static_cast<std::size_t>(4 * i + 3)];
            if (std::abs(s.x - centre_x) < best_south) {
                best_south = std::abs(s.x - centre_x);
                low = s.y;
            }
            if (std::abs(n.x - centre_x) < best_north) {
                best_north = std::abs(n.x - centre_x);
                high = n.y;
            }
        }
    }
    if (!(low < high)) {
        return nullptr;
    }
    constexpr int steps = 60;
    std::optional<geo::Box> best;
    double best_fit = 0;
    for (int b = 0; b < steps; ++b) {
        const double y0 = low + (high - low) * b / steps;
        for (int t = b + 1; t <= steps; ++t) {
            const double y1 = low + (high - low) * t / steps;
            double x0 = -1e300;
            double x1 = 1e300;
            for (const geo::Point& p : edge) {
                if (p.y > y0 && p.y < y1) {
                    if (p.x <= centre_x) {
                        x0 = std::max(x0, p.x);
                    } else {
                        x1 = std::min(x1, p.x);
                    }
                }
            }
            if (!(x0 < centre_x && centre_x < x1)) {
                continue;
            }
            // The widest 16:9 view this box holds.
            const double fit = std::min((x1 - x0) / 16, (y1 - y0) / 9);
            if (fit > best_fit) {
                best_fit = fit;
                best = geo::Box{x0, y0, x1, y1};
            }
        }
    }
    if (!best) {
        return nullptr;
    }
    auto limits = std::make_shared<ViewLimits>();
    limits->min_units_per_pixel = 2.0 / proj.metres_per_unit(); // 2 m, in degrees for EPSG:4326
    const double margin_x = (best->max_x - best->min_x) * 0.01;
    const double margin_y = (best->max_y - best->min_y) * 0.01;
    limits->inner = {best->min_x + margin_x, best->min_y + margin_y, best->max_x - margin_x,
                     best->max_y - margin_y};
    // The edge as one ring: south west to east, east south to north, north east to west, west
    // north to south.
    const auto side = [&](int which, bool reverse) {
        for (int k = 0; k <= samples; ++k) {
            const int i = reverse ? samples - k : k;
            limits->outline.push_back(edge[static_cast<std::size_t>(4 * i + which)]);
        }
    };
    side(2, false);
    side(1, false);
    side(3, true);
    side(0, true);
    return limits;
}

/// The polygons of a country (field `iso`) in the countries layer.
std::vector<geo::Polygon> country_polygons(const geo::Atlas& atlas, const std::string& iso) {
    std::vector<geo::Polygon> out;
    if (const auto* layer = atlas.layer("countries")) {
        for (const auto& feature : layer->features) {
            if (feature.attribute("iso") == iso) {
                out.insert(out.end(), feature.polygons.begin(), feature.polygons.end());
            }
        }
    }
    return out;
}

} // namespace

namespace {

/// A lon/lat line densified (every 0.05°, so that it curves as it should), projected, in the
/// stretches that are in front of the projection's horizon.
std::vector<std::vector<geo::Point>> projected_stretches(const std::vector<geo::Point>& part,
                                                         const geo::Projection& projection) {
    auto dense = densify(part, 0.05);
    projection.forward_in_place(dense);
    return visible_stretches(dense);
}

} // namespace

std::vector<geo::Polygon> project_polygons(const std::vector<geo::Polygon>& polygons,
                                           const geo::Projection& projection) {
    std::vector<geo::Polygon> out = polygons;
    for (auto& polygon : out) {
        for (auto& ring : polygon.rings) {
            projection.forward_in_place(ring);
        }
    }
    return visible_polygons(std::move(out));
}

std::vector<geo::Point> densify(const std::vector<geo::Point>& line, double step_deg) {
    std::vector<geo::Point> out;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const geo::Point a = line[i];
        const geo::Point b = line[i + 1];
        const double length = std::hypot(b.x - a.x, b.y - a.y);
        const int steps = std::max(1, static_cast<int>(std::ceil(length / step_deg)));
        for (int k = 0; k < steps; ++k) {
            const double t = static_cast<double>(k) / steps;
            out.push_back({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
        }
    }
    if (!line.empty()) {
        out.push_back(line.back());
    }
    return out;
}

SceneOptions SceneOptions::for_layers(const std::array<bool, layer_count>& visible) {
    SceneOptions options;
    options.status_regions = false;
    for (std::size_t i = 0; i < layer_count; ++i) {
        const auto layer = static_cast<Layer>(i);
        if (visible[i] && layer != Layer::sea && layer != Layer::land && layer != Layer::lakes &&
            layer != Layer::graticule) {
            options.status_regions = true;
        }
    }
    return options;
}

MapScene::MapScene(const geo::Atlas& source, const geo::Projection& proj, SceneOptions options)
    : atlas(&source), projection(&proj) {
    const auto start = std::chrono::steady_clock::now();
    // The region: the box the shipped shapes cover, projected (its edges curve in LCC, so
    // sample them).
    {
        geo::Ring edge;
        for (double t = 0; t <= 1.0001; t += 0.05) {
            edge.push_back({139 + 19 * t, 41});
            edge.push_back({139 + 19 * t, 55});
            edge.push_back({139, 41 + 14 * t});
            edge.push_back({158, 41 + 14 * t});
        }
        proj.forward_in_place(edge);
        // Only what is in front of the horizon counts (an orthographic CRS centred far away
        // gives inf); the visible data extends it below.
        world = {1e300, 1e300, -1e300, -1e300};
        for (const auto& p : edge) {
            if (is_finite(p)) {
                extend(world, p);
            }
        }
    }
    const geo::Box region_box = world;

    auto gather = [](const geo::VectorLayer& layer) {
        std::vector<geo::Polygon> polygons;
        for (const auto& feature : layer.features) {
            polygons.insert(polygons.end(), feature.polygons.begin(), feature.polygons.end());
        }
        return polygons;
    };
    // What does not depend on the land (lakes, lines, borders, zones) is made on a second
    // thread while this one projects the land and the regions, with a projection of its own
    // (PROJ's objects are not shared between threads).
    struct Others {
        PolygonSet lakes;
        bool has_lakes = false;
        std::vector<SceneLine> lines;
        std::vector<std::vector<geo::Point>> borders;
        std::vector<geo::Box> border_boxes;
        std::vector<SceneZone> zones;
        geo::Box extent{1e300, 1e300, -1e300, -1e300};
        bool visible = false;
    };
    // The land's features are projected by both threads, each taking the next one not yet
    // taken; this one waits for the other's share before it goes on with the land.
    const geo::VectorLayer* land_layer = source.layer("land");
    geo::VectorLayer projected_land;
    if (land_layer != nullptr) {
        projected_land = *land_layer;
        projected_land.crs_name = proj.target_name();
    }
    std::atomic<std::size_t> next_feature{0};
    const auto project_share = [&projected_land, &next_feature](const geo::Projection& by) {
        for (std::size_t i = next_feature++; i < projected_land.features.size();
             i = next_feature++) {
            auto& feature = projected_land.features[i];
            for (auto& polygon : feature.polygons) {
                for (auto& ring : polygon.rings) {
                    by.forward_in_place(ring);
                }
            }
            for (auto& line : feature.lines) {
                by.forward_in_place(line);
            }
        }
    };
    std::latch share_done(1);
    // The other thread's own copy of the projection (PROJ's objects serve one thread).
    auto others = std::async(
        std::launch::async, [&source, &gather, &project_share, &share_done, own = proj.clone()] {
            Others out;
            {
                // Counted down however this ends: this thread's share may be left to the other.
                struct CountDown {
                    std::latch& latch;
                    ~CountDown() { latch.count_down(); }
                } count_down{share_done};
                project_share(own);
            }
            if (const auto* layer = source.layer("lakes")) {
                out.lakes =
                    build_polygon_set(project_polygons(gather(*layer), own), own.metres_per_unit());
                out.has_lakes = true;
            }
            if (source.history) {
                for (const auto& line : source.history->lines()) {
                    SceneLine scene_line;
                    scene_line.line = &line;
                    for (const auto& part : line.geometry) {
                        for (auto& stretch : projected_stretches(part, own)) {
                            for (const auto& p : stretch) {
                                extend(out.extent, p);
                            }
                            out.visible = true;
                            scene_line.projected.push_back(std::move(stretch));
                        }
                    }
                    out.lines.push_back(std::move(scene_line));
                }
            }
            if (const auto* layer = source.layer("borders")) {
                for (const auto& feature : layer->features) {
                    for (const auto& line : feature.lines) {
                        auto projected = line;
                        own.forward_in_place(projected);
                        for (auto& stretch : visible_stretches(projected)) {
                            geo::Box box{1e300, 1e300, -1e300, -1e300};
                            for (const auto& p : stretch) {
                                extend(box, p);
                            }
                            out.border_boxes.push_back(box);
                            out.borders.push_back(std::move(stretch));
                        }
                    }
                }
            }
            for (const auto& zone : source.zones) {
                SceneZone scene_zone;
                scene_zone.zone = &zone;
                for (const auto& part : zone.geometry) {
                    for (auto& stretch : projected_stretches(part, own)) {
                        scene_zone.projected.push_back(std::move(stretch));
                    }
                }
                out.zones.push_back(std::move(scene_zone));
            }
            return out;
        });
    bool anything_visible = false;
    const auto note_visible = [&](const std::vector<geo::Polygon>& polygons) {
        for (const auto& polygon : polygons) {
            for (const auto& p : polygon.rings.front()) {
                extend(world, p);
                anything_visible = true;
            }
        }
    };
    // Land is projected once; the status regions reuse its projected polygons.
    std::map<std::string, std::vector<geo::Polygon>> by_island;           // lon/lat
    std::map<std::string, std::vector<geo::Polygon>> by_island_projected; // metres
    if (const auto* layer = land_layer) {
        project_share(proj);
        share_done.wait();
        geo::VectorLayer& projected = projected_land;
        for (auto& feature : projected.features) {
            feature.polygons = visible_polygons(std::move(feature.polygons));
        }
        const auto land_polygons = gather(projected);
        note_visible(land_polygons);
        land = build_polygon_set(land_polygons, proj.metres_per_unit());
        has_land = true;
        by_island = geo::polygons_by_island(*layer);
        by_island_projected = geo::polygons_by_island(projected);
    }
    if (const auto* layer = source.layer("land")) {
        data_extent = lonlat_extent(*layer);
        data_area = data_limits(*data_extent, proj);
    }
    const geo::Box lonlat_region{139, 41, 158, 55};
    // Data that cover the region: Home shows the region, whatever else they reach.
    const bool covers_region =
        data_extent && data_extent->min_x <= lonlat_region.min_x &&
        data_extent->max_x >= lonlat_region.max_x && data_extent->min_y <= lonlat_region.min_y &&
        data_extent->max_y >= lonlat_region.max_y && region_box.min_x < region_box.max_x;

    // Regions the data recipe cut out of a landmass (shapes/recipe/make-regions.sh), by id.
    std::map<std::string, std::vector<geo::Polygon>> precomputed; // lon/lat
    if (const auto* layer = source.layer("regions")) {
        precomputed = geo::polygons_by_island(*layer);
    }
    // Each status region's land (cut out and projected, for a region of a landmass), index and
    // levels, made on both threads (a job that projects with a copy of the projection of its
    // own); then kept in the annotations' order.
    std::vector<const geo::Island*> with_status;
    for (const auto& island : source.annotations.islands) {
        if (island.status.empty()) {
            continue;
        }
        if (options.status_regions) {
            with_status.push_back(&island);
        } else if (auto cut = precomputed.find(island.id);
                   !covers_region && !island.part_of.empty() && cut != precomputed.end()) {
            // Not made; but the land the regions layer gives such a region widens what Home
            // shows, as it would were the region made (the others are parts of the land).
            note_visible(project_polygons(cut->second, proj));
        }
    }
    std::vector<std::optional<StatusRegion>> made_regions(with_status.size());
    std::vector<std::function<void()>> region_jobs;
    for (std::size_t k = 0; k < with_status.size(); ++k) {
        std::shared_ptr<const geo::Projection> own;
        if (!with_status[k]->part_of.empty()) {
            own = std::make_shared<const geo::Projection>(proj.clone());
        }
        region_jobs.emplace_back([&, k, own] {
            const geo::Island& island = *with_status[k];
            std::vector<geo::Polygon> polygons; // projected
            if (!island.part_of.empty()) {
                // A latitude band of an island (South Sakhalin) or a country's part of a
                // landmass (the Russian mainland): as the recipe cut it, or cut here in
                // lon/lat; projected.
                if (auto cut = precomputed.find(island.id); cut != precomputed.end()) {
                    polygons = project_polygons(cut->second, *own);
                } else if (auto it = by_island.find(island.part_of); it != by_island.end()) {
                    std::vector<geo::Polygon> part;
                    if (island.country.empty() || island.lat_min || island.lat_max) {
                        part = clip_to_band(it->second, island.lat_min, island.lat_max);
                    } else {
                        part = it->second;
                    }
                    if (!island.country.empty()) {
                        part =
                            geo::clip_to_polygons(part, country_polygons(source, island.country));
                    }
                    polygons = project_polygons(part, *own);
                }
            } else {
                std::set<std::string> ids(island.members.begin(), island.members.end());
                ids.insert(island.id);
                for (const auto& id : ids) {
                    if (auto it = by_island_projected.find(id); it != by_island_projected.end()) {
                        polygons.insert(polygons.end(), it->second.begin(), it->second.end());
                    }
                }
            }
            if (polygons.empty()) {
                return;
            }
            StatusRegion region;
            region.island = &island;
            region.projected = std::move(polygons);
            for (const auto& polygon : region.projected) {
                region.lookup.emplace_back(polygon);
            }
            region.shapes = build_polygon_set(region.projected, proj.metres_per_unit());
            made_regions[k].emplace(std::move(region));
        });
    }
    kuril::run_shared(region_jobs, 2);
    for (auto& made : made_regions) {
        if (!made) {
            continue;
        }
        StatusRegion& region = *made;
        region.label_anchor = proj.forward(region.island->anchor);
        if (!is_finite(region.label_anchor)) {
            // The anchor is beyond the horizon, part of the land is not: anchor on that part.
            geo::Box box{1e300, 1e300, -1e300, -1e300};
            for (const auto& polygon : region.projected) {
                for (const auto& p : polygon.rings.front()) {
                    extend(box, p);
                }
            }
            region.label_anchor = {(box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2};
        }
        note_visible(region.projected);
        regions.push_back(std::move(region));
    }
    // The land outside the regions is gathered and its set made on another thread while this
    // one goes on (events, labels, places); joined before the scene is done.
    std::future<PolygonSet> outside;
    if (mark_regions_cut_from_land(by_island_projected)) {
        has_land_outside_regions = true;
        outside = std::async(std::launch::async, [this, &projected_land] {
            return build_polygon_set(land_outside_polygons(projected_land),
                                     projection->metres_per_unit());
        });
    }

    {
        Others made = others.get();
        lakes = std::move(made.lakes);
        has_lakes = made.has_lakes;
        lines = std::move(made.lines);
        borders = std::move(made.borders);
        border_boxes = std::move(made.border_boxes);
        zones = std::move(made.zones);
        if (made.visible) {
            anything_visible = true;
            extend(world, {made.extent.min_x, made.extent.min_y});
            extend(world, {made.extent.max_x, made.extent.max_y});
        }
    }
    for (const auto& event : source.annotations.events) {
        if (lonlat_region.contains(event.place)) {
            const geo::Point at = proj.forward(event.place);
            if (is_finite(at)) {
                events.push_back({&event, at});
            }
        }
    }
    const auto region_of = [this](const std::string& id) {
        for (std::size_t i = 0; i < regions.size(); ++i) {
            if (regions[i].island->id == id) {
                return static_cast<int>(i);
            }
        }
        return -1;
    };
    // The region whose land holds a point (an islet of a group), or `fallback`.
    const auto region_at_point = [&](geo::Point projected, int fallback) {
        const StatusRegion* hit = region_at(projected);
        return hit == nullptr ? fallback : region_of(hit->island->id);
    };
    int order = 0;
    for (const auto& island : source.annotations.islands) {
        ++order;
        if (!lonlat_region.contains(island.anchor)) {
            continue;
        }
        // Disputed islands first, then the main islands, the Kurils, regions; within a group,
        // file order (largest first).
        const int group = island.group == "disputed" ? 4
                          : island.group == "main"   ? 3
                          : island.group == "kuril"  ? 2
                                                     : 1;
        // Disputed islands are placed smallest first (file order is largest first): the
        // smallest have the fewest places to go.
        const int priority =
            island.group == "disputed" ? group * 1000 - (10 - order) : group * 1000 - order;
        if (island.group == "main" && island.id == "sakhalin") {
            continue; // its two regions are labelled instead
        }
        const geo::Point anchor = proj.forward(island.anchor);
        if (!is_finite(anchor)) {
            continue; // beyond the horizon
        }
        const int region = region_of(island.id);
        SceneLabel label{island.id, &island.names, anchor, priority};
        label.region = region;
        label.island = true;
        label.essential = island.group == "disputed";
        if (region >= 0 && !island.members.empty()) {
            // The polygon under the anchor (or the nearest to it) is the group's namesake.
            const geo::Point at = label.position;
            double best = 1e300;
            const StatusRegion& shown = regions[static_cast<std::size_t>(region)];
            for (std::size_t i = 0; i < shown.projected.size(); ++i) {
                const geo::Polygon& polygon = shown.projected[i];
                if (polygon.rings.empty()) {
                    continue;
                }
                geo::Box box{1e300, 1e300, -1e300, -1e300};
                for (const auto& p : polygon.rings.front()) {
                    box = {std::min(box.min_x, p.x), std::min(box.min_y, p.y),
                           std::max(box.max_x, p.x), std::max(box.max_y, p.y)};
                }
                const double dx = std::max({0.0, box.min_x - at.x, at.x - box.max_x});
                const double dy = std::max({0.0, box.min_y - at.y, at.y - box.max_y});
                const double d = shown.lookup[i].contains(at) ? -1.0 : std::hypot(dx, dy);
                if (d < best) {
                    best = d;
                    label.main_island = box;
                }
            }
        }
        labels.push_back(std::move(label));
        // Islets: the Habomai's when zoomed in far enough to tell them apart; a Kuril group's
        // members (Ketoy, Matua, ...) where space allows, below the group's own name.
        const bool kuril = island.group == "kuril";
        for (const auto& islet : island.islets) {
            if (!islet.names.empty()) {
                const geo::Point at = proj.forward(islet.place);
                if (!is_finite(at)) {
                    continue;
                }
                SceneLabel named{islet.id, &islet.names, at, kuril ? 1500 - order : 500,
                                 kuril ? 1200.0 : 150.0};
                named.region = region_at_point(at, region);
                labels.push_back(std::move(named));
            }
        }
    }
    for (const auto& place : source.annotations.places) {
        const geo::Point at = proj.forward(place.place);
        if (is_finite(at)) {
            places.push_back({&place, at, region_at_point(at, -1)});
        }
    }
    if (!anything_visible || !(world.min_x < world.max_x) || !(world.min_y < world.max_y)) {
        throw geo::InputError(i18n::N_("nothing of the data is visible in this CRS ({crs}): it "
                                       "lies beyond the horizon; choose a CRS centred nearer "
                                       "139-158 E, 41-55 N"),
                              {{"crs", proj.target_name()}});
    }
    if (covers_region) {
        world = region_box; // the data covers the region: Home shows the region, not all of it
    }
    if (data_area) {
        const geo::Box& inner = data_area->inner;
        const geo::Box inside{
            std::max(world.min_x, inner.min_x), std::max(world.min_y, inner.min_y),
            std::min(world.max_x, inner.max_x), std::min(world.max_y, inner.max_y)};
        world = inside.min_x < inside.max_x && inside.min_y < inside.max_y ? inside : inner;
    }
    if (outside.valid()) {
        land_outside_regions = outside.get();
    }
    prepare_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

bool MapScene::mark_regions_cut_from_land(
    const std::map<std::string, std::vector<geo::Polygon>>& by_island_projected) {
    if (!has_land || regions.empty()) {
        return false;
    }
    // A region taking whole islands is cut; so is a band or a country's part of a landmass,
    // unless the landmass is taken whole already or is not in the land.
    const std::set<std::string> taken = islands_taken_whole();
    for (auto& region : regions) {
        const std::string& landmass = region.island->part_of;
        region.cut_from_land =
            landmass.empty() || taken.contains(landmass) || by_island_projected.contains(landmass);
    }
    return true;
}

std::set<std::string> MapScene::islands_taken_whole() const {
    std::set<std::string> taken;
    for (const auto& region : regions) {
        if (region.island->part_of.empty()) {
            taken.insert(region.island->id);
            taken.insert(region.island->members.begin(), region.island->members.end());
        }
    }
    return taken;
}

std::vector<geo::Polygon>
MapScene::land_outside_polygons(const geo::VectorLayer& projected_land) const {
    const std::set<std::string> taken = islands_taken_whole();
    std::vector<geo::Polygon> outside;
    for (const auto& feature : projected_land.features) {
        if (!taken.contains(feature.attribute("island"))) {
            outside.insert(outside.end(), feature.polygons.begin(), feature.polygons.end());
        }
    }
    // A part cut out of a landmass (inside it; the cuts of one landmass do not overlap) is
    // taken out by the even-odd rule: its rings are added to the landmass's, and what lies
    // inside both is inside an even number of rings. A landmass taken whole is left out already.
    for (const auto& region : regions) {
        const std::string& landmass = region.island->part_of;
        if (!landmass.empty() && region.cut_from_land && !taken.contains(landmass)) {
            outside.insert(outside.end(), region.projected.begin(), region.projected.end());
        }
    }
    return outside;
}

void MapScene::prepare_for(double min_metres_per_pixel, double max_metres_per_pixel,
                           bool whole_land_filled, bool regions_drawn) const {
    // The view's scale is in the CRS's units a pixel; the levels' tolerances in metres.
    const double unit = projection != nullptr ? projection->metres_per_unit() : 1.0;
    const std::size_t finest = lod_index_for(min_metres_per_pixel * unit);
    const std::size_t coarsest = lod_index_for(max_metres_per_pixel * unit);
    const bool outside_only = !whole_land_filled && has_land_outside_regions;
    // The parts to build, shared out to this thread and a second one: each takes the next not
    // yet taken (a part asked for elsewhere meanwhile is built once). Largest first (by the
    // vertices simplified, twice for fills, which are also triangulated), so that neither
    // thread is left with a large one at the end.
    std::vector<std::pair<std::size_t, std::function<void()>>> sized;
    const auto add = [&sized](const PolygonSet& set, std::size_t weight,
                              std::function<void()> part) {
        sized.emplace_back(set.source_vertex_count() * weight, std::move(part));
    };
    for (std::size_t index = finest; index <= coarsest; ++index) {
        if (outside_only && !land_outside_regions.empty()) {
            add(land_outside_regions, 2, [this, index] { land_outside_regions.fills(index); });
        }
        if (!land.empty()) {
            if (!outside_only) {
                add(land, 2, [this, index] { land.fills(index); });
            }
            add(land, 1, [this, index] { land.outlines(index); });
        }
        if (!lakes.empty()) {
            add(lakes, 3, [this, index] { lakes.level(index); });
        }
        for (const auto& region : regions) {
            if (regions_drawn && !region.shapes.empty()) {
                add(region.shapes, 3, [&region, index] { region.shapes.level(index); });
            }
        }
    }
    if (!land.empty()) {
        add(land, 2, [this] { land.fills(land.level_count() - 1); }); // the inset map's
    }
    std::stable_sort(sized.begin(), sized.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::function<void()>> parts;
    parts.reserve(sized.size());
    for (auto& [size, part] : sized) {
        parts.push_back(std::move(part));
    }
    kuril::run_shared(parts, 2);
}

const StatusRegion* MapScene::region_at(geo::Point map_point) const {
    for (const auto& region : regions) {
        for (const auto& polygon : region.lookup) {
            if (polygon.contains(map_point)) {
                return &region;
            }
        }
    }
    return nullptr;
}

} // namespace kuril
