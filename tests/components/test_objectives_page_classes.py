"""Objectives met on bank releases and think-tank notes: priorities listed inline after
"notably" or "namely", infinitive series split at each goal verb, a list's colon that ends a
later sentence, and headline slogans. Sentences are invented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from .helpers import claims_of


def goals(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(c["text"], c["subject"]) for c in claims_of(nlp, text, "objective")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # priorities run inline after an announcing word, each item opening with a goal verb
        (
            "The Coastal Bank (CB) signed the loan. The plan serves CB's corporate priorities in its "
            "2030 strategy, notably to end extreme poverty, lift farm incomes, protect the coast, and "
            "build flood and drought resilience.",
            [
                ("end extreme poverty", "Coastal Bank"),
                ("lift farm incomes", "Coastal Bank"),
                ("protect the coast", "Coastal Bank"),
                ("build flood and drought resilience", "Coastal Bank"),
            ],
        ),
        (
            "The Hill Forum set out its main priorities, namely to curb logging, restore the slopes and train rangers.",
            [("curb logging", "Hill Forum"), ("restore the slopes", "Hill Forum"), ("train rangers", "Hill Forum")],
        ),
        # after a colon too, without a number announced
        (
            "The Lake Fund's priorities are: to widen access to credit, train young farmers and restore the wetlands.",
            [
                ("widen access to credit", "Lake Fund"),
                ("train young farmers", "Lake Fund"),
                ("restore the wetlands", "Lake Fund"),
            ],
        ),
        # a noun series after one verb stays one goal; so does "to A and B" without a comma
        (
            "The Port Council's priorities are: to promote trade, investment and tourism, and to reopen the docks.",
            [("promote trade, investment and tourism", "Port Council"), ("reopen the docks", "Port Council")],
        ),
        (
            "Objective: To cope with rising freight and promote growth along the corridor.",
            [("cope with rising freight and promote growth along the corridor", None)],
        ),
        # an announcing word before a noun phrase opens no goals
        ("The summit weighed regional priorities, including trade and security.", []),
    ],
)
def test_inline_priorities_and_verb_series(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert goals(nlp, text) == expected


def test_a_list_whose_colon_ends_a_later_sentence_is_not_the_goal_nouns(nlp: Language) -> None:
    text = (
        "The Delta Forum aims to inform advocates ahead of the summit. Funding must rise. "
        "To move toward these aims, advocates should:\n\n1. Raise public support for adaptation.\n"
        "2. Demand clearer reporting from funds.\n"
    )
    assert goals(nlp, text) == [("inform advocates ahead of the summit", "Delta Forum")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Striving for $40 Billion\n\nThe Water Compact strives for universal access to water.",
            [("universal access to water", "Water Compact")],
        ),
        (
            "Aiming to End Hunger\n\nThe Grain Board aims to end hunger by 2030.",
            [("end hunger by 2030", "Grain Board")],
        ),
    ],
)
def test_a_headline_opened_by_a_marker_is_a_slogan(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert goals(nlp, text) == expected
