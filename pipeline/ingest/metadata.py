"""Article metadata from the text itself: title, author (without honorifics), publication date.

The head of an article (its lines up to the first paragraph of running text) states the
metadata in a handful of layouts, and this module reads them all the same way:

* a headline, then a byline or a date line ("By Mr. X, Executive Director",
  "Prepared by: X", "20 October 2025", "Posted June 7, 2023 by X", "20/11/2025 • X");
* a masthead or letterhead (the name of a publication or an organization), a site date
  ("Monday, 9 March 2020 14:05"), then the headline under it;
* a dateline opening the first paragraph, in any case ("ISLAMABAD, 14 March 2023 –",
  "Berlin, 18 April 2024 –", "DAKAR, 2nd March, 2019 (APS) –"), with or without a year
  ("KHARTOUM, 3 May –": the year is the one the other dates of the page give);
* a sentence saying when the item was issued ("The statement issued by X on 3 May 2021.");
* page furniture anywhere among them, never a title: category labels ("Category: Press
  Releases"), listing counters ("Displaying 1 - 3 of 3", "Read 649 times"), breadcrumbs,
  share buttons, numbered section headings.

The words these decisions rest on are word lists in ``patterns/metadata.jsonl`` (and the
organizations' head nouns); this module holds the mechanism. ``extract_metadata`` also
weighs what a reader found in the file's own metadata (an HTML page's headline and tags,
a PDF's document info) against what the text says (see ``combine``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..lexicon import Lexicon
from ..normalize.dates import DayOrder, parse_published
from ..patterns import default_lexicon

HEAD_LINES = 30
LINE_LIMIT = 300  # longer lines are running text: no byline, label or date line is read in them
BODY_WORDS = 12  # a line of this many words that ends a sentence is running text, not the head
PROMO_WORDS = 8  # a promotional label ("Content from our sponsor") is a line this short at most
STANDFIRST_LINES = 2  # a date alone this few lines under a standfirst still dates the article
DATE_ALONE_WORDS = 8  # ... when its line is this short
NAME_LINE_WORDS = 4  # an unlabelled byline's name has this many words at most ("Ana M. de Lima")
LABEL_WORDS = 4  # a section label above a headline ("Peace and Security") is this short at most
CAPS_HEADLINE_WORDS = 4  # a line in capitals is a headline with this many words at least (not "PRESS RELEASE")
NAME_ENDS = re.compile(
    r",|;|\s[|\u00b7\u2022\u2013\u2014/]\s|\s-\s|\(|\s(?:of|for|at|in)\s"
)  # "Jane Roe of X": an affiliation; "Li Wei in Beijing": a place
NAME_LIST = re.compile(r",\s+(?:and\s+)?|\s+(?:and|&)\s+")  # "Jane Roe, John Smith and Ana Lima"
BULLET = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25cf\u25ba\u2023*]|-(?=\s))\s*")
SEPARATOR = r"\s[|\u00b7\u2022\u2013\u2014/\u00bb\u203a>]\s|\s-\s"
TITLE_PARTS = re.compile(SEPARATOR + r"|\s[:\u2013\u2014]\s")  # "Headline | Site", "Site: Headline"
# a dash after a dateline's date, spaced or glued to the next word ("2001 \u2013The", "(Agency)\u2013The")
DASH_AFTER_DATE = r"\s[\u2013\u2014-]{1,2}(?:\s|$)|\s?[\u2013\u2014]{1,2}(?=[A-Z\"\u201c])|\s-{1,2}(?=[A-Z])"
# "PLACE, DATE –", ":", ".", or a credit with no dash after it ("New Delhi, May 3 (Agency) The ...")
DATELINE_END = re.compile(DASH_AFTER_DATE + r"|\s?:\s|\.\s+(?=[A-Z])|\s\([^()]{1,40}\)\s+(?=[A-Z])")
PLACE_PARTS = re.compile(r",|\s[\u2013\u2014-]\s")  # "Rome, Italy", "ROME – 3 May 2023"
NUMERIC_DATE = re.compile(r"\b\d{1,2}([/.-])\d{1,2}\1\d{4}\b")  # "05/03/2023": its day order may be either
PLACE_WORDS = 5  # a dateline's place has this many words at most ("PORT OF SPAIN")
LEAD_END = re.compile(DASH_AFTER_DATE + r"|\.\s+(?=[A-Z])")  # after a date opening a paragraph
PLACE_MARKS = str.maketrans("", "", "[]()")  # "Manila [Philippines]"
CREDIT = re.compile(r"\s*(?:\([^()]{1,40}\)|/[^/]{1,40}/)\s*$")  # "(WAM)", "/Newswire/" after a dateline's date
BRACKETED_DATE = re.compile(r"^(?P<place>[^()]{1,40}?)\s*\((?P<date>[^()]{4,40})\)\s*$")  # "GENEVA (12 March 2024)"
# "MOSCOW (Agency News / Wire - 12th October, 2020) The ...": the credit and the date in one parenthesis
CREDITED_DATELINE = re.compile(
    r"^(?P<place>[^()]{1,40}?)\s*\((?P<inner>[^()]{4,80})\)\s*(?:[\u2013\u2014:-]{1,2}\s*)?(?=[A-Z\"\u201c])"
)
CREDIT_PARTS = re.compile(r"\s[|\u00b7\u2022\u2013\u2014/-]\s|,\s")  # "Agency / Wire - DATE", "Agency, DATE"
CREDIT_WORDS = 4  # "Xinhua, June 27, 2010": a credit before a date that ends a head line has this many words at most
SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.\s+\S|^\d{1,2}(?:\.\d{1,2})+\s+[A-Z]")
HEADLINE_MARKS = re.compile(r"[:?!\"\u201c\u201d]")  # punctuation a name does not hold
YEAR = re.compile(r"(?<![\d.,/-])(?:1[89]|20)\d{2}(?![\d.,]\d)")
WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
FILE_NAME = re.compile(r"^\S+\.(?:docx?|pdf|rtf|odt|pptx?|xlsx?|html?|indd)$|^(?:microsoft \w+ - )", re.IGNORECASE)
DATELINE_WORDS = 8  # a dateline line with more words than this goes on with the article's first sentence
LEAP_YEAR = 2000  # the year a dateline's day and month are read with when it gives none


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
    updated: re.Pattern[str]
    issued: re.Pattern[str]
    title: re.Pattern[str]
    byline_parts: re.Pattern[str]
    name_tail: re.Pattern[str]
    time_tail: re.Pattern[str]
    furniture: re.Pattern[str]
    promo: re.Pattern[str]
    listing: frozenset[str]
    not_person: frozenset[str]
    masthead: frozenset[str]
    small: frozenset[str]
    not_name_start: frozenset[str]
    author_role: frozenset[str]
    weekdays: dict[str, int]
    label_small: frozenset[str]
    full_date: re.Pattern[str]
    time_head: re.Pattern[str]
    date_tail: re.Pattern[str]
    place_small: frozenset[str]
    place_opener: frozenset[str]
    date_end: re.Pattern[str] = re.compile("(?!)")  # ", DATE" ending a line ("Xinhua, June 27, 2010")
    not_headline: re.Pattern[str] = re.compile("(?!)")  # NOT_HEADLINE_OPENER: "Skip to", "Photo:", "Latest news"
    social: frozenset[str] = frozenset()  # SOCIAL_WORD: a share row ("Facebook Twitter Email")
    news_masthead: frozenset[str] = frozenset()  # MASTHEAD_NOUN: a news credit's last word ("Harbour Wire")
    furniture_phrase: re.Pattern[str] = re.compile("(?!)")  # FURNITURE_PHRASE anywhere: "Click to print"
    release_label: re.Pattern[str] = re.compile("(?!)")  # RELEASE_LABEL anywhere: "EMBARGOED UNTIL ..."
    abbreviations: frozenset[str] = frozenset()  # ABBREVIATION, TITLE_ABBREVIATION: "U.S.", "Inc." end no sentence
    reading_time: re.Pattern[str] = re.compile("(?!)")  # "- 6 min read ..." after a date (READ_TIME_WORD)

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> MetadataRules:
        dates = _alternatives(lexicon.words("DATE_LABEL"))
        updates = _alternatives(lexicon.words("UPDATE_LABEL"))
        months = _alternatives(lexicon.words("MONTH"))
        # "Published on 3 May", "Published: 3 May", "Published in The Weekly Review, 3 May" (where it first appeared)
        date_line = (
            r")(?:\s+in\s+[^,;:]{2,60}?(?:,|\s+on\b))?(?:\s+on)?\s*:?\s*(?P<date>.+?)"
            r"(?:\s+by\s*:?\s+(?P<author>\S.*?))?\s*$"
        )
        masthead = lexicon.words("ORG_NOUN") | lexicon.words("MASTHEAD_NOUN")
        return cls(
            honorifics=re.compile(r"^(?:(?:" + _alternatives(lexicon.words("HONORIFIC")) + r")\.?\s+)+", re.IGNORECASE),
            postnominals=re.compile(
                r",?\s+(?:" + _alternatives(lexicon.words("POSTNOMINAL")) + r")\.?$", re.IGNORECASE
            ),
            byline=re.compile(
                r"^(?:"
                + _alternatives(lexicon.words("BYLINE_LABEL"))
                + r")(?:\s*:?\s+|(?-i:(?=[A-Z][a-z])))(?P<rest>.+)$",
                re.IGNORECASE,
            ),
            published=re.compile(r"^(?:" + dates + date_line, re.IGNORECASE),
            updated=re.compile(r"^(?:" + updates + date_line, re.IGNORECASE),
            issued=re.compile(
                r"\b(?:" + _alternatives(lexicon.words("ISSUE_VERB")) + r")\b[^.;]{0,120}?\son\s+"
                r"(?P<date>[^.;]{4,40}?)\s*[.;]?\s*$",
                re.IGNORECASE,
            ),
            title=re.compile(  # "Title: X", "[Title] X"
                r"^(?:(?:"
                + _alternatives(lexicon.words("TITLE_LABEL"))
                + r")\s*:|\[(?:"
                + _alternatives(lexicon.words("TITLE_LABEL"))
                + r")\])\s*(?P<title>.+)$",
                re.IGNORECASE,
            ),
            byline_parts=re.compile(
                r"\s[|\u00b7\u2022\u2013\u2014/]\s|\s-\s|,\s(?=(?:" + dates + r")\b)", re.IGNORECASE
            ),
            name_tail=re.compile(
                r"\s(?:(?:" + dates + "|" + updates + r")\b|on\s+(?:\d|(?:" + months + r")\b)|\d)", re.IGNORECASE
            ),
            time_tail=re.compile(
                r"(?:\s*(?:,|\bat\b|@|\||[\u2013\u2014-]))?\s+\d{1,2}(?:[:.h]\d{2}){1,2}"
                r"(?:\s*\(?(?:"
                + _alternatives(lexicon.words("TIME_WORD"))
                + r")\.?(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)*\s*$",
                re.IGNORECASE,
            ),
            furniture=re.compile(
                r"^(?:" + _alternatives(lexicon.words("FURNITURE_LABEL")) + r")\s*(?::|$|" + SEPARATOR + ")",
                re.IGNORECASE,
            ),
            promo=re.compile(r"^(?:" + _alternatives(lexicon.words("PROMO_LABEL")) + r")\b", re.IGNORECASE),
            listing=lexicon.words("LISTING_WORD"),
            not_person=masthead | lexicon.words("NOT_PERSON_WORD"),
            masthead=masthead,
            small=lexicon.words("NAME_SMALL_WORD"),
            not_headline=re.compile(
                r"^(?:" + _alternatives(lexicon.words("NOT_HEADLINE_OPENER")) + r")(?![^\W_])", re.IGNORECASE
            ),
            social=frozenset(w.casefold() for w in lexicon.words("SOCIAL_WORD")),
            news_masthead=lexicon.words("MASTHEAD_NOUN"),
            reading_time=re.compile(
                r"\s*(?:[-|\u2013\u2014\u00b7\u2022]\s*)?\d{1,3}\s*(?:"
                + _alternatives(lexicon.words("READ_TIME_WORD"))
                + r")(?![^\W_]).*$",
                re.IGNORECASE,
            ),
            furniture_phrase=re.compile(
                r"(?<![^\W_])(?:" + _alternatives(lexicon.words("FURNITURE_PHRASE")) + r")", re.IGNORECASE
            ),
            release_label=re.compile(
                r"(?<![^\W_])(?:" + _alternatives(lexicon.words("RELEASE_LABEL")) + r")(?![^\W_])", re.IGNORECASE
            ),
            abbreviations=frozenset(
                w.casefold() for w in lexicon.words("ABBREVIATION") | lexicon.words("TITLE_ABBREVIATION")
            ),
            not_name_start=lexicon.words("NOT_NAME_START"),
            author_role=lexicon.words("AUTHOR_ROLE_WORD") | lexicon.words("PERSON_ROLE"),
            weekdays=dict(lexicon.table("WEEKDAY")),
            label_small=lexicon.words("NAME_SMALL_WORD") - lexicon.words("SURNAME_PREFIX"),
            place_small=lexicon.words("PLACE_SMALL_WORD"),
            place_opener=lexicon.words("PLACE_OPENER_WORD"),
            time_head=re.compile(
                r"^\d{1,2}(?:[:.h]\d{2}){1,2}(?:\s*\(?(?:"
                + _alternatives(lexicon.words("TIME_WORD"))
                + r")\.?(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)*\s*(?:,|\||\bon\b|[\u2013\u2014-])?\s*(?=\S)",
                re.IGNORECASE,
            ),
            date_tail=re.compile(
                r"\s+(?:" + _alternatives(lexicon.words("DATE_TAIL_WORD")) + r")\s+\S.*$", re.IGNORECASE
            ),
            date_end=re.compile(
                r",\s+(?P<date>\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:" + months + r")\.?,?\s+(?:1[89]|20)\d{2}"
                r"|(?:" + months + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:1[89]|20)\d{2})\s*$",
                re.IGNORECASE,
            ),
            full_date=re.compile(
                r"(?:\b(?P<target>" + _alternatives(lexicon.words("TARGET_WORD")) + r")\s+(?:the\s+)?)?"
                r"\b(?P<date>\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:" + months + r")\.?,?\s+(?:1[89]|20)\d{2}"
                r"|(?:" + months + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:1[89]|20)\d{2}"
                r"|(?:1[89]|20)\d{2}-\d{2}-\d{2})(?![\d-])",
                re.IGNORECASE,
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


# -- authors ---------------------------------------------------------------------------
def _words(text: str) -> list[str]:
    return WORD.findall(text)


def is_person(name: str, rules: MetadataRules) -> bool:
    """A person's name ("Jane Roe", "Ana M. Lima and Li Wei"), not an institution's ("UNHCR",
    "the Secretariat", "UN News Staff", "Department for Business and Trade"): two or more
    capitalised words, no organization or masthead noun, no desk word (staff, team)."""
    words = _words(name)
    if len(words) < 2 or len(words) > 8:
        return False
    folded = [w.casefold().rstrip(".") for w in words]
    if folded[0] in rules.not_name_start or any(w in rules.not_person for w in folded):
        return False
    if opens_with_acronym(words):  # "PIB Delhi", "UNB Dhaka": an agency and its desk
        return False
    capitalised = [w for w, f in zip(words, folded, strict=True) if f not in rules.small]
    return len(capitalised) >= 2 and all(w[:1].isupper() for w in capitalised)


AGENCY_LETTERS = 3  # an agency's acronym before its desk has this many capitals at least ("PIB Delhi")
DESK_WORDS = 2  # ... and its place or desk this many words at most ("PTI New Delhi")


def opens_with_acronym(words: Sequence[str]) -> bool:
    """Does a name read as an agency and its desk: an acronym (AGENCY_LETTERS or more
    capitals, no dots) and then a place or desk of at most DESK_WORDS words in lower case
    letters ("PIB Delhi", "PTI New Delhi")? Two capitals are a person's initials written
    without dots ("AK Abdul Momen", "TJ Kim"); a person's name in capitals is capitals
    throughout ("JANE ROE"), or puts the surname last ("Jane ROE")."""
    first, rest = words[0], words[1:]
    return (
        len(first) >= AGENCY_LETTERS
        and first.isupper()
        and first.isalpha()
        and 0 < len(rest) <= DESK_WORDS
        and all(not w.isupper() for w in rest)
    )


def clean_author(text: str, lexicon: Lexicon | None = None) -> str | None:
    """``"Mr. Khalid Taimur Akram, Executive Director, ..."`` -> "Khalid Taimur Akram";
    ``"Jane Roe Posted: 3 May 2021"`` -> "Jane Roe"; an institution's byline -> None."""
    return author_of(text, rules_of(lexicon))


