#include "backends/common/interrupts.h"

#include <atomic>
#include <csignal>
#include <mutex>

namespace metalfpga::backends {

namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
constexpr int kCount = sizeof kSignals / sizeof kSignals[0];

// Lock-free atomics: safe to touch in a handler.
std::atomic<int> g_signal{0};
std::atomic<int> g_count{0};
static_assert(std::atomic<int>::is_always_lock_free);

std::mutex g_mu; // guards the scope depth and the saved dispositions
int g_depth = 0;
struct sigaction g_old[kCount];

extern "C" void onInterrupt(int sig) {
    if (sig != SIGPIPE) {
        g_count.fetch_add(1);
        // A terminal signal replaces a SIGPIPE seen before it (the exit status names it).
        int seen = g_signal.load();
        if (seen == 0 || seen == SIGPIPE) g_signal.compare_exchange_strong(seen, sig);
    } else {
        int none = 0;
        g_signal.compare_exchange_strong(none, sig);
    }
}

} // namespace

InterruptScope::InterruptScope() {
    std::lock_guard<std::mutex> lock(g_mu);
    if (g_depth++ > 0) return;
    struct sigaction sa {};
    sa.sa_handler = onInterrupt;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART; // stdio writes and waits go on; the loops poll the flag
    for (int i = 0; i < kCount; ++i) {
        sigaction(kSignals[i], nullptr, &g_old[i]);
        if (g_old[i].sa_handler == SIG_IGN && kSignals[i] != SIGPIPE) continue;
        sigaction(kSignals[i], &sa, nullptr);
    }
}

InterruptScope::~InterruptScope() {
    std::lock_guard<std::mutex> lock(g_mu);
    if (--g_depth > 0) return;
    for (int i = 0; i < kCount; ++i) sigaction(kSignals[i], &g_old[i], nullptr);
}

int interruptSignal() {
    return g_signal.load();
}

int interruptCount() {
    return g_count.load();
}

void noteInterrupt(int sig) {
    onInterrupt(sig);
}

void clearInterrupts() {
    g_signal = 0;
    g_count = 0;
}

const char* signalName(int sig) {
    switch (sig) {
    case SIGINT:
        return "SIGINT";
    case SIGTERM:
        return "SIGTERM";
    case SIGHUP:
        return "SIGHUP";
    case SIGPIPE:
        return "SIGPIPE";
    default:
        return "a signal";
    }
}

} // namespace metalfpga::backends
