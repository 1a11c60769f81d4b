#!/usr/bin/env python3
"""The differential fuzzer (tests/fuzz/difffuzz.py) on a fixed set of seeds: each random design
must print under `metalfpga_cli --run` exactly what Icarus Verilog prints. A mismatch is reduced
to a small case, which is printed. Skips (77) without iverilog."""

import concurrent.futures
import os
import shutil
import sys

from common import Checks, parse_args

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz"))
import difffuzz  # noqa: E402
import reduce as reducer  # noqa: E402
import vgen  # noqa: E402

# Seeds whose designs together cover every construct vgen.py writes; about 2 minutes on 2 cores.
SEEDS = range(9001, 9025)


def main():
    args = parse_args()
    if not (shutil.which("iverilog") and shutil.which("vvp")):
        print("iverilog not found: skipped")
        return 77
    tester = difffuzz.Tester(args.bin, os.path.join(args.work, "archive"))
    checks = Checks()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda s: difffuzz.check_seed(tester, s, 1.0), SEEDS))
    for seed, text, kind in results:
        detail = ""
        if kind is not None:
            small = reducer.reduce(text, lambda t: difffuzz.Tester(args.bin).verdict(t) == kind,
                                   180)
            ref, (rc, out, err) = difffuzz.Tester(args.bin).outputs(small)
            detail = (f"reduced design:\n{small}\nIcarus prints:\n{ref}\n"
                      f"metalfpga_cli (exit {rc}) prints:\n{out}{err}")
        checks.expect(kind is None, f"seed {seed}: {kind} (tests/fuzz/difffuzz.py --print "
                      f"--seed {seed} --bin X prints the design)", detail)
    checks.finish()


if __name__ == "__main__":
    sys.exit(main())
