"""Write records to CSV, JSON, Parquet and SQLite, atomically and deterministically.

Every file is written to a temporary file in the output folder and moved over the old
one only once all files are complete, so a run killed halfway leaves the previous
outputs whole.

The text files (``OUTPUT_FILES``) are byte-for-byte reproducible; ``claims.parquet`` and
``claims.db`` hold the same tables for pandas, DuckDB and Datasette.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .claim_types import CSV_COLUMNS
from .errors import ClaimsError, Code, Problem, problem
from .records import Article, Claim, OrganizationClaim

OUTPUT_FILES = ("claims.json", "claims.csv", "articles.json", "organizations.csv", "errors.json")
BINARY_FILES = ("claims.parquet", "claims.db")
ORGANIZATION_COLUMNS = ("article_id", "name", "acronym", "aliases", "mentions", "first_start", "first_end")


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


def render_outputs(articles: Sequence[Article], claims: Sequence[Claim], problems: Sequence[Problem]) -> dict[str, str]:
    """File name -> content, for every output file."""
    return {
        "claims.json": _json([c.model_dump(mode="json") for c in claims]),
        "claims.csv": _csv(claims_table(claims)),
        "articles.json": _json([a.model_dump(mode="json") for a in articles]),
        "organizations.csv": _csv(organizations_table(claims)),
        "errors.json": _json([p.as_dict() for p in problems]),
    }


def _csv(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def _parquet(claims: Sequence[Claim]) -> bytes:
    from .tables import claims_frame

    buffer = io.BytesIO()
    claims_frame(claims).to_parquet(buffer, index=False, engine="pyarrow")
    return buffer.getvalue()


def _sqlite(path: Path, articles: Sequence[Article], claims: Sequence[Claim]) -> None:
    """claims, articles and organizations as tables of one SQLite database."""
    import sqlite3

    frame = claims_table(claims)
    article_rows = pd.DataFrame(
        [a.model_dump(mode="json") for a in articles], columns=list(Article.model_fields), dtype=object
    )
    organizations = organizations_table(claims)
    with sqlite3.connect(path) as connection:
        frame.to_sql("claims", connection, index=False)
        article_rows.to_sql("articles", connection, index=False)
        organizations.to_sql("organizations", connection, index=False)
        connection.execute("CREATE INDEX claims_article ON claims (article_id, claim_type)")
    connection.close()


def _stage(folder: Path, name: str, content: str | bytes) -> Path:
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(temporary, _FILE_MODE)  # temporary files are private; outputs are not
    return Path(temporary)


def _file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


def write_atomic(folder: Path, files: dict[str, str | bytes], built: dict[str, Path] | None = None) -> None:
    """Write all ``files`` (and move the already ``built`` temporary files) into ``folder``;
    each replaces its old version only when all are ready."""
    staged: list[tuple[str, Path]] = list((built or {}).items())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            for name, content in files.items():
                staged.append((name, _stage(folder, name, content)))
            for name, temporary in staged:
                os.replace(temporary, folder / name)
        finally:
            for _, temporary in staged:
                if temporary.exists():
                    temporary.unlink()
    except OSError as exc:
        raise ClaimsError(problem(Code.E301, str(folder), reason=exc.strerror or str(exc))) from exc


def write_outputs(
    folder: Path, articles: Sequence[Article], claims: Sequence[Claim], problems: Sequence[Problem]
) -> None:
    files: dict[str, str | bytes] = dict(render_outputs(articles, claims, problems))
    files["claims.parquet"] = _parquet(claims)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        database = Path(tempfile.mkstemp(dir=folder, prefix=".claims.db.", suffix=".tmp")[1])
        database.unlink()
        _sqlite(database, articles, claims)
        os.chmod(database, _FILE_MODE)
    except OSError as exc:
        raise ClaimsError(problem(Code.E301, str(folder), reason=exc.strerror or str(exc))) from exc
    write_atomic(folder, files, {"claims.db": database})
