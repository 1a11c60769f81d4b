#include "frontend/ast.h"

#include <algorithm>

namespace metalfpga::frontend::ast {

std::string HierName::str() const {
    std::string s;
    for (size_t i = 0; i < segments.size(); ++i) {
        if (i) s += '.';
        if (segments[i].name.escaped) s += '\\';
        s += segments[i].name.text;
        if (segments[i].name.escaped) s += ' ';
        if (segments[i].index) s += "[...]";
    }
    return s;
}

std::vector<const Module*> CompilationUnit::modules() const {
    std::vector<const Module*> out;
    for (const auto& d : descriptions)
        if (auto m = d->asPtr<Module>()) out.push_back(m);
    return out;
}

std::vector<const Primitive*> CompilationUnit::primitives() const {
    std::vector<const Primitive*> out;
    for (const auto& d : descriptions)
        if (auto p = d->asPtr<Primitive>()) out.push_back(p);
    return out;
}

namespace {

void collectInstances(const std::vector<ItemPtr>& items, std::vector<std::string_view>& out);

void collectBlock(const GenerateBlock* b, std::vector<std::string_view>& out) {
    if (b) collectInstances(b->items, out);
}

void collectInstances(const std::vector<ItemPtr>& items, std::vector<std::string_view>& out) {
    for (const auto& item : items) {
        switch (item->kind) {
        case ItemKind::ModuleInst: {
            std::string_view name = item->as<ModuleInst>().moduleName.text;
            if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
            break;
        }
        case ItemKind::GenerateRegion:
            collectInstances(item->as<GenerateRegion>().items, out);
            break;
        case ItemKind::GenerateBlock:
            collectInstances(item->as<GenerateBlock>().items, out);
            break;
        case ItemKind::GenerateFor:
            collectBlock(item->as<GenerateFor>().body.get(), out);
            break;
        case ItemKind::GenerateIf: {
            const auto& g = item->as<GenerateIf>();
            collectBlock(g.thenBlock.get(), out);
            collectBlock(g.elseBlock.get(), out);
            break;
        }
        case ItemKind::GenerateCase:
            for (const auto& ci : item->as<GenerateCase>().items) collectBlock(ci.body.get(), out);
            break;
        default:
            break;
        }
    }
}

} // namespace

std::vector<std::string_view> instantiatedModuleNames(const Module& module) {
    std::vector<std::string_view> out;
    collectInstances(module.items, out);
    return out;
}

} // namespace metalfpga::frontend::ast
