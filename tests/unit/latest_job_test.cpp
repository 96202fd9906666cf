// jobs::LatestJob, the sentence box's worker: the newest request wins, stale outcomes are dropped,
// a throwing work function gives a message instead of a result. A fake work function stands for
// the model; the test drives its pace with a gate (no sleeps, no timing).
#include "core/jobs/latest_job.h"

#include <gtest/gtest.h>

#include <future>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowview::jobs {
namespace {

// The fake model: records what it was asked, can be held on its first call until released.
struct FakeModel {
  std::mutex mutex;
  std::vector<std::string> calls;
  std::promise<void> first_started;
  std::shared_future<void> release;
  bool hold_first = false;

  std::string operator()(const std::string& sentence) {
    bool first = false;
    {
      std::lock_guard lock(mutex);
      calls.push_back(sentence);
      first = calls.size() == 1;
    }
    if (first && hold_first) {
      first_started.set_value();
      release.wait();
    }
    if (sentence == "broken") throw std::runtime_error("the sentence has 60 tokens, more than 48");
    return "read: " + sentence;
  }
};

using Job = LatestJob<std::string, std::string>;

TEST(LatestJob, DeliversTheResultOnce) {
  FakeModel model;
  Job job([&](const std::string& s) { return model(s); });
  EXPECT_FALSE(job.take());
  EXPECT_EQ(job.submit("The quick brown fox"), 1u);
  job.waitIdle();
  EXPECT_FALSE(job.busy());
  auto outcome = job.take();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->id, 1u);
  EXPECT_EQ(outcome->request, "The quick brown fox");
  ASSERT_TRUE(outcome->result);
  EXPECT_EQ(*outcome->result, "read: The quick brown fox");
  EXPECT_FALSE(job.take());  // taken already
}

TEST(LatestJob, ANewerSentenceSupersedesPendingAndRunningOnes) {
  FakeModel model;
  model.hold_first = true;
  std::promise<void> release;
  model.release = release.get_future().share();
  auto started = model.first_started.get_future();
  Job job([&](const std::string& s) { return model(s); });
  job.submit("one");
  started.wait();  // "one" runs and is held
  job.submit("two");
  job.submit("three");  // replaces "two", which never runs
  EXPECT_TRUE(job.busy());
  EXPECT_FALSE(job.take());
  release.set_value();
  job.waitIdle();
  auto outcome = job.take();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->id, 3u);
  EXPECT_EQ(*outcome->result, "read: three");
  EXPECT_FALSE(job.take());  // "one"'s outcome was stale: dropped
  std::lock_guard lock(model.mutex);
  EXPECT_EQ(model.calls, (std::vector<std::string>{"one", "three"}));
}

TEST(LatestJob, ABrokenResultIsAMessage) {
  FakeModel model;
  Job job([&](const std::string& s) { return model(s); });
  job.submit("broken");
  job.waitIdle();
  auto outcome = job.take();
  ASSERT_TRUE(outcome);
  EXPECT_FALSE(outcome->result);
  EXPECT_EQ(outcome->error, "the sentence has 60 tokens, more than 48");
  // The job keeps working after a failure.
  job.submit("fine");
  job.waitIdle();
  outcome = job.take();
  ASSERT_TRUE(outcome && outcome->result);
  EXPECT_EQ(*outcome->result, "read: fine");
}

TEST(LatestJob, StopsWithARequestWaiting) {
  FakeModel model;
  model.hold_first = true;
  std::promise<void> release;
  model.release = release.get_future().share();
  auto started = model.first_started.get_future();
  {
    Job job([&](const std::string& s) { return model(s); });
    job.submit("one");
    started.wait();
    job.submit("two");
    release.set_value();
  }  // joins without hanging
  std::lock_guard lock(model.mutex);
  EXPECT_GE(model.calls.size(), 1u);
}

}  // namespace
}  // namespace flowview::jobs
