#include "cli/commands.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/arguments.h"
#include "cli/beat_exports.h"
#include "cli/camera_path.h"
#include "cli/export_loop.h"
#include "cli/ffmpeg_pipe.h"
#include "cli/frame_sink.h"
#include "cli/output_paths.h"
#include "cli/progress_bar.h"
#include "cli/render_time.h"
#include "cli/scene_inputs.h"
#include "core/image/image_io.h"
#include "core/io/load_error.h"
#include "core/scenes/model_data.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "render/gl/gl_context.h"
#include "render/gl/shader_program.h"
#include "render/headless_renderer.h"

namespace flowview::cli {
namespace {

constexpr int kMaxImageWidth = 7680, kMaxImageHeight = 4320;

// Fonts, atlas and the scene: what every subcommand starts from.
struct LoadedScene {
  std::unique_ptr<text::GlyphAtlas> atlas;
  Scene scene;
};

LoadedScene load(const Arguments& args, const std::string& path) {
  LoadedScene loaded;
  loaded.atlas =
      std::make_unique<text::GlyphAtlas>(text::locateFonts(args.option("font").value_or("")));
  loaded.scene = scenes::loadSceneFile(path, *loaded.atlas, sceneInputs(args));
  return loaded;
}

// validate and info compose the scene without fonts: no font file is opened, and timings,
// beats and element counts do not depend on glyph metrics (docs/architecture.md).
LoadedScene loadWithoutFonts(const std::string& path,
                             const scenes::SceneInputs& inputs = scenes::SceneInputs{}) {
  LoadedScene loaded;
  loaded.atlas = std::make_unique<text::GlyphAtlas>(text::GlyphAtlas::NoFonts{});
  loaded.scene = scenes::loadSceneFile(path, *loaded.atlas, inputs);
  return loaded;
}

double parseTime(const Arguments& args, const std::string& name, const Scene& scene,
                 double fallback) {
  const auto value = args.optionalNumber(name, 0.0, scenes::kMaxSceneSeconds);
  if (!value) return fallback;
  if (*value > scene.duration + 1e-9) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "--%s %g is past the end of the scene (%.2f s)",
                  name.c_str(), *value, scene.duration);
    throw ArgumentError(buffer);
  }
  return *value;
}

// --camera and --orbit (`allow_orbit`: export only).
CameraPath parseCameraPath(const Arguments& args, bool allow_orbit) {
  CameraPath path;
  if (auto camera = args.option("camera")) path.fixed = parseCameraOption(*camera);
  if (allow_orbit) path.orbit_degrees = args.number("orbit", 0.0, -36000.0, 36000.0);
  return path;
}

int render(const std::vector<std::string>& raw) {
  Arguments args("render", raw,
                 {"time", "size", "out", "font", "samples", "camera", "model", "text"},
                 {"transparent"});
  const std::string path = args.requirePositional(0, "SCENE.json");
  args.expectPositionalCount(1);
  const std::string out = args.requireOption("out");
  const Size size = args.size("size", {1920, 1080}, kMaxImageWidth, kMaxImageHeight);
  const int samples = args.integer("samples", 4, 1, 16);
  checkImageOutput(out, path, args.flag("transparent"));
  FrameSettings settings;
  settings.camera = parseCameraPath(args, false);
  LoadedScene loaded = load(args, path);
  const double t = parseTime(args, "time", loaded.scene, defaultRenderTime(args, loaded.scene));
  HeadlessRenderer renderer(*loaded.atlas, samples);
  settings.width = size.width;
  settings.height = size.height;
  settings.transparent = args.flag("transparent");
  Image image;
  renderFrame(renderer, loaded.scene, t, 0.0, settings, image);
  writeImageAtomically(out, image, *imageFormatForPath(out));
  return 0;
}

