"""Counts on the shapes real pages and PDFs write them in: one block per class of text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from .helpers import claims_of


def counts(nlp: Language, text: str) -> list[tuple[object, ...]]:
    return [(c["value"], c["value_max"], c["unit"], c["qualifier"]) for c in claims_of(nlp, text, "count")]


def values(nlp: Language, text: str) -> list[object]:
    return [c["value"] for c in claims_of(nlp, text, "count")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ministers will meet on 14 March to decide.", []),
        ("The forum takes place on 3 and 4 June in Lisbon.", []),
        ("Delegates gather on 9-10 July, and 12 teams attend.", [12]),
        ("The report released today (8 February) shows 40 projects.", [40]),
        ("Voting closes on June 14, when 30 seats are filled.", [30]),
    ],
)
def test_day_numbers_are_no_counts_even_without_a_date_claim(
    nlp: Language, sentence: str, expected: list[object]
) -> None:
    assert values(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The state will spend Rs 40 crore on roads.", (4e8, None, "INR", None)),
        ("The plan costs over Rs 2 lakh crore.", (2e12, None, "INR", "more than")),
        ("A grant of Rs. 15 lakh was paid.", (1.5e6, None, "INR", None)),
        ("Karachi port in Pakistan got Rs 40 crore.", (4e8, None, "PKR", None)),
        ("Pakistan set aside Rs 1.2 billion.", (1.2e9, None, "PKR", None)),
        ("Lenders gave USD\n3.5 billion in grants.", (3.5e9, None, "USD", None)),
    ],
)
def test_amounts_of_money(nlp: Language, sentence: str, expected: tuple[object, ...]) -> None:
    [found] = counts(nlp, sentence)
    assert found[0] == pytest.approx(expected[0])
    assert found[1:] == expected[1:]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Donors gave between €2 and €3 billion in 2021.", [(2e9, 3e9, "EUR", None)]),
        ("Aid grew from USD 4.1 billion to 11.8 billion.", [(4.1e9, None, "USD", None), (11.8e9, None, "USD", None)]),
        ("The agency spent between 3 and 5 million dollars.", [(3e6, 5e6, "USD", None)]),
        ("Output rose from 4 to 6 million euros.", [(4e6, None, "EUR", None), (6e6, None, "EUR", None)]),
        ("Sales fell from 12 to 9 million units.", [(12, None, None, None), (9e6, None, "units", None)]),
    ],
)
def test_a_currency_or_scale_shared_by_a_pair(nlp: Language, sentence: str, expected: list[tuple[object, ...]]) -> None:
    found = counts(nlp, sentence)
    assert len(found) == len(expected)
    for got, want in zip(found, expected, strict=True):
        assert got[0] == pytest.approx(want[0])
        assert got[1] == (None if want[1] is None else pytest.approx(want[1]))
        assert got[2:] == want[2:]


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier"),
    [
        ("Nearly one in six children are out of school.", 100 / 6, "about"),
        ("One in four farms has no road.", 25, None),
        ("About 3 in 10 households lack water.", 30, "about"),
        ("About two thirds of the members voted.", 200 / 3, "about"),
        ("Around one-third of the budget goes to health.", 100 / 3, "about"),
        ("Three fifths of the districts reported.", 60, None),
        ("Some three-quarters of the people agreed.", 75, "about"),
    ],
)
def test_fractions_and_ratios_are_percent_at_full_precision(
    nlp: Language, sentence: str, value: float, qualifier: str | None
) -> None:
    [found] = counts(nlp, sentence)
    assert found[0] == pytest.approx(value, abs=1e-9)
    assert (found[2], found[3]) == ("percent", qualifier)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The reform needs two thirds to pass.", [("two thirds", 200 / 3)]),
        ("Turnout reached two-thirds in the north.", [("two-thirds", 200 / 3)]),
        ("Budgets were cut by half.", [("half", 50)]),
        ("A fifth of the General Assembly walked out.", [("A fifth of the General Assembly", 20)]),
        ("Three-fourths of the funds were spent.", [("Three-fourths of the funds", 75)]),
        ("One fourth of the wells ran dry.", [("One fourth of the wells", 25)]),
        ("A fifth of the assembly walked out.", [("A fifth of the assembly", 20)]),
        ("Half of the Bank's member countries agreed.", [("Half of the Bank's member countries", 50)]),
        ("About one quarter of the budget goes to clinics.", [("About one quarter of the budget", 25)]),
        ("The pact starts once two thirds of the membership have signed.", [("two thirds of the membership", 200 / 3)]),
        ("The pact starts once 5/6 of the parties ratify.", [("5/6 of the parties", 250 / 3)]),
        ("Ratification by 2/3 of the states is needed.", [("2/3 of the states", 200 / 3)]),
    ],
)
def test_a_fraction_in_a_sentence_is_a_share_in_every_spelling(
    nlp: Language, sentence: str, expected: list[tuple[str, float]]
) -> None:
    found = claims_of(nlp, sentence, "count")
    assert [(c["text"], c["unit"]) for c in found] == [(text, "percent") for text, _ in expected]
    for claim, (_, value) in zip(found, expected, strict=True):
        assert claim["value"] == pytest.approx(value, abs=1e-12)  # full precision, not rounded to 12 digits


def test_a_fraction_of_a_numbered_whole_is_a_share_and_the_whole_a_count(nlp: Language) -> None:
    found = claims_of(nlp, "The quorum (two thirds of 90 delegates) was met.", "count")
    assert [(c["text"], c["value"], c["unit"]) for c in found] == [
        ("two thirds of 90 delegates", 200 / 3, "percent"),
        ("90 delegates", 90, "delegates"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It grew 12 in 2 years.", [12, 2]),
        ("The centre treated 5 in 2020.", [5]),
        ("A five eighths of", [0.625]),
        ("two thirds", [0.666666666667]),
        ("Sales rose in the second half of the season.", []),
        ("Exports fell in the last quarter of the season.", []),
        ("A third country joined the talks.", []),
        ("The survey took half a day.", []),
        ("The half-way mark came early.", []),
        ("Half a million farmers were reached.", [500000]),
        ("The plan runs for two and a half years.", [2.5]),
    ],
)
def test_no_ratio_or_fraction_of_a_whole(nlp: Language, sentence: str, expected: list[object]) -> None:
    assert [pytest.approx(v) for v in expected] == values(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Pupils of primary age (6 to 11 years old) walk far, and 40 schools closed.", [40]),
        ("Girls 15-19 years old are most at risk.", []),
        ("Children aged 5 to 14 work in 30 mines.", [30]),
        ("Below the age of 5, 40 children died.", [40]),
        ("Women 18 years of age may vote.", []),
        ("A 10-month-old girl and 3 boys were treated.", [3]),
        ("The plan runs for 3 to 5 years.", [3]),
    ],
)
def test_ages_are_no_counts(nlp: Language, sentence: str, expected: list[object]) -> None:
    assert values(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Under indicator 4.1.2 and Goal 13, 5 countries reported.", [5]),
        ("The board discussed items 3, 4 and 9 with 12 members.", [12]),
        ("Sessions 12 and 13 were merged.", []),
        ("See Box 2 and Figure 3 for 14 projects.", [14]),
        ("Call +49 30 18535-0 or +44 (0) 20 7946 0958 to reach 40 staff.", [40]),
        ("Cases of 2019-nCoV rose after a two-day summit.", [2]),
        ("It reviews the USD 100 Billion Goal and a USD 100 billion goal.", [1e11]),
        ("The EU institutions 3 collectively gave 89% of funds.", [89]),
        ("The plan foresees 13 new treaties.", [13]),
        ("The goal is 5 million people.", [5e6]),
    ],
)
def test_identifiers_and_markers_are_no_counts(nlp: Language, sentence: str, expected: list[object]) -> None:
    assert values(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The three Nordic countries signed.", [(3, "Nordic countries")]),
        ("Two Associate Member delegations attended.", [(2, "Associate Member delegations")]),
        ("Five of the Fund's partner agencies agreed.", [(5, "partner agencies")]),
        ("Some 12 of the 20 districts reported.", [(12, "districts"), (20, "districts")]),
        ("Seven of its provinces voted.", [(7, "provinces")]),
        ("The Group of 20 Finance Ministers met.", []),
    ],
)
def test_the_unit_is_the_counted_noun_phrase(nlp: Language, sentence: str, expected: list[tuple[object, str]]) -> None:
    assert [(c[0], c[2]) for c in counts(nlp, sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "value", "code"),
    [
        ("Tokyo lent 12 billion yen to the port.", 12e9, "JPY"),
        ("The county got 3 million Kenyan shillings for wells.", 3e6, "KES"),
        ("Donors gave 5 million Swiss francs in grants.", 5e6, "CHF"),
        ("The plan costs 40 million US dollars a year.", 40e6, "USD"),
        ("The state paid 300 million Ugandan shillings.", 300e6, "UGX"),
        ("The bank lent 7 billion West African CFA francs.", 7e9, "XOF"),
        ("It paid 2 million Bosnia-Herzegovina convertible marks.", 2e6, "BAM"),
        ("Ottawa gave CA$ 5 million to them.", 5e6, "CAD"),
    ],
)
def test_currencies_named_in_words_become_iso_codes(nlp: Language, sentence: str, value: float, code: str) -> None:
    [found] = counts(nlp, sentence)
    assert (found[0], found[2]) == (pytest.approx(value), code)


def test_two_amounts_joined_by_and_stay_two(nlp: Language) -> None:
    assert counts(nlp, "Donors gave 5 million and 4 million dollars.") == [
        (5e6, None, "USD", None),
        (4e6, None, "USD", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 Projects & Their Costs: a list", [(7, "Projects")]),
        ("Field report\n12 Schools Reopen After the Floods", [(12, "Schools")]),
        ("Notes\n1 Declarations of the summit.\n2 Charter of the body.", []),
        ("Contents\n3 Recommendations\n4 Annexes", []),
        ("Contents\n3. Recommendations", []),
    ],
)
def test_a_number_opening_a_heading_counts_its_plural_noun_unless_lines_are_numbered(
    nlp: Language, text: str, expected: list[tuple[object, str]]
) -> None:
    assert [(c[0], c[2]) for c in counts(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clinics open = 12\nStaff away from their posts this month = 9\nTotal = 21", [12, 9, 21]),
        ("Wells drilled (of 60 planned) = 48\nRemaining wells to drill by June = 12", [60, 48, 12]),
    ],
)
def test_a_number_ending_a_table_row_takes_no_unit_from_the_next_row(
    nlp: Language, text: str, expected: list[object]
) -> None:
    found = claims_of(nlp, text, "count")
    assert [c["value"] for c in found] == expected
    assert [c["unit"] for c in found if c["value"] != 60] == [None] * (len(found) - ("60" in text))


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Fund Lends EUR 9 Million to Six Island States", [(9e6, "EUR"), (6, "Island States")]),
        ("Council Approves 14 New Schools in 3 Provinces", [(14, "New Schools"), (3, "Provinces")]),
        ("Agency Appeals for Three Million Flood Victims", [(3e6, "Flood Victims")]),
        ("Report Marks the Corridor at Ten", []),
        ("Partners Renew Agenda 2063 Pledge", []),
        ("the USD 100 Billion Goal report", []),
        ("Read 649 times", []),
    ],
)
def test_counts_in_title_case_headlines(nlp: Language, headline: str, expected: list[tuple[float, str]]) -> None:
    assert [(pytest.approx(c[0]), c[2]) for c in counts(nlp, headline)] == expected


# -- a qualifier word after a verb of arrangement is a preposition ---------------------------
@pytest.mark.parametrize(
    ("sentence", "text", "qualifier"),
    [
        ("The charter is organised around five commitments.", "five commitments", None),
        ("Its work is centred around 12 river basins.", "12 river basins", None),
        ("The clinics are spread over 30 villages.", "30 villages", None),
        ("Exports rose around 7 percent last year.", "around 7 percent", "about"),
        ("Around 60 delegations attended.", "Around 60 delegations", "about"),
    ],
)
def test_a_preposition_after_an_arranging_verb_is_no_qualifier(
    nlp: Language, sentence: str, text: str, qualifier: str | None
) -> None:
    found = claims_of(nlp, sentence, "count")
    assert [(c["text"], c["qualifier"]) for c in found] == [(text, qualifier)]


# -- "N in 1000": a four-digit whole of a ratio is no year -------------------------------------
@pytest.mark.parametrize(
    ("sentence", "count_text", "dates"),
    [
        ("Roughly 2 in 1000 infants are affected.", "Roughly 2 in 1000", []),
        ("Cases went from 4 in 2019 to 7 in 2021.", "4", ["2019", "2021"]),
    ],
)
def test_a_ratio_over_a_thousand_is_no_year(nlp: Language, sentence: str, count_text: str, dates: list[str]) -> None:
    assert claims_of(nlp, sentence, "count")[0]["text"] == count_text
    assert [c["text"] for c in claims_of(nlp, sentence, "date")] == dates


# -- a scale joined to the number by a hyphen, as in a compound adjective -----------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The board cleared a $640-million credit line.", [(6.4e8, None, "USD", None)]),
        ("Lenders signed a 3-billion yuan facility.", [(3e9, None, "CNY", None)]),
        ("The fund set up a USD 90-million window.", [(9e7, None, "USD", None)]),
        ("It opened a 2.5-million-tonne terminal.", [(2.5e6, None, "tonne", None)]),
        ("Parliament passed a €12-billion package.", [(1.2e10, None, "EUR", None)]),
    ],
)
def test_a_scale_in_a_hyphen_compound(nlp: Language, sentence: str, expected: list[tuple[object, ...]]) -> None:
    found = counts(nlp, sentence)
    assert [(pytest.approx(v), m, u, q) for v, m, u, q in found] == expected


# -- a number and an amount of another kind joined by "to": no scale shared ---------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Spending grows by 9 per cent to Rs 4.2 lakh crore.", [9, 4.2e12]),
        ("Exports rose 6% to $3.1 billion.", [6, 3.1e9]),
        ("Aid grew from 4 to 6 million euros.", [4e6, 6e6]),
    ],
)
def test_a_pair_shares_a_scale_only_when_it_counts_one_thing(
    nlp: Language, sentence: str, expected: list[float]
) -> None:
    assert values(nlp, sentence) == [pytest.approx(v) for v in expected]


# -- currencies written the way regional pages write them --------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The council sought $US7.5 billion for relief.", (7.5e9, "USD")),
        ("The schools got GH¢25,000,000 this term.", (2.5e7, "GHS")),
        ("Traders lost 40 million Ghana cedis to floods.", (4e7, "GHS")),
        ("The review unlocks SDR 180 million for the budget.", (1.8e8, "XDR")),
        ("The state backed it with Four Hundred Million Ghana Cedis in grants.", (4e8, "GHS")),
    ],
)
def test_regional_currency_signs_and_names(nlp: Language, sentence: str, expected: tuple[float, str]) -> None:
    [found] = counts(nlp, sentence)
    assert (found[0], found[2]) == (pytest.approx(expected[0]), expected[1])


# -- Indian digit grouping -------------------------------------------------------------------
def test_indian_digit_grouping(nlp: Language) -> None:
    found = counts(nlp, "Outlay fell to Rs 2.1 lakh crore from Rs 2,35,000 crore.")
    assert [f[0] for f in found] == [pytest.approx(2.1e12), pytest.approx(2.35e12)]


# -- "N out of M things": both numbers count the things ---------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The panel backed 7 out of 9 proposed schemes.", [(7, "proposed schemes"), (9, "proposed schemes")]),
        ("She said: “Three out of five schools are shut.”", [(3, "schools"), (5, "schools")]),
        ("Four of the six provinces voted.", [(4, "provinces"), (6, "provinces")]),
    ],
)
def test_out_of_partitives(nlp: Language, sentence: str, expected: list[tuple[object, str]]) -> None:
    assert [(v, u) for v, _, u, _ in counts(nlp, sentence)] == expected


# -- clock times, "24-7", numbered acts of a year, days after a month: no counts ---------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The hearing runs from 10 a.m. to 4 p.m. with 30 speakers.", [30]),
        ("Polls open at 7 am and close at 6 pm in 12 districts.", [12]),
        ("Crews worked 24-7 to clear 80 roads.", [80]),
        ("The cabinet issued Decree No. 58 of 2022 on 40 ports.", [40]),
        ("Ministers meet on Jan 14 and 15 to review 9 bids.", [9]),
    ],
)
def test_times_and_identifiers_are_no_counts(nlp: Language, sentence: str, expected: list[object]) -> None:
    assert values(nlp, sentence) == expected


# -- capitalised units, a unit abbreviation in the plural, a change from a current level ------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Jobs Rise for the Poorest 20 Percent", [(20, None, "percent", None)]),
        ("The line adds 320 kms of track.", [(320, None, "kms", None)]),
        (
            "It lifts coverage from the present 15 percent to 42 percent.",
            [(15, None, "percent", None), (42, None, "percent", None)],
        ),
        ("Coverage ranges from 15 to 42 percent.", [(15, None, None, None), (42, None, "percent", None)]),
    ],
)
def test_title_units_and_changes(nlp: Language, sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert counts(nlp, sentence) == expected


# -- a scale word glued to the digits; "up to" the end of a change; whole amounts stay whole ----
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Charities with more than £3million a year apply.", [(3e6, None, "GBP", "more than")]),
        ("The port handles 4million tonnes.", [(4e6, None, "tonnes", None)]),
        (
            "Health outlay up to Rs 1.46 lakh crore from Rs 72,000 crore.",
            [(1_460_000_000_000, None, "INR", None), (720_000_000_000, None, "INR", None)],
        ),
        ("Awards of up to £5,000 from the trust.", [(5000, None, "GBP", "up to")]),
        ("Up to 30 schools open from 2026.", [(30, None, "schools", "up to")]),
    ],
)
def test_glued_scales_and_changes_up_to(nlp: Language, sentence: str, expected: list[tuple[object, ...]]) -> None:
    found = counts(nlp, sentence)
    assert found == expected
    assert all(isinstance(v, int) for v, *_ in found)


# -- ordinals and periods written like fractions; an acronym's number; codes and names of money -----
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Forty-second Session of the council opened.", []),
        ("Its thirty-first meeting met in Lima.", []),
        ("Two-thirds of members agreed.", [(pytest.approx(200 / 3), None, "percent", None)]),
        ("Output rose in the first two quarters of trading.", []),
        ("Delegates met at the SCO 5 meeting (SCO 5) in June.", []),
        ("The WHO 6 regions reported 40 cases.", [(6, None, "regions", None), (40, None, "cases", None)]),
        ("Nepal set aside NPR 8 billion for schools.", [(8e9, None, "NPR", None)]),
        ("It reached 120.5 billion U.S. dollars.", [(1.205e11, None, "USD", None)]),
        ("Reserves hit 2.1 trillion Turkish liras.", [(2.1e12, None, "TRY", None)]),
    ],
)
def test_ordinals_periods_acronyms_and_currency_names(
    nlp: Language, sentence: str, expected: list[tuple[object, ...]]
) -> None:
    assert counts(nlp, sentence) == expected


# -- an acronym's number is a name only when nothing is counted; seconds; coded titles; clock ------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Turkey's GNP 3.1% rise surprised lenders.", [(3.1, None, "percent", None)]),
        ("FDI 25% lower than before worried the board.", [(25, None, "percent", None)]),
        ("Donors kept ODA 0.5 percent of their income.", [(0.5, None, "percent", None)]),
        ("The ECB 2 trillion programme ended.", [(2e12, None, None, None)]),
        (
            "Pledges by country: USA 30, UK 8, UAE 4.",
            [(30, None, None, None), (8, None, None, None), (4, None, None, None)],
        ),
        ("Country Sites\nUSA 31\nUK 6", [(31, None, None, None), (6, None, None, None)]),
        ("Talks at the SCO 9 summit went well.", []),
        ("Ministers prepared for COP 31 in the spring.", []),
        (
            "Viewers saw a 15-second clip and a three-second pause.",
            [(15, None, "second", None), (3, None, "second", None)],
        ),
        ("Its thirty-second session opened.", []),
        ("The bill needs a two-third majority.", []),
        ("The GHS 2019 Report ranked 180 states.", [(180, None, "states", None)]),
        ("The fund holds GHS 2019 million.", [(2.019e9, None, "GHS", None)]),
        ("The 14 PM aides resigned.", [(14, None, "PM aides", None)]),
        ("Polls close at 8 PM and counting starts at 9 pm.", []),
    ],
)
def test_acronym_numbers_seconds_coded_titles_and_clock(
    nlp: Language, sentence: str, expected: list[tuple[object, ...]]
) -> None:
    assert counts(nlp, sentence) == expected
