"""Write records to CSV, JSON, Parquet and SQLite, as one crash-safe set, deterministically.

The seven files replace the previous seven together (``output_set.replace_set``: a folder
swap, or a journal where a swap cannot be done), so a run killed at any moment leaves
either the previous set or the new one, and two runs into one folder take turns.

The text files (``OUTPUT_FILES``) are byte-for-byte reproducible; ``claims.parquet`` and
``claims.db`` hold the same tables for pandas, DuckDB and Datasette, ``claims.db`` with
typed columns and keys (``SQLITE_SCHEMA``).

CSV cells that a spreadsheet would run as a formula (text starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) get a leading ``'``, as OWASP recommends;
numbers are never touched, and ``raw_csv=True`` turns this off. A cell holding a quote,
a comma, a line feed or a carriage return is quoted, so no value splits a row.
"""

from __future__ import annotations

import io
import json
import math
import numbers
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
from pydantic import BaseModel

from .claim_types import CSV_COLUMNS, column_kinds
from .errors import ClaimsError, Code, Problem, problem
from .output_set import Builder, replace_set
from .records import Article, Claim, OrganizationClaim

OUTPUT_FILES = ("claims.json", "claims.csv", "articles.json", "organizations.csv", "errors.json")
BINARY_FILES = ("claims.parquet", "claims.db")
ORGANIZATION_COLUMNS = ("article_id", "name", "acronym", "aliases", "mentions", "first_start", "first_end")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTED = re.compile(r'[,"\n\r]')
_QUOTED_GUARDED = re.compile(r'[,;"\t\n\r]')  # also the separators of other locales' spreadsheets
_SURROGATE = re.compile("[\ud800-\udfff]")


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def claims_table(claims: Sequence[Claim]) -> pd.DataFrame:
    rows = [claim.model_dump(mode="json") for claim in claims]
    frame = pd.DataFrame(rows, columns=list(CSV_COLUMNS), dtype=object)
    return frame


