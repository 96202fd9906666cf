// The command line's pure logic: argument strictness, messages, export frame counts and names,
// the unknown-command suggestion.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/arguments.h"
#include "cli/command_names.h"
#include "cli/frame_folder.h"
#include "cli/frame_sink.h"

namespace flowview::cli {
namespace {

std::string argumentErrorOf(const std::vector<std::string>& raw, auto read) {
  try {
    Arguments args("render", raw, {"time", "size"}, {});
    read(args);
  } catch (const ArgumentError& e) {
    return e.what();
  }
  return "no error";
}

TEST(CliArguments, NumbersAreDecimalOnly) {
  const auto time = [](const Arguments& a) { a.optionalNumber("time", 0, 1e9); };
  EXPECT_EQ(argumentErrorOf({"--time", "2.5"}, time), "no error");
  EXPECT_EQ(argumentErrorOf({"--time", "+2e3"}, time), "no error");
  EXPECT_EQ(argumentErrorOf({"--time", "0x1"}, time), "--time expects a number, got '0x1'");
  EXPECT_EQ(argumentErrorOf({"--time", "inf"}, time), "--time expects a number, got 'inf'");
  EXPECT_EQ(argumentErrorOf({"--time", "nan"}, time), "--time expects a number, got 'nan'");
  EXPECT_EQ(argumentErrorOf({"--time", " 1"}, time), "--time expects a number, got ' 1'");
  EXPECT_EQ(argumentErrorOf({"--time", ""}, time), "--time expects a number, got ''");
  EXPECT_EQ(argumentErrorOf({"--time", "1e999"}, time), "--time expects a number, got '1e999'");
  EXPECT_EQ(argumentErrorOf({"--time", "2e9"}, time), "--time must be between 0 and 1e9, got 2e9");
}

TEST(CliArguments, SizesTakeALowerCaseX) {
  const auto size = [](const Arguments& a) { a.size("size", {1, 1}, 7680, 4320); };
  EXPECT_EQ(argumentErrorOf({"--size", "320x180"}, size), "no error");
  EXPECT_EQ(argumentErrorOf({"--size", "320X180"}, size),
            "--size expects WIDTHxHEIGHT, got '320X180'");
  EXPECT_EQ(argumentErrorOf({"--size", "+320x180"}, size),
            "--size expects WIDTHxHEIGHT, got '+320x180'");
  EXPECT_EQ(argumentErrorOf({"--size", "99999999999x1"}, size),
            "--size expects WIDTHxHEIGHT, got '99999999999x1'");
  EXPECT_EQ(argumentErrorOf({"--size", "0x10"}, size),
            "--size must be between 1x1 and 7680x4320, got 0x10");
}

TEST(CliArguments, EchoedInputIsCapped) {
  const std::string long_text(100000, '7');
  EXPECT_EQ(capForMessage("short"), "short");
  EXPECT_EQ(capForMessage(long_text), std::string(40, '7') + "...(99960 more characters)");
  // A UTF-8 sequence is not cut in the middle.
  const std::string accents = std::string(39, 'a') + "\xC3\xA9" + std::string(10, 'b');
  EXPECT_EQ(capForMessage(accents), std::string(39, 'a') + "...(12 more characters)");
}

TEST(CliArguments, LimitsAreWrittenAsInTheDocs) {
  EXPECT_EQ(formatLimit(1e9), "1e9");
  EXPECT_EQ(formatLimit(0), "0");
  EXPECT_EQ(formatLimit(16), "16");
  EXPECT_EQ(formatLimit(0.5), "0.5");
  EXPECT_EQ(formatLimit(240), "240");
}

TEST(CliExport, FrameCountsAre64BitAndBounded) {
  EXPECT_EQ(countExportFrames(0, 1, 30), 31);
  EXPECT_EQ(countExportFrames(0, 0, 30), 1);
  EXPECT_EQ(countExportFrames(0, 4166, 240), 999841);
  EXPECT_THROW(countExportFrames(0, 8.95e6, 240), ArgumentError);  // overflowed int before
  EXPECT_THROW(countExportFrames(0, 1e9, 240), ArgumentError);
  try {
    countExportFrames(0, 1e7, 240);
  } catch (const ArgumentError& e) {
    EXPECT_STREQ(e.what(),
                 "2400000001 frames (1e+07 s at 240 fps) is more than an export may write "
                 "(1000000); export a shorter range with --from and --to, or lower --fps");
  }
}

TEST(CliExport, KnowsItsOwnFrameFiles) {
  EXPECT_TRUE(isExportFrameName("frame_000000.png"));
  EXPECT_TRUE(isExportFrameName("frame_1234567.png"));
  EXPECT_TRUE(isExportFrameName(".frame_000012.png.a1B2c3"));
  EXPECT_FALSE(isExportFrameName("frame_12.png"));
  EXPECT_FALSE(isExportFrameName("frame_00000x.png"));
  EXPECT_FALSE(isExportFrameName("notes.txt"));
  EXPECT_FALSE(isExportFrameName("my_frame_000001.png"));
  EXPECT_FALSE(isExportFrameName(".frame_000012.png"));
  EXPECT_TRUE(isVideoPath("out/talk.mp4"));
  EXPECT_TRUE(isVideoPath("TALK.MP4"));
  EXPECT_FALSE(isVideoPath("frames"));
}

TEST(CliCommands, SuggestsTheNearestCommand) {
  const std::vector<std::string> commands = {"render", "export", "info", "validate", "bench"};
  EXPECT_TRUE(looksLikeCommand("rendr"));
  EXPECT_FALSE(looksLikeCommand("scene.json"));
  EXPECT_FALSE(looksLikeCommand("scenes/x"));
  EXPECT_FALSE(looksLikeCommand("--help"));
  EXPECT_EQ(unknownCommandMessage("rendr", commands),
            "unknown command 'rendr' (did you mean render?); to open a scene file, give its "
            "path (FILE.json)");
  EXPECT_EQ(unknownCommandMessage("valdiate", commands).substr(0, 45),
            "unknown command 'valdiate' (did you mean vali");
  EXPECT_EQ(unknownCommandMessage("zzz", commands),
            "unknown command 'zzz' (commands: render, export, info, validate, bench); to open a "
            "scene file, give its path (FILE.json)");
}

}  // namespace
}  // namespace flowview::cli
