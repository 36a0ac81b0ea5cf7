"""Metadata on page heads of kinds met on fresh real pages: credits and dates in one
parenthesis, a credit or place before a date that ends a head line, "Published in X, DATE",
a dateline that opens the running text, labels in brackets, archive labels, a headline the
page writes twice, an agency desk in a byline.

Every page opening here is written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.ingest.metadata import clean_author, extract_metadata

BODY = (
    "The regional authority said the programme would reach every district within three years, "
    "according to figures released by the planning office."
)


@pytest.mark.parametrize(
    ("opening", "published"),
    [
        # the agency credit and the date in one parenthesis after the place
        ("OSLO (Fjord Wire / Nordpress - 4th March, 2021) The fund said it would widen its grants.", date(2021, 3, 4)),
        ("LIMA (Andes Agency, 9 May 2022) - The ministry opened two new clinics in the highlands.", date(2022, 5, 9)),
        # a credit or a place before the date that ends a head line
        ("Grid code agreed by ministers\n\nComments Print Harbour Wire, June 3, 2019\n\n" + BODY, date(2019, 6, 3)),
        ("Daily Bulletin\n\nLisbon, 4 June 2021\n\nThe ports adopt a shared tariff\n\n" + BODY, date(2021, 6, 4)),
        # "Published in <publication>, DATE" (where the piece first appeared), under a standfirst
        (
            "Rethinking river transport\n\nBarges could carry a third of the freight that now goes by road, "
            "if the locks are rebuilt.\n\nPublished in The Delta Review, 14th February, 2020",
            date(2020, 2, 14),
        ),
        ("Rethinking river transport\n\nPublished in The Delta Review on 2 March 2020\n\n" + BODY, date(2020, 3, 2)),
        # a "Created:" part of a credit line
        (
            "Ministers meet on the water plan\n\n" + BODY + "\n\nWIRE | Porto | Updated: 11-03-2022 18:20 WET | "
            "Created: 10-03-2022 09:05 WET",
            date(2022, 3, 10),
        ),
    ],
)
def test_publication_date_of_fresh_layouts(opening: str, published: date) -> None:
    assert extract_metadata(opening).published == published


@pytest.mark.parametrize(
    "opening",
    [
        # a sentence that ends with a date is no credit line: its date is a deadline, not the article's
        "Grants for coastal towns\n\nThe call for proposals closes on Friday, 31 January 2025\n\n" + BODY,
        "Grants for coastal towns\n\nApplications from small charities will be read before 31 January 2025\n\n" + BODY,
        # a place and a date inside a parenthesis that is no dateline
        "Grants for coastal towns\n\nThe minister (who took office in May 2021) spoke first.\n\n" + BODY,
    ],
)
def test_no_publication_date_from_a_deadline_or_an_aside(opening: str) -> None:
    assert extract_metadata(opening).published is None


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        # a dateline opening the running text: no wrapped line of it under it is the headline
        (
            "BERGEN, March 3 (Fjord Wire): The coastal fund said on Monday it would\n\nextend its grants to "
            "the harbour towns of the west coast\n\nunder a plan agreed on 1 March 2021.",
            None,
        ),
        (
            "Fund widens its grants\n\nBERGEN, March 3 (Fjord Wire): The coastal fund said on Monday it would\n\n"
            "extend its grants to the harbour towns of the west coast\n\nunder a plan agreed on 1 March 2021.",
            "Fund widens its grants",
        ),
        # a title labelled in brackets
        ("[Title] Harbour Summit Communique\nIntroduction\n" + BODY, "Harbour Summit Communique"),
        # an archive label above the headline
        (
            "Tag Archives: water news\n\nCouncil Bans New Wells Near the River\n\n" + BODY,
            "Council Bans New Wells Near the River",
        ),
        (
            "Category Archives: Energy\n\nThree towns switch to solar pumps\n\n" + BODY,
            "Three towns switch to solar pumps",
        ),
        # the headline written twice (page title and heading) under a tagline that stands once
        (
            "Stories from the coast every day\n\nPort towns brace for a dry summer\n\nPort towns brace for a dry summer\n\n"
            + BODY,
            "Port towns brace for a dry summer",
        ),
        (
            "Follow Us:\nMonday, May 02, 2022\nRead our new energy newsletter every week\n\n"
            "Read our new energy newsletter every week\nLatest News\n  \u2022 Fishing quotas cut for the spring\n\n"
            "Fishing quotas cut for the spring\n\nBy: Coast Desk | Porto | Updated: May 3, 2022 10:04 am\n\n" + BODY,
            "Fishing quotas cut for the spring",
        ),
    ],
)
def test_headline_of_fresh_layouts(opening: str, title: str | None) -> None:
    assert extract_metadata(opening).title == title


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        # an agency and its desk: an acronym opening the name
        ("WPN Lisbon", None),
        ("ANB Desk", None),
        # a person's name in capitals, or with the surname in capitals, stays one
        ("JANE ROE", "JANE ROE"),
        ("Jane ROE", "Jane ROE"),
        # an engineer's title among the honorifics
        ("Eur Ing Dr. Ambassador Jane Roe", "Jane Roe"),
    ],
)
def test_byline_names(byline: str, author: str | None) -> None:
    assert clean_author(byline) == author


def test_desk_in_a_posted_line_is_no_author() -> None:
    opening = "Training for rural nurses expands\nPosted On: 02 MAY 2024 3:31PM by WPN Lisbon\n" + BODY
    found = extract_metadata(opening)
    assert (found.author, found.published) == (None, date(2024, 5, 2))


@pytest.mark.parametrize(
    ("opening", "published"),
    [
        # a caption's credit, or an event's "Name, DATE" line, never outranks the page's own date
        (
            "Harbour towns plan new ferries\n\n9 June 2023\n\nPicture: Fjord Wire, 2 April 2018\n\n" + BODY,
            date(2023, 6, 9),
        ),
        (
            "Address to the Coastal Summit\n\nCoastal Summit, 5 October 2019\n\nPublished: 9 June 2023\n\n" + BODY,
            date(2023, 6, 9),
        ),
        ("Address to the Coastal Summit\n\n9 June 2023\n\nCoastal Summit, 5 October 2019\n\n" + BODY, date(2023, 6, 9)),
        # an agency's or a place's credit still dates the page when nothing else does
        ("Ferry plan agreed\n\nShare Print Lakeport, 4 May 2022\n\n" + BODY, date(2022, 5, 4)),
        ("Ferry plan agreed\n\nNorvale News, 4 May 2022\n\n" + BODY, date(2022, 5, 4)),
    ],
)
def test_credit_date_ranks_below_the_page_dates(opening: str, published: date) -> None:
    assert extract_metadata(opening).published == published


@pytest.mark.parametrize(
    "opening",
    [
        # an event's or a treaty's name with its date under a headline dates the event, not the page
        "Why the river accord still matters\n\nDanube Accord, 14 November 2016\n\n" + BODY,
        "Address to the Coastal Summit\n\nCoastal Summit, 5 October 2019\n\n" + BODY,
        # a caption's credit
        "Harbour towns plan new ferries\n\nPhoto: Fjord Wire, 2 April 2018\n\n" + BODY,
    ],
)
def test_no_publication_date_from_an_event_or_caption_line(opening: str) -> None:
    assert extract_metadata(opening).published is None


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        # initials without dots open a person's name
        ("RK Dilshan Perera", "RK Dilshan Perera"),
        ("NP Sato", "NP Sato"),
        ("HM Karim", "HM Karim"),
        # an agency's acronym and its place or desk stays no author
        ("WPN Port Amara", None),
        ("WPN Lisbon", None),
    ],
)
def test_undotted_initials_are_a_person(byline: str, author: str | None) -> None:
    assert clean_author(byline) == author
