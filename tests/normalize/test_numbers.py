from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.numbers import MAX_VALUE, parse_fraction_percent, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("27", 27),
        ("2,700", 2700),
        ("2.7", 2.7),
        ("2.7 billion", 2.7e9),
        ("5 mn", 5e6),
        ("1.4 trillion", 1.4e12),
        ("six", 6),
        ("twenty-seven", 27),
        ("three hundred and twenty-one", 321),
        ("a dozen", 12),
        ("half a million", 500_000),
        ("3 hundred and 21", 321),
        ("minus five", -5),
        ("-3", -3),
        ("one trillion", 1e12),
        ("a million", 1e6),
    ],
)
def test_numbers(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "twenty and", "2,7000", "1.2.3", "six apples", "-", "1m", "and", "a"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"), [("half", 50), ("a quarter", 25), ("two-thirds", 66.6667), ("a third", 33.3333)]
)
def test_fractions_are_percent(text: str, value: float) -> None:
    assert parse_fraction_percent(text) == pytest.approx(value, abs=1e-3)


@given(st.text(max_size=80))
def test_never_raises_and_stays_in_bounds(text: str) -> None:
    value = parse_number(text)
    assert value is None or abs(value) <= MAX_VALUE


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (".08", 0.08),
        ("1 234 567", 1234567),
        ("5,00", 5),
        ("1.3e6", 1.3e6),
        ("1.1^23", 1.1**23),
        ("10k", 1e4),
        ("1.2b", 1.2e9),
        ("2.33 k", 2330),
        ("10 bln", 1e10),
        ("13 lakh", 1.3e6),
        ("6 crore and two hundred", 60000200),
        ("4 thousand 3 hundred and 21", 4321),
        ("two hundred point zero three", 200.03),
        ("3/4", 0.75),
        ("2 1/4", 2.25),
        ("three fifths", 0.6),
        ("a twenty-first", 1 / 21),
        ("one and a half", 1.5),
        ("one over three", 1 / 3),
        ("3 million and a half", 3.5e6),
        ("five billion and three quarters", 5.75e9),
        ("one hundred and three quarters", 100.75),
        ("half million", 5e5),
        ("three dozens", 36),
        ("nought point five", 0.5),
    ],
)
def test_number_grammar(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["2022/23", "24/7", "50/50", "4/0"])
def test_slashes_that_are_not_fractions(text: str) -> None:
    assert parse_number(text) is None
