// SPDX-License-Identifier: GPL-3.0-or-later
// What the rasteriser (Mesa's llvmpipe here) takes to touch every pixel of a frame once, the
// floor under any frame the map draws: `fill-rate [--size WxH]` renders, off-screen as
// frame-bench does, a clear alone, then a clear and one triangle covering the target, opaque
// (drawn as the land: flat-shaded, replacing) and translucent (blended), 60 times each, and
// prints `clear_ms=A opaque_ms=B translucent_ms=C` (medians, with glFinish). Run under Xvfb.
#include <SFML/Graphics.hpp>
#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    unsigned width = 1920;
    unsigned height = 1080;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--size" &&
            (std::sscanf(argv[i + 1], "%ux%u", &width, &height) != 2 || width < 16 || height < 16 ||
             width > 8192 || height > 8192)) {
            std::fprintf(stderr, "fill-rate: --size '%s': expected WxH, 16 to 8192\n", argv[i + 1]);
            return 2;
        }
    }
    if (std::getenv("DISPLAY") == nullptr) {
        std::fprintf(stderr, "fill-rate: no DISPLAY; run under xvfb-run\n");
        return 2;
    }
    sf::RenderTexture target;
    if (!target.create(width, height)) {
        std::fprintf(stderr, "fill-rate: cannot create a render texture\n");
        return 2;
    }
    // One triangle twice the target's size: it covers every pixel.
    const auto w = static_cast<float>(width);
    const auto h = static_cast<float>(height);
    sf::VertexArray opaque(sf::Triangles, 3);
    opaque[0].position = {0, 0};
    opaque[1].position = {2 * w, 0};
    opaque[2].position = {0, 2 * h};
    sf::VertexArray translucent = opaque;
    for (std::size_t i = 0; i < 3; ++i) {
        opaque[i].color = sf::Color(243, 240, 230);
        translucent[i].color = sf::Color(80, 120, 200, 128);
    }
    sf::RenderStates replace;
    replace.blendMode = sf::BlendNone;
    const auto median_ms = [&](const std::function<void()>& draw) {
        std::vector<double> times;
        for (int i = 0; i < 65; ++i) {
            const auto start = std::chrono::steady_clock::now();
            target.clear(sf::Color(222, 234, 242));
            target.setActive(true);
            glShadeModel(GL_FLAT); // as the map is drawn
            draw();
            glShadeModel(GL_SMOOTH);
            target.display();
            glFinish();
            if (i >= 5) { // the first frames compile the driver's code
                times.push_back(std::chrono::duration<double, std::milli>(
                                    std::chrono::steady_clock::now() - start)
                                    .count());
            }
        }
        std::sort(times.begin(), times.end());
        return times[times.size() / 2];
    };
    const double clear = median_ms([] {});
    const double filled = median_ms([&] { target.draw(opaque, replace); });
    const double blended = median_ms([&] { target.draw(translucent); });
    std::printf("size=%ux%u clear_ms=%.2f opaque_ms=%.2f translucent_ms=%.2f\n", width, height,
                clear, filled, blended);
    return 0;
}
