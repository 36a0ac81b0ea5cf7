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
            "The fund trains 640 nurses and midwives.",
            [("640 nurses and midwives", 640, "nurses and midwives")],
        ),
        ("About 30 farms and orchards were flooded.", [("About 30 farms and orchards", 30, "farms and orchards")]),
        ("It hired 45 staff and trainers of the colleges.", [("45 staff and trainers", 45, "staff and trainers")]),
        (
            "Aid reached 90 schools and children in the hills.",
            [("90 schools and children", 90, "schools and children")],
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
        # a verb in -s after the "and", with its object or a preposition: the counted noun only
        ("The clinic hired 25 midwives and trains nurses in the valley.", [("25 midwives", 25, "midwives")]),
        ("The league has 51 members and meets each spring.", [("51 members", 51, "members")]),
        ("The assembly has 90 members and works for reform.", [("90 members", 90, "members")]),
        ("The board counts 11 members and holds hearings.", [("11 members", 11, "members")]),
        ("The office has 70 staff and runs four depots.", [("70 staff", 70, "staff"), ("four depots", 4, "depots")]),
        ("The bank has 14 branches and partners with lenders.", [("14 branches", 14, "branches")]),
        ("The trust has 8 trustees and oversees grants.", [("8 trustees", 8, "trustees")]),
        # a bare or past verb and its object after the "and"
        ("The town will pave 6 streets and widen lanes.", [("6 streets", 6, "streets")]),
        ("Guards detained 9 smugglers and seized boats.", [("9 smugglers", 9, "smugglers")]),
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
        ("The 3-billion-euro scheme began.", [("3-billion-euro", 3e9, "EUR")]),
        # a currency word without a scale word: a weight or a price as written
        ("Jets dropped 1,000-pound bombs.", [("1,000-pound", 1000, "pound")]),
        ("Each got a 25-pound sack of maize.", [("25-pound", 25, "pound")]),
        ("Riders pay a 2-dollar fare.", [("2-dollar", 2, "dollar")]),
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
        ("Staff work 50 hour weeks in the harvest.", [("50 hour", 50, "hour")]),
        ("She faces a 7 year jail term.", [("7 year", 7, "year")]),
        ("The 24 hour news cycle moves fast.", [("24 hour", 24, "hour")]),
        # a time word opening a noun compound the number counts: the whole compound
        ("The town runs 9 day nurseries.", [("9 day nurseries", 9, "day nurseries")]),
        ("Farms took on 40 day workers.", [("40 day workers", 40, "day workers")]),
        ("It opened 6 day care homes.", [("6 day care homes", 6, "day care homes")]),
        ("About 12 year groups took part.", [("About 12 year groups", 12, "year groups")]),
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
