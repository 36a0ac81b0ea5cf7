"""PDF reports: text by pypdf, lines read with their geometry, page furniture removed.

pypdf's plain extraction (``page.extract_text()``) follows the page's content stream, which
reads a two-column page column by column; its layout mode and pdfplumber read it across
the columns (measured: ``scripts/make_pdf_fixtures.py`` and the notes in the tests). The
text of each line is pypdf's; what this module adds comes from the geometry pypdf reports
for each piece of text (font, size, baseline):

* a line repeated at the top or bottom of most pages is a running header or footer, and a
  line that is only a number there is a page number: both are dropped;
* the lines of one paragraph (same font and size, the usual line step) are joined with one
  space, a word hyphenated at the line end is joined again (``repair.join_hyphenated``);
  a change of font or size (a heading: "Background" after "... in 2021."), a larger step
  (the space between paragraphs) or a list item starts a new block; a step back up the
  page is a new column, joined only where the sentence runs on (as a page break is);
* a footnote marker is set apart from the word it follows, as superscript digits: printed
  smaller and raised ("fifth.<sup>1</sup>"), or glued to a word or its punctuation in
  plain digits ("initiative.3 The", "countries2 and"), it becomes "initiative. ³ The";
  a bracketed marker glued to a word gets a space before it ("2022[1]" -> "2022 [1]").

Pages are joined with a page-break gap, which the text repair closes when a sentence runs
on. The document information's ``/Title`` and ``/Author`` are passed on where they are
real values (not a file name or a tool's default); ``/CreationDate`` is not: a printed web
page's is the time it was printed.
"""

from __future__ import annotations

import itertools
import logging
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from ..budget import BudgetExceeded
from ..lexicon import Lexicon
from ..patterns import default_lexicon
from .repair import BULLETS, PAGE_NUMBER, TERMINAL, RepairWords, article_vocabulary, join_hyphenated

EDGE_LINES = 2
SMALLER = 0.85  # a piece of text this much smaller than its line and raised is a superscript
RAISED = 0.15  # ... raised by this share of the line's size
SAME_SIZE = 0.05  # sizes within 5% are one size
PARAGRAPH_STEP = 1.3  # a step this much larger than the usual one between lines opens a paragraph
COLUMN_GAP = "\n\n\n"  # what a new column or page is, for the repair: a break a sentence may run over
PARAGRAPH_GAP = "\n\n"
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
SUPERSCRIPT_TEXT = re.compile(r"^\[?\d{1,3}(?:[,\u2013-]\d{1,3})*\]?$")  # 3, 12, 1,2, 3-5, [4]
# plain digits glued to a word (four letters or more) or to its closing punctuation, before a
# space and a capital, a line end or the end: "initiative.3 The", "countries2 and", "Goal.1"
GLUED_MARKER = re.compile(
    r"(?<=[^\W\d_]{3}[.,;:])(\d{1,2})(?=\s+[A-Z(\u201c\"]|\s*$)"
    r"|(?<=[)\]\u201d\"][.,;:])(\d{1,2})(?=\s+[A-Z(\u201c\"]|\s*$)"
    r"|(?<=[^\W\d_A-Z]{4})(\d{1,2})(?=[\s.,;:]|$)",
    re.MULTILINE,
)
GLUED_BRACKET = re.compile(r"(?<=[^\s(\[])(\[\d{1,3}\])")  # "obligations.[1]", "2022[1]"
# a document information value that names no title: a tool's default or a file name
NOT_A_TITLE = re.compile(r"^(?:untitled|microsoft \w+ - .*|document\d*|.*\.(?:docx?|pdf|html?|indd|tex|rtf))$", re.I)


class PdfError(ValueError):
    """The PDF cannot be read: encrypted, truncated or not a PDF."""


@dataclass
class Piece:
    text: str
    size: float
    font: str
    y: float  # baseline, upwards on the page


@dataclass
class PdfLine:
    """One line of pypdf's text, with the font, size and baseline most of its letters have."""

    text: str
    size: float = 0.0
    font: str = ""
    y: float = 0.0
    pieces: list[Piece] = field(default_factory=list)


@dataclass(frozen=True)
class PdfDocument:
    text: str
    title: str | None = None
    author: str | None = None


