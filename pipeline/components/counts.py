"""Count claims: a number, what it counts (``unit``), its approximation and range.

Patterns say where a number may start (``NUMBER``: a digit or a number word), find
amounts of money (``MONEY``: a currency sign and an amount) and fractions (``FRACTION``),
the words that qualify a number (``QUALIFIER``, with a canonical ``value``), contexts where
a number is not a count (``NOT_COUNT``: "Article 5", phone numbers) and unit words
(``UNIT``). Every other word this component reads, the words that end a unit
(``UNIT_STOP``) among them, is a word list of the lexicon (``patterns/numbers.jsonl``, ``currencies.jsonl``, ``counts.jsonl``).

A doc goes through named steps:

1. ``CountContext.of`` gathers what every step needs from the matches, once per doc;
2. ``number_runs`` grows each ``NUMBER`` start into the run of number words and digits
   after it; ``split_numbers`` finds the numbers inside a run ("20-30" holds two);
3. ``read_candidate`` turns one number into a count: ``trim_core``, the ``VETOES``
   (dates, names, identifiers, list numbering ...), ``read_value`` (the number and a
   currency sign), ``read_unit`` (the ``UNIT_READERS``: a canonical unit, a currency word,
   a hyphen compound, a noun phrase) and ``read_qualifier``;
4. ``share_across_pairs`` gives a currency or scale written once to both numbers of a pair
   ("between €4 and €6 billion"); ``merge_ranges`` joins "five to seven years" and "between
   $18 billion and $20 billion".
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..annotations import POSSESSIVE_MARKS, Match, add_claim, doc_text, occupied
from ..labels import COUNTS
from ..lexicon import Lexicon
from ..normalize.numbers import (
    MAX_NUMBER_CHARS,
    NumberWords,
    number_words,
    parse_amount,
    parse_fraction_percent,
    parse_number,
    parse_ratio_percent,
)
from ..normalize.units import (
    canonical_qualifier,
    currency_candidates,
    currency_code,
    is_plural_noun,
    singular,
    split_currency_sign,
    stays_outside_span,
)
from .base import Intervals, RuleComponent, select_longest

NOT_A_COUNT = "\x00"  # a unit reader's answer for "two-way", "43-year-old": no count at all
HYPHENS = ("-", "\u2011")
MAX_CURRENCY_TOKENS = 5  # the longest currency name in tokens ("bosnia - herzegovina convertible marks")
MAX_WHOLE_TOKENS = 6  # the "of" phrase after a fraction: "half of the Bank's member countries"
MAX_CHANGE_WORDS = 3  # words between "from" and the number it changes from: "from the current 20"
MAX_NUMBER_TOKENS = 40  # tokens of one number at most ("nine hundred and ninety-nine thousand ...": 20)
LINE_NUMBER = re.compile(r"^[ \t]*(\d{1,3})[ \t]+\S", re.MULTILINE)  # "2 Options" opening a line
INNER_SPACE = re.compile(r"[ \t\u00a0\u202f]+")  # spacing a number may run across (not a line break)
# fractions and money first: on a tie in length they win over a plain number
NUMBER_LABELS = {"RATIO": 0, "FRACTION": 0, "MONEY": 1, "NUMBER": 2}


@dataclass
class CountCandidate:
    start: int  # token span of the whole claim
    end: int
    core_start: int
    core_end: int
    value: float
    unit: str | None
    qualifier: str | None
    rule: str
    value_max: float | None = None
    money: bool = False  # the unit is a currency (from a sign or a currency word)


@dataclass(frozen=True)
class Core:
    """The tokens of one number (``start:end``) and the match that proposed it."""

    start: int
    end: int
    match: Match

    def text(self, ctx: CountContext) -> str:
        return ctx.doc[self.start : self.end].text


# -- 1. what every step needs, once per doc ---------------------------------------------
@dataclass
class CountContext:
    """Everything the steps read about one doc, gathered from its matches once."""

    doc: Doc
    lexicon: Lexicon
    words: NumberWords
    qualifiers: dict[int, Match]  # the longest qualifier ending at a token: "no fewer than", not "fewer than"
    unit_stops: frozenset[str]  # words that end a unit ("of", "were"): the UNIT_STOP word list
    unit_words: set[int]  # tokens of UNIT words kept as written ("km", "MW")
    canonical_units: dict[int, Match]  # the longest UNIT with a canonical value starting at a token ("per cent")
    vetoed: set[int]  # tokens of NOT_COUNT contexts ("Article 5")
    dates: Intervals  # characters taken by date claims
    _currency_context: Counter[str] | None = None
    _line_numbers: set[int] | None = None  # the numbers that open a line, read when first needed
    _paragraph_numbers: set[int] | None = None  # the numbers "N. Capital" anywhere, read when first needed

    @classmethod
    def of(cls, doc: Doc, matches: list[Match], lexicon: Lexicon) -> CountContext:
        qualifiers: dict[int, Match] = {}
        canonical: dict[int, Match] = {}
        for m in matches:
            if m.label == "QUALIFIER" and (m.end not in qualifiers or m.start < qualifiers[m.end].start):
                qualifiers[m.end] = m
            if m.label == "UNIT" and m.value and (m.start not in canonical or m.end > canonical[m.start].end):
                canonical[m.start] = m
        return cls(
            doc=doc,
            lexicon=lexicon,
            words=number_words(lexicon),
            qualifiers=qualifiers,
            unit_stops=lexicon.words("UNIT_STOP"),
            unit_words={
                i
                for m in matches
                if m.label == "UNIT" and not m.value and not _names_a_noun_compound(doc, m, lexicon)
                for i in range(m.start, m.end)
            },
            canonical_units=canonical,
            vetoed=_tokens_of(matches, "NOT_COUNT"),
            dates=Intervals(occupied(doc, "date")),
        )

    @property
    def currency_context(self) -> Counter[str]:
        """Words and phrases of the doc, to pick among currencies sharing a sign (counted when first needed)."""
        if self._currency_context is None:
            self._currency_context = currency_context(self.doc, self.lexicon)
        return self._currency_context

    def role(self, token: Token) -> str | None:
        """The number-grammar role of a small word (``NUMBER_CONNECTOR``): and, dash, of, over ..."""
        return self.words.role(token.lower_)

    def is_article(self, token: Token) -> bool:
        return token.lower_ in self.words.articles


def pick_currency(ctx: CountContext, word: str) -> str | None:
    """The ISO code of a sign or currency word; a shared one ("Rs") by the countries the doc names."""
    codes = currency_candidates(word, ctx.lexicon)
    if len(codes) <= 1:
        return codes[0] if codes else None
    return currency_code(word, ctx.currency_context, ctx.lexicon)


def _tokens_of(matches: list[Match], label: str) -> set[int]:
    return {i for m in matches if m.label == label for i in range(m.start, m.end)}


def currency_context(doc: Doc, lexicon: Lexicon) -> Counter[str]:
    """How often each lower-cased word of the doc occurs, and each phrase as long as a
    ``CURRENCY_COUNTRY`` or ``CURRENCY_HINT`` term ("sri lanka")."""
    tokens = [(t.lower_, t.is_alpha) for t in doc if not t.is_space]
    counts = Counter(lower for lower, alpha in tokens if alpha)
    terms = (*lexicon.terms("CURRENCY_COUNTRY"), *lexicon.terms("CURRENCY_HINT"))
    lengths = {len(term.text.split()) for term in terms} - {1}
    words = [lower for lower, _ in tokens]
    for n in sorted(lengths):
        counts.update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return counts


# -- 2. number runs ---------------------------------------------------------------------
def is_run_token(token: Token, words: NumberWords) -> bool:
    """Can this token continue a number? Number words, connectors, digits, inner spaces."""
    if token.is_space:
        return INNER_SPACE.fullmatch(token.text) is not None
    return token.lower_ in words.run_words or words.number_shaped(token.text)


def number_runs(doc: Doc, starts: list[Match], words: NumberWords) -> list[tuple[int, int, Match]]:
    """Each ``NUMBER`` start grown over the number words and digits after it, runs not overlapping.

    A start that cannot be part of a number ("1st", "~40") opens no run.
    """
    runs: list[tuple[int, int, Match]] = []
    reached = 0
    for match in sorted(starts, key=lambda m: m.start):
        opener = doc[match.start]
        if match.start < reached or not (is_run_token(opener, words) or opener.lower_ in words.signs):
            continue
        end = match.start + 1
        while end < len(doc) and is_run_token(doc[end], words):
            end += 1
        runs.append((match.start, end, match))
        reached = end
    return runs


def split_numbers(doc: Doc, start: int, end: int, lexicon: Lexicon | None = None) -> list[tuple[int, int]]:
    """The numbers inside a run of number-like tokens, each the longest that parses.

    "4000 3 hundred and 21" holds two numbers (4000 and 321), "20-30" two (20 and 30),
    "fifty   two" one (52). No number is longer than ``MAX_NUMBER_TOKENS`` tokens or
    ``MAX_NUMBER_CHARS`` characters, so a run of thousands of numbers costs a bounded
    number of parses per token.
    """
    words = number_words(lexicon)
    tokens = [doc[k] for k in range(start, end)]
    text = doc[start:end].text_with_ws  # the run's own text (``doc.text`` joins the whole doc)
    offset = tokens[0].idx if tokens else 0
    lowers = [t.lower_ for t in tokens]
    spaces = [t.is_space for t in tokens]
    firsts = [t.idx - offset for t in tokens]
    lasts = [t.idx + len(t) - offset for t in tokens]
    dividers = list(itertools.accumulate((words.role(w) in ("over", "out") for w in lowers), initial=0))
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        k = i - start
        if spaces[k] or (lowers[k] in words.inner_words and not _may_open(doc, i, start, words)):
            i += 1
            continue
        best = None
        longest = start + bisect.bisect_right(lasts, firsts[k] + MAX_NUMBER_CHARS)
        for j in range(min(end, i + MAX_NUMBER_TOKENS, max(longest, i + 1)), i, -1):
            m = j - 1 - start
            if spaces[m] or lowers[m] in words.inner_words:
                continue
            divides = dividers[j - start] > dividers[k]
            if divides and j < len(doc) and doc[j].is_alpha and doc[j].is_lower:
                continue  # "$2000 over 3 years": "over" qualifies the next count
            if j < end and lowers[j - start] in words.scales:
                continue  # "5 million and 4 | million": a number does not end before its scale
            if parse_number(text[firsts[k] : lasts[m]], lexicon) is not None:
                best = j
                break
        if best is None:
            i += 1
            continue
        found.append((i, best))
        i = best
    return found


def _may_open(doc: Doc, i: int, start: int, words: NumberWords) -> bool:
    """Can this inner word open a number? "a dozen", "minus five", a sign at the run's start."""
    word = doc[i].lower_
    if word in words.articles or word in words.signs:
        return True
    return words.role(word) == "dash" and i == start and (i == 0 or bool(doc[i - 1].whitespace_))


