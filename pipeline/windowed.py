"""A token ``Matcher`` run only on the stretches of a doc where its patterns can match.

spaCy's ``Matcher`` starts every pattern at every token and makes a Python ``Token`` for
each token it reads, so its cost grows with the doc, whatever the patterns look for. But a
match of ``[{"LOWER": "the"}, {"LOWER": "weekend"}]`` holds a token that is "weekend"; a
pattern can only match around tokens that pass one of its position's tests, and most of
those tests (a word list, a shape, ``LIKE_NUM``) are properties of the word type, known
once per type. So for each doc, ``WindowedMatcher``:

1. reads every token's word type as one array and looks up, once per word type (cached),
   which of its patterns' word-type tests the type passes;
2. resolves a pattern of one position whose test is all word-type (a word list, a regex
   on the text) directly from that table, with no ``Matcher`` at all;
3. for every other pattern picks its *anchor*, the position of one token whose test the
   fewest tokens of this doc pass; a match holds an anchor token and reaches at most as
   many tokens before and after it as the positions around the anchor can take (up to
   the end of the run of tokens that pass the pattern's tests, where a position repeats);
4. runs the ``Matcher`` on those windows, merged, and shifts the matches back.

This is exact: every match lies whole inside one window, and a window holds only true
matches, so the matches (and the ``LONGEST`` choice among them, made per window) are the
ones the ``Matcher`` finds on the whole doc. A test that is not a property of the word
type (``IS_SENT_START``, an extension attribute) is taken as passed, which only widens a
window. A pattern with no anchor (every position optional or untestable) runs on the
whole doc.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .matching import COMPARISONS

UNBOUNDED = -1  # a number of tokens with no upper bound (a position with "*" or "+")
MERGE_GAP = 2  # windows this many tokens apart or closer run as one (a call costs ~ 2 tokens)

_STRING_ATTRS = {
    "ORTH": "orth_",
    "TEXT": "orth_",
    "LOWER": "lower_",
    "SHAPE": "shape_",
    "PREFIX": "prefix_",
    "SUFFIX": "suffix_",
}
_FLAG_ATTRS = frozenset(
    [
        "IS_ALPHA",
        "IS_ASCII",
        "IS_DIGIT",
        "IS_LOWER",
        "IS_UPPER",
        "IS_TITLE",
        "IS_PUNCT",
        "IS_SPACE",
        "IS_STOP",
        "IS_BRACKET",
        "IS_QUOTE",
        "IS_LEFT_PUNCT",
        "IS_RIGHT_PUNCT",
        "IS_CURRENCY",
        "LIKE_NUM",
        "LIKE_URL",
        "LIKE_EMAIL",
    ]
)
MAX_TYPES = 200_000  # word types whose tests are kept; past it the table starts again (memory stays flat)

Check = tuple[str, str, Any]  # (attribute, operator, argument), one word-type test


def word_type_checks(spec: Mapping[Any, Any]) -> tuple[Check, ...] | None:
    """The tests of a pattern position that are properties of the word type, as data
    (``None`` when it has none, i.e. any token may pass as far as the word type tells).
    A test this cannot read is left out, which can only let more word types pass."""
    return read_spec(spec)[0] or None


def read_spec(spec: Mapping[Any, Any]) -> tuple[tuple[Check, ...], bool]:
    """The word-type tests of a pattern position, and whether they are all its tests (so
    that passing them is passing the position, as the ``Matcher`` would tell)."""
    checks: list[Check] = []
    whole = True
    for key, value in spec.items():
        if key == "OP":
            continue
        attr = key.upper() if isinstance(key, str) else ""
        if attr in _FLAG_ATTRS and isinstance(value, bool):
            checks.append((attr, "==", value))
        elif (attr in _STRING_ATTRS or attr == "LENGTH") and isinstance(value, dict):
            readable = [(op, arg) for op, arg in value.items() if _readable(attr, op, arg)]
            checks.extend((attr, op, _argument(op, arg)) for op, arg in readable)
            whole = whole and len(readable) == len(value)
        elif (attr in _STRING_ATTRS or attr == "LENGTH") and _of_kind(attr, value):
            checks.append((attr, "==", value))
        else:
            whole = False
    return tuple(checks), whole


def _readable(attr: str, op: str, argument: Any) -> bool:
    if op in ("IN", "NOT_IN"):
        return isinstance(argument, (list, tuple)) and all(_of_kind(attr, v) for v in argument)
    if op == "REGEX":
        return isinstance(argument, str) and attr != "LENGTH"
    return op in COMPARISONS and attr == "LENGTH" and _of_kind(attr, argument)


def _of_kind(attr: str, value: Any) -> bool:
    """Is ``value`` of the kind ``attr`` holds (a number for ``LENGTH``, else a string)?"""
    if attr == "LENGTH":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, str)


def _argument(op: str, argument: Any) -> Any:
    if op in ("IN", "NOT_IN"):
        return frozenset(argument)
    return re.compile(argument) if op == "REGEX" else argument


def column(checks: tuple[Check, ...], values: Callable[[str], list[Any]]) -> list[bool]:
    """Which of a list of word types pass every one of ``checks``; ``values(attr)`` gives
    the attribute of each of them (worked out once for all the tests of a batch of types)."""
    passed: list[bool] | None = None
    for attr, op, argument in checks:
        held = _held(op, argument, values(attr))
        passed = held if passed is None else [a and b for a, b in zip(passed, held, strict=True)]
    return passed if passed is not None else []


def _held(op: str, argument: Any, values: list[Any]) -> list[bool]:
    if op == "IN":
        return [v in argument for v in values]
    if op == "NOT_IN":
        return [v not in argument for v in values]
    if op == "REGEX":
        return [argument.search(v) is not None for v in values]
    compare = COMPARISONS[op]
    return [compare(v, argument) for v in values]


def repeats(op: str | None) -> tuple[int, int]:
    """How few and how many tokens a position with ``op`` takes (``UNBOUNDED`` for no limit)."""
    if op in (None, "!", "1"):
        return 1, 1
    if op == "?":
        return 0, 1
    if op == "*":
        return 0, UNBOUNDED
    if op == "+":
        return 1, UNBOUNDED
    found = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)
    if found is None:
        return 0, UNBOUNDED
    low, comma, high = found.groups()
    least = int(low or 0)
    if not comma:
        return least, least
    return least, int(high) if high else UNBOUNDED


@dataclass(frozen=True)
class Anchor:
    """One position a pattern may be anchored at: its test (an index into the matcher's
    tests) and how many tokens the positions before and after it can take."""

    test: int
    before: int  # UNBOUNDED: up to the start of the run of tokens passing ``run``
    after: int  # UNBOUNDED: up to the end of that run


@dataclass(frozen=True)
class Plan:
    """Where one pattern can match: its possible anchors, and the test a token of any of
    its positions passes (``None``: any token may)."""

    anchors: tuple[Anchor, ...]
    run: int | None


class WindowedMatcher:
    """A ``Matcher`` for token patterns, run on the windows where they can match (module
    doc). ``add`` takes each pattern as written (to plan its windows) with the equivalent
    patterns the ``Matcher`` runs (``matching.compile_pattern``)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.windowed = Matcher(vocab, validate=False)
        self.whole = Matcher(vocab, validate=False)
        self.tests: list[tuple[Check, ...]] = []
        self._test_ids: dict[tuple[Check, ...], int] = {}
        self.singles: list[tuple[int, int]] = []  # (match id, test) of one-position patterns
        self.plans: list[Plan] = []
        self._rows: dict[int, int] = {}  # word type -> its row in the table
        self._table_rows = numpy.zeros((0, 0), dtype=bool)  # row: which tests a word type passes
        self._keys = 0

    def __len__(self) -> int:
        return self._keys

    def add(
        self,
        key: str,
        pattern: Sequence[Mapping[Any, Any]],
        compiled: list[list[dict[Any, Any]]],
        *,
        greedy: str | None = None,
    ) -> None:
        self._keys += 1
        match_id = self.vocab.strings.add(key)
        checks = [word_type_checks(spec) for spec in pattern]
        if (
            len(pattern) == 1
            and pattern[0].get("OP") in (None, "1")
            and checks[0] is not None
            and read_spec(pattern[0])[1]
        ):
            self.singles.append((match_id, self._test(checks[0])))
            return
        plan = self._plan(pattern, checks)
        if plan is None:
            self.whole.add(key, compiled, greedy=greedy)
            return
        self.plans.append(plan)
        self.windowed.add(key, compiled, greedy=greedy)

    def _test(self, checks: tuple[Check, ...]) -> int:
        if checks not in self._test_ids:
            self._test_ids[checks] = len(self.tests)
            self.tests.append(checks)
        return self._test_ids[checks]

    def _plan(self, pattern: Sequence[Mapping[Any, Any]], checks: list[tuple[Check, ...] | None]) -> Plan | None:
        spans = [repeats(spec.get("OP")) for spec in pattern]
        anchors = []
        for k, spec in enumerate(pattern):
            found = checks[k]
            if spec.get("OP") not in (None, "1") or found is None:
                continue
            before = _most(spans[:k])
            after = _most(spans[k + 1 :])
            anchors.append(Anchor(self._test(found), before, after))
        if not anchors:
            return None
        run = None
        unbounded = any(a.before == UNBOUNDED or a.after == UNBOUNDED for a in anchors)
        negated = any(spec.get("OP") == "!" for spec in pattern)  # such a token passes no test
        if unbounded and not negated and all(c is not None for c in checks):
            parts = tuple(self._test(c) for c in checks if c is not None)
            run = self._test((("ANY", "", parts),))
        return Plan(tuple(anchors), run)

    # -- matching ---------------------------------------------------------------------
    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not len(doc) or not self._keys:
            return []
        passed = self._table(doc)
        found: list[tuple[int, int, int]] = []
        for match_id, test in self.singles:
            found.extend((match_id, int(i), int(i) + 1) for i in numpy.flatnonzero(passed[:, test]))
        if self.plans:
            for start, end in self._windows(passed, len(doc)):
                found.extend((m, start + s, start + e) for m, s, e in self.windowed(doc[start:end]))
        if len(self.whole):
            found.extend(self.whole(doc))
        return found

    def _forget(self) -> None:
        self._rows = {}
        self._table_rows = numpy.zeros((0, len(self.tests)), dtype=bool)

    def _table(self, doc: Doc) -> numpy.ndarray:
        """Which test each token of ``doc`` passes, a (tokens x tests) boolean array."""
        types, inverse = word_types(doc)
        rows = self._rows
        index = [rows.get(orth, -1) for orth in types]
        if -1 in index:
            new = [orth for orth, at in zip(types, index, strict=True) if at < 0]
            if len(rows) + len(new) > MAX_TYPES or self._table_rows.shape[1] != len(self.tests):  # or new tests
                self._forget()
                new = types
            self._learn(new)
            rows = self._rows
            index = [rows[orth] for orth in types]
        return self._table_rows[numpy.array(index, dtype=numpy.intp)[inverse]]

    def _learn(self, orths: list[int]) -> None:
        """Work out the tests of new word types, all of a test at a time."""
        lexemes = [self.vocab[orth] for orth in orths]
        values: dict[str, list[Any]] = {}

        def values_of(attr: str) -> list[Any]:
            if attr not in values:
                values[attr] = [_value(lexeme, attr) for lexeme in lexemes]
            return values[attr]

        columns: list[list[bool]] = []
        for checks in self.tests:
            if checks[0][0] == "ANY":  # a token of any position of a pattern: tests worked out before
                parts = [columns[i] for i in checks[0][2]]
                columns.append([any(held) for held in zip(*parts, strict=True)])
            else:
                columns.append(column(checks, values_of))
        block = numpy.array(columns, dtype=bool).T.reshape(len(orths), len(self.tests))
        first = len(self._rows)
        if first + len(orths) > len(self._table_rows):  # room for twice as many (amortized growth)
            grown = numpy.zeros((max(2 * (first + len(orths)), 1024), len(self.tests)), dtype=bool)
            grown[:first] = self._table_rows[:first]
            self._table_rows = grown
        self._table_rows[first : first + len(orths)] = block
        self._rows.update((orth, first + i) for i, orth in enumerate(orths))

    def _windows(self, passed: numpy.ndarray, length: int) -> list[tuple[int, int]]:
        """The merged windows where some planned pattern can match: around the tokens of
        each pattern's rarest anchor in this doc (none when a position's test finds no token)."""
        counts = passed.sum(axis=0).tolist()
        extents: dict[tuple[int, int, int, int | None], None] = {}
        for plan in self.plans:
            anchor = min(plan.anchors, key=lambda a: counts[a.test])
            if counts[anchor.test]:
                unbounded = anchor.before == UNBOUNDED or anchor.after == UNBOUNDED
                extents[(anchor.test, anchor.before, anchor.after, plan.run if unbounded else None)] = None
        if not extents:
            return []
        starts: list[numpy.ndarray] = []
        ends: list[numpy.ndarray] = []
        positions: dict[int, numpy.ndarray] = {}
        for test, before, after, run in extents:
            at = positions.get(test)
            if at is None:
                at = positions[test] = numpy.flatnonzero(passed[:, test])
            if before == UNBOUNDED or after == UNBOUNDED:
                run_starts, run_ends = _runs(passed[:, run] if run is not None else None, at, length)
            starts.append(run_starts if before == UNBOUNDED else numpy.maximum(at - before, 0))
            ends.append(run_ends if after == UNBOUNDED else numpy.minimum(at + 1 + after, length))
        return merged(numpy.concatenate(starts), numpy.concatenate(ends))


