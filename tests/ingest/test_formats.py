"""Web pages, Markdown and PDF: the tests build their own fixtures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline import extract_paths
from pipeline.errors import Code
from pipeline.ingest import read_path

PAGE = """<!DOCTYPE html><html><head>
<title>River Deal Signed | Basin Policy Forum</title>
<meta name="author" content="Dr. Lan Pham">
<meta property="article:published_time" content="2021-05-03T08:00:00Z">
</head><body>
<div class="cookie-banner"><p>We use cookies for up to 12 months. Accept all.</p></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>
<article>
<h1>River Deal Signed as the Basin Council Turns 25</h1>
<p class="byline">By Dr. Lan Pham &middot; <time datetime="2021-05-03">3 May 2021</time></p>
<p>The Lower Basin Coordination Council (LBCC) met for the first time on 28-29 April 2021 in Vientiane,
bringing together six member states and about 40 experts. The council was founded in 1995 and now manages
more than $2.5 billion in projects across the basin, according to its annual report.</p>
<p>Its priorities for the coming decade are:</p>
<ul><li>sharing hydrological data across borders</li><li>protecting fish stocks in the main channel</li></ul>
<table><caption>The council at a glance</caption>
<tr><th>Indicator</th><th>Figure</th></tr><tr><td>Member states</td><td>6 member states</td></tr></table>
<p class="author-bio"><em>Lan Pham is a researcher at the Mekong Water Research Institute.</em></p>
</article>
<aside class="related"><h3>Related</h3><p>Ten things to know about rivers, published 1 January 2020.</p></aside>
<footer><p>&copy; 2021 Basin Policy Forum. 52 issues a year.</p></footer>
</body></html>
"""

NOTE = """---
title: "Basin Council Agrees a Data Plan"
author: Dr. Lan Pham
date: 2021-05-03
---
# Basin Council Agrees a Data Plan

*By Dr. Lan Pham | Published 3 May 2021*

The **Lower Basin Coordination Council** (LBCC) met on 28-29 April 2021 with
six member states. Its goals include:

- sharing hydrological data across borders
- protecting fish stocks in the main channel

| Indicator | Figure |
|---|---|
| Experts | about 40 experts |
"""


def _pdf(path: Path, pages: list[list[str]], password: str | None = None) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=11)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.cell(0, 8, "BASIN POLICY FORUM | Brief 7", new_x="LMARGIN", new_y="NEXT")
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-20)
        pdf.cell(0, 8, str(number))
    pdf.output(str(path))
    if password:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(str(path)))
        writer.encrypt(password)
        with path.open("wb") as handle:
            writer.write(handle)
    return path


def test_html_article_without_boilerplate(tmp_path: Path) -> None:
    (tmp_path / "river.html").write_text(PAGE)
    [item], problems = read_path(tmp_path / "river.html")
    article = item.article
    assert problems == []
    assert article.title == "River Deal Signed as the Basin Council Turns 25"
    assert article.author == "Lan Pham"
    assert article.published == date(2021, 5, 3)
    text = article.text
    assert "cookies" not in text and "About us" not in text and "Ten things" not in text and "52 issues" not in text
    assert "By Dr. Lan Pham · 3 May 2021" in text  # the byline stays: its date is a mention
    assert "- sharing hydrological data across borders\n- protecting fish stocks" in text
    assert "Member states | 6 member states" in text
    assert text.rstrip().endswith("Mekong Water Research Institute.")


def test_markdown_note(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(NOTE)
    [item], problems = read_path(tmp_path / "note.md")
    article = item.article
    assert problems == []
    assert (article.title, article.author, article.published) == (
        "Basin Council Agrees a Data Plan", "Lan Pham", date(2021, 5, 3),
    )  # fmt: skip
    assert "**" not in article.text and "*By" not in article.text
    assert "Lower Basin Coordination Council (LBCC) met on 28-29 April 2021 with six member states." in article.text
    assert "- sharing hydrological data across borders" in article.text
    assert "Experts | about 40 experts" in article.text


def test_pdf_furniture_is_dropped_and_hyphens_rejoined(tmp_path: Path, nlp: Language) -> None:
    path = _pdf(
        tmp_path / "brief.pdf",
        [
            ["Basin Council Agrees a Data Plan", "", "The council was founded in 1995 and its coopera-", "tion with"],
            ["six member states has grown since the", "first meeting on 28-29 April 2021."],
        ],
    )
    [item], problems = read_path(path)
    assert problems == []
    assert "BASIN POLICY FORUM" not in item.article.text
    result = extract_paths([path], nlp)
    assert "cooperation with six member states has grown since the first meeting" in result.articles[0].text
    assert {c.text for c in result.claims if c.claim_type == "count"} == {"six member states"}


def test_extraction_agrees_across_formats(tmp_path: Path, nlp: Language) -> None:
    (tmp_path / "page.html").write_text(PAGE)
    (tmp_path / "note.md").write_text(NOTE)
    result = extract_paths([tmp_path], nlp)
    by_article: dict[str, set[str]] = {}
    for claim in result.claims:
        by_article.setdefault(claim.article_id, set()).add(f"{claim.claim_type}:{claim.model_dump().get('name')}")
    for names in by_article.values():
        assert "organization:Lower Basin Coordination Council" in names
    assert all(c.source_start is None for c in result.claims)  # converted text has no source offsets


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.md", b"", Code.E104),
        ("empty.html", b"   ", Code.E104),
        (
            "menu-only.html",
            b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body>",
            Code.E110,
        ),
        ("truncated.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", Code.E109),
        ("image.md", bytes(range(256)) * 8, Code.E103),
    ],
)
def test_bad_inputs_are_located_errors(tmp_path: Path, name: str, content: bytes, code: Code) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    articles, problems = read_path(path)
    assert articles == [] and [p.code for p in problems] == [code]
    assert problems[0].path == str(path)


def test_malformed_html_is_read_leniently(tmp_path: Path) -> None:
    body = "<p>The council, founded in 1995, has six member states and meets every year in the capital city."
    (tmp_path / "unclosed.html").write_text(f"<html><body><article><h1>Title of the piece here</h1>{body}<p><b>Bold")
    [item], problems = read_path(tmp_path / "unclosed.html")
    assert problems == [] and "founded in 1995" in item.article.text


def test_encrypted_pdf_is_a_located_error(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "locked.pdf", [["Some text in 2021."]], password="secret")
    articles, problems = read_path(path)
    assert articles == [] and [p.code for p in problems] == [Code.E109]
    assert "encrypted" in problems[0].message


def test_a_pages_published_date_does_not_depend_on_the_day_of_the_run() -> None:
    """htmldate refuses dates after "today" unless told otherwise: a page dated ahead of the
    run (a scheduled release, a clock behind) would read another date on another day."""
    from pipeline.ingest.html import html_to_text

    page = (
        "<html><head><meta property='article:published_time' content='2150-06-30T10:00:00Z'>"
        "<title>The Plan</title></head><body><article><h1>The Plan Is Out</h1>"
        "<p>The Lake Board approved the plan on Monday with 12 members present, and it aims to clean the lake.</p>"
        "<p>The budget of the plan is five million dollars over three years for the whole shore.</p>"
        "</article></body></html>"
    )
    _, found = html_to_text(page)
    assert str(found["published"]) == "2150-06-30"
