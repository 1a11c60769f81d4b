#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

// ---------------------------------------------------------------------------------------------
// force/release, assign/deassign

void Generator::procContinuous(const Stmt& st, int ind) {
    const Expr& l = *st.lhs;
    // force/release of a constant bit or part select of a whole signal
    const Expr* base = &l;
    int64_t lo = 0, w = -1;
    bool isForce = st.keyword == ProcKeyword::Force || st.keyword == ProcKeyword::Release;
    if (isForce && l.kind == ExprKind::Select) {
        base = l.operands[0].get();
        if (l.select == SelectKind::Part) {
            int64_t a = l.declared.offsetOf(l.msb), b = l.declared.offsetOf(l.lsb);
            lo = std::min(a, b);
            w = std::max(a, b) - lo + 1;
        } else if (l.select == SelectKind::Bit && l.operands[1]->kind == ExprKind::Const &&
                   !l.operands[1]->value.has_xz()) {
            lo = l.declared.offsetOf(static_cast<int64_t>(l.operands[1]->value.aval()[0]));
            w = 1;
        } else {
            base = nullptr;
        }
    }
    if (!base || base->kind != ExprKind::Signal || d_.signals[rep(base->signal)].isArray()) {
        unsupported(l.loc, "force/release or assign/deassign of this target (only whole signals "
                           "and constant selects of forced signals)");
        return;
    }
    SignalId sg = rep(base->signal);
    if (w < 0) w = storageType(sg).width;
    bool net = d_.signals[sg].isNet();
    switch (st.keyword) {
    case ProcKeyword::Force:
    case ProcKeyword::Assign: {
        bool force = st.keyword == ProcKeyword::Force;
        if (!st.rhs) return;
        uint32_t id = static_cast<uint32_t>(pcaSites_.size());
        pcaSites_.push_back(PcaSite{sg, force, st.rhs.get(), l.type, curScope_, lo, w});
        std::set<SignalId> reads;
        std::set<RoutineId> seen;
        collectReads(st.rhs.get(), reads, seen);
        for (SignalId r : reads) sigPca_[r].insert(id);
        (force ? forced_ : assigned_).insert(sg);
        if (force)
            line(ind, fmt::format("force_on_{}(s);", id));
        else
            line(ind, fmt::format("s.pca_s{} = {}; pca_site_{}(s);", sg, id + 1, id));
        return;
    }
    case ProcKeyword::Release:
        forced_.insert(sg);
        if (storageType(sg).isReal)
            line(ind, fmt::format("release_s{}(s, 1u);", sg));
        else
            line(ind, fmt::format("release_s{}(s, range_mask<{}>({}, {}));", sg,
                                  cppType(storageType(sg)), lo, w));
        if (net) {
            // The net's drivers decide its value again.
            for (uint32_t p = 0; p < procs_.size(); ++p) {
                if (!isCa_[p]) continue;
                bool drives = false;
                std::vector<const Expr*> st2 = targets(*procs_[p]);
                while (!st2.empty()) {
                    const Expr* e = st2.back();
                    st2.pop_back();
                    if (e->kind == ExprKind::Signal && rep(e->signal) == sg) drives = true;
                    if (e->kind == ExprKind::Select || e->kind == ExprKind::Concat)
                        for (const auto& x : e->operands) st2.push_back(x.get());
                }
                if (drives) line(ind, fmt::format("proc_{}(s);", p));
            }
        } else {
            assigned_.insert(sg);
            line(ind, fmt::format("reassign_s{}(s);", sg));
        }
        return;
    case ProcKeyword::Deassign:
        assigned_.insert(sg);
        line(ind, fmt::format("s.pca_s{} = 0;", sg));
        return;
    }
}

} // namespace metalfpga::codegen::detail
