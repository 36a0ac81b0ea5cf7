"""Date claims: patterns propose spans, ``normalize.dates.parse_date`` decides and normalizes.

The steps, each a method below:

1. ``find`` (the matchers): ``DATE``, ``DATE_RELATIVE`` and ``DATE_YEAR`` lines propose
   whole expressions; ``DATE_RUN`` lines propose single date words, numbers and signs,
   which ``runs`` joins into runs of adjacent tokens.
2. ``scan_run``: inside a run, from each token that may start a date, the longest stretch
   that the resolver reads ("signed on 12 to 13 October 2022 in" gives "12 to 13 October
   2022").
3. ``span_of``: a proposal without its leading prepositions and trailing signs; a range
   keeps its opener ("from 2016 to 2019"), an offset its "in" ("in 2 weeks").
4. ``value_of``: the resolver's reading, and for a bare four-digit number whether it acts
   as a year here (``acts_as_year``: not "Agenda 2063", "2000 troops").
5. ``candidates`` and ``process``: the longest candidates win; relative dates left out
   for want of a publication date are reported once per doc (W101).
6. ``left_out``: dates read that name no calendar point here (a weekday in a name,
   "Good Friday"; a recurrence, "meets in November every year"; a page's age stamp,
   "9 months ago" alone on its line), fiscal years
   (``DATE_FISCAL``: "2024-25") and the site header's date of the day the page was
   viewed (``site_header_date``) give no claim; they go to ``doc.spans["pc_left_out"]``,
   so that the counts do not take their numbers either.

Every word list comes from the component's lexicon (labels ``DATE_PREPOSITION``,
``DATE_EDGE``, ``DATE_YEAR_CONTEXT``, ...), so a user's folder changes what it reads.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..annotations import (
    POSSESSIVE_MARKS,
    Match,
    Sentences,
    add_claim,
    add_matches,
    doc_text,
    leave_out,
    published,
    warn,
)
from ..errors import Code
from ..labels import DATES
from ..lexicon import Lexicon
from ..normalize.dates import (
    FILLER,
    PREPOSITION,
    RANGE_START,
    RANGE_TO,
    WORD_KINDS,
    DateRange,
    DayOrder,
    is_fiscal_year,
    parse_date,
)
from ..normalize.units import is_plural_noun
from .base import Intervals, RuleComponent, select_longest

RUN = "DATE_RUN"
FISCAL = "DATE_FISCAL"
YEAR = re.compile(r"^\d{4}$")
MAX_RUN = 14  # tokens of a run read as one date at most
PARSE_CACHE = 20_000  # readings kept per component (the same stretches recur: "2022", "in July", "last year")
YEAR_JOINERS = ("-", "\u2013", "/")  # "2019-2021": the second year goes with the first
TRAILING = (",", ".", ";", ":")
DASHES = ("-", "\u2013", "\u2014")
# A reference marker glued to a date's last number: "(OECD, 2022[1])", tokenized "2022[1".
GLUED_REFERENCE = re.compile(r"(?<=\d)\[\d.*$")
# Any day will do to tell a relative date ("last year") from text that is no date at all.
SOME_DAY = date(2000, 1, 3)
WORD = re.compile(r"[^\W\d_]+")
BODY_LINE_WORDS = 12  # a line this long is running text: the page head ends above it

Candidate = tuple[int, int, tuple[str, DateRange]]


@dataclass(frozen=True)
class Run:
    """Adjacent tokens proposed by ``DATE_RUN`` lines, and the lines that proposed them."""

    start: int
    end: int
    rules: frozenset[str]


@dataclass(frozen=True)
class DateWords:
    """The component's vocabularies, read from its lexicon."""

    leading: frozenset[str]  # left out of a span's start
    prepositions: frozenset[str]
    year_context: frozenset[str]  # after these, four digits read as a year
    joins_years: frozenset[str]  # ... only after another year ("and", "or")
    act_years: frozenset[str]  # after a numbered act ("No. 41 of 2019") the year is part of its identifier ("of")
    never_starts: frozenset[str]
    never_ends: frozenset[str]
    spelled_year_context: frozenset[str]
    not_year_before: frozenset[str]
    not_year_after: frozenset[str]
    not_year_in_name: frozenset[
        str
    ]  # document nouns: no year (nor day) after them inside a title ("World drought report 2019")
    law_nouns: frozenset[str]  # "the Food Security Act, 2013": the year after the comma is part of the law's name
    ambiguous: frozenset[str]
    range_starts: frozenset[str]
    range_words: frozenset[str]  # the joiners that are words ("to", "and"), for keeping an opener
    ahead: frozenset[str]
    weekdays: frozenset[str]
    deictic: frozenset[str]  # "today", "tomorrow": capitalised, they may open a title
    months: frozenset[str]
    recurring: frozenset[str]  # "every", "each": before a date or a unit after it, it recurs
    recurring_alone: frozenset[str]  # "annually": after a date, it recurs
    number_words: frozenset[str]  # number words, scales and fillers: a year in words ("two thousand and ten")
    time_words: frozenset[str]  # TIME_WORD: what a date line may hold after its time ("11:30 am GMT")
    connectors: frozenset[str]  # words that are no date word of any kind ("the", "in", "to"): see ``holds_a_date_word``
    lexicon: Lexicon  # for the counted nouns ("2000 delegates" counts; its plural test is the counts')

    @classmethod
    def of(cls, lexicon: Lexicon) -> DateWords:
        def side(label: str, *values: str | None) -> frozenset[str]:
            return frozenset(term for term, value in lexicon.table(label).items() if value in values)

        prepositions = lexicon.words("DATE_PREPOSITION")
        range_starts = lexicon.words("DATE_RANGE_START")
        return cls(
            leading=prepositions | range_starts | lexicon.words("DATE_LEADING"),
            prepositions=prepositions,
            year_context=prepositions | lexicon.words("DATE_YEAR_CONTEXT"),
            joins_years=side("DATE_YEAR_CONTEXT", "joins"),
            act_years=side("DATE_YEAR_CONTEXT", "act"),
            never_starts=side("DATE_EDGE", "not-first", "inside"),
            never_ends=side("DATE_EDGE", "not-last", "inside"),
            spelled_year_context=lexicon.words("DATE_SPELLED_YEAR_CONTEXT"),
            not_year_before=side("DATE_NOT_YEAR", "before"),
            not_year_after=side("DATE_NOT_YEAR", "after"),
            not_year_in_name=side("DATE_NOT_YEAR", "name"),
            law_nouns=side("DATE_NOT_YEAR", "law"),
            ambiguous=lexicon.words("DATE_AMBIGUOUS"),
            range_starts=range_starts,
            range_words=frozenset(w for w in lexicon.words("DATE_RANGE_TO") if w.isalpha()),
            ahead=lexicon.words("DATE_AHEAD"),
            weekdays=lexicon.words("WEEKDAY"),
            deictic=lexicon.words("DATE_DEICTIC"),
            months=lexicon.words("MONTH"),
            recurring=side("DATE_RECURRING", None),
            recurring_alone=side("DATE_RECURRING", "alone"),
            number_words=lexicon.words("NUMBER_WORD") | lexicon.words("SCALE") | lexicon.words("DATE_FILLER"),
            time_words=lexicon.words("TIME_WORD"),
            connectors=connector_words(lexicon),
            lexicon=lexicon,
        )


