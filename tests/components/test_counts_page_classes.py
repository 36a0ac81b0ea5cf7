"""Counts met on East African budget stories, donor pages and agency PDFs: the shilling's
signs (glued or spaced, with a glued scale), "m" before a currency word, speed units,
compounds that are words of their own, and page furniture that is no count (a number alone
on its line, a reading time, inline paragraph numbers, ungrouped codes). Sentences are invented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from .helpers import claims_of


def counts(nlp: Language, text: str) -> list[tuple[object, ...]]:
    return [(c["text"], c["value"], c["unit"]) for c in claims_of(nlp, text, "count")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the shilling: "Sh" is Kenya's, Tanzania's, Uganda's or Somalia's, as the article says
        ("The Nairobi county set aside Sh125billion for roads.", [("Sh125billion", 125e9, "KES")]),
        ("Kenya's treasury holds Sh 1.6 trillion in bonds.", [("Sh 1.6 trillion", 1.6e12, "KES")]),
        ("Kenyan counties will share sh2billion in grants.", [("sh2billion", 2e9, "KES")]),
        ("The Kenyan levy raised Sh 67billion.", [("Sh 67billion", 67e9, "KES")]),
        ("Dodoma approved Sh 900 billion for water in Tanzania.", [("Sh 900 billion", 9e11, "TZS")]),
        ("Kampala's council borrowed Shs 40 billion.", [("Shs 40 billion", 4e10, "UGX")]),
        ("The board approved KSh 3.2 billion for dams.", [("KSh 3.2 billion", 3.2e9, "KES")]),
        ("The ministry paid Kshs.450m to farmers.", [("Kshs.450m", 4.5e8, "KES")]),
        ("A grant of TSh 12 billion reached clinics.", [("TSh 12 billion", 1.2e10, "TZS")]),
        ("A loan of USh 80 billion built roads.", [("USh 80 billion", 8e10, "UGX")]),
        ("Ugandan farmers received 30 billion shillings.", [("30 billion shillings", 3e10, "UGX")]),
        # a sign glued to an amount with a glued scale, elsewhere too
        ("India will spend Rs125crore on ports.", [("Rs125crore", 1.25e9, "INR")]),
        ("A grant of USD5m reached the schools.", [("USD5m", 5e6, "USD")]),
        # "m" before a currency word is million; before anything else, metres
        ("The grant is worth 472m Japanese Yen.", [("472m Japanese Yen", 4.72e8, "JPY")]),
        ("The works cost 5m euros.", [("5m euros", 5e6, "EUR")]),
        ("The wall is 5m high.", [("5m", 5, "m")]),
        # speed units
        ("Winds of up to 140mph tore roofs off homes.", [("up to 140mph", 140, "mph")]),
        ("Gusts of 90 kph hit the coast.", [("90 kph", 90, "kph")]),
        # a scaled amount after a capitalised label is no name's number
        (
            "The budget gave Energy 78.5 billion and Health 12 billion.",
            [("78.5 billion", 78.5e9, None), ("12 billion", 12e9, None)],
        ),
        ("The Agenda 2063 plan was adopted.", []),
    ],
)
def test_currency_signs_multipliers_and_units(nlp: Language, sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert counts(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # compounds that are words of their own
        ("The agency took a two-pronged approach.", []),
        ("It signed a one-sided deal and printed three-dimensional maps.", []),
        # a number alone on its line inside a page: a counter, a page number
        ("Annual Report Of The Guild\n\n13\nThe guild met six times.", [("six times", 6, "times")]),
        ("Notes\n  42  \nThe rest follows.", []),
        # ... but a unit on the next line makes it a count, and a text that is the number alone is one
        ("Key figures\n\n27\nmember states", [("27 member states", 27, "member states")]),
        ("forty-two", [("forty-two", 42, None)]),
        # reading-time labels
        ("3 min read\n\nThe fund has 40 members.", [("40 members", 40, "members")]),
        ("A 5-minute read\n\nThe fund has 40 members.", [("40 members", 40, "members")]),
        # paragraph numbers run on after the sentence before them
        ('The index was 16.4, rated "serious". 2. On 1 July the agency began.', [("16.4", 16.4, None)]),
        ("Aid fell sharply. 3. The review found 81 percent ate poorly.", [("81 percent", 81, "percent")]),
        ("It grew by 5. The rest fell.", [("5", 5, None)]),
        # an ungrouped integer of five digits or more is a code; grouped or with a unit it counts
        ("Under operation 200532 the agency fed 18000 children.", [("18000 children", 18000, "children")]),
        ("The fund reached 200,532 people.", [("200,532 people", 200532, "people")]),
        ("123456789", [("123456789", 123456789, None)]),
    ],
)
def test_page_furniture_and_words_that_are_no_counts(
    nlp: Language, text: str, expected: list[tuple[object, ...]]
) -> None:
    assert counts(nlp, text) == expected
