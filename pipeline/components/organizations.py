"""Organization claims: acronym definitions, a gazetteer, and generic organization names.

Read top-down: the pure acronym helpers first (they work on plain strings), then the
data the component reads, then the component, whose ``process`` runs these steps:

1. **Definitions.** An acronym defined in parentheses, in either order ("Conference on
   ... in Asia (CICA)", "CICA (Conference on ...)") or with "also known as", links every
   mention of the short form to the long form. The letters of the short form must fit
   the long form's words in order. A long form ending in an initiative noun defines an
   initiative ("China-Pakistan Economic Corridor (CPEC)"), kept for the objectives.
2. **Mentions.** Of defined organizations, of the gazetteer (``ORG_ENTRY`` lines: "UN"
   alone is United Nations; a country's short form written before one stays in the name,
   "US RAND Corporation"), of ``ORG`` patterns, of ``ORG_IN_CONTEXT`` names known by their
   context (news credits "(XNA) –", ", Meridian Wire reports"; "Lakeside, Harbor's
   subsidiary"), and generic names: a capitalized run around an organization head noun
   (``ORG_HEAD``, built from the ``ORG_NOUN`` word list) with "of", "for", "on", "with"
   complements ("Ministry of Planning, Development and Special Initiatives"). A name ending
   in an ``INITIATIVE`` phrase (or opening with an ``INITIATIVE_HEAD`` one, "Mission on"),
   or an organization's own fund (``OWNED_PROGRAMME_HEAD``) is an initiative; one with an
   ``EVENT_MODIFIER`` ("Extraordinary Congress") or ending in an ``EVENT_HEAD`` ("Munich
   Security Conference") is an event, and ``NOT_ORG_NAME`` phrases name a kind of body.
   Names run on over the line breaks of wrapped prose (``wrapped_breaks``), stop at an
   "and" after a complete name or between two names of two words ("Federal Reserve and
   European Central Bank") and at a ``NAME_END_NOUN`` before another name ("... Journal
   Lakeside Rowing Club"); a name in capitals ends where the form the article writes in
   mixed case ends. Short forms in brackets after a name are its acronym even when their
   letters do not fit ("BMZ"), and so are the initials of a name written in full.
3. **Choice.** Overlapping mentions: the longest wins, then the most specific source.
4. **Former names.** "X, formerly (known as) Y" and "X, also known as Y" join Y to X.
5. **Canonical names.** Mentions of one organization are grouped (an organ written with
   and without its parent is one: "OECD Development Assistance Committee" and "Development
   Assistance Committee (DAC)"); the group's name is the fullest form the article writes.
6. **Claims and entities.** Each mention becomes a claim; organizations and initiatives
   go on the doc for the objectives' subjects; a line in another script beside a
   letterhead line is that organization's name too.

The vocabularies (head nouns, initiative and document nouns, the small words of names,
the words that mark another name) are word lists in ``patterns/organizations.jsonl``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..annotations import POSSESSIVE_MARKS, Entity, Match, add_claim, add_entity, doc_text
from ..labels import ORGANIZATIONS
from ..lexicon import Lexicon
from ..matching import token_positions
from ..normalize.units import is_plural_noun
from ..patterns import PatternLine, default_lexicon
from .base import RuleComponent, select_longest

SHORT_FORM = re.compile(r"^[A-Z][A-Za-z0-9&.\-]*$")
NON_LATIN = re.compile(r"^[^A-Za-z0-9]*[\u0400-\u04ff\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][^A-Za-z]*$")
ARTICLES = frozenset({"the", "a", "an"})
ENGLISH_CONNECTORS = frozenset({"of", "for", "on", "with"})  # the rest of NAME_CONNECTOR are other languages'
POSSESSIVES = POSSESSIVE_MARKS | {"'", "\u2019"}  # and the bare apostrophe of a plural ("Members'")
JOINERS = frozenset({"-", "\u2013", "&"})  # glue the parts of one name: "India-Middle East", "Science & Technology"
LONG_FORM_BREAKS = frozenset({";", ":", ".", "(", ")", "\u2013", "\u2014", '"'})
YEAR = re.compile(r"^\d{4}$")
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)  # "47th" before a session's name
MAX_SHORT_FORM = 12  # letters
MAX_NAME_WALK = 32  # tokens a name grows over on either side of its head noun, at most
WRAP_WINDOW = 24  # tokens on either side of a wrapped line break that a name matched over it may span


# -- acronyms: pure helpers ------------------------------------------------------------
def small_words(lexicon: Lexicon | None = None) -> frozenset[str]:
    """The small words inside names (``NAME_SMALL_WORD``): no initials, lower case in titles."""
    return (lexicon if lexicon is not None else default_lexicon()).words("NAME_SMALL_WORD")


def short_form_letters(short: str) -> list[str]:
    return [c.lower() for c in short if c.isalnum()]


def fit_score(letters: list[str], words: list[str], small: frozenset[str] | None = None) -> int | None:
    """How well ``letters`` read off ``words`` in order: the number of letters that open a
    word, or None when they cannot be read off at all.

    The first letter must open the first word and the last word must give a letter. Each
    other letter opens a later word or is a later character of the word the previous
    letter was in (Schwartz-Hearst allow any character); at most two content words may
    be skipped ("CICA" skips "Building Measures" on its way to "Asia"). Solved by dynamic
    programming over (letter, word, character), so its cost grows with the sizes, not
    with the number of ways to read the letters; inside a word only the next occurrence
    of a letter is tried (a later one can only read fewer letters after it).
    """
    if not letters or not words or words[0][:1].lower() != letters[0]:
        return None
    small = small_words() if small is None else small
    content = [w.lower() not in small and w[:1].isalnum() for w in words]
    lowered = [w.lower() for w in words]
    must_use = sum(content) - 2  # content words that must give a letter
    last = len(words) - 1

    @cache
    def best(li: int, wi: int, ci: int) -> dict[int, int]:
        """For the letters from ``li`` on, read from word ``wi`` at character ``ci``: content
        words opened -> the most words opened."""
        if li == len(letters):
            return {0: 0} if wi == last else {}
        letter, out = letters[li], dict[int, int]()
        for wj in range(wi + 1, len(words)):  # open a later word
            if words[wj][:1].lower() == letter:
                for used, opened in best(li + 1, wj, 0).items():
                    key = used + content[wj]
                    out[key] = max(out.get(key, -1), opened + 1)
        cj = lowered[wi].find(letter, ci + 1)  # or continue inside the current word: its next
        if cj >= 0:  # such letter reads at least as well as any later one
            for used, opened in best(li + 1, wi, cj).items():
                out[used] = max(out.get(used, -1), opened)
        return out

    scores = [opened + 1 for used, opened in best(1, 0, 0).items() if used + content[0] >= must_use]
    return max(scores) if scores else None


def long_form_start(
    short: str, words: list[str], small: frozenset[str] | None = None, heads: frozenset[int] = frozenset()
) -> int | None:
    """Index in ``words`` where the long form of ``short`` begins: the start whose words
    give the most letters as initials; among equals, one at a head noun (``heads``: a
    head-first name, "Alianza para la Accion Climatica (ACA)"), then the shortest long form."""
    letters = short_form_letters(short)
    if len(letters) < 2 or len(letters) > MAX_SHORT_FORM:
        return None
    small = small_words() if small is None else small
    best: tuple[int, bool, int] | None = None
    for start in range(len(words) - 1, -1, -1):
        first = words[start]
        if not first[:1].isupper() and not first[:1].isdigit():
            continue
        score = fit_score(letters, words[start:], small)
        if score is not None and (best is None or (score, start in heads) > best[:2]):
            best = (score, start in heads, start)
    return None if best is None else best[2]


def is_short_form(text: str) -> bool:
    uppers = sum(1 for c in text if c.isupper())
    return bool(SHORT_FORM.match(text)) and uppers >= 2 and len(text) <= MAX_SHORT_FORM and not text.isdigit()


def title_case(name: str, small: frozenset[str] | None = None) -> str:
    """``"CENTRE FOR EURASIAN POLICY STUDIES"`` -> "Centre for Eurasian Policy Studies"."""
    small = small_words() if small is None else small
    words = name.split(" ")
    return " ".join(w.lower() if i and w.lower() in small else w[:1] + w[1:].lower() for i, w in enumerate(words))


@cache
def spelling_folds() -> tuple[re.Pattern[str], dict[str, str]]:
    """The ``SPELLING_VARIANT`` table (British word -> American), as one pattern of whole words."""
    table = {str(k).casefold(): str(v).casefold() for k, v in default_lexicon().table("SPELLING_VARIANT").items()}
    words = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True)) or "(?!)"
    return re.compile(r"\b(?:" + words + r")\b"), table


def apostrophe_forms(form: str) -> list[str]:
    """A name as written with a straight and with a curly apostrophe ("Children's", "Children’s")."""
    return (
        [form]
        if "'" not in form and "\u2019" not in form
        else [form.replace("\u2019", "'"), form.replace("'", "\u2019")]
    )


def name_key(text: str) -> str:
    """The key two forms of a name share: case and spacing folded, a leading "the" dropped, and
    spelling variants folded ("Organisation" and "Organization" name one body)."""
    text = " ".join(text.split()).casefold().replace("\u2019", "'")
    pattern, table = spelling_folds()
    text = pattern.sub(lambda m: table[m.group()], text)
    return text[4:] if text.startswith("the ") else text


def _same_event(event: tuple[str, str], key: str) -> bool:
    """Does a name key name the event ``(its key, the key of its words up to its head)``: the
    same, or ending the event's name up to its head in three words or more ("CAL Think Tanks
    Forum" and "Think Tanks Forum")? A body in the event's complement is no event ("the
    Communist Party of X" of "the 20th National Congress of the Communist Party of X")."""
    whole, upto_head = event
    if key == whole:
        return True
    short, long = sorted((upto_head, key), key=len)
    return len(short.split()) >= 3 and long.endswith(" " + short)


def clean_text(tokens: Iterable[Token]) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip()
    return " ".join(text.split())


