#!/usr/bin/env python3
"""Pathological inputs: the seconds a whole extraction takes on each of them, by size.

usage: python scripts/pathological.py [CASE ...] [--timeout S] [--big] [--sizes N,N]

Each case (see ``CASES``) is an input family whose cost once grew faster than its size:
long lists of empty bullets, many claim lines, big HTML tables, huge exponents, runs of
punctuation without spaces, long acronyms, a backtracking user regex, text over spaCy's
default length limit. Every input goes through what ``claims extract`` does (the reader,
repair, metadata, the pipeline, the records), in a worker process so that a hang costs
at most ``--timeout`` seconds; once a size times out, the larger ones are skipped.
``--big`` adds the 20 MB inputs (a single line, and ordinary text). The table says, for
each size, the seconds, the claims found and the problem codes.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BACKTRACKING_LINE = '{"id": "user-backtracking", "label": "NOT_COUNT", "pattern": [{"TEXT": {"REGEX": "(a+)+$"}}]}\n'
SENTENCE_LINE = "In 2021 the Ministry of Health hired 40 new nurses.\n"
PROSE = (
    "The Shanghai Cooperation Organisation (SCO) met in Astana on 4 July 2024, where 9 members "
    "agreed to raise trade by 15 percent. The plan aims to improve transport links across the region. "
)


@dataclass(frozen=True)
class Case:
    name: str
    sizes: tuple[int, ...]
    unit: str
    make: Callable[[int], str]
    suffix: str = ".txt"
    user_patterns: str | None = None


def _bullets(n: int) -> str:
    return "The objectives of the plan are:\n" + "- \n" * n


def _table(n: int) -> str:
    rows = "".join(
        f"<tr><td>{2000 + i % 24}</td><td>{i} schools</td><td>Ministry of Education</td></tr>" for i in range(n)
    )
    return f"<html><head><title>Schools</title></head><body><article><h1>Schools by year</h1><p>The ministry counted schools.</p><table>{rows}</table></article></body></html>"


def _acronym(letters: int) -> str:
    words = " ".join(("Abc", "Bcd", "Cde", "Def", "Efa", "Fab")[i % 6] for i in range(letters * 3))
    short = "".join("ABCDEF"[i % 6] for i in range(letters))
    return f"The {words} ({short}) met.\n"


CASES: dict[str, Case] = {
    "empty-bullets": Case("empty-bullets", (500, 1000, 2000, 4000), "lines", _bullets),
    "sentence-lines": Case("sentence-lines", (1000, 2000, 4000, 8000), "lines", lambda n: SENTENCE_LINE * n),
    "html-table": Case("html-table", (200, 400, 800, 1600), "rows", _table, suffix=".html"),
    "big-exponent": Case(
        "big-exponent", (4, 5, 6, 8), "exponent digits", lambda n: f"There were 2e{'9' * n} people.\n"
    ),
    "overflow": Case("overflow", (400, 4000), "exponent", lambda n: f"The fund holds 1e{n} dollars.\n"),
    "punctuation": Case("punctuation", (1500, 3000, 6000, 12000), "chars", lambda n: (".," * n)[:n] + "\n"),
    "intro-lines": Case("intro-lines", (500, 1000, 2000, 4000), "lines", lambda n: "- Our objectives:\n" * n),
    "capitals": Case("capitals", (1000, 2000, 4000, 8000), "words", lambda n: "THE MINISTRY OF " * (n // 3) + "\n"),
    "digit-run": Case("digit-run", (1000, 2000, 4000, 8000), "numbers", lambda n: " ".join(["7"] * n) + " people.\n"),
    "acronym": Case("acronym", (4, 6, 8, 10), "letters (x3 words)", _acronym),
    "user-regex": Case(
        "user-regex", (16, 20, 24, 30), "token chars", lambda n: "a" * (n - 1) + "b\n", user_patterns=BACKTRACKING_LINE
    ),
    "long-text": Case(
        "long-text", (500_000, 1_000_000, 2_000_000), "chars", lambda n: (PROSE * (n // len(PROSE) + 1))[:n]
    ),
    "long-line": Case("long-line", (500_000, 1_000_000, 2_000_000), "chars", lambda n: ("word " * (n // 5 + 1))[:n]),
}
BIG = {
    "long-text-20MB": Case("long-text-20MB", (20_000_000,), "chars", CASES["long-text"].make),
    "long-line-20MB": Case("long-line-20MB", (20_000_000,), "chars", CASES["long-line"].make),
}


def _run(case: Case, size: int, folder: Path) -> dict[str, Any]:
    """Extract the case's input of ``size`` as ``claims extract`` would; the measured seconds and outcome."""
    from pipeline import build_nlp
    from pipeline.extract import extract_articles, lexicon_of
    from pipeline.ingest import read_path

    patterns = []
    if case.user_patterns:
        patterns = [folder / "patterns"]
        patterns[0].mkdir(exist_ok=True)
        (patterns[0] / "user.jsonl").write_text(case.user_patterns, encoding="utf-8")
    nlp = build_nlp(pattern_dirs=patterns)
    path = folder / f"input{case.suffix}"
    path.write_text(case.make(size), encoding="utf-8")
    started = time.perf_counter()
    items, problems = read_path(path, lexicon=lexicon_of(nlp))
    claims = 0
    for _, found, more in extract_articles(nlp, items):
        claims += len(found)
        problems.extend(more)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "claims": claims, "codes": sorted({p.code.value for p in problems}), "peak_mb": peak}


def _worker(case: Case, size: int, out: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            out.send(_run(case, size, Path(folder)))
        except BaseException as exc:  # the table shows what escaped
            out.send({"error": f"{type(exc).__name__}: {str(exc)[:60]}"})


def measure(case: Case, size: int, timeout: float) -> dict[str, Any]:
    """One measurement in a fresh process, given up after ``timeout`` seconds."""
    receive, send = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.Process(target=_worker, args=(case, size, send))
    process.start()
    result = receive.recv() if receive.poll(timeout + 30) else None  # + time to build the pipeline
    if result is None:
        process.kill()
        result = {"timeout": True}
    process.join()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help=f"cases to run (default all): {', '.join(CASES)}")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a size counts as a hang")
    parser.add_argument("--big", action="store_true", help="also the 20 MB inputs")
    parser.add_argument("--sizes", help="comma-separated sizes instead of each case's own")
    args = parser.parse_args(argv)
    chosen = {**CASES, **BIG} if args.big else dict(CASES)
    names = args.cases or list(chosen)
    print("| case | unit | size | seconds | claims | problems | peak MB |")
    print("|---|---|---:|---:|---:|---|---:|")
    for name in names:
        case = {**CASES, **BIG}[name]
        hung = False
        sizes = [int(n) for n in args.sizes.split(",")] if args.sizes else case.sizes
        for size in sizes:
            if hung:
                print(f"| {name} | {case.unit} | {size} | skipped | | | |", flush=True)
                continue
            result = measure(case, size, args.timeout)
            if result.get("timeout"):
                hung = True
                print(f"| {name} | {case.unit} | {size} | > {args.timeout:.0f} | | | |", flush=True)
            elif "error" in result:
                print(f"| {name} | {case.unit} | {size} | | | {result['error']} | |", flush=True)
            else:
                seconds = result["seconds"]
                if seconds > args.timeout:
                    hung = True
                codes = ", ".join(result["codes"]) or "-"
                print(
                    f"| {name} | {case.unit} | {size} | {seconds:.2f} | {result['claims']} | {codes} | {result['peak_mb']:.0f} |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