def author_of(text: str, rules: MetadataRules) -> str | None:
    """``clean_author`` with the rules at hand: a list of names whole, else the first name
    before an affiliation or a role; a date or update part ("Updated: June 1") is no name."""
    text = text.strip()
    if rules.published.match(text) or rules.updated.match(text):
        return None
    names = name_list(text, rules)
    if names is not None:
        return names
    name = NAME_ENDS.split(text, maxsplit=1)[0]
    name = rules.name_tail.split(name, maxsplit=1)[0].strip()
    name = rules.honorifics.sub("", name).strip()
    name = rules.postnominals.sub("", name).strip(" .*_")
    if not name or not name[:1].isupper() or not is_person(name, rules):
        return None
    return name


def name_list(text: str, rules: MetadataRules) -> str | None:
    """A byline of several names parted by commas and "and" ("Jane Roe, John Smith and Ana
    Lima"), each a person's name with no role word ("Jane Roe, Senior Fellow" is one name)."""
    parts = NAME_LIST.split(text.strip(" .*_"))
    if len(parts) < 3 or "," not in text:  # two names with "and" are read whole already
        return None
    for part in parts:
        words = {w.casefold() for w in _words(part)}
        if not is_person(part, rules) or words & rules.author_role or NAME_ENDS.search(part):
            return None
    return text.strip(" .*_")


