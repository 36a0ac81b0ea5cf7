"""Write records to CSV, JSON, Parquet and SQLite, as one crash-safe set, deterministically.

The files are written as a stream (``OutputWriter``): each article's record and claims are
appended as they come into a spool folder of the run (``output_set.Spool``), the JSON
arrays and CSV files line by line, ``claims.db`` in transactions, ``claims.parquet`` in
row groups through pyarrow's ``ParquetWriter``; memory does not grow with the batch. Each
claim is serialized once (``render_claims``, in a worker process with ``--jobs``): its
JSON, its CSV row, and one row of values for SQLite and Parquet.

At the end the eight files replace the previous eight together (``output_set.replace_set``:
a folder swap, or a journal where a swap cannot be done), so a run killed at any moment
leaves either the previous set or the new one, and two runs into one folder take turns.

The text files (``OUTPUT_FILES``) are byte-for-byte reproducible; ``claims.parquet`` and
``claims.db`` hold the same tables for pandas, DuckDB and Datasette, ``claims.db`` with
typed columns and keys (``SQLITE_SCHEMA``).

With ``excel=True`` the CSV files open with a UTF-8 byte order mark (``BOM``), which Excel
on Windows needs to read them as UTF-8 rather than in the machine's code page (``中國傳媒大學``
and ``€`` intact); other readers (pandas, DuckDB, Python's ``utf-8-sig``) skip it.

CSV cells that a spreadsheet would run as a formula (text starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) get a leading ``'``, as OWASP recommends;
numbers are never touched, and ``raw_csv=True`` turns this off. A cell holding a quote,
a comma, a line feed or a carriage return is quoted, so no value splits a row.
"""

from __future__ import annotations

import contextlib
import json
import math
import numbers
import os
import re
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

from .claim_types import CLAIM_TYPE_NAMES, CSV_COLUMNS, column_kinds
from .errors import ClaimsError, Code, Problem, problem
from .output_set import Builder, Spool, replace_set
from .records import Article, Claim

if TYPE_CHECKING:
    import pandas as pd

OUTPUT_FILES = ("claims.json", "claims.csv", "articles.json", "articles.csv", "organizations.csv", "errors.json")
BINARY_FILES = ("claims.parquet", "claims.db")
ORGANIZATION_COLUMNS = ("article_id", "name", "acronym", "aliases", "mentions", "first_start", "first_end")
ARTICLE_FIELDS = ("article_id", "title", "author", "published", "url", "source")  # articles.csv: no text
COUNT_COLUMNS = ("claims", *(f"{claim_type}_claims" for claim_type in CLAIM_TYPE_NAMES))
ARTICLE_COLUMNS = (*ARTICLE_FIELDS, *COUNT_COLUMNS)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # first character of a CSV file written for Excel (``excel=True``)
CSV_FILES = ("claims.csv", "articles.csv", "organizations.csv")
ROW_GROUP_ROWS = 4096  # claims per Parquet row group and per SQLite transaction
_QUOTED = re.compile(r'[,"\n\r]')
_QUOTED_GUARDED = re.compile(r'[,;"\t\n\r]')  # also the separators of other locales' spreadsheets
_SURROGATE = re.compile("[\ud800-\udfff]")
Row = tuple[Any, ...]


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # one line, so Python's C encoder does the work
_SCALARS = (str, int, float, bool, type(None))


def _member(data: Any) -> str:
    """``data`` as a member of a JSON array indented as ``_json`` indents it (no separator).

    ``json`` indents in pure Python; a record of plain values (every claim and article) is
    laid out here the same way around the C encoder's values, character for character."""
    if isinstance(data, dict) and data and all(isinstance(v, _SCALARS) for v in data.values()):
        encode = _ENCODER.encode
        return "  {\n" + ",\n".join(f"    {encode(k)}: {encode(v)}" for k, v in data.items()) + "\n  }"
    return "  " + json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """The record dict with each lone UTF-16 surrogate (a JSONL ``"\\ud800"``) replaced by
    U+FFFD, one character for one so offsets hold: no file format can store them."""
    return {k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in data.items()}


