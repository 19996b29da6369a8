// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/atlas.hpp"

#include "i18n/translate.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <future>
#include <optional>
#include <set>
#include <string>

using i18n::N_;

namespace geo {

const VectorLayer* Atlas::layer(std::string_view id) const {
    for (const auto& loaded : layers) {
        if (loaded.ref.id == id) {
            return &loaded.layer;
        }
    }
    return nullptr;
}

namespace {

void load_layers(Atlas& atlas, const AtlasOptions& options);

} // namespace

std::unique_ptr<Atlas> load_atlas(const std::filesystem::path& annotations_file,
                                  const AtlasOptions& options) {
    auto atlas = std::make_unique<Atlas>();
    atlas->annotations = load_annotations(annotations_file, ParseOptions{nullptr, options.check});
    atlas->warnings = atlas->annotations.warnings;
    load_layers(*atlas, options);
    return atlas;
}

std::unique_ptr<Atlas> load_atlas_lenient(const std::filesystem::path& annotations_file,
                                          const AtlasOptions& options) {
    try {
        return load_atlas(annotations_file, options);
    } catch (const AnnotationsError& error) {
        auto atlas = std::make_unique<Atlas>();
        atlas->annotations.file = annotations_file;
        atlas->errors = error.problems();
        const auto shapes = annotations_file.parent_path() / "shapes";
        atlas->annotations.layers = {
            {"land", GeometryKind::polygons, shapes / "land.shp", 0},
            {"lakes", GeometryKind::polygons, shapes / "lakes.shp", 0},
            {"boundaries", GeometryKind::lines, shapes / "boundaries.shp", 0}};
        load_layers(*atlas, options);
        return atlas;
    }
}

namespace {

/// "layer 'id': what went wrong", placed on the layer.
Diagnostic layer_error(const LayerRef& ref, const InputError& problem) {
    return {
        {},
        0,
        i18n::Message(N_("layer '{id}': {error}"), {{"id", ref.id}, {"error", problem.message()}}),
        ref.id};
}

/// One layer loaded, or why it was not.
struct LayerOutcome {
    std::optional<LoadedLayer> loaded;
    std::optional<Diagnostic> error;
};

LayerOutcome load_one(const LayerRef& ref, const AtlasOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    try {
        LoadOptions load;
        load.expected = ref.kind;
        load.assumed_crs = options.data_crs;
        load.trust_validated_list = options.trust_validated_lists;
        LoadedLayer loaded{ref, load_vector_layer(ref.path, load), 0.0};
        loaded.load_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        return {std::move(loaded), std::nullopt};
    } catch (const InputError& problem) {
        return {std::nullopt, layer_error(ref, problem)};
    }
}

void load_layers(Atlas& atlas_ref, const AtlasOptions& options) {
    Atlas* atlas = &atlas_ref;
    const auto& refs = atlas->annotations.layers;
    // The largest source (the land: two thirds of the loading) loads on a second thread while
    // this one loads the others; the layers keep the annotations' order.
    std::vector<LayerOutcome> outcomes(refs.size());
    std::size_t largest = refs.size();
    std::uintmax_t largest_size = 0;
    for (std::size_t i = 0; i < refs.size(); ++i) {
        std::error_code ec;
        const std::uintmax_t size = std::filesystem::file_size(refs[i].path, ec);
        if (!ec && size > largest_size) {
            largest = i;
            largest_size = size;
        }
    }
    std::future<LayerOutcome> big;
    if (largest < refs.size() && refs.size() > 1) {
        big =
            std::async(std::launch::async, load_one, std::cref(refs[largest]), std::cref(options));
    }
    for (std::size_t i = 0; i < refs.size(); ++i) {
        if (!big.valid() || i != largest) {
            outcomes[i] = load_one(refs[i], options);
        }
    }
    if (big.valid()) {
        outcomes[largest] = big.get();
    }
    std::vector<BoundaryLine> lines;
    for (auto& outcome : outcomes) {
        if (outcome.error) {
            atlas->errors.push_back(std::move(*outcome.error));
            continue;
        }
        LoadedLayer& loaded = *outcome.loaded;
        try {
            if (loaded.ref.id == "boundaries") {
                lines = boundary_lines_from_layer(loaded.layer);
            } else if (loaded.ref.id == "zones") {
                atlas->zones = zone_lines_from_layer(loaded.layer);
            }
        } catch (const InputError& problem) {
            atlas->errors.push_back(layer_error(loaded.ref, problem));
            continue;
        }
        atlas->warnings.insert(atlas->warnings.end(), loaded.layer.warnings.begin(),
                               loaded.layer.warnings.end());
        atlas->layers.push_back(std::move(loaded));
    }
    if (const VectorLayer* land = atlas->layer("land"); land != nullptr) {
        // The island ids the land's polygons carry (their polygons are not needed here).
        std::set<std::string> named;
        for (const auto& feature : land->features) {
            if (const std::string& id = feature.attribute("island"); !id.empty()) {
                named.insert(id);
            }
        }
        for (const auto& island : atlas->annotations.islands) {
            for (const auto& member : island.members) {
                if (named.count(member) == 0) {
                    Diagnostic problem{
                        atlas->annotations.file, island.line,
                        i18n::Message(N_("<island id=\"{id}\"> members: '{member}' names no island "
                                         "polygon in {file}"),
                                      {{"id", island.id},
                                       {"member", member},
                                       {"file", land->source.string()}}),
                        island.id};
                    atlas->unknown_members.push_back(problem);
                    atlas->warnings.push_back(std::move(problem));
                }
            }
        }
    }
    // A region cut out of a landmass (part_of) comes from the regions layer, which the data
    // recipe computes once; a region split by country and missing there needs that country in
    // the countries layer (the scene then cuts it when it is loaded).
    std::set<std::string> precomputed; // the islands the regions layer gives
    if (const VectorLayer* regions = atlas->layer("regions"); regions != nullptr) {
        for (const auto& feature : regions->features) {
            const std::string& id = feature.attribute("island");
            if (id.empty() || !precomputed.insert(id).second) {
                continue;
            }
            const Island* island = atlas->annotations.island(id);
            if (island == nullptr || island->part_of.empty()) {
                atlas->warnings.push_back(
                    {regions->source, 0,
                     i18n::Message(N_("island '{id}' of {file} is no <island part_of=...> of the "
                                      "annotations; its polygons are not drawn"),
                                   {{"id", id}, {"file", regions->source.string()}}),
                     id});
            }
        }
    }
    const VectorLayer* countries = atlas->layer("countries");
    for (const auto& island : atlas->annotations.islands) {
        if (island.country.empty() || precomputed.count(island.id) != 0) {
            continue;
        }
        bool found = false;
        if (countries != nullptr) {
            for (const auto& feature : countries->features) {
                found = found || feature.attribute("iso") == island.country;
            }
        }
        if (!found) {
            atlas->warnings.push_back(
                {atlas->annotations.file, island.line,
                 countries == nullptr
                     ? i18n::Message(N_("<island id=\"{id}\"> country=\"{country}\": no countries "
                                        "layer to cut '{part_of}' by; the region is not drawn"),
                                     {{"id", island.id},
                                      {"country", island.country},
                                      {"part_of", island.part_of}})
                     : i18n::Message(N_("<island id=\"{id}\"> country=\"{country}\": no polygon "
                                        "with iso {country} in {file}; the region is not drawn"),
                                     {{"id", island.id},
                                      {"country", island.country},
                                      {"file", countries->source.string()}}),
                 island.id});
        }
    }
    atlas->history = std::make_unique<History>(atlas->annotations, std::move(lines));
}

} // namespace

} // namespace geo
