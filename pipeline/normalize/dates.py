"""Pure date normalizers: a date expression -> (first day, last day). No spaCy import.

``parse_date`` never raises; it returns None for text that names no calendar period, and
for relative expressions ("last year") when no reference date is given.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from typing import Literal

from . import date_forms

DateRange = tuple[date, date]
DayOrder = Literal["dmy", "mdy"]

MONTHS = date_forms.MONTH_NAMES
WEEKDAYS = date_forms.WEEKDAY_NAMES
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21, "twenty-second": 22,
}  # fmt: skip
COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a few": 3, "several": 3,
}  # fmt: skip

MIN_YEAR, MAX_YEAR = 1000, 2199

_MONTH = r"(?P<{0}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{0}>\d{{1,2}})(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>\d{{4}})"
_DASH = r"\s*(?:-|to|until|till|through)\s*"


def _rx(template: str) -> re.Pattern[str]:
    return re.compile("^" + template + "$")


def _m(name: str) -> str:
    return _MONTH.format(name)


def _d(name: str) -> str:
    return _DAY.format(name)


def _y(name: str) -> str:
    return _YEAR.format(name)


PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")),
    ("numeric", re.compile(r"^(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})$")),
    ("dmy", _rx(_d("d") + r"(?: of)? " + _m("m") + r",? " + _y("y"))),
    ("mdy", _rx(_m("m") + " " + _d("d") + r",? " + _y("y"))),
    ("dd_my", _rx(_d("d") + _DASH + _d("d2") + " " + _m("m") + r",? " + _y("y"))),
    ("m_dd_y", _rx(_m("m") + " " + _d("d") + _DASH + _d("d2") + r",? " + _y("y"))),
    ("dm_dmy", _rx(_d("d") + " " + _m("m") + _DASH + _d("d2") + " " + _m("m2") + r",? " + _y("y"))),
    ("md_mdy", _rx(_m("m") + " " + _d("d") + _DASH + _m("m2") + " " + _d("d2") + r",? " + _y("y"))),
    (
        "dmy_dmy",
        _rx(_d("d") + " " + _m("m") + r",? " + _y("y") + _DASH + _d("d2") + " " + _m("m2") + r",? " + _y("y2")),
    ),
    ("my", _rx(_m("m") + r",? " + _y("y"))),
    ("mm_y", _rx(_m("m") + _DASH + _m("m2") + r",? " + _y("y"))),
    ("my_my", _rx(_m("m") + r",? " + _y("y") + _DASH + _m("m2") + r",? " + _y("y2"))),
    ("year", re.compile(r"^(?:the )?(?:year )?(?P<y>\d{4})$")),
    ("year_range", re.compile(r"^(?:from )?(?P<y>\d{4})" + _DASH + r"(?P<y2>\d{2}|\d{4})$")),
    ("year_range", re.compile(r"^between (?P<y>\d{4}) and (?P<y2>\d{4})$")),
    ("decade", re.compile(r"^(?:the )?(?:start of the |end of the )?(?P<y>\d{3})0'?s$")),
    ("century", re.compile(r"^(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th) century$")),
    ("century_word", re.compile(r"^(?:the )?(?P<w>[a-z]+(?:[- ][a-z]+)?) century$")),
    (
        "quarter",
        re.compile(
            r"^(?:q(?P<q>[1-4])|(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th|last) quarter(?: of)?),? (?P<y>\d{4})$"
        ),
    ),
    ("half", re.compile(r"^(?:h(?P<h>[12])|(?P<hw>first|second|1st|2nd) half(?: of)?),? (?P<y>\d{4})$")),
    (
        "part_year",
        re.compile(
            r"^(?:early|mid|late|the end of|the start of|end of|start of|the middle of|middle of)[- ]?(?P<y>\d{4})$"
        ),
    ),
    (
        "part_month",
        _rx(r"(?:early|mid|late|the end of|end of|the start of|start of)[- ]?" + _m("m") + r",? " + _y("y")),
    ),
    ("dd_m", _rx(_d("d") + _DASH + _d("d2") + " " + _m("m"))),
    ("dm", _rx(_d("d") + r"(?: of)? " + _m("m"))),
    ("md", _rx(_m("m") + " " + _d("d"))),
    ("month", _rx(_m("m"))),
    ("part_month_bare", _rx(r"(?:early|mid|late)[- ]" + _m("m"))),
    ("relative_month", _rx(r"(?P<rel>last|next|this|past) " + _m("m"))),
    (
        "ago",
        re.compile(
            r"^(?P<n>a few|several|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}) (?P<u>day|week|month|year)s? ago$"
        ),
    ),
    (
        "relative",
        re.compile(
            r"^(?P<rel>last|next|this|past|previous|coming|earlier this|later this|the past|the coming|the previous) (?P<u>week|month|year)$"
        ),
    ),
    ("deictic", re.compile(r"^(?P<w>today|yesterday|tomorrow)$")),
    ("weekday", re.compile(r"^(?:on )?(?P<w>" + "|".join(WEEKDAYS) + r")$")),
]
_WEEKDAY_PREFIX = re.compile(r"^(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+")
_LEADING = re.compile(r"^(?:(?:on|in|since|by|until|during|of|at|around|before|after)\s+)?(?:the\s+)?")


def _clean(text: str) -> str:
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2011", "-")
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:()")
    text = text.rstrip(".")
    text = _LEADING.sub("", text)
    if text in WEEKDAYS or not re.search(r"\d", text):
        return text  # "friday next week" keeps its weekday; "Thursday, 13 June 2019" loses it
    return _WEEKDAY_PREFIX.sub("", text)


def month_range(year: int, month: int) -> DateRange:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_range(year: int) -> DateRange:
    return date(year, 1, 1), date(year, 12, 31)


def _valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _nearest_year(published: date, month: int, day: int | None) -> int | None:
    """The year that puts ``month``/``day`` nearest to ``published``, past or future."""
    best: tuple[int, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        when = date_forms.day_or_none(year, month, day or 1)
        if when is None:
            continue
        if day is None:
            distance = abs((year * 12 + month) - (published.year * 12 + published.month))
        else:
            distance = abs((when - published).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return None if best is None else best[1]


def _relative(unit: str, rel: str, published: date) -> DateRange | None:
    shift = {"last": -1, "past": -1, "previous": -1, "the past": -1, "the previous": -1,
             "next": 1, "coming": 1, "the coming": 1}.get(rel, 0)  # fmt: skip
    if unit == "year":
        return year_range(published.year + shift)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + shift
        return month_range(index // 12, index % 12 + 1)
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
    return monday, monday + timedelta(days=6)


def _ago(count: int, unit: str, published: date) -> DateRange | None:
    if unit == "day":
        when = published - timedelta(days=count)
        return when, when
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) - timedelta(weeks=count)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        index = published.year * 12 + published.month - 1 - count
        return month_range(index // 12, index % 12 + 1)
    return year_range(published.year - count)


def _century(n: int) -> DateRange | None:
    if not 1 <= n <= 22:
        return None
    return date((n - 1) * 100 + 1, 1, 1), date(min(n * 100, 9999), 12, 31)


def parse_date(text: str, published: date | None = None, *, order: DayOrder = "dmy") -> DateRange | None:
    """Normalize a date expression to its first and last day.

    ``published`` resolves relative expressions and dates without a year; ``order`` picks
    between day-month and month-day for numeric dates that could be either.
    """
    try:
        cleaned = _clean(text)
    except (AttributeError, TypeError):
        return None
    if not cleaned or len(cleaned) > 80:
        return None
    result = _parse_regular(cleaned, published, order)
    if result is None:
        try:
            result = _parse_other(text, published, order)
        except (ValueError, OverflowError, KeyError, IndexError):
            result = None
    if result is None:
        return None
    start, end = result
    if start > end or not (_valid_year(start.year) and _valid_year(end.year)):
        return None
    return result


def _parse_regular(cleaned: str, published: date | None, order: DayOrder) -> DateRange | None:
    for name, pattern in PATTERNS:
        match = pattern.match(cleaned)
        if match is None:
            continue
        try:
            result = _resolve(name, match, published, order)
        except (ValueError, OverflowError, KeyError):
            result = None
        if result is not None:
            return result
    return None


RANGE_CONNECTORS = re.compile(r" (?:to|till|until|through|thru|and) |-| - ")


def _parse_other(text: str, published: date | None, order: DayOrder, *, ranges: bool = True) -> DateRange | None:
    t = date_forms.canonical(text)
    if not t or len(t) > 80:
        return None
    found = date_forms.absolute(t, published, order) or date_forms.spelled_year(t)
    if found is None and published is not None:
        found = date_forms.relative(t, published)
    if found is None and ranges:
        found = _parse_range(t, published, order)
    return found


def _single(text: str, published: date | None, order: DayOrder) -> DateRange | None:
    if text in ("now", "today") and published is not None:
        return published, published
    cleaned = _clean(text)
    return _parse_regular(cleaned, published, order) or _parse_other(text, published, order, ranges=False)


def _parse_range(t: str, published: date | None, order: DayOrder) -> DateRange | None:
    """ "from 4 to 22 this month", "26 june to 28 june 2020", "between now and november 15th"."""
    between = t.startswith("between ")
    body = re.sub(r"^(?:from|between) ", "", t)
    for split in RANGE_CONNECTORS.finditer(body):
        connector = split.group().strip()
        if connector == "and" and not between:
            continue
        left, right = body[: split.start()].strip(), body[split.end() :].strip()
        if not left or not right:
            continue
        last = _single(right, published, order)
        if last is None:
            continue
        first = None
        for guess in [*_inherit(left, right), left]:  # the second end's month and year come first
            first = _single(guess, published, order)
            if first is not None:
                break
        if first is not None and first[0] > last[1] and not re.search(r"\b\d{4}\b", right):
            shifted = _single(f"{right} {first[0].year + 1}", published, order)  # "between now and November 15th"
            last = shifted or last
        if first is not None and first[0] <= last[1]:
            return first[0], last[1]
    return None


def _inherit(left: str, right: str) -> list[str]:
    """Complete the range's first end from its second: "4" + "january 22 1995" -> "january 4 1995"."""
    guesses = []
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", left):
        replaced = re.sub(r"\b\d{1,2}(?:st|nd|rd|th)?\b", left, right, count=1)
        if replaced != right:
            guesses.append(replaced)
    year = re.search(r"\b\d{4}\b", right)
    if year and not re.search(r"\b\d{4}\b", left) and not left.isdigit():
        guesses.append(f"{left} {year.group()}")
    return guesses


