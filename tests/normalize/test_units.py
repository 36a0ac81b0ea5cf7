from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.lexicon import Lexicon, Term
from pipeline.normalize.units import (
    canonical_qualifier,
    currency_candidates,
    currency_code,
    is_plural_noun,
    singular,
    split_currency_sign,
    stays_outside_span,
)


@pytest.mark.parametrize(
    ("word", "code"),
    [("$", "USD"), ("US$", "USD"), ("€", "EUR"), ("£", "GBP"), ("yuan", "CNY"), ("RMB", "CNY"),
     ("tenge", "KZT"), ("roubles", "RUB"), ("rand", "ZAR"), ("euros", "EUR")],
)  # fmt: skip
def test_currency_codes(word: str, code: str) -> None:
    assert currency_code(word) == code


def test_shared_symbols_follow_the_article() -> None:
    assert currency_code("Rs", {"pakistan": 4, "india": 1}) == "PKR"
    assert currency_code("rupees", {"india": 3}) == "INR"
    assert currency_code("¥", {"japan": 2}) == "JPY"


@pytest.mark.parametrize(
    ("word", "canonical"),
    [("nearly", "about"), ("some", "about"), ("an estimated", "about"), ("over", "more than"),
     ("exceeding", "more than"), ("fewer than", "less than"), ("at least", "at least"), ("up to", "up to")],
)  # fmt: skip
def test_qualifiers(word: str, canonical: str) -> None:
    assert canonical_qualifier(word) == canonical


@pytest.mark.parametrize(
    ("word", "plural", "single"),
    [("members", True, "member"), ("kilometres", True, "kilometre"), ("economies", True, "economy"),
     ("people", True, "people"), ("status", False, "status"), ("process", False, "process"), ("day", False, "day")],
)  # fmt: skip
def test_plurals(word: str, plural: bool, single: str) -> None:
    assert is_plural_noun(word) is plural
    assert singular(word) == single


@given(st.text(max_size=30))
def test_never_raise(text: str) -> None:
    currency_code(text)
    canonical_qualifier(text)
    singular(text)


@pytest.mark.parametrize(
    ("text", "sign", "rest"),
    [("$46 billion", "$", "46 billion"), ("US$62", "US$", "62"), ("Rs.500", "Rs.", "500"), ("RMB5", "RMB", "5"),
     ("USD 9.3 billion", "USD", " 9.3 billion"), ("RMx5", None, "RMx5"), ("40 trucks", None, "40 trucks")],
)  # fmt: skip
def test_split_currency_sign(text: str, sign: str | None, rest: str) -> None:
    assert split_currency_sign(text) == (sign, rest)


@pytest.mark.parametrize(
    ("word", "codes"),
    [("Rs", ("PKR", "INR", "LKR", "NPR")), ("¥", ("CNY", "JPY")), ("Swiss francs", ("CHF",)), ("usd", ("USD",)),
     ("RUPEES", ("PKR", "INR", "LKR", "NPR")), ("apples", ())],
)  # fmt: skip
def test_currency_candidates(word: str, codes: tuple[str, ...]) -> None:
    assert currency_candidates(word) == codes


def test_signs_keep_their_case_and_currency_words_do_not() -> None:
    lexicon = Lexicon([Term("CURRENCY_SIGN", "RM", "MYR", "t"), Term("CURRENCY", "ringgit", "MYR", "t")])
    assert split_currency_sign("rm5", lexicon) == (None, "rm5")
    assert split_currency_sign("RM5", lexicon) == ("RM", "5")
    assert currency_code("RINGGIT", lexicon=lexicon) == "MYR"


@pytest.mark.parametrize(
    ("context", "code"),
    [
        ({"crore": 2}, "INR"),
        ({"lakh": 1, "pakistan": 1}, "PKR"),
        ({"crore": 3, "nepal": 1}, "NPR"),
        ({}, "PKR"),
    ],
)
def test_a_hint_decides_only_when_no_country_does(context: dict[str, int], code: str) -> None:
    assert currency_code("Rs", context) == code


def test_a_country_phrase_picks_the_currency() -> None:
    assert currency_code("Rs", {"sri lanka": 2, "india": 1}) == "LKR"


@pytest.mark.parametrize(("text", "outside"), [("an estimated", True), ("estimated at", True), ("nearly", False)])
def test_qualifiers_outside_the_span(text: str, outside: bool) -> None:
    assert stays_outside_span(text) is outside


def test_currencies_come_from_the_lexicon_given() -> None:
    lexicon = Lexicon([Term("CURRENCY", "kwacha", "ZMW", "user"), Term("CURRENCY_SIGN", "ZK", "ZMW", "user")])
    assert currency_code("Kwacha", lexicon=lexicon) == "ZMW"
    assert split_currency_sign("ZK40", lexicon) == ("ZK", "40")
    assert currency_code("kwacha") is None


def test_plurals_come_from_the_lexicon_given() -> None:
    lexicon = Lexicon([Term("PLURAL_NOUN", "fish", None, "user"), Term("NOT_PLURAL_ENDING", "ss", None, "user")])
    assert is_plural_noun("fish", lexicon) and singular("fish", lexicon) == "fish"
    assert not is_plural_noun("fish")
