#include "backends/cpu/cpu_backend_impl.h"

#include "backends/cpu/cpu_backend.h"
#include "backends/cpu/cpu_engine.h"

namespace metalfpga::backends::cpu {

namespace {

class CpuBackend final : public Backend {
  public:
    const char* name() const override { return "cpu"; }
    const char* title() const override { return "CPU"; }

    bool canRun(std::string& note) const override {
        note.clear();
        return true;
    }

    std::unique_ptr<backends::LoadedModel> load(const std::string& source,
                                                const CompileOptions& options,
                                                std::string& error) const override {
        return cpu::load(source, options, error);
    }

    std::string hostKey(const std::string& source, std::string& why) const override {
        why.clear();
        return modelKey(source);
    }

    std::string findEntry(const std::string& dir, const std::string& hostKey, std::string& key,
                          std::string& why) const override {
        why.clear();
        key = hostKey;
        return entryPath(dir, hostKey);
    }

    std::unique_ptr<backends::LoadedModel>
    loadEntry(const std::string& path, const std::string& key, std::string& error) const override {
        return cpu::loadEntry(path, key, error);
    }

    std::unique_ptr<runtime::Engine> makeEngine(const backends::LoadedModel& model,
                                                const EngineRequest& request,
                                                std::string& error) const override {
        auto* m = dynamic_cast<const LoadedModel*>(&model);
        if (!m) {
            error = "the CPU backend cannot run a model another backend loaded";
            return nullptr;
        }
        return cpu::makeEngine(*m, request.count, request.slotLimit, request.threads, error);
    }
};

} // namespace

const Backend& backend() {
    static const CpuBackend b;
    return b;
}

} // namespace metalfpga::backends::cpu
