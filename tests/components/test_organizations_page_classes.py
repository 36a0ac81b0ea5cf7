"""Organization classes met on fresh policy pages: one organization in two spellings or with and
without its country, names that stop at a headline line or at ", and", pairs of known names,
adjectives that look like heads, credits after a label or a dateline's country, companies named
after their kind. Sentences are invented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.components.organizations import long_form_start

from .helpers import claims_of
from .helpers import org_groups as doc_groups

ONE_ORGANIZATION = [
    pytest.param(
        "The Lakeland Cooperation Organisation (LCO) met. Later the Lakeland Cooperation Organization agreed.",
        {"Lakeland Cooperation Organisation": {"LCO"}},
        id="organisation-organization",
    ),
    pytest.param(
        "The Valley Research Centre (VRC) opened an office. The Valley Research Center said it would pay.",
        {"Valley Research Centre": {"VRC"}},
        id="centre-center",
    ),
    pytest.param(
        "The UN Children\u2019s Fund (UNICEF) opened a school.",
        {"UN Children\u2019s Fund": {"UNICEF"}},
        id="curly-apostrophe-in-a-known-name-adds-no-parent",
    ),
    pytest.param(
        "The UN Office for the Coordination of Humanitarian Affairs (OCHA) in the capital said it would help.",
        {"UN Office for the Coordination of Humanitarian Affairs": {"OCHA"}},
        id="known-body-defined-with-its-parent",
    ),
    pytest.param(
        "The Water Ministry of Peru signed the deal. The Water Ministry said it would pay.",
        {"Water Ministry of Peru": {None}},
        id="with-and-without-its-country",
    ),
    pytest.param(
        "The Water Ministry of Peru and the Water Ministry of Chile met. The Water Ministry said it would pay.",
        {"Water Ministry of Peru": {None}, "Water Ministry of Chile": {None}, "Water Ministry": {None}},
        id="two-countries-leave-the-bare-name-alone",
    ),
    pytest.param(
        "The Finance Ministry met the lenders. The Ministry of Finance said it would pay.",
        {"Ministry of Finance": {None}},
        id="head-last-and-head-first",
    ),
    pytest.param(
        "The Foreign Ministry met the envoys. The Ministry of Foreign Affairs said it was pleased.",
        {"Ministry of Foreign Affairs": {None}},
        id="head-last-and-head-first-with-affairs",
    ),
    pytest.param(
        "The Industry Ministry met the Ministry of Industry and Trade.",
        {"Industry Ministry": {None}, "Ministry of Industry and Trade": {None}},
        id="a-longer-complement-is-another-ministry",
    ),
]


@pytest.mark.parametrize(("text", "groups"), ONE_ORGANIZATION)
def test_one_organization_written_two_ways(nlp: Language, text: str, groups: dict[str, set[str | None]]) -> None:
    assert doc_groups(nlp, text) == groups


BOUNDARIES = [
    pytest.param(
        "Bank approves two loans for Peru\nThe Lakeside Development Bank said on Monday it lent more.",
        ["Lakeside Development Bank"],
        id="a-headline-line-above-the-opens-no-name",
    ),
    pytest.param(
        "It was signed by the Government of Peru, and Tom Hardy signed for the lender.",
        ["Government of Peru"],
        id="comma-and-closes-no-complement",
    ),
    pytest.param(
        "Delegates met the Ministry of Planning, Development, and Special Initiatives.",
        ["Ministry of Planning, Development, and Special Initiatives"],
        id="a-series-comma-stays-in-the-complement",
    ),
    pytest.param(
        "The EU-African Union Partnership Programme started in May.",
        ["African Union", "European Union"],
        id="two-known-names-paired-by-a-hyphen",
    ),
    pytest.param("The ASEAN-Japan Centre opened in May.", ["ASEAN-Japan Centre"], id="a-pair-with-its-own-head"),
    pytest.param("The Northern Inter-Agency Appeals raised funds.", [], id="inter-hyphen-agency-is-an-adjective"),
    pytest.param("The Northern Inter Agency Appeals raised funds.", [], id="inter-agency-spaced"),
    pytest.param(
        "The Inter-Agency Standing Committee met.", ["Inter-Agency Standing Committee"], id="a-head-after-the-adjective"
    ),
    pytest.param(
        "She works at The William and Flora Lee Foundation in town.",
        ["William and Flora Lee Foundation"],
        id="capital-the-opens-one-name-with-and",
    ),
    pytest.param(
        "Groups launched the Alliances for Water Action (AWA), a network. Regional Alliances met.",
        ["Alliances for Water Action"],
        id="plural-alliances-with-a-complement",
    ),
]


@pytest.mark.parametrize(("text", "names"), BOUNDARIES)
def test_where_names_stop(nlp: Language, text: str, names: list[str]) -> None:
    assert sorted(doc_groups(nlp, text)) == sorted(names)


CONTEXT = [
    pytest.param("PORT LOUIS, Mauritius (MNW) \u2013 The fund opened an office.", ["MNW"], id="credit-after-country"),
    pytest.param("The ministry signed the deal.\n\nSource: (Lakewire)", ["Lakewire"], id="bracketed-source"),
    pytest.param("The ministry signed the deal.\n\nSource: Lakewire\n\nRelated", ["Lakewire"], id="source-line"),
    pytest.param("Source: Lakeside said the deal was done.\n", [], id="source-in-a-sentence-is-no-credit"),
    pytest.param(
        "Members include the shipping company Norvale, which runs ferries, and the food and drinks company Alvora.",
        ["Alvora", "Norvale"],
        id="company-after-its-kind",
    ),
    pytest.param("The company Chairman Tom Lee spoke on Monday.", [], id="a-person-after-company"),
    pytest.param(
        "The network includes major companies such as Norvale, Tide Mills and Alvora.",
        ["Alvora", "Norvale", "Tide Mills"],
        id="companies-such-as-a-list",
    ),
    pytest.param("It lends to countries such as Peru and Chile.", [], id="countries-such-as-are-no-companies"),
    pytest.param("Firms such as President Ana Ruiz said it.", [], id="a-person-after-firms-such-as"),
    pytest.param(
        "Inside the Company Behind Kenya's Fast Ferries\n\nThe ferries started in May.", [], id="title-case-company"
    ),
    pytest.param("The Firm That Rebuilt Peru's Roads\n\nWork began in May.", [], id="title-case-firm"),
    pytest.param("A Maker In Ghana: One Village Weaves Cloth\n\nCloth is woven there.", [], id="title-case-maker"),
    pytest.param("Why Firms Such As Norvale Are Leaving Chile\n\nThe move began.", [], id="title-case-such-as"),
    pytest.param("The board read the note.\n\nSource: Author\n\nRelated", [], id="source-author"),
    pytest.param("The chart shows prices.\n\nCredit: Supplied\n\nMore", [], id="credit-supplied"),
    pytest.param("Table 3 lists costs.\n\nSources: Interviews\n\nNext", [], id="sources-interviews"),
    pytest.param("Bidders include companies such as Korean and Turkish state firms.", [], id="listed-demonyms"),
    pytest.param("Parts came from firms such as Tom Varga's Skyreach.", [], id="listed-possessive-person"),
    pytest.param("Firms such as Rhine Valley startups hired more.", [], id="listed-place-modifier"),
    pytest.param("As a policy maker Ana Cruz pushed the plan.", [], id="policy-maker-is-no-company"),
    pytest.param("The deal went to the company Korean engineers had set up.", [], id="company-before-a-modifier"),
]


@pytest.mark.parametrize(("text", "names"), CONTEXT)
def test_names_known_by_their_context(nlp: Language, text: str, names: list[str]) -> None:
    assert sorted(doc_groups(nlp, text)) == sorted(names)


HEAD_FIRST = [
    pytest.param(
        "The Alianza para la Accion Verde Norte (AVN) met. AVN grew.",
        {"Alianza para la Accion Verde Norte": {"AVN"}},
        id="spanish-head-article-and-acronym",
    ),
    pytest.param("The Banco de la Ribera Norte lent more.", {"Banco de la Ribera Norte": {None}}, id="de-la"),
    pytest.param(
        "The Asociación de Bancos del Lago (ABL) met.", {"Asociación de Bancos del Lago": {"ABL"}}, id="asociacion"
    ),
]


@pytest.mark.parametrize(("text", "groups"), HEAD_FIRST)
def test_head_first_names_of_other_languages(nlp: Language, text: str, groups: dict[str, set[str | None]]) -> None:
    assert doc_groups(nlp, text) == groups


@pytest.mark.parametrize(
    ("words", "heads", "start"),
    [
        (["Alianza", "para", "la", "Accion", "Verde", "Norte"], frozenset({0}), 0),
        (["Alianza", "para", "la", "Accion", "Verde", "Norte"], frozenset(), 3),
        (["the", "Lake", "Basin", "Commission"], frozenset({3}), 1),
    ],
)
def test_a_long_form_opening_at_a_head_wins_a_tie(words: list[str], heads: frozenset[int], start: int) -> None:
    assert long_form_start("AVN" if words[0] == "Alianza" else "LBC", words, heads=heads) == start


OWNED_FORMS = [
    pytest.param(
        "Chile's Ministry of Foreign Affairs sent a note. Peru's Foreign Ministry said it agreed.",
        ["Foreign Ministry", "Ministry of Foreign Affairs"],
        id="two-countries-two-ministries",
    ),
    pytest.param(
        "The Ministry of Foreign Affairs said so. The Foreign Ministry agreed.",
        ["Ministry of Foreign Affairs"],
        id="one-ministry-two-forms",
    ),
    pytest.param(
        "The Ministry of Trade of Ghana hosted the talks, and Kenya's Ministry of Trade sent a delegation.",
        ["Ministry of Trade", "Ministry of Trade of Ghana"],
        id="country-complement-and-another-owner",
    ),
    pytest.param(
        "The Industry Ministry of Kenya met. The Industry Ministry agreed.",
        ["Industry Ministry of Kenya"],
        id="country-complement-and-a-bare-form",
    ),
]


@pytest.mark.parametrize(("text", "names"), OWNED_FORMS)
def test_forms_owned_by_two_countries_stay_apart(nlp: Language, text: str, names: list[str]) -> None:
    assert sorted(doc_groups(nlp, text)) == sorted(names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The grants are managed by JICA until they are paid out.", ("JICA", "Japan International Cooperation Agency")),
        ("USAID signed the grant on Monday.", ("USAID", "United States Agency for International Development")),
        ("Save the Children said twenty schools had closed.", ("Save the Children", "Save the Children")),
        ("Mercy Corps sent food to the valley.", ("Mercy Corps", "Mercy Corps")),
        (
            "The Deutsche Gesellschaft für Internationale Zusammenarbeit trains the staff.",
            (
                "Deutsche Gesellschaft für Internationale Zusammenarbeit",
                "Deutsche Gesellschaft für Internationale Zusammenarbeit",
            ),
        ),
    ],
)
def test_aid_agencies_and_ngos_known_without_a_head_noun(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    """Aid releases name donor agencies by acronym alone and NGOs without a head noun: the gazetteer knows them."""
    found = [(c["text"], c["name"]) for c in claims_of(nlp, text, "organization")]
    assert found == [expected]
