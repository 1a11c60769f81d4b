#pragma once
// A model compile as the user sees it: the units of a split compile run side by side and are
// counted, and a compile in the background shows a progress line on a terminal.

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

namespace metalfpga::backends {

// The units of the model compile that is running (a model split into translation units, CPU or
// CUDA), for the progress line.
class CompileProgress {
  public:
    void start(size_t units) {
        done_ = 0;
        units_ = units;
    }
    void unitDone() { ++done_; }
    size_t done() const { return done_; }
    size_t units() const { return units_; }

  private:
    std::atomic<size_t> done_{0}, units_{0};
};
CompileProgress& compileProgress();

// Runs work(k) for every unit k in [0, n) of a split compile on up to `jobs` threads (this one
// among them), counting the finished units in compileProgress(); after an interrupt signal no
// further unit starts.
void runUnits(size_t n, size_t jobs, const std::function<void(size_t)>& work);

// Runs `work` (a compile or cache load). With `async`, it runs in a background thread while this
// thread, when stderr is a terminal, shows "[metalfpga] compiling model (BACKEND) 3.2 s" (and
// "3/8 units" for a split compile) updated every 200 ms and erased when the work is done.
void runWithProgress(const std::string& backend, bool async, const std::function<void()>& work);

} // namespace metalfpga::backends
