#!/usr/bin/env python3
"""SIGINT/SIGTERM during a simulation that writes a file with $fwrite every time step forever:
the run must stop with status 130/143 and the file must hold every line written so far, whole
(the host flushes and closes every open file before it exits)."""
import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time

DESIGN = r'''
module forever_writer;
  integer fd, i;
  initial begin
    fd = $fopen("out.txt", "w");
    i = 0;
    forever begin
      #1 $fwrite(fd, "line %0d of a file written every time step\n", i);
      i = i + 1;
    end
  end
endmodule
'''

ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True)
ap.add_argument('--cache', required=True)
a = ap.parse_args()
env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=os.path.abspath(a.cache))
failed = False
for sig, status in ((signal.SIGINT, 130), (signal.SIGTERM, 143)):
    with tempfile.TemporaryDirectory() as work:
        with open(os.path.join(work, 'w.v'), 'w') as f:
            f.write(DESIGN)
        p = subprocess.Popen([os.path.abspath(a.bin), '--run', 'w.v'], cwd=work, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out = os.path.join(work, 'out.txt')
        deadline = time.time() + 240
        while not os.path.exists(out) and time.time() < deadline and p.poll() is None:
            time.sleep(0.05)
        time.sleep(1.0)
        p.send_signal(sig)
        try:
            _, err = p.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()
            print(f'{sig.name}: the simulation did not stop')
            failed = True
            continue
        text = open(out).read() if os.path.exists(out) else ''
        lines = text.split('\n')
        whole = text.endswith('\n') and len(lines) > 1
        expected = [f'line {i} of a file written every time step' for i in range(len(lines) - 1)]
        ok = p.returncode == status and whole and lines[:-1] == expected
        print(f'{sig.name}: exit status {p.returncode} (expected {status}), '
              f'{len(lines) - 1} whole lines, {"ok" if ok else "FAILED"}')
        if not ok:
            sys.stderr.write(err.decode(errors='replace'))
            failed = True
sys.exit(1 if failed else 0)
