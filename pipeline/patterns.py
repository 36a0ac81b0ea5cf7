"""Load and validate the match patterns kept as JSONL data.

A patterns folder holds one file per claim type (``dates.jsonl``, ``counts.jsonl``,
``organizations.jsonl``, ``objectives.jsonl``) and the organization gazetteer
(``gazetteer.jsonl``). Each line of a claim-type file is a spaCy pattern dict::

    {"id": "date-day-month-year", "label": "DATE", "pattern": [{"IS_DIGIT": true}, ...]}

A string ``pattern`` is a phrase pattern, a list of token dicts a token pattern.
Loading validates every line and reports every problem at once, as ``file:line: CODE
message``; nothing is loaded when anything is wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ClaimsError, Code, Problem, problem

PATTERN_FILES: dict[str, str] = {
    "date": "dates.jsonl",
    "count": "counts.jsonl",
    "organization": "organizations.jsonl",
    "objective": "objectives.jsonl",
}
GAZETTEER_FILE = "gazetteer.jsonl"

# What each label means is documented in patterns/README.md.
LABELS: dict[str, frozenset[str]] = {
    "date": frozenset({"DATE", "DATE_YEAR", "DATE_RELATIVE", "DATE_RUN"}),
    "count": frozenset({"NUMBER", "MONEY", "FRACTION", "NOT_COUNT", "QUALIFIER", "UNIT", "UNIT_STOP"}),
    "organization": frozenset({"ORG", "ORG_HEAD", "ORG_DOC", "INITIATIVE"}),
    "objective": frozenset({"GOAL_MARKER", "LIST_INTRO", "NOT_GOAL"}),
}
MAX_REGEX = 1000


class Example(BaseModel):
    """A text the pattern must fire on; ``expect`` lists fields of the claim it must produce."""

    model_config = ConfigDict(extra="forbid")
    text: str
    expect: dict[str, Any] = Field(default_factory=dict)
    published: str | None = Field(default=None, description="publication date for relative dates (ISO)")


class PatternModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    label: str
    pattern: str | list[dict[str, Any]]
    value: str | None = None
    examples: list[Example | str] = Field(default_factory=list)
    counterexamples: list[str] = Field(default_factory=list)
    comment: str | None = None


class GazetteerModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    acronym: str | None = None
    variants: list[str] = Field(default_factory=list)
    kind: str | None = None
    comment: str | None = None


@dataclass(frozen=True)
class PatternLine:
    claim_type: str
    id: str
    label: str
    pattern: str | list[dict[str, Any]]
    path: str
    line: int
    value: str | None = None
    examples: tuple[Example | str, ...] = ()
    counterexamples: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "label": self.label, "pattern": self.pattern}
        if self.value is not None:
            data["value"] = self.value
        return data


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    name: str
    acronym: str | None
    variants: tuple[str, ...]
    kind: str | None
    path: str
    line: int

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *((self.acronym,) if self.acronym else ()), *self.variants)


@dataclass
class PatternSet:
    lines: dict[str, list[PatternLine]] = field(default_factory=lambda: {t: [] for t in PATTERN_FILES})
    gazetteer: list[GazetteerEntry] = field(default_factory=list)

    def for_type(self, claim_type: str) -> list[PatternLine]:
        return self.lines.get(claim_type, [])


def builtin_patterns_dir() -> Path:
    """The built-in ``patterns/`` folder: the checkout's, or the installed copy."""
    checkout = Path(__file__).resolve().parent.parent / "patterns"
    if (checkout / PATTERN_FILES["date"]).is_file():
        return checkout
    return Path(str(resources.files("pipeline") / "builtin_patterns"))


def _regexes(pattern: Any) -> Iterable[str]:
    if isinstance(pattern, dict):
        for key, value in pattern.items():
            if key == "REGEX" and isinstance(value, str):
                yield value
            else:
                yield from _regexes(value)
    elif isinstance(pattern, list):
        for item in pattern:
            yield from _regexes(item)


def _check_token_pattern(pattern: list[dict[str, Any]]) -> list[str]:
    from spacy.schemas import validate_token_pattern

    if not pattern:
        return ["the token pattern is empty"]
    return list(validate_token_pattern(pattern))


def _pydantic_reasons(error: ValidationError) -> list[str]:
    reasons = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"])
        kind = item["type"]
        if kind == "extra_forbidden":
            reasons.append(f"unknown key {where!r}")
        elif kind == "missing":
            reasons.append(f"missing key {where!r}")
        else:
            reasons.append(f"{where}: {item['msg']}")
    return reasons


