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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fund works with National Partners and Implementing Partners in the field.", set()),
        ("Member States and Development Partners pledged support.", set()),
        ("Financial Institutions and International Financial Institutions lent more.", set()),
        ("Security Forces were deployed. The Armed Forces of Lakeland agreed.", {"Armed Forces of Lakeland"}),
        ("Emergency Services and Social Services were stretched.", set()),
        ("Civil Society Organizations met. The Lakeland Civil Society Forum met.", {"Lakeland Civil Society Forum"}),
        ("Lakeside Capital Partners bought the plant. Northbridge Holdings sold it.",
         {"Lakeside Capital Partners", "Northbridge Holdings"}),
        ("The Regional Development Partners Group met in May.", {"Regional Development Partners Group"}),
        ("The National Health Service agreed.", {"National Health Service"}),
    ],
)  # fmt: skip
def test_a_capitalised_kind_of_body_is_no_name(nlp: Language, text: str, expected: set[str]) -> None:
    assert set(org_groups(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UNICEF Nigeria and WFP Yemen said so.", {"UNICEF Nigeria", "WFP Yemen"}),
        ("The Lakeland Relief Agency (LRA) works there. The chief of LRA Kenya spoke.",
         {"Lakeland Relief Agency", "LRA Kenya"}),
        ("Partners include UNDP Bangladesh, the WHO Country Office for India and UNICEF South Sudan.",
         {"UNDP Bangladesh", "WHO Country Office for India", "UNICEF South Sudan"}),
        ("The World Bank Ghana office agreed.", {"World Bank Ghana"}),
        ("The IMF Kenya programme was approved.", {"International Monetary Fund"}),
        ("The EU India summit met. The G20 India presidency began.", {"European Union", "G20"}),
        ("The ADB Nepal Resident Mission agreed.", {"ADB Nepal Resident Mission"}),
    ],
)  # fmt: skip
def test_a_known_organization_and_a_country_is_its_office_there(nlp: Language, text: str, expected: set[str]) -> None:
    assert set(org_groups(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RiverPost\n\nThe ministry signed two loans on Monday.", {"RiverPost"}),
        ("By Jane Roe | RiverPost\nThe ministry agreed.", {"RiverPost"}),
        ("Shares of NorthWind rose after BlueHarbor bought them.", {"NorthWind", "BlueHarbor"}),
        ("GreenBridge Holdings bought it.", {"GreenBridge Holdings"}),
        ("Ms MacArthur and Mr VanDyke met FinTech firms.", set()),
        ("He holds a PhD and signed an MoU with the GoI.", set()),
    ],
)
def test_a_camel_case_word_is_a_name(nlp: Language, text: str, expected: set[str]) -> None:
    assert set(org_groups(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lakeside Solar & Storage Company won the tender.", {"Lakeside Solar & Storage Company"}),
        ("The Bank of Lakeland & Coast lent more.", {"Bank of Lakeland & Coast"}),
        ("The Directorate-General for Coastal Policy said so.", {"Directorate-General for Coastal Policy"}),
        ("The C40 Cities Climate Leadership Group met.", {"C40 Cities Climate Leadership Group"}),
        ("The LAKELAND WATER AUTHORITY said so.", {"Lakeland Water Authority"}),
        ('Funds from the "Lakeland Rivers Trust" arrived.', {"Lakeland Rivers Trust"}),
    ],
)
def test_names_with_ampersands_hyphens_digits_capitals_and_quotes(nlp: Language, text: str, expected: set[str]) -> None:
    assert set(org_groups(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rates were raised by the US Federal Reserve and the Bank of Japan.", {"US Federal Reserve", "Bank of Japan"}),
        ("The World Meteorological Organization (WMO) said so. WMO agreed.", {"World Meteorological Organization"}),
        ("Bank Indonesia and the Deutsche Bundesbank met.", {"Bank Indonesia", "Deutsche Bundesbank"}),
        ("The IFC and MIGA joined the Inter-American Development Bank.",
         {"International Finance Corporation", "Multilateral Investment Guarantee Agency",
          "Inter-American Development Bank"}),
    ],
)  # fmt: skip
def test_the_gazetteer_knows_the_un_system_the_development_banks_and_g20_central_banks(
    nlp: Language, text: str, expected: set[str]
) -> None:
    assert set(org_groups(nlp, text)) == expected
