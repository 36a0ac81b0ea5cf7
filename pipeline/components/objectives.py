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
import itertools
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..annotations import Entity, Match, Sentences, add_claim, doc_text
from ..annotations import entities as entities_of
from ..ingest.repair import BULLETS
from ..labels import OBJECTIVES
from .base import RuleComponent, select_longest

CLAUSE_OPENERS = frozenset(
    {"the", "but", "while", "so", "yet", "as", ",", ";", ":", "-", "\u2013", "\u2014", "\n", "\n\n"}
)  # before a clause's subject ("and" only after a comma: "Team Europe and Lakeland seek to" is a joint subject)
LIST_ITEM = re.compile(
    r"^(?P<marker>[" + BULLETS + r"]\s+|\d{1,2}[.)]\s+|\(?[a-z]\)\s+|\(?[ivx]{1,5}[.)]\s+)(?P<body>.+)$"
)
INLINE_MARKER = re.compile(r"\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s*")
TRAILING = re.compile(r"[\s.;:,]+$|(?:[;,]\s*(?:and|or))\s*$")
MAX_WORDS_TO_COLON = 8  # "The objectives of the Blue Economy Programme are as follows:"
MAX_LABEL_WORDS = 3  # words before the goal noun on a labelled line: "Project development objective:"
LIST_MARKER_CHARS = re.compile(r"^(?:[" + BULLETS + r"]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])$")
MAX_HEADING_WORDS = 12
PARAGRAPHS_BACK = 3  # how far back a heading without a name looks for the name it continues  # a line above a labelled line that names its project
NAME_WORD = re.compile(r"[\w'\u2019-]+")
NAME_ITEM_MARKER = re.compile(r"\s*\(?(?:[ivx]{1,4}|[a-h]|\d{1,2})[.)]\s*")  # "i.", "(b)", "2)" opening an item
BRACKETED = re.compile(r"\([^()\n]{0,40}\)")  # "(Phase 2)", "(III)"
MAIN_OPENING_WORDS = 4  # words read at the opening of a fronted goal's main clause
NAME_REACH = 120  # characters before a relative word searched for a name the entities missed


OPENING_QUOTES = {'"': '"', "\u201c": "\u201d", "'": "'", "\u2018": "\u2019", "\u00ab": "\u00bb"}
CLOSING_QUOTES = frozenset({'"', "\u201d", "\u2019", "\u00bb"})
SERIES_COMMA = re.compile(r",\s*(?:and|or)\b")  # ", and" closing a series
SERIES_LAST = re.compile(r";\s*(?:and|or)\s")  # "; and" opening a series' last item
DETERMINERS = r"the|a|an|this|that|these|those|its|their|his|her|our|some|many|most|all"
SECOND_INFINITIVE = re.compile(  # ", and to share ...": "to" and a verb, not "to" and a noun phrase ("to the surprise")
    r"\s+to\s+(?!(?:" + DETERMINERS + r"|date|be)\b)(?![a-z]+['\u2019])[a-z]{2,}\b(?P<phrase>[^,;.:]*)(?P<comma>,?)"
)
ASIDE_WORDS = 3  # words after the verb of a short infinitive of purpose: "to further that aim, the agency ..."
AFTER_ASIDE = re.compile(r"\s*(?:" + DETERMINERS + r")\b", re.IGNORECASE)  # ", the agency opened ..."
SERIES_ITEM = re.compile(r",[^,.;]*\s(?:and|or)\s[^,.;]*,")  # ", B and C," inside a fronted phrase


def clause_end(breaks: frozenset[str]) -> re.Pattern[str]:
    """Where a goal clause ends: a comma before a ``CLAUSE_BREAK`` word, a semicolon, a dash, a full stop."""
    words = "|".join(re.escape(w) for w in sorted(breaks, key=len, reverse=True)) or "(?!)"
    return re.compile(r"(?:,\s*(?:" + words + r")\b|;|\s[\u2013\u2014]\s|\.\s|\.$|:\s)")


def trim_goal(text: str) -> str:
    """The goal without trailing punctuation or a trailing "and"/"or", and without a closing
    quotation mark whose opening one stands before the goal ('... to help the poor."')."""
    previous = None
    text = text.strip()
    while previous != text:
        previous = text
        text = TRAILING.sub("", text).strip()
        text = re.sub(r"\s+(?:and|or)$", "", text)
        if text[-1:] in CLOSING_QUOTES and not any(
            opening in text[:-1] for opening, closing in OPENING_QUOTES.items() if closing == text[-1]
        ):
            text = text[:-1]
    return text


CLAUSE_WORD = re.compile(r"[^\W\d][\w'\u2019-]*")
CLAUSE_REACH = 4  # words after a series separator read for a clause's own subject and verb


def opens_clause(text: str, pronouns: frozenset[str], verbs: frozenset[str], relatives: frozenset[str]) -> bool:
    """Do the words after a series' ", and" or a semicolon open a clause with its own subject
    ("and it has raised ...", "and the bank will fund ...", "critics say ...") rather than the
    series' next item ("and safer harbour", "and publish flood maps")? A ``pronouns`` word first,
    or a ``verbs`` word second to fourth with no ``relatives`` word before it ("and clinics that
    will serve ..." is an item)."""
    words = [w.group().lower() for w in CLAUSE_WORD.finditer(re.split(r"[,;.:()]", text, maxsplit=1)[0])]
    if words[:1] in (["and"], ["or"]):
        words = words[1:]
    words = words[:CLAUSE_REACH]
    if words and words[0] in pronouns:
        return True
    for word in words[1:]:
        if word in relatives:
            return False
        if word in verbs:
            return True
    return False


