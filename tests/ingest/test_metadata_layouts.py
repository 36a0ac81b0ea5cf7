"""Metadata as page heads write it: mastheads, letterheads, furniture, datelines, bylines.

Every page opening here is written for these tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import RawArticle, finish, read_path
from pipeline.ingest.metadata import Metadata, clean_author, extract_metadata, rules_of, year_of_text

BODY = (
    "The regional authority said the programme would reach every district within three years, "
    "according to figures released by the planning office."
)


@pytest.mark.parametrize(
    ("opening", "title", "published"),
    [
        # a masthead, a site date, then the headline (blog and CMS layouts)
        (
            "Harbor Valley Journal\n\nMonday, 3 May 2021\n\nCity council approves a new water tariff",
            "City council approves a new water tariff",
            date(2021, 5, 3),
        ),
        (
            "Network for Dryland Farming Research\nTuesday, March 9, 2021 10:45 am\n\nSeed banks open in four provinces",
            "Seed banks open in four provinces",
            date(2021, 3, 9),
        ),
        # a letterhead and a series label above the headline, a date line under it, then a section heading
        (
            "Institute for Coastal Studies\nPOLICY NOTES\nRivers and Ports in a Warming World\nMarch 4, 2022\n"
            "Rising seas and shipping lanes",
            "Rivers and Ports in a Warming World",
            date(2022, 3, 4),
        ),
        # a headline with a date line alone under it
        (
            "Ministers agree on a common grid code\n\n12 June 2020",
            "Ministers agree on a common grid code",
            date(2020, 6, 12),
        ),
        (
            "Ministers agree on a common grid code\n\nPOSTED JUNE 7, 2023",
            "Ministers agree on a common grid code",
            date(2023, 6, 7),
        ),
        (
            "Ministers agree on a common grid code\n\nIssued: 4 March 2022",
            "Ministers agree on a common grid code",
            date(2022, 3, 4),
        ),
        (
            "Ministers agree on a common grid code\n\nWed, 5 Feb 2020 at 14:30 GMT",
            "Ministers agree on a common grid code",
            date(2020, 2, 5),
        ),
        # page furniture above the headline: category labels, breadcrumbs, counters, bullets
        (
            "Category: News Releases\n\n\u2022 Minister opens the northern rail link\n\nPublished: 12 June 2020",
            "Minister opens the northern rail link",
            date(2020, 6, 12),
        ),
        (
            "Home \u00bb News \u00bb Statements\n\nShowing 1 - 2 of 2\n\nFlood appeal reaches its first target\n\n9 July 2019",
            "Flood appeal reaches its first target",
            date(2019, 7, 9),
        ),
        (
            "Displaying 1 - 3 of 3\n\nRelief convoys reach the eastern valleys\n\nRead 312 times",
            "Relief convoys reach the eastern valleys",
            None,
        ),
        # a numbered section heading is no title
        (
            "OECD\nFinancing Resilient Harbours in Small States\n3. Recent trends in port finance",
            "Financing Resilient Harbours in Small States",
            None,
        ),
        # a sentence in the head that says when the item was issued
        (
            "Tag: Trade\n\nExport credit scheme widened to small firms\n\nThe statement issued by the trade ministry on 29 September 2023.",
            "Export credit scheme widened to small firms",
            date(2023, 9, 29),
        ),
        # an update date only when nothing else dates the page
        (
            "Water board sets a drought plan\n\nLast updated: 8 August 2022\n\nPublished: 2 August 2022",
            "Water board sets a drought plan",
            date(2022, 8, 2),
        ),
        (
            "Water board sets a drought plan\n\nUpdated 8 August 2022",
            "Water board sets a drought plan",
            date(2022, 8, 8),
        ),
    ],
)
def test_headline_and_date_of_page_heads(opening: str, title: str, published: date | None) -> None:
    meta = extract_metadata(f"{opening}\n\n{BODY}\n")
    assert (meta.title, meta.published) == (title, published)


@pytest.mark.parametrize(
    ("paragraph", "published"),
    [
        ("Berlin, 18 April 2024 \u2013 The ministry said", date(2024, 4, 18)),
        ("LIMA, Peru, 2 March 2019 \u2014 The ministry said", date(2019, 3, 2)),
        ("NAIROBI, 9th June, 2018 (KNA) \u2013 The ministry said", date(2018, 6, 9)),
        ("Geneva, June 3, 2021 - The ministry said", date(2021, 6, 3)),
        ("Washington, D.C., January 12, 2022 \u2013 The ministry said", date(2022, 1, 12)),
        ("ACCRA, Ghana, March 2, 2019. The ministry said", date(2019, 3, 2)),
        ("Quito [Ecuador], 2 March 2019 : The ministry said", date(2019, 3, 2)),
        ("St. Louis, 2 March 2019 \u2013 The ministry said", date(2019, 3, 2)),
        # no year: the year of the full dates the article writes, never a bare year
        ("KAMPALA, Uganda, May 14. On 12 May 2019 the ministry said", date(2019, 5, 14)),
        (
            "KHARTOUM, 3 May \u2013 Floods of 28 April 2020 hit 2019 harvests since 2019; the ministry said",
            date(2020, 5, 3),
        ),
        ("KHARTOUM, 3 May \u2013 Floods in 2020 have hit 2020 harvests since 2019; the ministry said", None),
        # a date opening the paragraph without a place
        ("3 May 2021 \u2013 The ministry said", date(2021, 5, 3)),
        ("16 October 2013. The ministry said", date(2013, 10, 16)),
        # not datelines
        ("However, 3 May \u2013 the ministry said", None),
        ("In 2020 the ministry said \u2013 again", None),
    ],
)
def test_datelines_in_any_case(paragraph: str, published: date | None) -> None:
    text = f"Storm season tests the new shelters\n\n{paragraph} that the shelters were ready for the rains across the region.\n"
    meta = extract_metadata(text)
    assert meta.published == published
    assert meta.title == "Storm season tests the new shelters"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # running text from the first line: no headline, even with a quoted line further down
        (BODY + '\n\n"This road changes everything for the valley."\n\nThe Rural Roads Network Expands\n', None),
        # a long question is a headline, not running text
        (
            "Can the regional development bank keep pace with a membership that has doubled in a year?\n\n" + BODY,
            "Can the regional development bank keep pace with a membership that has doubled in a year?",
        ),
        # a name alone above the headline, with no date line: the masthead is skipped
        (
            "Harbor Valley Journal\n\nCity council approves a new water tariff\n\n" + BODY,
            "City council approves a new water tariff",
        ),
        # a Title Case headline on its own stays the title
        ("Regional Bank Approves New Climate Fund\n\n" + BODY, "Regional Bank Approves New Climate Fund"),
    ],
)
def test_a_headline_opens_the_excerpt(text: str, title: str | None) -> None:
    assert extract_metadata(text).title == title


def test_a_dateline_without_year_takes_the_year_of_the_site_date() -> None:
    text = (
        "Sat. Jan 4th, 2025\n\nRelief flights resume to the coast\n\n"
        "PORT LOUIS, 30 December \u2013 Relief flights resumed on Monday after the cyclone closed the airport.\n"
    )
    assert extract_metadata(text).published == date(2024, 12, 30)


def test_a_date_line_of_the_page_wins_over_the_reposted_items_own_date() -> None:
    text = "Monday, 21 October 2013\n\nSeed banks open in four provinces\n\n16 October 2013. " + BODY
    assert extract_metadata(text).published == date(2013, 10, 21)


def test_a_dateline_wins_over_a_site_header_date() -> None:
    text = (
        "Sat. Jan 4th, 2025\n\nRelief flights resume to the coast\n\n"
        "PORT LOUIS, 2 January 2025 \u2013 Relief flights resumed on Monday after the cyclone closed the airport.\n"
    )
    assert extract_metadata(text).published == date(2025, 1, 2)


@pytest.mark.parametrize(
    ("line", "author", "published"),
    [
        ("By Jane Roe Posted: 3 May 2021", "Jane Roe", date(2021, 5, 3)),
        ("By Jane Roe on 3 May 2021", "Jane Roe", date(2021, 5, 3)),
        ("By Dr. Jane Roe | Published 3 May 2021", "Jane Roe", date(2021, 5, 3)),
        ("20/11/2025 \u2022 Maria Okoye", "Maria Okoye", date(2025, 11, 20)),
        ("Posted on June 7, 2023 by Tomas Berg", "Tomas Berg", date(2023, 6, 7)),
        ("POSTED JUNE 7, 2023 BY TOMAS BERG", "TOMAS BERG", date(2023, 6, 7)),
        ("Posted by Tomas Berg on June 7, 2023", "Tomas Berg", date(2023, 6, 7)),
        ("Tomas Berg | June 7, 2023 | 5 min read", "Tomas Berg", date(2023, 6, 7)),
        ("Last Updated: June 8, 2023 | Published: June 7, 2023", None, date(2023, 6, 7)),
        # institutional bylines name no author
        ("By UN News Staff", None, None),
        ("By the Secretariat", None, None),
        ("By Reuters", None, None),
        ("By Department for Regional Trade", None, None),
        ("20/11/2025 \u2022 Harbor Valley Journal", None, date(2025, 11, 20)),
    ],
)
def test_bylines_give_a_person_without_tails(line: str, author: str | None, published: date | None) -> None:
    meta = extract_metadata(f"Ministers agree on a common grid code\n\n{line}\n\n{BODY}\n")
    assert (meta.title, meta.author, meta.published) == ("Ministers agree on a common grid code", author, published)


@pytest.mark.parametrize(
    ("name", "author"),
    [
        ("Jane Roe and Li Wei", "Jane Roe and Li Wei"),
        ("Ana M. Lima, Senior Fellow", "Ana M. Lima"),
        ("Editorial Team", None),
        ("UNHCR", None),
        ("Centre for Coastal Studies", None),
    ],
)
def test_a_stated_author_must_be_a_person(name: str, author: str | None) -> None:
    assert clean_author(name) == author


def test_the_year_of_a_text_is_the_one_it_writes_most() -> None:
    assert year_of_text("On 3 May 2019 and 4 May 2020, and again on June 1, 2020, unlike 1998.") == 2020
    assert year_of_text("3 May 2019 or 3 May 2020") == 2020
    assert year_of_text("In 2019 and 2020, and again in 2020.") is None  # bare years only
    assert year_of_text("It met on 3 May 2021 and will report by 30 June 2030.") == 2021  # a target
    assert year_of_text("No years at all, only 3.5 and 12,000.") is None


# -- the file's own metadata (HTML tags, PDF document info) against the text -------------
HEAD = "Harbor Valley Journal\n\nMonday, 3 May 2021\n\nCity council approves a new water tariff\n\n" + BODY


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        # the document's title holds the headline and the site's name
        (
            Metadata("City council approves a new water tariff | Harbor Valley Journal", None, None),
            Metadata("City council approves a new water tariff", None, date(2021, 5, 3)),
        ),
        # a file name or "untitled" is no title; a software user is no author
        (
            Metadata("draft_v3.docx", "Administrator", None),
            Metadata("City council approves a new water tariff", None, date(2021, 5, 3)),
        ),
        (
            Metadata("Untitled", None, None),
            Metadata("City council approves a new water tariff", None, date(2021, 5, 3)),
        ),
        # a title the text does not hold is kept (an HTML page's own headline); a person is an author
        (
            Metadata("Water tariff approved", "Tomas Berg", date(2021, 6, 1)),
            Metadata("Water tariff approved", "Tomas Berg", date(2021, 5, 3)),
        ),
        # the text's date wins over the document's (a PDF's creation date is its printing)
        (
            Metadata(None, None, date(2024, 1, 1)),
            Metadata("City council approves a new water tariff", None, date(2021, 5, 3)),
        ),
    ],
)
def test_file_metadata_is_weighed_against_the_text(stated: Metadata, expected: Metadata) -> None:
    assert extract_metadata(HEAD, stated=stated) == expected


def test_file_metadata_fills_what_the_text_lacks() -> None:
    stated = Metadata("Seed banks open", "Tomas Berg", date(2021, 6, 1))
    assert extract_metadata(BODY, stated=stated) == stated


def test_a_pdf_document_title_and_date_pass_through_finish() -> None:
    raw = RawArticle("a", HEAD, "report.pdf", "Seed banks | Site", "Jane Roe", date(2024, 1, 1), source_offsets=False)
    article = finish(raw).article
    assert (article.title, article.author, article.published) == ("Seed banks | Site", "Jane Roe", date(2021, 5, 3))


def test_a_pdf_creation_date_is_no_publication_date_but_an_html_pages_date_is() -> None:
    pdf = RawArticle("a", BODY, "report.pdf", None, None, date(2024, 1, 1), source_offsets=False)
    html = RawArticle("a", BODY, "page.html", None, None, date(2024, 1, 1), source_offsets=False)
    assert finish(pdf).article.published is None
    assert finish(html).article.published == date(2024, 1, 1)


def test_a_records_own_fields_are_kept_as_written() -> None:
    raw = RawArticle(
        "a", HEAD, "batch.jsonl", "My Title | Mine", "Editorial Team", date(2020, 1, 1), states_published=True
    )
    article = finish(raw).article
    assert (article.title, article.author, article.published) == ("My Title | Mine", "Editorial Team", date(2020, 1, 1))


# -- the run's --published -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "run", "expected"),
    [
        (HEAD, None, date(2021, 5, 3)),  # the text's date
        (HEAD, date(2022, 2, 2), date(2022, 2, 2)),  # the run's date wins over the text's
        (BODY, date(2022, 2, 2), date(2022, 2, 2)),
    ],
)
def test_the_runs_date_wins_over_the_text(text: str, run: date | None, expected: date) -> None:
    assert finish(RawArticle("a", text, "a.txt"), published=run).article.published == expected


def test_published_option_keeps_each_jsonl_lines_own_date(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    lines = [
        {"id": "dated", "text": "The council met last year.", "published": "2020-03-01"},
        {"id": "undated", "text": "The council met last year."},
    ]
    (source / "batch.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    (source / "page.txt").write_text(HEAD)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(source), "--out", str(out), "-q", "--published", "2024-05-01"])
    assert result.exit_code == 0, result.output
    articles = {a["article_id"]: a["published"] for a in json.loads((out / "articles.json").read_text())}
    assert articles == {"dated": "2020-03-01", "undated": "2024-05-01", "page": "2024-05-01"}
    without = tmp_path / "without"
    assert CliRunner().invoke(app, ["extract", str(source), "--out", str(without), "-q"]).exit_code == 0
    articles = {a["article_id"]: a["published"] for a in json.loads((without / "articles.json").read_text())}
    assert articles == {"dated": "2020-03-01", "undated": None, "page": "2021-05-03"}


def test_the_rules_read_the_word_lists() -> None:
    rules = rules_of()
    assert rules.furniture.match("Category: Press Releases")
    assert rules.published.match("POSTED JUNE 7, 2023")
    assert not rules.published.match("Updated 8 August 2022")
    assert read_path  # the readers build articles through the same rules
