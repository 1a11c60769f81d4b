"""Shared by the reliability checks: arguments, a work folder, running the CLI, reporting."""

import argparse
import os
import shutil
import subprocess
import sys


def parse_args(extra=None):
    """--bin (the metalfpga_cli to test) and --work (a folder this check may fill)."""
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--work", required=True)
    if extra:
        extra(p)
    args = p.parse_args()
    args.bin = os.path.abspath(args.bin)
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    return args


def write(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def run(cmd, timeout=300, **kw):
    """Runs cmd; returns (exit status, stdout, stderr). A timeout is status None."""
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
        return r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
        return None, out, "timed out"


class Checks:
    """Collects failures; finish() prints them and exits 1 if any."""

    def __init__(self):
        self.failures = []
        self.count = 0

    def expect(self, ok, what, detail=""):
        self.count += 1
        if not ok:
            self.failures.append(f"{what}\n{detail}".rstrip())

    def finish(self):
        for f in self.failures:
            print("FAIL:", f, "\n")
        print(f"{self.count - len(self.failures)}/{self.count} checks passed")
        sys.exit(1 if self.failures else 0)
