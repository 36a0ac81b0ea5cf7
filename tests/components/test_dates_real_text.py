"""Dates as real news and report text writes them (issue 12): one block per class of text."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from pipeline import extract_text

from .helpers import claims_of

PUBLISHED = date(2025, 6, 12)  # a Thursday


def dates(nlp: Language, sentence: str, published: date | None = PUBLISHED) -> list[tuple[str, str, str]]:
    return [
        (c["text"], c["start_date"].isoformat(), c["end_date"].isoformat())
        for c in claims_of(nlp, sentence, "date", published)
    ]


def count_texts(nlp: Language, sentence: str, published: date | None = PUBLISHED) -> list[str]:
    return [c["text"] for c in claims_of(nlp, sentence, "count", published)]


# -- two days of one month joined by "and": one date --------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Delegates gather in Nairobi on 8 and 9 July to agree the text.",
            [("8 and 9 July", "2025-07-08", "2025-07-09")],
        ),
        ("The fair runs on 3 and 4 March 2026 in Accra.", [("3 and 4 March 2026", "2026-03-03", "2026-03-04")]),
        ("Hearings are set for April 14 and 15, 2026.", [("April 14 and 15, 2026", "2026-04-14", "2026-04-15")]),
        (
            "Polls were held in 2019 and 2023 across the state.",
            [("2019", "2019-01-01", "2019-12-31"), ("2023", "2023-01-01", "2023-12-31")],
        ),
        (
            "The accord was signed in May 2016, and the 12th round followed.",
            [("May 2016", "2016-05-01", "2016-05-31")],
        ),
    ],
)
def test_two_days_of_one_month(nlp: Language, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(nlp, sentence) == expected


def test_day_numbers_inside_a_date_are_no_counts(nlp: Language) -> None:
    assert count_texts(nlp, "Delegates gather on 8 and 9 July with 40 ministers.") == ["40 ministers"]


# -- a weekday alone, as newswires write it ------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The lender said Tuesday it would double its support.", [("Tuesday", "2025-06-10", "2025-06-10")]),
        ("Ministers met Friday in Lusaka.", [("Friday", "2025-06-13", "2025-06-13")]),
        ("Monday's vote was delayed.", [("Monday", "2025-06-09", "2025-06-09")]),
        ("On Wednesday Minister Okafor opened the plant.", [("Wednesday", "2025-06-11", "2025-06-11")]),
        (
            "The panel on Tuesday (June 10) approved the grant.",
            [("Tuesday", "2025-06-10", "2025-06-10"), ("June 10", "2025-06-10", "2025-06-10")],
        ),
    ],
)
def test_a_weekday_alone_is_the_nearest_such_day(
    nlp: Language, sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Markets close early on Good Friday.",
        "The Sunday Observer printed the letter.",
        "Super Tuesday decides the race.",
        "The clinic opens every Saturday.",
        "Shops shut on Sundays.",
    ],
)
def test_weekdays_in_names_or_recurring_are_no_dates(nlp: Language, sentence: str) -> None:
    assert dates(nlp, sentence) == []


# -- "Today" and "Tomorrow" opening a quotation ----------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She told reporters: \u201cToday we open a new chapter.\u201d", [("Today", "2025-06-12", "2025-06-12")]),
        ('"Tomorrow the first loans go out," he said.', [("Tomorrow", "2025-06-13", "2025-06-13")]),
        ("Today the board approved the loan.", [("Today", "2025-06-12", "2025-06-12")]),
    ],
)
def test_deictic_words_capitalised_in_quotes(
    nlp: Language, sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(nlp, sentence) == expected


# -- a dateline's dash ends the dateline, it joins no range -----------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "LUSAKA, 2 June \u2013 Yesterday the cabinet approved the plan.",
            [("2 June", "2025-06-02", "2025-06-02"), ("Yesterday", "2025-06-11", "2025-06-11")],
        ),
        ("QUITO \u2014 Today, the bank signed the loan.", [("Today", "2025-06-12", "2025-06-12")]),
        ("The fair ran 3 May \u2013 June 2024.", [("3 May \u2013 June 2024", "2024-05-03", "2024-06-30")]),
        ("Offices close Monday \u2013 Wednesday.", [("Monday \u2013 Wednesday", "2025-06-09", "2025-06-11")]),
    ],
)
def test_a_dateline_dash(nlp: Language, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The report Building Cities for Tomorrow is out.",
        "The \u201cTomorrow\u2019s Harbours\u201d scheme opened bids.",
        'She appeared on the "Today" show to defend it.',
    ],
)
def test_a_title_with_today_or_tomorrow_is_no_date(nlp: Language, sentence: str) -> None:
    assert dates(nlp, sentence) == []


def test_a_possessive_today_opening_a_quote_is_a_date(nlp: Language) -> None:
    assert dates(nlp, "\u201cToday\u2019s vote matters,\u201d she said.") == [("Today", "2025-06-12", "2025-06-12")]


# -- parts of the period that holds publication; decades ------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Coverage should be universal by the end of the decade.", [("end of the decade", "2020-01-01", "2029-12-31")]),
        ("Prices fell at the beginning of the year.", [("beginning of the year", "2025-01-01", "2025-12-31")]),
        ("The fund closes at the end of the month.", [("end of the month", "2025-06-01", "2025-06-30")]),
        ("Work must finish by the end of 2028.", [("end of 2028", "2028-01-01", "2028-12-31")]),
        ("Growth will matter more this decade.", [("this decade", "2020-01-01", "2029-12-31")]),
        ("The dam was built a decade ago.", [("a decade ago", "2015-01-01", "2015-12-31")]),
        ("The charter was signed sixty years ago.", [("sixty years ago", "1965-01-01", "1965-12-31")]),
        ("Exports slowed in the second half of the year.", [("second half of the year", "2025-07-01", "2025-12-31")]),
        ("The week of 16 June is set aside.", [("week of 16 June", "2025-06-16", "2025-06-22")]),
        ("The week of 3 March 2021 was busy.", [("week of 3 March 2021", "2021-03-01", "2021-03-07")]),
        ("Rates were raised in March last year.", [("March last year", "2024-03-01", "2024-03-31")]),
        ("Talks ran August 26\u201329, 2024 in Lima.", [("August 26\u201329, 2024", "2024-08-26", "2024-08-29")]),
        ("The forum opens on 21 October in Baku.", [("21 October", "2025-10-21", "2025-10-21")]),
    ],
)
def test_periods_around_publication(nlp: Language, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The mid-year review meeting is in Rome.",
        "Decisions come at the end of the day.",
        "It has grown for more than two decades.",
        "The second decade of the plan starts soon.",
    ],
)
def test_no_period_around_publication(nlp: Language, sentence: str) -> None:
    assert dates(nlp, sentence) == []


def test_the_end_of_the_decade_needs_a_publication_date(nlp: Language) -> None:
    assert dates(nlp, "Coverage should be universal by the end of the decade.", None) == []


# -- left out: fiscal years, recurring dates --------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "The mission runs from 2025-26 to 2029-30 with new funds.",
        "Outlays in 2023-24 were higher.",
        "Revenue in FY 2024 rose.",
        "The council meets in March every year to set the budget.",
        "Pensions are paid on 1 July of each year.",
        "The index is published in October annually.",
    ],
)
def test_fiscal_and_recurring_dates_are_left_out(nlp: Language, sentence: str) -> None:
    assert dates(nlp, sentence) == []
    assert count_texts(nlp, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["Aid doubled in 2015-20 in the region.", "The 2015-20 plan was extended.", "The plan for 2015-20 ran late."],
)
def test_a_span_of_years_is_no_fiscal_year(nlp: Language, sentence: str) -> None:
    assert dates(nlp, sentence) == [("2015-20", "2015-01-01", "2020-12-31")]
    assert count_texts(nlp, sentence) == []


# -- years in names and numbers in identifiers ---------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "The Global hunger report 2019 found wide gaps.",
        "The Asian outlook 2024 was revised.",
        "The agency's Annual Review 2023 is online.",
        "The proposal COM(2023)17 was tabled.",
        "Decision EB/51/1998 was adopted.",
    ],
)
def test_years_in_names_are_no_dates(nlp: Language, sentence: str) -> None:
    assert dates(nlp, sentence) == []


# -- a document noun used as a verb or outside a title leaves the date alone ----------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The board will review 2025 spending in July.", ["2025", "July"]),
        ("Its strategy 2021 refresh was approved in 2022.", ["2021", "2022"]),
        ("The panel discussed the issue 4 March and closed.", ["4 March"]),
        ("Lenders survey 2024 as a year of recovery.", ["2024"]),
    ],
)
def test_document_nouns_outside_titles(nlp: Language, sentence: str, expected: list[str]) -> None:
    assert [text for text, _, _ in dates(nlp, sentence)] == expected


def test_a_number_after_an_issue_marker_is_no_day(nlp: Language) -> None:
    assert dates(nlp, "Bulletin No. 14 March 2012") == [("March 2012", "2012-03-01", "2012-03-31")]


# -- citation years with a glued reference marker ----------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Flows grew (IMF, 2021[4]; World Bank, 2023[7]).",
            [("2021", "2021-01-01", "2021-12-31"), ("2023", "2023-01-01", "2023-12-31")],
        ),
        ("Prices were revised in June 2020[2] upwards.", [("June 2020", "2020-06-01", "2020-06-30")]),
    ],
)
def test_citation_years_without_their_reference(
    nlp: Language, sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(nlp, sentence) == expected


def test_a_glued_reference_keeps_the_exact_characters(nlp: Language) -> None:
    text = "Flows grew (IMF, 2021[4])."
    _, claims = extract_text(text, nlp, published=PUBLISHED)
    (claim,) = [c for c in claims if c.claim_type == "date"]
    assert text[claim.start : claim.end] == "2021"


# -- a number before a closing bracket is no emoticon ("8)") -------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The council met on Monday (June 9) in Accra.", ["Monday", "June 9"]),
        ("Bids close (by 8 August) at noon.", ["8 August"]),
        ("The review (due May 8) was delayed.", ["May 8"]),
    ],
)
def test_a_date_before_a_closing_bracket_ends_at_the_number(nlp: Language, sentence: str, expected: list[str]) -> None:
    assert [text for text, _, _ in dates(nlp, sentence)] == expected


# -- the site header's date of the day the page was viewed: page furniture ------------------
BODY_AFTER_HEAD = (
    "The coastal authority said on Wednesday that the new barriers would be finished before the "
    "storm season, according to the figures it released."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later day alone on the first line, above the dateline: the site's display date
        (
            "Sat. Jun 21st, 2025\n\nLisbon, 11 June 2025\n\n" + BODY_AFTER_HEAD,
            [("11 June 2025", "2025-06-11", "2025-06-11"), ("Wednesday", "2025-06-11", "2025-06-11")],
        ),
        (
            "Harbor Valley Journal\nMonday, 30 June 2025 09:15 GMT\n\nBarriers for the coast\n\n" + BODY_AFTER_HEAD,
            [("Wednesday", "2025-06-11", "2025-06-11")],
        ),
        # the publication day itself above the headline is the article's date line
        (
            "Thursday, 12 June 2025 11:30\n\nBarriers for the coast\n\n" + BODY_AFTER_HEAD,
            [("Thursday, 12 June 2025", "2025-06-12", "2025-06-12"), ("Wednesday", "2025-06-11", "2025-06-11")],
        ),
        # a later day in running text, or on a line of its own under it, is a date of the article
        (
            BODY_AFTER_HEAD + "\n\nThe next review is due on 30 June 2025.",
            [("Wednesday", "2025-06-11", "2025-06-11"), ("30 June 2025", "2025-06-30", "2025-06-30")],
        ),
        (
            BODY_AFTER_HEAD + "\n\nFigures as of\n30 June 2025",
            [("Wednesday", "2025-06-11", "2025-06-11"), ("30 June 2025", "2025-06-30", "2025-06-30")],
        ),
        # a text that is one date alone is no page with a header
        ("30 June 2025", [("30 June 2025", "2025-06-30", "2025-06-30")]),
        # a later day on a head line with other words is no display date
        (
            "Hearing set for 30 June 2025\n\n" + BODY_AFTER_HEAD,
            [("30 June 2025", "2025-06-30", "2025-06-30"), ("Wednesday", "2025-06-11", "2025-06-11")],
        ),
    ],
)
def test_a_site_header_date_is_furniture(nlp: Language, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(nlp, text) == expected
    assert not any(c in count_texts(nlp, text) for c in ("21st", "2025", "30"))


# -- a year that belongs to a numbered act, a quarter or half in a compound duration -----------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The court upheld Decree No. 58 of 2022 in full.", []),
        ("Law No. 7 of 2021 was amended in 2024.", [("2024", "2024-01-01", "2024-12-31")]),
        ("Over the past quarter-century the region grew.", []),
        ("The last half-century saw two wars.", []),
        ("Sales fell in the last quarter.", [("last quarter", "2025-01-01", "2025-03-31")]),
    ],
)
def test_identifier_years_and_compound_durations(
    nlp: Language, sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(nlp, sentence) == expected


# -- a month and "day/year" in an agency dateline; this and last century --------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("AGENCY March 14/2021 Ministers met in the capital.", [("March 14/2021", "2021-03-14", "2021-03-14")]),
        ("It is the worst drought this century.", [("this century", "2001-01-01", "2100-12-31")]),
        ("Cities grew fast in the last century.", [("last century", "1901-01-01", "2000-12-31")]),
    ],
)
def test_agency_datelines_and_centuries(nlp: Language, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(nlp, sentence) == expected


def test_a_semester_is_a_half_year(nlp: Language) -> None:
    assert dates(nlp, "Growth in the first semester of 2019 was slow.") == [
        ("first semester of 2019", "2019-01-01", "2019-06-30")
    ]


# -- a year after "No. N," / "Vol. N," in a citation is a date; only "of" ties it to the act --------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Lee, K. Water and cities. Urban Review, Vol. 8, No. 2, 2018, pp. 3-9.",
            [("2018", "2018-01-01", "2018-12-31")],
        ),
        ("See Discussion Paper No. 17, 2016, for the method.", [("2016", "2016-01-01", "2016-12-31")]),
        ("The data come from Technical Note No. 9 (2020).", [("2020", "2020-01-01", "2020-12-31")]),
        ("See Bulletin No. 4 - 2017 for the coast.", [("2017", "2017-01-01", "2017-12-31")]),
        ("The court upheld Order No. 12 of 2018.", []),
    ],
)
def test_citation_years_after_a_number(nlp: Language, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(nlp, sentence) == expected
