// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the export plan (export/export_plan.hpp): options decoded from the input bytes are
// validated and planned over the shipped map scene, as `export` does before anything is
// drawn. No OpenGL: only export_plan.cpp is linked.

#include "export/export_plan.hpp"
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "map/map_scene.hpp"

#include <cstddef>
#include <cstdint>
#include <fuzzer/FuzzedDataProvider.h>
#include <memory>
#include <string>

namespace {

struct Shipped {
    std::unique_ptr<geo::Atlas> atlas;
    geo::Projection projection;
    std::unique_ptr<kuril::MapScene> scene;
};

const Shipped& shipped() {
    static const Shipped data = [] {
        Shipped loaded;
        loaded.atlas = geo::load_atlas(KURIL_FUZZ_SHIPPED_DIR "/annotations.xml");
        loaded.scene = std::make_unique<kuril::MapScene>(*loaded.atlas, loaded.projection);
        return loaded;
    }();
    return data;
}

/// A size in pixels: mostly ordinary, sometimes at or past the limits.
unsigned side(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 0:
        return in.ConsumeIntegralInRange<unsigned>(0, 4096);
    case 1:
        return in.ConsumeIntegralInRange<unsigned>(kuril::max_single_pass_side - 2,
                                                   kuril::max_export_side + 2);
    default:
        return in.ConsumeIntegral<unsigned>();
    }
}

double coordinate(FuzzedDataProvider& in, double low, double high) {
    return in.ConsumeBool() ? in.ConsumeFloatingPointInRange(low, high)
                            : in.ConsumeFloatingPoint<double>();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)shipped();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Shipped& base = shipped();
    FuzzedDataProvider in(data, size);
    kuril::ExportOptions options;
    options.width = side(in);
    options.height = side(in);
    options.scale = in.ConsumeBool() ? 0.0 : in.ConsumeFloatingPoint<double>();
    options.geotiff = in.ConsumeBool();
    options.force_tiling = in.ConsumeBool();
    if (in.ConsumeBool()) {
        options.tile_side = in.ConsumeIntegral<unsigned>();
    }
    if (in.ConsumeBool()) {
        options.band_pixels = in.ConsumeIntegral<unsigned>();
    }
    options.date =
        geo::Date{in.ConsumeIntegralInRange<int>(1, 9999), in.ConsumeIntegralInRange<int>(1, 12),
                  in.ConsumeIntegralInRange<int>(1, 28)};
    options.language = static_cast<kuril::LabelLanguage>(in.ConsumeIntegralInRange<int>(0, 5));
    for (auto& shown : options.visible) {
        shown = in.ConsumeBool();
    }
    switch (in.ConsumeIntegralInRange<int>(0, 4)) {
    case 0:
        break; // the whole region
    case 1:
        options.view.bbox = geo::Box{coordinate(in, 130, 160), coordinate(in, 35, 60),
                                     coordinate(in, 130, 160), coordinate(in, 35, 60)};
        break;
    case 2:
        options.view.island = in.ConsumeRandomLengthString(32);
        break;
    case 3:
        options.view.center = geo::Point{coordinate(in, 130, 160), coordinate(in, 35, 60)};
        options.view.zoom = coordinate(in, -5, 25);
        break;
    default: {
        // The viewer's own view, scaled to the output.
        kuril::MapView seen(base.scene->world, in.ConsumeFloatingPointInRange(1.0, 8000.0),
                            in.ConsumeFloatingPointInRange(1.0, 8000.0));
        seen.set(geo::Point{coordinate(in, -2e6, 2e6), coordinate(in, -2e6, 2e6)},
                 in.ConsumeFloatingPointInRange(0.01, 1e5));
        options.exact_view = seen;
        options.view_reserved_top_px = in.ConsumeFloatingPointInRange(0.0, 500.0);
        options.view_reserved_bottom_px = in.ConsumeFloatingPointInRange(0.0, 500.0);
        break;
    }
    }
    const double reserved_top = in.ConsumeFloatingPointInRange(0.0, 2000.0);
    const double reserved_bottom = in.ConsumeFloatingPointInRange(0.0, 2000.0);
    options.title = in.ConsumeRandomLengthString(64);
    options.out = in.ConsumeRemainingBytesAsString();
    try {
        kuril::validate_export(options);
        (void)kuril::exact_view_height(options, reserved_top, reserved_bottom);
        const kuril::ExportPlan plan =
            kuril::plan_export(*base.scene, options, reserved_top, reserved_bottom);
        (void)plan.view.metres_per_pixel();
    } catch (const geo::InputError&) {
        // Refused with a message: what bad options are meant to get.
    }
    return 0;
}
