// The host loop on an interrupt (src/runtime/runtime.cpp): once a signal is recorded, the next
// step calls carry kStopAtSlotEnd and the run ends when the instances report kSlotEnd, with
// exit status 128 + the signal; a second signal stops at once.

#include "backends/common/interrupts.h"
#include "runtime/runtime.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <string>

namespace metalfpga::runtime {
namespace {

namespace m = rt::model;
using backends::clearInterrupts;
using backends::noteInterrupt;

// An engine whose instances never end by themselves; `signalAt` step calls in, it records the
// signals, and it honours kStopAtSlotEnd after `slotSteps` more calls (a slot still running).
class FakeEngine final : public Engine {
  public:
    FakeEngine(uint32_t n, std::vector<int> signals, int slotSteps)
        : n_(n), signals_(std::move(signals)), slotSteps_(slotSteps) {
        view_.head = &head_;
        view_.tail = &tail_;
    }
    uint32_t count() const override { return n_; }
    void step(uint64_t budget, const std::vector<char>& run,
              std::vector<uint32_t>& status) override {
        ++steps;
        if (steps == 3)
            for (int s : signals_) noteInterrupt(s);
        bool stop = (budget & m::kStopAtSlotEnd) != 0;
        if (stop) ++flagged;
        for (uint32_t i = 0; i < n_; ++i)
            if (run[i]) status[i] = stop && flagged > slotSteps_ ? m::kSlotEnd : m::kBudget;
    }
    m::RingView& mailbox(uint32_t) override { return view_; }
    const char* name() const override { return "fake"; }

    int steps = 0, flagged = 0;

  private:
    uint32_t n_;
    std::vector<int> signals_;
    int slotSteps_;
    uint32_t head_ = 0, tail_ = 0;
    m::RingView view_{};
};

std::string readAll(FILE* f) {
    std::rewind(f);
    std::string s;
    char buf[256];
    while (size_t k = std::fread(buf, 1, sizeof buf, f)) s.append(buf, k);
    return s;
}

struct Outcome {
    int rc;
    std::string err;
};

Outcome simulateWith(FakeEngine& e) {
    contract::Model info;
    RunOptions o;
    o.out = std::tmpfile();
    o.err = std::tmpfile();
    backends::InterruptScope scope;
    int rc = simulate(e, info, o);
    clearInterrupts();
    Outcome r{rc, readAll(o.err)};
    std::fclose(o.out);
    std::fclose(o.err);
    return r;
}

TEST(Interrupts, StopAtTheEndOfTheTimeSlot) {
    FakeEngine e(3, {SIGTERM}, 2);
    Outcome r = simulateWith(e);
    EXPECT_EQ(r.rc, 128 + SIGTERM);
    EXPECT_EQ(e.flagged, 3) << "two calls still inside the slot, then kSlotEnd";
    EXPECT_EQ(e.steps, 6);
    EXPECT_NE(r.err.find("interrupted by SIGTERM"), std::string::npos) << r.err;
}

TEST(Interrupts, SigpipeNeedsNoMessage) {
    FakeEngine e(1, {SIGPIPE}, 0);
    Outcome r = simulateWith(e);
    EXPECT_EQ(r.rc, 141);
    EXPECT_EQ(r.err, "");
}

TEST(Interrupts, ASecondSignalStopsAtOnce) {
    FakeEngine e(1, {SIGINT, SIGINT}, 1000);
    Outcome r = simulateWith(e);
    EXPECT_EQ(r.rc, 128 + SIGINT);
    EXPECT_EQ(e.steps, 3);
}

TEST(Interrupts, ATerminalSignalWinsOverSigpipe) {
    FakeEngine e(1, {SIGPIPE, SIGHUP}, 0);
    Outcome r = simulateWith(e);
    EXPECT_EQ(r.rc, 128 + SIGHUP);
}

} // namespace
} // namespace metalfpga::runtime
