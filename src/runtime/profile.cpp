#include "runtime/profile.h"

#include "support/env_switch.h"

#include <fmt/format.h>

namespace metalfpga::runtime {

Profiler::Settings Profiler::fromEnvironment() {
    Settings s;
    s.everyDispatch = support::envSwitch("METALFPGA_PROFILE_EVERY_DISPATCH", false);
    s.gpuTimestamps = support::envSwitch("METALFPGA_GPU_TIMESTAMPS", false);
    s.enabled =
        support::envSwitch("METALFPGA_PROFILE", false) || s.everyDispatch || s.gpuTimestamps;
    return s;
}

Profiler::Profiler(FILE* out, bool everyDispatch, bool gpuTimestamps)
    : out_(out), everyDispatch_(everyDispatch), gpuTimestamps_(gpuTimestamps) {}

double* Profiler::find(std::vector<Entry>& v, const std::string& name) {
    for (auto& e : v)
        if (e.first == name) return &e.second;
    v.emplace_back(name, 0.0);
    return &v.back().second;
}

double Profiler::get(const std::vector<Entry>& v, const std::string& name) {
    for (const auto& e : v)
        if (e.first == name) return e.second;
    return 0;
}

void Profiler::addStage(const std::string& name, double ms) {
    std::lock_guard<std::mutex> lock(mu_);
    *find(stages_, name) += ms;
}

void Profiler::addCount(const std::string& name, uint64_t n) {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& c : counts_)
        if (c.first == name) {
            c.second += n;
            return;
        }
    counts_.emplace_back(name, n);
}

void Profiler::addDeviceTiming(const std::string& name, double ms) {
    std::lock_guard<std::mutex> lock(mu_);
    *find(device_, name) += ms;
    if (everyDispatch_) *find(roundDevice_, name) += ms;
}

void Profiler::dispatch(double stepMs, double drainMs) {
    std::string line;
    {
        std::lock_guard<std::mutex> lock(mu_);
        *find(stages_, "step") += stepMs;
        *find(stages_, "drain") += drainMs;
        ++rounds_;
        bool counted = false;
        for (auto& c : counts_)
            if (c.first == "rounds") {
                ++c.second;
                counted = true;
            }
        if (!counted) counts_.emplace_back("rounds", 1);
        if (!everyDispatch_) return;
        line = fmt::format("[profile] dispatch {} step_ms={:.3f} drain_ms={:.3f}", rounds_, stepMs,
                           drainMs);
        for (const auto& d : roundDevice_)
            line += fmt::format(" gpu_{}_ms={:.3f}", d.first, d.second);
        roundDevice_.clear();
    }
    line += '\n';
    std::fputs(line.c_str(), out_);
}

double Profiler::stage(const std::string& name) const {
    std::lock_guard<std::mutex> lock(mu_);
    return get(stages_, name);
}

uint64_t Profiler::count(const std::string& name) const {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& c : counts_)
        if (c.first == name) return c.second;
    return 0;
}

double Profiler::deviceTiming(const std::string& name) const {
    std::lock_guard<std::mutex> lock(mu_);
    return get(device_, name);
}

void Profiler::report() {
    std::string text;
    {
        std::lock_guard<std::mutex> lock(mu_);
        if (reported_) return;
        reported_ = true;
        for (const auto& s : stages_)
            text += fmt::format("[profile] {} {:.3f} ms\n", s.first, s.second);
        for (const auto& c : counts_) text += fmt::format("[profile] {} {}\n", c.first, c.second);
        for (const auto& d : device_)
            text += fmt::format("[profile] gpu {} {:.3f} ms\n", d.first, d.second);
    }
    std::fputs(text.c_str(), out_);
    std::fflush(out_);
}

Profiler::Timer::Timer(Profiler* p, std::string name)
    : p_(p), name_(std::move(name)), t0_(std::chrono::steady_clock::now()), running_(p != nullptr) {
    if (p_) p_->addStage(name_, 0.0);
}

double Profiler::Timer::stop() {
    if (!running_) return 0;
    running_ = false;
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0_).count();
    p_->addStage(name_, ms);
    return ms;
}

} // namespace metalfpga::runtime
