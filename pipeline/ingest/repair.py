"""Repair text extracted from PDFs and wrapped plain text, keeping a map back to the source.

The repaired text keeps the article's structure a reader sees: paragraphs are separated
by a blank line, headings, letterhead lines, labelled fields and list items stay on lines
of their own, and everything else that was wrapped is joined with single spaces.

* lines wrapped inside a sentence are joined ("Institute for a Community\\nwith Shared
  Future" becomes one line);
* sentences cut by page breaks (runs of blank lines) are joined again;
* words hyphenated at a line end are re-joined ("coopera-\\ntion" -> "cooperation"),
  but a hyphen that is part of the word stays ("AIDS-\\nrelated", "COVID-\\n19",
  "low-\\nincome": ``hyphen_is_part_of_word``);
* runs of spaces inside a line (justified PDF lines: "12  March  2021") become one space,
  and typographic ligatures ("\ufb01", "\ufb02", "\ufb00") become their letters;
* lone page numbers and running headers repeated at page breaks are dropped.

``SourceMap`` turns an offset in the repaired text back into an offset in the source.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from ..lexicon import Lexicon
from ..patterns import default_lexicon

BULLETS = "-\u2022*\u25aa\u25e6\u2023\u00b7\u2013"  # the characters that open a bulleted line
LIST_MARKER = re.compile(
    r"^(?:[" + BULLETS + r"]\s+"  # bullets
    r"|\d{1,2}(?:\.\d{1,2})*[.)]\s+|\d{1,2}\s+(?=[A-Z])|\d{1,2}\.\d{1,2}\s+"  # 1. 2) 1.1
    r"|\(?[a-z]\)\s+|\(?[ivxlc]{1,5}[.)]\s+|[a-z]\.\s+(?=[A-Za-z]))"  # (a) a) iv. a.
)
FIELD_LABEL = re.compile(r"^[A-Z][A-Za-z]*(?: [A-Za-z]+){0,2}:\s")  # "Date: ...", "Prepared by: ..."
TABLE_ROW = re.compile(r"^[^=\n]{1,80}\s=\s*\S[^=]*$")  # "Members that have signed = 42": a label and its value
TERMINAL = re.compile(r"[.!?:;\"\u201d']$")
CONTINUING_PUNCTUATION = ",(/&"  # a line ending in one of these runs on
PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
LIGATURES = re.compile("[\ufb00-\ufb06]")  # ff fi fl ffi ffl and the two st ligatures: NFKC gives their letters
SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]{2,}")  # two or more spaces between words become one
MIN_COMPOUND_TAIL = 4  # after a COMPOUND_HEAD, a shorter tail is a suffix: "high-\nest", "short-\nage"
LONG_LINE = 40
PROSE_LINE = 100  # a line this long ending mid-sentence before a page break is prose
DATE_LINE_WORDS = 8  # a date line this short keeps its own line
LABEL_WORDS = 3  # a lower-case paragraph this short is a label of its own ("press release")
UNWRAPPED_LINE = 160  # no wrapped line is this long: a text with such lines writes a paragraph a line ...
UNWRAPPED_LINES = 2  # ... when it has this many of them at least


@dataclass
class SourceMap:
    """Piecewise map from repaired-text offsets to source offsets."""

    clean_starts: list[int] = field(default_factory=list)
    source_starts: list[int] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)

    def add(self, clean_start: int, source_start: int, length: int) -> None:
        self.clean_starts.append(clean_start)
        self.source_starts.append(source_start)
        self.lengths.append(length)

    def to_source(self, offset: int) -> int:
        """Source offset of the character at ``offset`` (or of the end, for an end offset)."""
        if not self.clean_starts:
            return offset
        i = max(bisect.bisect_right(self.clean_starts, offset) - 1, 0)
        within = offset - self.clean_starts[i]
        return self.source_starts[i] + min(max(within, 0), self.lengths[i])

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            point = self.to_source(start)
            return point, point
        return self.to_source(start), self.to_source(end - 1) + 1


@dataclass
class Line:
    text: str  # stripped
    start: int  # source offset of text[0]

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class RepairedText:
    text: str
    source_map: SourceMap


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.map = SourceMap()

    def copy(self, text: str, source_start: int) -> None:
        if text:
            self.map.add(self.length, source_start, len(text))
            self.parts.append(text)
            self.length += len(text)

    def insert(self, text: str, source_at: int) -> None:
        if text:
            self.map.add(self.length, source_at, 0)
            self.parts.append(text)
            self.length += len(text)

    def copy_clean(self, text: str, source_start: int) -> None:
        """Copy ``text`` with each run of spaces as one space and each ligature as its letters.

        A kept character maps to itself; the letters of a ligature after the first, to the
        ligature (so a span ending in "\ufb01" ends after it in the source)."""
        done = 0
        for match in re.finditer(f"{SPACE_RUN.pattern}|{LIGATURES.pattern}", text):
            self.copy(text[done : match.start()], source_start + done)
            at = source_start + match.start()
            if LIGATURES.fullmatch(match.group()):
                letters = unicodedata.normalize("NFKC", match.group())
                self.copy(letters[0], at)
                self.insert(letters[1:], at)
            else:
                self.copy(" ", at)
            done = match.end()
        self.copy(text[done:], source_start + done)

    def result(self) -> RepairedText:
        return RepairedText("".join(self.parts), self.map)


def split_blocks(text: str) -> list[tuple[int, list[Line]]]:
    """Blocks of non-blank lines, each with the number of blank lines before it."""
    blocks: list[tuple[int, list[Line]]] = []
    current: list[Line] = []
    blank = 0
    for match in re.finditer(r"[^\n]*", text):
        if match.start() > 0 and text[match.start() - 1] != "\n":
            continue  # the empty match right after a line's text
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            if current:
                blocks.append((blank, current))
                current, blank = [], 0
            blank += 1
            continue
        lead = len(raw) - len(raw.lstrip())
        current.append(Line(stripped, match.start() + lead))
    if current:
        blocks.append((blank, current))
    return blocks


def _is_furniture(lines: list[Line], seen_single: set[str], gap_before: int, gap_after: int) -> bool:
    if len(lines) != 1:
        return False
    only = lines[0].text
    page_break = gap_before >= 2 or gap_after >= 2
    if PAGE_NUMBER.match(only) and page_break:
        return True
    return page_break and only in seen_single and len(only) < 120


def _starts_lower(text: str) -> bool:
    first = text[:1]
    return first.islower() or first.isdigit() or first in "(\u2018\u201c"


def _date_line(lexicon: Lexicon) -> re.Pattern[str]:
    """A line opening with a date of the calendar words (WEEKDAY, MONTH): "Thursday, 26
    November 2015 11:30", "July 17, 2023", "20 October 2025", "12/03/2024", "2024-03-12" (a site
    date or a date line)."""

    def names(label: str) -> str:
        words = sorted((re.escape(w.rstrip(".")) for w in lexicon.words(label)), key=len, reverse=True)
        return "|".join(words) or "(?!)"

    weekday, month = names("WEEKDAY"), names("MONTH")
    return re.compile(
        rf"^(?:(?:{weekday})\.?,?\s+(?:\d|(?:{month})\b)|(?:{month})\.?\s+\d{{1,2}}\b(?!\d)|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{month})\b"
        r"|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b|\d{4}-\d{2}-\d{2}\b)",
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class RepairWords:
    """The word lists repair reads: words that end a line mid-sentence, abbreviations."""

    continues: frozenset[str]  # LINE_CONTINUES
    abbreviations: frozenset[str]  # TITLE_ABBREVIATION and HONORIFIC, without their dot
    byline: re.Pattern[str]  # a line opening with a BYLINE_LABEL: "By Jane Roe", "By the Secretariat"
    date_line: re.Pattern[str] = re.compile("(?!)")  # a short line opening with a date: "Monday, 9 March 2020"
    compound_heads: frozenset[str] = frozenset()  # COMPOUND_HEAD: "low", "cross", "two" in "low-income"
    compound_tails: frozenset[str] = frozenset()  # COMPOUND_TAIL: "related", "based" in "AIDS-related"
    joined: frozenset[str] = frozenset()  # JOINED_WORD: plain words opening with a head ("smallholders")

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> RepairWords:
        abbreviations = lexicon.words("TITLE_ABBREVIATION") | lexicon.words("HONORIFIC")
        labels = sorted((w for w in lexicon.words("BYLINE_LABEL") if " " not in w), key=len, reverse=True)
        capitalized = (re.escape(w[:1].upper() + w[1:]) for w in labels)  # "by the ..." in lower case runs on
        byline = re.compile(r"^(?:" + ("|".join(capitalized) or "(?!)") + r")\s+(?:[A-Z]|the\s)")
        return cls(
            lexicon.words("LINE_CONTINUES"),
            frozenset(w.rstrip(".") for w in abbreviations),
            byline,
            _date_line(lexicon),
            lexicon.words("COMPOUND_HEAD") | frozenset(w for w in lexicon.words("NUMBER_WORD") if w.isalpha()),
            lexicon.words("COMPOUND_TAIL"),
            lexicon.words("JOINED_WORD"),
        )

    def keeps_its_line(self, line: str) -> bool:
        """A list item, a labelled field, a byline or a date line stays on a line of its own."""
        return bool(
            LIST_MARKER.match(line)
            or FIELD_LABEL.match(line)
            or self.byline.match(line)
            or (len(line.split()) <= DATE_LINE_WORDS and self.date_line.match(line))
        )

    def runs_on(self, line: str) -> bool:
        """Does ``line`` end mid-sentence ("... the Institute for", "... cooperation,")?"""
        if line[-1:] in CONTINUING_PUNCTUATION:
            return True
        last = line.rsplit(None, 1)[-1].casefold() if line.strip() else ""
        return last in self.continues

    def ends_with_abbreviation(self, line: str) -> bool:
        """Does ``line`` end in the dot of a title or "No." ("... by H.E.", "... No.")?"""
        if not line.endswith("."):
            return False
        last = line.rsplit(None, 1)[-1].casefold().rstrip(".")
        return last in self.abbreviations


def line_end_hyphen(line: str) -> str | None:
    """The word part before a hyphen that ends ``line`` ("coopera", "COVID", "G20"), or None.

    What the regex ``([A-Za-z0-9]+)-$`` finds, read backwards from the end: searched forwards,
    that regex tries every letter of a long run of letters as a start (quadratic)."""
    if not line.endswith("-"):
        return None
    start = len(line) - 1
    while start > 0 and line[start - 1].isascii() and line[start - 1].isalnum():
        start -= 1
    head = line[start:-1]
    return head if any(c.isalpha() for c in head) else None


def hyphen_is_part_of_word(head: str, tail: str, vocabulary: set[str], words: RepairWords) -> bool:
    """Does the hyphen between ``head`` (ending a line) and ``tail`` (opening the next) belong
    to the word, or did the line break add it?

    It belongs to it where a part is written in capitals or digits ("AIDS-related",
    "COVID-19", "G20-led") or the tail opens with a capital ("Asia-Pacific"); else the
    article decides where it writes the word elsewhere (joined: "cooperation"; hyphenated:
    "export-oriented"); else a plain word (``JOINED_WORD``: "smallholders", "fourteen") is
    joined, and the compound words (``COMPOUND_HEAD`` or a number word, "low-" "four-", before
    a tail of four letters or more, ``COMPOUND_TAIL`` "-related") keep it. Any other hyphen
    was added by the break ("develop-ment")."""
    if not tail or not tail[0].islower() or any(c.isdigit() for c in head) or (len(head) > 1 and head.isupper()):
        return True
    head_l, tail_l = head.lower(), tail.lower()
    if f"{head_l}{tail_l}" in vocabulary:
        return False
    if f"{head_l}-{tail_l}" in vocabulary:
        return True
    if f"{head_l}{tail_l}" in words.joined:
        return False
    return (head_l in words.compound_heads and len(tail_l) >= MIN_COMPOUND_TAIL) or tail_l in words.compound_tails


def article_vocabulary(text: str) -> set[str]:
    """The words an article writes (lower case, hyphenated compounds whole): the evidence
    ``hyphen_is_part_of_word`` reads."""
    return set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.lower()))


def join_hyphenated(a: str, b: str, vocabulary: set[str], words: RepairWords) -> str | None:
    """``a`` and ``b`` as one text where ``a`` ends in a word's hyphen, else None:
    "coopera-" + "tion has" -> "cooperation has"; "low-" + "income" -> "low-income"."""
    head = line_end_hyphen(a)
    if head is None or not b[:1].isalnum():
        return None
    tail = re.match(r"[A-Za-z0-9]+", b)
    if hyphen_is_part_of_word(head, tail.group() if tail else "", vocabulary, words):
        return a + b
    return a[:-1] + b


def is_unwrapped(lines: list[Line]) -> bool:
    """Does the text write a paragraph a line (a web page's text, a PDF whose lines are its
    paragraphs) rather than wrap its paragraphs at a width? Then it has UNWRAPPED_LINES lines
    longer than any wrap width (UNWRAPPED_LINE) at least."""
    return sum(1 for line in lines if len(line.text) > UNWRAPPED_LINE) >= UNWRAPPED_LINES


def _join_lines(a: str, b: str, longest: int, words: RepairWords, *, unwrapped: bool = False) -> bool:
    """Should line ``b`` continue line ``a`` in the same paragraph? Not after or before a table
    row ("Members that have not ratified = 88"). In an ``unwrapped`` text (``is_unwrapped``)
    a line ends its paragraph unless it runs on, ends in a hyphen, or a line in lower case
    follows it ("Institute for a Community" + "with Shared Future"): its length says nothing
    there, so a page head's short lines stay apart ("Agency, June 3, 2019" + "Adjust font
    size:"). A short one-word line there (a button: "Search") runs on into no line."""
    if words.keeps_its_line(b) or TABLE_ROW.match(a) or TABLE_ROW.match(b):
        return False
    if words.runs_on(a) or a.endswith("-"):
        return True
    if b[:1].islower():
        return not unwrapped or len(a.split()) > 1 or len(a) >= LONG_LINE
    if unwrapped:
        return False
    is_long = len(a) >= LONG_LINE and len(a) >= 0.6 * longest
    if TERMINAL.search(a):
        return is_long and not a.endswith(":")
    return is_long or _starts_lower(b)


