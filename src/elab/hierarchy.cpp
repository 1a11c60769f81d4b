// The module hierarchy: top selection, module instances (and instance arrays), and the items
// of a scope in phase 1.

#include "elab/elaborator.h"

#include <fmt/format.h>

#include <set>

namespace metalfpga::elab {

const ast::Module* Elaborator::findModule(std::string_view name) const {
    auto it = sources_.modules.find(name);
    return it == sources_.modules.end() ? nullptr : it->second;
}

const ast::Primitive* Elaborator::findPrimitive(std::string_view name) const {
    auto it = sources_.primitives.find(name);
    return it == sources_.primitives.end() ? nullptr : it->second;
}

std::vector<const ast::Module*> Elaborator::selectTops() {
    std::vector<const ast::Module*> tops;
    if (!opts_.tops.empty()) {
        for (const std::string& t : opts_.tops) {
            if (const ast::Module* m = findModule(t))
                tops.push_back(m);
            else
                diags_.error(SourceLoc{}, "top-level module '{}' is not defined", t);
        }
        return tops;
    }
    std::set<std::string_view> used;
    for (const auto& unit : sources_.units)
        for (const ast::Module* m : unit->modules())
            for (std::string_view n : ast::instantiatedModuleNames(*m)) used.insert(n);
    std::set<std::string_view> seen;
    for (size_t u = 0; u < sources_.units.size(); ++u) {
        if (u < sources_.fromLibrary.size() && sources_.fromLibrary[u]) continue;
        for (const ast::Module* m : sources_.units[u]->modules()) {
            if (used.count(m->name.text) || !seen.insert(m->name.text).second) continue;
            // The definition that counts is the one in the modules map (a later one wins).
            if (const ast::Module* def = findModule(m->name.text)) {
                if (def != m) continue;
                tops.push_back(m);
            }
        }
    }
    if (tops.empty()) {
        bool any = false;
        for (const auto& unit : sources_.units) any = any || !unit->modules().empty();
        if (any)
            diags_.error(SourceLoc{}, "no top-level module: every module is instantiated by "
                                      "another (recursive instantiation?)");
        else
            diags_.error(SourceLoc{}, "no modules to elaborate");
    }
    return tops;
}

ScopeId Elaborator::elaborateModule(const ast::Module& m, std::string name, ScopeId parent,
                                    const ast::ModuleInst* inst, ScopeId instScope, SourceLoc loc) {
    unsigned depth = parent == kNone ? 0 : info(parent).depth + 1;
    if (depth > opts_.maxInstanceDepth) {
        diags_.error(loc,
                     "instance nesting deeper than {} levels at an instance of '{}' "
                     "(recursive instantiation?)",
                     opts_.maxInstanceDepth, m.name.text);
        return kNone;
    }
    if (design_->scopes.size() > 2'000'000) {
        diags_.error(loc, "design too large: more than 2000000 scopes");
        return kNone;
    }
    ir::Scope sc;
    sc.kind = ir::ScopeKind::Module;
    sc.name = name;
    sc.path = parent == kNone ? name : scope(parent).path + "." + name;
    sc.parent = parent;
    sc.moduleName = std::string(m.name.text);
    sc.loc = loc;
    if (m.directives.timescale) {
        sc.timescale.unit = m.directives.timescale->unit;
        sc.timescale.precision = m.directives.timescale->precision;
        sc.timescale.specified = true;
    } else if (opts_.defaultTimescale) {
        sc.timescale = *opts_.defaultTimescale;
    }
    sc.celldefine = m.directives.celldefine;
    ScopeId id = newScope(std::move(sc), kNone);
    ScopeInfo& si = info(id);
    si.module = id;
    si.moduleDef = &m;
    si.defaultNettype = m.directives.defaultNettype;
    si.depth = depth;
    if (parent != kNone) addSymbol(parent, name, Symbol{Symbol::Kind::Scope, id}, loc);

    // Parameters: the #( ) list; body parameters become local when that list exists.
    for (const auto& it : m.paramPorts)
        if (auto* pd = it->asPtr<ast::ParamDecl>()) declareParams(*pd, id, false);
    for (const auto& it : m.items)
        if (auto* pd = it->asPtr<ast::ParamDecl>())
            declareParams(*pd, id, m.hasParamPorts && pd->keyword == TokenKind::KwParameter);
    if (inst) applyOverrides(*inst, id, instScope);
    if (parent == kNone) applyParamOverrides(id);
    for (ParamSlot& p : info(id).params) {
        auto dv = defparamValues_.find(scope(id).path + "." + p.name);
        if (dv != defparamValues_.end()) p.overrideValue = dv->second;
    }
    declarePorts(m, id);
    for (const auto& it : m.portDecls) deferInitialisers(*it, id); // output reg q = 1 (ANSI)
    elaborateItems(m.items, id);
    return id;
}

// A declaration with initial values (wire a = b; reg a = 1; output reg q = 1) is elaborated
// with the processes, once every name is declared.
void Elaborator::deferInitialisers(const ast::Item& item, ScopeId s) {
    const std::vector<ast::Declarator>* decls = nullptr;
    if (auto* nd = item.asPtr<ast::NetDecl>()) decls = &nd->decls;
    if (auto* vd = item.asPtr<ast::VarDecl>()) decls = &vd->decls;
    if (auto* pd = item.asPtr<ast::PortDecl>()) decls = &pd->decls;
    if (!decls) return;
    for (const auto& d : *decls)
        if (d.init) {
            deferred_.push_back(Deferred{&item, s, nullptr, {}});
            return;
        }
}

void Elaborator::elaborateItems(const std::vector<ast::ItemPtr>& items, ScopeId s) {
    bool moduleLevel = scope(s).kind == ir::ScopeKind::Module;
    // Declarations first, so that items may use names declared after them.
    for (const auto& it : items) {
        switch (it->kind) {
        case ast::ItemKind::ParamDecl:
            if (!moduleLevel) declareParams(it->as<ast::ParamDecl>(), s, true);
            break;
        case ast::ItemKind::PortDecl:
        case ast::ItemKind::NetDecl:
        case ast::ItemKind::VarDecl:
            declareItem(*it, s);
            break;
        case ast::ItemKind::Function:
        case ast::ItemKind::Task:
            declareRoutine(*it, s);
            break;
        case ast::ItemKind::SpecifyBlock:
            for (const auto& si : it->as<ast::SpecifyBlock>().items)
                if (auto* pd = si->asPtr<ast::ParamDecl>()) declareParams(*pd, s, true);
            break;
        default:
            break;
        }
    }
    // The scopes of functions, tasks and named blocks, before any expression is resolved, so
    // that hierarchical names into them (`f.local`, `blk.x`) resolve wherever they are used.
    for (const auto& it : items) {
        if (it->kind == ast::ItemKind::Function || it->kind == ast::ItemKind::Task) {
            auto sym =
                lookupLocal(s, it->is<ast::FunctionDecl>() ? it->as<ast::FunctionDecl>().name.text
                                                           : it->as<ast::TaskDecl>().name.text);
            if (sym && sym->kind == Symbol::Kind::Routine &&
                routineDecls_[sym->id].item == it.get())
                declareRoutineScope(sym->id);
        } else if (it->kind == ast::ItemKind::Procedural) {
            declareBlocks(*it->as<ast::ProceduralBlock>().body, s);
        }
    }
    for (const auto& it : items) {
        switch (it->kind) {
        case ast::ItemKind::ParamDecl:
        case ast::ItemKind::Function:
        case ast::ItemKind::Task:
            break;
        case ast::ItemKind::PortDecl:
        case ast::ItemKind::NetDecl:
        case ast::ItemKind::VarDecl:
            deferInitialisers(*it, s);
            break;
        case ast::ItemKind::GenerateRegion:
            elaborateItems(it->as<ast::GenerateRegion>().items, s);
            break;
        case ast::ItemKind::GenerateFor:
        case ast::ItemKind::GenerateIf:
        case ast::ItemKind::GenerateCase:
        case ast::ItemKind::GenerateBlock:
            elaborateGenerate(*it, s);
            break;
        case ast::ItemKind::ModuleInst:
            elaborateInstances(it->as<ast::ModuleInst>(), s);
            break;
        case ast::ItemKind::Defparam:
            for (const auto& a : it->as<ast::Defparam>().assigns)
                defparams_.push_back(DefparamUse{&a, s});
            break;
        case ast::ItemKind::ContinuousAssign:
        case ast::ItemKind::GateInst:
        case ast::ItemKind::Procedural:
        case ast::ItemKind::SpecifyBlock:
            deferred_.push_back(Deferred{it.get(), s, nullptr, {}});
            break;
        case ast::ItemKind::SpecifyPath:
        case ast::ItemKind::TimingCheck:
        case ast::ItemKind::PulseStyle:
            break; // only inside specify blocks
        }
        if (diags_.errorCount() > 200) return;
    }
}

void Elaborator::elaborateInstances(const ast::ModuleInst& mi, ScopeId s) {
    const ast::Module* m = findModule(mi.moduleName.text);
    if (!m) {
        if (findPrimitive(mi.moduleName.text)) {
            deferred_.push_back(Deferred{&mi, s, nullptr, {}});
            return;
        }
        diags_.error(mi.moduleName.loc, "unknown module or primitive '{}'", mi.moduleName.text);
        return;
    }
    for (const ast::Instance& inst : mi.instances) {
        if (inst.name.empty()) {
            diags_.error(inst.loc, "instance of module '{}' needs a name", mi.moduleName.text);
            continue;
        }
        std::string name(inst.name.text);
        Deferred d{&mi, s, &inst, {}};
        if (inst.range) {
            auto msb = evalInt(*inst.range->left, s, "instance array bound");
            auto lsb = evalInt(*inst.range->right, s, "instance array bound");
            if (!msb || !lsb) continue;
            int64_t step = *msb >= *lsb ? -1 : 1;
            if ((*msb - *lsb) * -step > 100000) {
                diags_.error(inst.range->loc, "instance array '{}' is too large", name);
                continue;
            }
            for (int64_t i = *msb;; i += step) {
                ScopeId c =
                    elaborateModule(*m, fmt::format("{}[{}]", name, i), s, &mi, s, inst.name.loc);
                if (c == kNone) return;
                d.children.push_back(c);
                if (i == *lsb) break;
            }
        } else {
            ScopeId c = elaborateModule(*m, name, s, &mi, s, inst.name.loc);
            if (c == kNone) return;
            d.children.push_back(c);
        }
        deferred_.push_back(std::move(d));
    }
}

} // namespace metalfpga::elab
