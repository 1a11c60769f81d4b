#!/usr/bin/env python3
"""Inputs that once crashed metalfpga: each must give the right output, or an error with a
location and exit 1. Operator chains of tens of thousands of operands, deeply nested
parentheses, a vector of 2^24 bits, deep recursion, a frame-depth overflow. (Nesting beyond the
compiler's stack is tested in tests/unit/elab/nesting_test.cpp, on a small stack.)"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Checks, parse_args, run, write  # noqa: E402

args = parse_args()
checks = Checks()
cli = [args.bin, "--pipeline-archive", os.path.join(args.work, "archive")]


def chain(levels):
    """y = 1+1+...+1 with 4**levels operands, written through a macro as a user might."""
    inner = "32'd1"
    for _ in range(levels):
        inner = f"`Q({inner})"
    return ("`define Q(x) x+x+x+x\n"
            "module m; reg [31:0] y;\n"
            f"  initial begin y = {inner}; $display(\"%0d\", y); $finish; end\n"
            "endmodule\n")


def expect_run(name, text, stdout, extra=(), timeout=600):
    path = write(args.work, name + ".v", text)
    rc, out, err = run(cli + ["--run", *extra, path], timeout=timeout)
    checks.expect(rc == 0 and out == stdout, f"{name}: expected exit 0 and {stdout!r}",
                  f"exit {rc}\nstdout: {out[-800:]}\nstderr: {err[-800:]}")


def expect_error(name, text, message, where, extra=(), stdout_absent=None, timeout=600):
    path = write(args.work, name + ".v", text)
    rc, out, err = run(cli + [*extra, path], timeout=timeout)
    ok = rc == 1 and message in err and where in err
    if stdout_absent is not None:
        ok = ok and stdout_absent not in out
    checks.expect(ok, f"{name}: expected exit 1 with '{message}' at '{where}'",
                  f"exit {rc}\nstdout: {out[-800:]}\nstderr: {err[-800:]}")


# Operator chains: 65,536 operands elaborate; 16,384 compile to flat code and run.
rc, out, err = run(cli + ["--check", write(args.work, "chain8.v", chain(8))])
checks.expect(rc == 0, "chain of 65536 operands: --check exits 0", f"exit {rc}\n{err[-800:]}")
expect_run("chain7", chain(7), "16384\n")

# Parentheses and unary operators nested beyond the parser's limit: an error at the expression,
# exit 1, the long source line shown as a window around the column.
depth = 5000
for name, opener in (("deep_parens", "("), ("deep_negation", "-(")):
    deep = "module m; reg [31:0] y;\n  initial begin\n    y = " + opener * depth + "1" + \
        ")" * depth + ";\n    $display(\"%0d\", y);\n  end\nendmodule\n"
    path = write(args.work, name + ".v", deep)
    rc, out, err = run(cli + ["--check", path])
    checks.expect(rc == 1 and "nesting is too deep" in err and f"{name}.v:3:" in err and
                  max(len(line) for line in err.splitlines()) < 400,
                  f"{name}: expected exit 1, 'nesting is too deep' at line 3, short lines",
                  f"exit {rc}\nstderr: {err[:800]}")

# A vector at the largest width: its temporaries are 4 MiB each, on one instance and on a batch
# stepped by several threads.
wide = ("module m; reg [(1<<24)-1:0] x;\n"
        "  initial begin x = 1; x = x << 3; $display(\"%0d %0d\", x[3], x[0]); $finish; end\n"
        "endmodule\n")
expect_run("wide", wide, "1 0\n")
expect_run("wide_batch", wide, "1 0\n[1] 1 0\n[2] 1 0\n[3] 1 0\n",
           extra=["--count", "4", "--threads", "2"])

# Recursion: deep but within the stack gives the result; deeper ends with an error naming the
# function, exit 1, and nothing after the failing call runs.
recursive = """module m;
  function integer f(input integer n);
    integer t;
    begin
      if (n == 0) f = 0;
      else begin t = n; f = f(n - 1); f = f + 1; end
    end
  endfunction
  initial begin $display("%0d", f(DEPTH)); $display("after"); $finish; end
endmodule
"""
expect_run("recursion", recursive.replace("DEPTH", "20000"), "20000\nafter\n")
expect_error("recursion_too_deep", recursive.replace("DEPTH", "100000000"),
             "function calls nested too deeply", "recursion_too_deep.v:2", extra=["--run"],
             stdout_absent="after")
automatic = """module m;
  function automatic integer f(input integer n);
    begin if (n == 0) f = 0; else f = f(n - 1) + 1; end
  endfunction
  reg [31:0] r;
  initial begin r = f(100); $display("r=%0d", r); $finish; end
endmodule
"""
expect_error("frame_overflow", automatic, "nested calls of the automatic", "frame_overflow.v:2",
             extra=["--run"], stdout_absent="r=")
expect_run("frame_depth_large", automatic, "r=100\n", extra=["--frame-depth", "1048576"])

checks.finish()
