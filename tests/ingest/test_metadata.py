from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.ingest.metadata import clean_author, extract_metadata


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Mr. Khalid Taimur Akram, Executive Director", "Khalid Taimur Akram"),
        ("Dr. Jane Doe | Published 3 May 2021", "Jane Doe"),
        ("H.E. Mr. John Smith", "John Smith"),
        ("Prof. Ana Lima (University of Lisbon)", "Ana Lima"),
    ],
)
def test_author_without_honorifics(byline: str, author: str) -> None:
    assert clean_author(byline) == author


def test_title_author_and_date_from_a_byline() -> None:
    text = "LETTERHEAD OF A CENTRE\n\nThe Headline of the Piece: A Subtitle\n\nBy Dr. Jane Doe, Fellow\n\nPublished on 7th October 2022\n\nBody."
    meta = extract_metadata(text)
    assert meta.title == "The Headline of the Piece: A Subtitle"
    assert meta.author == "Jane Doe"
    assert meta.published == date(2022, 10, 7)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("ISLAMABAD, 14 March 2023 \u2013 The centre released a report.", date(2023, 3, 14)),
        ("Date: 20 March 2024", date(2024, 3, 20)),
        ("Posted June 13, 2019", date(2019, 6, 13)),
        ("By Dr. Maria Santos | Published 8 August 2023", date(2023, 8, 8)),
        ("By Rafael Costa \u00b7 25 August 2023", date(2023, 8, 25)),
    ],
)
def test_publication_dates(line: str, published: date) -> None:
    assert extract_metadata(f"A Headline About Things\n\n{line}\n\nBody text.").published == published


def test_no_metadata_is_none_not_a_guess() -> None:
    meta = extract_metadata("just a line of text without anything.")
    assert meta.author is None and meta.published is None


def test_the_dateline_reads_the_runs_month_words_and_day_order(tmp_path: Path) -> None:
    from pipeline.patterns import load_patterns

    (tmp_path / "fr.jsonl").write_text(
        '{"id": "month-janv", "label": "MONTH", "terms": ["janv", "janv."], "value": 1}\n'
    )
    lexicon = load_patterns([tmp_path]).lexicon
    text = "Un titre assez long ici\n\nDate: 12 janv 2021\n\nLe conseil s'est réuni."
    assert extract_metadata(text).published is None
    assert extract_metadata(text, lexicon).published == date(2021, 1, 12)
    numeric = "A Headline About Things\n\nDate: 04/03/2024\n\nBody text."
    assert extract_metadata(numeric).published == date(2024, 3, 4)
    assert extract_metadata(numeric, order="mdy").published == date(2024, 4, 3)


def test_jsonl_publication_dates_follow_the_day_order(tmp_path: Path) -> None:
    from pipeline.ingest import read_path

    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "a", "text": "The council met last year.", "published": "04/03/2024"}\n')
    assert read_path(path)[0][0].article.published == date(2024, 3, 4)
    assert read_path(path, order="mdy")[0][0].article.published == date(2024, 4, 3)