def second_goal(
    rest: str, at: int, clause: Callable[[str], bool], pronouns: frozenset[str], verbs: frozenset[str]
) -> bool:
    """Do the words at ``rest[at:]``, after a goal's ", and", open the same marker's second goal:
    "to" and a verb ("to share its findings with farmers"), not "to" and a noun phrase ("to
    the surprise of many", "to everyone's relief") nor an infinitive of purpose or an aside
    before a clause of its own ("to achieve this, it will hire ...", "to help, the government
    gave ...", "to do so it has raised ...": a ``pronouns`` word and a ``verbs`` word inside
    it, or after its comma a ``clause``, or a determiner after a phrase of at most
    ``ASIDE_WORDS`` words)?"""
    found = SECOND_INFINITIVE.match(rest, at)
    if found is None:
        return False
    words = [w.group().lower() for w in CLAUSE_WORD.finditer(found.group("phrase"))]
    if any(word in pronouns and after in verbs for word, after in itertools.pairwise(words)):
        return False  # "to do so it has raised $2 billion"
    if found.group("comma"):
        after = rest[found.end() :]
        aside = len(words) <= ASIDE_WORDS and AFTER_ASIDE.match(after)  # "to help, the government gave ..."
        return not (clause(after) or aside)
    return True


def goal_end(
    rest: str,
    ends: re.Pattern[str],
    fronted: bool,
    clause: Callable[[str], bool] = lambda _: False,
    pronouns: frozenset[str] = frozenset(),
    verbs: frozenset[str] = frozenset(),
) -> int | None:
    """Where the goal clause at the start of ``rest`` ends (``ends`` is ``clause_end``'s pattern).

    A comma before "and"/"or" that closes a series begun by an earlier comma of the goal is
    the series' own ("to build a fairer, greener, and safer city"), and so are the semicolons
    of a series whose last item opens with "and"/"or" ("by A; B; and C"), unless the words after
    it open a clause of their own (``clause``: ", and it has raised ...", "; critics say ...").
    A comma before ", and to" and a verb goes on to the marker's second goal (``second_goal``,
    with the ``pronouns`` and ``verbs`` of a clause's subject and verb).
    A goal opening its sentence ("Seeking to end the drought, the council ...") ends at its
    first comma that closes no series."""
    if fronted:
        comma = rest.find(",")
        while comma >= 0 and SERIES_ITEM.match(rest, comma):
            comma = rest.find(",", comma + 1)  # "Seeking to help A, B and C, the council ..."
        found = ends.search(rest)
        if comma >= 0 and (found is None or comma < found.start()):
            return comma
        return found.start() if found else None
    for found in ends.finditer(rest):
        piece = found.group()
        if SERIES_COMMA.match(piece) and "," in rest[: found.start()] and not clause(rest[found.start() + 1 :]):
            continue
        if SERIES_COMMA.match(piece) and second_goal(rest, found.end(), clause, pronouns, verbs):
            continue  # "to promote research, and to share its findings": a second goal of the same marker
        if piece == ";" and SERIES_LAST.search(rest, found.start()) and not clause(rest[found.end() :]):
            continue
        return found.start()
    return None


LEADING_TO = re.compile(r"^(?:in\s+order\s+)?to\s+(?=\w)", re.IGNORECASE)
ENUMERATOR = re.compile(
    r"(?:(?<=^)|(?<=[\s;,:]))(?:\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)|(?:[ivx]{1,4}|[a-h]|\d{1,2})\))\s*"
)
TO_ITEM = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?=to\s)", re.IGNORECASE)
COMMA_ITEM = re.compile(r",\s*(?:and\s+|or\s+)?")
LAST_AND = re.compile(r"\s+(?:and|or)\s+(?!.*\s(?:and|or)\s)")
LIST_DASH = re.compile(r"\s[-\u2013\u2014]$")


def attribution_tail(verbs: frozenset[str]) -> re.Pattern[str]:
    """A closing attribution after a goal: ", the agency said.", ", said the minister", ", according to
    the plan"; it runs to the end of the sentence, with at most ten words before its verb."""
    words = "|".join(re.escape(w) for w in sorted(verbs, key=len, reverse=True)) or "(?!)"
    return re.compile(
        r",\s*(?:[^\s,;]+\s+){0,10}?(?:" + words + r")\b[^;]{0,80}$",
        re.IGNORECASE,
    )


def strip_leading_to(text: str) -> tuple[int, str]:
    """A list item without its leading "to" ("to expand trade" gives "expand trade") and without
    quotation marks around it: the number of characters cut before it and the rest."""
    closing = OPENING_QUOTES.get(text[:1])
    if closing is not None and closing in text[1:]:
        return 1, text[1 : text.index(closing, 1)]
    match = LEADING_TO.match(text)
    return (match.end(), text[match.end() :]) if match else (0, text)


