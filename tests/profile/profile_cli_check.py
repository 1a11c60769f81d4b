#!/usr/bin/env python3
"""--profile and METALFPGA_PROFILE=1 print the same stages as `[profile] STAGE MS ms` on stderr
(parse, elaborate, codegen, compile or archive-load, engine-init, simulation, step, drain) and
the round count; METALFPGA_PROFILE_EVERY_DISPATCH=1 adds one dispatch line per round. Profiling
changes nothing on stdout."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True)
ap.add_argument('--cache', required=True)
ap.add_argument('source')
a = ap.parse_args()

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(args, **env):
    e = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=os.path.abspath(a.cache))
    for k in ('METALFPGA_PROFILE', 'METALFPGA_PROFILE_EVERY_DISPATCH', 'METALFPGA_GPU_TIMESTAMPS'):
        e.pop(k, None)
    e.update(env)
    p = subprocess.run([a.bin, '--run', '--backend', 'cpu', a.source] + args,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=e, timeout=300)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


STAGE = re.compile(r'^\[profile\] ([a-z-]+) ([0-9]+\.[0-9]{3}) ms$')
COUNT = re.compile(r'^\[profile\] ([a-z-]+) ([0-9]+)$')
DISPATCH = re.compile(r'^\[profile\] dispatch ([0-9]+) step_ms=[0-9.]+ drain_ms=[0-9.]+$')


def stages(err):
    timed, counts, dispatch = [], {}, []
    for line in err.splitlines():
        if not line.startswith('[profile]'):
            continue
        if m := STAGE.match(line):
            timed.append(m.group(1))
        elif m := COUNT.match(line):
            counts[m.group(1)] = int(m.group(2))
        elif m := DISPATCH.match(line):
            dispatch.append(int(m.group(1)))
        else:
            failures.append(f'unexpected profile line: {line!r}')
    return timed, counts, dispatch


rc, plain, _ = run([])
check(rc == 0, f'plain run exit {rc}')
with tempfile.TemporaryDirectory() as tmp:
    # A fresh archive: the first profiled run compiles, the second loads the entry.
    fresh = dict(METALFPGA_PIPELINE_ARCHIVE=tmp)
    rc, out, err = run(['--profile'], **fresh)
    check(rc == 0 and out == plain, '--profile changes the run or its output')
    timed, counts, _ = stages(err)
    check(timed == ['parse', 'elaborate', 'codegen', 'compile', 'engine-init', 'simulation',
                    'step', 'drain'], f'--profile stages (cold) {timed}')
    check(counts.get('rounds', 0) >= 1, f'rounds {counts}')
    rc, out, err = run([], METALFPGA_PROFILE='1', **fresh)
    check(rc == 0 and out == plain, 'METALFPGA_PROFILE=1 changes the run or its output')
    timed, counts, _ = stages(err)
    check(timed == ['parse', 'elaborate', 'codegen', 'archive-load', 'engine-init', 'simulation',
                    'step', 'drain'], f'METALFPGA_PROFILE=1 stages (warm) {timed}')

rc, out, err = run(['--max-steps', '1'], METALFPGA_PROFILE_EVERY_DISPATCH='1')
check(rc == 0 and out == plain, 'every-dispatch run or its output')
timed, counts, dispatch = stages(err)
check(counts.get('rounds', 0) > 1, f'--max-steps 1 should take several rounds: {counts}')
check(dispatch == list(range(1, counts.get('rounds', 0) + 1)),
      f'dispatch lines {dispatch[:5]}... for {counts.get("rounds")} rounds')
rc, _, err = run(['--max-steps', '1'], METALFPGA_PROFILE='0')
check('[profile]' not in err, 'METALFPGA_PROFILE=0 prints profile lines')

for f in failures:
    print('FAIL:', f)
sys.exit(1 if failures else 0)
