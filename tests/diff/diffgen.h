// Differential testing of the value library against Icarus Verilog.
//
// Generates random Verilog expressions over random operands (widths, signedness, values
// with x/z), evaluates them with the run-time-width Value (applying the expression sizing
// and signedness rules of 1364-2005 clause 5.4/5.5 itself), writes them as one Verilog
// file that prints every result with %b, runs iverilog/vvp, and compares.
#pragma once

#include "metalfpga/rt/value.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace diffgen {

using metalfpga::rt::i64;
using metalfpga::rt::u32;
using metalfpga::rt::u64;
using metalfpga::rt::Value;
namespace rt = metalfpga::rt;
namespace val = metalfpga::rt::val;

struct Var {
    std::string name;
    u32 w;
    bool s;
    Value v;
};

struct Expr {
    enum Kind {
        VarRef,
        Literal,
        Unary,
        Binary,
        Cond,
        Concat,
        Repl,
        BitSel,
        PartSel,
        IdxPart,
        Signed,
        Unsigned
    } kind = VarRef;
    std::string op;
    int var = -1;
    Value lit;
    std::string lit_text;
    std::vector<std::unique_ptr<Expr>> kids;
    u32 count = 0; // replication count / indexed part width
    i64 msb = 0, lsb = 0;
    bool up = true;
    // Self-determined type.
    u32 L = 1;
    bool S = false;
};

class Generator {
  public:
    explicit Generator(u64 seed) : rng_(seed) {}

    std::vector<Var> vars;

    u64 rnd(u64 n) { return rng_() % n; }
    bool chance(int percent) { return static_cast<int>(rnd(100)) < percent; }

    Value random_value(u32 w, bool s, bool allow_xz) {
        std::string bits(w, '0');
        int kind = static_cast<int>(rnd(10));
        bool xz = allow_xz && chance(35);
        for (u32 i = 0; i < w; ++i) {
            char c = "01"[rnd(2)];
            if (kind == 0) c = '0';
            if (kind == 1) c = '1';
            if (kind == 2) c = (i == 0) ? '1' : '0';              // 100..0 (min signed)
            if (kind == 3) c = (i + 1 == w) ? "01"[rnd(2)] : '0'; // 0 or 1
            if (xz && chance(12)) c = "xz"[rnd(2)];
            bits[i] = c;
        }
        return Value::from_binary(bits, s);
    }

    u32 random_width() {
        int r = static_cast<int>(rnd(100));
        if (r < 55) return 1 + static_cast<u32>(rnd(16));
        if (r < 85) return 17 + static_cast<u32>(rnd(54));
        if (r < 97) return 71 + static_cast<u32>(rnd(70));
        return 141 + static_cast<u32>(rnd(120));
    }

    void make_vars(size_t n) {
        vars.clear();
        for (size_t i = 0; i < n; ++i) {
            u32 w = i < n / 5 ? 1 + static_cast<u32>(rnd(7)) : random_width(); // some small
            bool s = chance(50);
            vars.push_back(Var{"v" + std::to_string(i), w, s, random_value(w, s, true)});
        }
    }

    int pick_var(u32 max_w = 0) {
        for (int tries = 0; tries < 100; ++tries) {
            int i = static_cast<int>(rnd(vars.size()));
            if (!max_w || vars[static_cast<size_t>(i)].w <= max_w) return i;
        }
        return 0;
    }

    std::unique_ptr<Expr> leaf(bool small = false) {
        auto e = std::make_unique<Expr>();
        if (chance(small ? 60 : 80)) {
            e->kind = Expr::VarRef;
            e->var = pick_var(small ? 7 : 0);
            return e;
        }
        e->kind = Expr::Literal;
        if (chance(25)) { // unsized decimal: 32-bit signed
            u64 v = small ? rnd(70) : (chance(50) ? rnd(20) : rng_() & 0x7fffffff);
            e->lit = Value::from_u64(32, v, true);
            e->lit_text = "32'sd" + std::to_string(v); // = an unsized decimal (see docs)
            return e;
        }
        u32 w = small ? 1 + static_cast<u32>(rnd(7)) : random_width();
        bool s = chance(50);
        e->lit = random_value(w, s, !small);
        e->lit_text = std::to_string(w) + (s ? "'sb" : "'b") + e->lit.to_binary();
        return e;
    }

