#!/usr/bin/env python3
"""Benchmark driver: metalfpga against Icarus Verilog and Verilator on the same machine, same run.

For each design of ../shared/designs (described by its README.md table) and for the scalable
pipeline family made by bench/gen_pipelines.py, runs

  metalfpga   metalfpga_cli --run (CPU backend): cold (--no-pipeline-load) and warm (cache hit)
  Icarus      iverilog, then vvp -n
  Verilator   verilator --binary -O3, single thread and --threads <cores> (skipped when absent)

and batches of one pipeline design: metalfpga --count N (CPU backend on all cores; CUDA backend
when a GPU is present) against N Icarus and N Verilator processes run by a pool of <cores>
workers, as aggregate instance-cycles per second.

checks that every output agrees (the value after result=, digest= or checksum=, and the
expected value where one is known), and writes a Markdown report (docs/benchmarks.md by
default) with compile times, run times, simulated cycles and events per second, peak memory
and the ratios metalfpga/Icarus and metalfpga/Verilator. A tool that fails is recorded as
"fails: <first error line>"; it does not stop the run.

--save-json FILE keeps every measurement of the run (e.g. on a GPU machine without Icarus or
Verilator: --gpu-only); --merge-json FILE adds such a file's measurements to the report of a
later run, marked with the machine they come from. Every run also keeps its measurements in
WORK/measured.pickle: --report-only writes the report again from them (with this call's
--merge-json files) without measuring anything.

Exit status: 1 when two outputs disagree, an output differs from the known answer, or Icarus
fails on a design (or metalfpga on the pipeline family, which it supports); otherwise 0.
"""
import argparse
import datetime
import json
import os
import pickle
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
import plot  # noqa: E402

VALUE_RE = re.compile(r"\b(result|digest|checksum)=([0-9a-fA-FxXzZ]+)")
BATCH_LINE_RE = re.compile(r"\[(\d+)\] ")
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


class Batch:
    """One --count: results per tool (metalfpga-cpu, metalfpga-cuda, icarus, verilator)."""

    def __init__(self, count):
        self.count = count
        self.results = {}  # tool -> dict(run, wall, cpu, done, rate, agree) or dict(error)


