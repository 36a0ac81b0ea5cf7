"""Repair keeps a page head's short lines apart in a text written a paragraph a line."""

from __future__ import annotations

import pytest

from pipeline.ingest.repair import repair

# two long lines: the text writes a paragraph a line (a web page's text)
PARAGRAPHS = (
    "The harbour board said on Monday that the new walls would protect the old town from the winter "
    "storms, and that the work would start in the spring once the funds from the regional bank arrive.\n\n"
    "The mayor said the town had waited ten years for the walls, and that the fishing fleet would be the "
    "first to gain from them, since its boats are moored in the most exposed part of the harbour."
)


@pytest.mark.parametrize(
    ("head", "kept"),
    [
        # a credit line ending in a date, then a page tool
        (
            "Harbour walls approved\n\n2 Comments Print Coast Wire, June 3, 2019\nAdjust font size:",
            "June 3, 2019\nAdjust",
        ),
        # a tagline row, a button, a stray line in lower case
        ("THE GATEWAY TO THE NORTHERN COAST AND ITS PORTS\nSearch\nabc xy\nNo image", "PORTS\nSearch\nabc xy"),
        # a headline written twice, an image's id under the repeat
        ("Harbour walls approved\n\nHarbour walls approved\n\nmedia:image-0042-abc\nThe board", "approved\n\nmedia:"),
        # a headline, then a paragraph opening with an agency's credit
        ("Harbour walls approved\n(Coast Wire) The board approved the walls.", "approved\n(Coast"),
    ],
)
def test_head_lines_of_an_unwrapped_text_keep_their_lines(head: str, kept: str) -> None:
    assert kept in repair(head + "\n\n" + PARAGRAPHS).text


@pytest.mark.parametrize(
    ("head", "joined"),
    [
        ("Institute for a Coastal\nwith Shared Harbours", "Institute for a Coastal with Shared Harbours"),
        ("By Jane Roe, Senior Fellow,\nCentre for Coastal Studies", "Senior Fellow, Centre"),
        ("The walls protect the town from\nthe storms of the winter", "from the storms"),
        ("The report was prepared for the\n\n\nboard of the harbour", "for the board"),
    ],
)
def test_wrapped_lines_of_an_unwrapped_text_are_still_joined(head: str, joined: str) -> None:
    assert joined in repair(head + "\n\n" + PARAGRAPHS).text


def test_a_wrapped_text_joins_a_long_line_with_the_next() -> None:
    text = "The harbour board said on Monday that the new walls\nWould protect the old town."
    assert repair(text).text == "The harbour board said on Monday that the new walls Would protect the old town."