    std::unique_ptr<Expr> gen(int depth) {
        if (depth <= 0 || chance(20)) return leaf();
        auto e = std::make_unique<Expr>();
        int r = static_cast<int>(rnd(100));
        static const char* const binops[] = {"+",  "-",  "*",  "/",  "%",   "&",   "|",
                                             "^",  "~^", "==", "!=", "===", "!==", "<",
                                             "<=", ">",  ">=", "&&", "||"};
        static const char* const unops[] = {"~", "-", "+", "!", "&", "|", "^", "~&", "~|", "~^"};
        static const char* const shops[] = {"<<", ">>", "<<<", ">>>"};
        if (r < 45) {
            e->kind = Expr::Binary;
            e->op = binops[rnd(19)];
            e->kids.push_back(gen(depth - 1));
            e->kids.push_back(gen(depth - 1));
        } else if (r < 55) {
            e->kind = Expr::Unary;
            e->op = unops[rnd(10)];
            e->kids.push_back(gen(depth - 1));
        } else if (r < 63) {
            e->kind = Expr::Binary;
            e->op = shops[rnd(4)];
            e->kids.push_back(gen(depth - 1));
            e->kids.push_back(chance(80) ? leaf(true) : gen(depth - 1));
        } else if (r < 67) {
            e->kind = Expr::Binary;
            e->op = "**";
            e->kids.push_back(gen(depth - 1));
            e->kids.push_back(leaf(true));
        } else if (r < 74) {
            e->kind = Expr::Cond;
            e->kids.push_back(chance(50) ? leaf(true) : gen(depth - 1));
            e->kids.push_back(gen(depth - 1));
            e->kids.push_back(gen(depth - 1));
        } else if (r < 79) {
            e->kind = Expr::Concat;
            size_t n = 1 + rnd(3);
            for (size_t i = 0; i < n; ++i) e->kids.push_back(gen(depth - 1));
        } else if (r < 82) {
            e->kind = Expr::Repl;
            e->count = 1 + static_cast<u32>(rnd(4));
            e->kids.push_back(gen(depth - 1));
        } else if (r < 86) {
            e->kind = Expr::BitSel;
            e->var = pick_var();
            e->kids.push_back(leaf(true));
        } else if (r < 89) {
            e->kind = Expr::PartSel;
            e->var = pick_var();
            i64 w = vars[static_cast<size_t>(e->var)].w;
            e->lsb = static_cast<i64>(rnd(static_cast<u64>(w)));
            e->msb = e->lsb + static_cast<i64>(rnd(static_cast<u64>(w - e->lsb)));
        } else if (r < 94) {
            e->kind = Expr::IdxPart;
            e->var = pick_var();
            // Icarus 11 misplaces out-of-range bits of indexed part selects of 1-bit
            // vectors; use wider ones.
            while (vars[static_cast<size_t>(e->var)].w < 2) e->var = pick_var();
            e->count = 1 + static_cast<u32>(rnd(9));
            e->up = chance(50);
            e->kids.push_back(leaf(true));
        } else {
            e->kind = chance(50) ? Expr::Signed : Expr::Unsigned;
            e->kids.push_back(gen(depth - 1));
        }
        return e;
    }

  private:
    std::mt19937_64 rng_;
};

inline bool is_compare(const std::string& op) {
    return op == "==" || op == "!=" || op == "===" || op == "!==" || op == "<" || op == "<=" ||
           op == ">" || op == ">=";
}
inline bool is_shift(const std::string& op) {
    return op == "<<" || op == ">>" || op == "<<<" || op == ">>>";
}

