#!/usr/bin/env python3
"""Runs one simulation golden test: `metalfpga_cli --run FILE.v` must exit 0 and print exactly
FILE.out (expected output produced by Icarus Verilog: iverilog -o x FILE.v && vvp -n x).
A line `// plusargs: +a +b=1` among the first lines of FILE.v gives the run its plusargs (the
.out file was made with the same: vvp -n x +a +b=1)."""
import argparse
import difflib
import os
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True)
ap.add_argument('--cache', required=True, help='pipeline cache folder for the compiled models')
ap.add_argument('source')
a = ap.parse_args()

expected_path = os.path.splitext(a.source)[0] + '.out'
with open(expected_path, encoding='utf-8', errors='replace') as f:
    expected = f.read()
plusargs = []
with open(a.source, encoding='utf-8', errors='replace') as f:
    for line in f.readlines()[:5]:
        if line.startswith('// plusargs:'):
            plusargs = line.split(':', 1)[1].split()
env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=a.cache)
p = subprocess.run([a.bin, '--run', a.source] + plusargs, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                   env=env, timeout=300)
got = p.stdout.decode(errors='replace')
ok = p.returncode == 0 and got == expected
if not ok:
    sys.stderr.write(p.stderr.decode(errors='replace'))
    print(f'exit status {p.returncode}')
    sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), got.splitlines(True),
                                               'expected', 'got'))
sys.exit(0 if ok else 1)