def is_ratio(ctx: CountContext, match: Match) -> bool:
    """Does a ``RATIO`` match read as one ("one in six"), rather than two numbers ("12 in 2
    quarters", "5 in 2020")?"""
    span = ctx.doc[match.start : match.end]
    if ctx.dates.overlaps(span.start_char, span.end_char):
        return False
    if parse_ratio_percent(span[0].text, span[-1].text, ctx.lexicon) is None:
        return False
    return span[-1].is_alpha or not counts_things_ranked(ctx, match.end)


def counts_things_ranked(ctx: CountContext, end: int) -> bool:
    """After a whole in digits, a plural noun that is no ``RATIO_POPULATION`` makes "3 in 10
    categories" a place among things, not a share ("3 in 10 households" is one)."""
    if end >= len(ctx.doc):
        return False
    after = ctx.doc[end]
    return (
        after.is_alpha
        and is_plural_noun(after.text, ctx.lexicon)
        and not ctx.lexicon.has("RATIO_POPULATION", after.lower_)
    )


def number_cores(ctx: CountContext, matches: list[Match]) -> list[Core]:
    """The numbers of the doc: fractions, amounts of money and numbers in runs, longest first."""
    runs = number_runs(ctx.doc, [m for m in matches if m.label == "NUMBER"], ctx.words)
    others = sorted(
        (m for m in matches if m.label in ("FRACTION", "MONEY") or (m.label == "RATIO" and is_ratio(ctx, m))),
        key=lambda m: NUMBER_LABELS[m.label],
    )
    spans = select_longest([(m.start, m.end, m) for m in others] + runs)
    cores: list[Core] = []
    for start, end, match in spans:
        if match.label == "NUMBER":
            cores.extend(Core(a, b, match) for a, b in split_numbers(ctx.doc, start, end, ctx.lexicon))
        else:
            cores.append(Core(start, end, match))
    return cores


# -- 3. one number -> one count ---------------------------------------------------------
def trim_core(ctx: CountContext, core: Core) -> Core | None:
    """Drop inner words the number ends with ("five and", "twenty -"); nothing left -> None."""
    end = core.end
    while end > core.start and (ctx.role(ctx.doc[end - 1]) in ("and", "dash") or ctx.is_article(ctx.doc[end - 1])):
        end -= 1
    return Core(core.start, end, core.match) if end > core.start else None


def is_in_a_date(ctx: CountContext, core: Core) -> bool:
    """A date claim took these characters."""
    span = ctx.doc[core.start : core.end]
    return ctx.dates.overlaps(span.start_char, span.end_char)


def is_vetoed(ctx: CountContext, core: Core) -> bool:
    """A ``NOT_COUNT`` context holds it: "Article 5", a phone number."""
    return any(i in ctx.vetoed for i in range(core.start, core.end))


def is_lone_one(ctx: CountContext, core: Core) -> bool:
    """A lone "one" or "a" is a pronoun or determiner, never a count."""
    text = ctx.doc[core.start : core.end].text
    return ctx.lexicon.has("NUMBER_ARTICLE", text) or ctx.lexicon.get("NUMBER_WORD", text) == 1


def counts_a_title_case_noun(ctx: CountContext, core: Core) -> bool:
    """Is the number followed by the capitalised plural noun it counts, as in a title-case
    headline ("Bank Backs 12 New Projects", "Loans to Five Countries"), or by a capitalised
    unit or currency ("Bottom 40 Percent", "Two Million Ghana Cedis")? Not a number that reads
    as a year, nor a lower-case noun ("Read 649 times" stays page furniture)."""
    value = parse_number(core.text(ctx), ctx.lexicon)
    if value is None or value == 1 or (value.is_integer() and 1000 <= value <= 2100):
        return False
    if core.end >= len(ctx.doc):
        return False
    after = ctx.doc[core.end]
    if (after.is_title or after.is_upper) and (
        core.end in ctx.canonical_units or currency_word(ctx, core.end, value) is not None
    ):
        return True  # "Bottom 40 Percent", "One Hundred Million Ghana Cedis", "Approves 173 Mln USD Loan"
    if not after.is_title:
        return False
    reading = noun_run(ctx, core.end, value)
    return reading is not None and reading[0] is not None