/// Self-determined width and signedness (clause 5.4.1, 5.5.1).
inline void type(Expr& e, const std::vector<Var>& vars) {
    for (auto& k : e.kids) type(*k, vars);
    switch (e.kind) {
    case Expr::VarRef:
        e.L = vars[static_cast<size_t>(e.var)].w;
        e.S = vars[static_cast<size_t>(e.var)].s;
        break;
    case Expr::Literal:
        e.L = e.lit.width();
        e.S = e.lit.is_signed();
        break;
    case Expr::Unary:
        if (e.op == "~" || e.op == "-" || e.op == "+") {
            e.L = e.kids[0]->L;
            e.S = e.kids[0]->S;
        } else {
            e.L = 1;
            e.S = false;
        }
        break;
    case Expr::Binary: {
        const Expr &a = *e.kids[0], &b = *e.kids[1];
        if (is_compare(e.op) || e.op == "&&" || e.op == "||") {
            e.L = 1;
            e.S = false;
        } else if (is_shift(e.op) || e.op == "**") {
            e.L = a.L;
            e.S = a.S;
        } else {
            e.L = a.L > b.L ? a.L : b.L;
            e.S = a.S && b.S;
        }
        break;
    }
    case Expr::Cond:
        e.L = e.kids[1]->L > e.kids[2]->L ? e.kids[1]->L : e.kids[2]->L;
        e.S = e.kids[1]->S && e.kids[2]->S;
        break;
    case Expr::Concat:
        e.L = 0;
        for (auto& k : e.kids) e.L += k->L;
        e.S = false;
        break;
    case Expr::Repl:
        e.L = e.count * e.kids[0]->L;
        e.S = false;
        break;
    case Expr::BitSel:
        e.L = 1;
        e.S = false;
        break;
    case Expr::PartSel:
        e.L = static_cast<u32>(e.msb - e.lsb + 1);
        e.S = false;
        break;
    case Expr::IdxPart:
        e.L = e.count;
        e.S = false;
        break;
    case Expr::Signed:
    case Expr::Unsigned:
        e.L = e.kids[0]->L;
        e.S = e.kind == Expr::Signed;
        break;
    }
}

/// v converted to the propagated type (W, S): extended (sign-extended only if S).
inline Value ext(const Value& v, u32 W, bool S) {
    Value r(W, S);
    rt::k::resize(r.ref(), v.cref(), S);
    return r;
}

/// Set when an expression hits a known Icarus deviation (not compared).
inline bool& icarus_quirk() {
    static bool flag = false;
    return flag;
}

inline Value eval(const Expr& e, const std::vector<Var>& vars, u32 W, bool S);
inline Value eval_self(const Expr& e, const std::vector<Var>& vars) {
    return eval(e, vars, e.L, e.S);
}

/// Signed/unsigned integer value of a self-determined index (no X/Z; the generator only
/// makes narrow indexes).
inline i64 index_value(const Value& v) {
    return static_cast<i64>(ext(v, 64, v.is_signed()).to_u64());
}

