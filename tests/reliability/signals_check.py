"""Signals and output errors end a run cleanly.

Simulation: SIGINT, SIGTERM, SIGHUP (to the process and, as Ctrl-C does, to its group), a reader
that closes stdout early (SIGPIPE, and EPIPE with SIGPIPE ignored), stdout on a full device
(/dev/full) and a --count batch on threads. Each must exit 128+signal (SIGPIPE: 141; a write
error: 1) with the design's $fdisplay file, its stdout and the VCD complete: whole lines, and the
VCD ends with a whole time step (the always block's two NBAs both present).

Model compile: a signal while a g++ child runs (one translation unit and the parallel split,
with and without --pipeline-async) exits 128+signal with one "interrupted" line, leaves no
compiler running and nothing in the archive, and the simulation never starts."""

import os
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

# A clock, an always block with two NBAs whose values are tied (b == 2*a after every step), a
# file line and a stdout line per cycle, and a VCD of everything; it runs two million cycles
# (100 with +short): the checks stop it long before.
DESIGN = r"""
`timescale 1ns/1ns
module top;
  reg clk = 0;
  reg [31:0] a = 0, b = 0;
  integer f;
  always #5 clk = ~clk;
  always @(posedge clk) begin
    a <= a + 1;
    b <= b + 2;
  end
  initial begin
    f = $fopen("log.txt");
    $dumpfile("dump.vcd");
    $dumpvars(0, top);
  end
  always @(posedge clk) begin
    $fdisplay(f, "t=%0t a=%0d b=%0d some text to make the lines longer", $time, a, b);
    $display("line %0d of the design's standard output", a);
  end
  initial if ($test$plusargs("short")) #100 $finish;
  initial #20000000 $finish;  // bounds the files of a run that ignores the signal
endmodule
"""

FILE_LINE = re.compile(r"t=\d+ a=(\d+) b=(\d+) some text to make the lines longer")
OUT_LINE = re.compile(r"line \d+ of the design's standard output|VCD info: .*")


def wait_for_size(path, size, proc, timeout=60):
    """Polls until `path` holds `size` bytes (the run is writing); False if it never does."""
    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            return False
        try:
            if os.path.getsize(path) >= size:
                return True
        except OSError:
            pass
        time.sleep(0.02)
    return False


def finish(proc, timeout=60):
    """Waits for the process; kills it (and reports None) when it does not end."""
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None


def check_lines(checks, what, path, pattern):
    """Every line of the file is whole (matches `pattern`) and the file ends with a newline."""
    last = b""
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            last = raw
            line = raw.decode(errors="replace").rstrip("\n")
            if not pattern.fullmatch(line):
                checks.expect(False, f"{what}: {path} line {n} is not whole", repr(line))
                return
    checks.expect(last.endswith(b"\n"), f"{what}: {path} is empty or ends mid-line",
                  repr(last[-120:]))


def check_vcd(checks, what, path):
    """The VCD ends with a newline and a whole time step: every step that changes a also
    changes b, and the last values have b == 2*a."""
    with open(path, "rb") as f:
        data = f.read().decode(errors="replace")
    checks.expect(data.endswith("\n"), f"{what}: {path} ends mid-line", repr(data[-120:]))
    checks.expect(len(data) < 64 << 20, f"{what}: {path} is {len(data)} bytes: not stopped?")
    ids = dict(re.findall(r"\$var reg 32 (\S+) (a|b) ", data))  # identifier code -> name
    if set(ids.values()) != {"a", "b"}:
        checks.expect(False, f"{what}: {path} has no header for a and b", data[:400])
        return
    body = data.split("$enddefinitions $end", 1)[1]
    values = {}
    step = None
    changed = set()
    steps = 0
    bad = None
    for line in body.splitlines():
        if line.startswith("#"):
            if changed and changed != {"a", "b"} and bad is None:
                bad = f"step {step} changes only {changed}"
            step, changed = line, set()
            steps += 1
            continue
        m = re.fullmatch(r"b([01xz]+) (\S+)", line)
        if m and m.group(2) in ids:
            name = ids[m.group(2)]
            values[name] = m.group(1)
            if step is not None and "x" not in m.group(1):
                changed.add(name)
    if changed and changed != {"a", "b"} and bad is None:
        bad = f"the last step {step} changes only {changed}"
    checks.expect(bad is None, f"{what}: {path} has half a time step", bad or "")
    a, b = values.get("a", "x"), values.get("b", "x")
    if "x" not in a and "x" not in b:
        checks.expect(int(b, 2) == 2 * int(a, 2), f"{what}: {path} ends with a={a} b={b}")
    checks.expect(steps > 10, f"{what}: {path} has {steps} time steps (expected a long run)")


