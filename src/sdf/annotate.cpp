// Transformations: SDF IOPATH entries replace (ABSOLUTE) or add to (INCREMENT) the delays of the
// module paths they name, before code generation:
//   1. the requests are the --sdf options, then the $sdf_annotate calls in design order; a call
//      must come before any timing control of its initial block, since its effect is compiled
//      into the model (the call itself then does nothing when it runs);
//   2. each CELL names instances below the annotated scope (a path, or * for every instance of
//      the CELLTYPE); each IOPATH IN OUT sets the paths from port IN to port OUT (bit OUT[i]
//      alone when given; an edge in the IOPATH picks the edge-sensitive paths of that edge);
//   3. a value is the MTM selection of its triple (the call's mtm_spec, else -T), in the SDF
//      TIMESCALE, converted to the module's time unit; an empty value keeps the path's own.
// Entries other than IOPATH (INTERCONNECT, PORT, DEVICE, COND, timing checks, PATHPULSE) are
// warnings naming their line: they are not annotated yet.
#include "sdf/annotate.h"

#include "metalfpga/rt/format.h"
#include "metalfpga/rt/strength.h"
#include "sdf/sdf_parser.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

namespace metalfpga::sdf {

using namespace ir;

namespace {

struct Call {
    std::string file;
    ScopeId scope = kNone;
    char mtm = 0; // 0: the tool's (-T)
    SourceLoc loc;
};

bool hasTiming(const Stmt& s) {
    if (s.kind == StmtKind::Timed || s.kind == StmtKind::Wait || s.kind == StmtKind::TaskCall ||
        (s.kind == StmtKind::Assign && s.timing) || (s.kind == StmtKind::Block && s.fork))
        return true;
    auto sub = [](const StmtPtr& p) { return p && hasTiming(*p); };
    for (const auto& k : s.stmts)
        if (sub(k)) return true;
    if (sub(s.body) || sub(s.elseBody) || sub(s.init) || sub(s.step)) return true;
    for (const auto& it : s.items)
        if (sub(it.body)) return true;
    return false;
}

// The $sdf_annotate calls of a statement in order; `timed` turns true after a timing control.
void findCalls(const Stmt& s, bool& timed, bool initial,
               const std::function<void(const Stmt&, bool ok)>& call) {
    if (s.kind == StmtKind::SystemTaskCall && s.name == "$sdf_annotate") {
        call(s, initial && !timed);
        return;
    }
    if (s.kind == StmtKind::Timed || s.kind == StmtKind::Wait || s.fork) timed = true;
    auto sub = [&](const StmtPtr& p) {
        if (p) findCalls(*p, timed, initial, call);
    };
    for (const auto& k : s.stmts) sub(k);
    sub(s.init);
    sub(s.body);
    sub(s.elseBody);
    sub(s.step);
    for (const auto& it : s.items) sub(it.body);
    if (hasTiming(s)) timed = true;
}

ScopeId moduleOf(const Design& d, ScopeId s) {
    while (s != kNone && d.scopes[s].kind != ScopeKind::Module) s = d.scopes[s].parent;
    return s;
}

std::optional<std::string> stringArg(const Stmt& s, size_t i) {
    if (i >= s.args.size() || !s.args[i]) return std::nullopt;
    const Expr& e = *s.args[i];
    if (e.kind != ExprKind::Const || !e.isString) return std::nullopt;
    return rt::fmt::value_text(e.value);
}

class Annotator {
  public:
    Annotator(Design& d, frontend::SourceManager& sm, frontend::Diagnostics& diags,
              const AnnotateOptions& o)
        : d_(d), sm_(sm), diags_(diags), o_(o) {
        for (size_t i = 0; i < d.processes.size(); ++i)
            if (!d.processes[i].paths.empty()) byScope_[d.processes[i].scope].push_back(i);
    }

    bool apply(const std::string& file, ScopeId scope, char mtm, SourceLoc at) {
        auto buffer = sm_.loadFile(file);
        if (!buffer) {
            diags_.error(at, "cannot open SDF file '{}'", file);
            return false;
        }
        auto f = parse(sm_, *buffer, diags_);
        if (!f) return false;
        for (const Ignored& ig : f->ignored)
            diags_.warning(ig.loc, "SDF: {} is not annotated yet; ignored", ig.what);
        for (const Cell& c : f->cells) cell(*f, c, scope, mtm ? mtm : o_.delaySelection);
        return !failed_;
    }