/// Evaluate e in a context of width W and signedness S (clause 5.4.2, 5.5.2).
inline Value eval(const Expr& e, const std::vector<Var>& vars, u32 W, bool S) {
    auto ctx = [&](size_t i) { return eval(*e.kids[i], vars, W, S); };
    auto self = [&](size_t i) { return eval_self(*e.kids[i], vars); };
    switch (e.kind) {
    case Expr::VarRef:
        return ext(vars[static_cast<size_t>(e.var)].v, W, S);
    case Expr::Literal:
        return ext(e.lit, W, S);
    case Expr::Unary: {
        const std::string& op = e.op;
        if (op == "~") return val::bit_not(ctx(0));
        if (op == "-") return val::neg(ctx(0));
        if (op == "+") return val::plus(ctx(0));
        Value a = self(0), r;
        if (op == "!") r = val::log_not(a);
        if (op == "&") r = val::red_and(a);
        if (op == "|") r = val::red_or(a);
        if (op == "^") r = val::red_xor(a);
        if (op == "~&") r = val::red_nand(a);
        if (op == "~|") r = val::red_nor(a);
        if (op == "~^") r = val::red_xnor(a);
        return ext(r, W, S);
    }
    case Expr::Binary: {
        const std::string& op = e.op;
        if (is_compare(op)) {
            const Expr &a = *e.kids[0], &b = *e.kids[1];
            u32 Lc = a.L > b.L ? a.L : b.L;
            bool Sc = a.S && b.S;
            Value x = eval(a, vars, Lc, Sc), y = eval(b, vars, Lc, Sc), r;
            if (op == "==") r = val::eq(x, y);
            if (op == "!=") r = val::ne(x, y);
            if (op == "===") r = val::case_eq(x, y);
            if (op == "!==") r = val::case_ne(x, y);
            if (op == "<") r = val::lt(x, y);
            if (op == "<=") r = val::le(x, y);
            if (op == ">") r = val::gt(x, y);
            if (op == ">=") r = val::ge(x, y);
            return ext(r, W, S);
        }
        if (op == "&&") return ext(val::log_and(self(0), self(1)), W, S);
        if (op == "||") return ext(val::log_or(self(0), self(1)), W, S);
        if (is_shift(op)) {
            // Icarus treats a shift amount that is a select of a signed vector as signed (a
            // set top bit shifts everything out); selects are unsigned (5.5.1).
            const Expr& n = *e.kids[1];
            if ((n.kind == Expr::PartSel || n.kind == Expr::IdxPart || n.kind == Expr::BitSel) &&
                vars[static_cast<size_t>(n.var)].s) {
                Value nv = self(1);
                if (nv.bit(nv.width() - 1) != rt::B0) icarus_quirk() = true;
            }
        }
        if (op == "<<") return val::shl(ctx(0), self(1));
        if (op == ">>") return val::shr(ctx(0), self(1));
        if (op == "<<<") return val::ashl(ctx(0), self(1));
        if (op == ">>>") return val::ashr(ctx(0), self(1));
        if (op == "**") {
            Value x = ctx(0), n = self(1);
            // Icarus 11 gives 0 for a negative exponent at wider widths even where table
            // 5-6 says 1, -1 or x (docs/values.md); such cases are not compared.
            if (n.is_signed() && n.bit(n.width() - 1) != rt::B0 && W > 8) {
                Value one = Value::from_u64(W, 1, S), m1 = Value::from_i64(W, -1, S);
                if (x.has_xz() || val::case_eq(x, one).to_u64() || val::case_eq(x, m1).to_u64() ||
                    val::case_eq(x, Value(W, S)).to_u64())
                    icarus_quirk() = true;
            }
            // Icarus reads an all-ones unsigned base as -1 for negative exponents (table 5-6
            // says such a base is > 1, giving 0).
            if (n.is_signed() && n.bit(n.width() - 1) != rt::B0 && !S && W > 1 &&
                val::case_eq(x, Value::from_i64(W, -1, S)).to_u64())
                icarus_quirk() = true;
            return val::pow(x, n);
        }
        Value x = ctx(0), y = ctx(1);
        if (op == "+") return val::add(x, y);
        if (op == "-") return val::sub(x, y);
        if (op == "*") return val::mul(x, y);
        if (op == "/" || op == "%") {
            // Icarus 11's vvp hangs dividing by a divisor of more than 64 significant bits
            // (docs/values.md); such cases are not compared.
            if (W > 64 && !y.has_xz()) {
                Value mag = (S && y.bit(W - 1) == rt::B1) ? val::neg(y) : y;
                if (rt::k::msb_index(mag.aval().data(), rt::k::nwords(W)) >= 63)
                    icarus_quirk() = true;
            }
            return op == "/" ? val::div(x, y) : val::mod(x, y);
        }
        if (op == "&") return val::bit_and(x, y);
        if (op == "|") return val::bit_or(x, y);
        if (op == "^") return val::bit_xor(x, y);
        if (op == "~^") return val::bit_xnor(x, y);
        return Value::all_x(W, S);
    }
    case Expr::Cond: {
        Value c = self(0), x = ctx(1), y = ctx(2);
        if (c.truth() == rt::BX) {
            // Icarus merges z with z to z; table 5-21 says x.
            for (u32 i = 0; i < W; ++i)
                if (x.bit(i) == rt::BZ && y.bit(i) == rt::BZ) icarus_quirk() = true;
        }
        return val::cond(c, x, y);
    }
    case Expr::Concat: {
        std::vector<Value> parts;
        for (size_t i = 0; i < e.kids.size(); ++i) parts.push_back(self(i));
        return ext(val::concat(parts), W, S);
    }
    case Expr::Repl:
        return ext(val::replicate(e.count, self(0)), W, S);
    case Expr::BitSel: {
        Value idx = self(0);
        const Value& v = vars[static_cast<size_t>(e.var)].v;
        Value r = idx.has_xz() ? Value::all_x(1) : Value::from_bit(v.bit(index_value(idx)));
        return ext(r, W, S);
    }
    case Expr::PartSel:
        return ext(val::extract(vars[static_cast<size_t>(e.var)].v, e.lsb, e.L), W, S);
    case Expr::IdxPart: {
        Value idx = self(0);
        if (idx.has_xz()) return ext(Value::all_x(e.count), W, S);
        i64 i = index_value(idx);
        i64 off = e.up ? i : i - i64(e.count) + 1;
        return ext(val::extract(vars[static_cast<size_t>(e.var)].v, off, e.count), W, S);
    }
    case Expr::Signed:
    case Expr::Unsigned:
        return ext(self(0).with_signed(e.kind == Expr::Signed), W, S);
    }
    return Value::all_x(W, S);
}

