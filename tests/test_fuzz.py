"""Property tests over the whole pipeline, and a small bounded run of the fuzz campaign (scripts/fuzz.py).

Any text gives records with exact offsets that validate against the published JSON Schema;
any bytes in any supported format give articles or located problems. The campaign's own
machinery (workers killed at the time budget, dead workers replaced, failing inputs saved)
is checked on a few dozen generated inputs.
"""

from __future__ import annotations

import io
import json
import os
import sys
import time
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from spacy.language import Language

from pipeline.extract import extract_articles
from pipeline.ingest import RawArticle, finish, read_path
from pipeline.records import Article, json_schema

from .conftest import fuzz_script

SETTINGS = settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Words the components react to, so that generated texts hold claims. Exponent forms
# ("2e99999999") are left to scripts/fuzz.py: on the current engine they run for minutes.
WORDS = (
    "1948", "18 August 1948", "October 2022", "12-13 October 2022", "from 1996 to 2001", "last year", "the 1990s",
    "11 member states", "2,700", "2.7 billion", "twenty-seven", "more than 40 countries", "US$ 3 million",
    "the United Nations (UN)", "Danube Commission (DC)", "World Bank", "aims to", "in order to", "objectives:",
    "\n- ", "\n* ", "\n1. ", "\n• ", ". ", "; ", ", ", " ", "\n", "\n\n", "\r\n", "\t", "\u2028", "\x85", "\x00",
    "\u200b", "\ufeff", "e\u0301", "👩‍👩‍👧", "İ", "ß", "Mr.", "By Jane Roe", "Published: 7 October 2022",
    "<script>", "=1+1", "\"'",
)  # fmt: skip
CHARACTERS = st.characters(exclude_categories=["Cs"])  # a str written to a file cannot hold a lone surrogate
TEXTS = st.lists(st.one_of(st.sampled_from(WORDS), st.text(CHARACTERS, max_size=6)), max_size=40).map("".join)


# -- the published schemas (claims schema), checked by jsonschema ------------------------------
def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


VALIDATORS = {"claims": _validator(json_schema("claim", array=True)), "article": _validator(json_schema("article"))}


def _valid(kind: str, value: Any) -> list[str]:
    """Where ``value`` breaks the schema of ``kind``; an empty list when it fits."""
    return [
        f"${''.join(f'[{p!r}]' for p in e.absolute_path)}: {e.message}" for e in VALIDATORS[kind].iter_errors(value)
    ]


def test_the_schema_checker_sees_bad_records() -> None:
    good = {"claim_id": "dat-1", "article_id": "a", "text": "1948", "start": 0, "end": 4, "sentence": "1948",
            "rule": "r", "claim_type": "date", "start_date": "1948-01-01", "end_date": "1948-12-31"}  # fmt: skip
    assert _valid("claims", [good]) == []
    assert _valid("claims", [{**good, "claim_type": "bogus"}])
    assert _valid("claims", [{**good, "start": -1}])
    assert _valid("claims", [{**good, "extra": 1}])
    assert _valid("claims", [{**good, "start_date": "1948-13-01"}])


# -- the whole pipeline on any text -----------------------------------------------------------
def _extract(nlp: Language, text: str, **metadata: Any) -> tuple[Article, list[Any], list[Any]]:
    item = finish(RawArticle("fuzz", text, "<fuzz>", **metadata))
    [(_, claims, problems)] = extract_articles(nlp, [item])
    return item.article, claims, problems


@SETTINGS
@given(text=TEXTS)
def test_any_text_gives_exact_valid_records(nlp: Language, text: str) -> None:
    article, claims, _ = _extract(nlp, text)
    for claim in claims:
        assert article.text[claim.start : claim.end] == claim.text
        assert " ".join(claim.text.split()) in " ".join(claim.sentence.split())
    records = [claim.model_dump(mode="json") for claim in claims]
    assert _valid("claims", json.loads(json.dumps(records))) == []
    assert _valid("article", json.loads(json.dumps(article.model_dump(mode="json")))) == []


@SETTINGS
@given(text=TEXTS, title=st.text(CHARACTERS, max_size=20), published=st.none() | st.dates())
def test_any_article_metadata_gives_valid_records(nlp: Language, text: str, title: str, published: date | None) -> None:
    article, claims, problems = _extract(nlp, text, title=title or None, published=published, states_published=True)
    assert article.published == published
    assert all(p.code.value[0] in "EW" for p in problems)
    assert _valid("article", article.model_dump(mode="json")) == []
    assert all(article.text[c.start : c.end] == c.text for c in claims)


# -- readers on any bytes ---------------------------------------------------------------------
def _pdf(text: str) -> bytes:
    from fpdf import FPDF

    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", size=11)
    document.multi_cell(0, 5, text)
    return bytes(document.output())


