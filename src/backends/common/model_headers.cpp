#include "backends/common/model_headers.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace metalfpga::backends {

namespace fs = std::filesystem;

std::string includeDirectory() {
    if (const char* e = std::getenv("METALFPGA_INCLUDE_DIR"); e && *e) return e;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
             dir = dir.parent_path()) {
            for (const char* sub : {"include", "share/metalfpga/include"})
                if (fs::exists(dir / sub / "metalfpga/rt/model.h", ec)) return (dir / sub).string();
        }
    }
    return METALFPGA_SOURCE_INCLUDE_DIR;
}

std::string runtimeHeaders(const std::string& includeDir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(includeDir) / "metalfpga/rt", ec))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::string text;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        text += f.filename().string() + '\0' + ss.str() + '\0';
    }
    return text;
}

} // namespace metalfpga::backends