def _dumped(record: Article | Claim) -> tuple[dict[str, Any], str]:
    """The record as a JSON-ready dict and as a member of a JSON array: its one serialization."""
    data = record.model_dump(mode="json")
    text = _member(data)
    if _SURROGATE.search(text):
        data = _clean(data)
        text = _member(data)
    return data, text


# -- one article's claims, serialized once ---------------------------------------------


@dataclass(frozen=True, slots=True)
class RenderedClaims:
    """Claims serialized once for every output file: small to send from a worker process.

    ``json`` is their members of claims.json joined by ``",\n"``; ``csv`` their rows of
    claims.csv; ``rows`` their values in ``CSV_COLUMNS`` order (for claims.db and
    claims.parquet); ``organizations`` their rows of organizations.csv/claims.db in
    ``ORGANIZATION_COLUMNS`` order, and ``organizations_csv`` those rows as CSV.
    """

    count: int
    json: str
    csv: str
    rows: list[Row]
    organizations: list[Row]
    organizations_csv: str


def render_claims(claims: Sequence[Claim], *, raw_csv: bool = False) -> RenderedClaims:
    """The claims (of one article, or any list) serialized once: see ``RenderedClaims``."""
    return _render((_dumped(claim) for claim in claims), raw_csv)


def render_claim_data(claims: Iterable[dict[str, Any]], *, raw_csv: bool = False) -> RenderedClaims:
    """Claims given as their JSON objects (``record_data``, ``rendered_data``) serialized
    once, exactly as ``render_claims`` serializes the records they come from."""
    return _render(((data, _member(data)) for data in claims), raw_csv)


def record_data(record: Article | Claim) -> dict[str, Any]:
    """A record as the JSON object the output files hold (its lone surrogates U+FFFD)."""
    return _dumped(record)[0]


def rendered_data(claims: RenderedClaims) -> list[dict[str, Any]]:
    """The JSON objects of rendered claims, read back from their members of claims.json."""
    return json.loads(f"[{claims.json}]") if claims.count else []


def _render(dumped: Iterable[tuple[dict[str, Any], str]], raw_csv: bool) -> RenderedClaims:
    members, lines, rows, dumps = [], [], [], []
    for data, text in dumped:
        members.append(text)
        row = tuple(data.get(column) for column in CSV_COLUMNS)
        rows.append(row)
        lines.append(csv_row(row, raw=raw_csv))
        dumps.append(data)
    organizations = organization_rows(dumps)
    return RenderedClaims(
        len(rows),
        ",\n".join(members),
        "".join(lines),
        rows,
        organizations,
        "".join(csv_row(row, raw=raw_csv) for row in organizations),
    )


def organization_rows(claims: Iterable[dict[str, Any]]) -> list[Row]:
    """One row per organization per article: its canonical name, acronym, the other forms
    the article writes (aliases, "; "-separated), how often it is mentioned, and where first."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for claim in claims:
        if claim.get("claim_type") != "organization":
            continue
        row = rows.setdefault(
            (claim["article_id"], claim["name"]),
            {"article_id": claim["article_id"], "name": claim["name"], "acronym": None, "forms": set(),
             "mentions": 0, "first_start": claim["start"], "first_end": claim["end"]},
        )  # fmt: skip
        row["acronym"] = row["acronym"] or claim.get("acronym")
        row["mentions"] += 1
        if claim["start"] < row["first_start"]:
            row["first_start"], row["first_end"] = claim["start"], claim["end"]
        form = " ".join(claim["text"].split())
        if form.casefold() != claim["name"].casefold():
            row["forms"].add(form)
    records = []
    for row in sorted(rows.values(), key=lambda r: (r["article_id"], r["first_start"])):
        forms = row.pop("forms")
        row["aliases"] = "; ".join(sorted(forms, key=lambda f: (f != row["acronym"], f)))
        records.append(tuple(row[column] for column in ORGANIZATION_COLUMNS))
    return records


def render_outputs(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    problems: Sequence[Problem],
    *,
    raw_csv: bool = False,
    excel: bool = False,
) -> dict[str, str]:
    """File name -> content, for every text output file, in memory (as ``write_outputs`` writes them)."""
    rendered = render_claims(claims, raw_csv=raw_csv)
    dumped = [_dumped(article) for article in articles]
    counts = claim_counts(rendered.rows)
    article_rows = "".join(
        csv_row(article_row(data, counts.get(data["article_id"])), raw=raw_csv) for data, _ in dumped
    )
    bom = BOM if excel else ""
    return {
        "claims.json": _array(rendered.json),
        "claims.csv": bom + csv_header(CSV_COLUMNS) + rendered.csv,
        "articles.json": _array(",\n".join(member for _, member in dumped)),
        "articles.csv": bom + csv_header(ARTICLE_COLUMNS) + article_rows,
        "organizations.csv": bom + csv_header(ORGANIZATION_COLUMNS) + rendered.organizations_csv,
        "errors.json": _json([p.as_dict() for p in problems]),
    }


_TYPE_COLUMN, _ARTICLE_COLUMN = CSV_COLUMNS.index("claim_type"), CSV_COLUMNS.index("article_id")


def claim_counts(rows: Iterable[Row]) -> dict[str, Counter[str]]:
    """Article id -> how many claims of each type the rows (of ``RenderedClaims.rows``) hold."""
    counts: dict[str, Counter[str]] = {}
    for row in rows:
        counts.setdefault(row[_ARTICLE_COLUMN], Counter())[row[_TYPE_COLUMN]] += 1
    return counts


def article_row(data: dict[str, Any], counts: Counter[str] | None) -> Row:
    """An article's row of articles.csv: its metadata (not its text) and its claims by type."""
    counts = counts or Counter()
    return (
        *(data.get(field) for field in ARTICLE_FIELDS),
        counts.total(),
        *(counts[claim_type] for claim_type in CLAIM_TYPE_NAMES),
    )


