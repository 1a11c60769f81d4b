#!/usr/bin/env python3
"""Differential fuzzer: random designs (vgen.py) simulated by Icarus Verilog (the reference) and
by `metalfpga_cli --run` (CPU backend, 4-state) must print the same. A mismatch is saved under
--findings as NAME.v with both outputs, then reduced to a small case (NAME.min.v).

  difffuzz.py --bin build/metalfpga_cli --seed 1 --count 100
  difffuzz.py --bin build/metalfpga_cli --minutes 20 --jobs 1 --findings fuzz-findings
"""

import argparse
import concurrent.futures
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reduce as reducer  # noqa: E402
import vgen  # noqa: E402


def run(cmd, cwd, timeout):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                           errors="replace")
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, "", "timed out"


class Tester:
    """Runs one design text through both simulators in a private temporary folder."""

    def __init__(self, bin_path, archive=None, timeout=120):
        self.bin = os.path.abspath(bin_path)
        self.archive = archive
        self.timeout = timeout

    def metal_cmd(self):
        cache = ["--pipeline-archive", self.archive] if self.archive else ["--no-cache"]
        return [self.bin, "--run", "--no-pipeline-async"] + cache + ["design.v"]

    def outputs(self, text):
        """(icarus stdout or None when Icarus rejects it, (metalfpga status, stdout, stderr))."""
        with tempfile.TemporaryDirectory(prefix="difffuzz-") as d:
            with open(os.path.join(d, "design.v"), "w") as f:
                f.write(text)
            rc, _, _ = run(["iverilog", "-o", "design.vvp", "design.v"], d, 60)
            if rc != 0:
                return None, None
            rc, ref, _ = run(["vvp", "-n", "design.vvp"], d, 60)
            if rc != 0:
                return None, None
            return ref, run(self.metal_cmd(), d, self.timeout)

    def verdict(self, text):
        """None when both agree (or Icarus rejects the design), else a short kind of failure."""
        ref, got = self.outputs(text)
        if ref is None:
            return None
        rc, out, err = got
        if rc is None:
            return "timeout"
        if rc != 0:
            first = next((l for l in err.splitlines() if l.strip()), "")
            return f"exit {rc}: {first[:80]}" if rc > 0 else f"signal {-rc}"
        return None if out == ref else "output"


def save(findings, name, text, tester):
    os.makedirs(findings, exist_ok=True)
    base = os.path.join(findings, name)
    with open(base + ".v", "w") as f:
        f.write(text)
    ref, (rc, out, err) = tester.outputs(text)
    with open(base + ".icarus.out", "w") as f:
        f.write(ref or "")
    with open(base + ".metalfpga.out", "w") as f:
        f.write(out + f"\n--- exit status {rc}; stderr:\n" + err)
    return base


def check_seed(tester, seed, size):
    text = vgen.generate(seed, size)
    return seed, text, tester.verdict(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--bin", required=True, help="metalfpga_cli")
    ap.add_argument("--seed", type=int, default=1, help="first seed")
    ap.add_argument("--count", type=int, default=0, help="designs to run (0: until --minutes)")
    ap.add_argument("--minutes", type=float, default=0, help="stop after this long")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--size", type=float, default=1.0, help="scales the number of values")
    ap.add_argument("--findings", default=".fuzz-difffuzz")
    ap.add_argument("--pipeline-archive", help="archive folder for compiled models")
    ap.add_argument("--no-cache", action="store_true", help="compile every model afresh")
    ap.add_argument("--no-reduce", action="store_true")
    ap.add_argument("--reduce-minutes", type=float, default=10, help="time limit per reduction")
    ap.add_argument("--print", action="store_true", help="print the design of --seed and stop")
    a = ap.parse_args()
    if a.print:
        print(vgen.generate(a.seed, a.size), end="")
        return 0
    if not shutil.which("iverilog"):
        print("iverilog not found")
        return 77
    if not a.count and not a.minutes:
        a.count = 20
    archive = None if a.no_cache else os.path.abspath(a.pipeline_archive or
                                                       os.path.join(a.findings, ".archive"))
    tester = Tester(a.bin, archive)
    # Reductions make unique models that are never compiled twice: no archive.
    reduce_tester = Tester(a.bin, None)
    deadline = time.time() + a.minutes * 60 if a.minutes else None
    seeds = itertools.count(a.seed) if not a.count else iter(range(a.seed, a.seed + a.count))
    ran, found = 0, []
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        pending = set()
        while True:
            while len(pending) < a.jobs and (deadline is None or time.time() < deadline):
                seed = next(seeds, None)
                if seed is None:
                    break
                pending.add(pool.submit(check_seed, tester, seed, a.size))
            if not pending:
                break
            done, pending = concurrent.futures.wait(pending, return_when="FIRST_COMPLETED")
            for fut in done:
                seed, text, kind = fut.result()
                ran += 1
                if kind is None:
                    continue
                print(f"seed {seed}: MISMATCH ({kind})", flush=True)
                base = save(a.findings, f"seed{seed}", text, tester)
                found.append(seed)
                if not a.no_reduce:
                    small = reducer.reduce(text, lambda t: reduce_tester.verdict(t) == kind,
                                           a.reduce_minutes * 60)
                    with open(base + ".min.v", "w") as f:
                        f.write(small)
                    save(a.findings, f"seed{seed}.min", small, reduce_tester)
                    print(f"reduced to {base}.min.v ({len(small.splitlines())} lines):\n{small}",
                          flush=True)
    print(f"{ran} designs, {len(found)} mismatches" + (f": seeds {found}" if found else ""))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
