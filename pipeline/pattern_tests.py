"""Run the ``examples`` and ``counterexamples`` that data lines carry.

* An example must make its line fire: a pattern line must match (its id is on the doc's
  ``pc_matches`` spans), a word list must have a term in the text, a gazetteer entry must
  give a claim. When it gives ``expect``, some claim must carry those field values: a
  claim from the line itself where the line produces claims, else any claim of the type
  the line's component finds (any claim for a word list, which several components read).
* A counterexample must not: a line that produces claims must give no claim, a helper
  pattern must not fire, a word list must give no claim at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .annotations import matches_of
from .claim_types import claim_type_of_label
from .extract import analyze_text
from .lexicon import fold
from .normalize.dates import parse_iso
from .patterns import Example, PatternLine, PatternSet

# Relative dates in examples resolve against this day unless the example gives its own.
REFERENCE_DATE = date(2024, 3, 15)
GAZETTEER_RULE = "gazetteer:"


@dataclass(frozen=True)
class PatternFailure:
    path: str
    line: int
    pattern_id: str
    text: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.pattern_id}: {self.reason}: {self.text!r}"


def _same(expected: Any, got: Any) -> bool:
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return abs(float(expected) - float(got)) <= 1e-9 * max(1.0, abs(float(expected)))
    return str(expected) == str(got)


def _claim_rule(line: PatternLine) -> str:
    return GAZETTEER_RULE + line.id if line.kind == "entry" else line.id


def _fires(line: PatternLine, doc: Doc, claims: list[dict[str, Any]]) -> bool:
    if line.kind == "entry":
        return any(c["rule"] == _claim_rule(line) for c in claims)
    if line.spec.matched:
        return any(span.id_ == line.id for span in matches_of(doc, line.label))
    case_sensitive = line.spec.case_sensitive
    text = fold(doc.text, case_sensitive=case_sensitive)
    return any(
        re.search(r"(?<!\w)" + re.escape(fold(term, case_sensitive=case_sensitive)) + r"(?!\w)", text)
        for term, _ in line.terms
    )


def _relevant(line: PatternLine, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims an example's ``expect`` is checked against."""
    if line.spec.claims:
        return [c for c in claims if c["rule"] == _claim_rule(line)]
    if not line.spec.matched:  # a word list may serve several claim types (number words: counts and dates)
        return claims
    claim_type = claim_type_of_label(line.label)
    return [c for c in claims if claim_type is None or c["claim_type"] == claim_type.name]


def check_line(nlp: Language, line: PatternLine) -> list[PatternFailure]:
    failures: list[PatternFailure] = []

    def run(text: str, published: date) -> tuple[Doc, list[dict[str, Any]]]:
        _, claims, doc = analyze_text(nlp, text, article_id="example", published=published)
        return doc, [c.model_dump(mode="json") for c in claims]

    def fail(text: str, reason: str) -> None:
        failures.append(PatternFailure(line.path, line.line, line.id, text, reason))

    for example in line.examples:
        item = example if isinstance(example, Example) else Example(text=example)
        published = (parse_iso(item.published) if item.published else None) or REFERENCE_DATE
        doc, claims = run(item.text, published)
        if not _fires(line, doc, claims):
            fail(item.text, "example does not fire")
            continue
        mine = _relevant(line, claims)
        if item.expect and not any(all(_same(v, c.get(k)) for k, v in item.expect.items()) for c in mine):
            got = [{k: c.get(k) for k in item.expect} for c in mine] or "no claim from this line"
            fail(item.text, f"expected {item.expect}, got {got}")
    for text in line.counterexamples:
        doc, claims = run(text, REFERENCE_DATE)
        if line.spec.claims or not line.spec.matched:
            if _relevant(line, claims):
                fail(text, "counterexample produced a claim")
        elif _fires(line, doc, claims):
            fail(text, "counterexample fires")
    return failures


def run_pattern_tests(patterns: PatternSet, nlp: Language) -> tuple[int, list[PatternFailure]]:
    """(number of examples and counterexamples run, failures)."""
    total = 0
    failures: list[PatternFailure] = []
    for line in patterns.lines:
        total += len(line.examples) + len(line.counterexamples)
        failures.extend(check_line(nlp, line))
    return total, failures
