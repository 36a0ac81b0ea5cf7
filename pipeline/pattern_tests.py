"""Run the ``examples`` and ``counterexamples`` that pattern lines carry.

* An example must make its pattern fire; when it gives ``expect``, some claim produced by
  the pattern (its ``rule`` is the pattern's id; for a helper pattern, any claim of its
  type) must carry those field values.
* A counterexample must not: for a pattern that produces claims, no claim may come from
  it; for a helper pattern (qualifiers, unit words, organization head nouns ...), it must
  not fire at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.language import Language

from .extract import analyze
from .ingest import RawArticle
from .normalize.dates import parse_iso
from .patterns import Example, PatternLine, PatternSet

# Labels whose matches become claims carrying the pattern's id as ``rule``.
CLAIM_LABELS: dict[str, frozenset[str]] = {
    "date": frozenset({"DATE", "DATE_RELATIVE", "DATE_YEAR", "DATE_RUN"}),
    "count": frozenset({"NUMBER", "MONEY", "FRACTION"}),
    "organization": frozenset({"ORG", "ORG_HEAD"}),
    "objective": frozenset({"LIST_INTRO", "GOAL_MARKER"}),
}
COMPONENTS = {
    "date": "policy_claims_dates",
    "count": "policy_claims_counts",
    "organization": "policy_claims_organizations",
    "objective": "policy_claims_objectives",
}
# Relative dates in examples resolve against this day unless the example gives its own.
REFERENCE_DATE = date(2024, 3, 15)


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


def check_line(nlp: Language, line: PatternLine) -> list[PatternFailure]:
    failures: list[PatternFailure] = []
    component = nlp.get_pipe(COMPONENTS[line.claim_type])
    makes_claims = line.label in CLAIM_LABELS[line.claim_type]

    def run(text: str, published: date) -> tuple[set[str], list[dict[str, Any]]]:
        _, claims, doc = analyze(nlp, RawArticle("example", text, "<example>", published=published))
        fired = {m.rule for m in component.find(doc)}  # type: ignore[attr-defined]
        # a helper pattern's expectations are checked on every claim of its type
        mine = [
            c.model_dump(mode="json")
            for c in claims
            if c.rule == line.id or (not makes_claims and c.claim_type == line.claim_type)
        ]
        return fired, mine

    for example in line.examples:
        item = example if isinstance(example, Example) else Example(text=example)
        published = (parse_iso(item.published) if item.published else None) or REFERENCE_DATE
        fired, mine = run(item.text, published)
        if line.id not in fired:
            failures.append(PatternFailure(line.path, line.line, line.id, item.text, "example does not fire"))
            continue
        if item.expect:
            if not any(all(_same(v, claim.get(k)) for k, v in item.expect.items()) for claim in mine):
                got = [{k: c.get(k) for k in item.expect} for c in mine] or "no claim from this pattern"
                reason = f"expected {item.expect}, got {got}"
                failures.append(PatternFailure(line.path, line.line, line.id, item.text, reason))
    for text in line.counterexamples:
        fired, mine = run(text, REFERENCE_DATE)
        if makes_claims and mine:
            failures.append(PatternFailure(line.path, line.line, line.id, text, "counterexample produced a claim"))
        elif not makes_claims and line.id in fired:
            failures.append(PatternFailure(line.path, line.line, line.id, text, "counterexample fires"))
    return failures


def run_pattern_tests(patterns: PatternSet, nlp: Language) -> tuple[int, list[PatternFailure]]:
    """(number of examples and counterexamples run, failures)."""
    total = 0
    failures: list[PatternFailure] = []
    for lines in patterns.lines.values():
        for line in lines:
            total += len(line.examples) + len(line.counterexamples)
            failures.extend(check_line(nlp, line))
    return total, failures
