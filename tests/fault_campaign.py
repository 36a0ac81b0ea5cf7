"""Kill ``claims extract`` with SIGKILL at random moments and check what it leaves.

Used by ``tests/test_faults.py`` (a short campaign) and ``scripts/faults.py`` (a long one).
Each worker owns one output folder (with a user's ``report.html`` and ``.gitkeep`` in it,
which must survive) and alternates between two inputs whose output sets
differ in every file, so after each kill the folder must hold exactly the set it held
before or the set of the killed run: the same claims in claims.json, claims.csv,
claims.parquet and claims.db, the same articles in articles.json and articles.csv, and
organizations.csv and errors.json of that same run. A third of the runs write with
``--out .`` from inside the folder, which takes the journal fallback instead of the
folder swap.

Two thirds of the kills wait for the write phase to begin (a staging folder appears)
and strike at a random moment within the write phase as measured on a complete run
(half of them in its last 40%, where the swap or the journal's renames happen); the
others strike at any moment of the run.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.incremental import STATE_FILE
from pipeline.output_set import JOURNAL, output_path, read_output, spool_prefix, staging_prefix
from pipeline.writers import BINARY_FILES, OUTPUT_FILES

ROOT = Path(__file__).resolve().parent.parent
OURS = (*OUTPUT_FILES, *BINARY_FILES)
FOREIGN = {"report.html": "<p>the user's own report</p>\n", ".gitkeep": ""}


def claims_command() -> list[str]:
    script = Path(sys.executable).parent / "claims"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "pipeline.cli"]


def make_inputs(base: Path) -> dict[str, Path]:
    """Two inputs whose output sets differ in every file: the corpus article, and three
    copies of it under other names beside an empty file (an E104 in errors.json)."""
    small = base / "input-a"
    small.mkdir(parents=True)
    article = next((ROOT / "corpus").glob("*.txt"))
    shutil.copy(article, small / article.name)
    large = base / "input-b"
    large.mkdir()
    for index in range(3):
        shutil.copy(article, large / f"copy-{index}.txt")
    (large / "empty.txt").write_text("")
    return {"a": small, "b": large}


def signature(folder: Path) -> tuple[object, ...] | str:
    """What the folder's current set says, file by file; a string when it is broken
    (a file missing or unreadable, or its claims files disagree)."""
    try:
        from_json = [c["claim_id"] for c in json.loads(read_output(folder, "claims.json"))]
        from_csv = [r["claim_id"] for r in csv.DictReader(io.StringIO(read_output(folder, "claims.csv").decode()))]
        table = pq.read_table(io.BytesIO(read_output(folder, "claims.parquet")))
        from_parquet = table.column("claim_id").to_pylist()
        uri = f"file:{output_path(folder, 'claims.db')}?mode=ro"
        with sqlite3.connect(uri, uri=True) as connection:
            from_db = [r[0] for r in connection.execute("SELECT claim_id FROM claims ORDER BY rowid")]
        connection.close()
        articles = [a["article_id"] for a in json.loads(read_output(folder, "articles.json"))]
        listed = [r["article_id"] for r in csv.DictReader(io.StringIO(read_output(folder, "articles.csv").decode()))]
        errors = [e["code"] for e in json.loads(read_output(folder, "errors.json"))]
        organizations = read_output(folder, "organizations.csv")
        state = state_articles(folder)
    except (OSError, ValueError, KeyError, sqlite3.Error) as exc:
        return f"broken: {type(exc).__name__}: {exc}"
    if not from_json == from_csv == from_parquet == from_db:
        return "broken: the claims files disagree"
    if listed != articles:
        return "broken: articles.csv and articles.json disagree"
    if state is not None and state != sorted(set(articles)):
        return "broken: the state of the run is another run's"
    return (tuple(from_json), tuple(articles), tuple(errors), organizations)


def state_articles(folder: Path) -> list[str] | None:
    """The ids of the articles the folder's state says its run wrote (None without a state)."""
    path = output_path(folder, STATE_FILE)
    if not path.is_file():
        return None
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        [(listed,)] = connection.execute("SELECT value FROM meta WHERE key = 'articles'").fetchall()
    connection.close()
    return list(json.loads(listed))


