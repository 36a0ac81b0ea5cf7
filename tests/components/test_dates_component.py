from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.components.dates import connector_words, holds_a_date_word
from pipeline.normalize.dates import parse_date
from pipeline.patterns import default_lexicon

from .helpers import claims_of

PUBLISHED = date(2023, 7, 10)


@pytest.mark.parametrize(
    ("sentence", "text", "start", "end"),
    [
        ("The body was established in 1992 by five states.", "1992", "1992-01-01", "1992-12-31"),
        (
            "The summit will take place on 12-13 October 2022 in Astana.",
            "12-13 October 2022",
            "2022-10-12",
            "2022-10-13",
        ),
        ("On Tuesday, 4 July 2023, Iran was admitted.", "Tuesday, 4 July 2023", "2023-07-04", "2023-07-04"),
        ("Trade grew over the period from 2016 to 2019 as expected.", "from 2016 to 2019", "2016-01-01", "2019-12-31"),
        ("A programme covering 2019-2021 was approved.", "2019-2021", "2019-01-01", "2021-12-31"),
        ("Borders dominated the 1990s in the region.", "1990s", "1990-01-01", "1999-12-31"),
        (
            "The plan was due in the first quarter of 2021 at the latest.",
            "first quarter of 2021",
            "2021-01-01",
            "2021-03-31",
        ),
        ("Members should agree by early 2024 on funding.", "early 2024", "2024-01-01", "2024-12-31"),
        ("The enlargement is expected next year, officials say.", "next year", "2024-01-01", "2024-12-31"),
        ("At the meeting on 4 July, Belarus signed.", "4 July", "2023-07-04", "2023-07-04"),
        ("Since the 2017 enlargement the group has grown.", "2017", "2017-01-01", "2017-12-31"),
        ("The charter was signed in Shanghai, 2001-06-15.", "2001-06-15", "2001-06-15", "2001-06-15"),
        (
            "The fair ran 28 November \u2013 2 December 2023 in Doha.",
            "28 November \u2013 2 December 2023",
            "2023-11-28",
            "2023-12-02",
        ),
        ("The audit is due in 2 weeks.", "in 2 weeks", "2023-07-24", "2023-07-24"),
        ("Tariffs rose in the first quarter of 2021.", "first quarter of 2021", "2021-01-01", "2021-03-31"),
        ("The talks were held over the weekend.", "weekend", "2023-07-15", "2023-07-16"),
        ("Voting closes two Sundays from now.", "two Sundays from now", "2023-07-23", "2023-07-23"),
        ("Seventy years ago the port opened.", "Seventy years ago", "1953-01-01", "1953-12-31"),
        ("Output will grow later this year.", "later this year", "2023-01-01", "2023-12-31"),
        ("The bank will start 2024 with new rules.", "2024", "2024-01-01", "2024-12-31"),
        ("The port has grown since two thousand and five.", "two thousand and five", "2005-01-01", "2005-12-31"),
    ],
)
def test_dates_in_sentences(nlp: Language, sentence: str, text: str, start: str, end: str) -> None:
    found = claims_of(nlp, sentence, "date", PUBLISHED)
    assert [(c["text"], c["start_date"].isoformat(), c["end_date"].isoformat()) for c in found] == [(text, start, end)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The African Union adopted Agenda 2063 as its blueprint.",
        "The restrictions are linked to Resolution 2231 of the Security Council.",
        "The Strategy 2022-2026 was welcomed by all.",
        "The 6th Summit of the organisation was a two-day event.",
        "It is termed as the Asian century by many.",
        "More than 2000 troops were deployed.",
    ],
)
def test_not_dates(nlp: Language, sentence: str) -> None:
    assert claims_of(nlp, sentence, "date", PUBLISHED) == []


def test_relative_dates_need_a_publication_date(nlp: Language) -> None:
    assert claims_of(nlp, "The summit was held last year.", "date", None) == []


def test_offsets_index_the_article_text(nlp: Language) -> None:
    from pipeline import extract_text

    article, claims = extract_text("Founded in\n1992, the\n\n\n\ncouncil met on 3 May 2021.", nlp)
    assert claims and all(article.text[c.start : c.end] == c.text for c in claims)


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("The bloc adopted Agenda 2030 in March.", ["March"]),  # not "2030 in March"
        ("This may take longer than planned, until March.", ["March"]),
        ("They planted two thousand trees in May 2019.", ["May 2019"]),
        ("Growth hit 2000% last year.", ["last year"]),
    ],
)
def test_what_runs_do_not_read_as_dates(nlp: Language, sentence: str, texts: list[str]) -> None:
    assert [c["text"] for c in claims_of(nlp, sentence, "date", PUBLISHED)] == texts


def test_a_run_date_takes_the_rule_of_its_first_token(nlp: Language) -> None:
    found = claims_of(nlp, "It closed on June 3, 2021 and reopened on 4 July 2022 or 3 Aug. 2022.", "date")
    assert [(c["text"], c["rule"]) for c in found] == [
        ("June 3, 2021", "date-run-words"),
        ("4 July 2022", "date-day-month-year"),
        ("3 Aug. 2022", "date-day-month-year"),
    ]


def test_day_order_decides_ambiguous_numeric_dates() -> None:
    from pipeline import build_nlp

    sentence = "The accord was signed on 03/04/2023."
    for order, expected in (("dmy", "2023-04-03"), ("mdy", "2023-03-04")):
        found = claims_of(build_nlp(day_order=order), sentence, "date")
        assert [c["start_date"].isoformat() for c in found] == [expected]