def verb_series(verbs: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where the next goal of an inline series opens with a ``GOAL_VERB``: after a comma
    (", raise", ", and end"), and after the series' last "and" ("... and restore")."""
    words = "|".join(re.escape(w) for w in sorted(verbs, key=len, reverse=True)) or "(?!)"
    ahead = r"(?=(?:" + words + r")\b)"
    return re.compile(r",\s*(?:and\s+|or\s+)?" + ahead), re.compile(r"\s+(?:and|or)\s+" + ahead)


NOUN_AFTER_VERB_FORM = re.compile(r"\S+\s+(?:for|of|to|from|in|on)\b", re.IGNORECASE)  # "support for": a noun


def _verb_items(
    body: str, series: tuple[re.Pattern[str], re.Pattern[str]], relative: re.Pattern[str] | None = None
) -> list[re.Match[str]]:
    """The cuts of "to cut X, raise Y and end Z": before each goal verb after a comma, and
    before the last one after "and" when commas cut the series already; none without a comma.
    No cuts where the verbs share one object ("to develop, build and maintain the port": an
    item of the verb alone), where a relative clause's verbs run on ("to support families who
    grow maize, raise goats ..."), or where a verb's form is a noun ("support for farmers")."""
    after_comma, after_and = series
    cuts = [c for c in after_comma.finditer(body) if not NOUN_AFTER_VERB_FORM.match(body, c.end())]
    if not cuts:  # a series has commas: "to A and B" alone is one goal ("to cope with X and promote Y")
        return []
    last = after_and.search(body, cuts[-1].end())
    if last is not None and not after_and.search(body, last.end()) and not NOUN_AFTER_VERB_FORM.match(body, last.end()):
        cuts.append(last)
    items = _between(body, cuts)
    if any(len(body[a:b].split()) <= 1 + (i == 0) for i, (a, b) in enumerate(items[:-1])):
        return []  # "to develop, build and maintain": the first item is "to" and its verb alone
    if relative is not None and relative.search(body, 0, cuts[0].start()):
        return []
    return cuts


def split_inline_items(
    body: str,
    count: int | None,
    series: tuple[re.Pattern[str], re.Pattern[str]] | None = None,
    relative: re.Pattern[str] | None = None,
) -> list[tuple[int, int]]:
    """The items of a list run inline after its colon, as character spans of ``body``.

    Enumerated items ("(1) ..., (2) ...", "a) ...; b) ...") first, then items split by
    semicolons, then items that each open with "to" ("to A, to B and to C"), then items of
    an infinitive series that each open with a goal verb (``series``: "to cut A, raise B and
    end C"), then, when the intro gave their number ("three objectives:"), items split by
    commas and a last "and". Otherwise the body is one item."""
    enumerators = list(ENUMERATOR.finditer(body))
    if len(enumerators) >= 2 and not body[: enumerators[0].start()].strip():
        bounds = [m.end() for m in enumerators]
        stops = [m.start() for m in enumerators[1:]] + [len(body)]
        return list(zip(bounds, stops, strict=True))
    for separator in (re.compile(r";\s*(?:and\s+|or\s+)?"), TO_ITEM):
        if separator is TO_ITEM and not LEADING_TO.match(body.lstrip()):
            continue
        cuts = list(separator.finditer(body))
        if cuts:
            return _between(body, cuts)
    if series is not None and LEADING_TO.match(body.lstrip()):
        cuts = _verb_items(body, series, relative)
        if cuts:
            return _between(body, cuts)
    if count is not None and count >= 2:
        cuts = list(COMMA_ITEM.finditer(body))
        if len(cuts) == count - 2:
            last = LAST_AND.search(body, cuts[-1].end() if cuts else 0)
            if last is not None:
                cuts.append(last)
        if len(cuts) == count - 1:
            return _between(body, cuts)
        return []
    return [(0, len(body))]


def _between(body: str, cuts: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The spans of ``body`` between the separators ``cuts``."""
    starts = [0] + [c.end() for c in cuts]
    stops = [c.start() for c in cuts] + [len(body)]
    return list(zip(starts, stops, strict=True))


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
        self.attribution = attribution_tail(self.lexicon.words("REPORTING_VERB"))
        self.relative_words = self.lexicon.words("RELATIVE_WORD")
        self.back_references = self.lexicon.words("BACK_REFERENCE")
        self.goal_adjectives = self.lexicon.words("GOAL_ADJECTIVE")
        goal_verbs = self.lexicon.words("GOAL_VERB")
        self.series = verb_series(goal_verbs)
        self.relative_word = re.compile(
            r"\b(?:" + ("|".join(map(re.escape, sorted(self.lexicon.words("RELATIVE_WORD")))) or "(?!)") + r")\b",
            re.IGNORECASE,
        )
        self.person_possessives = self.lexicon.words("PERSON_POSSESSIVE")
        announcers = "|".join(
            r"\s+".join(map(re.escape, w.split()))
            for w in sorted(self.lexicon.words("LIST_ANNOUNCER"), key=len, reverse=True)
        )
        verb_alternatives = "|".join(map(re.escape, sorted(goal_verbs, key=len, reverse=True))) or "(?!)"
        self.goal_infinitive = re.compile(r"(?:in\s+order\s+)?to\s+(?:" + verb_alternatives + r")\b", re.IGNORECASE)
        self.announcer = re.compile(  # "notably to end ...": "particularly to rural voters" opens no goal
            r"\b(?:" + (announcers or "(?!)") + r")\b,?\s+(?=(?:in\s+order\s+)?to\s+(?:" + verb_alternatives + r")\b)",
            re.IGNORECASE,
        )
        self.description_stops = self.lexicon.words("DESCRIPTION_STOP")
        self.verb_particles = self.lexicon.words("VERB_PARTICLE")
        self.referring_words = self.lexicon.words("REFERRING_WORD")
        self.not_infinitives = self.lexicon.words("NOT_INFINITIVE")
        self.fronted_words = self.lexicon.words("FRONTED_MARKER_WORD")
        self.person_roles = self.lexicon.words("PERSON_ROLE")
        self.marker_adverbs = self.lexicon.words("MARKER_ADVERB")
        pronouns, verbs = self.lexicon.words("SUBJECT_PRONOUN"), self.lexicon.words("CLAUSE_VERB")
        self.clause_verbs, self.reporting_verbs = verbs, self.lexicon.words("REPORTING_VERB")
        self.subject_pronouns = pronouns
        self.opens_clause: Callable[[str], bool] = lambda text: opens_clause(text, pronouns, verbs, self.relative_words)
        connectors = "|".join(re.escape(w) for w in sorted(self.lexicon.words("DESCRIPTION_CONNECTOR"))) or "(?!)"
        self.description_tail = r"\s+(?:" + connectors + r")\s+[^.,;:!?\n()]{3,80}"
        self._description_patterns: dict[str, re.Pattern[str]] = {}

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
        self._text = doc_text(doc)
        self._paragraph_breaks = [m.start() for m in re.finditer(r"(?=\n\n)", self._text)]
        self._scanned: set[int] = set()  # list lines already read for an intro
        self._listed: list[tuple[int, int]] = []  # the character spans of inline lists read
        self._descriptions: dict[str, re.Match[str] | None] = {}  # each noun's first description in the doc
        named = entities_of(doc)
        self._index = EntityIndex(named)
        vetoes = sorted(m.start for m in matches if m.label == "NOT_GOAL")
        intros = [m for m in matches if m.label == "LIST_INTRO"]
        goal_nouns = {m.start for m in intros}
        done_lines: set[int] = set()
        for intro in intros:
            if not self._refers_back(doc, intro.start):
                self._list_items(doc, intro, named, done_lines)
        markers = [m for m in matches if m.label == "GOAL_MARKER"]
        for _, _, marker in select_longest([(m.start, m.end, m) for m in markers]):
            goal_token = min(marker.end - (marker.value or 0), len(doc) - 1)
            if (
                self._in_list(doc[goal_token].idx)
                or self._vetoed(doc, marker, vetoes)
                or not self._opens_a_verb(doc, marker)
                or (marker.start in goal_nouns and self._refers_back(doc, marker.start))
                or self._opens_a_headline(doc, marker)
            ):
                continue
            self._clause(doc, marker, named)

    def _opens_a_headline(self, doc: Doc, marker: Match) -> bool:
        """Does the marker open a headline line, in title case, with no sentence end ("Striving
        for $40 Billion", "Aiming Higher on Water")? A title's slogan names nobody whose goal it
        would be; "Aims to restore the wetlands" as a fact sheet's line is a goal."""
        start = doc[marker.start].idx
        line_start = self._text.rfind("\n", 0, start) + 1
        if self._text[line_start:start].strip():
            return False
        line_end = self._text.find("\n", start)
        line = self._text[line_start : len(self._text) if line_end < 0 else line_end].strip()
        if not self._is_heading(line_start, line_start + len(line) + 1) or line.endswith(("\u2026", "...")):
            return False
        words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", line) if len(w) > 3]
        return bool(words) and sum(w[0].isupper() for w in words) * 3 >= len(words) * 2  # title case

    def _opens_a_verb(self, doc: Doc, marker: Match) -> bool:
        """A marker ending in "to" ("aims to", "a mandate to") must be followed by a verb: not by
        a ``NOT_INFINITIVE`` word, a number or a capitalised word ("had a mission to Colombo",
        "a mission to the region" are trips, no goals). Other markers always pass."""
        last = doc[marker.end - 1]
        if last.lower_ != "to" or marker.end >= len(doc):
            return True
        after = doc[marker.end]
        if not after.is_alpha:
            return not after.like_num
        return after.lower_ not in self.not_infinitives and not (after.is_title or after.is_upper)

    def _refers_back(self, doc: Doc, noun: int) -> bool:
        """Is the goal noun at token ``noun`` a reference to goals stated before ("To attain those
        objectives", "in line with these two goals")? A ``BACK_REFERENCE`` word before it (over
        ``GOAL_ADJECTIVE`` words and numbers) says so, unless it opens the sentence or a colon
        follows the noun ("These objectives are:", "pursues these goals:")."""
        if noun + 1 < len(doc) and doc[noun + 1].lower_ in self.verb_particles:
            return False  # "a vision that aims to": the verb, not the noun
        i = noun - 1
        while i >= 0 and i >= noun - 3 and (doc[i].lower_ in self.goal_adjectives or doc[i].like_num):
            i -= 1
        if i < 0 or doc[i].lower_ not in self.back_references:
            return False
        opens_sentence = bool(doc[i].is_sent_start)
        colon_follows = noun + 1 < len(doc) and doc[noun + 1].text == ":"
        return not (opens_sentence or colon_follows)

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
        """Goals after the intro's colon on its own line: items run inline ("The objectives are to:
        (i) improve X; (ii) strengthen Y; and (iii) mobilise Z", "has three objectives: to A, to B
        and to C") or a labelled line ("Objective: To reduce X."). False when the colon ends the
        line (a list of lines may follow)."""
        sentence = self._sentences.of(intro.start)
        text = self._text
        intro_end = doc[intro.end - 1].idx + len(doc[intro.end - 1].text)
        line_start = text.rfind("\n", 0, doc[intro.start].idx) + 1
        line_end = text.find("\n", intro_end)
        stop = min(sentence.end_char, len(text) if line_end < 0 else line_end)
        colon = text.find(":", intro_end, stop)
        if colon < 0:
            colon = self._enumeration_start(intro_end, stop) - 1  # "objectives are (i) to ..., (ii) to ..."
        announced = None
        if colon < 0 and not self._a_persons(doc, intro.start):
            # "priorities ..., notably to end X, cut Y and raise Z": the word opens the items
            announced = self.announcer.search(text, intro_end, stop)
            colon = -1 if announced is None else announced.end() - 1
        if colon < 0 or len(text[intro_end:colon].split()) > MAX_WORDS_TO_COLON + (1 if announced else 0):
            return False
        if not text[colon + 1 : stop].strip():
            return False
        stop = self._wrapped_end(stop, sentence.end_char)
        body = text[colon + 1 : stop]
        labelled = self._is_label(text[line_start : doc[intro.start].idx], text[intro_end:colon])
        spans = split_inline_items(body, self._announced_count(doc, intro.start), self.series, self.relative_word)
        if announced is not None and spans:  # the series ends at the next comma: ", were agreed on Monday"
            last_start, last_end = spans[-1]
            comma = body.find(",", last_start, last_end)
            spans[-1] = (last_start, last_end if comma < 0 else comma)
        owned = not text[intro_end:colon].strip() and self._owned(doc, intro.start)
        infinitive = self.goal_infinitive.match(body.lstrip()) is not None  # "are: to develop, build and maintain X"
        if len(spans) < 2 and not (labelled or owned or infinitive or announced is not None):
            return True  # "the goals were clear: ...", "The IMF mission: led by ...": no goal
        if len(spans) == 1 and self._is_a_name(colon + 1 + spans[0][0], colon + 1 + spans[0][1]):
            return True  # "7 Projects & Their objectives: i. Metro Line Project (Phase 2)": a heading over named items
        if labelled and line_start == sentence.start_char:
            subject = self._heading_subject(doc, line_start, entities)
        else:
            subject = self._subject_for_span(doc, sentence.start_char, colon, entities)
        self._listed.append((colon, stop))
        for item_start, item_end in spans:
            raw = body[item_start:item_end]
            cut, rest = strip_leading_to(raw.lstrip())
            goal = trim_goal(rest)
            start = colon + 1 + item_start + (len(raw) - len(raw.lstrip())) + cut
            if goal and (len(spans) > 1 or len(goal.split()) >= 2) and start not in done:
                done.add(start)
                add_claim(doc, "objective", start, start + len(goal), intro.rule, {"subject": subject})
        return True

    def _announces_the_list(self, sentence: Span, colon_end: int) -> bool:
        """Does the colon (ending at ``colon_end``) open the list of the goal noun's sentence: it
        ends that sentence, or the short one right after it ("It has five objectives. They are:",
        "... with several aims. Its Charter lists them as follows:")?"""
        if colon_end <= sentence.end_char + 1:
            return True
        following = self._text[sentence.end_char : colon_end]
        return len(following.split()) <= MAX_WORDS_TO_COLON and not re.search(r"[.!?]\s", following.strip())

    def _a_persons(self, doc: Doc, noun: int) -> bool:
        """Are the goals at the goal noun a person's ("his priorities", "the minister's
        priorities", "farmers' priorities"): a ``PERSON_POSSESSIVE``, or a possessive of a
        lower-case word that names no organization?"""
        i = noun - 1
        while i >= 0 and (doc[i].lower_ in self.goal_adjectives or doc[i].like_num):
            i -= 1
        if i < 0:
            return False
        if doc[i].lower_ in self.person_possessives:
            return True
        if doc[i].text in ("'s", "\u2019s", "'", "\u2019") and i > 0:
            owner = doc[i - 1]
            return (
                owner.is_alpha
                and owner.is_lower
                and self.noun_kind(owner.lower_.rstrip("s")) is None
                and self.noun_kind(owner.lower_) is None
            )
        return False

    def _is_a_name(self, start: int, end: int) -> bool:
        """Is the text at ``start:end`` a name, not a goal: besides a list marker opening it and
        bracketed parts ("(Phase 2)"), only words of names the article gives (the entities), or
        capitalised words ending in an ``INITIATIVE_NOUN`` or ``ORG_NOUN`` ("Rural Feeder Roads
        Project")?"""
        marker = NAME_ITEM_MARKER.match(self._text, start, end)
        start = marker.end() if marker else start
        item = BRACKETED.sub(lambda b: " " * len(b.group()), self._text[start:end])  # offsets kept
        names = self._index.inside(start, end)
        words = [
            m.group()
            for m in NAME_WORD.finditer(item)
            if not any(e.start <= start + m.start() and start + m.end() <= e.end for e in names)
        ]
        if not words:
            return bool(names)
        capitalised = all(w[:1].isupper() or self.lexicon.has("NAME_SMALL_WORD", w) for w in words)
        return capitalised and self.noun_kind(words[-1].lower()) is not None

    def _enumeration_start(self, start: int, stop: int) -> int:
        """Where items enumerated without a colon open ("The specific objectives are (a) to ...;
        (b) to ..."): the first of two or more enumerators between ``start`` and ``stop``, or 0."""
        found = list(ENUMERATOR.finditer(self._text, start, stop))
        return found[0].start() if len(found) >= 2 else 0

    def _in_list(self, position: int) -> bool:
        """Is character ``position`` inside the body of a list already read?"""
        return any(start <= position < stop for start, stop in self._listed)

    def _wrapped_end(self, line_end: int, sentence_end: int) -> int:
        """Where the text after a colon ends when its line is wrapped: it goes on over a single
        line break into a line that opens in lowercase ("Objective: To raise the\nefficiency of
        ..."), never into a blank line, a list item or a new capitalised line, nor past the
        sentence."""
        text = self._text
        while line_end < sentence_end and text.startswith("\n", line_end):
            following = text[line_end + 1 : line_end + 2]
            if not following.islower():
                break
            next_end = text.find("\n", line_end + 1)
            line_end = min(sentence_end, len(text) if next_end < 0 else next_end)
        return min(line_end, sentence_end)

    def _is_label(self, before: str, after: str) -> bool:
        """Do the words around a goal noun make a label opening its line ("Objective:", "Project
        development objective:", "2. Aims of the project:")? Before it only a list marker and
        ``GOAL_ADJECTIVE`` words, after it at most a few words before the colon."""
        words = [w for w in (LIST_MARKER_CHARS.sub("", w) for w in before.split()) if w]
        return (
            len(words) <= MAX_LABEL_WORDS
            and all(w.lower() in self.goal_adjectives for w in words)
            and len(after.split()) <= MAX_LABEL_WORDS
        )

    def _owned(self, doc: Doc, noun: int) -> bool:
        """Does a ``POSSESSIVE`` word stand before the goal noun (over ``GOAL_ADJECTIVE`` words):
        "Its goal", "the fund's main aim"?"""
        i = noun - 1
        while i >= 0 and i >= noun - 3 and doc[i].lower_ in self.goal_adjectives:
            i -= 1
        return i >= 0 and self.lexicon.has("POSSESSIVE", doc[i].lower_)

    def _announced_count(self, doc: Doc, noun: int) -> int | None:
        """The number of goals the intro announces ("three objectives", "two main aims"), if any."""
        i = noun - 1
        while i >= 0 and i >= noun - 3 and doc[i].lower_ in self.goal_adjectives:
            i -= 1
        if i < 0:
            return None
        word = doc[i].lower_
        if word.isdigit():
            return int(word)
        value = self.lexicon.get("NUMBER_WORD", word)
        return value if isinstance(value, int) else None

    def _heading_subject(self, doc: Doc, line_start: int, entities: list[Entity]) -> str | None:
        """Whose goal a labelled line ("Objective: To ...") states: the name in the line above
        it, or that line itself when it is a short heading ("Rural Feeder Roads Project"), or else
        the nearest organization."""
        text = self._text
        if line_start == 0:
            return self._nearest(doc, line_start, entities, line_start)
        above_end = line_start - 1
        while above_end > 0 and text[above_end - 1] == "\n":
            above_end -= 1
        above_start = text.rfind("\n", 0, max(above_end, 0)) + 1
        above = text[above_start:above_end].strip()
        if above and not LIST_ITEM.match(above):
            named = _outermost(self._index.inside(above_start, above_end))
            if named:
                return named[0].name
            if len(above.split()) <= MAX_HEADING_WORDS and not re.search(r"[.:;,!?|]$|[:|]", above):
                return above
        return self._last_named_before(line_start) or self._nearest(doc, line_start, entities, line_start)

    def _last_named_before(self, position: int) -> str | None:
        """The name the text gave last in the paragraph before ``position``'s (a heading or label
        without a name of its own: "The Fund approved the Coastal Water Programme.\n\nObjectives")."""
        end = self._paragraph_start(position)
        for _ in range(PARAGRAPHS_BACK):
            if end < 0:
                return None
            start = self._paragraph_start(end)
            named = _outermost(self._index.inside(max(start, 0), end))
            if named:
                return named[-1].name
            end = start
        return None

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
        if (
            not line.endswith(":")
            and not LIST_DASH.search(line)
            and not self._is_heading_before_list(text, line, line_end)
        ):
            return
        intro_sentence = self._sentences.of(intro.start)
        if (line.endswith(":") or LIST_DASH.search(line)) and not self._announces_the_list(
            intro_sentence, line_start + len(line)
        ):
            return  # the line's colon ends a later sentence ("... aims to X. ... advocates should:")
        position = line_end + 1
        while position < len(text) and text[position] == "\n":
            position += 1
        if position in self._scanned:
            return  # an intro inside a list already read: every item of its own was found then
        referred = self._referred(intro_sentence, intro_sentence.start_char, entities)
        if referred is None and not line.endswith(":") and not self._index.inside(line_start, line_end):
            # a heading without a name ("Objectives"): the goals of what the text named last
            subject = self._last_named_before(line_start) or self._nearest(doc, line_start, entities, line_end)
        else:
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
            cut, body = strip_leading_to(match.group("body"))
            body_start = position + match.start("body") + cut
            goal = trim_goal(body)
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
        first = marker.end - (marker.value or 0)  # a line's value: its last tokens that are the goal's
        goal_start = doc[first].idx if first < len(doc) else None
        if goal_start is None or goal_start >= sentence.end_char:
            return
        rest = self._text[goal_start : sentence.end_char]
        closing = OPENING_QUOTES.get(doc[first - 1].text) if first > marker.start else None
        main_start = None  # where the main clause after a fronted goal opens
        if closing is not None and closing in rest:  # with the goal "...": the quotation
            goal = trim_goal(rest[: rest.index(closing)])
        else:
            fronted = self._fronted(doc, marker, sentence)
            end = goal_end(rest, self.clause_end, fronted, self.opens_clause, self.subject_pronouns, self.clause_verbs)
            goal = trim_goal(self.attribution.sub("", rest if end is None else rest[:end]))
            if fronted and end is not None and rest[end] == ",":
                main_start = goal_start + end + 1
        if len(goal.split()) < 2:
            return
        if main_start is not None and self._person_opens(doc, main_start, sentence):
            return  # "Striving to win votes, the Prime Minister ...": a person's goal, no organization's
        if main_start is None and self._country_before(doc, marker.start, sentence.start):
            return  # "Lakeland will likely seek to ...": a country's aim, no organization's
        subject = self._clause_subject(doc, marker, sentence, entities, main_start)
        add_claim(doc, "objective", goal_start, goal_start + len(goal), marker.rule, {"subject": subject})

    def _country_before(self, doc: Doc, marker: int, sentence_start: int = 0) -> bool:
        """Is the marker's subject a country's name (``COUNTRY``) right before it, or before its
        modal verbs and adverbs ("Peru seeks to", "the United States will also seek to"), the
        country opening the sentence (at ``sentence_start``) or a clause (after a
        ``CLAUSE_OPENERS`` word, or ", and")? A country joined to another subject by a bare
        "and" is no country's aim alone ("The World Bank and Lakeland aim to", "the partnership
        between X and Lakeland aims to")."""
        i = marker
        while i > 0 and marker - i < 3 and doc[i - 1].is_lower and doc[i - 1].lower_ in self.marker_adverbs:
            i -= 1
        if i > 0 and doc[i - 1].is_lower:
            return False
        return any(
            self.lexicon.has("COUNTRY", doc[j:i].text) and self._opens_a_clause(doc, j, sentence_start)
            for j in range(max(0, i - 4), i)
        )  # a country opening the clause: "Lakeland seeks to", not "the Council of Lakeland seeks to"

    @staticmethod
    def _opens_a_clause(doc: Doc, j: int, sentence_start: int) -> bool:
        """Does ``doc[j]`` open a sentence or a clause: the sentence's first word, or after a
        ``CLAUSE_OPENERS`` word or ", and"?"""
        if j <= sentence_start:
            return True
        before = doc[j - 1].lower_
        if before == "and":
            return j >= 2 and doc[j - 2].text in (",", ";")
        return before in CLAUSE_OPENERS

    def _fronted(self, doc: Doc, marker: Match, sentence: Span) -> bool:
        """Does the marker open its sentence as a fronted phrase ("Seeking to ...,", "With the aim
        of ...,": its first word a ``FRONTED_MARKER_WORD``), its goal ending at the comma?"""
        opening = marker.start == sentence.start or (
            marker.start > sentence.start and doc[marker.start - 1].is_space and "\n" in doc[marker.start - 1].text
        )
        return opening and doc[marker.start].lower_ in self.fronted_words

    def _main_opening(self, doc: Doc, main_start: int, sentence: Span) -> list[Token]:
        """The words opening the main clause after a fronted goal's comma ("Finance Minister Ana Cruz",
        "the prime minister"): up to ``MAIN_OPENING_WORDS`` words, before any punctuation or verb."""
        tokens = [t for t in doc[sentence.start : sentence.end] if t.idx >= main_start and not t.is_space]
        opening: list[Token] = []
        for token in tokens[:MAIN_OPENING_WORDS]:
            if not token.is_alpha or token.lower_ in self.clause_verbs or token.lower_ in self.reporting_verbs:
                break
            opening.append(token)
        return opening

    def _main_named(self, doc: Doc, main_start: int, sentence: Span) -> Entity | None:
        """The name opening the main clause after a fronted goal ("..., the Ministry of Trade of Kenya signed")."""
        tokens = [t for t in doc[sentence.start : sentence.end] if t.idx >= main_start and not t.is_space]
        if not tokens:
            return None
        last = tokens[1] if tokens[0].lower_ == "the" and len(tokens) > 1 else tokens[0]
        named = _outermost(self._index.inside(main_start, sentence.end_char))
        return next((e for e in named if e.start <= last.idx), None)

    def _person_opens(self, doc: Doc, main_start: int, sentence: Span) -> bool:
        """Does a person open the main clause after a fronted goal ("the Prime Minister", "Finance
        Minister Ana Cruz"): a ``PERSON_ROLE`` word among its opening words, before any name?"""
        named = self._main_named(doc, main_start, sentence)
        for token in self._main_opening(doc, main_start, sentence):
            if named is not None and token.idx >= named.start:
                return False
            if token.lower_ in self.person_roles:
                return True
        return False

    def _clause_subject(
        self, doc: Doc, marker: Match, sentence: Span, entities: list[Entity], main_start: int | None = None
    ) -> str | None:
        marker_char = doc[marker.start].idx
        first = marker.end - (marker.value or 0)
        named_in_marker = _outermost(self._index.inside(marker_char, doc[first - 1].idx + len(doc[first - 1].text)))
        if named_in_marker:  # "The main objective of the Blue Economy Programme is to"
            return named_in_marker[0].name
        of = next((t.i for t in doc[marker.start : first] if t.lower_ == "of"), None)
        if of is not None:  # "The main purpose of the alliance is to": the alliance named before
            referred_in_marker = self._referred(doc[of + 1 : first], marker_char, entities)
            if referred_in_marker is not None:
                return referred_in_marker
        if main_start is not None:  # "Seeking to end the drought, the Valley Council ...": the main clause's subject
            named = self._main_named(doc, main_start, sentence)
            if named is not None:
                return named.name
            opening = next(
                (t.i for t in doc[sentence.start : sentence.end] if t.idx >= main_start and not t.is_space), None
            )
            referred = None if opening is None else self._referred(doc[opening : sentence.end], main_start, entities)
            if referred is not None:  # "..., the council opened": the council named before
                return referred
        before = _outermost(self._index.inside(sentence.start_char, marker_char))
        words_before = doc[sentence.start : marker.start]
        relative = self._relative_start(words_before)
        if relative is not None:
            described = self._name_before(relative)
            hung_on = [e for e in before if e.end <= relative]
            if described is not None and (not hung_on or hung_on[-1].end < described[0]):
                return described[1]  # "the River Guardians initiative, which ... seeks"
            if before:  # the goal of the name the relative clause hangs on
                return (hung_on or before)[-1].name
        if before:  # a name in brackets (a dateline's credit "(XNA)", an acronym) after a name in full
            return next((e for e in before if not self._bracketed(e)), before[0]).name
        referred = self._referred(words_before, sentence.start_char, entities)
        if referred is not None:
            return referred
        if len(words_before) and words_before[0].lower_ in ("its", "their"):
            previous = self._previous_subject(doc, sentence, entities)
            if previous is not None:
                return previous
        return self._nearest(doc, sentence.start_char, entities, sentence.end_char)

    def _name_before(self, position: int) -> tuple[int, str] | None:
        """A name the entities missed, ending in a lowercase head noun just before ``position``
        ("the regional Clean Harbours For All initiative, which"): its start and text, or None.
        Capitalised words (and ``NAME_SMALL_WORD`` words between them) before an
        ``INITIATIVE_NOUN`` or ``ORG_NOUN``."""
        words = list(NAME_WORD.finditer(self._text, max(0, position - NAME_REACH), position))
        while words and not words[-1].group().isalpha():
            words.pop()
        if not words or self.noun_kind(words[-1].group().lower()) is None or words[-1].group()[0].isupper():
            return None
        tail = self._text[words[-1].end() : position]
        if tail.strip(" ,") or "\n" in tail:
            return None
        k = len(words) - 1
        while k > 0 and (
            words[k - 1].group()[0].isupper() or self.lexicon.has("NAME_SMALL_WORD", words[k - 1].group())
        ):
            if self._text[words[k - 1].end() : words[k].start()].strip():
                break  # punctuation between: another phrase
            k -= 1
        while k < len(words) - 1 and not words[k].group()[0].isupper():
            k += 1  # a name opens with a capital, not "the"
        if k == len(words) - 1:
            return None
        start = words[k].start()
        return start, self._text[start : words[-1].end()]

    def _described(self, noun: str, before: int) -> str | None:
        """An unnamed project's description, from its first mention before ``before``: "the
        ongoing project for upgrading rural roads in Nepal" gives "project for upgrading rural
        roads in Nepal"."""
        match = self._first_description(noun, before)
        if match is None:
            return None
        words = match.group().split()
        for k, word in enumerate(words[2:], start=2):
            if word.lower() in self.description_stops:
                words = words[:k]
                break
        return " ".join(words) if len(words) > 2 else None

    def _first_description(self, noun: str, before: int) -> re.Match[str] | None:
        """The first "<noun> <DESCRIPTION_CONNECTOR> ..." of the doc, cut at ``before``: found once a
        doc per noun (the first one anywhere is the first one before any point, when it fits)."""
        pattern = self._description_patterns.get(noun)
        if pattern is None:
            pattern = re.compile(r"\b" + re.escape(noun) + self.description_tail, re.IGNORECASE)
            self._description_patterns[noun] = pattern
        if noun not in self._descriptions:
            self._descriptions[noun] = pattern.search(self._text)
        first = self._descriptions[noun]
        if first is None or first.start() >= before:
            return None
        return first if first.end() <= before else pattern.match(self._text, first.start(), before)

    def _relative_start(self, words: Span) -> int | None:
        """Where the relative clause holding the marker opens ("the initiative, which was launched
        in 2022 and seeks ..."): the character of its last relative word with no comma after it."""
        for token in reversed(words):
            if token.text in (",", ";", "(", ")"):
                return None
            if token.lower_ in self.relative_words:
                return token.idx
        return None

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
            if token.lower_ not in self.referring_words or i + 1 >= len(words):
                continue
            noun = words[i + 1].lower_
            kind = self.noun_kind(noun)
            if kind is None:
                continue
            # the latest mention (of the names holding the noun, if any); of overlapping names, the fullest
            chosen = self._index.latest_before(before, kind, noun)
            if chosen is not None:
                return chosen.name
            described = self._described(noun, before)
            if described is not None:
                return described
            chosen = self._index.latest_before(before, kind, None)
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

    def _bracketed(self, entity: Entity) -> bool:
        return self._text[entity.start - 1 : entity.start] == "(" and self._text[entity.end : entity.end + 1] == ")"

    def _is_heading(self, start: int, end: int) -> bool:
        """Is the paragraph at ``start:end`` one line that ends no sentence (a headline)?"""
        paragraph = self._text[max(start, 0) : end].strip()
        return bool(paragraph) and "\n" not in paragraph and paragraph[-1] not in '.!?:;"\u201d'

    def _nearest(self, doc: Doc, start: int, entities: list[Entity], end: int) -> str | None:
        """The nearest organization named before ``start`` in the same paragraph, else after
        ``end`` in it, else the organization or initiative the article names most."""
        earlier = self._index.last_inside(self._paragraph_start(start), start, "organization")
        if earlier is not None:
            return earlier.name
        end = max(start, len(self._text[:end].rstrip()))  # a sentence's trailing line breaks end its paragraph
        paragraph_end = self._paragraph_end(end)
        if self._is_heading(self._paragraph_start(start), paragraph_end) and paragraph_end < len(self._text):
            paragraph_end = self._paragraph_end(paragraph_end + 2)  # a headline's goal: the paragraph under it too
        later = self._index.first_starting(end, paragraph_end, "organization")
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