# the kinds of date word that read as no date without a word of another kind ("last", "mid",
# "a", "ago", "in", "from", "thousand": "last year", "mid-2020", "a week ago" need the year,
# the figure, the week)
NO_DATE_ALONE = ("shift", "part", "some", "ago", "ahead", "link", "scale")
CONNECTING = (FILLER, PREPOSITION, RANGE_START, RANGE_TO, "DATE_LEADING")


def connector_words(lexicon: Lexicon) -> frozenset[str]:
    """The words of a run that hold no date by themselves: the words the resolver drops or
    cuts at (fillers, prepositions, range openers and joiners) and those of ``NO_DATE_ALONE``,
    less any that a list of the other date words also holds. A stretch of them and signs
    alone never reads as a date (a test tries many such stretches)."""
    labels = [*CONNECTING, *(label for label, kind in WORD_KINDS if kind in NO_DATE_ALONE)]
    connecting = frozenset().union(*(lexicon.words(label) for label in labels))
    meaning = frozenset().union(*(lexicon.words(label) for label, kind in WORD_KINDS if kind not in NO_DATE_ALONE))
    return frozenset(word for word in connecting - meaning if " " not in word)


def holds_a_date_word(doc: Doc, start: int, end: int, connectors: frozenset[str]) -> bool:
    """Does ``doc[start:end]`` hold a token that may be part of a date's meaning: a figure, or a
    word that is no connector, sign or space? A run without one is not scanned."""
    for token in doc[start:end]:
        if token.is_punct or token.is_space:
            continue
        lower = token.lower_
        if lower not in connectors and lower.rstrip(".") not in connectors:
            return True
    return False