def _value(lexeme: Any, attr: str) -> Any:
    """The attribute ``attr`` of a word type (a spaCy ``Lexeme``)."""
    if attr in _FLAG_ATTRS:
        return getattr(lexeme, attr.lower())
    if attr == "LENGTH":
        return len(lexeme.orth_)
    return getattr(lexeme, _STRING_ATTRS[attr])


_TYPES: weakref.WeakKeyDictionary[Doc, tuple[int, list[int], numpy.ndarray]] = weakref.WeakKeyDictionary()


def word_types(doc: Doc) -> tuple[list[int], numpy.ndarray]:
    """The word types (orth ids) of ``doc`` and, for each token, the index of its type:
    worked out once per doc for every matcher that asks."""
    kept = _TYPES.get(doc)
    if kept is not None and kept[0] == len(doc):
        return kept[1], kept[2]
    types, inverse = numpy.unique(doc.to_array(ORTH), return_inverse=True)
    listed = types.tolist()
    _TYPES[doc] = (len(doc), listed, inverse)
    return listed, inverse


def _most(spans: Sequence[tuple[int, int]]) -> int:
    """How many tokens positions with these (fewest, most) counts can take in all."""
    total = 0
    for _, most in spans:
        if most == UNBOUNDED:
            return UNBOUNDED
        total += most
    return total


