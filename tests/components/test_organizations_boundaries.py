"""Organization names on real text: wrapped lines, capitals, names side by side, credits, events."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.components.organizations import small_words, wrapped_breaks

from .helpers import org_groups


def doc_groups(nlp: Language, text: str) -> dict[str, set[str | None]]:
    """Name -> acronyms from the pipeline alone: the text's line breaks stay as written."""
    out: dict[str, set[str | None]] = {}
    for span in nlp(text).spans.get("pc_claims", []):
        if span.label_ == "organization":
            fields = span._.pc_organization
            out.setdefault(fields["name"], set()).add(fields["acronym"])
    return out


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Funding came mostly from the World\nBank and regional lenders.", ["World"]),
        ("the analysis relies on figures of the Harbour\nShipping\nAuthority (HSA) and others.", ["Harbour", "Shipping"]),
        ("Partners include the following organizations\nWorld Bank\nLakeland Water Authority", ["organizations"]),
        ("Institute for Coastal Studies\nNORTHERN DESK\nA new era begins", []),
        ("The ministry agreed.\nNational Council members met later.", []),
        ("it was signed by the Basin\n\nCouncil in May", []),
        ("no capital follows this line\nbut a lower-case word does", []),
    ],
)  # fmt: skip
def test_wrapped_breaks(text: str, words: list[str]) -> None:
    found = wrapped_breaks(text, small_words())
    assert [text[:offset].split()[-1] for offset in found] == words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The report draws on data of the Pacific Fisheries\nManagement Council and its members.",
         {"Pacific Fisheries Management Council": {None}}),
        ("Funding came mostly from the World\nBank and regional lenders.", {"World Bank": {None}}),
        ("Yesterday officials from the Lakeland Water\nResources Authority (LWRA) met donors. The LWRA agreed.",
         {"Lakeland Water Resources Authority": {"LWRA"}}),
        ("Support grew for the Institute for\nRiver Ecology in the valley.", {"Institute for River Ecology": {None}}),
        ("Institute for Coastal Studies\nNORTHERN DESK\nA new era begins", {"Institute for Coastal Studies": {None}}),
        ("Partners include the following organizations\nWorld Bank\nLakeland Water Authority",
         {"World Bank": {None}, "Lakeland Water Authority": {None}}),
        ("The plan was drafted together with the Ministry of Finance\nWorld Bank staff then reviewed it in detail.",
         {"Ministry of Finance": {None}, "World Bank": {None}}),
        ("The plan was drafted together with the World Bank\nLakeland Water Authority staff then reviewed it.",
         {"World Bank": {None}, "Lakeland Water Authority": {None}}),
    ],
)  # fmt: skip
def test_a_name_wrapped_over_a_line_break_is_one_name(
    nlp: Language, text: str, expected: dict[str, set[str | None]]
) -> None:
    assert doc_groups(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Loans came from the World Bank and European Investment Bank in 2022.",
         {"World Bank", "European Investment Bank"}),
        ("He met the Basin Council and Delta Trade Commission in May.", {"Basin Council", "Delta Trade Commission"}),
        ("Ministers from the World Bank and the IMF met.", {"World Bank", "International Monetary Fund"}),
        ("Rates were raised by the Lakeland Reserve and Northern Savings Bank.", {"Northern Savings Bank"}),
        ("He met the Coastal Shipping and Ports Authority in May.", {"Coastal Shipping and Ports Authority"}),
        ("Staff of the Rural Roads and Agro-Processing Division met.", {"Rural Roads and Agro-Processing Division"}),
        ("The University Grants Commission funds colleges.", {"University Grants Commission"}),
        ("Northern Gazette Journal Lakeside Rowing Club Friday, 3 May",
         {"Northern Gazette Journal", "Lakeside Rowing Club"}),
    ],
)  # fmt: skip
def test_two_names_side_by_side_stay_two(nlp: Language, text: str, expected: set[str]) -> None:
    assert set(org_groups(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A US RAND Corporation study found gaps.", {"US RAND Corporation": {None}}),
        ("A U.S. RAND Corporation study found gaps.", {"U.S. RAND Corporation": {None}}),
        ("The Fisheries Policy Committee (FPC) advises members. Later the OECD Fisheries Policy Committee met.",
         {"OECD Fisheries Policy Committee": {"FPC"}}),
        ("The IAEA Board of Governors met in May. The Board of Governors approved the plan.",
         {"IAEA Board of Governors": {None}}),
        ("The Board of Governors of the IAEA met in May. The Board of Governors approved the plan.",
         {"Board of Governors of the IAEA": {None}}),
        ("It was approved by the Board of Directors of the Lakeland Water Authority on Friday.",
         {"Board of Directors of the Lakeland Water Authority": {None}}),
        ("The World Health Organization of the United Nations (WHO) said so. WHO agreed.",
         {"World Health Organization of the United Nations": {"WHO"}}),
    ],
)  # fmt: skip
def test_a_modifier_or_a_parent_stays_in_the_name(
    nlp: Language, text: str, expected: dict[str, set[str | None]]
) -> None:
    assert org_groups(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Lakeside College of Medicine\u2019s new wing", {"Lakeside College of Medicine"}),
        ("the Lakeside College of Medicine's new wing", {"Lakeside College of Medicine"}),
        ("LAKESIDE COLLEGE OF MEDICINE OPENS NEW WING\n\nThe Lakeside College of Medicine opened a wing.",
         {"Lakeside College of Medicine"}),
        ("THE WORLD BANK AND THE IMF AGREE ON DEBT RELIEF", {"World Bank", "International Monetary Fund"}),
        ("Government Announces New River Restoration Fund Projects\n\nThe River Restoration Fund will pay for ten.",
         {"River Restoration Fund"}),
        ("Lakeside Rowing Club Members Meet\n\nThe evening was long.", {"Lakeside Rowing Club"}),
        ("Its Rural Roads and Agro-Processing Division helps farmers.", {"Rural Roads and Agro-Processing Division"}),
    ],
)  # fmt: skip
def test_possessives_capitals_and_units(nlp: Language, text: str, expected: set[str]) -> None:
    assert set(org_groups(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LONDON, 3 May 2021 (XNA) \u2013 The ministry opened a new office.", {"XNA"}),
        ("OSLO (Nordwire) -- The fund said on Monday it would sell.", {"Nordwire"}),
        ("Lakeville, June 7 (LNA): The cabinet approved the plan.", {"LNA"}),
        ("The plan (Annex) \u2013 see below \u2013 was adopted.", set()),
        ("The bank approved the loan on Monday, Meridian Wire reports.", {"Meridian Wire"}),
        ("Exports rose by a third, Meridian Wire reports with reference to the ministry.", {"Meridian Wire"}),
        ("A loan to Harbor Solar NV, a wind producer, was signed.", {"Harbor Solar NV"}),
    ],
)
def test_news_credits_and_companies(nlp: Language, text: str, expected: set[str]) -> None:
    assert set(org_groups(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Extraordinary Congress of the Basin Council opened.", {"Basin Council"}),
        ("Delegates attended the 19th Party Congress in the capital.", set()),
        ("Members met at the Annual Conference of Water Utilities.", set()),
        ("Delegates met at the WTO Ministerial Conference in the capital.", {"World Trade Organization"}),
        ("The appeal supports National Society preparedness with the Red Cross.", set()),
        ("Grants come from the Agency's Global Trust Fund for Clean Water.", set()),
        ("The Lakeland Water Authority's River Restoration Fund pays for it.", {"Lakeland Water Authority"}),
        ("The IMF Extended Credit Facility supports the country.", {"International Monetary Fund"}),
        ("Norway's Public Pension Fund bought shares.", {"Public Pension Fund"}),
        ("The National Mission on Natural Farming supports growers.", set()),
        ("The Joint Monitoring Mission visited the region.", {"Joint Monitoring Mission"}),
        ("Leaders gathered at the Lakeside Water Conference in May.", set()),
        ("The Conference on Water Rights met in Geneva.", {"Conference on Water Rights"}),
    ],
)
def test_events_programmes_and_kinds_of_body_are_not_organizations(
    nlp: Language, text: str, expected: set[str]
) -> None:
    assert set(org_groups(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The loan also goes to Lakeside, Harbor's subsidiary specializing in storage.", {"Lakeside"}),
        ("The bank lent to Vireo Mills, a regional flour producer, last year.", {"Vireo Mills"}),
        ("The talks were led by Jane Roe, a company spokeswoman, on Monday.", set()),
    ],
)
def test_a_company_named_by_an_appositive(nlp: Language, text: str, expected: set[str]) -> None:
    assert set(org_groups(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The UN High Commissioner for Refugees spoke. The UNHCR said more.",
         {"UN High Commissioner for Refugees": {"UNHCR"}}),
        ("The African Development Bank Group approved it. The African Development Bank (AfDB) said so.",
         {"African Development Bank": {"AfDB"}}),
        ("The Lakeland Water Authority (LWA) said the Lakeland Water Authority Group would pay.",
         {"Lakeland Water Authority": {"LWA"}}),
    ],
)  # fmt: skip
def test_other_written_forms_of_one_organization(
    nlp: Language, text: str, expected: dict[str, set[str | None]]
) -> None:
    assert org_groups(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Money came from the Federal Office for Rural Roads and Bridges (BSV). The BSV said more.",
         {"Federal Office for Rural Roads and Bridges": {"BSV"}}),
        ("Save the Lakes Foundation (UK) said so.", {"Lakes Foundation": {None}}),
        ("The bank lent to Harbor Solar NV (Harbor), a wind producer. Harbor's plans grew.",
         {"Harbor Solar NV": {"Harbor"}}),
        ("The Ministry of Health (Ministry) said so.", {"Ministry of Health": {None}}),
        ("The Northern Meteorological Organization met. NMO staff said so.",
         {"Northern Meteorological Organization": {"NMO"}}),
        ("The Northern Meteorological Organization met. NM staff said so.", {"Northern Meteorological Organization": {None}}),
    ],
)  # fmt: skip
def test_short_forms_that_are_not_fitted_initials(
    nlp: Language, text: str, expected: dict[str, set[str | None]]
) -> None:
    assert org_groups(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Banco de Fomento Regional lends to farmers.", {"Banco de Fomento Regional": {None}}),
        ("Support from the Gesellschaft für Ländliche Entwicklung (GLE) grew. GLE plans more.",
         {"Gesellschaft für Ländliche Entwicklung": {"GLE"}}),
        ("The Nordische Gesellschaft für Ländliche Entwicklung (GLE) helps. GLE plans more.",
         {"Nordische Gesellschaft für Ländliche Entwicklung": {"GLE"}}),
        ("OSLO, 12 March (Nordwire) - The Agence Nordique de Développement (AND) said.",
         {"Nordwire": {None}, "Agence Nordique de Développement": {"AND"}}),
    ],
)  # fmt: skip
def test_names_and_acronyms_in_another_language(nlp: Language, text: str, expected: dict[str, set[str | None]]) -> None:
    assert org_groups(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # credits in brackets need a dateline's line; a country is no agency
        ("Goal 3 (Housing) \u2013 more homes for families.", set()),
        ("The survey covers 2022 (Final) \u2013 see the annex.", set()),
        ("Spending grew in 2020 (Chart) \u2013 and fell in 2021.", set()),
        ("LAGOS (Nigeria) \u2013 The ministry opened a port.", set()),
        ("LAGOS (Lagoswire) \u2013 The ministry opened a port.", {"Lagoswire"}),
        ("Harbourtown, 4 June 2022 (Coastline) \u2013 The port reopened.", {"Coastline"}),
        # a credit before "reports" names no country and no person
        ("Prices fell to 40 on Friday, Peru reported.", set()),
        ("Turnout rose sharply, Interior Minister Lena Park reported.", set()),
        ("Stocks fell, Dr Omar Lind reported.", set()),
        ("Stocks fell on Friday, Lakeside Business News reported.", {"Lakeside Business News"}),
        ("Stocks fell on Friday, Brightline reports.", {"Brightline"}),
        # an appositive makes no country a company
        ("Exports to Peru, a large copper producer, grew.", set()),
        ("Trade with Chile, the biggest wine exporter in the region, rose.", set()),
        ("Loans went to Copperfield Mining, a large copper producer, in May.", {"Copperfield Mining"}),
    ],
)
def test_credits_and_appositives_name_no_country_person_or_heading(
    nlp: Language, text: str, expected: set[str]
) -> None:
    assert set(org_groups(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fund named with its own complement or short form is a body, not its parent's programme
        ("The OPEC Fund for International Development approved a loan.", {"OPEC Fund for International Development"}),
        ("The UN Water Action Fund (UNWAF) and the UN Soil Fund (UNSF) signed.",
         {"UN Water Action Fund", "UN Soil Fund"}),
        ("The IMF Extended Credit Facility supports the country.", {"International Monetary Fund"}),
        ("The Lakeland Water Authority's River Restoration Fund pays for it.", {"Lakeland Water Authority"}),
        # an event modifier makes an event only of an event's head
        ("The OSCE Ministerial Council adopted a decision.", {"OSCE Ministerial Council"}),
        ("The Plenary Assembly of the Basin Council voted.", {"Plenary Assembly of the Basin Council"}),
        ("The Ordinary Council of Ministers met in March.", {"Ordinary Council of Ministers"}),
        ("The Annual Meeting of the Basin Council opened.", {"Basin Council"}),
        ("The Extraordinary Session of the Basin Council opened.", {"Basin Council"}),
        # a national Red Cross society is an organization; the bare movement is not
        ("Volunteers of the Lakeland Red Cross handed out kits.", {"Lakeland Red Cross"}),
        ("The Northland Red Crescent Society opened a clinic.", {"Northland Red Crescent Society"}),
        ("Staff of the Red Cross met donors.", set()),
        ("Staff of the Red Cross Red Crescent movement met.", set()),
        # a periodical's title is no organization; a masthead names its publisher
        ("A study in the Journal of Rural Water Economics found gaps.", set()),
        ("The Lakeside Journal printed the figures.", {"Lakeside Journal"}),
        ("The International Labour Conference adopted a convention.", {"International Labour Conference"}),
    ],
)  # fmt: skip
def test_programmes_events_and_publications_keep_real_bodies(nlp: Language, text: str, expected: set[str]) -> None:
    assert set(org_groups(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delta Rail Holdings (Delta) signed the loan. The Delta region gained.", 2),
        ("Delta Rail Holdings (Delta) signed the loan. Delta Street was closed.", 2),
        ("Delta Rail Holdings (Delta) signed the loan. Later Delta paid it back.", 3),
    ],
)
def test_a_first_word_short_form_is_no_modifier_of_another_word(nlp: Language, text: str, expected: int) -> None:
    assert sum(c.label_ == "organization" for c in nlp(text).spans["pc_claims"]) == expected
