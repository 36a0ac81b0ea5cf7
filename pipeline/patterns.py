"""Load and validate the data that drives the rules: patterns, word lists and the gazetteer.

A data folder holds JSONL files of any name, in any sub-folder; what a file holds is
told by its lines, not by its name. Each line is a JSON object of one of three kinds:

* a **pattern** line, a spaCy pattern dict: ``{"id", "label", "pattern"}``; a string
  ``pattern`` is a phrase, a list of token dicts a token pattern. A token dict may name
  a word list instead of spelling it out: ``{"LEX": "MONTH"}`` is every ``MONTH`` term
  (combine it with other keys: ``{"LEX": "MONTH", "IS_TITLE": true}``);
* a **terms** line, a word list: ``{"id", "label", "terms": [...], "value"}`` or
  ``{"id", "label", "terms": {"one": 1, "two": 2}}``;
* a **gazetteer** entry, a well-known organization: ``{"id", "name", "acronym",
  "variants", "kind"}`` (label ``ORG_ENTRY``).

Any line may carry ``examples``, ``counterexamples`` and a ``comment``. The label
(``labels.py``) decides which component reads the line. Folders are read in order (the
built-in one first); a line whose ``id`` repeats an earlier folder's replaces it.
Loading reports every problem of every file at once, as ``file:line: CODE message``,
and loads nothing when anything is wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ClaimsError, Code, Problem, problem
from .labels import LABELS, Label
from .lexicon import Lexicon, Term
from .regex_safety import ADVICE as BACKTRACKING_ADVICE
from .regex_safety import backtracking_risk

MAX_REGEX = 1000
LineKind = Literal["pattern", "terms", "entry"]
ENTRY_LABEL = "ORG_ENTRY"
LEX = "LEX"
DOCUMENTATION_SUFFIXES = (".md", ".txt", ".rst")
Value = str | int | float | list[str] | None


class Example(BaseModel):
    """A text the line must fire on; ``expect`` lists fields of a claim it must produce."""

    model_config = ConfigDict(extra="forbid")
    text: str
    expect: dict[str, Any] = Field(default_factory=dict)
    published: str | None = Field(default=None, description="publication date for relative dates (ISO)")


class _LineModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    examples: list[Example | str] = Field(default_factory=list)
    counterexamples: list[str] = Field(default_factory=list)
    comment: str | None = None


class PatternModel(_LineModel):
    label: str
    pattern: str | list[dict[str, Any]]
    value: Value = None


class TermsModel(_LineModel):
    label: str
    terms: list[str] | dict[str, Value]
    value: Value = None


class EntryModel(_LineModel):
    label: Literal["ORG_ENTRY"] = "ORG_ENTRY"
    name: str = Field(min_length=1)
    acronym: str | None = None
    variants: list[str] = Field(default_factory=list)
    kind: str | None = None


MODELS: dict[LineKind, type[_LineModel]] = {"pattern": PatternModel, "terms": TermsModel, "entry": EntryModel}


@dataclass(frozen=True)
class PatternLine:
    """One validated data line, with where it was read."""

    id: str
    label: str
    kind: LineKind
    data: dict[str, Any] = field(compare=False, repr=False)  # the line as JSON, without location
    path: str = "<data>"
    line: int = 0
    examples: tuple[Example | str, ...] = ()
    counterexamples: tuple[str, ...] = ()

    @property
    def spec(self) -> Label:
        return LABELS[self.label]

    @property
    def pattern(self) -> str | list[dict[str, Any]] | None:
        return self.data.get("pattern")

    @property
    def value(self) -> Any:
        return self.data.get("value")

    @property
    def terms(self) -> list[tuple[str, Any]]:
        """(term, value) pairs: a terms line's words, a phrase pattern as one term."""
        if self.kind == "terms":
            raw = self.data["terms"]
            if isinstance(raw, dict):
                return list(raw.items())
            return [(term, self.value) for term in raw]
        if self.kind == "pattern" and isinstance(self.pattern, str):
            return [(self.pattern, self.value)]
        return []

    @property
    def entry_forms(self) -> tuple[str, ...]:
        """A gazetteer entry's name, acronym and variants."""
        if self.kind != "entry":
            return ()
        acronym = self.data.get("acronym")
        return (self.data["name"], *((acronym,) if acronym else ()), *self.data.get("variants", ()))

    def as_dict(self) -> dict[str, Any]:
        return dict(self.data)

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def _lines_as_terms(lines: Iterable[PatternLine]) -> Iterator[Term]:
    for line in lines:
        for text, value in line.terms:
            yield Term(line.label, text, value, line.id)


