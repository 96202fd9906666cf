// The thread team of the GPT-2 forward pass: shares cover the range exactly once in multiples of
// the grain, and every run reaches every member once, run after run.
#include <gtest/gtest.h>

#include <atomic>
#include <vector>

#include "core/model/thread_team.h"

namespace flowview::model {
namespace {

TEST(ThreadTeam, SharesCoverTheRangeOnceInGrains) {
  for (int members : {1, 2, 3, 8}) {
    for (int count : {0, 1, 15, 16, 17, 768, 2304, 50257}) {
      int covered = 0;
      for (int member = 0; member < members; ++member) {
        int begin, end;
        ThreadTeam::share(count, 16, member, members, begin, end);
        EXPECT_EQ(begin, covered) << members << " members, " << count;
        EXPECT_LE(begin, end);
        if (end < count) EXPECT_EQ(end % 16, 0) << members << " members, " << count;
        covered = end;
      }
      EXPECT_EQ(covered, count) << members << " members";
    }
  }
  int begin, end;
  ThreadTeam::share(50257, 16, 0, 2, begin, end);
  EXPECT_EQ(end, 25136);  // the first 1571 of 3142 blocks of 16
}

TEST(ThreadTeam, EveryRunReachesEveryMemberOnce) {
  for (int size : {1, 2, 4}) {
    ThreadTeam team(size);
    ASSERT_EQ(team.size(), size);
    std::vector<std::atomic<int>> calls(size);
    for (int run = 0; run < 500; ++run) {
      team.run([&](int member) { calls[member].fetch_add(1); });
      for (int member = 0; member < size; ++member) ASSERT_EQ(calls[member].load(), run + 1);
    }
  }
}

TEST(ThreadTeam, DefaultSizeFollowsTheHardware) {
  ThreadTeam team;
  EXPECT_GE(team.size(), 1);
  EXPECT_LE(team.size(), 8);
}

}  // namespace
}  // namespace flowview::model