# -- dates -----------------------------------------------------------------------------
Reader = Callable[[str], date | None]


def _day(text: str, rules: MetadataRules, read: Reader) -> date | None:
    """The single day a date line names, with its weekday, time and trailing marks
    ("Monday, 9 March 2020 14:05", "Feb 4th, 2021 |")."""
    text = text.strip(" *_|\u2022\u00b7,")
    if not text or len(text) > 60:
        return None
    found = read(text)
    if found is None:
        bare = bare_date(text, rules)
        if bare != text and bare:
            found = read(bare)
    return by_weekday(found, text, rules)


def by_weekday(found: date | None, text: str, rules: MetadataRules) -> date | None:
    """A numeric day read in the other day order when the weekday written with it says so
    ("Wed, 05/03/2023" is Wednesday 3 May, not Sunday 5 March)."""
    numeric = NUMERIC_DATE.search(text)
    if found is None or numeric is None:
        return found
    weekday = next((rules.weekdays[w] for w in map(str.casefold, _words(text)) if w in rules.weekdays), None)
    if weekday is None or found.weekday() == weekday:
        return found
    try:
        swapped = date(found.year, found.day, found.month)
    except ValueError:
        return found
    return swapped if swapped.weekday() == weekday else found


def bare_date(text: str, rules: MetadataRules) -> str:
    """A date line without its time of day, before or after the date ("10:32 AM EDT, May 3,
    2023", "3 May 2023 14:05 GMT"), and without the words after it ("3 May 2023 in Press
    Releases", "03 MAY 2023 6:45PM by PIB Delhi") or a reading time ("May 4, 2022 - 6 min read")."""
    text = rules.time_head.sub("", text)
    text = rules.reading_time.sub("", text)
    text = rules.date_tail.sub("", text)
    return rules.time_tail.sub("", text).strip(" ,|")


def _day_and_month(text: str, rules: MetadataRules, read: Reader) -> tuple[int, int] | None:
    """(month, day) of a date written without its year ("3 May", "May 3")."""
    text = text.strip(" ,")
    if not text or not any(c.isdigit() for c in text) or YEAR.search(text):
        return None
    found = _day(f"{text} {LEAP_YEAR}", rules, read)
    return (found.month, found.day) if found is not None else None


def _is_place(part: str, rules: MetadataRules) -> bool:
    """A dateline's place, in capitals or title case: "NEW YORK", "Berlin", "D.C.", "Manila
    [Philippines]", with small words inside it ("Dar es Salaam", "PORT OF SPAIN")."""
    words = part.translate(PLACE_MARKS).strip("*_ ").split()
    if not 0 < len(words) <= PLACE_WORDS or any(any(c.isdigit() for c in w) for w in words):
        return False
    inner = words[1:-1]
    return all(w[:1].isupper() or (w in inner and w.casefold() in rules.place_small) for w in words)


def _place_and_date(text: str, rules: MetadataRules, read: Reader) -> Dateline | None:
    """The date of a dateline's text before its dash: one or two places then the date
    ("LIMA, Peru, 3 May 2023", "ROME – 3 May 2023"), or the date then the place
    ("3 May 2023, Rome")."""
    parts = [part.strip(" *_") for part in PLACE_PARTS.split(CREDIT.sub("", text))]
    for cut in range(1, min(3, len(parts))):
        if not all(_is_place(part, rules) for part in parts[:cut]):
            break
        rest = ", ".join(parts[cut:])
        found = _day(rest, rules, read)
        if found is not None:
            return Dateline(published=found)
        month_day = _day_and_month(rest, rules, read)
        if month_day is not None:
            return Dateline(month_day=month_day)
    for cut in range(len(parts) - 1, max(0, len(parts) - 3), -1):
        if not all(_is_place(part, rules) for part in parts[cut:]):
            break
        found = _day(", ".join(parts[:cut]), rules, read)
        if found is not None:
            return Dateline(published=found)
    return None


@dataclass(frozen=True)
class Dateline:
    published: date | None = None
    month_day: tuple[int, int] | None = None  # when the dateline gives no year


def read_dateline(line: str, rules: MetadataRules, read: Reader) -> Dateline | None:
    """The date of a dateline opening a paragraph: "PLACE, DATE –" (one or two places, an
    agency credit in parentheses after the date), "PLACE (DATE) –" or "PLACE (Agency - DATE)
    The ..."; None for any other line."""
    credited = credited_dateline(line, rules, read)
    if credited is not None:
        return Dateline(published=credited)
    for end in DATELINE_END.finditer(line[:100]):
        bracketed = BRACKETED_DATE.match(line[: end.start()])
        if bracketed and _is_place(bracketed.group("place"), rules):  # "GENEVA (12 March 2024) –"
            found = _day(bracketed.group("date"), rules, read)
            if found is not None:
                return Dateline(published=found)
        dateline = _place_and_date(line[: end.start()], rules, read)
        if dateline is not None:
            return dateline
    return None


