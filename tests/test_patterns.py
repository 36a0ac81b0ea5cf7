from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.claim_types import CLAIM_TYPES
from pipeline.errors import ClaimsError, Code
from pipeline.pattern_tests import run_pattern_tests
from pipeline.patterns import builtin_patterns_dir, load_patterns


def test_builtin_patterns_are_valid() -> None:
    patterns = load_patterns()
    assert all(patterns.for_component(t.component) for t in CLAIM_TYPES.values())
    assert patterns.with_label("ORG_ENTRY")


def test_five_mistakes_give_five_located_errors(tmp_path: Path) -> None:
    (tmp_path / "counts.jsonl").write_text(
        "\n".join(
            [
                '{"id": "ok", "label": "NUMBER", "pattern": [{"LIKE_NUM": true}]}',
                '{"id": "broken", "label": "NUMBER", "pattern": [',
                '{"id": "typo", "label": "NUMBER", "pattern": [{"LOWR": "ten"}]}',
                '{"id": "label", "label": "NUMBRE", "pattern": [{"LIKE_NUM": true}]}',
                '{"id": "ok", "label": "NUMBER", "pattern": [{"IS_DIGIT": true}]}',
                '{"id": "rx", "label": "NUMBER", "pattern": [{"TEXT": {"REGEX": "([0-9"}}], "colour": "red"}',
            ]
        )
        + "\n"
    )
    with pytest.raises(ClaimsError) as caught:
        load_patterns([tmp_path], builtin=False)
    problems = caught.value.problems
    assert sorted((p.line, p.code) for p in problems) == [
        (2, Code.E201), (3, Code.E203), (4, Code.E204), (5, Code.E205), (6, Code.E202),
    ]  # fmt: skip
    assert all(str(p).startswith(f"{tmp_path / 'counts.jsonl'}:{p.line}: E") for p in problems)


def test_bad_regex_is_reported(tmp_path: Path) -> None:
    (tmp_path / "dates.jsonl").write_text('{"id": "rx", "label": "DATE", "pattern": [{"TEXT": {"REGEX": "([0-9"}}]}\n')
    with pytest.raises(ClaimsError) as caught:
        load_patterns([tmp_path], builtin=False)
    assert [p.code for p in caught.value.problems] == [Code.E206]


def test_a_user_line_replaces_the_builtin_line_with_its_id(tmp_path: Path) -> None:
    (tmp_path / "dates.jsonl").write_text('{"id": "date-year", "label": "DATE_YEAR", "pattern": [{"TEXT": "1066"}]}\n')
    patterns = load_patterns([tmp_path])
    lines = [p for p in patterns.lines if p.id == "date-year"]
    assert len(lines) == 1 and lines[0].pattern == [{"TEXT": "1066"}]


def test_every_builtin_example_and_counterexample_passes(nlp: Language) -> None:
    total, failures = run_pattern_tests(load_patterns(), nlp)
    assert total > 100
    assert [str(f) for f in failures] == []


def test_every_builtin_pattern_has_an_example() -> None:
    missing = [
        line.id
        for line in load_patterns().lines
        if line.kind != "entry" and not line.examples and not line.counterexamples
    ]
    assert missing == []


def test_builtin_dir_is_the_checkout_folder() -> None:
    assert (builtin_patterns_dir() / "dates.jsonl").is_file()
