"""PDF text as real PDFs give it: the fixtures are printed by ``scripts/make_pdf_fixtures.py``
(headless Chromium and fpdf2) and committed, so these tests need no browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import read_path
from pipeline.ingest.pdf import PdfLine, page_text, separate_markers
from pipeline.ingest.repair import RepairWords, article_vocabulary, hyphen_is_part_of_word, repair
from pipeline.patterns import default_lexicon

FIXTURES = (
    Path(__file__).resolve().parent / "fixtures" / "pdf"
)  # beside the tests: tests/fixtures is read whole by others
WORDS = RepairWords.from_lexicon(default_lexicon())


def _article(name: str):  # type: ignore[no-untyped-def]
    articles, problems = read_path(FIXTURES / name)
    assert problems == []
    return articles[0].article


@pytest.mark.parametrize("name", ["justified-one-column.pdf", "justified-two-columns.pdf", "widened-spaces.pdf"])
def test_fixture_text_has_one_space_no_ligatures_and_no_furniture(name: str) -> None:
    text = _article(name).text
    assert "  " not in text
    assert not any("\ufb00" <= c <= "\ufb06" for c in text)
    assert "Page 1 of 2" not in text and "RIVER BASIN OBSERVATORY" not in text


def test_widened_spaces_of_justified_lines_become_one() -> None:
    text = _article("widened-spaces.pdf").text
    assert "a loan of USD 42 million on 12 March 2021 for the rehabilitation of 14 irrigation schemes" in text
    assert "The International Commission for the Lower Valley Basin will supervise" in text


def test_two_columns_read_column_by_column() -> None:
    text = _article("justified-two-columns.pdf").text
    # a sentence that runs from the foot of the first column to the head of the second
    assert "Flood defences and early warning systems took the largest share" in text
    assert "the Organisation for Economic Co-operation and Development every year" in text
    assert text.index("1. Trends in adaptation finance") < text.index("2. Gaps and needs")


def test_headings_are_blocks_of_their_own() -> None:
    text = _article("justified-one-column.pdf").text
    assert "\n\nBackground\n\nThe Ministry of Water Resources" in text
    assert "\n\nObjectives\n\nThe programme aims to" in text
    assert "Financing the Lower Valley Irrigation Programme\n\n12 March 2021" in text  # a wrapped title, one line


def test_line_end_hyphens_in_the_fixtures() -> None:
    one = _article("justified-one-column.pdf").text
    two = _article("justified-two-columns.pdf").text
    assert "Regional Office for Agricultural Development of the Eastern Provinces" in one
    for kept in ("sea-level rise on low-lying districts", "AIDS-related", "COVID-19 response", "investment plans"):
        assert kept in two


def test_superscript_footnote_markers_are_set_apart() -> None:
    text = _article("justified-one-column.pdf").text
    assert "less than a fifth. \u00b9 The agreement" in text
    assert "from its own budget. \u00b2 The money" in text


def test_document_information_gives_title_and_author() -> None:
    chromium = _article("justified-two-columns.pdf")
    assert chromium.title == "Adaptation Finance for Coastal Cities"
    assert chromium.author is None and chromium.published is None  # a print time is no publication date
    assert _article("widened-spaces.pdf").author == "Amara Okafor"  # a person; an institution is no author


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("signed on 12  March  2021 in  Rome", "signed on 12 March 2021 in Rome"),
        ("a\t\tb and c \u00a0 d", "a b and c d"),
        ("the \ufb01rst \ufb02ows of e\ufb00ort", "the first flows of effort"),
        ("su\ufb03cient and a\ufb04uent sta\ufb06s", "sufficient and affluent stasts"),
    ],
)
def test_space_runs_and_ligatures(source: str, expected: str) -> None:
    assert repair(source).text == expected


def test_space_runs_and_ligatures_keep_the_offset_map_exact() -> None:
    source = "The \ufb01rst  loan of  12  March  2021 went to the O\ufb03ce."
    fixed = repair(source)
    for phrase, original in [
        ("first", "\ufb01rst"),
        ("12 March 2021", "12  March  2021"),
        ("Office", "O\ufb03ce"),
        ("loan of 12", "loan of  12"),
    ]:
        start = fixed.text.index(phrase)
        a, b = fixed.source_map.span_to_source(start, start + len(phrase))
        assert source[a:b] == original


@pytest.mark.parametrize(
    ("head", "tail", "kept"),
    [
        ("develop", "ment", False),
        ("coopera", "tion", False),
        ("AIDS", "related", True),
        ("COVID", "19", True),
        ("G20", "led", True),
        ("Asia", "Pacific", True),
        ("low", "income", True),
        ("cross", "border", True),
        ("two", "thirds", True),
        ("high", "est", False),  # a suffix after a compound head: "highest"
        ("climate", "related", True),
        ("Rio", "marked", True),
        ("with", "out", False),
        ("govern", "ment", False),
        ("small", "holders", False),  # plain words that open with a compound head (JOINED_WORD)
        ("short", "comings", False),
        ("post", "poned", False),
        ("mid", "night", False),
        ("four", "teen", False),
        ("six", "month", True),  # any number word is a compound head
        ("seventy", "five", True),
        ("small", "scale", True),
    ],
)
def test_a_line_end_hyphen_is_kept_only_where_it_is_the_words(head: str, tail: str, kept: bool) -> None:
    assert hyphen_is_part_of_word(head, tail, set(), WORDS) is kept


def test_the_article_decides_a_hyphen_it_writes_elsewhere() -> None:
    assert hyphen_is_part_of_word("water", "user", article_vocabulary("the water-user groups"), WORDS)
    assert not hyphen_is_part_of_word("water", "user", article_vocabulary("every wateruser pays"), WORDS)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("as the initiative.3 The fund", "as the initiative. \u00b3 The fund"),
        ("in 14 countries2 and regions", "in 14 countries \u00b2 and regions"),
        ("the Goal.1\nWhere relevant", "the Goal. \u00b9\nWhere relevant"),
        ("detail (OECD, 2023).2", "detail (OECD, 2023). \u00b2"),
        ("obligations.[1] Many", "obligations. [1] Many"),
        ("(OECD, 2022[1]; OECD, 2023[2])", "(OECD, 2022 [1]; OECD, 2023 [2])"),
        # not markers: numbers in running text, identifiers, units with an exponent
        ("it rose by 2.5 percent in 2021, 3 times", "it rose by 2.5 percent in 2021, 3 times"),
        ("See No.3 and Art.5 of the Charter", "See No.3 and Art.5 of the Charter"),
        ("an area of 40 km2 and 3 m3 of water", "an area of 40 km2 and 3 m3 of water"),
        ("the COVID19 response and G20 leaders", "the COVID19 response and G20 leaders"),
    ],
)
def test_glued_footnote_markers_are_set_apart(source: str, expected: str) -> None:
    assert separate_markers(source) == expected


def _lines(*rows: tuple[str, float, str, float]) -> list[PdfLine]:
    return [PdfLine(text, size, font, y) for text, size, font, y in rows]


def test_page_lines_become_paragraphs_headings_and_columns() -> None:
    body, bold = "Serif", "Sans-Bold"
    lines = _lines(
        ("The ministry signed the loan with the World", 9.0, body, 700),
        ("Bank on 3 May 2021 for the develop-", 9.0, body, 688),
        ("ment of the low-", 9.0, body, 676),
        ("income districts in 2021.", 9.0, body, 664),
        ("Background", 11.0, bold, 640),  # a heading: another font
        ("The fund was set up in 2010 by", 9.0, body, 624),
        ("the Regional Office.", 9.0, body, 612),
        ("It met again in", 9.0, body, 590),  # a larger step: a new paragraph
        ("the second column", 9.0, body, 700),  # back up the page: the next column
    )
    text = page_text(lines, WORDS, set())
    assert text == (
        "The ministry signed the loan with the World Bank on 3 May 2021 for the development of the"
        " low-income districts in 2021.\n\nBackground\n\nThe fund was set up in 2010 by the Regional Office."
        "\n\nIt met again in\n\n\nthe second column"
    )
    assert repair(text).text.endswith("\n\nIt met again in the second column")


def test_bulleted_lines_keep_their_lines() -> None:
    lines = _lines(
        ("The plan has two aims:", 9.0, "Serif", 700),
        ("\u2022 to raise yields", 9.0, "Serif", 688),
        ("\u2022 to save water", 9.0, "Serif", 676),
    )
    assert page_text(lines, WORDS, set()) == "The plan has two aims:\n\u2022 to raise yields\n\u2022 to save water"