inline std::string text(const Expr& e, const std::vector<Var>& vars) {
    auto k = [&](size_t i) { return text(*e.kids[i], vars); };
    switch (e.kind) {
    case Expr::VarRef:
        return vars[static_cast<size_t>(e.var)].name;
    case Expr::Literal:
        return e.lit_text;
    case Expr::Unary:
        return "(" + e.op + "(" + k(0) + "))";
    case Expr::Binary:
        return "((" + k(0) + ") " + e.op + " (" + k(1) + "))";
    case Expr::Cond:
        return "((" + k(0) + ") ? (" + k(1) + ") : (" + k(2) + "))";
    case Expr::Concat: {
        std::string s = "{";
        for (size_t i = 0; i < e.kids.size(); ++i) s += (i ? ", " : "") + k(i);
        return s + "}";
    }
    case Expr::Repl:
        return "{" + std::to_string(e.count) + "{" + k(0) + "}}";
    case Expr::BitSel:
        return vars[static_cast<size_t>(e.var)].name + "[" + k(0) + "]";
    case Expr::PartSel:
        return vars[static_cast<size_t>(e.var)].name + "[" + std::to_string(e.msb) + ":" +
               std::to_string(e.lsb) + "]";
    case Expr::IdxPart:
        return vars[static_cast<size_t>(e.var)].name + "[" + k(0) + (e.up ? " +: " : " -: ") +
               std::to_string(e.count) + "]";
    case Expr::Signed:
        return "$signed(" + k(0) + ")";
    case Expr::Unsigned:
        return "$unsigned(" + k(0) + ")";
    }
    return "";
}

/// Declarations and values of the variables an expression uses (for mismatch reports).
inline void describe_vars(const Expr& e, const std::vector<Var>& vars, std::string& out) {
    if (e.var >= 0) {
        const Var& v = vars[static_cast<size_t>(e.var)];
        std::string d = "reg " + std::string(v.s ? "signed " : "") + "[" + std::to_string(v.w - 1) +
                        ":0] " + v.name + " = " + std::to_string(v.w) + "'b" + v.v.to_binary() +
                        ";\n";
        if (out.find(d) == std::string::npos) out += d;
    }
    for (const auto& k : e.kids) describe_vars(*k, vars, out);
}

struct Case {
    std::string verilog; ///< the expression
    std::string vars;    ///< declarations of the variables it uses
    u32 lhs_width = 0;   ///< 0: displayed self-determined; else assigned to a reg this wide
    std::string expected;
};

struct Mismatch {
    std::string expr, expected, got, vars;
    u32 lhs_width;
};

struct Result {
    size_t run = 0;
    size_t skipped = 0; ///< generated but not compared (known Icarus deviations)
    std::vector<Mismatch> mismatches;
    std::string error; ///< non-empty if Icarus could not be run
};