def _array(members: str) -> str:
    return f"[\n{members}\n]\n" if members else "[]\n"


# -- CSV -------------------------------------------------------------------------------


def neutralized(cell: str) -> str:
    """``cell`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


_PLAIN = (str, int)  # cell types that are never a missing value: no further test


def _is_missing(value: object) -> bool:
    if value is None or type(value).__name__ in ("NAType", "NaTType"):  # pandas' pd.NA, pd.NaT
        return True
    return isinstance(value, float) and math.isnan(value)


def csv_cell(value: object, *, raw: bool = False) -> str:
    """One CSV field: empty for a missing value, numbers as Python writes them, text
    neutralized (unless ``raw``) and quoted when it holds a comma, quote, LF or CR (and,
    unless ``raw``, a semicolon or tab, which spreadsheets of other locales split on)."""
    if type(value) is str:  # the usual cells first, without the general checks
        text = value if raw else neutralized(value)
    elif type(value) is int or (type(value) is float and not math.isnan(value)):
        return str(value)
    elif _is_missing(value):
        return ""
    elif isinstance(value, numbers.Real) and not isinstance(value, bool):
        return str(value)
    else:
        text = str(value) if raw else neutralized(str(value))
    return '"' + text.replace('"', '""') + '"' if (_QUOTED if raw else _QUOTED_GUARDED).search(text) else text


def csv_row(values: Iterable[object], *, raw: bool = False) -> str:
    """One line of CSV (with its line feed), whatever the cells hold (see ``csv_cell``)."""
    return ",".join(csv_cell(value, raw=raw) for value in values) + "\n"


def csv_header(columns: Iterable[str]) -> str:
    return csv_row((str(column) for column in columns), raw=True)


def to_csv(frame: pd.DataFrame, *, raw: bool = False, excel: bool = False) -> str:
    """``frame`` as CSV text, one line per row whatever the cells hold (see ``csv_cell``);
    ``excel``: after a byte order mark."""
    rows = "".join(csv_row(row, raw=raw) for row in frame.itertuples(index=False))
    return (BOM if excel else "") + csv_header(frame.columns) + rows


# -- Parquet and SQLite ----------------------------------------------------------------

_SQL_TYPES = {"text": "TEXT", "date": "TEXT", "number": "REAL", "integer": "INTEGER", "category": "TEXT"}
_ARTICLE_KINDS = {"article_id": "text", "title": "text", "author": "text", "published": "date", "url": "text",
                  "source": "text", "text": "text"}  # fmt: skip
_ORGANIZATION_KINDS = {"article_id": "text", "name": "text", "acronym": "text", "aliases": "text",
                       "mentions": "integer", "first_start": "integer", "first_end": "integer"}  # fmt: skip


def _columns_sql(kinds: dict[str, str], keys: dict[str, str]) -> str:
    return ", ".join(f'"{name}" {_SQL_TYPES[kind]}{keys.get(name, "")}' for name, kind in kinds.items())


def sqlite_schema() -> str:
    """The ``CREATE`` statements of claims.db: typed columns (REAL values, INTEGER offsets,
    ISO dates as TEXT), the ids as primary keys, ``article_id`` a foreign key, indexes on
    what one filters by."""
    article = " REFERENCES articles (article_id)"
    claims = _columns_sql(dict(column_kinds()), {"claim_id": " PRIMARY KEY", "article_id": f" NOT NULL{article}"})
    articles = _columns_sql(_ARTICLE_KINDS, {"article_id": " PRIMARY KEY"})
    organizations = _columns_sql(_ORGANIZATION_KINDS, {"article_id": f" NOT NULL{article}"})
    return (
        f"CREATE TABLE articles ({articles});\n"
        f"CREATE TABLE claims ({claims});\n"
        f'CREATE TABLE organizations ({organizations}, PRIMARY KEY ("article_id", "name"));\n'
        'CREATE INDEX claims_article ON claims ("article_id", "claim_type");\n'
        'CREATE INDEX claims_type ON claims ("claim_type");\n'
    )


SQLITE_SCHEMA = sqlite_schema()


def _insert(connection: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[Row]) -> None:
    """Insert the rows; a row whose key is already there is left out (the first one stays)."""
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    values = ([v if type(v) in _PLAIN else None if _is_missing(v) else v for v in row] for row in rows)
    connection.executemany(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})", values)


class _Database:
    """claims.db filled in one transaction per ``ROW_GROUP_ROWS`` rows; the file is made at
    the first of them (an empty database already takes a few pages)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection: sqlite3.Connection | None = None
        self.tables: dict[str, tuple[Sequence[str], list[Row]]] = {
            "articles": (tuple(_ARTICLE_KINDS), []),
            "claims": (CSV_COLUMNS, []),
            "organizations": (ORGANIZATION_COLUMNS, []),
        }

    def add(self, table: str, rows: Iterable[Row]) -> None:
        self.tables[table][1].extend(rows)

    def flush(self) -> None:
        if self.connection is None:
            self.connection = sqlite3.connect(self.path)
            # the spool is thrown away if the run dies, and flushed to disk before it is used
            self.connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;\n" + SQLITE_SCHEMA)
        with self.connection:
            for table, (columns, rows) in self.tables.items():
                _insert(self.connection, table, columns, rows)
                rows.clear()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


