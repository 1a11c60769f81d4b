#include "frontend/source_set.h"

#include "frontend/parser.h"

#include <filesystem>
#include <set>

namespace metalfpga::frontend {

namespace {

struct Loader {
    const SourceSetOptions& options;
    SourceManager& sm;
    Diagnostics& diags;
    Preprocessor pp;
    SourceSet set;

    Loader(const SourceSetOptions& o, SourceManager& s, Diagnostics& d)
        : options(o), sm(s), diags(d), pp(s, d, o.preprocessor) {}

    void parseFile(const std::string& path, bool library) {
        PreprocessedUnit unit = pp.run({path});
        Parser parser(unit, sm, diags);
        auto cu = parser.parse();
        for (const ast::Module* m : cu->modules()) define(m->name, m, set.modules, library);
        for (const ast::Primitive* p : cu->primitives())
            define(p->name, p, set.primitives, library);
        set.preprocessed.push_back(std::move(unit));
        set.units.push_back(std::move(cu));
        set.fromLibrary.push_back(library);
    }

    template <typename T>
    void define(const ast::Identifier& name, const T* node,
                std::map<std::string, const T*, std::less<>>& into, bool library) {
        // The first definition wins. A library file may repeat a module the sources define, but
        // two definitions in the source files are an error (12.1: module names are global).
        auto [it, added] = into.emplace(std::string(name.text), node);
        if (added || library) {
            if (!library) fromSources.emplace(name.text);
            return;
        }
        if (!fromSources.insert(std::string(name.text)).second) {
            diags.error(node->loc, "'{}' is already defined", name.text);
            diags.note(it->second->loc, "the first definition is here");
        }
    }

    std::set<std::string, std::less<>> fromSources; // names the source files define

    bool defined(std::string_view name) const {
        return set.modules.count(name) || set.primitives.count(name);
    }

    // Modules instantiated somewhere and defined nowhere.
    std::set<std::string> missing() const {
        std::set<std::string> out;
        for (const auto& [name, m] : set.modules)
            for (std::string_view used : ast::instantiatedModuleNames(*m))
                if (!defined(used)) out.emplace(used);
        return out;
    }

    // Looks each missing module up in the -y folders, reading at most one file per name.
    void searchLibraryDirs() {
        std::vector<std::string> exts = options.libExts;
        if (exts.empty()) exts.push_back(".v");
        std::set<std::string> tried;
        for (;;) {
            bool readSomething = false;
            for (const std::string& name : missing()) {
                if (!tried.insert(name).second) continue;
                for (const std::string& dir : options.libDirs) {
                    std::string found;
                    for (const std::string& ext : exts) {
                        std::filesystem::path p = std::filesystem::path(dir) / (name + ext);
                        std::error_code ec;
                        if (std::filesystem::is_regular_file(p, ec)) {
                            found = p.string();
                            break;
                        }
                    }
                    if (!found.empty()) {
                        parseFile(found, true);
                        readSomething = true;
                        break;
                    }
                }
            }
            if (!readSomething) break;
        }
    }
};

} // namespace

SourceSet loadSources(const SourceSetOptions& options, SourceManager& sm, Diagnostics& diags) {
    Loader l(options, sm, diags);
    for (const std::string& f : options.files) l.parseFile(f, false);
    for (const std::string& f : options.libFiles) l.parseFile(f, true);
    if (!options.libDirs.empty()) l.searchLibraryDirs();
    for (const std::string& top : options.tops)
        if (!l.defined(top)) diags.error(SourceLoc{}, "top-level module '{}' is not defined", top);
    return std::move(l.set);
}

} // namespace metalfpga::frontend