def check_outputs(checks, what, folder, stdout_path=None, instances=1):
    for k in range(instances):
        suffix = "" if k == 0 else f".{k}"
        check_lines(checks, what, os.path.join(folder, f"log{suffix}.txt"), FILE_LINE)
        check_vcd(checks, what, os.path.join(folder, f"dump{suffix}.vcd"))
    if stdout_path:
        pattern = OUT_LINE if instances == 1 else re.compile(
            r"(\[\d+\] )?(line \d+ of the design's standard output|VCD info: .*)")
        check_lines(checks, what, stdout_path, pattern)


def fresh(args, name):
    folder = os.path.join(args.work, name)
    os.makedirs(folder)
    return folder


def start(args, folder, extra=(), **kw):
    cmd = [args.bin, "--run", "--backend", args.backend, "--pipeline-archive", args.archive,
           *extra, args.design]
    return subprocess.Popen(cmd, cwd=folder, start_new_session=True, **kw)


def signal_run(checks, args, name, sig, group=False, extra=(), instances=1):
    t0 = time.time()
    folder = fresh(args, name)
    out_path = os.path.join(folder, "stdout.txt")
    with open(out_path, "wb") as out:
        p = start(args, folder, extra, stdout=out, stderr=subprocess.PIPE)
    # Writing has started and the stdio buffers were flushed several times (over 64 KiB).
    started = wait_for_size(os.path.join(folder, "log.txt"), 65536, p)
    checks.expect(started, f"{name}: the run did not start writing")
    if not started:
        finish(p, 1)
        return
    if group:
        os.killpg(p.pid, sig)
    else:
        os.kill(p.pid, sig)
    rc = finish(p)
    err = p.stderr.read().decode(errors="replace")
    checks.expect(rc == 128 + sig, f"{name}: exit {rc}, expected {128 + sig}", err)
    checks.expect("interrupted by" in err, f"{name}: no interrupt message", err)
    check_outputs(checks, name, folder, out_path, instances)
    print(f"{name}: exit {rc} in {time.time() - t0:.1f} s")


def pipe_run(checks, args, name, ignore_sigpipe=False):
    """`metalfpga_cli --run x.v | head -3`: the reader closes after three lines."""
    folder = fresh(args, name)

    def ignore():
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)

    p = start(args, folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
              preexec_fn=ignore if ignore_sigpipe else None)
    # Read (as `head` would) until the run is well under way, then close.
    log = os.path.join(folder, "log.txt")
    started, end = False, time.time() + 60
    while not started and time.time() < end and p.stdout.readline():
        started = os.path.exists(log) and os.path.getsize(log) >= 65536
    p.stdout.close()
    checks.expect(started, f"{name}: the run did not start writing")
    rc = finish(p)
    err = p.stderr.read().decode(errors="replace")
    checks.expect(rc == 141, f"{name}: exit {rc}, expected 141", err)
    check_outputs(checks, name, folder)
    print(f"{name}: exit {rc}")


def full_run(checks, args, name):
    """stdout on /dev/full: exit 1 with a message; the design's files are still whole."""
    folder = fresh(args, name)
    with open("/dev/full", "wb") as out:
        p = start(args, folder, stdout=out, stderr=subprocess.PIPE)
    rc = finish(p)
    err = p.stderr.read().decode(errors="replace")
    checks.expect(rc == 1, f"{name}: exit {rc}, expected 1", err)
    checks.expect("No space left on device" in err, f"{name}: no message naming the error", err)
    check_outputs(checks, name, folder)
    print(f"{name}: exit {rc}")


# ------------------------------------------------------------------------------------------
# Signals during the model compile


def big_design(n):
    """A design whose model takes g++ several seconds: n registers, each updated from its
    neighbours with some arithmetic."""
    lines = ["module top;", "  reg clk = 0;", "  always #1 clk = ~clk;"]
    lines += [f"  reg [63:0] r{i} = {i};" for i in range(n)]
    for i in range(n):
        j, k = (i + 1) % n, (i * 7 + 3) % n
        lines.append(f"  always @(posedge clk) r{i} <= (r{j} * {i + 3}) ^ (r{k} >> {i % 13 + 1})"
                     f" + (r{i} == r{j} ? r{k} : r{i} - {i});")
    lines += ["  initial begin #10; $display(\"done %0d\", r0); $finish; end", "endmodule"]
    return "\n".join(lines) + "\n"