def parquet_schema() -> Any:
    """The Arrow schema of claims.parquet: the columns of ``tables.typed_frame``, except
    dates, which are ``date32`` (a day, as DuckDB's ``DATE`` and Spark's ``DateType``), not
    timestamps; values ``float64``, offsets ``int64``, ``claim_type`` a dictionary. The
    pandas metadata says so too, so ``pd.read_parquet`` gives ``datetime.date`` objects."""
    import pyarrow as pa

    from .tables import typed_frame

    schema = pa.Schema.from_pandas(typed_frame([]), preserve_index=False)
    dates = {column for column, kind in column_kinds().items() if kind == "date"}
    metadata = json.loads(schema.metadata[b"pandas"])
    for column in metadata["columns"]:
        if column["name"] in dates:
            column.update(pandas_type="date", numpy_type="object")
    fields = [pa.field(f.name, pa.date32()) if f.name in dates else f for f in schema]
    return pa.schema(fields, metadata={b"pandas": json.dumps(metadata).encode()})


class _ParquetFile:
    """claims.parquet written in row groups of ``ROW_GROUP_ROWS`` claims (``parquet_schema``)."""

    def __init__(self, path: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .tables import typed_frame

        self.schema = parquet_schema()
        self._table = lambda rows: pa.Table.from_pandas(
            typed_frame([dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows]),
            schema=self.schema,
            preserve_index=False,
        )
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[Row] = []
        self.groups = 0

    def add(self, rows: Iterable[Row]) -> None:
        self.rows.extend(rows)

    def flush(self) -> None:
        if self.rows or not self.groups:  # an empty file still has its schema and one empty group
            self.writer.write_table(self._table(self.rows))
            self.groups += 1
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


# -- the set ---------------------------------------------------------------------------


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text).encode("utf-8")


