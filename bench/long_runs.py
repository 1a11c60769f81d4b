#!/usr/bin/env python3
"""Long single-instance runs of the shared designs and of pipes N=256 against Verilator -O3.

bench/run.py's default sizes are short: Verilator finishes synth +cycles=5000 in about 2 ms plus
its process start, so a ratio against its process time flatters metalfpga. These runs are long
enough (0.2 to 1 s for Verilator) that the start does not count:

  metalfpga  --run --profile: the `simulation` stage (4-state, and --2state), min of --repeat
  Verilator  verilator --binary -O3 (single thread): the process's wall time, min of --repeat

The tools run interleaved, so that a noisy machine slows them alike; every output must carry the
same result value. Prints a Markdown table; exit 1 when a result disagrees or a tool fails.

    bench/long_runs.py [--cli build/metalfpga_cli] [--designs ../shared/designs] [--repeat 3]
                       [--base OTHER_CLI]   (a column for another metalfpga binary)
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_pipelines  # noqa: E402
import run as bench_run  # noqa: E402

SIM_RE = re.compile(r"\[profile\] simulation ([0-9.]+) ms")
VALUE_RE = re.compile(r"\b(?:result|digest|checksum)=([0-9a-fA-F]+)")
# Long sizes: each takes Verilator 0.15 to 0.35 s on the 2-core development machine.
LONG = {"picorv32": 20000, "sha256": 20000, "aes": 10000, "synth": 500000}
PIPES, PIPE_CYCLES = 256, 20000


def cases(designs):
    """(label, folder, top, files, defines, plusargs)."""
    out = []
    for d in bench_run.parse_designs_readme(designs):
        if d["name"] not in LONG:
            continue
        n = LONG[d["name"]]
        defines = [f"{d['define'][0]}={d['define'][1]}"] if d["define"] else []
        label = f"{d['name']} +{d['plusarg']}={n}" + (f" -D{defines[0]}" if defines else "")
        out.append((label, os.path.join(designs, d["name"]), d["top"], d["files"], defines,
                    [f"+{d['plusarg']}={n}"]))
    return out


def metalfpga(cli, case, extra, env):
    label, cwd, top, files, defines, plus = case
    cmd = [cli, "--run", "--profile", "--top", top] + [f"-D{d}" for d in defines] + files + \
        plus + extra
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    m = SIM_RE.search(p.stderr)
    if p.returncode or not m:
        raise RuntimeError(f"metalfpga failed on {label}: {p.stderr.strip()[:300]}")
    return float(m.group(1)) / 1000, VALUE_RE.findall(p.stdout)


def verilator_build(case, work):
    label, cwd, top, files, defines, _ = case
    mdir = os.path.join(work, "obj_" + re.sub(r"\W", "_", label))
    cmd = ["verilator", "--binary", "-O3", "-Wno-fatal", "-Wno-lint", "-Wno-style", "--Mdir",
           mdir, "--top-module", top] + [f"-D{d}" for d in defines] + files
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if p.returncode:
        raise RuntimeError(f"verilator failed on {label}: {p.stderr.strip()[:300]}")
    return os.path.join(mdir, "V" + top)


def verilator_run(binary, case):
    t0 = time.perf_counter()
    p = subprocess.run([binary] + case[5], cwd=case[1], capture_output=True, text=True)
    t = time.perf_counter() - t0
    if p.returncode:
        raise RuntimeError(f"the Verilator build of {case[0]} failed: {p.stderr.strip()[:300]}")
    return t, VALUE_RE.findall(p.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=os.path.join(HERE, "..", "build", "metalfpga_cli"))
    ap.add_argument("--base", help="another metalfpga_cli to time beside it")
    ap.add_argument("--designs", default=os.path.join(HERE, "..", "..", "shared", "designs"))
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    if not shutil.which("verilator"):
        print("verilator is not installed (scripts/install-deps.sh --bench)", file=sys.stderr)
        return 1
    failures = []
    with tempfile.TemporaryDirectory(prefix="metalfpga-long-") as work:
        pipes = os.path.join(work, "pipes.v")
        with open(pipes, "w") as f:
            f.write(gen_pipelines.generate(PIPES, 4))
        all_cases = cases(os.path.abspath(a.designs)) + [
            (f"pipes N={PIPES} CYCLES={PIPE_CYCLES}", work, "bench_pipes", ["pipes.v"],
             [f"CYCLES={PIPE_CYCLES}"], [])]
        env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=os.path.join(work, "archive"))
        clis = [("now", os.path.abspath(a.cli), [])] + \
            ([("base", os.path.abspath(a.base), [])] if a.base else []) + \
            [("2state", os.path.abspath(a.cli), ["--2state"])]
        head = "| design | Verilator | " + " | ".join(
            f"metalfpga {n}" for n, _, _ in clis) + " | now / Verilator | --2state / Verilator |"
        print(head)
        print("|" + "---|" * (head.count("|") - 1))
        for case in all_cases:
            try:
                binary = verilator_build(case, work)
                best = {n: float("inf") for n, _, _ in clis}
                vbest, values = float("inf"), set()
                for _ in range(a.repeat):
                    t, v = verilator_run(binary, case)
                    vbest = min(vbest, t)
                    values.update(v)
                    for n, cli, extra in clis:
                        t, v = metalfpga(cli, case, extra, env)
                        best[n] = min(best[n], t)
                        values.update(v)
            except RuntimeError as e:
                failures.append(str(e))
                print(f"| {case[0]} | fails: {str(e)[:120]} |")
                continue
            if len(values) != 1:
                failures.append(f"{case[0]}: results differ: {sorted(values)}")
            cells = " | ".join(f"{best[n] * 1000:.0f} ms" for n, _, _ in clis)
            print(f"| {case[0]} | {vbest * 1000:.0f} ms | {cells} | {best['now'] / vbest:.2f}x "
                  f"| {best['2state'] / vbest:.2f}x |", flush=True)
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
