"""How the pipeline's results live on a spaCy ``Doc``, so that DocBin, ``Doc.to_bytes``,
``nlp.pipe(n_process=...)`` and displaCy keep them.

* Claims are spans in ``doc.spans["pc_claims"]``: the span's label is the claim type, its
  ``id`` the rule (pattern id) that produced it, and its normalized fields a JSON-safe
  dict in ``span._.pc_date`` / ``pc_count`` / ``pc_organization`` / ``pc_objective``
  (spaCy keeps span extension values in ``doc.user_data``, which is serialized).
* Every pattern match, claim or helper (qualifiers, units, head nouns, goal markers,
  vetoes), is a span in ``doc.spans["pc_matches"]``, labelled with the pattern's label
  and carrying its id.
* Text a component read as one of its claims and left out on purpose (a recurring date,
  a fiscal year) is a span in ``doc.spans["pc_left_out"]`` (label the claim type, id the
  rule): no claim, and later components do not read its numbers either.
* Organizations and initiatives as named in the text, for the objectives' subjects, are
  spans in ``doc.spans["pc_entities"]`` (label ``organization`` or ``initiative``, the
  name in ``span._.pc_entity``).
* ``doc._.pc_published`` is the publication date (ISO string) taken from the context;
  ``doc._.pc_warnings`` lists coded warnings, ``doc._.pc_failure`` says which component
  failed on the doc, if one did.
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

from .claim_types import CLAIM_TYPES
from .errors import Code

CLAIMS_KEY = "pc_claims"
MATCHES_KEY = "pc_matches"
ENTITIES_KEY = "pc_entities"
LEFT_OUT_KEY = "pc_left_out"
POSSESSIVE_MARKS = frozenset({"'s", "\u2019s"})  # the tokens spaCy splits a possessive into, straight or curly
ENTITY_EXTENSION = "pc_entity"


def register_extensions() -> None:
    """Declare our ``Doc._`` and ``Span._`` attributes (idempotent; components call it)."""
    for name in ("pc_published", "pc_warnings", "pc_failure", "pc_failure_code"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in (*(t.extension for t in CLAIM_TYPES.values()), ENTITY_EXTENSION):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()


@dataclass(frozen=True)
class Match:
    """A pattern match: its label, the id of its line, its token span and the line's value."""

    label: str
    rule: str
    start: int
    end: int
    value: Any = None


def _group(doc: Doc, key: str) -> Any:
    if key not in doc.spans:
        doc.spans[key] = []
    return doc.spans[key]


