#pragma once
// The compile of one model source into a shared object with the host C++ compiler, in a given
// folder (the pipeline archive, or a temporary folder): one translation unit, or a large model
// split into parts (common/split_source.h) compiled in parallel and linked. The compiler children
// run under child_process.h, so an interrupt stops them.

#include <filesystem>
#include <string>

namespace metalfpga::backends::cpu {

// -O2 runs the models 1.2-1.9x faster than -O1 (picorv32, aes, sha256, pipes); its partial
// redundancy elimination and code hoisting are left out: on a model of many small functions
// that share one State they took 70% of the compile (pipes N=256: 132 s against 28 s without
// them) for 5% of the speed.
#define MF_MODEL_OPT "-O2 -fno-tree-pre -fno-code-hoisting"
inline constexpr const char* kFlags =
    MF_MODEL_OPT " -shared -fPIC -std=c++17 -w -fvisibility=hidden";
// A large model's parts are compiled with kPartFlags, then linked with kFlags.
inline constexpr const char* kPartFlags =
    MF_MODEL_OPT " -c -fPIC -std=c++17 -w -fvisibility=hidden";
#undef MF_MODEL_OPT

// $METALFPGA_CXX, else $CXX, else c++.
std::string compiler();
// Extra flags for the model compile ($METALFPGA_CXXFLAGS), after the defaults so they win.
std::string extraFlags();
// $METALFPGA_CPU_PARTS: the number of parts (0 or unset: by size; 1: one translation unit).
size_t partsOverride();

struct CompileResult {
    enum Status { Ok, CompilerFailed, CannotWrite, Interrupted } status = Ok;
    std::filesystem::path object; // Ok: the shared object (FOLDER/STEM.so.tmp)
    // CompilerFailed: the message (with the compiler's output; the failing source is kept);
    // CannotWrite: what could not be written and why.
    std::string error;
    double ms = 0; // the compilers' time
};

// Compiles `source` (archive key `key`) in `folder`, every file named STEM...; all of them but
// the shared object are removed again (a failed compile keeps its source).
CompileResult compileIn(const std::filesystem::path& folder, const std::string& stem,
                        const std::string& source, const std::string& key);

// A private folder under the system's temporary folder, removed with its contents on
// destruction unless kept.
class TempFolder {
  public:
    TempFolder() = default;
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    // Creates it; false with `error` set when it cannot be made.
    bool create(std::string& error);
    const std::filesystem::path& path() const { return path_; }
    void keep() { path_.clear(); }

  private:
    std::filesystem::path path_;
};

} // namespace metalfpga::backends::cpu
