from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.dates import is_fiscal_year, parse_date

PUBLISHED = date(2023, 3, 14)  # a Tuesday


def d(text: str) -> tuple[str, str] | None:
    found = parse_date(text, PUBLISHED)
    return None if found is None else (found[0].isoformat(), found[1].isoformat())


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("7th October 2022", "2022-10-07", "2022-10-07"),
        ("October 7, 2022", "2022-10-07", "2022-10-07"),
        ("7 Oct. 2022", "2022-10-07", "2022-10-07"),
        ("2022-10-07", "2022-10-07", "2022-10-07"),
        ("Thursday, 13 June 2019", "2019-06-13", "2019-06-13"),
        ("the 15th of June 2001", "2001-06-15", "2001-06-15"),
        ("Sept. 19, 2003", "2003-09-19", "2003-09-19"),
    ],
)
def test_days(text: str, start: str, end: str) -> None:
    assert d(text) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("October 2022", "2022-10-01", "2022-10-31"),
        ("February 2024", "2024-02-01", "2024-02-29"),
        ("1992", "1992-01-01", "1992-12-31"),
        ("the 1990s", "1990-01-01", "1999-12-31"),
        ("21st Century", "2001-01-01", "2100-12-31"),
        ("the twentieth century", "1901-01-01", "2000-12-31"),
        ("first quarter of 2021", "2021-01-01", "2021-03-31"),
        ("Q3 2023", "2023-07-01", "2023-09-30"),
        ("the first half of 2024", "2024-01-01", "2024-06-30"),
        ("H2 2024", "2024-07-01", "2024-12-31"),
        ("early 2024", "2024-01-01", "2024-12-31"),
        ("mid-2023", "2023-01-01", "2023-12-31"),
        ("late May 2023", "2023-05-01", "2023-05-31"),
    ],
)
def test_periods(text: str, start: str, end: str) -> None:
    assert d(text) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("12-13 October 2022", "2022-10-12", "2022-10-13"),
        ("12 to 13 October 2022", "2022-10-12", "2022-10-13"),
        ("28 November \u2013 2 December 2023", "2023-11-28", "2023-12-02"),
        ("from 1996 to 2001", "1996-01-01", "2001-12-31"),
        ("2021-2025", "2021-01-01", "2025-12-31"),
        ("2021-25", "2021-01-01", "2025-12-31"),
        ("between 2015 and 2020", "2015-01-01", "2020-12-31"),
        ("May-June 2023", "2023-05-01", "2023-06-30"),
    ],
)
def test_ranges(text: str, start: str, end: str) -> None:
    assert d(text) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("today", "2023-03-14", "2023-03-14"),
        ("yesterday", "2023-03-13", "2023-03-13"),
        ("last year", "2022-01-01", "2022-12-31"),
        ("next month", "2023-04-01", "2023-04-30"),
        ("earlier this month", "2023-03-01", "2023-03-31"),
        ("this week", "2023-03-13", "2023-03-19"),
        ("last week", "2023-03-06", "2023-03-12"),
        ("two years ago", "2021-01-01", "2021-12-31"),
        ("21 March", "2023-03-21", "2023-03-21"),
        ("5-7 September", "2023-09-05", "2023-09-07"),
        ("May", "2023-05-01", "2023-05-31"),
        ("last November", "2022-11-01", "2022-11-30"),
        ("on Sunday", "2023-03-12", "2023-03-12"),
    ],
)
def test_relative_to_publication(text: str, start: str, end: str) -> None:
    assert d(text) == (start, end)


@pytest.mark.parametrize("text", ["last year", "next month", "21 March", "today"])
def test_relative_without_publication_date_is_left_out(text: str) -> None:
    assert parse_date(text, None) is None


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("25/12/2023", "dmy", "2023-12-25"),
        ("12/25/2023", "dmy", "2023-12-25"),  # unambiguous: 25 cannot be a month
        ("03/04/2023", "dmy", "2023-04-03"),
        ("03/04/2023", "mdy", "2023-03-04"),
    ],
)
def test_numeric_day_order(text: str, order: str, expected: str) -> None:
    found = parse_date(text, None, order=order)  # type: ignore[arg-type]
    assert found is not None and found[0].isoformat() == expected


@pytest.mark.parametrize("text", ["two-day", "27", "Asian century", "31 February 2023", "2031-2020", "", "13/13/2023"])
def test_not_dates(text: str) -> None:
    assert d(text) is None


@given(st.text(max_size=60))
def test_never_raises_and_stays_in_bounds(text: str) -> None:
    found = parse_date(text, PUBLISHED)
    if found is not None:
        assert found[0] <= found[1]
        assert 1000 <= found[0].year <= 2199


REF = date(2016, 11, 7)  # a Monday


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("05-Aug-2016", "2016-08-05", "2016-08-05"),
        ("2020/Sep/23", "2020-09-23", "2020-09-23"),
        ("Dec31, 1994", "1994-12-31", "1994-12-31"),
        ("2016 June", "2016-06-01", "2016-06-30"),
        ("2015/08/12", "2015-08-12", "2015-08-12"),
        ("20161016", "2016-10-16", "2016-10-16"),
        ("2016-11", "2016-11-01", "2016-11-30"),
        ("11/2016", "2016-11-01", "2016-11-30"),
        ("2019-Q1", "2019-01-01", "2019-03-31"),
        ("2016H2", "2016-07-01", "2016-12-31"),
        ("15 April of 87", "1987-04-15", "1987-04-15"),
        ("next Friday", "2016-11-18", "2016-11-18"),
        ("Tuesday of next week", "2016-11-15", "2016-11-15"),
        ("in 2 weeks", "2016-11-21", "2016-11-21"),
        ("two days from tomorrow", "2016-11-10", "2016-11-10"),
        ("this weekend", "2016-11-12", "2016-11-13"),
        ("last quarter", "2016-07-01", "2016-09-30"),
        ("the first week of 2015", "2014-12-29", "2015-01-04"),
        ("the first Friday of next month", "2016-12-02", "2016-12-02"),
        ("the 20th of next month", "2016-12-20", "2016-12-20"),
        ("from 4 to 22 this month", "2016-11-04", "2016-11-22"),
        ("26 June to 28 June in 2020", "2020-06-26", "2020-06-28"),
        ("4 to January 22, 1995", "1995-01-04", "1995-01-22"),
        ("nineteen ninety six", "1996-01-01", "1996-12-31"),
    ],
)
def test_other_forms(text: str, start: str, end: str) -> None:
    found = parse_date(text, REF)
    assert found is not None and (found[0].isoformat(), found[1].isoformat()) == (start, end)


@pytest.mark.parametrize("text", ["30/4.85", "2015-16 budget", "the week", "two thousand apples"])
def test_other_non_dates(text: str) -> None:
    assert parse_date(text, REF) is None


@pytest.mark.parametrize(
    ("text", "fiscal"),
    [
        ("2024-25", True),
        ("2024 - 25", True),
        ("1999/00", True),
        ("FY 2023", True),
        ("FY2023-24", True),
        ("2016-21", False),
        ("2024-2025", False),
        ("2023", False),
    ],
)
def test_fiscal_years(text: str, fiscal: bool) -> None:
    assert is_fiscal_year(text) is fiscal
