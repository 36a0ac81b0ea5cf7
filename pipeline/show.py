"""What ``claims show`` prints: claims of an output folder, filtered, as a table that fits
the terminal, or as CSV, JSON, JSON Lines or Markdown with one field per column.

Records come in as the dicts of ``tables.iter_claims`` (a stream) and go out as they come:
the formats write each record as it is read, and the table measures its columns on its
first ``MEASURED_ROWS`` rows, so a limited view of a large folder reads only what it shows.

The table sizes its columns to their content and the width (every column gets its longest
word when they fit, the room left goes to the columns with the longest cells, as Rich
sizes a table), so words are kept whole; the evidence sentence is printed under each row,
across the whole width, rather than squeezed into a column. Claims are grouped under a
line naming their article, unless ``article_id`` is one of the columns. The table alone
has the ``normalized`` column: a claim's value in a few words (``2022-10-12 to
2022-10-13``, ``more than 60,000,000,000 USD``), where the formats have one field per
column, with numbers as numbers, dates as ISO dates and empty fields as null (JSON) or
an empty cell (CSV, Markdown).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import IO, Any

from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.segment import Segment, Segments
from rich.table import Table
from rich.text import Text

from .claim_types import CLAIM_TYPES, CSV_COLUMNS, LEADING_COLUMNS, TRAILING_COLUMNS, column_kinds, normalized_text

FORMATS = ("table", "csv", "json", "jsonl", "markdown")
NORMALIZED = "normalized"  # the table's compact value column
MEASURED_ROWS = 500  # rows the table's column widths are measured on
GAP = 2  # spaces between two columns
SENTENCE_INDENT = 4
TYPE_STYLES = {"date": "blue", "count": "yellow", "organization": "green", "objective": "magenta"}
_WORD = re.compile(r"\S+")

Record = Mapping[str, Any]
# Text from articles reaches a terminal: line breaks and tabs become spaces, and the other
# control characters (ESC would start an escape sequence) U+FFFD, one for one.
_PRINTABLE = {code: " " for code in (9, 10, 11, 12, 13)} | {
    code: "\ufffd" for code in (*range(32), *range(127, 160)) if code not in (9, 10, 11, 12, 13)
}
_KINDS = column_kinds()
_NUMERIC = frozenset(column for column, kind in _KINDS.items() if kind in ("number", "integer"))


# -- which claims, which columns -------------------------------------------------------


@dataclass(frozen=True)
class ClaimFilter:
    """The claims ``claims show`` keeps: of a type, of an article, of a subject (a
    case-insensitive substring), whose text or sentence matches ``grep``."""

    claim_type: str | None = None
    article: str | None = None
    subject: str | None = None
    grep: re.Pattern[str] | None = None

    def __call__(self, record: Record) -> bool:
        if self.claim_type is not None and record.get("claim_type") != self.claim_type:
            return False
        if self.article is not None and record.get("article_id") != self.article:
            return False
        if self.subject is not None and self.subject.casefold() not in str(record.get("subject") or "").casefold():
            return False
        if self.grep is not None:
            return bool(self.grep.search(f"{record.get('text') or ''}\n{record.get('sentence') or ''}"))
        return True

    def select(self, records: Iterable[Record]) -> Iterator[Record]:
        return (record for record in records if self(record))


def available_columns(output_format: str) -> tuple[str, ...]:
    """The columns ``--columns`` may name: the claim fields (and, for the table, ``normalized``)."""
    return (*CSV_COLUMNS, NORMALIZED) if output_format == "table" else CSV_COLUMNS


def default_columns(output_format: str, claim_type: str | None, *, sentence: bool = True) -> tuple[str, ...]:
    """The table: the type, the text, the value in a few words and the rule (with
    ``--type``, the type's own fields in place of the first and third); the formats: every
    field of claims.csv (with ``--type``, the shared ones and the type's own), the
    sentence left out by ``sentence=False``."""
    if output_format == "table":
        if claim_type is None:
            return ("claim_type", "text", NORMALIZED, "rule")
        return ("text", *CLAIM_TYPES[claim_type].columns, "rule")
    own = CSV_COLUMNS if claim_type is None else (*LEADING_COLUMNS, *CLAIM_TYPES[claim_type].columns,
                                                  *TRAILING_COLUMNS)  # fmt: skip
    return tuple(column for column in own if sentence or column != "sentence")


def parse_columns(text: str, output_format: str) -> tuple[str, ...]:
    """``"text,value,unit"`` as a tuple of columns; ValueError naming the unknown ones and
    listing the known ones."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    known = available_columns(output_format)
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        what = f"unknown column{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}" if unknown else "no column"
        only = "" if output_format == "table" else f" ({NORMALIZED} is the table's alone)"
        raise ValueError(f"--columns: {what}; the columns are: {', '.join(known)}{only}")
    return tuple(dict.fromkeys(names))


# -- the table -------------------------------------------------------------------------


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | float) and not isinstance(value, bool) else str(value)


def compact_value(record: Record) -> str:
    """A claim's normalized value in a few words, for the table's ``normalized`` column."""
    kind = record.get("claim_type")
    if kind == "date":
        start, end = record.get("start_date"), record.get("end_date")
        return str(start or "") if start == end or not end else f"{start or ''} to {end}"
    if kind == "count":
        value, top = record.get("value"), record.get("value_max")
        amount = "" if value is None else _number(value) + ("" if top is None else f" to {_number(top)}")
        return " ".join(str(part) for part in (record.get("qualifier"), amount, record.get("unit")) if part)
    if kind == "organization":
        name, acronym = record.get("name") or "", record.get("acronym")
        return f"{name} ({acronym})" if acronym and acronym != name else str(name)
    if kind == "objective":
        return str(record.get("subject") or "")
    return normalized_text(record)


def cell_text(record: Record, column: str) -> str:
    """What the table shows of ``column``: values with thousands separators, nothing for null."""
    if column == NORMALIZED:
        return compact_value(record).translate(_PRINTABLE)
    value = record.get(column)
    if value is None:
        return ""
    if _KINDS.get(column) == "number":
        return _number(value)
    return str(value).translate(_PRINTABLE)  # offsets as they are, without thousands separators


def header_text(column: str) -> str:
    return column.replace("_", " ")


def fit_widths(
    natural: Sequence[int], minimum: Sequence[int], room: int, lacking: Sequence[int] | None = None
) -> list[int]:
    """Column widths that add up to at most ``room``: each column's natural width (its
    longest cell) when they all fit; else its minimum (its longest word) and the room left
    shared in proportion to what each lacks (``lacking``; by default the natural width
    less the minimum); else the minimums with the widest narrowed first, so that only the
    longest words are folded."""
    if sum(natural) <= room:
        return list(natural)
    if sum(minimum) <= room:
        widths = list(minimum)
        weights = list(lacking) if lacking is not None else [n - m for n, m in zip(natural, minimum, strict=True)]
        while (spare := room - sum(widths)) > 0:  # a column given more than its natural width gives it back
            weights = [w if width < n else 0 for w, width, n in zip(weights, widths, natural, strict=True)]
            if not any(weights):
                weights = [n - width for width, n in zip(widths, natural, strict=True)]
            shares = _shares(spare, weights)
            widths = [min(n, width + share) for n, width, share in zip(natural, widths, shares, strict=True)]
            if room - sum(widths) == spare:
                break
        return widths
    widths = list(minimum)
    for _ in range(sum(widths) - room):
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= 1:
            break
        widths[widest] -= 1
    return widths


def _shares(total: int, weights: Sequence[int]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainders get the odd units)."""
    whole = sum(weights)
    if whole <= 0:
        return [0] * len(weights)
    exact = [total * weight / whole for weight in weights]
    parts = [int(share) for share in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in _WORD.findall(text)), default=0)


def measure(rows: Sequence[Sequence[str]], columns: Sequence[str], width: int) -> list[int]:
    """The widths of ``columns`` for ``rows`` of cell texts in a table ``width`` wide. What
    a column lacks is what its cells overflow its minimum by, all rows together: many
    names a little too long weigh more than one long objective."""
    headers = [header_text(column) for column in columns]
    lengths = [[cell_len(header), *(cell_len(row[i]) for row in rows)] for i, header in enumerate(headers)]
    minimum = [max([_longest_word(header), *(_longest_word(row[i]) for row in rows)]) for i, header in
               enumerate(headers)]  # fmt: skip
    lacking = [sum(max(0, n - least) for n in column) for column, least in zip(lengths, minimum, strict=True)]
    return fit_widths([max(column) for column in lengths], minimum, width - GAP * (len(columns) - 1), lacking)


def _row(cells: Sequence[Text], columns: Sequence[str], widths: Sequence[int]) -> Table:
    grid = Table.grid(padding=(0, GAP))
    for column, width in zip(columns, widths, strict=True):
        grid.add_column(width=width, overflow="fold", justify="right" if column in _NUMERIC else "left")
    grid.add_row(*cells)
    return grid


def _styled(record: Record, column: str) -> Text:
    text = Text(cell_text(record, column))
    if column == "claim_type":
        text.stylize(TYPE_STYLES.get(str(record.get(column)), ""))
    elif column == NORMALIZED:
        text.stylize("cyan")
    elif column in ("rule", "claim_id"):
        text.stylize("dim")
    return text


def _evidence(group: Sequence[Record]) -> Text:
    """The sentence of ``group`` (claims that share it), each claim's text in it underlined."""
    sentence = str(group[0].get("sentence") or "").translate(_PRINTABLE)
    evidence = Text(sentence, style="italic")
    for record in group:
        claimed = str(record.get("text") or "").translate(_PRINTABLE)
        at = sentence.find(claimed) if claimed else -1
        if at >= 0:
            evidence.stylize("bold underline not italic", at, at + len(claimed))
    return evidence


def _emit(console: Console, renderable: RenderableType, width: int) -> None:
    """Print ``renderable`` ``width`` wide, without the spaces that pad its lines."""
    segments: list[Segment] = []
    for line in console.render_lines(renderable, console.options.update_width(width), pad=False):
        while line and not line[-1].text.rstrip():
            line.pop()
        if line:
            last = line.pop()
            line.append(Segment(last.text.rstrip(), last.style, last.control))
        segments += [*line, Segment.line()]
    console.print(Segments(segments))


def print_table(
    console: Console,
    records: Iterable[Record],
    columns: Sequence[str],
    *,
    sentence: bool = True,
    width: int | None = None,
    drop_empty: bool = False,
) -> int:
    """Print ``records`` as a table ``width`` (default: the console's) wide; returns how
    many. Widths are measured on the first ``MEASURED_ROWS`` records; later cells that
    are longer wrap. The sentence is printed under the row, once under consecutive rows
    that share it. ``drop_empty``: leave out the columns empty in every record, when they
    are all among the measured ones."""
    width = width or console.width
    stream = iter(records)
    head = list(islice(stream, MEASURED_ROWS + 1))
    if drop_empty and len(head) <= MEASURED_ROWS:
        columns = [c for c in columns if any(cell_text(r, c) for r in head)] or list(columns)
    widths = measure([[cell_text(r, c) for c in columns] for r in head], columns, width)
    _emit(console, _row([Text(header_text(c), style="bold") for c in columns], columns, widths), width)
    headings = "article_id" not in columns
    shared: list[Record] = []  # the rows since the last sentence: of one article, with one sentence

    def evidence() -> None:
        if sentence and shared and shared[0].get("sentence"):
            _emit(console, Padding(_evidence(shared), (0, 0, 0, SENTENCE_INDENT)), width)

    count = 0
    article: object = None
    for record in chain(head, stream):
        if shared and _place(record) != _place(shared[-1]):
            evidence()
            shared = []
        if headings and (count == 0 or record.get("article_id") != article):
            article = record.get("article_id")
            heading = Text(str(article).translate(_PRINTABLE), style="bold")
            _emit(console, Rule(heading, align="left", style="dim"), width)
        _emit(console, _row([_styled(record, c) for c in columns], columns, widths), width)
        shared.append(record)
        count += 1
    evidence()
    return count


def _place(record: Record) -> tuple[object, object]:
    return record.get("article_id"), record.get("sentence")


# -- the formats -----------------------------------------------------------------------


def _markdown_cell(value: object) -> str:
    if value is None:
        return ""
    text = json.dumps(value) if isinstance(value, bool) else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def write_records(
    out: IO[str],
    records: Iterable[Record],
    columns: Sequence[str],
    output_format: str,
    *,
    raw_csv: bool = False,
    excel: bool = False,
) -> int:
    """Write ``records`` (their ``columns``) to ``out`` as csv, json, jsonl or markdown,
    each as it comes; returns how many."""
    from .writers import BOM, csv_header, csv_row

    count = 0
    if output_format == "csv":
        out.write((BOM if excel else "") + csv_header(columns))
    elif output_format == "markdown":
        out.write("| " + " | ".join(columns) + " |\n| " + " | ".join("---" for _ in columns) + " |\n")
    elif output_format == "json":
        out.write("[")
    for record in records:
        values = [record.get(column) for column in columns]
        if output_format == "csv":
            out.write(csv_row(values, raw=raw_csv))
        elif output_format == "markdown":
            out.write("| " + " | ".join(_markdown_cell(v) for v in values) + " |\n")
        else:
            member = dict(zip(columns, values, strict=True))
            if output_format == "jsonl":
                out.write(json.dumps(member, ensure_ascii=False) + "\n")
            else:
                indented = json.dumps(member, ensure_ascii=False, indent=2).replace("\n", "\n  ")
                out.write(("," if count else "") + "\n  " + indented)
        count += 1
    if output_format == "json":
        out.write("\n]\n" if count else "]\n")
    return count
