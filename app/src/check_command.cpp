// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "geo/atlas.hpp"
#include "geo/input_file.hpp"
#include "geo/islands.hpp"
#include "i18n/translate.hpp"
#include "map/tour_check.hpp"
#include "source_audit.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>

namespace fs = std::filesystem;

namespace kuril {

using i18n::N_;

namespace {

/// The interface language of check's problems and warnings: the locale's, as the CLI says its
/// errors.
std::string_view check_language() {
    return i18n::language_of_locale(i18n::locale_from_environment());
}

/// "N error(s) in FILE", the last line of a failed check.
std::string error_count(std::size_t count, const fs::path& file) {
    return i18n::Message(N_("{count} error(s) in {file}"),
                         {{"count", std::to_string(count)}, {"file", file.string()}})
        .text(check_language());
}

/// What a file that is not a regular one is, in words said in the reader's language.
/// "warning: FILE:LINE: ..." in `language`.
std::string warning_line(const geo::Diagnostic& warning, std::string_view language) {
    return i18n::Message(N_("warning: {warning}"), {{"warning", warning.to_string(language)}})
        .text(language);
}

/// A teacher's tour file: <tours> (and perhaps its own <sources>) but no <layers>. It is read
/// against the shipped annotations, as `present --tour-file` reads it.
bool is_tour_file(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        return false; // looked at before opening: a FIFO would block
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return false;
    }
    std::string text(
        static_cast<std::size_t>(std::min<std::uintmax_t>(fs::file_size(file), 16u << 20)), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text.find("<tours") != std::string::npos && text.find("<layers") == std::string::npos;
}

int check_tour_file(const fs::path& file, const DataOptions& data) {
    DataOptions shipped = data;
    shipped.annotations.clear();
    const fs::path base_file = resolve_annotations(shipped);
    const geo::Annotations base = geo::load_annotations(base_file);
    try {
        const geo::Annotations tours =
            geo::load_annotations(file, geo::ParseOptions{&base, check_tours});
        std::size_t slides = 0;
        for (const auto& tour : tours.tours) {
            slides += tour.slides.size();
        }
        std::cout << "ok: " << file.string() << ": " << tours.tours.size() << " tours (" << slides
                  << " slides), " << tours.sources.size()
                  << " sources of its own; islands and sources of " << base_file.string()
                  << " count as known\n";
        return 0;
    } catch (const geo::AnnotationsError& error) {
        for (const auto& problem : error.problems()) {
            std::cout << problem.to_string(check_language()) << '\n';
        }
        std::cout << error_count(error.problems().size(), file) << '\n';
        return 2;
    }
}

} // namespace

/// A FIFO, device or socket is refused in one line before anything opens it.
void refuse_non_regular(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec) || fs::is_directory(file, ec)) {
        return; // the loader says "no such file" or "is a directory" in its own words
    }
    if (const i18n::Message kind = geo::non_regular_kind(file); !kind.empty()) {
        if (fs::status(file, ec).type() == fs::file_type::unknown) {
            throw geo::InputError(
                N_("{file}: is not a regular file, expected an annotations XML file (a regular "
                   "file)"),
                {{"file", file.string()}});
        }
        throw geo::InputError(
            N_("{file}: is {kind}, expected an annotations XML file (a regular file)"),
            {{"file", file.string()}, {"kind", kind}});
    }
}

