"""Extracted claims as pandas tables with real dtypes.

```python
from pipeline import load_claims, load_tables
claims = load_claims("outputs")                 # one DataFrame, every claim
tables = load_tables("outputs")                 # {"date": ..., "count": ..., "organization": ..., "objective": ...}
for claim in iter_claims("outputs"):            # one record dict at a time, read as a stream
    ...
```

pandas is imported by the functions that build frames, not by ``iter_claims``: ``claims
show`` reads through it and prints its first claims without loading pandas or the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .claim_types import CLAIM_TYPE_NAMES, CLAIM_TYPES, CSV_COLUMNS, SHARED_COLUMNS, column_kinds
from .errors import ClaimsError, Code, problem
from .output_set import output_path, read_output

if TYPE_CHECKING:
    import pandas as pd

    from .records import Claim

TYPE_COLUMNS: dict[str, tuple[str, ...]] = {name: t.columns for name, t in CLAIM_TYPES.items()}


def typed_frame(rows: Sequence[dict[str, object]]) -> pd.DataFrame:
    """Claim dicts -> a DataFrame with dates as datetime64, numbers numeric, types categorical."""
    import pandas as pd

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
    import pandas as pd

    frame = pd.DataFrame(_read_json(Path(folder), "articles.json"))
    if "published" in frame:
        frame["published"] = pd.to_datetime(frame["published"], format="ISO8601", errors="coerce")
    return frame


# -- streaming -------------------------------------------------------------------------

_CHUNK = 1 << 16
_BLANK = re.compile(r"[ \t\n\r]*")
_NUMBER_GOES_ON = frozenset(["", *"0123456789.eE+-"])  # what may follow a number's first part


class _ArrayReader:
    """The members of a JSON array read from a text stream one at a time: memory holds one
    member (and a chunk), and reading stops where the caller stops asking."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.buffer = ""
        self.pos = 0
        self.dropped = 0  # characters of the stream before ``buffer``
        self.eof = False
        self.decoder = json.JSONDecoder()

    def _more(self) -> None:
        """Read on; a chunk at least as long as what is pending, so that one long member is
        read in a number of steps logarithmic in its length, not linear."""
        pending = self.buffer[self.pos :]
        chunk = self.stream.read(max(_CHUNK, len(pending)))
        self.dropped += self.pos
        self.buffer, self.pos = pending + chunk, 0
        self.eof = not chunk

    def _peek(self) -> str:
        """The next character that is not blank ('' at the end), left unread."""
        while True:
            self.pos = _BLANK.match(self.buffer, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buffer) or self.eof:
                return self.buffer[self.pos : self.pos + 1]
            self._more()

    def _expect(self, what: str) -> ValueError:
        found = self._peek() or "the end of the file"
        return ValueError(f"expected {what} at character {self.dropped + self.pos}, found {found!r}")

    def _value(self) -> Any:
        self._peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as exc:
                if self.eof:
                    raise ValueError(f"{exc.msg} at character {self.dropped + exc.pos}") from None
                self._more()
                continue
            if self.eof or self.buffer[end : end + 1] not in _NUMBER_GOES_ON:
                self.pos = end
                return value
            self._more()  # a number cut by the chunk's end ("-0" of "-0.5") may go on

    def __iter__(self) -> Iterator[Any]:
        if self._peek() != "[":
            raise self._expect("a JSON array")
        self.pos += 1
        if self._peek() == "]":
            self.pos += 1
        else:
            while True:
                yield self._value()
                if self._peek() == ",":
                    self.pos += 1
                elif self._peek() == "]":
                    self.pos += 1
                    break
                else:
                    raise self._expect("',' or ']'")
        if self._peek():
            raise self._expect("the end of the file after the array")


def iter_json_array(stream: IO[str]) -> Iterator[Any]:
    """Each member of the JSON array ``stream`` holds, as it is read (ValueError, located
    by character, where the text is no JSON array)."""
    return iter(_ArrayReader(stream))


def iter_claims(folder: str | Path) -> Iterator[dict[str, Any]]:
    """Each claim of ``folder/claims.json`` as a record dict (``None`` for an empty field),
    read as a stream, in the file's order: a caller that stops after ten claims has read
    about ten claims of the file. Raises ClaimsError E107 at once when there is no such
    file, E102 when the reading gets to what is not a JSON array of objects. Reads
    through ``output_path``, as ``load_claims`` does, so a journal cut short after its
    commit is read whole."""
    path = Path(folder) / "claims.json"
    try:
        stream = _open_output(Path(folder), "claims.json")
    except FileNotFoundError:
        raise ClaimsError(problem(Code.E107, str(path))) from None
    except OSError as exc:
        raise ClaimsError(problem(Code.E102, str(path), reason=str(exc))) from None
    return _claims_of(stream, path)


def _claims_of(stream: IO[str], path: Path) -> Iterator[dict[str, Any]]:
    with stream:
        try:
            for number, record in enumerate(iter_json_array(stream), start=1):
                if not isinstance(record, dict):
                    raise ValueError(f"claim {number} is not a JSON object")
                yield record
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise ClaimsError(problem(Code.E102, str(path), reason=str(exc))) from None


def _open_output(folder: Path, name: str) -> IO[str]:
    """The current ``name`` of ``folder`` open for reading; a rename racing the open is
    retried (once open, the file stays the one opened)."""
    for _ in range(5):
        try:
            return open(output_path(folder, name), encoding="utf-8")  # the caller closes it
        except FileNotFoundError:
            continue
    return open(folder / name, encoding="utf-8")
