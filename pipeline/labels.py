"""Every label a data line may carry, who reads it, and what its ``value`` must be.

A data line (see ``patterns.py``) names a label. The label decides everything about the
line: which component reads it, whether that component matches it in the text or only
looks its words up, whether its matches become claims, and what kind of ``value`` it
carries. A label that is not listed here is a located error, never silently ignored.

Labels are read by one component each (``component`` is the factory name, or
``"ingest"`` for the readers' metadata). Term lists are shared: every component sees
every ``terms`` line, so a component may look up another's words (objectives look up
the organization head nouns, dates look up number words).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# What a line's ``value`` (or each value of a ``terms`` mapping) must be.
ValueKind = Literal["none", "text", "number", "integer", "codes"]

DATES = "policy_claims_dates"
COUNTS = "policy_claims_counts"
ORGANIZATIONS = "policy_claims_organizations"
OBJECTIVES = "policy_claims_objectives"
SENTENCES = "policy_claims_sentences"
INGEST = "ingest"


@dataclass(frozen=True)
class Label:
    name: str
    component: str
    description: str
    matched: bool = True  # the component runs its matchers over these lines
    claims: bool = False  # a match becomes a claim whose ``rule`` is the line's id
    value: ValueKind = "none"
    case_sensitive: bool = False  # terms are compared as written, not case-folded


def _date_words(name: str, description: str, value: ValueKind = "none") -> Label:
    """A word list of the dates component: looked up, not matched."""
    return Label(name, DATES, description, matched=False, value=value)


_LABELS: tuple[Label, ...] = (
    # dates
    Label("DATE", DATES, "a full date expression", claims=True),
    Label("DATE_RELATIVE", DATES, "a date that needs the publication date", claims=True),
    Label("DATE_YEAR", DATES, "a bare year, kept only where it acts as a year", claims=True),
    Label("DATE_RUN", DATES, "a run of date words, scanned for the longest dates inside it", claims=True),
    Label("MONTH", DATES, "month names and abbreviations; value: 1-12", matched=False, value="integer"),
    Label("WEEKDAY", DATES, "weekday names and abbreviations; value: 0 (Monday) to 6", matched=False, value="integer"),
    _date_words("WEEKDAY_PLURAL", "weekday names in the plural (mondays); value: 0 (Monday) to 6", "integer"),
    # dates: the vocabulary of the date grammar (normalize/dates.py) and of the component
    _date_words("DATE_SHIFT", "relative words (last, this, next); value: the shift, -1, 0 or 1", "integer"),
    _date_words("DATE_UNIT", "calendar units (week, years); value: day, week, weekend, month, year, century", "text"),
    _date_words("DATE_YEAR_PART", "parts of a year by number (quarter, half, Q of Q1); value: its months", "integer"),
    _date_words("DATE_PART", "part-of-period words (early, mid, end of): the date is the whole period"),
    _date_words("DATE_DEICTIC", "days named from publication (today, yesterday); value: days after it", "integer"),
    _date_words("DATE_NOW", "the publication moment (now): a range end or an offset's base, never a date alone"),
    _date_words("DATE_COUNT", "indefinite counts of units (a, several, a few); value: the count", "number"),
    _date_words("DATE_AGO", "words after a counted duration that count back from publication (ago)"),
    _date_words("DATE_AHEAD", "words before a counted duration that count on from publication (in)"),
    _date_words("DATE_FROM", "words between a duration and its base day; value: 1 from, after; -1 before", "integer"),
    _date_words("DATE_RANGE_START", "words opening a range (from, between)"),
    _date_words("DATE_RANGE_TO", "words and signs joining a range's ends (to, -); value: the opener it needs", "text"),
    _date_words(
        "DATE_FILLER", "words a date may hold that change nothing (the, of); value: kinds they precede", "text"
    ),
    _date_words("DATE_PREPOSITION", "prepositions that introduce a date but are not part of it (in, since)"),
    _date_words("DATE_LEADING", "other words before a date that are not part of its span (the, as)"),
    _date_words("DATE_YEAR_CONTEXT", "words after which four digits read as a year; value 'joins' for and, or", "text"),
    _date_words("DATE_SPELLED_YEAR_CONTEXT", "words after which a year spelled in words reads as a year"),
    _date_words("DATE_NOT_YEAR", "signs and words by four digits that make them no year ($, %); value: side", "text"),
    _date_words("DATE_EDGE", "words a date never starts or ends with; value: not-first, not-last or inside", "text"),
    _date_words("DATE_AMBIGUOUS", "names that are common words too (may, sat): in lower case a date only by a number"),
    # counts
    Label("NUMBER_WORD", COUNTS, "cardinal number words; value: the number", matched=False, value="number"),
    Label("SCALE", COUNTS, "words that multiply a number (hundred, million, crore)", matched=False, value="number"),
    Label(
        "ORDINAL", COUNTS, "ordinal words (first, fifth, hundredth); value: the number", matched=False, value="number"
    ),
    Label("NUMBER", COUNTS, "a number in digits or words", claims=True),
    Label("MONEY", COUNTS, "an amount of money with its currency", claims=True),
    Label("FRACTION", COUNTS, "a fraction of a whole (half, two thirds)", claims=True),
    Label("QUALIFIER", COUNTS, "words that qualify a number; value: about, more than, ...", value="text"),
    Label("UNIT", COUNTS, "words that are units although not plural nouns (km, MW)", value="text"),
    Label("UNIT_STOP", COUNTS, "words that end a unit"),
    Label("NOT_COUNT", COUNTS, "contexts where a number is no count (Article 5, phone numbers)"),
    # organizations
    Label("ORG", ORGANIZATIONS, "a full organization name", claims=True),
    Label("ORG_HEAD", ORGANIZATIONS, "head nouns of organization names (Council, Bank)", claims=True),
    Label("ORG_DOC", ORGANIZATIONS, "documents and events (Charter, Summit): not organizations"),
    Label("INITIATIVE", ORGANIZATIONS, "nouns ending initiatives (Corridor, Agreement): not organizations"),
    Label("ORG_ENTRY", ORGANIZATIONS, "a well-known organization: name, acronym, variants", claims=True),
    # objectives
    Label("LIST_INTRO", OBJECTIVES, "words that introduce a list of goals", claims=True),
    Label("GOAL_MARKER", OBJECTIVES, "words that introduce a goal (aims to)", claims=True),
    Label("NOT_GOAL", OBJECTIVES, "vetoes: a goal marker that is no goal (has the potential to)"),
)

LABELS: dict[str, Label] = {label.name: label for label in _LABELS}


def labels_of(component: str) -> frozenset[str]:
    """The labels a component reads."""
    return frozenset(name for name, label in LABELS.items() if label.component == component)
