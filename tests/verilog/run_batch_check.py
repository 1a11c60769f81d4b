#!/usr/bin/env python3
"""Checks that `--count N --instance-plusargs FILE` runs each instance k exactly like a single
run given the common plusargs plus line k of FILE: the lines of instance k (prefixed "[k] " for
k > 0) must equal that single run's output, in order."""
import argparse
import os
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True)
ap.add_argument('--cache', required=True)
ap.add_argument('--count', type=int, default=6)
ap.add_argument('--backend', default='cpu', help='backend of the batch run (single runs: cpu)')
ap.add_argument('--singles', type=int, default=0, help='check only this many instances (0: all)')
ap.add_argument('source')
a = ap.parse_args()

env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=a.cache)
common = ['+cycles=5']
lines = [f'+seed={17 * k + 3}' + (' +verbose' if k % 2 else '') for k in range(a.count - 1)]
with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as f:
    f.write('\n'.join(lines) + '\n')
    path = f.name
try:
    batch = subprocess.run([a.bin, '--run', '--backend', a.backend, a.source, '--count', str(a.count),
                            '--instance-plusargs', path] + common,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=300)
finally:
    os.unlink(path)
if batch.returncode != 0:
    sys.stderr.write(batch.stderr.decode(errors='replace'))
    sys.exit(f'batch run: exit status {batch.returncode}')
per = {k: [] for k in range(a.count)}
for line in batch.stdout.decode().splitlines():
    k = 0
    if line.startswith('['):
        k = int(line[1:line.index(']')])
        line = line[line.index(']') + 2:]
    per[k].append(line)
ok = True
check = range(a.count) if not a.singles else sorted(set([0, a.count - 1] + list(range(0, a.count, max(1, a.count // a.singles)))))
for k in check:
    extra = lines[k].split() if k < len(lines) else []
    single = subprocess.run([a.bin, '--run', '--backend', 'cpu', a.source] + common + extra, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, timeout=300)
    want = single.stdout.decode().splitlines()
    if single.returncode != 0 or want != per[k] or not want:
        ok = False
        print(f'instance {k} ({" ".join(common + extra)}): batch gave {per[k]}, single run {want}')
sys.exit(0 if ok else 1)
