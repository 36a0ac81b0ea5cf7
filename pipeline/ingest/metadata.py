"""Article metadata from the text itself: title, author (without honorifics), publication date.

Bylines and datelines come in a handful of shapes ("By Mr. X, Executive Director",
"Prepared by: X", "Author: X", "Published on 7th October 2022", "Date: 20 March 2024",
"ISLAMABAD, 14 March 2023 -"); the title is the headline line just above the byline or
dateline, or else the first line that reads like a headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..normalize.dates import parse_published

HONORIFICS = re.compile(
    r"^(?:(?:H\.\s?E\.|His Excellency|Her Excellency|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Amb|Ambassador|"
    r"Hon|Rev|Gen|Col|Capt|Eng|Engr)\.?\s+)+"
)
BYLINE = re.compile(
    r"^(?:(?:Prepared|Written|Compiled)\s+by|By|Author(?:s)?|Written by)\s*:?\s+(?P<rest>.+)$", re.IGNORECASE
)
PUBLISHED = re.compile(
    r"^(?:Published|Posted|Released|Issued|Updated|Dated|Date)(?:\s+on)?\s*:?\s*(?P<date>.+?)\s*$", re.IGNORECASE
)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'\-]{2,40}),\s*(?P<date>[^\u2013\u2014\-]{4,40}?)\s*[\u2013\u2014\-]{1,2}\s"
)
TITLE_LABEL = re.compile(r"^(?:Title|Headline)\s*:\s*(?P<title>.+)$", re.IGNORECASE)
HEAD_LINES = 30
BYLINE_SEPARATORS = re.compile(r"\s[|\u00b7\u2022\u2013\u2014]\s|\s-\s|,\s(?=(?:Published|Posted|Updated)\b)")


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    author: str | None = None
    published: date | None = None


def clean_author(text: str) -> str | None:
    """``"Mr. Khalid Taimur Akram, Executive Director, ..."`` -> "Khalid Taimur Akram"."""
    name = re.split(r",|\s[|\u00b7\u2022\u2013\u2014]\s|\s-\s|\(", text, maxsplit=1)[0].strip()
    name = HONORIFICS.sub("", name).strip()
    name = re.sub(r",?\s+(?:Ph\.?D\.?|PhD|MBE|OBE)$", "", name).strip(" .")
    if not name or len(name.split()) > 8 or not name[:1].isupper():
        return None
    return name


def _date_in_parts(text: str) -> date | None:
    """A single-day date among the parts of a byline ("X | Published 3 May 2021")."""
    for part in BYLINE_SEPARATORS.split(text)[1:]:
        found = PUBLISHED.match(part.strip())
        candidate = found.group("date") if found else part
        value = parse_published(candidate.strip(" *_"))
        if value is not None:
            return value
    return None


def _is_headline(line: str) -> bool:
    words = line.split()
    if len(words) < 3 or len(line) > 200 or line.endswith((".", ",", ";")):
        return False
    if line.isupper() or BYLINE.match(line) or PUBLISHED.match(line):
        return False
    latin = sum(1 for c in line if c.isascii() and c.isalpha())
    return latin >= 0.7 * sum(1 for c in line if c.isalpha())


def extract_metadata(text: str) -> Metadata:
    lines = [line.strip() for line in text.splitlines()[: HEAD_LINES * 3] if line.strip()][:HEAD_LINES]
    author = title = None
    published: date | None = None
    anchor = None  # index of the byline or dateline
    for index, line in enumerate(lines):
        if title is None:
            labelled = TITLE_LABEL.match(line)
            if labelled:
                title = labelled.group("title").strip()
        if author is None:
            byline = BYLINE.match(line)
            if byline:
                author = clean_author(byline.group("rest"))
                if author is not None and anchor is None:
                    anchor = index
                if published is None:
                    published = _date_in_parts(byline.group("rest"))
        if published is None:
            for pattern in (PUBLISHED, DATELINE):
                found = pattern.match(line)
                if found:
                    value = parse_published(found.group("date"))
                    if value is not None:
                        published = value
                        if anchor is None:
                            anchor = index
                        break
    if title is None:
        before = lines[:anchor] if anchor is not None else []
        candidates = [line for line in reversed(before) if _is_headline(line)]
        if not candidates:
            candidates = [line for line in lines if _is_headline(line)]
        title = candidates[0] if candidates else None
    return Metadata(title=title, author=author, published=published)
