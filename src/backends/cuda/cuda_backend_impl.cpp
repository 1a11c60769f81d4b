#include "backends/cuda/cuda_backend_impl.h"

#include "backends/cuda/cuda_backend.h"
#include "backends/cuda/cuda_engine.h"

namespace metalfpga::backends::cuda {

namespace {

class CudaBackend final : public Backend {
  public:
    const char* name() const override { return "cuda"; }
    const char* title() const override { return "CUDA"; }

    // The first call opens the device and makes its context current on this thread.
    bool canRun(std::string& note) const override {
        const Device* dev = device(note);
        if (dev) note = dev->name;
        return dev != nullptr;
    }

    std::unique_ptr<backends::LoadedModel> load(const std::string& source,
                                                const CompileOptions& options,
                                                std::string& error) const override {
        return cuda::load(source, options, error);
    }

    // The architecture-independent part of the key: a host derives the key of the device it
    // meets (findEntry).
    std::string hostKey(const std::string& source, std::string& why) const override {
        return baseKey(source, why);
    }

    std::string findEntry(const std::string& dir, const std::string& hostKey, std::string& key,
                          std::string& why) const override {
        const Device* dev = device(why);
        if (!dev) {
            why = "no CUDA device is present: " + why;
            return "";
        }
        if (hostKey.empty()) {
            why = "this host holds no CUDA archive key (the metalfpga_cli that emitted it had no "
                  "CUDA backend or NVRTC)";
            return "";
        }
        key = archKey(hostKey, dev->arch());
        return entryPath(dir, key, dev->arch());
    }

    std::unique_ptr<backends::LoadedModel>
    loadEntry(const std::string& path, const std::string& key, std::string& error) const override {
        return cuda::loadEntry(path, key, error);
    }

    bool checkEnvironment(std::string& error) const override {
        EngineOptions eo;
        return engineOptionsFromEnvironment(eo, error);
    }

    std::unique_ptr<runtime::Engine> makeEngine(const backends::LoadedModel& model,
                                                const EngineRequest& request,
                                                std::string& error) const override {
        auto* m = dynamic_cast<const LoadedModel*>(&model);
        if (!m) {
            error = "the CUDA backend cannot run a model another backend loaded";
            return nullptr;
        }
        EngineOptions eo;
        eo.dispatchTimeoutMs = request.dispatchTimeoutMs;
        if (!engineOptionsFromEnvironment(eo, error)) return nullptr;
        return cuda::makeEngine(*m, request.count, request.slotLimit, eo, error);
    }
};

} // namespace

const Backend& backend() {
    static const CudaBackend b;
    return b;
}

} // namespace metalfpga::backends::cuda