def is_in_a_title(ctx: CountContext, core: Core) -> bool:
    """A capitalised number word inside a title or name: "Corridor at Ten" (but "to Five
    Countries" counts them)."""
    first = ctx.doc[core.start]
    if not (first.text[:1].isupper() and first.is_alpha and not first.is_sent_start and core.match.label == "NUMBER"):
        return False
    if opens_a_quotation(ctx, core):
        return False
    return not counts_a_title_case_noun(ctx, core)


def opens_a_quotation(ctx: CountContext, core: Core) -> bool:
    """Does the capitalised number open a quoted sentence, a lower-case word after it
    ('said: “Two out of eight agreements ...”')? A quoted title goes on in capitals."""
    doc, start, end = ctx.doc, core.start, core.end
    return start > 0 and doc[start - 1].is_quote and end < len(doc) and doc[end].is_alpha and doc[end].is_lower


def is_in_a_name(ctx: CountContext, core: Core) -> bool:
    """Digits after a capitalised word that is no ``NOT_NAME_WORD``, or after an acronym:
    "Agenda 2063", "Moonshot 1", "ACD 7" (but "Board Backs 12 New Projects" counts them)."""
    if core.start == 0 or not ctx.doc[core.start].text[:1].isdigit() or "," in ctx.doc[core.start].text:
        return False  # no name holds grouped digits: "Nepal 1,200" is a table row
    before = ctx.doc[core.start - 1]
    acronym = before.is_alpha and before.is_upper and len(before) > 1
    currency = ctx.lexicon.has("CURRENCY_SIGN", before.text) or ctx.lexicon.has("CURRENCY", before.text)
    if acronym and not currency and not ends_in_capitals(ctx, core):
        # an acronym's number: "ACD 7", "COP 28"; not when it counts ("WHO 3 regions", "GDP 2.4%",
        # "the IMF 3 billion bailout") or fills a table cell ("USA 45, UK 12")
        return not (counts_a_noun(ctx, core) or counts_a_quantity(ctx, core) or is_a_table_cell(ctx, core))
    if not (before.is_alpha and before.is_title and not ctx.lexicon.has("NOT_NAME_WORD", before.lower_)):
        return False
    if currency or counts_a_quantity(ctx, core):
        return False  # a sum after its sign, a scaled amount: "Sh 67billion", "Energy 78.5 billion"
    return not counts_a_title_case_noun(ctx, core)


def counts_a_noun(ctx: CountContext, core: Core) -> bool:
    """Is the number followed by a noun it counts, in lower case or title case?"""
    value = parse_number(core.text(ctx), ctx.lexicon)
    if value is None or core.end >= len(ctx.doc):
        return False
    reading = noun_run(ctx, core.end, value)
    return (reading is not None and reading[0] is not None) or counts_a_title_case_noun(ctx, core)


def counts_a_quantity(ctx: CountContext, core: Core) -> bool:
    """Is the number a quantity whatever comes before it: a scale inside it ("3 billion",
    "1.9 trillion"), a canonical unit ("2.4%", "0.7 percent") or a currency word after it?"""
    scales = {w.lower() for w in (*ctx.words.scales, *ctx.words.hundreds)}
    if any(t.lower_ in scales for t in ctx.doc[core.start : core.end]):
        return True
    value = parse_number(core.text(ctx), ctx.lexicon)
    return core.end in ctx.canonical_units or (
        value is not None and core.end < len(ctx.doc) and currency_word(ctx, core.end, value) is not None
    )


def is_a_table_cell(ctx: CountContext, core: Core) -> bool:
    """Is the number a cell of a text table: it ends its line after a word that opens the line
    ("USA 45" as a row), or it stands in a list of name-number pairs ("USA 45, UK 12, UAE 9")?"""
    doc, start, end = ctx.doc, core.start, core.end
    name = start - 1
    opens_line = name == 0 or "\n" in doc[name - 1].whitespace_ or doc[name - 1].is_space
    ends_line = end >= len(doc) or "\n" in doc[end - 1].whitespace_ or doc[end].is_space
    if opens_line and ends_line:
        return True
    pair_after = (
        end + 2 < len(doc) and doc[end].text in (",", ";") and doc[end + 1].is_alpha and doc[end + 2].text[:1].isdigit()
    )
    pair_before = name >= 2 and doc[name - 1].text in (",", ";") and doc[name - 2].like_num
    return pair_after or pair_before


def is_a_coded_title(ctx: CountContext, core: Core) -> bool:
    """A year-like number between a currency code in capitals and a capitalised word is the
    year of a name, no amount: "the GHS 2021 Index" (but "GHS 2021 million", "$2021 Bonus")."""
    doc, end = ctx.doc, core.end
    if end - core.start > 2 or end < 2 or end >= len(doc) or not re.fullmatch(r"(19|20)\d\d", doc[end - 1].text):
        return False
    code, after = doc[end - 2], doc[end]
    return (
        code.is_alpha
        and code.is_upper
        and len(code) > 1
        and is_a_sign_before(ctx, code)
        and after.is_alpha
        and after.is_title
        and not counts_a_quantity(ctx, core)
    )


def ends_in_capitals(ctx: CountContext, core: Core) -> bool:
    """Is the number followed by a word in capitals, as in a headline set in capitals
    ("APPEAL TO HELP 45 MILLION PEOPLE")?"""
    after = ctx.doc[core.end] if core.end < len(ctx.doc) else None
    return after is not None and after.is_alpha and after.is_upper


def is_an_identifier(ctx: CountContext, core: Core) -> bool:
    """Digits glued by a hyphen to a word: "COVID-19", "Mainline-1", "GCF-2"; or before a word
    in mixed case: "2019-nCoV" (a lower-case word makes a compound: "two-day")."""
    doc, start, end = ctx.doc, core.start, core.end
    if end + 1 < len(doc) and doc[end].text in HYPHENS and not doc[end - 1].whitespace_:
        after = doc[end + 1]
        if not doc[end].whitespace_ and after.is_alpha and not (after.is_lower or after.is_title):
            return True
    if start >= 1 and _is_spaced_code_number(ctx, core):
        return True
    if start < 2:
        return False
    before = doc[start - 1]
    return (
        before.text in HYPHENS and not before.whitespace_ and doc[start - 2].is_alpha and not doc[start - 2].whitespace_
    )


def _is_spaced_code_number(ctx: CountContext, core: Core) -> bool:
    """An identifier's number with a space before its hyphen: "COVID -19", "SARS -2" (a word in
    capitals, then a hyphen glued to whole digits with nothing counted after them; "GDP -2.4%"
    is a negative share)."""
    doc, start, end = ctx.doc, core.start, core.end
    first, before = doc[start], doc[start - 1]
    if not (first.text[:1] in HYPHENS and first.text[1:].isdigit() and end == start + 1):
        return False
    if not (before.is_alpha and before.is_upper and len(before) >= 3 and before.whitespace_ == " "):
        return False
    return not (counts_a_quantity(ctx, core) or counts_a_noun(ctx, core))