# -- what the component reads and builds -------------------------------------------------
@dataclass(frozen=True)
class NameWords:
    """The word lists of names, from the lexicon."""

    small: frozenset[str]  # NAME_SMALL_WORD
    connectors: frozenset[str]  # NAME_CONNECTOR: "of", "for" before a complement
    not_name_start: frozenset[str]  # NOT_NAME_START: "The", "Since" opening a sentence
    alias_markers: frozenset[str]  # ALIAS_MARKER: "formerly", "known as"
    alias_adverbs: frozenset[str]  # ALIAS_ADVERB: "also", "better" before the marker
    modifiers: frozenset[str]  # NAME_MODIFIER: "US" before a gazetteer name (as written)
    event_modifiers: frozenset[str]  # EVENT_MODIFIER: "Extraordinary" opening an event's name
    not_names: frozenset[str]  # NOT_ORG_NAME: "National Society", a kind of body
    end_nouns: frozenset[str]  # NAME_END_NOUN: "Journal", "Club": a name after them is another
    company_suffixes: frozenset[str]  # COMPANY_SUFFIX, without their dot: "Co. Ltd." is one name's end
    same_suffixes: frozenset[str]  # NAME_SAME_SUFFIX: "Group" after a name leaves it the same
    event_heads: frozenset[str]  # EVENT_HEAD: "Conference" ending a name names an event
    owned_heads: frozenset[str]  # OWNED_PROGRAMME_HEAD: an organization's own "Fund" is a programme
    owned_by_name_heads: frozenset[str]  # OWNED_BY_NAME_HEAD: "IMF Extended Credit Facility" is one
    session_heads: frozenset[str]  # EVENT_SESSION_HEAD: "Congress" after "Extraordinary" is an event
    publication_heads: frozenset[str]  # PUBLICATION_HEAD: "Journal of X" is a periodical's title
    person_words: frozenset[str]  # PERSON_ROLE and HONORIFIC (with its dot): "Health Minister Ana Cruz", "Ms. Ana Cruz"
    mastheads: frozenset[str]  # MASTHEAD_NOUN (the metadata's list): "Wire", "News" in an agency's name
    date_words: frozenset[str]  # MONTH and WEEKDAY (the dates' word lists): "on Friday" is no complement
    heads: frozenset[str]  # ORG_NOUN: "Ministry" alone is no short form of one ministry
    pair_nouns: frozenset[str]  # PAIR_NOUN, DOCUMENT_NOUN, INITIATIVE_NOUN: "the EU India summit" names no office
    surname_prefixes: frozenset[str]  # SURNAME_PREFIX: "MacArthur" is a person's name
    kind_heads: frozenset[str]  # KIND_OF_BODY_HEAD: "Partners" of "Implementing Partners"
    kind_words: frozenset[str]  # KIND_OF_BODY_WORD: "Implementing", "National", "Member"
    adjective_prefixes: frozenset[str]  # ADJECTIVE_PREFIX: "Inter-" makes "Inter-Agency" an adjective
    head_first_tails: frozenset[str]  # HEAD_FIRST_TAIL: "Affairs" of "Ministry of Foreign Affairs"
    articles: frozenset[str]  # NAME_ARTICLE: "la" of "Banco de la Nacion"
    headline_tags: frozenset[str]  # HEADLINE_TAG: "CORRECTED-" before a headline's first name
    people_plurals: frozenset[str]  # PEOPLE_PLURAL: "Farmers'", "Donors'" (by their endings) in a name
    list_heads: frozenset[str]  # LIST_NAME_HEAD: "and Department for ..." opens the next name of a list
    adjectives_after: frozenset[str]  # ADJECTIVES_AFTER_HEAD: "Agence" of "Agence Française de ..."

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> NameWords:
        return cls(
            lexicon.words("NAME_SMALL_WORD"),
            lexicon.words("NAME_CONNECTOR"),
            lexicon.words("NOT_NAME_START"),
            lexicon.words("ALIAS_MARKER"),
            lexicon.words("ALIAS_ADVERB"),
            lexicon.words("NAME_MODIFIER"),
            lexicon.words("EVENT_MODIFIER"),
            lexicon.words("NOT_ORG_NAME"),
            lexicon.words("NAME_END_NOUN"),
            frozenset(word.rstrip(".") for word in lexicon.words("COMPANY_SUFFIX")),
            lexicon.words("NAME_SAME_SUFFIX"),
            lexicon.words("EVENT_HEAD"),
            lexicon.words("OWNED_PROGRAMME_HEAD"),
            lexicon.words("OWNED_BY_NAME_HEAD"),
            lexicon.words("EVENT_SESSION_HEAD"),
            lexicon.words("PUBLICATION_HEAD"),
            lexicon.words("PERSON_ROLE")
            | frozenset(form for w in lexicon.words("HONORIFIC") for form in (w.lower(), w.lower() + ".")),
            lexicon.words("MASTHEAD_NOUN"),
            lexicon.words("MONTH") | lexicon.words("WEEKDAY"),
            lexicon.words("ORG_NOUN"),
            lexicon.words("PAIR_NOUN") | lexicon.words("DOCUMENT_NOUN") | lexicon.words("INITIATIVE_NOUN"),
            lexicon.words("SURNAME_PREFIX"),
            lexicon.words("KIND_OF_BODY_HEAD"),
            lexicon.words("KIND_OF_BODY_WORD"),
            lexicon.words("ADJECTIVE_PREFIX"),
            lexicon.words("HEAD_FIRST_TAIL"),
            lexicon.words("NAME_ARTICLE"),
            lexicon.words("HEADLINE_TAG"),
            lexicon.words("PEOPLE_PLURAL"),
            lexicon.words("LIST_NAME_HEAD"),
            lexicon.words("ADJECTIVES_AFTER_HEAD"),
        )

    def reads_as_surname(self, word: str) -> bool:
        """ "MacArthur", "VanDyke": a CamelCase word that opens with a surname prefix."""
        return any(word[len(p) : len(p) + 1].isupper() and word[: len(p)].lower() == p for p in self.surname_prefixes)

    def names_a_kind_of_body(self, words: list[str]) -> bool:
        """ "Implementing Partners", "Member States and Development Partners": a plural head
        after generic words only names a kind of body ("Lakeside Capital Partners" is one)."""
        lowered = [w.lower() for w in words]
        if not lowered or lowered[-1] not in self.kind_heads:
            return False
        return all(w in self.kind_words or w in self.kind_heads or w in self.small for w in lowered[:-1])

    def reads_as_agency(self, words: list[str]) -> bool:
        """ "XNA", "Meridian Wire", "Nordwire": a credited name in capitals, or holding or ending
        in a masthead noun (a "Governance" or a "Health Minister Ana Cruz" is none)."""
        if len(words) == 1 and len(words[0]) >= 2 and words[0].isupper():
            return True
        lowered = [w.lower() for w in words]
        return any(w in self.mastheads for w in lowered) or any(
            lowered[-1].endswith(m) and len(m) >= 4 for m in self.mastheads
        )

    def without_modifier(self, form: str) -> str:
        """``"US RAND Corporation"`` -> "RAND Corporation": the name without a country's short form."""
        first, _, rest = form.partition(" ")
        return rest if rest and first in self.modifiers else form


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


