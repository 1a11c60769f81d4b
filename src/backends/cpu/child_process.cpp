#include "backends/cpu/child_process.h"

#include "backends/common/interrupts.h"

#include <spawn.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <thread>

extern char** environ;

namespace metalfpga::backends::cpu {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kPoll = std::chrono::milliseconds(20);
constexpr auto kGrace = std::chrono::seconds(2);

// Stops process group `pgid` (led by our child) and reaps all of it. As a child subreaper this
// process inherits the group's orphans (cc1plus once g++ is gone), so waitpid(-pgid) sees every
// member until none is left.
void stopGroup(pid_t pgid) {
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    kill(-pgid, SIGTERM);
    auto deadline = Clock::now() + kGrace;
    bool killed = false;
    for (;;) {
        int status = 0;
        pid_t r = waitpid(-pgid, &status, WNOHANG);
        if (r > 0) continue;
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return; // ECHILD: nothing of the group is left
        if (Clock::now() > deadline) {
            if (killed) return; // unkillable (a stuck NFS write): give up waiting
            kill(-pgid, SIGKILL);
            killed = true;
            deadline = Clock::now() + kGrace;
        }
        std::this_thread::sleep_for(kPoll);
    }
}

} // namespace

int runShell(const std::string& command) {
    if (interruptSignal()) return -1;
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF |
                                        POSIX_SPAWN_SETSIGMASK);
    posix_spawnattr_setpgroup(&attr, 0); // a group of its own, led by the shell
    sigset_t def, none;
    sigemptyset(&def);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) sigaddset(&def, s);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &def);
    posix_spawnattr_setsigmask(&attr, &none);
    std::string sh = "sh", c = "-c", cmd = command;
    char* argv[] = {sh.data(), c.data(), cmd.data(), nullptr};
    pid_t pid = 0;
    int rc = posix_spawn(&pid, "/bin/sh", nullptr, &attr, argv, environ);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) return -1;
    for (;;) {
        int status = 0;
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) return interruptSignal() ? -1 : status;
        if (r < 0 && errno != EINTR) return -1;
        if (interruptSignal()) {
            stopGroup(pid);
            return -1;
        }
        std::this_thread::sleep_for(kPoll);
    }
}

} // namespace metalfpga::backends::cpu