def is_an_ordinal_compound(ctx: CountContext, core: Core) -> bool:
    """A tens word joined by a hyphen to an ordinal is an ordinal, no fraction: "the
    Twenty-third Meeting", "its thirty-fifth session" (but "two-thirds" is a fraction)."""
    doc, start, end = ctx.doc, core.start, core.end
    if end - start != 3 or doc[start + 1].text not in HYPHENS:
        return False
    tens = ctx.lexicon.get("NUMBER_WORD", doc[start].lower_)
    return (
        isinstance(tens, int | float)
        and tens >= 20
        and tens % 10 == 0
        and ctx.lexicon.has("ORDINAL", doc[end - 1].lower_)
    )


def is_a_titled_amount(ctx: CountContext, core: Core) -> bool:
    """An amount written as part of a title: a capitalised scale word inside the sentence,
    and a capitalised word after it ("the USD 100 Billion Goal"; "the USD 100 billion goal"
    is a count; a title-case headline's "Two Million Displaced People" too)."""
    doc, end = ctx.doc, core.end
    scale = doc[end - 1]
    if end >= len(doc) or scale.is_sent_start or not scale.is_title or scale.lower_ not in ctx.words.scales:
        return False
    after = doc[end].text
    if not (after[:1].isupper() and after[1:2].islower() and not doc[end].is_sent_start):  # "Goal", "Goal.1"
        return False
    return not counts_a_title_case_noun(ctx, core)  # "Two Million Displaced People" in a headline


def is_a_footnote_marker(ctx: CountContext, core: Core) -> bool:
    """A lone small integer with no unit, between a plural noun and a lower-case word: "the
    institutions 3 collectively", a footnote marker that a PDF set apart from its word."""
    doc, start, end = ctx.doc, core.start, core.end
    if end - start != 1 or start == 0 or end >= len(doc) or not doc[start].is_digit or len(doc[start]) > 2:
        return False
    before, after = doc[start - 1], doc[end]
    return (
        before.is_alpha
        and is_plural_noun(before.text, ctx.lexicon)
        and after.is_alpha
        and after.is_lower
        and after.lower_ not in ctx.unit_stops
        and not is_plural_noun(after.text, ctx.lexicon)
        and start not in ctx.unit_words
        and end not in ctx.unit_words
        and end not in ctx.canonical_units
    )


def _is_line_start(doc: Doc, i: int) -> bool:
    j = i - 1
    while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1
    return j < 0 or (doc[j].is_space and "\n" in doc[j].text)


def _is_line_end(doc: Doc, i: int) -> bool:
    """Does the line end before token ``i`` (the text's end, or a break in the spaces that follow)?"""
    j = i
    while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
        j += 1
    return j >= len(doc) or (doc[j].is_space and "\n" in doc[j].text) or "\n" in doc[i - 1].whitespace_


def is_alone_on_its_line(ctx: CountContext, core: Core) -> bool:
    """A bare integer in digits, ungrouped, that is all its line holds: a page number, a counter
    of a listing or of comments that a page printed apart ("13" between the headline and the
    text), no count. Not a figure of a stats box, whose label is the line above, ending in a
    colon ("People in need:"), or the line below, in lower case ("212" over "deaths"); nor a
    text of one line: "forty-two" alone is a number. A label of one to three words on the
    line above or below ("Deaths" / "212" / "Displaced") makes a stats box too."""
    doc, text = ctx.doc, doc_text(ctx.doc)
    if core.end - core.start != 1 or not doc[core.start].is_digit:
        return False
    if not (_is_line_start(doc, core.start) and _is_line_end(doc, core.end)):
        return False
    before, after = doc[core.start].idx, doc[core.start].idx + len(doc[core.start])
    while before > 0 and text[before - 1].isspace():  # the text above ends here, the text below starts at after
        before -= 1
    while after < len(text) and text[after].isspace():
        after += 1
    if before == 0 and after == len(text):
        return False
    line_end = text.find("\n", after)
    line_above = text[text.rfind("\n", 0, before) + 1 : before]
    line_below = text[after : len(text) if line_end < 0 else line_end]
    # a stats box: "People in need:", "212" over "deaths", "Deaths" / "212" / "Displaced"
    colon_above = before > 0 and text[before - 1] == ":"
    lower_below = after < len(text) and text[after].islower()
    return not (colon_above or lower_below or _is_a_label(line_above) or _is_a_label(line_below))


def _is_a_label(line: str) -> bool:
    """A stats box's label: a line of one to three words and no figure ("Deaths", "People displaced")."""
    words = line.split()
    return 0 < len(words) <= 3 and not any(ch.isdigit() for ch in line)


PARAGRAPH_NUMBER = re.compile(r"(?<![\w.,])(\d{1,2})\.\s+[A-Z]")  # "2. On 1 July", wherever it stands


def is_an_inline_paragraph_number(ctx: CountContext, core: Core) -> bool:
    """ "... classified as serious. 2. On 1 July ...": a paragraph's number that the text runs
    on after the sentence before it (a PDF's numbered paragraphs joined into one line), after a
    full stop or a closing bracket, with the number before or after it numbering another
    paragraph too ("How many closed? 120. Most ..." answers a question)."""
    doc, start, end = ctx.doc, core.start, core.end
    if end - start != 1 or start == 0 or end + 1 >= len(doc) or not re.fullmatch(r"\d{1,2}", doc[start].text):
        return False
    before, stop, after = doc[start - 1], doc[end], doc[end + 1]
    if not (before.text in (".", ")") and stop.text == "." and stop.whitespace_ and after.is_title):
        return False
    if ctx._paragraph_numbers is None:
        ctx._paragraph_numbers = {int(m.group(1)) for m in PARAGRAPH_NUMBER.finditer(doc_text(doc))}
    value = int(doc[start].text)
    return value - 1 in ctx._paragraph_numbers or value + 1 in ctx._paragraph_numbers


CODE_OPENERS = frozenset({"(", ")", "/", "#"})


def is_an_ungrouped_code(ctx: CountContext, core: Core) -> bool:
    """A bare integer of five digits or more, ungrouped, standing as a code: after an acronym, a
    bracket or a slash ("PRRO 200532", "(PRRO) 200532", "(200532 Nutrition Support ...)"): a
    project or file number. "risen to 10500" counts."""
    doc, start, end = ctx.doc, core.start, core.end
    if end - start != 1 or not re.fullmatch(r"\d{5,}", doc[start].text):
        return False
    if start == 0:
        return False
    before = doc[start - 1]
    return before.text in CODE_OPENERS or (before.is_upper and before.is_alpha and len(before) > 1)


def is_list_number(ctx: CountContext, core: Core) -> bool:
    """ "1. The institute ...", "2.1 The idea ...", "1 Declaration on ...": a number opening a
    line and followed on that line by a capitalized word (after an optional "." or ")")."""
    doc, start, end = ctx.doc, core.start, core.end
    if not _is_line_start(doc, start) or not re.match(r"^\d{1,3}(?:\.\d{1,2})*\.?$", doc[start].text):
        return False
    if end < len(doc) and doc[end].text in (".", ")"):
        return end + 1 < len(doc) and not doc[end + 1].is_space  # "1. a prosperous Africa", '2. "Corridor"'
    if not (end < len(doc) and not doc[end].is_space and doc[end].text[:1].isupper()):
        return False
    if doc[end].is_alpha and is_plural_noun(doc[end].text, ctx.lexicon):  # "7 Projects & Their Aims": a heading
        return has_numbered_neighbour(ctx, doc[start].text)
    return True