def is_lone_label(block: list[Line]) -> bool:
    """A paragraph that is one short line without a sentence's end: a label under a
    headline ("press release", "news"), not the rest of a sentence cut by a break."""
    return len(block) == 1 and len(block[0].text.split()) <= LABEL_WORDS and not TERMINAL.search(block[0].text)


def _join_blocks(a: str, b: str, gap: int, words: RepairWords, *, label: bool = False, unwrapped: bool = False) -> bool:
    """Should a block that starts with ``b`` continue the paragraph ending in ``a``? A
    lower-case ``label`` (``is_lone_label``) after a line that ends no sentence does not; in an
    ``unwrapped`` text a block in lower case after one blank line is a paragraph of its own
    (an image's id under a headline: "media:image-0042"), only a page break (two blank lines
    or more) cuts a sentence there."""
    if words.keeps_its_line(b):
        return False
    if words.ends_with_abbreviation(a) and gap >= 2:
        return True
    if TERMINAL.search(a):
        return False
    if words.runs_on(a):
        return _starts_lower(b) or gap >= 2
    return (b[:1].islower() and not label and (gap >= 2 or not unwrapped)) or (gap >= 2 and len(a) >= PROSE_LINE)


def repair(text: str, lexicon: Lexicon | None = None) -> RepairedText:
    """Repair ``text`` (newlines already normalized to ``\\n``); ``lexicon`` holds the word lists."""
    words = RepairWords.from_lexicon(lexicon if lexicon is not None else default_lexicon())
    vocabulary = article_vocabulary(text)
    blocks = split_blocks(text)
    seen_single: set[str] = set()
    kept: list[tuple[int, list[Line]]] = []
    pending_gap = 0
    for index, (gap, lines) in enumerate(blocks):
        gap_after = blocks[index + 1][0] if index + 1 < len(blocks) else len(text) - len(text.rstrip("\n")) - 1
        if len(blocks) > 1 and _is_furniture(lines, seen_single, gap, gap_after):
            pending_gap = max(pending_gap, gap, 2)
            continue
        if len(lines) == 1:
            seen_single.add(lines[0].text)
        kept.append((max(gap, pending_gap), lines))
        pending_gap = 0

    unwrapped = is_unwrapped([line for _, lines in kept for line in lines])
    out = _Builder()
    previous: Line | None = None
    for gap, lines in kept:
        longest = max(len(line.text) for line in lines)
        for position, line in enumerate(lines):
            if previous is not None:
                if position == 0:
                    joined = _join_blocks(
                        previous.text, line.text, gap, words, label=is_lone_label(lines), unwrapped=unwrapped
                    )
                    separator = " " if joined else "\n\n"
                else:
                    joined = _join_lines(previous.text, line.text, longest, words, unwrapped=unwrapped)
                    separator = " " if joined else "\n"
                hyphenated = join_hyphenated(previous.text, line.text, vocabulary, words) if joined else None
                if hyphenated is not None:
                    if len(hyphenated) < len(previous.text) + len(line.text):
                        # drop the hyphen: it was added by the line break
                        out.parts[-1] = out.parts[-1][:-1]
                        out.length -= 1
                        out.map.lengths[-1] -= 1
                    separator = ""
                out.insert(separator, previous.end)
            out.copy_clean(line.text, line.start)
            previous = line
    return out.result()
