// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/georef.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "imageio/atomic_file.hpp"

#include <cstdio>
#include <memory>
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
    aux_xml_->write_text(aux_xml_text(projection.target_wkt(), projection.axis_mapping()));
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
