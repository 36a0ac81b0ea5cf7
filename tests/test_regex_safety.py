from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.errors import ClaimsError, Code
from pipeline.patterns import builtin_patterns_dir, check_patterns, load_patterns
from pipeline.regex_safety import backtracking_risk

from .guard import wall_clock_guard

RISKY = [
    r"(a+)+$",
    r"(a*)*b",
    r"(\w+\s?)+$",
    r"(x+x+)+y",
    r"(aa?)+b",
    r"(a|aa)+c",
    r"(?:a|ab|b)+c",
    r"(?:\s*,\s*)+x",
    r"^(\d+)*$",
    r"(\w+|\d+)+$",
    r"(?:[a-z]+\.?)+@",
    r"(?i)(?:A+a)+!",
]
SAFE = [
    r"(\d{1,3},)+",
    r"^(ab)+$",
    r"a+b+",
    r"\d+\.?\d+",
    r"(a+b)+",
    r"^([a-z]+\.)+[a-z]+$",
    r"(?>a+)+",
    r"(a++)+",
    r"(?:a|b)+",
    r"(a|ab)+c",
    r"(ab?)+",
    r"(\d{3})+",
]


@pytest.mark.parametrize("regex", RISKY)
def test_regexes_that_backtrack_exponentially_are_found(regex: str) -> None:
    assert backtracking_risk(regex) is not None


@pytest.mark.parametrize("regex", SAFE)
def test_regexes_that_cannot_are_left_alone(regex: str) -> None:
    assert backtracking_risk(regex) is None


def test_no_builtin_regex_is_flagged() -> None:
    found = re.findall(
        r'"REGEX":\s*("(?:[^"\\]|\\.)*")',
        "".join(p.read_text(encoding="utf-8") for p in sorted(builtin_patterns_dir().glob("*.jsonl"))),
    )
    import json

    regexes = [json.loads(r) for r in found]
    assert regexes
    assert [r for r in regexes if backtracking_risk(r)] == []


def test_patterns_check_rejects_a_backtracking_regex_with_its_line(tmp_path: Path) -> None:
    lines = [
        '{"id": "user-fine", "label": "NOT_COUNT", "pattern": [{"TEXT": {"REGEX": "^x+$"}}]}',
        '{"id": "user-bad", "label": "NOT_COUNT", "pattern": [{"TEXT": {"REGEX": "(a+)+$"}}]}',
    ]
    (tmp_path / "mine.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = check_patterns([tmp_path])
    assert [(p.code, Path(p.path or "").name, p.line) for p in problems] == [(Code.E210, "mine.jsonl", 2)]
    assert "write (a+)+ as a+" in problems[0].message
    with pytest.raises(ClaimsError) as caught:  # loading refuses it too, so it never runs
        load_patterns([tmp_path])
    assert caught.value.code == Code.E210


def test_the_check_itself_is_fast_on_a_long_regex() -> None:
    regex = "(?:" + "|".join(f"w{i}x" for i in range(300)) + ")+"
    with wall_clock_guard(30):
        assert backtracking_risk(regex) is None