INLINE_REACH = 200  # a dateline run into a flattened head line starts this early in it at most
INLINE_START = re.compile(r"(?<=\s)(?=[A-Z(])")
# a dateline is followed by the start of a sentence ("... (AFP) The ...", "...): The ..."),
# never by the rest of one ("as noted in his statement (New York: 3 May 2022) the crisis ...")
SENTENCE_START = r"(?:[-\u2013\u2014]+\s+)?(?=[\"\u201c\u2018']?[A-Z\d])"
# "Geneva, March 30 (AFP) ...": a place, a date and an agency's credit in parentheses
INLINE_CREDIT = re.compile(r"^[^()]{4,60}?\s\([A-Z][A-Za-z]{1,15}\)\s+" + SENTENCE_START)
# "(New York: 18 November 2003): The ...": the place and the date in one parenthesis
PAREN_DATELINE = re.compile(r"^\((?P<place>[^():]{2,40}):\s*(?P<date>[^()]{4,40})\)\s*:?\s+" + SENTENCE_START)


def inline_dateline(line: str, rules: MetadataRules, read: Reader) -> tuple[int, Dateline] | None:
    """A dateline inside the first line of a page whose head was flattened into its first
    paragraph ("Headline Geneva, March 30 (AFP) Mar 30, 2025 The federation ...", "... (New
    York: 18 November 2003): The Secretary-General ..."): where it starts and its date. The
    place starts at the last capitalised word that reads as one (with the words in capitals
    before it: "NEW YORK"), so the headline before it keeps its own last name."""
    found: tuple[int, Dateline] | None = None
    for start in INLINE_START.finditer(line, 1, INLINE_REACH):
        rest = line[start.start() :]
        paren = PAREN_DATELINE.match(rest)
        if paren and _is_place(paren.group("place"), rules):
            day = _day(paren.group("date"), rules, read)
            if day is not None:
                return start.start(), Dateline(published=day)
        if INLINE_CREDIT.match(rest) is None:
            continue
        dateline = read_dateline(rest, rules, read)
        if dateline is not None:
            found = (start.start(), dateline)
    if found is None:
        return None
    cut, dateline = found
    words = line[:cut].split()
    if line[cut:].split(",", 1)[0].isupper():  # "NEW YORK": a place's first words in capitals are part of it
        while words and words[-1].isupper() and words[-1].isalpha() and _opens_place(words, rules):
            cut = line.rindex(words.pop(), 0, cut)
    return cut, dateline


def _opens_place(words: Sequence[str], rules: MetadataRules) -> bool:
    """Does the last of ``words`` (in capitals, right before a dateline's place in capitals)
    open that place: a PLACE_OPENER_WORD ("NEW YORK", "ADDIS ABABA"), or a small word inside
    it with a word before it ("DAR ES SALAAM")? Any other word in capitals ends the headline
    before it ("... between the UN and NATO GENEVA, ...")."""
    word = words[-1].casefold()
    if word in rules.place_opener:
        return True
    return word in rules.place_small and len(words) > 1 and words[-2].isupper()


def read_inline_dateline(head: Head, index: int, rules: MetadataRules, read: Reader) -> bool:
    """The dateline inside the first line of running text when nothing above it dated the
    page (see ``inline_dateline``), and the headline before it; whether one was found. Its
    date is dropped again when a later head line states one (``drop_inline_date``)."""
    found = inline_dateline(head.lines[index], rules, read) if not head.dates else None
    if found is None:
        return False
    cut, dateline = found
    head.inline_date = DateFound(DATELINE_RANK, index, dateline.published, dateline.month_day)
    head.dates.append(head.inline_date)
    before = head.lines[index][:cut].strip()
    if is_inline_headline(before, rules):
        head.inline_title = before
    return True


INLINE_HEADLINE_WORDS = 20  # a headline run into the dateline has this many words at most


def is_inline_headline(text: str, rules: MetadataRules) -> bool:
    """Is the text before a dateline on a flattened first line its headline: headline-like, no
    masthead, no label's colon inside ("Embargoed until: ..."), not too long; in capitals too
    ("PORT AND CITY SIGN A DEAL LISBON, ...": nothing else on that line is a headline)."""
    if ":" in text or len(text.split()) > INLINE_HEADLINE_WORDS:
        return False
    return _is_headline(text, rules, capitals=True) and not is_masthead(text, rules)


def credited_dateline(line: str, rules: MetadataRules, read: Reader) -> date | None:
    """The date of a dateline whose parenthesis holds an agency credit and then the date
    ("MOSCOW (Agency News / Wire - 12th October, 2020) The ...", "LIMA (Agency, 3 May 2023) -"):
    the first text after a separator of the parenthesis that is a day."""
    found = CREDITED_DATELINE.match(line[:140])
    if found is None or not _is_place(found.group("place"), rules):
        return None
    inner = found.group("inner")
    for part in CREDIT_PARTS.finditer(inner):
        day = _day(inner[part.end() :], rules, read)
        if day is not None:
            return day
    return None


def credit_date(line: str, rules: MetadataRules, read: Reader) -> date | None:
    """The date that ends a short head line after a comma, with a credit or a place before
    it ("Xinhua, June 27, 2010", "Print E-mail Xinhua, June 27, 2010", "Brussels, 3
    September 2020"): at most CREDIT_WORDS words before it, all capitalised (a sentence such
    as "The call closes on Friday, 31 January 2025" is none)."""
    found = rules.date_end.search(line)
    if found is None or ":" in line[: found.start()] or rules.not_headline.match(line):
        return None  # "Photo: Reuters, 3 March 2019": a caption's credit dates the picture
    before = line[: found.start()].split()
    words = [w for w in before if any(c.isalpha() for c in w)]
    if not words or len(before) > CREDIT_WORDS or not all(w[:1].isupper() for w in words):
        return None
    if any(w.casefold().strip(",.") in rules.weekdays for w in words):
        return None  # "Friday, 31 January 2025" is read whole as a date line
    if not is_credit_name(words, rules):
        return None
    return _day(found.group("date"), rules, read)


# a release's reference before its date on the date line: "014TRS/Budget 9 May 2006", "MR 12/2019 3 May 2019"
# a part with a figure and a slash or hyphen ("12/2019", "PR-14"), or opening with a figure and
# holding a letter ("014TRS/Budget"); a name with its number after it is an event's ("COP28", "G20", "Expo2020")
CODE_PART = re.compile(r"(?=\S*\d)(?:\S*[/-]\S*|\d\S*[^\W\d_]\S*)")
CODE_WORDS = 2  # a release reference has this many words at most


def tagged_date(line: str, rules: MetadataRules) -> bool:
    """A short line of one or two words before a full date that ends it ("COP28 1 December
    2023", "014TRS/Budget 9 May 2006"): a date line, with a release code or an event's tag,
    never a headline."""
    words = line.split()
    if len(words) > DATE_ALONE_WORDS:
        return False
    return any(
        rules.full_date.fullmatch(" ".join(words[cut:])) is not None
        for cut in range(1, min(CODE_WORDS, len(words) - 1) + 1)
    )


def coded_date(line: str, rules: MetadataRules, read: Reader) -> date | None:
    """The date of a date line whose release reference stands before the date ("014TRS/Budget
    9 May 2006", "MR 12/2019 3 May 2019"): one or two words before a full date that ends the
    line, one of them a code (a figure with a slash or a hyphen, or a figure then letters in
    one word: no event's name and number, "COP28 1 December 2023" dates the event)."""
    words = line.split()
    if len(words) > DATE_ALONE_WORDS:
        return None
    for cut in range(1, min(CODE_WORDS, len(words) - 1) + 1):
        code, rest = words[:cut], " ".join(words[cut:])
        if not any(CODE_PART.fullmatch(part) for part in code) or rules.full_date.fullmatch(rest) is None:
            continue
        return _day(rest, rules, read)
    return None


def is_credit_name(words: Sequence[str], rules: MetadataRules) -> bool:
    """Does a short head line's name before its date read as a news agency's or a place's
    credit: the words after any share-row words ("Print E-mail Xinhua" -> "Xinhua") are one
    word ("Xinhua", "Brussels") or end with a masthead noun ("Harbour Wire", "Daily News")?
    An event's or a document's name ("Water Forum", "Paris Agreement") is none: a speech
    page or a caption dates the event, not the page."""
    folded = [w.casefold().strip(",.") for w in words]
    last_social = max((i for i, w in enumerate(folded) if w in rules.social), default=-1)
    name = folded[last_social + 1 :]
    return len(name) == 1 or (len(name) > 1 and name[-1] in rules.news_masthead)


