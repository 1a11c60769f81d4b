#include "backends/common/compile_progress.h"

#include "backends/common/interrupts.h"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace metalfpga::backends {

namespace {

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

CompileProgress& compileProgress() {
    static CompileProgress p;
    return p;
}

void runUnits(size_t n, size_t jobs, const std::function<void(size_t)>& work) {
    compileProgress().start(n);
    std::atomic<size_t> next{0};
    auto worker = [&] {
        for (size_t k; (k = next++) < n && !interruptSignal();) {
            work(k);
            compileProgress().unitDone();
        }
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < std::min(jobs, n); ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();
    compileProgress().start(0);
}

void runWithProgress(const std::string& backend, bool async, const std::function<void()>& work) {
    if (!async) {
        work();
        return;
    }
    std::mutex mu;
    std::condition_variable cv;
    bool done = false;
    std::exception_ptr failure;
    std::thread worker([&] {
        try {
            work();
        } catch (...) {
            failure = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(mu);
        done = true;
        cv.notify_all();
    });
    bool tty = isatty(STDERR_FILENO) != 0;
    bool shown = false;
    size_t width = 0;
    auto t0 = std::chrono::steady_clock::now();
    {
        std::unique_lock<std::mutex> lock(mu);
        while (!cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return done; })) {
            if (!tty) continue;
            std::string line = fmt::format("\r[metalfpga] compiling model ({}) {:.1f} s", backend,
                                           msSince(t0) / 1000.0);
            if (size_t units = compileProgress().units(); units > 1)
                line += fmt::format(", {}/{} units", compileProgress().done(), units);
            width = std::max(width, line.size());
            std::fputs(line.c_str(), stderr);
            std::fflush(stderr);
            shown = true;
        }
    }
    worker.join();
    if (shown) {
        std::string blank = "\r" + std::string(width, ' ') + "\r";
        std::fputs(blank.c_str(), stderr);
        std::fflush(stderr);
    }
    if (failure) std::rethrow_exception(failure);
}

} // namespace metalfpga::backends
