#!/usr/bin/env python3
"""Runs golden simulation tests on two backends and checks their outputs are byte-identical
(stdout and exit status). Used on a machine with a GPU:

    compare_backends.py --bin build/metalfpga_cli [--backends cpu cuda] tests/verilog/sim/*.v

Prints one line per test that differs or fails and a summary; exit status 1 if any differs."""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True)
ap.add_argument('--backends', nargs=2, default=['cpu', 'cuda'])
ap.add_argument('--cache', default=None, help='pipeline cache folder (default: a temporary one)')
ap.add_argument('--extra', default='', help='more arguments for both runs')
ap.add_argument('--timeout', type=int, default=300)
ap.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 1)
ap.add_argument('sources', nargs='+')
a = ap.parse_args()

cache = a.cache or tempfile.mkdtemp(prefix='metalfpga-compare-')
env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=cache)


def run(source, backend):
    plusargs = []
    with open(source, encoding='utf-8', errors='replace') as f:
        for line in f.readlines()[:5]:
            if line.startswith('// plusargs:'):
                plusargs = line.split(':', 1)[1].split()
            if line.startswith('// flags:'):
                plusargs = line.split(':', 1)[1].split() + plusargs
    cmd = [a.bin, '--run', '--backend', backend, os.path.abspath(source)] + a.extra.split() + plusargs
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                           timeout=a.timeout, cwd=os.path.dirname(os.path.abspath(source)))
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return 'timeout', b'', b''


def compare(src):
    return src, run(src, a.backends[0]), run(src, a.backends[1])


same = differ = failed = 0
with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
    results = list(pool.map(compare, a.sources))
for src, r0, r1 in results:
    name = os.path.basename(src)
    if r0[0] != 0:
        failed += 1
        print(f'{name}: {a.backends[0]} exit {r0[0]}: {r0[2].decode(errors="replace")[:200]}')
    if r0[:2] == r1[:2]:
        same += 1
    else:
        differ += 1
        print(f'{name}: DIFFERS ({a.backends[0]} exit {r0[0]}, {a.backends[1]} exit {r1[0]}): '
              f'{r1[2].decode(errors="replace")[:300]}')
print(f'identical: {same}, different: {differ}, failing on {a.backends[0]}: {failed}, '
      f'total: {len(a.sources)}')
sys.exit(1 if differ else 0)
