// Framebuffer functions (OpenGL 3.0) come straight from libGL, as Mesa exports them.
#define GL_GLEXT_PROTOTYPES 1

#include "export/exporter.hpp"

#include "export_overlay.hpp"
#include "geo/error.hpp"
#include "imageio/atomic_file.hpp"
#include "imageio/geotiff_writer.hpp"
#include "imageio/png_writer.hpp"
#include "render/legend.hpp"
#include "render/map_renderer.hpp"
#include "render/style.hpp"
#include "render/text.hpp"
#include "util/phase_timer.hpp"

#include <GL/gl.h>
#include <GL/glext.h>
#include <SFML/Graphics.hpp>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <set>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kuril {
namespace {
using detail::ExportOverlay;

/// What the PNG says about itself in text chunks: title, attribution, sources, software.
PngText png_text(const std::string& title, const ExportOverlay& overlay,
                 const ExportOptions& options) {
    PngText text = {{"Title", title}, {"Software", "Kuril Atlas"}};
    if (options.footer) {
        text.emplace_back("Description", overlay.footer_text());
    }
    text.emplace_back("Copyright",
                      "Coastlines: GSHHG 2.3.7 (c) P. Wessel & W. H. F. Smith, LGPL-3");
    return text;
}

} // namespace

std::string world_file_text(const MapView& view) {
    // GDAL reads a world file as the centre of the top-left pixel.
    const geo::Point centre_of_first = view.screen_to_map({0.5, 0.5});
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%.10f\n0.0000000000\n0.0000000000\n%.10f\n%.10f\n%.10f\n",
                  view.metres_per_pixel(), -view.metres_per_pixel(), centre_of_first.x,
                  centre_of_first.y);
    return buffer;
}

sf::RenderTexture& ExportCanvas::texture(const ExportLayout& layout) {
    if (!texture_ || width_ != layout.tile_width || height_ != layout.tile_height) {
        release_stencil();
        texture_.reset();
        auto texture = std::make_unique<sf::RenderTexture>();
        const auto w = static_cast<GLsizei>(layout.tile_width);
        const auto h = static_cast<GLsizei>(layout.tile_height);
        // Fills need a stencil buffer but no depth: SFML would attach a packed 32-bit
        // depth-stencil buffer; an 8-bit stencil-only one is a quarter of the memory to clear
        // and no read-modify-write of depth bits per stencil update.
        bool stencil_only =
            texture->create(layout.tile_width, layout.tile_height) && texture->setActive(true);
        if (stencil_only) {
            glGenRenderbuffers(1, &stencil_);
            glBindRenderbuffer(GL_RENDERBUFFER, stencil_);
            glRenderbufferStorage(GL_RENDERBUFFER, GL_STENCIL_INDEX8, w, h);
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT, GL_RENDERBUFFER,
                                      stencil_);
            GLint bits = 0;
            glGetIntegerv(GL_STENCIL_BITS, &bits);
            stencil_only =
                glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE && bits == 8;
        }
        if (!stencil_only) {
            // The driver will not take it: let SFML attach its own depth-stencil buffer.
            if (stencil_ != 0) {
                glDeleteRenderbuffers(1, &stencil_);
                stencil_ = 0;
            }
            texture = std::make_unique<sf::RenderTexture>();
            sf::ContextSettings settings;
            settings.stencilBits = 8;
            if (!texture->create(layout.tile_width, layout.tile_height, settings)) {
                throw geo::InputError("cannot create a " + std::to_string(layout.tile_width) + "x" +
                                      std::to_string(layout.tile_height) +
                                      " render texture (too large for this OpenGL?)");
            }
        }
        texture_ = std::move(texture);
        width_ = layout.tile_width;
        height_ = layout.tile_height;
    }
    return *texture_;
}

ExportCanvas::ExportCanvas() = default;

ExportCanvas::~ExportCanvas() {
    release_stencil();
}

void ExportCanvas::release_stencil() {
    if (stencil_ != 0 && texture_ && texture_->setActive(true)) {
        glDeleteRenderbuffers(1, &stencil_);
    }
    stencil_ = 0;
}