// export --per-beat DIR / --handout FILE.pdf.
int exportBeats(const Arguments& args, const std::string& path) {
  FrameSettings settings;
  const auto per_beat = args.option("per-beat");
  const auto handout = args.option("handout");
  if (per_beat && handout) throw ArgumentError("give --per-beat or --handout, not both");
  if (args.option("out")) throw ArgumentError("--out does not go with --per-beat or --handout");
  const Size size = args.size("size", handout ? Size{1280, 720} : Size{1920, 1080}, kMaxImageWidth,
                              kMaxImageHeight);
  settings.width = size.width;
  settings.height = size.height;
  settings.fps = args.number("fps", 30.0, 1.0, 240.0);
  settings.transparent = args.flag("transparent");
  settings.png = args.flag("png");
  settings.camera = parseCameraPath(args, true);
  // Clips default to one sample a pixel, as `export --out FILE.mp4` does.
  const bool clips = per_beat && !settings.png && !findFfmpeg().empty();
  const int samples = args.integer("samples", clips ? kVideoSamples : 4, 1, 16);
  if (handout && (handout->size() < 5 || handout->substr(handout->size() - 4) != ".pdf")) {
    throw ArgumentError("--handout expects a FILE.pdf, got '" + *handout + "'");
  }
  LoadedScene loaded = load(args, path);
  HeadlessRenderer renderer(*loaded.atlas, samples);
  if (handout) {
    writeHandout(renderer, loaded.scene, *handout, settings);
  } else {
    PerBeatOutput output;
    output.dir = *per_beat;
    output.scene_path = path;
    output.overwrite = args.flag("overwrite");
    exportPerBeat(renderer, loaded.scene, output, settings);
  }
  return 0;
}

int exportFrames(const std::vector<std::string>& raw) {
  Arguments args("export", raw,
                 {"size", "fps", "out", "from", "to", "font", "samples", "per-beat", "handout",
                  "camera", "orbit", "model", "text"},
                 {"transparent", "png", "overwrite"});
  const std::string path = args.requirePositional(0, "SCENE.json");
  args.expectPositionalCount(1);
  if (args.option("per-beat") || args.option("handout")) return exportBeats(args, path);
  ExportSettings output;
  output.out = args.requireOption("out");
  output.scene_path = path;
  FrameSettings settings;
  settings.camera = parseCameraPath(args, true);
  const Size size = args.size("size", {1920, 1080}, kMaxImageWidth, kMaxImageHeight);
  output.width = size.width;
  output.height = size.height;
  output.fps = args.number("fps", 30.0, 1.0, 240.0);
  output.transparent = args.flag("transparent");
  output.overwrite = args.flag("overwrite");
  const int samples = args.integer("samples", isVideoPath(output.out) ? kVideoSamples : 4, 1, 16);
  LoadedScene loaded = load(args, path);
  const double from = parseTime(args, "from", loaded.scene, 0.0);
  const double to = parseTime(args, "to", loaded.scene, loaded.scene.duration);
  if (to < from) throw ArgumentError("--to must not be before --from");
  const int64_t frames = countExportFrames(from, to, output.fps);
  const std::unique_ptr<FrameSink> sink = openFrameSink(output);
  HeadlessRenderer renderer(*loaded.atlas, samples);
  settings.width = size.width;
  settings.height = size.height;
  settings.transparent = output.transparent;
  // Encoding and writing run beside the rendering (cli/export_loop.h).
  ProgressBar progress(frames);
  const auto started = std::chrono::steady_clock::now();
  FrameSpan span;
  span.count = frames;
  span.from = from;
  span.until = to;
  span.fps = output.fps;
  span.path_start = from;
  span.path_length = static_cast<double>(frames - 1) / output.fps;
  exportSpan(renderer, loaded.scene, settings, span, *sink,
             [&](int64_t done) { progress.update(done); });
  progress.endLine();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr, "export: %lld frames in %.2f s (%.1f frames/s)\n",
               static_cast<long long>(frames), seconds,
               static_cast<double>(frames) / std::max(seconds, 1e-9));
  return 0;
}