class Bench:
    def __init__(self, args):
        self.a = args
        self.deadline = time.monotonic() + args.budget
        self.cores = os.cpu_count() or 1
        self.verilator = shutil.which("verilator") if "verilator" in args.tools else None
        self.icarus = (shutil.which("iverilog") and shutil.which("vvp")
                       if "icarus" in args.tools else None)
        self.built = {}  # (tool, cwd, files, defines) -> built artifact (vvp file, binary)
        self.gpu = None
        self.failures = []
        self.commands = {}  # tool -> example command lines
        self.timed_out_at = {}  # tool -> case name where a command timed out (skip larger ones)
        self.batch_rate = {}  # tool -> instance-cycles/s of its last batch (predicts the next)
        self.batch_dead = {}  # tool -> why its larger batches are skipped

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

    # metalfpga: cold (compiled, not read from the cache, stored in it), then warm (cache hit)
    def metalfpga(self, case, family, extra=(), tool="metalfpga"):
        why = self.skip_reason(tool, family)
        if why:
            return self.record(case, tool, family, error=why)
        if "metalfpga" not in self.a.tools:
            return None
        base = [self.a.cli, "--run", "--profile", "--backend", "cpu", "--top", case.top]
        base += [f"-D{d}" for d in case.defines] + case.files + case.plusargs + list(extra)
        cache = os.path.join(WORK, "cache")
        os.makedirs(cache, exist_ok=True)
        env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=cache)
        cold = run(base + ["--no-pipeline-load"], case.cwd, self.timeout(), env)
        self.note_cmd(tool, base + ["--no-pipeline-load"])
        if not cold.ok:
            return self.record(case, tool, family, error="fails: " + cold.first_error())
        warm, sim = None, None
        for _ in range(self.a.repeat):  # the best of --repeat warm runs
            w_run = run(base, case.cwd, self.timeout(), env)
            if not w_run.ok:
                return self.record(case, tool, family, error="fails: " + w_run.first_error())
            m_warm = PROFILE_SIM_RE.search(w_run.stderr)
            w_sim = float(m_warm.group(1)) / 1000 if m_warm else w_run.wall
            if sim is None or w_sim < sim:
                warm, sim = w_run, w_sim
        m_cold = PROFILE_SIM_RE.search(cold.stderr)
        sim_cold = float(m_cold.group(1)) / 1000 if m_cold else 0.0
        self.record(case, tool, family, compile=max(0.0, cold.wall - sim_cold),
                    compile_warm=max(0.0, warm.wall - sim), run=sim, rss=warm.maxrss_kb,
                    rss_compile=cold.maxrss_kb, value=value_of(warm.stdout), cpu=warm.cpu,
                    cycles=cycles_of(warm.stdout))

    def build_key(self, tool, case):
        return (tool, case.cwd, tuple(case.files), tuple(case.defines), case.top)

    def icarus_build(self, case):
        """iverilog for this case (once per sources and defines): (vvp file, Run) or (None, Run)."""
        key = self.build_key("icarus", case)
        if key in self.built:
            return self.built[key]
        vvp = os.path.join(WORK, f"sim{len(self.built)}.vvp")
        cc = ["iverilog", "-o", vvp, "-s", case.top] + [f"-D{d}" for d in case.defines]
        cc += case.files
        c = run(cc, case.cwd, self.timeout())
        self.note_cmd("icarus", cc)
        self.built[key] = (vvp if c.ok else None, c)
        return self.built[key]

    def icarus_run(self, case, family):
        tool = "icarus"
        if "icarus" not in self.a.tools:
            return None
        if not self.icarus:
            return self.record(case, tool, family, error="skipped: iverilog/vvp not installed")
        why = self.skip_reason(tool, family)
        if why:
            return self.record(case, tool, family, error=why)
        vvp, c = self.icarus_build(case)
        if not vvp:
            return self.record(case, tool, family, error="fails: " + c.first_error())
        rc = ["vvp", "-n", vvp] + case.plusargs
        r = run(rc, case.cwd, self.timeout())
        self.note_cmd("icarus", rc)
        if not r.ok:
            return self.record(case, tool, family, error="fails: " + r.first_error())
        self.record(case, tool, family, compile=c.wall, run=r.wall, rss=r.maxrss_kb,
                    value=value_of(r.stdout), cpu=r.cpu, cycles=cycles_of(r.stdout))

    def verilator_build(self, case, threads):
        """verilator --binary for this case (once per sources, defines and threads)."""
        tool = "verilator" if threads == 1 else f"verilator-t{threads}"
        key = self.build_key(tool, case)
        if key in self.built:
            return self.built[key]
        mdir = os.path.join(WORK, f"obj_{tool}_{len(self.built)}")
        shutil.rmtree(mdir, ignore_errors=True)
        cc = ["verilator", "--binary", "-O3", "-Wno-fatal", "-Wno-lint", "-Wno-style",
              "--Mdir", mdir, "--top-module", case.top, "-j", str(self.cores)]
        if threads > 1:
            cc += ["--threads", str(threads)]
        cc += [f"-D{d}" for d in case.defines] + case.files
        c = run(cc, case.cwd, self.timeout())
        self.note_cmd(tool, cc)
        self.built[key] = (os.path.join(mdir, "V" + case.top) if c.ok else None, c)
        return self.built[key]

    def verilator_run(self, case, family, threads):
        tool = "verilator" if threads == 1 else f"verilator-t{threads}"
        if "verilator" not in self.a.tools:
            return None
        if not self.verilator:
            return self.record(case, tool, family, error="skipped: verilator not installed")
        why = self.skip_reason(tool, family)
        if why:
            return self.record(case, tool, family, error=why)
        binary, c = self.verilator_build(case, threads)
        if not binary:
            return self.record(case, tool, family, error="fails: " + c.first_error())
        rc = [binary] + case.plusargs
        r = None
        for _ in range(self.a.repeat):  # the best of --repeat runs, as for metalfpga
            one = run(rc, case.cwd, self.timeout())
            if not one.ok:
                return self.record(case, tool, family, error="fails: " + one.first_error())
            if r is None or one.wall < r.wall:
                r = one
        self.record(case, tool, family, compile=c.wall, run=r.wall, rss=r.maxrss_kb,
                    value=value_of(r.stdout), cpu=r.cpu, cycles=cycles_of(r.stdout))

    def run_case(self, case, family, verilator_threads):
        print(f"{case.name}", flush=True)
        self.icarus_run(case, family)
        self.metalfpga(case, family)
        if self.a.two_state:  # X/Z read as 0, as Verilator runs
            self.metalfpga(case, family, ["--2state"], "metalfpga-2state")
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

    # --- batches: metalfpga --count N against a pool of N processes ---------------------------

    def batch_skip(self, tool, count, cycles):
        """Why a batch of `count` instances is not run for `tool` (None: run it)."""
        if self.left() <= 5:
            return "skipped: time budget of the run spent"
        if tool in self.batch_dead:
            return f"skipped: {self.batch_dead[tool]}"
        rate = self.batch_rate.get(tool)
        if rate and tool.startswith("metalfpga"):
            need = count * cycles / rate
            if need > min(self.a.timeout, self.left()):
                return (f"skipped: about {need:.0f} s at the rate measured for a smaller batch, "
                        "over the time left")
        return None

    def batch_record(self, batch, tool, **kw):
        batch.results[tool] = kw
        err = kw.get("error", "")
        if err.startswith("fails"):
            self.batch_dead[tool] = f"failed at --count {batch.count}"
        elif "rate" in kw and kw["rate"]:
            self.batch_rate[tool] = kw["rate"]
        done = "" if kw.get("done", batch.count) == batch.count else f" ({kw['done']} run)"
        print(f"  {tool:16s} {err or fmt_rate(kw.get('rate')) + ' instance-cycles/s' + done}",
              flush=True)

    def metalfpga_batch(self, case, batch, backend):
        """metalfpga --count N on one backend, with a warm pipeline cache."""
        tool = f"metalfpga-{backend}"
        why = self.batch_skip(tool, batch.count, case.cycles)
        if why:
            return self.batch_record(batch, tool, error=why)
        cmd = [self.a.cli, "--run", "--profile", "--backend", backend, "--count",
               str(batch.count), "--top", case.top]
        if backend == "cpu":
            cmd += ["--threads", str(self.cores)]
        cmd += [f"-D{d}" for d in case.defines] + case.files + case.plusargs
        env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=os.path.join(WORK, "cache"))
        if (tool, case.name) not in self.built:  # fill the cache: the batch runs warm
            fill = run(cmd[:cmd.index("--count") + 1] + ["1"] + cmd[cmd.index("--count") + 2:],
                       case.cwd, self.timeout(), env)
            self.built[(tool, case.name)] = fill
            if not fill.ok:
                return self.batch_record(batch, tool, error="fails: " + fill.first_error())
        r = run(cmd, case.cwd, self.timeout(), env)
        self.note_cmd(tool, cmd)
        if not r.ok:
            return self.batch_record(batch, tool, error="fails: " + r.first_error())
        m = PROFILE_SIM_RE.search(r.stderr)
        sim = float(m.group(1)) / 1000 if m else r.wall
        values = {}
        for line in r.stdout.splitlines():
            mk = BATCH_LINE_RE.match(line)
            v = value_of(line)
            if v is not None:
                values[int(mk.group(1)) if mk else 0] = v
        self.batch_record(batch, tool, run=sim, wall=r.wall, cpu=r.cpu, rss=r.maxrss_kb,
                          done=batch.count, rate=batch.count * case.cycles / sim if sim else None,
                          **self.batch_agreement(batch.count, values, case.expected))

    def batch_agreement(self, count, values, expected):
        """values: instance -> result. Every instance must print the expected result."""
        bad = [k for k in range(count) if values.get(k) != expected]
        if not bad:
            return dict(agree=True)
        k = bad[0]
        return dict(agree=False, mismatch=f"{len(bad)} of {count} instances wrong or missing "
                                          f"(instance {k}: {values.get(k)}, expected {expected})")

    def pool_batch(self, case, batch, tool, cmd, slice_s):
        """N processes of `cmd`, `cores` at a time; new ones start only within slice_s seconds
        (then the rate is that of the instances run)."""
        why = self.batch_skip(tool, batch.count, case.cycles)
        if why:
            return self.batch_record(batch, tool, error=why)
        self.note_cmd(tool + " (pool)", cmd)
        lock = threading.Lock()
        state = dict(next=0, values={}, error=None)
        t0 = time.monotonic()
        stop = t0 + slice_s
        ru0 = os.times()

        def worker():
            while True:
                with lock:
                    i = state["next"]
                    if i >= batch.count or time.monotonic() > stop or state["error"]:
                        return
                    state["next"] = i + 1
                try:
                    p = subprocess.run(cmd, cwd=case.cwd, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                       timeout=max(1.0, stop + self.a.timeout - time.monotonic()))
                    out = p.stdout.decode(errors="replace")
                    err = None if p.returncode == 0 else f"exit status {p.returncode}: " + \
                        (out.strip().splitlines() or [""])[-1][:120]
                except subprocess.TimeoutExpired:
                    out, err = "", "timeout"
                with lock:
                    state["values"][i] = value_of(out)
                    if err and not state["error"]:
                        state["error"] = err

        workers = [threading.Thread(target=worker) for _ in range(self.cores)]
        for t in workers:
            t.start()
        for t in workers:
            t.join()
        wall = time.monotonic() - t0
        ru1 = os.times()
        cpu = (ru1.children_user - ru0.children_user) + (ru1.children_system - ru0.children_system)
        if state["error"]:
            return self.batch_record(batch, tool, error="fails: " + state["error"])
        done = len(state["values"])
        agree = self.batch_agreement(done, state["values"], case.expected)
        self.batch_record(batch, tool, run=wall, wall=wall, cpu=cpu, done=done,
                          rate=done * case.cycles / wall if wall else None, **agree)

    def run_batch(self, case, count, backends):
        batch = Batch(count)
        print(f"batch --count {count} ({case.name})", flush=True)
        for backend in backends:
            self.metalfpga_batch(case, batch, backend)
        peers = []
        if self.icarus:
            vvp, c = self.icarus_build(case)
            peers.append(("icarus", ["vvp", "-n", vvp] if vvp else None, c))
        elif "icarus" in self.a.tools:
            batch.results["icarus"] = dict(error="skipped: iverilog/vvp not installed")
        if self.verilator:
            binary, c = self.verilator_build(case, 1)
            peers.append(("verilator", [binary] if binary else None, c))
        elif "verilator" in self.a.tools:
            batch.results["verilator"] = dict(error="skipped: verilator not installed")
        for tool, cmd, c in peers:
            if not cmd:
                self.batch_record(batch, tool, error="fails: " + c.first_error())
                continue
            # each peer gets a share of the time left, at most the per-command timeout
            slice_s = max(5.0, min(self.a.timeout, self.a.batch_slice, self.left() / 2))
            self.pool_batch(case, batch, tool, cmd + case.plusargs, slice_s)
        for tool, r in batch.results.items():
            if r.get("agree") is False:
                self.failures.append(f"batch --count {count}: {tool}: {r['mismatch']}")
        return batch


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
        gpu = re.sub(r" \(UUID: [^)]*\)", "", gpu)
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


