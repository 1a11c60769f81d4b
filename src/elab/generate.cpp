// Generate constructs (1364-2005 clause 12.4): loops with genvars, if and case generates,
// named and unnamed generate blocks with the genblkN names of 12.4.3.

#include "elab/elaborator.h"

#include <fmt/format.h>

#include <set>

namespace metalfpga::elab {

namespace {

// A branch that is a lone if/case generate without begin-end: no scope of its own (12.4.2).
const ast::Item* directConditional(const ast::GenerateBlock* b) {
    if (!b || b->hasBeginEnd || !b->name.empty() || b->items.size() != 1) return nullptr;
    const ast::Item* it = b->items[0].get();
    return it->is<ast::GenerateIf>() || it->is<ast::GenerateCase>() ? it : nullptr;
}

} // namespace

void Elaborator::elaborateGenerateBlock(const ast::GenerateBlock* b, ScopeId s, unsigned number,
                                        const ast::Item& construct) {
    if (!b) return;
    std::string name;
    if (!b->name.empty()) {
        name = text(b->name);
    } else {
        name = fmt::format("genblk{}", number);
        while (lookupLocal(s, name)) name = "genblk0" + name.substr(6);
    }
    std::string suffix;
    if (auto* gf = construct.asPtr<ast::GenerateFor>()) {
        auto sym = lookupSimple(s, gf->initVar.text);
        if (sym && sym->kind == Symbol::Kind::Param) {
            ScopeId owner = s;
            for (ScopeId t = s; t != kNone; t = info(t).lexicalParent)
                if (lookupLocal(t, gf->initVar.text)) {
                    owner = t;
                    break;
                }
            const ParamSlot& slot = info(owner).params[sym->id];
            if (auto i = slot.value.toInt()) suffix = fmt::format("[{}]", *i);
        }
    }
    ir::Scope sc;
    sc.kind = ir::ScopeKind::Generate;
    sc.name = name + suffix;
    sc.path = scope(s).path + "." + sc.name;
    sc.parent = s;
    sc.loc = b->loc;
    ScopeId gs = newScope(std::move(sc), s);
    addSymbol(s, name + suffix, Symbol{Symbol::Kind::Scope, gs},
              b->name.empty() ? b->loc : b->name.loc);
    if (auto* gf = construct.asPtr<ast::GenerateFor>()) {
        // The genvar's value, as a localparam of this iteration's block.
        auto sym = lookupSimple(s, gf->initVar.text);
        for (ScopeId t = s; t != kNone && sym; t = info(t).lexicalParent)
            if (lookupLocal(t, gf->initVar.text)) {
                addGenvarParam(gs, gf->initVar.text, info(t).params[sym->id].value,
                               gf->initVar.loc);
                break;
            }
    }
    elaborateItems(b->items, gs);
}

void Elaborator::elaborateGenerate(const ast::Item& item, ScopeId s) {
    unsigned number = ++info(s).generateCount;
    const ast::Item* cur = &item;
    for (;;) {
        if (auto* gb = cur->asPtr<ast::GenerateBlock>()) {
            // A bare block in a generate region.
            elaborateGenerateBlock(gb, s, number, *cur);
            return;
        }
        const ast::GenerateBlock* chosen = nullptr;
        if (auto* gi = cur->asPtr<ast::GenerateIf>()) {
            auto c = evalConst(*gi->cond, s, "generate if condition");
            if (!c) return;
            bool t = c->isReal ? c->r != 0 : c->v.truth() == rt::B1;
            chosen = t ? gi->thenBlock.get() : gi->elseBlock.get();
        } else if (auto* gc = cur->asPtr<ast::GenerateCase>()) {
            auto v = evalConst(*gc->expr, s, "generate case expression");
            if (!v) return;
            const ast::GenerateCaseItem* def = nullptr;
            const ast::GenerateCaseItem* match = nullptr;
            for (const auto& it : gc->items) {
                if (it.exprs.empty()) {
                    def = &it;
                    continue;
                }
                for (const auto& e : it.exprs) {
                    auto x = evalConst(*e, s, "generate case item");
                    if (!x) return;
                    bool eq = (v->isReal || x->isReal)
                                  ? (v->isReal ? v->r : rt::val::to_real(v->v)) ==
                                        (x->isReal ? x->r : rt::val::to_real(x->v))
                                  : rt::val::case_eq(v->v, x->v).truth() == rt::B1;
                    if (eq) {
                        match = &it;
                        break;
                    }
                }
                if (match) break;
            }
            if (!match) match = def;
            chosen = match ? match->body.get() : nullptr;
        } else if (auto* gf = cur->asPtr<ast::GenerateFor>()) {
            auto sym = lookupSimple(s, gf->initVar.text);
            ScopeId owner = kNone;
            for (ScopeId t = s; t != kNone; t = info(t).lexicalParent)
                if (lookupLocal(t, gf->initVar.text)) {
                    owner = t;
                    break;
                }
            if (!sym || sym->kind != Symbol::Kind::Param || !info(owner).params[sym->id].isGenvar) {
                diags_.error(gf->initVar.loc, "'{}' is not a genvar", gf->initVar.text);
                return;
            }
            if (gf->stepVar.text != gf->initVar.text) {
                diags_.error(gf->stepVar.loc,
                             "the generate loop must step its own genvar '{}', not '{}'",
                             gf->initVar.text, gf->stepVar.text);
                return;
            }
            uint32_t idx = sym->id;
            auto slot = [&]() -> ParamSlot& { return info(owner).params[idx]; };
            if (slot().state == ParamSlot::State::Done) {
                diags_.error(gf->initVar.loc, "genvar '{}' is already used by an enclosing loop",
                             gf->initVar.text);
                return;
            }
            auto init = evalConst(*gf->initValue, s, "generate loop start");
            if (!init) return;
            ir::Type gt = ir::Type::integral(32, true);
            slot().value = convertConst(*init, gt);
            slot().state = ParamSlot::State::Done;
            std::set<int64_t> seen;
            uint64_t n = 0;
            for (;;) {
                if (slot().value.v.has_xz()) {
                    diags_.error(gf->initVar.loc, "genvar '{}' has an x or z value",
                                 gf->initVar.text);
                    break;
                }
                auto c = evalConst(*gf->cond, s, "generate loop condition");
                if (!c) break;
                bool t = c->isReal ? c->r != 0 : c->v.truth() == rt::B1;
                if (!t) break;
                int64_t v = *slot().value.toInt();
                if (!seen.insert(v).second) {
                    diags_.error(gf->initVar.loc, "genvar '{}' takes the value {} twice",
                                 gf->initVar.text, v);
                    break;
                }
                if (++n > opts_.maxGenerateIterations) {
                    diags_.error(gf->loc, "generate loop runs more than {} times",
                                 opts_.maxGenerateIterations);
                    break;
                }
                elaborateGenerateBlock(gf->body.get(), s, number, *gf);
                if (diags_.hasErrors()) break;
                auto step = evalConst(*gf->stepValue, s, "generate loop step");
                if (!step) break;
                slot().value = convertConst(*step, gt);
            }
            slot().state = ParamSlot::State::Pending;
            return;
        }
        if (!chosen) return;
        if (const ast::Item* inner = directConditional(chosen)) {
            cur = inner;
            continue;
        }
        elaborateGenerateBlock(chosen, s, number, *cur);
        return;
    }
}

} // namespace metalfpga::elab
