// SPDX-License-Identifier: GPL-3.0-or-later
// The worker pool: every job runs, on several threads at once; a failing job is reported and
// does not stop the others; jobs not started can be dropped.
#include "util/work_queue.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <doctest/doctest.h>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

using namespace std::chrono_literals;

TEST_CASE("[util] work queue: every job submitted, alone or in a batch, runs once before finish() "
          "returns") {
    std::atomic<int> sum = 0;
    std::atomic<unsigned> highest_worker = 0;
    kuril::WorkQueue queue(3);
    CHECK(queue.threads() == 3);
    for (int i = 1; i <= 1000; ++i) {
        queue.submit([&, i](unsigned worker) {
            sum += i;
            unsigned seen = highest_worker;
            while (worker > seen && !highest_worker.compare_exchange_weak(seen, worker)) {
            }
        });
    }
    // A batch, queued before any worker wakes.
    std::vector<kuril::WorkQueue::Job> batch;
    for (int i = 1001; i <= 1100; ++i) {
        batch.emplace_back([&, i](unsigned) { sum += i; });
    }
    queue.submit(std::move(batch));
    queue.finish();
    CHECK(sum == 1100 * 1101 / 2);
    CHECK(highest_worker < 3);
    CHECK(queue.failure().empty());
}

TEST_CASE("[util] work queue: two jobs run at the same time on two threads") {
    // Each job waits for the other to start: with one thread at a time this would time out.
    std::mutex mutex;
    std::condition_variable changed;
    int started = 0;
    bool both_seen[2] = {false, false};
    kuril::WorkQueue queue(2);
    for (int job = 0; job < 2; ++job) {
        queue.submit([&, job](unsigned) {
            std::unique_lock lock(mutex);
            ++started;
            changed.notify_all();
            both_seen[job] = changed.wait_for(lock, 10s, [&] { return started == 2; });
        });
    }
    queue.finish();
    CHECK(both_seen[0]);
    CHECK(both_seen[1]);
}

TEST_CASE("[util] work queue: a failing job is reported and the other jobs still run") {
    std::atomic<int> ran = 0;
    std::mutex mutex;
    std::vector<std::string> reported;
    kuril::WorkQueue queue(2, [&](const std::string& message) {
        std::lock_guard lock(mutex);
        reported.push_back(message);
    });
    for (int i = 0; i < 20; ++i) {
        queue.submit([&, i](unsigned) {
            if (i == 5) {
                throw std::runtime_error("out of memory in job 5");
            }
            ++ran;
        });
    }
    queue.finish();
    CHECK(ran == 19);
    CHECK(queue.failure() == "out of memory in job 5");
    REQUIRE(reported.size() == 1);
    CHECK(reported[0] == "out of memory in job 5");
}

TEST_CASE("[util] work queue: jobs not started are dropped, the running one finishes") {
    std::mutex mutex;
    std::condition_variable changed;
    bool first_started = false;
    bool release = false;
    bool first_finished = false;
    std::atomic<int> others = 0;
    kuril::WorkQueue queue(1);
    queue.submit([&](unsigned) {
        std::unique_lock lock(mutex);
        first_started = true;
        changed.notify_all();
        changed.wait(lock, [&] { return release; });
        first_finished = true;
    });
    {
        std::unique_lock lock(mutex);
        REQUIRE(changed.wait_for(lock, 10s, [&] { return first_started; }));
    }
    for (int i = 0; i < 10; ++i) {
        queue.submit([&](unsigned) { ++others; });
    }
    CHECK(queue.discard_pending() == 10);
    {
        std::lock_guard lock(mutex);
        release = true;
    }
    changed.notify_all();
    queue.finish();
    CHECK(first_finished);
    CHECK(others == 0);
}

TEST_CASE("[util] run_shared: every job runs once, on more than one thread, and a failure is "
          "rethrown after all have run") {
    std::atomic<int> sum = 0;
    std::mutex mutex;
    std::set<std::thread::id> seen;
    std::vector<std::function<void()>> jobs;
    for (int i = 1; i <= 200; ++i) {
        jobs.emplace_back([&, i] {
            sum += i;
            std::this_thread::sleep_for(100us);
            std::lock_guard lock(mutex);
            seen.insert(std::this_thread::get_id());
        });
    }
    kuril::run_shared(jobs, 2);
    CHECK(sum == 200 * 201 / 2);
    CHECK(seen.size() == 2);
    CHECK(seen.count(std::this_thread::get_id()) == 1);

    sum = 0;
    jobs.insert(jobs.begin() + 10, [] { throw std::runtime_error("job 10 failed"); });
    CHECK_THROWS_WITH(kuril::run_shared(jobs, 2), "job 10 failed");
    CHECK(sum == 200 * 201 / 2); // the others still ran
    kuril::run_shared({}, 2);    // nothing to do
}