def merged_tool(tool, label):
    return f"{tool} [{label}]"


def batch_tables(bench, case, batches, merged, w):
    """The batch section: instance-cycles per second of every tool and count, and the ratios."""
    order = ["metalfpga-cpu", "metalfpga-cuda", "icarus", "verilator"]
    for b in batches:
        order += [t for t in b.results if t not in order]
    w("")
    w(f"## Batches: aggregate instance-cycles per second ({case.name}, {case.cycles} cycles "
      "per instance)")
    w("")
    w(f"metalfpga runs one process with `--count N` (CPU backend: `--threads {bench.cores}`; "
      "CUDA backend: one GPU thread per instance) and a warm pipeline cache; its time is the "
      "`simulation` stage of `--profile` (wall: the whole command). Icarus (`vvp -n`) and "
      f"Verilator (single-thread binary) run N processes, {bench.cores} at a time (a pool of "
      f"{bench.cores} workers, one per core), timed from the first start to the last exit. "
      "Instance-cycles per second = instances run x cycles per instance / time. Every "
      "instance's result (metalfpga: the lines of instance k > 0 start with `[k] `) is "
      "checked against the reference model. Where a pool's share of the time budget ran out, "
      "it started no more processes and its rate is that of the instances it ran "
      "(`instances run` < N); a metalfpga batch predicted from a smaller one to overrun the "
      "time left is skipped.")
    w("")
    w("| --count N | tool | instances run | time | wall | CPU | instance-cycles/s | "
      "all instances agree |")
    w("|---|---|---|---|---|---|---|---|")
    for b in batches:
        for t in order:
            r = b.results.get(t)
            if r is None:
                continue
            if "error" in r:
                w(f"| {b.count} | {t} | {r['error']} | | | | | |")
                continue
            agree = "yes" if r.get("agree") else f"**NO**: {r.get('mismatch', '')}"
            w(f"| {b.count} | {t} | {r['done']} | {fmt_s(r['run'])} | {fmt_s(r.get('wall'))} | "
              f"{fmt_s(r.get('cpu'))} | {fmt_rate(r.get('rate'))} | {agree} |")
    w("")
    w("Throughput ratios (metalfpga instance-cycles/s divided by the other's; above 1 means "
      "metalfpga is faster):")
    w("")
    w("| --count N | metalfpga | / Icarus processes | / Verilator processes |")
    w("|---|---|---|---|")
    for b in batches:
        i, v = b.results.get("icarus", {}), b.results.get("verilator", {})
        for t in order:
            if not t.startswith("metalfpga"):
                continue
            r = b.results.get(t)
            if r is None:
                continue
            if "error" in r:
                w(f"| {b.count} | {t} | {r['error']} | |")
                continue
            w(f"| {b.count} | {t} | {ratio(r.get('rate'), i.get('rate'))} | "
              f"{ratio(r.get('rate'), v.get('rate'))} |")
    w("")


