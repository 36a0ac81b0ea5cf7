"""Objective claims: goals from introduced lists and from clauses with goal markers.

* ``LIST_INTRO`` patterns find the words that introduce objectives ("objectives",
  "goals", "priorities" ...). A line containing one and ending with ":" introduces a
  list: each following list item is an objective.
* ``GOAL_MARKER`` patterns find "aims to", "seeks to", "with the objective of" ...; the
  goal is the clause after the marker, up to the end of the sentence or the next clause.
* ``NOT_GOAL`` patterns veto a marker ("has the potential to" is no goal).

The subject is the organization or initiative whose goal it is: the sentence's subject
for a clause, the organization named in the introducing line for a list, or, for "its",
"this platform" and the like, the nearest organization named before.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..annotations import Entity, Match, Sentences, add_claim
from ..annotations import entities as entities_of
from ..ingest.repair import BULLETS
from ..labels import OBJECTIVES
from .base import RuleComponent

LIST_ITEM = re.compile(
    r"^(?P<marker>[" + BULLETS + r"]\s+|\d{1,2}[.)]\s+|\(?[a-z]\)\s+|\(?[ivx]{1,5}[.)]\s+)(?P<body>.+)$"
)
INLINE_MARKER = re.compile(r"\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s*")
TRAILING = re.compile(r"[\s.;:,]+$|(?:[;,]\s*(?:and|or))\s*$")
REFERRING = frozenset({"the", "this", "that"})  # "the corridor aims to": the words before a referring noun


def clause_end(breaks: frozenset[str]) -> re.Pattern[str]:
    """Where a goal clause ends: a comma before a ``CLAUSE_BREAK`` word, a semicolon, a dash, a full stop."""
    words = "|".join(re.escape(w) for w in sorted(breaks, key=len, reverse=True)) or "(?!)"
    return re.compile(r"(?:,\s*(?:" + words + r")\b|;|\s[\u2013\u2014]\s|\.\s|\.$|:\s)")


def trim_goal(text: str) -> str:
    """The goal without trailing punctuation or a trailing "and"/"or"."""
    previous = None
    text = text.strip()
    while previous != text:
        previous = text
        text = TRAILING.sub("", text).strip()
        text = re.sub(r"\s+(?:and|or)$", "", text)
    return text


class EntityIndex:
    """The doc's organizations and initiatives (sorted by position), asked by position in log time.

    Every objective asks which names stand before it, in its sentence or its paragraph; asked
    of the whole list each time, that cost grew with the square of the article."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.starts = [e.start for e in entities]
        self.counts = Counter(e.name for e in entities)
        by_end = sorted(range(len(entities)), key=lambda k: entities[k].end)
        self._ends = [entities[k].end for k in by_end]
        self._most_named: list[Entity] = []  # of the entities ending by each point, the one named most
        best: tuple[Any, ...] | None = None
        for k in by_end:
            e = entities[k]
            key = (self.counts[e.name], e.kind == "organization", e.start, -k)
            if best is None or key > best[0]:
                best = (key, e)
            self._most_named.append(best[1])
        self._by_kind_noun: dict[tuple[str, str | None], tuple[list[int], list[Entity]]] = {}

    def inside(self, start: int, end: int) -> list[Entity]:
        """The entities within characters ``start:end``, in text order."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_right(self.starts, end)
        return [e for e in self.entities[lo:hi] if e.end <= end]

    def last_inside(self, start: int, end: int, kind: str) -> Entity | None:
        """The last entity of ``kind`` within ``start:end``."""
        lo = bisect.bisect_left(self.starts, start)
        for k in range(bisect.bisect_right(self.starts, end) - 1, lo - 1, -1):
            e = self.entities[k]
            if e.end <= end and e.kind == kind:
                return e
        return None

    def first_starting(self, start: int, end: int, kind: str) -> Entity | None:
        """The first entity of ``kind`` that starts within ``start:end``."""
        for k in range(bisect.bisect_left(self.starts, start), len(self.entities)):
            e = self.entities[k]
            if e.start >= end:
                break
            if e.kind == kind:
                return e
        return None

    def most_named_before(self, start: int) -> Entity | None:
        """Of the entities ending by ``start``, the one the article names most (an organization
        before an initiative, then the latest)."""
        k = bisect.bisect_right(self._ends, start)
        return self._most_named[k - 1] if k else None

    def latest_before(self, before: int, kind: str, noun: str | None) -> Entity | None:
        """The entity of ``kind`` (whose name holds ``noun``, when given) that ends last by
        ``before``; of those ending together, the longest."""
        key = (kind, noun)
        if key not in self._by_kind_noun:
            chosen = [e for e in self.entities if e.kind == kind and (noun is None or noun in e.name.lower())]
            ordered = sorted(chosen, key=lambda e: (e.end, -(e.end - e.start)))  # stable: text order in a tie
            self._by_kind_noun[key] = ([e.end for e in ordered], ordered)
        ends, ordered = self._by_kind_noun[key]
        k = bisect.bisect_right(ends, before)
        if k == 0:
            return None
        return ordered[bisect.bisect_left(ends, ends[k - 1])]


class ObjectiveComponent(RuleComponent):
    component = OBJECTIVES

    def build(self) -> None:
        super().build()
        self.clause_end = clause_end(self.lexicon.words("CLAUSE_BREAK"))
        self.relative_words = self.lexicon.words("RELATIVE_WORD")

    def noun_kind(self, noun: str) -> str | None:
        """What "the <noun>" refers back to: "organization", "initiative" or nothing.

        The organizations' own word lists decide (``INITIATIVE_NOUN``, ``ORG_NOUN``), with
        ``REFERENCE_NOUN`` for the nouns that only refer ("the bloc")."""
        kind = self.lexicon.get("REFERENCE_NOUN", noun)
        if kind is not None:
            return str(kind)
        if self.lexicon.has("INITIATIVE_NOUN", noun):
            return "initiative"
        if self.lexicon.has("ORG_NOUN", noun):
            return "organization"
        return None

    def is_founding_document(self, name: str) -> bool:
        """Does ``name`` name a document whose goals are its adopter's ("Charter of the SCO")?"""
        return any(w[:1].isupper() and self.lexicon.has("FOUNDING_DOCUMENT", w) for w in re.findall(r"\w+", name))

    def process(self, doc: Doc, matches: list[Match]) -> None:
        self._sentences = Sentences(doc)
        self._text = doc.text
        self._paragraph_breaks = [m.start() for m in re.finditer(r"(?=\n\n)", self._text)]
        self._scanned: set[int] = set()  # list lines already read for an intro
        named = entities_of(doc)
        self._index = EntityIndex(named)
        vetoes = sorted(m.start for m in matches if m.label == "NOT_GOAL")
        intros = [m for m in matches if m.label == "LIST_INTRO"]
        done_lines: set[int] = set()
        for intro in intros:
            self._list_items(doc, intro, named, done_lines)
        for marker in (m for m in matches if m.label == "GOAL_MARKER"):
            if self._vetoed(doc, marker, vetoes):
                continue
            self._clause(doc, marker, named)

    def _vetoed(self, doc: Doc, marker: Match, vetoes: list[int]) -> bool:
        """A NOT_GOAL match on the marker, or before it in its sentence, vetoes it
        ("has the potential to integrate ... a plan directed at ..."); ``vetoes`` are their starts, sorted."""
        sentence = self._sentences.of(marker.start)
        k = bisect.bisect_left(vetoes, sentence.start)
        return k < len(vetoes) and vetoes[k] < marker.end

    def _paragraph_start(self, position: int) -> int:
        """``text.rfind("\\n\\n", 0, position)``, from the breaks found once."""
        k = bisect.bisect_right(self._paragraph_breaks, position - 2)
        return self._paragraph_breaks[k - 1] if k else -1

    def _paragraph_end(self, position: int) -> int:
        """``text.find("\\n\\n", position)``, or the text's end."""
        k = bisect.bisect_left(self._paragraph_breaks, position)
        return self._paragraph_breaks[k] if k < len(self._paragraph_breaks) else len(self._text)

    # lists -------------------------------------------------------------------------
    def _inline_items(self, doc: Doc, intro: Match, entities: list[Entity], done: set[int]) -> bool:
        """ "The objectives are to: (i) improve X; (ii) strengthen Y; and (iii) mobilise Z." """
        sentence = self._sentences.of(intro.start)
        text = self._text
        colon = text.find(":", doc[intro.start].idx, sentence.end_char)
        if colon < 0:
            return False
        markers = list(INLINE_MARKER.finditer(text, colon + 1, sentence.end_char))
        if len(markers) < 2 or text[colon + 1 : markers[0].start()].strip():
            return False
        subject = self._subject_for_span(doc, sentence.start_char, colon, entities)
        for index, marker in enumerate(markers):
            stop = markers[index + 1].start() if index + 1 < len(markers) else sentence.end_char
            raw = text[marker.end() : stop]
            goal = trim_goal(raw)
            start = marker.end() + (len(raw) - len(raw.lstrip()))
            if goal and start not in done:
                done.add(start)
                add_claim(doc, "objective", start, start + len(goal.strip()), intro.rule, {"subject": subject})
        return True

    def _list_items(self, doc: Doc, intro: Match, entities: list[Entity], done: set[int]) -> None:
        if self._inline_items(doc, intro, entities, done):
            return
        text = self._text
        intro_char = doc[intro.start].idx
        line_start = text.rfind("\n", 0, intro_char) + 1
        line_end = text.find("\n", intro_char)
        if line_end < 0:
            return
        line = text[line_start:line_end].rstrip()
        if not line.endswith(":") and not self._is_heading_before_list(text, line, line_end):
            return
        position = line_end + 1
        while position < len(text) and text[position] == "\n":
            position += 1
        if position in self._scanned:
            return  # an intro inside a list already read: every item of its own was found then
        intro_sentence = self._sentences.of(intro.start)
        referred = self._referred(intro_sentence, intro_sentence.start_char, entities)
        subject = referred or self._subject_for_span(doc, line_start, line_end, entities)
        if subject is not None and self.is_founding_document(subject):
            subject = self._adopter(doc, intro_sentence, subject, entities) or subject
        items_found = 0
        while position < len(text):
            self._scanned.add(position)
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            match = LIST_ITEM.match(text[position:end])
            if match is None:
                break
            body_start = position + match.start("body")
            goal = trim_goal(match.group("body"))
            if goal and body_start not in done:
                done.add(body_start)
                add_claim(
                    doc, "objective", body_start, body_start + len(goal), intro.rule, {"subject": subject},
                    sentence=(position, end),
                )  # fmt: skip
                items_found += 1
            position = end + 1
            following = position
            while following < len(text) and text[following] == "\n":
                following += 1
            if following > position:  # a blank line: the list goes on only if another item follows
                next_end = text.find("\n", following)
                next_line = text[following : len(text) if next_end < 0 else next_end]
                if not LIST_ITEM.match(next_line):
                    break
                position = following

    @staticmethod
    def _is_heading_before_list(text: str, line: str, line_end: int) -> bool:
        """A short heading such as "Objectives of the Union" directly followed by a list."""
        if len(line) > 80 or line.endswith((".", "!", "?", ";", ",")) or LIST_ITEM.match(line):
            return False
        start = line_end
        while start < len(text) and text[start] == "\n":
            start += 1
        end = text.find("\n", start)
        return bool(LIST_ITEM.match(text[start : len(text) if end < 0 else end]))

    # clauses -----------------------------------------------------------------------
    def _clause(self, doc: Doc, marker: Match, entities: list[Entity]) -> None:
        sentence = self._sentences.of(marker.start)
        goal_start = doc[marker.end].idx if marker.end < len(doc) else None
        if goal_start is None or goal_start >= sentence.end_char:
            return
        rest = self._text[goal_start : sentence.end_char]
        end_match = self.clause_end.search(rest)
        goal = trim_goal(rest[: end_match.start()] if end_match else rest)
        if len(goal.split()) < 2:
            return
        subject = self._clause_subject(doc, marker, sentence, entities)
        add_claim(doc, "objective", goal_start, goal_start + len(goal), marker.rule, {"subject": subject})

    def _clause_subject(self, doc: Doc, marker: Match, sentence: Span, entities: list[Entity]) -> str | None:
        marker_char = doc[marker.start].idx
        before = _outermost(self._index.inside(sentence.start_char, marker_char))
        words_before = doc[sentence.start : marker.start]
        relative = any(t.lower_ in self.relative_words for t in words_before[-3:])
        if before:
            chosen = before[-1] if relative else before[0]
            return chosen.name
        referred = self._referred(words_before, sentence.start_char, entities)
        if referred is not None:
            return referred
        if len(words_before) and words_before[0].lower_ in ("its", "their"):
            previous = self._previous_subject(doc, sentence, entities)
            if previous is not None:
                return previous
        return self._nearest(doc, sentence.start_char, entities, sentence.end_char)

    def _previous_subject(self, doc: Doc, sentence: Span, entities: list[Entity]) -> str | None:
        """ "The GCF was established by ... the UNFCCC. Its mission is to ...": "its" continues the
        subject of the sentence before (the first name in it), not the last name mentioned."""
        paragraph_start = self._paragraph_start(sentence.start_char)
        if sentence.start == 0:
            return None
        previous = self._sentences.of(sentence.start - 1)
        while previous.start_char > paragraph_start:
            named = _outermost(self._index.inside(previous.start_char, previous.end_char))
            if named:
                return named[0].name
            if previous.start == 0:
                break
            previous = self._sentences.of(previous.start - 1)
        return None

    def _adopter(self, doc: Doc, sentence: Span, document: str, entities: list[Entity]) -> str | None:
        """Goals listed in a founding document belong to the organization that adopted it: the one
        its name contains ("Charter of the SCO"), the one the sentence calls "the association", or
        else the organization the article names most."""
        organizations = [e for e in entities if e.kind == "organization"]
        inside = [e.name for e in organizations if e.name.lower() in document.lower() and e.name != document]
        if inside:
            return inside[0]
        for i, token in enumerate(sentence[:-1]):
            noun = sentence[i + 1].lower_ if token.lower_ not in ("new", "old") else ""
            if token.lower_ in ("the", "this", "new") and self.noun_kind(noun) == "organization":
                named = [e for e in organizations if e.end <= sentence.start_char and noun in e.name.lower()]
                if named:
                    return named[-1].name
        if organizations:
            counts = Counter(e.name for e in organizations)
            return counts.most_common(1)[0][0]
        return None

    def _referred(self, words: Span, before: int, entities: list[Entity]) -> str | None:
        """ "The corridor aims to ...": the nearest earlier initiative (or organization) of that kind.

        Only a sentence's subject counts: "the X" opening the words (not "on the initiative of").
        """
        for i, token in enumerate(words[:2]):
            if token.lower_ not in REFERRING or i + 1 >= len(words):
                continue
            noun = words[i + 1].lower_
            kind = self.noun_kind(noun)
            if kind is None:
                continue
            # the latest mention (of the names holding the noun, if any); of overlapping names, the fullest
            chosen = self._index.latest_before(before, kind, noun) or self._index.latest_before(before, kind, None)
            if chosen is not None:
                return chosen.name
        return None

    # subjects ----------------------------------------------------------------------
    def _subject_for_span(self, doc: Doc, start: int, end: int, entities: list[Entity]) -> str | None:
        inside = self._index.inside(start, end)
        orgs = [e for e in inside if e.kind == "organization"] or inside
        if orgs:
            return orgs[0].name
        return self._nearest(doc, start, entities, end)

    def _nearest(self, doc: Doc, start: int, entities: list[Entity], end: int) -> str | None:
        """The nearest organization named before ``start`` in the same paragraph, else after
        ``end`` in it, else the organization or initiative the article names most."""
        earlier = self._index.last_inside(self._paragraph_start(start), start, "organization")
        if earlier is not None:
            return earlier.name
        later = self._index.first_starting(end, self._paragraph_end(end), "organization")
        if later is not None:
            return later.name
        most = self._index.most_named_before(start)  # the organization or initiative the article names most
        return None if most is None else most.name


def _outermost(entities: list[Entity]) -> list[Entity]:
    """Entities not inside another one: "CPEC Centre of Excellence", not its "CPEC".

    One sweep in order of (start, longest first): an entity is inside another when a
    different span seen before it reaches as far as it does."""
    order = sorted(range(len(entities)), key=lambda k: (entities[k].start, -entities[k].end))
    inner: set[int] = set()
    reach = -1  # the furthest end of the distinct spans seen so far
    group_reach = -1
    previous: tuple[int, int] | None = None
    for k in order:
        span = (entities[k].start, entities[k].end)
        if span != previous:
            reach, previous = max(reach, group_reach), span
            group_reach = span[1]
        if reach >= span[1]:
            inner.add(k)
    return [e for k, e in enumerate(entities) if k not in inner]


@Language.factory(
    OBJECTIVES,
    requires=["token.is_sent_start", "span._.pc_entity"],
    assigns=["doc.spans", "span._.pc_objective"],
    default_config={},
)
def make_objective_component(nlp: Language, name: str) -> ObjectiveComponent:
    return ObjectiveComponent(nlp, name)