BASE_PDF = _pdf("The Danube Commission was founded in 1948.\nIt has 11 member states.")
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
SURROGATES = st.text(st.characters(categories=["Cs"]), min_size=1, max_size=2)  # JSON carries them escaped
JSONL_STRINGS = st.text(max_size=8) | st.builds(str.__add__, st.text(max_size=4), SURROGATES)
JSONL_RECORDS = st.fixed_dictionaries(
    {"id": JSONL_STRINGS | st.integers(), "text": TEXTS | st.builds(str.__add__, TEXTS, SURROGATES)},
    optional={"title": JSON_VALUES | JSONL_STRINGS, "author": JSONL_STRINGS, "url": JSONL_STRINGS,
              "published": JSON_VALUES},
)  # fmt: skip


def _encoded(text: str) -> bytes:
    return text.encode("utf-8")


BYTES = {
    ".txt": st.binary(max_size=300) | TEXTS.map(_encoded),
    ".md": st.binary(max_size=200) | st.builds(lambda a, b: f"---\n{a}\n---\n{b}".encode(), TEXTS, TEXTS),
    ".html": st.binary(max_size=200)
    | st.builds(lambda tags, text: f"<html>{''.join(tags)}<p>{text}".encode(), st.lists(st.sampled_from(
        ("<div>", "</div>", "<p>", "<table>", "<td>", "<!--", "<br>", "<script>", "<li>", "<h1>")), max_size=30), TEXTS)
    .map(lambda data: data),
    ".jsonl": st.binary(max_size=200)
    | st.lists(JSONL_RECORDS.map(json.dumps) | st.text(max_size=20), max_size=4).map(lambda lines: "\n".join(lines).encode()),
    ".pdf": st.binary(max_size=300)
    | st.builds(lambda cut: BASE_PDF[:cut], st.integers(0, len(BASE_PDF)))
    | st.builds(lambda at, junk: BASE_PDF[:at] + junk + BASE_PDF[at:], st.integers(0, len(BASE_PDF)), st.binary(max_size=20)),
}  # fmt: skip


@pytest.mark.parametrize("suffix", sorted(BYTES))
def test_any_bytes_give_articles_or_located_problems(tmp_path_factory: pytest.TempPathFactory, suffix: str) -> None:
    folder = tmp_path_factory.mktemp("bytes")

    @settings(max_examples=40, deadline=None, derandomize=True)
    @given(data=BYTES[suffix])
    def read(data: bytes) -> None:
        path = folder / f"input{suffix}"
        path.write_bytes(data)
        items, problems = read_path(path)
        assert all(p.path == str(path) and p.code.value.startswith(("E", "W")) for p in problems)
        # an empty JSONL file is silently nothing on the current readers (finding reader-empty-jsonl,
        # /work/notes/fuzz-findings): tighten to `items or problems` when the readers report E104 for it
        assert items or problems or (suffix == ".jsonl" and not data.decode("utf-8", "replace").strip())
        for item in items:
            assert item.article.text.strip()

    read()


# -- the fuzz campaign, small and bounded ------------------------------------------------------
@pytest.fixture(scope="module")
def fuzz() -> ModuleType:
    return fuzz_script()


def test_a_small_campaign_runs_every_reader(fuzz: ModuleType, tmp_path: Path) -> None:
    summary = fuzz.run_campaign(inputs=50, seed=11, jobs=1, timeout=20, named=False, save=tmp_path / "findings")
    assert summary.tried == len(summary.outcomes) == 50
    failed = [(o.name, f.category, f.group) for o in summary.outcomes for f in o.failures]
    assert failed == [], failed  # nothing escapes, hangs, loses the good article or breaks an offset
    assert set(summary.kinds) >= {"mutated", "pdf", "html", "jsonl", "markdown"}
    report = io.StringIO()
    fuzz.print_summary(summary, report)
    assert "inputs tried: 50" in report.getvalue() and "slowest inputs:" in report.getvalue()
    assert json.loads(json.dumps(summary.as_dict()))["inputs"] == 50
    for folder in map(Path, summary.saved):  # every saved finding can be replayed from its folder
        finding = json.loads((folder / "finding.json").read_text())
        assert (folder / finding["input"]).is_file() and finding["category"] in fuzz.CATEGORIES


def _sleepy_check(nlp: Language, case: Any, index: int) -> Any:
    """A stand-in for run_case: hangs on 'hang', dies on 'die', passes otherwise."""
    import scripts_fuzz_for_test as fuzz  # type: ignore[import-not-found]

    if case.name == "hang.txt":
        time.sleep(60)
    if case.name == "die.txt":
        os._exit(3)
    return fuzz.Outcome(index, case.kind, case.name, len(case.data), case.note)


def test_hangs_and_dead_workers_become_findings(fuzz: ModuleType, tmp_path: Path) -> None:
    sys.modules["scripts_fuzz_for_test"] = fuzz
    cases = [fuzz.Case("t", name, b"x") for name in ("ok.txt", "hang.txt", "die.txt", "after.txt")]
    started = time.monotonic()
    summary = fuzz.run_campaign(cases=iter(cases), check=_sleepy_check, timeout=1.5, save=tmp_path)
    assert time.monotonic() - started < 30  # safety net only: the hang is killed at 1.5 s, not waited for
    found = {o.name: [f.category for f in o.failures] for o in summary.outcomes}
    assert found == {"ok.txt": [], "hang.txt": ["hang"], "die.txt": ["crash"], "after.txt": []}
    assert len(summary.saved) == 2