def json_safe(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return value


# -- claims ----------------------------------------------------------------------------
def add_claim(
    doc: Doc,
    claim_type: str,
    start: int,
    end: int,
    rule: str,
    fields: Mapping[str, Any],
    *,
    sentence: tuple[int, int] | None = None,
) -> Span | None:
    """Put a claim on the doc: characters ``start:end`` of its text, with its normalized fields.

    ``sentence`` is the character span of the evidence when it is not the sentence the
    claim's first token stands in (a list item, say). A second claim of the same type on
    the same tokens is not added (the first one wins): spaCy keeps a span's fields by
    its characters, so two such claims could not keep fields of their own.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    extension = CLAIM_TYPES[claim_type].extension
    if span._.get(extension) is not None:
        return None
    span = Span(doc, span.start, span.end, label=claim_type, span_id=rule)
    payload = json_safe(dict(fields))
    if (span.start_char, span.end_char) != (start, end):
        payload["chars"] = [start, end]  # the claim's exact characters, inside its tokens
    if sentence is not None:
        payload["sentence"] = list(sentence)
    span._.set(extension, payload)
    _group(doc, CLAIMS_KEY).append(span)
    return span


def claim_spans(doc: Doc, *claim_types: str) -> list[Span]:
    """The claim spans of the given types (all types when none are given)."""
    if CLAIMS_KEY not in doc.spans:
        return []
    return [s for s in doc.spans[CLAIMS_KEY] if not claim_types or s.label_ in claim_types]


def claim_fields(span: Span) -> dict[str, Any]:
    """A claim span's normalized fields (and ``chars``/``sentence`` when it has them)."""
    payload = span._.get(CLAIM_TYPES[span.label_].extension)
    return dict(payload or {})


def claim_chars(span: Span) -> tuple[int, int]:
    chars = claim_fields(span).get("chars")
    return (int(chars[0]), int(chars[1])) if chars else (span.start_char, span.end_char)


def occupied(doc: Doc, *claim_types: str) -> list[tuple[int, int]]:
    """Character spans taken by claims of these types, and by text left out as one of
    them (``leave_out``), sorted."""
    taken = [claim_chars(span) for span in claim_spans(doc, *claim_types)]
    if LEFT_OUT_KEY in doc.spans:
        taken.extend(
            (s.start_char, s.end_char) for s in doc.spans[LEFT_OUT_KEY] if not claim_types or s.label_ in claim_types
        )
    return sorted(taken)


def leave_out(doc: Doc, claim_type: str, start: int, end: int, rule: str) -> None:
    """Tokens ``start:end`` read as a ``claim_type`` and left out on purpose ("meets in
    November every year", "2024-25"): no claim, and no other claim inside them."""
    _group(doc, LEFT_OUT_KEY).append(Span(doc, start, end, label=claim_type, span_id=rule))


# -- matches ---------------------------------------------------------------------------
def add_matches(doc: Doc, matches: Iterable[Match]) -> None:
    group = _group(doc, MATCHES_KEY)
    for match in matches:
        group.append(Span(doc, match.start, match.end, label=match.label, span_id=match.rule))


def matches_of(doc: Doc, *labels: str) -> list[Span]:
    """Match spans with these labels (all when none are given), in text order."""
    if MATCHES_KEY not in doc.spans:
        return []
    spans = [s for s in doc.spans[MATCHES_KEY] if not labels or s.label_ in labels]
    return sorted(spans, key=lambda s: (s.start, -s.end, s.id_))


# -- entities (organizations and initiatives named in the text) -----------------------
@dataclass(frozen=True)
class Entity:
    start: int  # character offsets
    end: int
    name: str
    kind: str  # "organization" or "initiative"


def add_entity(doc: Doc, start: int, end: int, name: str, kind: str) -> None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return
    span = Span(doc, span.start, span.end, label=kind)
    span._.set(ENTITY_EXTENSION, {"name": name, "chars": [start, end]})
    _group(doc, ENTITIES_KEY).append(span)


def entities(doc: Doc) -> list[Entity]:
    """Organizations and initiatives named in the doc, in text order."""
    if ENTITIES_KEY not in doc.spans:
        return []
    found = []
    for span in doc.spans[ENTITIES_KEY]:
        payload = span._.get(ENTITY_EXTENSION) or {}
        start, end = payload.get("chars") or (span.start_char, span.end_char)
        found.append(Entity(int(start), int(end), str(payload.get("name", span.text)), span.label_))
    return sorted(found, key=lambda e: (e.start, e.end))


# -- context, warnings, failures -------------------------------------------------------
def published(doc: Doc) -> date | None:
    value = doc._.pc_published
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def warn(doc: Doc, code: Code, **fields: Any) -> None:
    """A coded warning about this doc (once per code)."""
    warnings = list(doc._.pc_warnings or [])
    if all(w["code"] != code.value for w in warnings):
        warnings.append({"code": code.value, **json_safe(fields)})
        doc._.pc_warnings = warnings


def warnings_of(doc: Doc) -> list[dict[str, Any]]:
    return list(doc._.pc_warnings or [])


def record_failure(doc: Doc, component: str, exc: BaseException) -> None:
    """Note on the doc that ``component`` failed on it; a run over the time budget gets its own code."""
    from .budget import BudgetExceeded
    from .errors import describe

    if isinstance(exc, BudgetExceeded):
        doc._.pc_failure, doc._.pc_failure_code = f"stopped in {component} after {exc.seconds:g} s", "E402"
    else:
        doc._.pc_failure, doc._.pc_failure_code = f"{component}: {describe(exc)}", "E401"


def failure(doc: Doc) -> str | None:
    value = doc._.pc_failure
    return None if value is None else str(value)


def failure_code(doc: Doc) -> str:
    """The code of the doc's failure: ``E402`` for a run over the time budget, else ``E401``."""
    return str(doc._.pc_failure_code or "E401")


# -- the doc's text --------------------------------------------------------------------
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc (spaCy joins every token again on each call).

    Kept beside the doc for as long as it lives (not in it, so nothing is serialized twice);
    a doc's text never changes after tokenization (merging tokens keeps it)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Keep ``text`` as ``doc``'s text (for ``doc_text``): the text the doc was made from."""
    _TEXTS[doc] = text


# -- sentences -------------------------------------------------------------------------
def sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence, sorted (token 0 always; read as one array, not per token)."""
    if not len(doc):
        return []
    flags = doc.to_array([SENT_START])
    starts = numpy.flatnonzero(flags == 1).tolist()
    return starts if starts and starts[0] == 0 else [0, *starts]


class Sentences:
    """Sentence lookup for one doc, built once (``Token.sent`` walks the whole doc on every call)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = sentence_starts(doc)

    def of(self, i: int) -> Span:
        """The sentence holding token ``i``."""
        k = bisect.bisect_right(self.starts, i) - 1
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.doc)
        return self.doc[self.starts[k] : end]
