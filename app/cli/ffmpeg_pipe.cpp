#include "cli/ffmpeg_pipe.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <span>
#include <thread>
#include <vector>

#include "cli/arguments.h"

extern char** environ;

namespace flowview::cli {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double stallSecondsFromEnvironment() {
  const char* text = std::getenv("FLOWVIEW_FFMPEG_TIMEOUT");
  if (!text || !*text) return 60.0;
  char* end = nullptr;
  const double value = std::strtod(text, &end);
  return (*end == '\0' && value > 0 && value <= 86400) ? value : 60.0;
}

std::string describeStatus(int status) {
  if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "status " + std::to_string(status);
}

off_t fileSize(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 ? info.st_size : -1;
}

}  // namespace

std::string findFfmpeg() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    const std::string dir = end > start ? dirs.substr(start, end - start) : ".";
    const std::string candidate = dir + "/ffmpeg";
    if (::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) return candidate;
    start = end + 1;
  }
  return "";
}

FfmpegFrameSink::FfmpegFrameSink(const ExportSettings& settings)
    : out_(settings.out), stall_seconds_(stallSecondsFromEnvironment()) {
  const std::string shown = capForMessage(out_);
  if (settings.transparent) {
    throw ArgumentError(
        "--transparent needs PNG frames: an .mp4 (H.264, yuv420p) has no alpha "
        "channel; give a folder instead");
  }
  if (settings.width % 2 != 0 || settings.height % 2 != 0) {
    throw ArgumentError("--size must be even in both directions for an .mp4 (yuv420p), got " +
                        std::to_string(settings.width) + "x" + std::to_string(settings.height));
  }
  std::error_code ec;
  if (fs::is_directory(out_, ec)) {
    throw ArgumentError("--out " + shown + " is a folder; give a new file name ending in .mp4");
  }
  const std::string ffmpeg = findFfmpeg();
  if (ffmpeg.empty()) {
    throw ArgumentError("writing " + shown +
                        " needs ffmpeg, which is not installed; give a folder instead");
  }
  const fs::path p(out_);
  const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec)) {
    throw ImageWriteError("cannot write " + shown + ": folder does not exist");
  }
  video_ = std::make_unique<AtomicFile>(out_);

  // ffmpeg exiting must surface as EPIPE from write(), not kill this process.
  std::signal(SIGPIPE, SIG_IGN);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw ImageWriteError(std::string("cannot start ffmpeg: ") + std::strerror(errno));
  }
  stderr_fd_ = ::memfd_create("ffmpeg-stderr", MFD_CLOEXEC);
  char fps[32];
  std::snprintf(fps, sizeof fps, "%.9g", settings.fps);
  const std::string frame_size =
      std::to_string(settings.width) + "x" + std::to_string(settings.height);
  std::vector<std::string> args = {ffmpeg, "-hide_banner", "-loglevel", "error", "-y"};
  // In: raw yuv420p frames (BT.709, limited range) that libx264 takes as they are.
  args.insert(args.end(), {"-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", frame_size, "-framerate",
                           fps, "-i", "pipe:0"});
  // Out: H.264 tagged with the frames' colour space, to the temporary file (the last argument).
  args.insert(args.end(), {"-c:v", "libx264", "-preset", kVideoPreset, "-crf", kVideoCrf,
                           "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_primaries",
                           "bt709", "-color_trc", "bt709", "-color_range", "tv"});
  args.insert(args.end(), {"-f", "mp4", video_->tempPath()});
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
  if (stderr_fd_ >= 0) posix_spawn_file_actions_adddup2(&actions, stderr_fd_, 2);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // The child starts with default SIGPIPE handling and no blocked signals.
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
  const int spawned =
      ::posix_spawn(&pid_, ffmpeg.c_str(), &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(fds[0]);
  if (spawned != 0) {
    ::close(fds[1]);
    pid_ = -1;
    throw ImageWriteError("cannot start " + ffmpeg + ": " + std::strerror(spawned));
  }
  tracked_ = std::make_unique<TrackedChildProcess>(pid_);
  pipe_fd_ = fds[1];
  ::fcntl(pipe_fd_, F_SETFL, ::fcntl(pipe_fd_, F_GETFL) | O_NONBLOCK);
}