  private:
    void cell(const File& f, const Cell& c, ScopeId root, char mtm) {
        std::vector<ScopeId> targets;
        if (c.wildcard) {
            std::function<void(ScopeId)> walk = [&](ScopeId s) {
                if (d_.scopes[s].kind == ScopeKind::Module && d_.scopes[s].moduleName == c.type)
                    targets.push_back(s);
                for (ScopeId k : d_.scopes[s].children) walk(k);
            };
            walk(root);
        } else {
            ScopeId s = find(root, c.instance, 0);
            if (s == kNone && !c.instance.empty() && c.instance[0] == d_.scopes[root].name)
                s = find(root, c.instance, 1);
            if (s == kNone) {
                diags_.warning(c.loc, "SDF: no instance '{}' below '{}'; the CELL is ignored",
                               fmt::join(c.instance, "."), d_.scopes[root].path);
                return;
            }
            if (d_.scopes[s].moduleName != c.type) {
                diags_.warning(c.loc,
                               "SDF: instance '{}' is a '{}', not a '{}'; the CELL is ignored",
                               d_.scopes[s].path, d_.scopes[s].moduleName, c.type);
                return;
            }
            targets.push_back(s);
        }
        for (ScopeId s : targets)
            for (const IoPath& p : c.paths) iopath(f, p, s, mtm);
    }

    ScopeId find(ScopeId s, const std::vector<std::string>& path, size_t from) {
        for (size_t i = from; i < path.size() && s != kNone; ++i) {
            ScopeId next = kNone;
            for (ScopeId k : d_.scopes[s].children)
                if (d_.scopes[k].name == path[i]) next = k;
            s = next;
        }
        return s;
    }

    // The value of a path delay as a number in the module's unit (null if not constant).
    static std::optional<double> number(const Expr& e) {
        if (e.kind == ExprKind::RealConst) return e.real;
        if (e.kind == ExprKind::Const && !e.value.has_xz()) return double(e.value.to_u64());
        return std::nullopt;
    }

    void iopath(const File& f, const IoPath& io, ScopeId s, char mtm) {
        int unit = d_.scopes[s].timescale.unit;
        double toUnit = f.timescale / std::pow(10.0, unit);
        size_t matched = 0;
        for (size_t pi : byScope_[s]) {
            Process& p = d_.processes[pi];
            const Expr* out = p.rhs.get();
            if (!out || out->kind != ExprKind::Select || out->operands.empty() ||
                out->operands[0]->kind != ExprKind::Signal)
                continue;
            const Signal& port = d_.signals[out->operands[0]->signal];
            if (port.name != io.out.name) continue;
            if (io.out.bit &&
                out->declared.offsetOf(*io.out.bit) != out->declared.offsetOf(out->lsb))
                continue;
            for (ModulePath& m : p.paths) {
                if (d_.signals[m.input].name != io.in.name) continue;
                if (io.in.edge == Edge::Posedge && m.edge != ir::Edge::Posedge) continue;
                if (io.in.edge == Edge::Negedge && m.edge != ir::Edge::Negedge) continue;
                scope_ = s;
                if (!set(m, io, mtm, toUnit)) return;
                ++matched;
            }
        }
        if (!matched)
            diags_.warning(io.loc, "SDF: IOPATH {} {} matches no module path of '{}'", io.in.name,
                           io.out.name, d_.scopes[s].path);
        else if (o_.verbose)
            fmt::print(stderr, "metalfpga: SDF {}: IOPATH {} {} set {} path bit{} of '{}'\n",
                       sm_.displayName(io.loc), io.in.name, io.out.name, matched,
                       matched == 1 ? "" : "s", d_.scopes[s].path);
    }

