// SPDX-License-Identifier: GPL-3.0-or-later
#include "gdal_support.hpp"

#include <gdal.h>
#include <mutex>

namespace geo::detail {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

CplErrorCollector::CplErrorCollector() {
    CPLPushErrorHandlerEx(&CplErrorCollector::handle, this);
}

CplErrorCollector::~CplErrorCollector() {
    CPLPopErrorHandler();
}

void CPL_STDCALL CplErrorCollector::handle(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<CplErrorCollector*>(CPLGetErrorHandlerUserData());
    if (self == nullptr || message == nullptr) {
        return;
    }
    if (level == CE_Failure || level == CE_Fatal) {
        self->failures_.emplace_back(message);
    } else if (level == CE_Warning) {
        self->warnings_.emplace_back(message);
    }
}

} // namespace geo::detail
