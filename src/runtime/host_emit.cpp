#include "runtime/host_emit.h"

#include "runtime/model_info.h"

#include <fmt/format.h>

namespace metalfpga::runtime {

namespace {

std::string cString(const std::string& s) {
    std::string r = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            r += std::string("\\") + c;
        else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f)
            r += fmt::format("\\{:03o}", static_cast<unsigned char>(c));
        else
            r += c;
    }
    return r + "\"";
}

// The comment at the top: the entries the host runs, how to build and run it.
std::string header(const HostSource& h) {
    std::string src = h.srcDir.empty() ? "METALFPGA_SRC" : h.srcDir;
    std::string build = h.buildDir.empty() ? "METALFPGA_BUILD" : h.buildDir;
    std::string cuda =
        h.cudaBaseKey.empty()
            ? "//   (no CUDA entry: the emitting metalfpga had no CUDA backend or NVRTC)\n"
            : fmt::format("//   cuda-K-ARCH.mfpa   (--backend cuda) for the device's architecture "
                          "ARCH, where\n"
                          "//     K = XXH3-128 of \"{}\\0ARCH\" (backends/cuda: archKey)\n",
                          h.cudaBaseKey);
    return fmt::format(
        "// Standalone host of the design {0}, written by metalfpga_cli --emit-host.\n"
        "// It runs the compiled model from the pipeline archive without the compiler; run\n"
        "// `metalfpga_cli --run --backend cpu|cuda` on the design once to store its entries:\n"
        "//   cpu-{1}.so   (--backend cpu)\n"
        "{2}"
        "//\n"
        "// Build (libmetalfpga_host.a is the runtime, the CPU backend and, in a build with CUDA,\n"
        "// the CUDA backend, which loads libcuda at run time, so no CUDA library is linked;\n"
        "// target metalfpga_host of the metalfpga build):\n"
        "//   c++ -std=c++20 -O2 THIS_FILE.cpp -I {3}/src -L {4} -lmetalfpga_host -ldl -pthread "
        "-o host\n"
        "// Run:\n"
        "//   ./host [--backend cpu|cuda|auto] [--pipeline-archive DIR] [--count N]\n"
        "//          [--max-steps N] [--threads N] [--dispatch-timeout-ms N]\n"
        "//          [--instance-plusargs FILE] [--vcd-dir DIR] [--run-verbose] [--profile]\n"
        "//          [+plusarg...]\n"
        "// --backend auto (the default) runs on CUDA when a device is present and its entry\n"
        "// exists, else on the CPU. The archive folder is --pipeline-archive, else\n"
        "// $METALFPGA_PIPELINE_ARCHIVE, else\n"
        "// {5}.\n"
        "// An entry must be made by the same metalfpga version, compiler (NVRTC) and runtime\n"
        "// headers (they are part of its key); a missing or corrupt entry ends with exit status "
        "1.\n"
        "// The host never compiles.\n\n",
        h.design, h.key, cuda, src, build, h.archive);
}

} // namespace

std::string emitHostSource(const contract::Model& model, const HostSource& h) {
    std::string info = encodeModelInfo(model);
    std::string out = header(h);
    out += "#include \"standalone/standalone.h\"\n\n"
           "namespace {\n\n"
           "// The model's host-side description (service sites, sizes, dump variables).\n"
           "const unsigned char kModelInfo[] = {";
    for (size_t i = 0; i < info.size(); ++i) {
        if (i % 16 == 0) out += "\n   ";
        out += fmt::format(" {},", static_cast<unsigned>(static_cast<unsigned char>(info[i])));
    }
    out +=
        fmt::format("\n}};\n\n}} // namespace\n\n"
                    "int main(int argc, char** argv) {{\n"
                    "    metalfpga::runtime::StandaloneModel m;\n"
                    "    m.design = {};\n"
                    "    m.key = {};\n"
                    "    m.cudaBaseKey = {};\n"
                    "    m.archive = {};\n"
                    "    m.info = kModelInfo;\n"
                    "    m.infoSize = sizeof kModelInfo;\n"
                    "    return metalfpga::runtime::runStandalone(m, argc, argv);\n"
                    "}}\n",
                    cString(h.design), cString(h.key), cString(h.cudaBaseKey), cString(h.archive));
    return out;
}

} // namespace metalfpga::runtime