def has_numbered_neighbour(ctx: CountContext, number: str) -> bool:
    """Does another line open with the number before or after this one ("1 Findings", "2 Options")?"""
    if ctx._line_numbers is None:
        ctx._line_numbers = {int(m.group(1)) for m in LINE_NUMBER.finditer(doc_text(ctx.doc))}
    value = int(number.rstrip(".").split(".")[0])
    return value - 1 in ctx._line_numbers or value + 1 in ctx._line_numbers


VETOES: tuple[Callable[[CountContext, Core], bool], ...] = (
    is_in_a_date,
    is_vetoed,
    is_lone_one,
    is_in_a_title,
    is_in_a_name,
    is_a_coded_title,
    is_an_identifier,
    is_an_ordinal_compound,
    is_a_titled_amount,
    is_list_number,
    is_an_inline_paragraph_number,
)


def read_value(ctx: CountContext, core: Core) -> tuple[float | None, str | None, int]:
    """(value, currency sign, start): "$46 billion" -> (46e9, "$", start); a sign just before
    the number counts too, glued ("$" before "5bn") or a space apart ("USD" before the
    "175-million" of a compound, "USD five million")."""
    sign, rest = split_currency_sign(core.text(ctx), ctx.lexicon)
    value = parse_amount(rest, ctx.lexicon) if sign else parse_number(rest, ctx.lexicon)
    start = core.start
    if sign is None and start > 0:
        before = ctx.doc[start - 1]
        if INNER_SPACE.fullmatch(before.whitespace_ or " ") and is_a_sign_before(ctx, before):
            sign, start = before.text, start - 1
    return value, sign, start


def is_a_sign_before(ctx: CountContext, token: Token) -> bool:
    """A ``CURRENCY_SIGN``, or an ISO code in capitals that the lists give as a ``CURRENCY``
    word for itself ("NPR 5 billion", "LKR 3 billion"; not "WON 5", "SUM 5")."""
    if ctx.lexicon.has("CURRENCY_SIGN", token.text):
        return True
    return token.is_upper and len(token) == 3 and ctx.lexicon.get("CURRENCY", token.text) == token.text


def is_a_preposition_here(words: str, before: Token, lexicon: Lexicon) -> bool:
    """Is the qualifier ``words`` a preposition after the verb ``before`` ("organised around
    seven aspirations", "spread over 12 districts")?"""
    return lexicon.has("PREPOSITION_QUALIFIER", words) and lexicon.has("ARRANGING_VERB", before.lower_)


def read_qualifier(ctx: CountContext, start: int) -> tuple[int, str | None]:
    """(claim start, canonical qualifier) for a number at ``start``: "more than 40" -> "more than".

    Some qualifiers stay outside the span ("an estimated 40"), and a ``DURING_WORD`` after an
    amount is no qualifier ("$300 million over five years").
    """
    found = ctx.qualifiers.get(start)
    if found is None:
        return start, None
    doc = ctx.doc
    words = doc[found.start : found.end].text.lower()
    before = doc[found.start - 1] if found.start > 0 else None
    if before is not None and ctx.lexicon.has("DURING_WORD", words) and _ends_an_amount(ctx, before):
        return start, None
    if before is not None and is_a_preposition_here(words, before, ctx.lexicon):
        return start, None
    value = found.value or canonical_qualifier(words, ctx.lexicon)
    if stays_outside_span(words, ctx.lexicon):
        return start, value
    return found.start, value


def _ends_an_amount(ctx: CountContext, token: Token) -> bool:
    lower = token.lower_
    multipliers = {w.lower() for w in (*ctx.words.multipliers, *ctx.words.money_multipliers)}
    return token.like_num or lower in ctx.words.scales or lower in ctx.words.hundreds or lower in multipliers


UnitReading = tuple[str | None, int]  # (unit, end of the claim)
COORDINATORS = frozenset({"and", "or"})  # join two halves of one unit: "cities and regions"
UnitReader = Callable[[CountContext, int, float], UnitReading | None]  # None: does not apply


def canonical_unit(ctx: CountContext, end: int, value: float) -> UnitReading | None:
    """A ``UNIT`` with a canonical value: "42%", "42 per cent" -> percent, "2 percentage points"."""
    found = ctx.canonical_units.get(end)
    return None if found is None else (str(found.value), found.end)


def currency_word(ctx: CountContext, end: int, value: float) -> UnitReading | None:
    """A ``CURRENCY`` word or phrase after the number: "100 billion yuan", "5 million US dollars",
    "3 million Kenyan shillings"."""
    doc = ctx.doc
    for n in range(MAX_CURRENCY_TOKENS, 0, -1):
        words = doc[end : end + n]
        if len(words) < n or not words[0].text[:1].isalpha() or any(t.is_space or t.like_num for t in words):
            continue  # names hold hyphens, "&" and "." too: "Trinidad & Tobago dollars", "U.S. dollars"
        if ctx.lexicon.has("CURRENCY", words.text):
            return pick_currency(ctx, words.text), end + n
    return None


def hyphen_compound(ctx: CountContext, end: int, value: float) -> UnitReading | None:
    """A compound adjective: "120-page", "two-day", "eleven-member", the unit as written and
    singular ("2,000-pound bombs", "a 5-euro fee"); a currency word after a ``SCALE`` word is a
    sum of money ("an 88-million-dollar project": USD). "two-way" and "43-year-old" are no
    counts (``NO_COUNT_COMPOUND``, ``NO_COUNT_COMPOUND_END``)."""
    doc = ctx.doc
    after = doc[end]
    if after.text not in HYPHENS or doc[end - 1].whitespace_ or after.whitespace_:
        return None
    if not (end + 1 < len(doc) and doc[end + 1].is_alpha and doc[end + 1].is_lower):
        return None, end
    word = doc[end + 1]
    ends_old = (
        end + 3 < len(doc)
        and doc[end + 2].text in HYPHENS
        and ctx.lexicon.has("NO_COUNT_COMPOUND_END", doc[end + 3].lower_)
    )
    if ctx.lexicon.has("NO_COUNT_COMPOUND", word.lower_) or ends_old or is_an_ordinal_tail(ctx, end):
        return NOT_A_COUNT, end  # "two-way", "43-year-old", "thirty-first"
    if ctx.lexicon.has("CURRENCY", word.text) and ctx.lexicon.has("SCALE", doc[end - 1].lower_):
        return pick_currency(ctx, word.text), end + 2  # "an 88-million-dollar project": a sum of money
    return singular(word.text, ctx.lexicon), end + 2


def is_an_ordinal_tail(ctx: CountContext, end: int) -> bool:
    """Does an ``ORDINAL`` after the hyphen make the compound no count ("thirty-first",
    "two-third majority")? Not an ordinal that is also a unit (``ORDINAL_UNIT``) after digits
    or a number word below twenty: "a 30-second video", "a five-second silence" count seconds
    (a tens word keeps the ordinal: "its thirty-second session")."""
    word = ctx.doc[end + 1].lower_
    if not ctx.lexicon.has("ORDINAL", word):
        return False
    if not ctx.lexicon.has("ORDINAL_UNIT", word):
        return True
    number = ctx.doc[end - 1]
    tens = ctx.lexicon.get("NUMBER_WORD", number.lower_)
    return number.is_alpha and isinstance(tens, int | float) and tens >= 20


