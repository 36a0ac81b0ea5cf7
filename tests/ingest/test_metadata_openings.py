"""Page openings of the policy genres, with the variants real sites show around the headline.

Every opening here is written for these tests: government press releases, development-bank
news, UN-agency news, blogs, news-agency wires, printed PDF pages with a letterhead and
JSONL lines with a ``published`` field; around them promotional labels, breadcrumbs,
share and print lines, update stamps, bylines with roles, timestamps with time zones,
numeric and ordinal dates, the date above or under the headline, headlines in capitals
and headlines wrapped over two lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.ingest import RawArticle, finish
from pipeline.ingest.metadata import Metadata

BODY = (
    "The regional authority said the programme would reach every district within three years, "
    "according to figures released by the planning office on Tuesday.\n\n"
    "A second phase is planned for 2026, when the northern districts join the scheme.\n"
)
HEADLINE = "Coastal towns get new flood barriers under the river plan"


def meta_of(opening: str) -> Metadata:
    """The metadata of a plain-text page opening above ``BODY``, as ``finish`` reads it (after repair)."""
    article = finish(RawArticle("page", f"{opening}\n\n{BODY}", "page.txt")).article
    return Metadata(article.title, article.author, article.published)


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        # -- government press releases ----------------------------------------------------------
        (
            "Home > News > Press releases\n\nPress release\n\n" + HEADLINE + "\n\n"
            "From: Department for Coastal Affairs\nPublished 7 June 2023\n\nShare this page",
            Metadata(HEADLINE, None, date(2023, 6, 7)),
        ),
        (
            "You are here: Home \u203a Media \u203a Statements\n\n" + HEADLINE + "\n\n"
            "Last updated: 9 June 2023\n\nPublished: 7 June 2023\n\nPrint\nEmail",
            Metadata(HEADLINE, None, date(2023, 6, 7)),
        ),
        (
            "FOR IMMEDIATE RELEASE\n\nMINISTRY OF WATER RESOURCES\n\n"
            "MINISTER OPENS THE NEW DESALINATION PLANT IN PORT AMARA\n\n07.06.2023",
            Metadata("MINISTER OPENS THE NEW DESALINATION PLANT IN PORT AMARA", None, date(2023, 6, 7)),
        ),
        # -- development-bank news ----------------------------------------------------------------
        (
            "News\n\nRegional Bank approves $120 million loan for rural water supply in Lakeland\n\n"
            "07.06.2023\n\nPrint\nShare this",
            Metadata(
                "Regional Bank approves $120 million loan for rural water supply in Lakeland", None, date(2023, 6, 7)
            ),
        ),
        (
            "7 June 2023\nSponsored content\n\nCoastal Development Bank (Port Amara)\n\n"
            "Coastal Development Bank Approves Loans Worth $80 Million to Three Member Countries\n\npress release",
            Metadata(
                "Coastal Development Bank Approves Loans Worth $80 Million to Three Member Countries",
                None,
                date(2023, 6, 7),
            ),
        ),
        (
            "Content from our Valued Partner\n\n" + HEADLINE + "\n\n2023-06-07",
            Metadata(HEADLINE, None, date(2023, 6, 7)),
        ),
        (
            "Advertisement\n\n" + HEADLINE + "\n\nPartner content\n\n7th June 2023",
            Metadata(HEADLINE, None, date(2023, 6, 7)),
        ),
        # -- UN-agency news ------------------------------------------------------------------------
        (
            "Sat. Jun 10th, 2023\n\n" + HEADLINE + "\n\n7 June 2023",
            Metadata(HEADLINE, None, date(2023, 6, 7)),
        ),
        (
            "Wed. Jan 8th, 2025\n\nGENEVA, 7 June 2023 \u2013 The agency said on Wednesday that the coastal towns would "
            "receive new flood barriers before the storm season.",
            Metadata(None, None, date(2023, 6, 7)),
        ),
        (
            HEADLINE + "\n\nNews release\n\n7 June 2023 | 14:05 CEST\n\nShare:",
            Metadata(HEADLINE, None, date(2023, 6, 7)),
        ),
        # -- blogs -----------------------------------------------------------------------------------
        (
            "The Trade Desk Blog\n\nHome > Trade policy\n\n" + HEADLINE + "\n\nBy JANE ROE\n\n"
            "Posted on 2023-06-07 09:15 CET",
            Metadata(HEADLINE, "JANE ROE", date(2023, 6, 7)),
        ),
        (
            HEADLINE + "\n\nBy Jane Roe, Senior Fellow\n\nJune 7, 2023 at 9:15 a.m. ET",
            Metadata(HEADLINE, "Jane Roe", date(2023, 6, 7)),
        ),
        (
            HEADLINE + "\n\nJane Roe, Senior Fellow, Centre for Coastal Studies | June 7, 2023",
            Metadata(HEADLINE, "Jane Roe", date(2023, 6, 7)),
        ),
        # a standfirst and a figure caption above the byline block
        (
            HEADLINE + "\n\nThree towns, one plan and a long wait for the money to arrive\n\n"
            "(June 2, 2024) Figure showing the number of barriers built in each town since the start of "
            "the plan, with the northern towns far behind the others.\n\nBy Jane Roe\n"
            "POSTED JUNE 7, 2023 | UPDATED JUNE 2, 2024",
            Metadata(HEADLINE, "Jane Roe", date(2023, 6, 7)),
        ),
        # -- news-agency wires -------------------------------------------------------------------------
        (
            HEADLINE + "\n\nLONDON, 7 June 2023 /Harbor Newswire/ -- The ministry said",
            Metadata(HEADLINE, None, date(2023, 6, 7)),
        ),
        (
            HEADLINE + "\n\nPORT AMARA, June 7, 2023 (Coast News Agency)\u2013The ministry said",
            Metadata(HEADLINE, None, date(2023, 6, 7)),
        ),
        (
            HEADLINE + "\n\nJune 7, 2023 9:15 AM EDT\n\nBy Jane Roe\n\n3 min read",
            Metadata(HEADLINE, "Jane Roe", date(2023, 6, 7)),
        ),
        # -- printed PDF pages with a letterhead ----------------------------------------------------------
        (
            "International Council for Coastal Development\n\n" + HEADLINE + "\n\n"
            "Serving the coastal communities since 1990\n\nPress release No. ICCD/12/2023\n\n"
            "Lisbon, 7 June 2023 \u2013The council said",
            Metadata(HEADLINE, None, date(2023, 6, 7)),
        ),
        (
            "Centre for Coastal Studies\n\nPOLICY BRIEF\n\nCoastal towns get new flood barriers\n"
            "under the river plan\n\nJune 7, 2023",
            Metadata(HEADLINE, None, date(2023, 6, 7)),
        ),
        (
            "Centre for Coastal Studies\n\nCoastal towns get new flood barriers under the\nriver plan\n\n7 June 2023",
            Metadata(HEADLINE, None, date(2023, 6, 7)),
        ),
    ],
)
def test_page_openings(opening: str, expected: Metadata) -> None:
    assert meta_of(opening) == expected


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        # a topic label above the headline (UN-agency news), a standfirst under it
        ("Peace and Security\n\n" + HEADLINE + "\n\n7 June 2023", HEADLINE),
        (HEADLINE + "\n\nThree towns wait for the money to arrive\n\n7 June 2023", HEADLINE),
        # a title-case headline with an organization noun under a masthead
        (
            "Harbor Valley Journal\n\nRegional Development Bank Approves New Coastal Fund\n\n7 June 2023",
            "Regional Development Bank Approves New Coastal Fund",
        ),
        # a name never holds a colon or a question mark: such a line is a headline
        (
            "Centre for Coastal Studies\n\nThe Coastal Fund: A Platform for Regional Recovery\n\nBy Jane Roe",
            "The Coastal Fund: A Platform for Regional Recovery",
        ),
        (
            "Centre for Coastal Studies\n\nA Bank for the Coast? The Regional Fund After Its First Decade\n\nBy Jane Roe",
            "A Bank for the Coast? The Regional Fund After Its First Decade",
        ),
        # a letterhead with its series after a separator is no headline
        (
            "CENTRE FOR COASTAL STUDIES | Working Paper No. 12\n\nRebuilding the harbour towns after the storm\n\n"
            "By Jane Roe",
            "Rebuilding the harbour towns after the storm",
        ),
        # a lower-case label paragraph under the headline stays apart from it
        ("Harbor Valley Journal\n\n" + HEADLINE + "\n\nnews release\n\n7 June 2023", HEADLINE),
    ],
)
def test_the_headline_among_the_head_lines(opening: str, title: str) -> None:
    assert meta_of(opening).title == title


@pytest.mark.parametrize(
    "line",
    [
        "Content from our Valued Partner",
        "Sponsored content",
        "Sponsored by Harbor Bank",
        "Partner content",
        "Paid post",
        "Promoted",
        "Advertisement",
        "Brought to you by Harbor Bank",
        "In partnership with Harbor Bank",
    ],
)
def test_promotional_labels_are_no_headline(line: str) -> None:
    assert meta_of(f"{line}\n\n{HEADLINE}\n\n7 June 2023").title == HEADLINE


def test_a_jsonl_lines_published_field_is_kept_and_the_text_gives_the_title(tmp_path: Path) -> None:
    text = "Sat. Jun 10th, 2023\n\n" + HEADLINE + "\n\nLisbon, 7 June 2023 \u2013 " + BODY
    raw = RawArticle("a", text, str(tmp_path / "batch.jsonl"), published=date(2023, 6, 8), states_published=True)
    article = finish(raw).article
    assert (article.title, article.published) == (HEADLINE, date(2023, 6, 8))


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By JANE ROE", "JANE ROE"),
        ("ByJane Roe", "Jane Roe"),  # a byline glued to its label, as extracted page text has it
        ("By Jane Roe of the Harbor Institute", "Jane Roe"),
        ("By Jane Roe, Senior Fellow", "Jane Roe"),
        ("Written by: Ana de Souza and Li Wei", "Ana de Souza and Li Wei"),
        # an office or an agency is no person
        ("ByUnited Nations High Commissioner for Refugees", None),
        ("By the Office of the Coastal Commissioner", None),
        ("By Ministry of Coastal Affairs", None),
    ],
)
def test_bylines_with_roles_and_offices(byline: str, author: str | None) -> None:
    meta = meta_of(f"{HEADLINE}\n\n{byline}\n\n7 June 2023")
    assert (meta.title, meta.author, meta.published) == (HEADLINE, author, date(2023, 6, 7))


# -- a headline with a figure and a word a counter also ends in is still a headline ----------
@pytest.mark.parametrize(
    ("opening", "title"),
    [
        ("Port Sells 30% of Its Shares\n\n4 May 2022", "Port Sells 30% of Its Shares"),
        ("Rice Harvest Up 2 Times in Delta\n\n4 May 2022", "Rice Harvest Up 2 Times in Delta"),
        ("Findings of the 2021 Survey Released\n\n4 May 2022", "Findings of the 2021 Survey Released"),
        ("Showing 1 - 10 of 42\n\n" + HEADLINE + "\n\n4 May 2022\n\nRead 311 times", HEADLINE),
        ("Page 3\n\n" + HEADLINE + "\n\n4 May 2022", HEADLINE),
    ],
)
def test_a_counter_needs_its_figure_beside_it_and_few_capitals(opening: str, title: str) -> None:
    assert meta_of(opening) == Metadata(title, None, date(2022, 5, 4))


# -- a date alone under a standfirst; numeric date lines; a section label under the date ----
@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        (
            "Storm Damages Harbour Walls\n"
            "Hundreds of boats were moved inland as the storm broke the outer walls of the harbour.\n"
            "4 May 2022",
            Metadata("Storm Damages Harbour Walls", None, date(2022, 5, 4)),
        ),
        (
            "Home | About | Contact\nCouncil backs the new harbour plan\n04/05/2022",
            Metadata("Council backs the new harbour plan", None, date(2022, 5, 4)),
        ),
        (
            "Council backs the new harbour plan\n2022-05-04",
            Metadata("Council backs the new harbour plan", None, date(2022, 5, 4)),
        ),
        (
            "Northern Bank Opens Harbour Fund\n4 May 2022\nTrade and Transport",
            Metadata("Northern Bank Opens Harbour Fund", None, date(2022, 5, 4)),
        ),
    ],
)
def test_dates_and_headlines_around_standfirsts_and_labels(opening: str, expected: Metadata) -> None:
    assert meta_of(opening) == expected


def test_a_dateline_with_its_date_in_brackets() -> None:
    opening = (
        "Council backs the new harbour plan\n\nLISBON (4 May 2022) \u2013 The council voted for the plan on Wednesday."
    )
    assert meta_of(opening) == Metadata("Council backs the new harbour plan", None, date(2022, 5, 4))


# == review 12b: yearless datelines, which date line wins, dateline shapes, times, authors ==
BODY = "The council said the new walls would protect the harbour district from the winter storms."


# -- a yearless dateline takes the year of the text's full dates, never of bare years -------
@pytest.mark.parametrize(
    ("paragraph", "published"),
    [
        # a full date in the text gives the year; the day goes in the year nearest to it
        ("PORTO, 4 May \u2013 The council, which met on 2 May 2022, said", date(2022, 5, 4)),
        ("OSLO, 30 December \u2013 Work starts on 3 January 2023, the council said", date(2022, 12, 30)),
        ("Leeds, 2 January \u2013 The council, which voted on 29 December 2021, said", date(2022, 1, 2)),
        # a target date is no clue; bare years (a plan's end, a record year) none either
        ("PORTO, 4 May \u2013 The walls, which will stand until 1 June 2040, said", None),
        ("PORTO, 4 May \u2013 The walls will be finished in 2031, the council said", None),
        ("Cork, May 4 \u2013 The worst storm since 1987, the council said", None),
        # a dateline with its year is read as before
        ("PORTO, 4 May 2022 \u2013 The walls will be finished in 2031, the council said", date(2022, 5, 4)),
    ],
)
def test_a_yearless_dateline_takes_the_year_of_full_dates(paragraph: str, published: date | None) -> None:
    meta = meta_of(f"{HEADLINE}\n\n{paragraph} that the harbour would be safe for the season.")
    assert (meta.title, meta.published) == (HEADLINE, published)


# -- which date line wins: the first under the headline; the earliest only in a site header -
@pytest.mark.parametrize(
    ("opening", "published"),
    [
        # related items under the article's own date line: their older dates do not win
        (
            f"{HEADLINE}\n4 May 2022\nMore news\nPort opens a new ferry terminal\n11 March 2022\n{BODY}",
            date(2022, 5, 4),
        ),
        (f"{HEADLINE}\n4 May 2022\nSee also\nFerry fares frozen for a year\n1 May 2022\n{BODY}", date(2022, 5, 4)),
        # an event's range is never a publication date
        (f"{HEADLINE}\n4 May 2022\nEvent\n20 April 2022 - 21 April 2022\n{BODY}", date(2022, 5, 4)),
        (f"{HEADLINE}\n\nEvent\n\n20 April 2022 - 21 April 2022\n\n{BODY}", None),
        # as before: a site's date above the masthead is today's, the article's date line wins
        (f"Friday, 13 May 2022\nThe Harbour Courier\n{HEADLINE}\n4 May 2022\n{BODY}", date(2022, 5, 4)),
        (f"Friday, 13 May 2022\n\n{HEADLINE}\n\n{BODY}", date(2022, 5, 13)),
    ],
)
def test_the_first_date_line_under_the_headline_wins(opening: str, published: date | None) -> None:
    meta = meta_of(opening)
    assert (meta.title, meta.published) == (HEADLINE, published)


# -- dateline shapes: small words in places, a credit without a dash, date first, bold -----
@pytest.mark.parametrize(
    ("paragraph", "published"),
    [
        ("Rio de Janeiro, 4 May 2022 \u2013 The council said", date(2022, 5, 4)),
        ("Dar es Salaam, 4 May 2022 \u2013 The council said", date(2022, 5, 4)),
        ("SARAJEVO, Bosnia and Herzegovina, 4 May 2022 \u2013 The council said", date(2022, 5, 4)),
        ("PORT OF SPAIN, Trinidad and Tobago, 4 May 2022 \u2013 The council said", date(2022, 5, 4)),
        # a credit in parentheses ends the dateline, with or without a dash after it
        ("Chennai, May 4, 2022 (UNI) The council said", date(2022, 5, 4)),
        ("Chennai, May 4 (UNI) The council, which met on 2 May 2022, said", date(2022, 5, 4)),
        ("May 4, 2022 (UNI) -- The council said", date(2022, 5, 4)),
        # the date first, or a dash between the place and the date
        ("4 May 2022, Lisbon - The council said", date(2022, 5, 4)),
        ("LISBON \u2013 4 May 2022 \u2013 The council said", date(2022, 5, 4)),
        ("Lisbon, Portugal \u2013 4 May 2022 \u2013 The council said", date(2022, 5, 4)),
        # Markdown bold around the dateline
        ("**Lisbon, 4 May 2022** \u2013 The council said", date(2022, 5, 4)),
        # still no dateline: lower-case words before the date, a sentence before a credit
        ("However, the board of 4 May 2022 \u2013 The council said", None),
        ("The council met (UNI) The council said", None),
    ],
)
def test_dateline_shapes(paragraph: str, published: date | None) -> None:
    meta = meta_of(f"{HEADLINE}\n\n{paragraph} that the harbour would be safe for the season.")
    assert (meta.title, meta.published) == (HEADLINE, published)


# -- a time before the date, words after it ------------------------------------------------
@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Published 9:05 AM BST, 4 May 2022", date(2022, 5, 4)),
        ("Updated 11:40 PM EDT, May 4, 2022", date(2022, 5, 4)),
        ("07:30 GMT, 4 May 2022", date(2022, 5, 4)),
        ("Posted 4 May 2022 in Harbour News", date(2022, 5, 4)),
        ("04 MAY 2022 5:15PM by Harbour Desk", date(2022, 5, 4)),
        # as before: a time after the date, a plain date line
        ("4 May 2022 14:05", date(2022, 5, 4)),
        ("4 May 2022", date(2022, 5, 4)),
        # a time alone dates nothing
        ("Updated 11:40 PM EDT", None),
    ],
)
def test_date_lines_with_times_and_trailing_words(line: str, published: date | None) -> None:
    meta = meta_of(f"{HEADLINE}\n\n{line}\n\n{BODY}")
    assert (meta.title, meta.published) == (HEADLINE, published)


# -- authors: lists of names, places after a name, update parts, unlabelled bylines --------
@pytest.mark.parametrize(
    ("lines", "author", "published"),
    [
        ("By Ana Lima, Li Wei and Jo Kim\n\n4 May 2022", "Ana Lima, Li Wei and Jo Kim", date(2022, 5, 4)),
        ("By Li Wei in Porto | Harbour Daily | Updated: 2022-05-04 09:15", "Li Wei", date(2022, 5, 4)),
        ("Posted: 4 May 2022 | Updated: June 1, 2022", None, date(2022, 5, 4)),
        ("Ana de Souza\n\n4 May 2022", "Ana de Souza", date(2022, 5, 4)),
        ("Ana de Souza / 4 May 2022", "Ana de Souza", date(2022, 5, 4)),
        ("Ana de Souza, Research Fellow\n\n4 May 2022", "Ana de Souza", date(2022, 5, 4)),
        ("4 May 2022\n\nAna de Souza, Research Fellow", "Ana de Souza", date(2022, 5, 4)),
        # as before: a name with an affiliation or a role keeps only the name
        ("By Ana Lima, Senior Economist, Harbour Institute\n\n4 May 2022", "Ana Lima", date(2022, 5, 4)),
        ("By Ana Lima and Li Wei\n\n4 May 2022", "Ana Lima and Li Wei", date(2022, 5, 4)),
        # labels next to a date line are no bylines
        ("4 May 2022\n\nTrade and Transport", None, date(2022, 5, 4)),
        ("Peace and Security\n\n4 May 2022", None, date(2022, 5, 4)),
        ("4 May 2022\n\nClimate Action", None, date(2022, 5, 4)),
    ],
)
def test_authors_in_lists_and_unlabelled_bylines(lines: str, author: str | None, published: date) -> None:
    meta = meta_of(f"{HEADLINE}\n\n{lines}\n\n{BODY}")
    assert (meta.title, meta.author, meta.published) == (HEADLINE, author, published)


# -- a weekday decides the day order of a numeric date ---------------------------------------
@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Wed, 04/05/2022", date(2022, 5, 4)),  # 4 May 2022 was a Wednesday
        ("Tuesday 05.04.2022", date(2022, 4, 5)),  # 5 April 2022 was a Tuesday, 4 May a Wednesday
        ("04/05/2022", date(2022, 5, 4)),  # no weekday: the day order (dmy) as before
        ("Fri, 04/05/2022", date(2022, 5, 4)),  # a weekday that fits neither order decides nothing
        ("Wed, 13/05/2022", date(2022, 5, 13)),  # only one order is a date
    ],
)
def test_a_weekday_decides_the_day_order(line: str, published: date) -> None:
    assert meta_of(f"{HEADLINE}\n\n{line}\n\n{BODY}").published == published


# -- lines that are never the headline: menus, skip links, captions, share rows, series lines --
@pytest.mark.parametrize(
    "opening",
    [
        "Skip to main content\n\nAbout the council\nOur work\nNewsroom\nContact us\n\n" + HEADLINE + "\n\n4 May 2022",
        "Photo: Fishing boats moored in the old harbour at dawn\n\n" + HEADLINE + "\n\n4 May 2022",
        "Facebook Twitter LinkedIn WhatsApp Email\n\n" + HEADLINE + "\n\n4 May 2022",
        "Working Paper 31\n\n" + HEADLINE + "\n\n4 May 2022",
        "Press release No.: RBA/17/2022\n\n" + HEADLINE + "\n\n4 May 2022",
    ],
)
def test_lines_that_are_never_the_headline(opening: str) -> None:
    assert meta_of(opening) == Metadata(HEADLINE, None, date(2022, 5, 4))


# -- a title-case headline holding an organization noun is no masthead ------------------------
@pytest.mark.parametrize(
    ("opening", "title"),
    [
        (
            "Lakeside Business Journal\n\nNorthern Bank Group Opens a Regional Office in Port Amara\n\n4 May 2022",
            "Northern Bank Group Opens a Regional Office in Port Amara",
        ),
        (
            "Harbour Health Agency Launches a Network of Coastal Clinics\n\nLakeside Daily Observer\n\n4 May 2022",
            "Harbour Health Agency Launches a Network of Coastal Clinics",
        ),
        ("Coastal Development Bank (Port Amara)\n\n" + HEADLINE + "\n\n4 May 2022", HEADLINE),
        ("Speeches and Press Releases\n\n" + HEADLINE + "\n\n4 May 2022", HEADLINE),
    ],
)
def test_a_headline_with_an_organization_noun_is_no_masthead(opening: str, title: str) -> None:
    assert meta_of(opening).title == title