def on_disk_signature(folder: Path) -> tuple[object, ...] | str:
    """The signature of the files themselves, as a tool that knows no journal reads them."""
    copy = folder.parent / "on-disk-view"
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir()
    for name in OURS:
        if (folder / name).is_file():
            shutil.copy(folder / name, copy / name)
    try:
        return signature(copy)
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def foreign_files_intact(folder: Path) -> bool:
    return all((folder / name).is_file() and (folder / name).read_text() == text for name, text in FOREIGN.items())


def leftovers(folder: Path) -> list[str]:
    """Everything beside and in the output folder that is neither ours nor the user's."""
    found = [
        p.name for p in folder.parent.iterdir() if p.name.startswith((staging_prefix(folder), spool_prefix(folder)))
    ]
    expected = {*OURS, STATE_FILE, *FOREIGN}
    found += [p.name for p in folder.iterdir() if p.name not in expected]
    return sorted(found)


@dataclass
class Summary:
    seed: int
    kills: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)  # old, new, mixed (journal-aware view)
    on_disk: Counter[str] = field(default_factory=Counter)  # the same, reading the files by name only
    moments: Counter[str] = field(default_factory=Counter)  # where the kills struck
    leftovers_after_kill: int = 0  # kills after which a staging folder remained (cleaned by the next run)
    leftovers_at_end: list[str] = field(default_factory=list)
    foreign_lost: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    write_phase: dict[str, float] = field(default_factory=dict)  # seconds, as measured on complete runs

    def merge(self, other: Summary) -> None:
        self.kills += other.kills
        self.outcomes.update(other.outcomes)
        self.on_disk.update(other.on_disk)
        self.moments.update(other.moments)
        self.leftovers_after_kill += other.leftovers_after_kill
        self.leftovers_at_end += other.leftovers_at_end
        self.foreign_lost += other.foreign_lost
        self.failures += other.failures
        self.write_phase.update(other.write_phase)

    def report(self) -> str:
        return (
            f"seed {self.seed}: {self.kills} kills in {self.seconds:.1f} s; "
            f"outcomes {dict(self.outcomes)}; read by name only {dict(self.on_disk)}; "
            f"moments {dict(self.moments)}; write phase { ({k: round(v, 3) for k, v in self.write_phase.items()}) } s; staging left after a kill {self.leftovers_after_kill} "
            f"(cleaned by the next run); leftovers after the last complete run {self.leftovers_at_end}; "
            f"user files lost {self.foreign_lost}; failures {len(self.failures)}"
        )


