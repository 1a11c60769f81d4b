// The elaborator's entry point: rounds of phase 1 (hierarchy) until defparams settle, then
// phase 2 (processes, routines, ports).

#include "elab/elaborator.h"
#include "elab/module_paths.h"

#include <fmt/format.h>

namespace metalfpga::elab {

std::optional<int64_t> Const::toInt() const {
    if (isReal) return static_cast<int64_t>(r < 0 ? r - 0.5 : r + 0.5);
    if (v.has_xz()) return std::nullopt;
    if (v.width() > 64) {
        // Wide values: the low 64 bits, sign taken from the top bit when signed.
        rt::Value low = v.resized(64);
        return static_cast<int64_t>(low.to_u64());
    }
    rt::Value w = v.resized(64);
    return static_cast<int64_t>(w.to_u64());
}

ir::NetType netTypeOf(TokenKind k) {
    switch (k) {
    case TokenKind::KwWire:
        return ir::NetType::Wire;
    case TokenKind::KwTri:
        return ir::NetType::Tri;
    case TokenKind::KwWand:
        return ir::NetType::Wand;
    case TokenKind::KwWor:
        return ir::NetType::Wor;
    case TokenKind::KwTriand:
        return ir::NetType::Triand;
    case TokenKind::KwTrior:
        return ir::NetType::Trior;
    case TokenKind::KwTri0:
        return ir::NetType::Tri0;
    case TokenKind::KwTri1:
        return ir::NetType::Tri1;
    case TokenKind::KwSupply0:
        return ir::NetType::Supply0;
    case TokenKind::KwSupply1:
        return ir::NetType::Supply1;
    case TokenKind::KwTrireg:
        return ir::NetType::Trireg;
    case TokenKind::KwUwire:
        return ir::NetType::Uwire;
    default:
        return ir::NetType::Wire;
    }
}

Elaborator::Elaborator(const frontend::SourceSet& sources, const ElabOptions& options,
                       frontend::Diagnostics& diags)
    : sources_(sources), opts_(options), diags_(diags) {}

ScopeId Elaborator::newScope(ir::Scope s, ScopeId lexicalParent) {
    ScopeId id = design_->addScope(std::move(s));
    info_.emplace_back();
    info_[id].lexicalParent = lexicalParent;
    if (lexicalParent != kNone) {
        info_[id].module = info_[lexicalParent].module;
        info_[id].moduleDef = info_[lexicalParent].moduleDef;
        info_[id].defaultNettype = info_[lexicalParent].defaultNettype;
        info_[id].depth = info_[lexicalParent].depth;
    }
    return id;
}

void Elaborator::addSymbol(ScopeId s, std::string_view name, Symbol sym, SourceLoc loc) {
    auto [it, inserted] = info(s).symbols.emplace(std::string(name), sym);
    if (!inserted) diags_.error(loc, "'{}' is already declared in {}", name, scope(s).path);
}

std::unique_ptr<ir::Design> Elaborator::run() {
    constexpr int kMaxRounds = 8;
    for (int round = 0;; ++round) {
        design_ = std::make_unique<ir::Design>();
        info_.clear();
        routineDecls_.clear();
        deferred_.clear();
        blockScopes_.clear();
        defparams_.clear();
        udpIds_.clear();
        paramOverrideUsed_.assign(opts_.paramOverrides.size(), false);
        std::vector<const ast::Module*> tops = selectTops();
        if (!diags_.hasErrors() && !checkParamOverrideTops(tops)) return nullptr;
        for (const ast::Module* m : tops) {
            std::string name(m->name.text);
            ScopeId t = elaborateModule(*m, name, kNone, nullptr, kNone, m->name.loc);
            if (t != kNone) design_->tops.push_back(t);
            if (diags_.hasErrors()) break;
        }
        if (!diags_.hasErrors()) checkParamOverridesUsed(tops);
        if (diags_.hasErrors()) return nullptr;
        if (!applyDefparams() || diags_.hasErrors()) break;
        if (round + 1 == kMaxRounds) {
            diags_.error(SourceLoc{}, "defparam values do not settle after {} rounds", kMaxRounds);
            return nullptr;
        }
    }
    // Phase 2.
    for (ScopeId s = 0; s < design_->scopes.size(); ++s) evaluateAllParams(s);
    for (const Deferred& d : deferred_) declareImplicitNets(d);
    for (size_t i = 0; i < deferred_.size(); ++i) {
        Deferred d = deferred_[i];
        elaborateDeferred(d);
    }
    for (uint32_t i = 0; i < routineDecls_.size(); ++i) routineId(i, routineDecls_[i].item->loc);
    if (!diags_.hasErrors()) checkUwireDrivers();
    if (!diags_.hasErrors()) lowerModulePaths(*design_, diags_);
    if (!diags_.hasErrors()) coercePorts();
    if (diags_.hasErrors()) return nullptr;
    return std::move(design_);
}

std::unique_ptr<ir::Design> elaborate(const frontend::SourceSet& sources,
                                      const ElabOptions& options, frontend::Diagnostics& diags) {
    Elaborator e(sources, options, diags);
    return e.run();
}

} // namespace metalfpga::elab
