#!/usr/bin/env python3
"""Compares two VCD files (IEEE 1364-2005 clause 18) as waveforms: the variables (full
hierarchical names, scope kinds, variable kinds and widths) and, per time step, the final value of
every variable and the events triggered. The order of changes inside one time step, identifier
codes, the order of declarations and how values are shortened do not matter; a time step whose
values equal the previous step's (a glitch that returned) is ignored.

usage: vcd_compare.py EXPECTED.vcd GOT.vcd   (exit 0: equal; 1: different, with the reasons)"""
import sys

NET_TYPES = {'wire', 'tri', 'wand', 'wor', 'triand', 'trior', 'tri0', 'tri1', 'supply0',
             'supply1', 'trireg', 'uwire'}


class Vcd:
    def __init__(self, path):
        self.vars = {}    # full name -> (kind, width)
        self.ids = {}     # id code -> [full names]
        self.steps = []   # [(time, {name: value}, frozenset(events))]
        self.timescale = None
        with open(path, encoding='utf-8', errors='replace') as f:
            self.tokens = f.read().split()
        self.pos = 0
        self.parse()

    def next(self):
        t = self.tokens[self.pos]
        self.pos += 1
        return t

    def skip_to_end(self):
        while self.next() != '$end':
            pass

    def parse(self):
        scope = []
        while self.pos < len(self.tokens):
            t = self.next()
            if t == '$scope':
                kind, name = self.next(), self.next()
                self.skip_to_end()
                scope.append(('begin' if kind == 'fork' else kind) + ':' + name)
            elif t == '$upscope':
                self.skip_to_end()
                scope.pop()
            elif t == '$var':
                kind, width, code, name = self.next(), int(self.next()), self.next(), self.next()
                self.skip_to_end()  # an optional [msb:lsb] (or a name's own index)
                if kind in NET_TYPES:
                    kind = 'wire'
                elif kind == 'time':
                    kind = 'reg'  # Icarus declares time variables as reg 64
                full = '.'.join(scope + [name])
                self.vars[full] = (kind, width)
                self.ids.setdefault(code, []).append(full)
            elif t == '$timescale':
                words = []
                while (w := self.next()) != '$end':
                    words.append(w)
                self.timescale = ''.join(words)
            elif t == '$enddefinitions':
                self.skip_to_end()
                break
            elif t.startswith('$'):
                self.skip_to_end()
        self.body()

    def norm(self, name, v):
        kind, width = self.vars[name]
        if kind == 'real':
            try:
                f = float(v)
                return 'nan' if f != f else repr(f)
            except ValueError:
                return v.lower()
        v = v.lower()
        if len(v) < width:
            fill = v[0] if v[0] in 'xz' else '0'
            v = fill * (width - len(v)) + v
        return v[-width:]

    def body(self):
        state, events, time, prev = {}, set(), None, {}

        def close_step():
            nonlocal prev, events
            if time is None:
                return
            if state != prev or events:
                self.steps.append((time, dict(state), frozenset(events)))
            prev = dict(state)
            events = set()

        while self.pos < len(self.tokens):
            t = self.next()
            if t.startswith('#'):
                close_step()
                time = int(t[1:])
            elif t in ('$dumpvars', '$dumpon', '$dumpoff', '$dumpall', '$end'):
                continue
            elif t.startswith('$'):
                self.skip_to_end()
            elif t[0] in 'bBrR':
                value, code = t[1:], self.next()
                self.change(state, events, code, value)
            else:
                self.change(state, events, t[1:], t[0])
        close_step()

    def change(self, state, events, code, value):
        for name in self.ids.get(code, []):
            if self.vars[name][0] == 'event':
                events.add(name)
            else:
                state[name] = self.norm(name, value)


def compare(expected, got):
    problems = []
    if expected.timescale != got.timescale:
        problems.append(f'$timescale: expected {expected.timescale}, got {got.timescale}')
    for name in sorted(set(expected.vars) | set(got.vars)):
        e, g = expected.vars.get(name), got.vars.get(name)
        if e != g:
            problems.append(f'variable {name}: expected {e}, got {g}')
    if problems:
        return problems
    for i in range(max(len(expected.steps), len(got.steps))):
        if i >= len(expected.steps):
            problems.append(f'extra time step #{got.steps[i][0]}')
            break
        if i >= len(got.steps):
            problems.append(f'missing time step #{expected.steps[i][0]}')
            break
        (te, se, ee), (tg, sg, eg) = expected.steps[i], got.steps[i]
        if te != tg:
            problems.append(f'time step {i}: expected #{te}, got #{tg}')
            break
        for name in sorted(set(se) | set(sg)):
            if se.get(name) != sg.get(name):
                problems.append(f'#{te} {name}: expected {se.get(name)}, got {sg.get(name)}')
        if ee != eg:
            problems.append(f'#{te} events: expected {sorted(ee)}, got {sorted(eg)}')
        if len(problems) > 20:
            break
    return problems


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    problems = compare(Vcd(sys.argv[1]), Vcd(sys.argv[2]))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