ExportResult export_map(const MapScene& scene, const sf::Font& font, const ExportOptions& options,
                        const std::function<void(double)>& progress, ExportCanvas* canvas) {
    const auto start = std::chrono::steady_clock::now();
    auto& timer = PhaseTimer::global();
    validate_export(options);
    check_writable(options.out);
    MapState state = export_state(options);
    ExportOverlay overlay(scene, font, options, state, options.width, options.height);
    const ExportPlan plan =
        plan_export(scene, options, overlay.top_reserved(), overlay.bottom_reserved());
    state = plan.state; // the overlay keeps drawing from `state`
    const MapView& view = plan.view;
    const auto obstacles = overlay.obstacles();
    timer.mark("overlay layout");

    const ExportLayout& layout = plan.layout;
    std::unique_ptr<RowSink> image;
    const fs::path image_path = options.out;
    if (options.geotiff) {
        const geo::Point corner = view.screen_to_map({0, 0});
        image = std::make_unique<GeoTiffWriter>(image_path, options.width, options.height,
                                                GeoTransform{corner.x, view.metres_per_pixel(), 0,
                                                             corner.y, 0, -view.metres_per_pixel()},
                                                scene.projection->target_wkt_esri());
    } else {
        image = std::make_unique<PngWriter>(image_path, options.width, options.height,
                                            png_text(plan.title, overlay, options));
    }
    // Check the side files can be written before spending time on the image.
    std::unique_ptr<AtomicFile> world_file;
    std::unique_ptr<AtomicFile> prj_file;
    std::unique_ptr<AtomicFile> aux_file;
    if (!options.geotiff) {
        world_file = std::make_unique<AtomicFile>(plan.sidecars.world_file);
        prj_file = std::make_unique<AtomicFile>(plan.sidecars.prj);
        aux_file = std::make_unique<AtomicFile>(plan.sidecars.aux_xml);
    }
    timer.mark("open output files");

    MapRenderer renderer(scene, font);
    ExportCanvas own_canvas;
    sf::RenderTexture& texture = (canvas != nullptr ? *canvas : own_canvas).texture(layout);
    timer.mark("render texture");
    image->prepare_buffers(static_cast<std::size_t>(options.width) * layout.tile_height * 4);
    PixelBuffer tile_pixels;
    unsigned tiles = 0;
    for (const unsigned ty : plan.band_tops) {
        const unsigned band_height = std::min(layout.tile_height, options.height - ty);
        const std::size_t band_bytes = static_cast<std::size_t>(options.width) * band_height * 4;
        PixelBuffer band; // taken once the first tile is drawn (see prepare_buffers)
        bool bottom_up = false;
        for (unsigned tx = 0; tx < options.width; tx += layout.tile_width) {
            const unsigned tile_width = std::min(layout.tile_width, options.width - tx);
            // The texture is drawn whole; a short last band or narrow last tile uses its top
            // left part, and all of it is laid out for the full image.
            const sf::FloatRect tile(static_cast<float>(tx), static_cast<float>(ty),
                                     static_cast<float>(layout.tile_width),
                                     static_cast<float>(layout.tile_height));
            renderer.draw(texture, view, state, obstacles, tile);
            texture.setView(sf::View(tile));
            overlay.draw(texture);
            texture.display();
            texture.setActive(true);
            glFinish();
            timer.mark("render");
            if (band.size() == 0) {
                band = image->spare_buffer(band_bytes);
            }
            // OpenGL counts rows from the bottom: the top `band_height` rows start there.
            const auto first_gl_row = static_cast<GLint>(layout.tile_height - band_height);
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            if (tile_width == options.width) {
                glReadPixels(0, first_gl_row, static_cast<GLsizei>(tile_width),
                             static_cast<GLsizei>(band_height), GL_RGBA, GL_UNSIGNED_BYTE,
                             band.data());
                bottom_up = true;
            } else {
                const std::size_t tile_bytes =
                    static_cast<std::size_t>(tile_width) * band_height * 4;
                if (tile_pixels.size() < tile_bytes) {
                    tile_pixels = PixelBuffer(tile_bytes);
                }
                glReadPixels(0, first_gl_row, static_cast<GLsizei>(tile_width),
                             static_cast<GLsizei>(band_height), GL_RGBA, GL_UNSIGNED_BYTE,
                             tile_pixels.data());
                for (unsigned row = 0; row < band_height; ++row) {
                    const std::uint8_t* from =
                        tile_pixels.data() +
                        static_cast<std::size_t>(band_height - 1 - row) * tile_width * 4;
                    std::uint8_t* to =
                        band.data() + (static_cast<std::size_t>(row) * options.width + tx) * 4;
                    std::memcpy(to, from, static_cast<std::size_t>(tile_width) * 4);
                }
            }
            timer.mark("read back");
            ++tiles;
            if (progress) {
                progress(0.95 * tiles / plan.tiles_total);
            }
        }
        image->write_rows(ty, std::move(band), band_height, bottom_up);
        timer.mark("hand over rows");
    }
    image->commit();
    if (!options.geotiff) {
        world_file->write_text(world_file_text(view));
        prj_file->write_text(scene.projection->target_wkt_esri());
        std::string wkt = scene.projection->target_wkt();
        std::string escaped;
        for (const char c : wkt) {
            escaped += c == '"'   ? std::string("&quot;")
                       : c == '<' ? std::string("&lt;")
                       : c == '&' ? std::string("&amp;")
                                  : std::string(1, c);
        }
        aux_file->write_text("<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">" + escaped +
                             "</SRS>\n</PAMDataset>\n");
        world_file->commit();
        prj_file->commit();
        aux_file->commit();
    }
    if (progress) {
        progress(1.0);
    }
    timer.mark("commit");
    ExportResult result;
    result.image = image_path;
    if (!options.geotiff) {
        result.world_file = plan.sidecars.world_file;
        result.prj = plan.sidecars.prj;
    }
    result.width = options.width;
    result.height = options.height;
    result.view = view;
    result.reserved_top = state.reserved_top_px;
    result.reserved_bottom = state.reserved_bottom_px;
    result.tiles = tiles;
    result.tiled = plan.tiled;
    result.milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

PrivateDisplay::PrivateDisplay() {
    const char* display = std::getenv("DISPLAY");
    if (display != nullptr && *display != '\0') {
        return;
    }
    // Find Xvfb on the PATH.
    std::string xvfb;
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
    for (std::size_t from = 0; from <= dirs.size();) {
        const std::size_t end = std::min(dirs.find(':', from), dirs.size());
        const fs::path candidate = fs::path(dirs.substr(from, end - from)) / "Xvfb";
        if (::access(candidate.c_str(), X_OK) == 0) {
            xvfb = candidate.string();
            break;
        }
        from = end + 1;
    }
    if (xvfb.empty()) {
        throw geo::InputError("no display (DISPLAY is not set) and Xvfb is not installed; "
                              "install the xvfb package");
    }
    int fds[2];
    if (::pipe(fds) != 0) {
        throw geo::InputError(std::string("cannot start Xvfb: pipe: ") + std::strerror(errno));
    }
    // Everything the child needs is made before the fork: it only makes system calls.
    const std::string fd = std::to_string(fds[1]);
    const pid_t pid = ::fork();
    if (pid < 0) {
        throw geo::InputError(std::string("cannot start Xvfb: fork: ") + std::strerror(errno));
    }
    if (pid == 0) {
        ::close(fds[0]);
        // Xvfb dies with us, even if we crash, and holds none of our output streams open.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        const int null = ::open("/dev/null", O_RDWR);
        if (null >= 0) {
            ::dup2(null, 0);
            ::dup2(null, 1);
            ::dup2(null, 2);
        }
        ::execl(xvfb.c_str(), "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x1024x24",
                "-noreset", "-nolisten", "tcp", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[1]);
    pid_ = pid;
    std::string number;
    char c = 0;
    while (::read(fds[0], &c, 1) == 1 && c != '\n') {
        number += c;
    }
    ::close(fds[0]);
    if (number.empty()) {
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
        throw geo::InputError("cannot start Xvfb (" + xvfb + ")");
    }
    ::setenv("DISPLAY", (":" + number).c_str(), 1);
}

PrivateDisplay::~PrivateDisplay() {
    stop();
}

void PrivateDisplay::stop() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
        ::unsetenv("DISPLAY");
        pid_ = -1;
    }
}

} // namespace kuril