def test_a_month_abbreviation_added_in_data_alone_is_read(tmp_path: Path) -> None:
    from pipeline import build_nlp
    from pipeline.pattern_tests import check_line
    from pipeline.patterns import load_patterns

    folder = tmp_path / "french"
    folder.mkdir()
    line = {
        "id": "month-janv",
        "label": "MONTH",
        "terms": ["janv", "janv."],
        "value": 1,
        "examples": [{"text": "le 12 janv. 2021", "expect": {"start_date": "2021-01-12"}}],
    }
    (folder / "months.jsonl").write_text(json.dumps(line) + "\n")
    nlp = build_nlp(pattern_dirs=[folder])
    found = claims_of(nlp, "Le traité a été signé le 12 janv. 2021 à Paris.", "date")
    assert [(c["text"], c["start_date"].isoformat()) for c in found] == [("12 janv. 2021", "2021-01-12")]
    [mine] = [p for p in load_patterns([folder]).lines if p.id == "month-janv"]
    assert check_line(nlp, mine) == []
    assert claims_of(build_nlp(), "Le traité a été signé le 12 janv. 2021 à Paris.", "date")[0]["text"] == "2021"


def test_a_relative_word_added_in_data_alone_is_read(tmp_path: Path) -> None:
    from pipeline import build_nlp

    (tmp_path / "words.jsonl").write_text('{"id": "shift-prior", "label": "DATE_SHIFT", "terms": {"prior": -1}}\n')
    sentence = "Imports fell in the prior year."
    assert claims_of(build_nlp(), sentence, "date", PUBLISHED) == []
    found = claims_of(build_nlp(pattern_dirs=[tmp_path]), sentence, "date", PUBLISHED)
    assert [(c["text"], c["start_date"].isoformat()) for c in found] == [("prior year", "2022-01-01")]


def test_the_component_reads_its_vocabulary_from_its_lexicon(tmp_path: Path) -> None:
    from pipeline import build_nlp

    (tmp_path / "words.jsonl").write_text(
        '{"id": "year-context-french", "label": "DATE_YEAR_CONTEXT", "terms": ["vers"]}\n'
    )
    sentence = "Vers 1850, le port a grandi."
    assert claims_of(build_nlp(), sentence, "date") == []  # after a capitalised word, a name (Agenda 2063)
    found = claims_of(build_nlp(pattern_dirs=[tmp_path]), sentence, "date")
    assert [c["text"] for c in found] == ["1850"]


@pytest.mark.parametrize(
    ("text", "dates", "counts"),
    [
        ("About 1200 staff work there.", [], ["About 1200 staff"]),
        ("In all 2000 police officers attended.", [], ["2000 police officers"]),
        ("Last week 2000 delegates attended.", ["Last week"], ["2000 delegates"]),
        ("The strategy for 2022-2026 seeks new lenders.", ["2022-2026"], []),
    ],
)
def test_four_digits_that_count_a_noun_are_no_year(
    nlp: Language, text: str, dates: list[str], counts: list[str]
) -> None:
    from datetime import date

    from pipeline import extract_text

    claims = extract_text(text, nlp, published=date(2024, 3, 15))[1]
    assert [c.text for c in claims if c.claim_type == "date"] == dates
    assert [c.text for c in claims if c.claim_type == "count"] == counts


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("The levy was agreed in 2022. October was quiet in the markets.", [("2022", "2022-01-01")]),
        ("The board met in March. 2024 brought new members.", [("2024", "2024-01-01")]),
        (
            "Two ministers signed in 1998.\nJune 2001 saw the next round.",
            [("1998", "1998-01-01"), ("June 2001", "2001-06-01")],
        ),
        ("Released Thu. Jan 23rd, 2025 by the fund.", [("Thu. Jan 23rd, 2025", "2025-01-23")]),  # an abbreviation's dot
        ("The forum opened on 9. Oct. 2019 in Bern.", [("9. Oct. 2019", "2019-10-09")]),  # a day's dot
        ("Prices rose by 45. November 2020 was calmer.", [("November 2020", "2020-11-01")]),  # no day: a sentence end
    ],
)
def test_a_date_never_runs_across_a_sentence_end(nlp: Language, text: str, dates: list[tuple[str, str]]) -> None:
    found = claims_of(nlp, text, "date", published=None)
    assert [(c["text"], c["start_date"].isoformat()) for c in found] == dates


# -- runs that hold no date word are not scanned ---------------------------------------


def test_connector_words_alone_never_read_as_a_date() -> None:
    """The premise of skipping a run of connector words (``holds_a_date_word``): no stretch of
    them and signs reads as a date, with or without a publication date, in either day order.
    A new reading in the resolver that gives one of them a meaning fails here."""
    lexicon = default_lexicon()
    words = sorted(connector_words(lexicon))
    assert {"the", "of", "in", "a", "last", "ago", "from", "thousand"} <= set(words)
    assert not {"may", "monday", "year", "today", "now", "two", "first"} & set(words)
    pool = [*words, ",", "-", ".", "/", "–", "(", ")", ":", ";"]
    rng = random.Random(11)
    stretches = [*pool, *(" ".join(rng.choice(pool) for _ in range(rng.randint(2, 6))) for _ in range(3000))]
    for stretch in stretches:
        for published in (None, date(2022, 5, 4)):
            for order in ("dmy", "mdy"):
                assert parse_date(stretch, published, order=order, lexicon=lexicon) is None, stretch


@pytest.mark.parametrize(
    ("text", "holds"),
    [("in the", False), (", and the", False), ("of the last", False), ("in the year", True),
     ("in May", True), ("by 2030", True), ("the day", True), ("a week ago", True)],
)  # fmt: skip
def test_a_run_holds_a_date_word(nlp: Language, text: str, holds: bool) -> None:
    doc = nlp.make_doc(text)
    connectors = nlp.get_pipe("policy_claims_dates").words.connectors
    assert holds_a_date_word(doc, 0, len(doc), connectors) is holds
