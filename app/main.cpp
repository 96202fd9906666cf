// flowview: hands the command line to a subcommand or to the viewer.
#include <malloc.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command_names.h"
#include "cli/commands.h"
#include "cli/interrupt_cleanup.h"
#include "viewer/viewer.h"

namespace {

constexpr const char* kUsage =
    R"(flowview - live 3D viewer of the transformer network-flow animation

usage:
  flowview [SCENE.json] [viewer options]   open the viewer (default: the high-level network flow)
  flowview render SCENE.json --time T --size WxH --out FILE.png|FILE.jpg [--transparent]
           [--camera JSON]                 (no --time: the end of the scene)
  flowview export SCENE.json --size WxH --fps N --out DIR|FILE.mp4 [--from T0] [--to T1]
           [--camera JSON] [--orbit DEGREES] [--transparent] [--overwrite]
                                           (DIR must be new or empty, unless --overwrite:
                                           then its old frame_*.png are deleted)
  flowview export SCENE.json --per-beat DIR [--png] [--overwrite]
                                           one clip (or PNG folder) per beat; DIR as for --out
  flowview export SCENE.json --handout FILE.pdf       one page per beat: end frame and notes
  flowview info SCENE.json                 JSON: duration, beats, camera presets
  flowview info --elements SCENE.json      JSON: every addressable element id and its kind
  flowview validate SCENE.json             exit 0 if the scene file is valid, else the error
  flowview format SCENE.json               print the normalized scene (defaults explicit)
  flowview bench SCENE.json [--size WxH] [--frames N] [--time T]   JSON: frame times
  flowview tokenize [--model DIR] TEXT     JSON: GPT-2 tokens and ids of TEXT
  flowview predict --model DIR [--top K] [--temperature T] [--attention] TEXT
                                           JSON: GPT-2's next-token probabilities (and attention)
  flowview --help | --version | COMMAND --help

viewer options:
  --start-at BEAT|TIME   start at a beat (#N, 1-based, or a name) or a time in seconds
  --present              start in presentation mode (fullscreen, UI hidden; key F5)
  --presenter-console    open the presenter console (notes, next beat, clock; key F2)
  --screenshot FILE.png  automation: take a window screenshot (with the UI) and quit
  --font FILE            use this font file instead of CMU Serif (also: FLOWVIEW_FONT)
  --samples N            window multisampling 1-16 (default: 4, none on a software rasterizer)

Common options: --font FILE, --samples N (multisampling 1-16, 1 = none: render and PNG exports
default 4, mp4 exports 1; the viewer and bench default to none on a software rasterizer, else 4).
Limits: scene files up to 16 MiB and 1e9 s (also the limit of --time/--from/--to); exports up
to 1,000,000 frames. Files are replaced atomically, through symbolic links, never the scene.
Exit codes: 0 success, 2 bad input (arguments, scene file or model folder), 1 failure of the
machine.
See docs/command-line.md for everything.
)";

// The usage lines of one subcommand: each "  flowview NAME" line of kUsage with the lines that
// continue it (indented further), then the common options.
std::string usageOf(const std::string& name) {
  const std::string text = kUsage, head = "  flowview " + name + " ";
  std::string out = "usage:\n";
  bool inside = false;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.rfind(head, 0) == 0) {
      inside = true;
    } else if (!(inside && line.rfind("           ", 0) == 0)) {
      inside = false;
    }
    if (inside) out += line + "\n";
  }
  const size_t common = text.find("Common options:");
  return out + "\n" + text.substr(common);
}

bool asksForHelp(const std::vector<std::string>& args) {
  for (const std::string& a : args)
    if (a == "--help" || a == "-h") return true;
  return false;
}

const std::vector<std::string> kCommands = {"render",   "export",  "info",   "validate", "bench",
                                            "tokenize", "predict", "format", "help"};

bool isCommand(const std::string& name) {
  return name != "help" && std::find(kCommands.begin(), kCommands.end(), name) != kCommands.end();
}

}  // namespace

int main(int argc, char** argv) {
  // A file-size limit (or quota) must surface as a write error with a clear message, not kill
  // the process: the atomic writer then removes its temporary file.
  std::signal(SIGXFSZ, SIG_IGN);
  // Ctrl-C or kill during a render or export: delete the temporary files, then die.
  flowview::cli::installInterruptCleanup();
  // A software rasterizer (Mesa's llvmpipe) mallocs and frees its per-frame bins every frame.
  // With glibc's default trimming, the heap top goes back to the kernel after each frame and the
  // next frame page-faults it in again: that cost 12 ms of a 1080p frame. Keep freed memory.
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_TOP_PAD, 64 << 20);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty()) {
    const std::string& first = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    // "flowview help render" and "flowview render --help": that subcommand's usage.
    if ((first == "help" && !rest.empty() && isCommand(rest.front())) ||
        (isCommand(first) && asksForHelp(rest))) {
      std::fputs(usageOf(first == "help" ? rest.front() : first).c_str(), stdout);
      return 0;
    }
    if (first == "--help" || first == "-h" || first == "help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (first == "--version") {
      std::printf("flowview %s\n", FLOWVIEW_VERSION);
      return 0;
    }
    if (first == "render") return flowview::cli::runRender(rest);
    if (first == "export") return flowview::cli::runExport(rest);
    if (first == "info") return flowview::cli::runInfo(rest);
    if (first == "validate") return flowview::cli::runValidate(rest);
    if (first == "format") return flowview::cli::runFormat(rest);
    if (first == "bench") return flowview::cli::runBench(rest);
    if (first == "tokenize") return flowview::cli::runTokenize(rest);
    if (first == "predict") return flowview::cli::runPredict(rest);
    if (flowview::cli::looksLikeCommand(first)) {
      std::fprintf(stderr, "flowview: %s\n",
                   flowview::cli::unknownCommandMessage(first, kCommands).c_str());
      return 2;
    }
  }
  if (asksForHelp(args)) {  // "flowview scene.json --help": the viewer's usage is the whole one
    std::fputs(kUsage, stdout);
    return 0;
  }
  return flowview::viewer::runViewer(args);
}
