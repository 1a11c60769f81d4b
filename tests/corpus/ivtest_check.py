#!/usr/bin/env python3
"""Runs `metalfpga_cli --check` (parse + elaborate) over the ivtest corpus and reports two rates:
the normal/CO sources that parse must also elaborate, and the CE sources (which Icarus rejects)
must be rejected. Nothing may crash. Exits 1 when a rate is below its floor or anything crashed.

  ivtest_check.py --bin build/metalfpga_cli [--corpus ../shared/ivtest] [--min-good 95]
                  [--min-ce 85] [-v]
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


def run(binpath, corpus, t, mode):
    flags = [a for a in t['args'] if a.startswith(('-f', '-y', '-I', '-D', '-T'))]
    cmd = [binpath, mode] + flags + (['--top', t['top']] if t['top'] else []) + [t['src']]
    try:
        p = subprocess.run(cmd, cwd=corpus, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, timeout=60)
        return p.returncode, p.stdout.decode(errors='replace')
    except subprocess.TimeoutExpired:
        return None, 'timeout'


def first_error(out):
    return next((l for l in out.splitlines() if 'error' in l), out.strip()[:200])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--corpus', default=os.path.join(here, '..', '..', '..', 'shared', 'ivtest'))
    ap.add_argument('--min-good', type=float, default=95.0,
                    help='lowest acceptable elaboration rate of parsing normal/CO sources, percent')
    ap.add_argument('--min-ce', type=float, default=85.0,
                    help='lowest acceptable rejection rate of CE sources, percent')
    ap.add_argument('-j', type=int, default=os.cpu_count() or 1)
    ap.add_argument('-v', action='store_true', help='list every miss with its first error')
    a = ap.parse_args()
    corpus = os.path.abspath(a.corpus)
    if not os.path.isfile(os.path.join(corpus, 'tests.tsv')):
        print(f'ivtest corpus not found at {corpus}; skipped')
        return 77
    binpath = os.path.abspath(a.bin)
    tests = load(corpus)

    def one(t):
        rc, out = run(binpath, corpus, t, '--check')
        prc = None
        if t['kind'] != 'CE' and rc != 0:
            prc, _ = run(binpath, corpus, t, '--parse-only')
        return t, rc, out, prc

    with ThreadPoolExecutor(a.j) as ex:
        results = list(ex.map(one, tests))
    crashed = [r for r in results if r[1] is None or r[1] < 0 or r[1] >= 3]
    good = [r for r in results if r[0]['kind'] in ('normal', 'CO')]
    parsing = [r for r in good if r[1] == 0 or r[3] == 0]
    good_fail = [r for r in parsing if r[1] != 0]
    ce = [r for r in results if r[0]['kind'] == 'CE']
    ce_missed = [r for r in ce if r[1] == 0]
    if a.v:
        for t, rc, out, _ in good_fail:
            print(f'ELAB-FAIL {t["name"]}: {first_error(out)}')
        for t, rc, out, _ in ce_missed:
            print(f'CE-ACCEPTED {t["name"]}')
    for t, rc, out, _ in crashed:
        print(f'CRASH {t["name"]} (rc={rc}): {out.strip()[-300:]}')
    good_rate = 100.0 * (len(parsing) - len(good_fail)) / max(1, len(parsing))
    ce_rate = 100.0 * (len(ce) - len(ce_missed)) / max(1, len(ce))
    print(f'ivtest check: {len(parsing) - len(good_fail)} of {len(parsing)} parsing normal/CO '
          f'sources elaborate ({good_rate:.2f}%, floor {a.min_good}%); '
          f'{len(ce) - len(ce_missed)} of {len(ce)} CE sources rejected ({ce_rate:.2f}%, '
          f'floor {a.min_ce}%); {len(crashed)} crashed or timed out')
    ok = good_rate >= a.min_good and ce_rate >= a.min_ce and not crashed
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