@dataclass
class PatternSet:
    """Every data line of a run, in load order (later folders' lines last)."""

    lines: list[PatternLine] = field(default_factory=list)

    def for_component(self, component: str) -> list[PatternLine]:
        return [line for line in self.lines if line.spec.component == component]

    def with_label(self, *labels: str) -> list[PatternLine]:
        return [line for line in self.lines if line.label in labels]

    @cached_property
    def lexicon(self) -> Lexicon:
        return Lexicon(_lines_as_terms(self.lines))

    def as_dicts(self) -> list[dict[str, Any]]:
        return [line.as_dict() for line in self.lines]


def make_lexicon(lines: Iterable[PatternLine]) -> Lexicon:
    return Lexicon(_lines_as_terms(lines))


# -- validation of one line ------------------------------------------------------------
def _regexes(pattern: Any) -> Iterator[str]:
    if isinstance(pattern, dict):
        for key, value in pattern.items():
            if key == "REGEX" and isinstance(value, str):
                yield value
            else:
                yield from _regexes(value)
    elif isinstance(pattern, list):
        for item in pattern:
            yield from _regexes(item)


def lex_names(token: Mapping[str, Any]) -> list[str]:
    """The word lists a token dict refers to with ``LEX``."""
    names = token.get(LEX)
    if names is None:
        return []
    return [names] if isinstance(names, str) else list(names)


def expand_lex(pattern: Sequence[Mapping[str, Any]], lexicon: Lexicon) -> list[dict[str, Any]]:
    """A token pattern with every ``{"LEX": "MONTH"}`` replaced by ``{"LOWER": {"IN": [...]}}``.

    Only one-word terms can stand for one token; phrases in the list are left out here.
    """
    expanded = []
    for token in pattern:
        names = lex_names(token)
        if not names:
            expanded.append(dict(token))
            continue
        listed = {w for name in names for w in lexicon.words(name) if " " not in w}
        words = sorted(listed | {w.rstrip(".") for w in listed if len(w) > 1})  # "janv." is "janv" + "."
        rest = {k: v for k, v in token.items() if k != LEX}
        key = "ORTH" if any(LABELS[n].case_sensitive for n in names if n in LABELS) else "LOWER"
        expanded.append({key: {"IN": words}, **rest})
    return expanded


def _token_pattern_reasons(pattern: list[dict[str, Any]]) -> list[str]:
    from spacy.schemas import validate_token_pattern

    if not pattern:
        return ["the token pattern is empty"]
    reasons: list[str] = []
    plain: list[dict[str, Any]] = []
    for index, token in enumerate(pattern):
        if not isinstance(token, dict):
            reasons.append(f"token {index} is not an object")
            continue
        names = lex_names(token)
        if LEX in token and (not names or not all(isinstance(n, str) for n in names)):
            reasons.append(f"token {index}: LEX must name a word list, or a list of them")
            continue
        unknown = [n for n in names if n not in LABELS]
        if unknown:
            reasons.append(f"token {index}: LEX names an unknown word list {unknown[0]!r}")
        matched = [n for n in names if n in LABELS and LABELS[n].matched]
        if matched:
            reasons.append(f"token {index}: LEX must name a word list; {matched[0]} is a pattern label")
        if names and ({"LOWER", "ORTH", "TEXT"} & set(token)):
            reasons.append(f"token {index}: LEX cannot be combined with LOWER, ORTH or TEXT")
        plain.append({("LOWER" if k == LEX else k): ({"IN": []} if k == LEX else v) for k, v in token.items()})
    if not reasons:
        reasons.extend(validate_token_pattern(plain))
    return reasons


def _value_reason(label: Label, value: Any) -> str | None:
    if value is None or label.value == "none":
        return None if value is None else f"label {label.name} takes no value"
    ok = {
        "text": isinstance(value, str),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "codes": isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)),
    }[label.value]
    wanted = {"text": "a string", "number": "a number", "integer": "an integer", "codes": "a code or a list of codes"}
    if not ok:
        return f"the value of a {label.name} line must be {wanted[label.value]}, not {value!r}"
    if label.values is not None and value not in label.values:
        return f"the value of a {label.name} line must be one of {', '.join(sorted(label.values))}, not {value!r}"
    return None


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


