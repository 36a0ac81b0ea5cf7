#!/usr/bin/env python3
"""Benchmark: the whole extraction against spaCy's bare tokenizer, memory, processes, start-up.

usage: python scripts/benchmark.py [PATH ...] [--words N] [--quick] [--json] [--process-copies N]
                                   [--incremental-articles N] [--incremental-only] [--dask-only]

The texts are the articles under PATH (default: the dev sets of ``../shared/eval`` when
present, else ``corpus/`` and ``tests/fixtures/``), read and repaired once and written as
one JSONL file repeated until it holds ``--words`` words (300,000 by default), each copy
with its own ids. On those texts, in one run, it prints:

- the tokenizer's words/s and the whole extraction's words/s in this process (the
  ``extract`` command from reading the JSONL to writing the outputs), and their ratio;
- each pipeline component's share of the pipeline's CPU time;
- peak RSS of ``claims extract`` as a process at 1x and 8x the texts;
- on the dev texts x150 (``--process-copies``), ``claims extract`` as a process against a
  process that only reads and tokenizes them, and ``--jobs 1`` against ``--jobs 2`` (with
  the load average before and after: the machine should be idle for that figure to mean
  anything);
- the start-up time of ``claims --help`` and ``claims --version``;
- incremental runs: the files under PATH copied into a folder of some 1,000 articles
  (``--incremental-articles``; each copy in a folder of its own, JSONL ids made unique),
  ``claims extract`` over it as a process into a fresh folder, then again over the same
  unchanged folder (which takes every article from the folder's state), and again after
  one file changed, each against the first (``--incremental-only``: only these figures);
- on the same dev texts x150, ``--jobs 2`` against ``--engine dask`` on a ``LocalCluster`` of
  2 worker processes (``dask_figures``; ``--dask-only`` prints only these), with the
  cluster's start-up (a dask run over one article) and a check that both wrote the same files.

Times are CPU seconds within this process (wall seconds for processes), best of a few
rounds; compare figures of one run with each other, never with another machine's.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROCESS_COPIES = 150  # the dev texts x150 for the figures of whole processes (issue 13's scale)
INCREMENTAL_ARTICLES = 1000  # the folder of the incremental figures (issue 15's scale)
CHANGE = "\n\nOn 3 May 2021 the board approved 12 further projects.\n"  # appended to one file
sys.path.insert(0, str(ROOT))

from startup import measure_startup  # noqa: E402 - scripts/startup.py, beside this file

from pipeline import build_nlp  # noqa: E402
from pipeline.cli import app  # noqa: E402
from pipeline.ingest import finish, iter_files, read_raw  # noqa: E402

SHARED_DEV = [
    ROOT.parent / "shared" / "eval" / "dev" / "articles",
    ROOT.parent / "shared" / "eval" / "dev-real" / "articles",
]
FALLBACK = [ROOT / "corpus", ROOT / "tests" / "fixtures"]
TOKENIZE_ONLY = """
import json, sys, spacy
nlp = spacy.blank("en")
for line in open(sys.argv[1], encoding="utf-8"):
    nlp.make_doc(json.loads(line)["text"])
"""


def load_texts(paths: list[Path]) -> list[dict[str, str]]:
    """Each readable article as a JSONL record (id, text, published), repaired as the tool reads it."""
    records = []
    for entry in iter_files(paths):
        if not isinstance(entry, Path):
            continue
        for raw in read_raw(entry)[0]:
            article = finish(raw).article
            record = {"id": article.article_id, "text": article.text}
            if article.published:
                record["published"] = article.published.isoformat()
            records.append(record)
    return records


def write_copies(records: list[dict[str, str]], copies: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for copy in range(copies):
            for record in records:
                handle.write(json.dumps({**record, "id": f"{record['id']}-{copy:04d}"}, ensure_ascii=False) + "\n")


def best_cpu(function: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


# A child's peak RSS counts the memory it had when it was forked, i.e. this process's (which
# holds the texts); so each measured command is started by a small launcher of its own.
LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(os.waitstatus_to_exitcode(status), time.perf_counter() - start, usage.ru_maxrss / 1024)
"""


