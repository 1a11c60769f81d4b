"""A small delta reducer for Verilog test cases: drops lines (in halving chunks), then replaces
parenthesised operations by one of their operands, while `interesting(text)` stays true."""

import re
import time

# Binary and ternary operators as vgen.py writes them: surrounded by single spaces.
_OPS = re.compile(r" (\?|:|\+|-|\*|/|%|&|\||\^|~\^|<<<|>>>|<<|>>|==|!=|===|!==|<|<=|>|>=|&&|\|\|) ")


def _drop_lines(lines, interesting, deadline):
    chunk = max(1, len(lines) // 2)
    while chunk >= 1 and time.time() < deadline:
        i, changed = 0, False
        while i < len(lines) and time.time() < deadline:
            trial = lines[:i] + lines[i + chunk:]
            if trial and interesting("\n".join(trial) + "\n"):
                lines, changed = trial, True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    return lines


def _depth_change(line):
    """How much a line opens (+) or closes (-) begin/case/generate/function blocks."""
    t = line.strip()
    d = 0
    if re.match(r"end(case|generate|function)?\b", t):
        d -= 1
    if re.search(r"\bbegin(\s*:\s*\w+)?$", t) or re.match(r"(case|generate|function)\b", t):
        d += 1
    return d


def _match(lines, i):
    """The line that closes the block line i opens, or None."""
    if _depth_change(lines[i]) <= 0:
        return None
    depth = 0
    for j in range(i, len(lines)):
        depth += _depth_change(lines[j]) if j > i else 1
        if depth == 0:
            return j
    return None


def _drop_blocks(lines, interesting, deadline):
    """Drops whole blocks (header to closing line), else only their header and closing line."""
    i = 0
    while i < len(lines) and time.time() < deadline:
        j = _match(lines, i)
        if j is not None and not lines[i].lstrip().startswith("module"):
            for trial in (lines[:i] + lines[j + 1:], lines[:i] + lines[i + 1:j] + lines[j + 1:]):
                if interesting("\n".join(trial) + "\n"):
                    lines = trial
                    break
            else:
                i += 1
            continue
        i += 1
    return lines


def _groups(line):
    """(start, end) of every balanced (...) in line, outermost first."""
    stack, out = [], []
    for i, c in enumerate(line):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            out.append((stack.pop(), i + 1))
    return sorted(out, key=lambda g: g[0])


def _operands(inner):
    """The operands of inner's top-level operators (none when it has none)."""
    depth, parts, last = 0, [], 0
    i = 0
    while i < len(inner):
        c = inner[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif depth == 0 and c == " ":
            m = _OPS.match(inner, i)
            if m:
                parts.append(inner[last:i])
                last = i = m.end()
                continue
        i += 1
    return parts + [inner[last:]] if parts else []


def _simplify_exprs(lines, interesting, deadline):
    progress = True
    while progress and time.time() < deadline:
        progress = False
        for n in range(len(lines)):
            for start, end in _groups(lines[n]):
                if time.time() >= deadline:
                    return lines
                line = lines[n]
                for op in _operands(line[start + 1:end - 1]):
                    trial_line = line[:start] + "(" + op.strip() + ")" + line[end:]
                    trial = lines[:n] + [trial_line] + lines[n + 1:]
                    if interesting("\n".join(trial) + "\n"):
                        lines, progress = trial, True
                        break
                if lines[n] != line:
                    break  # the groups moved; look at this line again next round
    return lines


def reduce(text, interesting, seconds=600):
    deadline = time.time() + seconds
    lines = text.splitlines()
    lines = _drop_lines(lines, interesting, deadline)
    lines = _drop_blocks(lines, interesting, deadline)
    lines = _simplify_exprs(lines, interesting, deadline)
    lines = _drop_blocks(lines, interesting, deadline)
    lines = _drop_lines(lines, interesting, deadline)
    return "\n".join(lines) + "\n"