/// Generate `count` expressions with `seed`, run them through Icarus in batches of
/// `batch`, compare. workdir receives the generated files.
inline Result run_diff(u64 seed, size_t count, size_t batch, const std::filesystem::path& workdir,
                       int depth = 3) {
    Result res;
    std::filesystem::create_directories(workdir);
    Generator g(seed);
    for (size_t done = 0; done < count; done += batch) {
        size_t n = count - done < batch ? count - done : batch;
        g.make_vars(120);
        std::vector<Case> cases;
        for (size_t i = 0; i < n; ++i) {
            auto e = g.gen(1 + static_cast<int>(g.rnd(static_cast<u64>(depth))));
            type(*e, g.vars);
            icarus_quirk() = false;
            Case c;
            c.verilog = text(*e, g.vars);
            describe_vars(*e, g.vars, c.vars);
            if (g.chance(30)) {
                c.lhs_width = 1 + static_cast<u32>(g.rnd(100));
                u32 W = e->L > c.lhs_width ? e->L : c.lhs_width;
                Value v = eval(*e, g.vars, W, e->S);
                c.expected = v.converted(c.lhs_width, false).to_binary();
            } else {
                c.expected = eval_self(*e, g.vars).to_binary();
            }
            if (icarus_quirk()) {
                ++res.skipped;
                --i;
                continue;
            }
            cases.push_back(std::move(c));
        }
        std::filesystem::path vfile =
            workdir / ("diff_" + std::to_string(seed) + "_" + std::to_string(done) + ".v");
        std::filesystem::path vvp = vfile, out = vfile;
        vvp.replace_extension(".vvp");
        out.replace_extension(".out");
        {
            std::ofstream f(vfile);
            f << "module top;\n";
            for (const Var& v : g.vars)
                f << "  reg " << (v.s ? "signed " : "") << "[" << v.w - 1 << ":0] " << v.name
                  << ";\n";
            for (size_t i = 0; i < cases.size(); ++i)
                if (cases[i].lhs_width)
                    f << "  reg [" << cases[i].lhs_width - 1 << ":0] r" << i << ";\n";
            f << "  initial begin\n";
            for (const Var& v : g.vars)
                f << "    " << v.name << " = " << v.w << "'b" << v.v.to_binary() << ";\n";
            for (size_t i = 0; i < cases.size(); ++i) {
                if (cases[i].lhs_width) {
                    f << "    r" << i << " = " << cases[i].verilog << ";\n";
                    f << "    $display(\"" << i << " %b\", r" << i << ");\n";
                } else {
                    f << "    $display(\"" << i << " %b\", " << cases[i].verilog << ");\n";
                }
            }
            f << "  end\nendmodule\n";
        }
        std::string cmd = "iverilog -o '" + vvp.string() + "' '" + vfile.string() + "' 2>'" +
                          out.string() + ".err' && timeout -s KILL 300 vvp -n '" + vvp.string() +
                          "' > '" + out.string() + "' 2>>'" + out.string() + ".err'";
        if (std::system(cmd.c_str()) != 0) {
            res.error = "iverilog/vvp failed on " + vfile.string();
            return res;
        }
        std::ifstream in(out);
        std::vector<std::string> got(cases.size());
        std::string line;
        while (std::getline(in, line)) {
            std::istringstream ls(line);
            size_t idx;
            std::string bits;
            if (ls >> idx >> bits && idx < got.size()) got[idx] = bits;
        }
        for (size_t i = 0; i < cases.size(); ++i) {
            ++res.run;
            if (got[i] != cases[i].expected)
                res.mismatches.push_back(Mismatch{cases[i].verilog, cases[i].expected, got[i],
                                                  cases[i].vars, cases[i].lhs_width});
        }
        std::error_code ec;
        if (res.mismatches.empty()) {
            std::filesystem::remove(vfile, ec);
            std::filesystem::remove(vvp, ec);
            std::filesystem::remove(out, ec);
            std::filesystem::remove(out.string() + ".err", ec);
        }
    }
    return res;
}

/// Whether iverilog and vvp can be run.
inline bool icarus_available() {
    return std::system("iverilog -V >/dev/null 2>&1 && vvp -V >/dev/null 2>&1") == 0;
}

} // namespace diffgen
