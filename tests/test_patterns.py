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


def test_a_file_of_any_name_is_read_by_its_content(tmp_path: Path) -> None:
    (tmp_path / "my-words" / "more").mkdir(parents=True)
    (tmp_path / "my-words" / "more" / "river basins.jsonl").write_text(
        '{"id": "org-mekong-dialogue", "label": "ORG", "pattern": "Mekong Dialogue"}\n'
        '{"id": "org-nouns-inspectorate", "label": "ORG_NOUN", "terms": ["Inspectorate"]}\n'
        '{"id": "gaz-mrc", "name": "Mekong River Commission", "acronym": "MRC"}\n'
    )
    (tmp_path / "my-words" / "NOTES.md").write_text("notes for people, not data\n")
    patterns = load_patterns([tmp_path / "my-words"])
    mine = {line.id: line.kind for line in patterns.lines if line.path.endswith("river basins.jsonl")}
    assert mine == {"org-mekong-dialogue": "pattern", "org-nouns-inspectorate": "terms", "gaz-mrc": "entry"}
    assert patterns.lexicon.has("ORG_NOUN", "inspectorate")


def test_unknown_kinds_labels_and_files_are_located_errors(tmp_path: Path) -> None:
    (tmp_path / "data.jsonl").write_text(
        '{"id": "a", "label": "MONTH", "words": ["Okt"]}\n'
        '{"id": "b", "label": "MONTHS", "terms": ["Okt"], "value": 10}\n'
        '{"id": "c", "label": "MONTH", "terms": ["Okt"], "value": "October"}\n'
        '{"id": "d", "label": "MONTH", "pattern": [{"LOWER": "okt"}]}\n'
        '{"id": "e", "label": "DATE", "pattern": [{"LEX": "MONTHS"}]}\n'
    )
    (tmp_path / "data.csv").write_text("id,label\n")
    with pytest.raises(ClaimsError) as caught:
        load_patterns([tmp_path], builtin=False)
    found = sorted((Path(p.path or "").name, p.line, p.code) for p in caught.value.problems)
    assert found == [
        ("data.csv", None, Code.E208),
        ("data.jsonl", 1, Code.E202),
        ("data.jsonl", 2, Code.E204),
        ("data.jsonl", 3, Code.E202),
        ("data.jsonl", 4, Code.E203),
        ("data.jsonl", 5, Code.E203),
    ]


def test_lex_names_a_word_list_in_a_token_pattern(tmp_path: Path) -> None:
    from pipeline import build_nlp
    from pipeline.annotations import matches_of

    (tmp_path / "mine.jsonl").write_text(
        '{"id": "river-words", "label": "ORG_NOUN", "terms": ["Authority", "Inspectorate"]}\n'
        '{"id": "head", "label": "ORG_HEAD", "pattern": [{"LEX": "ORG_NOUN", "IS_TITLE": true}]}\n'
    )
    nlp = build_nlp(pattern_dirs=[tmp_path], builtin=False)
    doc = nlp("The Nuclear Safety Inspectorate met the inspectorate staff.")
    assert [(s.text, s.id_) for s in matches_of(doc, "ORG_HEAD")] == [("Inspectorate", "head")]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('{"id": "q", "label": "QUALIFIER", "terms": ["north of"], "value": "above"}', Code.E202),
        ('{"id": "h", "label": "ORG_HEAD", "terms": ["Inspectorate"]}', Code.E203),
        ('{"id": "h", "label": "ORG_HEAD", "pattern": "Inspectorate"}', Code.E203),
        ('{"id": "l", "label": "DATE", "pattern": [{"LEX": "ORG_HEAD"}]}', Code.E203),
        ('{"id": "r", "label": "REFERENCE_NOUN", "terms": {"the pact": "treaty"}}', Code.E202),
        ('{"id": "g", "label": "ORG_ENTRY", "pattern": "Mekong"}', Code.E204),
    ],
)
def test_lines_the_components_could_not_use_are_located_errors(tmp_path: Path, line: str, code: Code) -> None:
    (tmp_path / "mine.jsonl").write_text(line + "\n")
    with pytest.raises(ClaimsError) as caught:
        load_patterns([tmp_path])
    assert [(p.code, p.line) for p in caught.value.problems] == [(code, 1)]


def test_a_replacement_keeps_the_label_of_the_line_it_replaces(tmp_path: Path) -> None:
    (tmp_path / "mine.jsonl").write_text('{"id": "month-may", "label": "CURRENCY", "terms": ["may"], "value": "MAY"}\n')
    with pytest.raises(ClaimsError) as caught:
        load_patterns([tmp_path])
    assert [p.code for p in caught.value.problems] == [Code.E209]
    assert "calendar.jsonl" in caught.value.problems[0].message


def test_a_single_file_with_a_byte_order_mark_is_a_patterns_source(tmp_path: Path) -> None:
    path = tmp_path / "words.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"id": "org-nouns-mine", "label": "ORG_NOUN", "terms": ["Inspectorate"]}\n')
    assert load_patterns([path]).lexicon.has("ORG_NOUN", "Inspectorate")
