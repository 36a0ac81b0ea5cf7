"""What every policy-claims component shares, in the manner of spaCy's own ``SpanRuler``.

A component holds data lines (``patterns.PatternLine``): the lines whose label it reads,
and every word list (``terms`` lines), from which it builds its ``lexicon``. Lines come
in through ``initialize(patterns=...)`` (the built-in data when none are given) or
``add_patterns``; they go out and back in through ``to_bytes``/``from_bytes`` and
``to_disk``/``from_disk``, so a saved pipeline needs no pattern folders.

A ``RuleComponent`` also feeds its token patterns to a ``Matcher`` (compiled to be cheap
per token: ``matching.compile_pattern``) and its phrases to a
``PhraseMatcher``, puts every match on the doc (``doc.spans["pc_matches"]``) and hands
them to ``process``, which puts its claims on the doc (``annotations.add_claim``).

A component that raises on a doc records the failure on it (``doc._.pc_failure``) and
the later components leave that doc alone, so one bad article never ends a batch; the
record assembly turns the failure into a located problem.
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

import srsly
from spacy import util
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..annotations import Match, add_matches, failure, record_failure, register_extensions
from ..labels import LABELS, labels_of
from ..lexicon import fold
from ..matching import compile_pattern
from ..patterns import PatternLine, builtin_patterns, expand_lex, make_lexicon, parse_lines
from ..windowed import WindowedMatcher

PatternInput = Mapping[str, Any] | PatternLine
ErrorHandler = Callable[[str, Any, list[Doc], Exception], Any]


def record_failures(name: str, component: Any, docs: list[Doc], exc: Exception) -> None:
    """The default error handler: the failure goes on each doc, the batch goes on."""
    for doc in docs:
        record_failure(doc, name, exc)


def _write_jsonl(path: Path, lines: Iterable[Any]) -> None:
    """Pattern lines, one JSON object a line, numbers at full precision (unlike srsly's)."""
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")


class DataComponent:
    """A component driven by data lines; subclasses set ``component`` and implement ``annotate``."""

    component: ClassVar[str] = ""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self._error_handler: ErrorHandler = record_failures
        self._lines: list[PatternLine] = []
        self.lexicon = make_lexicon(())
        self._rebuild()

    @property
    def labels(self) -> frozenset[str]:
        return labels_of(self.component)

    # -- data -------------------------------------------------------------------------
    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        patterns: Iterable[PatternInput] | None = None,
    ) -> None:
        """Load data lines: ``patterns`` (dicts as in the JSONL files), or the built-in data."""
        self.clear()
        self.add_patterns(builtin_patterns().lines if patterns is None else patterns)

    def add_patterns(self, patterns: Iterable[PatternInput]) -> None:
        """Add lines (a line with an id already held replaces it). Lines of other components'
        labels are skipped, except word lists, which every component keeps."""
        kept = {line.id: line for line in self._lines}
        for line in parse_lines(patterns):
            if line.label in self.labels or line.kind == "terms":
                kept.pop(line.id, None)
                kept[line.id] = line
        self._lines = list(kept.values())
        self._rebuild()

    @property
    def patterns(self) -> list[dict[str, Any]]:
        """The lines, one dict each, as they would be written to a JSONL file."""
        return [line.as_dict() for line in self._lines]

    def lines(self, *labels: str) -> list[PatternLine]:
        return [line for line in self._lines if line.label in labels]

    def clear(self) -> None:
        self._lines = []
        self._rebuild()

    def _rebuild(self) -> None:
        self.lexicon = make_lexicon(self._lines)
        self.build()

    def build(self) -> None:
        """Rebuild whatever the component derives from its lines (matchers, tables)."""

    # -- processing -------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if failure(doc) is None:
            try:
                self.annotate(doc)
            except Exception as exc:
                self._error_handler(self.name, self, [doc], exc)
        return doc

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        """What to do when the component fails on a doc (``nlp.set_error_handler`` sets it on every
        component). By default the failure is recorded on the doc; ``spacy.util.raise_error`` raises."""
        self._error_handler = error_handler

    def get_error_handler(self) -> ErrorHandler:
        return self._error_handler

    def annotate(self, doc: Doc) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- serialization ----------------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        # json, not srsly's ujson: that writes floats with 10 digits ("two thirds" of PART_OF_WHOLE
        # would come back as 66.6666666667 in a pipeline read from bytes, as --jobs workers do)
        return util.to_bytes({"patterns": lambda: json.dumps(self.patterns).encode()}, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> DataComponent:
        self.clear()
        util.from_bytes(bytes_data, {"patterns": lambda b: self.add_patterns(srsly.json_loads(b))}, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        writers = {"patterns": lambda p: _write_jsonl(p.with_suffix(".jsonl"), self.patterns)}
        util.to_disk(util.ensure_path(path), writers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DataComponent:
        self.clear()
        readers = {"patterns": lambda p: self.add_patterns(srsly.read_jsonl(p.with_suffix(".jsonl")))}
        util.from_disk(util.ensure_path(path), readers, exclude)
        return self


class RuleComponent(DataComponent):
    """A data component that matches its pattern lines and word lists in the text."""

    def build(self) -> None:
        vocab = self.nlp.vocab
        self.matcher = WindowedMatcher(vocab)  # compile_pattern validates
        self.phrase_matcher = PhraseMatcher(vocab, attr="LOWER")
        self.exact_matcher = PhraseMatcher(vocab, attr="ORTH")
        self._matched: dict[str, PatternLine] = {}
        self._term_values: dict[str, dict[str, Any]] = {}
        for line in self._lines:
            if line.label in self.labels and LABELS[line.label].matched:
                self._add_to_matchers(line)

    def _add_to_matchers(self, line: PatternLine) -> None:
        self._matched[line.id] = line
        if isinstance(line.pattern, list):
            pattern = expand_lex(line.pattern, self.lexicon)
            compiled = compile_pattern(self.nlp.vocab, pattern, line.id)
            self.matcher.add(line.id, pattern, compiled, greedy="LONGEST")
            return
        terms = line.terms
        if not terms:
            return
        case_sensitive = LABELS[line.label].case_sensitive
        matcher = self.exact_matcher if case_sensitive else self.phrase_matcher
        matcher.add(line.id, [self.nlp.make_doc(text) for text, _ in terms])
        if line.kind == "terms":
            self._term_values[line.id] = {fold(t, case_sensitive=case_sensitive): v for t, v in terms}

    def find(self, doc: Doc, *labels: str) -> list[Match]:
        """Every match in ``doc`` (only of ``labels`` when given), sorted by position."""
        strings = self.nlp.vocab.strings
        found: list[Match] = []
        for matcher in (self.matcher, self.phrase_matcher, self.exact_matcher):
            if len(matcher) == 0:
                continue
            for match_id, start, end in matcher(doc):
                line = self._matched[strings[match_id]]
                if labels and line.label not in labels:
                    continue
                found.append(Match(line.label, line.id, start, end, self._match_value(line, doc, start, end)))
        found.sort(key=lambda m: (m.start, -m.end, m.rule))
        return found

    def _match_value(self, line: PatternLine, doc: Doc, start: int, end: int) -> Any:
        values = self._term_values.get(line.id)
        if values is None:
            return line.value
        text = doc[start:end].text
        return values.get(fold(text, case_sensitive=LABELS[line.label].case_sensitive), line.value)

    def annotate(self, doc: Doc) -> None:
        matches = self.find(doc)
        add_matches(doc, matches)
        self.process(doc, matches)

    def process(self, doc: Doc, matches: list[Match]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


def select_longest(candidates: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """Non-overlapping (start, end, payload) items, longest first, then leftmost.

    The items chosen so far are kept sorted by start (they never overlap, so their ends are
    sorted too): whether a candidate clashes is one bisection, and the whole choice costs
    n log n, however long or nested the candidates."""
    chosen: list[tuple[int, int, Any]] = []
    starts: list[int] = []  # of the chosen items that take tokens, sorted
    ends: list[int] = []
    for start, end, payload in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if start < end:
            k = bisect.bisect_left(starts, end)  # the chosen items that start before this one ends
            if k > 0 and ends[k - 1] > start:
                continue
            starts.insert(k, start)
            ends.insert(k, end)
        chosen.append((start, end, payload))
    chosen.sort(key=lambda c: c[0])
    return chosen


class Intervals:
    """Half-open (start, end) intervals, sorted once, asked in log time whether one of them
    overlaps or holds a given interval (a claim's characters against the dates', say)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(itertools.accumulate((end for _, end in ordered), max))  # furthest end so far

    def __len__(self) -> int:
        return len(self.starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Does an interval share characters with ``start:end`` (s < end and start < e)?"""
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start

    def holds(self, start: int, end: int) -> bool:
        """Does an interval hold ``start:end`` whole (s <= start and end <= e)?"""
        k = bisect.bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end
