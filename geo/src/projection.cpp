// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/projection.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"

#include <cmath>
#include <mutex>
#include <proj.h>
#include <string>
#include <string_view>

namespace geo {

struct Projection::State {
    PJ_CONTEXT* context = nullptr;
    PJ* target = nullptr;         ///< the target CRS itself
    PJ* transformation = nullptr; ///< WGS84 lon/lat -> target x/y
    /// The ESRI WKT takes PROJ some milliseconds (database lookups): made once, on first use.
    std::once_flag esri_once;
    std::string esri_wkt;
    /// Metres per unit of the target's first axis: made once, in the constructor.
    double metres_per_unit = 1;
    std::string axis_mapping; ///< made in the constructor

    ~State() {
        proj_destroy(transformation);
        proj_destroy(target);
        proj_context_destroy(context);
    }
};

namespace {

using i18n::N_;

/// What PROJ said (as it said it), or that it said nothing.
i18n::Message proj_error(PJ_CONTEXT* context) {
    const int code = proj_context_errno(context);
    const char* text = code != 0 ? proj_context_errno_string(context, code) : nullptr;
    return text != nullptr ? i18n::Message(std::string(text))
                           : i18n::Message(N_("unknown PROJ error"));
}

/// What the constructor learns from the target's coordinate system.
struct Axes {
    double metres_per_unit = 1;
    std::string mapping = "1,2";
};

bool direction_is(const char* direction, std::string_view a, std::string_view b) {
    const std::string_view text = direction != nullptr ? direction : "";
    return text == a || text == b;
}

/// Of `target`'s horizontal part (the horizontal CRS of a compound CRS, the source CRS of a
/// bound one): metres per unit of the first axis (a geographic CRS: per radian along a great
/// circle of the mean Earth), and how an image's x and y map onto its axes.
Axes read_axes(PJ_CONTEXT* context, const PJ* target) {
    PJ* crs = proj_clone(context, target);
    for (int depth = 0; crs != nullptr && depth < 4; ++depth) {
        const PJ_TYPE type = proj_get_type(crs);
        PJ* inner = type == PJ_TYPE_COMPOUND_CRS ? proj_crs_get_sub_crs(context, crs, 0)
                    : type == PJ_TYPE_BOUND_CRS  ? proj_get_source_crs(context, crs)
                                                 : nullptr;
        if (inner == nullptr) {
            break;
        }
        proj_destroy(crs);
        crs = inner;
    }
    Axes axes;
    double factor = 1;
    const bool geographic = crs != nullptr && (proj_get_type(crs) == PJ_TYPE_GEOGRAPHIC_2D_CRS ||
                                               proj_get_type(crs) == PJ_TYPE_GEOGRAPHIC_3D_CRS);
    if (PJ* cs = crs != nullptr ? proj_crs_get_coordinate_system(context, crs) : nullptr) {
        double conversion = 0;
        const char* first = nullptr;
        const char* second = nullptr;
        if (proj_cs_get_axis_info(context, cs, 0, nullptr, nullptr, &first, &conversion, nullptr,
                                  nullptr, nullptr) != 0 &&
            std::isfinite(conversion) && conversion > 0) {
            factor = conversion; // to metres, or for an angle to radians
        }
        proj_cs_get_axis_info(context, cs, 1, nullptr, nullptr, &second, nullptr, nullptr, nullptr,
                              nullptr);
        // GDAL's "traditional GIS order": x is easting or longitude, so a CRS whose first axis
        // is latitude or northing and second longitude or easting is swapped.
        const bool north_first =
            direction_is(first, "north", "south") && direction_is(second, "east", "west");
        axes.mapping = north_first ? "2,1" : "1,2";
        for (int axis = 3; axis <= proj_cs_get_axis_count(context, cs); ++axis) {
            axes.mapping += ',';
            axes.mapping += std::to_string(axis);
        }
        proj_destroy(cs);
    }
    proj_destroy(crs);
    // An angle along a great circle of the mean Earth (IUGG, 6,371,008.8 m).
    axes.metres_per_unit = geographic ? factor * 6371008.8 : factor;
    return axes;
}

} // namespace

Projection::Projection(const std::string& target_crs)
    : state_(std::make_unique<State>()), definition_(target_crs) {
    state_->context = proj_context_create();
    proj_log_level(state_->context, PJ_LOG_NONE);
    state_->target = proj_create(state_->context, target_crs.c_str());
    if (state_->target == nullptr) {
        throw InputError(N_("CRS '{crs}': {error}"),
                         {{"crs", target_crs}, {"error", proj_error(state_->context)}});
    }
    const PJ_TYPE type = proj_get_type(state_->target);
    if (type != PJ_TYPE_PROJECTED_CRS && type != PJ_TYPE_GEOGRAPHIC_2D_CRS &&
        type != PJ_TYPE_GEOGRAPHIC_3D_CRS && type != PJ_TYPE_COMPOUND_CRS &&
        type != PJ_TYPE_BOUND_CRS) {
        throw InputError(N_("CRS '{crs}': not a CRS (a projected or geographic CRS is expected; "
                            "add +type=crs to a PROJ string)"),
                         {{"crs", target_crs}});
    }
    PJ* raw = proj_create_crs_to_crs(state_->context, "EPSG:4326", target_crs.c_str(), nullptr);
    if (raw == nullptr) {
        throw InputError(N_("CRS '{crs}': no transformation from WGS 84: {error}"),
                         {{"crs", target_crs}, {"error", proj_error(state_->context)}});
    }
    state_->transformation = proj_normalize_for_visualization(state_->context, raw);
    proj_destroy(raw);
    if (state_->transformation == nullptr) {
        throw InputError(N_("CRS '{crs}': {error}"),
                         {{"crs", target_crs}, {"error", proj_error(state_->context)}});
    }
    Axes axes = read_axes(state_->context, state_->target);
    state_->metres_per_unit = axes.metres_per_unit;
    state_->axis_mapping = std::move(axes.mapping);
}

Projection::Projection(Empty) {}

Projection Projection::clone() const {
    Projection copy{Empty{}};
    copy.definition_ = definition_;
    copy.state_ = std::make_unique<State>();
    State& state = *copy.state_;
    state.context = proj_context_create();
    proj_log_level(state.context, PJ_LOG_NONE);
    state.target = proj_clone(state.context, state_->target);
    state.transformation = proj_clone(state.context, state_->transformation);
    if (state.target == nullptr || state.transformation == nullptr) {
        throw InternalError("PROJ could not copy the transformation to " + definition_ + ": " +
                            proj_error(state.context).english());
    }
    state.metres_per_unit = state_->metres_per_unit;
    state.axis_mapping = state_->axis_mapping;
    return copy;
}

Projection::~Projection() = default;
Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;

std::string Projection::target_wkt_esri() const {
    std::call_once(state_->esri_once, [this] {
        const char* wkt = proj_as_wkt(state_->context, state_->target, PJ_WKT1_ESRI, nullptr);
        state_->esri_wkt = wkt != nullptr ? wkt : "";
    });
    if (state_->esri_wkt.empty()) {
        throw InputError(N_("CRS '{crs}' cannot be written as ESRI WKT"), {{"crs", definition_}});
    }
    return state_->esri_wkt;
}

std::string Projection::target_wkt() const {
    const char* wkt = proj_as_wkt(state_->context, state_->target, PJ_WKT2_2019, nullptr);
    if (wkt == nullptr) {
        throw InputError(N_("CRS '{crs}' cannot be written as WKT"), {{"crs", definition_}});
    }
    return wkt;
}

double Projection::metres_per_unit() const {
    return state_->metres_per_unit;
}

const std::string& Projection::axis_mapping() const {
    return state_->axis_mapping;
}

std::string Projection::target_name() const {
    const char* name = proj_get_name(state_->target);
    if (name != nullptr && std::string_view(name) != "unknown" && *name != '\0') {
        return name;
    }
    // A CRS from a PROJ string has no name: use its projection method's.
    std::string method = definition_;
    if (PJ* conversion = proj_crs_get_coordoperation(state_->context, state_->target)) {
        const char* method_name = nullptr;
        if (proj_coordoperation_get_method_info(state_->context, conversion, &method_name, nullptr,
                                                nullptr) &&
            method_name != nullptr) {
            method = method_name;
        }
        proj_destroy(conversion);
    }
    return method;
}

Point Projection::forward(Point lon_lat) const {
    const PJ_COORD out =
        proj_trans(state_->transformation, PJ_FWD, proj_coord(lon_lat.x, lon_lat.y, 0, 0));
    return {out.xy.x, out.xy.y};
}

Point Projection::inverse(Point xy) const {
    const PJ_COORD out = proj_trans(state_->transformation, PJ_INV, proj_coord(xy.x, xy.y, 0, 0));
    return {out.lp.lam, out.lp.phi};
}

void Projection::forward_in_place(std::span<Point> points) const {
    if (points.empty()) {
        return;
    }
    const std::size_t stride = sizeof(Point);
    proj_trans_generic(state_->transformation, PJ_FWD, &points[0].x, stride, points.size(),
                       &points[0].y, stride, points.size(), nullptr, 0, 0, nullptr, 0, 0);
}

} // namespace geo

namespace geo {

VectorLayer project_layer(const VectorLayer& layer, const Projection& projection) {
    VectorLayer projected = layer;
    projected.crs_name = projection.target_name();
    for (auto& feature : projected.features) {
        for (auto& polygon : feature.polygons) {
            for (auto& ring : polygon.rings) {
                projection.forward_in_place(ring);
            }
        }
        for (auto& line : feature.lines) {
            projection.forward_in_place(line);
        }
    }
    return projected;
}

} // namespace geo
