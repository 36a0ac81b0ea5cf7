"""The windowed matcher (``pipeline.windowed``) finds exactly what spaCy's ``Matcher`` finds
on the whole doc, for patterns of every shape, and so do the components built on it."""

from __future__ import annotations

import random
from typing import Any

import numpy
import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from pipeline.components.base import RuleComponent
from pipeline.matching import compile_pattern
from pipeline.patterns import expand_lex
from pipeline.windowed import UNBOUNDED, WindowedMatcher, merged, repeats, word_type_checks
from tests.conftest import FIXTURES, ROOT

TEXTS = [
    "On Tuesday the Harbour Fund pledged 40 million euros to ports, up from 12.5 million in 2019.",
    "Its aims are to cut emissions and to train 3,000 pilots by mid-2031; see p. 7 or call +44 20 7946 0000.",
    "The FUND's board met in Oslo, Lagos and São Paulo during 2023-24, with ~18 members present.",
    "Fund fund FUND. Fund, the fund of funds: 1 2 3 4 5 6 7 8 9 10 million million euros euros.",
    "",
    "million",
    "Up from from 7 up up down from 2020 the weekend at the weekend.",
]

PATTERNS: list[tuple[str, list[dict[str, Any]]]] = [
    ("one-word-list", [{"LOWER": {"IN": ["monday", "tuesday", "fund"]}}]),
    ("one-regex", [{"TEXT": {"REGEX": r"^(19|20)\d\d$"}}]),
    ("one-flag-pair", [{"LIKE_NUM": True, "IS_ALPHA": False}]),
    ("one-token-level", [{"LOWER": "fund", "IS_SENT_START": True}]),
    (
        "amount",
        [{"LIKE_NUM": True}, {"LOWER": {"IN": ["million", "billion"]}}, {"LOWER": {"IN": ["euros", "dollars"]}}],
    ),
    ("optional-lead", [{"LOWER": {"IN": ["up", "down"]}, "OP": "?"}, {"LOWER": "from"}, {"TEXT": {"REGEX": r"^\d"}}]),
    ("plus-tail", [{"SHAPE": {"IN": ["+d", "+dd"]}}, {"IS_DIGIT": True, "OP": "+"}]),
    ("star-middle", [{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "*"}, {"LOWER": "fund"}]),
    ("star-lead", [{"IS_PUNCT": True, "OP": "*"}, {"LOWER": {"IN": ["during", "in"]}}, {"SHAPE": "dddd"}]),
    ("repeat", [{"LIKE_NUM": True, "OP": "{2,4}"}, {"LOWER": "million"}]),
    ("repeat-open", [{"LOWER": "million", "OP": "{1,}"}, {"LOWER": "euros"}]),
    ("negated", [{"LOWER": "the"}, {"LOWER": "fund", "OP": "!"}, {"LOWER": "of"}]),
    ("wildcard", [{}, {"LOWER": "weekend"}]),
    ("all-optional", [{"LOWER": "up", "OP": "?"}, {"LOWER": "from", "OP": "+"}]),
    ("token-level-only", [{"IS_SENT_START": True}, {"LOWER": "aims"}]),
    ("length", [{"LENGTH": {">=": 5}, "IS_UPPER": True}, {"ORTH": "'s", "OP": "?"}]),
]


def _plain(nlp: spacy.Language) -> Matcher:
    matcher = Matcher(nlp.vocab, validate=True)
    for key, pattern in PATTERNS:
        matcher.add(key, [pattern], greedy="LONGEST")
    return matcher


def _windowed(nlp: spacy.Language) -> WindowedMatcher:
    matcher = WindowedMatcher(nlp.vocab)
    for key, pattern in PATTERNS:
        matcher.add(key, pattern, compile_pattern(nlp.vocab, pattern, key), greedy="LONGEST")
    return matcher


