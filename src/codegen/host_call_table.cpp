#include "codegen/host_call_table.h"

namespace metalfpga::codegen {

bool isHostCall(std::string_view name) {
    static constexpr std::string_view kFunctions[] = {"$test$plusargs", "$value$plusargs"};
    for (auto n : kFunctions)
        if (n == name) return true;
    return false;
}

bool isHostTask(std::string_view name) {
    (void)name;
    return false;
}

std::vector<bool> hostCallOutputs(std::string_view name, size_t argCount) {
    std::vector<bool> out(argCount, false);
    if (name == "$value$plusargs" && argCount > 1) out[1] = true;
    return out;
}

} // namespace metalfpga::codegen
