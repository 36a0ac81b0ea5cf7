"""Bounded cost: inputs that once took minutes (their cost grew with the square of their size)
give their result here at a size where a quadratic cost would take minutes again."""

from __future__ import annotations

import random

import pytest
from spacy.language import Language

from pipeline import extract_text
from pipeline.components import counts
from pipeline.components.base import Intervals, select_longest

from .guard import wall_clock_guard


def test_intervals_answer_as_the_plain_scan_does() -> None:
    rng = random.Random(11)
    spans = [(a, a + rng.randrange(0, 9)) for a in (rng.randrange(0, 200) for _ in range(60))]
    index = Intervals(spans)
    for start in range(-2, 210):
        for end in range(start, start + 12):
            assert index.overlaps(start, end) == any(start < e and s < end for s, e in spans)
            assert index.holds(start, end) == any(s <= start and end <= e for s, e in spans)


def test_select_longest_chooses_as_before() -> None:
    rng = random.Random(3)
    candidates = [(a, a + rng.randrange(0, 6), i) for i, a in enumerate(rng.randrange(0, 80) for _ in range(120))]
    chosen, taken = [], set()
    for start, end, payload in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if not any(i in taken for i in range(start, end)):
            chosen.append((start, end, payload))
            taken.update(range(start, end))
    assert select_longest(candidates) == sorted(chosen, key=lambda c: c[0])


def test_select_longest_of_many_nested_candidates() -> None:
    n = 100_000  # nested spans: checking each token of each one would take minutes
    with wall_clock_guard(60):
        chosen = select_longest([(i, 2 * n - i, i) for i in range(n)])
    assert chosen == [(0, 2 * n, 0)]


def test_a_long_run_of_numbers_parses_each_start_a_bounded_number_of_times(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    parse = counts.parse_number

    def counted(text: str, lexicon: object = None) -> float | None:
        nonlocal calls
        calls += 1
        return parse(text, lexicon)  # type: ignore[arg-type]

    monkeypatch.setattr(counts, "parse_number", counted)
    n = 1000  # "7 7 7 ...": every end tried from every start would be half a million parses
    with wall_clock_guard(60):
        _, claims = extract_text("They counted " + " ".join(["7"] * n) + " people.", nlp)
    assert calls <= (counts.MAX_NUMBER_TOKENS + 1) * n  # each number read once more as a count
    assert len([c for c in claims if c.claim_type == "count"]) == n


def test_many_claim_lines_against_many_dates(nlp: Language) -> None:
    lines = 3000  # every count checked against every date once took 10 s per 4,000 lines
    text = "".join(f"In {2000 + i % 20} the fund hired {i + 2} nurses.\n" for i in range(lines))
    with wall_clock_guard(120):
        _, claims = extract_text(text, nlp)
    kinds = [c.claim_type for c in claims]
    assert kinds.count("date") == lines and kinds.count("count") == lines