def _placement(cm: list[float], tm: list[float], font_size: float) -> tuple[float, float]:
    """(size, baseline y) of text drawn with text matrix ``tm`` under ``cm``."""
    c = tm[2] * cm[0] + tm[3] * cm[2]
    d = tm[2] * cm[1] + tm[3] * cm[3]
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    return font_size * (math.hypot(c, d) or 1.0), y


def _settle(line: PdfLine) -> PdfLine:
    """Give ``line`` the font, size and baseline of most of its letters, and set its
    superscript footnote markers apart (smaller, raised digits)."""
    weights: Counter[tuple[float, str]] = Counter()
    for piece in line.pieces:
        weights[(round(piece.size, 1), piece.font)] += len(piece.text.strip())
    if not weights:
        return line
    (size, font), _ = weights.most_common(1)[0]
    line.size, line.font = size, font
    line.y = next(p.y for p in line.pieces if round(p.size, 1) == size and p.font == font)
    parts: list[str] = []
    for piece in line.pieces:
        if (
            piece.size < SMALLER * size
            and piece.y > line.y + RAISED * size
            and SUPERSCRIPT_TEXT.match(piece.text.strip())
        ):
            glued = bool(parts) and bool(parts[-1][-1:].strip()) and bool(piece.text[:1].strip())
            parts.append((" " if glued else "") + piece.text.translate(SUPERSCRIPT_DIGITS))
        else:
            parts.append(piece.text)
    line.text = "".join(parts)
    return line


def _page_lines(page: Any) -> list[PdfLine]:
    """The lines of pypdf's plain text of ``page``, each with its geometry."""
    lines: list[PdfLine] = []
    current = PdfLine("")

    def visit(text: str, cm: list[float], tm: list[float], font: dict[str, Any] | None, font_size: float) -> None:
        nonlocal current
        for k, part in enumerate(text.split("\n")):
            if k:
                lines.append(current)
                current = PdfLine("")
            if part:
                size, y = _placement(cm, tm, font_size)
                name = str(font.get("/BaseFont", "")) if font else ""
                current.pieces.append(Piece(part, size, name, y))
                current.text += part

    page.extract_text(visitor_text=visit)
    lines.append(current)
    return [_settle(line) for line in lines]


def _read(data: bytes) -> tuple[list[list[PdfLine]], dict[str, Any]]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its notes on damaged files name no file
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted:
            _unlock(reader)
        pages = [_page_lines(page) for page in reader.pages]
        return pages, _document_info(reader)
    except (PdfError, BudgetExceeded):
        raise
    except DependencyError as exc:
        raise PdfError(f"reading it needs a package that is not installed ({exc}); pip install cryptography") from exc
    except RecursionError as exc:
        raise PdfError("the PDF's objects refer to themselves in a loop; export it again") from exc
    except Exception as exc:  # pypdf raises many kinds on damaged files; every one is this file's problem
        raise PdfError(f"the PDF is damaged or truncated ({type(exc).__name__}: {exc}); export it again") from exc


def _document_info(reader: Any) -> dict[str, Any]:
    """``/Title`` and ``/Author`` of the document information, where they are real values."""
    try:
        info = reader.metadata or {}
    except Exception:  # a damaged information dictionary: the text is still there
        return {}
    meta: dict[str, Any] = {}
    for key, name in (("/Title", "title"), ("/Author", "author")):
        value = info.get(key)
        if isinstance(value, str):
            value = " ".join(value.split())
            if value and not NOT_A_TITLE.match(value) and any(c.isalpha() for c in value):
                meta[name] = value
    return meta


def _unlock(reader: Any) -> None:
    """Open a PDF that is encrypted without a password to open it (only to edit or print)."""
    from pypdf.errors import DependencyError

    try:
        unlocked = reader.decrypt("")
    except (DependencyError, BudgetExceeded):
        raise
    except Exception as exc:
        raise PdfError(f"the PDF is encrypted and cannot be opened ({exc}); save an unprotected copy") from exc
    if not unlocked:
        raise PdfError("the PDF is encrypted with a password to open it; save an unprotected copy and try again")