nlohmann::json cameraJson(const Camera& camera) {
  const EulerDegrees e = camera.euler();
  auto round = [](double v) { return std::round(v * 1e4) / 1e4 + 0.0; };
  return {{"euler_deg", {round(e.theta), round(e.phi), round(e.gamma)}},
          {"center", {round(camera.center.x), round(camera.center.y), round(camera.center.z)}},
          {"height", round(camera.height)}};
}

// Every addressable id (docs/scene-format.md, "Element ids"), in the order the scene made them.
nlohmann::json elementsJson(const Scene& scene) {
  nlohmann::json elements = nlohmann::json::array();
  for (const ScenePart& part : scene.parts)
    elements.push_back({{"id", part.id}, {"kind", part.kind}});
  return {{"elements", elements}};
}

int info(const std::vector<std::string>& raw) {
  Arguments args("info", raw, {"font", "model", "text"}, {"elements"});
  const std::string path = args.requirePositional(0, "SCENE.json");
  args.expectPositionalCount(1);
  LoadedScene loaded = loadWithoutFonts(path, sceneInputs(args));
  const Scene& scene = loaded.scene;
  if (args.flag("elements")) {
    std::cout << elementsJson(scene).dump(1) << "\n";
    return 0;
  }
  auto round = [](double v) { return std::round(v * 1e6) / 1e6; };
  nlohmann::json beats = nlohmann::json::array();
  for (const Beat& beat : scene.beats) {
    beats.push_back({{"index", beat.index},
                     {"kind", beat.kind == BeatKind::Play ? "play" : "wait"},
                     {"start", round(beat.start)},
                     {"end", round(beat.end)},
                     {"name", beat.name},
                     {"section", beat.section},
                     {"notes", beat.notes},
                     {"camera", cameraJson(scene.camera.at(beat.end))}});
  }
  nlohmann::json presets = nlohmann::json::array();
  for (const CameraPreset& preset : scene.presets) {
    nlohmann::json p = cameraJson(preset.camera);
    p["name"] = preset.name;
    presets.push_back(p);
  }
  nlohmann::json out = {{"title", scene.title},
                        {"duration", round(scene.duration)},
                        {"beats", beats},
                        {"camera_presets", presets},
                        {"elements", scene.elements.size()}};
  if (scene.model) modelJson(*scene.model, out);
  // A token may hold part of a UTF-8 character: replaced, as `predict` does.
  std::cout << out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 0;
}

int validate(const std::vector<std::string>& raw) {
  Arguments args("validate", raw, {"font"}, {});
  const std::string path = args.requirePositional(0, "SCENE.json");
  args.expectPositionalCount(1);
  LoadedScene loaded = loadWithoutFonts(path);
  std::cout << path << ": ok (" << loaded.scene.beats.size() << " beats, " << loaded.scene.duration
            << " s)\n";
  return 0;
}

}  // namespace

int guarded(const char* command, int (*body)(const std::vector<std::string>&),
            const std::vector<std::string>& args) {
  try {
    return body(args);
  } catch (const ArgumentError& e) {
    std::fprintf(stderr, "flowview %s: %s\n", command, e.what());
    return 2;
  } catch (const io::LoadError& e) {
    std::fprintf(stderr, "flowview %s: %s\n", command, e.what());
    return 2;
  } catch (const gl::NoContextError& e) {
    std::fprintf(stderr, "flowview %s: %s\n", command, e.what());
    return 1;
  } catch (const std::exception& e) {  // disk full, shader or font missing: the machine's fault
    std::fprintf(stderr, "flowview %s: %s\n", command, e.what());
    return 1;
  }
}

int runRender(const std::vector<std::string>& args) {
  return guarded("render", render, args);
}
int runExport(const std::vector<std::string>& args) {
  return guarded("export", exportFrames, args);
}
int runInfo(const std::vector<std::string>& args) {
  return guarded("info", info, args);
}
int runValidate(const std::vector<std::string>& args) {
  return guarded("validate", validate, args);
}

}  // namespace flowview::cli
