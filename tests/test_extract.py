from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language

from pipeline import extract_paths
from pipeline.ingest import decode

from .conftest import FIXTURES


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).replace("- ", "-")


def test_plain_text_claims_point_into_the_source_file(nlp: Language) -> None:
    path = FIXTURES / "river-basin-release.txt"
    source = decode(path.read_bytes())
    result = extract_paths([path], nlp)
    assert result.claims
    for claim in result.claims:
        assert claim.source_start is not None and claim.source_end is not None
        assert _squash(source[claim.source_start : claim.source_end]) == _squash(claim.text)


def test_wrapped_name_in_the_fixture_is_one_organization(nlp: Language) -> None:
    result = extract_paths([FIXTURES / "river-basin-release.txt"], nlp)
    names = {c.name for c in result.claims if c.claim_type == "organization"}  # type: ignore[union-attr]
    assert "Mekong Water Research Institute" in names
    assert "Lower Basin Coordination Council" in names


def test_latin1_text_file(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("La coopération régionale a été lancée en 1995 à Genève avec 12 États membres.".encode("latin-1"))
    result = extract_paths([path], nlp)
    assert "coopération" in result.articles[0].text


def test_source_offsets_count_crlf_line_ends(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(b"A Title For The Piece\r\n\r\nThe council was founded\r\nin 1995 with 12 member states.\r\n")
    source = decode(path.read_bytes())
    result = extract_paths([path], nlp)
    texts = {c.text: c for c in result.claims}
    assert "\r" not in result.articles[0].text
    for text in ("1995", "12 member states"):
        claim = texts[text]
        assert source[claim.source_start : claim.source_end] == text


def test_parallel_extraction_gives_the_same_result(nlp: Language, tmp_path: Path) -> None:
    from pipeline.writers import render_outputs

    from .conftest import ROOT

    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 4)
    paths = [ROOT / "corpus", FIXTURES, tmp_path]
    one = extract_paths(paths, nlp)
    two = extract_paths(paths, nlp, jobs=2)
    assert render_outputs(one.articles, one.claims, one.problems) == render_outputs(
        two.articles, two.claims, two.problems
    )
    assert len(one.articles) == 2 and [p.code.value for p in two.problems] == ["E103"]


def test_a_claim_over_a_sentence_end_has_both_sentences_as_evidence(nlp: Language) -> None:
    from pipeline.annotations import add_claim
    from pipeline.extract import claims_from_doc

    doc = nlp("The board met. Mr. X left early. Then it rained.")
    start = doc.text.index("met")
    add_claim(doc, "organization", start, doc.text.index("left") + 4, "test-rule", {"name": "x", "acronym": None})
    [claim] = claims_from_doc(doc, "a")
    assert claim.text in claim.sentence and claim.sentence == "The board met. Mr. X left early."


def test_a_capital_initial_is_no_sentence_end_even_when_lowercasing_lengthens_it(nlp: Language) -> None:
    assert [s.text for s in nlp("A note by İ. Demir and J. Smith was read.").sents] == [
        "A note by İ. Demir and J. Smith was read."
    ]


def test_articles_come_in_input_order_jsonl_lines_in_file_order(nlp: Language, tmp_path: Path) -> None:
    """Folders sorted by path, a JSONL file's lines as the file orders them (not by id):
    the order the stream writes them in, with one process or two."""
    (tmp_path / "b.txt").write_text("In 2020 the Basin Council had 27 members.\n")
    (tmp_path / "a.jsonl").write_text(
        '{"id": "zeta", "text": "In 2021 the 4 states met."}\n{"id": "alpha", "text": "In 2022 the 5 states met."}\n'
    )
    for jobs in (1, 2):
        result = extract_paths([tmp_path], nlp, jobs=jobs)
        assert [a.article_id for a in result.articles] == ["zeta", "alpha", "b"]
        assert [c.article_id for c in result.claims] == sorted(
            (c.article_id for c in result.claims), key=["zeta", "alpha", "b"].index
        )
