#!/usr/bin/env python3
"""Runs one simulation golden test: `metalfpga_cli --run FILE.v` must exit 0 and print exactly
FILE.out (expected output produced by Icarus Verilog: iverilog -o x FILE.v && vvp -n x).
Each test runs in a fresh temporary folder holding FILE.v and `data` (a link to the folder's
data/), so tests read their input files as data/NAME and the files they write are discarded;
the .out files are made the same way (cd to such a folder, run Icarus on FILE.v).
A line `// plusargs: +a +b=1` among the first lines of FILE.v gives the run its plusargs (the
.out file was made with the same: vvp -n x +a +b=1). A line `// flags: --2state` gives it
metalfpga_cli options (such a test's header says where its .out came from); --flags adds
options too (tests/sim.cmake runs X/Z-free tests again with --flags=--2state).
--in DIR --expected FILE run FILE.v as given from DIR instead (the examples, which name their
files from the repository root), and compare with FILE."""
import argparse
import difflib
import os
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True)
ap.add_argument('--cache', required=True, help='pipeline cache folder for the compiled models')
ap.add_argument('--flags', default='', help='extra metalfpga_cli options, space-separated')
ap.add_argument('--in', dest='run_in', help='run from this folder with the source as given')
ap.add_argument('--expected', help='the expected output (default: the source with .out)')
ap.add_argument('source')
a = ap.parse_args()

expected_path = a.expected or os.path.splitext(a.source)[0] + '.out'
with open(expected_path, encoding='utf-8', errors='replace') as f:
    expected = f.read()
plusargs = []
flags = a.flags.split()
source_file = os.path.join(a.run_in, a.source) if a.run_in else a.source
with open(source_file, encoding='utf-8', errors='replace') as f:
    for line in f.readlines()[:5]:
        if line.startswith('// plusargs:'):
            plusargs = line.split(':', 1)[1].split()
        if line.startswith('// flags:'):
            flags += line.split(':', 1)[1].split()
env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=os.path.abspath(a.cache))
source = os.path.abspath(a.source)
if a.run_in:
    p = subprocess.run([os.path.abspath(a.bin), '--run'] + flags + [a.source] + plusargs,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=300,
                       cwd=a.run_in)
else:
    with tempfile.TemporaryDirectory() as work:
        os.symlink(source, os.path.join(work, os.path.basename(source)))
        data = os.path.join(os.path.dirname(source), 'data')
        if os.path.isdir(data):
            os.symlink(data, os.path.join(work, 'data'))
        cmd = [os.path.abspath(a.bin), '--run'] + flags + [os.path.basename(source)] + plusargs
        p = subprocess.run(cmd,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=300,
                           cwd=work)
got = p.stdout.decode(errors='replace')
ok = p.returncode == 0 and got == expected
if not ok:
    sys.stderr.write(p.stderr.decode(errors='replace'))
    print(f'exit status {p.returncode}')
    sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), got.splitlines(True),
                                               'expected', 'got'))
sys.exit(0 if ok else 1)
