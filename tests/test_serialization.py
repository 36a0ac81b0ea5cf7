"""Claims live on the Doc: every way spaCy serializes a Doc or a pipeline keeps them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.util import load_model_from_config

from pipeline import build_nlp
from pipeline.annotations import claim_spans, matches_of
from pipeline.errors import Code
from pipeline.extract import claims_from_doc, problems_from_doc

from .conftest import FIXTURES

TEXTS = [
    (FIXTURES / "river-basin-release.txt").read_text(encoding="utf-8"),
    "Founded in 1992, the Conference on Interaction and Confidence Building Measures in Asia (CICA) "
    "has 27 members. Last year CICA aimed to strengthen trade links across the region.",
    "The Basin Council said on Monday that about 40% of the 6,000 delegates came from abroad.",
]
PUBLISHED = "2024-03-15"


def _docs(nlp: Language, n_process: int = 1) -> list[Doc]:
    pairs = ((text, {"published": PUBLISHED}) for text in TEXTS)
    return [doc for doc, _ in nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=1)]


def _claims(docs: list[Doc]) -> list[list[dict[str, object]]]:
    return [[c.model_dump(mode="json") for c in claims_from_doc(doc, f"a{i}")] for i, doc in enumerate(docs)]


@pytest.fixture(scope="module")
def reference(nlp: Language) -> list[list[dict[str, object]]]:
    claims = _claims(_docs(nlp))
    assert all(claims) and {c["claim_type"] for doc in claims for c in doc} == {
        "date", "count", "organization", "objective",
    }  # fmt: skip
    return claims


def test_claims_are_spans_with_labels_rules_and_fields(nlp: Language) -> None:
    [doc] = _docs(nlp)[1:2]
    spans = claim_spans(doc, "count")
    assert [(s.text, s.label_, s.id_) for s in spans] == [("27 members", "count", "count-digits")]
    assert spans[0]._.pc_count == {"value": 27, "unit": "members", "qualifier": None}
    assert {s.label_ for s in matches_of(doc)} >= {"NUMBER", "ORG_HEAD", "GOAL_MARKER", "DATE_YEAR"}


def test_doc_bytes_round_trip(nlp: Language, reference: list[list[dict[str, object]]]) -> None:
    docs = [Doc(nlp.vocab).from_bytes(doc.to_bytes()) for doc in _docs(nlp)]
    assert _claims(docs) == reference


def test_docbin_round_trip(nlp: Language, reference: list[list[dict[str, object]]]) -> None:
    stored = DocBin(store_user_data=True, docs=_docs(nlp)).to_bytes()
    fresh = spacy.blank("en")
    docs = list(DocBin().from_bytes(stored).get_docs(fresh.vocab))
    assert _claims(docs) == reference


def test_nlp_bytes_round_trip(nlp: Language, reference: list[list[dict[str, object]]]) -> None:
    empty = build_nlp(patterns=None, builtin=False)
    assert _claims(_docs(empty)) != reference
    empty.from_bytes(nlp.to_bytes())
    assert _claims(_docs(empty)) == reference


def test_disk_round_trip(nlp: Language, reference: list[list[dict[str, object]]], tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.pipe_names == nlp.pipe_names
    assert _claims(_docs(loaded)) == reference


def test_a_saved_pipeline_loads_in_a_fresh_process_without_importing_pipeline(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "model")
    script = (
        "import spacy, sys\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "doc = nlp('The Basin Council has 27 members.')\n"
        "print(sorted((s.label_, s.text) for s in doc.spans['pc_claims']))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "model")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "('count', '27 members')" in out.stdout and "('organization', 'Basin Council')" in out.stdout


def test_two_processes_give_the_claims_of_one(nlp: Language, reference: list[list[dict[str, object]]]) -> None:
    assert _claims(_docs(nlp, n_process=2)) == reference


def test_analyze_pipes_shows_what_each_component_requires_and_assigns(nlp: Language) -> None:
    analysis = nlp.analyze_pipes(pretty=False)
    summary = analysis["summary"]
    assert summary["policy_claims_context"]["assigns"] == ["doc._.pc_published"]
    assert "doc._.pc_published" in summary["policy_claims_dates"]["requires"]
    assert "token.is_sent_start" in summary["policy_claims_dates"]["requires"]
    assert "span._.pc_date" in summary["policy_claims_counts"]["requires"]
    assert "span._.pc_entity" in summary["policy_claims_objectives"]["requires"]
    assert "span._.pc_entity" in summary["policy_claims_organizations"]["assigns"]
    assert not any(analysis["problems"].values())


def test_relative_dates_without_a_publication_date_give_one_warning(nlp: Language) -> None:
    text = "Last year the council met twice; next month it meets again, and in 2021 it met once."
    doc = nlp(text)
    assert [c.text for c in claims_from_doc(doc, "a") if c.claim_type == "date"] == ["2021"]
    problems = problems_from_doc(doc, "a.txt")
    assert [(p.code, p.is_warning) for p in problems] == [(Code.W101, True)]
    assert "'Last year'" in problems[0].message and "'next month'" in problems[0].message
    [(with_date, _)] = nlp.pipe([(text, {"published": "2024-03-15"})], as_tuples=True)
    assert problems_from_doc(with_date, "a.txt") == []
    assert len([s for s in claim_spans(with_date, "date")]) == 3


def test_a_publication_date_that_is_no_date_is_a_warning(nlp: Language) -> None:
    [(doc, _)] = nlp.pipe([("It met last year.", {"published": "someday"})], as_tuples=True)
    assert [p.code for p in problems_from_doc(doc, "a.txt")] == [Code.W102, Code.W101]


def test_plain_call_works_without_context(nlp: Language) -> None:
    doc = nlp("The council has 27 members.")
    assert [s.text for s in claim_spans(doc)] == ["27 members"]


def test_displacy_draws_the_claims(nlp: Language) -> None:
    from spacy import displacy

    doc = nlp("The Basin Council has 27 members.")
    html = displacy.render(doc, style="span", options={"spans_key": "pc_claims"})
    assert all(word in html for word in ("Basin", "Council", "organization", "count", "27"))


def test_one_claim_of_a_type_per_span(nlp: Language) -> None:
    from pipeline.annotations import add_claim, claim_fields

    doc = nlp.make_doc("The council was founded to restore the wetlands of the basin.")
    first = add_claim(doc, "objective", 26, 61, "goal-a", {"subject": "Basin Council"})
    second = add_claim(doc, "objective", 26, 61, "goal-b", {"subject": "River Fund"})
    other = add_claim(doc, "count", 26, 61, "count-x", {"value": 1, "unit": None, "qualifier": None})
    assert first is not None and second is None and other is not None
    assert [claim_fields(s).get("subject") for s in claim_spans(doc, "objective")] == ["Basin Council"]


def test_words_added_to_the_pipeline_reach_every_component() -> None:
    from pipeline.nlp import add_patterns

    nlp = build_nlp()
    text = "The Nuclear Safety Inspectorate met. The inspectorate aims to train forty engineers."
    before = {c.text: c.model_dump() for c in claims_from_doc(nlp(text), "a")}
    add_patterns(nlp, [{"id": "org-nouns-mine", "label": "ORG_NOUN", "terms": ["Inspectorate"]}])
    after = {c.text: c.model_dump() for c in claims_from_doc(nlp(text), "a")}
    assert "Nuclear Safety Inspectorate" not in before
    assert after["Nuclear Safety Inspectorate"]["name"] == "Nuclear Safety Inspectorate"
    assert after["train forty engineers"]["subject"] == "Nuclear Safety Inspectorate"


@pytest.mark.parametrize("way", ["bytes", "disk"])
def test_a_pipeline_read_back_keeps_its_numbers_whole(nlp: Language, tmp_path: Path, way: str) -> None:
    """Word lists hold floats (PART_OF_WHOLE: "two thirds" is 66.666...%): a pipeline read back
    (as the workers of --jobs read it) gives the same values, not ones cut to 10 digits."""
    if way == "bytes":
        copy = load_model_from_config(nlp.config).from_bytes(nlp.to_bytes())
    else:
        nlp.to_disk(tmp_path / "nlp")
        copy = spacy.load(tmp_path / "nlp")
    text = "The fund covers two-thirds of the costs."
    [claim] = [c for c in claims_from_doc(copy(text), "a") if c.claim_type == "count"]
    [expected] = [c for c in claims_from_doc(nlp(text), "a") if c.claim_type == "count"]
    assert claim.value == expected.value == 200 / 3  # type: ignore[union-attr]