def _read_lines(path: Path) -> Iterable[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if stripped and not stripped.startswith("//"):
            yield number, stripped


ModelT = TypeVar("ModelT", PatternModel, GazetteerModel)


def _models(path: Path, model: type[ModelT], problems: list[Problem]) -> Iterable[tuple[int, ModelT]]:
    """Each line of a JSONL file validated as ``model``; every problem is added to ``problems``."""
    where = str(path)
    for number, raw in _read_lines(path):
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(problem(Code.E201, where, number, reason=exc.msg))
            continue
        if not isinstance(data, dict):
            problems.append(problem(Code.E202, where, number, reason="a line must be a JSON object"))
            continue
        try:
            yield number, model.model_validate(data)
        except ValidationError as exc:
            problems.extend(problem(Code.E202, where, number, reason=r) for r in _pydantic_reasons(exc))


def parse_pattern_file(path: Path, claim_type: str) -> tuple[list[PatternLine], list[Problem]]:
    lines: list[PatternLine] = []
    problems: list[Problem] = []
    where = str(path)
    for number, model in _models(path, PatternModel, problems):
        line_ok = True
        if model.label not in LABELS[claim_type]:
            expected = ", ".join(sorted(LABELS[claim_type]))
            problems.append(problem(Code.E204, where, number, label=model.label, expected=expected))
            line_ok = False
        if isinstance(model.pattern, list):
            for reason in _check_token_pattern(model.pattern):
                problems.append(problem(Code.E203, where, number, reason=reason))
                line_ok = False
            for regex in _regexes(model.pattern):
                if len(regex) > MAX_REGEX:
                    problems.append(
                        problem(
                            Code.E206,
                            where,
                            number,
                            regex=regex[:40] + "...",
                            reason=f"longer than {MAX_REGEX} characters",
                        )
                    )
                    line_ok = False
                    continue
                try:
                    re.compile(regex)
                except re.error as exc:
                    problems.append(problem(Code.E206, where, number, regex=regex, reason=str(exc)))
                    line_ok = False
        elif not model.pattern.strip():
            problems.append(problem(Code.E203, where, number, reason="the phrase pattern is empty"))
            line_ok = False
        if line_ok:
            lines.append(
                PatternLine(
                    claim_type,
                    model.id,
                    model.label,
                    model.pattern,
                    where,
                    number,
                    model.value,
                    tuple(model.examples),
                    tuple(model.counterexamples),
                )
            )
    return lines, problems


def parse_gazetteer(path: Path) -> tuple[list[GazetteerEntry], list[Problem]]:
    problems: list[Problem] = []
    entries = [
        GazetteerEntry(model.id, model.name, model.acronym, tuple(model.variants), model.kind, str(path), number)
        for number, model in _models(path, GazetteerModel, problems)
    ]
    return entries, problems


def _first_use(
    seen: dict[str, tuple[str, int]], pattern_id: str, path: str, line: int, problems: list[Problem]
) -> bool:
    """Record where ``pattern_id`` is defined; a second definition in one folder is a problem."""
    if pattern_id in seen:
        first = f"{seen[pattern_id][0]}:{seen[pattern_id][1]}"
        problems.append(problem(Code.E205, path, line, pattern_id=pattern_id, first_line=first))
        return False
    seen[pattern_id] = (path, line)
    return True


def load_patterns(folders: Iterable[Path | str] | None = None, *, builtin: bool = True) -> PatternSet:
    """Load the built-in patterns and then each folder in ``folders``, in order.

    A line whose ``id`` repeats an earlier folder's replaces it. Raises ``ClaimsError``
    listing every problem found in every file.
    """
    order: list[Path] = [builtin_patterns_dir()] if builtin else []
    order += [Path(f) for f in folders or ()]
    problems: list[Problem] = []
    merged: dict[str, dict[str, PatternLine]] = {t: {} for t in PATTERN_FILES}
    gazetteer: dict[str, GazetteerEntry] = {}
    for folder in order:
        if not folder.is_dir():
            problems.append(problem(Code.E207, str(folder), reason="patterns folder not found"))
            continue
        seen: dict[str, tuple[str, int]] = {}
        for claim_type, filename in PATTERN_FILES.items():
            path = folder / filename
            if not path.is_file():
                continue
            lines, found = parse_pattern_file(path, claim_type)
            problems.extend(found)
            for line in lines:
                if not _first_use(seen, line.id, line.path, line.line, problems):
                    continue
                for other in merged.values():
                    other.pop(line.id, None)
                merged[claim_type][line.id] = line
        path = folder / GAZETTEER_FILE
        if path.is_file():
            entries, found = parse_gazetteer(path)
            problems.extend(found)
            for entry in entries:
                if not _first_use(seen, entry.id, entry.path, entry.line, problems):
                    continue
                gazetteer[entry.id] = entry
    if problems:
        raise ClaimsError(problems)
    result = PatternSet()
    for claim_type, by_id in merged.items():
        result.lines[claim_type] = list(by_id.values())
    result.gazetteer = list(gazetteer.values())
    return result


def check_patterns(folders: Iterable[Path | str] | None = None, *, builtin: bool = True) -> list[Problem]:
    """Every problem in the given pattern folders (empty when all is well)."""
    try:
        load_patterns(folders, builtin=builtin)
    except ClaimsError as exc:
        return exc.problems
    return []
