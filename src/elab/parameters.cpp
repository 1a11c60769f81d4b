// Parameters: declarations, overrides from instantiations and defparams, lazy evaluation with
// the parameter's declared type (1364-2005 clause 12.2).

#include "elab/elaborator.h"

#include <fmt/format.h>

namespace metalfpga::elab {

void Elaborator::declareParams(const ast::ParamDecl& pd, ScopeId s, bool forceLocal) {
    for (const ast::ParamAssign& a : pd.assigns) {
        ParamSlot slot;
        slot.name = text(a.name);
        slot.decl = &pd;
        slot.expr = a.value.get();
        slot.loc = a.name.loc;
        slot.isLocal = forceLocal || pd.keyword != TokenKind::KwParameter;
        ir::Param p;
        p.name = slot.name;
        p.isLocal = slot.isLocal;
        p.isSpecparam = pd.keyword == TokenKind::KwSpecparam;
        p.loc = slot.loc;
        // A defparam of an earlier round on a parameter of a named block, function or task
        // (module parameters get theirs after the instance's overrides, in elaborateModule).
        if (!slot.isLocal && scope(s).kind != ir::ScopeKind::Module) {
            auto dv = defparamValues_.find(scope(s).path + "." + slot.name);
            if (dv != defparamValues_.end()) slot.overrideValue = dv->second;
        }
        slot.irIndex = scope(s).params.size();
        scope(s).params.push_back(std::move(p));
        uint32_t idx = static_cast<uint32_t>(info(s).params.size());
        info(s).params.push_back(std::move(slot));
        addSymbol(s, a.name.text, Symbol{Symbol::Kind::Param, idx}, a.name.loc);
    }
}

void Elaborator::addGenvarParam(ScopeId s, std::string_view name, const Const& v, SourceLoc loc) {
    ParamSlot slot;
    slot.name = std::string(name);
    slot.loc = loc;
    slot.isLocal = true;
    slot.state = ParamSlot::State::Done;
    slot.value = v;
    ir::Param p;
    p.name = slot.name;
    p.isLocal = true;
    p.type = v.type();
    p.value = v.v;
    p.loc = loc;
    slot.irIndex = scope(s).params.size();
    scope(s).params.push_back(std::move(p));
    uint32_t idx = static_cast<uint32_t>(info(s).params.size());
    info(s).params.push_back(std::move(slot));
    addSymbol(s, name, Symbol{Symbol::Kind::Param, idx}, loc);
}

void Elaborator::applyOverrides(const ast::ModuleInst& mi, ScopeId child, ScopeId parent) {
    ScopeInfo& ci = info(child);
    std::vector<uint32_t> overridable;
    for (uint32_t i = 0; i < ci.params.size(); ++i)
        if (!ci.params[i].isLocal) overridable.push_back(i);
    size_t ordered = 0;
    if (!mi.hasParams && mi.delay && !mi.delay->values.empty()) {
        // `m #5 u(...)` parses as a delay (UDP instances have one); on a module it is the
        // first parameter value, as Icarus reads it (1364-1995 allowed the short form).
        if (overridable.empty()) {
            diags_.error(mi.delay->loc, "module '{}' has no parameter to override",
                         mi.moduleName.text);
            return;
        }
        ParamSlot& p = ci.params[overridable[0]];
        p.overrideExpr = mi.delay->values[0].get();
        p.overrideScope = parent;
        return;
    }
    if (!mi.hasParams) return;
    for (const ast::ParamValue& pv : mi.params) {
        if (pv.name.empty()) {
            if (ordered >= overridable.size()) {
                diags_.error(pv.loc,
                             "too many parameter values for module '{}' ({} parameter{} can be "
                             "overridden)",
                             mi.moduleName.text, overridable.size(),
                             overridable.size() == 1 ? "" : "s");
                return;
            }
            ParamSlot& p = ci.params[overridable[ordered++]];
            p.overrideExpr = pv.value.get();
            p.overrideScope = parent;
            continue;
        }
        auto sym = lookupLocal(child, pv.name.text);
        if (!sym || sym->kind != Symbol::Kind::Param) {
            diags_.error(pv.name.loc, "module '{}' has no parameter '{}'", mi.moduleName.text,
                         pv.name.text);
            continue;
        }
        ParamSlot& p = ci.params[sym->id];
        if (p.isLocal) {
            diags_.error(pv.name.loc,
                         "'{}' is a localparam of module '{}' and cannot be overridden",
                         pv.name.text, mi.moduleName.text);
            continue;
        }
        if (!pv.value) continue;
        p.overrideExpr = pv.value.get();
        p.overrideScope = parent;
    }
}

namespace {

std::string topList(const std::vector<const ast::Module*>& tops) {
    std::string s;
    for (const ast::Module* m : tops) s += (s.empty() ? "" : ", ") + std::string(m->name.text);
    return s;
}

} // namespace

void Elaborator::applyParamOverrides(ScopeId top) {
    const std::string& name = scope(top).name;
    paramOverrideUsed_.resize(opts_.paramOverrides.size());
    for (size_t i = 0; i < opts_.paramOverrides.size(); ++i) {
        const ParamOverride& o = opts_.paramOverrides[i];
        if (!o.top.empty() && o.top != name) continue;
        auto sym = lookupLocal(top, o.name);
        if (!sym || sym->kind != Symbol::Kind::Param || info(top).params[sym->id].isGenvar) {
            // -G applies to the tops that have the parameter (checkParamOverridesUsed).
            if (!o.top.empty())
                diags_.error(SourceLoc{}, "{}: no parameter {} in top module {}", o.option, o.name,
                             name);
            continue;
        }
        ParamSlot& p = info(top).params[sym->id];
        if (p.isLocal) {
            bool spec = p.decl && p.decl->keyword == TokenKind::KwSpecparam;
            diags_.error(SourceLoc{}, "{}: {} is a {} of top module {} and cannot be overridden",
                         o.option, o.name, spec ? "specparam" : "localparam", name);
            paramOverrideUsed_[i] = true;
            continue;
        }
        p.overrideExpr = o.value;
        p.overrideScope = top;
        paramOverrideUsed_[i] = true;
    }
}

bool Elaborator::checkParamOverrideTops(const std::vector<const ast::Module*>& tops) {
    bool ok = true;
    for (const ParamOverride& o : opts_.paramOverrides) {
        if (o.top.empty()) continue;
        bool found = false;
        for (const ast::Module* m : tops) found = found || m->name.text == o.top;
        if (found) continue;
        diags_.error(SourceLoc{}, "{}: {} is not a top-level module (top-level: {})", o.option,
                     o.top, topList(tops));
        ok = false;
    }
    return ok;
}

bool Elaborator::checkParamOverridesUsed(const std::vector<const ast::Module*>& tops) {
    bool ok = true;
    paramOverrideUsed_.resize(opts_.paramOverrides.size());
    for (size_t i = 0; i < opts_.paramOverrides.size(); ++i) {
        const ParamOverride& o = opts_.paramOverrides[i];
        if (paramOverrideUsed_[i] || !o.top.empty()) continue;
        diags_.error(SourceLoc{}, "{}: no parameter {} in the top-level module{} {}", o.option,
                     o.name, tops.size() == 1 ? "" : "s", topList(tops));
        ok = false;
    }
    return ok;
}

std::optional<Const> Elaborator::paramValue(ScopeId s, uint32_t index, SourceLoc useLoc) {
    ParamSlot* slot = &info(s).params[index];
    if (slot->state == ParamSlot::State::Done) {
        if (slot->failed) return std::nullopt;
        return slot->value;
    }
    if (slot->isGenvar) {
        diags_.error(useLoc, "genvar '{}' used outside of a generate loop", slot->name);
        return std::nullopt;
    }
    if (slot->state == ParamSlot::State::Busy) {
        diags_.error(useLoc, "parameter '{}' depends on its own value", slot->name);
        return std::nullopt;
    }
    slot->state = ParamSlot::State::Busy;
    const ast::ParamDecl* decl = slot->decl;
    // The declared type, if any.
    std::optional<ir::Type> type;
    if (decl) {
        switch (decl->type) {
        case TokenKind::KwInteger:
            type = ir::Type::integral(32, true);
            break;
        case TokenKind::KwTime:
            type = ir::Type::integral(64, false);
            break;
        case TokenKind::KwReal:
        case TokenKind::KwRealtime:
            type = ir::Type::real();
            break;
        default:
            if (decl->range) {
                auto r = evalRange(*decl->range, s);
                slot = &info(s).params[index];
                if (r) type = ir::Type::integral(r->width(), decl->isSigned);
            }
            break;
        }
    }
    std::optional<Const> v;
    if (slot->overrideValue) {
        v = slot->overrideValue;
    } else if (slot->overrideExpr) {
        const ast::Expr* e = slot->overrideExpr;
        ScopeId os = slot->overrideScope;
        v = evalConst(*e, os, "parameter value", type ? &*type : nullptr);
    } else if (slot->expr) {
        const ast::Expr* e = slot->expr;
        v = evalConst(*e, s, "parameter value", type ? &*type : nullptr);
    } else {
        diags_.error(slot->loc, "parameter '{}' has no value", slot->name);
    }
    slot = &info(s).params[index];
    slot->state = ParamSlot::State::Done;
    if (!v) {
        slot->failed = true;
        return std::nullopt;
    }
    if (type) {
        *v = convertConst(*v, *type);
    } else if (decl && decl->isSigned && !v->isReal) {
        v->v = v->v.with_signed(true);
    }
    slot->value = *v;
    ir::Param& p = scope(s).params[slot->irIndex];
    p.type = v->type();
    p.value = v->v;
    p.real = v->r;
    return v;
}

void Elaborator::evaluateAllParams(ScopeId s) {
    for (uint32_t i = 0; i < info(s).params.size(); ++i)
        if (!info(s).params[i].isGenvar) paramValue(s, i, info(s).params[i].loc);
}

bool Elaborator::applyDefparams() {
    bool changed = false;
    // A target that does not exist yet may appear once another defparam has changed the
    // hierarchy (an instance array whose size a defparam sets): such targets are reported only
    // when no value changed in this round, that is, in the last round.
    std::vector<const DefparamUse*> missing;
    for (const DefparamUse& d : defparams_) {
        const ast::HierName& target = d.assign->target;
        Resolved r = lookup(target, d.scope, false);
        if (!r.found) {
            missing.push_back(&d);
            continue;
        }
        if (r.sym.kind != Symbol::Kind::Param) {
            diags_.error(target.loc(), "defparam target '{}' is not a parameter", target.str());
            continue;
        }
        ParamSlot& slot = info(r.scope).params[r.sym.id];
        if (slot.isLocal) {
            diags_.error(target.loc(), "defparam cannot change localparam '{}'", target.str());
            continue;
        }
        auto v = evalConst(*d.assign->value, d.scope, "defparam value");
        if (!v) continue;
        std::string key = scope(r.scope).path + "." + slot.name;
        auto it = defparamValues_.find(key);
        bool same = it != defparamValues_.end() && it->second.isReal == v->isReal &&
                    (v->isReal ? it->second.r == v->r : it->second.v == v->v);
        if (!same) {
            defparamValues_[key] = *v;
            changed = true;
        }
    }
    if (!changed)
        for (const DefparamUse* d : missing) lookup(d->assign->target, d->scope, true);
    return changed;
}

} // namespace metalfpga::elab
