#!/usr/bin/env python3
"""scripts/runtime-profile: two runs of a small design give a Markdown table of every stage;
a baseline with tiny means fails the comparison, a huge one passes, and a saved baseline reads
back."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument('--script', required=True)
ap.add_argument('--bin', required=True)
ap.add_argument('--cache', required=True)
ap.add_argument('source')
a = ap.parse_args()

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=os.path.abspath(a.cache))


def profile(*opts):
    p = subprocess.run([sys.executable, a.script, '-n', '2', '--bin', a.bin] + list(opts) +
                       ['--', '--run', '--backend', 'cpu', a.source],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=300)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


with tempfile.TemporaryDirectory() as tmp:
    saved = os.path.join(tmp, 'base.json')
    rc, out, err = profile('--save-baseline', saved)
    check(rc == 0, f'plain profile exit {rc}: {err}')
    check('| stage | mean | median | min | max | runs |' in out, 'table header missing:\n' + out)
    rows = {line.split('|')[1].strip(): line for line in out.splitlines()
            if line.startswith('| ') and not line.startswith('| stage')}
    for stage in ('parse', 'elaborate', 'codegen', 'engine-init', 'simulation', 'step', 'drain',
                  'rounds (count)'):
        check(stage in rows, f'no row for {stage}:\n{out}')
    check(any(s in rows for s in ('compile', 'archive-load')), 'no load stage row')
    if 'simulation' in rows:
        cells = [c.strip() for c in rows['simulation'].split('|')[2:7]]
        vals = [float(c) for c in cells[:4]]
        check(vals[2] <= vals[0] <= vals[3] and vals[2] <= vals[1] <= vals[3],
              f'mean/median outside min..max: {cells}')
        check(cells[4] == '2', f'runs column {cells[4]}')
    data = json.load(open(saved))
    check(data['runs'] == 2 and 'simulation' in data['stages'], 'saved baseline content')

    tiny = os.path.join(tmp, 'tiny.json')
    json.dump({'stages': {s: {'mean': 1e-6, 'ms': True} for s in ('parse', 'simulation')}},
              open(tiny, 'w'))
    rc, out, err = profile('--baseline', tiny)
    check(rc == 1, f'a tiny baseline must fail (exit {rc})')
    check('SLOWER' in out and 'simulation' in err, 'tiny baseline report:\n' + out + err)

    huge = os.path.join(tmp, 'huge.json')
    json.dump({s: 1e9 for s in ('parse', 'elaborate', 'codegen', 'simulation', 'step')},
              open(huge, 'w'))
    rc, out, err = profile('--baseline', huge, '--threshold', '5')
    check(rc == 0, f'a huge baseline must pass (exit {rc}): {err}')
    check('| simulation |' in out.split('Compared with')[-1] and 'SLOWER' not in out,
          'huge baseline report:\n' + out)

    rc, out, err = profile('--baseline', tiny, '--min-ms', '1')
    check(rc == 0 and 'not compared' in out, f'--min-ms skips tiny baselines (exit {rc})')

    rc, _, err = profile('--baseline', os.path.join(tmp, 'missing.json'))
    check(rc == 2, f'a missing baseline is a usage error (exit {rc})')

for f in failures:
    print('FAIL:', f)
sys.exit(1 if failures else 0)