def _kind_of(data: Mapping[str, Any]) -> LineKind | None:
    if "pattern" in data:
        return "pattern"
    if "terms" in data:
        return "terms"
    if "name" in data:
        return "entry"
    return None


def parse_line(
    data: Any, where: str, number: int, problems: list[Problem], *, check_token_patterns: bool = True
) -> PatternLine | None:
    """One JSON object as a validated line; every problem with it is added to ``problems``."""
    if not isinstance(data, dict):
        problems.append(problem(Code.E202, where, number, reason="a line must be a JSON object"))
        return None
    kind = _kind_of(data)
    if kind is None:
        reason = (
            "cannot tell what this line is: a pattern line has 'pattern', a word list 'terms', an organization 'name'"
        )
        problems.append(problem(Code.E202, where, number, reason=reason))
        return None
    try:
        model = MODELS[kind].model_validate(data)
    except ValidationError as exc:
        problems.extend(problem(Code.E202, where, number, reason=r) for r in _pydantic_reasons(exc))
        return None
    found = LABELS.get(str(data.get("label", ENTRY_LABEL)))
    before = len(problems)
    if found is None or (found.name == ENTRY_LABEL) != (kind == "entry"):
        usable = sorted(n for n in LABELS if (n == ENTRY_LABEL) == (kind == "entry"))
        expected = ", ".join(usable)
        if found is not None:  # ORG_ENTRY on a pattern line, or a gazetteer entry with another label
            expected += " (an ORG_ENTRY line gives 'name', 'acronym' and 'variants', no 'pattern' or 'terms')"
        problems.append(problem(Code.E204, where, number, label=data.get("label"), expected=expected))
        return None
    label = found
    pattern = data.get("pattern")
    if label.word_list and not isinstance(pattern, list):
        reason = f"{label.name} takes token patterns; put the words in the {label.word_list} word list"
        problems.append(problem(Code.E203, where, number, reason=reason))
    if isinstance(pattern, list):
        if not label.matched:
            reason = f"{label.name} is a word list: give 'terms' or a phrase, not a token pattern"
            problems.append(problem(Code.E203, where, number, reason=reason))
        elif check_token_patterns:
            problems.extend(problem(Code.E203, where, number, reason=r) for r in _token_pattern_reasons(pattern))
        for regex in _regexes(pattern):
            if len(regex) > MAX_REGEX:
                reason = f"longer than {MAX_REGEX} characters"
                problems.append(problem(Code.E206, where, number, regex=regex[:40] + "...", reason=reason))
                continue
            try:
                re.compile(regex)
            except re.error as exc:
                problems.append(problem(Code.E206, where, number, regex=regex, reason=str(exc)))
                continue
            risk = backtracking_risk(regex)
            if risk is not None:
                problems.append(problem(Code.E210, where, number, regex=regex, reason=risk, advice=BACKTRACKING_ADVICE))
    elif isinstance(pattern, str) and not pattern.strip():
        problems.append(problem(Code.E203, where, number, reason="the phrase pattern is empty"))
    terms = data.get("terms")
    if kind == "terms" and (not terms or any(not str(t).strip() for t in terms)):
        problems.append(problem(Code.E202, where, number, reason="'terms' must list at least one word, none empty"))
    values = list(terms.values()) if isinstance(terms, dict) else [data.get("value")]
    for value in values:
        wrong = _value_reason(label, value)
        if wrong:
            problems.append(problem(Code.E202, where, number, reason=wrong))
            break
    if len(problems) > before:
        return None
    clean = {k: v for k, v in data.items()}
    if kind == "entry":
        clean.setdefault("label", ENTRY_LABEL)
    return PatternLine(
        model.id, label.name, kind, clean, where, number, tuple(model.examples), tuple(model.counterexamples)
    )


