#!/usr/bin/env python3
"""Start-up time of the ``claims`` command: wall seconds of whole processes, median of runs.

usage: python scripts/startup.py [--runs N] [--json]

Each figure is a fresh ``python -m pipeline ARGS`` (the ``claims`` command) or ``python -c
'import pipeline'``, after one run that is not counted (it warms the file cache). A bare
``python -c pass`` is printed too: the interpreter's own share, so the figures can be
read as ratios on a busy machine. ``scripts/benchmark.py`` calls ``measure_startup()``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

COMMANDS: dict[str, tuple[str, ...]] = {
    "claims --help": ("-m", "pipeline", "--help"),
    "claims --version": ("-m", "pipeline", "--version"),
    "claims extract --help": ("-m", "pipeline", "extract", "--help"),
    "import pipeline": ("-c", "import pipeline"),
    "python alone": ("-c", "pass"),
}


def _median_wall(python_args: Sequence[str], runs: int) -> float:
    command = [sys.executable, *python_args]
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def measure_startup(args: Sequence[str] = ("--help",), *, runs: int = 7) -> float:
    """Median wall seconds of ``claims ARGS`` (default ``claims --help``) as a whole process."""
    return _median_wall(("-m", "pipeline", *args), runs)


def measure_all(*, runs: int = 7) -> dict[str, float]:
    """Median wall seconds of every command in ``COMMANDS``, taken in turn in one call."""
    return {name: _median_wall(python_args, runs) for name, python_args in COMMANDS.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="counted runs of each command")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    figures = measure_all(runs=args.runs)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for name, seconds in figures.items():
            print(f"{name:<24} {seconds:6.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
