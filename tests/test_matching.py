"""Compiled token patterns (``pipeline.matching``) find exactly what spaCy's own matching finds."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
import spacy
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher

from pipeline.matching import FIRST_FREE_FLAG, LAST_FLAG, WordTest, compile_pattern, free_flags, tried_everywhere

TEXT = (
    "On Tuesday the Harbour Fund pledged 40 million euros to ports, up from 12.5 million in 2019. "
    "Its aims are to cut emissions and to train 3,000 pilots by mid-2031; see p. 7 or call +44 20 7946 0000. "
    "The FUND's board met in Oslo, Lagos and São Paulo during 2023-24, with ~18 members present."
)

PATTERNS: list[tuple[str, list[dict[str, Any]]]] = [
    ("weekday", [{"LOWER": {"IN": ["monday", "tuesday", "wednesday"]}}]),
    (
        "amount",
        [{"LIKE_NUM": True}, {"LOWER": {"IN": ["million", "billion"]}}, {"LOWER": {"IN": ["euros", "dollars"]}}],
    ),
    ("optional-lead", [{"LOWER": {"IN": ["up", "down"]}, "OP": "?"}, {"LOWER": "from"}, {"TEXT": {"REGEX": r"^\d"}}]),
    ("regex-year", [{"TEXT": {"REGEX": r"^(19|20)\d\d$"}}]),
    ("not-in", [{"LOWER": {"NOT_IN": ["the", "its", "a"]}, "IS_TITLE": True}, {"LOWER": "fund"}]),
    ("length", [{"LENGTH": {">=": 5}, "IS_UPPER": True}]),
    ("shape", [{"SHAPE": {"IN": ["+d", "+dd"]}}, {"IS_DIGIT": True, "OP": "+"}]),
    ("lower-regex", [{"LOWER": {"REGEX": "^aims?$"}}, {"LOWER": "are"}]),
    ("tilde", [{"ORTH": {"IN": ["~", "≈"]}}, {"LIKE_NUM": True}]),
    ("two-predicates", [{"LOWER": {"IN": ["oslo", "lagos", "são"]}, "LENGTH": {"<=": 5}}]),
    ("star-lead", [{"IS_PUNCT": True, "OP": "*"}, {"LOWER": {"IN": ["during", "in"]}}, {"SHAPE": "dddd"}]),
    ("short-title", [{"LENGTH": {"<": 5}, "IS_TITLE": True}, {"ORTH": {"IN": [",", ";"]}, "OP": "?"}]),
]


def _plain(nlp: spacy.Language) -> Matcher:
    matcher = Matcher(nlp.vocab, validate=True)
    for key, pattern in PATTERNS:
        matcher.add(key, [pattern], greedy="LONGEST")
    return matcher


def _compiled(nlp: spacy.Language) -> Matcher:
    matcher = Matcher(nlp.vocab, validate=False)
    for key, pattern in PATTERNS:
        matcher.add(key, compile_pattern(nlp.vocab, pattern, key), greedy="LONGEST")
    return matcher


def _found(nlp: spacy.Language, matcher: Matcher, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return sorted((nlp.vocab.strings[key], doc[a:b].text) for key, a, b in matcher(doc))


def test_compiled_patterns_match_as_spacy_does() -> None:
    nlp = spacy.blank("en")
    want = _found(nlp, _plain(nlp), TEXT)
    assert len(want) >= 12  # the text exercises the patterns
    assert _found(nlp, _compiled(nlp), TEXT) == want


def test_words_seen_after_compiling_get_their_flags() -> None:
    nlp = spacy.blank("en")
    compiled = _compiled(nlp)  # flags set now; the words below are new to the vocab
    later = "Last Wednesday, in 1987, Zyxcorp's pilots met; ≈ 40 attended."
    assert _found(nlp, compiled, later) == _found(nlp, _plain(nlp), later)


def test_leading_tests_become_flags_or_alternatives() -> None:
    vocab = spacy.blank("en").vocab
    [[weekday]] = [compile_pattern(vocab, [{"LOWER": {"IN": ["mon", "tue", "wed", "thu"]}}])[0]]
    assert list(weekday) == [FIRST_FREE_FLAG] and weekday[FIRST_FREE_FLAG] is True
    small = compile_pattern(vocab, [{"LOWER": {"IN": ["up", "down"]}}, {"LOWER": {"IN": ["x", "y", "z", "w"]}}])
    assert small == [
        [{"LOWER": "down"}, {"LOWER": {"IN": ["x", "y", "z", "w"]}}],
        [{"LOWER": "up"}, {"LOWER": {"IN": ["x", "y", "z", "w"]}}],
    ]


@pytest.mark.parametrize(
    ("pattern", "leading"),
    [
        ([{"ORTH": "a"}, {"ORTH": "b"}], 1),
        ([{"ORTH": "a", "OP": "?"}, {"ORTH": "b"}, {"ORTH": "c"}], 2),
        ([{"ORTH": "a", "OP": "*"}, {"ORTH": "b", "OP": "?"}, {"ORTH": "c"}], 3),
        ([{"ORTH": "a", "OP": "+"}, {"ORTH": "b"}], 1),
    ],
)
def test_positions_tried_at_every_token(pattern: list[dict[str, Any]], leading: int) -> None:
    assert tried_everywhere(pattern) == leading


def test_the_same_tests_share_one_flag() -> None:
    vocab = spacy.blank("en").vocab
    before = free_flags(vocab)
    for _ in range(3):
        compile_pattern(vocab, [{"LOWER": {"IN": ["alpha", "beta", "gamma", "delta"]}}])
    compile_pattern(vocab, [{"LOWER": {"IN": ["delta", "gamma", "beta", "alpha"]}}])  # the same set
    assert free_flags(vocab) == before - 1


def test_when_no_flag_is_free_the_predicate_stays_and_matches_the_same() -> None:
    nlp = spacy.blank("en")
    for k in range(LAST_FLAG - FIRST_FREE_FLAG + 1):
        compile_pattern(nlp.vocab, [{"LOWER": {"IN": [f"filler{k}", "x1", "x2", "x3"]}}])
    assert free_flags(nlp.vocab) == 0
    pattern = [{"LOWER": {"IN": ["harbour", "ports", "pilots", "board"]}}]
    assert compile_pattern(nlp.vocab, pattern) == [pattern]
    assert _found(nlp, _compiled(nlp), TEXT) == _found(nlp, _plain(nlp), TEXT)


def test_an_invalid_pattern_is_refused_as_the_matcher_would() -> None:
    with pytest.raises(MatchPatternError):
        compile_pattern(spacy.blank("en").vocab, [{"LOWER": {"IN": ["a"]}, "OP": "!!"}], "bad")


def test_flag_functions_survive_pickling() -> None:
    test = WordTest((("LOWER", "IN", ["oslo"]), ("LENGTH", "<=", 4), ("TEXT", "REGEX", "^O")))
    again = pickle.loads(pickle.dumps(test))
    assert [again(w) for w in ("Oslo", "oslo", "Osloo", "Lima")] == [True, False, False, False]
    assert again.key == test.key