def with_parent_acronyms(entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """Each entry also written with the acronym of the entry its name opens with: "United
    Nations High Commissioner for Refugees" is also "UN High Commissioner for Refugees"."""
    parents = sorted(((e.name, e.acronym) for e in entries if e.acronym), key=lambda p: -len(p[0]))
    out = []
    for entry in entries:
        extra = []
        for form in entry.forms:
            for name, acronym in parents:
                if form.startswith(name + " ") and name != entry.name:
                    extra.append(acronym + form[len(name) :])
                    break
        forms = tuple(dict.fromkeys((*entry.forms, *extra)))
        out.append(GazetteerEntry(entry.id, entry.name, entry.acronym, forms) if extra else entry)
    return out


@dataclass(frozen=True)
class Definition:
    """A short form defined in the text, and what it stands for."""

    short: str
    long_text: str
    kind: str  # "organization" or "initiative"
    long_span: tuple[int, int]  # token offsets
    short_span: tuple[int, int]


@dataclass
class Mention:
    start: int  # token offsets
    end: int
    key: str  # what groups mentions of one organization
    rule: str
    priority: int  # higher wins a tie between spans of equal length
    acronym: str | None = None  # a short form this mention shows the organization has


@dataclass
class Facts:
    """What the matches say about the doc's tokens."""

    heads: dict[int, str] = field(default_factory=dict)  # capitalized head noun -> its rule
    initiative_ends: set[int] = field(default_factory=set)  # token after an initiative phrase
    documents: set[int] = field(default_factory=set)  # a document or event noun
    inside_initiatives: set[int] = field(default_factory=set)  # tokens of an initiative phrase before its last
    initiative_heads: set[int] = field(default_factory=set)  # a head noun that opens an initiative ("Mission on")
    wrapped: frozenset[int] = frozenset()  # line-break tokens a name runs on over
    brackets: list[tuple[int, int]] = field(default_factory=list)  # (open, close) of bracketed stretches
    countries: dict[int, int] = field(default_factory=dict)  # start -> end of a country's or region's name
    # gazetteer, defined and pattern names (set once by ``know``): their starts, ends, and the
    # shortest end of those opening at each start
    known_starts: set[int] = field(default_factory=set)
    known_ends: set[int] = field(default_factory=set)
    shortest_known: dict[int, int] = field(default_factory=dict)

    def know(self, spans: Iterable[tuple[int, int]]) -> None:
        """Record the names found before the generic ones, indexed once for the name walks."""
        for start, end in spans:
            self.known_starts.add(start)
            self.known_ends.add(end)
            self.shortest_known[start] = min(end, self.shortest_known.get(start, end))

    @classmethod
    def from_matches(cls, doc: Doc, matches: list[Match], wrapped: frozenset[int] = frozenset()) -> Facts:
        facts = cls(wrapped=wrapped)
        for m in matches:
            if m.label == "ORG_HEAD":
                facts.heads.setdefault(m.start, m.rule)
            elif m.label == "INITIATIVE":
                facts.initiative_ends.add(m.end)
                facts.inside_initiatives.update(range(m.start, m.end - 1))
            elif m.label == "ORG_DOC":
                facts.documents.add(m.start)
            elif m.label == "INITIATIVE_HEAD":
                facts.initiative_heads.add(m.start)
            elif m.label == "COUNTRY":
                facts.countries[m.start] = max(m.end, facts.countries.get(m.start, m.end))
        return facts


# the word lists whose words, in brackets after a dateline, name no news agency
NOT_AN_AGENCY = ("WEEKDAY", "MONTH", "DATE_DEICTIC", "UPDATE_LABEL", "HEADLINE_TAG")


@dataclass(frozen=True)
class JoinedView:
    """The doc for the phrase matchers, where a name wrapped over a line break matches as one
    ("World\nBank" matches "World Bank"): the doc itself, and around each wrapped break a
    small doc of the tokens within ``WRAP_WINDOW`` of it without the break."""

    doc: Doc
    windows: tuple[tuple[Doc, list[int], int], ...] = ()  # (joined doc, its tokens' offsets, the break)

    @classmethod
    def of(cls, doc: Doc, wrapped: frozenset[int]) -> JoinedView:
        windows = []
        for brk in sorted(wrapped):
            kept = [
                i for i in range(max(0, brk - WRAP_WINDOW), min(len(doc), brk + WRAP_WINDOW + 1)) if i not in wrapped
            ]
            words = [doc[i].text for i in kept]
            spaces = [bool(doc[i].whitespace_) or i + 1 in wrapped for i in kept]
            windows.append((Doc(doc.vocab, words=words, spaces=spaces), kept, brk))
        return cls(doc, tuple(windows))

    def match(self, matcher: PhraseMatcher) -> list[tuple[int, int, int]]:
        """(match id, start, end) in the doc's own token offsets."""
        found = [(match_id, start, end) for match_id, start, end in matcher(self.doc)]
        for window, kept, brk in self.windows:
            for match_id, start, end in matcher(window):
                start, end = kept[start], kept[end - 1] + 1
                if start < brk < end:  # only what runs over the break: the rest is found in the doc
                    found.append((match_id, start, end))
        return found


Chosen = tuple[int, int, Mention]
Names = dict[str, tuple[str, str | None]]


def _is_cap_word(token: Token) -> bool:
    return token.text[:1].isupper() and (token.is_alpha or token.text.isupper()) and not token.is_space


def suffixes_end(doc: Doc, last: int, suffixes: frozenset[str]) -> int:
    """The end of a name whose last word is ``doc[last]``, past the company suffixes that
    follow a suffix ("Engineering Co. Ltd.", "Industries Pvt. Ltd."), each with the dot the
    tokenizer may have split off ("Pvt" "."). ``suffixes`` are folded and without their dot."""
    end = last + 1
    while doc[last].lower_.rstrip(".") in suffixes:
        if end < len(doc) and doc[end].text == "." and not doc[last].whitespace_ and not doc[last].text.endswith("."):
            end += 1  # the suffix's own dot
        nxt = doc[end] if end < len(doc) else None
        if nxt is None or not doc[end - 1].whitespace_ or not nxt.text[:1].isupper():
            break
        if nxt.lower_.rstrip(".") not in suffixes:
            break
        last, end = end, end + 1
    return end


def _is_name_word(token: Token) -> bool:
    text = token.text
    return bool(text) and (text[:1].isupper() or (text[:1].isdigit() and token.i > 0)) and not token.is_punct


def _modifies_a_word(doc: Doc, start: int, end: int) -> bool:
    """Is the word at ``doc[start:end]`` used before another word rather than as a name of its
    own: after an article ("the Harbor region"), or before a capitalized word ("Harbor Street")?
    A company named by its first word is written bare: "Harbor signed the loan"."""
    if start > 0 and doc[start - 1].lower_ in ARTICLES:
        return True
    return end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper()


def _in_capitals(span: Span) -> bool:
    return all(t.text.isupper() for t in span if t.is_alpha and t.lower_ not in ARTICLES)


def _as_written_elsewhere(doc: Doc, start: int, head: int, end: int, elsewhere: set[str]) -> tuple[int, int]:
    """A name in a heading ("LAKESIDE COLLEGE OF MEDICINE OPENS NEW WING", "Government
    Announces New River Restoration Fund") is the longest part around its head that the
    article writes as a name elsewhere (``elsewhere``, name keys); as found when none is."""
    best: tuple[int, int] | None = None
    for a in range(start, head + 1):
        for b in range(end, head, -1):
            if (best is None or b - a > best[1] - best[0]) and name_key(clean_text(doc[a:b])) in elsewhere:
                best = (a, b)
                break
    return best or (start, end)


def _line_of(text: str, offset: int) -> str:
    return text[text.rfind("\n", 0, offset) + 1 : (text.find("\n", offset) + 1 or len(text) + 1) - 1]


def _parentheses(doc: Doc, longest: int = 20) -> Iterator[tuple[int, int]]:
    """(open, close) token indices of each bracketed stretch on one line."""
    for open_i in token_positions(doc, ORTH, ("(",)):
        close_i = open_i + 1
        while close_i < len(doc) and close_i - open_i <= longest and doc[close_i].text != ")":
            if "\n" in doc[close_i].text:
                break
            close_i += 1
        if close_i < len(doc) and doc[close_i].text == ")":
            yield open_i, close_i


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _same_block(text: str, lines: list[tuple[int, int]], i: int, j: int) -> bool:
    a, b = sorted((i, j))
    return "\n\n" not in text[lines[a][1] : lines[b][0]]


WRAP_CANDIDATE = re.compile(r"(?<=[^\W_])[ \t]*(\n)[ \t]*(?=[A-Z])")  # a word, one line break, a capital
LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z]{2,}\b")
SENTENCE_END = re.compile(r"[.!?:;\"\u201d]\s*$")


def is_prose_line(line: str, small: frozenset[str]) -> bool:
    """Does ``line`` read as running text: a lower-case word that is not a small word of names?
    ("Center for Global Development" does not, "the analysis makes use of the" does.)"""
    return any(word not in small for word in LOWER_WORD.findall(line))


def wrapped_breaks(text: str, small: frozenset[str]) -> list[int]:
    """Offsets of the line breaks inside running text that fall between a word and a capital:
    a name wrapped there ("the OECD Development\nAssistance Committee") is still one name.

    A line runs on when it does not end a sentence and reads as prose, or when it is a
    fragment between two such lines ("... the World\nBank's International\nDevelopment
    Association (IDA) must ..."). Headings, letterheads and list items read as no prose and
    keep their line: "Center for Global Development\nCGD NOTES" stays two names, and so do
    the items of a list after a line of prose ("Partners include\nWorld Bank\nAsian
    Development Bank").
    """
    candidates = [m.start(1) for m in WRAP_CANDIDATE.finditer(text)]
    if not candidates:
        return []
    lines = text.split("\n")
    prose = [not SENTENCE_END.search(line) and is_prose_line(line, small) for line in lines]
    line_ends = list(itertools.accumulate(len(line) + 1 for line in lines))
    line_ends = [end - 1 for end in line_ends]

    def runs_on(index: int) -> bool:
        if prose[index]:
            return True
        fragment = 0 < index < len(lines) - 1 and not SENTENCE_END.search(lines[index])
        return fragment and prose[index - 1] and is_prose_line(lines[index + 1], small)

    return [offset for offset in candidates if runs_on(bisect.bisect_left(line_ends, offset))]


