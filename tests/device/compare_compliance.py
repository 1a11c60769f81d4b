#!/usr/bin/env python3
"""Runs the compliance corpus on the CPU and on CUDA (a machine with a GPU) and lists every test
whose result differs between the two. Exit status 1 if any differs.

    compare_compliance.py --bin build/metalfpga_cli --corpus ../shared/ivtest -j 16

The CPU run hides the GPU (CUDA_VISIBLE_DEVICES=""), so --backend auto picks the CPU; the
CUDA run gets the default, CUDA where a device opens."""
import argparse
import os
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--bin", required=True)
ap.add_argument("--corpus", required=True, help="folder of ivtest.py")
ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
ap.add_argument("--timeout", type=int, default=120, help="seconds per test")
ap.add_argument("--only", default=None, help="regex on test names")
ap.add_argument("--out", default=None, help="folder for the two result files and logs")
a = ap.parse_args()

out = a.out or tempfile.mkdtemp(prefix="metalfpga-compliance-")
os.makedirs(out, exist_ok=True)


def run(name, env):
    results = os.path.join(out, name + ".tsv")
    cmd = [sys.executable, os.path.join(a.corpus, "ivtest.py"), "--sim", "metalfpga", "--bin",
           os.path.abspath(a.bin), "-j", str(a.jobs), "--timeout", str(a.timeout),
           "--results", results]
    if a.only:
        cmd += ["--only", a.only]
    with open(os.path.join(out, name + ".log"), "w") as log:
        subprocess.run(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    table = {}
    with open(results) as f:
        for line in f:
            # name, type, pass|fail, why, seconds
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                table[parts[0]] = (parts[2], parts[3] if len(parts) > 3 else "")
    return table


cpu = run("cpu", dict(os.environ, CUDA_VISIBLE_DEVICES=""))
cuda = run("cuda", dict(os.environ))
differ = sorted(t for t in set(cpu) | set(cuda) if cpu.get(t, ("missing",))[0] !=
                cuda.get(t, ("missing",))[0])
for t in differ:
    print(f"{t}: cpu {cpu.get(t, ('missing', ''))}, cuda {cuda.get(t, ('missing', ''))}")
passed = lambda table: sum(1 for v in table.values() if v[0] == "pass")  # noqa: E731
print(f"cpu {passed(cpu)}/{len(cpu)} pass, cuda {passed(cuda)}/{len(cuda)} pass, "
      f"{len(differ)} differ (results in {out})")
sys.exit(1 if differ else 0)