def furniture(pages: list[list[str]]) -> list[set[int]]:
    """For each page, the indexes of its lines that are furniture: running headers and
    footers (a line at a page edge on most pages) and page numbers."""
    edges: Counter[str] = Counter()
    for lines in pages:
        content = [line.strip() for line in lines if line.strip()]
        edges.update(set(content[:EDGE_LINES] + content[-EDGE_LINES:]))
    repeated = {line for line, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2 + 1)}
    dropped = []
    for lines in pages:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        edge = set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])
        dropped.append(
            {i for i in edge if lines[i].strip() in repeated or PAGE_NUMBER.match(lines[i].strip())}
            | {i for i, line in enumerate(lines) if not line.strip()}
        )
    return dropped


def _same_font(a: PdfLine, b: PdfLine) -> bool:
    return a.font == b.font and abs(a.size - b.size) <= SAME_SIZE * max(a.size, b.size, 1.0)


def _usual_steps(lines: list[PdfLine]) -> dict[tuple[float, str], float]:
    """The usual step down the page from one line to the next, for each font and size."""
    steps: dict[tuple[float, str], list[float]] = {}
    for a, b in itertools.pairwise(lines):
        if _same_font(a, b) and a.y > b.y:
            steps.setdefault((a.size, a.font), []).append(a.y - b.y)
    return {key: statistics.median(values) for key, values in steps.items()}


def _break(a: PdfLine, b: PdfLine, steps: dict[tuple[float, str], float], words: RepairWords) -> str:
    """What separates line ``b`` from line ``a`` before it: "" (the same paragraph), a line
    break (a list item, a field), a paragraph gap or a column gap."""
    if b.y > a.y + 0.5 * max(a.size, 1.0):
        return COLUMN_GAP  # back up the page: the next column
    if not _same_font(a, b):
        return PARAGRAPH_GAP
    usual = steps.get((a.size, a.font))
    if usual is not None and a.y - b.y > PARAGRAPH_STEP * usual:
        return PARAGRAPH_GAP
    text = b.text.strip()
    if text[:1] in BULLETS and text[1:2].isspace():
        return "\n"
    if words.keeps_its_line(text) and TERMINAL.search(a.text.strip()):
        return "\n"  # a numbered item or a field after a line that ends a sentence
    return ""


def page_text(lines: list[PdfLine], words: RepairWords, vocabulary: set[str]) -> str:
    """The text of one page's lines: paragraphs on one line each, blocks apart."""
    steps = _usual_steps(lines)
    out: list[str] = []
    previous: PdfLine | None = None
    for line in lines:
        text = line.text.strip()
        if previous is not None:
            gap = _break(previous, line, steps, words)
            if gap:
                out.append(gap)
            else:
                joined = join_hyphenated(out[-1], text, vocabulary, words)
                if joined is not None:
                    out[-1] = joined
                    previous = line
                    continue
                out.append(" ")
        out.append(text)
        previous = line
    return "".join(out)


def separate_markers(text: str) -> str:
    """Footnote markers set apart from the word they follow: plain digits glued to a word
    or its punctuation become superscript digits after a space ("initiative.3 The" ->
    "initiative. ³ The"), a bracketed marker gets a space before it ("2022[1]" -> "2022 [1]")."""
    text = GLUED_MARKER.sub(lambda m: " " + m.group().translate(SUPERSCRIPT_DIGITS), text)
    return GLUED_BRACKET.sub(r" \1", text)


def read_pdf_document(data: bytes, lexicon: Lexicon | None = None) -> PdfDocument:
    """The text of a PDF (paragraphs rebuilt, furniture dropped) and its document information."""
    pages, meta = _read(data)
    words = RepairWords.from_lexicon(lexicon if lexicon is not None else default_lexicon())
    dropped = furniture([[line.text for line in lines] for lines in pages])
    kept = [[line for i, line in enumerate(lines) if i not in drop] for lines, drop in zip(pages, dropped, strict=True)]
    vocabulary = article_vocabulary("\n".join(line.text for lines in kept for line in lines))
    text = COLUMN_GAP.join(page_text(lines, words, vocabulary) for lines in kept)
    if not text.strip():
        raise PdfError("the PDF has no text layer (a scan?); run OCR on it first")
    return PdfDocument(separate_markers(text), meta.get("title"), meta.get("author"))
