#!/usr/bin/env python3
"""Benchmark driver: metalfpga against Icarus Verilog and Verilator on the same machine, same run.

For each design of ../shared/designs (described by its README.md table) and for the scalable
pipeline family made by bench/gen_pipelines.py, runs

  metalfpga   metalfpga_cli --run (CPU backend): cold (--no-cache) and warm (pipeline cache hit)
  Icarus      iverilog, then vvp -n
  Verilator   verilator --binary -O3, single thread and --threads <cores> (skipped when absent)

checks that every output agrees (the value after result=, digest= or checksum=, and the
expected value where one is known), and writes a Markdown report (docs/benchmarks.md by
default) with compile times, run times, simulated cycles and events per second, peak memory
and the ratios metalfpga/Icarus and metalfpga/Verilator. A tool that fails is recorded as
"fails: <first error line>"; it does not stop the run.

Exit status: 1 when two outputs disagree, an output differs from the known answer, or Icarus
fails on a design (or metalfpga on the pipeline family, which it supports); otherwise 0.
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_pipelines  # noqa: E402

VALUE_RE = re.compile(r"\b(result|digest|checksum)=([0-9a-fA-FxXzZ]+)")
PROFILE_SIM_RE = re.compile(r"\[profile\] simulation ([0-9.]+) ms")


# --- running one command -------------------------------------------------------------------

class Run:
    """Outcome of one command: wall and CPU seconds, peak RSS (of it and its waited children)."""

    def __init__(self, cmd, cwd):
        self.cmd, self.cwd = cmd, cwd
        self.rc, self.wall, self.cpu, self.maxrss_kb = None, 0.0, 0.0, 0
        self.stdout, self.stderr, self.timed_out = "", "", False

    @property
    def ok(self):
        return self.rc == 0 and not self.timed_out

    def first_error(self):
        if self.timed_out:
            return f"timeout after {self.wall:.0f} s"
        for line in (self.stderr + "\n" + self.stdout).splitlines():
            s = line.strip()
            if s and not s.startswith("[profile]"):
                return s[:160]
        return f"exit status {self.rc}"


def run(cmd, cwd, timeout, env=None):
    r = Run(cmd, cwd)
    out_path = os.path.join(WORK, ".stdout")
    err_path = os.path.join(WORK, ".stderr")
    rss_path = os.path.join(WORK, ".maxrss")
    if TIME_BIN:  # a small parent, so the peak is the program's own, not this Python's
        cmd = [TIME_BIN, "-f", "%M", "-o", rss_path] + list(cmd)
        if os.path.exists(rss_path):
            os.remove(rss_path)
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             env=env, start_new_session=True)

        def kill():
            r.timed_out = True
            try:
                os.killpg(p.pid, 9)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, ru = os.wait4(p.pid, 0)
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
        r.wall = time.monotonic() - t0
    r.rc = p.returncode
    r.cpu = ru.ru_utime + ru.ru_stime
    r.maxrss_kb = ru.ru_maxrss
    if TIME_BIN:
        r.cmd = cmd[5:]
        try:
            with open(rss_path) as f:
                r.maxrss_kb = int(f.read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
    with open(out_path, encoding="utf-8", errors="replace") as f:
        r.stdout = f.read()
    with open(err_path, encoding="utf-8", errors="replace") as f:
        r.stderr = f.read()
    return r


def value_of(text):
    m = None
    for m in VALUE_RE.finditer(text):
        pass
    return m.group(2).lower() if m else None


def cycles_of(text):
    m = re.search(r"\bcycles=(\d+)", text)
    return int(m.group(1)) if m else None


def fmt_s(x):
    if x is None:
        return "-"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def fmt_rate(x):
    if x is None:
        return "-"
    for div, unit in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if x >= div:
            return f"{x / div:.2f} {unit}"
    return f"{x:.0f}"


def fmt_mb(kb):
    return f"{kb / 1024:.0f} MB" if kb else "-"


# --- one benchmark case ----------------------------------------------------------------------

class Case:
    """A design at one size: sources, top, defines, plusargs, cycle and event counts."""

    def __init__(self, name, cwd, files, top, defines=(), plusargs=(), cycles=None,
                 events_per_cycle=None, expected=None, must_run_metalfpga=False):
        self.name, self.cwd, self.files, self.top = name, cwd, list(files), top
        self.defines, self.plusargs = list(defines), list(plusargs)
        self.cycles, self.events_per_cycle, self.expected = cycles, events_per_cycle, expected
        self.must_run_metalfpga = must_run_metalfpga
        self.results = {}  # tool -> dict(compile, compile_warm, run, rss, value, error, cpu)


class Bench:
    def __init__(self, args):
        self.a = args
        self.deadline = time.monotonic() + args.budget
        self.cores = os.cpu_count() or 1
        self.verilator = shutil.which("verilator")
        self.icarus = shutil.which("iverilog") and shutil.which("vvp")
        self.failures = []
        self.commands = {}  # tool -> example command lines
        self.timed_out_at = {}  # tool -> case name where a command timed out (skip larger ones)

    def left(self):
        return self.deadline - time.monotonic()

    def timeout(self):
        return max(1.0, min(self.a.timeout, self.left()))

    def note_cmd(self, tool, cmd):
        self.commands.setdefault(tool, [])
        line = " ".join(cmd)
        if len(self.commands[tool]) < 3 and line not in self.commands[tool]:
            self.commands[tool].append(line)

    def skip_reason(self, tool, family):
        if self.left() <= 0:
            return "skipped: time budget of the run spent"
        if (tool, family) in self.timed_out_at:
            return f"skipped: timed out at {self.timed_out_at[(tool, family)]}"
        return None

    def record(self, case, tool, family, **kw):
        case.results[tool] = kw
        err = kw.get("error", "")
        if err.startswith("fails: timeout"):
            self.timed_out_at[(tool, family)] = case.name
        print(f"  {tool:16s} {err or kw.get('value')}"
              f"{'' if err else '  run ' + fmt_s(kw.get('run'))}", flush=True)

    # metalfpga: cold (--no-cache), a cache fill, then warm (cache hit)
    def metalfpga(self, case, family):
        tool = "metalfpga"
        why = self.skip_reason(tool, family)
        if why:
            return self.record(case, tool, family, error=why)
        base = [self.a.cli, "--run", "--profile", "--top", case.top]
        base += [f"-D{d}" for d in case.defines] + case.files + case.plusargs
        cache = os.path.join(WORK, "cache")
        os.makedirs(cache, exist_ok=True)
        env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=cache)
        cold = run(base + ["--no-cache"], case.cwd, self.timeout(), env)
        self.note_cmd(tool, base + ["--no-cache"])
        if not cold.ok:
            return self.record(case, tool, family, error="fails: " + cold.first_error())
        fill = run(base, case.cwd, self.timeout(), env)
        warm = run(base, case.cwd, self.timeout(), env) if fill.ok else fill
        if not warm.ok:
            return self.record(case, tool, family, error="fails: " + warm.first_error())
        m_cold, m_warm = PROFILE_SIM_RE.search(cold.stderr), PROFILE_SIM_RE.search(warm.stderr)
        sim = float(m_warm.group(1)) / 1000 if m_warm else warm.wall
        sim_cold = float(m_cold.group(1)) / 1000 if m_cold else 0.0
        self.record(case, tool, family, compile=max(0.0, cold.wall - sim_cold),
                    compile_warm=max(0.0, warm.wall - sim), run=sim, rss=warm.maxrss_kb,
                    rss_compile=cold.maxrss_kb, value=value_of(warm.stdout), cpu=warm.cpu,
                    cycles=cycles_of(warm.stdout))

    def icarus_run(self, case, family):
        tool = "icarus"
        if not self.icarus:
            return self.record(case, tool, family, error="skipped: iverilog/vvp not installed")
        why = self.skip_reason(tool, family)
        if why:
            return self.record(case, tool, family, error=why)
        vvp = os.path.join(WORK, "sim.vvp")
        cc = ["iverilog", "-o", vvp, "-s", case.top] + [f"-D{d}" for d in case.defines]
        cc += case.files
        c = run(cc, case.cwd, self.timeout())
        self.note_cmd("icarus", cc)
        if not c.ok:
            return self.record(case, tool, family, error="fails: " + c.first_error())
        rc = ["vvp", "-n", vvp] + case.plusargs
        r = run(rc, case.cwd, self.timeout())
        self.note_cmd("icarus", rc)
        if not r.ok:
            return self.record(case, tool, family, error="fails: " + r.first_error())
        self.record(case, tool, family, compile=c.wall, run=r.wall, rss=r.maxrss_kb,
                    value=value_of(r.stdout), cpu=r.cpu, cycles=cycles_of(r.stdout))

    def verilator_run(self, case, family, threads):
        tool = "verilator" if threads == 1 else f"verilator-t{threads}"
        if not self.verilator:
            return self.record(case, tool, family, error="skipped: verilator not installed")
        why = self.skip_reason(tool, family)
        if why:
            return self.record(case, tool, family, error=why)
        mdir = os.path.join(WORK, f"obj_{tool}")
        shutil.rmtree(mdir, ignore_errors=True)
        cc = ["verilator", "--binary", "-O3", "-Wno-fatal", "-Wno-lint", "-Wno-style",
              "--Mdir", mdir, "--top-module", case.top, "-j", str(self.cores)]
        if threads > 1:
            cc += ["--threads", str(threads)]
        cc += [f"-D{d}" for d in case.defines] + case.files
        c = run(cc, case.cwd, self.timeout())
        self.note_cmd(tool, cc)
        if not c.ok:
            return self.record(case, tool, family, error="fails: " + c.first_error())
        rc = [os.path.join(mdir, "V" + case.top)] + case.plusargs
        r = run(rc, case.cwd, self.timeout())
        if not r.ok:
            return self.record(case, tool, family, error="fails: " + r.first_error())
        self.record(case, tool, family, compile=c.wall, run=r.wall, rss=r.maxrss_kb,
                    value=value_of(r.stdout), cpu=r.cpu, cycles=cycles_of(r.stdout))

    def run_case(self, case, family, verilator_threads):
        print(f"{case.name}", flush=True)
        self.icarus_run(case, family)
        self.metalfpga(case, family)
        for t in verilator_threads:
            self.verilator_run(case, family, t)
        self.check(case)

    def check(self, case):
        values = {t: r["value"] for t, r in case.results.items() if r.get("value") is not None}
        for t, r in case.results.items():
            if "error" not in r and r.get("value") is None:
                self.failures.append(f"{case.name}: {t} printed no result value")
        if case.expected:
            for t, v in values.items():
                if v != case.expected:
                    self.failures.append(f"{case.name}: {t} gives {v}, expected {case.expected}")
        elif len(set(values.values())) > 1:
            self.failures.append(f"{case.name}: outputs disagree: {values}")
        if "error" in case.results.get("icarus", {}) and self.icarus:
            if not case.results["icarus"]["error"].startswith("skipped"):
                self.failures.append(f"{case.name}: icarus {case.results['icarus']['error']}")
        mf = case.results.get("metalfpga", {})
        if case.must_run_metalfpga and mf.get("error", "").startswith("fails"):
            if not mf["error"].startswith("fails: timeout"):
                self.failures.append(f"{case.name}: metalfpga {mf['error']}")
        case.agree = not any(f.startswith(case.name + ":") for f in self.failures)


# --- the designs -----------------------------------------------------------------------------

def parse_designs_readme(folder):
    """Rows of the README table: folder, top, files, plusarg name/default, expected values."""
    rows = []
    with open(os.path.join(folder, "README.md"), encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 6 or not os.path.isdir(os.path.join(folder, cells[0])):
                continue
            name, top, files, plusarg, expected = cells[:5]
            m = re.search(r"`\+(\w+)=N`\s*\((\d+)\)", plusarg)
            if not m:
                continue
            exp = {}
            m0 = VALUE_RE.search(expected)
            if m0:
                exp[int(m.group(2))] = m0.group(2).lower()
            for n, v in re.findall(r"N=(\d+):\s*`([0-9a-fA-F]+)`", expected):
                exp[int(n)] = v.lower()
            define = re.search(r"`-D(\w+)=N`\s*\((\d+)\)", files)
            rows.append(dict(name=name, top=top, files=re.findall(r"[\w.]+\.v\b", files),
                             plusarg=m.group(1), default=int(m.group(2)), expected=exp,
                             define=(define.group(1), int(define.group(2))) if define else None))
    return rows


# Quick mode sizes: a known answer where the README gives one at a small size.
QUICK_N = {"picorv32": 10, "sha256": 2, "aes": 1, "synth": 200}
QUICK_DEFINE = 16


def pipes_expected(pipes, stages, cycles):
    """Reference model of gen_pipelines.py's design: the checksum its testbench prints."""
    mask = 0xFFFFFFFF

    def f(k, q):
        rot = 1 + (7 * k + 3) % 31
        xk = (0x9E3779B9 * (k + 1)) & mask
        ak = (0x7F4A7C15 * (k + 3)) & mask
        return ((((q << rot) | (q >> (32 - rot))) & mask) ^ xk) + ak & mask

    total = 0
    for i in range(pipes):
        seed, inc = (0x9E3779B9 * (i + 1)) & mask, 2 * i + 1
        q = [0] * stages
        for _ in range(cycles - 1):
            q = [(q[0] + inc + seed) & mask] + [f(k, q[k]) for k in range(stages - 1)]
        total ^= f(stages - 1, q[stages - 1])
    return f"{total:08x}"


