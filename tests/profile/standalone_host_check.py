#!/usr/bin/env python3
"""--emit-host: for each golden test, `metalfpga_cli --run` stores the model in a fresh
pipeline archive and --emit-host writes the standalone host; the host, built with the C++
compiler against libmetalfpga_host.a, must print exactly what the normal run printed (the
test's Icarus output). A host whose archive lacks the entry, or holds a corrupt one, says so and
exits non-zero. The tests run in a temporary folder with the test's data/ (as
run_sim_golden.py does) and use the plusargs named in the test."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True)
ap.add_argument('--cxx', required=True)
ap.add_argument('--cxx-flags', default='')
ap.add_argument('--src', required=True, help='the source tree (its src/ holds runtime/standalone.h)')
ap.add_argument('--lib-dir', required=True, help='the folder holding libmetalfpga_host.a')
ap.add_argument('sources', nargs='+')
a = ap.parse_args()

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def plusargs_of(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f.readlines()[:5]:
            if line.startswith('// plusargs:'):
                return line.split(':', 1)[1].split()
    return []


def run(cmd, cwd, env):
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=300)
    return p.returncode, p.stdout.decode(errors='replace'), p.stderr.decode(errors='replace')


with tempfile.TemporaryDirectory() as tmp:
    archive = os.path.join(tmp, 'archive')
    env = {k: v for k, v in os.environ.items() if not k.startswith('METALFPGA_PIPELINE')}
    env['METALFPGA_PIPELINE_ARCHIVE'] = archive
    hosts = []
    for n, src in enumerate(a.sources):
        src = os.path.abspath(src)
        name = os.path.splitext(os.path.basename(src))[0]
        with open(os.path.splitext(src)[0] + '.out', encoding='utf-8', errors='replace') as f:
            expected = f.read()
        work = os.path.join(tmp, f'work{n}')
        os.mkdir(work)
        os.symlink(src, os.path.join(work, os.path.basename(src)))
        data = os.path.join(os.path.dirname(src), 'data')
        if os.path.isdir(data):
            os.symlink(data, os.path.join(work, 'data'))
        host_cpp = os.path.join(tmp, f'{name}_host.cpp')
        plus = plusargs_of(src)
        rc, normal, err = run([a.bin, '--run', '--backend', 'cpu', '--emit-host', host_cpp,
                               os.path.basename(src)] + plus, work, env)
        check(rc == 0 and normal == expected, f'{name}: normal run (exit {rc}) {err}')
        with open(host_cpp, encoding='utf-8') as f:
            text = f.read()
        check('-lmetalfpga_host' in text.split('#include')[0], f'{name}: no build command')
        host = os.path.join(tmp, f'{name}_host')
        cmd = [a.cxx, '-std=c++20', '-O1', host_cpp, '-I', os.path.join(a.src, 'src'), '-L',
               a.lib_dir, '-lmetalfpga_host', '-ldl', '-pthread', '-o', host]
        cmd[1:1] = a.cxx_flags.split()
        rc, _, err = run(cmd, tmp, env)
        if rc != 0:
            failures.append(f'{name}: building the host failed:\n{err[:3000]}')
            continue
        hosts.append(host)
        rc, got, err = run([host] + plus, work, env)
        check(rc == 0 and got == normal, f'{name}: host run (exit {rc}) differs:\n{got}\n{err}')
        # The archive given on the command line wins over the environment.
        rc, got, err = run([host, '--pipeline-archive', archive] + plus, work,
                           dict(env, METALFPGA_PIPELINE_ARCHIVE=os.path.join(tmp, 'none')))
        check(rc == 0 and got == normal, f'{name}: --pipeline-archive (exit {rc}) {err}')

    if hosts:
        host = hosts[0]
        empty = os.path.join(tmp, 'empty')
        os.mkdir(empty)
        rc, out, err = run([host, '--pipeline-archive', empty], tmp, env)
        check(rc != 0 and 'no entry' in err and out == '',
              f'missing entry: exit {rc}, stderr {err!r}')
        # A corrupt copy of the archive.
        bad = os.path.join(tmp, 'bad')
        shutil.copytree(archive, bad)
        for f in os.listdir(bad):
            p = os.path.join(bad, f)
            with open(p, 'r+b') as fh:
                fh.seek(100)
                b = fh.read(1)
                fh.seek(100)
                fh.write(bytes([b[0] ^ 0xff]))
        rc, out, err = run([host, '--pipeline-archive', bad], tmp, env)
        check(rc != 0 and 'corrupt' in err and out == '', f'corrupt entry: exit {rc}, {err!r}')
        rc, out, _ = run([host, '--help'], tmp, env)
        check(rc == 0 and '--pipeline-archive' in out, 'host --help')
        rc, _, err = run([host, '--bogus'], tmp, env)
        check(rc == 2 and 'unknown option' in err, f'host bad option: exit {rc}')
        rc, _, err = run([host, '--profile', '--pipeline-archive', archive], tmp, env)
        check('[profile] archive-load ' in err and '[profile] simulation ' in err,
              f'host --profile: {err!r}')

for f in failures:
    print('FAIL:', f)
sys.exit(1 if failures else 0)
