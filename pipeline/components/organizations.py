"""Organization claims: acronym definitions, a gazetteer, and generic organization names.

Read top-down: the pure acronym helpers first (they work on plain strings), then the
name builder, then the component.

* An acronym defined in parentheses, in either order ("Conference on ... in Asia
  (CICA)", "CICA (Conference on ...)"), links every mention of the short form to the
  long form. The letters of the short form must fit the long form's words in order.
* The gazetteer (``patterns/gazetteer.jsonl``) knows well-known organizations and their
  variants, so "UN" alone resolves to United Nations.
* A generic name is a capitalized sequence around an organizational head noun
  (``ORG_HEAD`` patterns: University, Institute, Council, Bank, ...), with "of", "for",
  "on", "with" complements: "Ministry of Planning, Development and Special Initiatives".
* Names ending in an ``INITIATIVE`` phrase (corridors, agreements, customs unions) are
  initiatives, not organizations; they are kept for the objectives' subjects.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from ..annotations import Entity, Match, add_claim, add_entity
from ..labels import ORGANIZATIONS
from ..patterns import PatternLine
from .base import RuleComponent, select_longest

SHORT_FORM = re.compile(r"^[A-Z][A-Za-z0-9&.\-]*$")
CONNECTORS = frozenset({"of", "for", "on", "with"})
ARTICLES = frozenset({"the", "a", "an"})
SMALL_WORDS = frozenset({"of", "for", "on", "with", "and", "the", "a", "an", "in", "at", "to", "de", "&"})
SENTENCE_FUNCTION_WORDS = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "a",
        "an",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "its",
        "their",
        "our",
        "his",
        "her",
        "under",
        "since",
        "during",
        "after",
        "before",
        "while",
        "when",
        "where",
        "following",
        "against",
        "between",
        "among",
    ]
)
NON_LATIN = re.compile(r"^[^A-Za-z0-9]*[\u0400-\u04ff\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][^A-Za-z]*$")


# -- acronyms: pure helpers ------------------------------------------------------------
def short_form_letters(short: str) -> list[str]:
    return [c.lower() for c in short if c.isalnum()]


def fit_score(letters: list[str], words: list[str]) -> int | None:
    """How well ``letters`` read off ``words`` in order: the number of letters that open a
    word, or None when they cannot be read off at all.

    The first letter must open the first word and the last word must give a letter. Each
    other letter opens a later word or is a later character of the word the previous
    letter was in (Schwartz-Hearst allow any character); at most two content words may
    be skipped ("CICA" skips "Building Measures" on its way to "Asia").
    """
    if not letters or not words or words[0][:1].lower() != letters[0]:
        return None
    content = [i for i, w in enumerate(words) if w.lower() not in SMALL_WORDS and w[:1].isalnum()]
    last_word = len(words) - 1

    def search(li: int, wi: int, ci: int, used: frozenset[int], initials: int) -> int | None:
        if li == len(letters):
            skipped = [i for i in content if i not in used]
            return initials if last_word in used and len(skipped) <= 2 else None
        letter = letters[li]
        best: int | None = None
        for wj in range(wi + 1, len(words)):  # open a later word
            if words[wj][:1].lower() == letter:
                found = search(li + 1, wj, 0, used | {wj}, initials + 1)
                if found is not None and (best is None or found > best):
                    best = found
        word = words[wi]
        for cj in range(ci + 1, len(word)):  # or continue inside the current word
            if word[cj].lower() == letter:
                found = search(li + 1, wi, cj, used, initials)
                if found is not None and (best is None or found > best):
                    best = found
        return best

    return search(1, 0, 0, frozenset({0}), 1)


def long_form_start(short: str, words: list[str]) -> int | None:
    """Index in ``words`` where the long form of ``short`` begins: the start whose words
    give the most letters as initials; among equals, the shortest long form."""
    letters = short_form_letters(short)
    if len(letters) < 2 or len(letters) > 12:
        return None
    best: tuple[int, int] | None = None
    for start in range(len(words) - 1, -1, -1):
        first = words[start]
        if not first[:1].isupper() and not first[:1].isdigit():
            continue
        score = fit_score(letters, words[start:])
        if score is not None and (best is None or score > best[0]):
            best = (score, start)
    return None if best is None else best[1]


def is_short_form(text: str) -> bool:
    uppers = sum(1 for c in text if c.isupper())
    return bool(SHORT_FORM.match(text)) and uppers >= 2 and len(text) <= 12 and not text.isdigit()


def title_case(name: str) -> str:
    """``"CENTRE FOR EURASIAN POLICY STUDIES"`` -> "Centre for Eurasian Policy Studies"."""
    words = name.split(" ")
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        out.append(lower if i and lower in SMALL_WORDS else word[:1] + word[1:].lower())
    return " ".join(out)


def fold(text: str) -> str:
    text = " ".join(text.split()).casefold()
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True)
class GazetteerEntry:
    """A well-known organization (an ``ORG_ENTRY`` line)."""

    id: str
    name: str
    acronym: str | None
    forms: tuple[str, ...]

    @classmethod
    def from_line(cls, line: PatternLine) -> GazetteerEntry:
        return cls(line.id, line.data["name"], line.data.get("acronym"), line.entry_forms)


@dataclass
class Mention:
    start: int  # token offsets
    end: int
    key: str  # what groups mentions of one organization
    rule: str
    priority: int  # higher wins a tie between spans of equal length
    acronym: str | None = None
    long_form: str | None = None


def _clean_text(tokens: list[Token]) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip()
    return " ".join(text.split())


class OrganizationComponent(RuleComponent):
    component = ORGANIZATIONS

    # -- gazetteer ----------------------------------------------------------------
    def build(self) -> None:
        super().build()
        self.gazetteer_lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.gazetteer_exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.gazetteer = [GazetteerEntry.from_line(line) for line in self.lines("ORG_ENTRY")]
        self._gazetteer_by_id = {entry.id: entry for entry in self.gazetteer}
        for entry in self.gazetteer:
            for form in entry.forms:
                form_doc = self.nlp.make_doc(form)
                if is_short_form(form) or len(form) <= 4:
                    self.gazetteer_exact.add(entry.id, [form_doc])
                else:
                    self.gazetteer_lower.add(entry.id, [form_doc])

    # -- processing ---------------------------------------------------------------
    def process(self, doc: Doc, matches: list[Match]) -> None:
        head_rules = {m.start: m.rule for m in matches if m.label == "ORG_HEAD"}
        heads = set(head_rules)
        initiative_ends = {m.end: m for m in matches if m.label == "INITIATIVE"}
        documents = {m.start for m in matches if m.label == "ORG_DOC"}
        mentions: list[Mention] = []
        entities: list[Entity] = []

        definitions = self._definitions(doc, heads, initiative_ends, entities)
        for short, (long_text, kind, _, short_span) in definitions.items():
            if kind == "initiative":  # "CPEC" later on still names the corridor (for objectives' subjects)
                entities.extend(
                    Entity(t.idx, t.idx + len(t), long_text, "initiative")
                    for t in doc
                    if t.text == short and t.i != short_span[0]
                )
        mentions += self._definition_mentions(doc, definitions)
        mentions += self._gazetteer_mentions(doc)
        mentions += [
            Mention(m.start, m.end, "rule:" + fold(doc[m.start : m.end].text), m.rule, 2)
            for m in matches
            if m.label == "ORG"
        ]
        for head in sorted(heads):
            built = self._generic_name(doc, head, documents)
            if built is None:
                continue
            start, end = built
            if head + 1 in initiative_ends:  # "Customs Union of ...": an initiative, not a body
                entities.append(
                    Entity(
                        doc[start].idx,
                        doc[end - 1].idx + len(doc[end - 1]),
                        _clean_text(list(doc[start:end])),
                        "initiative",
                    )
                )
                continue
            name = _clean_text(list(doc[start:end]))
            mentions.append(Mention(start, end, "name:" + fold(name), head_rules[head], 1))
        for m in matches:
            if m.label == "INITIATIVE" and doc[m.start].text[:1].isupper():
                start = m.start
                while start > 0:
                    prev = doc[start - 1]
                    if prev.text in ("-", "\u2013") and not prev.whitespace_ and start >= 2 and doc[start - 2].is_title:
                        start -= 2  # "India-Middle East-Europe Economic Corridor"
                        continue
                    if not (prev.text[:1].isupper() and prev.is_alpha) or (
                        prev.is_sent_start and prev.lower_ in SENTENCE_FUNCTION_WORDS
                    ):
                        break
                    start -= 1
                end = m.end
                if end < len(doc) and re.fullmatch(r"\d{4}", doc[end].text):
                    end += 1  # "Agenda 2063", "Vision 2030"
                while end + 1 < len(doc) and doc[end].lower_ in CONNECTORS and "\n" not in doc[end - 1].whitespace_:
                    j = end + 1 + (doc[end + 1].lower_ in ARTICLES)
                    complement = self._complement(doc, j)  # "Strategic Directions for Developing ... Integration"
                    if complement is None:
                        break
                    end = complement
                span = doc[start:end]
                entities.append(Entity(span.start_char, span.end_char, _clean_text(list(span)), "initiative"))

        chosen = select_longest([(m.start, m.end, m) for m in sorted(mentions, key=lambda m: -m.priority)])
        chosen, former = self._former_names(doc, chosen)
        names = self._canonical_names(doc, [c[2] for c in chosen], definitions, former)
        for start, end, mention in chosen:
            name, acronym = names[mention.key]
            span = doc[start:end]
            add_claim(
                doc, "organization", span.start_char, span.end_char, mention.rule, {"name": name, "acronym": acronym}
            )
            entities.append(Entity(span.start_char, span.end_char, name, "organization"))
        self._script_aliases(doc, chosen, names)
        for entity in sorted(entities, key=lambda e: (e.start, e.end)):
            add_entity(doc, entity.start, entity.end, entity.name, entity.kind)

    # acronym definitions ---------------------------------------------------------
    def _definitions(
        self, doc: Doc, heads: set[int], initiative_ends: Mapping[int, object], entities: list[Entity]
    ) -> dict[str, tuple[str, str, tuple[int, int], tuple[int, int]]]:
        """short form -> (long form text, kind, long-form token span, short-form token span)."""
        found: dict[str, tuple[str, str, tuple[int, int], tuple[int, int]]] = {}
        for open_i, token in enumerate(doc):
            if token.text != "(":
                continue
            close_i = open_i + 1
            while (
                close_i < len(doc)
                and close_i - open_i <= 20
                and doc[close_i].text != ")"
                and "\n" not in doc[close_i].text
            ):
                close_i += 1
            if close_i >= len(doc) or doc[close_i].text != ")":
                continue
            inside = doc[open_i + 1 : close_i]
            inside_text = "".join(t.text_with_ws for t in inside).strip()
            if is_short_form(inside_text.replace(" ", "")) and len(inside) <= 4:
                short = inside_text
                long_span = self._long_form_before(doc, open_i, short)
                short_span = (open_i + 1, close_i)
            elif open_i > 0 and is_short_form(doc[open_i - 1].text) and len(inside) >= 2:
                short = doc[open_i - 1].text
                words = [t.text for t in inside if not t.is_punct or t.text in ("-", "&")]
                if long_form_start(short, words) != 0:
                    continue
                long_span = (open_i + 1, close_i)
                short_span = (open_i - 1, open_i)
            else:
                continue
            if long_span is None or short in found:
                continue
            start, end = long_span
            tokens = list(doc[start:end])
            long_text = _clean_text(tokens)
            if len([t for t in tokens if t.is_alpha]) < 2:
                continue
            is_org = any(i in heads for i in range(start, end)) or self._gazetteer_knows(long_text)
            is_initiative = end in initiative_ends
            span = doc[start:end]
            if is_org and not is_initiative:
                found[short] = (long_text, "organization", long_span, short_span)
            else:
                entities.append(Entity(span.start_char, span.end_char, long_text, "initiative"))
                found.setdefault(short, (long_text, "initiative", long_span, short_span))
        for token in doc:  # "the Shanghai Cooperation Organisation, also known as the SCO"
            if token.lower_ != "known" or token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "as":
                continue
            k = token.i + 2
            if doc[k].lower_ == "the" and k + 1 < len(doc):
                k += 1
            short = doc[k].text
            comma = token.i - 1
            while comma >= 0 and doc[comma].lower_ in ("also", "commonly", "better", "widely", "now"):
                comma -= 1
            if not is_short_form(short) or short in found or comma < 0 or doc[comma].text != ",":
                continue
            long_span = self._long_form_before(doc, comma, short)
            if long_span is None:
                continue
            tokens = list(doc[long_span[0] : long_span[1]])
            if any(t.i in heads for t in tokens) or self._gazetteer_knows(_clean_text(tokens)):
                found[short] = (_clean_text(tokens), "organization", long_span, (k, k + 1))
        return found

    def _former_names(
        self, doc: Doc, chosen: list[tuple[int, int, Mention]]
    ) -> tuple[list[tuple[int, int, Mention]], set[str]]:
        """ "X, formerly (known as) the Y" and "X, also known as Y": Y is another name of X.

        Returns the mentions (Y's joined to X's key) and the folded former names, which
        never become the canonical name while X's own name is written.
        """
        former: set[str] = set()
        by_end = {end: mention for _, end, mention in chosen}
        by_start = {start: mention for start, _, mention in chosen}
        added: list[tuple[int, int, Mention]] = []
        for token in doc:
            if token.lower_ not in ("formerly", "known", "previously"):
                continue
            i = token.i
            if token.lower_ == "known":
                if i + 1 >= len(doc) or doc[i + 1].lower_ != "as":
                    continue
                i += 1
            comma = token.i - 1
            while comma >= 0 and doc[comma].lower_ in ("also", "commonly", "better", "widely", "now"):
                comma -= 1
            if comma < 0 or doc[comma].text not in (",", "("):
                continue
            owner = by_end.get(comma)
            if owner is None:
                continue
            j = i + 1
            while j < len(doc) and doc[j].lower_ in ("known", "as", "called", "the"):
                j += 1
            if j < len(doc) and j in by_start:
                former.add(fold(doc[j : by_start[j].end].text))
                old_key = by_start[j].key
                for _, _, mention in chosen:
                    if mention.key == old_key:
                        mention.key = owner.key
                continue
            end = self._complement(doc, j)
            if end is not None and any(t.is_alpha for t in doc[j:end]):
                former.add(fold(doc[j:end].text))
                added.append((j, end, Mention(j, end, owner.key, "org-former-name", 3)))
        taken = {i for start, end, _ in chosen for i in range(start, end)}
        extra = [item for item in added if not any(i in taken for i in range(item[0], item[1]))]
        return sorted(chosen + extra, key=lambda c: c[0]), former

    def _long_form_before(self, doc: Doc, open_i: int, short: str) -> tuple[int, int] | None:
        tokens: list[Token] = []
        i = open_i - 1
        limit = max(len(short_form_letters(short)) * 3, 8)
        while i >= 0 and len(tokens) < limit:
            token = doc[i]
            if token.is_space or token.text in (";", ":", ".", "(", ")", "\u2013", "\u2014", '"'):
                break
            tokens.insert(0, token)
            if token.is_sent_start:
                break
            i -= 1
        words = [t.text for t in tokens]
        start = long_form_start(short, [w for w in words])
        if start is None:
            return None
        first = tokens[start].i
        return first, open_i

    def _gazetteer_knows(self, text: str) -> bool:
        key = fold(text)
        return any(fold(form) == key for entry in self.gazetteer for form in entry.forms)

    def _definition_mentions(
        self, doc: Doc, definitions: dict[str, tuple[str, str, tuple[int, int], tuple[int, int]]]
    ) -> list[Mention]:
        mentions: list[Mention] = []
        orgs = {short: d for short, d in definitions.items() if d[1] == "organization"}
        if not orgs:
            return mentions
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for short, (long_text, _, _, _) in orgs.items():
            matcher.add(short, [self.nlp.make_doc(long_text)])
            exact.add(short, [self.nlp.make_doc(short)])
        strings = self.nlp.vocab.strings
        for match_id, start, end in matcher(doc):
            short = strings[match_id]
            mentions.append(Mention(start, end, "acr:" + short, "org-acronym-long-form", 3, short, orgs[short][0]))
        for match_id, start, end in exact(doc):
            short = strings[match_id]
            mentions.append(Mention(start, end, "acr:" + short, "org-acronym-short-form", 3, short, orgs[short][0]))
        return mentions

    def _gazetteer_mentions(self, doc: Doc) -> list[Mention]:
        strings = self.nlp.vocab.strings
        out = []
        for match_id, start, end in [*self.gazetteer_lower(doc), *self.gazetteer_exact(doc)]:
            entry_id = strings[match_id]
            out.append(Mention(start, end, "gaz:" + entry_id, "gazetteer:" + entry_id, 2))
        return out

    # generic names -----------------------------------------------------------------
    @staticmethod
    def _is_name_word(token: Token) -> bool:
        text = token.text
        return bool(text) and (text[:1].isupper() or (text[:1].isdigit() and token.i > 0)) and not token.is_punct

    def _generic_name(self, doc: Doc, head: int, documents: set[int]) -> tuple[int, int] | None:
        token = doc[head]
        if not token.text[:1].isupper():
            return None
        # left: capitalized words, hyphens between them, and "and" inside the name
        start = head
        while start > 0:
            prev = doc[start - 1]
            if prev.is_space or "\n" in prev.whitespace_:
                break
            if (
                prev.text in ("-", "\u2013", "&")
                and not prev.whitespace_
                and start - 2 >= 0
                and self._is_name_word(doc[start - 2])
            ):
                start -= 2
                continue
            if (
                prev.lower_ == "and"
                and start - 2 >= 0
                and doc[start - 2].text[:1].isupper()
                and doc[start - 2].is_alpha
            ):
                if start - 2 in documents:
                    break
                start -= 2
                continue
            if not (prev.text[:1].isupper() and (prev.is_alpha or prev.text.isupper())):
                break
            if prev.is_sent_start and prev.lower_ in SENTENCE_FUNCTION_WORDS:
                break
            if prev.i in documents:
                break
            start -= 1
        while start < head and (doc[start].lower_ in SMALL_WORDS or doc[start].text in ("-", "&")):
            start += 1
        # right: complements introduced by of/for/on/with
        end = head + 1
        while end < len(doc):
            j = end
            if doc[j].lower_ not in CONNECTORS or "\n" in doc[j - 1].whitespace_:
                break
            j += 1
            if j < len(doc) and doc[j].lower_ in ARTICLES:
                j += 1
            run_end = self._complement(doc, j)
            if run_end is None:
                break
            end = run_end
        span_words = [t for t in doc[start:end] if t.is_alpha and t.text[:1].isupper()]
        if len(span_words) < 2:
            return None  # "the Commission" alone is a generic reference
        return start, end

    @staticmethod
    def _is_cap_word(token: Token) -> bool:
        return token.text[:1].isupper() and (token.is_alpha or token.text.isupper()) and not token.is_space

    def _complement(self, doc: Doc, j: int) -> int | None:
        """End of a capitalized complement starting at ``j`` ("Planning, Development and Special Initiatives")."""
        end = None
        i = j
        while i < len(doc):
            token = doc[i]
            if self._is_cap_word(token):
                i += 1
                end = i
                if "\n" in token.whitespace_:
                    break
                continue
            if token.text in ("-", "&") and end == i and i + 1 < len(doc) and self._is_cap_word(doc[i + 1]):
                i += 1
                continue
            if token.lower_ in ("and", ",") and end == i:
                # a list inside the complement must close with "and" and a capitalized word
                k = i
                while k < len(doc) and (doc[k].text == "," or self._is_cap_word(doc[k])):
                    k += 1
                if k < len(doc) and doc[k].lower_ == "and" and k + 1 < len(doc) and self._is_cap_word(doc[k + 1]):
                    i = k + 1
                    continue
            break
        return end

    # canonical names -----------------------------------------------------------------
    def _canonical_names(
        self,
        doc: Doc,
        mentions: list[Mention],
        definitions: dict[str, tuple[str, str, tuple[int, int], tuple[int, int]]],
        former: set[str] | None = None,
    ) -> dict[str, tuple[str, str | None]]:
        written: dict[str, list[str]] = {}
        for m in mentions:
            written.setdefault(m.key, []).append(_clean_text(list(doc[m.start : m.end])))
        former = former or set()
        # a generic name written like a defined long form or a gazetteer form is that organization
        alias_of: dict[str, str] = {}
        for short, (long_text, kind, _, _) in definitions.items():
            if kind == "organization":
                alias_of["name:" + fold(long_text)] = "acr:" + short
        for entry in self.gazetteer:
            for form in entry.forms:
                alias_of.setdefault("name:" + fold(form), "gaz:" + entry.id)
        for m in mentions:
            if m.key in alias_of and alias_of[m.key] in written:
                written[alias_of[m.key]].extend(written.pop(m.key, []))
                m.key = alias_of[m.key]
            elif m.key in alias_of:
                written[alias_of[m.key]] = written.pop(m.key, [])
                m.key = alias_of[m.key]
        # letterhead capitals take the casing the article uses elsewhere
        by_fold: dict[str, str] = {}
        for key, forms in written.items():
            for form in forms:
                if not form.isupper():
                    by_fold.setdefault(fold(form), key)
        for m in mentions:
            if m.key.startswith("name:") and m.key in written and all(f.isupper() for f in written[m.key]):
                target = by_fold.get(fold(written[m.key][0]))
                if target and target != m.key:
                    written[target].extend(written.pop(m.key))
                    m.key = target
                elif target == m.key or target is None:
                    pass
        names: dict[str, tuple[str, str | None]] = {}
        for m in mentions:
            if m.key in names:
                continue
            forms = written.get(m.key, [])
            if m.key.startswith("acr:"):
                short = m.key[4:]
                names[m.key] = (definitions[short][0], short)
                continue
            if m.key.startswith("gaz:"):
                entry = self._gazetteer_by_id[m.key[4:]]
                own = {fold(f) for f in entry.forms}
                long_forms = [f for f in forms if not is_short_form(f) and fold(f) in own]
                name = max(long_forms, key=lambda f: (len(f), f)) if long_forms else entry.name
                acronym = entry.acronym if entry.acronym and entry.acronym in forms else None
                names[m.key] = (name, acronym)
                continue
            mixed = [f for f in forms if not f.isupper()]
            current = [f for f in mixed if fold(f) not in former] or mixed
            name = max(current, key=lambda f: (len(f), f)) if current else title_case(forms[0])
            names[m.key] = (name, None)
        return names

    def _script_aliases(
        self, doc: Doc, chosen: list[tuple[int, int, Mention]], names: dict[str, tuple[str, str | None]]
    ) -> None:
        """A line in another script beside a letterhead line naming an organization is its name too."""
        text = doc.text
        lines = _lines(text)
        whole_line = {}
        for start, end, mention in chosen:
            span = doc[start:end]
            for index, (a, b) in enumerate(lines):
                if span.start_char == a and span.end_char == b:
                    whole_line[index] = names[mention.key]
        taken = set(whole_line)
        for index, (a, b) in enumerate(lines):
            if index in taken or not NON_LATIN.match(text[a:b]):
                continue
            for neighbour in (index + 1, index - 1):
                if neighbour in whole_line and _same_block(text, lines, index, neighbour):
                    name, acronym = whole_line[neighbour]
                    add_claim(doc, "organization", a, b, "org-script-alias", {"name": name, "acronym": acronym})
                    taken.add(index)
                    break


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _same_block(text: str, lines: list[tuple[int, int]], i: int, j: int) -> bool:
    a, b = sorted((i, j))
    return "\n\n" not in text[lines[a][1] : lines[b][0]]


@Language.factory(ORGANIZATIONS, assigns=["doc.spans", "span._.pc_organization", "span._.pc_entity"], default_config={})
def make_organization_component(nlp: Language, name: str) -> OrganizationComponent:
    return OrganizationComponent(nlp, name)
