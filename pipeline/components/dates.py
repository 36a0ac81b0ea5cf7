"""Date claims: patterns propose spans, ``normalize.dates.parse_date`` decides and normalizes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..annotations import Match, add_claim, published, warn
from ..errors import Code
from ..labels import DATES
from ..normalize.dates import DateRange, parse_date
from .base import RuleComponent, select_longest

PREPOSITIONS = frozenset(
    {"in", "on", "at", "since", "by", "until", "till", "during", "of", "around", "before", "after"}
)
# Leading words that introduce a date but are not part of its span.
LEADING = PREPOSITIONS | {"the", "as", "from", "between"}
# Words after which a bare four-digit number reads as a year.
YEAR_CONTEXT = PREPOSITIONS | {"from", "to", "between", "through", "the", "a", "an", "this", "that", "its", "their",
                               "his", "her", "our", "and", "or", "year", "years", "circa", "c.", "ca.", "end", "start",
                               "beginning", "early", "mid", "late", "spring", "summer", "autumn", "fall", "winter"}  # fmt: skip
YEAR = re.compile(r"^\d{4}$")
MAX_RUN = 14  # tokens of a date run scanned at most
# Words that may sit inside a date but never open or close one ("from" and "between" open ranges).
FILLER = frozenset({"the", "of", "on", "at", "to", "till", "until", "through", "thru", "and", "a", "an"})
RUN_NEVER_STARTS = FILLER | {",", ".", "/", "-", "~", "ago", "after", "before"}
RUN_NEVER_ENDS = FILLER | {"from", "between", "in", "after", "before"}
SPELLED_YEAR_CONTEXT = frozenset(["in", "since", "by", "until", "from", "during", "of", "before", "after", "to"])
OFFSET_UNITS = frozenset({"day", "week", "month", "year"})  # "in 2 weeks" keeps its "in"
AMBIGUOUS_LOWER = frozenset({"may", "march", "mar", "sun", "sat", "wed", "jan", "august"})
PLURAL = re.compile(r"^[a-z]+[^s]s$")
# Any day will do to tell a relative date ("last year") from text that is no date at all.
SOME_DAY = date(2000, 1, 3)


def _previous(doc: Doc, i: int) -> Token | None:
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return doc[j] if j >= 0 else None


def _whole_years(value: DateRange) -> bool:
    return (value[0].month, value[0].day, value[1].month, value[1].day) == (1, 1, 12, 31)


def acts_as_year(doc: Doc, i: int) -> bool:
    """Is the four-digit token ``doc[i]`` used as a year ("in 1992", "the 2015 agreement")?

    Not when it is part of a name or identifier ("Agenda 2063", "Resolution 2231"), nor
    when it counts something ("2000 troops", "about 1500").
    """
    token = doc[i]
    if not YEAR.match(token.text):
        return False
    prev = _previous(doc, i)
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and ((nxt.text in ("%", "-") and not nxt.whitespace_) or nxt.lower_ in ("percent", "per")):
        if nxt.text != "-" or not (i + 2 < len(doc) and YEAR.match(doc[i + 2].text)):
            return False
    if prev is None or token.is_sent_start:
        return not (nxt is not None and PLURAL.match(nxt.text))
    if prev.text in ("\u2013", "-", "/") and prev.i > 0 and YEAR.match(doc[prev.i - 1].text):
        return acts_as_year(doc, prev.i - 1)  # the second year of a range goes with the first
    if prev.lower_ in YEAR_CONTEXT or prev.text in (",", "(", "\u2013", "-"):
        if prev.lower_ in ("and", "or"):
            before = _previous(doc, prev.i)
            return before is not None and bool(YEAR.match(before.text))
        return True
    if prev.text[:1].isupper() or prev.text[:1].isdigit() or prev.text in ("$", "\u20ac", "\u00a3", "#", "No."):
        return False
    return not (nxt is not None and PLURAL.match(nxt.text))


class DateComponent(RuleComponent):
    component = DATES

    def __init__(self, nlp: Language, name: str, *, day_order: str = "dmy") -> None:
        self.day_order = day_order
        super().__init__(nlp, name)

    def _span_of(self, doc: Doc, match: Match) -> tuple[int, int] | None:
        start, end = match.start, match.end
        words = [t.lower_ for t in doc[start:end]]
        keeps_range = words[0] in ("from", "between") and any(w in ("to", "and", "until", "till") for w in words)
        keeps_range = keeps_range or (words[0] == "in" and len(words) >= 3 and words[2].rstrip("s") in OFFSET_UNITS)
        while start < end and not keeps_range and doc[start].lower_ in LEADING:
            start += 1
        while start < end and (doc[start].is_space or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].is_space or doc[end - 1].text in (",", ".", ";", ":")):
            end -= 1
        return (start, end) if start < end else None

    def _value(self, doc: Doc, start: int, end: int, published: date | None) -> DateRange | None:
        value = parse_date(doc[start:end].text, published, order="mdy" if self.day_order == "mdy" else "dmy")
        if value is None:
            return None
        if _whole_years(value) and YEAR.match(doc[start].text) and not acts_as_year(doc, start):
            return None  # "Agenda 2063", "Strategy 2022-2026", "2000 troops"
        return value

    def _scan_run(self, doc: Doc, match: Match, published: date | None) -> list[tuple[int, int, DateRange]]:
        """The dates inside a run of date words: from each start, the longest stretch that parses."""
        found = []
        i, end = match.start, min(match.end, match.start + MAX_RUN)
        while i < end:
            if doc[i].lower_ in RUN_NEVER_STARTS or doc[i].is_space:
                i += 1
                continue
            best = None
            for j in range(end, i, -1):
                if doc[j - 1].lower_ in RUN_NEVER_ENDS or doc[j - 1].is_punct:
                    continue
                if j - i == 1 and doc[i].is_alpha:
                    break  # one word alone ("may", "march", "Sunday") is left to the exact patterns
                words = doc[i:j]
                if not any(t.like_num or any(c.isdigit() for c in t.text) for t in words) and any(
                    t.text in AMBIGUOUS_LOWER for t in words
                ):
                    continue  # "this may take longer": a verb, not the month
                value = self._value(doc, i, j, published)
                if value is not None and all(t.is_alpha for t in words) and _whole_years(value):
                    previous = _previous(doc, i)
                    if previous is None or previous.lower_ not in SPELLED_YEAR_CONTEXT:
                        continue  # "two thousand" is a year only after "in", "since", ...
                if value is not None:
                    best = (i, j, value)
                    break
            if best is None:
                i += 1
                continue
            found.append(best)
            i = best[1]
        return found

    def process(self, doc: Doc, matches: list[Match]) -> None:
        reference = published(doc)
        candidates = self._candidates(doc, matches, reference)
        for start, end, (rule, (first_day, last_day)) in select_longest(candidates):
            chosen = doc[start:end]
            fields = {"start_date": first_day, "end_date": last_day}
            add_claim(doc, "date", chosen.start_char, chosen.end_char, rule, fields)
        if reference is None:
            self._warn_if_relative(doc, matches, candidates)

    def _warn_if_relative(self, doc: Doc, matches: list[Match], found: Sequence[tuple[int, int, object]]) -> None:
        """Relative dates are left out without a publication date: say so, once per article."""
        relative = [
            (start, end)
            for start, end, _ in self._candidates(doc, matches, SOME_DAY)
            if not any(a <= start and end <= b for a, b, _ in found)
        ]
        if relative:
            examples = ", ".join(repr(doc[a:b].text) for a, b in relative[:3])
            warn(doc, Code.W101, examples=examples + (", ..." if len(relative) > 3 else ""))

    def _candidates(
        self, doc: Doc, matches: list[Match], published: date | None
    ) -> list[tuple[int, int, tuple[str, DateRange]]]:
        candidates = []
        from_runs = []  # after the exact patterns: on a tie in length, an exact pattern wins
        for match in matches:
            if match.label == "DATE_RUN":
                for start, end, value in self._scan_run(doc, match, published):
                    span = self._span_of(doc, Match(match.label, match.rule, start, end))
                    if span is not None:
                        from_runs.append((span[0], span[1], (match.rule, value)))
                continue
            span = self._span_of(doc, match)
            if span is None:
                continue
            start, end = span
            exact = self._value(doc, start, end, published)
            if exact is None:
                continue
            candidates.append((start, end, (match.rule, exact)))
        return candidates + from_runs


@Language.factory(
    DATES,
    requires=["token.is_sent_start", "doc._.pc_published"],
    assigns=["doc.spans", "span._.pc_date", "doc._.pc_warnings"],
    default_config={"day_order": "dmy"},
)
def make_date_component(nlp: Language, name: str, *, day_order: str) -> DateComponent:
    return DateComponent(nlp, name, day_order=day_order)