def parse_lines(items: Iterable[Mapping[str, Any] | PatternLine], where: str = "<patterns>") -> list[PatternLine]:
    """Lines given as dicts (or already parsed); raises ``ClaimsError`` listing every problem."""
    problems: list[Problem] = []
    lines: list[PatternLine] = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, PatternLine):
            lines.append(item)
            continue
        parsed = parse_line(dict(item), where, number, problems)
        if parsed is not None:
            lines.append(parsed)
    if problems:
        raise ClaimsError(problems)
    return lines


# -- files and folders -----------------------------------------------------------------
def parse_file(path: Path, problems: list[Problem], *, check_token_patterns: bool = True) -> list[PatternLine]:
    """Every line of one JSONL data file; problems are added to ``problems``."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(problem(Code.E207, where, reason=f"cannot read the file: {exc}"))
        return []
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            problems.append(problem(Code.E201, where, number, reason=exc.msg))
            continue
        parsed = parse_line(data, where, number, problems, check_token_patterns=check_token_patterns)
        if parsed is not None:
            lines.append(parsed)
    return lines


def data_files(folder: Path, problems: list[Problem]) -> list[Path]:
    """The JSONL files under ``folder`` (sorted; a file stands for itself); any other file but
    documentation is a problem."""
    if folder.is_file():
        if folder.suffix.lower() == ".jsonl":
            return [folder]
        problems.append(problem(Code.E208, str(folder)))
        return []
    files = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder)
        if any(part.startswith((".", "__")) for part in relative.parts):
            continue
        if path.suffix.lower() == ".jsonl":
            files.append(path)
        elif path.suffix.lower() not in DOCUMENTATION_SUFFIXES:
            problems.append(problem(Code.E208, str(path)))
    return files


def builtin_patterns_dir() -> Path:
    """The built-in ``patterns/`` folder: the checkout's, or the installed copy."""
    checkout = Path(__file__).resolve().parent.parent / "patterns"
    if checkout.is_dir() and any(checkout.glob("*.jsonl")):
        return checkout
    return Path(str(resources.files("pipeline") / "builtin_patterns"))


def _first_use(seen: dict[str, PatternLine], line: PatternLine, problems: list[Problem]) -> bool:
    """Record where a line's id is defined; a second definition in one folder is a problem."""
    first = seen.get(line.id)
    if first is not None:
        problems.append(problem(Code.E205, line.path, line.line, pattern_id=line.id, first_line=first.where()))
        return False
    seen[line.id] = line
    return True


def load_patterns(
    folders: Iterable[Path | str] | None = None, *, builtin: bool = True, check_token_patterns: bool = True
) -> PatternSet:
    """The built-in data and then each folder in ``folders``, in order.

    A line whose ``id`` repeats an earlier folder's replaces it. Raises ``ClaimsError``
    listing every problem found in every file.
    """
    order: list[Path] = [builtin_patterns_dir()] if builtin else []
    order += [Path(f) for f in folders or ()]
    problems: list[Problem] = []
    merged: dict[str, PatternLine] = {}
    for folder in order:
        if not folder.exists():
            problems.append(problem(Code.E207, str(folder), reason="patterns folder not found"))
            continue
        seen: dict[str, PatternLine] = {}
        for path in data_files(folder, problems):
            for line in parse_file(path, problems, check_token_patterns=check_token_patterns):
                if not _first_use(seen, line, problems):
                    continue
                replaced = merged.pop(line.id, None)  # a replaced line moves to the end: later folders win
                if replaced is not None and replaced.label != line.label:
                    problems.append(
                        problem(
                            Code.E209,
                            line.path,
                            line.line,
                            pattern_id=line.id,
                            label=replaced.label,
                            first=replaced.where(),
                        )
                    )
                merged[line.id] = line
    if problems:
        raise ClaimsError(problems)
    return PatternSet(list(merged.values()))


def check_patterns(folders: Iterable[Path | str] | None = None, *, builtin: bool = True) -> list[Problem]:
    """Every problem in the given pattern folders (empty when all is well)."""
    try:
        load_patterns(folders, builtin=builtin)
    except ClaimsError as exc:
        return exc.problems
    return []


@cache
def builtin_patterns() -> PatternSet:
    """The built-in data, loaded once."""
    return load_patterns()


@cache
def default_lexicon() -> Lexicon:
    """The built-in word lists, for normalizers called without a lexicon (no spaCy needed)."""
    return load_patterns(check_token_patterns=False).lexicon
