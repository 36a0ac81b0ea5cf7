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

import re
from collections import Counter

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
        named = entities_of(doc)
        vetoes = [m for m in matches if m.label == "NOT_GOAL"]
        intros = [m for m in matches if m.label == "LIST_INTRO"]
        done_lines: set[int] = set()
        for intro in intros:
            self._list_items(doc, intro, named, done_lines)
        for marker in (m for m in matches if m.label == "GOAL_MARKER"):
            if self._vetoed(doc, marker, vetoes):
                continue
            self._clause(doc, marker, named)

    def _vetoed(self, doc: Doc, marker: Match, vetoes: list[Match]) -> bool:
        """A NOT_GOAL match on the marker, or before it in its sentence, vetoes it
        ("has the potential to integrate ... a plan directed at ...")."""
        sentence = self._sentences.of(marker.start)
        return any(sentence.start <= v.start < marker.end for v in vetoes)

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
        intro_sentence = self._sentences.of(intro.start)
        referred = self._referred(intro_sentence, intro_sentence.start_char, entities)
        subject = referred or self._subject_for_span(doc, line_start, line_end, entities)
        if subject is not None and self.is_founding_document(subject):
            subject = self._adopter(doc, intro_sentence, subject, entities) or subject
        position = line_end + 1
        while position < len(text) and text[position] == "\n":
            position += 1
        items_found = 0
        while position < len(text):
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
        following = text[line_end:].lstrip("\n")
        first = following.split("\n", 1)[0]
        return bool(LIST_ITEM.match(first))

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
        before = _outermost([e for e in entities if sentence.start_char <= e.start and e.end <= marker_char])
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
        text = self._text
        paragraph_start = text.rfind("\n\n", 0, sentence.start_char)
        if sentence.start == 0:
            return None
        previous = self._sentences.of(sentence.start - 1)
        while previous.start_char > paragraph_start:
            named = _outermost([e for e in entities if previous.start_char <= e.start and e.end <= previous.end_char])
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
            earlier = [e for e in entities if e.end <= before and e.kind == kind]
            named = [e for e in earlier if noun in e.name.lower()]
            chosen = named or earlier
            if chosen:
                last = max(e.end for e in chosen)  # the latest mention; of overlapping names, the fullest
                return max((e for e in chosen if e.end == last), key=lambda e: e.end - e.start).name
        return None

    # subjects ----------------------------------------------------------------------
    def _subject_for_span(self, doc: Doc, start: int, end: int, entities: list[Entity]) -> str | None:
        inside = [e for e in entities if start <= e.start and e.end <= end]
        orgs = [e for e in inside if e.kind == "organization"] or inside
        if orgs:
            return orgs[0].name
        return self._nearest(doc, start, entities, end)

    def _nearest(self, doc: Doc, start: int, entities: list[Entity], end: int) -> str | None:
        """The nearest organization named before ``start`` in the same paragraph, else after
        ``end`` in it, else the organization or initiative the article names most."""
        text = self._text
        paragraph_start = text.rfind("\n\n", 0, start)
        paragraph_end = text.find("\n\n", end)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        earlier = [e for e in entities if paragraph_start <= e.start and e.end <= start and e.kind == "organization"]
        if earlier:
            return earlier[-1].name
        later = [e for e in entities if end <= e.start < paragraph_end and e.kind == "organization"]
        if later:
            return later[0].name
        before = [e for e in entities if e.end <= start]
        if before:  # the organization or initiative the article names most
            counts = Counter(e.name for e in entities)
            return max(before, key=lambda e: (counts[e.name], e.kind == "organization", e.start)).name
        return None


def _outermost(entities: list[Entity]) -> list[Entity]:
    """Entities not inside another one: "CPEC Centre of Excellence", not its "CPEC"."""
    return [
        e
        for e in entities
        if not any(
            o is not e and o.start <= e.start and e.end <= o.end and (o.end - o.start) > (e.end - e.start)
            for o in entities
        )
    ]


@Language.factory(
    OBJECTIVES,
    requires=["token.is_sent_start", "span._.pc_entity"],
    assigns=["doc.spans", "span._.pc_objective"],
    default_config={},
)
def make_objective_component(nlp: Language, name: str) -> ObjectiveComponent:
    return ObjectiveComponent(nlp, name)