def date_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The characters of tokens ``start:end`` as a date: without a reference marker glued
    to the last token ("2022" of "2022[1")."""
    last = doc[end - 1]
    glued = GLUED_REFERENCE.search(last.text)
    return doc[start].idx, last.idx + (glued.start() if glued else len(last.text))


def _previous(doc: Doc, i: int) -> Token | None:
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return doc[j] if j >= 0 else None


def _next(doc: Doc, i: int) -> Token | None:
    """The first token from ``i`` on that is no space."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None


def after_marker(doc: Doc, i: int, markers: frozenset[str]) -> bool:
    """Does a marker stand right before ``doc[i]`` ("$", "No.")? The tokenizer may cut the
    dot of an abbreviation off ("No" "." "23"), so the two tokens count as one."""
    prev = _previous(doc, i)
    if prev is None:
        return False
    if prev.lower_ in markers:
        return True
    before = _previous(doc, prev.i) if prev.text == "." else None
    return before is not None and not before.whitespace_ and before.lower_ + "." in markers


TITLE_LOOKBACK = 3  # words before a document noun searched for the capital that makes it a title


def in_document_name(doc: Doc, i: int, nouns: frozenset[str]) -> bool:
    """Does ``doc[i]`` follow a document noun that ends a title ("the World drought report
    2019", "Annual Review 2024")? The noun is one when it is capitalised, or when a capitalised
    word stands among the few words before it and that word does not merely open the
    sentence: "the bank will review 2024 lending" and "the issue 12 March" name no document."""
    prev = _previous(doc, i)
    if prev is None or prev.lower_ not in nouns:
        return False
    if prev.is_title and not prev.is_sent_start:
        return True
    for token in reversed(doc[max(prev.i - TITLE_LOOKBACK, 0) : prev.i]):
        if not token.is_alpha:
            return False
        if token.is_title and not token.is_sent_start:
            return True
    return False


def _sentence_index(starts: list[int], i: int) -> int:
    """Which sentence token ``i`` stands in, given the sentences' first tokens (sorted)."""
    return bisect.bisect_right(starts, i) - 1


def _whole_years(value: DateRange) -> bool:
    return (value[0].month, value[0].day, value[1].month, value[1].day) == (1, 1, 12, 31)


def _has_digit(token: Token) -> bool:
    return token.like_num or any(c.isdigit() for c in token.text)


def acts_as_year(doc: Doc, i: int, words: DateWords) -> bool:
    """Is the four-digit token ``doc[i]`` used as a year ("in 1992", "the 2015 agreement")?

    Not when it is part of a name or identifier ("Agenda 2063", "Resolution 2231"), nor
    when it counts something ("2000 troops", "about 1500", "$2000", "2000 percent").
    """
    token = doc[i]
    if not YEAR.match(token.text):
        return False
    prev = _previous(doc, i)
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and _counts_after(doc, nxt, words):
        return False
    if prev is None or token.is_sent_start:
        return not _counts_noun(nxt, words)
    if prev.text in YEAR_JOINERS and prev.i > 0 and YEAR.match(doc[prev.i - 1].text):
        return acts_as_year(doc, prev.i - 1, words)  # the second year of a range goes with the first
    if prev.lower_ in words.year_context:
        before = _previous(doc, prev.i)
        numbered = before is not None and before.like_num and after_marker(doc, before.i, words.not_year_before)
        if numbered and prev.lower_ in words.act_years:
            return False  # "Decree No. 41 of 2019": the year is part of the identifier (not "No. 3, 2021")
        if prev.lower_ in words.joins_years:
            return before is not None and bool(YEAR.match(before.text))
        return not (before is not None and before.like_num and _counts_noun(nxt, words))  # "1 in 1000 newborns"
    if prev.text[:1].isupper() or prev.text[:1].isdigit() or after_marker(doc, i, words.not_year_before):
        return False
    if in_document_name(doc, i, words.not_year_in_name):
        return False
    return not _counts_noun(nxt, words)


CODE_NUMBER = re.compile(r"^(?:\d{3}|\d{5,})$")  # no year, day or month: a phone exchange, a reference