def _sentenced(nlp: spacy.Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for token in doc:  # a token-level attribute the word type cannot tell
        token.is_sent_start = token.i == 0 or doc[token.i - 1].text in (".", ";")
    return doc


@pytest.mark.parametrize("text", TEXTS)
def test_windowed_matches_are_the_matchers_on_the_whole_doc(text: str) -> None:
    nlp = spacy.blank("en")
    plain, windowed = _plain(nlp), _windowed(nlp)
    doc = _sentenced(nlp, text)
    assert sorted(windowed(doc)) == sorted(plain(doc))


def test_random_word_salad_matches_the_same() -> None:
    """Words of the patterns shuffled into long docs: windows that touch, overlap and run on."""
    nlp = spacy.blank("en")
    plain, windowed = _plain(nlp), _windowed(nlp)
    words = " ".join(TEXTS).split() + ["+44", "+4", "the", "fund", "of", "weekend", "million"] * 5
    rng = random.Random(7)
    for _ in range(40):
        doc = _sentenced(nlp, " ".join(rng.choice(words) for _ in range(rng.randint(1, 300))))
        assert sorted(windowed(doc)) == sorted(plain(doc))


def test_patterns_are_planned_by_shape() -> None:
    nlp = spacy.blank("en")
    windowed = _windowed(nlp)
    strings = nlp.vocab.strings
    singles = {strings[key] for key, _ in windowed.singles}
    assert singles == {"one-word-list", "one-regex", "one-flag-pair"}  # no Matcher at all
    assert len(windowed.whole) == 1  # "all-optional": no position of exactly one token to anchor on
    assert len(windowed.plans) == len(PATTERNS) - 4
    assert len(windowed) == len(PATTERNS)


@pytest.mark.parametrize(
    ("op", "expected"),
    [(None, (1, 1)), ("?", (0, 1)), ("*", (0, UNBOUNDED)), ("+", (1, UNBOUNDED)), ("!", (1, 1)),
     ("{3}", (3, 3)), ("{2,5}", (2, 5)), ("{,4}", (0, 4)), ("{2,}", (2, UNBOUNDED))],
)  # fmt: skip
def test_how_many_tokens_a_position_takes(op: str | None, expected: tuple[int, int]) -> None:
    assert repeats(op) == expected


@pytest.mark.parametrize(
    ("spec", "checks"),
    [
        ({"LOWER": "fund"}, (("LOWER", "==", "fund"),)),
        ({"IS_TITLE": True, "IS_SENT_START": True}, (("IS_TITLE", "==", True),)),
        ({"IS_SENT_START": True}, None),
        ({"_": {"flagged": True}}, None),
        ({"LENGTH": {">=": 3, "FUZZY": 2}}, (("LENGTH", ">=", 3),)),  # what it cannot read is left out
        ({"ORTH": {"IN": ["a", 3]}}, None),  # a list of mixed kinds: read as any word
    ],
)
def test_word_type_checks_keep_only_what_the_word_type_tells(spec: dict[str, Any], checks: Any) -> None:
    assert word_type_checks(spec) == checks


def test_windows_merge_when_close() -> None:
    starts, ends = numpy.array([10, 0, 4, 30]), numpy.array([12, 2, 6, 31])
    assert merged(starts, ends, gap=2) == [(0, 6), (10, 12), (30, 31)]
    assert merged(starts, ends, gap=0) == [(0, 2), (4, 6), (10, 12), (30, 31)]


def test_the_built_in_patterns_match_as_on_the_whole_doc(nlp: spacy.Language) -> None:
    """Every component's token patterns, windowed, against one plain Matcher on the whole doc."""
    articles = [*sorted((ROOT / "corpus").glob("*.txt")), *sorted(FIXTURES.glob("*.txt"))]
    docs = [nlp(path.read_text(encoding="utf-8")) for path in articles] + [nlp(text) for text in TEXTS]
    for _, component in nlp.pipeline:
        if not isinstance(component, RuleComponent):
            continue
        plain = Matcher(nlp.vocab)
        for line in component._matched.values():
            if isinstance(line.pattern, list):
                plain.add(line.id, [expand_lex(line.pattern, component.lexicon)], greedy="LONGEST")
        for doc in docs:
            assert sorted(component.matcher(doc)) == sorted(plain(doc)), component.name