def noun_run(ctx: CountContext, end: int, value: float) -> UnitReading | None:
    """The counted noun phrase after the number: words up to the last plural noun (or a
    ``UNIT`` word), stopping at ``UNIT_STOP`` words and punctuation."""
    doc = ctx.doc
    run: list[Token] = []
    j = end
    while j < len(doc) and len(run) < 6:
        token = doc[j]
        if token.lower_ in COORDINATORS and run and not run[-1].whitespace_.count("\n"):
            joined = _coordinated_end(ctx, j, _counts_a_noun(ctx, run[-1]))
            if joined is not None:  # "850 staff and instructors", "five million small and medium firms"
                run.extend(doc[j:joined])
                break
        if token.lower_ in ctx.unit_stops or token.is_space:
            break
        if (
            token.text == "-"
            and run
            and not token.whitespace_
            and not run[-1].whitespace_
            and j + 1 < len(doc)
            and doc[j + 1].is_alpha
        ):
            run.append(token)
            j += 1
            continue
        if not token.is_alpha:
            break
        run.append(token)
        if token.whitespace_ and "\n" in token.whitespace_:
            break
        j += 1
    words = [t for t in run if t.text != "-"]
    if not words:
        return None, end
    head = _head_noun(ctx, words, value)
    if head is None:
        return None, end
    unit_tokens = [t for t in run if t.i <= head.i]
    capitalized = [t for t in unit_tokens if t.text[:1].isupper() and not (t.is_upper and len(t) > 1)]
    if capitalized and len(capitalized) != len(unit_tokens) and not head.is_lower:
        return None, end  # capitalised modifiers stay ("three Baltic states"), a capitalised head is a name
    last = unit_tokens[-1].i + 1
    return doc[end:last].text, last


TIME_COMPOUND_RULE = "unit-time-compound"


def _names_a_noun_compound(doc: Doc, m: Match, lexicon: Lexicon) -> bool:
    """Is a ``unit-time-compound`` match ("5 day | care centres") the first word of a noun
    compound the number counts: among the two lower-case words after the time word (up to a
    ``UNIT_STOP`` word) a plural comes first that is no time word ("day care centres", "day
    schools", "year groups took part")? Singular words only ("a three year programme of", "the
    24 hour news cycle") or a plural time word ("60 hour weeks") make it a compound adjective
    of time."""
    if m.rule != TIME_COMPOUND_RULE:
        return False
    stops = lexicon.words("UNIT_STOP")
    for token in doc[m.start + 1 : m.start + 3]:  # "day | care centres"
        if not (token.is_alpha and token.is_lower) or token.lower_ in stops:
            return False
        if is_plural_noun(token.text, lexicon):
            return not lexicon.has("DATE_UNIT", token.lower_)
        if "\n" in token.whitespace_:
            return False
    return False


def _counts_a_noun(ctx: CountContext, token: Token) -> bool:
    """Is ``token`` a plural noun or a ``UNIT`` word, a counted noun phrase's last word?"""
    return is_plural_noun(token.text, ctx.lexicon) or token.i in ctx.unit_words


def _coordinated_end(ctx: CountContext, j: int, first_is_noun: bool) -> int | None:
    """The end of a second half of a unit joined by the "and" or "or" at ``j``: up to three
    lower-case words (hyphens glued inside: "govt-aided") that are no ``UNIT_STOP`` word and
    end in a plural noun or a ``UNIT`` word ("small and medium firms", "govt and govt-aided
    schools"), none before it in -s ("and trains doctors" is a verb and its object). After a
    first half that is a noun already (``first_is_noun``: "staff", "nurses") the second is
    one noun, a ``PLURAL_NOUN`` or ``UNIT`` word or a plural before a sign, a line's end or a
    ``CONJUNCT_END`` word ("staff and instructors of ...", "farms and orchards were"): a word
    in -s there may be a verb ("15 members and meets twice", "30 offices and partners with").
    None when the words after it are no unit's ("20 states and the bank", "two loans and
    three grants", "five members and agreed")."""
    doc = ctx.doc
    k, words = j + 1, 0
    last = None
    while k < len(doc) and words < 3:
        token = doc[k]
        if token.text == "-" and not token.whitespace_ and not doc[k - 1].whitespace_ and k + 1 < len(doc):
            k += 1
            continue
        if not (token.is_alpha and token.is_lower) or token.like_num or token.lower_ in ctx.unit_stops:
            break
        if last is not None:
            return None  # a plural before another word: "and hosts summits", "and runs programmes"
        words += 1
        k += 1
        if _counts_a_noun(ctx, token):
            last = k
        if "\n" in token.whitespace_:
            break
    if last is None or not first_is_noun:
        return last
    if last != j + 2:
        return None  # "12 men and seized weapons", "3 roads and repair bridges": a verb and its object
    noun = doc[j + 1]
    if ctx.lexicon.has("PLURAL_NOUN", noun.lower_) or noun.i in ctx.unit_words:
        return last
    if last >= len(doc) or "\n" in noun.whitespace_:
        return last
    after = doc[last]
    ends = (not after.is_alpha and not after.like_num and after.text not in ("-", "'", "\u2019")) or ctx.lexicon.has(
        "CONJUNCT_END", after.lower_
    )
    return last if ends else None


def _head_noun(ctx: CountContext, words: list[Token], value: float) -> Token | None:
    """The last word of the unit: a ``UNIT`` word first, any lower-case word after "one", else
    the last plural noun or ``UNIT`` word."""
    if words[0].i in ctx.unit_words:
        return words[0]
    if value == 1:
        return words[0] if words[0].is_lower else None
    head = None
    for token in words:
        if is_plural_noun(token.text, ctx.lexicon) or token.i in ctx.unit_words:
            head = token
    return head


def partitive(ctx: CountContext, end: int, value: float) -> UnitReading | None:
    """ "four of the Bank's member countries", "16 of the 18 states", "10 out of 11 projects":
    the unit is the noun after "of" (and a determiner, a possessive or the whole's own number);
    the claim is the number."""
    doc = ctx.doc
    if end + 2 >= len(doc) or value == 1:
        return None
    if ctx.role(doc[end]) == "out" and ctx.role(doc[end + 1]) == "of":
        end_of_of = end + 2  # "two out of eight agreements"
    elif ctx.role(doc[end]) == "of":
        end_of_of = end + 1
    else:
        return None
    j = end_of_of
    if doc[j].lower_ in ctx.lexicon.words("PARTITIVE_DETERMINER"):
        j += 1
    if j + 1 < len(doc) and doc[j + 1].lower_ in POSSESSIVE_MARKS:
        j += 2
    while j < len(doc) and (doc[j].like_num or doc[j].lower_ in ctx.words.scales):
        j += 1  # the whole's own number, in digits or words: "16 of the 18 states", "two out of eight"
    reading = noun_run(ctx, j, 2.0) if j < len(doc) and doc[j].is_alpha else None
    if reading is None or reading[0] is None:
        return None
    return reading[0], end


UNIT_READERS: tuple[UnitReader, ...] = (canonical_unit, currency_word, hyphen_compound, partitive, noun_run)


def read_unit(ctx: CountContext, end: int, value: float) -> UnitReading:
    """What the number at ``..end`` counts: the first unit reader that applies decides."""
    if end >= len(ctx.doc):
        return None, end
    for reader in UNIT_READERS:
        reading = reader(ctx, end, value)
        if reading is not None:
            return reading
    return None, end


def is_ordinal_fraction(ctx: CountContext, end: int, value: float) -> bool:
    """ "a third country", "a quarter century": a fraction before a noun is an ordinal."""
    if not (abs(value) < 1 and value != 0 and end < len(ctx.doc)):
        return False
    after = ctx.doc[end]
    return after.is_alpha and after.is_lower and ctx.role(after) != "of"