class Companion(Protocol):
    """A file streamed into the spool beside the output files and put in place with them
    (the state of an incremental run, ``incremental.RunState``): ``start`` is given its
    path in the spool, ``finish`` completes it before the set is replaced, ``discard``
    drops it when the set is not."""

    name: str

    def start(self, path: Path) -> None: ...

    def finish(self) -> None: ...

    def discard(self) -> None: ...


class OutputWriter:
    """The eight output files of ``folder``, written as a stream, put in place as one set.

    ```python
    with OutputWriter(out) as writer:
        for article, claims in records:
            writer.add(article, render_claims(claims))
        writer.commit(problems)      # the previous set is replaced by this one, whole
    ```
    Records are appended to the files of a spool folder as they come (the order they are
    added in is the order of the files); ``commit`` closes them and replaces the
    previous set (``output_set.replace_set``); leaving the block without a commit, or a
    failure, discards the spool and keeps the previous set. A ``companion`` file is written
    into the spool too and replaces its previous version with the set. Raises
    ``ClaimsError`` E301 when the files cannot be written, E302 as ``replace_set`` does.
    """

    def __init__(
        self, folder: str | Path, *, raw_csv: bool = False, excel: bool = False, companion: Companion | None = None
    ) -> None:
        self.folder = Path(folder)
        self.raw_csv = raw_csv
        self.companion = companion
        self.articles = 0
        self.claims = 0
        self._handles: dict[str, IO[str]] = {}
        self._members: dict[str, int] = {"claims.json": 0, "articles.json": 0}
        self._buffered = 0
        try:
            self.spool = Spool(self.folder)
        except OSError as exc:
            raise self._error(exc) from exc
        try:
            for name in ("claims.json", "claims.csv", "articles.json", "articles.csv", "organizations.csv"):
                self._handles[name] = open(  # noqa: SIM115 - closed by commit or discard
                    self.spool.path / name, "x", encoding="utf-8", newline=""
                )
            for name, columns in zip(CSV_FILES, (CSV_COLUMNS, ARTICLE_COLUMNS, ORGANIZATION_COLUMNS), strict=True):
                self._handles[name].write((BOM if excel else "") + csv_header(columns))
            self._database = _Database(self.spool.path / "claims.db")
            self._parquet = _ParquetFile(self.spool.path / "claims.parquet")
            if companion is not None:
                companion.start(self.spool.path / companion.name)
        except BaseException as exc:
            self.discard()
            if isinstance(exc, OSError | sqlite3.Error):
                raise self._error(exc) from exc
            raise

    def __enter__(self) -> OutputWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    def add(self, article: Article, claims: RenderedClaims) -> None:
        """Append one article's record and its claims (of ``render_claims``) to every file."""
        self.add_article(article, claim_counts(claims.rows))
        self.add_claims(claims)

    def add_article(self, article: Article, counts: Mapping[str, Counter[str]] | None = None) -> None:
        """Append one article's record; ``counts`` (of ``claim_counts``) give its claims by
        type in articles.csv (``add`` counts them; none given, they are 0)."""
        with self._writing():
            data, member = _dumped(article)
            self._append("articles.json", member)
            row = article_row(data, (counts or {}).get(data["article_id"]))
            self._handles["articles.csv"].write(csv_row(row, raw=self.raw_csv))
            self._database.add("articles", [tuple(data.get(c) for c in _ARTICLE_KINDS)])
        self.articles += 1
        self._rows_written(1)

    def add_claims(self, claims: RenderedClaims) -> None:
        with self._writing():
            self._append("claims.json", claims.json)
            self._handles["claims.csv"].write(claims.csv)
            self._handles["organizations.csv"].write(claims.organizations_csv)
            self._database.add("claims", claims.rows)
            self._database.add("organizations", claims.organizations)
            self._parquet.add(claims.rows)
        self.claims += claims.count
        self._rows_written(claims.count)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """A failure to write (a full disk, a number Arrow cannot store) discards the spool: E301."""
        try:
            yield
        except (OSError, sqlite3.Error, ValueError, TypeError, OverflowError) as exc:
            self.discard()
            raise self._error(exc) from exc

    def _rows_written(self, count: int) -> None:
        self._buffered += count
        if self._buffered >= ROW_GROUP_ROWS:  # a transaction of claims.db, a row group of claims.parquet
            with self._writing():
                self._database.flush()
                self._parquet.flush()
            self._buffered = 0

    def _append(self, name: str, members: str) -> None:
        if not members:
            return
        self._handles[name].write(",\n" + members if self._members[name] else "[\n" + members)
        self._members[name] += 1

    def commit(
        self, problems: Sequence[Problem], *, wait: bool = True, on_wait: Callable[[str], None] | None = None
    ) -> str:
        """Close the files, write errors.json and replace the previous set with them; returns
        how: ``"swap"`` or ``"journal"`` (see ``output_set``)."""
        with self._writing():
            for name, handle in self._handles.items():
                if name in self._members:
                    handle.write("\n]\n" if self._members[name] else "[]\n")
                handle.close()
            self._parquet.close()
            self._database.flush()
            self._database.close()
            errors = _utf8(_json([p.as_dict() for p in problems]))
            if self.companion is not None:
                self.companion.finish()
        files: dict[str, bytes | Builder] = {name: self.spool.link(name) for name in self._handles}
        files["errors.json"] = errors
        files["claims.parquet"] = self.spool.link("claims.parquet")
        files["claims.db"] = self.spool.link("claims.db")
        names = [*OUTPUT_FILES, *BINARY_FILES]
        if self.companion is not None:
            files[self.companion.name] = self.spool.link(self.companion.name)
            names.append(self.companion.name)
        try:
            return replace_set(self.folder, {name: files[name] for name in names}, wait=wait, on_wait=on_wait)
        finally:
            self.discard()

    def discard(self) -> None:
        """Close and delete the spool (the previous set stays as it was)."""
        for handle in self._handles.values():
            handle.close()
        if hasattr(self, "_parquet"):
            self._parquet.writer.close()
        if hasattr(self, "_database"):
            self._database.close()
        if self.companion is not None:
            self.companion.discard()
        if hasattr(self, "spool"):
            self.spool.close()

    def _error(self, exc: BaseException) -> ClaimsError:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
        if isinstance(exc, sqlite3.Error):
            reason = str(exc)  # "database or disk is full" is no OSError
        return ClaimsError(problem(Code.E301, str(self.folder), reason=reason))


