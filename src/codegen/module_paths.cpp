// Module path delays (specify, clause 14): an output bit's port connection that paths reach
// (elab/module_paths.cpp) is a delayed continuous driver whose delay mpd_<id> picks when the
// bit changes:
//   - the active paths: an unconditional one always, a conditional one when its condition is 1
//     (x and z count as false, as in Icarus);
//   - among them those whose input changed last (an edge-sensitive path: its last matching
//     edge), and the smallest of their delays for the bit's transition (rt path_delay); an
//     ifnone path counts when no other path is active or its input changed later than theirs;
//   - the delay counts from that input change (when the output changes later, less is left).
// The input signals' fanouts keep their change times (mpt/mpr/mpf: any change, rising,
// falling) in State.
#include "codegen/generator.h"

#include <set>

namespace metalfpga::codegen::detail {

using namespace ir;

void Generator::collectPathStamps() {
    for (const Process* p : procs_)
        for (const ModulePath& m : p->paths) {
            unsigned bit = m.edge == Edge::Posedge ? 2u : m.edge == Edge::Negedge ? 4u : 1u;
            if (storageType(rep(m.input)).isReal) bit = 1; // a real has no edges
            pathStamps_[rep(m.input)] |= bit;
        }
}

std::string Generator::pathStampCode(SignalId i) const {
    auto it = pathStamps_.find(i);
    if (it == pathStamps_.end()) return "";
    std::string o;
    if (it->second & 1) o += fmt::format("    s.mpt{} = s.sched.now;\n", i);
    if (it->second & 6) {
        // The edge of bit 0 (clause 9.7.2; mpb: its value before).
        o += fmt::format(
            "    {{ Bit b = get_s{0}(s).bit_code(0); int e = edge_of(Bit(s.mpb{0}), b); "
            "s.mpb{0} = u8(b);",
            i);
        if (it->second & 2) o += fmt::format(" if (e > 0) s.mpr{} = s.sched.now;", i);
        if (it->second & 4) o += fmt::format(" if (e < 0) s.mpf{} = s.sched.now;", i);
        o += " }\n";
    }
    return o;
}

std::string Generator::modulePathDelay(uint32_t id, const Process& p) {
    uint64_t scale = timeScale(p.scope);
    // One path's delay for this transition (dk) and the time its input last changed (tk).
    auto path = [&](const ModulePath& m, const std::string& pad) {
        std::vector<std::string> dl;
        for (const auto& dv : m.delays)
            dl.push_back(dv->type.isReal
                             ? fmt::format("delay_ticks_real({}, {}ull)", expr(*dv), scale)
                             : fmt::format("delay_ticks({}, {}ull)", expr(*dv), scale));
        SignalId in = rep(m.input);
        bool real = storageType(in).isReal;
        std::string stamp = m.edge == Edge::Posedge && !real   ? fmt::format("s.mpr{}", in)
                            : m.edge == Edge::Negedge && !real ? fmt::format("s.mpf{}", in)
                                                               : fmt::format("s.mpt{}", in);
        std::string o = fmt::format("{}const u64 v[{}] = {{{}}}; // {}\n", pad, dl.size(),
                                    fmt::join(dl, ", "), where(m.loc));
        o += fmt::format("{}u64 dk = path_delay(from, to, {}, v), tk = {};\n", pad, dl.size(),
                         stamp);
        return o;
    };
    std::string body;
    for (const ModulePath& m : p.paths) {
        if (m.ifnone) continue;
        body += m.cond ? fmt::format("    if ({}.truth() == B1) {{\n", expr(*m.cond)) : "    {\n";
        body += path(m, "        ");
        body += "        if (!any || tk > t) { any = true; t = tk; d = dk; }\n";
        body += "        else if (tk == t && dk < d) d = dk;\n";
        body += "    }\n";
    }
    // ifnone paths count when no other path is active or their input changed later.
    body += "    u64 tn = t, tc = t;\n    (void)tn, (void)tc;\n";
    for (const ModulePath& m : p.paths) {
        if (!m.ifnone) continue;
        body += "    {\n" + path(m, "        ");
        body += "        if (!any) { any = true; t = tn = tk; d = dk; }\n";
        body += "        else if (tk == tn && tn > tc) { if (dk < d) d = dk; }\n";
        body += "        else if (tk > tn) { t = tn = tk; d = dk; }\n";
        body += "    }\n";
    }
    return fmt::format("MF_HD u64 mpd_{}(State& s, u32 from, u32 to) {{\n"
                       "    (void)s;\n"
                       "    u64 t = 0, d = 0;\n"
                       "    bool any = false;\n"
                       "{}"
                       "    // The delay counts from the input's change.\n"
                       "    return any && t + d > s.sched.now ? t + d - s.sched.now : 0;\n"
                       "}}\n",
                       id, body);
}

} // namespace metalfpga::codegen::detail
