"""Count claims: a number, what it counts (``unit``), its approximation and range.

Patterns find the number itself (``NUMBER``, ``MONEY``, ``FRACTION``), the words that
qualify it (``QUALIFIER``, with a canonical ``value``), contexts where a number is not a
count (``NOT_COUNT``: "Article 5", phone numbers) and words that end a unit
(``UNIT_STOP``). The unit is read to the right of the number: a percent sign, a
currency, a compound ("120-page"), or a run of words ending in a plural noun.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..annotations import Match, add_claim, occupied
from ..labels import COUNTS
from ..normalize.numbers import parse_fraction_percent, parse_number
from ..normalize.units import (
    CURRENCIES,
    OUTSIDE_SPAN,
    canonical_qualifier,
    currency_code,
    is_plural_noun,
    singular,
)
from .base import RuleComponent, overlaps, select_longest

SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion", "mn", "bn", "tn", "m", "b", "k"})
CURRENCY_SYMBOLS = re.compile(
    r"^(US\$|A\$|C\$|HK\$|S\$|R\$|\$|€|£|¥|₹|₸|₽|₦|₺|₩|Rs\.?|RM|PKR|INR|USD|EUR|CNY|RMB|KZT|RUB|GBP|JPY)"
)
COMPOUND_EXCLUDED = frozenset({"way", "fold", "thirds", "quarters", "off", "time", "odd", "ish"})
# Capitalized words that may stand before a number without making it part of a name.
NOT_NAME_WORDS = frozenset(
    [
        "in",
        "about",
        "over",
        "some",
        "nearly",
        "around",
        "only",
        "all",
        "the",
        "these",
        "those",
        "its",
        "their",
        "almost",
        "roughly",
        "by",
        "with",
        "of",
        "for",
        "at",
        "on",
        "to",
        "from",
        "since",
        "after",
        "before",
        "under",
        "more",
        "less",
        "fewer",
        "than",
        "just",
        "approximately",
        "another",
        "our",
        "his",
        "her",
        "exactly",
        "precisely",
        "and",
        "or",
        "but",
        "as",
        "when",
        "while",
        "until",
        "between",
        "among",
        "within",
        "during",
        "up",
        "some",
        "another",
        "each",
        "every",
        "at",
        "least",
    ]
)
NOT_A_COUNT = "\x00"  # _unit_after's answer for "two-way", "43-year-old": no count at all
RANGE_WORDS = frozenset({"to", "-", "\u2013", "\u2014", "and", "or"})


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


def _is_line_start(doc: Doc, i: int) -> bool:
    j = i - 1
    while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1
    return j < 0 or (doc[j].is_space and "\n" in doc[j].text)


def _is_list_number(doc: Doc, start: int, end: int) -> bool:
    """ "1. The institute ...", "2.1 The idea ...", "1 Declaration on ...": a number opening a
    line and followed on that line by a capitalized word (after an optional "." or ")")."""
    if not _is_line_start(doc, start) or not re.match(r"^\d{1,3}(?:\.\d{1,2})*\.?$", doc[start].text):
        return False
    j = end
    if j < len(doc) and doc[j].text in (".", ")"):
        return j + 1 < len(doc) and not doc[j + 1].is_space  # "1. a prosperous Africa", '2. "Corridor"'
    return j < len(doc) and not doc[j].is_space and doc[j].text[:1].isupper()


def _number_value(text: str) -> tuple[float | None, str | None]:
    """Value and currency symbol of a number core such as "$46 billion" or "Rs1.2 billion"."""
    symbol = None
    match = CURRENCY_SYMBOLS.match(text)
    if match and (len(text) == match.end() or not text[match.end()].isalpha()):
        symbol = match.group()
        text = text[match.end() :]
        text = re.sub(r"\s*m$", " M", text)  # after a currency, "m" is million: "$5m"
    return parse_number(text.replace("\u2212", "-")), symbol


CONNECTORS = frozenset({"and", "a", "an", "-", "point", "over", "out", "of", "^", "minus", "negative"})


def split_numbers(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The numbers inside a run of number-like tokens, each the longest that parses.

    "4000 3 hundred and 21" holds two numbers (4000 and 321), "20-30" two (20 and 30),
    "fifty   two" one (52).
    """
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        token = doc[i]
        if token.is_space or (token.lower_ in CONNECTORS and not _may_open(doc, i, start)):
            i += 1
            continue
        best = None
        for j in range(end, i, -1):
            last = doc[j - 1]
            if last.is_space or last.lower_ in CONNECTORS:
                continue
            divides = any(t.lower_ in ("over", "out") for t in doc[i:j])
            if divides and j < len(doc) and doc[j].is_alpha and doc[j].is_lower:
                continue  # "$2000 over 3 years": "over" qualifies the next count
            if parse_number(doc[i:j].text) is not None:
                best = j
                break
        if best is None:
            i += 1
            continue
        found.append((i, best))
        i = best
    return found


