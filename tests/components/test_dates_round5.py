"""Dates on fresh real pages, round 5: a page's age stamp, the last group of a phone number,
the year in a law's name after a comma, a full stop glued to the next sentence, a date line
under the headline."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from .helpers import claims_of

PUBLISHED = date(2025, 6, 12)  # a Thursday


def dates(nlp: Language, text: str, published: date | None = PUBLISHED) -> list[tuple[str, str, str]]:
    return [
        (c["text"], c["start_date"].isoformat(), c["end_date"].isoformat())
        for c in claims_of(nlp, text, "date", published)
    ]


def count_texts(nlp: Language, text: str, published: date | None = PUBLISHED) -> list[str]:
    return [c["text"] for c in claims_of(nlp, text, "count", published)]


BODY = "The port authority said on Wednesday that the new walls would be finished before the storms."


# -- "N units ago" as the page's age stamp: page furniture -----------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # alone on its line, and as the last part of a time stamp line
        ("3 weeks ago\nHarbour walls to be finished soon\n\n" + BODY, [("Wednesday", "2025-06-11", "2025-06-11")]),
        (
            "Harbour walls to be finished soon\nJune 12, 2025 / 9:40 AM / 3 weeks ago\n\n" + BODY,
            [("June 12, 2025", "2025-06-12", "2025-06-12"), ("Wednesday", "2025-06-11", "2025-06-11")],
        ),
        # inside a sentence it is a date
        (
            "The walls were planned two years ago, the authority said.",
            [("two years ago", "2023-01-01", "2023-12-31")],
        ),
        # a stamp line with words after the age is no stamp
        ("Harbour walls\n\n3 weeks ago the walls were planned.", [("3 weeks ago", "2025-05-19", "2025-05-25")]),
    ],
)
def test_an_age_stamp_is_furniture(nlp: Language, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(nlp, text) == expected


# -- four digits that end a phone number or a reference, or a law's name ----------------------
@pytest.mark.parametrize(
    ("text", "expected", "no_count"),
    [
        ("Press office: Ana Cruz (351) 555-1987 and Li Wei 555-2010.", [], ["1987", "2010"]),
        ("The reference 12345-2019 was cited in 2020.", [("2020", "2020-01-01", "2020-12-31")], ["2019"]),
        # a span of years and a month with its year stay dates
        (
            "Yields rose over 1998-2003 and fell in 10-2020.",
            [("1998-2003", "1998-01-01", "2003-12-31"), ("10-2020", "2020-10-01", "2020-10-31")],
            [],
        ),
        # the year after a law noun and a comma is part of the law's name
        ("Under the Seed Quality Act, 2011 every district keeps a seed bank.", [], ["2011"]),
        ("The Harbour Rules, 2020 were amended in 2023.", [("2023", "2023-01-01", "2023-12-31")], ["2020"]),
        # a citation's year after a comma is a date
        ("Yields fell (Harbour Board, 2021).", [("2021", "2021-01-01", "2021-12-31")], []),
        ("The act took effect in May, 2011.", [("May, 2011", "2011-05-01", "2011-05-31")], []),
    ],
)
def test_years_that_end_a_code_or_a_name(
    nlp: Language, text: str, expected: list[tuple[str, str, str]], no_count: list[str]
) -> None:
    assert dates(nlp, text) == expected
    counts = count_texts(nlp, text)
    assert not any(number in count for number in no_count for count in counts)


# -- a full stop glued to the next sentence ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plan covers 2021-2025.Ministers agreed on it.", [("2021-2025", "2021-01-01", "2025-12-31")]),
        ("It was signed on 3 May 2021.The board met later.", [("3 May 2021", "2021-05-03", "2021-05-03")]),
        # after a year: any capital or an opening quote starts the next sentence
        ("The fund closed in 2019.A new fund opened.", [("2019", "2019-01-01", "2019-12-31")]),
        ("Talks ended in 2018.UN envoys left.", [("2018", "2018-01-01", "2018-12-31")]),
        ("The law passed in 2022.\u201cIt is late,\u201d she said.", [("2022", "2022-01-01", "2022-12-31")]),
        # a decimal stays a number
        ("Growth reached 2.5 percent in 2024.", [("2024", "2024-01-01", "2024-12-31")]),
    ],
)
def test_a_glued_full_stop_ends_the_date(nlp: Language, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(nlp, text) == expected


def test_a_later_date_line_under_the_headline_is_the_pages_own(nlp: Language) -> None:
    text = "Harbour forum opened in the old port\n\n09:28, June 14, 2025\n\n" + BODY
    assert ("June 14, 2025", "2025-06-14", "2025-06-14") in dates(nlp, text)
    # above the headline, under a masthead in capitals, it is the site's display date
    header = "Harbor Valley Journal\nSaturday, June 14, 2025 09:28\n\nHarbour forum opened in the old port\n\n" + BODY
    assert [d for d in dates(nlp, header) if d[0].endswith("2025")] == []


# -- review of round 5: an age stamp only in the head, the year of a named law only ----------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short sentence alone in the body is the article's own
        (
            "The council approved the port plan after a long debate in the old town hall on the coast.\n\n"
            "Three weeks ago.\n\nThat was when the talks began.",
            [("Three weeks ago", "2025-05-19", "2025-05-25")],
        ),
        # a law noun alone, after a word in lower case or after an acronym names no law
        ("Under the amended Charter, 2016 budgets will be restored.", [("2016", "2016-01-01", "2016-12-31")]),
        ("After the Rules, 2018 was the year the port stepped in.", [("2018", "2018-01-01", "2018-12-31")]),
        ("Under the revised Code, 2017 fees were cut.", [("2017", "2017-01-01", "2017-12-31")]),
        (
            "Sources: Harbour Board, 2012; OECD Code, 2014.",
            [("2012", "2012-01-01", "2012-12-31"), ("2014", "2014-01-01", "2014-12-31")],
        ),
        # a law's name keeps its year
        ("The Port Safety Act, 2011 was passed and the Ferry Code, 2014 followed.", []),
    ],
)
def test_age_stamps_and_law_years_reviewed(nlp: Language, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(nlp, text) == expected


@pytest.mark.parametrize(
    "above",
    [
        "Port Amara Courier\nThe best source for harbour news",
        "Port Amara Courier\nWelcome to the Port Amara Courier website",
    ],
)
def test_a_site_tagline_is_no_headline(nlp: Language, above: str) -> None:
    # a sentence-case tagline above the display date, the headline under it: the site's date
    text = above + "\nFriday, June 13, 2025\n\nCouncil backs the new harbour plan\n\n" + BODY
    assert [d for d in dates(nlp, text) if d[0].endswith("2025")] == []
