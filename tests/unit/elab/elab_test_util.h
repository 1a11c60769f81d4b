#pragma once
// Elaborates Verilog text for the elaborator's tests.

#include "elab/elaborate.h"
#include "frontend/source_set.h"
#include "ir/printer.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <unistd.h>

namespace metalfpga::elab::test {

struct Elaborated {
    frontend::SourceManager sm;
    std::unique_ptr<frontend::Diagnostics> diags;
    frontend::SourceSet sources;
    std::unique_ptr<ir::Design> design;
    std::string errors; // every diagnostic, rendered

    const ir::Signal& signal(const std::string& path) const {
        return design->signals.at(design->findSignal(path));
    }
    bool hasScope(const std::string& path) const { return design->findScope(path) != ir::kNone; }
    const ir::Param* param(const std::string& scope, const std::string& name) const {
        ir::ScopeId s = design->findScope(scope);
        if (s == ir::kNone) return nullptr;
        for (const auto& p : design->scopes[s].params)
            if (p.name == name) return &p;
        return nullptr;
    }
    std::string dump() const {
        std::ostringstream out;
        ir::printDesign(*design, out);
        return out.str();
    }
};

inline std::unique_ptr<Elaborated> elaborateText(const std::string& text,
                                                 std::vector<std::string> tops = {}) {
    auto r = std::make_unique<Elaborated>();
    static int counter = 0;
    auto path = std::filesystem::temp_directory_path() /
                ("metalfpga_elab_test_" + std::to_string(::getpid()) + "_" +
                 std::to_string(counter++) + ".v");
    std::ofstream(path) << text;
    r->diags = std::make_unique<frontend::Diagnostics>(r->sm);
    r->diags->setQuiet(true);
    frontend::SourceSetOptions so;
    so.files = {path.string()};
    r->sources = frontend::loadSources(so, r->sm, *r->diags);
    if (!r->diags->hasErrors()) {
        ElabOptions eo;
        eo.tops = std::move(tops);
        r->design = elaborate(r->sources, eo, *r->diags);
    }
    for (const auto& d : r->diags->all()) r->errors += d.message + "\n";
    std::filesystem::remove(path);
    return r;
}

} // namespace metalfpga::elab::test
