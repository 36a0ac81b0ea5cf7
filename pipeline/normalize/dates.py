"""Pure date normalizers: a date expression -> (first day, last day). No spaCy import.

``parse_date`` never raises; it returns None for text that names no calendar period, and
for relative expressions ("last year") when no reference date is given.

How an expression is read, in four steps (each a small function below):

1. ``pieces``: the text, case-folded, cut into numbers, words and signs:
   "12-13 Oct. 2022" -> ``12`` ``-`` ``13`` ``oct.`` ``2022``. A few token shapes that no
   word list can name are recognised here by their form: ordinal digits ("7th"), decades
   ("1990s"), a quarter or half glued to its number ("Q1", "H2").
2. ``classify``: every piece becomes a ``Word`` of some *kind*. Numbers get theirs from
   their digits (four digits are a ``year``, "25/12/2023" is one ``numeric`` date); words
   get theirs from the lexicon's word lists: ``MONTH``, ``WEEKDAY``, ``ORDINAL`` and
   ``NUMBER_WORD`` (shared with the counts) and the date vocabulary (``DATE_SHIFT``: last,
   next; ``DATE_UNIT``: week, year; ``DATE_PART``: early, mid; ...; see ``WORD_KINDS``).
   Fillers ("the", "of") are dropped, and a word no list knows ends the reading.
3. ``SHAPES``: the kinds in order, "day month year", name a handler in a table of small
   named functions; the handler computes the first and last day. Handlers that need the
   publication date sit in their own table (``RELATIVE_SHAPES``).
4. ``read_range``: "12-13 October 2022", "from 1996 to 2001", "between now and June" are
   cut at their connector (``DATE_RANGE_TO``); each end is read as above, an end lacking
   a month or a year taking it from the other end.
"""

from __future__ import annotations

import calendar
import re
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import product
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from ..lexicon import Lexicon

DateRange = tuple[date, date]
DayOrder = Literal["dmy", "mdy"]

MIN_YEAR, MAX_YEAR = 1000, 2199
MAX_LENGTH = 80  # characters; longer text is no date expression


# -- calendar arithmetic -------------------------------------------------------------------
def day_or_none(year: int, month: int, day: int) -> date | None:
    """The day, or None when there is no such day (31 February)."""
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def month_range(year: int, month: int) -> DateRange:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_range(year: int) -> DateRange:
    return date(year, 1, 1), date(year, 12, 31)


def _valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _single_day(day: date | None) -> DateRange | None:
    return None if day is None else (day, day)


