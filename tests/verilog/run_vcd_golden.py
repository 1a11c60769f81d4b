#!/usr/bin/env python3
"""Runs one VCD golden test: `metalfpga_cli --run --vcd-dir TMP FILE.v` must exit 0 and write the
VCD file the design names with $dumpfile, equal (vcd_compare.py) to FILE.vcd, the file Icarus
Verilog writes (iverilog -o x FILE.v && vvp -n x). The run is made with --count 2 too: instance 1
writes NAME.1.EXT, which must be the same waveform. Where GTKWave's vcd2fst is installed, the
file must also convert."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import vcd_compare  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True)
ap.add_argument('--cache', required=True, help='pipeline cache folder for the compiled models')
ap.add_argument('source')
a = ap.parse_args()
a.bin, a.cache, a.source = (os.path.abspath(x) for x in (a.bin, a.cache, a.source))

expected = os.path.splitext(a.source)[0] + '.vcd'
with open(a.source, encoding='utf-8', errors='replace') as f:
    m = re.search(r'\$dumpfile\s*\(\s*"([^"]*)"', f.read())
name = m.group(1) if m else 'dump.vcd'
stem, ext = os.path.splitext(name)
env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=a.cache)
failed = False
with tempfile.TemporaryDirectory() as tmp:
    for count in (1, 2):
        out = os.path.join(tmp, f'run{count}')
        os.mkdir(out)
        p = subprocess.run([a.bin, '--run', '--vcd-dir', out, '--count', str(count), a.source],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=300,
                           cwd=tmp)
        if p.returncode != 0:
            sys.stdout.write(p.stdout.decode(errors='replace'))
            sys.stdout.write(p.stderr.decode(errors='replace'))
            print(f'--count {count}: exit status {p.returncode}')
            failed = True
            continue
        files = [os.path.join(out, name)]
        if count == 2:
            files.append(os.path.join(out, stem + '.1' + ext))
        for got in files:
            if not os.path.exists(got):
                print(f'--count {count}: {os.path.basename(got)} was not written')
                failed = True
                continue
            problems = vcd_compare.compare(vcd_compare.Vcd(expected), vcd_compare.Vcd(got))
            for line in problems:
                print(f'--count {count} {os.path.basename(got)}: {line}')
            failed |= bool(problems)
            if shutil.which('vcd2fst'):
                c = subprocess.run(['vcd2fst', got, got + '.fst'], stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, timeout=120)
                if c.returncode != 0:
                    print(f'vcd2fst failed on {os.path.basename(got)}:')
                    sys.stdout.write(c.stdout.decode(errors='replace'))
                    failed = True
            if failed:
                with open(got, encoding='utf-8', errors='replace') as f:
                    sys.stdout.write(f.read())
sys.exit(1 if failed else 0)
