#!/usr/bin/env python3
"""CUDA backend numbers for the shared designs: cold NVRTC compile and warm pipeline-archive load
of each design, and batch throughput (instance-cycles per second) at several --count values.

    bench/gpu_numbers.py --cli build/metalfpga_cli [--designs ../shared/designs]
                         [--counts 1,1024,65536] [--batch synth,picorv32] [--timeout 180]
                         [--define-value 64] [--extra '--sched event']

Compile and load times are the `compile` and `archive-load` stages of `--profile` (on a cache hit
the stored cubin is found, verified and loaded); the front end (parse, elaborate, codegen) runs
on every call and is shown beside them. A batch runs `--count N` instances with the design's
small plusarg (picorv32 +iters=10, sha256 +blocks=2, aes +blocks=1, synth LANES=16 +cycles=200);
every instance must print the single run's result value; the rate is instances x cycles over
the `simulation` stage. The designs and their files come from ../shared/designs/README.md, as
bench/run.py reads them. Prints a Markdown table; exit 1 when a result disagrees.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROFILE_RE = re.compile(r"\[profile\] (\S+) ([0-9.]+) ms")
VALUE_RE = re.compile(r"\b(?:result|digest|checksum)=([0-9a-fA-F]+)")
CYCLES_RE = re.compile(r"\bcycles=(\d+)")

sys.path.insert(0, HERE)
import run as bench_run  # noqa: E402  (the shared designs' README table and quick sizes)


def designs(folder, define_value=bench_run.QUICK_DEFINE):
    """name: (top, files, plusargs, defines), each at the small size of bench/run.py --quick
    (a design's size define, such as synth's LANES, set to define_value)."""
    out = {}
    for d in bench_run.parse_designs_readme(folder):
        n = bench_run.QUICK_N.get(d["name"], 1)
        defines = [f"-D{d['define'][0]}={define_value}"] if d["define"] else []
        out[d["name"]] = (d["top"], d["files"], [f"+{d['plusarg']}={n}"], defines)
    return out


def run(cli, design_dir, spec, extra, env, timeout, backend="cuda"):
    top, files, plus, defines = spec
    cmd = [cli, "--run", "--backend", backend, "--profile", "--top", top] + defines + \
        files + plus + extra
    try:
        p = subprocess.run(cmd, cwd=design_dir, env=env, capture_output=True, text=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timeout after {timeout} s"
    if p.returncode != 0:
        return None, (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[0][:160]
    prof = {k: float(v) for k, v in PROFILE_RE.findall(p.stderr)}
    return (p.stdout, prof), ""


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=os.path.join(HERE, "..", "build", "metalfpga_cli"))
    ap.add_argument("--designs", default=os.path.join(HERE, "..", "..", "shared", "designs"))
    ap.add_argument("--counts", default="1,1024,65536")
    ap.add_argument("--batch", default="synth,picorv32", help="designs run as batches")
    ap.add_argument("--timeout", type=float, default=180)
    ap.add_argument("--backend", default="cuda", help="cuda, or cpu to try the script")
    ap.add_argument("--compile", default="", help="designs of the compile table (default: all)")
    ap.add_argument("--define-value", type=int, default=bench_run.QUICK_DEFINE,
                    help="value of a design's size define (synth: LANES)")
    ap.add_argument("--extra", default="", help="more metalfpga_cli flags, e.g. '--sched event'")
    a = ap.parse_args()
    extra = a.extra.split()
    cli = os.path.abspath(a.cli)
    failures = []
    with tempfile.TemporaryDirectory(prefix="metalfpga-gpu-numbers-") as cache:
        env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=cache)
        print(f"| design | lines | cold compile ({a.backend}) | warm archive load | front end (warm) |")
        print("|---|---|---|---|---|")
        table = designs(a.designs, a.define_value)
        for name, spec in table.items():
            if a.compile and name not in a.compile.split(","):
                continue
            d = os.path.join(a.designs, name)
            lines = sum(sum(1 for _ in open(os.path.join(d, f))) for f in spec[1])
            cold, why = run(cli, d, spec, ["--no-pipeline-load"] + extra, env, a.timeout,
                            a.backend)
            warm, why2 = run(cli, d, spec, extra, env, a.timeout, a.backend)
            c = f"{cold[1].get('compile', 0) / 1000:.2f} s" if cold else why
            w = f"{warm[1].get('archive-load', 0):.1f} ms" if warm else why2
            fe = sum(warm[1].get(k, 0) for k in ("parse", "elaborate", "codegen")) if warm else 0
            print(f"| {name} | {lines} | {c} | {w} | {fe:.0f} ms |", flush=True)
        print()
        print("| design | --count | cycles/instance | simulation | instance-cycles/s |")
        print("|---|---|---|---|---|")
        for name in [n for n in a.batch.split(",") if n]:
            spec = table[name]
            d = os.path.join(a.designs, name)
            single, why = run(cli, d, spec, extra, env, a.timeout, a.backend)
            if not single:
                print(f"| {name} | 1 | fails: {why} | | |")
                failures.append(name)
                continue
            want = VALUE_RE.findall(single[0])
            cycles = int((CYCLES_RE.findall(single[0]) or ["200"])[0])
            for n in [int(c) for c in a.counts.split(",")]:
                r, why = run(cli, d, spec, ["--count", str(n)] + extra, env, a.timeout,
                             a.backend)
                if not r:
                    print(f"| {name} | {n} | {cycles} | {why} | |", flush=True)
                    continue
                got = VALUE_RE.findall(r[0])
                if len(got) != n or any(g != want[0] for g in got):
                    failures.append(f"{name} --count {n}: {len(got)} results, "
                                    f"{sum(g == want[0] for g in got)} equal to the single run's")
                sim = r[1].get("simulation", 0) / 1000
                rate = n * cycles / sim if sim else 0
                print(f"| {name} | {n} | {cycles} | {sim:.3f} s | {rate:,.0f} |", flush=True)
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
