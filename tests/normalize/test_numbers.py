from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.lexicon import Lexicon, Term
from pipeline.normalize.numbers import (
    CARDINAL_STEPS,
    MAX_VALUE,
    Words,
    is_number_shaped,
    number_words,
    parse_amount,
    parse_exact,
    parse_fraction_percent,
    parse_number,
    parse_numeric,
    parse_ratio_percent,
    parse_words,
    read_cardinal,
    word_kind,
)
from pipeline.patterns import default_lexicon


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("27", 27),
        ("2,700", 2700),
        ("3,45,000", 345000),  # Indian grouping (lakh, crore)
        ("12,34,56,789", 123456789),
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


@pytest.mark.parametrize(
    "text", ["", "abc", "twenty and", "2,7000", "1,2,3", "12,34,5", "1.2.3", "six apples", "-", "1m", "and", "a"]
)
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("half", 50),
        ("a quarter", 25),
        ("two-thirds", 200 / 3),
        ("a third", 100 / 3),
        ("one-tenth", 10),
        ("three fifths", 60),
        ("one sixth", 100 / 6),
        ("three-fourths", 75),
        ("one fourth", 25),
        ("2/3", 200 / 3),
        ("5/8", 62.5),
    ],
)
def test_fractions_are_percent_at_full_precision(text: str, value: float) -> None:
    assert parse_fraction_percent(text) == pytest.approx(value, abs=1e-12)


@pytest.mark.parametrize("text", ["0.5", "nought point eleven", "2 1/4", "4/3", "twenty fifths", "third", "1.5/3"])
def test_decimals_wholes_and_lone_ordinals_are_no_parts_of_a_whole(text: str) -> None:
    assert parse_fraction_percent(text) is None


def test_parse_number_rounds_below_one_and_parse_exact_does_not() -> None:
    assert parse_number("two thirds") == 0.666666666667
    assert parse_exact("two thirds") == 2 / 3


@pytest.mark.parametrize(
    ("part", "whole", "value"),
    [
        ("one", "six", 100 / 6),
        ("3", "10", 30),
        ("2", "100", 2),
        ("1", "4", 25),
        ("one", "12", 100 / 12),
        ("6", "3", None),
        ("0", "5", None),
        ("5", "12", None),  # "rose 5 in 12 markets": no base a ratio is given over
        ("3", "7", None),
        ("4", "20", None),
    ],
)
def test_ratios_are_percent(part: str, whole: str, value: float | None) -> None:
    assert parse_ratio_percent(part, whole) == (None if value is None else pytest.approx(value, abs=1e-12))


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


# -- the named steps of the grammar ----------------------------------------------------


def words_of(text: str) -> Words:
    return Words.split(text, number_words())


@pytest.mark.parametrize(
    ("word", "kind"),
    [("seven", "unit"), ("nought", "unit"), ("ten", "teen"), ("seventeen", "teen"), ("sixty", "tens"),
     ("hundred", "hundred"), ("hundreds", "hundred"), ("lakh", "scale"), ("millions", "scale"),
     ("dozen", "group"), ("and", "and"), ("an", "article"), ("42", "digit"), ("7.5bn", "digit"),
     ("M", "multiplier"), ("m", None), ("point", None), ("parliament", None)],
)  # fmt: skip
def test_word_kind(word: str, kind: str | None) -> None:
    assert word_kind(word.lower(), word, number_words()) == kind


def test_every_word_class_has_a_cardinal_step() -> None:
    assert set(CARDINAL_STEPS) == {
        "and",
        "article",
        "digit",
        "multiplier",
        "unit",
        "teen",
        "tens",
        "hundred",
        "scale",
        "group",
    }


