// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
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

} // namespace kuril
