// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewer/ui_layout.hpp"

#include <algorithm>

namespace kuril {

std::vector<ScreenRect> UiLayout::obstacles() const {
    std::vector<ScreenRect> rects;
    const float s = scale;
    const float h = height;
    if (slide) {
        rects.push_back({0, 0, width, slide->title_height});
        rects.push_back(
            {0, h - slide->caption_height - 30 * s, width, slide->caption_height + 30 * s});
        if (slide->legend) {
            rects.push_back(slide->legend_rect);
        }
    } else {
        rects.push_back({0, h - timeline_height - 30 * s, width, timeline_height + 30 * s});
    }
    if (layers) {
        rects.push_back(
            {layers->rect.left, layers->rect.top, layers->rect.width, layers->rect.height});
    }
    if (info) {
        rects.push_back({info->rect.left, info->rect.top, info->rect.width, info->rect.height});
    }
    if (search) {
        rects.push_back({search->box.left, search->box.top, search->box.width, search->box.height});
    }
    if (compare) {
        const auto rect = [&](const sf::FloatRect& r) {
            rects.push_back({r.left, r.top, r.width, r.height});
        };
        rect(compare->divider);
        rect(compare->handle);
        for (const auto& half : compare->halves) {
            rect(half.heading_box);
            if (!half.legend.empty()) {
                rect(half.legend_rect);
            }
        }
    }
    return rects;
}

std::optional<std::size_t> CompareLayout::half_at(float x, float y) const {
    for (std::size_t side = 0; side < 2; ++side) {
        if (halves[side].area.contains(x, y)) {
            return side;
        }
    }
    return std::nullopt;
}

bool CompareLayout::divider_contains(float x, float y) const {
    if (!swipe) {
        return false;
    }
    const float grab = std::max(6.f, divider.width * 3);
    return handle.contains(x, y) ||
           (x >= divider.left - grab && x <= divider.left + divider.width + grab &&
            y >= divider.top && y <= divider.top + divider.height);
}

ScreenInsets UiLayout::map_insets() const {
    ScreenInsets insets;
    if (slide) {
        insets.top = slide->title_height;
        insets.bottom = slide->caption_height;
    } else {
        insets.bottom = timeline_height;
    }
    // A panel covers the edge it is nearer to, from that edge to its far side.
    const auto cover = [&](const sf::FloatRect& rect) {
        if (rect.left + rect.width / 2 < width / 2) {
            insets.left = std::max<double>(insets.left, rect.left + rect.width);
        } else {
            insets.right = std::max<double>(insets.right, width - rect.left);
        }
    };
    if (compare) {
        // The halves' dates head the map; side by side, the view is a half's, which the
        // panels over the window do not measure.
        insets.top += compare->heading_height;
        if (!compare->swipe) {
            return insets;
        }
    }
    if (layers) {
        cover(layers->rect);
    }
    if (info) {
        cover(info->rect);
    }
    return insets;
}

std::optional<Layer> UiLayout::layer_row_at(float x, float y) const {
    if (layers) {
        for (const auto& [layer, rect] : layers->rows) {
            if (rect.contains(x, y)) {
                return layer;
            }
        }
    }
    return std::nullopt;
}

std::optional<std::string> UiLayout::pov_button_at(float x, float y) const {
    if (layers) {
        for (const auto& button : layers->pov_buttons) {
            if (button.rect.contains(x, y)) {
                return button.id;
            }
        }
    }
    return std::nullopt;
}

std::optional<int> UiLayout::export_button_at(float x, float y) const {
    if (layers) {
        for (const auto& [factor, rect] : layers->export_buttons) {
            if (rect.contains(x, y)) {
                return factor;
            }
        }
    }
    return std::nullopt;
}

bool UiLayout::play_button_contains(float x, float y) const {
    return play_button && play_button->contains(x, y);
}

bool UiLayout::timeline_contains(float x, float y) const {
    return timeline && timeline->contains(x, y);
}

double UiLayout::timeline_fraction(float x) const {
    if (!timeline) {
        return 0.0;
    }
    const float inner_left = timeline->left + 20;
    const float inner_width = timeline->width - 40;
    return std::clamp(static_cast<double>((x - inner_left) / inner_width), 0.0, 1.0);
}

bool UiLayout::panel_contains(float x, float y) const {
    return (info && info->rect.contains(x, y)) || (layers && layers->rect.contains(x, y));
}

bool UiLayout::close_contains(float x, float y) const {
    return info && info->close.contains(x, y);
}

bool UiLayout::info_contains(float x, float y) const {
    return info && info->rect.contains(x, y);
}

std::optional<std::size_t> InfoPanelLayout::source_at(float x, float y) const {
    if (!rect.contains(x, y) || y < body_top || y > body_bottom) {
        return std::nullopt;
    }
    const float content_y = y - body_top + scroll;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (content_y >= sources[i].top && content_y < sources[i].top + sources[i].height) {
            return i;
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> InfoPanelLayout::first_visible_source() const {
    if (sources.empty()) {
        return std::nullopt;
    }
    const float visible_top = scroll;
    const float visible_bottom = scroll + (body_bottom - body_top);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (sources[i].top + sources[i].height > visible_top && sources[i].top < visible_bottom) {
            return i;
        }
    }
    return 0;
}

} // namespace kuril