@pytest.mark.parametrize(
    ("text", "value", "end", "last"),
    [
        ("eighty-four delegates", 84, 2, "unit"),
        ("two hundred and six", 206, 4, "unit"),
        ("nine hundred and", 900, 2, "hundred"),  # a trailing "and" is given back
        ("seven thousand four hundred", 7400, 4, "hundred"),
        ("a dozen", 12, 2, "group"),
        ("an hour", None, 0, ""),  # an article alone is no number
        ("four three", 4, 1, "unit"),  # two units in a row: the first number ends
        ("twelve fifteen", 12, 1, "teen"),
        ("2.33 k", 2330, 2, "scale"),
        ("three lakh crore", 3e12, 3, "scale"),
        ("eleven dozen and", 132, 2, "group"),
    ],
)
def test_read_cardinal(text: str, value: float | None, end: int, last: str) -> None:
    found = read_cardinal(words_of(text), 0)
    if value is None:
        assert found is None
        return
    assert found is not None
    assert (found.value, found.end, found.last) == (pytest.approx(value), end, last)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("quarter dozen", 3),  # half_of_scale
        ("half the budget", None),  # half_of_scale: anything else opening with "half" is none
        ("a sixth", 1 / 6),  # article_fraction
        ("two hundred and a half", 200.5),  # fraction_of_group
        ("nine and a half", 9.5),  # and_a_fraction
        ("forty and", None),
        ("sixty-six", 66),  # bare_cardinal
        ("seven point two five", 7.25),  # point_decimals
        ("seven point", None),
        ("ten over four", 2.5),  # over_division
        ("ten over zero", None),
        ("five quarters", 1.25),  # fraction_word_denominator
        ("three quarters of a billion", 7.5e8),  # of_a_scale
        ("four sevenths", 4 / 7),  # ordinal_denominator
        ("one hundred forty sixths", 100 / 46),
        ("two one hundred and third", 2 / 103),  # compound_denominator
        ("seven wonders", None),
    ],
)
def test_word_forms(text: str, value: float | None) -> None:
    found = parse_words(words_of(text))
    assert found == (None if value is None else pytest.approx(value))


@pytest.mark.parametrize(
    ("text", "shaped"),
    [("27", True), ("-3", True), ("4,050.25", True), ("10k", True), ("10K", True), ("5bn", True),
     ("3/4", True), ("+44", True), ("1st", False), ("1990s", False), ("11:00", False), ("km", False)],
)  # fmt: skip
def test_number_shaped_tokens(text: str, shaped: bool) -> None:
    assert is_number_shaped(text) is shaped


@pytest.mark.parametrize(
    ("text", "value"), [("12", 12), ("1.3e2", 130), ("2^10", 1024), ("4.5bn", 4.5e9), ("1/8", 0.125), ("twelve", None)]
)
def test_parse_numeric(text: str, value: float | None) -> None:
    assert parse_numeric(text) == (None if value is None else pytest.approx(value))


@pytest.mark.parametrize(("text", "value"), [("5m", 5e6), ("2.5 m", 2.5e6), ("40 million", 4e7), ("9", 9)])
def test_amounts_after_a_currency_read_m_as_million(text: str, value: float) -> None:
    assert parse_amount(text) == pytest.approx(value)


def test_multipliers_are_case_sensitive() -> None:
    assert parse_number("3M") == 3e6
    assert parse_number("3m") is None  # three metres, not three million


def test_the_grammar_reads_the_words_of_the_lexicon_it_is_given() -> None:
    extra = [
        Term("NUMBER_WORD", "zwei", 2, "user-de"),
        Term("SCALE", "tausend", 1000, "user-de"),
        Term("NUMBER_CONNECTOR", "und", "and", "user-de"),
        Term("MULTIPLIER", "Mio", 1e6, "user-de"),
    ]
    builtin = [t for label in default_lexicon().labels for t in default_lexicon().terms(label)]
    lexicon = Lexicon([*builtin, *extra])
    assert parse_number("zwei tausend", lexicon) == 2000
    assert parse_number("3 Mio", lexicon) == 3e6
    assert parse_number("zwei tausend") is None  # the built-in lexicon has no German words
    assert parse_number("three hundred and five", lexicon) == 305


def test_numbers_that_used_to_raise_are_none() -> None:
    assert parse_number("9e999") is None
    assert parse_number("0^-3") is None


def test_an_empty_lexicon_knows_no_number_words() -> None:
    from pipeline.lexicon import Lexicon

    assert parse_number("seven") == 7
    assert parse_number("seven", lexicon=Lexicon()) is None
    assert parse_number("7", lexicon=Lexicon()) == 7