def read_lead_date(line: str, rules: MetadataRules, read: Reader) -> date | None:
    """The date opening a paragraph without a place ("3 May 2021 – The board ...",
    "16 October 2013. At a side event ..."): a reposted item's own date, which a date
    line of the page outranks."""
    end = LEAD_END.search(line[:50])
    if end is None or _day(line[end.end() :], rules, read) is not None:  # none, or a range "20 April - 21 April 2022"
        return None
    return _day(CREDIT.sub("", line[: end.start()]), rules, read)  # "May 3, 2023 (Agency) --"


def _with_year(month_day: tuple[int, int], year: int, latest: date | None = None) -> date | None:
    """The day in ``year``, or in the year before when that would fall after ``latest``."""
    try:
        found = date(year, *month_day)
        if latest is not None and found > latest:
            found = date(year - 1, *month_day)
    except ValueError:
        return None
    return found


def text_dates(text: str, rules: MetadataRules, read: Reader) -> list[date]:
    """The full dates the text writes ("2 January 2024", "May 3, 2023"), without targets
    ("by 31 December 2030", "until 1 June 2025": a TARGET_WORD before them)."""
    found = (read(match.group("date")) for match in rules.full_date.finditer(text[:20000]) if not match.group("target"))
    return [day for day in found if day is not None]


def year_of_text(text: str, lexicon: Lexicon | None = None) -> int | None:
    """The year an article is about: the one its full dates write most often (the latest of
    a tie); bare years ("in 2026", "since 1998") are targets or history, never counted."""
    rules = rules_of(lexicon)
    counts = Counter(day.year for day in text_dates(text, rules, lambda value: parse_published(value, lexicon=lexicon)))
    if not counts:
        return None
    return max(counts, key=lambda year: (counts[year], year))


def nearest_day(month_day: tuple[int, int], dates: Sequence[date]) -> date | None:
    """A yearless day ("28 December") in the year that puts it nearest to the text's dates
    of their most frequent year (a dateline of 28 December with a date of 2 January 2024
    is 2023-12-28)."""
    counts = Counter(day.year for day in dates)
    if not counts:
        return None
    year = max(counts, key=lambda y: (counts[y], y))
    around = [day for day in dates if day.year == year]
    candidates = []
    for candidate_year in (year - 1, year, year + 1):
        try:
            candidates.append(date(candidate_year, *month_day))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda day: (min(abs((day - other).days) for other in around), -day.year))


# -- the lines of the head -------------------------------------------------------------
def _is_listing(line: str, rules: MetadataRules) -> bool:
    """A listing counter or a view count: "Displaying 1 - 3 of 3", "Read 649 times", "Page 2",
    also inside a short line in lower case ("You are on page 1 of 5")."""
    words = line.split()
    if len(words) > 8 or not any(c.isdigit() for c in line) or _capitalised_words(words) > MAX_LISTING_CAPITALS:
        return False  # "Solar Output Up 3 Times" is a headline

    def counter_at(end: int, beside: int) -> bool:
        return words[end].strip("():,.").casefold() in rules.listing and any(c.isdigit() for c in words[beside])

    if len(words) > 1 and (counter_at(0, 1) or counter_at(-1, -2) or counter_at(0, -1)):
        return True
    return any(counter_at(i, i + 1) and words[i][:1].islower() for i in range(1, len(words) - 1))


MAX_LISTING_CAPITALS = 2  # a counter has few capitals ("Displaying 1 - 3 of 3", "Read 649 times")


def _capitalised_words(words: list[str]) -> int:
    return sum(1 for w in words if w[:1].isupper())


def is_furniture(line: str, rules: MetadataRules) -> bool:
    """Page furniture: a category or tag label, a breadcrumb, a share line, a counter, a
    promotional label ("Sponsored by X", "Partner content"), a line holding a print link or a
    site's promotion (FURNITURE_PHRASE: "... Click to print this page")."""
    if rules.furniture.match(line) or _is_listing(line, rules) or rules.furniture_phrase.search(line):
        return True
    return len(line.split()) <= PROMO_WORDS and bool(rules.promo.match(line))


SENTENCE_END = re.compile(r"[.!?:;][\"\u201d\u2019)]*(?:\s|$)")


def _is_body(line: str) -> bool:
    """Running text: a sentence of many words, or a very long line holding a sentence's end,
    where the head ends. A very long line with no sentence end is a run of names (a site's
    list of ministers or sections flattened into one line), still part of the head."""
    if len(line) > 250:
        return bool(SENTENCE_END.search(line))
    return len(line.split()) >= BODY_WORDS and line.endswith((".", "!", '"', "\u201d", ":"))


def _is_headline(line: str, rules: MetadataRules, *, capitals: bool = False) -> bool:
    """A line that may be the headline; one in capitals only with ``capitals`` (a page whose
    head has no other) and of CAPS_HEADLINE_WORDS words at least ("PRESS RELEASE" is a label)."""
    words = [w for w in line.split() if any(c.isalnum() for c in w)]  # "Cairo - MENA": a separator is no word
    if len(words) < 3 or len(line) > 200 or line.rstrip("\"'\u201d\u2019").endswith((".", ",", ";", ":")):
        return False
    if line.isupper() and not (capitals and len(words) >= CAPS_HEADLINE_WORDS):
        return False
    if rules.byline.match(line) or rules.published.match(line) or rules.updated.match(line):
        return False
    if is_furniture(line, rules) or SECTION_NUMBER.match(line) or not_a_headline(line, rules):
        return False
    if tagged_date(line, rules):
        return False
    latin = sum(1 for c in line if c.isascii() and c.isalpha())
    return latin >= 0.7 * sum(1 for c in line if c.isalpha())


IDENTIFIER = re.compile(
    r"\bNo\.?\s*:?\s*\d|\b[A-Z]{2,}/\d+/\d{2,4}\b|\b(?:Paper|Brief|Note|Series)\s+(?:No\.?\s*)?\d+\b"
)
# a photo caption's credit after the caption's last sentence: "... in the district.- AFP",
# "... on 3 May 2024. (Agency/Jane Roe)", "... at the port. \u2014 Reuters"
CAPTION_CREDIT = re.compile(
    r"\.\s*(?:[-\u2013\u2014|/]\s*[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,2}|\([A-Z][^()/]{0,40}/[^()/]{1,40}\))\s*$"
)
NAME_TAIL_WORDS = 1  # words a name may hold after its last organization or publication noun
TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")
ISSUE_DATE = re.compile(r"(?<=\S)\s+\d{1,2}\s*([/.-])\s*\d{1,2}\s*\1\s*\d{4}\s*$")  # "... 04 / 05 / 2022"
MENU_WORDS = 4  # a menu item is this short at most ...
MENU_RUN = 3  # ... and a menu this many such lines in a row at least


CAPTION_WORDS = 8  # a photo caption before its credit is a sentence of this many words at least


def is_credited_caption(line: str, rules: MetadataRules) -> bool:
    """A photo caption that ends with its credit: a photographer's ("... 3 May 2024.
    (Agency/Jane Roe)"), or an agency's after a sentence of CAPTION_WORDS words or more whose
    full stop ends no abbreviation ("... along the sea wall in the old town.- AFP"). A headline may end with an abbreviation and a wire
    credit or a site's name ("Rates rise in the U.S. - Wire", "Deal agreed with Acme Inc. |
    Harbour Times"), and a short one with a full stop ("Port bans plastic bags. - Wire")."""
    found = CAPTION_CREDIT.search(line)
    if found is None:
        return False
    if found.group().rstrip().endswith(")"):  # "(Agency/Jane Roe)": a photographer's credit
        return True
    words = line[: found.start() + 1].split()
    last = words[-1].rstrip(".").casefold() if words else ""
    if "." in last or last in rules.abbreviations:  # "U.S.", "D.C.", "Inc."
        return False
    return len(words) >= CAPTION_WORDS


