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
        # an announcing word before a noun phrase or a preposition's object opens no goals
        ("The summit weighed regional priorities, including trade and security.", []),
        ("The Delta Board said its priorities were poorly explained, particularly to rural voters.", []),
        # a series inside an aside ends at its comma; one item alone is a goal too
        (
            "The Hill Forum's priorities, namely to curb logging, restore the slopes and train rangers, were agreed on Monday.",
            [("curb logging", "Hill Forum"), ("restore the slopes", "Hill Forum"), ("train rangers", "Hill Forum")],
        ),
        (
            "The Grain Council outlined its priorities, including to expand school meals and train farmers.",
            [("expand school meals and train farmers", "Grain Council")],
        ),
        # a person's priorities are no organization's
        (
            "President Osei listed his priorities at the River Union summit, namely to cut tariffs, build ports and open borders.",
            [],
        ),
        # verbs sharing one object, a relative clause's verbs: one goal, no series
        (
            "The Port Council's priorities are: to develop, build and maintain the new port.",
            [("develop, build and maintain the new port", "Port Council")],
        ),
        (
            "The Dairy Fund's priorities are: to support families who grow maize, raise goats and keep bees.",
            [("support families who grow maize, raise goats and keep bees", "Dairy Fund")],
        ),
    ],
)
def test_inline_priorities_and_verb_series(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert goals(nlp, text) == expected


def test_a_list_announced_by_the_short_sentence_after_its_goal_noun(nlp: Language) -> None:
    text = (
        "The Border Forum (BF) was founded in 2001. It has three objectives. They are:\n\n"
        "- to prevent conflict between members;\n- to promote trade across borders;\n- to build trust.\n"
    )
    expected = ["prevent conflict between members", "promote trade across borders", "build trust"]
    assert goals(nlp, text) == [(goal, "Border Forum") for goal in expected]


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
        # a fact sheet's line in sentence case is a goal, not a headline
        (
            "About the Lake Fund\n\nThe Lake Fund (LF) was created in 2015.\n\nAims to restore the wetlands by 2030\n",
            [("restore the wetlands by 2030", "Lake Fund")],
        ),
    ],
)
def test_a_headline_opened_by_a_marker_is_a_slogan(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert goals(nlp, text) == expected
