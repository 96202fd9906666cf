// The export's pure parts: per-beat item names and frame counts, camera paths (--camera,
// --orbit) and the encoder threads that run beside the rendering.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <stdexcept>

#include "cli/arguments.h"
#include "cli/beat_exports.h"
#include "cli/camera_path.h"
#include "cli/encode_thread.h"

namespace flowview::cli {
namespace {

TEST(BeatExports, ItemsAreNamedByNumberAndName) {
  EXPECT_EQ(beatItemName(0, 3, "Box appears!"), "1-box-appears");
  EXPECT_EQ(beatItemName(6, 34, "attention 2: arcs flash"), "07-attention-2-arcs-flash");
  EXPECT_EQ(beatItemName(99, 100, "  --  "), "100");
  EXPECT_EQ(beatItemName(0, 1000, "é"), "0001");  // non-ASCII letters drop out
}

TEST(BeatExports, RecognisesItsOwnItems) {
  // What --overwrite may replace in DIR: items and their hidden temporary clips.
  for (const char* name : {"07-attention-2-arcs-flash", "07-attention.mp4", "100", "3.mp4",
                           ".07-attention.mp4.Ab12Cd", "1-box-appears"}) {
    EXPECT_TRUE(isBeatItemName(name)) << name;
  }
  for (const char* name : {"notes.txt", "attention.mp4", "07-", "07-Attention.mp4", "07_x.mp4",
                           ".07-attention.mp4", "frame_000001.png", "07-x.mov", ""}) {
    EXPECT_FALSE(isBeatItemName(name)) << name;
  }
}

TEST(BeatExports, FrameCountsIncludeBothEnds) {
  Beat beat;
  beat.start = 1.0;
  beat.end = 1.5;
  EXPECT_EQ(beatFrameCount(beat, 4.0), 3);
  beat.end = 1.0;
  EXPECT_EQ(beatFrameCount(beat, 30.0), 1);  // a zero-length beat is one still
}

TEST(CameraPath, FixedCameraAndOrbit) {
  const Camera timeline = Camera::fromEuler({-30, -20, 0}, {1, 0, 0}, 8);
  CameraPath path;
  EXPECT_FALSE(path.active());
  Camera c = cameraForFrame(path, timeline, 0.5);
  EXPECT_NEAR(c.euler().theta, -30.0f, 1e-3);

  path.orbit_degrees = 90.0;
  c = cameraForFrame(path, timeline, 0.0);
  EXPECT_NEAR(c.euler().theta, -30.0f, 1e-3);
  c = cameraForFrame(path, timeline, 0.5);
  EXPECT_NEAR(c.euler().theta, 15.0f, 1e-3);  // a turntable: theta turns, phi stays
  EXPECT_NEAR(c.euler().phi, -20.0f, 1e-3);
  EXPECT_NEAR(c.center.x, 1.0f, 1e-6);  // around the point the camera looks at

  path.fixed = Camera::fromEuler({0, -80, 0}, {0, 0, 0}, 10);
  path.orbit_degrees = 0.0;
  c = cameraForFrame(path, timeline, 1.0);
  EXPECT_NEAR(c.euler().phi, -80.0f, 1e-3);
  EXPECT_FLOAT_EQ(c.height, 10.0f);
}

TEST(CameraPath, ParsesThePanelsJsonOrAFile) {
  const Camera c =
      parseCameraOption(R"({"euler_deg": [10, -20, 0], "center": [1, 2, 3], "height": 6})");
  EXPECT_NEAR(c.euler().theta, 10.0f, 1e-3);
  EXPECT_FLOAT_EQ(c.center.z, 3.0f);
  EXPECT_FLOAT_EQ(c.height, 6.0f);
  EXPECT_THROW(parseCameraOption("{not json"), ArgumentError);
  EXPECT_THROW(parseCameraOption(R"({"euler_deg": [0, 0, 0], "center": [0, 0, 0]})"),
               ArgumentError);
  EXPECT_THROW(parseCameraOption("/no/such/camera.json"), ArgumentError);
}

Image frameOf(int value) {
  Image image;
  image.width = 2;
  image.height = 1;
  image.rgba.assign(8, static_cast<uint8_t>(value));
  return image;
}

TEST(EncodeThreads, OneWorkerConsumesEveryFrameInOrder) {
  std::vector<int64_t> order;
  std::vector<int> values;
  EncodeThreads threads(
      [&](int64_t index, const Image& image) {
        order.push_back(index);
        values.push_back(image.rgba[0]);
      },
      1, 2);
  for (int i = 0; i < 20; ++i) {
    Image image = frameOf(i);
    threads.submit(i, image);
  }
  threads.finish();
  ASSERT_EQ(order.size(), 20u);
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(order[i], i);
    EXPECT_EQ(values[i], i);  // each frame's own pixels, not a reused buffer's
  }
}

TEST(EncodeThreads, SeveralWorkersConsumeEachFrameOnce) {
  std::mutex mutex;
  std::multiset<int64_t> seen;
  EncodeThreads threads(
      [&](int64_t index, const Image& image) {
        EXPECT_EQ(image.rgba[0], static_cast<uint8_t>(index));
        std::lock_guard lock(mutex);
        seen.insert(index);
      },
      3, 4);
  Image image;
  for (int i = 0; i < 50; ++i) {
    image = frameOf(i);
    threads.submit(i, image);
  }
  threads.finish();
  EXPECT_EQ(seen.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(seen.count(i), 1u);
}

TEST(EncodeThreads, AConsumersErrorReachesTheRenderer) {
  EncodeThreads threads(
      [](int64_t index, const Image&) {
        if (index == 3) throw std::runtime_error("disk full");
      },
      1, 1);
  bool thrown = false;
  try {
    for (int i = 0; i < 100; ++i) {
      Image image = frameOf(i);
      threads.submit(i, image);
    }
    threads.finish();
  } catch (const std::runtime_error& e) {
    thrown = std::string(e.what()) == "disk full";
  }
  EXPECT_TRUE(thrown);
}

}  // namespace
}  // namespace flowview::cli