def glued_to_a_code(doc: Doc, joiner: Token) -> bool:
    """Is ``joiner`` a hyphen glued between four digits and a number of three or of five and
    more digits before it ("473-1842" of "(202) 473-1842")? The four digits end a phone
    number or a reference, not a span of years ("1998-2003") nor a month and year ("10-2020"):
    no date, and no count either."""
    if joiner.text not in YEAR_JOINERS or joiner.whitespace_ or joiner.i == 0:
        return False
    number = doc[joiner.i - 1]
    return not number.whitespace_ and bool(CODE_NUMBER.match(number.text))


def _counts_noun(nxt: Token | None, words: DateWords) -> bool:
    """Is the word after four digits a counted noun ("2000 delegates", "1200 staff")?"""
    return nxt is not None and nxt.text[:1].islower() and is_plural_noun(nxt.text, words.lexicon)


def counts_something(doc: Doc, i: int, words: DateWords) -> bool:
    """Does the four-digit ``doc[i]`` count what follows it ("2000 delegates", "2000 percent")?"""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and (_counts_after(doc, nxt, words) or _counts_noun(nxt, words))


def _counts_after(doc: Doc, nxt: Token, words: DateWords) -> bool:
    """Does the token after a four-digit number make it a quantity ("2000 percent", "2000%")?
    A sign does when it is attached to the number; a dash does unless a year follows it
    ("2019-2021")."""
    number = doc[nxt.i - 1]
    if nxt.text == "-" and not nxt.whitespace_:
        following = doc[nxt.i + 1].text if nxt.i + 1 < len(doc) else ""
        return not (YEAR.match(following) or ends_a_span_of_years(number.text, following))
    return nxt.lower_ in words.not_year_after and (nxt.is_alpha or not number.whitespace_)


def deictic_in_title(doc: Doc, start: int, end: int, words: DateWords) -> bool:
    """Is a capitalised "Today" or "Tomorrow" the start of a title ("the “Tomorrow’s Cities”
    programme", "the "Today" show")? It is when a quotation mark follows it, or a possessive
    and a capitalised word ("“Today’s decision matters”" is a date)."""
    if end - start != 1 or not doc[start].is_title or doc[start].lower_ not in words.deictic:
        return False
    nxt = doc[end] if end < len(doc) else None
    if nxt is None or nxt.is_quote:
        return nxt is not None
    after = doc[end + 1] if end + 1 < len(doc) else None
    return nxt.lower_ in POSSESSIVE_MARKS and after is not None and after.is_title


def ends_a_span_of_years(year: str, end: str) -> bool:
    """Is ``end`` the short last year of a span that opens with ``year`` ("2016-21",
    "1998-03")? Two digits naming a later year, not the next one: "2024-25" is a fiscal
    year, which is left out whole."""
    if len(end) != 2 or not end.isdigit() or not year.isdigit():
        return False
    return int(end) not in (int(year[-2:]), (int(year[-2:]) + 1) % 100)


def weekday_in_name(doc: Doc, start: int, end: int, words: DateWords) -> bool:
    """Is a weekday alone part of a name ("Good Friday", "Super Tuesday", "the Sunday
    Times")? It is when a capitalised word other than a preposition or a leading word
    stands before it, or one stands after it and no preposition before ("on Monday
    President ... said" is a date)."""
    if end - start != 1 or doc[start].lower_ not in words.weekdays:
        return False
    prev, nxt = _previous(doc, start), _next(doc, end)
    if prev is not None and prev.is_title and prev.lower_ not in words.leading:
        return True
    after_preposition = prev is not None and prev.lower_ in words.prepositions
    return nxt is not None and nxt.is_title and nxt.is_alpha and not after_preposition


def site_header_date(
    doc: Doc, start: int, end: int, value: DateRange, reference: date | None, words: DateWords
) -> bool:
    """Is the date the site header's display of the day the page was viewed ("Thu. Jan
    23rd, 2025" above the masthead), page furniture and no date the article states? It is
    when it is one day after the publication date, alone on its line (a time of day
    aside), above the article's first line of running text and above more lines of the
    page (a text that is one date alone is no page), and under no headline (a date line
    under the headline is the page's own, "Forum held in Porto" over "09:28, May 4, 2022")."""
    if reference is None or value[0] != value[1] or value[0] <= reference:
        return False
    text = doc_text(doc)
    first, last = date_chars(doc, start, end)
    line_start = text.rfind("\n", 0, first) + 1
    line_end = text.find("\n", last)
    if line_end < 0 or not text[line_end:].strip():
        return False
    rest = text[line_start:first] + " " + text[last:line_end]
    if any(word.casefold() not in words.time_words for word in WORD.findall(rest)):
        return False
    if not in_page_head(text, line_start):
        return False
    return not under_a_headline(text, line_start, line_end)


