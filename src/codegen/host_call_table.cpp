#include "codegen/host_call_table.h"

namespace metalfpga::codegen {

bool isHostCall(std::string_view name) {
    static constexpr std::string_view kFunctions[] = {
        "$test$plusargs", "$value$plusargs", "$fopen", "$fgetc", "$ungetc", "$fgets", "$fscanf",
        "$sscanf",        "$fread",          "$ftell", "$fseek", "$rewind", "$feof",  "$ferror"};
    for (auto n : kFunctions)
        if (n == name) return true;
    return false;
}

bool isHostTask(std::string_view name) {
    static constexpr std::string_view kTasks[] = {"$sformat", "$swrite",  "$swriteb",
                                                  "$swriteo", "$swriteh", "$timeformat"};
    for (auto n : kTasks)
        if (n == name) return true;
    return false;
}

std::vector<bool> hostCallOutputs(std::string_view name, size_t argCount) {
    std::vector<bool> out(argCount, false);
    if (name == "$value$plusargs" && argCount > 1) out[1] = true;
    if ((name == "$fgets" || name == "$fread") && argCount > 0) out[0] = true;
    if (name == "$ferror" && argCount > 1) out[1] = true;
    if ((name == "$sformat" || name.rfind("$swrite", 0) == 0) && argCount > 0) out[0] = true;
    if (name == "$fscanf" || name == "$sscanf")
        for (size_t i = 2; i < argCount; ++i) out[i] = true;
    return out;
}

} // namespace metalfpga::codegen
