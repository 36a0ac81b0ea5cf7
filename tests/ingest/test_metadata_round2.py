"""Metadata on fresh page heads, round 2: site banners, header dates, furniture phrases,
counters inside a line, reading times, mastheads with an issue date."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.ingest.metadata import extract_metadata, site_banners

BODY = "The harbour board said the new walls would protect the old town from the winter storms."
HEADLINE = "Council backs the new harbour plan"


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        # a site's name written twice in its banner lines: both are the site's, not the article's
        (
            "Harbour News, Harbour Latest news - HarbourPOST\nHome\nNews\nSport\nHarbourPOST - Daily - No Result\n\n"
            + HEADLINE
            + "\n\nUpdated: June 20th, 2018",
            HEADLINE,
        ),
        # a print link or a site's promotion strip in a line: furniture
        ("The Harbour Office, Port Amara Click to print this page\n\n" + HEADLINE + "\n\n4 May 2022", HEADLINE),
        ("STORM UPDATES: All the stories on the storm, in one place\n\n" + HEADLINE + "\n\n4 May 2022", HEADLINE),
        # a page counter inside a short line
        ("You are on page 1 of 5\n\n" + HEADLINE + "\n\n4 May 2022", HEADLINE),
        # a caption opening "A photograph"
        ("A photograph taken at the opening of the harbour\n\n" + BODY, None),
        # a place and a credit: no headline (a separator is no word)
        ("Porto - HNA\n" + BODY, None),
        # a masthead with its issue's date; a headline with a clause after its separator
        (
            "Harbour Union - Daily News\n\nDaily News 04 / 05 / 2022\n\nPorto, 4 May 2022\n\n"
            "Coastal Union \u2013 Ministers agree on a new harbour plan\n\n" + BODY,
            "Coastal Union \u2013 Ministers agree on a new harbour plan",
        ),
    ],
)
def test_titles_of_fresh_heads(opening: str, title: str | None) -> None:
    assert extract_metadata(opening).title == title


@pytest.mark.parametrize(
    ("opening", "published"),
    [
        # a site header's date above the headline loses to the page's labelled date under it
        (
            "Follow us:\nWednesday, May 02, 2018\n"
            + HEADLINE
            + "\nBy: Desk | Porto | Updated: May 3, 2018 12:04 am\n\n"
            + BODY,
            date(2018, 5, 3),
        ),
        ("Monday, 2 May 2022\n\n" + HEADLINE + "\n\nPublished: 3 May 2022\n\n" + BODY, date(2022, 5, 3)),
        # without a labelled date under the headline, the header's date stays the article's
        ("Harbour Valley Journal\n\nMonday, 2 May 2022\n\n" + HEADLINE + "\n\n" + BODY, date(2022, 5, 2)),
        # a reading time after the date of a date line
        (HEADLINE + "\n\nMay 4, 2022 17 min read Download Report\n\n" + BODY, date(2022, 5, 4)),
        (HEADLINE + "\n\nMay 4, 2022 - 6 min read\n\n" + BODY, date(2022, 5, 4)),
    ],
)
def test_dates_of_fresh_heads(opening: str, published: date) -> None:
    assert extract_metadata(opening).published == published


@pytest.mark.parametrize(
    ("lines", "banners"),
    [
        (["Harbour News - HarbourPOST", "Menu", "HarbourPOST - Daily", HEADLINE], {0, 2}),
        # a page's "Headline | Site" title shares its headline only with a line without a separator
        ([HEADLINE + " | HarbourPOST", HEADLINE], set()),
        (["Porto | Lisbon", "Council backs the plan"], set()),
    ],
)
def test_site_banners(lines: list[str], banners: set[int]) -> None:
    assert site_banners(lines) == banners
