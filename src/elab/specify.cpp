// Specify blocks: module paths and timing checks are recorded (not simulated yet); specparams
// are parameters of the module.

#include "elab/elaborator.h"

namespace metalfpga::elab {

void Elaborator::elaborateSpecify(const ast::SpecifyBlock& sb, ScopeId s) {
    ExprContext ctx;
    ctx.scope = s;
    for (const auto& it : sb.items) {
        if (auto* pd = it->asPtr<ast::ParamDecl>()) {
            (void)pd; // specparams in specify blocks: declared with the module's parameters
            continue;
        }
        if (auto* p = it->asPtr<ast::SpecifyPath>()) {
            ir::SpecifyPath out;
            out.scope = s;
            out.loc = p->loc;
            out.full = p->full;
            out.edge = p->edge == TokenKind::KwPosedge   ? ir::Edge::Posedge
                       : p->edge == TokenKind::KwNegedge ? ir::Edge::Negedge
                                                         : ir::Edge::Any;
            out.ifnone = p->condition == ast::SpecifyPath::Condition::Ifnone;
            bool ok = true;
            auto add = [&](const ast::ExprPtr& e, std::vector<ir::ExprPtr>& to) {
                if (!e) return;
                ir::ExprPtr x = selfDetermined(*e, ctx);
                if (!x) ok = false;
                to.push_back(std::move(x));
            };
            for (const auto& e : p->inputs) add(e, out.inputs);
            for (const auto& e : p->outputs) add(e, out.outputs);
            for (const auto& e : p->delays) add(e, out.delays);
            // A real value rounds to the precision, as every real delay does, and stays a
            // constant (SDF INCREMENT and empty values start from it).
            for (auto& d : out.delays)
                if (d && d->kind == ir::ExprKind::RealConst) {
                    SourceLoc at = d->loc;
                    ir::ExprPtr rounded = roundToPrecision(std::move(d), s);
                    auto c = evalExpr(*rounded);
                    if (!c) {
                        d = std::move(rounded);
                        continue;
                    }
                    d = std::make_unique<ir::Expr>(ir::ExprKind::RealConst, at);
                    d->real = c->r;
                    d->type = d->self = ir::Type::real();
                }
            if (p->cond) {
                out.cond = selfDetermined(*p->cond, ctx);
                ok = ok && out.cond;
            }
            if (ok && !out.full && out.inputs.size() == 1 && out.outputs.size() == 1 &&
                out.inputs[0]->type.width != out.outputs[0]->type.width) {
                diags_.error(p->loc,
                             "parallel path (=>) connects {} bit{} to {} bit{}; the widths must "
                             "match (use *> for a full path)",
                             out.inputs[0]->type.width, out.inputs[0]->type.width == 1 ? "" : "s",
                             out.outputs[0]->type.width,
                             out.outputs[0]->type.width == 1 ? "" : "s");
                ok = false;
            }
            if (ok) design_->specifyPaths.push_back(std::move(out));
            continue;
        }
        if (auto* tc = it->asPtr<ast::TimingCheck>()) {
            ir::TimingCheck out;
            out.scope = s;
            out.loc = tc->loc;
            out.name = text(tc->name);
            ExprContext nc = ctx;
            nc.allowEvents = true;
            for (const ast::TimingCheckArg& a : tc->args) {
                if (a.empty || !a.expr) {
                    out.args.push_back(nullptr);
                    continue;
                }
                // The notifier (a reg) and the signals: plain expressions.
                out.args.push_back(selfDetermined(*a.expr, nc));
            }
            design_->timingChecks.push_back(std::move(out));
        }
    }
}

} // namespace metalfpga::elab
