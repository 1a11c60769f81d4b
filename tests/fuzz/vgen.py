"""Random, valid, deterministic Verilog-2005 designs from a seed (for difffuzz.py).

A design is one module `top` with a testbench inside it. Every value has exactly one writer and
every read is separated from its writes in time or by the non-blocking assignment region, so any
output difference between two correct simulators is a bug:
  time 10k+1  the testbench changes the inputs (blocking, one initial block)
  time 10k+5  posedge clk: clocked blocks read, then commit with non-blocking assignments
  time 10k+8  the monitor prints every value, one $display per value
Combinational logic (assign, always @*) only reads inputs, clocked registers and earlier
combinational values, so it settles before each print. Functions read only their arguments
(always @* is not sensitive to what a called function reads).
"""

import random

FORMATS = ["%d", "%h", "%b", "%o", "%0d", "%0h", "%0b", "%0o", "%x", "%5d", "%3h", "%t"]


class Sig:
    def __init__(self, name, width, signed, lsb=0, mem=0):
        self.name, self.width, self.signed, self.lsb, self.mem = name, width, signed, lsb, mem

    def decl_range(self):
        return f"[{self.lsb + self.width - 1}:{self.lsb}]" if self.width > 1 or self.lsb else ""


class Gen:
    def __init__(self, seed, size=1.0):
        self.r = random.Random(seed)
        self.size = size
        self.lines = []
        self.n = 0
        self.funcs = []  # (name, width, signed, [arg widths], [arg signed])
        self.modules = []  # submodule texts, written after top

    def fresh(self, prefix):
        self.n += 1
        return f"{prefix}{self.n}"

    def width(self):
        r = self.r.random()
        if r < 0.15:
            return 1
        if r < 0.7:
            return self.r.randint(2, 16)
        if r < 0.9:
            return self.r.randint(17, 40)
        return self.r.randint(41, 100)

    # ---- expressions -------------------------------------------------------------------------

    def literal(self, sized=None):
        r = self.r
        if sized is None:
            sized = r.random() < 0.8
        if not sized:
            v = r.choice([0, 1, 2, 3, 7, 8, 15, 31, 100, 255, r.randint(0, 1 << 20)])
            return str(v) if r.random() < 0.8 or not v else f"(-{v})"
        w = self.width()
        s = "s" if r.random() < 0.3 else ""
        base = r.choice("hdbo")
        v = r.getrandbits(w)
        if base == "d":
            return f"{w}'{s}d{v}"
        if base == "h":
            digits = format(v, "x")
            if r.random() < 0.05:
                digits = digits[:-1] + r.choice("xz")
            return f"{w}'{s}h{digits}"
        if base == "o":
            return f"{w}'{s}o{format(v, 'o')}"
        digits = format(v, "b")
        if r.random() < 0.05:
            digits = digits[:-1] + r.choice("xz")
        return f"{w}'{s}b{digits}"

    def primary(self, scope, sized=False):
        r = self.r
        roll = r.random()
        plain = [s for s in scope if not s.mem]
        mems = [s for s in scope if s.mem]
        if roll < 0.15 or not plain:
            return self.literal(sized=True if sized else None)
        s = r.choice(plain)
        if roll < 0.55 or s.width == 1:
            return s.name
        if roll < 0.7:
            a = r.randint(s.lsb, s.lsb + s.width - 1)
            b = r.randint(s.lsb, s.lsb + s.width - 1)
            return f"{s.name}[{max(a, b)}:{min(a, b)}]"
        if roll < 0.8:
            w = r.randint(1, s.width)
            op = r.choice(["+:", "-:"])
            return f"{s.name}[{self.index(scope, s)} {op} {w}]"
        if roll < 0.88 and mems:
            m = r.choice(mems)
            return f"{m.name}[{self.index(scope, m)}]"
        return f"{s.name}[{self.index(scope, s)}]"

    def index(self, scope, s):
        """A small index expression, sometimes out of range (reads X)."""
        small = [x for x in scope if not x.mem and x.width <= 4]
        if small and self.r.random() < 0.7:
            x = self.r.choice(small)
            # No "x - 1" with unsigned x: Icarus reads the low 32 bits of an index as a signed
            # integer (0 - 1 selects bit -1), 1364 an unsigned value (out of range).
            off = self.r.choice(["", f" + {s.lsb}", " + 1", " + 2"])
            return f"{x.name}{off}"
        hi = s.lsb + (s.mem or s.width)
        return str(self.r.randint(s.lsb, hi))

    def expr(self, scope, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.2:
            return self.primary(scope)
        k = r.random()
        e = lambda: self.expr(scope, depth - 1)
        if k < 0.35:
            op = r.choice(["+", "-", "*", "&", "|", "^", "~^", "+", "-", "&", "|", "/", "%"])
            return f"({e()} {op} {e()})"
        if k < 0.37:
            return f"({e()} ** {r.randint(0, 3)})"
        if k < 0.45:
            op = r.choice(["<<", ">>", "<<<", ">>>"])
            return f"({e()} {op} {self.shamt(scope)})"
        if k < 0.55:
            op = r.choice(["==", "!=", "<", "<=", ">", ">=", "===", "!==", "&&", "||"])
            return f"({e()} {op} {e()})"
        if k < 0.63:
            op = r.choice(["-", "~", "!", "&", "|", "^", "~&", "~|", "~^"])
            return f"({op}{e()})"
        if k < 0.7:
            return f"({e()} ? {e()} : {e()})"
        if k < 0.8:
            parts = [self.sized_expr(scope, depth - 1) for _ in range(r.randint(1, 3))]
            if r.random() < 0.3:
                return "{" + str(r.randint(1, 3)) + "{" + ", ".join(parts) + "}}"
            return "{" + ", ".join(parts) + "}"
        if k < 0.87:
            return f"{r.choice(['$signed', '$unsigned'])}({e()})"
        if k < 0.95 and self.funcs:
            name, _, _, args, _ = r.choice(self.funcs)
            return f"{name}(" + ", ".join(e() for _ in args) + ")"
        return self.primary(scope)

    def sized_expr(self, scope, depth):
        """An operand of a concatenation: never an unsized literal."""
        if depth <= 0 or self.r.random() < 0.6:
            return self.primary(scope, sized=True)
        plain = [s.name for s in scope if not s.mem] or ["4'd3"]
        op = self.r.choice(["+", "&", "^", "-"])
        return f"({self.r.choice(plain)} {op} {self.primary(scope, sized=True)})"

    def shamt(self, scope):
        small = [s for s in scope if not s.mem and s.width <= 7]
        if small and self.r.random() < 0.5:
            return self.r.choice(small).name
        return str(self.r.choice([0, 1, 2, 3, 5, 8, 13, 31, 32, 33, 64, 70]))

    # ---- design ------------------------------------------------------------------------------

    def decl(self, kind, s):
        sign = " signed" if s.signed else ""
        mem = f" [0:{s.mem - 1}]" if s.mem else ""
        rng = s.decl_range()
        self.lines.append(f"  {kind}{sign} {rng + ' ' if rng else ''}{s.name}{mem};")

    def function(self, scope_sigs):
        r = self.r
        name = self.fresh("f")
        w, signed = self.width(), r.random() < 0.4
        nargs = r.randint(1, 3)
        args = [Sig(f"a{i}", self.width(), r.random() < 0.4) for i in range(nargs)]
        auto = " automatic" if r.random() < 0.5 else ""
        sign = " signed" if signed else ""
        out = [f"  function{auto}{sign} [{w - 1}:0] {name};"]
        for a in args:
            out.append(f"    input{' signed' if a.signed else ''} [{a.width - 1}:0] {a.name};")
        t = Sig("t", self.width(), r.random() < 0.4)
        out.append(f"    reg{' signed' if t.signed else ''} [{t.width - 1}:0] t;")
        out.append("    integer i;")
        out.append("    begin")
        out.append(f"      t = {self.expr(args, 2)};")
        if r.random() < 0.5:
            out.append(f"      for (i = 0; i < {r.randint(1, 4)}; i = i + 1)")
            out.append(f"        t = t {r.choice(['+', '^', '-'])} ({self.expr(args + [t], 1)});")
        if r.random() < 0.5:
            out.append(f"      if ({self.expr(args + [t], 1)}) t = {self.expr(args + [t], 2)};")
        out.append(f"      {name} = {self.expr(args + [t], 2)};")
        out.append("    end")
        out.append("  endfunction")
        self.funcs.append((name, w, signed, [a.width for a in args], [a.signed for a in args]))
        self.lines.extend(out)

    def stmts(self, scope, targets, depth, indent, nba):
        """Statements that assign targets (each at least once on every path when complete)."""
        r = self.r
        pad = " " * indent
        arrow = "<=" if nba else "="
        out = []
        roll = r.random()
        if depth > 0 and roll < 0.25:
            out.append(f"{pad}if ({self.expr(scope, 2)}) begin")
            out += self.stmts(scope, targets, depth - 1, indent + 2, nba)
            out.append(f"{pad}end else begin")
            out += self.stmts(scope, targets, depth - 1, indent + 2, nba)
            out.append(f"{pad}end")
            return out
        if depth > 0 and roll < 0.4:
            sel = self.expr(scope, 1)
            out.append(f"{pad}case ({sel})")
            for _ in range(r.randint(1, 3)):
                out.append(f"{pad}  {self.literal(sized=True)}: begin")
                out += self.stmts(scope, targets, depth - 1, indent + 4, nba)
                out.append(f"{pad}  end")
            out.append(f"{pad}  default: begin")
            out += self.stmts(scope, targets, depth - 1, indent + 4, nba)
            out.append(f"{pad}  end")
            out.append(f"{pad}endcase")
            return out
        for t in targets:
            if t.mem:
                out.append(f"{pad}{t.name}[{self.index(scope, t)}] {arrow} {self.expr(scope, 3)};")
            elif r.random() < 0.2 and t.width > 2:
                lo = r.randint(t.lsb, t.lsb + t.width - 2)
                out.append(f"{pad}{t.name} {arrow} {self.expr(scope, 3)};")
                out.append(f"{pad}{t.name}[{lo} +: 2] {arrow} {self.expr(scope, 2)};")
            else:
                out.append(f"{pad}{t.name} {arrow} {self.expr(scope, 3)};")
        return out

    def generate(self):
        r = self.r
        L = self.lines
        L.append("module top;")
        L.append("  reg clk;")
        L.append("  reg rst;")
        inputs = [Sig(self.fresh("in"), self.width(), r.random() < 0.4) for _ in range(r.randint(3, 6))]
        inputs.append(Sig(self.fresh("sel"), r.randint(2, 3), False))
        for s in inputs:
            self.decl("reg", s)
        n_clocked = max(1, int(r.randint(2, 5) * self.size))
        clocked = [Sig(self.fresh("q"), self.width(), r.random() < 0.4) for _ in range(n_clocked)]
        mem = Sig(self.fresh("mem"), r.randint(2, 12), r.random() < 0.3, mem=r.randint(2, 8))
        for s in clocked:
            self.decl("reg", s)
        self.decl("reg", mem)
        for _ in range(r.randint(1, 3)):
            self.function(inputs)
        scope = inputs + clocked + [mem]
        printed = list(inputs + clocked)
        # Combinational values, each reading only what was declared before it.
        comb = []
        for _ in range(max(2, int(r.randint(4, 10) * self.size))):
            s = Sig(self.fresh("w"), self.width(), r.random() < 0.4)
            kind = r.random()
            if kind < 0.55:
                sign = " signed" if s.signed else ""
                rng = s.decl_range()
                L.append(f"  wire{sign} {rng + ' ' if rng else ''}{s.name} = {self.expr(scope, 4)};")
            elif kind < 0.8:
                self.decl("reg", s)
                # No memory reads: whether @* wakes on an array word is left open.
                body = self.stmts([x for x in scope if not x.mem], [s], 2, 4, False)
                L.append("  always @* begin")
                # Read an input first so the block wakes on the testbench's first change.
                L.append(f"    {s.name} = {r.choice(inputs).name};")
                L.extend(body)
                L.append("  end")
            elif kind < 0.9:
                self.gen_block(s, scope)
            else:
                self.instance(s, scope)
            scope.append(s)
            printed.append(s)
            comb.append(s)
        # Clocked logic: each register written by one block; reads see pre-edge values.
        groups = {}
        for q in clocked + [mem]:
            groups.setdefault(r.randint(0, 2), []).append(q)
        for targets in groups.values():
            edge = "posedge" if r.random() < 0.85 else "negedge"
            # clk's first value (x to 0 at time 0) is a negedge that races the block's start.
            guard = " if ($time != 0)" if edge == "negedge" else ""
            L.append(f"  always @({edge} clk){guard} begin")
            resettable = [t for t in targets if not t.mem]
            if resettable and r.random() < 0.85:
                L.append("    if (rst) begin")
                for t in resettable:
                    L.append(f"      {t.name} <= {self.literal(sized=True)};")
                L.append("    end else begin")
                L.extend(self.stmts(scope, targets, 2, 6, True))
                L.append("    end")
            else:
                L.extend(self.stmts(scope, targets, 2, 4, True))
            L.append("  end")
        self.testbench(inputs, printed, mem)
        L.append("endmodule")
        return "\n".join(L) + "\n" + "".join(self.modules)

    def gen_block(self, s, scope):
        """A generate for loop building s bit by bit (or a generate if choosing its driver)."""
        r = self.r
        L = self.lines
        sign = " signed" if s.signed else ""
        rng = s.decl_range()
        L.append(f"  wire{sign} {rng + ' ' if rng else ''}{s.name};")
        label = self.fresh("g")
        if r.random() < 0.6 and s.width > 1:
            chunk = r.choice([c for c in (1, 2, 4) if s.width % c == 0])
            L.append(f"  genvar {label}_i;")
            L.append("  generate")
            L.append(f"    for ({label}_i = 0; {label}_i < {s.width // chunk}; {label}_i = {label}_i + 1) begin : {label}")
            src = r.choice([x for x in scope if not x.mem and x.width > 1])
            e = self.expr(scope, 2)
            bit = f"{src.name}[({label}_i*{chunk}) % {src.width} + {src.lsb}]"
            L.append(f"      assign {s.name}[{label}_i*{chunk} +: {chunk}] = "
                     f"{bit} ^ {label}_i ^ ({e} >> {label}_i);")
            L.append("    end")
            L.append("  endgenerate")
        else:
            p = self.fresh("P")
            L.append(f"  localparam {p} = {r.randint(0, 3)};")
            L.append("  generate")
            L.append(f"    if ({p} > 1) begin : {label}")
            L.append(f"      assign {s.name} = {self.expr(scope, 3)};")
            L.append("    end else begin : " + label + "_else")
            L.append(f"      assign {s.name} = {self.expr(scope, 3)};")
            L.append("    end")
            L.append("  endgenerate")

    def instance(self, s, scope):
        """s driven by the output port of a parameterised submodule (widths convert at ports)."""
        r = self.r
        name = self.fresh("sub")
        wa, wb = self.width(), self.width()
        a = Sig("a", wa, False)
        b = Sig("b", wb, True)
        k = Sig("K", 8, True)
        # Calls of top's functions are upward name references (1364-2005 12.6).
        body = self.expr([a, b, k], 3)
        self.modules.append(
            f"module {name} #(parameter W = {wa}, parameter signed [7:0] K = 3)\n"
            f"  (input [W-1:0] a, input signed [{wb - 1}:0] b, output [{s.width - 1}:0] y);\n"
            f"  assign y = {body};\n"
            "endmodule\n")
        sign = " signed" if s.signed else ""
        rng = s.decl_range()
        self.lines.append(f"  wire{sign} {rng + ' ' if rng else ''}{s.name};")
        # Each input goes through a wire of the port's width: Icarus evaluates an expression on
        # a wider port at its own width and zero-pads it, where 1364 (12.3.9.2) makes it a
        # continuous assignment (docs/implementation-defined.md); both agree on `assign`.
        self.lines.append(f"  wire [{wa - 1}:0] {name}_a = {self.expr(scope, 2)};")
        self.lines.append(f"  wire signed [{wb - 1}:0] {name}_b = {self.expr(scope, 2)};")
        self.lines.append(f"  {name} #(.W({wa}), .K({r.randint(-128, 127)})) u_{name} "
                          f"(.a({name}_a), .b({name}_b), .y({s.name}));")

    def testbench(self, inputs, printed, mem):
        r = self.r
        L = self.lines
        cycles = r.randint(3, 6)
        L.append("  initial begin")
        L.append("    clk = 0;")
        L.append(f"    forever #5 clk = ~clk;")
        L.append("  end")
        L.append("  initial begin")
        L.append("    #1;")
        for k in range(cycles):
            L.append(f"    rst = {1 if k == 0 else 0};")
            for s in inputs:
                L.append(f"    {s.name} = {self.literal(sized=True)};")
            L.append("    #10;")
        L.append("  end")
        L.append("  initial begin")
        L.append("    #8;")
        L.append(f"    repeat ({cycles}) begin")
        for s in printed:
            f1, f2 = r.choice(FORMATS), r.choice(FORMATS)
            if "%t" in (f1, f2):
                f1, f2 = "%d", "%b"
            L.append(f'      $display("{s.name} {f1} {f2}", {s.name}, {s.name});')
        for i in range(mem.mem):
            L.append(f'      $display("{mem.name}[{i}] %h", {mem.name}[{i}]);')
        L.append("      #10;")
        L.append("    end")
        L.append("    $finish;")
        L.append("  end")


def generate(seed, size=1.0):
    return Gen(seed, size).generate()


if __name__ == "__main__":
    import sys

    print(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1), end="")
