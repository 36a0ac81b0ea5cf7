from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.units import canonical_qualifier, currency_code, is_plural_noun, singular


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
