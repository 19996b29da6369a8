// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/dated_line.hpp"

#include <sstream>

namespace geo {

DatedLineReader::DatedLineReader(const VectorLayer& layer, const Feature& feature)
    : layer_(layer), feature_(feature), fid_(std::to_string(feature.fid)),
      where_(layer.source.string() + ": feature " + fid_) {
    id_ = required("id");
}

const std::string& DatedLineReader::required(const char* name) const {
    const std::string& value = feature_.attribute(name);
    if (value.empty()) {
        // The message names the file and feature; the error carries them as fields too.
        throw InputError(Diagnostic{
            layer_.source, 0, where_ + ": attribute '" + name + "' is missing or empty", fid_});
    }
    return value;
}

InputError DatedLineReader::error(const std::string& message) const {
    return InputError(Diagnostic{layer_.source, 0, where_ + " (" + id_ + "): " + message, fid_});
}

void DatedLineReader::read(DatedLine& line) const {
    line.id = id_;
    line.part = feature_.attribute("part");
    const std::string& from = required("valid_from");
    const std::string& to = feature_.attribute("valid_to");
    try {
        line.valid_from = parse_partial_date(from).first;
        if (!to.empty()) {
            line.valid_to = parse_partial_date(to).first;
        }
    } catch (const InputError& problem) {
        throw error(problem.what());
    }
    if (line.valid_to && !(line.valid_from < *line.valid_to)) {
        throw error("valid_to " + line.valid_to->iso() + " is not after valid_from " +
                    line.valid_from.iso());
    }
    line.label = required("label");
    const std::string& approx = required("approx");
    if (approx != "true" && approx != "false") {
        throw error("approx '" + approx + "' is not true or false");
    }
    line.approx = approx == "true";
    std::istringstream sources(required("source"));
    for (std::string id; sources >> id;) {
        line.sources.push_back(id);
    }
    line.geometry = feature_.lines;
}

} // namespace geo
