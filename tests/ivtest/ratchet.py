#!/usr/bin/env python3
"""Compliance ratchet: runs the ivtest corpus's normal and CE tests with the corpus's own runner
(ivtest.py) and compares the pass counts with the record kept beside this script. Fails (exit 1)
only when a count drops below the record; prints the rates, the tests of the record that no
longer pass and the tests that pass but are not in the record. Exit 77 (skip) when the corpus is
missing.

Compiled models are kept in a pipeline archive (--archive, default: a folder beside --bin), so a
run after the first compiles only the models whose source changed.

  ratchet.py --bin build/metalfpga_cli [--corpus ../shared/ivtest] [-j 2] [--timeout 30]
             [--archive DIR] [--update]

--update rewrites the record with this run's numbers and passing tests.
"""
import argparse, json, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ('normal', 'CE')


def read_results(path):
    """(name, kind, passed, why) per test run; a name may appear twice in tests.tsv."""
    rows = []
    with open(path) as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) >= 3:
                rows.append((parts[0], parts[1], parts[2] == 'pass', parts[3] if len(parts) > 3 else ''))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bin', required=True, help='path of metalfpga_cli')
    ap.add_argument('--corpus', default=os.path.join(HERE, '..', '..', '..', 'shared', 'ivtest'))
    ap.add_argument('--record', default=os.path.join(HERE, 'record.json'))
    ap.add_argument('-j', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=30, help='seconds per test')
    ap.add_argument('--archive', default=None, help='pipeline archive folder for compiled models')
    ap.add_argument('--update', action='store_true', help='write this run into the record')
    a = ap.parse_args()

    corpus = os.path.abspath(a.corpus)
    runner = os.path.join(corpus, 'ivtest.py')
    if not os.path.isfile(runner) or not os.path.isfile(os.path.join(corpus, 'tests.tsv')):
        print(f'ivtest corpus not found at {corpus}; skipped')
        return 77
    binpath = os.path.abspath(a.bin)
    archive = os.path.abspath(a.archive or os.path.join(os.path.dirname(binpath), 'ivtest-archive'))
    os.makedirs(archive, exist_ok=True)
    env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=archive)
    env.pop('METALFPGA_PIPELINE_LOG', None)

    t0 = time.time()
    with tempfile.TemporaryDirectory(prefix='ivtest-ratchet-') as work:
        results = os.path.join(work, 'results.tsv')
        cmd = [sys.executable, runner, '--bin', binpath, '--type', ','.join(KINDS), '-j', str(a.j),
               '--timeout', str(a.timeout), '--results', results]
        p = subprocess.run(cmd, cwd=work, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT)
        if p.returncode != 0 or not os.path.isfile(results):
            print(p.stdout.decode(errors='replace')[-3000:])
            print('ivtest runner failed')
            return 1
        rows = read_results(results)
    elapsed = time.time() - t0

    record = {}
    if os.path.isfile(a.record):
        with open(a.record) as f:
            record = json.load(f)
    counts, totals = {}, {}
    for _, kind, ok, _ in rows:
        totals[kind] = totals.get(kind, 0) + 1
        counts[kind] = counts.get(kind, 0) + ok
    passing = sorted({n for n, _, ok, _ in rows if ok})
    crashed = sorted({n for n, _, ok, why in rows if not ok and why.startswith('crashed')})

    dropped = False
    for kind in KINDS:
        n, total = counts.get(kind, 0), totals.get(kind, 0)
        want = record.get(kind, {}).get('pass', 0)
        rate = 100.0 * n / max(total, 1)
        mark = 'ok' if n >= want else 'BELOW RECORD'
        print(f'ivtest {kind}: {n}/{total} passed ({rate:.1f}%), record {want}: {mark}')
        dropped = dropped or n < want
    was = set(record.get('passing', []))
    lost = sorted(was - set(passing))
    gained = sorted(set(passing) - was)
    def names(xs):
        return ' '.join(xs[:60]) + (f' ... ({len(xs) - 60} more)' if len(xs) > 60 else '')
    if lost:
        print(f'no longer passing ({len(lost)}): ' + names(lost))
    if gained:
        print(f'passing, not in the record ({len(gained)}): ' + names(gained))
    if crashed:
        print(f'crashed ({len(crashed)}): ' + names(crashed))
    print(f'ivtest ratchet: {len(rows)} tests in {elapsed:.0f} s')

    if a.update:
        out = {k: {'pass': counts.get(k, 0), 'total': totals.get(k, 0)} for k in KINDS}
        out['passing'] = passing
        with open(a.record, 'w') as f:
            json.dump(out, f, indent=1)
            f.write('\n')
        print(f'record updated: {a.record}')
        return 0
    return 1 if dropped else 0


if __name__ == '__main__':
    sys.exit(main())
