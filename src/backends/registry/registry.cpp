#include "backends/registry/registry.h"

#include "backends/cpu/cpu_backend_impl.h"

#if METALFPGA_HAS_CUDA
#include "backends/cuda/cuda_backend_impl.h"
#endif

#include <fmt/format.h>

#include <cstdio>

namespace metalfpga::backends {

const std::vector<const Backend*>& builtIn() {
    static const std::vector<const Backend*> all = {
#if METALFPGA_HAS_CUDA
        &cuda::backend(),
#endif
        &cpu::backend(), // last: --backend auto falls back to it
    };
    return all;
}

const Backend* find(std::string_view name) {
    for (const Backend* b : builtIn())
        if (name == b->name()) return b;
    return nullptr;
}

const std::vector<std::string>& backendChoices() {
    static const std::vector<std::string> names = {"cpu", "cuda", "auto"};
    return names;
}

AutoChoice chooseAuto(const std::string& none, const Usable& usable) {
    AutoChoice c{builtIn().back(), none};
    for (const Backend* b : builtIn()) {
        if (b == builtIn().back()) break;
        std::string note;
        if (usable ? usable(*b, note) : b->canRun(note)) return {b, note};
        c.reason = note;
    }
    return c;
}

void printAutoChoice(const std::string& prog, const AutoChoice& choice) {
    fmt::print(stderr, "{}: backend auto: {} ({})\n", prog, choice.backend->title(), choice.reason);
}

} // namespace metalfpga::backends
