// rt_diff: differential test of the value library against Icarus Verilog.
//   rt_diff [--seed N] [--count N] [--batch N] [--depth N] [--workdir DIR]
// Prints the number of expressions run and every mismatch; exit status 1 on a mismatch.
#include "diffgen.h"

#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
    diffgen::u64 seed = 1;
    size_t count = 10000, batch = 2500;
    int depth = 3;
    std::filesystem::path workdir = std::filesystem::temp_directory_path() / "metalfpga_rt_diff";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--seed"))
            seed = std::strtoull(argv[i + 1], nullptr, 10);
        else if (!std::strcmp(argv[i], "--count"))
            count = std::strtoull(argv[i + 1], nullptr, 10);
        else if (!std::strcmp(argv[i], "--batch"))
            batch = std::strtoull(argv[i + 1], nullptr, 10);
        else if (!std::strcmp(argv[i], "--depth"))
            depth = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--workdir"))
            workdir = argv[i + 1];
    }
    if (!diffgen::icarus_available()) {
        std::cout << "iverilog/vvp not found; skipped\n";
        return 0;
    }
    diffgen::Result r = diffgen::run_diff(seed, count, batch, workdir, depth);
    if (!r.error.empty()) {
        std::cerr << r.error << "\n";
        return 2;
    }
    for (const auto& m : r.mismatches)
        std::cout << "MISMATCH"
                  << (m.lhs_width ? " (assigned to " + std::to_string(m.lhs_width) + " bits)" : "")
                  << ": " << m.expr << "\n"
                  << m.vars << "  library: " << m.expected << "\n  icarus:  " << m.got << "\n";
    std::cout << r.run << " expressions, " << r.mismatches.size() << " mismatches (" << r.skipped
              << " generated expressions skipped for known Icarus deviations)\n";
    return r.mismatches.empty() ? 0 : 1;
}
