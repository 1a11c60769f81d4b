#include "cli/arguments.h"
#include "metalfpga/version.h"

#include <cstdio>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto expanded = metalfpga::cli::expandArguments(args);
    std::printf("metalfpga %s\n", METALFPGA_VERSION);
    return expanded.errors.empty() ? 0 : 2;
}
