"""Counts met on wire stories, bank releases and Indian government news: units joined by "and"
or "or", currency codes after a number in a title-case headline, currencies inside a compound
adjective, and "cr" for crore. Sentences are invented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from .helpers import claims_of


def counts(nlp: Language, text: str) -> list[tuple[object, ...]]:
    return [(c["text"], c["value"], c["unit"]) for c in claims_of(nlp, text, "count")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The fund trains 640 nurses and midwives each year.",
            [("640 nurses and midwives", 640, "nurses and midwives")],
        ),
        (
            "Grants reach three million small and medium farms.",
            [("three million small and medium farms", 3e6, "small and medium farms")],
        ),
        ("The plan covers 14 towns or villages.", [("14 towns or villages", 14, "towns or villages")]),
        (
            "Meals reach 9.5 lakh govt and govt-run schools.",
            [("9.5 lakh govt and govt-run schools", 9.5e5, "govt and govt-run schools")],
        ),
        ("Two ports and three bridges were built.", [("Two ports", 2, "ports"), ("three bridges", 3, "bridges")]),
        ("The 12 provinces and the capital agreed.", [("12 provinces", 12, "provinces")]),
        ("It admitted 30 members and elected a chair.", [("30 members", 30, "members")]),
    ],
)
def test_a_unit_joined_by_and_or_or(nlp: Language, sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert counts(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lender Approves 240 Mln USD Loan To Lakeland", [("240 Mln USD", 2.4e8, "USD")]),
        ("Bank Grants 15 Million EUR For Harbor Works", [("15 Million EUR", 1.5e7, "EUR")]),
        ("Lender Approves 12 New Projects In Lakeland", [("12 New Projects", 12, "New Projects")]),
    ],
)
def test_a_currency_code_after_a_number_in_a_title_case_headline(
    nlp: Language, sentence: str, expected: list[tuple[object, ...]]
) -> None:
    assert counts(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The second is a 64-million-dollar water project.", [("64-million-dollar", 6.4e7, "USD")]),
        ("A three-day course follows.", [("three-day", 3, "day")]),
    ],
)
def test_a_currency_inside_a_compound_adjective(
    nlp: Language, sentence: str, expected: list[tuple[object, ...]]
) -> None:
    assert counts(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The cabinet cleared Rs 2,300 cr for rail lines.", [("Rs 2,300 cr", 2.3e10, "INR")]),
        (
            "The mission will spend ₹1.4 lakh cr over six years.",
            [("₹1.4 lakh cr", 1.4e12, "INR"), ("six years", 6, "years")],
        ),
    ],
)
def test_cr_is_crore(nlp: Language, sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert counts(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bank backs a three year programme of reforms.", [("three year", 3, "year")]),
        ("The delegation is on a five day visit to Lakeland.", [("five day", 5, "day")]),
        ("It reviewed the ten year strategic framework.", [("ten year", 10, "year")]),
        ("He is 43 year old.", []),
    ],
)
def test_a_compound_adjective_without_its_hyphen(
    nlp: Language, sentence: str, expected: list[tuple[object, ...]]
) -> None:
    assert counts(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Clinics closed during the pandemic (COVID -19) for weeks.", []),
        ("Output fell to GDP -2.4% last year.", [("-2.4%", -2.4, "percent")]),
        ("Nights reach -19 degrees in the valley.", [("-19 degrees", -19, "degrees")]),
    ],
)
def test_a_code_number_with_a_space_before_its_hyphen(
    nlp: Language, sentence: str, expected: list[tuple[object, ...]]
) -> None:
    assert counts(nlp, sentence) == expected