def under_a_headline(text: str, line_start: int, line_end: int) -> bool:
    """Is a date line the article's own, right under its headline: the nearest line above
    reads as a headline and the next line under it is running text ("Forum held in Porto",
    "09:28, May 4, 2022", "The forum opened ...")? A site's display date has the headline
    under it, and above it a masthead or a site's tagline in sentence case ("Your trusted
    source for local news")."""
    above = [line for line in text[:line_start].splitlines() if line.strip()]
    under = next((line for line in text[line_end:].splitlines() if line.strip()), "")
    return bool(above) and reads_as_headline(above[-1]) and len(under.split()) >= BODY_LINE_WORDS


HEADLINE_LINE_WORDS = 5  # a line right above a date line with this many words and a word in lower case is a headline


def reads_as_headline(line: str) -> bool:
    """Does a head line read as a headline in sentence case ("Forum on the coast held in
    Porto"): HEADLINE_LINE_WORDS words or more, one of them in lower case and longer than a
    small word? A date line under it is the article's own (a site's display date stands
    above the headline, under a masthead or a menu in capitals: "Harbor Valley Journal")."""
    found = WORD.findall(line)
    return len(found) >= HEADLINE_LINE_WORDS and any(w[:1].islower() and len(w) > 3 for w in found)


def year_of_a_law(doc: Doc, start: int, end: int, words: DateWords) -> bool:
    """Is the year the end of a law's name, after a capitalised law noun with a capitalised
    name word before it and a comma ("the Seed Quality Act, 2011", "the Harbour Rules,
    2020")? Part of the name: no date, and no count either. A law noun alone ("under the
    Act, 2013 was ...") or after a word in lower case or an acronym ("the revised Code, 2015
    levels", "IMF Rules, 2014" in a list of sources) names no law."""
    if end - start != 1 or not YEAR.match(doc[start].text):
        return False
    comma = _previous(doc, start)
    noun = _previous(doc, comma.i) if comma is not None and comma.text == "," else None
    if noun is None or not noun.is_title or noun.lower_ not in words.law_nouns:
        return False
    name = _previous(doc, noun.i)  # "the Seed Quality Act": a name in capitals stands before the law noun
    # "the Act, 2013 was ...", "the revised Code, 2015 levels ...": no name, the year is a date
    return name is not None and name.is_title and name.is_alpha


STAMP_SEPARATORS = "/|\u2022\u00b7\u2013\u2014-"  # between the parts of a page's time stamp line


def age_stamp(doc: Doc, start: int, end: int, words: DateWords) -> bool:
    """Is an "N units ago" the page's display of its age when viewed ("9 months ago" alone on
    its line, or the last part of a stamp "November 23, 2016 / 1:29 PM / 9 months ago")? It
    counts back from the day the page was viewed, not from the publication date: page
    furniture, no date the article states."""
    if not words.lexicon.has("DATE_AGO", doc[end - 1].lower_):
        return False
    text = doc_text(doc)
    first, last = date_chars(doc, start, end)
    line_start = text.rfind("\n", 0, first) + 1
    line_end = text.find("\n", last)
    before, after = text[line_start:first].rstrip(), text[last : len(text) if line_end < 0 else line_end]
    if after.strip(" .") or (not text[:line_start].strip() and not text[last:].strip()):
        return False  # words after it, or a text that is this line alone
    if not in_page_head(text, line_start):
        return False  # "Two months ago." alone in the body is the article's own short sentence
    return not before or (before[-1] in STAMP_SEPARATORS and any(c.isdigit() for c in before))


def in_page_head(text: str, line_start: int) -> bool:
    """Does the line starting at ``line_start`` stand in the page's head, above its first
    line of running text (no line above it has BODY_LINE_WORDS words)?"""
    return all(len(line.split()) < BODY_LINE_WORDS for line in text[:line_start].splitlines())


