from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

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
