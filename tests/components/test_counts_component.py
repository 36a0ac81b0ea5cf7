from __future__ import annotations

import pytest
from spacy.language import Language

from .helpers import claims_of


def counts(nlp: Language, text: str) -> list[tuple[object, ...]]:
    return [(c["text"], c["value"], c["value_max"], c["unit"], c["qualifier"]) for c in claims_of(nlp, text, "count")]


def test_a_list_of_counts(nlp: Language) -> None:
    text = "Currently, there are 27 permanent members, 9 observer states, 5 observer organizations, and 5 partner organizations."
    assert [(c[1], c[3]) for c in counts(nlp, text)] == [
        (27, "permanent members"), (9, "observer states"), (5, "observer organizations"), (5, "partner organizations"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Projects worth $46 billion were announced.", ("$46 billion", 46_000_000_000, None, "USD", None)),
        (
            "It has grown to more than $60 billion since.",
            ("more than $60 billion", 60_000_000_000, None, "USD", "more than"),
        ),
        ("The fund received 100 billion yuan from Beijing.", ("100 billion yuan", 100_000_000_000, None, "CNY", None)),
        ("It removes duties on about 87% of tariff lines.", ("about 87%", 87, None, "percent", "about")),
        ("Members hold roughly 40 per cent of the population.", ("roughly 40 per cent", 40, None, "percent", "about")),
        (
            "The plant added around 8,000 megawatts to the grid.",
            ("around 8,000 megawatts", 8000, None, "megawatts", "about"),
        ),
        ("It is a 1,872-kilometre upgrade of the line.", ("1,872-kilometre", 1872, None, "kilometre", None)),
        ("During a two-day state visit, leaders met.", ("two-day", 2, None, "day", None)),
        (
            "Trade may reach between $18 billion and $20 billion soon.",
            ("between $18 billion and $20 billion", 18e9, 2e10, "USD", None),
        ),
        ("It takes five to seven years once in force.", ("five to seven years", 5, 7, "years", None)),
        ("The four freedoms of movement apply.", ("four freedoms", 4, None, "freedoms", None)),
        ("Over 40 countries attended the meeting.", ("Over 40 countries", 40, None, "countries", "more than")),
        (
            "The plan contains some 330 measures grouped into blocks.",
            ("some 330 measures", 330, None, "measures", "about"),
        ),
        (
            "Roughly 183 million people live there.",
            ("Roughly 183 million people", 183_000_000, None, "people", "about"),
        ),
    ],
)
def test_counts(nlp: Language, sentence: str, expected: tuple[object, ...]) -> None:
    found = counts(nlp, sentence)
    assert len(found) == 1
    text, value, value_max, unit, qualifier = found[0]
    assert (text, unit, qualifier) == (expected[0], expected[3], expected[4])
    assert value == pytest.approx(expected[1])
    assert value_max == (None if expected[2] is None else pytest.approx(expected[2]))


def test_the_gap_between_two_amounts_is_not_a_range(nlp: Language) -> None:
    found = counts(nlp, "Trade rose from $4.5 billion to $9.1 billion over the period.")
    assert [(c[1], c[2]) for c in found] == [(4_500_000_000, None), (9_100_000_000, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Asia is one of the most diverse regions.",
        "The 6th Summit took place in Astana.",
        "Observer status is governed by Article 109 of the Treaty.",
        "It was established in 1992 by the founders.",
        "Tel: +92 51 555 0198 | Mobile: +92 300 555 0142",
        "The G20 met in Delhi.",
        "CENTRE FOR POLICY STUDIES | Policy Brief No. 41",
        "1. The institute is an independent body founded in 2016.",
        "The first President of the Republic spoke.",
        "Two-way trade doubled, and the half-century mark passed.",
        "The African Union adopted Agenda 2063 Enters Its Decade.",
    ],
)
def test_not_counts(nlp: Language, sentence: str) -> None:
    assert counts(nlp, sentence) == []


def test_over_after_an_amount_means_during(nlp: Language) -> None:
    found = counts(nlp, "The bank has pledged $300 million over five years.")
    assert [(c[0], c[4]) for c in found] == [("$300 million", None), ("five years", None)]
