// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/geodesic.hpp"
#include "geo/islands.hpp"
#include "geo/projection.hpp"
#include "i18n/translate.hpp"
#include "map/island_report.hpp"
#include "map/tour_check.hpp"
#include "text_format.hpp"
#include "util/json_writer.hpp"
#include "util/phase_timer.hpp"
#include "util/strings.hpp"
#include "util/work_queue.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace fs = std::filesystem;

namespace kuril {

using i18n::N_;

namespace {

struct LayerReport {
    std::string name;
    fs::path source;
    std::string driver;
    std::string crs;
    std::size_t features = 0;
    std::size_t vertices = 0;
    double load_ms = 0.0;
    double project_ms = 0.0;
};

struct IslandReport {
    std::string id;
    std::string group; ///< disputed, kuril, main or region (the annotation's)
    const geo::Island* annotation = nullptr;
    std::optional<double> area_km2;
    std::size_t polygons = 0;
    std::optional<geo::IslandStatus> status;
};

double elapsed_ms(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

/// A layer's report before it is projected (no vertices counted, no projection time).
LayerReport loaded_report(const std::string& name, const geo::VectorLayer& layer, double load_ms) {
    LayerReport report;
    report.name = name;
    report.source = layer.source;
    report.driver = layer.driver;
    report.crs = layer.crs_name;
    report.features = layer.features.size();
    report.load_ms = load_ms;
    return report;
}

LayerReport report_layer(const std::string& name, const geo::VectorLayer& layer, double load_ms,
                         const geo::Projection& projection) {
    LayerReport report = loaded_report(name, layer, load_ms);
    const auto start = std::chrono::steady_clock::now();
    report.vertices = geo::project_layer(layer, projection).vertex_count();
    report.project_ms = elapsed_ms(start);
    return report;
}

/// Projects a copy of features [from, to) of `layer`; returns how many vertices it has after.
std::size_t project_features(const geo::VectorLayer& layer, std::size_t from, std::size_t to,
                             const geo::Projection& projection) {
    geo::VectorLayer part;
    part.features.assign(layer.features.begin() + static_cast<std::ptrdiff_t>(from),
                         layer.features.begin() + static_cast<std::ptrdiff_t>(to));
    return geo::project_layer(part, projection).vertex_count();
}

std::string name_text(const geo::Island* island, const char* lang) {
    if (island == nullptr) {
        return "";
    }
    const geo::Name* name = island->name(lang);
    return name != nullptr ? name->text : "";
}

std::string official_areas(const geo::Island* island) {
    if (island == nullptr) {
        return "";
    }
    std::string text;
    for (const auto& fact : island->facts) {
        if (fact.key != "area_km2" || !fact.party) {
            continue;
        }
        text += (text.empty() ? "" : "; ") + std::string(geo::party_code(*fact.party)) + " " +
                fact.value;
    }
    return text.empty() ? "" : "official: " + text;
}

/// The headings of `info --date`'s status list and the island groups each gathers.
const std::vector<std::pair<std::string, std::vector<std::string>>> status_groups = {
    {"Disputed islands", {"disputed"}},
    {"Other Kuril Islands", {"kuril"}},
    {"Main islands and regions", {"main", "region"}},
    {"Context (land shown around the dispute)", {"context"}},
};

std::string party_names(const std::vector<geo::Party>& parties, geo::Date date) {
    std::string text;
    for (const auto party : parties) {
        text += (text.empty() ? "" : " and ") + geo::party_display_name(party, date) + " (" +
                std::string(geo::party_code(party)) + ")";
    }
    return text.empty() ? std::string("nobody") : text;
}

/// "from 1875-05-07 until 1945-08-31" or "from 1952-04-28, still in force".
std::string period_text(const geo::IslandStatus& status) {
    std::string text = status.period_from ? "from " + status.period_from->iso() : "";
    if (status.period_to) {
        text += (text.empty() ? "" : " ") + std::string("until ") + status.period_to->iso();
    } else if (!text.empty()) {
        text += ", still in force";
    }
    return text;
}

/// What to say of an island with no status period on the date: the fact, and why.
std::string no_status_text(const IslandReport& island, const geo::Annotations& annotations) {
    std::string text = "no status recorded on this date";
    if (island.annotation == nullptr) {
        return text;
    }
    if (island.annotation->status.empty()) {
        std::string regions;
        for (const auto& other : annotations.islands) {
            if (other.part_of == island.id) {
                regions += (regions.empty() ? "" : ", ") + other.display_name();
            }
        }
        return regions.empty() ? text : text + " (its regions have theirs: " + regions + ")";
    }
    if (island.status->period_to) {
        return text + " (the first recorded period begins on " + island.status->period_to->iso() +
               ")";
    }
    return text;
}

void print_status(const IslandReport& island, geo::Date date) {
    const auto& status = *island.status;
    const std::string name =
        island.annotation != nullptr ? island.annotation->display_name() : island.id;
    std::cout << "    " << name << " (" << island.id << "): ";
    if (!status.known) {
        std::cout << status.note << '\n';
        return;
    }
    std::cout << "administered by " << party_names(status.administered_by, date) << "; claimed by "
              << party_names(status.claimed_by, date) << "  [sources: ";
    for (std::size_t i = 0; i < status.sources.size(); ++i) {
        std::cout << (i > 0 ? " " : "") << status.sources[i];
    }
    std::cout << "]\n      period: " << period_text(status) << '\n';
    if (!status.note.empty()) {
        std::cout << "      note: " << status.note << '\n';
    }
}

void print_text(const fs::path& annotations, const geo::Projection& projection,
                const std::vector<LayerReport>& layers, const std::vector<IslandReport>& islands,
                const std::optional<geo::Date>& date, const std::vector<std::string>& lines) {
    std::cout << "Kuril Atlas data: " << annotations.string() << '\n';
    std::cout << "Display CRS: " << projection.target_name() << " (" << projection.definition()
              << ")\n\nLayers:\n";
    for (const auto& layer : layers) {
        char row[512];
        std::snprintf(row, sizeof row,
                      "  %-11s %-40s %-15s %-10s %7s features %9s vertices  "
                      "load %.1f ms + project %.1f ms\n",
                      layer.name.c_str(), layer.source.string().c_str(), layer.driver.c_str(),
                      layer.crs.c_str(), with_thousands(double(layer.features)).c_str(),
                      with_thousands(double(layer.vertices)).c_str(), layer.load_ms,
                      layer.project_ms);
        std::cout << row;
    }
    if (islands.empty()) {
        return;
    }
    std::cout << "\nDisputed islands (geodesic area on the WGS84 ellipsoid):\n";
    for (const auto& island : islands) {
        if (island.group != "disputed") {
            continue;
        }
        std::string names = name_text(island.annotation, "en");
        for (const char* lang : {"ja", "ru"}) {
            if (auto text = name_text(island.annotation, lang); !text.empty()) {
                names += " / " + text;
            }
        }
        const std::string area =
            island.area_km2 ? with_thousands(*island.area_km2, 1) + " km²" : "no polygons";
        std::printf("  %-10s %-32s %12s  %3zu polygons  %s\n", island.id.c_str(), names.c_str(),
                    area.c_str(), island.polygons, official_areas(island.annotation).c_str());
    }
    if (!date) {
        return;
    }
    std::cout << "\nOn " << date->long_text() << ":\n  lines drawn: ";
    if (lines.empty()) {
        std::cout << "none";
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::cout << (i > 0 ? ", " : "") << lines[i];
    }
    std::cout << '\n';
    for (const auto& [heading, groups] : status_groups) {
        bool first = true;
        for (const auto& island : islands) {
            if (!island.status ||
                std::find(groups.begin(), groups.end(), island.group) == groups.end()) {
                continue;
            }
            if (first) {
                std::cout << "  " << heading << ":\n";
                first = false;
            }
            print_status(island, *date);
        }
    }
}

void print_json(const fs::path& annotations, const geo::Projection& projection,
                const std::vector<LayerReport>& layers, const std::vector<IslandReport>& islands,
                const std::optional<geo::Date>& date, const std::vector<std::string>& lines,
                const std::vector<i18n::Message>& warnings) {
    JsonWriter json;
    json.begin_object();
    json.value("annotations", annotations.string());
    json.begin_object("crs");
    json.value("name", projection.target_name());
    json.value("definition", projection.definition());
    json.end_object();
    if (date) {
        json.value("date", date->iso());
        json.strings("lines_in_force", lines);
    }
    json.begin_array("layers");
    for (const auto& layer : layers) {
        json.begin_object();
        json.value("name", layer.name);
        json.value("source", layer.source.string());
        json.value("driver", layer.driver);
        json.value("crs", layer.crs);
        json.value("features", static_cast<long long>(layer.features));
        json.value("vertices", static_cast<long long>(layer.vertices));
        json.value("load_ms", layer.load_ms, 1);
        json.value("project_ms", layer.project_ms, 1);
        json.end_object();
    }
    json.end_array();
    json.begin_array("islands");
    for (const auto& island : islands) {
        json.begin_object();
        json.value("id", island.id);
        if (island.area_km2) {
            json.value("area_km2", *island.area_km2, 1);
        } else {
            json.null("area_km2");
        }
        json.value("polygons", static_cast<long long>(island.polygons));
        json.value("group", island.group);
        if (island.annotation != nullptr) {
            json.begin_object("names");
            for (const char* lang : {"en", "ja", "ru"}) {
                json.value(lang, name_text(island.annotation, lang));
            }
            json.end_object();
            json.begin_array("official_area_km2");
            for (const auto& fact : island.annotation->facts) {
                if (fact.key == "area_km2" && fact.party) {
                    json.begin_object();
                    json.value("party", geo::party_code(*fact.party));
                    json.value("value", fact.value);
                    json.strings("sources", fact.sources);
                    json.end_object();
                }
            }
            json.end_array();
        }
        if (island.status) {
            std::vector<std::string> administered;
            std::vector<std::string> claimed;
            for (auto party : island.status->administered_by) {
                administered.emplace_back(geo::party_code(party));
            }
            for (auto party : island.status->claimed_by) {
                claimed.emplace_back(geo::party_code(party));
            }
            json.strings("administered_by", administered);
            json.strings("claimed_by", claimed);
            json.value("status_recorded", island.status->known);
            if (island.status->known && island.status->period_from) {
                json.value("period_from", island.status->period_from->iso());
                if (island.status->period_to) {
                    json.value("period_to", island.status->period_to->iso());
                } else {
                    json.null("period_to");
                }
            }
            json.strings("status_sources", island.status->sources);
            if (!island.status->note.empty()) {
                json.value("status_note", island.status->note);
            }
        }
        json.end_object();
    }
    json.end_array();
    // In English, whatever the locale: what scripts read.
    std::vector<std::string> english;
    english.reserve(warnings.size());
    for (const auto& warning : warnings) {
        english.push_back(warning.english());
    }
    json.strings("warnings", english);
    json.end_object();
    std::cout << json.str() << '\n';
}

} // namespace

CommandExit run_info(const InfoOptions& options) {
    std::optional<geo::Date> date;
    if (!options.date.empty()) {
        date = parse_timeline_date(options.date);
    }
    // The projection is made on another thread (PROJ opens its database) while the data load.
    auto making = std::async(std::launch::async, [crs = options.data.display_crs.empty()
                                                            ? std::string(geo::default_display_crs)
                                                            : options.data.display_crs] {
        return geo::Projection(crs);
    });
    std::optional<geo::Projection> made;
    const auto projection = [&]() -> const geo::Projection& {
        if (!made) {
            made.emplace(making.get());
        }
        return *made;
    };
    std::vector<LayerReport> layers;
    std::vector<IslandReport> islands;
    std::vector<std::string> lines;
    std::vector<std::string> line_names; // as people read them, for the text output
    std::vector<i18n::Message> warnings;
    fs::path annotations_path;
    std::unique_ptr<geo::Atlas> atlas; // island reports point into it

    if (!options.sources.empty()) {
        // Report arbitrary vector sources; islands only where they carry the island attribute.
        geo::LoadOptions load;
        load.assumed_crs = options.data.data_crs;
        for (const auto& source : options.sources) {
            const auto start = std::chrono::steady_clock::now();
            const geo::VectorLayer layer = geo::load_vector_layer(source, load);
            layers.push_back(report_layer(layer.name, layer, elapsed_ms(start), projection()));
            for (const auto& warning : layer.warnings) {
                warnings.push_back(warning.placed());
            }
        }
    } else {
        annotations_path = resolve_annotations(options.data);
        geo::AtlasOptions atlas_options;
        atlas_options.data_crs = options.data.data_crs;
        atlas_options.check = check_tours;
        atlas = geo::load_atlas(annotations_path, atlas_options);
        PhaseTimer::global().mark("atlas");
        if (!atlas->errors.empty()) {
            throw geo::InputError(atlas->errors.front().placed());
        }
        for (const auto& warning : atlas->warnings) {
            warnings.push_back(warning.placed());
        }
        const geo::VectorLayer* land = atlas->layer("land");
        if (land == nullptr) {
            throw geo::InputError(N_("{file}: no layer with id 'land' (the island polygons)"),
                                  {{"file", annotations_path.string()}});
        }
        // The four disputed islands first (each even when the annotations lack it), then every
        // other island and region of the annotations in file order.
        std::vector<std::pair<std::string, const geo::Island*>> listed;
        for (const auto id : geo::disputed_island_ids) {
            listed.emplace_back(std::string(id), atlas->annotations.island(id));
        }
        for (const auto& island : atlas->annotations.islands) {
            if (std::find(geo::disputed_island_ids.begin(), geo::disputed_island_ids.end(),
                          island.id) == geo::disputed_island_ids.end()) {
                listed.emplace_back(island.id, &island);
            }
        }
        for (const auto& [id, annotation] : listed) {
            IslandReport island;
            island.id = id;
            island.annotation = annotation;
            const bool disputed = annotation == nullptr || annotation->group == "disputed";
            island.group = disputed ? "disputed" : annotation->group;
            islands.push_back(std::move(island));
        }
        // The work apart, shared by both cores: each layer projected (for its figures; each
        // part with a copy of the projection of its own, as one serves one thread at a time),
        // and the area of each island the output shows (the text shows the disputed ones').
        const auto by_island = geo::polygons_by_island(*land);
        const geo::VectorLayer* regions = atlas->layer("regions");
        const auto regions_by_island = regions != nullptr
                                           ? geo::polygons_by_island(*regions)
                                           : std::map<std::string, std::vector<geo::Polygon>>{};
        const geo::Projection& shared = projection();
        std::vector<std::function<void()>> jobs;
        layers.resize(atlas->layers.size());
        std::mutex counting;
        for (std::size_t i = 0; i < atlas->layers.size(); ++i) {
            const auto& loaded = atlas->layers[i];
            layers[i] = loaded_report(loaded.ref.id, loaded.layer, loaded.load_ms);
            // In parts of about 32,000 vertices, so that the land's is shared too.
            const auto& features = loaded.layer.features;
            for (std::size_t from = 0; from < features.size();) {
                std::size_t to = from;
                for (std::size_t part = 0; to < features.size() && part < 32'000; ++to) {
                    part += features[to].vertex_count() + 1;
                }
                // Each part with a copy of the projection made here, on this thread.
                jobs.emplace_back([&, i, from, to,
                                   own = std::make_shared<const geo::Projection>(shared.clone())] {
                    const auto start = std::chrono::steady_clock::now();
                    const std::size_t vertices =
                        project_features(atlas->layers[i].layer, from, to, *own);
                    const double ms = elapsed_ms(start);
                    const std::lock_guard lock(counting);
                    layers[i].vertices += vertices;
                    layers[i].project_ms += ms;
                });
                from = to;
            }
        }
        for (auto& island : islands) {
            if (island.annotation == nullptr || (!options.json && island.group != "disputed")) {
                continue;
            }
            jobs.emplace_back([&by_island, &regions_by_island, &island] {
                // An island's land with its members', a region's its band of the parent: what
                // the viewer's panel measures.
                const auto land_of =
                    island_land_lon_lat(by_island, regions_by_island, *island.annotation);
                if (!land_of.empty()) {
                    island.area_km2 = geo::geodesic_area_km2(land_of);
                    island.polygons = land_of.size();
                }
            });
        }
        run_shared(jobs, 2);
        PhaseTimer::global().mark("projected, areas");
        for (auto& island : islands) {
            if (island.group == "disputed" && !island.area_km2) {
                warnings.push_back(
                    i18n::Message(N_("{file}: no polygon has island '{id}'"),
                                  {{"file", land->source.string()}, {"id", island.id}}));
            }
            if (date && island.annotation != nullptr) {
                island.status = atlas->history->island_status(island.id, *date);
                if (!island.status->known) {
                    island.status->note = no_status_text(island, atlas->annotations);
                }
            }
        }
        if (date) {
            lines = atlas->history->line_ids_in_force(*date);
            for (const auto& id : lines) {
                const auto* info = atlas->annotations.line_info(id);
                const auto* name = info != nullptr ? info->name("en") : nullptr;
                line_names.push_back(name != nullptr ? name->text : id);
            }
        }
    }
    if (options.json) {
        print_json(annotations_path, projection(), layers, islands, date, lines, warnings);
    } else {
        // In the locale's language, as the CLI says its errors.
        const std::string_view language = i18n::language_of_locale(i18n::locale_from_environment());
        for (const auto& warning : warnings) {
            std::cerr << i18n::Message(N_("warning: {warning}"),
                                       {{"warning", one_line(warning.text(language), 300)}})
                             .text(language)
                      << '\n';
        }
        print_text(annotations_path, projection(), layers, islands, date, line_names);
    }
    // All is written: the atlas is left to the operating system (main ends the process).
    return {0, std::shared_ptr<geo::Atlas>(std::move(atlas))};
}

} // namespace kuril
