#!/usr/bin/env python3
"""Draws the benchmark report's log-log line charts with matplotlib.

    bench/plot.py CHARTS.json

CHARTS.json is a list of charts: {"path", "title", "xlabel", "ylabel", "series": {label:
[[x, y], ...]}}. bench/run.py calls draw() directly when its own Python has matplotlib, and
otherwise runs this file with a Python that has it (Debian's python3-matplotlib belongs to
/usr/bin/python3, which need not be the python3 on PATH).
"""
import json
import sys


def draw(charts):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    for c in charts:
        fig, ax = plt.subplots(figsize=(7, 4))
        for label, pts in c["series"].items():
            if pts:
                ax.plot(*zip(*pts), marker="o", label=label)
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.set_xlabel(c["xlabel"])
        ax.set_ylabel(c["ylabel"])
        ax.set_title(c["title"])
        ax.legend(fontsize=8)
        ax.grid(True, which="both", alpha=0.3)
        fig.tight_layout()
        # no timestamp in the PNG, so an unchanged chart gives an unchanged file
        fig.savefig(c["path"], dpi=100, metadata={"Software": None})
        plt.close(fig)


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        draw(json.load(f))