class Worker:
    """One output folder and its sequence of killed runs."""

    def __init__(self, base: Path, inputs: dict[str, Path], rng: random.Random) -> None:
        self.base, self.inputs, self.rng = base, inputs, rng
        self.out = base / "parent" / "out"
        self.out.mkdir(parents=True)
        for name, text in FOREIGN.items():
            (self.out / name).write_text(text)
        self.expected: dict[str, object] = {}
        self.state = "a"
        self.run_seconds = {"swap": 3.0, "journal": 3.0}
        self.write_seconds = {"swap": 0.05, "journal": 0.05}

    def _start(self, which: str, journal: bool) -> subprocess.Popen[bytes]:
        out, cwd = (".", self.out) if journal else (str(self.out), self.base)
        return subprocess.Popen(
            [*claims_command(), "extract", str(self.inputs[which]), "--out", out, "-q"],
            cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip

    def _stagings(self) -> set[tuple[str, int]]:
        """The staging folders there now (swap folders beside, the journal inside), by inode."""
        found = set()
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.out.parent):
                if entry.name.startswith(staging_prefix(self.out)):
                    found.add((entry.name, entry.inode()))
        with contextlib.suppress(OSError):
            found.add((JOURNAL, os.stat(self.out / JOURNAL).st_ino))
        return found

    def _staging_seen(self, before: set[tuple[str, int]]) -> bool:
        """Whether the run has begun its write phase: a staging folder that was not there
        when it started (a killed run's stale one does not count)."""
        return bool(self._stagings() - before)

    def complete_run(self, which: str, journal: bool = False) -> None:
        """Run to the end, measuring the whole run and its write phase."""
        mode = "journal" if journal else "swap"
        before = self._stagings()
        started = time.monotonic()
        process = self._start(which, journal)
        write_began = write_ended = None
        while process.poll() is None:
            seen = self._staging_seen(before)
            if write_began is None and seen:
                write_began = time.monotonic()
            elif write_began is not None and write_ended is None and not seen:
                write_ended = time.monotonic()
            time.sleep(0.0005)
        ended = time.monotonic()
        _, stderr = process.communicate()
        if process.returncode not in (0, 1):
            raise RuntimeError(f"claims extract failed ({process.returncode}): {stderr.decode()}")
        self.run_seconds[mode] = ended - started
        if write_began is not None:
            self.write_seconds[mode] = max(0.005, (write_ended or ended) - write_began)
        self.expected[which] = signature(self.out)
        self.state = which

    def kill_once(self, summary: Summary) -> None:
        new = "b" if self.state == "a" else "a"
        journal = self.rng.random() < 1 / 3
        mode = "journal" if journal else "swap"
        in_write = self.rng.random() < 2 / 3
        before = self._stagings()
        process = self._start(new, journal)
        if in_write:
            deadline = time.monotonic() + 60
            while not self._staging_seen(before) and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.0005)
            # half of them late in the phase, where the swap or the journal's renames happen
            low = 0.6 if self.rng.random() < 0.5 else 0.0
            time.sleep(self.write_seconds[mode] * self.rng.uniform(low, 1.1))
        else:
            time.sleep(self.rng.uniform(0, self.run_seconds[mode]))
        finished = process.poll() is not None
        if not finished:
            process.send_signal(signal.SIGKILL)
        process.wait()
        if process.stderr:
            process.stderr.close()
        summary.kills += 1
        summary.moments[
            f"{mode} {'write phase' if in_write else 'any time'}{' (had finished)' if finished else ''}"
        ] += 1
        self._check(summary, new)

    def _check(self, summary: Summary, new: str) -> None:
        old = self.state
        found = signature(self.out)
        outcome = "old" if found == self.expected[old] else "new" if found == self.expected[new] else "mixed"
        summary.outcomes[outcome] += 1
        disk = on_disk_signature(self.out)
        summary.on_disk["old" if disk == self.expected[old] else "new" if disk == self.expected[new] else "mixed"] += 1
        if outcome == "mixed":
            summary.failures.append(f"{self.out}: after a kill, neither the old nor the new set: {str(found)[:200]}")
        else:
            self.state = old if outcome == "old" else new
        if leftovers(self.out):
            summary.leftovers_after_kill += 1
        if not foreign_files_intact(self.out):
            summary.foreign_lost += 1
            summary.failures.append(f"{self.out}: a user's file was lost or changed")

    def finish(self, summary: Summary) -> None:
        """One complete run after the kills: it must clean everything up."""
        new = "b" if self.state == "a" else "a"
        self.complete_run(new)
        left = leftovers(self.out)
        summary.leftovers_at_end += left
        if left:
            summary.failures.append(f"{self.out}: left after a complete run: {left}")
        if not foreign_files_intact(self.out):
            summary.failures.append(f"{self.out}: a user's file was lost after the last run")


def run_campaign(kills: int, seed: int, base: Path, workers: int = 2) -> Summary:
    """``kills`` SIGKILLs spread over ``workers`` folders run side by side."""
    started = time.monotonic()
    inputs = make_inputs(base)
    summary = Summary(seed)
    shares = [kills // workers + (1 if index < kills % workers else 0) for index in range(workers)]
    results: list[Summary] = [Summary(seed) for _ in range(workers)]

    def work(index: int) -> None:
        worker = Worker(base / f"worker-{index}", inputs, random.Random(seed * 1000 + index))
        try:
            worker.complete_run("b", journal=True)
            worker.complete_run("a")
            results[index].write_phase = dict(worker.write_seconds)
            for _ in range(shares[index]):
                worker.kill_once(results[index])
            worker.finish(results[index])
        except Exception as exc:  # reported as a failure of the campaign
            results[index].failures.append(f"worker {index}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=work, args=(index,)) for index in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for result in results:
        summary.merge(result)
    summary.seconds = time.monotonic() - started
    return summary
