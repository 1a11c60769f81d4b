// User-defined primitive instances (1364-2005 clause 8): each is a continuous process; its table
// is constant data in the process function (see rt/gates.h for the row encoding).
#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

namespace {

// The values a level symbol matches, as a mask (bit 0: 0, bit 1: 1, bit 2: x).
unsigned levelMask(char c) {
    switch (c) {
    case '0':
        return 1;
    case '1':
        return 2;
    case 'x':
    case 'X':
        return 4;
    case 'b':
    case 'B':
        return 3;
    default: // '?'
        return 7;
    }
}

// One input field as a table byte.
unsigned fieldByte(const std::string& f) {
    auto edge = [](unsigned from, unsigned to) { return 0x80u | from | (to << 4); };
    if (f.size() == 4 && f[0] == '(') return edge(levelMask(f[1]), levelMask(f[2]));
    switch (f.empty() ? '?' : f[0]) {
    case 'r':
    case 'R':
        return edge(1, 2);
    case 'f':
    case 'F':
        return edge(2, 1);
    case 'p':
    case 'P':
        return edge(1 | 4, 2 | 4);
    case 'n':
    case 'N':
        return edge(2 | 4, 1 | 4);
    case '*':
        return edge(7, 7);
    default:
        return levelMask(f[0]);
    }
}

unsigned outputCode(char c) {
    switch (c) {
    case '0':
        return 0;
    case '1':
        return 1;
    case '-':
        return 3;
    default:
        return 2;
    }
}

} // namespace

// The UDP's next output in `g` (a 1-bit value); sequential ones keep their state and last inputs
// in State (`udpst<n>`, `udpin<n>`, set up on the first run).
void Generator::udpBody(const Process& p, int ind) {
    const int outerInd = ind;
    const Udp& u = d_.udps[p.udp];
    uint32_t n = u.inputs;
    std::string rows;
    uint32_t nrows = 0;
    std::string outer;
    if (u.sequential) { // table and inputs go to udp_sample_<n>, at indent 1
        std::swap(out_, outer);
        ind = 1;
    }
    for (const UdpRow& r : u.rows) {
        if (r.inputs.size() != n) continue; // reported by elaboration
        for (const std::string& f : r.inputs) rows += fmt::format("{}, ", fieldByte(f));
        rows +=
            fmt::format("{}, {}, ", u.sequential ? levelMask(r.current) : 7u, outputCode(r.output));
        ++nrows;
    }
    if (nrows == 0) rows += "0";
    line(ind, fmt::format("// primitive {} ({})", u.name, where(u.loc)));
    line(ind, fmt::format("static const u8 tbl[] = {{{}}};", rows));
    line(ind, fmt::format("u8 in[{}];", std::max<uint32_t>(n, 1)));
    Type bit = Type::integral(1, false);
    for (uint32_t i = 0; i < n; ++i) {
        const Expr* e = i + 1 < p.terminals.size() ? p.terminals[i + 1].get() : nullptr;
        if (e)
            line(ind, fmt::format("in[{}] = (u8)udp_code({}.bit_code(0));", i, exprAs(*e, bit)));
        else
            line(ind, fmt::format("in[{}] = 2;", i));
    }
    if (!u.sequential) {
        line(ind, fmt::format(
                      "auto g = {};",
                      asVec(fmt::format("udp_logic(udp_eval(tbl, {}, {}, in, 0, -1, 0))", nrows, n),
                            bit)));
        return;
    }
    std::swap(out_, outer); // out_: the process; outer: the table and inputs
    ind = outerInd;
    // The state follows every input change as it happens (udp_sample_<n> is called by the
    // fanout of each input), so simultaneous changes apply in the order they were made.
    uint32_t id = curProc_;
    temps_.push_back(fmt::format("u32 udpon{};", id));
    temps_.push_back(fmt::format("u32 udpst{};", id));
    temps_.push_back(fmt::format("u8 udpin{}[{}];", id, std::max<uint32_t>(n, 1)));
    unsigned init = u.initial ? outputCode(*u.initial) : 2;
    std::string body;
    std::swap(out_, body);
    line(0, fmt::format("MF_HD void udp_sample_{}(State& s) {{", id));
    out_ += outer; // the table and the inputs
    line(1, fmt::format("if (!s.udpon{0}) {{ s.udpon{0} = 1; s.udpst{0} = {1}; for (u32 i = 0; "
                        "i < {2}; ++i) s.udpin{0}[i] = 2; }}",
                        id, init, n));
    line(1, fmt::format("s.udpst{0} = udp_step(tbl, {1}, {2}, s.udpin{0}, in, s.udpst{0});", id,
                        nrows, n));
    line(0, "}");
    std::swap(out_, body);
    udpSample_[id] = body;
    line(ind, fmt::format("udp_sample_{}(s);", id));
    line(ind, fmt::format("auto g = {};", asVec(fmt::format("udp_logic(s.udpst{})", id),
                                                Type::integral(1, false))));
}

} // namespace metalfpga::codegen::detail
