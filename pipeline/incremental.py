"""Incremental runs: a run into an output folder extracts again only what changed since the
folder's last run, and takes everything else from what that run recorded.

**The state.** Beside its eight files a run writes ``.claims-state.db`` (``STATE_FILE``), a
SQLite database streamed into the run's spool with them and put in place with them as one
set (the companion of ``writers.OutputWriter``; ``output_set.replace_set``). A run killed at
any moment therefore leaves the previous files with the previous state, and the next run
starts from them. One file, not a folder: a subfolder would make every swap take the
journal (``output_set``). It holds

- ``meta``: the format, the ``fingerprint`` of the pipeline that wrote it, and the ids of
  the articles written (to count the articles a run drops);
- ``units``: each job's outcome (``extract.Outcome``: its problems, and for each article
  its record, its claims as the JSON objects of claims.json, and its problems, warnings
  included, so errors.json comes out the same) under the digest of everything the job
  reads: for a file, its path as given, its article id and the SHA-256 of its bytes; for
  a JSONL line, the record as read from it (id, text, metadata, the file's path);
- ``files``: for each input file (path as given and article id), its ``stat``, the
  SHA-256 of its bytes and its steps, what ``extract.plan_file`` gave for it in order
  (problems of reading, units, "no job"), so an unchanged file is replayed unread.

Every row carries the SHA-256 of its content, checked when it is read.

**What is reused.** With the same fingerprint, a file whose ``stat`` (size, mtime, ctime,
inode, device) is the one recorded, or else whose bytes hash the same, is replayed from its
steps: it is not read, let alone parsed. A changed JSONL file is read again, and each line
whose record is unchanged takes its unit (at its new line number, if it moved). Any other
job is run. Outcomes that may depend on the machine rather than the input are never kept
(``REDO``: a file that could not be read, a reader or the pipeline that failed, the time
budget, a dead worker), so their jobs run every time. Inputs no longer given are simply
not in the next state: their articles drop out. ``--full`` (``RunState(full=True)``) runs
every job and records a fresh state.

A state that cannot be read (damaged, written by another program or another format) is
never trusted: the run extracts everything, as a first run would, and says so with a
``W103`` notice (printed, not put in errors.json, so the files are those of a full run).
A damaged row found later costs its own job only (and the same notice).

The result is the one a full run gives: the outcome of a job is a function of what its
digest covers and of the fingerprint, the files are written anew from the outcomes
(``writers.render_claim_data`` serializes a kept claim exactly as its record), and E108
(an article id given twice) is decided afterwards over the whole stream as ever.

**For an engine that runs jobs elsewhere.** ``RunState.plan`` gives what
``extract.plan_jobs`` gives, each job either to run or ``extract.Reused`` with its outcome;
an engine sends only the jobs out and feeds every outcome back in planned order through
``RunState.record`` (``extract.extract_files`` does both).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sqlite3
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language

from .errors import ClaimsError, Code, Problem, debugging, problem
from .extract import CLAIM_ADAPTER, Extracted, FinishLine, JobOptions, Outcome, Planned, ReadFile, Reused, plan_file
from .ingest import InputFile, NotArticle, RawArticle, iter_inputs
from .output_set import output_path
from .records import Article
from .writers import record_data, render_claim_data, rendered_data

STATE_FILE = ".claims-state.db"
FORMAT = "policy-claims state"
VERSION = "1"
REDO = frozenset({Code.E102, Code.E111, Code.E401, Code.E402, Code.E403})  # outcomes of the moment, never kept
RACY_SECONDS = 2.0  # a file changed this close to the moment it was hashed is hashed again next time
ROWS_PER_TRANSACTION, BYTES_PER_TRANSACTION = 256, 1 << 22
Stat = tuple[int, int, int, int, int]

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (name TEXT PRIMARY KEY, record TEXT NOT NULL, checksum TEXT NOT NULL);
CREATE TABLE units (digest TEXT PRIMARY KEY, outcome BLOB NOT NULL, checksum TEXT NOT NULL);
"""

# distributions whose code shapes the results, beside ours: found by following our requirements
_OURS = "policy-claims"


# -- the fingerprint of a pipeline -----------------------------------------------------