def _months(first_year: int, first_month: int, count: int) -> DateRange | None:
    """``count`` months from the given one ("a quarter from July 2023")."""
    start = first_year * 12 + first_month - 1
    end = start + count - 1
    if not (_valid_year(start // 12) and _valid_year(end // 12)):
        return None
    return month_range(start // 12, start % 12 + 1)[0], month_range(end // 12, end % 12 + 1)[1]


def _period_of_months(day: date, months: int, shift: int = 0) -> DateRange | None:
    """The period of ``months`` months (1 month, 3 a quarter, 12 a year) holding ``day``,
    moved by ``shift`` such periods."""
    index = (day.year * 12 + day.month - 1) // months + shift
    return _months(index * months // 12, index * months % 12 + 1, months)


def _week_of(day: date, shift: int = 0) -> DateRange:
    """The Monday-to-Sunday week holding ``day``, moved by ``shift`` weeks."""
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=shift)
    return monday, monday + timedelta(days=6)


def _weekend_of(day: date, shift: int = 0) -> DateRange:
    saturday = _week_of(day, shift)[0] + timedelta(days=5)
    return saturday, saturday + timedelta(days=1)


def _century(number: int) -> DateRange | None:
    if not 1 <= number <= 22:
        return None
    return date((number - 1) * 100 + 1, 1, 1), date(number * 100, 12, 31)


def _century_of(day: date, shift: int = 0) -> DateRange | None:
    return _century((day.year - 1) // 100 + 1 + shift)


def _decade_of(day: date, shift: int = 0) -> DateRange | None:
    """The calendar decade holding ``day`` (2020-2029 for a day of 2025), moved by ``shift`` decades."""
    first = day.year // 10 * 10 + 10 * shift
    if not (_valid_year(first) and _valid_year(first + 9)):
        return None
    return date(first, 1, 1), date(first + 9, 12, 31)


def _period(unit: str, day: date, shift: int = 0) -> DateRange | None:
    """The calendar period ``unit`` (day, week, weekend, month, year, decade, century)
    holding ``day``, moved by ``shift`` periods."""
    if unit == "day":
        return _single_day(day + timedelta(days=shift))
    if unit == "week":
        return _week_of(day, shift)
    if unit == "weekend":
        return _weekend_of(day, shift)
    if unit == "month":
        return _period_of_months(day, 1, shift)
    if unit == "year":
        return _period_of_months(day, 12, shift)
    if unit == "decade":
        return _decade_of(day, shift)
    if unit == "century":
        return _century_of(day, shift)
    return None


def _moved(day: date, count: int, unit: str) -> date | None:
    """``day`` moved by ``count`` units (days, weeks, months or years: a month keeps its
    day of the month, as near as the month allows)."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    months = {"month": 1, "year": 12, "decade": 120}.get(unit)
    if months is None:
        return None
    index = day.year * 12 + day.month - 1 + count * months
    year, month = divmod(index, 12)
    if not _valid_year(year):
        return None
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _nearest_year(published: date, month: int, day: int | None) -> int | None:
    """The year that puts ``month`` (and ``day``) nearest to ``published``, past or future."""
    best: tuple[int, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        when = day_or_none(year, month, day or 1)
        if when is None:
            continue
        if day is None:
            distance = abs((year * 12 + month) - (published.year * 12 + published.month))
        else:
            distance = abs((when - published).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return None if best is None else best[1]


def _two_digit_year(value: int) -> int:
    return 2000 + value if value < 30 else 1900 + value


def day_and_month(a: int, b: int, order: str) -> tuple[int, int]:
    """Which of two numbers is the day: the one above 12 if only one is, else ``order``."""
    if a > 12 >= b:
        return a, b
    if b > 12 >= a:
        return b, a
    return (a, b) if order == "dmy" else (b, a)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> DateRange | None:
    """The ``nth`` (1-based; -1 the last) ``weekday`` of a month."""
    if not _valid_year(year):
        return None
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if date(year, month, d).weekday() == weekday]
    if nth == -1:
        return _single_day(date(year, month, days[-1]))
    if not 1 <= nth <= len(days):
        return None
    return _single_day(date(year, month, days[nth - 1]))


# -- step 1: pieces ------------------------------------------------------------------------
@dataclass(frozen=True)
class Piece:
    """A number, word or sign of the text; ``attached`` when no space precedes it."""

    kind: Literal["number", "nth", "decade", "indexed", "word", "sign"]
    text: str
    attached: bool = False


_PIECE = re.compile(
    r"(?P<decade>\d{3}0)'?s(?![^\W_])"  # 1990s, 1990's
    r"|(?P<nth>\d{1,3})(?:st|nd|rd|th)(?![^\W_])"  # 7th, 21st
    r"|(?P<indexed>[^\W\d_]\d)(?=\d{4}(?!\d)|(?!\d))"  # q1, h2, q12019
    r"|(?P<number>\d+)"
    r"|(?P<word>[^\W\d_]+\.?)"
    r"|(?P<sign>[-/.,~])"
)
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})
_SPACED_SIGN = re.compile(r"\s*([-/])\s*")


def normal_text(text: str) -> str:
    """Case-folded, dashes as "-", no spaces around "-" and "/", no outer punctuation."""
    folded = text.casefold().translate(_DASHES)
    folded = _SPACED_SIGN.sub(r"\1", " ".join(folded.split()))
    return folded.strip(" ,;:()").rstrip(".")


def pieces(text: str) -> list[Piece] | None:
    """The pieces of normalized text; None when it holds a character no date has."""
    found: list[Piece] = []
    end = 0
    for match in _PIECE.finditer(text):
        if text[end : match.start()].strip():
            return None
        kind = match.lastgroup
        assert kind is not None
        piece_text = match.group(kind) if kind in ("decade", "nth") else match.group()
        found.append(Piece(kind, piece_text, attached=bool(found) and match.start() == end))  # type: ignore[arg-type]
        end = match.end()
    if text[end:].strip():
        return None
    return found


# -- step 2: words -------------------------------------------------------------------------
@dataclass(frozen=True)
class Word:
    """A piece as the grammar sees it: its kind and its value (a month's number, a shift)."""

    kind: str
    value: Any = None
    text: str = ""


# Word lists of the lexicon and the kind of word each gives, in order of precedence (a
# word in two lists takes the first). Fillers are dropped; prepositions are dropped when
# they lead the expression and it reads no other way ("in May"; but "in 2 weeks").
WORD_KINDS: tuple[tuple[str, str], ...] = (
    ("MONTH", "month"),
    ("WEEKDAY", "weekday"),
    ("WEEKDAY_PLURAL", "weekdays"),
    ("DATE_DEICTIC", "deictic"),
    ("DATE_NOW", "now"),
    ("DATE_SHIFT", "shift"),
    ("DATE_UNIT", "unit"),
    ("DATE_YEAR_PART", "yearpart"),
    ("DATE_PART", "part"),
    ("ORDINAL", "nth"),
    ("NUMBER_WORD", "count"),
    ("DATE_COUNT", "some"),
    ("SCALE", "scale"),
    ("DATE_AGO", "ago"),
    ("DATE_AHEAD", "ahead"),
    ("DATE_FROM", "link"),
)
FILLER = "DATE_FILLER"
PREPOSITION = "DATE_PREPOSITION"
RANGE_START = "DATE_RANGE_START"
RANGE_TO = "DATE_RANGE_TO"
DAY_KINDS = frozenset({"num", "nth"})


class Vocabulary:
    """The date words of one lexicon, arranged for the grammar (built once per lexicon)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.meaning: dict[str, tuple[str, Any]] = {}
        for label, kind in WORD_KINDS:
            for term, value in lexicon.table(label).items():
                self.meaning.setdefault(term, (kind, value))
        self.fillers: dict[str, frozenset[str] | None] = {
            term: None if not before else frozenset(str(before).split())
            for term, before in lexicon.table(FILLER).items()
        }
        self.prepositions = lexicon.words(PREPOSITION)
        self.range_starts = lexicon.words(RANGE_START)
        self.range_joiners: dict[str, str] = {t: v or "" for t, v in lexicon.table(RANGE_TO).items()}
        known = [*self.meaning, *self.fillers]
        self.longest = max((term.count(" ") + 1 for term in known), default=1)

    def lookup(self, text: str) -> tuple[str, Any] | None:
        """The kind and value of a word; an abbreviation's dot may be left off."""
        found = self.meaning.get(text)
        if found is None and text.endswith("."):
            found = self.meaning.get(text[:-1])
        return found

    def is_filler(self, text: str) -> bool:
        return text in self.fillers or text.rstrip(".") in self.fillers

    def filler_before(self, text: str) -> frozenset[str] | None:
        """The kinds of word a filler may stand before (None: any)."""
        return self.fillers.get(text, self.fillers.get(text.rstrip(".")))


_VOCABULARIES: weakref.WeakKeyDictionary[Lexicon, Vocabulary] = weakref.WeakKeyDictionary()


def vocabulary(lexicon: Lexicon | None = None) -> Vocabulary:
    """The date vocabulary of ``lexicon`` (the built-in word lists when None)."""
    if lexicon is None:
        from ..patterns import default_lexicon

        lexicon = default_lexicon()
    found = _VOCABULARIES.get(lexicon)
    if found is None:
        found = _VOCABULARIES[lexicon] = Vocabulary(lexicon)
    return found


def _chunks(items: Sequence[Piece]) -> list[list[Piece]]:
    """The pieces grouped by the spaces between them ("05-aug-2016" is one group)."""
    groups: list[list[Piece]] = []
    for piece in items:
        if piece.attached and groups:
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


_NUMERIC_SIGNS = frozenset("-/.")


def _numeric(chunk: Sequence[Piece]) -> Word | None:
    """Two or three numbers joined by one sign ("25/12/2023", "2016-11"), or eight digits
    ("20161016"): one ``numeric`` word. Signs around the group are ignored ("-2020-07-")."""
    core = list(chunk)
    while core and core[0].kind == "sign":
        core.pop(0)
    while core and core[-1].kind == "sign":
        core.pop()
    if len(core) == 1 and core[0].kind == "number" and len(core[0].text) == 8:
        text = core[0].text
        return Word("numeric", (text[:4], text[4:6], text[6:]), text)
    numbers, signs = core[::2], {p.text for p in core[1::2]}
    if not 3 <= len(core) <= 5 or len(core) % 2 == 0 or len(signs) != 1 or not signs <= _NUMERIC_SIGNS:
        return None
    if not all(p.kind == "number" for p in numbers) or any(p.kind != "sign" for p in core[1::2]):
        return None
    sign = signs.pop()
    return Word("numeric", tuple(p.text for p in numbers), sign.join(p.text for p in numbers))


def _glue_numeric(items: Sequence[Piece]) -> list[Piece | Word]:
    """The pieces, with each group of numbers and one sign as one ``numeric`` word."""
    out: list[Piece | Word] = []
    for chunk in _chunks(items):
        numeric = _numeric(chunk)
        if numeric is not None:
            out.append(numeric)
        else:
            out.extend(chunk)
    return out


def _number_word(piece: Piece) -> Word | None:
    """A number by its digits: four digits a year, up to three a plain number."""
    if len(piece.text) == 4:
        return Word("year", int(piece.text), piece.text)
    if len(piece.text) <= 3:
        return Word("num", int(piece.text), piece.text)
    return None


def _indexed_words(piece: Piece, vocab: Vocabulary) -> list[Word] | None:
    """ "q3" -> the third of the year's quarters: an ordinal and a year part."""
    found = vocab.lookup(piece.text[0])
    if found is None or found[0] != "yearpart":
        return None
    return [Word("nth", int(piece.text[1]), piece.text), Word("yearpart", found[1], piece.text[0])]


def _word_at(items: Sequence[Piece | Word], i: int, vocab: Vocabulary, *, first: bool) -> tuple[int, Word | None]:
    """The longest phrase of the vocabulary at ``items[i]``: (pieces it takes, its word).

    A filler gives no word, or a ``filler`` word when it may stand only before some kinds
    of word; as the first word, a filler with another meaning takes that meaning. An
    unknown word takes no pieces: (0, None).
    """
    for size in range(vocab.longest, 0, -1):
        chunk = items[i : i + size]
        if len(chunk) < size or not all(isinstance(p, Piece) and p.kind == "word" for p in chunk):
            continue
        text = " ".join(p.text for p in chunk)
        meaning = vocab.lookup(text)
        if vocab.is_filler(text) and not (first and meaning is not None):
            before = vocab.filler_before(text)
            return size, None if before is None else Word("filler", before, text)
        if meaning is not None:
            return size, Word(meaning[0], meaning[1], text)
    return 0, None


def classify(items: Sequence[Piece], vocab: Vocabulary) -> list[Word] | None:
    """The words of an expression, fillers and signs left out; None when a piece is no date word.

    A filler is dropped wherever it stands, except as the first word when it has another
    meaning ("in" leads "in 2 weeks" but is a filler in "28 June in 2020"). A filler with
    a value is dropped only before the kinds of word it names ("in" before a year or a
    shift word), and ends the reading anywhere else ("Agenda 2030 in March").
    """
    words: list[Word] = []
    glued = _glue_numeric(items)
    i = 0
    while i < len(glued):
        item, size = glued[i], 1
        if isinstance(item, Word):
            words.append(item)
        elif item.kind == "sign":
            words.append(Word("sign", item.text, item.text))
        elif item.kind == "word":
            size, word = _word_at(glued, i, vocab, first=i == 0)
            if size == 0:
                return None
            words.extend([word] if word is not None else [])
        else:
            shaped = _shaped_word(item, vocab)
            if shaped is None:
                return None
            words.extend(shaped)
        i += size
    return _without_fillers(_join_compound_numbers(words))


def _shaped_word(piece: Piece, vocab: Vocabulary) -> list[Word] | None:
    """A piece read by its shape: a number, an ordinal in digits, a decade, "Q1"."""
    if piece.kind == "number":
        number = _number_word(piece)
        return None if number is None else [number]
    if piece.kind == "nth":
        return [Word("nth", int(piece.text), piece.text)]
    if piece.kind == "decade":
        return [Word("decade", int(piece.text), piece.text)]
    return _indexed_words(piece, vocab)


def _without_fillers(words: list[Word]) -> list[Word] | None:
    """The words without signs and conditional fillers; None when a filler stands before
    a word it may not."""
    kept: list[Word] = []
    for i, word in enumerate(words):
        if word.kind == "filler":
            following = next((w for w in words[i + 1 :] if w.kind not in ("filler", "sign")), None)
            if following is None or following.kind not in word.value:
                return None
        elif word.kind != "sign":
            kept.append(word)
    return kept


def _join_compound_numbers(words: list[Word]) -> list[Word]:
    """ "twenty-one" -> 21, "thirty first" -> 31st: a tens word and a units word as one."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        word = words[i]
        tens = word.kind == "count" and isinstance(word.value, int) and 20 <= word.value <= 90 and word.value % 10 == 0
        j = i + 1
        if tens and j < len(words) and words[j].kind == "sign" and words[j].value == "-":
            j += 1
        if tens and j < len(words) and words[j].kind in ("count", "nth") and _is_unit_digit(words[j].value):
            unit = words[j]
            out.append(Word(unit.kind, word.value + unit.value, f"{word.text}-{unit.text}"))
            i = j + 1
            continue
        out.append(word)
        i += 1
    return out


def _is_unit_digit(value: Any) -> bool:
    return isinstance(value, int) and 1 <= value <= 9


# -- step 3: handlers ----------------------------------------------------------------------
@dataclass(frozen=True)
class Context:
    published: date | None
    order: DayOrder


Handler = Callable[[Sequence[Word], Context], "DateRange | None"]


def _one(words: Sequence[Word], *kinds: str) -> Word:
    """The first word of one of ``kinds`` (the table's shape guarantees there is one)."""
    return next(w for w in words if w.kind in kinds)


def _all(words: Sequence[Word], *kinds: str) -> list[Word]:
    return [w for w in words if w.kind in kinds]


def _day_number(word: Word) -> int | None:
    """A day of the month: an ordinal, or a number of one or two digits, up to 31."""
    if word.kind == "num" and len(word.text) > 2:
        return None
    return word.value if isinstance(word.value, int) and 1 <= word.value <= 31 else None


def _ordinal_or_last(word: Word) -> int | None:
    """An ordinal's number; -1 for "last" (a shift back, where an ordinal is expected)."""
    if word.kind == "nth":
        return int(word.value)
    return -1 if word.kind == "shift" and word.value == -1 else None


def _unit(words: Sequence[Word], index: int = 0) -> str:
    return str(_all(words, "unit")[index].value)


# absolute: the text alone says which days
def numeric_date(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "25/12/2023", "2022-10-07", "20161016", "21/04/16"; "2016-11", "11/2016"; "2016-21"."""
    word = words[0]
    parts = word.value
    if len(parts) == 3:
        return _numeric_day(parts, ctx.order)
    return _numeric_month_or_years(parts, word.text[len(parts[0])])


def _numeric_day(parts: Sequence[str], order: DayOrder) -> DateRange | None:
    first, second, third = (int(p) for p in parts)
    if len(parts[0]) == 4:
        return _single_day(day_or_none(first, second, third))
    if len(parts[2]) not in (2, 4) or len(parts[0]) > 2 or len(parts[1]) > 2:
        return None
    year = third if len(parts[2]) == 4 else _two_digit_year(third)
    day, month = day_and_month(first, second, order)
    return _single_day(day_or_none(year, month, day))


def _numeric_month_or_years(parts: Sequence[str], sign: str) -> DateRange | None:
    """Year and month ("2016-11", "11/2016"), or a span of years ("2016-21"); not a fiscal
    year, two years in a row ("2024-25", "2022/23")."""
    (s1, s2), (v1, v2) = parts, (int(parts[0]), int(parts[1]))
    if len(s1) == 4 and len(s2) == 2 and v2 > v1 % 100:
        if sign != "-" or v2 == v1 % 100 + 1:
            return None  # "2022/23", "2024-25": a fiscal year, whose calendar span varies
        last = v1 // 100 * 100 + v2
        return year_range(v1)[0], year_range(last)[1]
    if len(s1) == 4 and len(s2) <= 2 and 1 <= v2 <= 12:
        return month_range(v1, v2)
    if len(s2) == 4 and len(s1) <= 2 and 1 <= v1 <= 12:
        return month_range(v2, v1)
    return None


def month_day_over_year(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "February 8/2020": a month name, then its day and the year joined by a slash, as some
    news agencies write their datelines."""
    month, numeric = words
    if "/" not in numeric.text or len(numeric.value) != 2:
        return None
    day, year = numeric.value
    if len(day) > 2 or len(year) != 4:
        return None
    return _single_day(day_or_none(int(year), month.value, int(day)))


def calendar_day(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "7th October 2022", "October 7, 2022", "2020/Sep/23": a day, a month and a year."""
    day = _day_number(_one(words, *DAY_KINDS))
    if day is None:
        return None
    return _single_day(day_or_none(_one(words, "year").value, _one(words, "month").value, day))


def numbered_day(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "2016 10 16": year, month and day in numbers apart."""
    year, month, day = (w.value for w in words)
    return _single_day(day_or_none(year, month, day)) if len(words[2].text) <= 2 else None


def calendar_day_short_year(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "15 April 87": a day, a month and a year of two digits (the last number)."""
    numbers = _all(words, *DAY_KINDS)
    day, year = _day_number(numbers[0]), numbers[-1]
    if day is None or year.kind != "num" or len(year.text) != 2:
        return None
    return _single_day(day_or_none(_two_digit_year(year.value), _one(words, "month").value, day))


def calendar_month(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "October 2022", "2016 June"."""
    return month_range(_one(words, "year").value, _one(words, "month").value)


def calendar_month_short_year(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "August 99"."""
    year = _one(words, "num")
    if len(year.text) != 2 or year.value <= 31:
        return None
    return month_range(_two_digit_year(year.value), _one(words, "month").value)


def calendar_year(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "1992", "the year 1992"."""
    if any(w.kind == "unit" and w.value != "year" for w in words):
        return None
    return year_range(_one(words, "year").value)


def decade(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "the 1990s"."""
    start = _one(words, "decade").value
    return date(start, 1, 1), date(start + 9, 12, 31)


def nth_century(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "the 21st century", "the twentieth century"."""
    return _century(_one(words, "nth").value) if _unit(words) == "century" else None


def part_of_year(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "the first quarter of 2023", "Q3 2023", "2016H2", "the last quarter of 2023"."""
    return _year_part(words, _one(words, "year").value)


def _year_part(words: Sequence[Word], year: int) -> DateRange | None:
    """The quarter or half of ``year`` that the words number (the last one for "last")."""
    months = _one(words, "yearpart").value
    nth = _ordinal_or_last(_one(words, "nth", "shift"))
    if nth == -1:
        nth = 12 // months
    if nth is None or not 1 <= nth <= 12 // months:
        return None
    return _months(year, (nth - 1) * months + 1, months)


def week_of_year(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "the first week of 2015" (ISO weeks, Monday to Sunday), "the last week of 2016"."""
    nth = _ordinal_or_last(_one(words, "nth", "shift"))
    if _unit(words) != "week" or nth is None:
        return None
    year = _one(words, "year").value
    if nth == -1:
        return _week_of(date(year, 12, 28))
    return _iso_week(year, nth)


def _iso_week(year: int, number: int) -> DateRange | None:
    try:
        monday = date.fromisocalendar(year, number, 1)
    except ValueError:
        return None
    return monday, monday + timedelta(days=6)


def numbered_week(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "week 3 of 2027" (an ISO week)."""
    if _unit(words) != "week":
        return None
    return _iso_week(_one(words, "year").value, _one(words, "num").value)


def spelled_year(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "nineteen ninety six", "two thousand and twenty"."""
    values = [w.value for w in words]
    if len(values) == 2 and all(w.kind == "count" for w in words):
        century, rest = values
        value = century * 100 + rest if 10 <= century <= 99 and 10 <= rest <= 99 else None
    else:
        value = _spelled_number(words)
    if value is None or not float(value).is_integer() or not _valid_year(int(value)):
        return None
    return year_range(int(value))


def _spelled_number(words: Sequence[Word]) -> float | None:
    """The number that number words and scales spell ("two thousand twenty")."""
    total = current = 0.0
    for word in words:
        if word.kind == "count":
            current += word.value
        elif word.value >= 1000:
            total += (current or 1) * word.value
            current = 0
        else:
            current = (current or 1) * word.value
    return total + current


# relative: the publication date says which days
def month_near_publication(words: Sequence[Word], published: date) -> DateRange | None:
    """ "in May": the May nearest to the publication date."""
    month = _one(words, "month").value
    year = _nearest_year(published, month, None)
    return None if year is None else month_range(year, month)


def day_near_publication(words: Sequence[Word], published: date) -> DateRange | None:
    """ "21 March", "March 21": that day in the year that puts it nearest to publication."""
    month, day = _one(words, "month").value, _day_number(_one(words, *DAY_KINDS))
    if day is None:
        return None
    year = _nearest_year(published, month, day)
    return None if year is None else _single_day(day_or_none(year, month, day))


def shifted_month(words: Sequence[Word], published: date) -> DateRange | None:
    """ "last November": the latest November before the publication month; "next June",
    "this September"."""
    month, shift = _one(words, "month").value, _one(words, "shift").value
    year = published.year
    if shift < 0 and month >= published.month:
        year -= 1
    elif shift > 0 and month <= published.month:
        year += 1
    return month_range(year, month)


def month_of_shifted_year(words: Sequence[Word], published: date) -> DateRange | None:
    """ "June next year"."""
    if _unit(words) != "year":
        return None
    return month_range(published.year + _one(words, "shift").value, _one(words, "month").value)


def day_of_shifted_month(words: Sequence[Word], published: date) -> DateRange | None:
    """ "the 20th of next month", "22 this month"."""
    day = _day_number(_one(words, *DAY_KINDS))
    month = _period(_unit(words), published, _one(words, "shift").value) if _unit(words) == "month" else None
    if day is None or month is None:
        return None
    return _single_day(day_or_none(month[0].year, month[0].month, day))


def deictic_day(words: Sequence[Word], published: date) -> DateRange | None:
    """ "today", "yesterday", "the day after tomorrow"."""
    return _single_day(published + timedelta(days=_one(words, "deictic").value))


def nearest_weekday(words: Sequence[Word], published: date) -> DateRange | None:
    """ "on Sunday": the Sunday nearest to the publication date (up to three days away)."""
    delta = (_one(words, "weekday").value - published.weekday()) % 7
    return _single_day(published + timedelta(days=delta - 7 if delta > 3 else delta))


def weekday_of_shifted_week(words: Sequence[Word], published: date) -> DateRange | None:
    """ "next Friday" (Friday of next week), "Tuesday of last week", "next week on Friday"."""
    if _all(words, "unit") and _unit(words) != "week":
        return None
    monday = _week_of(published, _one(words, "shift").value)[0]
    return _single_day(monday + timedelta(days=_one(words, "weekday").value))


def weekday_with_day(words: Sequence[Word], published: date) -> DateRange | None:
    """ "Thursday the 21st": the 21st of the month around publication that is a Thursday."""
    weekday, day = _one(words, "weekday").value, _day_number(_one(words, *DAY_KINDS))
    if day is None:
        return None
    for shift in (0, -1, 1):
        month = _period_of_months(published, 1, shift)
        candidate = None if month is None else day_or_none(month[0].year, month[0].month, day)
        if candidate is not None and candidate.weekday() == weekday:
            return candidate, candidate
    return None


def nth_weekday_of_month(words: Sequence[Word], published: date) -> DateRange | None:
    """ "the first Friday of next month", "the second Sunday" (of the publication month)."""
    nth = _ordinal_or_last(words[0])
    shifts = _all(words[1:], "shift")
    if nth is None or (shifts and _unit(words) != "month"):
        return None
    month = _period_of_months(published, 1, shifts[0].value if shifts else 0)
    if month is None:
        return None
    return _nth_weekday(month[0].year, month[0].month, _one(words, "weekday").value, nth)


RELATIVE_UNITS = frozenset({"week", "weekend", "month", "year", "decade"})
SHIFTED_UNITS = RELATIVE_UNITS | {"century"}  # "this century": the 21st in 2025


def relative_period(words: Sequence[Word], published: date) -> DateRange | None:
    """ "last year", "this week", "next month", "this weekend", "this decade" (2020-2029 in
    2025), "this century" (2001-2100). Not "the next day", which in an article counts from an
    event, not from its publication, nor a unit in the plural without a number ("in the coming
    months", "over the past years"): no period the calendar bounds."""
    unit = _unit(words)
    if _all(words, "unit")[0].text.rstrip(".") != unit:
        return None
    return _period(unit, published, _one(words, "shift").value) if unit in SHIFTED_UNITS else None


def relative_year_part(words: Sequence[Word], published: date) -> DateRange | None:
    """ "last quarter", "this quarter"."""
    return _period_of_months(published, _one(words, "yearpart").value, _one(words, "shift").value)


def part_of_shifted_year(words: Sequence[Word], published: date) -> DateRange | None:
    """ "the third quarter this year", "Q3 next year"."""
    if _unit(words) != "year":
        return None
    return _year_part(_all(words, "nth", "yearpart"), published.year + _one(words, "shift").value)


def last_week_of_shifted_month(words: Sequence[Word], published: date) -> DateRange | None:
    """ "the last week of this month": the week that holds the month's last day."""
    first, second = _all(words, "shift")
    if first.value != -1 or _unit(words, 0) != "week" or _unit(words, 1) != "month":
        return None
    month = _period_of_months(published, 1, second.value)
    return None if month is None else _week_of(month[1])


def part_of_publication_year(words: Sequence[Word], published: date) -> DateRange | None:
    """ "the second half of the year", "the first quarter of the year": that part of the
    publication year (as "the beginning of the year" is the publication year)."""
    return _year_part(words, published.year) if _unit(words) == "year" else None


def week_of_day(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "the week of 9 June 2025": the Monday-to-Sunday week holding that day."""
    if _unit(words) != "week":
        return None
    day = calendar_day([w for w in words if w.kind != "unit"], ctx)
    return None if day is None else _week_of(day[0])


def week_of_day_near_publication(words: Sequence[Word], published: date) -> DateRange | None:
    """ "the week of 9 June": the week holding the 9 June nearest to publication."""
    if _unit(words) != "week":
        return None
    day = day_near_publication(words, published)
    return None if day is None else _week_of(day[0])


def numbered_week_of_publication_year(words: Sequence[Word], published: date) -> DateRange | None:
    """ "week 31": that ISO week of the publication year."""
    return _iso_week(published.year, _one(words, "num").value) if _unit(words) == "week" else None


def part_of_current_period(words: Sequence[Word], published: date) -> DateRange | None:
    """ "the end of the decade", "the beginning of the year": the whole period (see the
    guidelines) that holds the publication date. Only a part named with "of" ("the
    mid-year meeting" names no period), and not "the end of the day", an idiom."""
    unit = _unit(words)
    if not words[0].text.endswith(" of") or unit not in RELATIVE_UNITS | {"century"} or unit == "weekend":
        return None
    return _period(unit, published)


def weekend_alone(words: Sequence[Word], published: date) -> DateRange | None:
    """ "the weekend", "on weekend": the weekend of the publication week."""
    return _weekend_of(published) if _unit(words) == "weekend" else None


def ago(words: Sequence[Word], published: date) -> DateRange | None:
    """ "two years ago" (the whole year), "3 days ago", "a week ago" (Monday to Sunday);
    "a decade ago" is the year ten years back, not a calendar decade."""
    unit, count = _unit(words), int(_one(words, "num", "count", "some").value)
    if unit == "decade":
        unit, count = "year", 10 * count
    return _period(unit, published, -count)


def offset_ahead(words: Sequence[Word], published: date) -> DateRange | None:
    """ "in 2 weeks": the day two weeks after publication."""
    return _single_day(_moved(published, int(_one(words, "num", "count", "some").value), _unit(words)))


def offset_from_day(words: Sequence[Word], published: date) -> DateRange | None:
    """ "two days from tomorrow", "3 days after today", "two weeks from now"."""
    base = published + timedelta(days=_one(words, "deictic", "now").value or 0)
    count = int(_one(words, "num", "count", "some").value) * _one(words, "link").value
    return _single_day(_moved(base, count, _unit(words)))


def weekdays_from_now(words: Sequence[Word], published: date) -> DateRange | None:
    """ "two Sundays from now": the second Sunday after publication."""
    count = int(_one(words, "num", "count", "some").value)
    if count < 1 or _one(words, "link").value != 1:
        return None
    delta = (_one(words, "weekdays").value - published.weekday()) % 7 or 7
    return _single_day(published + timedelta(days=delta + 7 * (count - 1)))


RelativeHandler = Callable[[Sequence[Word], date], "DateRange | None"]

# Slots of the shapes below and the kinds of word each takes.
SLOTS: dict[str, frozenset[str]] = {
    "day": DAY_KINDS,
    "amount": frozenset({"num", "count", "some"}),
    "base": frozenset({"deictic", "now"}),
}

# The grammar: a shape (slots in order) and the handler that reads it.
ABSOLUTE_ROWS: tuple[tuple[str, Handler], ...] = (
    ("numeric", numeric_date),
    ("month numeric", month_day_over_year),
    ("day month year", calendar_day),
    ("month day year", calendar_day),
    ("year month day", calendar_day),
    ("year num num", numbered_day),
    ("year day month", calendar_day),
    ("day year month", calendar_day),
    ("month year day", calendar_day),
    ("day month num", calendar_day_short_year),
    ("month day num", calendar_day_short_year),
    ("month year", calendar_month),
    ("year month", calendar_month),
    ("month num", calendar_month_short_year),
    ("year", calendar_year),
    ("unit year", calendar_year),
    ("decade", decade),
    ("nth unit", nth_century),
    ("nth yearpart year", part_of_year),
    ("shift yearpart year", part_of_year),
    ("year nth yearpart", part_of_year),
    ("nth unit year", week_of_year),
    ("shift unit year", week_of_year),
    ("unit num year", numbered_week),
    ("unit day month year", week_of_day),
    ("unit month day year", week_of_day),
    ("count scale", spelled_year),
    ("count scale count", spelled_year),
    ("count count", spelled_year),
    ("count scale count scale", spelled_year),
    ("count scale count scale count", spelled_year),
)
RELATIVE_ROWS: tuple[tuple[str, RelativeHandler], ...] = (
    ("month", month_near_publication),
    ("day month", day_near_publication),
    ("month day", day_near_publication),
    ("shift month", shifted_month),
    ("month shift unit", month_of_shifted_year),
    ("day shift unit", day_of_shifted_month),
    ("deictic", deictic_day),
    ("weekday", nearest_weekday),
    ("shift weekday", weekday_of_shifted_week),
    ("weekday shift unit", weekday_of_shifted_week),
    ("shift unit weekday", weekday_of_shifted_week),
    ("weekday day", weekday_with_day),
    ("nth weekday", nth_weekday_of_month),
    ("nth weekday shift unit", nth_weekday_of_month),
    ("shift weekday shift unit", nth_weekday_of_month),
    ("shift unit", relative_period),
    ("shift yearpart", relative_year_part),
    ("nth yearpart shift unit", part_of_shifted_year),
    ("nth yearpart unit", part_of_publication_year),
    ("unit day month", week_of_day_near_publication),
    ("unit month day", week_of_day_near_publication),
    ("shift unit nth yearpart", part_of_shifted_year),
    ("shift unit shift unit", last_week_of_shifted_month),
    ("unit", weekend_alone),
    ("part unit", part_of_current_period),
    ("unit num", numbered_week_of_publication_year),
    ("amount unit ago", ago),
    ("ahead amount unit", offset_ahead),
    ("amount unit link base", offset_from_day),
    ("amount weekdays link now", weekdays_from_now),
)


def _expand(rows: Iterable[tuple[str, Any]]) -> dict[tuple[str, ...], Any]:
    """Rows keyed by every sequence of word kinds their slots allow (first row wins)."""
    table: dict[tuple[str, ...], Any] = {}
    for shape, handler in rows:
        choices = [sorted(SLOTS.get(slot, {slot})) for slot in shape.split()]
        for kinds in product(*choices):
            table.setdefault(kinds, handler)
    return table


SHAPES: dict[tuple[str, ...], Handler] = _expand(ABSOLUTE_ROWS)
RELATIVE_SHAPES: dict[tuple[str, ...], RelativeHandler] = _expand(RELATIVE_ROWS)


def shape_of(words: Sequence[Word]) -> tuple[str, ...]:
    return tuple(w.kind for w in words)


def by_shape(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """The handler the words' shape names: an absolute one, else (with a publication date)
    a relative one."""
    shape = shape_of(words)
    try:
        handler = SHAPES.get(shape)
        found = handler(words, ctx) if handler is not None else None
        if found is None and ctx.published is not None:
            relative = RELATIVE_SHAPES.get(shape)
            found = relative(words, ctx.published) if relative is not None else None
    except (ValueError, OverflowError):  # a day past the calendar's end
        return None
    return found


def part_of_period(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "early 2024", "mid-March", "the end of next week": the whole period (see the guidelines)."""
    if len(words) < 2 or words[0].kind != "part":
        return None
    found = read_words(words[1:], ctx)
    return None if found is None or found[0] == found[1] else found


def weekday_and_date(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """ "Thursday, 13 June 2019": a weekday joined to a day is that day (not to another
    weekday: "Monday - Wednesday" is a range)."""
    if len(words) < 2 or words[0].kind != "weekday" or _all(words[1:], "weekday"):
        return None
    found = read_words(words[1:], ctx)
    return found if found is not None and found[0] == found[1] else None


def read_words(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """One date (no range) from its words."""
    return by_shape(words, ctx) or part_of_period(words, ctx) or weekday_and_date(words, ctx)


# -- step 4: one expression, or a range of two -----------------------------------------------
def _without_leading(items: Sequence[Piece], vocab: Vocabulary) -> Sequence[Piece]:
    """The pieces after the leading prepositions ("in", "on", "since")."""
    i = 0
    while i < len(items) and items[i].kind == "word" and items[i].text in vocab.prepositions:
        i += 1
    return items[i:]


def read_single(items: Sequence[Piece], ctx: Context, vocab: Vocabulary) -> DateRange | None:
    """One date: as written, else without its leading prepositions."""
    words = classify(items, vocab)
    found = read_words(words, ctx) if words else None
    if found is None:
        rest = _without_leading(items, vocab)
        if 0 < len(rest) < len(items):
            words = classify(rest, vocab)
            found = read_words(words, ctx) if words else None
    return found


def _read_end(words: Sequence[Word], ctx: Context) -> DateRange | None:
    """One end of a range: a date, or "now" (the publication day)."""
    if len(words) == 1 and words[0].kind == "now":
        return None if ctx.published is None else (ctx.published, ctx.published)
    return read_words(words, ctx)


def _borrowed(side: Sequence[Word], other: Sequence[Word]) -> list[list[Word]]:
    """Readings of one end of a range completed from the other end: a bare day takes the
    other's month and year ("12" of "12-13 October 2022"), an end without a year or a month
    takes the other's ("May" of "May-June 2023", "13, 2022" of "October 12-13, 2022")."""
    readings: list[list[Word]] = []
    other_days = [i for i, w in enumerate(other) if w.kind in DAY_KINDS]
    if len(side) == 1 and side[0].kind in DAY_KINDS and other_days:
        i = other_days[0]
        readings.append([*other[:i], side[0], *other[i + 1 :]])
    kinds = {w.kind for w in side}
    years, months = _all(other, "year"), _all(other, "month")
    borrow_year = years[:1] if years and "year" not in kinds and kinds != {"num"} else []
    borrow_month = months[:1] if months and "month" not in kinds and kinds & DAY_KINDS else []
    if borrow_year:
        readings.append([*side, *borrow_year])
    if borrow_month:
        readings.append([*side, *borrow_month])
    if borrow_year and borrow_month:
        readings.append([*side, *borrow_month, *borrow_year])
    return readings


def _first_reading(readings: Iterable[Sequence[Word]], ctx: Context) -> DateRange | None:
    for reading in readings:
        found = _read_end(reading, ctx)
        if found is not None:
            return found
    return None


def join_ends(left: Sequence[Word], right: Sequence[Word], ctx: Context) -> DateRange | None:
    """The range from the first end to the second. A second end with a month but no year
    takes the first end's year ("4 to 22 January": both in the year nearest to the 4th),
    and moves on a year if it would fall before the first ("November to February")."""
    first = _first_reading([*_borrowed(left, right), left], ctx)
    if first is None:
        return None
    dated = [*right, Word("year", first[0].year)] if _all(right, "month") and not _all(right, "year") else right
    last = _first_reading([dated, *_borrowed(dated, left)], ctx)
    if last is None:
        return None
    if first[0] > last[1]:
        last = _after(right, first, ctx) or last
    return (first[0], last[1]) if first[0] <= last[1] else None


def _after(right: Sequence[Word], first: DateRange, ctx: Context) -> DateRange | None:
    """The second end of a range read again to fall after the first: the next year's
    ("between now and March"), the weekday after ("from Friday to Monday")."""
    if _all(right, "year"):
        return None
    if _all(right, "month"):
        return _read_end([*right, Word("year", first[0].year + 1)], ctx)
    if shape_of(right) == ("weekday",):
        return _single_day(first[0] + timedelta(days=(right[0].value - first[0].weekday()) % 7))
    return None


def _end_readings(items: Sequence[Piece], vocab: Vocabulary) -> list[list[Word]]:
    """The words of the first end of a range: as written, and without its leading
    prepositions ("in 2014" of "in 2014 through May 2018")."""
    readings: list[list[Word]] = []
    for candidate in (items, _without_leading(items, vocab)):
        words = classify(candidate, vocab) if candidate else None
        if words and words not in readings:
            readings.append(words)
    return readings


LONE_DAY = "day"  # a joiner's condition: one end is a day without its month


def _day_without_month(end: Sequence[Word]) -> bool:
    """ "24" of "23 and 24 May", "24, 2026" of "May 23 and 24, 2026"."""
    kinds = [w.kind for w in end]
    return "month" not in kinds and bool(kinds) and kinds[0] in DAY_KINDS and set(kinds[1:]) <= {"year"}


def _two_days_of_a_month(left: Sequence[Word], right: Sequence[Word]) -> bool:
    """Both ends are days and one of them lacks its month ("23 and 24 May", "May 23 and
    24"), not a month and a day ("in May 2013, and the 24th session")."""
    days = all(any(w.kind in DAY_KINDS for w in end) for end in (left, right))
    return days and (_day_without_month(left) or _day_without_month(right))


def _joins(needs: str, opener: str, left: Sequence[Word], right: Sequence[Word]) -> bool:
    """May a connector whose condition is ``needs`` join these ends? No condition: always;
    else after one of the opening words it names ("between 2015 and 2020"), or, with
    ``day``, two days of one month ("23 and 24 May", "May 23 and 24")."""
    if not needs:
        return True
    conditions = needs.split()
    if opener and opener in conditions:
        return True
    return LONE_DAY in conditions and _two_days_of_a_month(left, right)


def read_range(items: Sequence[Piece], ctx: Context, vocab: Vocabulary) -> DateRange | None:
    """ "from 1996 to 2001", "12-13 October 2022", "between 2015 and 2020": the two ends
    joined by the first connector between them that gives a range. A connector with a
    value joins only under that condition (``_joins``: "and" after "between", or by a
    lone day)."""
    opener = ""
    if items and items[0].kind == "word" and items[0].text in vocab.range_starts:
        opener, items = items[0].text, items[1:]
        years = read_single(items, ctx, vocab) if items else None
        if years is not None and years[0].year != years[1].year:
            return years  # "from 2016-21"
    for k in range(1, len(items) - 1):
        needs = vocab.range_joiners.get(items[k].text) if items[k].kind in ("word", "sign") else None
        if needs is None:
            continue
        right = classify(items[k + 1 :], vocab)
        if not right:
            continue
        for left in _end_readings(items[:k], vocab):
            if not _joins(needs, opener, left, right):
                continue
            found = join_ends(left, right, ctx)
            if found is not None:
                return found
    return None


# -- the public functions --------------------------------------------------------------------
def parse_date(
    text: str, published: date | None = None, *, order: DayOrder = "dmy", lexicon: Lexicon | None = None
) -> DateRange | None:
    """Normalize a date expression to its first and last day.

    ``published`` resolves relative expressions and dates without a year; ``order`` picks
    between day-month and month-day for numeric dates that could be either; ``lexicon``
    gives the word lists (the built-in ones when None).
    """
    try:
        normal = normal_text(text)
    except (AttributeError, TypeError):
        return None
    if not normal or len(normal) > MAX_LENGTH:
        return None
    items = pieces(normal)
    if not items:
        return None
    vocab = vocabulary(lexicon)
    ctx = Context(published, order)
    try:
        found = read_single(items, ctx, vocab) or read_range(items, ctx, vocab)
    except (ValueError, OverflowError):
        return None
    if found is None:
        return None
    start, end = found
    if start > end or not (_valid_year(start.year) and _valid_year(end.year)):
        return None
    return found


_FISCAL = re.compile(r"^(?P<fy>fy ?)?(?P<first>\d{4})(?:[-/](?P<second>\d{2}))?$")


def is_fiscal_year(text: str) -> bool:
    """ "2024-25", "2022/23", "FY 2023", "FY2024-25": a fiscal year (two years in a row, or
    one marked FY), which the guidelines leave out since its calendar span varies."""
    found = _FISCAL.match(normal_text(text).replace(" -", "-"))
    if found is None:
        return False
    first, second = found.group("first"), found.group("second")
    if second is None:
        return found.group("fy") is not None
    return int(second) == (int(first) + 1) % 100


def parse_iso(text: str) -> date | None:
    """``"2022-10-07"`` -> date(2022, 10, 7); anything else -> None."""
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError, TypeError):
        return None


_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]|$)")


def parse_published(value: object, *, order: DayOrder = "dmy", lexicon: Lexicon | None = None) -> date | None:
    """A publication date as readers meet it: a ``date``, a ``datetime``, an ISO date or
    timestamp ("2023-06-07T10:00:00Z"), or a written day ("June 7, 2023", "7th October
    2022"). None for anything that names no single day."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    iso = _ISO_PREFIX.match(text)
    if iso:
        return parse_iso(iso.group(1))
    found = parse_date(text, order=order, lexicon=lexicon)
    return found[0] if found is not None and found[0] == found[1] else None