def not_a_headline(line: str, rules: MetadataRules) -> bool:
    """A line that is never the headline: one opening with a NOT_HEADLINE_OPENER (a skip
    link, a caption or credit, a list label: "Skip to main content", "Photo: ...", "Latest
    news"), a share row of SOCIAL_WORDs ("Facebook Twitter LinkedIn Email"), a series or
    release number ("Press release No.: XY/23/2023", "Working Paper 12"), a photo caption
    that ends with its credit ("... in the district.- AFP", "... 3 May 2024. (Agency/Jane Roe)")."""
    if rules.not_headline.match(line) or IDENTIFIER.search(line) or is_credited_caption(line, rules):
        return True
    words = [w.strip("|\u00b7\u2022,").casefold() for w in line.split()]
    return bool(words) and all(w in rules.social or not w for w in words)


def menu_lines(lines: Sequence[str], dated: Collection[int] = ()) -> set[int]:
    """The lines of a navigation menu: MENU_RUN or more short lines in a row with no
    sentence punctuation ("About us", "What we do", "News", "Contact"). A line that dates
    the article (``dated``) is no menu item: "Council Backs Harbour Plan", "Media Release",
    "23 November 2016" is a headline, a label and a date line."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        short = len(line.split()) <= MENU_WORDS and not line.rstrip().endswith((".", "!", "?", ":"))
        if line and short and index not in dated:
            run.append(index)
            continue
        if len(run) >= MENU_RUN:
            found.update(run)
        run = []
    return found


def is_masthead(line: str, rules: MetadataRules) -> bool:
    """A name rather than a headline: every word capitalised (small words aside), no figure,
    no headline punctuation ("CICA: A Great Platform", "Widening Without Deepening?"), and
    a noun of organizations or publications ("Lakeside Energy Journal", "Centre for X").
    A letterhead with its series after a separator is one ("CENTRE FOR X | Policy Brief No. 4"),
    a masthead with its issue's date too ("Daily Bulletin 04 / 05 / 2022"); a name with a clause
    after the separator is a headline ("Coastal Union – Ministers agree on a new plan")."""
    line = ISSUE_DATE.sub("", line)  # "Daily Bulletin 04 / 05 / 2022": the masthead and its issue's date
    name, *rest = re.split(SEPARATOR, line, maxsplit=1)
    if rest and _clause_words(rest[0], rules) >= CLAUSE_WORDS:  # "Coastal Union – Ministers agree on a new plan"
        return False
    line = TRAILING_BRACKET.sub("", name)  # "Bank (Port Amara)"
    if any(c.isdigit() for c in line) or HEADLINE_MARKS.search(line):
        return False
    words = _words(line)
    folded = [w.casefold() for w in words]
    nouns = [i for i, w in enumerate(folded) if w in rules.masthead]
    if not nouns or not _name_ends_at(folded, nouns[0], rules):
        return False
    return all(w[:1].isupper() for w, f in zip(words, folded, strict=True) if f not in rules.small)


CLAUSE_WORDS = 2  # a line goes on with a clause after its separator when that many words are in lower case


def _clause_words(text: str, rules: MetadataRules) -> int:
    """The words in lower case of ``text`` that are no small words ("ministers agree on a new
    plan" has "agree", "new", "plan"): a clause's verb and objects, where a series label
    ("Policy Brief No. 4") has none."""
    return sum(1 for w in _words(text) if w[:1].islower() and w.casefold() not in rules.small)


def _name_ends_at(folded: list[str], noun: int, rules: MetadataRules) -> bool:
    """Does a name end with its first noun at ``noun`` (or one word after it: "Press Releases"),
    or go on only with a complement ("Centre for X") or with a second name ("X Journal Y
    Club")? A headline goes on with its verb and object ("World Bank Group Opens New Office")."""
    rest = folded[noun + 1 :]
    if len(rest) <= NAME_TAIL_WORDS or rest[0] in rules.small:
        return True
    following = next((i for i, w in enumerate(rest) if w in rules.masthead), None)  # a second name
    if following is None or any(w in rules.small for w in rest[:following]):
        return False
    return _name_ends_at(rest, following, rules)


@dataclass(frozen=True)
class DateFound:
    rank: int  # lower wins: dateline, labelled line, date line, lead date, issued sentence, late label, updated line
    index: int
    published: date | None = None
    month_day: tuple[int, int] | None = None


@dataclass
class Head:
    """What the head lines say: dated lines, the byline's author, a labelled title."""

    lines: list[str]
    body: int  # index of the first line of running text (len(lines) when none)
    dates: list[DateFound]
    author: str | None = None
    author_index: int | None = None
    labelled_title: str | None = None
    inline_title: str | None = None  # a headline run into the dateline on one flattened line
    inline_date: DateFound | None = None  # that dateline's date, read only when no other line dates the page


def drop_inline_date(head: Head) -> None:
    """A dateline run into a flattened first line dates the page only when no head line
    states a date, under it as well as above it ("Published 12 June 2022" further down):
    a date in parentheses inside running text may be a cited statement's."""
    if head.inline_date is not None and len(head.dates) > 1:
        head.dates.remove(head.inline_date)
        head.inline_date = None


# a credit's date ("Xinhua, June 27, 2010") ranks below a date line, a label and a dateline
DATELINE_RANK, LABEL_RANK, DATE_LINE_RANK, CREDIT_RANK, LEAD_RANK, ISSUED_RANK, LATE_RANK, UPDATED_RANK, HEADER_RANK = (
    range(9)
)
LABELLED_RANKS = (LABEL_RANK, CREDIT_RANK, LATE_RANK, UPDATED_RANK)  # dates a label or a credit names


def _date_parts(text: str, rules: MetadataRules, read: Reader) -> tuple[date | None, list[str]]:
    """A byline split at its separators: the first part that is a date ("Published 3 May
    2021", "20/11/2025"), and the other parts."""
    parts = [part.strip() for part in rules.byline_parts.split(text)]
    for number, part in enumerate(parts):
        labelled = rules.published.match(part)
        found = _day(labelled.group("date") if labelled else part, rules, read)
        if found is not None:
            if number + 1 < len(parts) and _day(parts[number + 1], rules, read) is not None:
                return None, parts  # "28 April 2023 - 29 April 2023": an event's range, never a publication date
            return found, parts[:number] + parts[number + 1 :]
    return None, parts


def _tail_date(byline: str, rules: MetadataRules, read: Reader) -> date | None:
    """The date that runs on after a byline's name ("Jane Roe Posted: 3 May 2021", "Jane
    Roe on 3 May 2021")."""
    tail = rules.name_tail.search(byline)
    if tail is None:
        return None
    rest = byline[tail.start() :].strip()
    labelled = rules.published.match(rest)
    if labelled:
        return _day(labelled.group("date"), rules, read)
    return _day(re.sub(r"^on\s+", "", rest, flags=re.IGNORECASE), rules, read)


def _labelled_date(line: str, rules: MetadataRules, read: Reader) -> tuple[date | None, str | None]:
    """The date of a line that labels it as the publication date ("POSTED JUNE 7, 2023 |
    UPDATED MAY 14, 2024", "Published: 3 May 2021 by Jane Roe"), and the author it names."""
    found = rules.published.match(line)
    when = _day(found.group("date"), rules, read) if found else None
    if found is not None and when is not None:
        return when, found.group("author")
    for part in rules.byline_parts.split(line):
        found = rules.published.match(part.strip())
        when = _day(found.group("date"), rules, read) if found else None
        if found is not None and when is not None:
            return when, found.group("author")
    return None, None


def read_head(text: str, rules: MetadataRules, read: Reader) -> Head:
    """Each head line read for what it states (a line may state a date and an author)."""
    lines = [BULLET.sub("", line.strip()) for line in text.splitlines()[: HEAD_LINES * 3] if line.strip()]
    lines = [line for line in lines if line][:HEAD_LINES]
    body = next((i for i, line in enumerate(lines) if _is_body(line)), len(lines))
    head = Head(lines, body, [])

    def found_author(name: str | None, index: int) -> None:
        if name is not None and head.author is None:
            head.author, head.author_index = name, index

    for index, line in enumerate(lines):
        if len(line) > LINE_LIMIT:  # running text: only a dateline or a date may open it
            dateline = read_dateline(line, rules, read)
            lead = read_lead_date(line, rules, read) if dateline is None and index <= body else None
            if dateline is not None:
                head.dates.append(DateFound(DATELINE_RANK, index, dateline.published, dateline.month_day))
            elif lead is not None:
                head.dates.append(DateFound(LEAD_RANK, index, lead))
            elif index == body:
                read_inline_dateline(head, index, rules, read)
            continue
        labelled = rules.title.match(line)
        if labelled and head.labelled_title is None:
            head.labelled_title = labelled.group("title").strip()
        byline = rules.byline.match(line)
        if byline:
            rest = byline.group("rest")
            found_author(author_of(rest, rules), index)
            when, parts = _date_parts(rest, rules, read)
            if when is None:
                when = _tail_date(rest, rules, read)
            if when is not None:
                head.dates.append(DateFound(LABEL_RANK, index, when))
            else:  # "By Li Wei | Daily | Updated: 2023-05-03 09:15": only a later change's date
                update = next((found for found in map(rules.updated.match, parts) if found), None)
                when = _day(update.group("date"), rules, read) if update else None
                if when is not None:
                    head.dates.append(DateFound(UPDATED_RANK, index, when))
            continue
        dateline = read_dateline(line, rules, read)
        if dateline is not None:
            head.dates.append(DateFound(DATELINE_RANK, index, dateline.published, dateline.month_day))
            continue
        if index == body and read_inline_dateline(head, index, rules, read):
            continue
        if (
            index > body
        ):  # under a standfirst or a figure caption: a labelled date line ("POSTED ..."), or a date alone right there
            when, author = _labelled_date(line, rules, read)
            if when is None and index <= body + STANDFIRST_LINES and len(line.split()) <= DATE_ALONE_WORDS:
                alone, others = _date_parts(line, rules, read)
                when = alone if not others else None
            if when is not None:
                head.dates.append(DateFound(LATE_RANK, index, when))
                if author:
                    found_author(author_of(author, rules), index)
            continue
        for rank, pattern in ((LABEL_RANK, rules.published), (UPDATED_RANK, rules.updated)):
            found = pattern.match(line)
            when = _day(found.group("date"), rules, read) if found else None
            if when is not None:
                head.dates.append(DateFound(rank, index, when))
                if found and found.group("author"):
                    found_author(author_of(found.group("author"), rules), index)
                break
        else:
            when, others = _date_parts(line, rules, read) if len(line.split()) <= 15 else (None, [])
            if when is not None:
                head.dates.append(DateFound(DATE_LINE_RANK if len(others) == 0 else LABEL_RANK, index, when))
                for other in others:
                    found_author(author_of(other, rules), index)
                continue
            when = coded_date(line, rules, read)
            if when is not None:
                head.dates.append(DateFound(DATE_LINE_RANK, index, when))
                continue
            when = credit_date(line, rules, read)
            if when is not None:
                head.dates.append(DateFound(CREDIT_RANK, index, when))
                continue
            when = read_lead_date(line, rules, read)
            if when is not None:
                head.dates.append(DateFound(LEAD_RANK, index, when))
                continue
            issued = rules.issued.search(line) if len(line.split()) <= 30 else None
            when = _day(issued.group("date"), rules, read) if issued else None
            if when is not None:
                head.dates.append(DateFound(ISSUED_RANK, index, when))
    drop_inline_date(head)
    if head.author is None:
        beside = name_beside_date(head, rules)
        if beside is not None:
            found_author(*beside)
    return head


def _headline_index(head: Head, rules: MetadataRules) -> int | None:
    """The first headline-like line of the head that is no masthead and states no date or
    author: the line that parts a site's header from the article."""
    stating = {d.index for d in head.dates} | ({head.author_index} if head.author_index is not None else set())
    stating |= site_banners(head.lines[: min(head.body, len(head.lines))])
    return next(
        (
            i
            for i in range(min(head.body, len(head.lines)))
            if i not in stating and _is_headline(head.lines[i], rules) and not is_masthead(head.lines[i], rules)
        ),
        None,
    )


def site_banners(lines: Sequence[str]) -> set[int]:
    """The lines of a site's banner: lines parted by a title separator that share a part with
    another such line ("Harbour News, Latest news - HarbourPOST" and "HarbourPOST - Daily -
    Search": the site's name, written twice). A page's own "Headline | Site" title shares
    its headline with a line that has no separator, and so is none."""
    parts_of = {i: {_fold(part) for part in re.split(SEPARATOR, line)} for i, line in enumerate(lines)}
    counts = Counter(
        part for parts in parts_of.values() if len(parts) > 1 for part in parts if any(c.isalpha() for c in part)
    )
    return {i for i, parts in parts_of.items() if len(parts) > 1 and any(counts[part] > 1 for part in parts)}


def name_beside_date(head: Head, rules: MetadataRules) -> tuple[str, int] | None:
    """An unlabelled byline: a line right above a date line that is a person's name ("Jane
    Roe", never a label such as "Peace and Security"), or right above or under it a name
    with a role after a comma ("Jane Roe, Senior Fellow"); with a headline above it (so
    the headline itself, "Jane Roe Wins Award", never is one)."""
    stating = {d.index for d in head.dates}
    for found in head.dates:
        if found.rank != DATE_LINE_RANK or found.index > head.body:
            continue
        for index in (found.index - 1, found.index + 1):
            if index < 1 or index >= min(head.body, len(head.lines)) or index in stating:
                continue
            line = head.lines[index]
            name, _, role = line.partition(",")
            role_words = {w.casefold() for w in _words(role)}
            if len(_words(name)) > NAME_LINE_WORDS or (role and not role_words & rules.author_role):
                continue
            if not role and (index > found.index or any(w.casefold() in rules.label_small for w in _words(name))):
                continue
            author = author_of(name, rules)
            if author is None or HEADLINE_MARKS.search(line):
                continue
            if any(
                _is_headline(head.lines[i], rules)
                and not is_masthead(head.lines[i], rules)
                and not is_section_label(head.lines[i], rules)
                for i in range(index)
                if i not in stating
            ):
                return author, index
    return None


def _order(found: DateFound, top: int | None, labelled_under: bool = False) -> tuple[int, int, int]:
    """Which of the head's dates is the article's: the best rank, then the earliest line,
    except among lines holding a date alone above the headline ``top`` (a site's header:
    "Thu. Jan 23rd, 2025" above the masthead shows today's date), where the earliest day
    wins and which come after any date line under the headline (the first of those is the
    article's; later ones date related items), and after any date the page labels under the
    headline (``labelled_under``: "Published: ...", "By X | Updated: ...")."""
    assert found.published is not None
    if found.rank != DATE_LINE_RANK or (top is not None and found.index > top):
        return (found.rank, 0, found.index)
    if top is not None and labelled_under:  # a site header's date: the page's own labelled date outranks it
        return (HEADER_RANK, 1, found.published.toordinal())
    return (found.rank, 1, found.published.toordinal())


def publication_date(
    head: Head, text: str, rules: MetadataRules | None = None, read: Reader | None = None
) -> date | None:
    """The best-ranked date of the head (see ``_order``); a dateline without a year takes
    the year of the other head dates, else the year of the text's full dates (see
    ``nearest_day``), else none: a bare year is no evidence of the article's."""
    rules = rules if rules is not None else rules_of()
    top = _headline_index(head, rules)
    labelled_under = top is not None and any(
        d.rank in LABELLED_RANKS and d.index > top and d.published is not None for d in head.dates
    )
    full = sorted(
        (d for d in head.dates if d.published is not None), key=lambda found: _order(found, top, labelled_under)
    )
    partial = [d for d in head.dates if d.month_day is not None]
    best = full[0] if full else None
    if partial and (best is None or best.rank > partial[0].rank):
        month_day = partial[0].month_day
        assert month_day is not None
        if best is not None and best.published is not None:
            return _with_year(month_day, best.published.year, best.published)
        return nearest_day(month_day, text_dates(text, rules, read if read is not None else parse_published))
    return best.published if best is not None else None


def _anchor(head: Head) -> int | None:
    """The first line under the headline that dates or signs the article."""
    indexes = [d.index for d in head.dates if d.index <= head.body]
    if head.author_index is not None and head.author_index <= head.body:
        indexes.append(head.author_index)
    return min(indexes) if indexes else None


def is_section_label(line: str, rules: MetadataRules) -> bool:
    """A short name-like line, a section or topic label above a headline ("Peace and
    Security", "Climate Action"): at most LABEL_WORDS words, all capitalised (small words
    aside), no figure."""
    words = _words(line)
    if len(words) > LABEL_WORDS or len(line.split()) > LABEL_WORDS or any(c.isdigit() for c in line):
        return False
    return all(w[:1].isupper() for w in words if w.casefold() not in rules.small)


def headline(head: Head, rules: MetadataRules) -> str | None:
    """The headline: the first headline-like line above the byline or date line that is
    neither a masthead nor a section label (lines between the two are standfirsts,
    taglines, release numbers), else the nearest one above; the first one under it that
    is no masthead when there is none above or all above are mastheads; else the first
    headline-like line of the head that is no masthead. Lines that date or sign the article
    and the lines of a menu are none; lines in capitals count only where the head has no other. None when the text
    opens with running text."""
    lines, body = head.lines, head.body
    stating = {d.index for d in head.dates} | ({head.author_index} if head.author_index is not None else set())
    top = lines[: min(body, len(lines))]
    dated = {d.index for d in head.dates} | {i for i, line in enumerate(top) if tagged_date(line, rules)}
    stating |= menu_lines(top, dated) | site_banners(top)
    head_range = [i for i in range(min(body, len(lines))) if i not in stating]
    candidates = [i for i in head_range if _is_headline(lines[i], rules)]
    if not candidates:
        candidates = [i for i in head_range if _is_headline(lines[i], rules, capitals=True)]
    if not candidates:  # the text opens with running text: no headline
        return None
    names = [i for i in candidates if not is_masthead(lines[i], rules)]
    repeated = repeated_line(lines, names)
    if repeated is not None:
        return lines[repeated]
    anchor = _anchor(head)
    if anchor is not None and opens_body(head, anchor):  # "PLACE, DATE – The ...": the headline is above it or none
        names = [i for i in names if i < anchor]
        candidates = [i for i in candidates if i < anchor]
        if not candidates:
            return None
    if anchor is None:
        return lines[names[0] if names else candidates[0]]
    capitals = capitals_headline_above(lines, anchor, stating, rules)
    if capitals is not None:
        return lines[capitals]
    above = [i for i in names if i < anchor]
    under = next((i for i in names if i > anchor and not is_section_label(lines[i], rules)), None)
    if not above:  # all above are mastheads (or none is): the first name under, else the nearest above
        nearest = [i for i in candidates if i < anchor]
        return lines[under if under is not None else (nearest[-1] if nearest else candidates[0])]
    return lines[next((i for i in above if not is_section_label(lines[i], rules)), above[-1])]


CAPS_LONG_WORDS = 6  # a line in capitals right above the date line with this many words is the headline


def capitals_headline_above(
    lines: Sequence[str], anchor: int, stating: Collection[int], rules: MetadataRules
) -> int | None:
    """A headline written in capitals right above the date line or byline (a press release's
    "MINISTERS AGREE ON A NEW PLAN FOR THE HARBOUR" over "19/11/2001"), with a site's banner
    above it in mixed case: the line right above the anchor, in capitals, of CAPS_LONG_WORDS
    words at least, no masthead ("MINISTRY OF FOREIGN AFFAIRS OF THE REPUBLIC" is a letterhead)."""
    index = anchor - 1
    if index < 0 or index in stating:
        return None
    line = lines[index]
    words = [w for w in line.split() if any(c.isalnum() for c in w)]
    if not line.isupper() or len(words) < CAPS_LONG_WORDS or is_masthead(line, rules):
        return None
    if rules.release_label.search(line):  # "EMBARGOED UNTIL ...", "FOR IMMEDIATE RELEASE MEDIA CONTACT ..."
        return None
    return index if _is_headline(line, rules, capitals=True) else None


def repeated_line(lines: Sequence[str], names: Sequence[int]) -> int | None:
    """The last line of ``names`` (headline-like, no masthead, no menu item) that repeats
    an earlier one of them: a page writes its headline twice (the page title and the
    article's heading, a "Latest" list's item and the heading), while taglines and banners
    above it stand once."""
    seen: set[str] = set()
    found = None
    for index in names:
        folded = _fold(lines[index])
        if folded in seen:
            found = index
        seen.add(folded)
    return found


def opens_body(head: Head, index: int) -> bool:
    """Does the dated line at ``index`` open the running text ("PLACE, DATE – The ministry
    ..."), so no line under it is the headline?"""
    return any(
        d.index == index and d.rank == DATELINE_RANK and len(head.lines[index].split()) > DATELINE_WORDS
        for d in head.dates
    )


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _usable_title(title: str | None) -> str | None:
    """A stated title that names the article, not its file ("report_v2.docx", "untitled")."""
    if title is None or not title.strip() or FILE_NAME.match(title.strip()) or title.strip().casefold() == "untitled":
        return None
    return title.strip()


def combine(found: Metadata, stated: Metadata, head: Sequence[str], rules: MetadataRules) -> Metadata:
    """The text's metadata completed with what the file's own metadata states (an HTML
    page's headline and tags, a PDF's document info).

    * title: the stated title where it names a head line, or where the text found none;
      a stated "Headline | Site" gives the head line it holds; a text headline that is
      part of the stated title stays (a site name is dropped that way).
    * author: the text's byline, else the stated author when it is a person's name.
    * published: the text's date (what the article states), else the stated one.
    """
    title = _usable_title(stated.title)
    if title is not None:
        parts = [title, *(part.strip() for part in TITLE_PARTS.split(title))]
        lines = {_fold(line): line for line in head}
        named = next((lines[_fold(part)] for part in parts if _fold(part) in lines), None)
        if named is not None:
            title = named
        elif found.title is not None and _fold(found.title) in {_fold(part) for part in parts[1:]}:
            title = found.title
    author = found.author or (author_of(stated.author, rules) if stated.author else None)
    return Metadata(title=title or found.title, author=author, published=found.published or stated.published)


def extract_metadata(
    text: str, lexicon: Lexicon | None = None, order: DayOrder = "dmy", *, stated: Metadata | None = None
) -> Metadata:
    """Title, author and publication date as the head of the article writes them, combined
    with the ``stated`` metadata of the file (see ``combine``)."""
    rules = rules_of(lexicon)

    def read(value: str) -> date | None:
        return parse_published(value, order=order, lexicon=lexicon)

    head = read_head(text, rules, read)
    found = Metadata(
        title=head.labelled_title or headline(head, rules) or head.inline_title,
        author=head.author,
        published=publication_date(head, text, rules, read),
    )
    return combine(found, stated, head.lines, rules) if stated is not None else found