def recurs(doc: Doc, start: int, end: int, words: DateWords) -> bool:
    """Is the date a recurring one, no point on the calendar ("every Monday", "meets in
    November every year", "on 1 May of each year", "in June annually")?"""
    prev = _previous(doc, start)
    if prev is not None and prev.lower_ in words.recurring:
        return True
    nxt = _next(doc, end)
    if nxt is not None and nxt.lower_ in words.leading:  # "of each year"
        nxt = _next(doc, nxt.i + 1)
    if nxt is None:
        return False
    if nxt.lower_ in words.recurring_alone:
        return True
    unit = _next(doc, nxt.i + 1)
    return nxt.lower_ in words.recurring and unit is not None and words.lexicon.has("DATE_UNIT", unit.lower_)


def opens_a_compound_unit(doc: Doc, end: int, words: DateWords) -> bool:
    """Is the date's last word joined by a hyphen to a ``DATE_UNIT`` ("the last
    quarter-century", "the past half-century")? The compound is a length of time, and the
    words before it name no quarter or half of a year."""
    if end + 1 >= len(doc) or doc[end].text not in DASHES or doc[end - 1].whitespace_ or doc[end].whitespace_:
        return False
    return doc[end - 1].is_alpha and words.lexicon.has("DATE_UNIT", doc[end + 1].lower_)


