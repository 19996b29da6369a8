// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private helpers shared by the GDAL-facing sources of the geo library.

#include <cpl_error.h>
#include <string>
#include <vector>

namespace geo::detail {

/// Registers GDAL's drivers once.
void ensure_gdal_registered();

/// Collects GDAL/CPL messages while alive instead of letting GDAL print them.
class CplErrorCollector {
public:
    CplErrorCollector();
    ~CplErrorCollector();
    CplErrorCollector(const CplErrorCollector&) = delete;
    CplErrorCollector& operator=(const CplErrorCollector&) = delete;

    const std::vector<std::string>& failures() const { return failures_; }
    const std::vector<std::string>& warnings() const { return warnings_; }
    std::string first_failure() const { return failures_.empty() ? std::string() : failures_[0]; }
    /// Forgets warnings beyond the first `count` (GEOS repeats what we already report).
    void drop_warnings_after(std::size_t count) {
        if (warnings_.size() > count) {
            warnings_.resize(count);
        }
    }
    void clear() {
        failures_.clear();
        warnings_.clear();
    }

private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum number, const char* message);
    std::vector<std::string> failures_;
    std::vector<std::string> warnings_;
};

} // namespace geo::detail
