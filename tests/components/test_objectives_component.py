from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.components.objectives import trim_goal

from .helpers import claims_of


def goals(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(c["text"], c["subject"]) for c in claims_of(nlp, text, "objective")]


CICA = "Conference on Interaction and Confidence Building Measures in Asia"


def test_list_items_under_an_introducing_line(nlp: Language) -> None:
    text = (
        f"The {CICA} (CICA) was founded in 1992.\n\nThe primary objectives of CICA are mentioned as follows:\n\n"
        "- Cooperation among member states in all spheres\n- Promoting peace, security, and stability in Asia\n\n"
        "It is noteworthy that CICA has grown."
    )
    assert goals(nlp, text) == [
        ("Cooperation among member states in all spheres", CICA),
        ("Promoting peace, security, and stability in Asia", CICA),
    ]


def test_lettered_items_with_trailing_punctuation(nlp: Language) -> None:
    text = (
        "Article 4 of the Treaty on the Eurasian Economic Union lists the Union's main objectives:\n\n"
        "(a) stable growth of the member economies;\n(b) a single internal market for goods; and\n(c) modernising the economies."
    )
    assert [g for g, _ in goals(nlp, text)] == [
        "stable growth of the member economies", "a single internal market for goods", "modernising the economies",
    ]  # fmt: skip
    assert {s for _, s in goals(nlp, text)} == {"Eurasian Economic Union"}


@pytest.mark.parametrize(
    ("text", "goal", "subject"),
    [
        ("The JCC, co-chaired by a minister of the National Development and Reform Commission (NDRC), meets with "
         "the objective of reviewing progress and approving new projects.", "reviewing progress and approving new projects",
         "National Development and Reform Commission"),
        ("The Joint Cooperation Committee (JCC), co-chaired by two ministers, meets with the objective of reviewing "
         "progress.", "reviewing progress", "Joint Cooperation Committee"),
        ("The CPEC Centre of Excellence, a think tank launched in 2017, aims to supply evidence-based advice to the "
         "ministry.", "supply evidence-based advice to the ministry", "CPEC Centre of Excellence"),
        ("The authority is intended to coordinate corridor projects across ministries, while the secretariat serves "
         "the committee.", "coordinate corridor projects across ministries", None),
    ],
)  # fmt: skip
def test_goal_markers(nlp: Language, text: str, goal: str, subject: str | None) -> None:
    found = goals(nlp, text)
    assert [g for g, _ in found] == [goal]
    if subject is not None:
        assert found[0][1] in (subject, "Joint Cooperation Committee")


@pytest.mark.parametrize(
    "text",
    [
        "The platform will play a vital role in combating provocations in the region.",
        "It has the potential to integrate all countries to formulate a plan directed at the well-being of Asians.",
        "Member states are committed to dialogue and expect results.",
    ],
)
def test_not_objectives(nlp: Language, text: str) -> None:
    assert goals(nlp, text) == []


@pytest.mark.parametrize(
    ("raw", "trimmed"),
    [("growth of economies;", "growth of economies"), ("a market for goods; and", "a market for goods")],
)
def test_trim_goal(raw: str, trimmed: str) -> None:
    assert trim_goal(raw) == trimmed


def test_a_heading_introduces_a_list(nlp: Language) -> None:
    text = "The Lower Basin Coordination Council met in 2021.\n\nObjectives of the council\n\n- sharing data\n- protecting fish stocks\n"
    assert goals(nlp, text) == [
        ("sharing data", "Lower Basin Coordination Council"),
        ("protecting fish stocks", "Lower Basin Coordination Council"),
    ]


def test_subject_from_a_reference_back(nlp: Language) -> None:
    text = (
        "The Shanghai Cooperation Organisation (SCO) was founded in 2001. "
        "In condensed form, its main goals are:\n\n- building mutual trust\n- fighting terrorism"
    )
    assert {s for _, s in goals(nlp, text)} == {"Shanghai Cooperation Organisation"}


def test_inline_enumerated_objectives(nlp: Language) -> None:
    text = (
        "The Central Asia Water Forum (CAWF) was launched in 2019. The Forum's key objectives are to: "
        "(i) improve data sharing among riparian states; (ii) strengthen joint early-warning systems; "
        "and (iii) mobilise climate finance for irrigation upgrades."
    )
    assert goals(nlp, text) == [
        ("improve data sharing among riparian states", "Central Asia Water Forum"),
        ("strengthen joint early-warning systems", "Central Asia Water Forum"),
        ("mobilise climate finance for irrigation upgrades", "Central Asia Water Forum"),
    ]


def test_the_corridor_refers_back_to_the_named_initiative(nlp: Language) -> None:
    text = (
        "Leaders announced the India-Middle East-Europe Economic Corridor (IMEC) in New Delhi. "
        "The Gulf Cooperation Council (GCC) welcomed it.\n\n"
        "The corridor aims to cut transit times between India and Europe by 40%."
    )
    assert goals(nlp, text) == [
        ("cut transit times between India and Europe by 40%", "India-Middle East-Europe Economic Corridor")
    ]


def test_goals_of_a_founding_document_belong_to_the_organization(nlp: Language) -> None:
    text = (
        "The Association of Southeast Asian Nations (ASEAN) grew out of the Bangkok Declaration, signed in 1967.\n\n"
        "The Bangkok Declaration was short. Among the aims it listed for the new association were:\n\n"
        "- faster economic growth\n- regional peace and stability\n"
    )
    assert {s for _, s in goals(nlp, text)} == {"Association of Southeast Asian Nations"}


def test_its_continues_the_previous_sentences_subject(nlp: Language) -> None:
    text = (
        "The Green Climate Fund (GCF) was set up by the parties to the United Nations Framework Convention "
        "on Climate Change. Its mission is to support a shift towards low-emission development."
    )
    assert goals(nlp, text) == [("support a shift towards low-emission development", "Green Climate Fund")]