class DateComponent(RuleComponent):
    component = DATES

    def __init__(self, nlp: Language, name: str, *, day_order: str = "dmy") -> None:
        self.day_order: DayOrder = "mdy" if day_order == "mdy" else "dmy"
        super().__init__(nlp, name)

    def build(self) -> None:
        super().build()
        self.words = DateWords.of(self.lexicon)
        self._readings: dict[tuple[str, date | None], DateRange | None] = {}

    # -- reading one stretch ------------------------------------------------------------
    def parse(self, text: str, reference: date | None) -> DateRange | None:
        """The resolver's reading of ``text``, with this component's word lists and day order
        (remembered: the resolver is pure, and a batch asks it the same stretches again)."""
        key = (text, reference)
        if key in self._readings:
            return self._readings[key]
        if len(self._readings) >= PARSE_CACHE:
            self._readings.clear()
        value = self._readings[key] = parse_date(text, reference, order=self.day_order, lexicon=self.lexicon)
        return value

    def value_of(self, doc: Doc, start: int, end: int, reference: date | None) -> DateRange | None:
        first, last = date_chars(doc, start, end)
        value = self.parse(doc[start:end].text[: last - first], reference)  # not doc.text: built anew per call
        if value is None:
            return None
        if _whole_years(value) and YEAR.match(doc[start].text) and not acts_as_year(doc, start, self.words):
            return None  # "Agenda 2063", "Strategy 2022-2026", "2000 troops"
        last = end - 1
        if last > start and YEAR.match(doc[last].text) and doc[last - 1].text not in YEAR_JOINERS:
            if counts_something(doc, last, self.words):
                return None  # "last week 2000 delegates": the four digits count the delegates
        return value

    def span_of(self, doc: Doc, start: int, end: int, reference: date | None) -> tuple[int, int] | None:
        """The date without its leading prepositions and trailing signs."""
        words = self.words
        lowers = [t.lower_ for t in doc[start:end]]
        keeps = lowers[0] in words.range_starts and any(w in words.range_words for w in lowers[1:])
        keeps = keeps or (lowers[0] in words.ahead and self._needs_first_word(doc, start, end, reference))
        while start < end and not keeps and doc[start].lower_ in words.leading:
            start += 1
        while start < end and (doc[start].is_space or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].is_space or doc[end - 1].text in TRAILING):
            end -= 1
        return (start, end) if start < end else None

    def _needs_first_word(self, doc: Doc, start: int, end: int, reference: date | None) -> bool:
        """Does the date mean something else without its first word ("in 2 weeks")?"""
        day = reference or SOME_DAY
        return end - start > 1 and self.parse(doc[start + 1 : end].text, day) != self.parse(doc[start:end].text, day)

    # -- runs ---------------------------------------------------------------------------
    def runs(self, doc: Doc, matches: Sequence[Match]) -> list[Run]:
        """The run proposals joined into runs of adjacent tokens of one sentence ("agreed in 2022.
        October was ..." holds two runs); a run of one word or sign alone is dropped, since no
        date is read from one word alone."""
        sentence_starts = Sentences(doc).starts
        joined: list[Run] = []
        for match in sorted((m for m in matches if m.label == RUN), key=lambda m: (m.start, m.end)):
            same_sentence = joined and _sentence_index(sentence_starts, match.start) == _sentence_index(
                sentence_starts, joined[-1].start
            )
            if joined and same_sentence and match.start <= joined[-1].end:
                last = joined[-1]
                joined[-1] = Run(last.start, max(last.end, match.end), last.rules | {match.rule})
            else:
                joined.append(Run(match.start, match.end, frozenset({match.rule})))
        pieces = [piece for run in joined for piece in self._split_at_new_sentences(doc, run)]
        return [run for run in pieces if run.end - run.start > 1 or _has_digit(doc[run.start])]

    def _split_at_new_sentences(self, doc: Doc, run: Run) -> list[Run]:
        """A run cut where a dash is followed by a capitalised word that names no month or
        weekday: a dateline's end ("GENEVA, 3 June – Yesterday the council ..."), no range."""
        pieces, start = [], run.start
        for k in range(run.start + 1, run.end - 1):
            after = doc[k + 1]
            if doc[k].text in DASHES and after.is_title and after.is_alpha:
                if after.lower_ not in self.words.months and after.lower_ not in self.words.weekdays:
                    pieces.append(Run(start, k, run.rules))
                    start = k + 1
        pieces.append(Run(start, run.end, run.rules))
        return [piece for piece in pieces if piece.end > piece.start]

    def annotate(self, doc: Doc) -> None:
        matches = self.find(doc)
        runs = self.runs(doc, matches)
        add_matches(doc, self.on_doc(doc, matches, runs))
        self.process(doc, matches, runs)

    def on_doc(self, doc: Doc, matches: Sequence[Match], runs: Sequence[Run]) -> list[Match]:
        """The matches as the doc keeps them: a run once per line that proposed its tokens,
        not once per token."""
        kept = [m for m in matches if m.label != RUN]
        for run in runs:
            kept.extend(Match(RUN, rule, run.start, run.end) for rule in sorted(run.rules))
        return kept

    def _may_start(self, token: Token) -> bool:
        """Not a space or a word that never starts a date, nor a number after an issue
        marker ("No. 23 June 2011": the date is "June 2011") or a document's title
        ("Bulletin Issue 14 March 2012")."""
        if token.is_space or token.lower_ in self.words.never_starts:
            return False
        if not token.like_num:
            return True
        doc, i = token.doc, token.i
        return not (
            after_marker(doc, i, self.words.not_year_before) or in_document_name(doc, i, self.words.not_year_in_name)
        )

    def _may_end(self, token: Token) -> bool:
        return not (token.is_punct or token.lower_ in self.words.never_ends)

    def _ambiguous(self, tokens: Iterable[Token]) -> bool:
        """ "this may take longer": a lower-case name with no number is a verb, not a month."""
        tokens = list(tokens)
        return not any(_has_digit(t) for t in tokens) and any(
            t.is_lower and t.lower_ in self.words.ambiguous for t in tokens
        )

    def _spelled_year_out_of_context(self, doc: Doc, start: int, end: int, value: DateRange) -> bool:
        """ "two thousand" is a year only after "in", "since", ..."""
        if not (_whole_years(value) and all(self._spells_number(t) for t in doc[start:end])):
            return False
        previous = _previous(doc, start)
        return previous is None or previous.lower_ not in self.words.spelled_year_context

    def _spells_number(self, token: Token) -> bool:
        """Is the token part of a number in words ("two", "thousand", "and", "-")?"""
        return token.text == "-" or token.lower_ in self.words.number_words

    def _longest_at(self, doc: Doc, i: int, run_end: int, reference: date | None) -> tuple[int, DateRange] | None:
        """The longest stretch from ``doc[i]`` that reads as a date: (its end, its value)."""
        for j in range(min(run_end, i + MAX_RUN), i, -1):
            if not self._may_end(doc[j - 1]):
                continue
            if j - i == 1 and doc[i].is_alpha:
                return None  # one word alone ("may", "march", "Sunday") is left to the exact patterns
            if self._ambiguous(doc[i:j]):
                continue
            value = self.value_of(doc, i, j, reference)
            if value is not None and not self._spelled_year_out_of_context(doc, i, j, value):
                return j, value
        return None

    def scan_run(self, doc: Doc, start: int, end: int, reference: date | None) -> list[tuple[int, int, DateRange]]:
        """The dates inside a run: from each token that may start one, the longest stretch read."""
        found = []
        i = start
        while i < end:
            best = self._longest_at(doc, i, end, reference) if self._may_start(doc[i]) else None
            if best is None:
                i += 1
                continue
            found.append((i, best[0], best[1]))
            i = best[0]
        return found

    # -- candidates and claims ----------------------------------------------------------
    def candidates(
        self, doc: Doc, matches: Sequence[Match], reference: date | None, runs: Sequence[Run]
    ) -> list[Candidate]:
        """Every date proposed, as (start, end, (rule, value)): the exact patterns' first, so
        that they win a tie in length; a date found in a run takes the rule that proposed
        its first token. ``runs`` are the matches' runs, joined once per doc (``runs``)."""
        exact: list[Candidate] = []
        proposed_by: dict[int, str] = {}
        for match in matches:
            if match.label == RUN:
                for i in range(match.start, match.end):
                    proposed_by.setdefault(i, match.rule)
                continue
            if match.label == FISCAL:
                continue
            span = self.span_of(doc, match.start, match.end, reference)
            if span is not None and not self._may_start(doc[span[0]]):
                continue  # "No. 14 March 2012": the run reads "March 2012"
            value = None if span is None else self.value_of(doc, span[0], span[1], reference)
            if span is not None and value is not None:
                exact.append((span[0], span[1], (match.rule, value)))
        from_runs: list[Candidate] = []
        for run in runs:
            if not holds_a_date_word(doc, run.start, run.end, self.words.connectors):
                continue  # "in the", ", and the": nothing in it reads as a date
            for start, end, value in self.scan_run(doc, run.start, run.end, reference):
                span = self.span_of(doc, start, end, reference)
                if span is not None:
                    from_runs.append((span[0], span[1], (proposed_by[span[0]], value)))
        return exact + from_runs

    def process(self, doc: Doc, matches: list[Match], runs: Sequence[Run] | None = None) -> None:
        reference = published(doc)
        runs = self.runs(doc, matches) if runs is None else runs
        found = []
        for start, end, (rule, value) in self.candidates(doc, matches, reference, runs):
            if self.left_out(doc, start, end):
                leave_out(doc, "date", start, end, rule)
            else:
                found.append((start, end, (rule, value)))
        for match in matches:
            if match.label == FISCAL and is_fiscal_year(doc[match.start : match.end].text):
                leave_out(doc, "date", match.start, match.end, match.rule)
        for start, end, (rule, (first_day, last_day)) in select_longest(found):
            if site_header_date(doc, start, end, (first_day, last_day), reference, self.words):
                leave_out(doc, "date", start, end, rule)
                continue
            first, last = date_chars(doc, start, end)
            add_claim(doc, "date", first, last, rule, {"start_date": first_day, "end_date": last_day})
        if reference is None:
            self.warn_if_relative(doc, matches, found, runs)

    def left_out(self, doc: Doc, start: int, end: int) -> bool:
        """A date read that is no calendar point here: a weekday in a name, a title, a
        recurrence, the first part of a compound duration."""
        return (
            weekday_in_name(doc, start, end, self.words)
            or deictic_in_title(doc, start, end, self.words)
            or recurs(doc, start, end, self.words)
            or opens_a_compound_unit(doc, end, self.words)
            or age_stamp(doc, start, end, self.words)
            or year_of_a_law(doc, start, end, self.words)
            or (end - start == 1 and start > 0 and glued_to_a_code(doc, doc[start - 1]))
        )

    def warn_if_relative(
        self, doc: Doc, matches: Sequence[Match], found: Sequence[Candidate], runs: Sequence[Run]
    ) -> None:
        """Relative dates are left out without a publication date: say so, once per doc."""
        kept = Intervals((a, b) for a, b, _ in found)
        relative = sorted(
            {
                (start, end)
                for start, end, _ in select_longest(self.candidates(doc, matches, SOME_DAY, runs))
                if not kept.holds(start, end) and not self.left_out(doc, start, end)
            }
        )
        if relative:
            examples = ", ".join(repr(doc[a:b].text) for a, b in relative[:3])
            warn(doc, Code.W101, examples=examples + (", ..." if len(relative) > 3 else ""))


@Language.factory(
    DATES,
    requires=["token.is_sent_start", "doc._.pc_published"],
    assigns=["doc.spans", "span._.pc_date", "doc._.pc_warnings"],
    default_config={"day_order": "dmy"},
)
def make_date_component(nlp: Language, name: str, *, day_order: str) -> DateComponent:
    return DateComponent(nlp, name, day_order=day_order)