def fingerprint(nlp: Language, options: JobOptions) -> str:
    """What a run's results depend on besides its inputs, as one digest.

    - **The code**, as the SHA-256 of every source file of the package and of the built-in
      pattern files (``code_fingerprint``). The package version alone is not enough: it
      does not change with each commit, nor with an edit of an editable install, and a
      stale result would pass for a fresh one. Hashing some 750 kB of source takes a few
      milliseconds, once per process. The built-in patterns are in it even when a run
      leaves them out (``--no-builtin-patterns``): normalizers read their word lists
      (``patterns.default_lexicon``) whatever the pipeline holds.
    - **The libraries**: the version of every distribution the package requires, directly
      or not (spaCy's tokenizer, trafilatura, pypdf, charset-normalizer ... each shapes the
      text or the tokens), and Python's version and Unicode database.
    - **The pipeline as built**: ``nlp.config``, and the tokenizer and each component
      serialized (``to_bytes``) without the vocab, whose strings grow as texts are
      processed (not ``nlp.to_bytes()``, whose meta lists labels in an order that changes
      from one process to the next): every component's data lines in order,
      so the built-in patterns, ``--patterns`` folders and their overrides,
      ``--no-builtin-patterns`` and lines added through the library; the components'
      settings (``--day-order``); the tokenizer's rules. A serialized ``nlp`` rather than
      the pattern folders, because it is what the run actually uses (the folders may be
      gone, or the pipeline built another way), and it costs ~20 ms.
    - **The options that change an outcome**: ``--published``, and ``--debug`` (a kept
      problem holds its traceback or not). Not ``--raw-csv`` or
      ``--excel`` (claims are kept as data and written anew by each run), not ``--jobs``
      (the same outcome either way), not the time budget: an outcome that ran into it
      (E402) is never kept, and one that did not would be the same under any budget.
    """
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(nlp.config.to_str().encode())
    digest.update(nlp.tokenizer.to_bytes(exclude=["vocab"]))  # type: ignore[union-attr]
    for name, component in nlp.pipeline:
        serialize = getattr(component, "to_bytes", None)
        digest.update(_sha256(name, serialize(exclude=["vocab"]) if serialize is not None else b"").encode())
    published = options.published.isoformat() if options.published else None
    digest.update(
        json.dumps({"published": published, "debug": debugging()}).encode()
    )  # --debug: tracebacks in problems
    return digest.hexdigest()


@functools.cache
def code_fingerprint() -> str:
    """The digest of the package's source files, the built-in patterns, the libraries and Python."""
    from .patterns import builtin_patterns_dir

    code = tree_digest(Path(__file__).resolve().parent, "*.py")
    patterns = tree_digest(builtin_patterns_dir(), "*.jsonl")
    libraries = json.dumps(library_versions(), sort_keys=True)
    return _sha256(FORMAT, VERSION, code, patterns, libraries, sys.version, unicodedata.unidata_version)


def tree_digest(root: Path, pattern: str) -> str:
    """The digest of the files under ``root`` whose names match ``pattern``: their paths and bytes."""
    parts = []
    for path in sorted(root.rglob(pattern)):
        parts += [path.relative_to(root).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest()]
    return _sha256(*parts)


def library_versions() -> dict[str, str]:
    """Name -> version of this package and of every distribution it requires, directly or
    not (extras left out); every installed distribution when the package's metadata is
    missing (run from a source tree that was never installed)."""
    from importlib.metadata import PackageNotFoundError, distribution, distributions

    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.utils import canonicalize_name

    try:
        distribution(_OURS)
    except PackageNotFoundError:
        return {canonicalize_name(d.metadata["Name"] or ""): d.version for d in distributions()}
    found: dict[str, str] = {}
    waiting = [_OURS]
    while waiting:
        name = canonicalize_name(waiting.pop())
        if name in found:
            continue
        try:
            found[name] = distribution(name).version
        except PackageNotFoundError:
            found[name] = "missing"
            continue
        for line in distribution(name).requires or ():
            try:
                requirement = Requirement(line)
            except InvalidRequirement:
                continue
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                waiting.append(requirement.name)
    return found


# -- keys ------------------------------------------------------------------------------


def _sha256(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def file_unit(entry: InputFile, digest: str) -> str:
    """The key of a file's job: its path as given, its article id, its bytes."""
    return _sha256("file", str(entry.path), entry.article_id, digest)


def line_unit(raw: RawArticle) -> str:
    """The key of a JSONL line's job: its record as read, all but its line number."""
    published = raw.published.isoformat() if raw.published else None
    fields = [raw.article_id, raw.text, raw.source, raw.title, raw.author, published, raw.url]
    return _sha256("line", json.dumps([*fields, raw.source_offsets, raw.states_published], ensure_ascii=False))


def _signature(stat: os.stat_result) -> Stat:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)


