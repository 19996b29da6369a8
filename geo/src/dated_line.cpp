// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/dated_line.hpp"

#include "i18n/translate.hpp"

#include <sstream>

namespace geo {

using i18n::N_;

DatedLineReader::DatedLineReader(const VectorLayer& layer, const Feature& feature)
    : layer_(layer), feature_(feature), fid_(std::to_string(feature.fid)) {
    id_ = required("id");
}

const std::string& DatedLineReader::required(const char* name) const {
    const std::string& value = feature_.attribute(name);
    if (value.empty()) {
        // The message names the file and feature; the error carries them as fields too.
        throw InputError(Diagnostic{
            layer_.source, 0,
            i18n::Message(N_("{file}: feature {fid}: attribute '{name}' is missing or "
                             "empty"),
                          {{"file", layer_.source.string()}, {"fid", fid_}, {"name", name}}),
            fid_});
    }
    return value;
}

InputError DatedLineReader::error(const i18n::Message& problem) const {
    return InputError(Diagnostic{
        layer_.source, 0,
        i18n::Message(
            N_("{file}: feature {fid} ({id}): {problem}"),
            {{"file", layer_.source.string()}, {"fid", fid_}, {"id", id_}, {"problem", problem}}),
        fid_});
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
        throw error(problem.message());
    }
    if (line.valid_to && !(line.valid_from < *line.valid_to)) {
        throw error({N_("valid_to {to} is not after valid_from {from}"),
                     {{"to", line.valid_to->iso()}, {"from", line.valid_from.iso()}}});
    }
    line.label = required("label");
    const std::string& approx = required("approx");
    if (approx != "true" && approx != "false") {
        throw error({N_("approx '{value}' is not true or false"), {{"value", approx}}});
    }
    line.approx = approx == "true";
    std::istringstream sources(required("source"));
    for (std::string id; sources >> id;) {
        line.sources.push_back(id);
    }
    line.geometry = feature_.lines;
}

} // namespace geo
