"""Organization classes from real text: organs and their parents, offices, kinds of body, name shapes."""

from __future__ import annotations

import pytest
from spacy.language import Language

from .helpers import org_groups


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Executive Board of the Northern Development Fund (NDF) approved loans. NDF loans grew.",
         {"Executive Board of the Northern Development Fund": {None}, "Northern Development Fund": {"NDF"}}),
        ("The Board of Governors of the Lakeland Water Authority (LWA) met. The LWA said so.",
         {"Board of Governors of the Lakeland Water Authority": {None}, "Lakeland Water Authority": {"LWA"}}),
        ("The Board of Directors of the European Investment Bank (EIB) approved it. EIB staff agreed.",
         {"Board of Directors of the European Investment Bank": {None}, "European Investment Bank": {"EIB"}}),
        ("The Secretariat of the Pacific Fisheries Commission (PFC) drafted it. The PFC agreed.",
         {"Secretariat of the Pacific Fisheries Commission": {None}, "Pacific Fisheries Commission": {"PFC"}}),
        ("The Food and Agriculture Organization of the United Nations (FAO) met. FAO agreed.",
         {"Food and Agriculture Organization of the United Nations": {"FAO"}}),
        ("The Ministry of Finance of Lakeland (MFL) said so. MFL agreed.", {"Ministry of Finance of Lakeland": {"MFL"}}),
    ],
)  # fmt: skip
def test_an_acronym_after_an_organ_of_its_parent_is_the_parents(
    nlp: Language, text: str, expected: dict[str, set[str | None]]
) -> None:
    assert org_groups(nlp, text) == expected