# -- outcomes as bytes -----------------------------------------------------------------


def _problem_fields(item: Problem) -> list[Any]:
    return [item.code.value, item.message, item.path, item.line]


def _problem_of(fields: list[Any]) -> Problem:
    code, message, path, line = fields
    if not isinstance(message, str) or not (path is None or isinstance(path, str)):
        raise ValueError("a problem's message and path are text")
    if not (line is None or isinstance(line, int)):
        raise ValueError("a problem's line is a number")
    return Problem(Code(code), message, path, line)


def keeps(outcome: Outcome) -> bool:
    """Whether an outcome may be kept: none of its problems is one of the moment (``REDO``)."""
    found = [*outcome.problems, *(p for extracted in outcome.articles for p in extracted.problems)]
    return not any(p.code in REDO for p in found)


def encode_outcome(outcome: Outcome, line: int | None) -> bytes:
    """An outcome as the bytes kept in the state (JSON; ``line`` is the line it was made at)."""
    articles = []
    for extracted in outcome.articles:
        if extracted.rendered is not None:
            claims = rendered_data(extracted.rendered)
        else:
            claims = [record_data(claim) for claim in extracted.claims]
        articles.append(
            {
                "article": record_data(extracted.article),
                "line": extracted.line,
                "claims": claims,
                "problems": [_problem_fields(p) for p in extracted.problems],
            }
        )
    data = {"line": line, "problems": [_problem_fields(p) for p in outcome.problems], "articles": articles}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def decode_outcome(blob: bytes, line: int | None, options: JobOptions) -> Outcome:
    """The outcome kept as ``blob``, at ``line`` (a JSONL line that moved takes its new
    number), its claims rendered as the run wants them. Raises ``ValueError`` (or
    ``KeyError``, ``TypeError``) for bytes that are no outcome."""
    data = json.loads(blob.decode("utf-8", "surrogatepass"))
    made_at = data["line"]

    def placed(item: Problem) -> Problem:
        return replace(item, line=line) if item.line == made_at and line != made_at else item

    articles = []
    for kept in data["articles"]:
        claims = kept["claims"]
        if not isinstance(claims, list) or not all(isinstance(c, dict) for c in claims):
            raise ValueError("claims are JSON objects")
        rendered = render_claim_data(claims, raw_csv=options.raw_csv) if options.render else None
        records = [] if options.render else [CLAIM_ADAPTER.validate_python(c) for c in claims]
        articles.append(
            Extracted(
                Article.model_validate(kept["article"]),
                line if kept["line"] == made_at else kept["line"],
                records,
                rendered,
                [placed(_problem_of(p)) for p in kept["problems"]],
            )
        )
    return Outcome([placed(_problem_of(p)) for p in data["problems"]], articles)


# -- the state of a run ----------------------------------------------------------------


@dataclass(frozen=True)
class FileMark:
    """An input file as this run found it: its place (``name``: path as given and article
    id), which input it is (``ordinal``: a file given twice is two), its ``stat`` and the
    SHA-256 of its bytes (None when it could not be read), and whether that stat may stand
    for the bytes next time (not when the file changed right before it was hashed)."""

    path: Path
    name: str
    ordinal: int
    stat: Stat | None
    digest: str | None
    trusted: bool


@dataclass(frozen=True)
class Step:
    """A planned job's key in an incremental run: ``key`` is what ``extract.plan_jobs``
    gives (the file, or a problem of reading it), ``file`` the input it belongs to (None for
    a path that does not exist), ``unit`` the job's key (None for a problem of reading or a
    file that gives no job), ``line`` its JSONL line, ``blob`` its kept outcome when reused."""

    key: Path | Problem | NotArticle
    file: FileMark | None
    unit: str | None = None
    line: int | None = None
    blob: bytes | None = None


@dataclass(frozen=True)
class _FileRecord:
    stat: Stat
    digest: str
    trusted: bool
    steps: list[list[Any]]


class StateError(Exception):
    """The state file cannot be used."""