int run_check(const CheckOptions& options) {
    DataOptions data = options.data;
    if (!options.file.empty()) {
        refuse_non_regular(options.file);
    }
    if (!options.file.empty()) {
        data.annotations = options.file;
        if (is_tour_file(options.file)) {
            return check_tour_file(options.file, options.data);
        }
    }
    const fs::path file = resolve_annotations(data);
    refuse_non_regular(file);
    std::unique_ptr<geo::Atlas> atlas;
    try {
        geo::AtlasOptions atlas_options;
        atlas_options.data_crs = data.data_crs;
        atlas_options.check = check_tours;
        // Every polygon is checked, those of files listed as validated too.
        atlas_options.trust_validated_lists = false;
        atlas = geo::load_atlas(file, atlas_options);
    } catch (const geo::AnnotationsError& error) {
        for (const auto& problem : error.problems()) {
            std::cout << problem.to_string(check_language()) << '\n';
        }
        std::cout << error_count(error.problems().size(), file) << '\n';
        return 2;
    }
    const geo::Annotations& annotations = atlas->annotations;
    const std::string_view language = check_language();
    std::vector<std::string> problems;
    // "FILE:LINE: " (written alike in every language) and the problem in the reader's.
    auto at = [&](int line, const i18n::Message& problem) {
        return file.string() + ":" + std::to_string(line) + ": " + problem.text(language);
    };
    for (const auto& error : atlas->errors) {
        // A layer's problem is placed at the <layer> that points at the broken file.
        const geo::LayerRef* ref = annotations.layer(error.feature);
        problems.push_back(at(ref != nullptr ? ref->line : 0, error.message));
    }

    // The boundary lines and their <line> entries must match one to one.
    std::set<std::string> line_ids_in_layer;
    std::size_t parts = 0;
    if (const auto* ref = annotations.layer("boundaries"); ref != nullptr) {
        if (atlas->layer("boundaries") != nullptr) {
            for (const auto& line : atlas->history->lines()) {
                ++parts;
                line_ids_in_layer.insert(line.id);
                const std::string path = ref->path.string();
                if (annotations.line_info(line.id) == nullptr) {
                    problems.push_back(
                        at(ref->line, {N_("{file}: line '{id}' has no <line> entry in the "
                                          "annotations"),
                                       {{"file", path}, {"id", line.id}}}));
                }
                if (line.sources.empty()) {
                    problems.push_back(at(ref->line, {N_("{file}: line '{id}' cites no source"),
                                                      {{"file", path}, {"id", line.id}}}));
                }
                for (const auto& source : line.sources) {
                    if (annotations.source(source) == nullptr) {
                        problems.push_back(at(
                            ref->line, {N_("{file}: line '{id}' cites unknown source '{source}'"),
                                        {{"file", path}, {"id", line.id}, {"source", source}}}));
                    }
                }
            }
            for (const auto& info : annotations.lines) {
                if (line_ids_in_layer.count(info.id) == 0) {
                    problems.push_back(
                        at(info.line, {N_("<line id=\"{id}\"> has no geometry in {file}"),
                                       {{"id", info.id}, {"file", ref->path.string()}}}));
                }
            }
        }
    }

    // Every disputed island must have polygons in the land layer.
    std::size_t vertices = 0;
    for (const auto& loaded : atlas->layers) {
        vertices += loaded.layer.vertex_count();
    }
    if (const auto* land = atlas->layer("land"); land != nullptr) {
        const auto by_island = geo::polygons_by_island(*land);
        for (const auto& island : annotations.islands) {
            if (island.group == "disputed" && by_island.count(island.id) == 0) {
                problems.push_back(
                    at(island.line, {N_("island '{id}' has no polygon in {file}"),
                                     {{"id", island.id}, {"file", land->source.string()}}}));
            }
        }
    }

    // Members that name no polygon: a warning when the map loads, an error here.
    for (const auto& unknown : atlas->unknown_members) {
        problems.push_back(unknown.to_string(language));
    }
    std::size_t warning_count = 0;
    for (const auto& warning : atlas->warnings) {
        if (std::find_if(atlas->unknown_members.begin(), atlas->unknown_members.end(),
                         [&](const geo::Diagnostic& unknown) {
                             return unknown.message.english() == warning.message.english();
                         }) != atlas->unknown_members.end()) {
            continue;
        }
        ++warning_count;
        std::cout << warning_line(warning, language) << '\n';
    }
    for (const auto& warning : copy_site_warnings(annotations)) {
        ++warning_count;
        std::cout << warning_line(warning, language) << '\n';
    }
    const auto official = official_sources_by_island(annotations);
    std::cout << official_sources_table(official);
    for (const auto& warning : missing_official_warnings(annotations, official)) {
        ++warning_count;
        std::cout << warning_line(warning, language) << '\n';
    }
    if (!problems.empty()) {
        for (const auto& problem : problems) {
            std::cout << problem << '\n';
        }
        std::cout << error_count(problems.size(), file) << '\n';
        return 2;
    }
    std::cout << "ok: " << file.string() << ": " << annotations.sources.size() << " sources, "
              << annotations.islands.size() << " islands, " << annotations.lines.size()
              << " lines (" << parts << " parts), " << annotations.events.size() << " events, "
              << annotations.tours.size() << " tours (" <<
        [&] {
            std::size_t slides = 0;
            for (const auto& tour : annotations.tours) {
                slides += tour.slides.size();
            }
            return slides;
        }() << " slides), "
              << atlas->layers.size() << " layers (" << vertices << " vertices), " << warning_count
              << " warnings\n";
    return 0;
}

} // namespace kuril
