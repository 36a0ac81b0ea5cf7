"""The date grammar one step at a time: pieces, words, the handler table, ranges, the lexicon."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pipeline.lexicon import Lexicon, Term
from pipeline.normalize import dates
from pipeline.normalize.dates import (
    RELATIVE_SHAPES,
    SHAPES,
    Context,
    Word,
    classify,
    normal_text,
    parse_date,
    pieces,
    shape_of,
    vocabulary,
)
from pipeline.patterns import default_lexicon

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = date(2021, 6, 16)  # a Wednesday


def words_of(text: str) -> list[Word]:
    items = pieces(normal_text(text))
    assert items is not None
    found = classify(items, vocabulary())
    assert found is not None, text
    return found


def span(found: tuple[date, date] | None) -> tuple[str, str] | None:
    return None if found is None else (found[0].isoformat(), found[1].isoformat())


# -- pieces and words ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3rd Sept. 1998", ["nth", "word", "number"]),
        ("the 1980s", ["word", "decade"]),
        ("Q4-2030", ["indexed", "sign", "number"]),
        ("h12011", ["indexed", "number"]),
        ("apr30", ["word", "number"]),
    ],
)
def test_pieces_by_shape(text: str, expected: list[str]) -> None:
    found = pieces(normal_text(text))
    assert found is not None and [p.kind for p in found] == expected


@pytest.mark.parametrize("text", ["4 June (2021)?", "£2019", "10:30 on 4 June"])
def test_a_sign_no_date_has_ends_the_reading(text: str) -> None:
    assert pieces(normal_text(text)) is None


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("the 3rd of Sept. 1998", ("nth", "month", "year")),
        ("30/11/1998", ("numeric",)),
        ("19981130", ("numeric",)),
        ("the previous fortnight's", None),  # an unknown word: no reading
        ("thirty-first of May", ("nth", "month")),
        ("forty-two weeks ago", ("count", "unit", "ago")),
        ("nineteen eighty-four", ("count", "count")),
        ("a few months ago", ("some", "unit", "ago")),
        ("in three days", ("ahead", "count", "unit")),
        ("5 July in 2030", ("num", "month", "year")),  # "in" before a year is a filler
        ("2030 in July", None),  # but not before a month
        ("Monday on next week", None),  # "on" only before a weekday
        ("the Q2 results", None),
        ("two Tuesdays from now", ("count", "weekdays", "link", "now")),
    ],
)
def test_classify(text: str, shape: tuple[str, ...] | None) -> None:
    items = pieces(normal_text(text))
    found = classify(items, vocabulary()) if items else None
    assert (None if found is None else shape_of(found)) == shape


# -- the handler table ----------------------------------------------------------------------
Absolute = Callable[[list[Word], Context], Any]

ABSOLUTE_CASES: list[tuple[Absolute, str, tuple[str, str] | None]] = [
    (dates.numeric_date, "30/11/1998", ("1998-11-30", "1998-11-30")),
    (dates.numeric_date, "1998.11.30", ("1998-11-30", "1998-11-30")),
    (dates.numeric_date, "30-11-98", ("1998-11-30", "1998-11-30")),
    (dates.numeric_date, "19981130", ("1998-11-30", "1998-11-30")),
    (dates.numeric_date, "1998/11", ("1998-11-01", "1998-11-30")),
    (dates.numeric_date, "7/2030", ("2030-07-01", "2030-07-31")),
    (dates.numeric_date, "2030-33", ("2030-01-01", "2033-12-31")),
    (dates.numeric_date, "2030/31", None),  # a fiscal year
    (dates.numeric_date, "2030-31", None),  # a fiscal year: two years in a row
    (dates.numeric_date, "31/31/1998", None),
    (dates.month_day_over_year, "November 30/1998", ("1998-11-30", "1998-11-30")),
    (dates.month_day_over_year, "November 31/1998", None),
    (dates.month_day_over_year, "November 30-1998", None),  # a slash only
    (dates.week_of_day, "the week of 3 March 1998", ("1998-03-02", "1998-03-08")),
    (dates.week_of_day, "the year of 3 March 1998", None),
    (dates.calendar_day, "3rd Sept. 1998", ("1998-09-03", "1998-09-03")),
    (dates.calendar_day, "Sept 3, 1998", ("1998-09-03", "1998-09-03")),
    (dates.calendar_day, "1998 Sep 3", ("1998-09-03", "1998-09-03")),
    (dates.calendar_day, "the third of September 1998", ("1998-09-03", "1998-09-03")),
    (dates.calendar_day, "30 February 1998", None),
    (dates.numbered_day, "1998 11 30", ("1998-11-30", "1998-11-30")),
    (dates.calendar_day_short_year, "3 Sept 98", ("1998-09-03", "1998-09-03")),
    (dates.calendar_month, "November 1998", ("1998-11-01", "1998-11-30")),
    (dates.calendar_month, "1998 November", ("1998-11-01", "1998-11-30")),
    (dates.calendar_month_short_year, "November 98", ("1998-11-01", "1998-11-30")),
    (dates.calendar_year, "1998", ("1998-01-01", "1998-12-31")),
    (dates.calendar_year, "the year 1998", ("1998-01-01", "1998-12-31")),
    (dates.calendar_year, "the week 1998", None),
    (dates.decade, "the 1980s", ("1980-01-01", "1989-12-31")),
    (dates.nth_century, "the nineteenth century", ("1801-01-01", "1900-12-31")),
    (dates.part_of_year, "the fourth quarter of 2030", ("2030-10-01", "2030-12-31")),
    (dates.part_of_year, "Q4 2030", ("2030-10-01", "2030-12-31")),
    (dates.part_of_year, "2030-H1", ("2030-01-01", "2030-06-30")),
    (dates.part_of_year, "the last quarter of 2030", ("2030-10-01", "2030-12-31")),
    (dates.part_of_year, "the fifth quarter of 2030", None),
    (dates.week_of_year, "the first week of 2021", ("2021-01-04", "2021-01-10")),
    (dates.week_of_year, "the last week of 2021", ("2021-12-27", "2022-01-02")),
    (dates.numbered_week, "week 10 of 2021", ("2021-03-08", "2021-03-14")),
    (dates.spelled_year, "nineteen eighty-four", ("1984-01-01", "1984-12-31")),
    (dates.spelled_year, "two thousand and nine", ("2009-01-01", "2009-12-31")),
    (dates.spelled_year, "one thousand nine hundred and ninety", ("1990-01-01", "1990-12-31")),
    (dates.spelled_year, "five hundred", None),
]


@pytest.mark.parametrize(("handler", "text", "expected"), ABSOLUTE_CASES)
def test_absolute_handlers(handler: Absolute, text: str, expected: tuple[str, str] | None) -> None:
    words = words_of(text)
    assert SHAPES[shape_of(words)] is handler
    assert span(handler(words, Context(None, "dmy"))) == expected


Relative = Callable[[list[Word], date], Any]

RELATIVE_CASES: list[tuple[Relative, str, tuple[str, str] | None]] = [
    (dates.month_near_publication, "December", ("2020-12-01", "2020-12-31")),
    (dates.month_near_publication, "September", ("2021-09-01", "2021-09-30")),
    (dates.day_near_publication, "2 September", ("2021-09-02", "2021-09-02")),
    (dates.day_near_publication, "25 December", ("2020-12-25", "2020-12-25")),
    (dates.day_near_publication, "June the 1st", ("2021-06-01", "2021-06-01")),
    (dates.shifted_month, "last June", ("2020-06-01", "2020-06-30")),
    (dates.shifted_month, "next June", ("2022-06-01", "2022-06-30")),
    (dates.shifted_month, "this October", ("2021-10-01", "2021-10-31")),
    (dates.month_of_shifted_year, "March next year", ("2022-03-01", "2022-03-31")),
    (dates.day_of_shifted_month, "the 3rd of next month", ("2021-07-03", "2021-07-03")),
    (dates.day_of_shifted_month, "the 3rd of next week", None),
    (dates.deictic_day, "yesterday", ("2021-06-15", "2021-06-15")),
    (dates.deictic_day, "the day before yesterday", ("2021-06-14", "2021-06-14")),
    (dates.nearest_weekday, "Saturday", ("2021-06-19", "2021-06-19")),
    (dates.nearest_weekday, "Monday", ("2021-06-14", "2021-06-14")),
    (dates.weekday_of_shifted_week, "last Thursday", ("2021-06-10", "2021-06-10")),
    (dates.weekday_of_shifted_week, "Monday of next week", ("2021-06-21", "2021-06-21")),
    (dates.weekday_of_shifted_week, "this week on Friday", ("2021-06-18", "2021-06-18")),
    (dates.weekday_of_shifted_week, "Friday next month", None),
    (dates.weekday_with_day, "Sunday the 13th", ("2021-06-13", "2021-06-13")),
    (dates.weekday_with_day, "Friday 30th", ("2021-07-30", "2021-07-30")),
    (dates.nth_weekday_of_month, "the third Monday", ("2021-06-21", "2021-06-21")),
    (dates.nth_weekday_of_month, "the first Tuesday of next month", ("2021-07-06", "2021-07-06")),
    (dates.nth_weekday_of_month, "the last Friday of this month", ("2021-06-25", "2021-06-25")),
    (dates.relative_period, "the coming year", ("2022-01-01", "2022-12-31")),
    (dates.relative_period, "previous month", ("2021-05-01", "2021-05-31")),
    (dates.relative_period, "this week", ("2021-06-14", "2021-06-20")),
    (dates.relative_period, "this century", ("2001-01-01", "2100-12-31")),
    (dates.relative_period, "the coming months", None),  # a plural unit and no number: no period
    (dates.relative_period, "the past years", None),
    (dates.relative_period, "next weekend", ("2021-06-26", "2021-06-27")),
    (dates.relative_period, "this decade", ("2020-01-01", "2029-12-31")),
    (dates.relative_period, "the last decade", ("2010-01-01", "2019-12-31")),
    (dates.relative_period, "the next day", None),  # counts from an event, not from publication
    (dates.relative_year_part, "the current quarter", ("2021-04-01", "2021-06-30")),
    (dates.relative_year_part, "last quarter", ("2021-01-01", "2021-03-31")),
    (dates.part_of_shifted_year, "the first quarter next year", ("2022-01-01", "2022-03-31")),
    (dates.part_of_shifted_year, "this year H2", ("2021-07-01", "2021-12-31")),
    (dates.last_week_of_shifted_month, "the last week of next month", ("2021-07-26", "2021-08-01")),
    (dates.weekend_alone, "the weekend", ("2021-06-19", "2021-06-20")),
    (dates.weekend_alone, "the month", None),
    (dates.part_of_publication_year, "the second half of the year", ("2021-07-01", "2021-12-31")),
    (dates.part_of_publication_year, "the first quarter of the month", None),
    (dates.week_of_day_near_publication, "the week of 9 June", ("2021-06-07", "2021-06-13")),
    (dates.week_of_day_near_publication, "the month of 9 June", None),
    (dates.part_of_current_period, "the end of the decade", ("2020-01-01", "2029-12-31")),
    (dates.part_of_current_period, "the beginning of the year", ("2021-01-01", "2021-12-31")),
    (dates.part_of_current_period, "the middle of the month", ("2021-06-01", "2021-06-30")),
    (dates.part_of_current_period, "the end of the century", ("2001-01-01", "2100-12-31")),
    (dates.part_of_current_period, "the end of the day", None),  # an idiom, and no period
    (dates.part_of_current_period, "mid year", None),  # "the mid-year meeting"
    (dates.numbered_week_of_publication_year, "week 2", ("2021-01-11", "2021-01-17")),
    (dates.ago, "four years ago", ("2017-01-01", "2017-12-31")),
    (dates.ago, "a week ago", ("2021-06-07", "2021-06-13")),
    (dates.ago, "10 days ago", ("2021-06-06", "2021-06-06")),
    (dates.ago, "several months ago", ("2021-03-01", "2021-03-31")),
    (dates.ago, "two decades ago", ("2001-01-01", "2001-12-31")),  # twenty years back
    (dates.offset_ahead, "in ten days", ("2021-06-26", "2021-06-26")),
    (dates.offset_ahead, "in 1 month", ("2021-07-16", "2021-07-16")),
    (dates.offset_from_day, "five days after tomorrow", ("2021-06-22", "2021-06-22")),
    (dates.offset_from_day, "two weeks before today", ("2021-06-02", "2021-06-02")),
    (dates.offset_from_day, "3 months from now", ("2021-09-16", "2021-09-16")),
    (dates.weekdays_from_now, "three Fridays from now", ("2021-07-02", "2021-07-02")),
]


@pytest.mark.parametrize(("handler", "text", "expected"), RELATIVE_CASES)
def test_relative_handlers(handler: Relative, text: str, expected: tuple[str, str] | None) -> None:
    words = words_of(text)
    assert RELATIVE_SHAPES[shape_of(words)] is handler
    assert span(handler(words, PUBLISHED)) == expected


def test_every_row_of_the_table_is_tested() -> None:
    tested = {handler for handler, _, _ in ABSOLUTE_CASES} | {handler for handler, _, _ in RELATIVE_CASES}
    assert set(SHAPES.values()) | set(RELATIVE_SHAPES.values()) <= tested


# -- steps around the table ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("early 1998", ("1998-01-01", "1998-12-31")),
        ("mid-November 1998", ("1998-11-01", "1998-11-30")),
        ("the end of next month", ("2021-07-01", "2021-07-31")),
        ("later this year", ("2021-01-01", "2021-12-31")),
        ("the start of the 1980s", ("1980-01-01", "1989-12-31")),
        ("late yesterday", None),  # a part of one day is no period
        ("start 1998", None),  # "start" alone is a verb
    ],
)
def test_part_of_period_is_the_whole_period(text: str, expected: tuple[str, str] | None) -> None:
    assert span(parse_date(text, PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monday, 30 November 1998", ("1998-11-30", "1998-11-30")),
        ("Fri 3 Sept", ("2021-09-03", "2021-09-03")),
        ("Tuesday 1998", None),  # a weekday joins a day, not a year
    ],
)
def test_a_weekday_joined_to_a_day(text: str, expected: tuple[str, str] | None) -> None:
    assert span(parse_date(text, PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3-5 September 1998", ("1998-09-03", "1998-09-05")),
        ("Sept 3-5, 1998", ("1998-09-03", "1998-09-05")),
        ("30 November to 4 December 1998", ("1998-11-30", "1998-12-04")),
        ("November 1998 - March 1999", ("1998-11-01", "1999-03-31")),
        ("from 1998 till 2004", ("1998-01-01", "2004-12-31")),
        ("1998-2004", ("1998-01-01", "2004-12-31")),
        ("between 1998 and 2004", ("1998-01-01", "2004-12-31")),
        ("1998 and 2004", None),  # "and" joins only after "between"
        ("from 2 to 9 this month", ("2021-06-02", "2021-06-09")),
        ("between now and August", ("2021-06-16", "2021-08-31")),
        ("between now and March", ("2021-06-16", "2022-03-31")),
        ("from Thursday to Tuesday", ("2021-06-17", "2021-06-22")),
        ("28 to 30 December", ("2020-12-28", "2020-12-30")),  # one year for both ends
        ("November to February", ("2021-11-01", "2022-02-28")),
        ("2 December 2030 - 5 January", ("2030-12-02", "2031-01-05")),
        ("from 2030-35", ("2030-01-01", "2035-12-31")),
        ("from 2030-31 to 2034-35", None),  # fiscal years
        ("8 and 9 July", ("2021-07-08", "2021-07-09")),  # two days of one month
        ("July 8 and 9, 2024", ("2024-07-08", "2024-07-09")),
        ("July 2024 and 9", None),  # a month and a day: no range
        ("since 1998 until 2004", ("1998-01-01", "2004-12-31")),
        ("2004-1998", None),
    ],
)
def test_ranges(text: str, expected: tuple[str, str] | None) -> None:
    assert span(parse_date(text, PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in March", ("2021-03-01", "2021-03-31")),
        ("since 1998", ("1998-01-01", "1998-12-31")),
        ("in 2 weeks", ("2021-06-30", "2021-06-30")),  # "in" is part of this one
        ("during the 1980s", ("1980-01-01", "1989-12-31")),
    ],
)
def test_leading_prepositions(text: str, expected: tuple[str, str] | None) -> None:
    assert span(parse_date(text, PUBLISHED)) == expected


# -- the lexicon drives the words --------------------------------------------------------------
def with_terms(*terms: Term) -> Lexicon:
    base = default_lexicon()
    return Lexicon([*(t for label in base.labels for t in base.terms(label)), *terms])


def test_a_month_word_added_to_the_lexicon_is_read() -> None:
    lexicon = with_terms(Term("MONTH", "févr.", 2, "user"), Term("MONTH", "févr", 2, "user"))
    assert span(parse_date("le 3 févr. 1998", lexicon=lexicon)) is None  # "le" is no date word
    assert span(parse_date("3 févr. 1998", lexicon=lexicon)) == ("1998-02-03", "1998-02-03")
    assert parse_date("3 févr. 1998") is None


def test_a_relative_word_added_to_the_lexicon_is_read() -> None:
    lexicon = with_terms(Term("DATE_SHIFT", "prior", -1, "user"))
    assert span(parse_date("the prior year", PUBLISHED, lexicon=lexicon)) == ("2020-01-01", "2020-12-31")
    assert parse_date("the prior year", PUBLISHED) is None


def test_the_lexicon_of_a_run_decides_which_words_are_dates() -> None:
    lexicon = Lexicon(t for t in default_lexicon().terms("MONTH") if t.text != "sept")
    assert parse_date("3 Sept 1998", lexicon=lexicon) is None
    assert parse_date("3 Sep 1998", lexicon=lexicon) is not None


def test_resolving_imports_no_spacy() -> None:
    code = (
        "import sys, types\n"
        f"pkg = types.ModuleType('pipeline'); pkg.__path__ = [{str(ROOT / 'pipeline')!r}]\n"
        "sys.modules['pipeline'] = pkg\n"
        "from pipeline.normalize.dates import parse_date\n"
        "import datetime\n"
        "assert parse_date('last year', datetime.date(2021, 6, 16)) is not None\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