def _may_open(doc: Doc, i: int, start: int) -> bool:
    """Can this connector open a number? "a dozen", "minus five", a sign at the run's start."""
    word = doc[i].lower_
    if word in ("a", "an", "minus", "negative"):
        return True
    return word == "-" and i == start and (i == 0 or bool(doc[i - 1].whitespace_))


class CountComponent(RuleComponent):
    component = COUNTS

    def process(self, doc: Doc, matches: list[Match]) -> None:
        dates = occupied(doc, "date")
        qualifiers: dict[int, Match] = {}
        for m in matches:  # the longest qualifier ending at a token: "no fewer than", not "fewer than"
            if m.label == "QUALIFIER" and (m.end not in qualifiers or m.start < qualifiers[m.end].start):
                qualifiers[m.end] = m
        stops = {i for m in matches if m.label == "UNIT_STOP" for i in range(m.start, m.end)}
        units = {i for m in matches if m.label == "UNIT" for i in range(m.start, m.end)}
        blocked = {i for m in matches if m.label == "NOT_COUNT" for i in range(m.start, m.end)}
        context = Counter(t.lower_ for t in doc if t.is_alpha)
        # fractions and money first: on a tie in length they win over a plain number
        order = {"FRACTION": 0, "MONEY": 1, "NUMBER": 2}
        numbers = sorted((m for m in matches if m.label in order), key=lambda m: order[m.label])
        spans = select_longest([(m.start, m.end, m) for m in numbers])
        cores: list[tuple[int, int, Match]] = []
        for start, end, match in spans:
            if match.label == "NUMBER":
                cores.extend((a, b, match) for a, b in split_numbers(doc, start, end))
            else:
                cores.append((start, end, match))
        candidates: list[CountCandidate] = []
        for start, end, match in cores:
            candidate = self._candidate(doc, start, end, match, qualifiers, stops, units, blocked, dates, context)
            if candidate is not None:
                candidates.append(candidate)
        for item in self._merge_ranges(doc, candidates):
            span = doc[item.start : item.end]
            value = int(item.value) if float(item.value).is_integer() else item.value
            fields: dict[str, object] = {"value": value, "unit": item.unit, "qualifier": item.qualifier}
            if item.value_max is not None:
                vmax = item.value_max
                fields["value_max"] = int(vmax) if float(vmax).is_integer() else vmax
            add_claim(doc, "count", span.start_char, span.end_char, item.rule, fields)

    def _candidate(
        self,
        doc: Doc,
        start: int,
        end: int,
        match: Match,
        qualifiers: dict[int, Match],
        stops: set[int],
        units: set[int],
        blocked: set[int],
        dates: list[tuple[int, int]],
        context: Counter[str],
    ) -> CountCandidate | None:
        while end > start and doc[end - 1].lower_ in ("and", "-", "a", "an"):
            end -= 1
        if end <= start:
            return None
        core = doc[start:end]
        if overlaps(core.start_char, core.end_char, dates) or any(i in blocked for i in range(start, end)):
            return None
        if core.text.lower() in ("one", "a", "an"):
            return None  # a lone "one" is a pronoun or determiner, never a count
        first = doc[start]
        if first.text[:1].isupper() and first.is_alpha and not first.is_sent_start and match.label == "NUMBER":
            return None  # a number word inside a title or name: "Corridor at Ten"
        before = doc[start - 1] if start > 0 else None
        if (
            before is not None
            and first.text[:1].isdigit()
            and before.is_alpha
            and before.is_title
            and before.lower_ not in NOT_NAME_WORDS
        ):
            return None  # a number inside a name: "Agenda 2063", "Moonshot 1"
        if (
            before is not None
            and before.text in ("-", "\u2011")
            and not before.whitespace_
            and start >= 2
            and doc[start - 2].is_alpha
            and not doc[start - 2].whitespace_
        ):
            return None  # an identifier: "COVID-19", "Mainline-1", "GCF-2"
        if _is_list_number(doc, start, end):
            return None  # list numbering, section numbers, endnote markers
        if match.label == "FRACTION":
            fraction = self._fraction(doc, start, end, match, qualifiers)
            if fraction is not None:
                return fraction
            # no "of" phrase and no qualifier: a plain number ("two thirds" is 0.667)
            if doc[end - 1].lower_ == "of":
                end -= 1
                core = doc[start:end]
        value, symbol = _number_value(core.text)
        if value is None:
            return None
        unit: str | None = None
        claim_end = end
        if (
            symbol is None
            and start > 0
            and CURRENCY_SYMBOLS.match(doc[start - 1].text)
            and not doc[start - 1].whitespace_
        ):
            symbol = doc[start - 1].text
            start -= 1
        if symbol is not None:
            unit = currency_code(symbol.rstrip(), context)
        after = doc[end] if end < len(doc) else None
        if unit is None and after is not None:
            unit, claim_end = self._unit_after(doc, end, value, stops, units, context)
            if unit == NOT_A_COUNT:
                return None
        if unit is None:
            if (
                abs(value) < 1
                and value != 0
                and after is not None
                and after.is_alpha
                and after.is_lower
                and after.lower_ != "of"
            ):
                return None  # "a third country", "a quarter century": an ordinal, not a fraction
            claim_start, qualifier = self._qualifier(doc, start, qualifiers)
            return CountCandidate(claim_start, end, start, end, value, None, qualifier, match.rule)
        claim_start, qualifier = self._qualifier(doc, start, qualifiers)
        return CountCandidate(claim_start, claim_end, start, end, value, unit, qualifier, match.rule)

    def _qualifier(self, doc: Doc, start: int, qualifiers: dict[int, Match]) -> tuple[int, str | None]:
        found = qualifiers.get(start)
        if found is None:
            return start, None
        words = doc[found.start : found.end].text.lower()
        before = doc[found.start - 1] if found.start > 0 else None
        if words == "over" and before is not None and (before.like_num or before.lower_ in SCALE_WORDS):
            return start, None  # "$300 million over five years": over is "during", not "more than"
        value = found.value or canonical_qualifier(words)
        if words in OUTSIDE_SPAN or doc[found.start].lower_ in ("estimated", "an"):
            return start, value
        return found.start, value

    def _unit_after(
        self, doc: Doc, end: int, value: float, stops: set[int], units: set[int], context: Counter[str]
    ) -> tuple[str | None, int]:
        after = doc[end]
        # percent: "42%", "42 percent", "42 per cent"
        if after.text == "%" or after.lower_ in ("percent", "pct", "percentage"):
            if after.lower_ == "percentage" and end + 1 < len(doc) and doc[end + 1].lower_ in ("point", "points"):
                return "percentage points", end + 2
            return "percent", end + 1
        if after.lower_ == "per" and end + 1 < len(doc) and doc[end + 1].lower_ == "cent":
            return "percent", end + 2
        # currency words: "100 billion yuan"
        if after.lower_ in CURRENCIES and after.is_alpha:
            return currency_code(after.text, context), end + 1
        # compound adjective: "120-page", "two-day", "eleven-member"
        if after.text in ("-", "\u2011") and not doc[end - 1].whitespace_ and not after.whitespace_:
            if end + 1 < len(doc) and doc[end + 1].is_alpha and doc[end + 1].is_lower:
                word = doc[end + 1]
                tail = doc[end + 2 : end + 4].text.lower()
                if word.lower_ in COMPOUND_EXCLUDED or tail.startswith("-old") or tail.startswith("- old"):
                    return NOT_A_COUNT, end
                if word.lower_ in ("long", "strong"):
                    return NOT_A_COUNT, end
                return singular(word.text), end + 2
            return None, end
        return self._noun_run(doc, end, value, stops, units)

    def _noun_run(self, doc: Doc, end: int, value: float, stops: set[int], units: set[int]) -> tuple[str | None, int]:
        """The counted noun phrase after the number: words up to the last plural noun (or a
        ``UNIT`` word), stopping at ``UNIT_STOP`` words and punctuation."""
        run: list[Token] = []
        j = end
        while j < len(doc) and len(run) < 6:
            token = doc[j]
            if j in stops or token.is_space:
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
        head = None
        if words[0].i in units:
            head = words[0]
        elif value == 1:
            head = words[0] if words[0].is_lower else None
        else:
            for token in words:
                if is_plural_noun(token.text) or token.i in units:
                    head = token
        if head is None:
            return None, end
        unit_tokens = [t for t in run if t.i <= head.i]
        capitalized = [t for t in unit_tokens if t.text[:1].isupper() and not (t.is_upper and len(t) > 1)]
        if capitalized and len(capitalized) != len(unit_tokens):
            return None, end
        last = unit_tokens[-1].i + 1
        return doc[end:last].text, last

    def _fraction(
        self, doc: Doc, start: int, end: int, match: Match, qualifiers: dict[int, Match]
    ) -> CountCandidate | None:
        words = [t.lower_ for t in doc[start:end]]
        has_of = words[-1] == "of"
        fraction_words = " ".join(w for w in words if w != "of")
        value = parse_fraction_percent(fraction_words)
        if value is None:
            return None
        claim_start, qualifier = self._qualifier(doc, start, qualifiers)
        if not has_of and qualifier is None:
            return None
        claim_end = end
        if has_of:  # the span takes the "of" phrase: "half of the targets"
            j = end
            while j < len(doc) and (doc[j].is_alpha or doc[j].text in ("'s", "-")) and j - end < 6:
                j += 1
                if doc[j - 1].whitespace_ and "\n" in doc[j - 1].whitespace_:
                    break
                if is_plural_noun(doc[j - 1].text) or doc[j - 1].lower_ in ("population", "world"):
                    claim_end = j
                    break
            if claim_end == end:
                claim_end = end - 1
        return CountCandidate(claim_start, claim_end, start, end, value, "percent", qualifier, match.rule)

    def _merge_ranges(self, doc: Doc, items: list[CountCandidate]) -> list[CountCandidate]:
        """Join "five to seven years" and "between $18 billion and $20 billion" into ranges."""
        merged: list[CountCandidate] = []
        i = 0
        while i < len(items):
            first = items[i]
            second = items[i + 1] if i + 1 < len(items) else None
            if second is not None and self._is_range(doc, first, second):
                before = doc[first.start - 1].lower_ if first.start > 0 else ""
                start = first.start - 1 if before == "between" else first.start
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
                    )
                )
                i += 2
                continue
            merged.append(first)
            i += 1
        return merged

    @staticmethod
    def _is_range(doc: Doc, first: CountCandidate, second: CountCandidate) -> bool:
        between = doc[first.end : second.start]
        if len(between) != 1 or between[0].lower_ not in RANGE_WORDS or second.unit is None:
            return False
        if first.unit is not None and first.unit != second.unit:
            return False
        if second.value <= first.value:
            return False
        before = doc[first.start - 1].lower_ if first.start > 0 else ""
        if between[0].lower_ in ("and", "or"):
            return before == "between"
        return before != "from"


@Language.factory(COUNTS, requires=["span._.pc_date"], assigns=["doc.spans", "span._.pc_count"], default_config={})
def make_count_component(nlp: Language, name: str) -> CountComponent:
    return CountComponent(nlp, name)
