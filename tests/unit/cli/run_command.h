#pragma once
// Runs a shell command for the CLI tests and collects its exit status and combined output.

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace metalfpga::test {

struct Result {
    int rc;
    std::string out;
};

inline Result runCommand(const std::string& cmd) {
    Result r{-1, ""};
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int status = pclose(p);
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

} // namespace metalfpga::test
