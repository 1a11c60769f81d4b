#!/usr/bin/env python3
"""Compiles the model of every golden simulation test to PTX with NVRTC (metalfpga_cli
--emit-ptx), which needs no GPU: every model must compile as CUDA device code. --two-state
FILE (repeatable) compiles FILE's model once more in 2-state mode (--2state)."""
import argparse
import concurrent.futures
import os
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True)
ap.add_argument('--arch', default='sm_90')
ap.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 1)
ap.add_argument('--two-state', action='append', default=[], metavar='FILE')
ap.add_argument('sources', nargs='+')
a = ap.parse_args()


def source_flags(src):
    """The metalfpga_cli options of a golden test's `// flags:` line (run_sim_golden.py)."""
    with open(src, encoding='utf-8', errors='replace') as f:
        for line in f.readlines()[:5]:
            if line.startswith('// flags:'):
                return line.split(':', 1)[1].split()
    return []


def compile_one(job):
    src, flags = job
    flags = flags + source_flags(src)
    # In the source's folder, as the golden runs: files the design reads at compile time
    # (an SDF file of $sdf_annotate) are named relative to it.
    src = os.path.abspath(src)
    p = subprocess.run([os.path.abspath(a.bin), '--emit-ptx', os.devnull, '--cuda-arch', a.arch] +
                       flags + [src],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600,
                       cwd=os.path.dirname(src))
    return ' '.join(flags + [os.path.basename(src)]), p.returncode, p.stderr.decode(errors='replace')


bad = 0
with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
    jobs = [(s, []) for s in a.sources] + [(s, ['--2state']) for s in a.two_state]
    for name, rc, err in pool.map(compile_one, jobs):
        if rc != 0:
            bad += 1
            print(f'{name}: exit {rc}\n{err[:1500]}')
print(f'{len(jobs) - bad} of {len(jobs)} models compile with NVRTC for {a.arch}')
sys.exit(1 if bad else 0)
