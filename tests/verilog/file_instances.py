#!/usr/bin/env python3
"""--count N: each instance has its own descriptors; a file the design writes as NAME goes to
NAME for instance 0 and to NAME with ".k" before the extension for instance k (docs/cli.md);
files it reads are the named ones for every instance."""
import argparse
import os
import subprocess
import sys
import tempfile

DESIGN = r'''
module per_instance;
  integer fd, m, id, r;
  reg [7:0] mem [0:3];
  reg [8*32:1] line;
  initial begin
    if (!$value$plusargs("id=%d", id)) id = -1;
    fd = $fopen("result.txt", "w");
    m = $fopen("log");
    $fdisplay(fd, "instance id %0d", id);
    $fdisplay(m | 1, "log of %0d", id);
    mem[0] = id; mem[1] = id + 1; mem[2] = id + 2; mem[3] = id + 3;
    $writememh("mem.hex", mem);
    $fclose(fd);
    $fclose(m);
    fd = $fopen("input.txt", "r");
    r = $fgets(line, fd);
    $display("%0d read %0s", id, line);
    $finish;
  end
endmodule
'''

ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True)
ap.add_argument('--cache', required=True)
a = ap.parse_args()
env = dict(os.environ, METALFPGA_PIPELINE_ARCHIVE=os.path.abspath(a.cache))
with tempfile.TemporaryDirectory() as work:
    def put(name, text):
        with open(os.path.join(work, name), 'w') as f:
            f.write(text)

    def get(name):
        path = os.path.join(work, name)
        return open(path).read() if os.path.exists(path) else None

    put('p.v', DESIGN)
    put('plusargs.txt', '+id=10\n+id=20\n+id=30\n')
    put('input.txt', 'shared input\n')
    p = subprocess.run([os.path.abspath(a.bin), '--run', 'p.v', '--count', '3',
                        '--instance-plusargs', 'plusargs.txt'], cwd=work, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    failures = []
    if p.returncode != 0:
        failures.append(f'exit status {p.returncode}: {p.stderr.decode(errors="replace")}')
    for k, (suffix, log, hexname) in enumerate((('result.txt', 'log', 'mem.hex'),
                                                ('result.1.txt', 'log.1', 'mem.1.hex'),
                                                ('result.2.txt', 'log.2', 'mem.2.hex'))):
        id_ = 10 * (k + 1)
        want = {suffix: f'instance id {id_}\n', log: f'log of {id_}\n',
                hexname: '// 0x00000000\n' + ''.join(f'{id_ + i:02x}\n' for i in range(4))}
        for name, text in want.items():
            if get(name) != text:
                failures.append(f'{name}: expected {text!r}, got {get(name)!r}')
    out = p.stdout.decode(errors='replace')
    for k in range(3):
        prefix = f'[{k}] ' if k else ''
        for line in (f'{prefix}log of {10 * (k + 1)}', f'{prefix}{10 * (k + 1)} read shared input'):
            if line not in out.splitlines():
                failures.append(f'stdout lacks {line!r}:\n{out}')
    for f in failures:
        print(f)
    print('ok' if not failures else 'FAILED')
    sys.exit(1 if failures else 0)