def write_report(bench, cases, compile_case, path, plots, batch_case, batches, merged):
    a = bench.a
    cpu, cores, mem, gpu = machine()
    tools = ["metalfpga", "icarus", "verilator", f"verilator-t{bench.cores}"]
    for c in cases + ([compile_case] if compile_case else []):
        tools += [t for t in c.results if t not in tools]
    L = []
    w = L.append
    w("# Benchmarks")
    w("")
    w(f"Made by `bench/run.py{' --quick' if a.quick else ''}` on "
      f"{datetime.date.today().isoformat()}. Every number of a table comes from the same run, so "
      "ratios compare tools under the same machine load. Run time is the simulation alone "
      "(metalfpga: the `simulation` stage of `--profile` with a cached model; Icarus: `vvp`; "
      "Verilator: the built binary), wall clock; metalfpga and Verilator runs are the best of "
      f"{a.repeat} (`--repeat`), Icarus runs one. Ratios are metalfpga time / other time: "
      "below 1 means metalfpga is faster.")
    w("")
    w("## Machine")
    w("")
    w(f"- CPU: {cpu}, {cores} cores; memory {mem}")
    w(f"- GPU: {gpu}" + ("" if bench.gpu else " (the runs below use the CPU backend only)"))
    w(f"- metalfpga: `{tool_version([a.cli, '--version'])}`, model compiled by the host C++ "
      "compiler at -O1")
    w(f"- Icarus: `{tool_version(['iverilog', '-V'])}`")
    w(f"- Verilator: `{tool_version(['verilator', '--version'])}`")
    w(f"- Python {platform.python_version()}; machine shared with other work while it ran "
      "(timings are noisy; CPU seconds are shown beside wall seconds where they matter)")
    w("- Peak memory: maximum resident set of the run (`/usr/bin/time -f %M`, else `wait4`); for "
      "metalfpga the warm run. Cycles of a shared design: the `cycles=` its testbench prints.")
    for m in merged:
        mm = m["machine"]
        w(f"- Rows marked `[{m['label']}]` come from `bench/run.py --save-json` on another "
          f"machine ({m['date']}, {' '.join(m['args'])}): CPU {mm['cpu']}, {mm['cores']} cores, "
          f"memory {mm['mem']}; GPU {mm['gpu']}; metalfpga `{m['version']}`. Ratios against "
          "them compare two machines, not one run.")
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
          f"run: metalfpga/Verilator --threads {bench.cores} | run: metalfpga --2state/Verilator | "
          "compile cold: metalfpga/Icarus | compile cold: metalfpga/Verilator |")
        w("|---|---|---|---|---|---|---|---|")
        for c in rows:
            m, i = c.results.get("metalfpga", {}), c.results.get("icarus", {})
            v, vm = c.results.get("verilator", {}), c.results.get(vt, {})
            m2 = c.results.get("metalfpga-2state", {})
            agree = "yes" if c.agree else "**NO**"
            if "error" in m or not m:
                w(f"| {c.name} | {agree} | metalfpga {m.get('error', 'not run')} | | | | | |")
                continue
            w(f"| {c.name} | {agree} | {ratio(m['run'], i.get('run'))} | "
              f"{ratio(m['run'], v.get('run'))} | {ratio(m['run'], vm.get('run'))} | "
              f"{ratio(m2.get('run'), v.get('run'))} | "
              f"{ratio(m['compile'], i.get('compile'))} | "
              f"{ratio(m['compile'], v.get('compile'))} |")
        w("")

    pipes = [c for c in cases if c.name.startswith("pipes")]
    shared = [c for c in cases if not c.name.startswith("pipes")]
    w("## Ratios")
    w("")
    ratio_table(pipes + shared)
    if batches:
        batch_tables(bench, batch_case, batches, merged, w)
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
          "= `--run --no-pipeline-load` (parse, elaborate, generate, g++, load, simulate); warm = "
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
    elif plots is None:
        w("Plots: not made in quick mode.")
        w("")
    else:
        w("Plots: not made (no Python with matplotlib was found; Debian's "
          "`python3-matplotlib` is for `/usr/bin/python3`).")
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
      "maximum resident set of the process and its children (`wait4`). A `(pool)` command is "
      "started once per instance of a batch, by a pool of as many workers as there are cores.")
    if bench.failures:
        w("")
        w("## Disagreements")
        w("")
        for f in bench.failures:
            w(f"- {f}")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    text = "\n".join(L) + "\n"
    # tools' messages name files of the work folder: keep the report free of this machine's paths
    text = text.replace(WORK + os.sep, "WORK/").replace(REPO + os.sep, "")
    with open(path, "w") as f:
        f.write(text)


