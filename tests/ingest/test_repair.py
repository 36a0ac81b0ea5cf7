from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.ingest.repair import repair


def test_wrapped_name_is_joined_and_offsets_map_back() -> None:
    source = "Institute for a Community\nwith Shared Future\n\nNext paragraph."
    fixed = repair(source)
    assert fixed.text.startswith("Institute for a Community with Shared Future\n\nNext")
    start = fixed.text.index("Community with")
    end = start + len("Community with")
    a, b = fixed.source_map.span_to_source(start, end)
    assert source[a:b] == "Community\nwith"


def test_page_break_inside_a_sentence_is_closed() -> None:
    source = "It is developing a truly\n\n\n\nmultilateral approach to prosperity."
    assert repair(source).text == "It is developing a truly multilateral approach to prosperity."


def test_headings_and_list_items_keep_their_lines() -> None:
    source = "Objectives:\n\n- Promoting peace\n- Curbing terrorism\n\nNext heading"
    text = repair(source).text
    assert "- Promoting peace\n- Curbing terrorism" in text
    assert text.endswith("\n\nNext heading")


def test_field_lines_are_not_joined() -> None:
    source = "Prepared by: Jane Roe, Senior Analyst, Some Policy Institute\nDate: 20 March 2024\nClassification: Public"
    assert repair(source).text.count("\n") == 2


@pytest.mark.parametrize(
    "source",
    [
        "Schools reopened = 412\nTeachers still missing from their posts = 96\nNew classrooms = 38",
        "Budget line A (capital works in the northern districts) = 1,200\nContingency reserve = 80",
    ],
)
def test_table_rows_keep_their_lines(source: str) -> None:
    assert repair(source).text == source


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Economic coopera-\ntion has advanced slowly in the region this year.", "Economic cooperation has"),
        ("the export-\noriented industry and export-oriented zones", "the export-oriented industry"),
    ],
)
def test_hyphenated_line_ends(source: str, expected: str) -> None:
    assert repair(source).text.startswith(expected)


def test_page_numbers_and_running_headers_are_dropped() -> None:
    source = (
        "THINK TANK | Brief 7\n\nA sentence that runs on past the end of the page and keeps going for a while until\n"
        "\n\n\n4\n\nTHINK TANK | Brief 7\n\n\n\nthe next page starts."
    )
    text = repair(source).text
    assert text.count("THINK TANK") == 1
    assert "until the next page starts." in text
    assert "\n4\n" not in text


@given(st.text(alphabet=st.sampled_from(list("ab -.:\n\u4e2d")), max_size=200))
def test_every_character_maps_into_the_source(source: str) -> None:
    fixed = repair(source)
    for i, char in enumerate(fixed.text):
        mapped = fixed.source_map.to_source(i)
        assert 0 <= mapped <= len(source)
        if not char.isspace() and char != "-":
            assert source[mapped] == char


def test_a_byline_keeps_its_line_and_a_wrapped_by_runs_on() -> None:
    text = "Regional Links in Asia\nBy Jane Roe\n\nThe report was prepared\nby the Secretariat in 2021."
    assert (
        repair(text).text
        == "Regional Links in Asia\nBy Jane Roe\n\nThe report was prepared by the Secretariat in 2021."
    )


def test_a_line_of_millions_of_letters_is_repaired_in_linear_time() -> None:
    from pipeline.ingest.repair import line_end_hyphen, repair

    from ..guard import wall_clock_guard

    text = "a" * 1_000_000 + "\n" + "b" * 1_000_000 + "-\ncontinued"  # a regex search from every letter: hours
    with wall_clock_guard(30):
        repaired = repair(text)
    assert repaired.text.startswith("a" * 1_000_000 + " b")
    assert line_end_hyphen("for coopera-") == "coopera"
    assert line_end_hyphen("12-") is None and line_end_hyphen("no hyphen") is None
