"""Token patterns compiled so that matching costs little per token.

spaCy's ``Matcher`` checks a plain attribute equality (``{"LOWER": "aid"}``) in C, but each
``IN``, ``NOT_IN``, ``REGEX`` or comparison is a Python call. The first positions of every
pattern are tried at every token, so those calls are most of a rule pipeline's time.
A word's text, lower case, shape and length belong to the word type (spaCy's lexeme), so
such a test can be worked out once per word type and kept as a lexeme flag, which the
``Matcher`` reads in C: ``{"LOWER": {"IN": [...]}}`` becomes ``{<flag>: True}``.

A vocab has room for 45 flags of our own (spaCy's 64 less its built-in ones). They go to
the positions tried at every token (a pattern's first position, and the ones after it while
those are optional); a test that finds no flag free, and every test further in, keeps its
predicate, with the same result. A set of three words or fewer at a first position becomes
equality alternatives instead, which cost less than a flag they would use up. The same
compilation serves built-in and user patterns alike.
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

import numpy
from spacy.attrs import SHAPE
from spacy.errors import MatchPatternError
from spacy.lang.lex_attrs import word_shape
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc
from spacy.vocab import Vocab

FIRST_FREE_FLAG = 19  # spaCy's own flags end at 18 (IS_CURRENCY); 13 is its deprecated IS_OOV
LAST_FLAG = 63
MAX_ALTERNATIVES = 3  # words of an IN set spelled out as alternatives rather than flagged
MAX_PATTERNS = 16  # alternatives one pattern may be spelled out into

_LEXEME_ATTRS = ("ORTH", "TEXT", "LOWER", "SHAPE", "LENGTH")
_SET_OPS = ("IN", "NOT_IN")
COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}  # fmt: skip  (the Matcher's comparison operators; the windowed matcher reads them too)
_OPS = (*_SET_OPS, "REGEX", *COMPARISONS)


def _same(string: str) -> str:
    return string


class WordTest:
    """The lexeme-level tests of one token position, as one function of the word's text.

    ``tests`` holds ``(attribute, operator, argument)`` triples, all of which must hold.
    It runs once for every new word type and every flag, so the tests are prepared once:
    each as (function giving the attribute, operator, prepared argument). Picklable (the
    prepared form is rebuilt), so a vocab that carries it goes to worker processes."""

    def __init__(self, tests: tuple[tuple[str, str, Any], ...], shape: Callable[[str], str] = word_shape) -> None:
        self.tests = tests
        self.shape = shape
        self._checks = [(self._getter(attr), op, self._prepared(op, argument)) for attr, op, argument in tests]

    def __reduce__(self) -> tuple[Any, ...]:
        return (WordTest, (self.tests, self.shape))

    @property
    def key(self) -> str:
        return json.dumps([[a, op, sorted(v) if op in _SET_OPS else v] for a, op, v in self.tests])

    def _getter(self, attr: str) -> Callable[[str], Any]:
        getters: dict[str, Callable[[str], Any]] = {"LOWER": str.lower, "LENGTH": len, "SHAPE": self.shape}
        return getters.get(attr, _same)

    @staticmethod
    def _prepared(op: str, argument: Any) -> Any:
        if op in _SET_OPS:
            return frozenset(argument)
        return re.compile(argument) if op == "REGEX" else argument

    def __call__(self, string: str) -> bool:
        if len(self._checks) == 1 and self._checks[0][1] == "IN":  # the usual word list: one look-up
            value_of, _, words = self._checks[0]
            return value_of(string) in words
        for value_of, op, argument in self._checks:
            value = value_of(string)
            if op == "IN":
                held = value in argument
            elif op == "NOT_IN":
                held = value not in argument
            elif op == "REGEX":
                held = argument.search(value) is not None
            else:
                held = COMPARISONS[op](value, argument)
            if not held:
                return False
        return True


def _word_tests(token: Mapping[str, Any]) -> tuple[tuple[str, str, Any], ...]:
    """The tests of ``token`` a lexeme flag can stand for (none if any test of it cannot)."""
    tests: list[tuple[str, str, Any]] = []
    for attr, value in token.items():
        if not isinstance(value, dict) or not isinstance(attr, str):
            continue
        name = attr.upper()
        if name not in _LEXEME_ATTRS or not all(op in _OPS for op in value):
            return ()
        for op, argument in value.items():
            if op in _SET_OPS and not all(isinstance(v, str) for v in argument):
                return ()
            if name == "LENGTH" and op not in COMPARISONS and op not in _SET_OPS:
                return ()
            tests.append((name, op, argument))
    return tuple(tests)


def _attr_getters(vocab: Vocab) -> dict[int, Callable[[str], Any]]:
    """The vocab's functions of a word's text, by attribute id (flags among them)."""
    getters: dict[int, Callable[[str], Any]] = getattr(vocab, "lex_attr_getters")  # noqa: B009 - not in spaCy's stubs
    return getters


def flag_for(vocab: Vocab, tests: tuple[tuple[str, str, Any], ...]) -> int | None:
    """The lexeme flag that holds ``tests`` in ``vocab``: one already set for the same tests,
    else a free one, set now on every word type (``None`` when none is free)."""
    getters = _attr_getters(vocab)
    test = WordTest(tests, shape=getters.get(SHAPE, word_shape))
    for flag, getter in getters.items():
        if isinstance(getter, WordTest) and getter.key == test.key:
            return int(flag)
    for flag in range(FIRST_FREE_FLAG, LAST_FLAG + 1):
        if flag not in getters:
            vocab.add_flag(test, flag_id=flag)
            return flag
    return None


def free_flags(vocab: Vocab) -> int:
    """How many lexeme flags are still free in ``vocab``."""
    getters = _attr_getters(vocab)
    return sum(1 for flag in range(FIRST_FREE_FLAG, LAST_FLAG + 1) if flag not in getters)


def _small_set(token: Mapping[str, Any]) -> tuple[str, list[str]] | None:
    """The attribute and words of a token that is one short ``IN`` list of words and nothing else
    tested by predicate, to be spelled out as alternatives."""
    tested = [(attr, value) for attr, value in token.items() if isinstance(value, dict)]
    if len(tested) != 1:
        return None
    attr, value = tested[0]
    if attr.upper() not in ("ORTH", "TEXT", "LOWER") or set(value) != {"IN"}:
        return None
    words = value["IN"]
    if not 0 < len(words) <= MAX_ALTERNATIVES or not all(isinstance(w, str) for w in words):
        return None
    return attr, sorted(set(words))


def tried_everywhere(pattern: Sequence[Mapping[str, Any]]) -> int:
    """How many leading positions of ``pattern`` are tried at every token: the first, and each
    one after an optional position (``?`` or ``*``)."""
    count = 0
    for token in pattern:
        count += 1
        if token.get("OP") not in ("?", "*"):
            break
    return count


def compile_pattern(vocab: Vocab, pattern: Sequence[Mapping[str, Any]], key: str = "") -> list[list[dict[Any, Any]]]:
    """``pattern`` as one or more equivalent patterns cheap per token (see the module doc).

    The pattern is validated as the ``Matcher`` would (``MatchPatternError``), since the
    compiled patterns, with their flag ids, go to a ``Matcher`` that does not validate."""
    errors = validate_token_pattern([dict(token) for token in pattern])
    if errors:
        raise MatchPatternError(key, {0: errors})
    leading = tried_everywhere(pattern)
    variants: list[list[dict[Any, Any]]] = [[]]
    for index, token in enumerate(pattern):
        choices: list[dict[Any, Any]] = [dict(token)]
        if index < leading:
            small = _small_set(token)
            tests = _word_tests(token)
            if small is not None and len(variants) * len(small[1]) <= MAX_PATTERNS:
                attr, words = small
                rest = {k: v for k, v in token.items() if k != attr}
                choices = [{attr: word, **rest} for word in words]
            elif tests:
                flag = flag_for(vocab, tests)
                if flag is not None:
                    tested = {attr for attr, value in token.items() if isinstance(value, dict)}
                    choices = [{flag: True, **{k: v for k, v in token.items() if k not in tested}}]
        variants = [[*variant, choice] for variant in variants for choice in choices]
    return variants


def token_positions(doc: Doc, attr: int, words: Collection[str]) -> list[int]:
    """Indices of the tokens of ``doc`` whose ``attr`` (``LOWER``, ``ORTH``, ...) is one of
    ``words``, read from the doc as one array rather than token by token."""
    if not len(doc) or not words:
        return []
    strings = doc.vocab.strings
    wanted = numpy.fromiter((strings.add(word) for word in words), dtype="uint64", count=len(words))
    column = doc.to_array(attr)
    return [int(i) for i in numpy.flatnonzero(numpy.isin(column, wanted))]
