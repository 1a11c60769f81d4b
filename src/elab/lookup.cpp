// Name resolution: simple names through the lexical scopes of a module instance, hierarchical
// names downward from a scope found lexically or upward through the instance tree (1364-2005
// clause 12.6 and 12.7).

#include "elab/elaborator.h"

#include <fmt/format.h>

namespace metalfpga::elab {

std::optional<Symbol> Elaborator::lookupLocal(ScopeId s, std::string_view name) const {
    const auto& syms = info_[s].symbols;
    auto it = syms.find(name);
    if (it == syms.end()) return std::nullopt;
    return it->second;
}

std::optional<Symbol> Elaborator::lookupSimple(ScopeId s, std::string_view name) const {
    for (ScopeId t = s; t != kNone; t = info_[t].lexicalParent)
        if (auto sym = lookupLocal(t, name)) return sym;
    return std::nullopt;
}

std::optional<std::string> Elaborator::segmentName(const ast::HierSegment& seg, ScopeId s) {
    std::string name(seg.name.text);
    if (!seg.index) return name;
    auto i = evalInt(*seg.index, s, "scope index");
    if (!i) return std::nullopt;
    return fmt::format("{}[{}]", name, *i);
}

Elaborator::Resolved Elaborator::lookup(const ast::HierName& name, ScopeId s, bool reportErrors) {
    Resolved r;
    if (name.segments.empty()) return r;
    if (name.isSimple()) {
        std::string_view n = name.last().text;
        if (auto sym = lookupSimple(s, n)) {
            r.sym = *sym;
            r.found = true;
            for (ScopeId t = s; t != kNone; t = info_[t].lexicalParent)
                if (lookupLocal(t, n)) {
                    r.scope = t;
                    break;
                }
            return r;
        }
        // A task or function of an enclosing instance (1364-2005 12.6, upward name referencing).
        for (ScopeId m = info_[s].module; m != kNone && scope(m).parent != kNone;) {
            ScopeId p = scope(m).parent;
            if (auto sym = lookupSimple(p, n); sym && sym->kind == Symbol::Kind::Routine) {
                r.sym = *sym;
                r.found = true;
                for (ScopeId t = p; t != kNone; t = info_[t].lexicalParent)
                    if (lookupLocal(t, n)) {
                        r.scope = t;
                        break;
                    }
                return r;
            }
            m = info_[p].module;
        }
        // A top-level module's name used as a scope ($dumpvars(0, top)).
        for (ScopeId t : design_->tops)
            if (scope(t).name == n) {
                r.sym = Symbol{Symbol::Kind::Scope, t};
                r.found = true;
                r.scope = t;
                return r;
            }
        if (reportErrors) diags_.error(name.loc(), "unknown identifier '{}'", n);
        return r;
    }
    auto first = segmentName(name.segments[0], s);
    if (!first) return r;
    ScopeId cur = kNone;
    // Downward: a scope visible from here.
    for (ScopeId t = s; t != kNone && cur == kNone; t = info_[t].lexicalParent)
        if (auto sym = lookupLocal(t, *first)) cur = scopeOfSymbol(*sym);
    // Upward: an enclosing instance by instance or module name, or a scope visible from an
    // enclosing instance.
    for (ScopeId m = info_[s].module; cur == kNone && m != kNone;) {
        if (scope(m).name == *first || scope(m).moduleName == *first) {
            cur = m;
            break;
        }
        ScopeId p = scope(m).parent;
        if (p == kNone) break;
        for (ScopeId t = p; t != kNone && cur == kNone; t = info_[t].lexicalParent)
            if (auto sym = lookupLocal(t, *first)) cur = scopeOfSymbol(*sym);
        m = info_[p].module;
    }
    if (cur == kNone)
        for (ScopeId t : design_->tops)
            if (scope(t).name == *first) cur = t;
    if (cur == kNone) {
        if (reportErrors)
            diags_.error(name.loc(), "unknown scope '{}' in hierarchical name '{}'", *first,
                         name.str());
        return r;
    }
    for (size_t i = 1; i + 1 < name.segments.size(); ++i) {
        auto seg = segmentName(name.segments[i], s);
        if (!seg) return r;
        auto sym = lookupLocal(cur, *seg);
        ScopeId next = sym ? scopeOfSymbol(*sym) : kNone;
        if (next == kNone) {
            if (reportErrors)
                diags_.error(name.segments[i].name.loc, "no scope '{}' in '{}' (in '{}')", *seg,
                             scope(cur).path, name.str());
            return r;
        }
        cur = next;
    }
    auto last = segmentName(name.segments.back(), s);
    if (!last) return r;
    auto sym = lookupLocal(cur, *last);
    if (!sym) {
        if (reportErrors)
            diags_.error(name.segments.back().name.loc, "no '{}' in '{}' (in '{}')", *last,
                         scope(cur).path, name.str());
        return r;
    }
    if (sym->kind == Symbol::Kind::Signal && design_->signals[sym->id].automatic) {
        // 1364-2005 clause 10.2.2: automatic variables have no hierarchical names.
        if (reportErrors)
            diags_.error(name.loc(),
                         "automatic variable '{}' cannot be referenced by a "
                         "hierarchical name",
                         name.str());
        return r;
    }
    r.sym = *sym;
    r.found = true;
    r.scope = cur;
    r.segmentsUsed = name.segments.size();
    return r;
}

} // namespace metalfpga::elab