def _runs(inside: numpy.ndarray | None, at: numpy.ndarray, length: int) -> tuple[numpy.ndarray, numpy.ndarray]:
    """For each index in ``at``, the start and end of the run of tokens passing ``inside``
    that holds it (the whole doc when ``inside`` is ``None``)."""
    if inside is None:
        return numpy.zeros(len(at), dtype=numpy.int64), numpy.full(len(at), length, dtype=numpy.int64)
    outside = numpy.flatnonzero(~inside)
    after = numpy.searchsorted(outside, at, side="right")
    ends = (
        numpy.where(after < len(outside), outside[numpy.minimum(after, len(outside) - 1)], length)
        if len(outside)
        else numpy.full(len(at), length)
    )
    before = numpy.searchsorted(outside, at, side="left") - 1
    starts = (
        numpy.where(before >= 0, outside[numpy.maximum(before, 0)] + 1, 0) if len(outside) else numpy.zeros(len(at))
    )
    return starts.astype(numpy.int64), ends.astype(numpy.int64)


def merged(starts: numpy.ndarray, ends: numpy.ndarray, gap: int = MERGE_GAP) -> list[tuple[int, int]]:
    """The union of the intervals ``starts[i]:ends[i]``, joining those ``gap`` tokens apart or closer."""
    order = numpy.argsort(starts, kind="stable")
    starts, ends = starts[order], ends[order]
    reach = numpy.maximum.accumulate(ends)
    breaks = numpy.flatnonzero(starts[1:] > reach[:-1] + gap) + 1
    firsts = numpy.concatenate(([0], breaks))
    lasts = numpy.concatenate((breaks - 1, [len(starts) - 1]))
    return [(int(starts[f]), int(reach[e])) for f, e in zip(firsts, lasts, strict=True)]