def _resolve(name: str, m: re.Match[str], published: date | None, order: DayOrder) -> DateRange | None:
    g = m.groupdict()
    month = MONTHS.get(g.get("m") or "", 0)
    month2 = MONTHS.get(g.get("m2") or "", 0)
    if name == "iso":
        one = date_forms.day_or_none(int(g["y"]), int(g["m"]), int(g["d"]))
        return None if one is None else (one, one)
    if name == "numeric":
        day, mon = date_forms.day_and_month(int(g["a"]), int(g["b"]), order)
        one = date_forms.day_or_none(int(g["y"]), mon, day)
        return None if one is None else (one, one)
    if name in ("dmy", "mdy"):
        one = date_forms.day_or_none(int(g["y"]), month, int(g["d"]))
        return None if one is None else (one, one)
    if name in ("dd_my", "m_dd_y"):
        first, last = (
            date_forms.day_or_none(int(g["y"]), month, int(g["d"])),
            date_forms.day_or_none(int(g["y"]), month, int(g["d2"])),
        )
        return None if first is None or last is None else (first, last)
    if name in ("dm_dmy", "md_mdy"):
        first, last = (
            date_forms.day_or_none(int(g["y"]), month, int(g["d"])),
            date_forms.day_or_none(int(g["y"]), month2, int(g["d2"])),
        )
        return None if first is None or last is None else (first, last)
    if name == "dmy_dmy":
        first, last = (
            date_forms.day_or_none(int(g["y"]), month, int(g["d"])),
            date_forms.day_or_none(int(g["y2"]), month2, int(g["d2"])),
        )
        return None if first is None or last is None else (first, last)
    if name == "my":
        return month_range(int(g["y"]), month)
    if name == "mm_y":
        return month_range(int(g["y"]), month)[0], month_range(int(g["y"]), month2)[1]
    if name == "my_my":
        return month_range(int(g["y"]), month)[0], month_range(int(g["y2"]), month2)[1]
    if name == "year":
        return year_range(int(g["y"]))
    if name == "year_range":
        first_year, second = int(g["y"]), g["y2"]
        last_year = int(second) if len(second) == 4 else (first_year // 100) * 100 + int(second)
        if last_year <= first_year or last_year - first_year > 200:
            return None
        return year_range(first_year)[0], year_range(last_year)[1]
    if name == "decade":
        start = int(g["y"]) * 10
        return date(start, 1, 1), date(start + 9, 12, 31)
    if name == "century":
        return _century(int(g["n"]))
    if name == "century_word":
        n = ORDINAL_WORDS.get(g["w"])
        return None if n is None else _century(n)
    if name == "quarter":
        q = (
            int(g["q"])
            if g["q"]
            else {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(g["qw"], 4)
        )
        year = int(g["y"])
        return month_range(year, 3 * q - 2)[0], month_range(year, 3 * q)[1]
    if name == "half":
        h = int(g["h"]) if g["h"] else (1 if g["hw"] in ("first", "1st") else 2)
        year = int(g["y"])
        return month_range(year, 6 * h - 5)[0], month_range(year, 6 * h)[1]
    if name == "part_year":
        return year_range(int(g["y"]))
    if name == "part_month":
        return month_range(int(g["y"]), month)
    if published is None:
        return None
    if name in ("dm", "md"):
        day = int(g["d"])
        near = _nearest_year(published, month, day)
        one = None if near is None else date_forms.day_or_none(near, month, day)
        return None if one is None else (one, one)
    if name == "dd_m":
        first_day, last_day = int(g["d"]), int(g["d2"])
        near = _nearest_year(published, month, first_day)
        if near is None:
            return None
        first, last = date_forms.day_or_none(near, month, first_day), date_forms.day_or_none(near, month, last_day)
        return None if first is None or last is None else (first, last)
    if name in ("month", "part_month_bare"):
        near = _nearest_year(published, month, None)
        return None if near is None else month_range(near, month)
    if name == "relative_month":
        rel = g["rel"]
        if rel == "this":
            return month_range(published.year, month)
        if rel in ("last", "past"):
            year = published.year if month < published.month else published.year - 1
        else:
            year = published.year if month > published.month else published.year + 1
        return month_range(year, month)
    if name == "ago":
        count = COUNT_WORDS.get(g["n"]) or int(g["n"])
        return _ago(count, g["u"], published)
    if name == "relative":
        return _relative(g["u"], g["rel"], published)
    if name == "deictic":
        one = published + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[g["w"]])
        return one, one
    if name == "weekday":
        target = WEEKDAYS[g["w"]]
        delta = (target - published.weekday()) % 7
        if delta > 3:
            delta -= 7
        one = published + timedelta(days=delta)
        return one, one
    return None


def parse_iso(text: str) -> date | None:
    """``"2022-10-07"`` -> date(2022, 10, 7); anything else -> None."""
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError, TypeError):
        return None


_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]|$)")


def parse_published(value: object, *, order: DayOrder = "dmy") -> date | None:
    """A publication date as readers meet it: a ``date``, a ``datetime``, an ISO date or
    timestamp ("2023-06-07T10:00:00Z"), or a written day ("June 7, 2023", "7th October
    2022"). None for anything that names no single day."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    iso = _ISO_PREFIX.match(text)
    if iso:
        return parse_iso(iso.group(1))
    found = parse_date(text, order=order)
    return found[0] if found is not None and found[0] == found[1] else None