def tools_in(runs):
    """The tools that have results in any of `runs`, in first-seen order."""
    tools = []
    for r in runs:
        tools += [t for t in r.results if t not in tools]
    return tools


def make_plots(bench, cases, batches, out_dir):
    """Throughput against design size and against batch size; returns the PNG paths made."""
    charts = []
    pipes = [c for c in cases if c.name.startswith("pipes")]
    series = {}
    for t in tools_in(pipes):
        series[t] = [(c.pipes, c.cycles * c.events_per_cycle / c.results[t]["run"])
                     for c in pipes if t in c.results and "error" not in c.results[t]
                     and c.results[t]["run"] > 0]
    charts.append(dict(path=os.path.join(out_dir, "benchmarks-events.png"),
                       title="Throughput against design size (one instance)",
                       xlabel="design size: pipelines N (4 stages each)",
                       ylabel="simulated events per second", series=series))
    if batches:
        series = {t: [(b.count, b.results[t]["rate"]) for b in batches
                      if t in b.results and b.results[t].get("rate")] for t in tools_in(batches)}
        charts.append(dict(path=os.path.join(out_dir, "benchmarks-batch.png"),
                           title="Aggregate throughput against batch size",
                           xlabel="instances N (metalfpga --count N; others: N processes)",
                           ylabel="instance-cycles per second", series=series))
    return draw_charts(charts)


