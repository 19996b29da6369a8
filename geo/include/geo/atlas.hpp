// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/annotations.hpp"
#include "geo/history.hpp"
#include "geo/vector_source.hpp"
#include "geo/zones.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geo {

struct AtlasOptions {
    /// CRS to assume for layers whose source declares none.
    std::string data_crs;
    /// Added to the annotations parser's checks (see ParseOptions::check).
    AnnotationsCheck check;
    /// LoadOptions::trust_validated_list for every layer (`check` checks every polygon).
    bool trust_validated_lists = true;
};

struct LoadedLayer {
    LayerRef ref;
    VectorLayer layer;
    double load_ms = 0.0;
};

/// Everything the program knows: the annotations, the layers they name, and the time model.
/// A layer that fails to load is recorded in `errors` and skipped; the rest still works.
/// A layer that fails names its layer id as the feature (the message says "layer 'id': ...");
/// a problem of the annotations file has its file and line; a layer's warning has the layer's
/// file and the feature's FID.
struct Atlas {
    Annotations annotations;
    std::vector<LoadedLayer> layers;
    std::vector<Diagnostic> errors;
    std::vector<Diagnostic> warnings;
    /// An island's `members` that name no island polygon in the land layer, each placed at its
    /// <island>. Also in `warnings` (the map still draws); `check` counts them as errors.
    std::vector<Diagnostic> unknown_members;
    std::unique_ptr<History> history;
    /// The maritime zones (layer "zones"), if the annotations name that layer.
    std::vector<ZoneLine> zones;

    const VectorLayer* layer(std::string_view id) const;
};

/// Loads the annotations file (throws AnnotationsError if it is broken) and then each layer
/// it names (failures go to Atlas::errors).
std::unique_ptr<Atlas> load_atlas(const std::filesystem::path& annotations_file,
                                  const AtlasOptions& options = {});

/// Like load_atlas, but a broken annotations file does not stop the map: its problems go to
/// Atlas::errors and the default layers beside it (shapes/land.shp, lakes.shp,
/// boundaries.shp) are loaded instead. For the viewer, which keeps running.
std::unique_ptr<Atlas> load_atlas_lenient(const std::filesystem::path& annotations_file,
                                          const AtlasOptions& options = {});

} // namespace geo