# --- report ----------------------------------------------------------------------------------

def machine():
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    gpu = "none (nvidia-smi absent)"
    if shutil.which("nvidia-smi"):
        p = subprocess.run(["nvidia-smi", "-L"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        gpu = p.stdout.decode(errors="replace").strip().replace("\n", "; ") or "none found"
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            mem = f"{int(f.readline().split()[1]) / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return cpu, os.cpu_count(), mem, gpu


def tool_version(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        return p.stdout.decode(errors="replace").strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "absent"


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "-"


def cell(r, key, fmt):
    if "error" in r:
        return r["error"] if key == "run" else ""
    return fmt(r.get(key))


def write_report(bench, cases, compile_case, path, plots):
    a = bench.a
    cpu, cores, mem, gpu = machine()
    tools = ["metalfpga", "icarus", "verilator", f"verilator-t{bench.cores}"]
    L = []
    w = L.append
    w("# Benchmarks")
    w("")
    w(f"Made by `bench/run.py{' --quick' if a.quick else ''}` on "
      f"{datetime.date.today().isoformat()}. Every number of a table comes from the same run, so "
      "ratios compare tools under the same machine load. Run time is the simulation alone "
      "(metalfpga: the `simulation` stage of `--profile` with a cached model; Icarus: `vvp`; "
      "Verilator: the built binary), wall clock. Ratios are metalfpga time / other time: "
      "below 1 means metalfpga is faster.")
    w("")
    w("## Machine")
    w("")
    w(f"- CPU: {cpu}, {cores} cores; memory {mem}")
    w(f"- GPU: {gpu} (the runs below use the CPU backend only)")
    w(f"- metalfpga: `{tool_version([a.cli, '--version'])}`, model compiled by the host C++ "
      "compiler at -O1")
    w(f"- Icarus: `{tool_version(['iverilog', '-V'])}`")
    w(f"- Verilator: `{tool_version(['verilator', '--version'])}`")
    w(f"- Python {platform.python_version()}; machine shared with other work while it ran "
      "(timings are noisy; CPU seconds are shown beside wall seconds where they matter)")
    w("- Peak memory: maximum resident set of the run (`/usr/bin/time -f %M`, else `wait4`); for "
      "metalfpga the warm run. Cycles of a shared design: the `cycles=` its testbench prints.")
    w("")

    def design_table(title, rows, with_events):
        w(f"## {title}")
        w("")
        hdr = "| design | tool | compile (cold) | compile (warm) | run | run CPU | cycles/s |"
        sep = "|---|---|---|---|---|---|---|"
        if with_events:
            hdr += " events/s |"
            sep += "---|"
        w(hdr + " peak memory (run) | result |")
        w(sep + "---|---|")
        for c in rows:
            for t in tools:
                r = c.results.get(t)
                if r is None:
                    continue
                if "error" in r:
                    line = f"| {c.name} | {t} | {r['error']} | | | | |"
                    w(line + (" |" if with_events else "") + " | |")
                    continue
                cyc = c.cycles or r.get("cycles")
                cps = cyc / r["run"] if cyc and r["run"] else None
                line = (f"| {c.name} | {t} | {fmt_s(r['compile'])} | "
                        f"{fmt_s(r.get('compile_warm'))} | {fmt_s(r['run'])} | "
                        f"{fmt_s(r['cpu'])} | {fmt_rate(cps)} |")
                if with_events:
                    eps = cps * c.events_per_cycle if cps and c.events_per_cycle else None
                    line += f" {fmt_rate(eps)} |"
                w(line + f" {fmt_mb(r['rss'])} | `{r['value']}` |")
        w("")

    def ratio_table(rows):
        vt = f"verilator-t{bench.cores}"
        w("| design | outputs agree | run: metalfpga/Icarus | run: metalfpga/Verilator | "
          f"run: metalfpga/Verilator --threads {bench.cores} | compile cold: metalfpga/Icarus | "
          "compile cold: metalfpga/Verilator |")
        w("|---|---|---|---|---|---|---|")
        for c in rows:
            m, i = c.results.get("metalfpga", {}), c.results.get("icarus", {})
            v, vm = c.results.get("verilator", {}), c.results.get(vt, {})
            agree = "yes" if c.agree else "**NO**"
            if "error" in m or not m:
                w(f"| {c.name} | {agree} | metalfpga {m.get('error', 'not run')} | | | | |")
                continue
            w(f"| {c.name} | {agree} | {ratio(m['run'], i.get('run'))} | "
              f"{ratio(m['run'], v.get('run'))} | {ratio(m['run'], vm.get('run'))} | "
              f"{ratio(m['compile'], i.get('compile'))} | "
              f"{ratio(m['compile'], v.get('compile'))} |")
        w("")

    pipes = [c for c in cases if c.name.startswith("pipes")]
    shared = [c for c in cases if not c.name.startswith("pipes")]
    w("## Ratios")
    w("")
    ratio_table(pipes + shared)
    design_table("Pipeline family: simulated events per second", pipes, True)
    w("The pipeline family is `bench/gen_pipelines.py --pipes N --stages 4` run for `-DCYCLES=C`"
      " clocks. Every flip-flop and every continuous assignment changes value on every clock "
      "once the pipelines have filled, so the event count per clock is known exactly: "
      f"{gen_pipelines.EVENTS_FORMULA}. events/s = cycles/s x (3*N*S + 4). The checksum "
      "is also checked against a reference model in `bench/run.py`.")
    w("")
    design_table("Shared designs (`../shared/designs`)", shared, False)
    if compile_case:
        w("## Compile time of a small design")
        w("")
        c = compile_case
        lines = sum(1 for _ in open(os.path.join(c.cwd, c.files[0])))
        w(f"`tests/verilog/sim/{c.files[0]}` ({lines} lines, also a golden test). metalfpga cold "
          "= `--run --no-cache` (parse, elaborate, generate, g++, load, simulate); warm = "
          "`--run` with the model in the pipeline cache. Icarus = `iverilog` (+ `vvp`), "
          "Verilator = `verilator --binary -O3` (the C++ build included).")
        w("")
        w("| tool | compile (cold) | compile + run, warm | run |")
        w("|---|---|---|---|")
        for t in tools:
            r = c.results.get(t)
            if not r:
                continue
            if "error" in r:
                w(f"| {t} | {r['error']} | | |")
                continue
            warm = (r.get("compile_warm") or 0) + r["run"] if t == "metalfpga" else None
            w(f"| {t} | {fmt_s(r['compile'])} | {fmt_s(warm)} | {fmt_s(r['run'])} |")
        w("")
    if plots:
        w("## Plots")
        w("")
        for p in plots:
            w(f"![{os.path.basename(p)}]({os.path.relpath(p, os.path.dirname(path))})")
        w("")
    else:
        w("Plots: not made (matplotlib is not installed for this Python).")
        w("")
    w("## Commands")
    w("")
    w("Designs run in their own folder (the testbenches read memory images by relative path); "
      "outputs go to the work folder. Examples of the exact command lines:")
    w("")
    w("```")
    for t, cmds in bench.commands.items():
        for cmd in cmds:
            w(cmd.replace(WORK, "$WORK").replace(REPO + "/", "").replace(SHARED, "$SHARED"))
    w("```")
    w("")
    w("metalfpga runs with `METALFPGA_PIPELINE_ARCHIVE=$WORK/cache`; peak memory is the "
      "maximum resident set of the process and its children (`wait4`).")
    if bench.failures:
        w("")
        w("## Disagreements")
        w("")
        for f in bench.failures:
            w(f"- {f}")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(L) + "\n")


def make_plots(bench, cases, out_dir):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    pipes = [c for c in cases if c.name.startswith("pipes")]
    fig, ax = plt.subplots(figsize=(7, 4))
    for t in ["metalfpga", "icarus", "verilator", f"verilator-t{bench.cores}"]:
        pts = [(c.pipes, c.cycles * c.events_per_cycle / c.results[t]["run"]) for c in pipes
               if t in c.results and "error" not in c.results[t] and c.results[t]["run"] > 0]
        if pts:
            ax.plot(*zip(*pts), marker="o", label=t)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xlabel("pipelines N (4 stages each)")
    ax.set_ylabel("simulated events per second")
    ax.legend()
    ax.grid(True, which="both", alpha=0.3)
    path = os.path.join(out_dir, "benchmarks-events.png")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    return [path]


# --- main ------------------------------------------------------------------------------------

def find_cli():
    for d in ("build", "build-bench"):
        p = os.path.join(REPO, d, "metalfpga_cli")
        if os.path.exists(p):
            return p
    return shutil.which("metalfpga_cli")


def main():
    global WORK, SHARED
    ap = argparse.ArgumentParser(description="metalfpga vs Icarus vs Verilator benchmark driver")
    ap.add_argument("--quick", action="store_true",
                    help="small sizes, CPU only, Verilator single thread on the pipeline family "
                         "only (a test: checks that outputs agree)")
    ap.add_argument("--cli", default=os.environ.get("METALFPGA_CLI") or find_cli(),
                    help="metalfpga_cli to run (default: $METALFPGA_CLI, build/metalfpga_cli)")
    ap.add_argument("--designs", default=os.path.join(REPO, "..", "shared", "designs"),
                    help="folder of the shared designs (default: ../shared/designs)")
    ap.add_argument("--work", default=os.path.join(REPO, "build", "bench-work"),
                    help="work folder for generated files, builds and the model cache")
    ap.add_argument("--out", help="report file (default: docs/benchmarks.md; with --quick: "
                                  "WORK/benchmarks.md)")
    ap.add_argument("--sizes", help="pipeline counts, comma separated (default: quick 16,64; "
                                    "full 16,256,4096,16384)")
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds per command (default: quick 120, full 240)")
    ap.add_argument("--budget", type=float, default=None,
                    help="seconds for the whole run; later commands are skipped (default: "
                         "quick 280, full 1800)")
    ap.add_argument("--no-verilator", action="store_true", help="do not run Verilator")
    ap.add_argument("--no-shared", action="store_true", help="skip ../shared/designs")
    a = ap.parse_args()
    a.timeout = a.timeout or (120 if a.quick else 240)
    a.budget = a.budget or (280 if a.quick else 1800)
    if not a.cli or not os.path.exists(a.cli):
        sys.exit("metalfpga_cli not found: pass --cli")
    a.cli = os.path.abspath(a.cli)
    WORK = os.path.abspath(a.work)
    SHARED = os.path.abspath(a.designs)
    os.makedirs(WORK, exist_ok=True)
    out = a.out or (os.path.join(WORK, "benchmarks.md") if a.quick
                    else os.path.join(REPO, "docs", "benchmarks.md"))
    bench = Bench(a)
    if a.no_verilator:
        bench.verilator = None
    if not bench.verilator:
        print("note: verilator not found: its columns are skipped")
    cores = bench.cores
    cases = []

    # The pipeline family: size N, cycles chosen so that N * cycles stays about constant.
    sizes = [int(s) for s in (a.sizes or ("16,64" if a.quick else "16,256,4096,16384"))
             .split(",")]
    work_units = 16 * 200 if a.quick else 16 * 16000
    stages = 4
    def pipes_case(n):
        cycles = max(20, work_units // n)
        src = os.path.join(WORK, f"pipes_{n}.v")
        with open(src, "w") as f:
            f.write(gen_pipelines.generate(n, stages))
        c = Case(f"pipes N={n}", WORK, [src], "bench_pipes", defines=[f"CYCLES={cycles}"],
                 cycles=cycles, events_per_cycle=gen_pipelines.events_per_cycle(n, stages),
                 expected=pipes_expected(n, stages, cycles), must_run_metalfpga=True)
        c.pipes = n
        vthreads = [1] if a.quick else ([1, cores] if cores > 1 else [1])
        bench.run_case(c, "pipes", vthreads)
        cases.append(c)

    # Small pipeline sizes first, then the shared designs and the compile-time case, then the
    # large sizes: when the time budget runs out, only the largest sizes are cut.
    for n in sizes:
        if n <= 1024:
            pipes_case(n)

    # The shared designs, as their README describes them.
    if not a.no_shared and os.path.isdir(SHARED):
        for d in parse_designs_readme(SHARED):
            n = QUICK_N.get(d["name"], 1) if a.quick else d["default"]
            defines = []
            exp = d["expected"].get(n)
            label = f"{d['name']} +{d['plusarg']}={n}"
            if d["define"]:
                dn, dv = d["define"]
                dv = QUICK_DEFINE if a.quick else dv
                defines.append(f"{dn}={dv}")
                label += f" {dn}={dv}"
                if dv != d["define"][1]:
                    exp = None
            c = Case(label, os.path.join(SHARED, d["name"]), d["files"], d["top"],
                     defines=defines, plusargs=[f"+{d['plusarg']}={n}"], expected=exp)
            vthreads = [] if a.quick else ([1, cores] if cores > 1 else [1])
            bench.run_case(c, "shared-" + d["name"], vthreads)
            cases.append(c)
    elif not a.no_shared:
        print(f"note: {SHARED} not found: shared designs skipped")

    # Compile time of a ~100-line design (also a golden simulation test).
    compile_case = None
    if not a.quick:
        compile_case = Case("regfile_alu", os.path.join(REPO, "tests", "verilog", "sim"),
                            ["regfile_alu.v"], "top")
        print("compile time: regfile_alu.v")
        bench.icarus_run(compile_case, "compile")
        bench.metalfpga(compile_case, "compile")
        bench.verilator_run(compile_case, "compile", 1)

    for n in sizes:
        if n > 1024:
            pipes_case(n)
    cases.sort(key=lambda c: (not c.name.startswith("pipes"), getattr(c, "pipes", 0)))

    plots = [] if a.quick else make_plots(bench, cases, os.path.dirname(os.path.abspath(out)))
    write_report(bench, cases, compile_case, out, plots)
    print(f"report: {out}")
    for f in bench.failures:
        print("FAIL:", f)
    return 1 if bench.failures else 0


WORK = SHARED = ""
TIME_BIN = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
if __name__ == "__main__":
    sys.exit(main())
