"""Metadata on fresh page heads, round 5: photo captions written twice, a site's list of
names flattened into one long line, a release reference before the date, a headline in
capitals under a site banner, link instructions ("Click here ...")."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.ingest.metadata import coded_date, extract_metadata, menu_lines, rules_of
from pipeline.normalize.dates import parse_published

BODY = "The harbour board said the new walls would protect the old town from the winter storms."
HEADLINE = "Council backs the new harbour plan"
NAME_RUN = (
    "Ministers of the Harbour Board The Hon Ana Cruz MP Minister for PortsMinister for Roads The Hon Li Wei MP "
    "Minister for Towns The Hon Tomas Berg MP Former Minister for PortsFormer Minister for Fisheries The Hon Maria "
    "Okoye MP Assistant Minister for Coasts The Hon Jane Roe MP Former Assistant Minister for Coasts and Rivers"
)


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        # a photo caption written twice (the image's text and its caption) is no repeated headline
        (
            HEADLINE + "\n\nLatest\n\nWorkers stack sandbags along the sea wall in the old town.- HNA\n"
            "Workers stack sandbags along the sea wall in the old town.- HNA\n\nBy HNA\n\nPublished: 4 May 2022\n\n"
            + BODY,
            HEADLINE,
        ),
        (
            HEADLINE + "\n\nThe new sea wall seen from the pier, 3 May 2022. (Harbour Agency/Jane Roe)\n\n"
            "4 May 2022\n\n" + BODY,
            HEADLINE,
        ),
        # a site's list of names flattened into one long line without a sentence is no running text
        (NAME_RUN + "\n\n" + HEADLINE + "\n\nMedia Release\n\n4 May 2022\n\n" + BODY, HEADLINE),
        # a headline in capitals right above the date line, under a banner in mixed case
        (
            "Meetings in progress today\n\nHB/412\n\nMINISTERS TO OPEN THE NEW HARBOUR WALL NEXT WEEK\n\n4/5/2022\n\n"
            + BODY,
            "MINISTERS TO OPEN THE NEW HARBOUR WALL NEXT WEEK",
        ),
        # a short line in capitals is a label, not a headline
        (
            "Harbour plan agreed by the council\n\nPRESS RELEASE\n\n4/5/2022\n\n" + BODY,
            "Harbour plan agreed by the council",
        ),
        # a link instruction is furniture
        ("Click here for all results\n\n" + HEADLINE + "\n\nPORTO, 4 May 2022 \u2013 " + BODY, HEADLINE),
    ],
)
def test_titles_of_round5_heads(opening: str, title: str | None) -> None:
    assert extract_metadata(opening).title == title


@pytest.mark.parametrize(
    ("opening", "published"),
    [
        (NAME_RUN + "\n\n" + HEADLINE + "\n\nMedia Release\n\n4 May 2022\n\n" + BODY, date(2022, 5, 4)),
        (HEADLINE + "\n\nMinister for Ports - Ana Cruz\n027HB/Budget 4 May 2022\n\n" + BODY, date(2022, 5, 4)),
        (HEADLINE + "\n\nMR 12/2022 4 May 2022\n\n" + BODY, date(2022, 5, 4)),
    ],
)
def test_dates_of_round5_heads(opening: str, published: date) -> None:
    assert extract_metadata(opening).published == published


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("027HB/Budget 4 May 2022", date(2022, 5, 4)),
        ("MR 12/2022 4 May 2022", date(2022, 5, 4)),
        # no code before the date: another reader's line
        ("Harbour News 4 May 2022", None),
        # the date does not end the line
        ("027HB/Budget 4 May 2022 in Ports", None),
        # a code alone and a running sentence are no date lines
        ("027HB/Budget", None),
        ("HB12 said the plan of 4 May 2022 would hold", None),
    ],
)
def test_coded_date(line: str, published: date | None) -> None:
    assert coded_date(line, rules_of(), parse_published) == published


def test_a_date_line_ends_a_menu_run() -> None:
    lines = ["About us", "News", "Contact", HEADLINE, "Media Release", "4 May 2022"]
    assert menu_lines(lines, {5}) == {0, 1, 2}
    assert menu_lines(lines[3:], {2}) == set()


# -- a head flattened into the first paragraph: the headline runs into the dateline ----------
FLAT_BODY = (
    " The harbour board launched an appeal on Sunday for new walls after Friday's storm, and said the works"
    " would take two years, with the first stage due before the winter rains reach the old town and its port."
)


@pytest.mark.parametrize(
    ("text", "title", "published"),
    [
        (
            "Harbour board seeks funds for storm walls Porto, March 30 (HNA) Mar 30, 2025" + FLAT_BODY,
            "Harbour board seeks funds for storm walls",
            date(2025, 3, 30),
        ),
        # the headline's own last name stays in it; a place in capitals is read whole
        (
            "Storm walls planned for Amara NEW PORT, March 30 (HNA) Mar 30, 2025" + FLAT_BODY,
            "Storm walls planned for Amara",
            date(2025, 3, 30),
        ),
        # the place and the date in one parenthesis; a label's colon before it: no headline
        (
            "HARBOUR BOARD Embargoed until: 11 a.m., 4 May 2022 STORM WALLS APPROVED (Porto: 4 May 2022):" + FLAT_BODY,
            None,
            date(2022, 5, 4),
        ),
    ],
)
def test_a_dateline_inside_a_flattened_head(text: str, title: str | None, published: date) -> None:
    found = extract_metadata(text)
    assert (found.title, found.published) == (title, published)


def test_no_dateline_inside_running_text() -> None:
    text = "The harbour board met the mayor of Porto, who said on 3 May (HNA) that the walls would hold." + FLAT_BODY
    assert extract_metadata(text).published is None


# -- review of round 5: a dateline inside running text, the place's first words ----------------
@pytest.mark.parametrize(
    ("text", "title", "published"),
    [
        # a cited statement's place and date inside a sentence is no dateline
        (
            "When the mayor spoke to the port workers (Porto: 4 May 2021) the fleet had already left for the"
            " south coast." + FLAT_BODY + "\n\nPublished 9 June 2021",
            None,
            date(2021, 6, 9),
        ),
        (
            "Harbour walls approved\n\nIn a short letter to the board (Lisbon: 2 April 2020) the minister said"
            " the walls would have to wait until the next budget." + FLAT_BODY,
            "Harbour walls approved",
            None,
        ),
        # a dateline before the first sentence; a date stated further down outranks it
        (
            "Harbour board seeks funds for storm walls Porto, March 30 (HNA) Mar 30, 2025"
            + FLAT_BODY
            + "\n\nPublished 2 April 2025",
            "Harbour board seeks funds for storm walls",
            date(2025, 4, 2),
        ),
        # words in capitals that end the headline stay in it; a place's first words go with the place
        (
            "Port deal signed by the EU and OSCE PORTO, 3 March 2022 (HNA)" + FLAT_BODY,
            "Port deal signed by the EU and OSCE",
            date(2022, 3, 3),
        ),
        (
            "Storm walls planned for Amara DAR ES SALAAM, March 30 (HNA) Mar 30, 2025" + FLAT_BODY,
            "Storm walls planned for Amara",
            date(2025, 3, 30),
        ),
        (
            "Ports agree on fees, says IMO SAN JOSE, 3 March 2022 (HNA)" + FLAT_BODY,
            "Ports agree on fees, says IMO",
            date(2022, 3, 3),
        ),
        # a headline in capitals run into the dateline
        (
            "PORT AND CITY SIGN WALL DEAL LISBON, March 3, 2022 (HNA) -" + FLAT_BODY,
            "PORT AND CITY SIGN WALL DEAL",
            date(2022, 3, 3),
        ),
    ],
)
def test_inline_datelines_reviewed(text: str, title: str | None, published: date | None) -> None:
    found = extract_metadata(text)
    assert (found.title, found.published) == (title, published)


# -- review of round 5: release labels, headlines ending in an abbreviation, link words, event tags
@pytest.mark.parametrize(
    ("opening", "title"),
    [
        # a release's label in capitals above the date line is no headline
        (HEADLINE + "\n\nEMBARGOED UNTIL 09:00 BST ON MONDAY 4 MAY\n\n4 May 2022\n\n" + BODY, HEADLINE),
        (HEADLINE + "\n\nFOR IMMEDIATE RELEASE PRESS OFFICE ANA CRUZ\n\n4 May 2022\n\n" + BODY, HEADLINE),
        (HEADLINE + "\n\nNEWS RELEASE TO ALL HARBOUR AND CITY DESKS\n\n4 May 2022\n\n" + BODY, HEADLINE),
        # a headline ending in an abbreviation's stop and a credit or a site's name
        ("Port fees cut across the U.S. - Wire\n\n4 May 2022\n\n" + BODY, "Port fees cut across the U.S. - Wire"),
        (
            "Ferry talks held in Washington D.C. \u2014 HNA\n\n4 May 2022\n\n" + BODY,
            "Ferry talks held in Washington D.C. \u2014 HNA",
        ),
        (
            "Harbour Board buys Amara Docks Ltd. | Port Gazette\n\n4 May 2022\n\n" + BODY,
            "Harbour Board buys Amara Docks Ltd. | Port Gazette",
        ),
        ("Port bans diesel tugs. - Wire\n\n4 May 2022\n\n" + BODY, "Port bans diesel tugs. - Wire"),
        # 'click here' inside a headline is no link instruction
        (
            "How a 'click here' button confused voters\n\n4 May 2022\n\n" + BODY,
            "How a 'click here' button confused voters",
        ),
        (
            "Click Here: The Scam That Emptied Port Accounts\n\n4 May 2022\n\n" + BODY,
            "Click Here: The Scam That Emptied Port Accounts",
        ),
    ],
)
def test_titles_reviewed(opening: str, title: str) -> None:
    assert extract_metadata(opening).title == title


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("022HB/Ports 2 June 2023", date(2023, 6, 2)),
        ("HB 14/2023 2 June 2023", date(2023, 6, 2)),
        ("PR-118 2 June 2023", date(2023, 6, 2)),
        # an event's name and number before its date dates the event, not the page
        ("OCEAN5 2 June 2023", None),
        ("G7 Forum 2 June 2023", None),
        ("Expo2030 Porto 2 June 2023", None),
    ],
)
def test_coded_dates_reviewed(line: str, published: date | None) -> None:
    assert coded_date(line, rules_of(), parse_published) == published
    assert extract_metadata(HEADLINE + "\n\n" + line + "\n\n" + BODY).published == published


@pytest.mark.parametrize(
    ("opening", "title", "published"),
    [
        # an event's tag and date above the headline is no headline, nor a menu item
        ("Expo2030 Porto 2 June 2023\n\n" + HEADLINE + "\n\n" + BODY, HEADLINE, None),
        (
            "Stories\n\nOCEAN5 2 June 2023\n\n" + HEADLINE + "\n\nPublished 3 May 2024\n\n" + BODY,
            HEADLINE,
            date(2024, 5, 3),
        ),
        # a photographer's credit in parentheses marks a caption of any length
        (
            HEADLINE
            + "\n\nTugs in the port. (Harbour/Ana Cruz)\n\nTugs in the port. (Harbour/Ana Cruz)\n\n4 May 2022\n\n"
            + BODY,
            HEADLINE,
            date(2022, 5, 4),
        ),
    ],
)
def test_event_tags_and_short_captions(opening: str, title: str, published: date | None) -> None:
    found = extract_metadata(opening)
    assert (found.title, found.published) == (title, published)