def organizations_table(claims: Sequence[Claim]) -> pd.DataFrame:
    """One row per organization per article: its canonical name, acronym, the other forms
    the article writes (aliases, "; "-separated), how often it is mentioned, and where first."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for claim in claims:
        if not isinstance(claim, OrganizationClaim):
            continue
        row = rows.setdefault(
            (claim.article_id, claim.name),
            {"article_id": claim.article_id, "name": claim.name, "acronym": None, "forms": set(),
             "mentions": 0, "first_start": claim.start, "first_end": claim.end},
        )  # fmt: skip
        row["acronym"] = row["acronym"] or claim.acronym
        row["mentions"] += 1
        if claim.start < row["first_start"]:
            row["first_start"], row["first_end"] = claim.start, claim.end
        form = " ".join(claim.text.split())
        if form.casefold() != claim.name.casefold():
            row["forms"].add(form)
    records = []
    for row in sorted(rows.values(), key=lambda r: (r["article_id"], r["first_start"])):
        forms = row.pop("forms")
        row["aliases"] = "; ".join(sorted(forms, key=lambda f: (f != row["acronym"], f)))
        records.append(row)
    return pd.DataFrame(records, columns=list(ORGANIZATION_COLUMNS), dtype=object)


def render_outputs(
    articles: Sequence[Article], claims: Sequence[Claim], problems: Sequence[Problem], *, raw_csv: bool = False
) -> dict[str, str]:
    """File name -> content, for every output file."""
    return {
        "claims.json": _json([c.model_dump(mode="json") for c in claims]),
        "claims.csv": to_csv(claims_table(claims), raw=raw_csv),
        "articles.json": _json([a.model_dump(mode="json") for a in articles]),
        "organizations.csv": to_csv(organizations_table(claims), raw=raw_csv),
        "errors.json": _json([p.as_dict() for p in problems]),
    }


# -- CSV -------------------------------------------------------------------------------


def neutralized(cell: str) -> str:
    """``cell`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def csv_cell(value: object, *, raw: bool = False) -> str:
    """One CSV field: empty for a missing value, numbers as Python writes them, text
    neutralized (unless ``raw``) and quoted when it holds a comma, quote, LF or CR (and,
    unless ``raw``, a semicolon or tab, which spreadsheets of other locales split on)."""
    if _is_missing(value):
        return ""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return str(value)
    text = str(value) if raw else neutralized(str(value))
    return '"' + text.replace('"', '""') + '"' if (_QUOTED if raw else _QUOTED_GUARDED).search(text) else text


def to_csv(frame: pd.DataFrame, *, raw: bool = False) -> str:
    """``frame`` as CSV text, one line per row whatever the cells hold (see ``csv_cell``)."""
    lines = [",".join(csv_cell(str(column), raw=True) for column in frame.columns)]
    lines += [",".join(csv_cell(value, raw=raw) for value in row) for row in frame.itertuples(index=False)]
    return "\n".join(lines) + "\n"


# -- Parquet and SQLite ----------------------------------------------------------------


def _parquet(claims: Sequence[Claim]) -> bytes:
    from .tables import claims_frame

    buffer = io.BytesIO()
    claims_frame(claims).to_parquet(buffer, index=False, engine="pyarrow")
    return buffer.getvalue()


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


def _insert(connection: sqlite3.Connection, table: str, frame: pd.DataFrame) -> None:
    """Insert the rows; a row whose key is already there is left out (the first one stays)."""
    names = ", ".join(f'"{c}"' for c in frame.columns)
    marks = ", ".join("?" for _ in frame.columns)
    rows = ([None if _is_missing(v) else v for v in row] for row in frame.itertuples(index=False))
    connection.executemany(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})", rows)


def _sqlite_builder(articles: Sequence[Article], claims: Sequence[Claim]) -> Builder:
    """A function writing claims, articles and organizations as tables of one SQLite file."""

    def build(path: Path) -> None:
        article_rows = pd.DataFrame(
            [a.model_dump(mode="json") for a in articles], columns=list(_ARTICLE_KINDS), dtype=object
        )
        connection = sqlite3.connect(path)
        try:
            connection.executescript(SQLITE_SCHEMA)
            with connection:
                _insert(connection, "articles", article_rows)
                _insert(connection, "claims", claims_table(claims))
                _insert(connection, "organizations", organizations_table(claims))
        finally:
            connection.close()

    return build


# -- the set ---------------------------------------------------------------------------

R = TypeVar("R", bound=BaseModel)


def _without_surrogates(records: Iterable[R]) -> list[R]:
    """The records, each lone UTF-16 surrogate in their text (a JSONL ``"\\ud800"``) replaced
    by U+FFFD, one character for one so offsets hold: no file format can store them."""
    clean = []
    for record in records:
        fields = {
            name: _SURROGATE.sub("\ufffd", value)
            for name, value in record.__dict__.items()
            if isinstance(value, str) and _SURROGATE.search(value)
        }
        clean.append(record.model_copy(update=fields) if fields else record)
    return clean


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def write_outputs(
    folder: Path,
    articles: Sequence[Article],
    claims: Sequence[Claim],
    problems: Sequence[Problem],
    *,
    raw_csv: bool = False,
    wait: bool = True,
    on_wait: Callable[[str], None] | None = None,
) -> str:
    """Write the seven output files into ``folder`` as one set (other files there stay);
    returns how: ``"swap"`` or ``"journal"`` (see ``output_set``).

    Raises ``ClaimsError``: E301 when they cannot be written (the previous set is kept and
    nothing is left behind), E302 when another run is writing there and ``wait`` is off;
    with ``wait`` on, ``on_wait`` is told who holds the folder and the call waits its turn.
    """
    articles = _without_surrogates(articles)
    claims = _without_surrogates(claims)
    try:
        files: dict[str, bytes | Builder] = {
            name: _utf8(text) for name, text in render_outputs(articles, claims, problems, raw_csv=raw_csv).items()
        }
        files["claims.parquet"] = _parquet(claims)
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. a number Arrow cannot store
        raise ClaimsError(problem(Code.E301, str(folder), reason=f"{type(exc).__name__}: {exc}")) from exc
    files["claims.db"] = _sqlite_builder(articles, claims)
    try:
        return replace_set(folder, files, wait=wait, on_wait=on_wait)
    except sqlite3.Error as exc:  # "database or disk is full" is no OSError
        raise ClaimsError(problem(Code.E301, str(folder), reason=str(exc))) from exc


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
