"""PDF reports: text by pypdf, page furniture removed, pages joined for the text repair.

A line repeated at the top or bottom of most pages is a running header or footer, and
a line that is only a number there is a page number: both are dropped. Pages are then
joined with a page-break gap, which the repair step closes when a sentence runs on.
"""

from __future__ import annotations

import logging
from collections import Counter
from io import BytesIO
from typing import Any

from ..budget import BudgetExceeded
from .repair import PAGE_NUMBER

EDGE_LINES = 2


class PdfError(ValueError):
    """The PDF cannot be read: encrypted, truncated or not a PDF."""


def _pages(data: bytes) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its notes on damaged files name no file
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted:
            _unlock(reader)
        return [page.extract_text() or "" for page in reader.pages]
    except (PdfError, BudgetExceeded):
        raise
    except DependencyError as exc:
        raise PdfError(f"reading it needs a package that is not installed ({exc}); pip install cryptography") from exc
    except RecursionError as exc:
        raise PdfError("the PDF's objects refer to themselves in a loop; export it again") from exc
    except Exception as exc:  # pypdf raises many kinds on damaged files; every one is this file's problem
        raise PdfError(f"the PDF is damaged or truncated ({type(exc).__name__}: {exc}); export it again") from exc


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


def strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers/footers (a line at a page edge on most pages) and page numbers."""
    edges: Counter[str] = Counter()
    for lines in pages:
        content = [line.strip() for line in lines if line.strip()]
        edges.update(set(content[:EDGE_LINES] + content[-EDGE_LINES:]))
    repeated = {line for line, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2 + 1)}
    cleaned = []
    for lines in pages:
        content = [line for line in lines if line.strip()]
        edge = set(range(min(EDGE_LINES, len(content)))) | set(range(max(0, len(content) - EDGE_LINES), len(content)))
        cleaned.append(
            [
                line
                for i, line in enumerate(content)
                if not (i in edge and (line.strip() in repeated or PAGE_NUMBER.match(line.strip())))
            ]
        )
    return cleaned


def pdf_to_text(data: bytes) -> str:
    pages = [page.replace("\r\n", "\n").split("\n") for page in _pages(data)]
    text = "\n\n\n".join("\n".join(lines) for lines in strip_furniture(pages))
    if not text.strip():
        raise PdfError("the PDF has no text layer (a scan?); run OCR on it first")
    return text
