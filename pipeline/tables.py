"""Extracted claims as pandas tables with real dtypes.

```python
from pipeline import load_claims, load_tables
claims = load_claims("outputs")                 # one DataFrame, every claim
tables = load_tables("outputs")                 # {"date": ..., "count": ..., "organization": ..., "objective": ...}
```
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .claim_types import CLAIM_TYPE_NAMES, CLAIM_TYPES, CSV_COLUMNS, SHARED_COLUMNS, column_kinds
from .errors import ClaimsError, Code, problem
from .output_set import read_output
from .records import Claim

TYPE_COLUMNS: dict[str, tuple[str, ...]] = {name: t.columns for name, t in CLAIM_TYPES.items()}


def typed_frame(rows: Sequence[dict[str, object]]) -> pd.DataFrame:
    """Claim dicts -> a DataFrame with dates as datetime64, numbers numeric, types categorical."""
    frame = pd.DataFrame(list(rows), columns=list(CSV_COLUMNS))
    for column, kind in column_kinds().items():
        if kind == "category":
            frame[column] = pd.Categorical(frame[column], categories=list(CLAIM_TYPE_NAMES))
        elif kind == "date":
            dates = pd.to_datetime(frame[column], format="ISO8601", errors="coerce")
            frame[column] = dates.astype("datetime64[us]")  # one unit, however few the rows
        elif kind == "number":
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
        elif kind == "integer":
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
        else:
            frame[column] = frame[column].astype("string")
    return frame


def claims_frame(claims: Sequence[Claim]) -> pd.DataFrame:
    return typed_frame([c.model_dump(mode="json") for c in claims])


def _read_json(folder: Path, name: str) -> list[dict[str, object]]:
    """An output file's records, read through ``output_path`` so that a journal write cut
    short after its commit is seen as the whole new set."""
    path = Path(folder) / name
    try:
        data = json.loads(read_output(folder, name).decode("utf-8"))
    except FileNotFoundError:
        raise ClaimsError(problem(Code.E107, str(path))) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ClaimsError(problem(Code.E102, str(path), reason=str(exc))) from None
    if not isinstance(data, list):
        raise ClaimsError(problem(Code.E102, str(path), reason="expected a JSON array"))
    return data


def load_claims(folder: str | Path) -> pd.DataFrame:
    """Every claim in ``folder/claims.json`` as one typed DataFrame."""
    return typed_frame(_read_json(Path(folder), "claims.json"))


def load_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """One DataFrame per claim type, each with the shared columns and its own."""
    frame = load_claims(folder)
    return {
        claim_type: frame.loc[
            frame["claim_type"] == claim_type, [*SHARED_COLUMNS, *TYPE_COLUMNS[claim_type]]
        ].reset_index(drop=True)
        for claim_type in CLAIM_TYPE_NAMES
    }


def load_articles(folder: str | Path) -> pd.DataFrame:
    frame = pd.DataFrame(_read_json(Path(folder), "articles.json"))
    if "published" in frame:
        frame["published"] = pd.to_datetime(frame["published"], format="ISO8601", errors="coerce")
    return frame
