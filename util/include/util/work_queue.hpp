// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace kuril {

/// A fixed set of worker threads that run submitted jobs in the order they were submitted
/// (one job per thread at a time). A job is told which worker runs it (0 to threads() - 1),
/// so that it can use buffers kept per worker.
///
/// A job that throws does not end the program: the first failure's message is kept for
/// failure(), the failure handler (if any) is called on the worker, and the worker goes on
/// with the next job.
class WorkQueue {
public:
    using Job = std::function<void(unsigned worker)>;
    using FailureHandler = std::function<void(const std::string& message)>;

    explicit WorkQueue(unsigned threads, FailureHandler on_failure = {})
        : on_failure_(std::move(on_failure)) {
        for (unsigned worker = 0; worker < std::max(1u, threads); ++worker) {
            workers_.emplace_back([this, worker] { run(worker); });
        }
        thread_count_ = workers_.size();
    }
    /// Drops the jobs not started and waits for those running.
    ~WorkQueue() { cancel(); }
    WorkQueue(const WorkQueue&) = delete;
    WorkQueue& operator=(const WorkQueue&) = delete;

    unsigned threads() const { return static_cast<unsigned>(thread_count_); }

    void submit(Job job) {
        {
            std::lock_guard lock(mutex_);
            jobs_.push_back(std::move(job));
        }
        wake_.notify_one();
    }

    /// Submits several jobs at once: all are queued before any worker is woken, so that the
    /// submitting thread is not preempted by the first worker before it queues the others
    /// (with as many busy threads as cores, a wake-up can cost it a scheduler tick).
    void submit(std::vector<Job> jobs) {
        {
            std::lock_guard lock(mutex_);
            for (auto& job : jobs) {
                jobs_.push_back(std::move(job));
            }
        }
        wake_.notify_all();
    }

    /// Runs every job submitted, then stops the threads. No job may be submitted after.
    void finish() {
        {
            std::lock_guard lock(mutex_);
            closing_ = true;
        }
        wake_.notify_all();
        for (auto& worker : workers_) {
            worker.join();
        }
        workers_.clear();
    }

    /// Drops the jobs not started yet; returns how many.
    std::size_t discard_pending() {
        std::lock_guard lock(mutex_);
        const std::size_t dropped = jobs_.size();
        jobs_.clear();
        return dropped;
    }

    /// Drops the jobs not started, waits for those running and stops the threads.
    void cancel() {
        discard_pending();
        finish();
    }

    /// The first failure's message; empty when no job has failed.
    std::string failure() const {
        std::lock_guard lock(mutex_);
        return failure_;
    }

private:
    void run(unsigned worker) {
        while (true) {
            Job job;
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [&] { return closing_ || !jobs_.empty(); });
                if (jobs_.empty()) {
                    return;
                }
                job = std::move(jobs_.front());
                jobs_.pop_front();
            }
            try {
                job(worker);
            } catch (const std::exception& error) {
                failed(error.what());
            } catch (...) {
                failed("unknown failure");
            }
        }
    }

    void failed(const std::string& message) {
        {
            std::lock_guard lock(mutex_);
            if (failure_.empty()) {
                failure_ = message;
            }
        }
        if (on_failure_) {
            on_failure_(message);
        }
    }

    FailureHandler on_failure_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    bool closing_ = false;
    std::string failure_;
    std::vector<std::thread> workers_;
    std::size_t thread_count_ = 0;
};

/// Runs `jobs` on this thread and on `threads - 1` others started for them, each thread taking
/// the next job not yet taken; returns when every job has run. For a handful of unequal jobs
/// (the parts of one load or one view) where a WorkQueue's threads would outlive the work. A
/// job that throws does not stop the others; the first exception is rethrown here once all
/// have run.
inline void run_shared(const std::vector<std::function<void()>>& jobs, unsigned threads = 2) {
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::exception_ptr first_failure;
    const auto work = [&] {
        for (std::size_t i = next++; i < jobs.size(); i = next++) {
            try {
                jobs[i]();
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!first_failure) {
                    first_failure = std::current_exception();
                }
            }
        }
    };
    std::vector<std::future<void>> others;
    const std::size_t helpers = std::min<std::size_t>(std::max(1u, threads) - 1, jobs.size());
    for (std::size_t i = 1; i < helpers + 1 && jobs.size() > 1; ++i) {
        others.push_back(std::async(std::launch::async, work));
    }
    work();
    for (auto& other : others) {
        other.get();
    }
    if (first_failure) {
        std::rethrow_exception(first_failure);
    }
}

} // namespace kuril