    bool set(ModulePath& m, const IoPath& io, char mtm, double toUnit) {
        auto pick = [&](const Value& v) -> std::optional<double> {
            const std::optional<double>& x = mtm == 'n' ? v.min : mtm == 'x' ? v.max : v.typ;
            if (!x) return std::nullopt;
            return *x * toUnit;
        };
        size_t n = io.values.size(), old = m.delays.size();
        bool whole = !io.increment;
        for (const Value& v : io.values) whole = whole && pick(v).has_value();
        std::vector<double> out;
        if (whole) {
            for (const Value& v : io.values) out.push_back(*pick(v));
        } else {
            size_t layout = n == old ? n : 6;
            if ((n == 12 || old == 12) && n != old) {
                diags_.error(io.loc, "the simulator does not support an IOPATH with 12 values "
                                     "and empty or INCREMENT values over a path of another "
                                     "count yet");
                failed_ = true;
                return false;
            }
            for (size_t p = 0; p < layout; ++p) {
                size_t oi = layout == old ? p : rt::model::path_slot(uint32_t(old), uint32_t(p));
                auto was = number(*m.delays[oi]);
                if (!was) {
                    diags_.error(io.loc, "the simulator does not support INCREMENT or empty SDF "
                                         "values over a path delay that is not a constant yet");
                    failed_ = true;
                    return false;
                }
                auto v = pick(
                    io.values[layout == n ? p : rt::model::path_slot(uint32_t(n), uint32_t(p))]);
                out.push_back(!v ? *was : io.increment ? *was + *v : *v);
            }
        }
        // Rounded to the module's precision here, as elaboration rounds a real delay
        // (Elaborator::roundToPrecision): the values are constants.
        const Timescale& ts = d_.scopes[scope_].timescale;
        double perUnit = std::pow(10.0, ts.specified ? ts.unit - ts.precision : 0);
        for (double v : out)
            if (v > 0 && v * perUnit < 0.5 && !warnedPrecision_) {
                warnedPrecision_ = true;
                diags_.warning(
                    io.loc,
                    "SDF: a delay of {:g} s is below the time precision of '{}' (1e{} s) "
                    "and counts as 0{}",
                    v * std::pow(10.0, ts.unit), d_.scopes[scope_].moduleName, ts.precision,
                    ts.specified ? "" : "; the module has no `timescale");
            }
        m.delays.clear();
        for (double v : out) {
            auto e = std::make_unique<Expr>(ExprKind::RealConst, io.loc);
            e->real = v < 0 ? 0 : std::round(v * perUnit) / perUnit; // negative: 0
            e->type = e->self = Type::real();
            m.delays.push_back(std::move(e));
        }
        return true;
    }

    Design& d_;
    frontend::SourceManager& sm_;
    frontend::Diagnostics& diags_;
    const AnnotateOptions& o_;
    std::map<ScopeId, std::vector<size_t>> byScope_;
    bool failed_ = false;
    ScopeId scope_ = kNone;        // the instance being annotated
    bool warnedPrecision_ = false; // one warning for values below a module's precision
};

} // namespace

bool annotate(Design& d, frontend::SourceManager& sm, frontend::Diagnostics& diags,
              const AnnotateOptions& o) {
    std::vector<Call> calls;
    bool ok = true;
    for (const Process& p : d.processes) {
        if (!p.body) continue;
        bool timed = false;
        findCalls(*p.body, timed, p.kind == ProcessKind::Initial, [&](const Stmt& s, bool atZero) {
            if (!atZero) {
                diags.error(s.loc, "the simulator does not support $sdf_annotate after time 0 or "
                                   "outside an initial block yet (it annotates while compiling)");
                ok = false;
                return;
            }
            Call c;
            c.loc = s.loc;
            auto file = stringArg(s, 0);
            if (!file) {
                diags.error(s.loc, "$sdf_annotate takes the SDF file name as a string literal");
                ok = false;
                return;
            }
            c.file = *file;
            c.scope = moduleOf(d, p.scope);
            if (s.args.size() > 1 && s.args[1]) {
                if (s.args[1]->kind != ExprKind::Scope) {
                    diags.error(s.args[1]->loc, "$sdf_annotate's second argument names a module "
                                                "instance");
                    ok = false;
                    return;
                }
                c.scope = s.args[1]->scope;
            }
            if (auto mtm = stringArg(s, 4)) {
                std::string m = *mtm;
                c.mtm = m == "MINIMUM" ? 'n' : m == "MAXIMUM" ? 'x' : m == "TYPICAL" ? 't' : 0;
                if (!c.mtm && m != "TOOL_CONTROL") {
                    diags.error(s.args[4]->loc,
                                "$sdf_annotate's mtm_spec is MINIMUM, TYPICAL, "
                                "MAXIMUM or TOOL_CONTROL, not \"{}\"",
                                m);
                    ok = false;
                    return;
                }
            }
            calls.push_back(std::move(c));
        });
    }
    if (!ok) return false;
    Annotator a(d, sm, diags, o);
    for (const Request& r : o.requests) {
        std::vector<ScopeId> scopes;
        if (r.scope.empty()) {
            scopes = d.tops;
        } else if (ScopeId s = d.findScope(r.scope); s != kNone) {
            scopes.push_back(s);
        } else {
            diags.error(SourceLoc{}, "--sdf {}:{}: no scope '{}' in the design", r.file, r.scope,
                        r.scope);
            return false;
        }
        for (ScopeId s : scopes) ok = a.apply(r.file, s, 0, SourceLoc{}) && ok;
    }
    for (const Call& c : calls) ok = a.apply(c.file, c.scope, c.mtm, c.loc) && ok;
    return ok;
}

} // namespace metalfpga::sdf