def draw_charts(charts):
    """Draws with this Python's matplotlib, else with the first other Python that has it."""
    try:
        plot.draw(charts)
        return [c["path"] for c in charts]
    except ImportError:
        pass
    spec = os.path.join(os.path.dirname(charts[0]["path"]), ".charts.json")
    with open(spec, "w") as f:
        json.dump(charts, f)
    try:
        for py in ("/usr/bin/python3", shutil.which("python3")):
            if py and os.path.realpath(py) != os.path.realpath(sys.executable) and \
                    subprocess.run([py, plot.__file__, spec], capture_output=True).returncode == 0:
                return [c["path"] for c in charts]
        return []
    finally:
        os.remove(spec)


# --- measurements kept between machines (--save-json, --merge-json) -------------------------

def save_json(bench, cases, batch_case, batches, path):
    cpu, cores, mem, gpu = machine()
    data = dict(
        format=1, label=bench.a.label, date=datetime.date.today().isoformat(),
        args=["PATH" if x.startswith("/") else x for x in sys.argv[1:]],
        version=tool_version([bench.a.cli, "--version"]),
        machine=dict(cpu=cpu, cores=cores, mem=mem, gpu=gpu),
        cases=[dict(name=c.name, pipes=getattr(c, "pipes", None), cycles=c.cycles,
                    events_per_cycle=c.events_per_cycle, results=c.results) for c in cases],
        batch_case=dict(name=batch_case.name, cycles=batch_case.cycles) if batch_case else None,
        batches=[dict(count=b.count, results=b.results) for b in batches])
    with open(path, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


def merge_json(path, cases, batch_case, batches):
    """Adds another run's measurements as tools named `TOOL [LABEL]`."""
    with open(path) as f:
        data = json.load(f)
    label = data["label"]
    by_name = {c.name: c for c in cases}
    for mc in data["cases"]:
        c = by_name.get(mc["name"])
        if c is None:
            c = Case(mc["name"], "", [], "", cycles=mc["cycles"],
                     events_per_cycle=mc["events_per_cycle"])
            c.agree = True
            if mc.get("pipes"):
                c.pipes = mc["pipes"]
            cases.append(c)
            by_name[c.name] = c
        for t, r in mc["results"].items():
            c.results[merged_tool(t, label)] = r
    mb = data.get("batch_case")
    if mb and batch_case and (mb["name"], mb["cycles"]) != (batch_case.name, batch_case.cycles):
        print(f"note: {path}: its batches ran {mb['name']} for {mb['cycles']} cycles, this run "
              f"{batch_case.name} for {batch_case.cycles}: its batch rows are not merged")
        data["batches"] = []
    by_count = {b.count: b for b in batches}
    for mbt in data["batches"]:
        b = by_count.get(mbt["count"])
        if b is None:
            b = by_count[mbt["count"]] = Batch(mbt["count"])
            batches.append(b)
        for t, r in mbt["results"].items():
            b.results[merged_tool(t, label)] = r
    batches.sort(key=lambda b: b.count)
    return data


# --- main ------------------------------------------------------------------------------------

def find_cli():
    for d in ("build", "build-bench"):
        p = os.path.join(REPO, d, "metalfpga_cli")
        if os.path.exists(p):
            return p
    return shutil.which("metalfpga_cli")


def gpu_name():
    """The first GPU `nvidia-smi -L` lists, or None."""
    if not shutil.which("nvidia-smi"):
        return None
    try:
        p = subprocess.run(["nvidia-smi", "-L"], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r"GPU 0: ([^(]+)", p.stdout.decode(errors="replace"))
    return m.group(1).strip() if p.returncode == 0 and m else None


def measure(a, bench, backends):
    """Runs every case of the report; returns (cases, compile_case, batch_case, batches)."""
    cores = bench.cores
    cases = []
    vthreads = ([int(t) for t in a.verilator_threads.split(",")] if a.verilator_threads
                else ([1, cores] if cores > 1 else [1]))
    counts = [int(s) for s in (a.counts if a.counts is not None
                               else ("4" if a.quick else "1,16,1024,65536")).split(",") if s]

    # The pipeline family: size N, cycles chosen so that N * cycles stays about constant.
    sizes = [int(s) for s in (a.sizes or ("16,64" if a.quick else "16,256,4096,16384"))
             .split(",")]
    work_units = 16 * 200 if a.quick else 16 * 16000
    stages = 4

    def pipes_case(n, cycles):
        src = os.path.join(WORK, f"pipes_{n}.v")
        with open(src, "w") as f:
            f.write(gen_pipelines.generate(n, stages))
        c = Case(f"pipes N={n}", WORK, [src], "bench_pipes", defines=[f"CYCLES={cycles}"],
                 cycles=cycles, events_per_cycle=gen_pipelines.events_per_cycle(n, stages),
                 expected=pipes_expected(n, stages, cycles), must_run_metalfpga=True)
        c.pipes = n
        return c

    def pipes_run(n):
        c = pipes_case(n, max(20, work_units // n))
        bench.run_case(c, "pipes", [1] if a.quick else vthreads)
        cases.append(c)

    # Small pipeline sizes first, then the batches, the shared designs and the compile-time
    # case, then the large sizes: when the time budget runs out, only the largest sizes are cut.
    for n in sizes:
        if n <= 1024:
            pipes_run(n)

    batches = []
    batch_case = pipes_case(a.batch_pipes, a.batch_cycles) if counts else None
    for n in sorted(counts):
        batches.append(bench.run_batch(batch_case, n, backends))

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
            bench.run_case(c, "shared-" + d["name"], [] if a.quick else vthreads)
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
            pipes_run(n)

    return cases, compile_case, batch_case, batches


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
    ap.add_argument("--out", help="report file (default: docs/benchmarks.md; with --quick or "
                                  "--gpu-only: WORK/benchmarks.md)")
    ap.add_argument("--sizes", help="pipeline counts, comma separated (default: quick 16,64; "
                                    "full 16,256,4096,16384)")
    ap.add_argument("--counts", help="batch sizes (--count N), comma separated (default: quick "
                                     "4; full 1,16,1024,65536; empty: no batches)")
    ap.add_argument("--batch-pipes", type=int, default=None,
                    help="pipelines of the batch design (default: quick 16, full 4)")
    ap.add_argument("--batch-cycles", type=int, default=None,
                    help="clock cycles each batch instance runs (default: quick 200, full 500)")
    ap.add_argument("--batch-slice", type=float, default=None,
                    help="seconds in which a process pool may start processes for one batch "
                         "(default: quick 60, full 150)")
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds per command (default: quick 120, full 240)")
    ap.add_argument("--budget", type=float, default=None,
                    help="seconds for the whole run; later commands are skipped (default: "
                         "quick 280, full 1800)")
    ap.add_argument("--repeat", type=int, default=None,
                    help="single-instance runs of metalfpga and Verilator per case; the report "
                         "keeps the fastest (default: quick 1, full 3)")
    ap.add_argument("--tools", default="metalfpga,icarus,verilator",
                    help="tools to run, comma separated (default: metalfpga,icarus,verilator)")
    ap.add_argument("--backends", help="metalfpga backends for the batches: cpu, cuda (default: "
                                       "cpu, and cuda when nvidia-smi lists a GPU; quick: cpu)")
    ap.add_argument("--gpu-only", action="store_true",
                    help="for a GPU machine without Icarus and Verilator: --tools metalfpga "
                         "--backends cpu,cuda --no-shared, report in WORK; use with --save-json")
    ap.add_argument("--save-json", metavar="FILE",
                    help="write every measurement of this run to FILE (for --merge-json)")
    ap.add_argument("--merge-json", metavar="FILE", action="append", default=[],
                    help="add the measurements of FILE (a --save-json of another machine) to "
                         "the report, as tools named `TOOL [LABEL]` (repeatable)")
    ap.add_argument("--report-only", action="store_true",
                    help="measure nothing: write the report from the measurements the last run "
                         "with this --work kept (WORK/measured.pickle), adding --merge-json files")
    ap.add_argument("--label", help="name of this machine in --save-json (default: the GPU's "
                                    "name, else 'cpu host')")
    ap.add_argument("--verilator-threads", help="Verilator builds of the single-instance runs, "
                                                 "comma separated --threads values (default: "
                                                 "1,<cores>; quick: 1 for the pipelines only)")
    ap.add_argument("--no-2state", dest="two_state", action="store_false",
                    help="do not add the metalfpga --2state runs (default: full mode only)")
    ap.add_argument("--no-verilator", action="store_true", help="do not run Verilator")
    ap.add_argument("--no-shared", action="store_true", help="skip ../shared/designs")
    a = ap.parse_args()
    a.timeout = a.timeout or (120 if a.quick else 240)
    a.repeat = max(1, a.repeat or (1 if a.quick else 3))
    a.budget = a.budget or (280 if a.quick else 1800)
    a.batch_slice = a.batch_slice or (60 if a.quick else 150)
    # quick: the batch design is the N=16 pipeline case, whose builds it reuses
    a.batch_pipes = a.batch_pipes or (16 if a.quick else 4)
    a.batch_cycles = a.batch_cycles or (200 if a.quick else 500)
    a.tools = {t.strip() for t in a.tools.split(",") if t.strip()}
    gpu = None if a.quick else gpu_name()
    if a.gpu_only:
        a.tools = {"metalfpga"}
        a.no_shared = True
        a.backends = a.backends or "cpu,cuda"
        if not gpu:
            print("note: --gpu-only, but nvidia-smi lists no GPU")
    if a.no_verilator:
        a.tools.discard("verilator")
    a.two_state = a.two_state and not a.quick
    unknown = a.tools - {"metalfpga", "icarus", "verilator"}
    if unknown:
        sys.exit(f"--tools: unknown {', '.join(sorted(unknown))}")
    backends = (a.backends.split(",") if a.backends else (["cpu"] + (["cuda"] if gpu else [])))
    if any(b not in ("cpu", "cuda") for b in backends):
        sys.exit("--backends: cpu and/or cuda")
    a.label = a.label or (gpu.replace("NVIDIA ", "") + " host" if gpu else "cpu host")
    if not a.cli or not os.path.exists(a.cli):
        sys.exit("metalfpga_cli not found: pass --cli")
    a.cli = os.path.abspath(a.cli)
    WORK = os.path.abspath(a.work)
    SHARED = os.path.abspath(a.designs)
    os.makedirs(WORK, exist_ok=True)
    out = a.out or (os.path.join(WORK, "benchmarks.md") if a.quick or a.gpu_only
                    else os.path.join(REPO, "docs", "benchmarks.md"))
    bench = Bench(a)
    bench.gpu = gpu
    if "verilator" in a.tools and not bench.verilator:
        print("note: verilator not found: its columns are skipped")
    kept = os.path.join(WORK, "measured.pickle")
    if a.report_only:
        try:
            with open(kept, "rb") as f:
                st = pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError) as e:
            sys.exit(f"--report-only: cannot read {kept}: {e}")
        bench.__dict__.update(st["bench"])
        bench.a.merge_json, bench.a.save_json = a.merge_json, None
        a = bench.a
        cases, compile_case, batch_case, batches = (st["cases"], st["compile_case"],
                                                    st["batch_case"], st["batches"])
    else:
        cases, compile_case, batch_case, batches = measure(a, bench, backends)
        with open(kept, "wb") as f:
            st = dict(bench={k: v for k, v in bench.__dict__.items() if k != "deadline"},
                      cases=cases, compile_case=compile_case, batch_case=batch_case,
                      batches=batches)
            pickle.dump(st, f)
    if a.save_json:
        save_json(bench, cases, batch_case, batches, a.save_json)
        print(f"measurements: {a.save_json}")
    merged = [merge_json(p, cases, batch_case, batches) for p in a.merge_json]
    cases.sort(key=lambda c: (not c.name.startswith("pipes"), getattr(c, "pipes", 0)))

    # quick mode (a test) draws nothing: None tells the report why
    plots = None if a.quick else make_plots(bench, cases, batches,
                                            os.path.dirname(os.path.abspath(out)))
    write_report(bench, cases, compile_case, out, plots, batch_case, batches, merged)
    print(f"report: {out}")
    for f in bench.failures:
        print("FAIL:", f)
    return 1 if bench.failures else 0


WORK = SHARED = ""
TIME_BIN = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
if __name__ == "__main__":
    sys.exit(main())
