from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline import build_nlp, extract_paths, extract_text
from pipeline.annotations import doc_text
from pipeline.bounded import MAX_RUN, MAX_TEXT, bounded_doc, cut_points
from pipeline.errors import ClaimsError, Code

from .guard import wall_clock_guard


def test_cut_points_cut_only_long_runs() -> None:
    text = "short words " + "x" * 25 + " and " + "y" * 9
    assert cut_points(text, longest=10) == [22, 32]
    assert cut_points("nothing long here", longest=10) == []


@pytest.mark.parametrize(
    "text",
    [
        "The council met on 4 July 2024 and hired 40 staff (see www.example.org/a-b-c).",
        "Mr. Ng's U.S.-based fund didn't pay $5bn... \u201cIt's late,\u201d she said.\n\n- item one\n",
        "",
    ],
)
def test_text_without_long_runs_is_tokenized_as_spacy_does(nlp: Language, text: str) -> None:
    ours, theirs = bounded_doc(nlp, text), nlp.make_doc(text)
    assert [(t.text, t.whitespace_, t.norm_) for t in ours] == [(t.text, t.whitespace_, t.norm_) for t in theirs]


@pytest.mark.parametrize("unit", [".,", "(\u2014a"])
def test_a_long_run_without_spaces_is_cut_into_bounded_tokens(nlp: Language, unit: str) -> None:
    # 30,000 characters: spaCy's own affix loop takes minutes on this one chunk
    text = "Before it. " + unit * (30_000 // len(unit)) + " After it, 40 people came."
    with wall_clock_guard(60):
        doc = bounded_doc(nlp, text)
        _, claims = extract_text(text, nlp)
    assert doc.text == text
    assert max(len(t) for t in doc) <= MAX_RUN
    assert [(c.text, c.value) for c in claims if c.claim_type == "count"] == [("40 people", 40)]  # type: ignore[union-attr]
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text


def test_the_pipeline_takes_texts_over_spacys_default_limit() -> None:
    nlp = build_nlp()
    assert nlp.max_length == MAX_TEXT > 1_000_000


def test_text_over_the_limit_is_a_located_e410_beside_good_files(tmp_path: Path) -> None:
    nlp = build_nlp()
    nlp.max_length = 200  # the limit, made small for the test
    (tmp_path / "long.txt").write_text("The council hired 40 staff. " * 20, encoding="utf-8")
    (tmp_path / "short.txt").write_text("The council hired 40 staff.", encoding="utf-8")
    result = extract_paths([tmp_path], nlp)
    assert [(p.code, Path(p.path or "").name) for p in result.problems] == [(Code.E410, "long.txt")]
    assert "split the file" in result.problems[0].message
    assert [a.article_id for a in result.articles] == ["short"]
    with pytest.raises(ClaimsError) as caught:
        extract_text("word " * 100, nlp)
    assert caught.value.code == Code.E410


def test_bounded_doc_on_a_blank_pipeline_keeps_spacys_limit() -> None:
    blank = spacy.blank("en")
    assert bounded_doc(blank, "x" * (blank.max_length + 1)).user_data  # empty doc, E410 on it


@pytest.mark.parametrize("text", ["a b  c\n\nd", "x" * (MAX_RUN * 3) + " y", "", " lead", "end \n"])
def test_the_doc_keeps_the_text_it_was_made_from(nlp: Language, text: str) -> None:
    doc = bounded_doc(nlp, text)
    assert doc_text(doc) == doc.text == text