def procs():
    """pid -> (ppid, pgid, state, comm, cmdline) of every process."""
    table = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                stat = f.read()
            with open(f"/proc/{d}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        table[int(d)] = (int(fields[1]), int(fields[2]), fields[0], comm, cmd)
    return table


def descendants(pid):
    table = procs()
    found, todo = {}, [pid]
    while todo:
        p = todo.pop()
        for q, info in table.items():
            if info[0] == p and q not in found:
                found[q] = info
                todo.append(q)
    return found


def compile_run(checks, args, name, sig, extra=(), env=None, group=False):
    archive = os.path.join(args.work, name + "-archive")
    os.makedirs(archive)
    folder = fresh(args, name)
    cmd = [args.bin, "--run", "--backend", "cpu", "--pipeline-archive", archive, *extra,
           args.big]
    p = subprocess.Popen(cmd, cwd=folder, start_new_session=True, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=dict(os.environ, **(env or {})))
    compiling = False
    end = time.time() + 90
    while time.time() < end and p.poll() is None:
        kids = descendants(p.pid)
        if any(info[3] == "cc1plus" for info in kids.values()):
            compiling = True
            break
        time.sleep(0.05)
    checks.expect(compiling, f"{name}: no g++ child seen while compiling")
    time.sleep(0.3)  # well inside the compile
    if group:
        os.killpg(p.pid, sig)
    else:
        os.kill(p.pid, sig)
    t0 = time.time()
    rc = finish(p)
    took = time.time() - t0
    out = p.stdout.read().decode(errors="replace")
    err = p.stderr.read().decode(errors="replace")
    checks.expect(rc == 128 + sig, f"{name}: exit {rc}, expected {128 + sig}", err)
    checks.expect(took < 10, f"{name}: took {took:.1f} s to stop")
    lines = [x for x in err.replace("\r", "\n").splitlines() if x.strip()]
    checks.expect(len(lines) == 1 and "interrupted" in lines[0],
                  f"{name}: expected one 'interrupted' line", err)
    checks.expect("done" not in out, f"{name}: the simulation started", out)
    # No compiler left: nothing running whose command line names the archive.
    time.sleep(0.2)
    left = [f"{pid} {info[3]} {info[2]}" for pid, info in procs().items()
            if archive in info[4] and info[2] != "Z"]
    checks.expect(not left, f"{name}: compiler processes left running", "\n".join(left))
    files = os.listdir(archive)
    checks.expect(not files, f"{name}: files left in the archive", "\n".join(files))
    print(f"{name}: exit {rc}, stopped {took:.1f} s after the signal")


def main():
    def extra(p):
        p.add_argument("--big", type=int, default=1200,
                       help="registers of the compile test's design")
        p.add_argument("--backend", default="cpu",
                       help="where the simulation checks run (cpu, cuda)")
        p.add_argument("--no-compile", action="store_true",
                       help="only the simulation checks")

    args = common.parse_args(extra)
    checks = common.Checks()
    args.design = common.write(args.work, "design.v", DESIGN)
    args.big = common.write(args.work, "big.v", big_design(args.big))
    args.archive = os.path.join(args.work, "archive")
    t0 = time.time()

    # Fill the archive first (a compile, then a short run).
    rc, _, err = common.run([args.bin, "--run", "--backend", args.backend, "--pipeline-archive",
                             args.archive, args.design, "+short"], timeout=300, cwd=args.work)
    checks.expect(rc == 0, f"warm-up: exit {rc}", err)

    signal_run(checks, args, "sigint", signal.SIGINT)
    signal_run(checks, args, "sigint-group", signal.SIGINT, group=True)
    signal_run(checks, args, "sigterm", signal.SIGTERM)
    signal_run(checks, args, "sighup", signal.SIGHUP)
    signal_run(checks, args, "sigterm-count", signal.SIGTERM,
               extra=("--count", "3", "--threads", "2"), instances=3)
    pipe_run(checks, args, "sigpipe")
    pipe_run(checks, args, "epipe", ignore_sigpipe=True)
    full_run(checks, args, "dev-full")
    print(f"simulation checks: {time.time() - t0:.1f} s")
    if args.no_compile:
        checks.finish()

    t0 = time.time()
    compile_run(checks, args, "compile-sigint-sync", signal.SIGINT, ("--no-pipeline-async",))
    compile_run(checks, args, "compile-ctrl-c-async", signal.SIGINT, group=True)
    compile_run(checks, args, "compile-sigterm-async", signal.SIGTERM)
    compile_run(checks, args, "compile-sighup-sync", signal.SIGHUP, ("--no-pipeline-async",))
    compile_run(checks, args, "compile-sigterm-split", signal.SIGTERM,
                env={"METALFPGA_CPU_PARTS": "2"})
    compile_run(checks, args, "compile-ctrl-c-split-sync", signal.SIGINT,
                ("--no-pipeline-async",), env={"METALFPGA_CPU_PARTS": "2"}, group=True)
    print(f"compile checks: {time.time() - t0:.1f} s")
    checks.finish()


if __name__ == "__main__":
    main()
