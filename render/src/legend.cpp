#include "render/legend.hpp"

#include "render/style.hpp"

#include <set>

namespace kuril {

std::vector<LegendEntry> legend_entries(const MapScene& scene, const MapState& state) {
    std::vector<LegendEntry> entries;
    const auto& history = *scene.atlas->history;
    if (state.shows(Layer::land) && scene.has_land) {
        entries.push_back({style::land, "Land (GSHHG coastline)", LegendEntry::fill});
    }
    if (state.shows(Layer::status)) {
        std::set<geo::Party> fills;
        std::set<geo::Party> hatches;
        bool joint = false;
        for (const auto& region : scene.regions) {
            const auto symbol = status_symbol(history.island_status(region.island->id, state.date));
            if (!symbol) {
                continue;
            }
            fills.insert(symbol->fill);
            joint = joint || !symbol->stripes.empty();
            hatches.insert(symbol->hatches.begin(), symbol->hatches.end());
        }
        for (const auto party : fills) {
            entries.push_back({style::party_fill(party),
                               "Administered by " + geo::party_display_name(party, state.date),
                               LegendEntry::fill});
        }
        if (joint) {
            entries.push_back(
                {style::party_fill(geo::Party::RU), "Striped: held jointly", LegendEntry::stripes});
        }
        for (const auto party : hatches) {
            entries.push_back(
                {style::party_hatch(party),
                 "Hatched: also claimed by " + geo::party_display_name(party, state.date),
                 LegendEntry::hatch});
        }
    }
    if (state.shows(Layer::lines)) {
        std::set<std::string> seen;
        for (const auto* line : history.lines_in_force(state.date)) {
            if (!seen.insert(line->id).second) {
                continue;
            }
            sf::Color colour = style::treaty_line;
            auto kind = line->approx ? LegendEntry::dashed : LegendEntry::solid;
            switch (line->kind) {
            case geo::LineKind::proposal:
                colour = style::proposal_line;
                kind = LegendEntry::dashed;
                break;
            case geo::LineKind::claim:
                colour = style::claim_line;
                kind = LegendEntry::dashed;
                break;
            case geo::LineKind::line_of_control:
                colour = style::control_line;
                kind = LegendEntry::dashed;
                break;
            case geo::LineKind::treaty:
                break;
            }
            entries.push_back(
                {colour, line->label + " — " + std::string(geo::line_kind_name(line->kind)), kind});
        }
    }
    return entries;
}

void draw_legend_swatch(sf::RenderTarget& target, const LegendEntry& entry, sf::FloatRect swatch,
                        float scale) {
    const float s = scale;
    sf::VertexArray v(sf::Triangles);
    auto quad = [&](sf::FloatRect q, sf::Color c) {
        v.append({{q.left, q.top}, c});
        v.append({{q.left + q.width, q.top}, c});
        v.append({{q.left, q.top + q.height}, c});
        v.append({{q.left + q.width, q.top}, c});
        v.append({{q.left + q.width, q.top + q.height}, c});
        v.append({{q.left, q.top + q.height}, c});
    };
    switch (entry.kind) {
    case LegendEntry::fill:
        quad(swatch, entry.colour);
        break;
    case LegendEntry::hatch:
        quad(swatch, style::land);
        for (float x = 0; x < swatch.width; x += 6 * s) {
            quad({swatch.left + x, swatch.top, 2 * s, swatch.height}, entry.colour);
        }
        break;
    case LegendEntry::stripes:
        quad(swatch, style::party_fill(geo::Party::JP));
        quad({swatch.left + swatch.width / 2, swatch.top, swatch.width / 2, swatch.height},
             entry.colour);
        break;
    case LegendEntry::solid:
        quad({swatch.left, swatch.top + 5 * s, swatch.width, 3 * s}, entry.colour);
        break;
    case LegendEntry::dashed:
        for (float x = 0; x < swatch.width; x += 10 * s) {
            quad({swatch.left + x, swatch.top + 5 * s, 6 * s, 3 * s}, entry.colour);
        }
        break;
    }
    target.draw(v);
}

} // namespace kuril
