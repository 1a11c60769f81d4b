#!/usr/bin/env python3
"""Parses every source of the ivtest corpus that should compile (kinds normal and CO) with
`metalfpga_cli --parse-only`, the way the corpus runner passes its flags, and reports the rate.
Also checks that no CE source crashes the parser. Exits 1 when the rate is below --min or when
anything crashed.

  ivtest_parse.py --bin build/metalfpga_cli [--corpus ../shared/ivtest] [--min 99] [-v]
"""
import argparse, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor


def load(corpus):
    tests = []
    with open(os.path.join(corpus, 'tests.tsv')) as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            name, kind, src, args, _gold, _unordered, top = (line.rstrip('\n').split('\t') + [''] * 7)[:7]
            tests.append(dict(name=name, kind=kind, src=src, args=args.split(), top=top))
    return tests


def parse(binpath, corpus, t):
    flags = [a for a in t['args'] if a.startswith(('-f', '-y', '-I', '-D'))]
    cmd = [binpath, '--parse-only'] + flags + (['--top', t['top']] if t['top'] else []) + [t['src']]
    try:
        p = subprocess.run(cmd, cwd=corpus, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, timeout=60)
        return p.returncode, p.stdout.decode(errors='replace')
    except subprocess.TimeoutExpired:
        return None, 'timeout'


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--corpus', default=os.path.join(here, '..', '..', '..', 'shared', 'ivtest'))
    ap.add_argument('--min', type=float, default=99.0, help='lowest acceptable parse rate, percent')
    ap.add_argument('-j', type=int, default=os.cpu_count() or 1)
    ap.add_argument('-v', action='store_true', help='list every failure with its first error')
    a = ap.parse_args()
    corpus = os.path.abspath(a.corpus)
    if not os.path.isfile(os.path.join(corpus, 'tests.tsv')):
        print(f'ivtest corpus not found at {corpus}; skipped')
        return 77
    binpath = os.path.abspath(a.bin)
    tests = [t for t in load(corpus)]
    with ThreadPoolExecutor(a.j) as ex:
        results = list(ex.map(lambda t: (t, *parse(binpath, corpus, t)), tests))
    good = [r for r in results if r[0]['kind'] in ('normal', 'CO')]
    failed = [r for r in good if r[1] != 0]
    crashed = [r for r in results if r[1] is None or r[1] < 0 or r[1] >= 3]
    for t, rc, out in (failed if a.v else []) + crashed:
        first = next((l for l in out.splitlines() if 'error' in l), out.strip()[:200])
        print(f'FAIL {t["name"]} ({t["kind"]}, rc={rc}): {first}')
    rate = 100.0 * (len(good) - len(failed)) / max(1, len(good))
    print(f'ivtest parse: {len(good) - len(failed)} of {len(good)} normal/CO sources parse '
          f'({rate:.2f}%, bar {a.min}%); {len(crashed)} crashed or timed out')
    return 0 if rate >= a.min and not crashed else 1


if __name__ == '__main__':
    sys.exit(main())