def run_process(command: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process (exit code 1 of ``claims``: some
    article had a problem, which is no failure here)."""
    launched = subprocess.run([sys.executable, "-c", LAUNCHER, *command], capture_output=True, text=True, check=True)
    code, seconds, rss = launched.stdout.split()
    if int(code) not in ok:
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}")
    return float(seconds), float(rss)


def component_shares(texts: list[str], rounds: int) -> dict[str, float]:
    nlp = build_nlp()
    best: dict[str, float] = {}
    for _ in range(rounds):
        docs = [nlp.make_doc(text) for text in texts]
        for name, component in nlp.pipeline:
            start = time.process_time()
            docs = [component(doc) for doc in docs]
            best[name] = min(best.get(name, float("inf")), time.process_time() - start)
    total = sum(best.values()) or 1.0
    return {name.removeprefix("policy_claims_"): round(seconds / total, 3) for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--words", type=int, default=300_000, help="words of the repeated texts (default 300,000)")
    parser.add_argument("--quick", action="store_true", help="one round each and no process figures (a smoke test)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--process-copies", type=int, default=PROCESS_COPIES, help="copies of the texts for the process figures (150)"
    )
    parser.add_argument(
        "--incremental-articles",
        type=int,
        default=INCREMENTAL_ARTICLES,
        help="articles of the folder for the incremental figures (1,000)",
    )
    parser.add_argument("--incremental-only", action="store_true", help="only the incremental figures")
    parser.add_argument("--dask-only", action="store_true", help="only --jobs 2 against a dask LocalCluster of 2")
    args = parser.parse_args(argv)
    paths = args.paths or ([p for p in SHARED_DEV if p.is_dir()] or FALLBACK)
    records = load_texts(paths)
    if not records:
        print("no readable articles", file=sys.stderr)
        return 2
    if args.incremental_only:
        work = Path(tempfile.mkdtemp(prefix="claims-bench-"))
        try:
            figures = incremental_figures(paths, len(records), args.incremental_articles, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print_figures(figures, as_json=args.json)
        return 0
    if args.dask_only:
        work = Path(tempfile.mkdtemp(prefix="claims-bench-"))
        try:
            print_figures(dask_figures(records, work, args.process_copies), as_json=args.json)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return 0
    words_per_copy = sum(len(r["text"].split()) for r in records)
    copies = max(1, -(-args.words // words_per_copy))
    rounds = 1 if args.quick else 3
    figures: dict[str, object] = {
        "articles": len(records) * copies,
        "words": words_per_copy * copies,
        "copies": copies,
    }
    work = Path(tempfile.mkdtemp(prefix="claims-bench-"))
    try:
        corpus = work / "texts.jsonl"
        write_copies(records, copies, corpus)
        texts = [r["text"] for r in records] * copies
        nlp = build_nlp()
        tokenizer_s = best_cpu(lambda: [nlp.make_doc(text) for text in texts], rounds)
        out = work / "out"

        def extract() -> None:  # --full: each round extracts every article, not what the last one left
            app(["extract", str(corpus), "--out", str(out), "-q", "--full"], standalone_mode=False)

        extraction_s = best_cpu(extract, rounds)
        words = words_per_copy * copies
        figures["tokenizer_words_per_s"] = round(words / tokenizer_s)
        figures["extraction_words_per_s"] = round(words / extraction_s)
        figures["extraction_over_tokenizer"] = round(tokenizer_s / extraction_s, 3)
        figures["extraction_time_in_tokenizer_times"] = round(extraction_s / tokenizer_s, 1)
        figures["component_shares"] = component_shares([r["text"] for r in records] * max(1, copies // 4), rounds)
        if not args.quick:
            figures.update(process_figures(records, copies, work, args.process_copies))
            figures.update(incremental_figures(paths, len(records), args.incremental_articles, work))
            figures.update(dask_figures(records, work, args.process_copies))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_figures(figures, as_json=args.json)
    return 0


def print_figures(figures: dict[str, object], *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(figures, indent=2))
        return
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value:,}" if isinstance(value, int) else f"{key:<{width}}  {value}")


def process_figures(
    records: list[dict[str, str]], copies: int, work: Path, process_copies: int = PROCESS_COPIES
) -> dict[str, object]:
    """Figures of whole processes: memory at 1x and 8x the texts, then, on the dev texts
    x``process_copies`` (the issue's scale, where start-up is paid once), extract against
    tokenize and ``--jobs 1`` against ``--jobs 2``; start-up."""
    figures: dict[str, object] = {}
    command = [sys.executable, "-m", "pipeline"]
    one, eight = work / "one.jsonl", work / "eight.jsonl"
    write_copies(records, copies, one)
    write_copies(records, copies * 8, eight)
    _, rss_one = run_process([*command, "extract", str(one), "--out", str(work / "o1"), "-q"])
    _, rss_eight = run_process([*command, "extract", str(eight), "--out", str(work / "o8"), "-q"])
    figures["peak_rss_mib_1x"] = round(rss_one, 1)
    figures["peak_rss_mib_8x"] = round(rss_eight, 1)
    figures["peak_rss_8x_over_1x"] = round(rss_eight / rss_one, 3)
    eight.unlink()
    big = work / "big.jsonl"
    write_copies(records, process_copies, big)
    figures["process_articles"] = len(records) * process_copies
    script = work / "tokenize_only.py"  # not tokenize.py, which would shadow the standard module
    script.write_text(TOKENIZE_ONLY, encoding="utf-8")
    tokenize_s = min(run_process([sys.executable, str(script), str(big)], ok=(0,))[0] for _ in range(2))
    extract_s = run_process([*command, "extract", str(big), "--out", str(work / "ob"), "-q"])[0]
    figures["process_tokenize_s"] = round(tokenize_s, 2)
    figures["process_extract_s"] = round(extract_s, 2)
    figures["process_extract_over_tokenize"] = round(tokenize_s / extract_s, 3)
    load_before = os.getloadavg()[0]
    jobs1 = extract_s  # the run above: --jobs 1 is the default
    jobs2 = run_process([*command, "extract", str(big), "--out", str(work / "j2"), "-q", "--jobs", "2"])[0]
    figures["jobs1_s"] = round(jobs1, 2)
    figures["jobs2_s"] = round(jobs2, 2)
    figures["jobs2_speedup"] = round(jobs1 / jobs2, 2)
    figures["load_average_before_after"] = f"{load_before:.2f} / {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
    for flag in ("--help", "--version"):
        figures[f"startup_{flag.strip('-')}_s"] = round(measure_startup((flag,), runs=5), 3)
    return figures


def copy_inputs(paths: list[Path], copies: int, target: Path) -> None:
    """The files under ``paths`` copied ``copies`` times, each copy in a folder of its own
    (so its articles have ids of their own); a JSONL line's id gets its copy's number."""
    sources = [
        (f"{index}-{root.name}", path.relative_to(root) if root.is_dir() else Path(path.name), path)
        for index, root in enumerate(paths)
        for path in (sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root])
        if not any(part.startswith(".") for part in path.relative_to(root).parts)
    ]
    for copy in range(copies):
        for place, relative, path in sources:
            destination = target / f"copy-{copy:04d}" / place / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix.lower() != ".jsonl":
                shutil.copyfile(path, destination)
                continue
            lines = []
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    record = json.loads(line)
                except ValueError:
                    lines.append(line)
                    continue
                if isinstance(record, dict) and "id" in record:
                    record["id"] = f"{record['id']}-{copy:04d}"
                lines.append(json.dumps(record, ensure_ascii=False))
            destination.write_text("\n".join(lines) + "\n", encoding="utf-8")


def incremental_figures(paths: list[Path], per_copy: int, articles: int, work: Path) -> dict[str, object]:
    """A full run over a folder of ``articles`` articles (copies of the files under
    ``paths``, ``per_copy`` articles each), a second run over it unchanged, a third after
    one file changed; wall seconds of whole processes and their ratios."""
    copies = max(1, -(-articles // per_copy))
    folder, out = work / "incremental-in", work / "incremental-out"
    copy_inputs(paths, copies, folder)
    command = [sys.executable, "-m", "pipeline", "extract", str(folder), "--out", str(out), "-q"]
    load_before = os.getloadavg()[0]
    full_s = run_process(command)[0]
    written = (out / "claims.json").read_bytes()
    unchanged_s = run_process(command)[0]
    if (out / "claims.json").read_bytes() != written:
        raise SystemExit("the unchanged run wrote other claims than the full run")
    changed = next(p for p in sorted(folder.rglob("*.txt")))
    changed.write_text(changed.read_text(encoding="utf-8") + CHANGE, encoding="utf-8")
    changed_s = run_process(command)[0]
    outputs = sum(p.stat().st_size for p in out.iterdir() if not p.name.startswith("."))
    records = sum((out / name).stat().st_size for name in ("claims.json", "articles.json"))
    return {
        "incremental_articles": per_copy * copies,
        "incremental_full_s": round(full_s, 2),
        "incremental_unchanged_s": round(unchanged_s, 2),
        "incremental_unchanged_over_full": round(unchanged_s / full_s, 3),
        "incremental_one_changed_s": round(changed_s, 2),
        "incremental_one_changed_over_full": round(changed_s / full_s, 3),
        "incremental_state_mib": round((out / ".claims-state.db").stat().st_size / 2**20, 1),
        "incremental_outputs_mib": round(outputs / 2**20, 1),
        "incremental_claims_and_articles_json_mib": round(records / 2**20, 1),
        "incremental_load_average_before_after": f"{load_before:.2f} / {os.getloadavg()[0]:.2f}",
    }


DASK_COMPARED = ("claims.json", "claims.csv", "articles.json", "articles.csv", "organizations.csv", "errors.json")


def dask_figures(records: list[dict[str, str]], work: Path, process_copies: int = PROCESS_COPIES) -> dict[str, object]:
    """``claims extract --jobs 2`` against ``--engine dask --jobs 2`` (a LocalCluster of 2
    worker processes, one thread each) as processes, on the dev texts x``process_copies``
    (the inputs of the other process figures); the dask run's start-up is a dask run over
    one article. The two runs must write the same files."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return {"dask": 'not installed (pip install "policy-claims[dask]")'}
    command = [sys.executable, "-m", "pipeline", "extract"]
    big, one = work / "dask-big.jsonl", work / "dask-one.jsonl"
    write_copies(records, process_copies, big)
    write_copies(records[:1], 1, one)
    load_before = os.getloadavg()[0]
    local_s = run_process([*command, str(big), "--out", str(work / "dask-local"), "-q", "--jobs", "2"])[0]
    dask_s = run_process(
        [*command, str(big), "--out", str(work / "dask-dask"), "-q", "--jobs", "2", "--engine", "dask"]
    )[0]
    start_s = run_process(
        [*command, str(one), "--out", str(work / "dask-one"), "-q", "--jobs", "2", "--engine", "dask"]
    )[0]
    local_one_s = run_process([*command, str(one), "--out", str(work / "local-one"), "-q", "--jobs", "2"])[0]
    same = all(
        (work / "dask-local" / name).read_bytes() == (work / "dask-dask" / name).read_bytes() for name in DASK_COMPARED
    )
    return {
        "dask_articles": len(records) * process_copies,
        "dask_local_jobs2_s": round(local_s, 2),
        "dask_localcluster2_s": round(dask_s, 2),
        "dask_local_over_dask": round(local_s / dask_s, 3),
        "dask_one_article_s": f"{start_s:.2f} (local --jobs 2: {local_one_s:.2f})",
        "dask_same_outputs": "yes" if same else "NO: the runs wrote different files",
        "dask_load_average_before_after": f"{load_before:.2f} / {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores",
    }


if __name__ == "__main__":
    sys.exit(main())