def write_outputs(
    folder: Path,
    articles: Sequence[Article],
    claims: Sequence[Claim],
    problems: Sequence[Problem],
    *,
    raw_csv: bool = False,
    excel: bool = False,
    wait: bool = True,
    on_wait: Callable[[str], None] | None = None,
) -> str:
    """Write the eight output files into ``folder`` as one set (other files there stay);
    returns how: ``"swap"`` or ``"journal"`` (see ``output_set``). The records held in
    memory; ``OutputWriter`` writes them as they come.

    Raises ``ClaimsError``: E301 when they cannot be written (the previous set is kept and
    nothing is left behind), E302 when another run is writing there and ``wait`` is off;
    with ``wait`` on, ``on_wait`` is told who holds the folder and the call waits its turn.
    """
    with OutputWriter(folder, raw_csv=raw_csv, excel=excel) as writer:
        rendered = render_claims(claims, raw_csv=raw_csv)
        counts = claim_counts(rendered.rows)
        for article in articles:
            writer.add_article(article, counts)
        writer.add_claims(rendered)
        return writer.commit(problems, wait=wait, on_wait=on_wait)


# -- one file --------------------------------------------------------------------------


def _file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


def write_atomic(folder: Path, files: dict[str, str | bytes]) -> None:
    """Write each of ``files`` into ``folder`` through a temporary file renamed over the old
    one (each file whole; for a set replaced together, see ``write_outputs``)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            data = content if isinstance(content, bytes) else _utf8(content)
            descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(temporary, _FILE_MODE)  # temporary files are private; outputs are not
                os.replace(temporary, folder / name)
            finally:
                if os.path.exists(temporary):
                    os.unlink(temporary)
    except OSError as exc:
        raise ClaimsError(problem(Code.E301, str(folder), reason=exc.strerror or str(exc))) from exc