class _Previous:
    """The state a previous run left in the output folder, read only."""

    def __init__(self, path: Path) -> None:
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"  # never changed in place: runs replace it
        self.connection = sqlite3.connect(uri, uri=True)
        try:
            meta = dict(self.connection.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("format") != FORMAT:
                raise StateError("not a state file of policy-claims")
            if meta.get("version") != VERSION:
                raise StateError(f"format {meta.get('version')!r}, this version reads {VERSION!r}")
            self.fingerprint = meta.get("fingerprint", "")
            articles = json.loads(meta.get("articles", "[]"))
            self.article_ids = {a for a in articles if isinstance(a, str)} if isinstance(articles, list) else set()
            self.files: dict[str, _FileRecord] = {}
            self.damaged = 0
            for name, record, checksum in self.connection.execute("SELECT name, record, checksum FROM files"):
                parsed = _file_record(name, record, checksum)
                if parsed is None:
                    self.damaged += 1
                else:
                    self.files[name] = parsed
        except (sqlite3.Error, ValueError, TypeError) as exc:
            self.connection.close()
            raise StateError(str(exc)) from exc
        except BaseException:
            self.connection.close()
            raise

    def unit(self, digest: str) -> bytes | None:
        """The kept outcome of ``digest``, or None when there is none; raises
        ``StateError`` when the row is damaged."""
        try:
            row = self.connection.execute("SELECT outcome, checksum FROM units WHERE digest = ?", (digest,)).fetchone()
        except sqlite3.Error as exc:
            raise StateError(str(exc)) from exc
        if row is None:
            return None
        blob, checksum = row
        if not isinstance(blob, bytes) or _sha256(digest, blob) != checksum:
            raise StateError("a kept outcome does not match its checksum")
        return blob

    def close(self) -> None:
        self.connection.close()


def _file_record(name: Any, record: Any, checksum: Any) -> _FileRecord | None:
    if not isinstance(name, str) or not isinstance(record, str) or _sha256(name, record) != checksum:
        return None
    try:
        data = json.loads(record)
        stat = tuple(int(n) for n in data["stat"])
        steps = data["steps"]
        if len(stat) != 5 or not isinstance(steps, list) or not all(isinstance(s, list) and s for s in steps):
            return None
        return _FileRecord(stat, str(data["digest"]), bool(data["trusted"]), steps)
    except (ValueError, KeyError, TypeError):
        return None


class _StateWriter:
    """The next state, written as the run goes (into the run's spool), a transaction per
    ``ROWS_PER_TRANSACTION`` rows or ``BYTES_PER_TRANSACTION`` bytes; the database is made
    at the first of them (as ``claims.db``: an empty database already takes a few pages)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection: sqlite3.Connection | None = None
        self.rows: dict[str, list[tuple[Any, ...]]] = {"units": [], "files": []}
        self.pending = self.pending_bytes = 0

    def add_unit(self, digest: str, blob: bytes) -> None:
        self._add("units", (digest, blob, _sha256(digest, blob)), len(blob))

    def add_file(self, mark: FileMark, steps: list[list[Any]]) -> None:
        record = json.dumps({"stat": mark.stat, "digest": mark.digest, "trusted": mark.trusted, "steps": steps})
        self._add("files", (mark.name, record, _sha256(mark.name, record)), len(record))

    def _add(self, table: str, row: tuple[Any, ...], size: int) -> None:
        self.rows[table].append(row)
        self.pending += 1
        self.pending_bytes += size
        if self.pending >= ROWS_PER_TRANSACTION or self.pending_bytes >= BYTES_PER_TRANSACTION:
            self.flush()

    def flush(self) -> sqlite3.Connection:
        connection = self.connection
        if connection is None:
            connection = self.connection = sqlite3.connect(self.path)
            # the spool is thrown away if the run dies, and flushed to disk before it is used
            connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;\n" + SCHEMA)
        with connection:
            for table, rows in self.rows.items():
                connection.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?, ?, ?)", rows)
                rows.clear()
        self.pending = self.pending_bytes = 0
        return connection

    def finish(self, meta: dict[str, str]) -> None:
        with self.flush() as connection:
            connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        self.close()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


class RunState:
    """The state of an output folder for one run: what its last run left, to reuse, and
    what this run does, recorded for the next (see the module's docstring).

    ```python
    state = RunState(out)
    with OutputWriter(out, companion=state) as writer:   # the new state is written with the files
        for event in extract_files(paths, nlp, render=True, state=state):
            ...
        writer.commit(problems)
    print(state.reused, state.extracted, state.dropped)
    ```
    ``full=True`` reuses nothing (and still records). ``notices`` holds the ``W103`` of a
    state that could not be used. Counts are of articles written: ``reused`` (taken from
    the last run), ``extracted`` (this run extracted them) and ``dropped`` (the last run
    wrote them, this one does not).
    """

    name = STATE_FILE

    def __init__(self, folder: str | Path, *, full: bool = False) -> None:
        self.folder = Path(folder)
        self.full = full
        self.notices: list[Problem] = []
        self.reason = "--full" if full else "no earlier run in this folder"  # why nothing would be reused
        self.reused = 0
        self.extracted = 0
        self.fingerprint: str | None = None
        self._previous: _Previous | None = None
        self._previous_ids: set[str] = set()
        self._writer: _StateWriter | None = None
        self._options = JobOptions()
        self._seen: set[str] = set()
        self._written: set[str] = set()
        self._reusing = False
        self._file: FileMark | None = None  # the input whose steps are being recorded
        self._steps: list[list[Any]] = []
        self._keep_file = False

    @property
    def dropped(self) -> int:
        return len(self._previous_ids - self._written)

    def summary(self) -> str:
        """One line: how many articles were reused, extracted again, dropped (and why none
        was reused, when none was)."""
        line = f"articles reused from the last run: {self.reused}, extracted: {self.extracted}, dropped: {self.dropped}"
        if not self.reused and self.extracted and not self._reusing:
            line += f" ({self.reason})"
        return line

    # -- planning ---------------------------------------------------------------------

    def plan(self, paths: Iterable[Path | str], nlp: Language, options: JobOptions) -> Iterator[tuple[Step, Planned]]:
        """What ``extract.plan_jobs`` plans, each job with a ``Step`` for its key, and as
        ``Reused`` where the last run's outcome stands."""
        self._options = options
        self.fingerprint = fingerprint(nlp, options)
        self._open_previous()
        for ordinal, entry in enumerate(iter_inputs(paths)):
            if isinstance(entry, Problem | NotArticle):  # as plan_jobs gives them
                yield Step(entry, None), None
                continue
            mark, steps = self._examine(entry, ordinal)
            if steps is None:
                yield from self._fresh(entry, mark, nlp)
            else:
                yield from self._replay(entry, mark, steps, nlp)

    def _open_previous(self) -> None:
        path = output_path(self.folder, STATE_FILE)
        if not path.is_file():
            return
        try:
            previous = _Previous(path)
        except StateError as exc:
            self._notice(str(exc))
            self.reason = "the state of the last run cannot be used"
            return
        self._previous_ids = previous.article_ids
        if previous.damaged:
            self._notice(f"{previous.damaged} damaged file record(s)")
        if self.full:
            previous.close()
        elif previous.fingerprint != self.fingerprint:
            previous.close()
            self.reason = "the code, the libraries, the patterns or the options changed since the last run"
        else:
            self._previous, self._reusing = previous, True

    def _notice(self, reason: str) -> None:
        if not self.notices:  # one is enough: whatever it says, what cannot be read is extracted again
            self.notices.append(problem(Code.W103, str(self.folder / STATE_FILE), reason=reason))

    def _examine(self, entry: InputFile, ordinal: int) -> tuple[FileMark, list[list[Any]] | None]:
        """The file as it is now, and the steps of its last run when it has not changed."""
        name = json.dumps([str(entry.path), entry.article_id])
        old = self._previous.files.get(name) if self._previous is not None else None
        try:
            now = os.stat(entry.path)
        except OSError:
            return FileMark(entry.path, name, ordinal, None, None, False), None
        stat = _signature(now)
        if old is not None and old.trusted and old.stat == stat:
            return FileMark(entry.path, name, ordinal, stat, old.digest, True), old.steps
        began = time.time_ns()
        try:
            digest = file_digest(entry.path)
        except OSError:
            return FileMark(entry.path, name, ordinal, stat, None, False), None
        trusted = began - max(now.st_mtime_ns, now.st_ctime_ns) >= RACY_SECONDS * 1e9
        mark = FileMark(entry.path, name, ordinal, stat, digest, trusted)
        return mark, old.steps if old is not None and old.digest == digest else None

    def _fresh(self, entry: InputFile, mark: FileMark, nlp: Language, skip: int = 0) -> Iterator[tuple[Step, Planned]]:
        """The file's jobs as ``extract.plan_file`` plans them (after the first ``skip``),
        each taken from the last run where its unit is kept."""
        planned = islice(plan_file(entry, nlp, budget=self._options.budget), skip, None)
        for key, job in planned:
            if isinstance(job, FinishLine):
                unit: str | None = line_unit(job.raw)
                line = job.raw.line
            elif isinstance(job, ReadFile) and mark.digest is not None:
                unit, line = file_unit(entry, mark.digest), None
            else:
                unit, line = None, None
            kept = self._reuse(unit, line) if unit is not None else None
            if kept is None:
                yield Step(key, mark, unit, line), job
            else:
                blob, outcome = kept
                yield Step(key, mark, unit, line, blob), Reused(outcome)

    def _replay(
        self, entry: InputFile, mark: FileMark, steps: list[list[Any]], nlp: Language
    ) -> Iterator[tuple[Step, Planned]]:
        """An unchanged file's steps as its last run recorded them; should one not be
        readable, the file is planned again from that step on."""
        for index, step in enumerate(steps):
            try:
                if step[0] == "p":
                    yield Step(_problem_of(step[1:]), mark), None
                    continue
                if step[0] == "n":
                    yield Step(entry.path, mark), None
                    continue
                _, unit, line = step
                kept = self._reuse(unit, line) if isinstance(unit, str) else None
            except (ValueError, TypeError):
                kept = None
            if kept is None:
                self._notice("a file's record names an outcome the state does not hold")
                yield from self._fresh(entry, mark, nlp, skip=index)
                return
            blob, outcome = kept
            yield Step(entry.path, mark, unit, line, blob), Reused(outcome)

    def _reuse(self, unit: str, line: int | None) -> tuple[bytes, Outcome] | None:
        if self._previous is None:
            return None
        try:
            blob = self._previous.unit(unit)
            return None if blob is None else (blob, decode_outcome(blob, line, self._options))
        except (StateError, ValueError, KeyError, TypeError) as exc:  # a damaged row: its job is run
            self._notice(str(exc) if isinstance(exc, StateError) else f"a kept outcome cannot be read ({exc})")
            return None

    # -- recording ------------------------------------------------------------------

    def record(self, step: Step, outcome: Outcome) -> Path | Problem | NotArticle:
        """Take note of a planned job's outcome (in planned order); returns its key as
        ``extract.plan_jobs`` gives it."""
        for extracted in outcome.articles:
            article_id = extracted.article.article_id
            if article_id in self._seen:  # the first of an id is the one written (E108 for the others)
                continue
            self._seen.add(article_id)
            if not extracted.failed:
                self._written.add(article_id)
                if step.blob is not None:
                    self.reused += 1
                else:
                    self.extracted += 1
        if step.file is not None and self._writer is not None:
            with self._writing():
                self._store(step, step.file, self._writer, outcome)
        return step.key

    def _store(self, step: Step, mark: FileMark, writer: _StateWriter, outcome: Outcome) -> None:
        if self._file is None or mark.ordinal != self._file.ordinal:
            self._finish_file()
            self._file, self._steps, self._keep_file = mark, [], mark.digest is not None
        if step.unit is None:
            if isinstance(step.key, Problem):
                self._steps.append(["p", *_problem_fields(step.key)])
                self._keep_file &= step.key.code not in REDO
            else:
                self._steps.append(["n"])
            return
        self._steps.append(["u", step.unit, step.line])
        if step.blob is not None:
            writer.add_unit(step.unit, step.blob)
        elif keeps(outcome) and (step.line is not None or _unchanged(mark)):  # a file read as it was hashed
            writer.add_unit(step.unit, encode_outcome(outcome, step.line))
        else:
            self._keep_file = False

    def _finish_file(self) -> None:
        """Keep the steps of the input just recorded, if all of them may be replayed."""
        mark, self._file = self._file, None
        if mark is not None and self._writer is not None and self._keep_file and _unchanged(mark):
            self._writer.add_file(mark, self._steps)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """A failure to write the state (a full disk) is one to write the outputs: E301."""
        try:
            yield
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise ClaimsError(problem(Code.E301, str(self.folder), reason=reason)) from exc

    # -- the companion of OutputWriter ---------------------------------------------------

    def start(self, path: Path) -> None:
        self._writer = _StateWriter(path)

    def finish(self) -> None:
        if self._writer is None:
            return
        meta = {
            "format": FORMAT,
            "version": VERSION,
            "fingerprint": self.fingerprint or "",
            "articles": json.dumps(sorted(self._written)),
        }
        with self._writing():
            self._finish_file()
            self._writer.finish(meta)
        self._writer = None
        self._close_previous()

    def discard(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self._close_previous()

    def _close_previous(self) -> None:
        previous, self._previous = self._previous, None
        if previous is not None:
            previous.close()


def _unchanged(mark: FileMark) -> bool:
    """Whether the file's stat is still the one it was hashed with."""
    try:
        return mark.stat is not None and _signature(os.stat(mark.path)) == mark.stat
    except OSError:
        return False
