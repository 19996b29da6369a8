// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/georef.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "imageio/atomic_file.hpp"

#include <cstdio>
#include <memory>
#include <proj.h>
#include <string_view>
#include <tinyxml2.h>

using i18n::N_;

namespace kuril {

std::string world_file_text(const MapView& view, double left_px) {
    // GDAL reads a world file as the centre of the top-left pixel.
    const geo::Point centre_of_first = view.screen_to_map({0.5 - left_px, 0.5});
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%.10f\n0.0000000000\n0.0000000000\n%.10f\n%.10f\n%.10f\n",
                  view.metres_per_pixel(), -view.metres_per_pixel(), centre_of_first.x,
                  centre_of_first.y);
    return buffer;
}

namespace {

struct ProjContextDeleter {
    void operator()(PJ_CONTEXT* context) const { proj_context_destroy(context); }
};
struct ProjDeleter {
    void operator()(PJ* object) const { proj_destroy(object); }
};
using ProjPtr = std::unique_ptr<PJ, ProjDeleter>;

bool direction_is(const char* direction, const char* a, const char* b) {
    const std::string_view text = direction != nullptr ? direction : "";
    return text == a || text == b;
}

} // namespace

std::string data_axis_mapping(const std::string& wkt) {
    // Through PROJ, as GDAL's OGRSpatialReference works it out, without loading GDAL.
    const std::unique_ptr<PJ_CONTEXT, ProjContextDeleter> context(proj_context_create());
    PJ_CONTEXT* ctx = context.get();
    proj_log_level(ctx, PJ_LOG_NONE);
    ProjPtr crs(proj_create_from_wkt(ctx, wkt.c_str(), nullptr, nullptr, nullptr));
    if (crs && proj_get_type(crs.get()) == PJ_TYPE_BOUND_CRS) {
        crs.reset(proj_get_source_crs(ctx, crs.get()));
    }
    if (crs && proj_get_type(crs.get()) == PJ_TYPE_COMPOUND_CRS) {
        crs.reset(proj_crs_get_sub_crs(ctx, crs.get(), 0));
    }
    const ProjPtr axes(crs ? proj_crs_get_coordinate_system(ctx, crs.get()) : nullptr);
    const int count = axes ? proj_cs_get_axis_count(ctx, axes.get()) : -1;
    if (count < 2) {
        throw geo::InputError(N_("the display CRS cannot be read back as WKT: {wkt}"),
                              {{"wkt", wkt.substr(0, 80)}});
    }
    const char* first = nullptr;
    const char* second = nullptr;
    proj_cs_get_axis_info(ctx, axes.get(), 0, nullptr, nullptr, &first, nullptr, nullptr, nullptr,
                          nullptr);
    proj_cs_get_axis_info(ctx, axes.get(), 1, nullptr, nullptr, &second, nullptr, nullptr, nullptr,
                          nullptr);
    // The image's columns and rows run east and north (x = easting or longitude), whatever
    // order the CRS's definition gives its axes: GDAL's "traditional GIS order" swaps a CRS
    // whose first axis is latitude or northing and second longitude or easting.
    const bool north_first =
        direction_is(first, "north", "south") && direction_is(second, "east", "west");
    std::string mapping = north_first ? "2,1" : "1,2";
    for (int axis = 3; axis <= count; ++axis) {
        mapping += ',';
        mapping += std::to_string(axis);
    }
    return mapping;
}

std::string aux_xml_text(const std::string& wkt, const std::string& axis_mapping) {
    tinyxml2::XMLPrinter printer;
    printer.OpenElement("PAMDataset");
    printer.OpenElement("SRS");
    printer.PushAttribute("dataAxisToSRSAxisMapping", axis_mapping.c_str());
    printer.PushText(wkt.c_str());
    printer.CloseElement();
    printer.CloseElement();
    return printer.CStr();
}

GeorefFiles::GeorefFiles(const SidecarPaths& paths) {
    if (!paths.empty()) {
        world_file_ = std::make_unique<AtomicFile>(paths.world_file);
        prj_ = std::make_unique<AtomicFile>(paths.prj);
        aux_xml_ = std::make_unique<AtomicFile>(paths.aux_xml);
    }
    if (!paths.right_world_file.empty()) {
        right_world_file_ = std::make_unique<AtomicFile>(paths.right_world_file);
    }
}

GeorefFiles::~GeorefFiles() {
    if (synced_.valid()) {
        synced_.wait(); // the files are removed after
    }
}

void GeorefFiles::write(const MapView& view, const geo::Projection& projection,
                        const MapView* right_view, double right_left_px) {
    if (!world_file_) {
        return;
    }
    world_file_->write_text(world_file_text(view));
    if (right_world_file_ && right_view != nullptr) {
        right_world_file_->write_text(world_file_text(*right_view, right_left_px));
    }
    prj_->write_text(projection.target_wkt_esri());
    const std::string wkt = projection.target_wkt();
    aux_xml_->write_text(aux_xml_text(wkt, data_axis_mapping(wkt)));
    // Three fsyncs cost a journal commit each (about 5 ms on ext4): not on the way of drawing.
    synced_ = std::async(std::launch::async, [this] {
        world_file_->sync();
        if (right_world_file_) {
            right_world_file_->sync();
        }
        prj_->sync();
        aux_xml_->sync();
    });
}

void GeorefFiles::finish() {
    if (synced_.valid()) {
        synced_.get();
    }
}

void GeorefFiles::commit() {
    if (!world_file_) {
        return;
    }
    finish();
    world_file_->commit();
    if (right_world_file_) {
        right_world_file_->commit();
    }
    prj_->commit();
    aux_xml_->commit();
}

} // namespace kuril
