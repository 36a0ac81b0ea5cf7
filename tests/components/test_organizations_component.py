from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.components.organizations import fit_score, long_form_start, title_case

from .helpers import claims_of, org_groups


@pytest.mark.parametrize(
    ("short", "words", "start"),
    [
        (
            "CICA",
            [
                "In",
                "this",
                "aspect",
                ",",
                "Conference",
                "on",
                "Interaction",
                "and",
                "Confidence",
                "Building",
                "Measures",
                "in",
                "Asia",
            ],
            4,
        ),
        ("EAEU", ["of", "the", "Eurasian", "Economic", "Union"], 2),
        ("NDRC", ["China", "'s", "National", "Development", "and", "Reform", "Commission"], 2),
        ("RATS", ["the", "Regional", "Anti", "-", "Terrorist", "Structure"], 1),
        ("ASEAN", ["included", "the", "Association", "of", "Southeast", "Asian", "Nations"], 2),
    ],
)
def test_long_form_start(short: str, words: list[str], start: int) -> None:
    assert long_form_start(short, words) == start


@pytest.mark.parametrize(
    ("short", "words"),
    [("XYZ", ["the", "Council", "of", "Europe"]), ("UN", ["a", "new", "agreement"]), ("WTO", ["World", "Bank"])],
)
def test_long_form_refuses_letters_that_do_not_fit(short: str, words: list[str]) -> None:
    assert long_form_start(short, words) is None


def test_acronym_defined_after_the_name_links_later_mentions(nlp: Language) -> None:
    text = "The Lower Basin Coordination Council (LBCC) met in Vientiane. Later the LBCC published data."
    assert org_groups(nlp, text) == {"Lower Basin Coordination Council": {"LBCC"}}


def test_acronym_defined_before_the_name(nlp: Language) -> None:
    text = "Delegates of the LBCC (Lower Basin Coordination Council) met. The LBCC agreed."
    assert org_groups(nlp, text) == {"Lower Basin Coordination Council": {"LBCC"}}


def test_gazetteer_resolves_short_forms(nlp: Language) -> None:
    text = "The forum works with the United Nations. It follows the UN Charter."
    assert org_groups(nlp, text) == {"United Nations": {"UN"}}


def test_organization_inside_a_larger_phrase(nlp: Language) -> None:
    text = "The idea was conceived during the 47th Session of the United Nations General Assembly."
    assert set(org_groups(nlp, text)) == {"United Nations General Assembly"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The CPEC Secretariat at the Ministry of Planning, Development and Special Initiatives met.",
         "Ministry of Planning, Development and Special Initiatives"),
        ("Disputes are heard by the Court of the Eurasian Economic Union in Minsk.", "Court of the Eurasian Economic Union"),
        ("Russia's Ministry of Economic Development estimates savings.", "Ministry of Economic Development"),
        ("Pakistan Research Center for a Community with\nShared Future", "Pakistan Research Center for a Community with Shared Future"),
    ],
)  # fmt: skip
def test_generic_names(nlp: Language, text: str, name: str) -> None:
    assert name in org_groups(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Commission's mandate is broad.",
        "Kazakhstan and Nur-Sultan hosted the 6th Summit.",
        "The Customs Union of Belarus, Kazakhstan and Russia came into existence.",
        "The China-Pakistan Economic Corridor (CPEC) is a project.",
    ],
)
def test_not_organizations(nlp: Language, text: str) -> None:
    assert org_groups(nlp, text) == {}


def test_letterhead_capitals_take_the_articles_casing(nlp: Language) -> None:
    text = (
        "CENTRE FOR EURASIAN POLICY STUDIES | Brief\n\nBy Dr. A B, Fellow, Centre for Eurasian Policy Studies, Almaty"
    )
    assert set(org_groups(nlp, text)) == {"Centre for Eurasian Policy Studies"}


def test_name_in_another_script_beside_a_letterhead_line(nlp: Language) -> None:
    text = "\u4e2d\u570b\u50b3\u5a92\u5927\u5b78\nCOMMUNICATION UNIVERSITY OF CHINA\n\nBody text follows here."
    claims = claims_of(nlp, text, "organization")
    assert {c["name"] for c in claims} == {"Communication University of China"}
    assert len(claims) == 2


def test_title_case() -> None:
    assert title_case("CENTRE FOR EURASIAN POLICY STUDIES") == "Centre for Eurasian Policy Studies"


def test_known_as_defines_a_short_form(nlp: Language) -> None:
    text = "The Lower Basin Coordination Council, also known as the LBCC, met. Later the LBCC agreed."
    assert org_groups(nlp, text) == {"Lower Basin Coordination Council": {"LBCC"}}


def test_a_former_name_is_an_alias(nlp: Language) -> None:
    text = "The Mekong Basin Council, formerly the Mekong Basin Committee, met. The Mekong Basin Committee was small."
    assert set(org_groups(nlp, text)) == {"Mekong Basin Council"}


def _fit_by_search(letters: list[str], words: list[str], small: frozenset[str]) -> int | None:
    """The definition of ``fit_score`` read literally: try every way to read the letters."""
    if not letters or not words or words[0][:1].lower() != letters[0]:
        return None
    content = {i for i, w in enumerate(words) if w.lower() not in small and w[:1].isalnum()}
    scores = []

    def walk(li: int, wi: int, ci: int, used: frozenset[int]) -> None:
        if li == len(letters):
            if len(words) - 1 in used and len(content - used) <= 2:
                scores.append(len(used))
            return
        for wj in range(wi + 1, len(words)):
            if words[wj][:1].lower() == letters[li]:
                walk(li + 1, wj, 0, used | {wj})
        for cj in range(ci + 1, len(words[wi])):
            if words[wi][cj].lower() == letters[li]:
                walk(li + 1, wi, cj, used)

    walk(1, 0, 0, frozenset({0}))
    return max(scores) if scores else None


@given(
    st.lists(
        st.sampled_from(["Asian", "Bank", "of", "Aid", "and", "Basin", "Sea", "Safety", "the"]), min_size=1, max_size=7
    ),
    st.text(alphabet="absto", min_size=1, max_size=5),
)
@settings(max_examples=300, deadline=None)
def test_fit_score_is_the_best_reading(words: list[str], letters: str) -> None:
    small = frozenset({"of", "and", "the"})
    assert fit_score(list(letters), words, small) == _fit_by_search(list(letters), words, small)


def test_fit_score_stays_fast_on_long_names() -> None:
    words = ["Aaaa"] * 24
    assert fit_score(list("aaaaaaaa"), words, frozenset()) is None  # 24 content words, only 8 letters
    assert fit_score(list("aaaaaaaa"), words[:9], frozenset()) == 8
