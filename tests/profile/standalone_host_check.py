#!/usr/bin/env python3
"""--emit-host: for each golden test, `metalfpga_cli --run --backend cpu` stores the model in a
fresh pipeline archive and --emit-host writes the standalone host; the host, built with the C++
compiler against libmetalfpga_host.a, must print exactly what the normal run printed (the
test's Icarus output) on --backend cpu and auto. Where no GPU is present, --backend cuda must
fail cleanly (exit 1, "no CUDA device is present") and auto must fall back to the CPU. Where a
GPU is present (nvidia-smi -L lists one) and the build has CUDA, `--run --backend cuda` stores
the CUDA entry too and the host's --backend cuda (and auto) must print the CPU output. A host
whose archive lacks an entry, or holds a corrupt or another model's one, says so and exits 1.
The tests run in a temporary folder with the test's data/ (as run_sim_golden.py does) and use
the plusargs named in the test."""
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
ap.add_argument('--src', required=True,
                help='the source tree (its src/ holds standalone/standalone.h)')
ap.add_argument('--lib-dir', required=True, help='the folder holding libmetalfpga_host.a')
ap.add_argument('--cuda-build', type=int, default=1,
                help='1 when the build (and so libmetalfpga_host.a) has the CUDA backend')
ap.add_argument('sources', nargs='+')
a = ap.parse_args()

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def gpu_present():
    if not shutil.which('nvidia-smi'):
        return False
    try:
        p = subprocess.run(['nvidia-smi', '-L'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return p.returncode == 0 and b'GPU ' in p.stdout


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


def cuda_entries(archive):
    return {f for f in os.listdir(archive) if f.startswith('cuda-')} if os.path.isdir(archive) \
        else set()


gpu = gpu_present()
cuda = gpu and a.cuda_build
no_cuda_message = 'no CUDA device is present' if a.cuda_build else 'without the CUDA backend'
print(f'GPU present: {gpu}; CUDA backend in the build: {bool(a.cuda_build)}')


def check_host(name, host, plus, work, env, archive, normal):
    """The host on each backend, from `archive`, against the normal run's output."""
    for backend in ['cpu', 'auto']:
        rc, got, err = run([host, '--backend', backend] + plus, work, env)
        check(rc == 0 and got == normal,
              f'{name}: host --backend {backend} (exit {rc}) differs:\n{got}\n{err}')
    rc, got, err = run([host, '--backend', 'cuda'] + plus, work, env)
    if cuda:
        check(rc == 0 and got == normal,
              f'{name}: host --backend cuda (exit {rc}) differs:\n{got}\n{err}')
        rc, got, err = run([host, '--run-verbose'] + plus, work, env)
        check(rc == 0 and got == normal and 'backend auto: CUDA' in err,
              f'{name}: host --backend auto on a GPU (exit {rc}): {err!r}')
    else:
        check(rc == 1 and got == '' and no_cuda_message in err,
              f'{name}: host --backend cuda without a GPU: exit {rc}, stderr {err!r}')
        rc, got, err = run([host, '--run-verbose'] + plus, work, env)
        check(rc == 0 and got == normal and 'backend auto: CPU' in err,
              f'{name}: host --backend auto without a GPU (exit {rc}): {err!r}')
    # The archive given on the command line wins over the environment.
    rc, got, err = run([host, '--pipeline-archive', archive] + plus, work,
                       dict(env, METALFPGA_PIPELINE_ARCHIVE=os.path.join(work, 'none')))
    check(rc == 0 and got == normal, f'{name}: --pipeline-archive (exit {rc}) {err}')


def corrupt_copy(archive, dest):
    """A copy of the archive with one byte in the middle of every entry flipped (in a CUDA
    entry, a byte of the cubin, which its checksum covers)."""
    shutil.copytree(archive, dest)
    for f in os.listdir(dest):
        p = os.path.join(dest, f)
        at = os.path.getsize(p) // 2
        with open(p, 'r+b') as fh:
            fh.seek(at)
            b = fh.read(1)
            fh.seek(at)
            fh.write(bytes([b[0] ^ 0xff]))


def check_failures(host, tmp, env, archive, entries):
    """Missing, corrupt and mismatched entries, options, --profile."""
    empty = os.path.join(tmp, 'empty')
    os.mkdir(empty)
    for backend in ['auto', 'cpu'] + (['cuda'] if cuda else []):
        rc, out, err = run([host, '--backend', backend, '--pipeline-archive', empty], tmp, env)
        check(rc == 1 and 'no entry' in err and out == '',
              f'missing entry (--backend {backend}): exit {rc}, stderr {err!r}')
    if not cuda:
        rc, out, err = run([host, '--backend', 'cuda', '--pipeline-archive', empty], tmp, env)
        check(rc == 1 and no_cuda_message in err and out == '',
              f'--backend cuda without a GPU, empty archive: exit {rc}, {err!r}')
    bad = os.path.join(tmp, 'bad')
    corrupt_copy(archive, bad)
    for backend in ['cpu'] + (['cuda'] if cuda else []):
        rc, out, err = run([host, '--backend', backend, '--pipeline-archive', bad], tmp, env)
        check(rc == 1 and 'corrupt' in err and out == '',
              f'corrupt entry (--backend {backend}): exit {rc}, {err!r}')
    if cuda and len(entries) > 1 and all(entries[:2]):
        # Another model's CUDA entry under this model's name.
        mixed = os.path.join(tmp, 'mixed')
        os.mkdir(mixed)
        shutil.copy(os.path.join(archive, entries[1]), os.path.join(mixed, entries[0]))
        rc, out, err = run([host, '--backend', 'cuda', '--pipeline-archive', mixed], tmp, env)
        check(rc == 1 and 'another key' in err and out == '',
              f'mismatched CUDA entry: exit {rc}, {err!r}')
    if cuda:
        # auto on a GPU falls back to the CPU where the archive holds no CUDA entry.
        cpu_only = os.path.join(tmp, 'cpu_only')
        shutil.copytree(archive, cpu_only,
                        ignore=lambda d, names: [f for f in names if f.startswith('cuda-')])
        rc, out, err = run([host, '--run-verbose', '--pipeline-archive', cpu_only], tmp, env)
        check('backend auto: CPU' in err and 'error' not in err,
              f'auto without a CUDA entry: exit {rc}, {err!r}')
    rc, out, _ = run([host, '--help'], tmp, env)
    check(rc == 0 and '--pipeline-archive' in out and '--backend' in out, 'host --help')
    rc, _, err = run([host, '--bogus'], tmp, env)
    check(rc == 2 and 'unknown option' in err, f'host bad option: exit {rc}')
    rc, _, err = run([host, '--backend', 'metal'], tmp, env)
    check(rc == 2 and '--backend' in err, f'host bad --backend: exit {rc}')
    rc, _, err = run([host, '--profile', '--pipeline-archive', archive], tmp, env)
    check('[profile] archive-load ' in err and '[profile] simulation ' in err,
          f'host --profile: {err!r}')


with tempfile.TemporaryDirectory() as tmp:
    archive = os.path.join(tmp, 'archive')
    env = {k: v for k, v in os.environ.items() if not k.startswith('METALFPGA_PIPELINE')}
    env['METALFPGA_PIPELINE_ARCHIVE'] = archive
    hosts = []
    entries = []  # each test's CUDA entry (file name), when stored
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
        if cuda:
            before = cuda_entries(archive)
            rc, got, err = run([a.bin, '--run', '--backend', 'cuda', os.path.basename(src)] + plus,
                               work, env)
            check(rc == 0 and got == normal, f'{name}: --run --backend cuda (exit {rc}) {err}')
            new = cuda_entries(archive) - before
            entries.append(new.pop() if len(new) == 1 else None)
        with open(host_cpp, encoding='utf-8') as f:
            text = f.read()
        check('-lmetalfpga_host -ldl -pthread' in text.split('#include')[0],
              f'{name}: no build command')
        host = os.path.join(tmp, f'{name}_host')
        cmd = [a.cxx, '-std=c++20', '-O1', host_cpp, '-I', os.path.join(a.src, 'src'), '-L',
               a.lib_dir, '-lmetalfpga_host', '-ldl', '-pthread', '-o', host]
        cmd[1:1] = a.cxx_flags.split()
        rc, _, err = run(cmd, tmp, env)
        if rc != 0:
            failures.append(f'{name}: building the host failed:\n{err[:3000]}')
            continue
        hosts.append(host)
        check_host(name, host, plus, work, env, archive, normal)

    if hosts:
        check_failures(hosts[0], tmp, env, archive, entries)

for f in failures:
    print('FAIL:', f)
sys.exit(1 if failures else 0)
