"""What every policy-claims rule component shares: patterns in, matches out, disk I/O.

A component holds its pattern lines (spaCy ``{"id", "label", "pattern"}`` dicts), feeds
token patterns to a ``Matcher`` and phrase patterns to a ``PhraseMatcher``, and writes
what it finds to ``doc._.pc_found`` as ``Found`` records (and ``doc.spans``).
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..patterns import PatternLine

if not Doc.has_extension("pc_found"):
    Doc.set_extension("pc_found", default=None)
if not Doc.has_extension("pc_published"):
    Doc.set_extension("pc_published", default=None)

SPAN_KEY = "policy_claims"


@dataclass
class Found:
    """One claim found in a doc, before it becomes a record."""

    claim_type: str
    start: int  # character offsets in doc.text
    end: int
    rule: str
    fields: dict[str, Any] = field(default_factory=dict)
    sentence: tuple[int, int] | None = None  # character span of the evidence, if not the token's sentence


@dataclass(frozen=True)
class Match:
    label: str
    rule: str
    start: int  # token offsets
    end: int
    value: str | None = None


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins the tokens again on every access."""
    cached = doc.user_data.get("pc_text")
    if cached is None:
        cached = doc.user_data["pc_text"] = doc.text
    return str(cached)


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i``; ``Token.sent`` walks the whole doc on every call."""
    starts = doc.user_data.get("pc_sent_starts")
    if starts is None:
        starts = [t.i for t in doc if t.is_sent_start or t.i == 0]
        doc.user_data["pc_sent_starts"] = starts
    k = bisect.bisect_right(starts, i) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[k] : end]


def found_list(doc: Doc) -> list[Found]:
    if doc._.pc_found is None:
        doc._.pc_found = []
    found: list[Found] = doc._.pc_found
    return found


def add_found(doc: Doc, item: Found) -> None:
    found_list(doc).append(item)


def _refresh_spans(doc: Doc) -> None:
    spans = []
    for item in found_list(doc):
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        if span is not None:
            spans.append(Span(doc, span.start, span.end, label=item.claim_type, span_id=item.rule))
    doc.spans[SPAN_KEY] = spans


class RuleComponent:
    """Base class: subclasses set ``claim_type`` and implement ``process``."""

    claim_type = ""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.patterns: list[dict[str, Any]] = []
        self._values: dict[str, str | None] = {}
        self._labels: dict[str, str] = {}
        self._build()

    # -- patterns ---------------------------------------------------------------
    def _build(self) -> None:
        self.matcher = Matcher(self.nlp.vocab, validate=True)
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._labels.clear()
        self._values.clear()
        for line in self.patterns:
            self._add_to_matchers(line)

    def _add_to_matchers(self, line: dict[str, Any]) -> None:
        rule = line["id"]
        self._labels[rule] = line["label"]
        self._values[rule] = line.get("value")
        pattern = line["pattern"]
        if isinstance(pattern, str):
            self.phrase_matcher.add(rule, [self.nlp.make_doc(pattern)])
        else:
            self.matcher.add(rule, [pattern], greedy="LONGEST")

    def add_patterns(self, lines: Iterable[PatternLine | dict[str, Any]]) -> None:
        for line in lines:
            data = line.as_dict() if isinstance(line, PatternLine) else dict(line)
            self.patterns.append(data)
            self._add_to_matchers(data)

    def clear(self) -> None:
        self.patterns = []
        self._build()

    def find(self, doc: Doc, labels: Sequence[str] | None = None) -> list[Match]:
        """All matches in ``doc`` (optionally only these labels), sorted by position."""
        strings = self.nlp.vocab.strings
        out: list[Match] = []
        for match_id, start, end in [*self.matcher(doc), *self.phrase_matcher(doc)]:
            rule = strings[match_id]
            label = self._labels[rule]
            if labels is None or label in labels:
                out.append(Match(label, rule, start, end, self._values.get(rule)))
        out.sort(key=lambda m: (m.start, -m.end, m.rule))
        return out

    # -- processing -------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        found_list(doc)
        self.process(doc)
        _refresh_spans(doc)
        return doc

    def process(self, doc: Doc) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- serialization ----------------------------------------------------------
    def _extra_to_disk(self) -> dict[str, Callable[[Path], None]]:
        return {}

    def _extra_from_disk(self) -> dict[str, Callable[[Path], None]]:
        return {}

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = ensure_path(path)
        folder.mkdir(parents=True, exist_ok=True)
        lines = "".join(json.dumps(p, ensure_ascii=False, sort_keys=True) + "\n" for p in self.patterns)
        (folder / "patterns.jsonl").write_text(lines, encoding="utf-8")
        for name, writer in self._extra_to_disk().items():
            writer(folder / name)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RuleComponent:
        folder = ensure_path(path)
        self.clear()
        text = (folder / "patterns.jsonl").read_text(encoding="utf-8")
        self.add_patterns(json.loads(line) for line in text.splitlines() if line.strip())
        for name, reader in self._extra_from_disk().items():
            if (folder / name).exists():
                reader(folder / name)
        return self


def select_longest(candidates: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """Non-overlapping (start, end, payload) items, longest first, then leftmost."""
    chosen: list[tuple[int, int, Any]] = []
    taken: set[int] = set()
    for start, end, payload in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if any(i in taken for i in range(start, end)):
            continue
        chosen.append((start, end, payload))
        taken.update(range(start, end))
    chosen.sort(key=lambda c: c[0])
    return chosen


def occupied_chars(doc: Doc, claim_type: str) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in found_list(doc) if f.claim_type == claim_type]


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)