def read_fraction(ctx: CountContext, core: Core) -> CountCandidate | None:
    """ "half of the targets", "almost a quarter", "to reach two thirds", "2/3 of the seats": a
    part of a whole, in percent at full precision. None (a plain number then) when the text
    is no fraction below one, when it names a period ("the first half of 2024",
    ``is_a_period_part``), or when it has no "of" phrase, no qualifier and no sentence around
    it (``is_share``): "two thirds" alone is the number 0.666..."""
    doc = ctx.doc
    number_end = core.end - 1 if _is_of(ctx, core.end - 1) else core.end
    if number_end <= core.start or is_a_period_part(ctx, core.start):
        return None
    value = parse_fraction_percent(doc[core.start : number_end].text, ctx.lexicon)
    if value is None:
        return None
    whole_end = _end_of_whole(ctx, number_end + 1) if _is_of(ctx, number_end) else None
    claim_start, qualifier = read_qualifier(ctx, core.start)
    if whole_end is None and qualifier is None and not is_share(ctx, core.start, number_end):
        return None
    claim_end = number_end if whole_end is None else whole_end  # the span takes the "of" phrase
    return CountCandidate(claim_start, claim_end, core.start, number_end, value, "percent", qualifier, core.match.rule)


def _is_of(ctx: CountContext, i: int) -> bool:
    return 0 <= i < len(ctx.doc) and ctx.role(ctx.doc[i]) == "of"


def is_a_period_part(ctx: CountContext, start: int) -> bool:
    """An ``ORDINAL`` or ``FRACTION_PERIOD_WORD`` before a fraction makes it part of a period:
    "the first half of 2024", "the last quarter of the year", "each half"."""
    if start == 0:
        return False
    before = ctx.doc[start - 1].lower_
    return ctx.lexicon.has("ORDINAL", before) or ctx.lexicon.has("FRACTION_PERIOD_WORD", before)


def is_share(ctx: CountContext, start: int, end: int) -> bool:
    """Does the fraction at ``start:end`` stand in running text as a share of something ("to
    reach two thirds", "cut by half", "two thirds have ratified")? A word of its sentence
    stands next to it (an article or a dangling "of" is none); not a measure ("half a day")
    nor a word of its own ("half-way", "a third country", "a quarter century": a hyphen or a
    noun after it)."""
    doc = ctx.doc
    after = doc[end] if end < len(doc) else None
    if after is not None and not doc[end - 1].whitespace_ and after.text in HYPHENS:
        return False  # "half-way", "half-century"
    if after is not None and after.is_alpha:
        if ctx.is_article(after) or (after.is_lower and after.lower_ not in ctx.unit_stops):
            return False  # "half a day", "a third country"
        if not (_is_of(ctx, end) and end + 1 == len(doc)):
            return True
    before = doc[start - 1] if start > 0 else None
    return before is not None and before.is_alpha and not ctx.is_article(before)


def read_ratio(ctx: CountContext, core: Core) -> CountCandidate | None:
    """ "one in six", "nearly 3 in 10": a part of every so many, in percent; the span ends at
    the second number. None when the first number is not the smaller."""
    doc = ctx.doc
    value = parse_ratio_percent(doc[core.start].text, doc[core.end - 1].text, ctx.lexicon)
    if value is None:
        return None
    claim_start, qualifier = read_qualifier(ctx, core.start)
    return CountCandidate(claim_start, core.end, core.start, core.end, value, "percent", qualifier, core.match.rule)


def _end_of_whole(ctx: CountContext, start: int) -> int | None:
    """Where the "of" phrase opening at ``start`` (after "of") ends: at its plural noun or
    ``FRACTION_WHOLE`` ("half of the targets set in 2015", "two thirds of 164 members"), else
    after its first word past the determiners, or the capitalised words opening there ("two
    thirds of the membership have", "a fifth of the General Assembly"). None when it holds no
    word or runs on past ``MAX_WHOLE_TOKENS``."""
    doc = ctx.doc
    determiners = ctx.lexicon.words("PARTITIVE_DETERMINER")
    first_noun = None
    j = start
    while j < len(doc) and (
        doc[j].is_alpha or doc[j].like_num or (doc[j].text in POSSESSIVE_MARKS or doc[j].text == "-")
    ):
        token = doc[j]
        if j - start >= MAX_WHOLE_TOKENS or (token.lower_ in ctx.unit_stops and token.lower_ not in determiners):
            break
        j += 1
        if is_plural_noun(token.text, ctx.lexicon) or ctx.lexicon.has("FRACTION_WHOLE", token.lower_):
            return j
        if first_noun is None and token.is_alpha and token.lower_ not in determiners:
            first_noun = j
            while first_noun < len(doc) and token.is_title and doc[first_noun].is_title:
                first_noun += 1  # "the General Assembly"
    return first_noun


def hyphen_scale(ctx: CountContext, end: int) -> tuple[float, int] | None:
    """(factor, new end) for a scale word joined to the number by a hyphen, as in a compound
    adjective: "a $525-million loan", "a 2-billion renminbi loan"; None without one."""
    doc = ctx.doc
    if end + 1 >= len(doc) or doc[end].text not in HYPHENS or doc[end - 1].whitespace_ or doc[end].whitespace_:
        return None
    factor = ctx.words.scales.get(doc[end + 1].lower_)
    return None if factor is None else (factor, end + 2)


def money_multiplier(ctx: CountContext, end: int) -> tuple[float, int] | None:
    """(factor, new end) for a ``MONEY_MULTIPLIER`` after the number when a currency word follows
    it: "472m Japanese Yen", "5 m euros" are millions (after a plain number "m" is metres)."""
    doc = ctx.doc
    if end + 1 >= len(doc):
        return None
    factor = ctx.words.money_multipliers.get(doc[end].text)
    if factor is None or currency_word(ctx, end + 1, factor) is None:
        return None
    word = doc[end + 1]
    if word.is_lower and ctx.lexicon.has("CURRENCY_COMMON_WORD", word.text):
        return None  # "the 800m won by", "a 300m real estate deal": metres
    return factor, end + 1


def read_candidate(ctx: CountContext, core: Core) -> CountCandidate | None:
    """One number as a count, or None: trimmed, vetoed, valued, with its unit and qualifier."""
    trimmed = trim_core(ctx, core)
    if trimmed is None or any(veto(ctx, trimmed) for veto in VETOES):
        return None
    core = trimmed
    if core.match.label == "RATIO":
        return read_ratio(ctx, core)
    fraction = read_fraction(ctx, core)
    if fraction is not None:
        return fraction
    if core.match.label == "FRACTION" and is_a_period_part(ctx, core.start):
        return None  # "the first two quarters", "the last half": a period, no count
    if core.match.label == "FRACTION" and ctx.role(ctx.doc[core.end - 1]) == "of":  # "two thirds" alone is 0.667
        core = Core(core.start, core.end - 1, core.match)
    value, sign, start = read_value(ctx, core)
    if value is None:
        return None
    scaled = hyphen_scale(ctx, core.end) or (None if sign else money_multiplier(ctx, core.end))
    if scaled is not None:
        value *= scaled[0]
        core = Core(core.start, scaled[1], core.match)
    unit = pick_currency(ctx, sign.rstrip()) if sign else None
    money = unit is not None
    claim_end = core.end
    if unit is None:
        unit, claim_end = read_unit(ctx, core.end, value)
        if unit == NOT_A_COUNT:
            return None
        money = currency_word(ctx, core.end, value) is not None
    if unit is None and (
        is_ordinal_fraction(ctx, core.end, value)
        or is_a_footnote_marker(ctx, core)
        or is_alone_on_its_line(ctx, core)
        or is_an_ungrouped_code(ctx, core)
    ):
        return None
    claim_start, qualifier = read_qualifier(ctx, start)
    if qualifier is not None and is_a_change_to(ctx, claim_start, start, claim_end):
        claim_start, qualifier = start, None
    return CountCandidate(claim_start, claim_end, start, core.end, value, unit, qualifier, core.match.rule, money=money)


