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


@pytest.mark.parametrize(
    "text", ["2e" + "9" * 5000, "9" * 5000, "2^" + "9" * 5000, "1/" + "9" * 5000, "2e99999999", "1e400", "9" * 300]
)
def test_numbers_past_a_float_are_no_numbers(text: str) -> None:
    from pipeline.normalize.numbers import parse_number, parse_numeric

    with wall_clock_guard(10):
        assert parse_numeric(text) is None
        assert parse_number(text) is None


def test_huge_exponents_cost_nothing_and_lose_no_article(nlp: Language) -> None:
    text = "There were 2e99999999 people. The fund holds 1e400 dollars and $3e900bn. It hired 1.5e3 nurses."
    with wall_clock_guard(30):
        _, claims = extract_text(text, nlp)
    assert [(c.text, c.value) for c in claims if c.claim_type == "count"] == [("1.5e3 nurses", 1500)]  # type: ignore[union-attr]


def test_many_list_intro_lines_read_each_list_once(nlp: Language) -> None:
    n = 6000  # every intro reading the whole list after it: 18 million line reads
    text = "- Our objectives:\n" * n
    with wall_clock_guard(120):
        _, claims = extract_text(text, nlp)
    assert len([c for c in claims if c.claim_type == "objective"]) == n - 1


def test_a_long_run_of_capitals_gives_bounded_names(nlp: Language) -> None:
    words = 6000  # every head noun once grew its name over the whole run
    with wall_clock_guard(120):
        _, claims = extract_text("THE MINISTRY OF " * (words // 3) + "\n", nlp)
    names = [c for c in claims if c.claim_type == "organization"]
    assert names and all(len(c.text.split()) <= 2 * 32 + 1 for c in names)


def test_acronym_fit_cost_does_not_grow_with_word_length() -> None:
    from pipeline.components.organizations import fit_score, long_form_start

    words = ["A" + "a" * 150] * 24  # every character could continue the letter run
    with wall_clock_guard(60):
        assert long_form_start("AAAAAAAA", words) == 16
    assert fit_score(list("ubc"), ["United", "Bank", "Cooperation"]) == 3
    assert (
        fit_score(
            list("cica"), ["Conference", "on", "Interaction", "and", "Confidence", "Building", "Measures", "in", "Asia"]
        )
        == 4
    )


def test_one_long_sentence_with_many_claims(nlp: Language) -> None:
    n = 3000  # each claim joining its 24,000-token sentence again: about a minute
    text = "The fund hired " + "; ".join(f"{i + 2} nurses" for i in range(n)) + ".\n"
    with wall_clock_guard(60):
        _, claims = extract_text(text, nlp)
    assert len(claims) == n
    assert len({c.sentence for c in claims}) == 1
