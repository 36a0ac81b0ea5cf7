"""Article metadata from the text itself: title, author (without honorifics), publication date.

Bylines and datelines come in a handful of shapes ("By Mr. X, Executive Director",
"Prepared by: X", "Author: X", "Published on 7th October 2022", "Date: 20 March 2024",
"ISLAMABAD, 14 March 2023 -"); the title is the headline line just above the byline or
dateline, or else the first line that reads like a headline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..lexicon import Lexicon
from ..normalize.dates import DayOrder, parse_published
from ..patterns import default_lexicon

DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'\-]{2,40}),\s*(?P<date>[^\u2013\u2014\-]{4,40}?)\s*[\u2013\u2014\-]{1,2}\s"
)
HEAD_LINES = 30
NAME_ENDS = re.compile(r",|\s[|\u00b7\u2022\u2013\u2014]\s|\s-\s|\(")


def _alternatives(words: frozenset[str]) -> str:
    """A regex alternation of word-list terms, longest first, spaces as any spacing, dots optional."""
    escaped = (re.escape(w.rstrip(".")).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return "|".join(escaped) or "(?!)"


@dataclass(frozen=True)
class MetadataRules:
    """The metadata line shapes, built from the word lists (HONORIFIC, BYLINE_LABEL, ...)."""

    honorifics: re.Pattern[str]
    postnominals: re.Pattern[str]
    byline: re.Pattern[str]
    published: re.Pattern[str]
    title: re.Pattern[str]
    byline_parts: re.Pattern[str]

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> MetadataRules:
        dates = _alternatives(lexicon.words("DATE_LABEL"))
        return cls(
            honorifics=re.compile(r"^(?:(?:" + _alternatives(lexicon.words("HONORIFIC")) + r")\.?\s+)+", re.IGNORECASE),
            postnominals=re.compile(
                r",?\s+(?:" + _alternatives(lexicon.words("POSTNOMINAL")) + r")\.?$", re.IGNORECASE
            ),
            byline=re.compile(
                r"^(?:" + _alternatives(lexicon.words("BYLINE_LABEL")) + r")\s*:?\s+(?P<rest>.+)$", re.IGNORECASE
            ),
            published=re.compile(r"^(?:" + dates + r")(?:\s+on)?\s*:?\s*(?P<date>.+?)\s*$", re.IGNORECASE),
            title=re.compile(
                r"^(?:" + _alternatives(lexicon.words("TITLE_LABEL")) + r")\s*:\s*(?P<title>.+)$", re.IGNORECASE
            ),
            byline_parts=re.compile(
                r"\s[|\u00b7\u2022\u2013\u2014]\s|\s-\s|,\s(?=(?:" + dates + r")\b)", re.IGNORECASE
            ),
        )


@lru_cache(maxsize=8)
def rules_of(lexicon: Lexicon | None = None) -> MetadataRules:
    return MetadataRules.from_lexicon(lexicon if lexicon is not None else default_lexicon())


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    author: str | None = None
    published: date | None = None


def clean_author(text: str, lexicon: Lexicon | None = None) -> str | None:
    """``"Mr. Khalid Taimur Akram, Executive Director, ..."`` -> "Khalid Taimur Akram"."""
    rules = rules_of(lexicon)
    name = NAME_ENDS.split(text, maxsplit=1)[0].strip()
    name = rules.honorifics.sub("", name).strip()
    name = rules.postnominals.sub("", name).strip(" .")
    if not name or len(name.split()) > 8 or not name[:1].isupper():
        return None
    return name


def _date_in_parts(text: str, rules: MetadataRules, read: Callable[[str], date | None]) -> date | None:
    """A single-day date among the parts of a byline ("X | Published 3 May 2021")."""
    for part in rules.byline_parts.split(text)[1:]:
        found = rules.published.match(part.strip())
        candidate = found.group("date") if found else part
        value = read(candidate.strip(" *_"))
        if value is not None:
            return value
    return None


def _is_headline(line: str, rules: MetadataRules) -> bool:
    words = line.split()
    if len(words) < 3 or len(line) > 200 or line.endswith((".", ",", ";")):
        return False
    if line.isupper() or rules.byline.match(line) or rules.published.match(line):
        return False
    latin = sum(1 for c in line if c.isascii() and c.isalpha())
    return latin >= 0.7 * sum(1 for c in line if c.isalpha())


def extract_metadata(text: str, lexicon: Lexicon | None = None, order: DayOrder = "dmy") -> Metadata:
    """Title, author and publication date as the head of the article writes them."""
    rules = rules_of(lexicon)

    def read(value: str) -> date | None:
        return parse_published(value, order=order, lexicon=lexicon)

    lines = [line.strip() for line in text.splitlines()[: HEAD_LINES * 3] if line.strip()][:HEAD_LINES]
    author = title = None
    published: date | None = None
    anchor = None  # index of the byline or dateline
    for index, line in enumerate(lines):
        if title is None:
            labelled = rules.title.match(line)
            if labelled:
                title = labelled.group("title").strip()
        if author is None:
            byline = rules.byline.match(line)
            if byline:
                author = clean_author(byline.group("rest"), lexicon)
                if author is not None and anchor is None:
                    anchor = index
                if published is None:
                    published = _date_in_parts(byline.group("rest"), rules, read)
        if published is None:
            for pattern in (rules.published, DATELINE):
                found = pattern.match(line)
                if found:
                    value = read(found.group("date"))
                    if value is not None:
                        published = value
                        if anchor is None:
                            anchor = index
                        break
    if title is None:
        before = lines[:anchor] if anchor is not None else []
        candidates = [line for line in reversed(before) if _is_headline(line, rules)]
        if not candidates:
            candidates = [line for line in lines if _is_headline(line, rules)]
        title = candidates[0] if candidates else None
    return Metadata(title=title, author=author, published=published)
