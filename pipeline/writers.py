"""Write records to CSV and JSON, atomically and deterministically.

Every file is written to a temporary file in the output folder and moved over the old
one only once all files are complete, so a run killed halfway leaves the previous
outputs whole.
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

from .errors import ClaimsError, Code, Problem, problem
from .records import CSV_COLUMNS, Article, Claim, OrganizationClaim

OUTPUT_FILES = ("claims.json", "claims.csv", "articles.json", "organizations.csv", "errors.json")
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


def write_atomic(folder: Path, files: dict[str, str]) -> None:
    """Write all ``files`` into ``folder``; each replaces its old version only when all are ready."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staged: list[tuple[str, Path]] = []
        try:
            for name, content in files.items():
                handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, moved into place later
                    "w", encoding="utf-8", newline="", dir=folder, prefix=f".{name}.", suffix=".tmp", delete=False
                )
                with handle:
                    handle.write(content)
                    handle.flush()
                    os.fsync(handle.fileno())
                staged.append((name, Path(handle.name)))
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
    write_atomic(folder, render_outputs(articles, claims, problems))