FfmpegFrameSink::~FfmpegFrameSink() {
  if (pipe_fd_ >= 0) ::close(pipe_fd_);
  killChild();
  if (stderr_fd_ >= 0) ::close(stderr_fd_);
  // video_ (declared before) removes the temporary file unless it was committed.
}

void FfmpegFrameSink::killChild() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  tracked_.reset();
}

std::string FfmpegFrameSink::lastErrorLine() const {
  if (stderr_fd_ < 0) return "";
  const off_t size = ::lseek(stderr_fd_, 0, SEEK_END);
  if (size <= 0) return "";
  const off_t start = size > 4096 ? size - 4096 : 0;
  std::string text(static_cast<std::size_t>(size - start), '\0');
  const ssize_t n = ::pread(stderr_fd_, text.data(), text.size(), start);
  text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  const auto newline = text.find_last_of("\r\n");
  if (newline != std::string::npos) text.erase(0, newline + 1);
  return capForMessage(text);
}

void FfmpegFrameSink::failEarlyExit() {
  ::close(pipe_fd_);
  pipe_fd_ = -1;
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  tracked_.reset();
  const std::string detail = lastErrorLine();
  throw ImageWriteError("ffmpeg ended (" + describeStatus(status) + ") before taking every frame" +
                        (detail.empty() ? "" : ": " + detail) + "; " + capForMessage(out_) +
                        " was not written");
}

void FfmpegFrameSink::failStalled(const char* doing) {
  killChild();
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%g", stall_seconds_);
  throw ImageWriteError(std::string("ffmpeg ") + doing + " for " + seconds +
                        " s and was stopped (FLOWVIEW_FFMPEG_TIMEOUT); " + capForMessage(out_) +
                        " was not written");
}

void FfmpegFrameSink::write(int64_t /*index*/, const Image& image) {
  const std::span<const uint8_t> pixels(image.rgba);
  std::size_t written = 0;
  auto last_progress = Clock::now();
  while (written < pixels.size()) {
    const ssize_t n = ::write(pipe_fd_, pixels.data() + written, pixels.size() - written);
    if (n > 0) {
      written += static_cast<std::size_t>(n);
      last_progress = Clock::now();
      continue;
    }
    if (n < 0 && errno == EPIPE) failEarlyExit();
    if (n < 0 && errno != EAGAIN && errno != EINTR) {
      throw ImageWriteError("cannot send frames to ffmpeg: " + std::string(std::strerror(errno)));
    }
    const double waited = std::chrono::duration<double>(Clock::now() - last_progress).count();
    if (waited >= stall_seconds_) failStalled("stopped reading frames");
    pollfd poll_fd{pipe_fd_, POLLOUT, 0};
    const int wait_ms = static_cast<int>(std::min(1000.0, (stall_seconds_ - waited) * 1000) + 1);
    ::poll(&poll_fd, 1, wait_ms);
  }
}

int FfmpegFrameSink::waitForExit() {
  auto last_progress = Clock::now();
  off_t last_size = fileSize(video_->tempPath());
  while (true) {
    int status = 0;
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      pid_ = -1;
      tracked_.reset();
      return status;
    }
    if (done < 0 && errno != EINTR) {
      pid_ = -1;
      tracked_.reset();
      return 0;
    }
    const off_t size = fileSize(video_->tempPath());
    if (size != last_size) {
      last_size = size;
      last_progress = Clock::now();
    }
    if (std::chrono::duration<double>(Clock::now() - last_progress).count() >= stall_seconds_)
      failStalled("did not finish the video");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void FfmpegFrameSink::finish() {
  ::close(pipe_fd_);
  pipe_fd_ = -1;
  const int status = waitForExit();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string detail = lastErrorLine();
    throw ImageWriteError("ffmpeg failed (" + describeStatus(status) + ") writing " +
                          capForMessage(out_) + (detail.empty() ? "" : ": " + detail));
  }
  video_->commit();
}

}  // namespace flowview::cli