def is_a_change_to(ctx: CountContext, claim_start: int, start: int, end: int) -> bool:
    """Is "up to" the end point of a change, an amount after "from" following the claim
    ("outlay up to Rs 1.1 lakh crore from Rs 97,000 crore")? Then it bounds nothing."""
    doc = ctx.doc
    if doc[claim_start:start].text.lower() != "up to" or end + 1 >= len(doc):
        return False
    after, amount = doc[end], doc[end + 1]
    if not ctx.lexicon.has("NOT_RANGE_START", after.lower_) or ctx.dates.overlaps(amount.idx, amount.idx + len(amount)):
        return False  # "up to 40 countries from 2025" keeps its bound
    return amount.like_num or ctx.lexicon.has("CURRENCY_SIGN", amount.text)


# -- 4. pairs and ranges ----------------------------------------------------------------
def trailing_scale(ctx: CountContext, item: CountCandidate) -> float:
    """What the scale words ending a number multiply it by: "6 billion" -> 1e9, "1 lakh crore"
    -> 1e12, "40" -> 1."""
    factor = 1.0
    i = item.core_end - 1
    while i > item.core_start and ctx.doc[i].lower_ in ctx.words.scales:
        factor *= ctx.words.scales[ctx.doc[i].lower_]
        i -= 1
    return factor


def is_pair(ctx: CountContext, first: CountCandidate, second: CountCandidate) -> bool:
    """Two numbers joined by one ``RANGE_WORD``: "€4 and €6 billion", "USD 9.7 billion to 25.4 billion"."""
    between = ctx.doc[first.end : second.start]
    return len(between) == 1 and ctx.lexicon.has("RANGE_WORD", between[0].lower_)


def share_across_pair(ctx: CountContext, first: CountCandidate, second: CountCandidate) -> None:
    """A currency or a scale written once serves both numbers of a pair: "between €4 and €6
    billion" is 4e9 and 6e9 euros, "from USD 9.7 billion to 25.4 billion" two amounts in USD.

    The first number takes the second's scale only when it has none of its own, counts
    what the second counts and is smaller than the second's number before its scale ("from
    12 to 9 million" and "by 11 per cent to Rs 11 lakh crore" are left alone).
    """
    if first.money and second.unit is None:
        second.unit, second.money = first.unit, True
    elif second.money and first.unit is None:
        first.unit, first.money = second.unit, True
    if first.unit is not None and first.unit != second.unit:
        return  # "rose 11 per cent to Rs 11.11 lakh crore": two quantities, no scale shared
    scale = trailing_scale(ctx, second)
    if scale > 1 and trailing_scale(ctx, first) == 1 and first.value < second.value / scale:
        first.value *= scale


def share_across_pairs(ctx: CountContext, items: list[CountCandidate]) -> list[CountCandidate]:
    """Apply ``share_across_pair`` to every pair of neighbouring numbers."""
    for first, second in itertools.pairwise(items):
        if is_pair(ctx, first, second):
            share_across_pair(ctx, first, second)
    return items


def range_opener(ctx: CountContext, word: str) -> str | None:
    """The word a range with this ``RANGE_WORD`` must open with ("and" -> "between"), or "" for
    none ("to"); None when it is no range word."""
    if not ctx.lexicon.has("RANGE_WORD", word):
        return None
    return str(ctx.lexicon.get("RANGE_WORD", word) or "")


def _word_before(ctx: CountContext, i: int) -> str:
    return ctx.doc[i - 1].lower_ if i > 0 else ""


def is_range(ctx: CountContext, first: CountCandidate, second: CountCandidate) -> bool:
    """ "five to seven years", "between 5 and 7": one word between, the same unit, rising values;
    not "from 5 to 7" (``NOT_RANGE_START``: a change, not a range)."""
    between = ctx.doc[first.end : second.start]
    opener = range_opener(ctx, between[0].lower_) if len(between) == 1 else None
    if opener is None or second.unit is None:
        return False
    if first.unit is not None and first.unit != second.unit:
        return False
    if second.value <= first.value:
        return False
    before = _word_before(ctx, first.start)
    if opener:
        return before == opener
    return not changes_from(ctx, first.start)


def changes_from(ctx: CountContext, start: int) -> bool:
    """Does a ``NOT_RANGE_START`` word ("from") open the first number of a pair, right before
    it or a few lower-case words before ("from the current 20 percent to 38 percent")? Then
    the pair is a change, not a range."""
    doc = ctx.doc
    for i in range(start - 1, max(start - 1 - MAX_CHANGE_WORDS, -1), -1):
        if ctx.lexicon.has("NOT_RANGE_START", doc[i].lower_):
            return True
        if not (doc[i].is_alpha and doc[i].is_lower):
            return False
    return False


def merge_ranges(ctx: CountContext, items: list[CountCandidate]) -> list[CountCandidate]:
    """Join "five to seven years" and "between $18 billion and $20 billion" into ranges."""
    openers = {str(t.value) for t in ctx.lexicon.terms("RANGE_WORD") if t.value}
    merged: list[CountCandidate] = []
    i = 0
    while i < len(items):
        first = items[i]
        second = items[i + 1] if i + 1 < len(items) else None
        if second is not None and is_range(ctx, first, second):
            start = first.start - 1 if _word_before(ctx, first.start) in openers else first.start
            merged.append(
                CountCandidate(
                    start,
                    second.end,
                    first.core_start,
                    second.core_end,
                    first.value,
                    second.unit,
                    first.qualifier or second.qualifier,
                    first.rule,
                    second.value,
                    second.money,
                )
            )
            i += 2
            continue
        merged.append(first)
        i += 1
    return merged


def _plain(value: float) -> float | int:
    """An integer when the value is one, also when a scale's float product missed it by a
    hair ("1.11 lakh crore" is 1110000000000.0002 in floats)."""
    if abs(value) >= 1000 and abs(value - round(value)) <= 1e-9 * abs(value):
        return round(value)
    return int(value) if float(value).is_integer() else value


class CountComponent(RuleComponent):
    component = COUNTS

    def process(self, doc: Doc, matches: list[Match]) -> None:
        ctx = CountContext.of(doc, matches, self.lexicon)
        candidates = [c for core in number_cores(ctx, matches) if (c := read_candidate(ctx, core)) is not None]
        for item in merge_ranges(ctx, share_across_pairs(ctx, candidates)):
            span = doc[item.start : item.end]
            fields: dict[str, object] = {"value": _plain(item.value), "unit": item.unit, "qualifier": item.qualifier}
            if item.value_max is not None:
                fields["value_max"] = _plain(item.value_max)
            add_claim(doc, "count", span.start_char, span.end_char, item.rule, fields)


@Language.factory(COUNTS, requires=["span._.pc_date"], assigns=["doc.spans", "span._.pc_count"], default_config={})
def make_count_component(nlp: Language, name: str) -> CountComponent:
    return CountComponent(nlp, name)