class OrganizationComponent(RuleComponent):
    component = ORGANIZATIONS

    def build(self) -> None:
        super().build()
        self.words = NameWords.from_lexicon(self.lexicon)
        self._country_keys = frozenset(name_key(c) for c in self.lexicon.words("COUNTRY"))
        self._marker_kind = {" ".join(m.split()): str(v) for m, v in self.lexicon.table("ALIAS_MARKER").items()}
        self._markers: dict[str, list[tuple[str, ...]]] = {}  # first word -> the markers it opens, longest first
        for marker in sorted(self.words.alias_markers, key=lambda m: -len(m.split())):
            self._markers.setdefault(marker.split()[0], []).append(tuple(marker.split()))
        self.gazetteer_lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.gazetteer_exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.gazetteer = with_parent_acronyms([GazetteerEntry.from_line(line) for line in self.lines("ORG_ENTRY")])
        self._gazetteer_by_id = {entry.id: entry for entry in self.gazetteer}
        self._gazetteer_forms: dict[str, GazetteerEntry] = {}
        self._gazetteer_forms_as_written = frozenset(form for entry in self.gazetteer for form in entry.forms)
        for entry in self.gazetteer:
            for form in entry.forms:
                self._gazetteer_forms.setdefault(name_key(form), entry)
        for entry in self.gazetteer:
            for form in entry.forms:
                exact = is_short_form(form) or len(form) <= 4
                docs = [self.nlp.make_doc(written) for written in apostrophe_forms(form)]
                (self.gazetteer_exact if exact else self.gazetteer_lower).add(entry.id, docs)

    def process(self, doc: Doc, matches: list[Match]) -> None:
        text = doc_text(doc)
        facts = Facts.from_matches(doc, matches, self._wrapped_tokens(doc, text))
        facts.brackets = list(_parentheses(doc))
        view = JoinedView.of(doc, facts.wrapped)
        entities: list[Entity] = []
        definitions = self._definitions(doc, facts, entities)
        entities += self._initiative_short_forms(doc, definitions)
        mentions = [
            *self._definition_mentions(view, definitions),
            *self._gazetteer_mentions(view),
            *self._pattern_mentions(doc, matches, facts.countries),
        ]
        facts.know((m.start, m.end) for m in mentions)
        mentions += self._generic_mentions(doc, text, facts, entities)
        mentions += self._short_forms_of_names(doc, mentions, definitions, facts.brackets)
        mentions += self._country_offices(doc, mentions, facts.countries)
        entities += self._initiatives(doc, matches)
        chosen = select_longest([(m.start, m.end, m) for m in sorted(mentions, key=lambda m: -m.priority)])
        chosen, former = self._former_names(doc, chosen)
        names = self._canonical_names(doc, [c[2] for c in chosen], definitions, former)
        for start, end, mention in chosen:
            name, acronym = names[mention.key]
            span = doc[start:end]
            fields = {"name": name, "acronym": acronym}
            add_claim(doc, "organization", span.start_char, span.end_char, mention.rule, fields)
            entities.append(Entity(span.start_char, span.end_char, name, "organization"))
        self._script_aliases(doc, text, chosen, names)
        for entity in sorted(entities, key=lambda e: (e.start, e.end)):
            add_entity(doc, entity.start, entity.end, entity.name, entity.kind)

    def _wrapped_tokens(self, doc: Doc, text: str) -> frozenset[int]:
        """The line-break tokens of ``wrapped_breaks``."""
        found = set()
        for offset in wrapped_breaks(text, self.words.small):
            span = doc.char_span(offset, offset + 1, alignment_mode="expand")
            if span is not None and len(span) == 1 and span[0].is_space:
                found.add(span.start)
        return frozenset(found)

    # 1. definitions --------------------------------------------------------------------
    def _definitions(self, doc: Doc, facts: Facts, entities: list[Entity]) -> dict[str, Definition]:
        """Short form -> its definition; initiatives defined in brackets also go to ``entities``."""
        found: dict[str, Definition] = {}
        for open_i, close_i in facts.brackets:
            definition = self._bracketed_definition(doc, open_i, close_i, facts)
            if definition is None or definition.short in found:
                continue
            if definition.kind == "organization":
                found[definition.short] = definition
            else:
                span = doc[definition.long_span[0] : definition.long_span[1]]
                entities.append(Entity(span.start_char, span.end_char, definition.long_text, "initiative"))
                found.setdefault(definition.short, definition)
        for definition in self._known_as_definitions(doc, facts, found):
            found[definition.short] = definition
        return found

    def _bracketed_definition(self, doc: Doc, open_i: int, close_i: int, facts: Facts) -> Definition | None:
        """ "Long Form (LF)" or "LF (Long Form)"."""
        inside = doc[open_i + 1 : close_i]
        inside_text = clean_text(inside)
        if is_short_form(inside_text.replace(" ", "")) and len(inside) <= 4:
            short = inside_text
            long_span = self._long_form_before(doc, open_i, short, facts.wrapped, facts.heads)
            short_span = (open_i + 1, close_i)
        elif open_i > 0 and is_short_form(doc[open_i - 1].text) and len(inside) >= 2:
            short = doc[open_i - 1].text
            words = [t.text for t in inside if not t.is_punct or t.text in ("-", "&")]
            if long_form_start(short, words, self.words.small) != 0:
                return None
            long_span, short_span = (open_i + 1, close_i), (open_i - 1, open_i)
        else:
            return None
        if long_span is None:
            return None
        tokens = doc[long_span[0] : long_span[1]]
        if len([t for t in tokens if t.is_alpha]) < 2:
            return None
        long_text = clean_text(tokens)
        is_org = self._names_an_organization(tokens, long_text, facts) and long_span[1] not in facts.initiative_ends
        return Definition(short, long_text, "organization" if is_org else "initiative", long_span, short_span)

    def _known_as_definitions(self, doc: Doc, facts: Facts, found: dict[str, Definition]) -> Iterator[Definition]:
        """ "the Shanghai Cooperation Organisation, also known as the SCO" (an ``alias`` marker)."""
        for marker_start, k in self._alias_markers(doc, "alias"):
            if k >= len(doc):
                continue
            if doc[k].lower_ in ARTICLES and k + 1 < len(doc):
                k += 1
            short = doc[k].text
            comma = self._before_adverbs(doc, marker_start - 1)
            if not is_short_form(short) or short in found or comma < 0 or doc[comma].text != ",":
                continue
            long_span = self._long_form_before(doc, comma, short, facts.wrapped, facts.heads)
            if long_span is None:
                continue
            tokens = doc[long_span[0] : long_span[1]]
            if self._names_an_organization(tokens, clean_text(tokens), facts):
                yield Definition(short, clean_text(tokens), "organization", long_span, (k, k + 1))

    def _names_an_organization(self, tokens: Span, text: str, facts: Facts) -> bool:
        return any(t.i in facts.heads for t in tokens) or name_key(text) in self._gazetteer_forms

    def _before_adverbs(self, doc: Doc, i: int) -> int:
        """The index before "also", "better" ... ending at ``i``."""
        while i >= 0 and doc[i].lower_ in self.words.alias_adverbs:
            i -= 1
        return i

    def _long_form_before(
        self, doc: Doc, open_i: int, short: str, wrapped: frozenset[int] = frozenset(), heads: Iterable[int] = ()
    ) -> tuple[int, int] | None:
        """The token span before ``open_i`` whose words the letters of ``short`` fit (over
        ``wrapped`` line breaks), preferring one that opens at a head noun (``heads``)."""
        tokens: list[Token] = []
        i = open_i - 1
        limit = max(len(short_form_letters(short)) * 3, 8)
        while i >= 0 and len(tokens) < limit:
            token = doc[i]
            if i in wrapped:
                i -= 1
                continue
            if token.is_space or token.text in LONG_FORM_BREAKS:
                break
            tokens.insert(0, token)
            if token.is_sent_start and i - 1 not in wrapped:
                break
            i -= 1
        at_heads = frozenset(k for k, t in enumerate(tokens) if t.i in heads)
        start = long_form_start(short, [t.text for t in tokens], self.words.small, at_heads)
        return None if start is None else (tokens[start].i, open_i)

    @staticmethod
    def _initiative_short_forms(doc: Doc, definitions: dict[str, Definition]) -> list[Entity]:
        """ "CPEC" later on still names the corridor (for the objectives' subjects)."""
        initiatives = [d for d in definitions.values() if d.kind == "initiative"]
        shorts = {d.short for d in initiatives}
        where: dict[str, list[Token]] = {}
        for i in token_positions(doc, ORTH, shorts):
            where.setdefault(doc[i].text, []).append(doc[i])
        return [
            Entity(t.idx, t.idx + len(t), d.long_text, "initiative")
            for d in initiatives
            for t in where.get(d.short, [])
            if t.i != d.short_span[0]
        ]

    # 2. mentions -----------------------------------------------------------------------
    def _definition_mentions(self, view: JoinedView, definitions: dict[str, Definition]) -> list[Mention]:
        orgs = {short: d for short, d in definitions.items() if d.kind == "organization"}
        if not orgs:
            return []
        long_forms = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        short_forms = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for short, definition in orgs.items():
            long_forms.add(short, [self.nlp.make_doc(definition.long_text)])
            short_forms.add(short, [self.nlp.make_doc(short)])
        strings = self.nlp.vocab.strings
        mentions = []
        for matcher, rule in ((long_forms, "org-acronym-long-form"), (short_forms, "org-acronym-short-form")):
            for match_id, start, end in view.match(matcher):
                mentions.append(Mention(start, end, "acr:" + strings[match_id], rule, 3))
        return mentions

    def _gazetteer_mentions(self, view: JoinedView) -> list[Mention]:
        """Gazetteer names, with a country's short form written before them ("US RAND Corporation")."""
        strings = self.nlp.vocab.strings
        doc = view.doc
        mentions = []
        for match_id, start, end in [*view.match(self.gazetteer_lower), *view.match(self.gazetteer_exact)]:
            if start > 0 and doc[start - 1].text in self.words.modifiers:
                start -= 1
            mentions.append(Mention(start, end, "gaz:" + strings[match_id], "gazetteer:" + strings[match_id], 2))
        return mentions

    def _pattern_mentions(self, doc: Doc, matches: list[Match], countries: dict[int, int]) -> list[Mention]:
        """``ORG`` matches, and the names of ``ORG_IN_CONTEXT`` and ``NEWS_CREDIT`` matches (the
        capitalized words after the match's first token) that are no country's name ("Imports
        from Peru, a copper producer"); a credit's name must read as an agency's."""
        mentions = []
        for m in matches:
            start, end = m.start, m.end
            if m.rule == "org-camel-case" and (
                self.words.reads_as_surname(doc[start].text) or self._after_a_given_name(doc, start)
            ):
                continue
            if m.label == "ORG_LIST_IN_CONTEXT":
                mentions += self._listed_names(doc, m, countries)
                continue
            if m.label in ("ORG_IN_CONTEXT", "NEWS_CREDIT"):
                start = next((i for i in range(m.start + 1, m.end) if doc[i].text[:1].isupper()), m.end)
                end = next((i for i in range(start, m.end) if not doc[i].text[:1].isupper()), m.end)
                if countries.get(start) == end:
                    continue
                if m.label == "NEWS_CREDIT" and not self._is_credit(doc, start, end):
                    continue
                if m.rule == "credit-source-line" and not self._reads_as_credited_name(doc, start, end):
                    continue  # "Source: Author", "Credit: Supplied"
                if m.label == "ORG_IN_CONTEXT" and (
                    any(
                        t.lower_ in self.words.person_words or t.lower_ in self.words.date_words for t in doc[start:end]
                    )
                    or self._is_a_modifier(doc, end)
                ):
                    continue  # "the company Chairman Tom Lee", "the firm Monday", "the company Lakeland engineers set up"
            elif m.label != "ORG":
                continue
            if start < end:
                mentions.append(Mention(start, end, "rule:" + name_key(doc[start:end].text), m.rule, 2))
        return mentions

    def _after_a_given_name(self, doc: Doc, i: int) -> bool:
        """Does a capitalized word that opens no name stand right before ``doc[i]`` on its line?
        A CamelCase word there ends a person's name, or is two words glued together ("by David
        LawderEditing by"), not a company's name ("The NorthWind", "Lakeland's PayPal" are)."""
        if i < 1 or not doc[i - 1].whitespace_ or "\n" in doc[i - 1].whitespace_:
            return False
        prev = doc[i - 1]
        return (
            prev.is_alpha
            and prev.is_title
            and prev.lower_ not in self.words.small
            and prev.lower_ not in self.words.not_name_start
        )

    def _listed_names(self, doc: Doc, m: Match, countries: dict[int, int]) -> list[Mention]:
        """Each run of capitalized words in an ``ORG_LIST_IN_CONTEXT`` match after its context words
        ("companies such as Alvora, Norvale and Tide Mills"), unless a country's or a person's."""
        out, i = [], next((i for i in range(m.start + 1, m.end) if doc[i].text[:1].isupper()), m.end)
        while i < m.end:
            end = i
            while end < m.end and doc[end].text[:1].isupper() and doc[end].is_alpha:
                end += 1
            if (
                end > i
                and countries.get(i) != end
                and not any(t.lower_ in self.words.person_words for t in doc[i:end])
                and not self._is_a_modifier(doc, end)
            ):
                out.append(Mention(i, end, "rule:" + name_key(doc[i:end].text), m.rule, 2))
            i = end + 1
        if self._is_a_modifier(doc, i - 1):
            return []  # "companies such as Lakeland and Westland state firms": the runs modify a noun
        return out

    def _is_a_modifier(self, doc: Doc, end: int) -> bool:
        """Does the run of capitalized words ending before ``doc[end]`` modify what follows rather
        than name a body: before a possessive ("Tom Varga's Skyreach": a person's or a place's),
        before a lower-case plural noun ("Lakeland engineers", "Silicon Valley startups"), or
        before a lower-case word and a plural head of a kind of body ("Lakeland state firms")?"""
        if end >= len(doc) or (end > 0 and doc[end - 1].whitespace_ and "\n" in doc[end - 1].whitespace_):
            return False
        nxt = doc[end]
        if nxt.text in POSSESSIVE_MARKS:
            return True
        if not (nxt.is_alpha and nxt.is_lower):
            return False
        if is_plural_noun(nxt.text, self.lexicon):
            return True
        after = doc[end + 1] if end + 1 < len(doc) else None
        return (
            after is not None
            and after.is_lower
            and nxt.lower_ not in self.words.small
            and after.lower_ in self.words.kind_heads
        )

    def _reads_as_credited_name(self, doc: Doc, start: int, end: int) -> bool:
        """A one-word credit on its own line ("Source: Lakewire") is an agency's name only when it
        reads as one (capitals, a masthead noun) or is a gazetteer name: "Source: Author",
        "Credit: Supplied", "Sources: Interviews" name none."""
        words = [t.text for t in doc[start:end] if t.is_alpha]
        return self.words.reads_as_agency(words) or name_key(doc[start:end].text) in self._gazetteer_forms

    def _is_credit(self, doc: Doc, start: int, end: int) -> bool:
        """Does ``doc[start:end]`` read as a news agency's credit? One in brackets ("(XNA) -")
        follows a line that opens as a dateline; one before "reports" names no person ("Health
        Minister Ana Cruz": a ``PERSON_ROLE`` or ``HONORIFIC`` word) unless it reads as an agency."""
        words = [t.text for t in doc[start:end] if t.is_alpha]
        if start > 1 and doc[start - 1].text == "(" and doc[start - 2].text == ":":
            return True  # after a credit label: "Source: (XNA)"
        if start > 0 and doc[start - 1].text == "(":
            return not self._is_a_date_or_status_word(doc[start:end].text) and self._opens_as_dateline(doc, start - 1)
        if self.words.reads_as_agency(words) or name_key(doc[start:end].text) in self._gazetteer_forms:
            return True
        return not any(w.lower() in self.words.person_words for w in words)

    def _is_a_date_or_status_word(self, text: str) -> bool:
        """Is the bracketed word after a dateline a weekday, a month or a page's status
        ("Oct. 27 (Friday) --", "3 May (Updated) -"), which credits no agency?"""
        return any(self.lexicon.has(label, text) for label in NOT_AN_AGENCY)

    def _opens_as_dateline(self, doc: Doc, i: int) -> bool:
        """Do the tokens of the line before ``doc[i]`` read as a dateline: a capitalized place
        first, then only capitalized words, numbers, commas and dots, ten tokens at most, and
        either a date (a month's name or a year: "LAGOS, 3 May 2021", "Lakeville, June 7") or
        the place in capitals ("OSLO")? ("Pillar 2 (Governance) -" and "... in 2021 (Table) -"
        are none.)"""
        start = i
        while start > 0 and not doc[start - 1].is_space and "\n" not in doc[start - 1].whitespace_ and i - start < 10:
            start -= 1
        if start == i or (start > 0 and not doc[start - 1].is_space and "\n" not in doc[start - 1].whitespace_):
            return False
        line = doc[start:i]
        if not (line[0].is_alpha and line[0].text[:1].isupper()):
            return False
        if not all(
            (t.text.rstrip(".").isalpha() and t.text[:1].isupper())  # "Oct." as well as "LAGOS"
            or t.like_num
            or ORDINAL.match(t.text)
            or t.text in (",", ".")
            for t in line
        ):
            return False
        dated = any(t.lower_.rstrip(".") in self.words.date_words or YEAR.match(t.text) for t in line)
        return dated or (line[0].is_upper and len(line[0]) >= 3)

    def _short_forms_of_names(
        self, doc: Doc, mentions: list[Mention], definitions: dict[str, Definition], brackets: list[tuple[int, int]]
    ) -> list[Mention]:
        """Short forms of names that no letter-fitting definition gave, with every mention of them:

        * a short form in brackets right after a name is its acronym even when its letters
          do not fit ("Federal Ministry for Economic Cooperation and Development (BMZ)",
          an acronym from another language), unless it is a country's (``NAME_MODIFIER``)
          or a gazetteer form; so is the name's first word in brackets ("Harbor Solar NV
          (Harbor)");
        * a short form of three letters or more that is the initials of a name the article
          writes in full ("WMO" beside "World Meteorological Organization").
        """
        known = set(definitions) | self.words.modifiers | self._gazetteer_forms_as_written
        bracketed = {open_i + 1 for open_i, _ in brackets}
        by_end: dict[int, Mention] = {}
        for m in mentions:
            if m.rule != "org-acronym-short-form" and (m.end not in by_end or m.start < by_end[m.end].start):
                by_end[m.end] = m
        found: dict[str, str] = {}  # short form -> key of its name
        first_words: set[str] = set()  # short forms that are a name's first word ("Harbor")
        for open_i, close_i in brackets:
            named = by_end.get(open_i)
            if close_i != open_i + 2 or named is None:
                continue
            short = doc[open_i + 1].text
            first = doc[named.start].text
            if (
                short == first
                and short.istitle()
                and named.end - named.start > 1
                and short.lower() not in self.words.heads
            ):
                found.setdefault(short, named.key)  # "Harbor Solar NV (Harbor)": its first word names it
                first_words.add(short)
                continue
            if not is_short_form(short):
                continue
            entry = self._gazetteer_forms.get(name_key(short))
            if entry is not None and short in definitions and not self._defines_entry(definitions[short], entry):
                continue  # the text defines the acronym for another body: "Islamic Development Bank (IDB)"
            if entry is not None and named.key.startswith("name:") and short in entry.forms:
                # "... of the United Nations (FAO)" is FAO; "Board of Directors of the EIB (EIB)" an organ of it
                inner = [m.start for m in mentions if m.key == "gaz:" + entry.id and m.end == open_i]
                if not any(self._is_parent_complement(doc, named.start, start) for start in inner):
                    self._rekey(mentions, named.key, "gaz:" + entry.id)
            elif short not in known:
                found.setdefault(short, named.key)
        for m in mentions:
            if m.key.startswith("name:"):
                written = clean_text(doc[m.start : m.end])
                initials = "".join(
                    w[0] for w in written.split() if w.lower() not in self.words.small and w[:1].isupper()
                )
                if len(initials) >= 3 and initials not in known and not written.isupper():
                    found.setdefault(initials, m.key)
        if not found:
            return []
        matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for short in found:
            matcher.add(short, [self.nlp.make_doc(short)])
        strings = self.nlp.vocab.strings
        out = []
        for match_id, start, end in matcher(doc):
            short = strings[match_id]
            if short in first_words and start not in bracketed and _modifies_a_word(doc, start, end):
                continue
            out.append(Mention(start, end, found[short], "org-acronym-short-form", 3, acronym=short))
        return out

    def _defines_entry(self, definition: Definition, entry: GazetteerEntry) -> bool:
        """Is a definition's long form one of a gazetteer entry's forms (or its name)?"""
        long_key = name_key(definition.long_text)
        return any(name_key(form) == long_key for form in (entry.name, *entry.forms))

    def _is_parent_complement(self, doc: Doc, start: int, inner: int) -> bool:
        """Is the name at ``inner`` the complement of a name opening at ``start`` ("Board of
        Directors of the | European Investment Bank")? Then the name is an organ of it."""
        j = inner - 1
        if j > start and doc[j].lower_ in ARTICLES:
            j -= 1
        return j > start and doc[j].lower_ in self.words.connectors

    def _country_offices(self, doc: Doc, mentions: list[Mention], countries: dict[int, int]) -> list[Mention]:
        """A known organization followed by a country's or a region's name is its office there,
        another organization: "UNICEF Nigeria", "JICA India", "the World Bank South Asia" (not
        when a capitalized word follows, nor a ``PAIR_NOUN``: "the IMF Kenya programme")."""
        out = []
        for m in mentions:
            end = countries.get(m.end)
            if end is None or (m.key.startswith("name:") and m.rule != "org-acronym-short-form"):
                continue
            if doc[m.end - 1].whitespace_ != " " or doc[m.end - 1].text in self.words.modifiers:
                continue
            after = doc[end] if end < len(doc) else None
            if after is not None and (
                (after.is_alpha and after.text[:1].isupper()) or after.lower_ in self.words.pair_nouns
            ):
                continue
            text = clean_text(doc[m.start : end])
            out.append(Mention(m.start, end, "name:" + name_key(text), "org-country-office", 3))
        return out

    @staticmethod
    def _rekey(mentions: list[Mention], old: str, new: str) -> None:
        for m in mentions:
            if m.key == old:
                m.key = new

    def _generic_mentions(self, doc: Doc, text: str, facts: Facts, entities: list[Entity]) -> list[Mention]:
        """A name around each head noun; one that ends in an initiative phrase goes to ``entities``."""
        mentions = []
        built = {}
        events: set[tuple[str, str]] = set()  # names written once as an event's ("the 3rd Lakeland Forum")
        for head in sorted(facts.heads):
            if head not in facts.inside_initiatives:  # "Trust" of "Lake Restoration Trust Fund" is no head
                name = self._generic_name(doc, head, facts, events)
                if name is not None:
                    built[head] = name
        same_events = [
            (a, b)
            for a, b in built.values()
            if any(_same_event(event, name_key(clean_text(doc[a:b]))) for event in events)
        ]
        for head, (a, b) in list(built.items()):
            if any(x <= a and b <= y for x, y in same_events):
                del built[head]  # "the Lakeland Forum" after "the 3rd Lakeland Forum": the same event, and its words
        keys = {head: name_key(clean_text(doc[a:b])) for head, (a, b) in built.items()}
        mixed = {head for head, (a, b) in built.items() if not _in_capitals(doc[a:b])}
        written = Counter(keys[head] for head in mixed)  # names in mixed case, and how often
        name_ends = facts.known_ends | {end for _, end in built.values()}
        for head, (start, end) in built.items():
            if end - start >= 3 and not is_prose_line(_line_of(text, doc[head].idx), self.words.small):
                own = keys[head] if head in mixed else None
                elsewhere = {key for key, n in written.items() if n > (key == own)}
                if elsewhere:
                    start, end = _as_written_elsewhere(doc, start, head, end, elsewhere)
            span = doc[start:end]
            owned = self._owned(doc, start, head, end, facts, name_ends)
            if head + 1 in facts.initiative_ends or head in facts.initiative_heads or owned:  # "Customs Union of ..."
                entities.append(Entity(span.start_char, span.end_char, clean_text(span), "initiative"))
                continue
            mentions.append(Mention(start, end, "name:" + name_key(clean_text(span)), facts.heads[head], 1))
        return mentions

    def _owned(self, doc: Doc, start: int, head: int, end: int, facts: Facts, name_ends: set[int]) -> bool:
        """Is the name a programme of an organization: an ``OWNED_PROGRAMME_HEAD`` after the
        organization's possessive ("the Lakeland Authority's River Restoration Fund"), or an
        ``OWNED_BY_NAME_HEAD`` opening with a known organization's name ("IMF Extended Credit
        Facility")? A name with a complement or its own bracketed short form is a body of its
        own ("the OPEC Fund for International Development", "the UN Capital Development Fund (UNCDF)")."""
        word = doc[head].lower_
        if word in self.words.owned_heads and start >= 2 and doc[start - 1].lower_ in POSSESSIVES:
            return start - 1 in name_ends
        if word not in self.words.owned_by_name_heads or end != head + 1:
            return False
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            return False
        return facts.shortest_known.get(start, head + 1) <= head

    def _generic_name(
        self, doc: Doc, head: int, facts: Facts, events: set[tuple[str, str]] | None = None
    ) -> tuple[int, int] | None:
        """The token span of the name whose head noun is ``doc[head]``: at least two capitalized
        words. An event's name whose head is an ``EVENT_SESSION_HEAD`` goes to ``events`` (its key,
        and the key of its words up to the head) instead, so that the same event written without
        its ordinal is none either ("the 3rd Lakeland Forum ... the Lakeland Forum"); a body whose
        sessions are numbered ("the 76th World Health Assembly") or whose name an ordinal opens as
        a modifier ("the 16th Lakeland Fund replenishment") is a body where written alone."""
        if not doc[head].text[:1].isupper() or self._prefixed_adjective(doc, head):
            return None
        start = self._name_start(doc, head, facts)
        head_end = self._adjectives_after_end(doc, head) or self._head_end(doc, head)
        end = self._complements_end(doc, head_end, facts.wrapped, facts.known_starts)
        if len([t for t in doc[start:end] if t.text.rstrip(".").isalpha() and t.text[:1].isupper()]) < 2:
            return None  # "the Commission" alone is a generic reference ("Harbor Ltd." is two words)
        if facts.countries.get(start) == end:
            return None  # a country's formal name: "the Russian Federation", "the Swiss Confederation"
        if end > head + 1 and doc[head].lower_ in self.words.publication_heads:
            return None  # "the Journal of Rural Water Economics": a periodical's title
        if self._names_an_event(doc, start, head, end):
            if events is not None and doc[head].lower_ in self.words.session_heads:
                events.add((name_key(clean_text(doc[start:end])), name_key(clean_text(doc[start:head_end]))))
            return None
        if name_key(clean_text(doc[start:end])) in self.words.not_names:
            return None
        if end == head + 1 and self.words.names_a_kind_of_body([t.text for t in doc[start:end] if t.is_alpha]):
            return None
        return start, end

    def _prefixed_adjective(self, doc: Doc, head: int) -> bool:
        """Is the head noun the end of an adjective glued to an ``ADJECTIVE_PREFIX`` ("Inter-Agency
        Appeals", "Cross-Border Trade"), no head of a name?"""
        if head >= 1 and doc[head - 1].lower_ in self.words.adjective_prefixes:
            return True  # "Inter Agency Appeals"
        return (
            head >= 2
            and doc[head - 1].text == "-"
            and not doc[head - 1].whitespace_
            and not doc[head - 2].whitespace_
            and doc[head - 2].lower_ in self.words.adjective_prefixes
        )

    def _adjectives_after_end(self, doc: Doc, head: int) -> int | None:
        """After the capitalized adjectives that follow an ``ADJECTIVES_AFTER_HEAD`` noun in a name of
        another language ("Agence Française | de Développement", "Banco Ribereño Central"): the
        adjectives must show the language (a letter outside ASCII) or be followed by a connector
        of it ("Banco Central | de Reserva"); otherwise None."""
        if doc[head].lower_ not in self.words.adjectives_after:
            return None
        end = head + 1
        while (
            end < len(doc) and end - head <= 3 and doc[end].is_alpha and doc[end].is_title and doc[end - 1].whitespace_
        ):
            word = doc[end].lower_
            if word in self.words.small or word in self.words.heads or word in self.words.person_words:
                break  # "Société Générale | Chief Executive ...": a person's role
            if word in self.words.date_words:
                break  # "the Agence Française | Monday briefing"
            end += 1
        if end == head + 1:
            return None
        foreign = any(not t.text.isascii() for t in doc[head + 1 : end])
        after = doc[end].lower_ if end < len(doc) else ""
        own_connector = after in self.words.connectors and after not in ENGLISH_CONNECTORS  # "de", "para"
        return end if foreign or own_connector else None

    def _head_end(self, doc: Doc, head: int) -> int:
        """After the head noun and a capitalized word hyphenated to it ("Directorate-General"),
        and after the company suffixes that follow it (``suffixes_end``)."""
        if (
            head + 2 < len(doc)
            and doc[head + 1].text == "-"
            and not doc[head].whitespace_
            and not doc[head + 1].whitespace_
            and _is_cap_word(doc[head + 2])
        ):
            return head + 3
        return suffixes_end(doc, head, self.words.company_suffixes)

    def _names_an_event(self, doc: Doc, start: int, head: int, end: int) -> bool:
        """ "Extraordinary Congress", "WTO Ministerial Conference" (an ``EVENT_MODIFIER`` before an
        ``EVENT_SESSION_HEAD``), "the 19th Party Congress", "Munich Security Conference" (an
        ``EVENT_HEAD`` with no complement): a session or an event, not a body ("Conference on
        Disarmament" and "the Ministerial Council" are bodies)."""
        return (
            (
                doc[head].lower_ in self.words.session_heads
                and any(t.lower_ in self.words.event_modifiers for t in doc[start:head])
            )
            or self._ordinal_before(doc, start)
            or (end == head + 1 and doc[head].lower_ in self.words.event_heads)
        )

    def _ordinal_before(self, doc: Doc, start: int) -> bool:
        """Does an ordinal open the name at ``start``: right before it ("the 19th Party Congress"),
        or before a defined name that opens it ("the 3rd Lakeland Rivers Council (LRC) Youth
        Forum", the event of a body named with its acronym)?"""
        i = start - 1
        if i >= 3 and doc[i].text == ")" and doc[i - 2].text == "(":
            i -= 3
            while (
                i >= 0
                and start - i <= MAX_NAME_WALK
                and ((doc[i].is_alpha and doc[i].is_title) or doc[i].lower_ in self.words.small)
            ):
                i -= 1
        return i >= 0 and bool(ORDINAL.match(doc[i].text))

    def _name_start(self, doc: Doc, head: int, facts: Facts) -> int:
        """Left of the head: capitalized words, joiners between them, "and" inside the name,
        and wrapped line breaks."""
        documents, known_ends, known_starts = facts.documents, facts.known_ends, facts.known_starts
        start = head
        while start > 0 and head - start < MAX_NAME_WALK:
            if doc[start].is_title and doc[start].lower_ in ARTICLES:
                break  # "The" opens the name: a headline line above it is no part ("... India\nThe Asian ...")
            prev = doc[start - 1]
            if start - 1 in facts.wrapped and start >= 2:
                if start - 2 in facts.heads or start - 1 in known_ends or start in known_starts:
                    break  # the line before ends with a name of its own, or a known name opens this one
                start -= 1
                continue
            if prev.is_space:
                break
            glued = not prev.whitespace_ or prev.text == "&"  # "India-Middle East", "Procter & Gamble"
            if prev.text in JOINERS and glued and start >= 2 and doc[start - 2].lower_ in self.words.headline_tags:
                break  # "CORRECTED-World Bank approves ...": a wire service's tag
            if prev.text in JOINERS and glued and start >= 2 and _is_name_word(doc[start - 2]):
                if start - 1 in known_ends and facts.shortest_known.get(start) == head + 1:
                    break  # two known names paired: "EU-African Union" (the pair's programme names both)
                start -= 2
                continue
            if prev.lower_ == "and" and start >= 2 and doc[start - 2].text[:1].isupper() and doc[start - 2].is_alpha:
                if start == head and doc[head].lower_ in self.words.adjectives_after:
                    break  # "... de Développement and Banco Central": another language's head opens a name
                if (
                    start == head
                    and head + 1 < len(doc)
                    and doc[head].lower_ in self.words.list_heads
                    and doc[head + 1].lower_ in self.words.connectors
                ):
                    break  # a head-first name opens after the "and": "the Treasury and Department for Trade"
                if start - 2 in documents or start - 2 in facts.heads or start - 1 in known_ends:
                    break  # "and" after a complete name: "the World Bank and European Investment Bank"
                if self._joins_two_names(doc, start - 1, head, facts.wrapped):
                    break  # "the Federal Reserve and European Central Bank"
                start -= 2
                continue
            if self._plural_possessive(doc, start - 1) and start - 1 not in known_ends:
                start -= 2  # "Women's Commission for ...", "Farmers' Union": a people's plural owns no name
                continue
            if not (prev.text[:1].isupper() and (prev.is_alpha or prev.text.isupper())):
                break
            if prev.lower_ in self.words.end_nouns and head - start >= 2:
                break  # "Northern Gazette Journal | Lakeside Rowing Club" (two words between: "University Grants Commission" is one)
            if (self._opens_sentence(prev, facts.wrapped) and prev.lower_ in self.words.not_name_start) or (
                prev.i in documents
            ):
                break
            start -= 1
        while start < head and (
            doc[start].lower_ in self.words.small or doc[start].text in JOINERS or start in facts.wrapped
        ):
            start += 1
        return start

    def _plural_possessive(self, doc: Doc, mark: int) -> bool:
        """Is ``doc[mark]`` the possessive of a capitalized plural of people that is a word of the
        name ("Women's", "Children's", "Farmers'"), not an owner's name ("the Authority's", "the
        Maldives' Ministry of Health")? The plural is a ``PEOPLE_PLURAL`` word or ends like one
        ("-ers", "-ors"); an irregular plural takes "'s", a plural in -s the bare apostrophe, glued to it."""
        if mark < 1 or doc[mark - 1].whitespace_ or not doc[mark].whitespace_:
            return False
        word = doc[mark - 1]
        if not (word.is_alpha and word.is_title) or not word.lower_.endswith(tuple(self.words.people_plurals)):
            return False  # "the Philippines' Department of Finance", "Siemens' Energy Council": an owner's name
        irregular = self.lexicon.has("PLURAL_NOUN", word.lower_)
        if doc[mark].text in POSSESSIVE_MARKS:
            return irregular
        return doc[mark].text in ("'", "\u2019") and not irregular and is_plural_noun(word.text, self.lexicon)

    @staticmethod
    def _joins_two_names(doc: Doc, and_i: int, head: int, wrapped: frozenset[int]) -> bool:
        """Does the "and" at ``and_i`` join two names rather than two words of one? Two
        capitalized words at least on either side: "Federal Reserve and European Central
        Bank" is two names, "Food and Agriculture Organization" and "Technical Assistance and
        Cooperation Committee" are one."""
        after = len(doc[and_i + 1 : head].text.split())  # words: "Agro-Industries" is one
        before, i = 0, and_i - 1
        while i >= 0 and before < 2 and ((doc[i].is_alpha and doc[i].text[:1].isupper()) or i in wrapped):
            if doc[i].lower_ in ARTICLES:
                break  # "The William and Flora Lee Foundation": the article opens the one name
            before += i not in wrapped
            i -= 1
        return after >= 2 and before >= 2

    @staticmethod
    def _opens_sentence(token: Token, wrapped: frozenset[int]) -> bool:
        """Does ``token`` open a sentence (a wrapped line break opens none)?"""
        return bool(token.is_sent_start) and token.i - 1 not in wrapped

    def _complements_end(
        self, doc: Doc, end: int, wrapped: frozenset[int] = frozenset(), known_starts: set[int] | None = None
    ) -> int:
        """Right of the head: complements introduced by "of", "for", "on", "with" (over at most
        ``MAX_NAME_WALK`` tokens: a run of capitals longer than that is a heading, not one name)."""
        head_end = end
        while end < len(doc) and end - head_end < MAX_NAME_WALK:
            connector = end + (end in wrapped)
            if connector >= len(doc) or doc[connector].lower_ not in self.words.connectors:
                break
            j = connector + 1
            j += j in wrapped
            if j < len(doc) and (doc[j].lower_ in ARTICLES or self._foreign_article(doc[j])):
                j += 1
                j += j in wrapped
            if j < len(doc) and doc[j].lower_ in self.words.date_words:
                break  # "... Bank on Friday"
            run_end = self._complement(
                doc, j, wrapped, known_starts, self.words.list_heads, self.words.connectors, self.words.adjectives_after
            )
            if run_end is None:
                break
            end = run_end
        return end

    def _foreign_article(self, token: Token) -> bool:
        """An article of another language after a connector (``NAME_ARTICLE``: "para la Accion",
        "de la Paz", "fur die"), skipped like "the"."""
        return token.lower_ in self.words.articles

    @staticmethod
    def _complement(
        doc: Doc,
        j: int,
        wrapped: frozenset[int] = frozenset(),
        known_starts: set[int] | None = None,
        heads: frozenset[str] = frozenset(),
        connectors: frozenset[str] = frozenset(),
        adjectives_after: frozenset[str] = frozenset(),
    ) -> int | None:
        """End of a capitalized complement starting at ``j`` ("Planning, Development and Special Initiatives"),
        at most ``MAX_NAME_WALK`` tokens long, over ``wrapped`` line breaks (unless a known name
        opens the next line: "... the Ministry of Finance\nWorld Bank staff", or follows its
        "and": "the WHO Country Office for India and UNICEF"); a ``heads`` word and a ``connectors`` word
        after its "and" open the next name of a list instead ("..., Audit and Department for Trade"), and so
        does an ``adjectives_after`` head ("... de Développement and Banco Central de ...")."""
        end = None
        i = j
        limit = min(len(doc), j + MAX_NAME_WALK)
        while i < limit:
            token = doc[i]
            if _is_cap_word(token):
                i += 1
                end = i
                if i in wrapped and i + 1 < limit and _is_cap_word(doc[i + 1]) and i + 1 not in (known_starts or ()):
                    i += 1
                continue
            if token.text in ("-", "&") and end == i and i + 1 < len(doc) and _is_cap_word(doc[i + 1]):
                i += 1
                continue
            if token.lower_ in ("and", ",") and end == i:
                # a list inside the complement must close with "and" and a capitalized word, and
                # have an item between a comma and that "and" ("Government of India, and Mr Lee" has none)
                k = i
                while k < limit and (doc[k].text == "," or _is_cap_word(doc[k])):
                    k += 1
                if k + 2 < limit and doc[k + 1].lower_ in heads and doc[k + 2].lower_ in connectors:
                    break  # a head-first name after the "and" makes the list one of names: "..., and Department for ..."
                if k + 1 < limit and doc[k + 1].lower_ in adjectives_after:
                    break  # "... de Développement and Banco Central ...": the head of another language's name
                if (
                    (token.text != "," or k > i + 1)
                    and k < limit
                    and doc[k].lower_ == "and"
                    and k + 1 < limit
                    and _is_cap_word(doc[k + 1])
                    and k + 1 not in (known_starts or ())
                ):
                    i = k + 1
                    continue
            break
        return end

    def _initiatives(self, doc: Doc, matches: list[Match]) -> list[Entity]:
        """Capitalized initiative names ("Belt and Road Initiative", "Agenda 2063"), for the subjects."""
        found = []
        for m in matches:
            if m.label != "INITIATIVE" or not doc[m.start].text[:1].isupper():
                continue
            start = self._initiative_start(doc, m.start)
            end = m.end + (m.end < len(doc) and bool(YEAR.match(doc[m.end].text)))  # "Agenda 2063", "Vision 2030"
            while (
                end + 1 < len(doc) and doc[end].lower_ in self.words.connectors and "\n" not in doc[end - 1].whitespace_
            ):
                complement = self._complement(doc, end + 1 + (doc[end + 1].lower_ in ARTICLES))
                if complement is None:
                    break
                end = complement
            span = doc[start:end]
            found.append(Entity(span.start_char, span.end_char, clean_text(span), "initiative"))
        return found

    def _initiative_start(self, doc: Doc, start: int) -> int:
        first = start
        while start > 0 and first - start < MAX_NAME_WALK:
            prev = doc[start - 1]
            if prev.text in ("-", "\u2013") and not prev.whitespace_ and start >= 2 and doc[start - 2].is_title:
                start -= 2  # "India-Middle East-Europe Economic Corridor"
                continue
            if not (prev.text[:1].isupper() and prev.is_alpha) or (
                prev.is_sent_start and prev.lower_ in self.words.not_name_start
            ):
                break
            start -= 1
        return start

    # 4. former names -------------------------------------------------------------------
    def _former_names(self, doc: Doc, chosen: list[Chosen]) -> tuple[list[Chosen], set[str]]:
        """ "X, formerly (known as) the Y" and "X, also known as Y": Y is another name of X.

        Returns the mentions (Y's joined to X's key) and the folded former names, which
        never become the canonical name while X's own name is written.
        """
        former: set[str] = set()
        by_end = {end: mention for _, end, mention in chosen}
        by_start = {start: mention for start, _, mention in chosen}
        by_key: dict[str, list[Mention]] = {}
        for _, _, mention in chosen:
            by_key.setdefault(mention.key, []).append(mention)
        added: list[Chosen] = []
        for marker_start, after in self._alias_markers(doc):
            comma = self._before_adverbs(doc, marker_start - 1)
            owner = by_end.get(comma) if comma >= 0 and doc[comma].text in (",", "(") else None
            if owner is None:
                continue
            j = self._after_markers(doc, after)
            if j in by_start:  # the other name is itself a mention: one organization
                former.add(name_key(doc[j : by_start[j].end].text))
                old_key = by_start[j].key
                if old_key != owner.key:  # the other name's whole group joins the owner's
                    for mention in by_key.pop(old_key, []):
                        mention.key = owner.key
                        by_key.setdefault(owner.key, []).append(mention)
                continue
            end = self._complement(doc, j)
            if end is not None and any(t.is_alpha for t in doc[j:end]):
                former.add(name_key(doc[j:end].text))
                added.append((j, end, Mention(j, end, owner.key, "org-former-name", 3)))
        taken = {i for start, end, _ in chosen for i in range(start, end)}
        extra = [item for item in added if not any(i in taken for i in range(item[0], item[1]))]
        return sorted(chosen + extra, key=lambda c: c[0]), former

    def _alias_markers(self, doc: Doc, *kinds: str) -> Iterator[tuple[int, int]]:
        """(start, end) token spans of "formerly", "previously", "known as" ... (of ``kinds`` when given)."""
        for i in token_positions(doc, LOWER, self._markers.keys()):
            end = self._marker_end(doc, i)
            if end is None:
                continue
            if not kinds or self._marker_kind.get(" ".join(t.lower_ for t in doc[i:end])) in kinds:
                yield i, end

    def _marker_end(self, doc: Doc, i: int) -> int | None:
        for words in self._markers.get(doc[i].lower_, ()):
            if tuple(t.lower_ for t in doc[i : i + len(words)]) == words:
                return i + len(words)
        return None

    def _after_markers(self, doc: Doc, j: int) -> int:
        """Past any further markers and articles: "formerly known as the" -> the name."""
        while j < len(doc):
            end = self._marker_end(doc, j)
            if end is None and doc[j].lower_ not in ARTICLES:
                return j
            j = end or j + 1
        return j

    # 5. canonical names ----------------------------------------------------------------
    def _canonical_names(
        self, doc: Doc, mentions: list[Mention], definitions: dict[str, Definition], former: set[str]
    ) -> Names:
        """Group key -> (name, acronym), after joining groups that are one organization."""
        written: dict[str, list[str]] = {}
        for m in mentions:
            written.setdefault(m.key, []).append(clean_text(doc[m.start : m.end]))
        self._join_aliases(doc, mentions, written, definitions)
        self._join_organs(mentions, written, definitions)
        owners = self._possessive_countries(doc, mentions)
        self._join_country_complements(mentions, written, owners)
        self._join_head_first_forms(mentions, written, owners)
        self._join_letterhead_capitals(mentions, written)
        shown = {m.key: m.acronym for m in mentions if m.acronym}
        names: Names = {}
        for m in mentions:
            if m.key not in names:
                name, acronym = self._group_name(m.key, written.get(m.key, []), definitions, former)
                names[m.key] = name, acronym or shown.get(m.key)
        return names

    def _join_aliases(
        self, doc: Doc, mentions: list[Mention], written: dict[str, list[str]], definitions: dict[str, Definition]
    ) -> None:
        """A generic name written like a defined long form or a gazetteer form is that organization,
        also with a ``NAME_SAME_SUFFIX`` word after it ("African Development Bank Group"), and so
        is a longer name that ends where a long form ends ("Deutsche Gesellschaft für
        Internationale Zusammenarbeit (GIZ)", whose letters fit from "Gesellschaft" on), unless
        the long form is its complement: "Executive Board of the Northern Development Fund
        (NDF)" is an organ of the fund, another organization."""
        organizations = {short: d for short, d in definitions.items() if d.kind == "organization"}
        alias_of = {"name:" + name_key(d.long_text): "acr:" + short for short, d in organizations.items()}
        for short in organizations:  # "IDB Group" after "Islamic Development Bank (IDB)": the text's IDB
            alias_of.setdefault("name:" + name_key(short), "acr:" + short)
        for form, entry in self._gazetteer_forms.items():
            alias_of.setdefault("name:" + form, "gaz:" + entry.id)
        for short, d in organizations.items():  # a gazetteer body defined in the text: one group
            known = self._gazetteer_forms.get(name_key(d.long_text))
            if known is not None and known.acronym == short:
                alias_of["gaz:" + known.id] = "acr:" + short
                for form in known.forms:
                    alias_of["name:" + name_key(form)] = "acr:" + short
        defined_at = {d.long_span[1]: (d.long_span[0], "acr:" + short) for short, d in organizations.items()}
        moves: dict[str, str] = {}
        for m in mentions:
            base, _, last = m.key.rpartition(" ")
            target = alias_of.get(m.key) or (alias_of.get(base) if last in self.words.same_suffixes else None)
            long_start, defined = defined_at.get(m.end, (-1, None))
            if (
                target is None
                and m.key.startswith("name:")
                and 0 <= m.start <= long_start
                and not self._is_parent_complement(doc, m.start, long_start)
            ):
                target = defined
            if target is not None:
                moves.setdefault(m.key, target)
        for m in mentions:
            target = moves.get(m.key)
            if target is not None:
                written.setdefault(target, []).extend(written.pop(m.key, []))
                m.key = target

    def _join_organs(
        self, mentions: list[Mention], written: dict[str, list[str]], definitions: dict[str, Definition]
    ) -> None:
        """An organ written with and without its parent is one organization: "OECD Development
        Assistance Committee" and "Development Assistance Committee (DAC)", "IAEA Board of
        Governors" or "Board of Governors of the IAEA" and "Board of Governors". The parent is
        a gazetteer form or a defined name; a group with an acronym keeps its key (the fullest
        form becomes its name)."""
        parents = set(self._gazetteer_forms) | {name_key(short) for short in definitions}
        parents |= {name_key(d.long_text) for d in definitions.values()}
        owner_of_tail: dict[str, str] = {}  # an organ's name without its parent -> the group that writes both
        for key, forms in written.items():
            if key.startswith("name:"):
                for form in forms:
                    words = name_key(form).split()
                    for cut in range(1, len(words) - 1):  # the organ keeps two words at least
                        if " ".join(words[:cut]) in parents:  # "IAEA Board of Governors"
                            owner_of_tail.setdefault(" ".join(words[cut:]), key)
                        if cut >= 2 and words[cut] in self.words.connectors:  # "Board of Governors of the IAEA"
                            rest = words[cut + 1 :]
                            if name_key(" ".join(rest)) in parents:
                                owner_of_tail.setdefault(" ".join(words[:cut]), key)
        if not owner_of_tail:
            return
        moves: dict[str, str] = {}
        for key, forms in written.items():
            keys = {name_key(f) for f in forms}
            if key.startswith("acr:") and key[4:] in definitions:
                keys.add(name_key(definitions[key[4:]].long_text))
            for form in keys:
                owner = owner_of_tail.get(form)
                if owner is not None and owner != key and owner not in moves and key not in moves:
                    source, target = (owner, key) if not key.startswith("name:") else (key, owner)
                    moves[source] = target
        for m in mentions:
            fuller = moves.get(m.key)
            if fuller is not None and fuller not in moves:
                written.setdefault(fuller, []).extend(written.pop(m.key, []))
                m.key = fuller

    def _possessive_countries(self, doc: Doc, mentions: list[Mention]) -> dict[str, set[str]]:
        """Group key -> the countries written as its owners ("Pakistan's Ministry of Foreign
        Affairs", "the UK's State Department")."""
        owners: dict[str, set[str]] = {}
        for m in mentions:
            if m.start < 2 or doc[m.start - 1].text not in POSSESSIVE_MARKS:
                continue
            for k in range(max(0, m.start - 5), m.start - 1):
                country = name_key(doc[k : m.start - 1].text)
                country = country[4:] if country.startswith("the ") else country
                if country in self._country_keys:
                    owners.setdefault(m.key, set()).add(country)
                    break
        return owners

    def _own_country(self, key: str) -> str | None:
        """The country of a name's " of <country>" complement ("Ministry of Finance of Lakeland")."""
        base, of, country = key[5:].rpartition(" of ")
        country = country[4:] if country.startswith("the ") else country
        return country if of and base and country in self._country_keys else None

    def _country_joins(self, key: str, target: str, owners: dict[str, set[str]]) -> bool:
        """May ``key`` join ``target``? Only when at most one country owns the two in the text
        ("China's Foreign Ministry" is no "Pakistan's Ministry of Foreign Affairs")."""
        own = self._own_country(target)
        return len(owners.get(key, set()) | owners.get(target, set()) | ({own} if own else set())) <= 1

    def _join_country_complements(
        self, mentions: list[Mention], written: dict[str, list[str]], owners: dict[str, set[str]]
    ) -> None:
        """A name written once with its country ("Industry Ministry of Lakeland") and elsewhere
        without it ("the Industry Ministry said") is one body, when only one such name is written
        and no other country owns the bare one ("Westland's Industry Ministry")."""
        fuller: dict[str, list[str]] = {}  # the name without " of <country>" -> the groups writing it with one
        for key in written:
            if key.startswith("name:") and self._own_country(key):
                fuller.setdefault("name:" + key[5:].rpartition(" of ")[0], []).append(key)
        for m in mentions:
            targets = fuller.get(m.key)
            if targets is not None and not self._country_joins(m.key, targets[0], owners):
                continue
            if targets is not None and len(set(targets)) == 1 and m.key in written:
                written.setdefault(targets[0], []).extend(written.pop(m.key))
                m.key = targets[0]
            elif targets is not None and len(set(targets)) == 1:
                m.key = targets[0]

    def _join_head_first_forms(
        self, mentions: list[Mention], written: dict[str, list[str]], owners: dict[str, set[str]]
    ) -> None:
        """ "Finance Ministry" is the "Ministry of Finance", and "Foreign Ministry" the "Ministry of
        Foreign Affairs" (a ``HEAD_FIRST_TAIL`` word after the complement), when the article writes
        the head-first form: the head-last one joins it, unless two countries own the two
        ("Pakistan's Ministry of Foreign Affairs" and "China's Foreign Ministry")."""
        keys = {key for key in written if key.startswith("name:")}
        for m in mentions:
            if m.key not in keys:
                continue
            words = m.key[5:].split(" ")
            if len(words) < 2 or words[-1] not in self.words.heads or any(w in self.words.small for w in words):
                continue
            complement = " ".join(words[:-1])
            forms = [f"{words[-1]} {of} {complement}" for of in ("of", "of the")]
            forms += [f"{form} {tail}" for form in forms for tail in self.words.head_first_tails]
            found = {"name:" + form for form in forms} & keys
            if len(found) == 1 and self._country_joins(m.key, next(iter(found)), owners):
                target = found.pop()
                written.setdefault(target, []).extend(written.pop(m.key, []))
                keys.discard(m.key)
                for other in mentions:
                    if other.key == m.key:
                        other.key = target

    @staticmethod
    def _join_letterhead_capitals(mentions: list[Mention], written: dict[str, list[str]]) -> None:
        """Letterhead capitals take the casing the article uses elsewhere."""
        by_fold: dict[str, str] = {}
        for key, forms in written.items():
            for form in forms:
                if not form.isupper():
                    by_fold.setdefault(name_key(form), key)
        for m in mentions:
            if m.key.startswith("name:") and m.key in written and all(f.isupper() for f in written[m.key]):
                target = by_fold.get(name_key(written[m.key][0]))
                if target and target != m.key:
                    written[target].extend(written.pop(m.key))
                    m.key = target

    def _writes(self, form: str, own: set[str]) -> bool:
        """Is ``form`` an entry's own form, maybe after a country's short form or before a
        complement ("Food and Agriculture Organization of the United Nations")?"""
        key = name_key(self.words.without_modifier(form))
        return key in own or any(
            key.startswith(f + " ") and key[len(f) + 1 :].split(" ")[0] in self.words.connectors for f in own
        )

    def _group_name(
        self, key: str, forms: list[str], definitions: dict[str, Definition], former: set[str]
    ) -> tuple[str, str | None]:
        if key.startswith("acr:"):
            long_text = definitions[key[4:]].long_text
            tail = name_key(long_text)
            fuller = [f for f in forms if not f.isupper() and name_key(f).endswith(tail)]  # with its parent
            return max([long_text, *fuller], key=len), key[4:]
        if key.startswith("gaz:"):
            entry = self._gazetteer_by_id[key[4:]]
            own = {name_key(f) for f in entry.forms}
            long_forms = [f for f in forms if not is_short_form(f) and not f.isupper() and self._writes(f, own)]
            name = max(long_forms, key=lambda f: (len(f), f)) if long_forms else entry.name
            written_short = [f for f in forms if SHORT_FORM.match(f) and any(c.isdigit() or c.isupper() for c in f[1:])]
            if not long_forms and not entry.acronym and written_short and entry.name not in forms:
                name = Counter(written_short).most_common(1)[0][0]  # "G-20" as written, when no acronym carries it
            return name, entry.acronym if entry.acronym and entry.acronym in forms else None
        mixed = [f for f in forms if not f.isupper()]
        current = [f for f in mixed if name_key(f) not in former] or mixed
        if current:
            return max(current, key=lambda f: (len(f), f)), None
        return (forms[0] if is_short_form(forms[0]) else title_case(forms[0], self.words.small)), None

    # 6. names in another script ---------------------------------------------------------
    @staticmethod
    def _script_aliases(doc: Doc, text: str, chosen: list[Chosen], names: Names) -> None:
        """A line in another script beside a letterhead line naming an organization is its name too."""
        lines = _lines(text)
        line_of = {span: index for index, span in enumerate(lines)}
        whole_line = {}
        for start, end, mention in chosen:
            span = doc[start:end]
            index = line_of.get((span.start_char, span.end_char))
            if index is not None:
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


@Language.factory(
    ORGANIZATIONS,
    requires=["token.is_sent_start"],
    assigns=["doc.spans", "span._.pc_organization", "span._.pc_entity"],
    default_config={},
)
def make_organization_component(nlp: Language, name: str) -> OrganizationComponent:
    return OrganizationComponent(nlp, name)
